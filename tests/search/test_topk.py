"""The one top-k (threshold) algorithm and scoring by look-up, against brute force."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs._search.evaluate import matches
from sinosoviet_docs._search.nodes import And, Or, Term
from sinosoviet_docs._search.topk import score_groups, top_k
from sinosoviet_docs.index import index_for

from ..strategies import (
    plain_searches,
    searchable_catalogues,
    synonym_groups,
)
from .brute import Brute, _synonyms

_plain_words = st.sampled_from(["taiwan", "lushun", "stalin", "mao", "east", "the", "nothing"])


@given(searchable_catalogues(max_documents=60), plain_searches, st.integers(1, 6))
def test_top_k_with_aliases_matches_brute_force(cat: ssd.Catalogue, text: str, k: int) -> None:
    """A limited search with name expansion gives the first k of the brute-force ranking."""
    assert Brute(cat).ranked(text, aliases=True)[:k] == cat.search(text).limit(k).scores()


@given(searchable_catalogues(max_documents=60), synonym_groups, st.booleans(), st.integers(1, 6))
def test_top_k_of_synonym_groups_matches_brute_force(
    cat: ssd.Catalogue, groups: list[tuple[str, ...]], conjunctive: bool, k: int
) -> None:
    """top_k (threshold algorithm, group bound = max of its words' bounds) is brute force."""
    nodes = tuple(_synonyms(g) for g in groups)
    node = nodes[0] if len(nodes) == 1 else (And(nodes) if conjunctive else Or(nodes))
    expected = Brute(cat).rank(Brute(cat).score(node))[:k]
    found = top_k(index_for(cat).text, groups, conjunctive=conjunctive or len(groups) == 1, k=k)
    docs = list(cat)
    assert expected == [(docs[d].id, s) for s, d in found]


@given(searchable_catalogues(), synonym_groups, st.booleans())
def test_synonym_groups_by_lookup_match_brute_force(
    cat: ssd.Catalogue, groups: list[tuple[str, ...]], conjunctive: bool
) -> None:
    """score_groups (the filtered path) and matches (full evaluation) score as brute force."""
    nodes = tuple(_synonyms(g) for g in groups)
    node = nodes[0] if len(nodes) == 1 else (And(nodes) if conjunctive else Or(nodes))
    expected = Brute(cat).score(node)
    text = index_for(cat).text
    scored = score_groups(
        text, groups, range(len(cat)), conjunctive=conjunctive or len(groups) == 1
    )
    assert expected == scored
    assert expected == matches(text, node)


@given(searchable_catalogues(max_documents=60), plain_searches, st.integers(1, 6))
def test_top_k_matches_brute_force(cat: ssd.Catalogue, text: str, k: int) -> None:
    """The top-k path (threshold algorithm) gives the first k of the brute-force ranking."""
    assert Brute(cat).ranked(text)[:k] == cat.search(text, aliases=False).limit(k).scores()


@given(searchable_catalogues(), plain_searches, st.integers(0, 3), st.integers(1, 4))
def test_top_k_with_offset_and_filter_matches_brute_force(
    cat: ssd.Catalogue, text: str, skip: int, k: int
) -> None:
    """offset and limit over a filtered search slice the brute-force ranking."""
    keep = {d.id for d in cat if d.type is not None and d.type.lower() == "telegram"}
    expected = [p for p in Brute(cat).ranked(text) if p[0] in keep][skip : skip + k]
    q = cat.search(text, aliases=False).of_type("TELEGRAM").offset(skip).limit(k)
    assert expected == q.scores()


@given(
    searchable_catalogues(max_documents=60),
    synonym_groups,
    st.booleans(),
    st.integers(1, 6),
    st.sets(st.integers(0, 59)),
)
def test_top_k_with_a_filter_is_the_brute_force_ranking_of_what_it_keeps(
    cat: ssd.Catalogue,
    groups: list[tuple[str, ...]],
    conjunctive: bool,
    k: int,
    kept: set[int],
) -> None:
    """With ``accept``, top_k gives the first k of the brute-force ranking of the kept documents."""
    conjunctive = conjunctive or len(groups) == 1
    nodes = tuple(_synonyms(g) for g in groups)
    node = nodes[0] if len(nodes) == 1 else (And(nodes) if conjunctive else Or(nodes))
    brute = Brute(cat)
    expected = brute.rank({d: s for d, s in brute.score(node).items() if d in kept})[:k]
    text = index_for(cat).text
    found = top_k(text, groups, conjunctive=conjunctive, k=k, accept=kept.__contains__)
    docs = list(cat)
    assert expected == [(docs[d].id, s) for s, d in found]


@given(
    searchable_catalogues(max_documents=60),
    st.lists(st.sampled_from(["taiwan", "stalin", "mao", "the", "east", "nothing"]), min_size=1),
    st.booleans(),
    st.integers(0, 6),
)
def test_a_plain_word_is_a_synonym_group_of_one(
    cat: ssd.Catalogue, words: list[str], conjunctive: bool, k: int
) -> None:
    """Plain words, each a group of one, rank as the brute-force sum of their terms."""
    conjunctive = conjunctive or len(words) == 1
    terms = tuple(Term(w) for w in words)
    node = terms[0] if len(terms) == 1 else (And(terms) if conjunctive else Or(terms))
    brute = Brute(cat)
    expected = brute.rank(brute.score(node))[:k]
    found = top_k(index_for(cat).text, [(w,) for w in words], conjunctive=conjunctive, k=k)
    docs = list(cat)
    assert expected == [(docs[d].id, s) for s, d in found]


def test_one_word_and_plain_and_need_no_impact_order() -> None:
    """A one-word top k selects (no sort of the word's postings by impact), and an AND of
    plain words reads impacts of the documents holding all of them only (nothing decoded)."""
    docs = [ssd.Document(id=f"d{i}", title="east wind" if i % 3 else "east") for i in range(40)]
    cat = ssd.Catalogue(documents=docs)
    text = index_for(cat).text

    def refuse(tid: int) -> None:
        raise AssertionError("impact order computed")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "impact_order", refuse)
        assert Brute(cat).ranked("east wind")[:3] == cat.search("east wind").limit(3).scores()
        assert all(text._impacts[text.vocab[w]] is None for w in ("east", "wind"))
        assert Brute(cat).ranked("east")[:3] == cat.search("east").limit(3).scores()


@given(
    searchable_catalogues(max_documents=60), _plain_words, st.lists(st.integers(1, 8), max_size=4)
)
def test_a_word_asked_for_several_k_ranks_as_brute_force_each_time(
    cat: ssd.Catalogue, word: str, ks: list[int]
) -> None:
    """The best postings kept per word serve a smaller k and are found again for a larger."""
    expected = Brute(cat).ranked(word)
    for k in ks:
        assert expected[:k] == cat.search(word, aliases=False).limit(k).scores()
