"""Running a query's :class:`~sinosoviet_docs._search.planner.Plan` as SQL on a store.

Each indexed filter is one statement on a link table, the date columns or the
FTS5 table; the search expression is matched leaf by leaf in FTS5, whose
``bm25()`` over our own tokens gives the in-memory index's scores, and the
leaves combine as in :mod:`~sinosoviet_docs._search.evaluate` (names as
synonym groups, code names by year). A search without names or code names
is one FTS5 statement (ordered by ``bm25()`` and limited when ranked).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .._search.bm25 import K1, B, alias_score, impacts
from .._search.facets import counted_names, facet_order, period_counts
from .._search.filters import DateIndex, Selection, field_filter
from .._search.nodes import (
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
from .._search.planner import Hits, MemoryExecutor, Plan
from .._search.postings import _FIELD_TEXTS
from .._search.rewrite import code_name_count
from .._text import fold, tokenize
from ..dates import parse_edtf
from ..index import CatalogueIndex
from ._schema import link_ids

if TYPE_CHECKING:
    from ..models import Document
    from ._reader import Connection, StoredCatalogue

__all__ = ["SqlExecutor", "StoreIndex", "match_string"]

Scores = dict[int, float]
# A prefix of more words than this is matched word by word, not in one statement.
_MOST_EXPANSIONS = 200

#: Value field -> the statement listing the documents holding one folded value.
_VALUE_SQL = {
    "type": "SELECT docno FROM documents WHERE type_key = ? ORDER BY docno",
    "collection": f"SELECT DISTINCT docno FROM collections WHERE {link_ids()} ORDER BY docno",
    "topic": f"SELECT DISTINCT docno FROM topics WHERE {link_ids()} ORDER BY docno",
    "place": f"SELECT DISTINCT docno FROM places WHERE {link_ids()} ORDER BY docno",
    "language": f"SELECT DISTINCT docno FROM languages WHERE {link_ids()} ORDER BY docno",
    "person": f"SELECT DISTINCT docno FROM people WHERE {link_ids()} ORDER BY docno",
}


#: Facet -> the link table holding its values (as printed).
_FACET_TABLES = {"topic": "topics", "language": "languages", "collection": "collections"}


def _wholly_in_one(width: int) -> str:
    """The condition of a date lying wholly in one year (``width`` 4) or month (7): its
    first and last possible days, both known, share their first ``width`` characters."""
    return (
        "earliest IS NOT NULL AND latest IS NOT NULL"
        f" AND substr(earliest, 1, {width}) = substr(latest, 1, {width})"
    )


def _quoted(tokens: Sequence[str]) -> str:
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def match_string(tokens: Sequence[str], field: str | None = None) -> str:
    """An FTS5 MATCH for the tokens in a row (in one field, if given).

    >>> match_string(["east", "wind"], "title")
    'title : "east wind"'
    """
    return _quoted(tokens) if field is None else f"{field} : {_quoted(tokens)}"


class _Values(dict[str, "array[int]"]):
    """A value field's index read from the store one folded value at a time."""

    def __init__(self, connection: Connection, sql: str) -> None:
        super().__init__()
        self._connection = connection
        self._sql = sql

    def _fetch(self, key: str) -> array[int] | None:
        if not dict.__contains__(self, key):
            found = self._connection.column(self._sql, (key,))
            dict.__setitem__(self, key, array("I", found))
        value = dict.__getitem__(self, key)
        return value if value else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._fetch(key) is not None

    def __getitem__(self, key: str) -> array[int]:
        value = self._fetch(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._fetch(key)
        return default if value is None else value


class _Dates(DateIndex):
    """The date index of a store: statements on the first and last possible day columns."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(())
        self._connection = connection

    def select(self, lo: int, hi: int, *, within: bool) -> Selection:
        if within:
            where = "earliest_day >= ? AND latest_day <= ?"
            params = (lo, hi)
        else:
            where = "earliest_day <= ? AND latest_day >= ?"
            params = (hi, lo)
        found = self._connection.column(
            f"SELECT docno FROM documents WHERE {where} ORDER BY docno", params
        )
        return Selection.of(found)


class StoreIndex(CatalogueIndex):
    """A store's indexes, read through SQL, behind the interface the filters ask of an index."""

    def __init__(self, store: StoredCatalogue) -> None:
        super().__init__(store.documents)
        self.store = store
        self.connection = store.connection
        self._store_dates: _Dates | None = None
        self.executor: MemoryExecutor = SqlExecutor(self)

    @property
    def dates(self) -> DateIndex:
        if self._store_dates is None:
            self._store_dates = _Dates(self.connection)
        return self._store_dates

    def values(self, field: str) -> dict[str, array[int]]:
        """The value index of ``field``: its link table, read one value at a time."""
        found = self._values.get(field)
        if found is None:  # setdefault: two threads asking at once share one
            found = self._values.setdefault(field, _Values(self.connection, _VALUE_SQL[field]))
        return found

    def person(self, key: str) -> Sequence[int]:
        """Documents with the folded name ``key`` as author, in ``people`` or in the title."""
        found = self._people.get(key)
        if found is None:
            tokens = tokenize(key)
            sql = f"SELECT docno FROM people WHERE {link_ids()}"
            params: tuple[str, ...] = (key,)
            if tokens:
                sql += " UNION SELECT rowid FROM search WHERE search MATCH ?"
                params += (match_string(tokens, "title"),)
            found = array("I", self.connection.column(sql + " ORDER BY 1", params))
            if len(self._people) >= 10_000:
                self._people = {}
            self._people[key] = found
        return found

    def build(self) -> None:
        """Nothing to build: a store is indexed when it is written."""


class SqlExecutor(MemoryExecutor):
    """Runs plans on a store: filters, search, order and slices as SQL statements."""

    index: StoreIndex

    def __init__(self, index: StoreIndex) -> None:
        super().__init__(index)
        self.connection = index.connection
        meta = index.store.meta
        self.n = int(meta["documents"])
        self.dated = int(meta["dated"])
        tokens = float(meta["tokens"])
        self.avgdl = (tokens / self.n if self.n else 0.0) or 1.0

    def _ranked(
        self, plan: Plan, order: str, found: list[int] | None, accept: Callable[[int], bool]
    ) -> tuple[list[int], dict[int, float] | None, str]:
        expr = plan.expr
        if expr is None:
            return super()._ranked(plan, order, found, accept)
        want = plan.end
        match = self.fts_expression(expr)
        if match is not None:
            if order == "relevance" and want is not None:
                best = self._bm25(match, found, want)
                note = "strategy: one FTS5 statement ordered by bm25(), limited"
                return [d for d, _ in best], dict(best), note
            scores = dict(self._bm25(match, found, None))
            return self._scored(scores, None, order, want, "one FTS5 statement")
        kept = None if found is None else accept
        return self._scored(self.match(expr), kept, order, want, "FTS5 leaves combined")

    def run(self, plan: Plan) -> Hits:
        """The hits of ``plan``; the page's documents are then read in batches."""
        hits = super().run(plan)
        self.index.store.documents.expect(hits.page)
        return hits

    def count(self, plan: Plan) -> int | None:
        """How many documents a plan without filters gives whose search is one FTS5
        statement: its matches counted by SQLite, none scored or ranked."""
        if plan.filters or plan.expr is None:
            return None
        match = self.fts_expression(plan.expr)
        if match is None:
            return None
        matched: int = self.connection.column(
            "SELECT count(*) FROM search WHERE search MATCH ?", (match,)
        )[0]
        end = matched if plan.end is None else min(matched, plan.end)
        return max(0, end - plan.offset)

    def ids(self, docnos: Sequence[int]) -> list[str]:
        """The ids of the documents ``docnos``, read alone (not the documents)."""
        found = dict(
            self.connection.rows(
                "SELECT docno, id FROM documents WHERE docno IN (SELECT value FROM json_each(?))",
                (json.dumps(list(docnos)),),
            )
        )
        return [found[d] for d in docnos]

    def documents(self, docnos: Sequence[int]) -> list[Document]:
        """The documents ``docnos``, read in one statement (no batch beyond them)."""
        return self.index.store.documents.many(docnos)

    # -- facets and timelines --

    def _among(self, docnos: Sequence[int]) -> tuple[str, tuple[str, ...]]:
        """The condition keeping the rows of ``docnos`` (none for every document), and its
        parameters."""
        if len(docnos) == self.n:
            return "", ()
        return " AND docno IN (SELECT value FROM json_each(?))", (json.dumps(list(docnos)),)

    def facets(self, docnos: Sequence[int], field: str) -> dict[str, int]:
        """Facet counts as statements: ``GROUP BY`` over a link table or a column; places
        and people under their canonical names, as in memory."""
        among, params = self._among(docnos)
        if field == "year":
            sql = (
                "SELECT substr(earliest, 1, 4), count(*) FROM documents"
                f" WHERE {_wholly_in_one(4)}{among} GROUP BY 1"
            )
        elif field == "type":
            sql = f"SELECT type, count(*) FROM documents WHERE type IS NOT NULL{among} GROUP BY 1"
        elif field in ("place", "person"):
            return facet_order(self._names(field, among, params), field)
        else:
            table = _FACET_TABLES[field]
            sql = (
                f"SELECT v.value, count(DISTINCT docno) FROM {table} JOIN link_values AS v"
                f" ON v.id = {table}.value WHERE 1{among} GROUP BY 1"
            )
        return facet_order(dict(self.connection.rows(sql, params)), field)

    def _names(self, field: str, among: str, params: tuple[str, ...]) -> dict[str, int]:
        """Documents per canonical place or person (people named in titles too)."""
        table = "places" if field == "place" else "people"
        held: dict[int, list[str]] = {}
        for d, name in self.connection.rows(
            f"SELECT docno, v.value FROM {table} JOIN link_values AS v ON v.id = {table}.value"
            f" WHERE 1{among} ORDER BY docno, position",
            params,
        ):
            held.setdefault(d, []).append(name)
        mentions = field == "person"
        named = counted_names(table, mentions=mentions)
        counts: dict[str, int] = {}
        if mentions:
            rows = self.connection.rows(
                f"SELECT docno, title, date FROM documents WHERE 1{among}", params
            )
        else:
            rows = [(d, "", None) for d in held]
        dates: dict[str, Any] = {}
        for d, title, text in rows:
            date = None
            if text is not None:
                date = dates.get(text)
                if date is None:
                    date = dates[text] = parse_edtf(text)
            for name in set(named(held.get(d, ()), title, date)):
                counts[name] = counts.get(name, 0) + 1
        return counts

    def timeline(
        self, docnos: Sequence[int], unit: Literal["year", "month"]
    ) -> tuple[list[tuple[str, int]], list[str], list[str]]:
        """Periods counted by ``GROUP BY`` over the first and last possible days; the ids
        too coarse for the unit and the undated ones read as ids alone."""
        among, params = self._among(docnos)
        width = 4 if unit == "year" else 7
        wholly = _wholly_in_one(width)
        counts: dict[tuple[int, int], int] = {}
        for period, count in self.connection.rows(
            f"SELECT substr(earliest, 1, {width}), count(*) FROM documents"
            f" WHERE {wholly}{among} GROUP BY 1",
            params,
        ):
            counts[(int(period[:4]), int(period[5:7]) if unit == "month" else 0)] = count
        coarse = self.connection.column(
            "SELECT id FROM documents WHERE earliest_day IS NOT NULL"
            f" AND NOT ({wholly}){among} ORDER BY docno",
            params,
        )
        undated = self.connection.column(
            f"SELECT id FROM documents WHERE earliest_day IS NULL{among} ORDER BY docno", params
        )
        return period_counts(counts, unit), coarse, undated

    def _bm25(
        self, match: str, found: list[int] | None, limit: int | None
    ) -> list[tuple[int, float]]:
        sql = "SELECT rowid, -bm25(search) FROM search WHERE search MATCH ?"
        params: list[Any] = [match]
        if found is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(found))
        if limit is not None:
            sql += " ORDER BY bm25(search), rowid LIMIT ?"
            params.append(limit)
        return [(d, s) for d, s in self.connection.rows(sql, params)]

    def fts_expression(self, node: Node) -> str | None:
        """The node as one FTS5 MATCH whose ``bm25()`` is the node's score, or None.

        FTS5 scores the phrases a document holds among those it has looked at,
        which under nested operators need not be those of the branches that
        match. So only flat shapes qualify: a word or a phrase (in a field or
        not); an OR of them and of prefixes (each prefix the words it expands
        to, each word scoring apart, as in memory); an AND of words and phrases
        with NOTs of such ORs. The rest is matched leaf by leaf (:meth:`match`).
        """
        if isinstance(node, Or) or (isinstance(node, Term) and node.prefix):
            alternatives = self._disjuncts(node)
            return None if alternatives is None else "(" + " OR ".join(alternatives) + ")"
        leaf = _leaf_match(node)
        if leaf is not None or not isinstance(node, And):
            return leaf
        positives = [_leaf_match(c) for c in node.children if not isinstance(c, Not)]
        excluded = [self._disjuncts(c.child) for c in node.children if isinstance(c, Not)]
        if not positives or None in positives or None in excluded:
            return None
        match = "(" + " AND ".join(map(str, positives)) + ")"
        for other in excluded:
            match = f"({match} NOT ({' OR '.join(other or ())}))"
        return match

    def _disjuncts(self, node: Node) -> list[str] | None:
        """The MATCHes of the words and phrases whose OR is ``node``, or None."""
        if isinstance(node, Term) and node.prefix:
            terms = self._expand(node.token, _MOST_EXPANSIONS + 1)
            if not terms or len(terms) > _MOST_EXPANSIONS:
                return None
            return [match_string([t], node.field) for t in terms]
        if isinstance(node, Or):
            found: list[str] = []
            for child in node.children:
                part = self._disjuncts(child)
                if part is None:
                    return None
                found += part
            return found
        leaf = _leaf_match(node)
        return None if leaf is None else [leaf]

    def _leaf(self, match: str) -> Scores:
        rows = self.connection.rows(
            "SELECT rowid, -bm25(search) FROM search WHERE search MATCH ?", (match,)
        )
        return dict(rows)

    # -- matching a search expression --

    def match(self, node: Node) -> Scores:
        """Every document matching ``node``, with its BM25 score (0 for a pure NOT)."""
        if isinstance(node, DatedPhrase):
            return self._dated(node)
        if isinstance(node, Phrase):
            return self._leaf(match_string(node.tokens, node.field))
        if isinstance(node, Term):
            if not node.prefix:
                return self._leaf(match_string([node.token], node.field))
            # Each word the prefix expands to scores apart, as in memory.
            return self.match(Or(tuple(Term(t, node.field) for t in self._expand(node.token))))
        if isinstance(node, Synonyms):
            return self._synonyms(node)
        if isinstance(node, Or):
            acc: Scores = {}
            for child in node.children:
                for d, s in self.match(child).items():
                    acc[d] = acc.get(d, 0.0) + s
            return acc
        if isinstance(node, Not):
            excluded = self.match(node.child)
            return {d: 0.0 for d in range(self.n) if d not in excluded}
        if isinstance(node, FieldFilter):
            # A filter inside the expression: the documents its test keeps, scoring 0.
            keep = field_filter(node.name, node.value).keep
            return {d: 0.0 for d, doc in enumerate(self.index.documents) if keep(doc)}
        return self._and(node)

    def _and(self, node: And) -> Scores:
        kept = [self.match(c) for c in node.children if not isinstance(c, Not)]
        dropped = [self.match(c.child) for c in node.children if isinstance(c, Not)]
        if kept:
            smallest: Scores = min(kept, key=len)
            common = set(smallest).intersection(*kept)
            result = {d: sum(m[d] for m in kept) for d in sorted(common)}
        else:
            result = dict.fromkeys(range(self.n), 0.0)
        for excluded in dropped:
            for d in excluded:
                result.pop(d, None)
        return result

    def _synonyms(self, node: Synonyms) -> Scores:
        typed = self.match(node.typed)
        floor = min(typed.values()) if typed else None
        best: Scores = {}
        for alias in node.aliases:
            for d, s in self.match(alias).items():
                if d not in typed and s > best.get(d, -1.0):
                    best[d] = s
        return {**typed, **{d: alias_score(s, floor) for d, s in best.items()}}

    def _dated(self, node: DatedPhrase) -> Scores:
        """Documents of the code name's years holding it in a row, not after a qualifier."""
        if not node.tokens:
            return {}
        rows = self.connection.rows(
            "SELECT s.rowid, d.tokens FROM search AS s JOIN documents AS d ON d.docno = s.rowid"
            " WHERE search MATCH ? AND d.year BETWEEN ? AND ? ORDER BY s.rowid",
            (match_string(node.tokens, node.field), node.first, node.last),
        )
        docs = self.index.store.documents.many([d for d, _ in rows])
        pick = _FIELD_TEXTS if node.field is None else (_FIELD_TEXTS[_field(node.field)],)
        counts: dict[int, tuple[int, float]] = {}
        for (d, length), doc in zip(rows, docs, strict=True):
            segments = (tokenize(text_of(doc) or "") for text_of in pick)
            tf = code_name_count(
                doc.date, node.first, node.last, segments, list(node.tokens), node.qualifiers
            )
            if tf:
                counts[d] = (tf, K1 * (1 - B + B * length / self.avgdl))
        scores = impacts(len(counts), self.n, counts.values())
        return dict(zip(counts, scores, strict=True))

    def _expand(self, prefix: str, most: int = -1) -> list[str]:
        """The indexed tokens starting with ``prefix``, in code point order (the first
        ``most`` of them, if given)."""
        # Every token starting with the prefix sorts before the prefix with its last
        # character replaced by the next one (tokens hold letters and digits only).
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        terms = self.connection.column(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            (prefix, end, most),
        )
        return [term for term in terms if term.startswith(prefix)]

    def _df(self, token: str) -> int:
        found = self.connection.column("SELECT doc FROM search_terms WHERE term = ?", (token,))
        return found[0] if found else 0

    # -- order, and what a plan reports --

    def _ordered(self, docnos: list[int], order: str) -> list[int]:
        if order == "date":
            return docnos
        if order == "-date":
            dated = [d for d in docnos if d < self.dated]
            return dated[::-1] + [d for d in docnos if d >= self.dated]
        if order in ("title", "-title"):
            keys = {
                d: fold(title)
                for d, title in self.connection.rows(
                    "SELECT docno, title FROM documents"
                    " WHERE docno IN (SELECT value FROM json_each(?))",
                    (json.dumps(docnos),),
                )
            }
            return sorted(docnos, key=keys.__getitem__, reverse=order == "-title")
        return docnos  # pragma: no cover - relevance is handled by the caller

    def _terms_of(self, expr: Node) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        for node in _leaves(expr):
            if isinstance(node, Term) and node.prefix:
                n = sum(self._df(t) for t in self._expand(node.token))
                found.append((node.token + "*", n))
            else:
                tokens = (node.token,) if isinstance(node, Term) else node.tokens
                found += [(t, self._df(t)) for t in tokens]
        return list(dict.fromkeys(found))


def _leaf_match(node: Node) -> str | None:
    """The MATCH of a word (not a prefix) or a phrase (not a code name); else None."""
    if isinstance(node, Term) and not node.prefix:
        return match_string([node.token], node.field)
    if isinstance(node, Phrase) and not isinstance(node, DatedPhrase):
        return match_string(node.tokens, node.field)
    return None


def _field(name: str) -> int:
    from .._search.nodes import FIELD_NUMBER

    return FIELD_NUMBER[name]


def _leaves(node: Node) -> Iterator[Term | Phrase]:
    if isinstance(node, Term | Phrase):
        yield node
    elif isinstance(node, Not):
        yield from _leaves(node.child)
    elif isinstance(node, FieldFilter):
        return
    else:
        for child in node.children:
            yield from _leaves(child)
