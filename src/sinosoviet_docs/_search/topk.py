"""The k best documents for synonym groups of plain words joined by AND or OR.

A plain word is a group of one. Each group holds a cursor per indexed word
(its postings in falling impact order) whose bound at a depth is what the
word can still score there (:func:`~.bm25.alias_bound`); a group's bound is
the best of its cursors'. This is Fagin's threshold algorithm: walk the
cursors from the highest impact down, score every new document fully by
looking it up in all groups, and stop as soon as the k-th best score beats
the threshold, the sum of the groups' bounds (no unseen document can reach
it). For AND only the group with the fewest postings is walked (every match
is in it); the others count with their highest bound.

>>> from sinosoviet_docs import Catalogue, Document
>>> from .postings import TextIndex
>>> docs = [Document(id="a", title="Mao Mao"), Document(id="b", title="Mao and Stalin")]
>>> text = TextIndex(Catalogue(documents=docs).documents)
>>> [d for _, d in top_k(text, [["mao"]], conjunctive=True, k=1)]
[0]
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from .bm25 import alias_bound, alias_score
from .filters import find

if TYPE_CHECKING:
    from .postings import TextIndex

__all__ = ["score_groups", "top_k"]

# Bounds are compared with a little room, so that rounding in a sum taken in another
# order never prunes a document that ties or beats the k-th best.
_SLACK = 1 + 1e-9

# One word of a group: postings, impacts, impact order, and None for the word as typed
# or, for an alias, the typed word's lowest impact (inf: the typed word is nowhere).
_Cursor: TypeAlias = "tuple[array[int], array[float], Sequence[int], float | None]"
# A group: the lowest score of the typed word (None: it is nowhere), and its cursors.
_Group: TypeAlias = "tuple[float | None, list[_Cursor]]"


def _groups(text: TextIndex, groups: Sequence[Sequence[str]], conjunctive: bool) -> list[_Group]:
    """The cursors of each group's indexed words (groups with none left out; for AND,
    no groups at all if one has none)."""
    found: list[_Group] = []
    for typed, *aliases in groups:
        cursors: list[_Cursor] = []
        floor: float | None = None
        tid = text.term_id(typed)
        if tid is not None:
            impacts, order = text.impacts(tid), text.impact_order(tid)
            floor = impacts[order[-1]]  # the lowest impact is last in impact order
            cursors.append((text.docnos(tid), impacts, order, None))
        for alias in aliases:
            tid = text.term_id(alias)
            if tid is not None:
                cap = math.inf if floor is None else floor
                cursors.append((text.docnos(tid), text.impacts(tid), text.impact_order(tid), cap))
        if cursors:
            found.append((floor, cursors))
        elif conjunctive:
            return []
    return found


def _score(groups: list[_Group], d: int, conjunctive: bool) -> float | None:
    """Sum over the groups of each one's score in ``d``: the typed word's impact, else the
    alias score of the best alias; None if ``d`` matches no group (or, for AND, misses one)."""
    score = 0.0
    matched = False
    for floor, cursors in groups:
        typed: float | None = None
        best: float | None = None
        for docnos, impacts, _, cap in cursors:
            i = find(docnos, d)
            if i >= 0:
                if cap is None:
                    typed = impacts[i]
                elif best is None or impacts[i] > best:
                    best = impacts[i]
        if typed is not None:
            score += typed
        elif best is not None:
            score += alias_score(best, floor)
        elif conjunctive:
            return None
        else:
            continue
        matched = True
    return score if matched else None


def _bound(cursors: list[_Cursor], depth: int) -> float | None:
    """The most a group can give an unseen document at ``depth`` (None: every cursor is done)."""
    bound: float | None = None
    for _, impacts, order, cap in cursors:
        if depth < len(order):
            value = alias_bound(impacts[order[depth]], cap)
            if bound is None or value > bound:
                bound = value
    return bound


def _walk_one(
    cursor: _Cursor, k: int, accept: Callable[[int], bool] | None
) -> list[tuple[float, int]]:
    """The threshold algorithm for one word alone: its cursor walks in the order of the
    final ranking (score is the bound itself), so the first ``k`` accepted are the top k."""
    docnos, impacts, order, cap = cursor
    found: list[tuple[float, int]] = []
    for pos in order:
        d = docnos[pos]
        if accept is None or accept(d):
            found.append((alias_bound(impacts[pos], cap), d))
            if len(found) == k:
                break
    return found


def top_k(
    text: TextIndex,
    groups: Sequence[Sequence[str]],
    *,
    conjunctive: bool,
    k: int,
    accept: Callable[[int], bool] | None = None,
) -> list[tuple[float, int]]:
    """The ``k`` best (score, docno), best first, ties by document number; ``accept``
    (when given) keeps only the documents it is true for."""
    lists = _groups(text, groups, conjunctive)
    if not lists or k <= 0:
        return []
    if conjunctive:
        rarest = min(lists, key=lambda g: sum(len(c[0]) for c in g[1]))
        walked = [rarest]
        # The others add at most their bound at depth 0 to any document.
        fixed = sum(_bound(g[1], 0) or 0.0 for g in lists if g is not rarest)
    else:
        walked, fixed = lists, 0.0
    if len(lists) == 1 and len(lists[0][1]) == 1:
        return _walk_one(lists[0][1][0], k, accept)
    seen: set[int] = set()
    heap: list[tuple[float, int]] = []  # (score, -docno): the worst kept is heap[0]
    depth = 0
    while True:
        threshold = fixed
        active = False
        for _, cursors in walked:
            bound = 0.0
            for docnos, impacts, order, cap in cursors:
                if depth >= len(order):
                    continue
                active = True
                pos = order[depth]
                value = alias_bound(impacts[pos], cap)
                if value > bound:
                    bound = value
                d = docnos[pos]
                if d in seen:
                    continue
                seen.add(d)
                if accept is not None and not accept(d):
                    continue
                score = _score(lists, d, conjunctive)
                if score is None:
                    continue
                item = (score, -d)
                if len(heap) < k:
                    heapq.heappush(heap, item)
                elif item > heap[0]:
                    heapq.heapreplace(heap, item)
            threshold += bound
        if not active or (len(heap) == k and heap[0][0] > threshold * _SLACK):
            break
        depth += 1
    return [(s, -negd) for s, negd in sorted(heap, reverse=True)]


def score_groups(
    text: TextIndex,
    groups: Sequence[Sequence[str]],
    candidates: Iterable[int],
    *,
    conjunctive: bool,
) -> dict[int, float]:
    """Scores of the given documents for the groups, by look-up."""
    lists = _groups(text, groups, conjunctive)
    result: dict[int, float] = {}
    if lists:
        for d in candidates:
            score = _score(lists, d, conjunctive)
            if score is not None:
                result[d] = score
    return result
