"""Running a query: a :class:`Plan` (data) and an executor that turns it into :class:`Hits`.

A plan says which filters apply, which text expression (after name
expansion) is searched, the sort key, the offset and the limit; it names no
index. :class:`MemoryExecutor` runs it over a catalogue's in-memory indexes,
choosing between scoring filtered documents by look-up, top-k over
impact-ordered postings and full evaluation; another executor (a SQLite
store) could run the same plan.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from .._text import fold
from .evaluate import matches
from .facets import count_facets, timeline_counts
from .filters import Filter, expression_test, field_filter
from .nodes import (
    And,
    Node,
    Not,
    Or,
    Phrase,
    Synonyms,
    Term,
    describe,
    field_filters,
    only_filters,
)
from .topk import score_groups, top_k

if TYPE_CHECKING:
    from ..index import CatalogueIndex
    from ..models import Document

__all__ = ["Hits", "Memo", "MemoryExecutor", "Plan"]


class Plan(NamedTuple):
    """What a query asks, as data: filters, the text expression, order and slice.

    (A named tuple: one is made each time a query runs, so making it is cheap.)
    """

    filters: tuple[Filter, ...] = ()
    expr: Node | None = None
    sort_key: str | None = None
    offset: int = 0
    limit: int | None = None

    @property
    def order(self) -> str:
        """The sort key in force: the one asked, else relevance with a search, else date."""
        return self.sort_key or ("relevance" if self.expr is not None else "date")

    @property
    def end(self) -> int | None:
        """Where the slice ends (None: at the end)."""
        return None if self.limit is None else self.offset + self.limit

    def everything(self) -> Plan:
        """The same selection with no order, offset or limit (for counting)."""
        return Plan(self.filters, self.expr)


class Hits(NamedTuple):
    """What running a plan found.

    ``ranked`` holds document numbers in final order before the offset (all of
    them, or only as many as the offset and limit need), ``page`` those of the
    offset and limit, ``scores`` their
    scores when there is a search, ``sizes`` what each indexed filter kept
    (None for a scanned one), ``notes`` the strategy and ``elapsed`` the
    seconds taken.
    """

    ranked: list[int]
    page: list[int]
    scores: dict[int, float] | None
    sizes: tuple[int | None, ...] = ()
    notes: tuple[str, ...] = ()
    elapsed: float = 0.0


#: Guards the making of each memo's own lock: queries are built by the thousand and most
#: are never run (each step of a chain is a query), so a memo makes its lock on first use.
_LOCK_OF_LOCKS = threading.Lock()


class Memo:
    """A query's hits, computed once even when several threads ask at the same time."""

    __slots__ = ("_found", "_lock")

    def __init__(self) -> None:
        self._lock: threading.Lock | None = None
        self._found: dict[str, Hits] = {}

    def __reduce__(self) -> tuple[type[Memo], tuple[()]]:
        # A copied or unpickled query starts with nothing found (and a lock of its own).
        return (Memo, ())

    def get(self, key: str, run: Callable[[], Hits]) -> Hits:
        """The hits kept under ``key``, found by ``run`` on first use."""
        hits = self._found.get(key)
        if hits is None:
            lock = self._lock
            if lock is None:
                with _LOCK_OF_LOCKS:
                    lock = self._lock
                    if lock is None:
                        lock = self._lock = threading.Lock()
            with lock:
                hits = self._found.get(key)
                if hits is None:
                    hits = self._found[key] = run()
        return hits


def _always(_d: int) -> bool:
    return True


def _plain_terms(expr: Node) -> tuple[list[tuple[str, ...]], bool] | None:
    """The groups (a word, then its aliases) of a query of plain words or synonym groups of
    plain words joined only by AND or only by OR, and whether it is AND; else None."""

    def plain(node: Node) -> bool:
        return isinstance(node, Term) and node.field is None and not node.prefix

    def group(node: Node) -> tuple[str, ...] | None:
        if isinstance(node, Term) and plain(node):
            return (node.token,)
        if isinstance(node, Synonyms) and all(plain(c) for c in node.children):
            return tuple(c.token for c in node.children if isinstance(c, Term))
        return None

    single = group(expr)
    if single is not None:
        return [single], True
    if isinstance(expr, And | Or):
        groups = [group(c) for c in expr.children]
        if all(g is not None for g in groups):
            return [g for g in groups if g is not None], isinstance(expr, And)
    return None


