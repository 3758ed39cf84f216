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

Two shapes need no impact order at all. One word: its k highest impacts are
selected (:func:`highest`, linear in its postings; kept per word). Plain
words joined by AND: their postings are intersected from the rarest
(:func:`~.postings.intersect`) and only the documents holding them all are
scored, since for words of similar frequency the walk would read most of
the rarest list anyway, and first had to sort it.

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
import operator
from array import array
from collections.abc import Callable, Iterable, Sequence
from heapq import heappush, heapreplace
from typing import TYPE_CHECKING, TypeAlias

from .bm25 import alias_bound, alias_score
from .filters import find

if TYPE_CHECKING:
    from .postings import TextIndex

__all__ = ["highest", "score_groups", "top_k"]

# Bounds are compared with a little room, so that rounding in a sum taken in another
# order never prunes a document that ties or beats the k-th best.
_SLACK = 1 + 1e-9

# One word of a group: postings, impacts, impact order, and None for the word as typed
# or, for an alias, the typed word's lowest impact (inf: the typed word is nowhere).
_Cursor: TypeAlias = "tuple[array[int], array[float], Sequence[int], float | None]"
# A group: the lowest score of the typed word (None: it is nowhere), and its cursors.
_Group: TypeAlias = "tuple[float | None, list[_Cursor]]"


def _groups(
    text: TextIndex, groups: Sequence[Sequence[str]], conjunctive: bool, *, ordered: bool = True
) -> list[_Group]:
    """The cursors of each group's indexed words (groups with none left out; for AND,
    no groups at all if one has none); without ``ordered``, cursors have no impact order."""

    def order(tid: int) -> Sequence[int]:
        return text.impact_order(tid) if ordered else ()

    found: list[_Group] = []
    for typed, *aliases in groups:
        cursors: list[_Cursor] = []
        floor: float | None = None
        tid = text.term_id(typed)
        if tid is not None:
            impacts = text.impacts(tid)
            # Only an alias's score reads the typed word's lowest impact: a plain word skips
            # the pass over its postings.
            floor = min(impacts) if aliases else None
            cursors.append((text.docnos(tid), impacts, order(tid), None))
        for alias in aliases:
            tid = text.term_id(alias)
            if tid is not None:
                cap = math.inf if floor is None else floor
                cursors.append((text.docnos(tid), text.impacts(tid), order(tid), cap))
        if cursors:
            found.append((floor, cursors))
        elif conjunctive:
            return []
    return found


def _score(
    groups: list[_Group], d: int, conjunctive: bool, known_at: int = -1, known: float = 0.0
) -> float | None:
    """Sum over the groups of each one's score in ``d``: the typed word's impact, else the
    alias score of the best alias; None if ``d`` matches no group (or, for AND, misses one).

    The score of group ``known_at`` is ``known`` (the walk has just read it), not looked up.
    """
    score = 0.0
    matched = False
    for at, (floor, cursors) in enumerate(groups):
        if at == known_at:
            score += known
            matched = True
            continue
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


def _push(heap: list[tuple[float, int]], k: int, score: float, d: int) -> None:
    """Keep ``d`` among the k best (score, -docno): the worst kept is heap[0]."""
    item = (score, -d)
    if len(heap) < k:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


def _best_first(heap: list[tuple[float, int]]) -> list[tuple[float, int]]:
    return [(s, -negd) for s, negd in sorted(heap, reverse=True)]


def _walk_cursor(
    lists: list[_Group],
    at: int,
    k: int,
    fixed: float,
    conjunctive: bool,
    accept: Callable[[int], bool] | None,
) -> list[tuple[float, int]]:
    """The walk when one cursor alone is walked: group ``at`` is one word, the rarest of
    an AND. It never meets a document twice, and the threshold at a position is the
    cursor's bound there plus ``fixed``, the others' highest bounds.
    """
    docnos, impacts, order, cap = lists[at][1][0]
    heap: list[tuple[float, int]] = []
    for pos in order:
        impact = impacts[pos]
        value = impact if cap is None else alias_bound(impact, cap)
        if len(heap) == k and heap[0][0] > (value + fixed) * _SLACK:
            break
        d = docnos[pos]
        if accept is not None and not accept(d):
            continue
        score = _score(lists, d, conjunctive, at, value)
        if score is None:
            continue
        item = (score, -d)  # the hot loop: _push written out
        if len(heap) < k:
            heappush(heap, item)
        elif item > heap[0]:
            heapreplace(heap, item)
    return _best_first(heap)


