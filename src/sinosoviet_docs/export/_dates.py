"""A document's date as each export writes it: CSL-JSON, RIS, BibTeX, BibLaTeX and tables.

Nothing is invented on the way out: a decade is not its first year, a range
not its start, and an open end of a range is left open, never 0001 or 9999.

>>> from sinosoviet_docs.dates import parse_date
>>> csl_issued(parse_date("the 1950s")), bibtex_year(parse_date("1950/.."))
({'date-parts': [[1950], [1959]]}, '1950--')
"""

from __future__ import annotations

from typing import Any, Literal

from .._ris import format_date
from ..dates import DateRange, PartialDate, Precision

__all__ = [
    "biblatex_date",
    "bibtex_year",
    "csl_issued",
    "date_columns",
    "is_approximate",
    "is_uncertain",
    "ris_dates",
]

Date = PartialDate | DateRange

#: CSL's seasons: 1 spring, 2 summer, 3 autumn, 4 winter.
_CSL_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "winter": 4}


def _ends(date: Date) -> tuple[PartialDate, ...]:
    """The dates a date is written from: itself, or a range's known ends."""
    if isinstance(date, PartialDate):
        return (date,)
    return tuple(end for end in (date.start, date.end) if end is not None)


def is_approximate(date: Date) -> bool:
    """Whether the date, or an end of the range, is approximate ("circa").

    >>> from sinosoviet_docs.dates import parse_date
    >>> is_approximate(parse_date("1950/1953~")), is_approximate(parse_date("1950/1953"))
    (True, False)
    """
    return any(end.approximate for end in _ends(date))


def is_uncertain(date: Date) -> bool:
    """Whether the date, or an end of the range, is uncertain ("(?)").

    >>> from sinosoviet_docs.dates import parse_date
    >>> is_uncertain(parse_date("1950?/..")), is_uncertain(parse_date("1950"))
    (True, False)
    """
    return any(end.uncertain for end in _ends(date))


def _first_year(date: PartialDate) -> int:
    return date.year


def _last_year(date: PartialDate) -> int:
    """The last year a date names: a decade's or century's last, else its own year.

    A winter is the winter of its year (as EDTF names it), though it ends in
    the next one.
    """
    return date.latest.year if date.span is not None else date.year


def _parts(date: PartialDate) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


# -- CSL-JSON ---------------------------------------------------------------------------------


def csl_issued(date: Date) -> dict[str, Any]:
    """CSL-JSON's date: ``date-parts`` (two of them for a range, a decade or a century),
    ``season`` (1 spring to 4 winter) and ``circa``; ``literal`` only when parts cannot
    hold the date (an open range, a range of seasons).

    >>> from sinosoviet_docs.dates import parse_date
    >>> csl_issued(parse_date("circa Autumn 1958"))
    {'date-parts': [[1958]], 'season': 3, 'circa': True}
    >>> csl_issued(parse_date("February 1950 - June 1950"))
    {'date-parts': [[1950, 2], [1950, 6]]}
    >>> csl_issued(parse_date("../1959"))
    {'literal': '–1959'}
    """
    issued: dict[str, Any]
    if isinstance(date, PartialDate) and date.span is None:
        issued = {"date-parts": [_parts(date)]}
        if date.season is not None:
            issued["season"] = _CSL_SEASONS[date.season]
    elif isinstance(date, PartialDate):
        issued = {"date-parts": [[_first_year(date)], [_last_year(date)]]}
    elif date.start is None or date.end is None or date.start.season or date.end.season:
        return {"literal": date.display()}
    else:
        first = _parts(date.start) if date.start.span is None else [_first_year(date.start)]
        last = _parts(date.end) if date.end.span is None else [_last_year(date.end)]
        issued = {"date-parts": [first, last]}
    if is_approximate(date):
        issued["circa"] = True
    return issued


# -- RIS --------------------------------------------------------------------------------------


def ris_dates(date: Date) -> list[tuple[str, str]]:
    """The ``PY`` and ``DA`` lines of a date, as (tag, value).

    ``PY`` is one year, so only a single date that names one year gets it (a
    season is of its year). ``DA`` is ``YYYY/MM/DD/other`` with the parts it
    knows and the season and qualifiers in ``other``; a decade, a century or a
    range has no year of its own, so its ``DA`` is the printed form after three
    empty parts (:func:`sinosoviet_docs._ris.parse_date` reads each back).

    >>> from sinosoviet_docs.dates import parse_date
    >>> ris_dates(parse_date("circa Spring 1958"))
    [('PY', '1958'), ('DA', '1958///Spring, circa')]
    >>> ris_dates(parse_date("1950-1953"))
    [('DA', '///1950–1953')]
    """
    if isinstance(date, PartialDate) and date.span is None:
        return [("PY", f"{date.year:04d}"), ("DA", format_date(date))]
    return [("DA", format_date(date))]


# -- BibTeX and BibLaTeX ----------------------------------------------------------------------


def bibtex_year(date: Date) -> str:
    """BibTeX's ``year`` (free text): one year, or the first and last years with ``--``;
    an open end is nothing on its side.

    >>> from sinosoviet_docs.dates import parse_date
    >>> bibtex_year(parse_date("Winter 1955")), bibtex_year(parse_date("the 1950s"))
    ('1955', '1950--1959')
    >>> bibtex_year(parse_date("../1959"))
    '--1959'
    """
    if isinstance(date, PartialDate):
        first: int | None = _first_year(date)
        last: int | None = _last_year(date)
    else:
        first = None if date.start is None else _first_year(date.start)
        last = None if date.end is None else _last_year(date.end)
    if first is not None and first == last:
        return f"{first:04d}"
    return "--".join("" if year is None else f"{year:04d}" for year in (first, last))


def biblatex_date(date: Date) -> str:
    """BibLaTeX's ``date``, which reads EDTF: the date as stored; an open end of a range
    is empty (``1950/``, ``/1959``), as biblatex writes open ranges.

    >>> from sinosoviet_docs.dates import parse_date
    >>> biblatex_date(parse_date("Spring 1958")), biblatex_date(parse_date("1950/.."))
    ('1958-21', '1950/')
    """
    if isinstance(date, PartialDate):
        return str(date)
    return "/".join("" if end is None else str(end) for end in (date.start, date.end))


# -- tables -----------------------------------------------------------------------------------

#: What a table's ``date_precision`` column holds: a single date's precision, or "range".
TablePrecision = Precision | Literal["range"]


def date_columns(date: Date | None) -> dict[str, str | None]:
    """A table's date columns: EDTF, as printed, the precision and the ISO bounds.

    All are ``None`` for an undated document; a range's precision is
    ``"range"`` and an open end's bound is ``None``.

    >>> from sinosoviet_docs.dates import parse_date
    >>> date_columns(parse_date("1950/.."))  # doctest: +NORMALIZE_WHITESPACE
    {'date': '1950/..', 'date_display': '1950–', 'date_precision': 'range',
     'date_earliest': '1950-01-01', 'date_latest': None}
    """
    if date is None:
        return dict.fromkeys(
            ("date", "date_display", "date_precision", "date_earliest", "date_latest")
        )
    precision: TablePrecision = date.precision if isinstance(date, PartialDate) else "range"
    earliest, latest = date.earliest, date.latest
    return {
        "date": str(date),
        "date_display": date.display(),
        "date_precision": precision,
        "date_earliest": None if earliest is None else earliest.isoformat(),
        "date_latest": None if latest is None else latest.isoformat(),
    }
