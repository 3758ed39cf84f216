"""Partial dates and date ranges for archive documents.

Archive records are often dated only to the month ("February 1950"), the
year ("1958"), a season ("Spring 1958") or a decade ("the 1950s").  A
:class:`PartialDate` keeps exactly the parts the source gave and never
invents a day or a month: "February 1950" stays month-precise, it does not
become 1 February 1950.  Its bounds (:attr:`PartialDate.earliest`,
:attr:`PartialDate.latest`) say which days it may stand for, and
:meth:`PartialDate.overlaps` / :meth:`PartialDate.within` answer "may it be
in this period?" and "is it surely in this period?".

Files written by this library hold dates as EDTF strings (Extended
Date/Time Format, ISO 8601-2, levels 0 and 1): ``1950``, ``1950-02``,
``1952-12-27``, ``195X`` (a decade), ``19XX`` (a century), ``1958-21``
(spring; 22 summer, 23 autumn, 24 winter), optionally followed by ``~``
(approximate), ``?`` (uncertain) or ``%`` (both); ranges are
``1950/1959``, ``../1959``, ``1950/..``.  :meth:`PartialDate.from_edtf` and
:meth:`DateRange.from_edtf` read those strictly and quickly;
:meth:`PartialDate.parse` and :meth:`DateRange.parse` also read the forms
printed by the archive.

The lenient reader behind :meth:`PartialDate.parse` lives in
:mod:`sinosoviet_docs._dateparse`, the only module of the package that uses
:mod:`dateutil`, and only as a last resort (imported lazily).

>>> d = PartialDate.parse("February 1950")
>>> str(d), d.precision, str(d.earliest), str(d.latest)
('1950-02', 'month', '1950-02-01', '1950-02-28')
>>> d.overlaps("1950-02-10", "1950-02-20"), d.within("1950-02-10", "1950-02-20")
(True, False)
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeGuard, cast

import attrs

from ._vocab import MONTH_NAMES
from .exceptions import DateParseError, UnsupportedDateError, _quoted

if TYPE_CHECKING:
    from attrs import Attribute

__all__ = [
    "DateRange",
    "PartialDate",
    "Precision",
    "Season",
    "Span",
    "parse_date",
    "parse_edtf",
    "years_of",
]

Precision = Literal["century", "decade", "year", "season", "month", "day"]
#: A season of the northern hemisphere (see :attr:`PartialDate.season`).
Season = Literal["spring", "summer", "autumn", "winter"]
#: A run of years that :attr:`PartialDate.year` starts (see :attr:`PartialDate.span`).
Span = Literal["decade", "century"]

#: What ``overlaps``/``within`` accept as a bound; ``None`` means open.
_Bound: TypeAlias = "datetime.date | PartialDate | DateRange | str | None"


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Season -> (EDTF code, first month, last month); winter's last month is
# February of the next year.
_SEASONS: dict[Season, tuple[int, int, int]] = {
    "spring": (21, 3, 5),
    "summer": (22, 6, 8),
    "autumn": (23, 9, 11),
    "winter": (24, 12, 2),
}
_SEASON_OF_CODE: dict[int, Season] = {code: name for name, (code, _, _) in _SEASONS.items()}
# Span -> number of years.
_SPANS: dict[Span, int] = {"decade": 10, "century": 100}

# EDTF qualifier -> (approximate, uncertain).
_QUALIFIERS: dict[str | None, tuple[bool, bool]] = {
    None: (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}

# All patterns are anchored (used with fullmatch) and have no nested
# quantifiers, so matching is linear in the input length.  They are ASCII:
# ``\d`` is 0-9 only, never another script's digits ("١٩٥٠", "１９５０").
_EDTF_DATE = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?"
_EDTF_RE = re.compile(_EDTF_DATE, re.ASCII)
_EDTF_INTERVAL_RE = re.compile(rf"(?:{_EDTF_DATE}|\.\.)?/(?:{_EDTF_DATE}|\.\.)?", re.ASCII)
# The rest of EDTF levels 0 and 1, read when the pattern above does not match:
# unspecified digits from the right (195X, 19XX, 1958-XX, 1958-06-XX),
# seasons (1958-21 to 1958-24) and a date with a time of day.
_EDTF_FULL_RE = re.compile(
    r"(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?"
    r"(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}(?::\d{2})?)?)?([~?%])?",
    re.ASCII,
)
# EDTF years this library refuses on purpose: signed (before the common era)
# and Y-prefixed (more than four digits, or with an exponent).
_SIGNED_RE = re.compile(r"[-\u2212]\d", re.ASCII)
_Y_PREFIXED_RE = re.compile(r"Y-?\d", re.ASCII)
# The archive's year ranges: "1950-1959", "1950 - 1959" (en dashes are split
# separately).
_YEAR_RANGE_RE = re.compile(r"(\d{4}[~?%]?) ?- ?(\d{4}[~?%]?)", re.ASCII)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _is_int(value: object) -> TypeGuard[int]:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


def _render(year: object, month: object, day: object) -> str:
    """An EDTF-like rendering of possibly invalid parts, for error messages."""
    parts = [f"{year:04d}" if _is_int(year) else str(year)]
    if month is not None or day is not None:
        parts.append("XX" if month is None else f"{month:02d}" if _is_int(month) else str(month))
    if day is not None:
        parts.append(f"{day:02d}" if _is_int(day) else str(day))
    return "-".join(parts)


def _normalize(text: str) -> str:
    """Strip, and collapse runs of whitespace (NBSP included) to one space."""
    if not isinstance(text, str):
        raise TypeError(f"a date must be given as a str, not {type(text).__name__}")
    return " ".join(text.split())


# --- bounds shared by PartialDate and DateRange ---------------------------


def _start_of(bound: _Bound) -> datetime.date:
    if bound is None:
        return datetime.date.min
    if isinstance(bound, PartialDate):
        return bound.earliest
    if isinstance(bound, DateRange):
        return datetime.date.min if bound.start is None else bound.start.earliest
    if isinstance(bound, datetime.datetime):
        return bound.date()
    if isinstance(bound, datetime.date):
        return bound
    if isinstance(bound, str):
        return PartialDate.parse(bound).earliest
    raise TypeError(f"a bound must be a date, PartialDate, DateRange, str or None, not {bound!r}")


def _end_of(bound: _Bound) -> datetime.date:
    if bound is None:
        return datetime.date.max
    if isinstance(bound, PartialDate):
        return bound.latest
    if isinstance(bound, DateRange):
        return datetime.date.max if bound.end is None else bound.end.latest
    if isinstance(bound, datetime.datetime):
        return bound.date()
    if isinstance(bound, datetime.date):
        return bound
    if isinstance(bound, str):
        return PartialDate.parse(bound).latest
    raise TypeError(f"a bound must be a date, PartialDate, DateRange, str or None, not {bound!r}")


def _bounds(start: _Bound, end: _Bound) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the period between two bounds."""
    low, high = _start_of(start), _end_of(end)
    if low > high:
        raise DateParseError(
            f"{_show_bound(start)}/{_show_bound(end)}", "the period starts after it ends"
        )
    return low, high


