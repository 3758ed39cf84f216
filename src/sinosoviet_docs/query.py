"""Queries over a catalogue: immutable, chainable and lazy.

>>> import sinosoviet_docs as ssd
>>> q = ssd.load().query().in_collection("sino-soviet-alliance-1950-1959")
>>> q = q.between("1950-05", "1950-05")
>>> for doc in q:
...     print(doc.date, doc.title)
1950-05-13 Ciphered Telegram, Roshchin to Cde. Filippov [Stalin]
1950-05-14 Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong

Nothing runs until the query is iterated, counted or asked for its first
document; each method returns a new query and leaves the old one as it was.
Filters that have an index (dates, types, people, places, topics,
languages, collections, full text) use the catalogue's indexes, built once
on first use; :meth:`Query.where` and other predicates scan what is left.
"""

from __future__ import annotations

import datetime
import itertools
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._choices import check_choice
from ._fields import FacetName
from ._search.filters import (
    Filter,
    Selection,
    archive_filter,
    between_label,
    date_filter,
    field_filter,
)
from ._search.language import filter_dates
from ._search.nodes import And, FieldFilter, Node, Parsed, map_filters
from ._search.planner import Hits, Memo, MemoryExecutor, Plan
from ._search.rewrite import parsed as parsed_search
from .dates import DateRange, PartialDate
from .exceptions import ArgumentTypeError, QuerySyntaxError
from .index import CatalogueIndex, index_for

if TYPE_CHECKING:
    import os

    from .export import ExportFormat, Table
    from .models import Catalogue, Document
    from .store import StoredCatalogue

__all__ = ["DateBound", "DateMode", "FacetField", "Query", "SortKey", "Timeline"]

#: What a date filter accepts as a bound: a date string ("1950-02", "February 1950"),
#: a PartialDate, a DateRange, a datetime.date, or None for an open end.
DateBound = str | PartialDate | DateRange | datetime.date | None
DateMode = Literal["overlaps", "within"]
SortKey = Literal["date", "-date", "relevance", "title", "-title"]
#: The facets and filters of :meth:`Query.facets` (declared with the fields they read).
FacetField = FacetName
TimelineUnit = Literal["year", "month"]


@attrs.frozen
class _Search:
    text: str
    expr: Node


@attrs.frozen(kw_only=True)
class Timeline:
    """Document counts per year or month, with the documents that fit no period kept apart.

    ``periods`` runs from the first to the last period with a document, gaps
    included as zeros. ``too_coarse`` holds the ids of documents dated less
    precisely than the unit, which may fall in more than one period: a
    year-only date or a season on a monthly timeline (never put in January,
    or in the season's first month), a decade, a winter (December to
    February) or a range over years on a yearly one; ``undated`` the ids of
    documents with no date. Every document of the query is in exactly one of
    the three.
    """

    unit: TimelineUnit
    periods: tuple[tuple[str, int], ...] = ()
    too_coarse: tuple[str, ...] = ()
    undated: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, int]:
        """The period counts as a dict, in period order."""
        return dict(self.periods)

    def total(self) -> int:
        """All documents: those in periods, too coarse and undated."""
        return sum(c for _, c in self.periods) + len(self.too_coarse) + len(self.undated)

    def plot(self, ax: Any = None) -> Any:
        """A bar chart of the period counts with matplotlib; returns the Axes.

        Draws on ``ax`` when given, else on a new figure. Needs
        ``pip install 'sinosoviet-docs[plot]'``.
        """
        from .export import plot_timeline

        return plot_timeline(self, ax)

    def __str__(self) -> str:
        lines = [f"{period}  {count}" for period, count in self.periods]
        if self.too_coarse:
            coarse = len(self.too_coarse)
            lines.append(f"dated less precisely than a {self.unit} (not counted above): {coarse}")
        if self.undated:
            lines.append(f"undated: {len(self.undated)}")
        return "\n".join(lines)


