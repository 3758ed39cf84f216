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
import functools
import heapq
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._querylang import (
    And,
    FieldFilter,
    Node,
    Not,
    Or,
    Parsed,
    Phrase,
    Synonyms,
    Term,
    describe,
    parse,
)
from ._text import fold, fold_name, tokenize
from .dates import DateRange, PartialDate, _bounds
from .exceptions import DateParseError, QuerySyntaxError

if TYPE_CHECKING:
    import os

    from .export import ExportFormat, Table
    from .index import CatalogueIndex, Selection
    from .models import Catalogue, Document

__all__ = ["DateBound", "DateMode", "FacetField", "Query", "SortKey", "Timeline"]

#: What a date filter accepts as a bound: a date string ("1950-02", "February 1950"),
#: a PartialDate, a DateRange, a datetime.date, or None for an open end.
DateBound = str | PartialDate | DateRange | datetime.date | None
DateMode = Literal["overlaps", "within"]
SortKey = Literal["date", "-date", "relevance", "title", "-title"]
FacetField = Literal["type", "person", "place", "topic", "language", "collection", "year"]

_SORTS = ("date", "-date", "relevance", "title", "-title")
_FACETS = ("type", "person", "place", "topic", "language", "collection", "year")


@attrs.frozen
class _Filter:
    describe: str
    keep: Callable[[Document], bool]
    # How an index answers the filter; None: scan with ``keep``.
    select: Callable[[CatalogueIndex], Selection] | None = None


@attrs.frozen
class _Search:
    text: str
    expr: Node