def _show_bound(bound: _Bound) -> str:
    return ".." if bound is None else str(bound)


def _overlaps(earliest: datetime.date, latest: datetime.date, start: _Bound, end: _Bound) -> bool:
    low, high = _bounds(start, end)
    return earliest <= high and latest >= low


def _within(earliest: datetime.date, latest: datetime.date, start: _Bound, end: _Bound) -> bool:
    low, high = _bounds(start, end)
    return low <= earliest and latest <= high


# --- PartialDate ------------------------------------------------------------


@functools.total_ordering
@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A calendar date known to the century, decade, year, season, month or day.

    Missing parts are ``None`` and are never filled in.  ``span`` makes
    ``year`` the first year of a ``"decade"`` or ``"century"``; ``season``
    (``"spring"``, ``"summer"``, ``"autumn"``, ``"winter"``) is a season of
    the northern hemisphere by whole months: March-May, June-August,
    September-November, and December to February of the next year.  ``approximate`` and
    ``uncertain`` are the EDTF qualifiers ``~`` and ``?`` (``%`` is both).
    Building an impossible date raises :class:`DateParseError`:

    >>> PartialDate(year=1952, month=2, day=29).precision
    'day'
    >>> PartialDate(year=1950, month=2, day=29)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.DateParseError: cannot read date '1950-02-29': day 29 is out of ...

    Dates sort by their first possible day, then their last one, so a
    month-precise date sorts before the days of that month after the 1st:

    >>> sorted(PartialDate.parse(s) for s in ["1950-02-03", "1950-02", "1950"])
    ... # doctest: +NORMALIZE_WHITESPACE
    [PartialDate(year=1950, month=None, day=None, approximate=False, uncertain=False),
     PartialDate(year=1950, month=2, day=None, approximate=False, uncertain=False),
     PartialDate(year=1950, month=2, day=3, approximate=False, uncertain=False)]
    """

    year: int = attrs.field()
    month: int | None = attrs.field(default=None)
    day: int | None = attrs.field(default=None)
    approximate: bool = attrs.field(default=False)
    uncertain: bool = attrs.field(default=False)
    season: Season | None = attrs.field(default=None)
    span: Span | None = attrs.field(default=None)

    @year.validator
    def _check_year(self, attribute: Attribute[int], value: object) -> None:
        if not _is_int(value):
            raise DateParseError(
                _render(value, self.month, self.day), f"year must be an int, not {value!r}"
            )
        if not 1 <= value <= 9999:
            raise UnsupportedDateError(
                _render(value, self.month, self.day), f"year {value} is out of range (1-9999)"
            )

    @month.validator
    def _check_month(self, attribute: Attribute[int | None], value: object) -> None:
        if value is None:
            return
        if not _is_int(value):
            raise DateParseError(
                _render(self.year, value, self.day), f"month must be an int or None, not {value!r}"
            )
        if not 1 <= value <= 12:
            raise DateParseError(
                _render(self.year, value, self.day), f"month {value} is out of range (1-12)"
            )

    @day.validator
    def _check_day(self, attribute: Attribute[int | None], value: object) -> None:
        if value is None:
            return
        month = self.month
        if month is None:
            raise DateParseError(_render(self.year, month, value), "a day needs a month")
        if not _is_int(value):
            raise DateParseError(
                _render(self.year, month, value), f"day must be an int or None, not {value!r}"
            )
        if not 1 <= value <= _days_in_month(self.year, month):
            raise DateParseError(
                _render(self.year, month, value),
                f"day {value} is out of range for {MONTH_NAMES[month - 1]} {self.year}",
            )

    @approximate.validator
    @uncertain.validator
    def _check_flag(self, attribute: Attribute[bool], value: object) -> None:
        if type(value) is not bool:
            raise DateParseError(
                _render(self.year, self.month, self.day),
                f"{attribute.name} must be a bool, not {value!r}",
            )

    @season.validator
    def _check_season(self, attribute: Attribute[Season | None], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str) or value not in _SEASONS:
            raise DateParseError(
                f"{self.year:04d}", f"season must be one of {', '.join(_SEASONS)}, not {value!r}"
            )
        if self.month is not None:
            raise DateParseError(_render(self.year, self.month, self.day), "a season has no month")
        if value == "winter" and self.year == 9999:
            raise UnsupportedDateError("9999-24", "winter 9999 ends in the year 10000, after 9999")

    @span.validator
    def _check_span(self, attribute: Attribute[Span | None], value: object) -> None:
        if value is None:
            return
        years = _SPANS.get(cast(Span, value)) if isinstance(value, str) else None
        if years is None:
            raise DateParseError(
                f"{self.year:04d}", f"span must be 'decade', 'century' or None, not {value!r}"
            )
        if self.month is not None or self.season is not None:
            raise DateParseError(
                f"{self.year:04d}", f"a {value} has no month or season, only a first year"
            )
        if self.year % years:
            raise DateParseError(
                f"{self.year:04d}", f"a {value} starts on a year divisible by {years}"
            )

    # -- reading -------------------------------------------------------------

    @classmethod
    def from_edtf(cls, text: str) -> PartialDate:
        """Read a strict EDTF date (levels 0 and 1), as stored in our own files.

        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by one of
        ``~``, ``?``, ``%``; also a decade ``195X``, a century ``19XX``,
        unspecified parts ``1958-XX`` and ``1958-06-XX`` (read as the year
        and the month they leave), a season ``1958-21`` (spring) to
        ``1958-24`` (winter), and a date with a time of day
        ``2011-11-20T10:10:10Z`` (the time is dropped).  Signed years, year
        0 and ``Y``-prefixed years raise :class:`UnsupportedDateError`.  This
        is the fast reader: no whitespace, no other forms, no :mod:`dateutil`.

        >>> PartialDate.from_edtf("195X").precision, str(PartialDate.from_edtf("1958-06-XX"))
        ('decade', '1958-06')
        >>> PartialDate.from_edtf("-1985")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sinosoviet_docs.exceptions.UnsupportedDateError: cannot read date '-1985': signed years ...

        >>> str(PartialDate.from_edtf("1950-02~"))
        '1950-02~'
        >>> PartialDate.from_edtf("February 1950")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sinosoviet_docs.exceptions.DateParseError: cannot read date 'February 1950': not an EDTF ...
        """
        match = _EDTF_RE.fullmatch(text)
        if match is not None:
            return _from_groups(text, *match.groups())
        date = _read_edtf(text, text)
        if date is None:
            raise DateParseError(text, _NOT_EDTF)
        return date

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as printed by the archive, as ISO 8601 or as EDTF.

        Accepted forms include "December 27, 1952", "July 05, 1950",
        "27 December 1952", "Dec. 27, 1952", "February 1950",
        "December, 1959", "Sept. 1950", "1958", "1952-12-27", "1950-02~",
        "circa 1950" and "December 1959 (?)".  Other inputs go to
        :func:`dateutil.parser.parse`, guarded so that no missing part is
        filled in.  Empty, impossible, timed or range inputs raise
        :class:`DateParseError`.

        >>> str(PartialDate.parse("July 05, 1950"))
        '1950-07-05'
        >>> str(PartialDate.parse("December, 1959"))
        '1959-12'
        >>> str(PartialDate.parse("c. 1950"))
        '1950~'
        >>> PartialDate.parse("February 30, 1950")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sinosoviet_docs.exceptions.DateParseError: cannot read date 'February 30, 1950': day 30 ...
        """
        return _lenient_reader()(text, _normalize(text))

    @classmethod
    def from_date(cls, d: datetime.date) -> PartialDate:
        """A day-precise date from a :class:`datetime.date` (a datetime's time is dropped).

        >>> str(PartialDate.from_date(datetime.date(1950, 2, 14)))
        '1950-02-14'
        """
        return cls(year=d.year, month=d.month, day=d.day)

    # -- properties ----------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """The finest part known: ``"century"``, ``"decade"``, ``"year"``,
        ``"season"``, ``"month"`` or ``"day"``.

        >>> PartialDate.parse("1958").precision, PartialDate.parse("1950s").precision
        ('year', 'decade')
        """
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.season is not None:
            return "season"
        return "year" if self.span is None else self.span

    @property
    def earliest(self) -> datetime.date:
        """The first day this date may stand for.

        The qualifiers do not widen the bounds: "circa 1950" still starts on
        1 January 1950, since how far "circa" reaches is not recorded.

        >>> PartialDate.parse("circa 1950").earliest
        datetime.date(1950, 1, 1)
        >>> PartialDate.parse("Autumn 1958").earliest
        datetime.date(1958, 9, 1)
        """
        if self.season is not None:
            return datetime.date(self.year, _SEASONS[self.season][1], 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day this date may stand for (qualifiers do not widen it).

        A decade or century runs to the end of its last year; winter runs
        to the end of February of the next year.

        >>> PartialDate.parse("February 1952").latest
        datetime.date(1952, 2, 29)
        >>> PartialDate.parse("1950s").latest, PartialDate.parse("Winter 1955").latest
        (datetime.date(1959, 12, 31), datetime.date(1956, 2, 29))
        """
        year, month, day = self._last()
        return datetime.date(year, month, day)

    def _last(self) -> tuple[int, int, int]:
        """(year, month, day) of :attr:`latest`, without building a date."""
        month, day = self.month, self.day
        if day is not None and month is not None:
            return self.year, month, day
        if month is not None:
            return self.year, month, _days_in_month(self.year, month)
        if self.season is not None:
            last = _SEASONS[self.season][2]
            year = self.year + 1 if last < _SEASONS[self.season][1] else self.year
            return year, last, _days_in_month(year, last)
        if self.span is not None:
            return self.year + _SPANS[self.span] - 1, 12, 31
        return self.year, 12, 31

    # -- ordering --------------------------------------------------------------

    def _key(self) -> tuple[int, int, int, int, int, int, bool, bool]:
        # Same order as (earliest, latest, approximate, uncertain), without
        # building date objects.
        year, month, day = self.year, self.month, self.day
        if month is not None:
            if day is None:
                last = _days_in_month(year, month)
                return (year, month, 1, year, month, last, self.approximate, self.uncertain)
            return (year, month, day, year, month, day, self.approximate, self.uncertain)
        if self.season is None and self.span is None:
            return (year, 1, 1, year, 12, 31, self.approximate, self.uncertain)
        first_month = 1 if self.season is None else _SEASONS[self.season][1]
        return (year, first_month, 1, *self._last(), self.approximate, self.uncertain)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    # -- periods ---------------------------------------------------------------

    def overlaps(self, start: _Bound = None, end: _Bound = None) -> bool:
        """Whether this date may fall between ``start`` and ``end`` (inclusive).

        Bounds are ``None`` (open), dates, :class:`PartialDate`,
        :class:`DateRange` or strings for :meth:`parse`; a start bound counts
        from its earliest day, an end bound up to its latest day.

        >>> PartialDate.parse("February 1950").overlaps("1950-02-10", "1950-02-20")
        True
        >>> PartialDate.parse("1950").overlaps(end="1949")
        False
        """
        return _overlaps(self.earliest, self.latest, start, end)

    def within(self, start: _Bound = None, end: _Bound = None) -> bool:
        """Whether this date surely falls between ``start`` and ``end`` (inclusive).

        Same bounds as :meth:`overlaps`; every day the date may stand for
        must be inside.

        >>> PartialDate.parse("February 1950").within("1950-02-10", "1950-02-20")
        False
        >>> PartialDate.parse("February 1950").within("1950", "1950")
        True
        """
        return _within(self.earliest, self.latest, start, end)

    # -- writing ---------------------------------------------------------------

    def __str__(self) -> str:
        """The EDTF form, as stored in files: ``1950``, ``1950-02``, ``1952-12-27~``.

        A decade is ``195X``, a century ``19XX`` and a season its EDTF code
        (``1958-21`` spring to ``1958-24`` winter).

        >>> str(PartialDate(year=1950, month=2, approximate=True, uncertain=True))
        '1950-02%'
        >>> str(PartialDate(year=1950, span="decade")), str(PartialDate(year=1958, season="winter"))
        ('195X', '1958-24')
        """
        if self.approximate:
            suffix = "%" if self.uncertain else "~"
        else:
            suffix = "?" if self.uncertain else ""
        if self.month is None:
            if self.season is not None:
                return f"{self.year:04d}-{_SEASONS[self.season][0]}{suffix}"
            if self.span == "decade":
                return f"{self.year // 10:03d}X{suffix}"
            if self.span == "century":
                return f"{self.year // 100:02d}XX{suffix}"
            return f"{self.year:04d}{suffix}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}{suffix}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}{suffix}"

    def __repr__(self) -> str:
        """The constructor call; ``season`` and ``span`` are shown only when set.

        >>> PartialDate(year=1950, span="decade")
        PartialDate(year=1950, month=None, day=None, approximate=False, uncertain=False,
                    span='decade')
        """
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (("season", self.season), ("span", self.span))
            if value is not None
        )
        return (
            f"PartialDate(year={self.year!r}, month={self.month!r}, day={self.day!r}, "
            f"approximate={self.approximate!r}, uncertain={self.uncertain!r}{extra})"
        )

    def display(self, *, pad_day: bool = False) -> str:
        """The form the archive prints: "December 27, 1952", "December 1959", "1958".

        ``pad_day=True`` gives the old site's "July 05, 1950".  An approximate
        date gets a leading "circa ", an uncertain one a trailing " (?)";
        :meth:`parse` reads all of these back.  Years are written with four
        digits; a decade is "1950s", a century "20th century" (1900-1999, as
        ``19XX``) and a season "Spring 1958".

        >>> PartialDate.parse("1950-07-05").display()
        'July 5, 1950'
        >>> PartialDate.parse("1950-07-05").display(pad_day=True)
        'July 05, 1950'
        >>> PartialDate.parse("1959-12%").display()
        'circa December 1959 (?)'
        >>> PartialDate.parse("195X").display(), PartialDate.parse("1958-21").display()
        ('1950s', 'Spring 1958')
        """
        if self.month is None:
            if self.season is not None:
                text = f"{self.season.capitalize()} {self.year:04d}"
            elif self.span == "decade":
                text = f"{self.year:04d}s"
            elif self.span == "century":
                text = f"{_ordinal(self.year // 100 + 1)} century"
            else:
                text = f"{self.year:04d}"
        elif self.day is None:
            text = f"{MONTH_NAMES[self.month - 1]} {self.year:04d}"
        else:
            day = f"{self.day:02d}" if pad_day else str(self.day)
            text = f"{MONTH_NAMES[self.month - 1]} {day}, {self.year:04d}"
        if self.approximate:
            text = "circa " + text
        if self.uncertain:
            text += " (?)"
        return text


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, ..., 100th."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


