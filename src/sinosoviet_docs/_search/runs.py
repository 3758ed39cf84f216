"""Tokens that occur in a row: the one test behind phrases, code names and title mentions.

Works on any sequence with ``index`` and slicing (a list of words, an array of
token ids), with the ``run`` of the same type.

>>> count_runs(["east", "wind", "east", "wind"], ["east", "wind"])
2
>>> count_runs(["vladimir", "semenov", "semenov"], ["semenov"], not_after={"vladimir"})
1
>>> count_runs(["east", "wind", "east", "wind"], ["wind", "east"], breaks=(2,))
0
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import Any

__all__ = ["count_runs"]


def count_runs(
    seq: Sequence[Any],
    run: Sequence[Any],
    not_after: Container[Any] = (),
    breaks: Sequence[int] = (),
    start: int = 0,
    stop: int | None = None,
) -> int:
    """How often ``run`` occurs in ``seq[start:stop]`` (overlapping runs count), not after
    a ``not_after`` and not across one of the ``breaks``: positions where a part of
    ``seq`` begins (the fields of a document read as one sequence)."""
    size = len(run)
    last = (len(seq) if stop is None else stop) - size  # where a run may start, at most
    if size == 0 or last < start:
        return 0
    first = run[0]
    index = seq.index
    count = 0
    i = start - 1
    try:
        while True:
            i = index(first, i + 1, last + 1)
            if (
                seq[i : i + size] == run
                and (i == start or seq[i - 1] not in not_after)
                and not any(i < b < i + size for b in breaks)
            ):
                count += 1
    except ValueError:
        pass
    return count
