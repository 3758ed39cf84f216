"""Matching nodes against the text index: every node kind, scores as brute force."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs._search.evaluate import MATCHERS, matches
from sinosoviet_docs._search.nodes import (
    And,
    DatedPhrase,
    FieldFilter,
    Node,
    Not,
    Or,
    Phrase,
    Synonyms,
    Term,
)
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


def _dispatch_catalogue() -> ssd.Catalogue:
    def doc(id: str, title: str, year: int | None, **extra: str) -> ssd.Document:
        date = None if year is None else ssd.PartialDate(year=year)
        return ssd.Document(id=id, title=title, date=date, **extra)  # type: ignore[arg-type]

    return ssd.Catalogue(
        documents=[
            doc("a", "East wind over Taiwan", 1950, summary="Mao to Filippov"),
            doc("b", "Filippov to Mao", 1951),
            doc("c", "Vladimir Filippov on the east", 1960),
            doc("d", "Taiwan strait", None, text="the wind from the east"),
        ]
    )


_EVERY_KIND: list[Node] = [
    Term("taiwan"),
    Term("east", field="title"),
    Term("tai", prefix=True),
    Phrase(("east", "wind")),
    Phrase(("the", "east"), field="text"),
    DatedPhrase(("filippov",), first=1949, last=1953, qualifiers=frozenset({"vladimir"})),
    Synonyms(Term("filippov"), (Term("mao"), Phrase(("east", "wind")))),
    And((Term("east"), Not(Term("taiwan")))),
    Or((Term("strait"), Phrase(("east", "wind")))),
    Not(Term("taiwan")),
    FieldFilter("from", "filippov"),
]


def test_the_dispatch_table_has_one_matcher_per_node_kind() -> None:
    """Every kind of the Node union has its matcher, and the table holds nothing else."""
    assert set(get_args(Node)) == set(MATCHERS)
    assert set(get_args(Node)) == {type(node) for node in _EVERY_KIND}


@pytest.mark.parametrize("node", _EVERY_KIND, ids=lambda n: type(n).__name__)
def test_every_node_kind_matches_as_brute_force(node: Node) -> None:
    """Each matcher of the table scores its node kind as the brute-force scorer does."""
    cat = _dispatch_catalogue()
    expected = Brute(cat).score(node)
    assert expected
    assert expected == matches(index_for(cat).text, node)


def test_a_dated_phrase_is_not_matched_as_a_phrase() -> None:
    """A code name counts only in its years and not after a qualifier, unlike the phrase
    it extends: the exact type chooses the matcher, not the order of a chain of tests."""
    cat = _dispatch_catalogue()
    text = index_for(cat).text
    dated = DatedPhrase(("filippov",), first=1949, last=1950, qualifiers=frozenset({"vladimir"}))
    assert ["a"] == [cat.documents[d].id for d in matches(text, dated)]
    assert ["a", "b", "c"] == [cat.documents[d].id for d in matches(text, Phrase(("filippov",)))]
