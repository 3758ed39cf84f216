"""The text index's storage: counts, impacts and the fields of each document."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import Any, overload

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs._search import evaluate, postings
from sinosoviet_docs._search.evaluate import matches
from sinosoviet_docs._search.nodes import FIELDS, Phrase
from sinosoviet_docs._search.postings import intersect
from sinosoviet_docs._search.runs import count_runs
from sinosoviet_docs.index import index_for

from ..strategies import searchable_catalogues
from .brute import Brute

_words = st.sampled_from(["taiwan", "lushun", "stalin", "mao", "east", "wind", "the", "nothing"])


def test_a_word_repeated_hundreds_of_times_scores_exactly() -> None:
    """A count too large for the packed postings is kept apart and scored exactly."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="many", title="x", summary="taiwan " * 300),
            ssd.Document(id="one", title="taiwan strait"),
            ssd.Document(id="none", title="mao"),
        ]
    )
    assert Brute(cat).ranked("taiwan") == cat.search("taiwan", aliases=False).scores()


@given(st.lists(st.sets(st.integers(0, 300), max_size=120), min_size=1, max_size=4))
def test_intersect_is_the_documents_in_every_list_and_where_they_are(
    lists: list[set[int]],
) -> None:
    """Probing (a long list) and a set (a short one) both find exactly the common documents."""
    views = [array("I", sorted(docs)) for docs in lists]
    found, where = intersect(views)
    assert found == sorted(set.intersection(*lists))
    for docnos, spots in zip(views, where, strict=True):
        assert [docnos[i] for i in spots] == found
    assert intersect(views, positions=False) == (found, [[] for _ in views])


@given(searchable_catalogues(max_documents=40), st.lists(_words, min_size=1, max_size=3))
def test_impacts_of_common_documents_are_the_decoded_impacts(
    cat: ssd.Catalogue, words: list[str]
) -> None:
    """Impacts computed for the documents holding every word equal those of decoding,
    whether the words' postings are still packed or already decoded."""
    text = index_for(cat).text
    tids = [text.term_id(w) for w in words]
    if any(t is None for t in tids):
        return
    present = [t for t in tids if t is not None]
    packed = text.common_impacts(present)
    text.precompute()
    expected = sorted(set.intersection(*(set(text.docnos(t)) for t in present)))
    decoded = [[text.impacts(t)[text.docnos(t).index(d)] for d in expected] for t in present]
    assert packed == (expected, decoded) == text.common_impacts(present)
    assert text.common(present) == expected


@given(searchable_catalogues(max_documents=40), _words, _words)
def test_a_phrase_reads_positions_only_where_both_words_are(
    cat: ssd.Catalogue, first: str, second: str
) -> None:
    """The phrase matcher (positions read for the documents holding every word) counts
    what a scan of every document's fields counts."""
    text = index_for(cat).text
    scores = matches(text, Phrase((first, second)))
    a, b = text.term_id(first), text.term_id(second)
    counts: dict[int, int] = {}
    if a is not None and b is not None:
        run = array(text.forward.typecode, [a, b])
        for d in range(len(cat)):
            tf = sum(count_runs(text.segment(d, field), run) for field in range(len(FIELDS)))
            if tf:
                counts[d] = tf
    assert scores == text.score_counts(counts)


class _Counted(Sequence[int]):
    """A sequence that counts the items read from it."""

    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.reads = 0

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...
    def __getitem__(self, i: int | slice) -> int | Sequence[int]:
        self.reads += 1
        return self.items[i]


def test_intersecting_a_short_list_with_a_long_one_reads_a_logarithm_of_it() -> None:
    """m candidates against n postings (n far larger) read O(m log n) keys of the long list."""
    short = [7, 5_000, 61_000, 99_999]
    long = _Counted(list(range(0, 100_000, 3)))  # 33,334 keys
    found, _ = intersect([short, long])
    assert found == [d for d in short if d % 3 == 0]
    assert long.reads <= len(short) * (math.log2(len(long)) + 2)


def test_a_phrase_reads_the_tokens_of_the_documents_holding_every_word_only() -> None:
    """Positions are read in as many documents as hold both words, not in every
    document holding the rarer."""
    docs = [ssd.Document(id=f"w{i}", title="east wind") for i in range(3)]
    docs += [ssd.Document(id=f"e{i}", title="east") for i in range(50)]
    docs += [ssd.Document(id=f"v{i}", title="wind west") for i in range(50)]
    text = index_for(ssd.Catalogue(documents=docs)).text
    read: list[int] = []

    def counted(seq: Sequence[int], run: Sequence[int], *args: Any) -> int:
        read.append(args[2])  # where the document's tokens start
        return count_runs(seq, run, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluate, "count_runs", counted)
        assert len(matches(text, Phrase(("east", "wind")))) == 3
    assert len(read) == 3


@given(
    searchable_catalogues(max_documents=40),
    st.lists(_words, min_size=2, max_size=3),
    st.sampled_from([None, *range(len(FIELDS))]),
)
def test_the_byte_search_keeps_every_document_holding_the_run(
    cat: ssd.Catalogue, words: list[str], field: int | None
) -> None:
    """``may_hold`` keeps, of the documents given, every one holding the run in the field
    (or anywhere), and keeps nothing it was not given."""
    text = index_for(cat).text
    tids = [text.term_id(w) for w in words]
    if any(t is None for t in tids):
        return
    run = array(text.forward.typecode, [t for t in tids if t is not None])
    fields = range(len(FIELDS)) if field is None else (field,)
    holding = [
        d for d in range(len(cat)) if any(count_runs(text.segment(d, f), run) for f in fields)
    ]
    given_docs = list(range(0, len(cat), 2))
    kept = text.may_hold(run, given_docs, field)
    assert set(holding) & set(given_docs) <= set(kept) <= set(given_docs)
    assert kept == sorted(kept)


@given(
    searchable_catalogues(max_documents=40),
    _words,
    _words,
    st.sampled_from([None, "title", "summary", "text", "names"]),
)
def test_a_phrase_searched_by_bytes_counts_what_a_scan_counts(
    cat: ssd.Catalogue, first: str, second: str, field: str | None
) -> None:
    """With the byte search used for any number of candidates, a phrase (in every field
    or in one) still counts exactly the runs a scan of the fields counts."""
    text = index_for(cat).text
    a, b = text.term_id(first), text.term_id(second)
    counts: dict[int, int] = {}
    if a is not None and b is not None:
        run = array(text.forward.typecode, [a, b])
        fields = range(len(FIELDS)) if field is None else (FIELDS.index(field),)
        for d in range(len(cat)):
            tf = sum(count_runs(text.segment(d, f), run) for f in fields)
            if tf:
                counts[d] = tf
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_SEARCHED_FROM", 0)
        assert matches(text, Phrase((first, second), field)) == text.score_counts(counts)


def test_a_phrase_reads_the_tokens_of_documents_holding_its_bytes_only() -> None:
    """Of many documents holding both words, tokens are read (in Python) in those whose
    tokens hold the phrase's bytes only: the others cost one search at C speed each."""
    docs = [ssd.Document(id=f"w{i}", title="east wind") for i in range(3)]
    docs += [ssd.Document(id=f"x{i}", title="wind over the east") for i in range(60)]
    text = index_for(ssd.Catalogue(documents=docs)).text
    read: list[int] = []

    def counted(seq: Sequence[int], run: Sequence[int], *args: Any) -> int:
        read.append(args[2])
        return count_runs(seq, run, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluate, "count_runs", counted)
        assert len(matches(text, Phrase(("east", "wind")))) == 3
    assert len(read) == 3