def _best(scores: dict[int, float], k: int | None) -> list[int]:
    """Document numbers by falling score, ties by number; the first ``k`` (None: all)."""
    if k is not None:
        return heapq.nsmallest(k, scores, key=lambda d: (-scores[d], d))
    return sorted(scores, key=lambda d: (-scores[d], d))


class MemoryExecutor:
    """Runs plans over a catalogue's in-memory indexes."""

    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index

    def run(self, plan: Plan) -> Hits:
        """The hits of ``plan``; raises ValueError for a relevance order without a search."""
        start = time.perf_counter()
        order = plan.order
        if order == "relevance" and plan.expr is None:
            raise ValueError("sort('relevance') needs a full-text search")
        found, accept, sizes = self._matching(plan.filters)
        ranked, scores, note = self._ranked(plan, order, found, accept)
        page = ranked[plan.offset : plan.end]
        return Hits(ranked, page, scores, sizes, (note,), time.perf_counter() - start)

    def _matching(
        self, filters: Sequence[Filter]
    ) -> tuple[list[int] | None, Callable[[int], bool], tuple[int | None, ...]]:
        """The documents passing every filter (None: all), the same as a test, and what
        each indexed filter kept.

        Indexed filters start from the smallest selection and test the rest
        by lookup; predicate filters then scan what is left.
        """
        if not filters:
            return None, _always, ()
        index = self.index
        docs = index.documents
        chosen = [f.select(index) if f.select is not None else None for f in filters]
        sizes = tuple(None if s is None else s.size for s in chosen)
        selections = sorted((s for s in chosen if s is not None), key=lambda s: s.size)
        predicates = [f.keep for f in filters if f.select is None]
        base: Sequence[int] = selections[0].docnos() if selections else range(len(docs))
        for other in selections[1:]:
            base = other.narrow(base)
        if predicates:
            found = [d for d in base if all(p(docs[d]) for p in predicates)]
        else:
            found = list(base)
        # The membership test is only needed by the top-k search path: make it lazily.
        members: set[int] | None = None

        def accept(d: int) -> bool:
            nonlocal members
            if members is None:
                members = set(found)
            return d in members

        return found, accept, sizes

    def _ranked(
        self, plan: Plan, order: str, found: list[int] | None, accept: Callable[[int], bool]
    ) -> tuple[list[int], dict[int, float] | None, str]:
        expr = plan.expr
        if expr is None:
            docnos = list(range(len(self.index.documents))) if found is None else found
            return self._ordered(docnos, order), None, f"filters kept {len(docnos)} documents"
        if only_filters(expr):
            return self._filtered(expr, order, found)
        text = self.index.text
        want = plan.end
        plain = _plain_terms(expr)
        if plain is not None and order == "relevance" and want is not None:
            groups, conjunctive = plain
            total = sum(text.count(t) for g in groups for t in g)
            if found is not None and len(found) < total:
                scores = score_groups(text, groups, found, conjunctive=conjunctive)
                ranked = _best(scores, want)
                strategy = f"scored {len(found)} filtered documents by lookup"
            else:
                best = top_k(
                    text,
                    groups,
                    conjunctive=conjunctive,
                    k=want,
                    accept=None if found is None else accept,
                )
                scores = {d: s for s, d in best}
                ranked = [d for _, d in best]
                strategy = "top-k by impact-ordered postings (threshold algorithm)"
            return ranked, scores, f"strategy: {strategy}; postings {total}"
        kept = None if found is None else accept
        return self._scored(matches(text, expr), kept, order, want, "full evaluation")

    def _scored(
        self,
        scores: dict[int, float],
        accept: Callable[[int], bool] | None,
        order: str,
        want: int | None,
        strategy: str,
    ) -> tuple[list[int], dict[int, float] | None, str]:
        """Every scored match (those ``accept`` keeps, if given) in ``order``, and a note."""
        if accept is not None:
            scores = {d: s for d, s in scores.items() if accept(d)}
        note = f"strategy: {strategy}; {len(scores)} documents matched"
        if order == "relevance":
            return _best(scores, want), scores, note
        return self._ordered(sorted(scores), order), scores, note

    def _filtered(
        self, expr: Node, order: str, found: list[int] | None
    ) -> tuple[list[int], dict[int, float], str]:
        """A search of filter fields alone: its test run on the documents the query's
        filters kept (no word to score: each scores 0, in date order by relevance)."""
        docs = self.index.documents
        candidates = range(len(docs)) if found is None else found
        holds = expression_test(expr)
        kept = [d for d in candidates if holds(docs[d])]
        note = f"strategy: filters in the search tested on {len(candidates)} documents"
        ranked = kept if order == "relevance" else self._ordered(kept, order)
        return ranked, dict.fromkeys(kept, 0.0), note

    def _ordered(self, docnos: list[int], order: str) -> list[int]:
        docs = self.index.documents
        if order == "date":
            return docnos
        if order == "-date":
            dated = [d for d in docnos if docs[d].date is not None]
            undated = [d for d in docnos if docs[d].date is None]
            return dated[::-1] + undated
        if order in ("title", "-title"):
            return sorted(docnos, key=lambda d: fold(docs[d].title), reverse=order == "-title")
        return docnos  # pragma: no cover - relevance is handled by the caller

    def count(self, plan: Plan) -> int | None:
        """How many documents ``plan`` gives, when that is known without running it (in
        memory it is not: the plan is run, and its hits kept, to count them)."""
        return None

    def ids(self, docnos: Sequence[int]) -> list[str]:
        """The ids of the documents ``docnos``, in that order."""
        return [doc.id for doc in self.documents(docnos)]

    def documents(self, docnos: Sequence[int]) -> list[Document]:
        """The documents ``docnos``, in that order (no others read)."""
        docs = self.index.documents
        return [docs[d] for d in docnos]

    def facets(self, docnos: Sequence[int], field: str) -> dict[str, int]:
        """How many of the documents ``docnos`` hold each value of ``field``, most common
        first (years in order): :func:`~sinosoviet_docs._search.facets.count_facets`."""
        docs = self.index.documents
        return count_facets((docs[d] for d in docnos), field)

    def timeline(
        self, docnos: Sequence[int], unit: Literal["year", "month"]
    ) -> tuple[list[tuple[str, int]], list[str], list[str]]:
        """The documents ``docnos`` (in catalogue order) per period, the ids too coarse for
        the unit and those undated: :func:`~sinosoviet_docs._search.facets.timeline_counts`."""
        docs = self.index.documents
        return timeline_counts((docs[d] for d in docnos), unit)

    def describe(self, plan: Plan, hits: Hits) -> str:
        """The plan and what running it cost: search, terms and postings, filters,
        strategy, time."""
        lines: list[str] = []
        expr = plan.expr
        if expr is not None:
            lines.append(f"search: {describe(expr)}")
            for token, count in self._terms_of(expr):
                lines.append(f"term {token!r}: {count} documents")
        for flt, size in zip(plan.filters, hits.sizes, strict=True):
            lines.append(f"filter {flt.label}: {'scan,' if size is None else size} documents")
            if flt.note:
                lines.append(f"  {flt.note}")
        for node in dict.fromkeys(field_filters(expr)):
            flt = field_filter(node.name, node.value)
            found = len(matches(self.index.text, node))
            lines.append(f"filter {describe(node)} in the search: {found} documents in all")
            if flt.note:
                lines.append(f"  {flt.note}")
        lines.append(f"order: {plan.order}")
        lines += hits.notes
        if plan.offset or plan.limit is not None:
            lines.append(f"offset {plan.offset}, limit {plan.limit}")
        lines.append(f"matched: {len(hits.ranked)} documents in {hits.elapsed * 1000:.2f} ms")
        return "\n".join(lines)

    def _terms_of(self, expr: Node) -> list[tuple[str, int]]:
        text = self.index.text
        found: list[tuple[str, int]] = []

        def walk(node: Node) -> None:
            if isinstance(node, Term):
                if node.prefix:
                    n = sum(text.df(t) for t in text.expand_prefix(node.token))
                    found.append((node.token + "*", n))
                else:
                    found.append((node.token, text.count(node.token)))
            elif isinstance(node, Phrase):
                for token in node.tokens:
                    found.append((token, text.count(token)))
            elif isinstance(node, And | Or | Synonyms):
                for child in node.children:
                    walk(child)
            elif isinstance(node, Not):
                walk(node.child)

        walk(expr)
        return list(dict.fromkeys(found))