@functools.cache
def _lenient_reader() -> Callable[[str, str], PartialDate]:
    """The reader behind :meth:`PartialDate.parse`, imported on first use."""
    from ._dateparse import parse

    return parse


_new = object.__new__
_set = object.__setattr__


def _from_groups(
    text: str, year: str, month: str | None, day: str | None, qualifier: str | None
) -> PartialDate:
    """Build a PartialDate from EDTF regex groups; errors quote ``text``.

    This is the hot path of loading files, so after checking the parts here
    (the regex has already made them digits) it fills the slots directly
    instead of going through ``__init__`` and its validators, which roughly
    halves the cost.  Anything invalid goes through ``__init__`` for the
    validators' error message.
    """
    y = int(year)
    m = None if month is None else int(month)
    d = None if day is None else int(day)
    if (
        y == 0
        or (m is not None and not 1 <= m <= 12)
        or (d is not None and (m is None or not 1 <= d <= _days_in_month(y, m)))
    ):
        season = None if m is None or d is not None else _SEASON_OF_CODE.get(m)
        try:
            if season is None:
                PartialDate(year=y, month=m, day=d)
            else:
                approximate, uncertain = _QUALIFIERS[qualifier]
                return PartialDate(
                    year=y, season=season, approximate=approximate, uncertain=uncertain
                )
        except DateParseError as error:
            raise _requote(text, error) from None
    approximate, uncertain = _QUALIFIERS[qualifier]
    date = _new(PartialDate)
    _set(date, "year", y)
    _set(date, "month", m)
    _set(date, "day", d)
    _set(date, "approximate", approximate)
    _set(date, "uncertain", uncertain)
    _set(date, "season", None)
    _set(date, "span", None)
    return date