@attrs.frozen(kw_only=True)
class Timeline:
    """Document counts per year or month, with the documents that fit no period kept apart.

    ``periods`` runs from the first to the last period with a document, gaps
    included as zeros. ``too_coarse`` holds the ids of documents dated less
    precisely than the unit (a year-only date on a monthly timeline: it is
    never put in January); ``undated`` the ids of documents with no date.
    Every document of the query is in exactly one of the three.
    """

    unit: Literal["year", "month"]
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
            lines.append(f"dated only to the year (not counted above): {len(self.too_coarse)}")
        if self.undated:
            lines.append(f"undated: {len(self.undated)}")
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Query:
    """A lazy selection of a catalogue's documents.

    Without a full-text search documents come in the catalogue's
    (chronological) order; with one, best match first (ties by date).
    ``sort``, ``limit`` and ``offset`` apply last, whatever their place in
    the chain.
    """

    catalogue: Catalogue
    filters: tuple[_Filter, ...] = ()
    searches: tuple[_Search, ...] = ()
    order: SortKey | None = None
    skip: int = 0
    take: int | None = None

    def _with(
        self,
        describe: str,
        keep: Callable[[Document], bool],
        select: Callable[[CatalogueIndex], Selection] | None = None,
    ) -> Query:
        return self._replace(filters=(*self.filters, _Filter(describe, keep, select)))

    def _replace(self, **changes: Any) -> Query:
        # attrs.evolve, spelt out: queries are built on every call, so this is a hot path.
        values: dict[str, Any] = {
            "catalogue": self.catalogue,
            "filters": self.filters,
            "searches": self.searches,
            "order": self.order,
            "skip": self.skip,
            "take": self.take,
        }
        values.update(changes)
        return Query(**values)

    # -- filters ---------------------------------------------------------------------------

    def in_collection(self, collection: str) -> Query:
        """Documents the catalogue knows in this collection (slug, former slug or title).

        Raises :class:`~sinosoviet_docs.CollectionNotFoundError` at once for an unknown one.
        """
        slug = self.catalogue.collection(collection).slug
        return self._with(
            f"in_collection({slug!r})",
            lambda d: slug in d.collections,
            _value_select("collection", (fold_name(slug),)),
        )

    def between(
        self, start: DateBound = None, end: DateBound = None, *, mode: DateMode = "overlaps"
    ) -> Query:
        """Documents dated in a period; partial dates compare by their possible days.

        With ``mode="overlaps"`` (the default) a document matches when any day it
        may be from lies in the period; with ``mode="within"`` when every such day
        does. "February 1950" overlaps 10-20 February 1950 but is not within it.
        Undated documents match no date filter. Bad date strings raise
        :class:`~sinosoviet_docs.DateParseError` at once.
        """
        lo = _bound(start)
        hi = _bound(end)
        if mode not in ("overlaps", "within"):
            raise ValueError(f"mode must be 'overlaps' or 'within', not {mode!r}")
        within = mode == "within"
        # The period's first and last day; a start after the end raises now, not later.
        first_day, last_day = _bounds(lo, hi)

        def keep(doc: Document) -> bool:
            if doc.date is None:
                return False
            return doc.date.within(lo, hi) if within else doc.date.overlaps(lo, hi)

        first, last = first_day.toordinal(), last_day.toordinal()

        def select(index: CatalogueIndex) -> Selection:
            return index.dates.select(first, last, within=within)

        return self._with(f"between({_show(lo)}, {_show(hi)}, mode={mode!r})", keep, select)

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
        plain, codes = _person_forms(name)
        keys = tuple(dict.fromkeys(fold_name(n) for n in plain if fold_name(n)))
        sequences = tuple(tuple(k.split()) for k in keys)
        codes = tuple(c for c in codes if c.key not in keys)

        def keep(doc: Document) -> bool:
            names = (*doc.authors, *doc.people)
            if any(fold_name(p) in keys for p in names):
                return True
            title = tokenize(doc.title)
            if any(_has_run(title, seq) for seq in sequences):
                return True
            return any(c.found_in(doc, names, title) for c in codes)

        def select(index: CatalogueIndex) -> Selection:
            from .index import Selection

            postings = [index.person(key) for key in keys]
            if len(postings) == 1 and not codes:
                return Selection.of(postings[0])
            found = {d for p in postings for d in p}
            docs = index.documents
            for code in codes:
                found.update(d for d in index.person(code.key) if keep(docs[d]))
            return Selection.of(sorted(found))

        return self._with(f"involving({name!r})", keep, select)

    def of_type(self, type: str) -> Query:
        """Documents of this type ("Telegram", "Memorandum of Conversation"), folded."""
        return self._value_filter(
            "of_type", "type", type, lambda d: () if d.type is None else (d.type,)
        )

    def about(self, topic: str) -> Query:
        """Documents with this subject heading ("China--Foreign relations--Soviet Union")."""
        return self._value_filter("about", "topic", topic, lambda d: d.topics)

    def at(self, place: str) -> Query:
        """Documents with this place (and its other names, with the place authority)."""
        names = _place_variants(place)
        return self._value_filter("at", "place", place, lambda d: d.places, names)

    def in_language(self, language: str) -> Query:
        """Documents in this language ("Russian", "Chinese"), folded."""
        return self._value_filter("in_language", "language", language, lambda d: d.languages)

    def _value_filter(
        self,
        method: str,
        field: str,
        value: str,
        values_of: Callable[[Document], Iterable[str]],
        names: Sequence[str] = (),
    ) -> Query:
        keys = tuple(dict.fromkeys(fold_name(v) for v in (value, *names)))

        def keep(doc: Document) -> bool:
            return any(fold_name(v) in keys for v in values_of(doc))

        return self._with(f"{method}({value!r})", keep, _value_select(field, keys))

    def where(self, predicate: Callable[[Document], bool]) -> Query:
        """Documents for which ``predicate(doc)`` is true (the escape hatch)."""
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
        ``collection:``, ``year:1958..1959``, ``date:1950-02..1950-06``.
        With the name authority installed (and ``aliases=True``), a person's
        name also finds their other names. Bad syntax raises
        :class:`~sinosoviet_docs.QuerySyntaxError` naming the position.

        >>> import sinosoviet_docs as ssd
        >>> [d.id for d in ssd.load().search('"east wind"')]
        ['121559']
        """
        parsed, expr = _parsed(text, aliases)
        q = self
        for flt in parsed.filters:
            q = q._apply_field(parsed, flt)
        if expr is None:
            return q
        return q._replace(searches=(*q.searches, _Search(text, expr)))

    def _apply_field(self, parsed: Parsed, flt: FieldFilter) -> Query:
        value = flt.value
        if flt.name == "type":
            return self.of_type(value)
        if flt.name == "person":
            return self.involving(value)
        if flt.name == "place":
            return self.at(value)
        if flt.name == "topic":
            return self.about(value)
        if flt.name == "language":
            return self.in_language(value)
        if flt.name == "collection":
            return self.in_collection(value)
        start, sep, end = value.partition("..")
        try:
            if flt.name == "year":
                for part in (start, end):
                    if part and not (part.isascii() and part.isdecimal() and len(part) == 4):
                        raise DateParseError(part, "a year is four digits")
                lo = PartialDate(year=int(start)) if start else None
                hi = PartialDate(year=int(end)) if end else None
                if not sep:
                    hi = lo
            else:
                lo = PartialDate.parse(start) if start else None
                hi = (PartialDate.parse(end) if end else None) if sep else lo
            return self.between(lo, hi)
        except (DateParseError, ValueError) as exc:
            raise QuerySyntaxError(parsed.text, flt.value_position, str(exc)) from None

    # -- order and slices ------------------------------------------------------------------

    def sort(self, key: SortKey) -> Query:
        """Order by ``"date"``, ``"-date"`` (newest first; undated still last), ``"title"``,
        ``"-title"`` or ``"relevance"`` (needs a search)."""
        if key not in _SORTS:
            raise ValueError(f"sort key must be one of {', '.join(_SORTS)}; not {key!r}")
        return self._replace(order=key)

    def limit(self, n: int) -> Query:
        """At most ``n`` documents."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"limit must be a non-negative integer, not {n!r}")
        return self._replace(take=n)

    def offset(self, n: int) -> Query:
        """Skip the first ``n`` documents."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"offset must be a non-negative integer, not {n!r}")
        return self._replace(skip=n)

    # -- running -----------------------------------------------------------------------------

    def _index(self) -> CatalogueIndex:
        from .index import index_for

        return index_for(self.catalogue)

    def _matching(self, index: CatalogueIndex) -> tuple[list[int] | None, Callable[[int], bool]]:
        """The documents passing every filter (None: all) and the same as a test.

        Indexed filters start from the smallest selection and test the rest
        by lookup; predicate filters then scan what is left.
        """
        if not self.filters:
            return None, _always
        docs = self.catalogue.documents
        selections = sorted(
            (f.select(index) for f in self.filters if f.select is not None), key=lambda s: s.size
        )
        predicates = [f.keep for f in self.filters if f.select is None]
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

        return found, accept

    def _expr(self) -> Node | None:
        if not self.searches:
            return None
        if len(self.searches) == 1:
            return self.searches[0].expr
        return And(tuple(s.expr for s in self.searches))

    def _run(self, notes: list[str] | None = None) -> tuple[list[int], dict[int, float] | None]:
        """Document numbers in final order (before offset/limit), and scores if searched."""
        index = self._index()
        expr = self._expr()
        order = self.order or ("relevance" if expr is not None else "date")
        if order == "relevance" and expr is None:
            raise ValueError("sort('relevance') needs a full-text search")
        found, accept = self._matching(index)
        if expr is None:
            docnos = list(range(len(self.catalogue))) if found is None else found
            if notes is not None:
                notes.append(f"filters kept {len(docnos)} documents")
            return self._ordered(docnos, None, order), None
        text = index.text
        want = None if self.take is None else self.skip + self.take
        plain = _plain_terms(expr)
        if plain is not None and order == "relevance" and want is not None:
            groups, conjunctive = plain
            total = sum(len(text.postings(t)[0]) for g in groups for t in g)
            if found is not None and len(found) < total:
                scores = text.score_groups(groups, found, conjunctive=conjunctive)
                ranked = heapq.nsmallest(want, scores, key=lambda d: (-scores[d], d))
                strategy = f"scored {len(found)} filtered documents by lookup"
            else:
                best = text.top_groups(
                    groups,
                    conjunctive=conjunctive,
                    k=want,
                    accept=None if found is None else accept,
                )
                scores = {d: s for s, d in best}
                ranked = [d for _, d in best]
                strategy = "top-k by impact-ordered postings (threshold algorithm)"
            if notes is not None:
                notes.append(f"strategy: {strategy}; postings {total}")
            return ranked, scores
        scores = text.matches(expr)
        if found is not None:
            scores = {d: s for d, s in scores.items() if accept(d)}
        if notes is not None:
            notes.append(f"strategy: full evaluation; {len(scores)} documents matched")
        if order == "relevance":
            if want is not None:
                return heapq.nsmallest(want, scores, key=lambda d: (-scores[d], d)), scores
            return sorted(scores, key=lambda d: (-scores[d], d)), scores
        return self._ordered(sorted(scores), scores, order), scores

    def _ordered(self, docnos: list[int], scores: dict[int, float] | None, order: str) -> list[int]:
        docs = self.catalogue.documents
        if order == "date":
            return docnos
        if order == "-date":
            dated = [d for d in docnos if docs[d].date is not None]
            undated = [d for d in docnos if docs[d].date is None]
            return dated[::-1] + undated
        if order in ("title", "-title"):
            return sorted(docnos, key=lambda d: fold(docs[d].title), reverse=order == "-title")
        return docnos  # pragma: no cover - relevance is handled by the caller

    def _docnos(self) -> list[int]:
        ranked, _ = self._run()
        end = None if self.take is None else self.skip + self.take
        return ranked[self.skip : end]

    def __iter__(self) -> Iterator[Document]:
        if not any(f.select for f in self.filters) and not self.searches and self.order is None:
            # Only predicates: scan lazily, so first() stops early.
            filters = [f.keep for f in self.filters]
            matching = (d for d in self.catalogue.documents if all(k(d) for k in filters))
            end = None if self.take is None else self.skip + self.take
            import itertools

            yield from itertools.islice(matching, self.skip, end)
            return
        docs = self.catalogue.documents
        for d in self._docnos():
            yield docs[d]

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        chain = ["query()", *(f.describe for f in self.filters)]
        chain += [f"search({s.text!r})" for s in self.searches]
        if self.order is not None:
            chain.append(f"sort({self.order!r})")
        if self.skip:
            chain.append(f"offset({self.skip})")
        if self.take is not None:
            chain.append(f"limit({self.take})")
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
        ranked, scores = self._run()
        assert scores is not None
        end = None if self.take is None else self.skip + self.take
        docs = self.catalogue.documents
        return [(docs[d].id, scores[d]) for d in ranked[self.skip : end]]

    # -- summaries ---------------------------------------------------------------------------

    def _all_matches(self) -> list[Document]:
        """Every matching document, ignoring sort, offset and limit, in date order."""
        unlimited = self._replace(skip=0, take=None, order=None)
        docs = self.catalogue.documents
        ranked, _ = unlimited._run()
        return [docs[d] for d in sorted(ranked)]

    def facets(self, field: FacetField) -> dict[str, int]:
        """How many matching documents have each value of ``field``, most common first.

        Counts all matches (offset and limit do not apply). A document counts
        once per distinct value; documents without a value are not counted, so
        the counts need not add up to ``len(q)``. ``"year"`` is in year order
        and leaves undated documents out (see :meth:`timeline`); ``"person"``
        counts authors, people and (with the name authority) people named in
        titles, under their canonical names.

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().query().between("1950", "1951").facets("year")
        {'1950': 44, '1951': 22}
        """
        if field not in _FACETS:
            raise ValueError(f"facet field must be one of {', '.join(_FACETS)}; not {field!r}")
        counts: Counter[str] = Counter()
        values = _facet_values(field)
        for doc in self._all_matches():
            counts.update(set(values(doc)))
        if field == "year":
            return dict(sorted(counts.items()))
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def timeline(self, unit: Literal["year", "month"] = "year") -> Timeline:
        """Matching documents counted per year or month (offset and limit do not apply).

        A document dated less precisely than the unit is reported apart in
        ``too_coarse``, never counted in January; undated ones in ``undated``.

        >>> import sinosoviet_docs as ssd
        >>> t = ssd.load().query().between("1959", "1960-02").timeline("month")
        >>> t.periods[0], t.periods[-1], len(t.too_coarse)
        (('1959-09', 3), ('1960-02', 3), 0)
        """
        if unit not in ("year", "month"):
            raise ValueError(f"unit must be 'year' or 'month', not {unit!r}")
        counts: Counter[tuple[int, int]] = Counter()
        coarse: list[str] = []
        undated: list[str] = []
        for doc in self._all_matches():
            if doc.date is None:
                undated.append(doc.id)
            elif unit == "year":
                counts[(doc.date.year, 0)] += 1
            elif doc.date.month is None:
                coarse.append(doc.id)
            else:
                counts[(doc.date.year, doc.date.month)] += 1
        periods: list[tuple[str, int]] = []
        if counts:
            (y, m), (last_y, last_m) = min(counts), max(counts)
            while (y, m) <= (last_y, last_m):
                label = f"{y:04d}" if unit == "year" else f"{y:04d}-{m:02d}"
                periods.append((label, counts[(y, m)]))
                if unit == "year":
                    y += 1
                else:
                    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return Timeline(
            unit=unit, periods=tuple(periods), too_coarse=tuple(coarse), undated=tuple(undated)
        )

    def explain(self) -> str:
        """What the query does and what it cost: parsed search, terms and postings, filters,
        strategy, time.

        >>> import sinosoviet_docs as ssd
        >>> print(ssd.load().search("ammunitions year:1952").explain())  # doctest: +ELLIPSIS
        search: ammunitions
        term 'ammunitions': 1 documents
        filter between('1952', '1952', mode='overlaps'): ... documents
        order: relevance
        strategy: ...
        matched: 1 documents in ... ms
        """
        index = self._index()
        lines: list[str] = []
        expr = self._expr()
        if expr is not None:
            lines.append(f"search: {describe(expr)}")
            for token, size in _terms_of(expr, index):
                lines.append(f"term {token!r}: {size} documents")
        for f in self.filters:
            sized = f"{f.select(index).size}" if f.select is not None else "scan,"
            lines.append(f"filter {f.describe}: {sized} documents")
        lines.append(f"order: {self.order or ('relevance' if expr is not None else 'date')}")
        notes: list[str] = []
        start = time.perf_counter()
        ranked, _ = self._run(notes)
        elapsed = (time.perf_counter() - start) * 1000
        lines += notes
        if self.skip or self.take is not None:
            lines.append(f"offset {self.skip}, limit {self.take}")
        lines.append(f"matched: {len(ranked)} documents in {elapsed:.2f} ms")
        return "\n".join(lines)

    # -- names issue --

    def sent_by(self, name: str) -> Query:
        """Messages whose title names ``name`` (any spelling or code name) as a sender.

        >>> import sinosoviet_docs as ssd
        >>> len(ssd.load().query().sent_by("Filippov")) == len(ssd.load().query().sent_by("Stalin"))
        True
        """
        from .correspondence import role_filter

        return self._with(f"sent_by({name!r})", role_filter("senders", name))

    def sent_to(self, name: str) -> Query:
        """Messages whose title names ``name`` as a recipient (not only an intermediary)."""
        from .correspondence import role_filter

        return self._with(f"sent_to({name!r})", role_filter("recipients", name))

    def from_archive(self, archive: str) -> Query:
        """Documents whose source citation cites this archive ("APRF", "AP RF", "AVPRF" ...).

        Raises :class:`~sinosoviet_docs.UnknownArchiveError` at once for an unknown archive.
        """
        from .citations import archive_filter

        code, keep = archive_filter(archive)
        return self._with(f"from_archive({code!r})", keep)

    # -- exports issue --

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

    def _repr_html_(self) -> str:
        """The matching documents as an HTML table, for notebooks."""
        from .export._html import query_html

        return query_html(self)


@functools.lru_cache(maxsize=512)
def _parsed(text: str, aliases: bool) -> tuple[Parsed, Node | None]:
    """A search string parsed (and its names expanded), cached: parsed nodes are immutable."""
    parsed = parse(text)
    if parsed.expr is None or not aliases:
        return parsed, parsed.expr
    return parsed, _expand_aliases(parsed.expr)


def _always(_d: int) -> bool:
    return True


def _value_select(field: str, keys: tuple[str, ...]) -> Callable[[CatalogueIndex], Selection]:
    def select(index: CatalogueIndex) -> Selection:
        from .index import Selection

        values = index.values(field)
        postings = [values[k] for k in keys if k in values]
        if len(postings) == 1:
            return Selection.of(postings[0])
        return Selection.of(sorted({d for p in postings for d in p}))

    return select


def _has_run(tokens: list[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    if n == 0:
        return False
    return any(tuple(tokens[i : i + n]) == run for i in range(len(tokens) - n + 1))


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


def _terms_of(expr: Node, index: CatalogueIndex) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(node: Node) -> None:
        if isinstance(node, Term):
            if node.prefix:
                n = sum(index.text.df(t) for t in index.text.expand_prefix(node.token))
                found.append((node.token + "*", n))
            else:
                found.append((node.token, len(index.text.postings(node.token)[0])))
        elif isinstance(node, Phrase):
            for token in node.tokens:
                found.append((token, len(index.text.postings(token)[0])))
        elif isinstance(node, And | Or | Synonyms):
            for child in node.children:
                walk(child)
        else:
            walk(node.child)

    walk(expr)
    return list(dict.fromkeys(found))


# -- the name authority (its data is read on first use) ------------------------------------------


def _authority(kind: str) -> Any:
    from . import names

    return getattr(names, kind)


def _variants(kind: str, name: str) -> tuple[str, ...]:
    authority = _authority(kind)
    try:
        return tuple(authority.variants(name))
    except LookupError:  # ambiguous: keep to what the user typed
        return ()


def _place_variants(name: str) -> tuple[str, ...]:
    return _variants("places", name)


@attrs.frozen
class _CodeForm:
    """A form of a person's code name: it names them only in ``first``..``last``."""

    key: str  # folded (fold_name)
    first: int
    last: int
    qualifiers: frozenset[str]

    def found_in(self, doc: Document, names: Iterable[str], title: list[str]) -> bool:
        """Whether the document is of the code name's years and names it (not after a forename)."""
        if doc.date is None or not self.first <= doc.date.year <= self.last:
            return False
        if any(fold_name(p) == self.key for p in names):
            return True
        run = self.key.split()
        n = len(run)
        return any(
            title[i : i + n] == run and (i == 0 or title[i - 1] not in self.qualifiers)
            for i in range(len(title) - n + 1)
        )


