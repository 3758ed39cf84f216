"""Matching nodes against the text index: every node kind, scores as brute force."""

from __future__ import annotations

from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs._search.evaluate import matches
from sinosoviet_docs._search.nodes import Node
from sinosoviet_docs.index import ALIAS_WEIGHT, index_for

from ..strategies import (
    search_strings,
    searchable_catalogues,
)
from .brute import Brute, _synonyms


@given(searchable_catalogues(), search_strings)
def test_search_matches_brute_force(cat: ssd.Catalogue, text: str) -> None:
    """Every search gives the brute-force documents, scores and order (score, then date)."""
    assert Brute(cat).ranked(text) == cat.search(text, aliases=False).scores()


@given(searchable_catalogues(), search_strings)
def test_search_with_aliases_matches_brute_force(cat: ssd.Catalogue, text: str) -> None:
    """With name expansion, scores and order match brute force over the synonym groups."""
    assert Brute(cat).ranked(text, aliases=True) == cat.search(text).scores()


def _by_id(cat: ssd.Catalogue, node: Node) -> dict[str, float]:
    docs = cat.documents
    return {docs[d].id: s for d, s in matches(index_for(cat).text, node).items()}


def test_synonyms_score_the_best_alternative_not_the_sum() -> None:
    """A document naming a person twice over scores like one naming them once as typed."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="both", title="Filippov Stalin"),
            ssd.Document(id="typed", title="Filippov Zhou"),
            ssd.Document(id="other", title="Mao Zhou"),
            ssd.Document(id="more", title="Mao Molotov"),
        ]
    )
    scores = _by_id(cat, _synonyms(("filippov", "stalin")))
    assert scores["typed"] == scores["both"]


def test_alias_only_match_ranks_below_every_typed_match() -> None:
    """A short document naming only an alias ranks below a long one holding the typed word."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="alias", title="Stalin"),
            ssd.Document(id="typed", title="Filippov " + "telegram " * 30),
            ssd.Document(id="x", title="Mao"),
            ssd.Document(id="y", title="Zhou"),
        ]
    )
    scores = _by_id(cat, _synonyms(("filippov", "stalin")))
    assert ALIAS_WEIGHT * scores["typed"] == scores["alias"]


def test_diacritics_fold() -> None:
    """Lüshun, LUSHUN and Lushun are one word for search."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Port of Lüshun"),
            ssd.Document(id="b", title="LUSHUN again"),
            ssd.Document(id="c", title="Dalian"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("lushun").ids())
    assert ["a", "b"] == sorted(cat.search("Lüshun").ids())


def test_phrase_does_not_cross_fields() -> None:
    """A phrase must lie inside one field: title end + summary start is no match."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="the east", summary="wind blows")])
    assert [] == cat.search('"east wind"').ids()
    assert ["a"] == cat.search("east wind").ids()


def test_field_prefix_restricts() -> None:
    """title: matches only in titles."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Taiwan", summary="x"),
            ssd.Document(id="b", title="x", summary="Taiwan"),
        ]
    )
    assert ["a"] == cat.search("title:taiwan").ids()
    assert ["b"] == cat.search("summary:taiwan").ids()


def test_prefix_search() -> None:
    """stal* finds Stalin and Stalinism but not Mao."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Stalin"),
            ssd.Document(id="b", title="Stalinism"),
            ssd.Document(id="c", title="Mao"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("stal*").ids())