_NOT_EDTF = (
    "not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed "
    "by ~, ? or %; or 195X, 19XX, 1958-XX, 1958-21 to 1958-24)"
)


def _requote(text: str, error: DateParseError) -> DateParseError:
    """The same error (and error type) about ``text``, the caller's whole input."""
    return type(error)(text, error.reason)


def _refuse_out_of_scope(text: str, s: str) -> None:
    """Raise :class:`UnsupportedDateError` for the EDTF years this library leaves out."""
    if _SIGNED_RE.match(s):
        raise UnsupportedDateError(text, "signed years (before the common era) are not supported")
    if _Y_PREFIXED_RE.match(s):
        raise UnsupportedDateError(
            text, "Y-prefixed years (more than four digits, or an exponent) are not supported"
        )


def _read_edtf(text: str, s: str) -> PartialDate | None:
    """An EDTF level 0/1 date the fast pattern misses, or None if ``s`` is not one.

    Errors quote ``text``.  Unspecified digits keep only what is specified:
    ``1958-XX`` is the year 1958, ``1958-06-XX`` June 1958.
    """
    match = _EDTF_FULL_RE.fullmatch(s)
    if match is None:
        _refuse_out_of_scope(text, s)
        return None
    year, month, day, hour, minute, second, zone, qualifier = match.groups()
    approximate, uncertain = _QUALIFIERS[qualifier]
    if hour is not None:
        if day is None or "X" in year + (month or "") + day:
            raise DateParseError(text, "a time of day needs a full date")
        if qualifier is not None:
            raise DateParseError(text, "a qualifier cannot follow a time of day")
        _check_time(text, int(hour), int(minute), int(second), zone)
    parts: dict[str, object] = {"approximate": approximate, "uncertain": uncertain}
    if "X" in year:
        if month is not None:
            raise DateParseError(text, "a year with unspecified digits cannot have a month")
        parts["span"] = "decade" if year.count("X") == 1 else "century"
        parts["year"] = int(year.replace("X", "0"))
    else:
        parts["year"] = int(year)
    if month == "XX":
        if day not in (None, "XX"):
            raise DateParseError(text, "only the rightmost parts can be unspecified (XX)")
    elif month is not None and 21 <= int(month) <= 24:
        if day is not None:
            raise DateParseError(text, "a season has no day")
        parts["season"] = _SEASON_OF_CODE[int(month)]
    elif month is not None:
        parts["month"] = int(month)
        if day not in (None, "XX"):
            parts["day"] = int(day)
    try:
        return PartialDate(**parts)  # type: ignore[arg-type]
    except DateParseError as error:
        raise _requote(text, error) from None