def highest(values: Sequence[float], k: int) -> list[int]:
    """Positions of the ``k`` highest ``values``, highest first, ties by position: a
    selection, not a sort (one pass finds the k-th highest value, then only the values
    reaching it are ordered), ``O(n + k log k)``.

    >>> highest([0.5, 2.0, 1.0, 2.0], 3)
    [1, 3, 2]
    """
    if len(values) <= k:
        spots: Sequence[int] = range(len(values))
    else:
        least = heapq.nlargest(k, values)[-1]
        spots = [i for i, v in enumerate(values) if v >= least]
    return sorted(spots, key=lambda i: (-values[i], i))[:k]


def _top_one(
    cursor: _Cursor, k: int, accept: Callable[[int], bool] | None
) -> list[tuple[float, int]]:
    """The k best of one word (or alias): a selection among the documents ``accept``
    keeps, of the word's impacts or the alias's scores."""
    docnos, impacts, _, cap = cursor
    values: Sequence[float] = impacts if cap is None else [alias_bound(x, cap) for x in impacts]
    if accept is not None:
        kept = [i for i, d in enumerate(docnos) if accept(d)]
        spots = heapq.nlargest(k, kept, key=values.__getitem__)
        best = sorted(spots, key=lambda i: (-values[i], i))
    else:
        best = highest(values, k)
    return [(values[i], docnos[i]) for i in best]


def _top_and(
    text: TextIndex, words: Sequence[str], k: int, accept: Callable[[int], bool] | None
) -> list[tuple[float, int]]:
    """The k best documents holding every word: the postings intersected (the rarest
    walked, the others galloped through), impacts computed for the documents in all."""
    tids = [text.term_id(w) for w in words]
    if any(t is None for t in tids):
        return []
    docnos, columns = text.common_impacts([t for t in tids if t is not None])
    scores = columns[0]
    for column in columns[1:]:  # summed in the order of the words, as _score does
        scores = list(map(operator.add, scores, column))
    if accept is None:
        best = highest(scores, k)
    else:
        spots = [i for i in range(len(docnos)) if accept(docnos[i])]
        best = heapq.nsmallest(k, spots, key=lambda i: (-scores[i], i))
    return [(scores[i], docnos[i]) for i in best]


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
    if k <= 0:
        return []
    if len(groups) == 1 and len(groups[0]) == 1 and accept is None:  # one plain word
        tid = text.term_id(groups[0][0])
        if tid is None:
            return []
        docnos, impacts = text.decoded(tid)
        return [(impacts[i], docnos[i]) for i in text.best(tid, k)]
    if conjunctive and len(groups) > 1 and all(len(g) == 1 for g in groups):
        return _top_and(text, [g[0] for g in groups], k, accept)
    lists = _groups(text, groups, conjunctive, ordered=len(groups) > 1)
    if len(lists) == 1 and len(lists[0][1]) == 1:
        return _top_one(lists[0][1][0], k, accept)
    if len(groups) == 1:  # one word and its aliases: walked in impact order
        lists = _groups(text, groups, conjunctive)
    if not lists:
        return []
    if conjunctive:
        rarest = min(range(len(lists)), key=lambda at: sum(len(c[0]) for c in lists[at][1]))
        walked = [(rarest, lists[rarest])]
        # The others add at most their bound at depth 0 to any document.
        fixed = sum(_bound(g[1], 0) or 0.0 for at, g in enumerate(lists) if at != rarest)
    else:
        walked, fixed = list(enumerate(lists)), 0.0
    if len(walked) == 1 and len(walked[0][1][1]) == 1:
        return _walk_cursor(lists, walked[0][0], k, fixed, conjunctive, accept)
    seen: set[int] = set()
    heap: list[tuple[float, int]] = []
    depth = 0
    while True:
        threshold = fixed
        active = False
        for at, (_, cursors) in walked:
            # A group of one word scores in ``d`` what its cursor reads there.
            alone = at if len(cursors) == 1 else -1
            bound = 0.0
            for docnos, impacts, order, cap in cursors:
                if depth >= len(order):
                    continue
                active = True
                pos = order[depth]
                value = impacts[pos] if cap is None else alias_bound(impacts[pos], cap)
                if value > bound:
                    bound = value
                d = docnos[pos]
                if d in seen:
                    continue
                seen.add(d)
                if accept is not None and not accept(d):
                    continue
                score = _score(lists, d, conjunctive, alone, value)
                if score is not None:
                    _push(heap, k, score, d)
            threshold += bound
        if not active or (len(heap) == k and heap[0][0] > threshold * _SLACK):
            break
        depth += 1
    return _best_first(heap)


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
