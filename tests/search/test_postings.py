"""The text index's storage: counts, impacts and the fields of each document."""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Sequence
from types import SimpleNamespace
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
    st.lists(_words, min_size=1, max_size=3),
    st.sampled_from([None, *range(len(FIELDS))]),
    st.sampled_from([0, 16]),
)
def test_run_candidates_hold_every_run_and_searched_ones_are_counted(
    cat: ssd.Catalogue, words: list[str], field: int | None, searched_from: int
) -> None:
    """The candidates of a run include every document holding it in the field (or in one
    field, not across two), are documents of its rarest token, ascending; where they were
    searched by bytes, their counts are a scan's."""
    text = index_for(cat).text
    tids = [text.term_id(w) for w in words]
    if any(t is None for t in tids):
        return
    run = array(text.forward.typecode, [t for t in tids if t is not None])
    fields = range(len(FIELDS)) if field is None else (field,)
    exact = {d: sum(count_runs(text.segment(d, f), run) for f in fields) for d in range(len(cat))}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_SEARCHED_FROM", searched_from)
        candidates, counted = text.run_candidates(run, field)
    assert {d for d, tf in exact.items() if tf} <= set(candidates)
    assert set(candidates) <= set(text.docnos(min(run, key=text.df)))
    assert candidates == sorted(candidates)
    if counted is not None:
        assert counted == {d: tf for d, tf in exact.items() if tf}
        assert list(counted) == candidates
    elif searched_from == 0:
        assert len(run) == 1


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


def test_a_phrase_of_many_candidates_is_counted_by_one_search_per_document_and_match() -> None:
    """Of many documents holding both words, no token is read in Python: each document's
    bytes are searched once, and again after each match (overlapping runs count)."""
    docs = [ssd.Document(id=f"w{i}", title="east wind") for i in range(3)]
    docs += [ssd.Document(id=f"t{i}", title="east wind east wind") for i in range(2)]
    docs += [ssd.Document(id=f"r{i}", title="wind wind wind") for i in range(2)]
    docs += [ssd.Document(id=f"x{i}", title="wind over the east") for i in range(60)]
    cat = ssd.Catalogue(documents=docs)
    at = {doc.id: docno for docno, doc in enumerate(cat.documents)}
    text = index_for(cat).text
    read: list[int] = []
    searches = 0
    compile_ = re.compile

    def counted(seq: Sequence[int], run: Sequence[int], *args: Any) -> int:
        read.append(args[2])
        return count_runs(seq, run, *args)

    def counting(pattern: bytes) -> Any:
        real = compile_(pattern)

        def search(*args: Any) -> re.Match[bytes] | None:
            nonlocal searches
            searches += 1
            return real.search(*args)

        return SimpleNamespace(search=search)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluate, "count_runs", counted)
        patch.setattr(re, "compile", counting)
        found = matches(text, Phrase(("east", "wind")))
        assert searches == 65 + 3 + 2 * 2
        searches = 0
        assert matches(text, Phrase(("wind", "wind"))) == text.score_counts(
            {at["r0"]: 2, at["r1"]: 2}
        )
        assert searches == 67 + 2 * 2
    expected = {at[f"w{i}"]: 1 for i in range(3)} | {at["t0"]: 2, at["t1"]: 2}
    assert found == text.score_counts(expected)
    assert read == []


@pytest.mark.skipif(sys.byteorder != "little", reason="the ids are laid out little-endian")
def test_a_byte_match_across_two_tokens_is_no_run() -> None:
    """Token ids chosen so that the phrase's bytes appear across three other tokens (at
    an odd byte): such a document is searched further, and counts only its real runs."""
    # 16-bit ids: 11264 = (0, 44), 11521 = (1, 45), 257 = (1, 1) hold the bytes of
    # 300 = (44, 1) and 301 = (45, 1) from their second byte on.
    trap = "w11264 w11521 w257"
    docs = [
        ssd.Document(id="all", title="w0", text=" ".join(f"w{i}" for i in range(12_000))),
        ssd.Document(id="none", title=f"{trap} w301 w300"),
        ssd.Document(id="one", title=f"{trap} w300 w301"),
    ]
    cat = ssd.Catalogue(documents=docs)
    at = {doc.id: docno for docno, doc in enumerate(cat.documents)}
    text = index_for(cat).text
    assert [text.vocab[f"w{i}"] for i in (257, 300, 301, 11264, 11521)] == [
        257,
        300,
        301,
        11264,
        11521,
    ]
    run = array(text.forward.typecode, [300, 301])
    assert text.forward.itemsize == 2
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_SEARCHED_FROM", 0)
        candidates, counted = text.run_candidates(run, None)
        found = matches(text, Phrase(("w300", "w301")))
    assert candidates == sorted([at["all"], at["one"]])
    assert counted == dict.fromkeys(candidates, 1)
    assert found == text.score_counts({at["all"]: 1, at["one"]: 1})


@given(
    st.sampled_from([("I", "H", 1 << 16), ("I", "I", 1 << 24), ("Q", "I", 1 << 32)]),
    st.lists(st.tuples(st.integers(0, 2**32), st.integers(0, 255)), max_size=50),
)
def test_split_postings_are_the_numbers_and_counts_they_pack(
    kinds: tuple[str, str, int], entries: list[tuple[int, int]]
) -> None:
    """Taking packed postings apart by their bytes gives what shifting and masking gives."""
    packing, typecode, limit = kinds
    pairs = [(d % limit, tf) for d, tf in entries]
    docs, counts = postings._split(array(packing, [d << 8 | tf for d, tf in pairs]), typecode)
    assert (docs.typecode, list(docs)) == (typecode, [d for d, _ in pairs])
    assert list(counts) == [tf for _, tf in pairs]


def test_a_phrase_whose_rarest_word_is_far_rarer_reads_no_other_postings() -> None:
    """Where the rarest word is over ten times rarer than the other, its documents are
    searched by bytes at once: nothing of the other word's postings is read."""
    docs = [
        ssd.Document(id=f"r{i}", title="east wind" if i % 2 else "wind east") for i in range(20)
    ]
    docs += [ssd.Document(id=f"w{i}", title="wind") for i in range(300)]
    cat = ssd.Catalogue(documents=docs)
    text = index_for(cat).text
    east, wind = text.vocab["east"], text.vocab["wind"]
    counted = _Counted(list(text.docnos(wind)))
    text._docs[wind] = counted  # type: ignore[call-overload]
    candidates, found = text.run_candidates([east, wind], None)
    assert counted.reads == 0
    holding = sorted(d for d, doc in enumerate(cat.documents) if doc.title == "east wind")
    assert (candidates, found) == (holding, dict.fromkeys(holding, 1))
    assert len(holding) == 10
