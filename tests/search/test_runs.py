"""Tokens in a row: the one run test, against a plain scan of every offset."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs._search.runs import count_runs

_words = st.lists(st.sampled_from(["a", "b", "c"]), max_size=12)


def _scan(seq: list[str], run: list[str], not_after: set[str]) -> int:
    size = len(run)
    return sum(
        1
        for i in range(len(seq) - size + 1)
        if size and seq[i : i + size] == run and (i == 0 or seq[i - 1] not in not_after)
    )


@given(_words, _words.filter(lambda r: len(r) <= 3), st.sets(st.sampled_from(["a", "b", "c"])))
def test_count_runs_is_a_scan_of_every_offset(
    seq: list[str], run: list[str], not_after: set[str]
) -> None:
    """Overlapping runs count; a run right after a ``not_after`` item does not."""
    assert _scan(seq, run, not_after) == count_runs(seq, run, not_after)


def test_count_runs_reads_arrays_of_token_ids() -> None:
    """The forward index's arrays work as lists of words do."""
    assert 2 == count_runs(array("H", [1, 2, 1, 2, 1]), array("H", [1, 2]))
    assert 1 == count_runs(array("H", [3, 1, 2, 1, 2]), array("H", [1, 2]), {3})