def _check_time(text: str, hour: int, minute: int, second: int, zone: str | None) -> None:
    if hour > 23 or minute > 59 or second > 59:
        raise DateParseError(text, f"no such time of day: {hour:02d}:{minute:02d}:{second:02d}")
    if zone not in (None, "Z"):
        assert zone is not None
        hours, _, minutes = zone[1:].partition(":")
        if int(hours) > 23 or int(minutes or 0) > 59:
            raise DateParseError(text, f"no such time zone offset: {zone}")


# --- DateRange --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DateRange:
    """A period from one partial date to another; ``None`` is an open end.

    Its bounds run from the start's earliest day to the end's latest day,
    so "1950/1959" covers 1 January 1950 to 31 December 1959.

    >>> r = DateRange.parse("1950-1959")
    >>> str(r), str(r.earliest), str(r.latest)
    ('1950/1959', '1950-01-01', '1959-12-31')
    >>> PartialDate.parse("June 1955") in r
    True
    >>> datetime.date(1960, 1, 1) in r
    False
    """

    start: PartialDate | None = attrs.field(default=None)
    end: PartialDate | None = attrs.field(default=None)

    @start.validator
    def _check_start(self, attribute: Attribute[PartialDate | None], value: object) -> None:
        if value is not None and not isinstance(value, PartialDate):
            raise DateParseError(
                f"{value}/{self.end or '..'}", f"start must be a PartialDate or None, not {value!r}"
            )

    @end.validator
    def _check_end(self, attribute: Attribute[PartialDate | None], value: object) -> None:
        start = self.start
        if value is None:
            if start is None:
                raise DateParseError("../..", "a range needs a start or an end")
            return
        if not isinstance(value, PartialDate):
            raise DateParseError(
                f"{start or '..'}/{value}", f"end must be a PartialDate or None, not {value!r}"
            )
        if start is not None and start.earliest > value.latest:
            raise DateParseError(f"{start}/{value}", f"the start {start} is after the end {value}")

    @classmethod
    def from_edtf(cls, text: str) -> DateRange:
        """Read a strict EDTF interval ``A/B``; an empty side or ``..`` is open.

        >>> str(DateRange.from_edtf("1950-02/1950-06-15"))
        '1950-02/1950-06-15'
        >>> DateRange.from_edtf("/1959").start is None
        True
        """
        match = _EDTF_INTERVAL_RE.fullmatch(text)
        if match is not None:
            groups = match.groups()
            start = None if groups[0] is None else _from_groups(text, *groups[:4])
            end = None if groups[4] is None else _from_groups(text, *groups[4:])
            return _make_range(text, start, end)
        sides = text.split("/")
        if len(sides) == 2:
            first, last = (None if side in ("", "..") else _read_edtf(text, side) for side in sides)
            if (first is not None or sides[0] in ("", "..")) and (
                last is not None or sides[1] in ("", "..")
            ):
                return _make_range(text, first, last)
        raise DateParseError(
            text, "not an EDTF interval (expected A/B with EDTF dates, '..' or '' for open ends)"
        )

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """Read a range: EDTF ``A/B``, "1950-1959", "1950–1959", "A - B", or one date.

        Each side may be anything :meth:`PartialDate.parse` reads; an empty
        side or ``..`` is open.  A single date gives a range from it to itself.

        >>> str(DateRange.parse("1950–1959"))
        '1950/1959'
        >>> str(DateRange.parse("1950/"))
        '1950/..'
        >>> str(DateRange.parse("February 1950 - June 1950"))
        '1950-02/1950-06'
        >>> str(DateRange.parse("1969"))
        '1969/1969'
        """
        s = _normalize(text)
        if not s:
            raise DateParseError(text, "the date range is empty")
        sides = cls._split(s)
        if sides is None:
            try:
                single = PartialDate.parse(s)
            except DateParseError as error:
                raise _requote(text, error) from None
            return _make_range(text, single, single)
        start = _parse_side(text, sides[0], "start")
        end = _parse_side(text, sides[1], "end")
        return _make_range(text, start, end)

    @staticmethod
    def _split(s: str) -> tuple[str, str] | None:
        """The two sides of a normalized range string, or None if it has no separator."""
        if s.count("/") == 1:
            start, end = s.split("/")
        elif s.count("\u2013") + s.count("\u2014") == 1:  # en or em dash
            start, end = re.split("[\u2013\u2014]", s)
        elif s.count(" - ") == 1:
            start, end = s.split(" - ")
        elif s.endswith(" -") and " - " not in s:  # "1950 - " once normalized: open end
            start, end = s[:-2], ""
        elif s.startswith("- ") and " - " not in s:  # " - 1959": open start
            start, end = "", s[2:]
        else:
            match = _YEAR_RANGE_RE.fullmatch(s)
            if match is None:
                return None
            start, end = match.groups()
        return start.strip(), end.strip()

    @property
    def earliest(self) -> datetime.date | None:
        """The first day of the range, or ``None`` when the start is open.

        An open end has no first day: it is not :attr:`datetime.date.min`,
        which a query or an export would take for a real day.

        >>> DateRange.parse("1950-02/1950-06").earliest
        datetime.date(1950, 2, 1)
        >>> DateRange.parse("../1959").earliest is None
        True
        """
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> datetime.date | None:
        """The last day of the range, or ``None`` when the end is open.

        >>> DateRange.parse("1950-02/1950-06").latest
        datetime.date(1950, 6, 30)
        >>> DateRange.parse("1950/..").latest is None
        True
        """
        return None if self.end is None else self.end.latest

    def overlaps(self, start: _Bound = None, end: _Bound = None) -> bool:
        """Whether the range shares a day with the period.

        Bounds are as in :meth:`PartialDate.overlaps`; an open end of the
        range reaches as far as any period.

        >>> DateRange.parse("1950/1959").overlaps("1959-12", None)
        True
        """
        return _overlaps(_start_of(self), _end_of(self), start, end)

    def within(self, start: _Bound = None, end: _Bound = None) -> bool:
        """Whether the whole range lies inside the period.

        Bounds are as in :meth:`PartialDate.overlaps`.

        >>> DateRange.parse("1950/1959").within("1949", "1960")
        True
        >>> DateRange.parse("1950/..").within("1949", "1960")
        False
        """
        return _within(_start_of(self), _end_of(self), start, end)

    def __contains__(self, item: object) -> bool:
        """Whether a PartialDate or date lies wholly inside the range.

        >>> PartialDate.parse("1959") in DateRange.parse("1950/1959")
        True
        >>> PartialDate.parse("1959") in DateRange.parse("1950/1959-06")
        False
        """
        if isinstance(item, PartialDate):
            return _within(item.earliest, item.latest, self, self)
        if isinstance(item, datetime.datetime):
            item = item.date()
        if isinstance(item, datetime.date):
            return _within(item, item, self, self)
        raise TypeError(f"only a PartialDate or a date can be in a DateRange, not {item!r}")

    def display(self, *, pad_day: bool = False) -> str:
        """The printed form: each end as :meth:`PartialDate.display` prints it, joined by a dash.

        Ends that are one word (years, decades) are joined by an en dash
        ("1950–1953"), others by a spaced one ("February 1950 – June 1950");
        an open end is left empty ("1950–"). :meth:`parse` and
        :func:`parse_date` read every one of these back.

        >>> DateRange.parse("1950/1953").display(), DateRange.parse("1950-02/1950-06").display()
        ('1950–1953', 'February 1950 – June 1950')
        >>> DateRange.parse("../1959").display(), DateRange.parse("1950s/..").display()
        ('–1959', '1950s–')
        """
        sides = ["" if d is None else d.display(pad_day=pad_day) for d in (self.start, self.end)]
        separator = " \u2013 " if any(" " in side for side in sides) else "\u2013"
        return separator.join(sides).strip()

    def __str__(self) -> str:
        """The EDTF form, with ``..`` for an open end.

        >>> str(DateRange(end=PartialDate(year=1959)))
        '../1959'
        """
        start = ".." if self.start is None else str(self.start)
        end = ".." if self.end is None else str(self.end)
        return f"{start}/{end}"