@functools.lru_cache(maxsize=256)
def _person_forms(name: str) -> tuple[tuple[str, ...], tuple[_CodeForm, ...]]:
    """The name with the person's real names (good at any date), and their code-name forms.

    Forms the authority gives to several persons are left out; an unknown or
    ambiguous name gives only itself.
    """
    authority = _authority("people")
    pairs = authority.dated_variants(name)
    if not pairs:
        return (name,), ()
    person = authority.resolve(name)
    plain = [name]
    codes: list[_CodeForm] = []
    for form, code in pairs:
        if code is None:
            plain.append(form)
        elif code.span is not None and fold_name(form):
            first, last = code.span
            codes.append(_CodeForm(fold_name(form), first, last, authority.qualifiers(person.id)))
    return tuple(dict.fromkeys(plain)), tuple(dict.fromkeys(codes))


def _expand_aliases(node: Node) -> Node:
    """Each unfielded word or phrase that names a person also matches the person's other names.

    Real names match anywhere; code names only in documents of their years and
    not right after another person's forename (see :class:`~.index.DatedPhrase`).
    The word and its aliases form one :class:`~._querylang.Synonyms` group: the
    best of them scores, not their sum.
    """
    if isinstance(node, And | Or):
        return type(node)(tuple(_expand_aliases(c) for c in node.children))
    if isinstance(node, Term | Phrase):
        if node.field is not None or (isinstance(node, Term) and node.prefix):
            return node
        from .index import DatedPhrase

        words = (node.token,) if isinstance(node, Term) else node.tokens
        plain, codes = _person_forms(" ".join(words))
        alternatives: list[Node] = [node]
        seen = {words}
        for variant in plain:
            tokens = tuple(tokenize(variant))
            if tokens and tokens not in seen:
                seen.add(tokens)
                alternatives.append(
                    Term(tokens[0], None, False, node.position)
                    if len(tokens) == 1
                    else Phrase(tokens, None, node.position)
                )
        for code in codes:
            tokens = tuple(code.key.split())
            if tokens not in seen:
                seen.add(tokens)
                alternatives.append(
                    DatedPhrase(
                        tokens,
                        None,
                        node.position,
                        first=code.first,
                        last=code.last,
                        qualifiers=code.qualifiers,
                    )
                )
        return node if len(alternatives) == 1 else Synonyms(node, tuple(alternatives[1:]))
    assert isinstance(node, Not), node  # Synonyms come only from this expansion
    return Not(_expand_aliases(node.child))