class _Exports(Iterable["Document"]):
    """What a query's documents can be written as (see :mod:`sinosoviet_docs.export`)."""

    __slots__ = ()

    def export(self, format: ExportFormat, path: str | os.PathLike[str] | None = None) -> str:
        """The matching documents as CSL-JSON, BibTeX, BibLaTeX, RIS, CSV or JSON Lines.

        Returns the text and, given a ``path``, also writes it there (see
        :func:`sinosoviet_docs.export.export`).

        >>> import sinosoviet_docs as ssd
        >>> print(ssd.load().query().between("1952", "1952").export("csv").splitlines()[0][:40])
        id,record_id,title,date,date_display,dat
        """
        from .export import export

        return export(self, format, path)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict a matching document (see :data:`sinosoviet_docs.export.COLUMNS`)."""
        from .export import to_records

        return to_records(self)

    def to_dataframe(self, table: Table = "documents") -> Any:
        """A pandas DataFrame of the documents, or of document × people/places/topics.

        Needs ``pip install 'sinosoviet-docs[pandas]'``.
        """
        from .export import to_dataframe

        return to_dataframe(self, table)

    def to_arrow(self, table: Table = "documents") -> Any:
        """A pyarrow Table of the documents (or an exploded table); needs the ``arrow`` extra."""
        from .export import to_arrow

        return to_arrow(self, table)

    def to_parquet(self, path: str | os.PathLike[str], table: Table = "documents") -> Any:
        """Write the documents (or an exploded table) to Parquet; needs the ``arrow`` extra."""
        from .export import to_parquet

        return to_parquet(self, path, table)


@attrs.frozen(kw_only=True)
class Query(_Exports):
    """A lazy selection of a catalogue's documents.

    Without a full-text search documents come in the catalogue's
    (chronological) order; with one, best match first (ties by date).
    ``sort``, ``limit`` and ``offset`` apply last, whatever their place in
    the chain. A query runs at most once: what it found is kept with it.
    """

    catalogue: Catalogue | StoredCatalogue
    filters: tuple[Filter, ...] = ()
    searches: tuple[_Search, ...] = ()
    # Keyword names of the constructor as they were; read them through repr() or plan().
    _sort_key: SortKey | None = attrs.field(default=None, alias="order")
    _offset: int = attrs.field(default=0, alias="skip")
    _limit: int | None = attrs.field(default=None, alias="take")
    _memo: Memo = attrs.field(factory=Memo, init=False, eq=False, repr=False)

    @property
    def order(self) -> SortKey | None:
        """Deprecated (goes in 0.3): the sort key given to :meth:`sort`, or None."""
        _renamed("order", "the sort key given to sort()")
        return self._sort_key

    @property
    def skip(self) -> int:
        """Deprecated (goes in 0.3): the number given to :meth:`offset`."""
        _renamed("skip", "the number given to offset()")
        return self._offset

    @property
    def take(self) -> int | None:
        """Deprecated (goes in 0.3): the number given to :meth:`limit`, or None."""
        _renamed("take", "the number given to limit()")
        return self._limit

    def _with(
        self,
        label: str,
        keep: Callable[[Document], bool],
        select: Callable[[CatalogueIndex], Selection] | None = None,
    ) -> Query:
        return self._add(Filter(label, keep, select))

    def _add(self, flt: Filter) -> Query:
        return self._replace(filters=(*self.filters, flt))

    def _replace(self, **changes: Any) -> Query:
        # attrs.evolve, spelt out: queries are built on every call, so this is a hot path.
        values: dict[str, Any] = {
            "catalogue": self.catalogue,
            "filters": self.filters,
            "searches": self.searches,
            "order": self._sort_key,
            "skip": self._offset,
            "take": self._limit,
        }
        values.update(changes)
        return Query(**values)

    # -- filters ---------------------------------------------------------------------------

    def in_collection(self, collection: str) -> Query:
        """Documents the catalogue knows in this collection (slug, former slug or title).

        Raises :class:`~sinosoviet_docs.CollectionNotFoundError` at once for an unknown one.
        """
        _check_str("collection", collection)
        slug = self.catalogue.collection(collection).slug
        return self._add(field_filter("collection", slug))

    def between(
        self, start: DateBound = None, end: DateBound = None, *, mode: DateMode = "overlaps"
    ) -> Query:
        """Documents dated in a period; partial dates compare by their possible days.

        With ``mode="overlaps"`` (the default) a document matches when any day it
        may be from lies in the period; with ``mode="within"`` when every such day
        does. "February 1950" overlaps 10-20 February 1950 but is not within it;
        a decade overlaps each of its years and is within none of them; a range's
        open end reaches every period on its side. Undated documents match no
        date filter. Bad date strings raise :class:`~sinosoviet_docs.DateParseError`
        at once.
        """
        for argument, bound in (("start", start), ("end", end)):
            if bound is not None and not isinstance(
                bound, str | PartialDate | DateRange | datetime.date
            ):
                raise ArgumentTypeError(
                    argument, "a date (str, PartialDate, DateRange or datetime.date) or None", bound
                )
        lo, hi = _bound(start), _bound(end)
        check_choice("mode", mode, DateMode)
        label = between_label(lo, hi, mode)
        return self._add(date_filter(label, lo, hi, within=mode == "within"))

    def involving(self, name: str) -> Query:
        """Documents involving a person: as author, in ``people``, or named in the title.

        Names compare folded (case, accents). With the name authority
        (:mod:`sinosoviet_docs.names`) every spelling of the person counts:
        ``involving("Filippov")`` finds Stalin too. A code name counts only in
        documents dated in the years it was used (never in undated ones) and
        not after another person's forename or an initial ("Vladimir
        Semenov"); a spelling the authority gives to several persons
        ("Kuznetsov") is never added, nor are the spellings of an ambiguous name.
        """
        _check_str("name", name)
        return self._add(field_filter("person", name))

    def of_type(self, type: str) -> Query:
        """Documents of this type ("Telegram", "Memorandum of Conversation"), folded."""
        _check_str("type", type)
        return self._add(field_filter("type", type))

    def about(self, topic: str) -> Query:
        """Documents with this subject heading ("China--Foreign relations--Soviet Union")."""
        _check_str("topic", topic)
        return self._add(field_filter("topic", topic))

    def at(self, place: str) -> Query:
        """Documents with this place (and its other names, with the place authority)."""
        _check_str("place", place)
        return self._add(field_filter("place", place))

    def in_language(self, language: str) -> Query:
        """Documents in this language ("Russian", "Chinese"), folded."""
        _check_str("language", language)
        return self._add(field_filter("language", language))

    def where(self, predicate: Callable[[Document], bool]) -> Query:
        """Documents for which ``predicate(doc)`` is true (the escape hatch)."""
        if not callable(predicate):
            raise ArgumentTypeError("predicate", "a callable", predicate)
        name = getattr(predicate, "__name__", "predicate")
        return self._with(f"where({name})", predicate)

    # -- full text -------------------------------------------------------------------------

    def search(self, text: str, *, aliases: bool = True) -> Query:
        """Documents matching a search string, best match first (BM25, ties by date).

        Words are ANDed; ``OR``, ``NOT`` and parentheses combine them;
        ``"a phrase"``, ``stal*`` (prefix), ``title:``/``summary:``/``text:``/
        ``names:`` restrict a word to a field. Filter fields narrow the
        result like the methods of the same name: ``type:Telegram``,
        ``person:Khrushchev``, ``place:``, ``topic:``, ``language:``,
        ``collection:``, ``year:1958..1959``, ``date:1950-02..1950-06``,
        and who wrote to whom: ``from:`` (:meth:`sent_by`), ``to:``
        (:meth:`sent_to`), ``via:`` (:meth:`sent_via`), ``with:``
        (:meth:`with_person`). Filter fields combine with OR and NOT like
        words (``from:stalin (to:mao OR to:zhou)``), adding nothing to the score.
        With the name authority installed (and ``aliases=True``), a person's
        name also finds their other names. Bad syntax raises
        :class:`~sinosoviet_docs.QuerySyntaxError` naming the position.

        >>> import sinosoviet_docs as ssd
        >>> [d.id for d in ssd.load().search('"east wind"')]
        ['121559']
        """
        _check_str("text", text)
        parsed, expr = parsed_search(text, aliases)
        check = self._checked(parsed)
        filters = [field_filter(f.name, f.value) for f in map(check, parsed.filters)]
        q = self._replace(filters=(*self.filters, *filters)) if filters else self
        if expr is None:
            return q
        expr = map_filters(expr, check)
        return q._replace(searches=(*q.searches, _Search(text, expr)))

    def _checked(self, parsed: Parsed) -> Callable[[FieldFilter], FieldFilter]:
        """A check of a filter field of ``parsed`` now, not when the query runs: a bad
        value raises; a collection is named by its slug."""

        def check(flt: FieldFilter) -> FieldFilter:
            if flt.name == "collection":
                return attrs.evolve(flt, value=self.catalogue.collection(flt.value).slug)
            if flt.name in ("year", "date"):
                filter_dates(parsed, flt)
                try:
                    field_filter(flt.name, flt.value)
                except ValueError as exc:  # a period that ends before it starts
                    raise QuerySyntaxError(parsed.text, flt.value_position, str(exc)) from None
            else:
                field_filter(flt.name, flt.value)
            return flt

        return check

    # -- order and slices ------------------------------------------------------------------

    def sort(self, key: SortKey) -> Query:
        """Order by ``"date"``, ``"-date"`` (newest first; undated still last), ``"title"``,
        ``"-title"`` or ``"relevance"`` (needs a search)."""
        check_choice("sort key", key, SortKey)
        return self._replace(order=key)

    def limit(self, n: int) -> Query:
        """At most ``n`` documents."""
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= sys.maxsize:
            raise ValueError(f"limit must be an integer from 0 to sys.maxsize, not {n!r}")
        return self._replace(take=n)

    def offset(self, n: int) -> Query:
        """Skip the first ``n`` documents."""
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= sys.maxsize:
            raise ValueError(f"offset must be an integer from 0 to sys.maxsize, not {n!r}")
        return self._replace(skip=n)

    # -- running -----------------------------------------------------------------------------

    def _executor(self) -> MemoryExecutor:
        return index_for(self.catalogue).executor

    def _expr(self) -> Node | None:
        if not self.searches:
            return None
        if len(self.searches) == 1:
            return self.searches[0].expr
        return And(tuple(s.expr for s in self.searches))

    def _plan(self) -> Plan:
        return Plan(self.filters, self._expr(), self._sort_key, self._offset, self._limit)

    def _hits(self) -> Hits:
        """What the query found: run on first use, then kept."""
        return self._memo.get("page", self._run)

    def _run(self) -> Hits:
        return self._executor().run(self._plan())

    def _all_hits(self) -> Hits:
        """Every match, whatever the sort, offset and limit (run once, then kept)."""
        if self._sort_key is None and self._offset == 0 and self._limit is None:
            return self._hits()
        return self._memo.get("all", lambda: self._executor().run(self._plan().everything()))

    def _scans(self) -> bool:
        """Whether the query has only predicates (no index, search or sort): it scans."""
        indexed = any(f.select for f in self.filters)
        return not indexed and not self.searches and self._sort_key is None

    def __iter__(self) -> Iterator[Document]:
        if self._scans():
            # Only predicates: scan lazily, so first() stops early.
            filters = [f.keep for f in self.filters]
            matching = (d for d in self.catalogue.documents if all(k(d) for k in filters))
            plan = self._plan()
            yield from itertools.islice(matching, plan.offset, plan.end)
            return
        docs = self.catalogue.documents
        for d in self._hits().page:
            yield docs[d]

    def __len__(self) -> int:
        # Counted without reading the documents (a store would read every one).
        return sum(1 for _ in self) if self._scans() else len(self._hits().page)

    def __repr__(self) -> str:
        chain = ["query()", *(f.label for f in self.filters)]
        chain += [f"search({s.text!r})" for s in self.searches]
        if self._sort_key is not None:
            chain.append(f"sort({self._sort_key!r})")
        if self._offset:
            chain.append(f"offset({self._offset})")
        if self._limit is not None:
            chain.append(f"limit({self._limit})")
        return f"<Query {'.'.join(chain)}>"

    def first(self) -> Document | None:
        """The first matching document, or ``None``."""
        return next(iter(self), None)

    def ids(self) -> list[str]:
        """The ids of the matching documents, in order."""
        return [doc.id for doc in self]

    def scores(self) -> list[tuple[str, float]]:
        """(id, BM25 score) of the matching documents in order (a search is needed).

        >>> import sinosoviet_docs as ssd
        >>> [(i, round(s, 3)) for i, s in ssd.load().search("ammunitions").scores()]
        [('1952-12-27-telegram-from-stalin-to-mao-zedong', 4.651)]
        """
        if not self.searches:
            raise ValueError("scores() needs a full-text search")
        hits = self._hits()
        scores = hits.scores
        assert scores is not None
        # The ids alone: a store reads no document for them.
        ids = self._executor().ids(hits.page)
        return [(i, scores[d]) for i, d in zip(ids, hits.page, strict=True)]

    # -- summaries ---------------------------------------------------------------------------

    def _all_docnos(self) -> list[int]:
        """Every match's number, ignoring sort, offset and limit, in catalogue (date) order."""
        return sorted(self._all_hits().ranked)

    def facets(self, field: FacetField) -> dict[str, int]:
        """How many matching documents have each value of ``field``, most common first.

        Counts all matches (offset and limit do not apply). A document counts
        once per distinct value; documents without a value are not counted, so
        the counts need not add up to ``len(q)``. ``"year"`` is in year order
        and leaves out undated documents and those that may fall in several
        years, such as a decade or a range over years (see :meth:`timeline`); ``"person"``
        counts authors, people and (with the name authority) people named in
        titles, under their canonical names.

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().query().between("1950", "1951").facets("year")
        {'1950': 44, '1951': 22}
        """
        check_choice("facet field", field, FacetField)
        return self._executor().facets(self._all_docnos(), field)

    def timeline(self, unit: TimelineUnit = "year") -> Timeline:
        """Matching documents counted per year or month (offset and limit do not apply).

        A document dated less precisely than the unit is reported apart in
        ``too_coarse``, never counted in January; undated ones in ``undated``.

        >>> import sinosoviet_docs as ssd
        >>> t = ssd.load().query().between("1959", "1960-02").timeline("month")
        >>> t.periods[0], t.periods[-1], len(t.too_coarse)
        (('1959-09', 3), ('1960-02', 3), 0)
        """
        check_choice("unit", unit, TimelineUnit)
        periods, coarse, undated = self._executor().timeline(self._all_docnos(), unit)
        return Timeline(
            unit=unit, periods=tuple(periods), too_coarse=tuple(coarse), undated=tuple(undated)
        )

    def plan(self) -> str:
        """What the query does and what it cost: parsed search, terms and postings, filters,
        strategy, time (the query runs once; asking again shows the same run).

        >>> import sinosoviet_docs as ssd
        >>> print(ssd.load().search("ammunitions year:1952").plan())  # doctest: +ELLIPSIS
        search: ammunitions
        term 'ammunitions': 1 documents
        filter between('1952', '1952', mode='overlaps'): ... documents
        order: relevance
        strategy: ...
        matched: 1 documents in ... ms
        """
        return self._executor().describe(self._plan(), self._hits())

    def explain(self) -> str:
        """Deprecated name of :meth:`plan` (it goes in 0.3)."""
        warnings.warn(
            "Query.explain() is deprecated and goes in 0.3; use Query.plan()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.plan()

    # -- correspondence and citations --

    def sent_by(self, name: str) -> Query:
        """Messages whose title names ``name`` (any spelling or code name) as a sender.

        Roles are those of :attr:`Document.correspondence`: a code name counts
        in the years it was used (a 1950 "Filippov" is Stalin). The search
        language's ``from:``.

        >>> import sinosoviet_docs as ssd
        >>> len(ssd.load().query().sent_by("Filippov")) == len(ssd.load().query().sent_by("Stalin"))
        True
        """
        _check_str("name", name)
        return self._add(field_filter("from", name))

    def sent_to(self, name: str) -> Query:
        """Messages whose title names ``name`` as a recipient (not only an intermediary);
        the search language's ``to:``."""
        _check_str("name", name)
        return self._add(field_filter("to", name))

    def sent_via(self, name: str) -> Query:
        """Messages whose title names ``name`` as an intermediary ("via Roshchin", or the
        first addressee of a message "for" someone else); the search language's ``via:``.

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().query().sent_via("Roshchin").between("1950-07", "1950-07").ids()[0]
        '1950-07-05-ciphered-telegram-no-3172-stalin-to-zhou-enlai-via-roshchin'
        """
        _check_str("name", name)
        return self._add(field_filter("via", name))

    def with_person(self, name: str) -> Query:
        """Conversations ``name`` took part in, and messages ``name`` sent or received
        (either side; not as an intermediary); the search language's ``with:``.

        Narrower than :meth:`involving`, which also counts a person who is only
        mentioned or listed among the document's people.
        """
        _check_str("name", name)
        return self._add(field_filter("with", name))

    def from_archive(self, archive: str) -> Query:
        """Documents whose source citation cites this archive ("APRF", "AP RF", "AVPRF" ...).

        Raises :class:`~sinosoviet_docs.UnknownArchiveError` at once for an unknown archive.
        """
        _check_str("archive", archive)
        code, keep = archive_filter(archive)
        return self._with(f"from_archive({code!r})", keep)

    def _repr_html_(self) -> str:
        """The matching documents as an HTML table, for notebooks."""
        from .export._html import query_html

        return query_html(self)


def head(query: Query, n: int) -> tuple[int, list[tuple[Document, float | None]]]:
    """How many documents ``query`` matches, and its first ``n`` with their scores (None
    without a search), from one run: only those ``n`` documents are read. (A store that
    counts the matches in SQL ranks only those ``n``.)

    >>> import sinosoviet_docs as ssd
    >>> total, first = head(ssd.load().search("ammunitions"), 5)
    >>> total, [(d.id, round(s or 0, 3)) for d, s in first]
    (1, [('1952-12-27-telegram-from-stalin-to-mao-zedong', 4.651)])
    """
    if query._scans():  # only predicates: no search, no hits kept
        total = len(query)
        return total, [(doc, None) for doc in itertools.islice(query, max(n, 0))]
    counted = query._executor().count(query._plan())
    if counted is None:
        total = len(query)
    else:
        total = counted
        want = max(n, 0) if query._limit is None else min(max(n, 0), query._limit)
        query = query.limit(want)
    hits = query._hits()
    page = hits.page[: max(n, 0)]
    docs = query._executor().documents(page)
    scores = hits.scores
    return total, [
        (doc, None if scores is None else scores[d]) for doc, d in zip(docs, page, strict=True)
    ]


def _bound(value: DateBound) -> PartialDate | DateRange | datetime.date | None:
    if isinstance(value, str):
        return DateRange.parse(value) if "/" in value else PartialDate.parse(value)
    return value


def _renamed(old: str, what: str) -> None:
    warnings.warn(
        f"Query.{old} is deprecated and goes in 0.3: it is {what}; "
        "the query's repr() and plan() show it",
        DeprecationWarning,
        stacklevel=3,
    )


def _check_str(argument: str, value: object) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(argument, "a str", value)
