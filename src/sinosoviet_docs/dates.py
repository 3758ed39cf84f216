"""Partial dates and date ranges for archive documents.

Archive records are often dated only to the month ("February 1950") or the
year ("1958").  A :class:`PartialDate` keeps exactly the parts the source gave
and never invents a day or a month: "February 1950" stays month-precise, it
does not become 1 February 1950.  Its bounds (:attr:`PartialDate.earliest`,
:attr:`PartialDate.latest`) say which days it may stand for, and
:meth:`PartialDate.overlaps` / :meth:`PartialDate.within` answer "may it be
in this period?" and "is it surely in this period?".

Files written by this library hold dates as EDTF strings (Extended
Date/Time Format, ISO 8601-2 level 1 subset): ``1950``, ``1950-02``,
``1952-12-27``, optionally followed by ``~`` (approximate), ``?``
(uncertain) or ``%`` (both); ranges are ``1950/1959``, ``../1959``,
``1950/..``.  :meth:`PartialDate.from_edtf` and :meth:`DateRange.from_edtf`
read those strictly and quickly; :meth:`PartialDate.parse` and
:meth:`DateRange.parse` also read the forms printed by the archive.

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
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeGuard

import attrs

from .exceptions import DateParseError

if TYPE_CHECKING:
    from attrs import Attribute

__all__ = ["DateRange", "PartialDate", "Precision"]

Precision = Literal["year", "month", "day"]

#: What ``overlaps``/``within`` accept as a bound; ``None`` means open.
_Bound: TypeAlias = "datetime.date | PartialDate | DateRange | str | None"

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Lower-case full names, three-letter abbreviations and "sept" -> month number.
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# EDTF qualifier -> (approximate, uncertain).
_QUALIFIERS: dict[str | None, tuple[bool, bool]] = {
    None: (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}

# All patterns are anchored (used with fullmatch) and have no nested
# quantifiers, so matching is linear in the input length.
_EDTF_DATE = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?"
_EDTF_RE = re.compile(_EDTF_DATE)
_EDTF_INTERVAL_RE = re.compile(rf"(?:{_EDTF_DATE}|\.\.)?/(?:{_EDTF_DATE}|\.\.)?")
# separately).
_YEAR_RANGE_RE = re.compile(r"(\d{4}[~?%]?) ?- ?(\d{4}[~?%]?)")


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
    """A calendar date known to the year, the month or the day.

    Missing parts are ``None`` and are never filled in.  ``approximate`` and
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

    @year.validator
    def _check_year(self, attribute: Attribute[int], value: object) -> None:
        if not _is_int(value):
            raise DateParseError(
                _render(value, self.month, self.day), f"year must be an int, not {value!r}"
            )
        if not 1 <= value <= 9999:
            raise DateParseError(
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
                f"day {value} is out of range for {_MONTH_NAMES[month - 1]} {self.year}",
            )

    @approximate.validator
    @uncertain.validator
    def _check_flag(self, attribute: Attribute[bool], value: object) -> None:
        if type(value) is not bool:
            raise DateParseError(
                _render(self.year, self.month, self.day),
                f"{attribute.name} must be a bool, not {value!r}",
            )

    # -- reading -------------------------------------------------------------

    @classmethod
    def from_edtf(cls, text: str) -> PartialDate:
        """Read a strict EDTF date, as stored in our own files.

        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by one of
        ``~``, ``?``, ``%``.  This is the fast reader: no whitespace, no other
        forms, no :mod:`dateutil`.

        >>> str(PartialDate.from_edtf("1950-02~"))
        '1950-02~'
        >>> PartialDate.from_edtf("February 1950")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sinosoviet_docs.exceptions.DateParseError: cannot read date 'February 1950': not an EDTF ...
        """
        match = _EDTF_RE.fullmatch(text)
        if match is None:
            raise DateParseError(
                text,
                "not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD, "
                "optionally followed by ~, ? or %)",
            )
        return _from_groups(text, *match.groups())

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
        from ._dateparse import parse

        return parse(text, _normalize(text))

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
        """The finest part known: ``"year"``, ``"month"`` or ``"day"``.

        >>> PartialDate.parse("1958").precision
        'year'
        """
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def earliest(self) -> datetime.date:
        """The first day this date may stand for.

        The qualifiers do not widen the bounds: "circa 1950" still starts on
        1 January 1950, since how far "circa" reaches is not recorded.

        >>> PartialDate.parse("circa 1950").earliest
        datetime.date(1950, 1, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day this date may stand for (qualifiers do not widen it).

        >>> PartialDate.parse("February 1952").latest
        datetime.date(1952, 2, 29)
        """
        month = self.month or 12
        return datetime.date(self.year, month, self.day or _days_in_month(self.year, month))

    # -- ordering --------------------------------------------------------------

    def _key(self) -> tuple[int, int, int, int, int, bool, bool]:
        # Same order as (earliest, latest, approximate, uncertain), without
        # building date objects.
        month, day = self.month, self.day
        if month is None:
            return (self.year, 1, 1, 12, 31, self.approximate, self.uncertain)
        if day is None:
            last = _days_in_month(self.year, month)
            return (self.year, month, 1, month, last, self.approximate, self.uncertain)
        return (self.year, month, day, month, day, self.approximate, self.uncertain)

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

        >>> str(PartialDate(year=1950, month=2, approximate=True, uncertain=True))
        '1950-02%'
        """
        if self.approximate:
            suffix = "%" if self.uncertain else "~"
        else:
            suffix = "?" if self.uncertain else ""
        if self.month is None:
            return f"{self.year:04d}{suffix}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}{suffix}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}{suffix}"

    def display(self, *, pad_day: bool = False) -> str:
        """The form the archive prints: "December 27, 1952", "December 1959", "1958".

        ``pad_day=True`` gives the old site's "July 05, 1950".  An approximate
        date gets a leading "circa ", an uncertain one a trailing " (?)";
        :meth:`parse` reads all of these back.  Years are written with four
        digits.

        >>> PartialDate.parse("1950-07-05").display()
        'July 5, 1950'
        >>> PartialDate.parse("1950-07-05").display(pad_day=True)
        'July 05, 1950'
        >>> PartialDate.parse("1959-12%").display()
        'circa December 1959 (?)'
        """
        if self.month is None:
            text = f"{self.year:04d}"
        elif self.day is None:
            text = f"{_MONTH_NAMES[self.month - 1]} {self.year:04d}"
        else:
            day = f"{self.day:02d}" if pad_day else str(self.day)
            text = f"{_MONTH_NAMES[self.month - 1]} {day}, {self.year:04d}"
        if self.approximate:
            text = "circa " + text
        if self.uncertain:
            text += " (?)"
        return text


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
        try:
            PartialDate(year=y, month=m, day=d)
        except DateParseError as error:
            raise DateParseError(text, error.reason) from None
    approximate, uncertain = _QUALIFIERS[qualifier]
    date = _new(PartialDate)
    _set(date, "year", y)
    _set(date, "month", m)
    _set(date, "day", d)
    _set(date, "approximate", approximate)
    _set(date, "uncertain", uncertain)
    return date


_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
        if match is None:
            raise DateParseError(
                text,
                "not an EDTF interval (expected A/B with EDTF dates, '..' or '' for open ends)",
            )
        groups = match.groups()
        start = None if groups[0] is None else _from_groups(text, *groups[:4])
        end = None if groups[4] is None else _from_groups(text, *groups[4:])
        return _make_range(text, start, end)

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
                raise DateParseError(text, error.reason) from None
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
        raise DateParseError(text, f"bad {which} {side!r}: {error.reason}") from None


def _make_range(text: str, start: PartialDate | None, end: PartialDate | None) -> DateRange:
    try:
        return DateRange(start=start, end=end)
    except DateParseError as error:
        raise DateParseError(text, error.reason) from None