def _parse_side(text: str, side: str, which: str) -> PartialDate | None:
    if side in ("", ".."):
        return None
    try:
        return PartialDate.parse(side)
    except DateParseError as error:
        raise type(error)(text, f"bad {which} {_quoted(side)}: {error.reason}") from None


def _make_range(text: str, start: PartialDate | None, end: PartialDate | None) -> DateRange:
    try:
        return DateRange(start=start, end=end)
    except DateParseError as error:
        raise _requote(text, error) from None


def parse_date(text: str) -> PartialDate | DateRange | None:
    """Read any date the archive or a user writes: ``None`` when it says there is none.

    "[undated]", "undated", "n.d." and "no date" give ``None``; a range
    ("1950-1953", "1950/..") gives a :class:`DateRange`; anything else is
    read by :meth:`PartialDate.parse`.

    >>> parse_date("n.d.") is None
    True
    >>> str(parse_date("1950-1953")), str(parse_date("the early 1950s"))
    ('1950/1953', '195X')
    """
    from ._dateparse import is_undated

    s = _normalize(text)
    if is_undated(s):
        return None
    if DateRange._split(s) is None:
        return PartialDate.parse(text)
    try:
        return DateRange.parse(text)
    except DateParseError as range_error:
        try:
            return PartialDate.parse(text)  # "02/1950" has a slash but is one date
        except DateParseError:
            raise range_error from None