def _facet_values(field: str) -> Callable[[Document], Iterable[str]]:
    if field == "year":
        return lambda d: () if d.date is None else (f"{d.date.year:04d}",)
    if field == "type":
        return lambda d: () if d.type is None else (d.type,)
    if field == "collection":
        return lambda d: d.collections
    if field == "topic":
        return lambda d: d.topics
    if field == "language":
        return lambda d: d.languages
    if field == "place":
        return _canonical("places", lambda d: d.places, mentions=False)
    return _canonical("people", lambda d: (*d.authors, *d.people), mentions=True)


def _canonical(
    kind: str, raw: Callable[[Document], Iterable[str]], *, mentions: bool
) -> Callable[[Document], Iterable[str]]:
    authority = _authority(kind)
    cache: dict[tuple[str, int | None], str] = {}

    def canonical(name: str, date: PartialDate | None) -> str:
        # Code names depend on the year only: cache per name and year.
        key = (name, None if date is None else date.year)
        if key not in cache:
            try:
                found = authority.resolve(name, date=date) if mentions else authority.resolve(name)
            except LookupError:
                found = None
            cache[key] = name if found is None else found.name
        return cache[key]

    def values(doc: Document) -> Iterable[str]:
        out = [canonical(n, doc.date) for n in raw(doc)]
        if mentions:
            out += [p.name for p in authority.mentions(doc.title, date=doc.date)]
        return out

    return values


def _bound(value: DateBound) -> PartialDate | DateRange | datetime.date | None:
    if isinstance(value, str):
        return DateRange.parse(value) if "/" in value else PartialDate.parse(value)
    return value


def _show(value: PartialDate | DateRange | datetime.date | None) -> str:
    return "None" if value is None else repr(str(value))
