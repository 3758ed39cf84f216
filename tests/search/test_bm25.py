"""BM25 as FTS5 computes it, and what a match through an alias alone may score."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs._search.bm25 import (
    ALIAS_WEIGHT,
    K1,
    B,
    alias_bound,
    alias_score,
    idf,
    impacts,
    length_norms,
)

_lengths = st.lists(st.integers(0, 50), min_size=1, max_size=20)


@given(_lengths, st.data())
def test_impacts_follow_the_formula(lengths: list[int], data: st.DataObject) -> None:
    """impact = idf * (K1 + 1) * tf / (tf + K1 * (1 - B + B * dl / avgdl)) for each document."""
    n = len(lengths)
    df = data.draw(st.integers(1, n))
    tfs = data.draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    avgdl = (sum(lengths) / n) or 1.0
    expected = [
        idf(df, n) * (K1 + 1) * tf / (tf + K1 * (1 - B + B * dl / avgdl))
        for tf, dl in zip(tfs, lengths, strict=True)
    ]
    found = impacts(df, n, zip(tfs, length_norms(lengths), strict=True))
    assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(expected, found, strict=True))


@given(st.integers(0, 100), st.integers(1, 100))
def test_idf_is_never_below_its_floor(df: int, extra: int) -> None:
    """A term in most documents still scores a little (1e-6), never zero or less."""
    assert idf(min(df, df + extra), df + extra) >= 1e-6


@given(st.floats(0.01, 50), st.floats(0.01, 50))
def test_an_alias_alone_never_outscores_the_typed_floor(best: float, floor: float) -> None:
    """Through aliases alone a document scores at most ALIAS_WEIGHT times the typed floor."""
    assert alias_score(best, floor) <= ALIAS_WEIGHT * floor
    assert alias_score(best, floor) == alias_bound(best, floor)
    assert best == alias_bound(best, None)
