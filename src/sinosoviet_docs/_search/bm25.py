"""BM25 as SQLite FTS5's ``bm25()`` with every column weighted 1, and the synonym-group score.

For a term in a document, ``impact = idf * (K1 + 1) * tf / (tf + K1 * (1 - B
+ B * dl / avgdl))`` with ``tf`` the term's count in the document (all
fields), ``dl`` the document's length in tokens (all fields), ``avgdl`` the
mean length and ``idf = log((N - df + 0.5) / (df + 0.5))``, or ``1e-6`` where
that is not positive. The part ``K1 * (1 - B + B * dl / avgdl)`` depends on
the document alone: it is computed once per document (:func:`length_norms`).

>>> norms = length_norms([3, 1])
>>> list(norms)
[1.65, 0.75]
>>> [round(s, 3) for s in impacts(1, 100, [(1, norms[0])])]
[3.482]
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence

__all__ = [
    "ALIAS_WEIGHT",
    "K1",
    "B",
    "alias_bound",
    "alias_score",
    "idf",
    "impacts",
    "length_norms",
    "weight",
]

#: BM25 term-frequency saturation.
K1 = 1.2
#: BM25 length normalisation.
B = 0.75
#: What a match through an alias alone counts, against one of the word as typed.
ALIAS_WEIGHT = 0.8


def idf(df: int, n: int) -> float:
    """FTS5's inverse document frequency: ``log((n - df + 0.5) / (df + 0.5))``, at least 1e-6.

    >>> round(idf(1, 100), 3), idf(90, 100)
    (4.195, 1e-06)
    """
    value = math.log((n - df + 0.5) / (df + 0.5))
    return value if value > 0 else 1e-6


def length_norms(lengths: Sequence[int]) -> array[float]:
    """Per document, ``K1 * (1 - B + B * dl / avgdl)`` (avgdl taken as 1 for no tokens)."""
    avgdl = (sum(lengths) / len(lengths) if lengths else 0.0) or 1.0
    return array("d", [K1 * (1 - B + B * dl / avgdl) for dl in lengths])


def weight(df: int, n: int) -> float:
    """What a term held by ``df`` of ``n`` documents weighs: ``idf * (K1 + 1)``.

    A posting's impact is ``weight * tf / (tf + length norm)``.
    """
    return idf(df, n) * (K1 + 1)


def impacts(df: int, n: int, counts: Iterable[tuple[int, float]]) -> list[float]:
    """The BM25 impacts of a term held by ``df`` of ``n`` documents, for each (tf, length norm)."""
    w = weight(df, n)
    return [w * tf / (tf + norm) for tf, norm in counts]


def alias_score(best: float, floor: float | None) -> float:
    """A match through aliases alone: ALIAS_WEIGHT times the best alias score, capped at
    the lowest score of the word as typed (so it ranks below every typed match).

    >>> alias_score(2.0, 1.0), alias_score(2.0, None)
    (0.8, 1.6)
    """
    return ALIAS_WEIGHT * (best if floor is None else min(best, floor))


def alias_bound(impact: float, cap: float | None) -> float:
    """What one alternative of a synonym group can score with this impact: the impact
    itself for the word as typed (``cap`` None), else an alias score capped at ``cap``."""
    return impact if cap is None else ALIAS_WEIGHT * min(impact, cap)
