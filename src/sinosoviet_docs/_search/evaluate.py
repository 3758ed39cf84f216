"""Matching a query node against the text index: every document it matches, with its score.

One matcher per node kind, found through a table keyed by the node's exact
type (so a :class:`~.nodes.DatedPhrase` is never taken for the
:class:`~.nodes.Phrase` it extends, whatever the order of the entries).

>>> from sinosoviet_docs import Catalogue, Document
>>> from .postings import TextIndex
>>> text = TextIndex(Catalogue(documents=[Document(id="a", title="East wind")]).documents)
>>> sorted(matches(text, Phrase(("east", "wind"))))
[0]
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .bm25 import alias_score
from .filters import field_filter
from .nodes import (
    FIELD_NUMBER,
    And,
    DatedPhrase,
    FieldFilter,
    Node,
    Not,
    Or,
    Phrase,
    Synonyms,
    Term,
)
from .rewrite import code_name_count
from .runs import count_runs

if TYPE_CHECKING:
    from .postings import TextIndex

__all__ = ["MATCHERS", "matches"]

Scores = dict[int, float]
_ALL_FIELDS = tuple(FIELD_NUMBER.values())


def matches(text: TextIndex, node: Node) -> Scores:
    """Every document matching ``node``, with its BM25 score (0 for a pure NOT)."""
    matcher: Callable[[TextIndex, Any], Scores] = MATCHERS[type(node)]
    return matcher(text, node)


def _fields(field: str | None) -> tuple[int, ...]:
    return _ALL_FIELDS if field is None else (FIELD_NUMBER[field],)


def _tids(text: TextIndex, tokens: Iterable[str]) -> list[int] | None:
    """The ids of the tokens, or None if one of them is in no document."""
    found = [text.vocab.get(t) for t in tokens]
    if any(t is None for t in found):
        return None
    return [t for t in found if t is not None]


def _term(text: TextIndex, node: Term) -> Scores:
    if node.prefix:
        tids = text.expand_prefix(node.token)
    else:
        tid = text.vocab.get(node.token)
        tids = [] if tid is None else [tid]
    acc: Scores = {}
    get = acc.get
    for tid in tids:
        if node.field is None:
            pairs: Iterable[tuple[int, float]] = zip(
                text.docnos(tid), text.impacts(tid), strict=True
            )
        else:
            pairs = _sequence(text, [tid], FIELD_NUMBER[node.field]).items()
        for d, s in pairs:
            acc[d] = get(d, 0.0) + s
    return acc


def _phrase(text: TextIndex, node: Phrase) -> Scores:
    tids = _tids(text, node.tokens)
    if tids is None:
        return {}
    return _sequence(text, tids, None if node.field is None else FIELD_NUMBER[node.field])


def _sequence(text: TextIndex, tids: list[int], field: int | None) -> Scores:
    """Documents where the tokens ``tids`` follow each other in ``field`` (None: in one
    of the fields)."""
    # Positions are read only for the documents that may hold the run, if they have not
    # been counted by a search of their bytes already (see run_candidates).
    candidates, counted = text.run_candidates(tids, field)
    if counted is not None:
        return text.score_counts(counted)
    pattern = array(text.forward.typecode, tids)
    counts: dict[int, int] = {}
    if field is None:  # the document's fields as one sequence, runs not across them
        forward, starts, width = text.forward, text.field_starts, len(_ALL_FIELDS)
        for d in candidates:
            at = width * d
            breaks = starts[at + 1 : at + width]
            tf = count_runs(forward, pattern, (), breaks, starts[at], starts[at + width])
            if tf:
                counts[d] = tf
    else:
        segment = text.segment
        for d in candidates:
            tf = count_runs(segment(d, field), pattern)
            if tf:
                counts[d] = tf
    return text.score_counts(counts)


def _dated(text: TextIndex, node: DatedPhrase) -> Scores:
    """Documents of the node's years holding its tokens in a row, not after a qualifier."""
    tids = _tids(text, node.tokens)
    if not tids:
        return {}
    fields = _fields(node.field)
    bad = {text.vocab[w] for w in node.qualifiers if w in text.vocab}
    pattern = array(text.forward.typecode, tids)
    documents = text.documents
    counts: dict[int, int] = {}
    for d in text.docnos(min(tids, key=text.df)):
        segments = (text.segment(d, field) for field in fields)
        tf = code_name_count(documents[d].date, node.first, node.last, segments, pattern, bad)
        if tf:
            counts[d] = tf
    return text.score_counts(counts)


def _field_filter(text: TextIndex, node: FieldFilter) -> Scores:
    """The documents a filter field inside the expression keeps, each scoring 0."""
    keep = field_filter(node.name, node.value).keep
    return {d: 0.0 for d, doc in enumerate(text.documents) if keep(doc)}


def _synonyms(text: TextIndex, node: Synonyms) -> Scores:
    """Dis-max of the alternatives: a document holding the word as typed scores that;
    one found through aliases alone scores ``ALIAS_WEIGHT`` times the best alias
    score, capped at the lowest score of the typed word (so it ranks below all of them).
    """
    typed = matches(text, node.typed)
    floor = min(typed.values()) if typed else None
    best: Scores = {}
    get = best.get
    for alias in node.aliases:
        for d, s in matches(text, alias).items():
            if d not in typed:
                old = get(d)
                if old is None or s > old:
                    best[d] = s
    result = dict(typed)
    for d, s in best.items():
        result[d] = alias_score(s, floor)
    return result


def _or(text: TextIndex, node: Or) -> Scores:
    acc: Scores = {}
    get = acc.get
    for child in node.children:
        for d, s in matches(text, child).items():
            acc[d] = get(d, 0.0) + s
    return acc


def _not(text: TextIndex, node: Not) -> Scores:
    excluded = matches(text, node.child)
    return {d: 0.0 for d in range(text.n) if d not in excluded}


def _and(text: TextIndex, node: And) -> Scores:
    positives = [c for c in node.children if not isinstance(c, Not)]
    negatives = [c.child for c in node.children if isinstance(c, Not)]
    if positives:
        found = [matches(text, c) for c in positives]
        smallest: Scores = min(found, key=len)
        common = set(smallest)
        for m in found:
            common.intersection_update(m)
        result = {d: sum(m[d] for m in found) for d in sorted(common)}
    else:
        result = dict.fromkeys(range(text.n), 0.0)
    for child in negatives:
        for d in matches(text, child):
            result.pop(d, None)
    return result


#: The matcher of each node kind.
MATCHERS: dict[type, Callable[[TextIndex, Any], Scores]] = {
    Term: _term,
    Phrase: _phrase,
    DatedPhrase: _dated,
    Synonyms: _synonyms,
    And: _and,
    Or: _or,
    Not: _not,
    FieldFilter: _field_filter,
}