def parse_edtf(text: str) -> PartialDate | DateRange:
    """Read the strict EDTF of a document's date: an interval ``A/B`` or one date.

    This is how files written by this library store a date that may be a
    range (:attr:`Document.date <sinosoviet_docs.Document.date>`).

    >>> parse_edtf("1950/1953"), parse_edtf("195X").precision  # doctest: +ELLIPSIS
    (DateRange(start=PartialDate(year=1950, ...), end=PartialDate(year=1953, ...)), 'decade')
    """
    if "/" in text:
        return DateRange.from_edtf(text)
    return PartialDate.from_edtf(text)


def years_of(date: PartialDate | DateRange | None) -> tuple[int, int] | None:
    """The first and last year of a document's date, for rules that go by year; ``None``
    when the date is unknown or a range is open.

    A :class:`PartialDate` gives its :attr:`~PartialDate.year` twice (the
    first year of a decade or century, the year a winter starts in); a
    closed :class:`DateRange` the years of its start and its end. Code names
    (:meth:`~sinosoviet_docs.names.CodeName.in_use`) count in a document only
    when both years are among the years they were used.

    >>> years_of(PartialDate.parse("1958-06")), years_of(DateRange.parse("1950/1953"))
    ((1958, 1958), (1950, 1953))
    >>> years_of(DateRange.parse("1950/..")) is None
    True
    """
    if date is None:
        return None
    if isinstance(date, PartialDate):
        return date.year, date.year
    if date.start is None or date.end is None:
        return None
    return date.start.year, date.end.year
