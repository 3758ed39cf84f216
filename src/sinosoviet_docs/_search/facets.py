"""Counting what matching documents hold: facets, timelines, canonical names.

Here, and only here, a facet name maps to a document's values
(:func:`raw_values`); the value indexes, the filters and the facet counts
all read that one table.

>>> from sinosoviet_docs import Document
>>> list(raw_values("type")(Document(id="a", title="T", type="Telegram")))
['Telegram']
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal, get_args

from .._fields import FacetName, facet_fields, merged_as
from ..dates import years_of
from .rewrite import authority

if TYPE_CHECKING:
    from ..dates import DateRange, PartialDate
    from ..models import Document

__all__ = [
    "count_facets",
    "counted_names",
    "facet_order",
    "facet_values",
    "period_counts",
    "period_of",
    "raw_values",
    "timeline_counts",
]

Values = Callable[["Document"], Iterable[str]]


def period_of(
    date: PartialDate | DateRange | None, unit: Literal["year", "month"]
) -> tuple[int, int] | None:
    """The one year ``(year, 0)`` or month ``(year, month)`` a date lies wholly in, else None.

    A date that may fall in several periods is in none of them: on a yearly
    timeline a decade, a winter (December to February) or a range over
    years; on a monthly one also a year, a season or a range over months.

    >>> from sinosoviet_docs.dates import parse_date
    >>> [period_of(parse_date(s), "month") for s in ("1958-06-02", "1958", "Spring 1958")]
    [(1958, 6), None, None]
    >>> [period_of(parse_date(s), "year") for s in ("Spring 1958", "1950s", "Winter 1958")]
    [(1958, 0), None, None]
    >>> [period_of(parse_date(s), "year") for s in ("1958-02/1958-05", "1958/1959", "1958/..")]
    [(1958, 0), None, None]
    """
    if date is None:
        return None
    first, last = date.earliest, date.latest
    if first is None or last is None or first.year != last.year:
        return None
    if unit == "year":
        return first.year, 0
    return (first.year, first.month) if first.month == last.month else None


def _year(doc: Document) -> Iterable[str]:
    period = period_of(doc.date, "year")
    return () if period is None else (f"{period[0]:04d}",)


def _field_values(facet: FacetName) -> Values:
    """The values of the fields that :mod:`~sinosoviet_docs._fields` says feed ``facet``."""
    names = facet_fields(facet)
    plural = [n for n in names if n in _TUPLE_FIELDS]
    if len(names) == 1 and plural:
        return operator.attrgetter(names[0])
    if plural == list(names):
        get = operator.attrgetter(*names)
        return lambda d: tuple(itertools.chain.from_iterable(get(d)))
    if len(names) == 1:
        name = names[0]
        return lambda d: () if (value := getattr(d, name)) is None else (value,)
    raise AssertionError(f"facet {facet!r} mixes single and several values: {names}")


# The fields holding several values (the ones merging unites): a facet reads them whole.
_TUPLE_FIELDS = frozenset(merged_as("union"))

_RAW: dict[str, Values] = {
    "year": _year,
    **{facet: _field_values(facet) for facet in get_args(FacetName) if facet != "year"},
}


def raw_values(field: str) -> Values:
    """A document's values of a facet field as printed (``person``: authors and people)."""
    return _RAW[field]


def facet_values(field: str) -> Values:
    """A document's values of a facet field as counted: places and people under their
    canonical names (people named in titles too)."""
    if field == "place":
        return _canonical("places", _RAW["place"], mentions=False)
    if field == "person":
        return _canonical("people", _RAW["person"], mentions=True)
    return _RAW[field]


def _canonical(kind: str, raw: Values, *, mentions: bool) -> Values:
    named = counted_names(kind, mentions=mentions)

    def values(doc: Document) -> Iterable[str]:
        return named(raw(doc), doc.title, doc.date)

    return values


def counted_names(
    kind: str, *, mentions: bool
) -> Callable[[Iterable[str], str, PartialDate | DateRange | None], list[str]]:
    """A document's names as a facet counts them, from its names, title and date:
    canonical names of the authority ``kind`` (``mentions``: people named in the title too)."""
    names = authority(kind)
    cache: dict[tuple[str, tuple[int, int] | None], str] = {}

    def canonical(name: str, date: PartialDate | DateRange | None) -> str:
        # Code names depend on the years only: cache per name and years.
        key = (name, years_of(date))
        if key not in cache:
            try:
                found = names.resolve(name, date=date) if mentions else names.resolve(name)
            except LookupError:
                found = None
            cache[key] = name if found is None else found.name
        return cache[key]

    def named(raw: Iterable[str], title: str, date: PartialDate | DateRange | None) -> list[str]:
        out = [canonical(n, date) for n in raw]
        if mentions:
            out += [p.name for p in names.mentions(title, date=date)]
        return out

    return named


def count_facets(documents: Iterable[Document], field: str) -> dict[str, int]:
    """How many documents have each value of ``field``, most common first (years in order)."""
    counts: Counter[str] = Counter()
    values = facet_values(field)
    for doc in documents:
        counts.update(set(values(doc)))
    return facet_order(counts, field)


def facet_order(counts: Mapping[str, int], field: str) -> dict[str, int]:
    """Facet counts in the order :func:`count_facets` gives: most common first, years in order."""
    if field == "year":
        return dict(sorted(counts.items()))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def timeline_counts(
    documents: Iterable[Document], unit: Literal["year", "month"]
) -> tuple[list[tuple[str, int]], list[str], list[str]]:
    """Counts per period (gaps as zeros), ids too coarse for the unit, ids undated."""
    counts: Counter[tuple[int, int]] = Counter()
    coarse: list[str] = []
    undated: list[str] = []
    for doc in documents:
        if doc.date is None:
            undated.append(doc.id)
            continue
        period = period_of(doc.date, unit)
        if period is None:
            coarse.append(doc.id)
        else:
            counts[period] += 1
    return period_counts(counts, unit), coarse, undated


def period_counts(
    counts: Mapping[tuple[int, int], int], unit: Literal["year", "month"]
) -> list[tuple[str, int]]:
    """Counts per ``(year, month)`` (month 0 on a yearly timeline) as labelled periods from
    the first to the last, gaps as zeros."""
    periods: list[tuple[str, int]] = []
    if counts:
        (y, m), (last_y, last_m) = min(counts), max(counts)
        while (y, m) <= (last_y, last_m):
            label = f"{y:04d}" if unit == "year" else f"{y:04d}-{m:02d}"
            periods.append((label, counts.get((y, m), 0)))
            if unit == "year":
                y += 1
            else:
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return periods
