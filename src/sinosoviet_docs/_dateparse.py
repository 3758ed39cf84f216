"""The lenient reader behind :meth:`PartialDate.parse`: printed forms, then a guarded dateutil.

:mod:`sinosoviet_docs.dates` owns the model and its strict EDTF reader; this
module reads what people print ("December 27, 1952", "circa 1950",
"December 1959 (?)") and, as a last resort, hands the text to
:func:`dateutil.parser.parse` twice with two different defaults, so that a
part the input lacks is never filled in.  dateutil is imported on first use.

>>> str(parse("Dec. 27, 1952", "Dec. 27, 1952"))
'1952-12-27'
"""

from __future__ import annotations

import datetime
import re

import attrs

from ._vocab import MONTHS, WEEKDAY_NAMES, WEEKDAYS
from .dates import (
    _EDTF_RE,
    DateRange,
    PartialDate,
    _from_groups,
    _read_edtf,
    _requote,
)
from .exceptions import DateParseError, UnsupportedDateError

# Longer inputs are refused before they reach dateutil.
_MAX_LENGTH = 100
# Refused anywhere in a date: control characters (NUL ...) and digits of other
# scripts ("١٩٥٠", "１９５０"), which int() and dateutil would read as 0-9.
_BAD_CHARACTER_RE = re.compile(r"[\x00-\x1f\x7f]|(?![0-9])\d")
# "December 27, 1952", "Dec. 27, 1952", "July 05, 1950", "Dec 27th 1952"
_MDY_RE = re.compile(r"([A-Za-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4})", re.ASCII)
# "27 December 1952", "27 Dec. 1952"
_DMY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? ?(\d{4})", re.ASCII)
# "February 1950", "December, 1959", "Sept. 1950"
_MY_RE = re.compile(r"([A-Za-z]+)\.?,? ?(\d{4})", re.ASCII)
# "circa 1950", "c. 1950", "ca. 1950", "ca 1950"
_CIRCA_RE = re.compile(r"(?:circa |ca\. ?|ca |c\. ?)(.+)", re.IGNORECASE)
# "the early 1950s", "late 1956", "mid-June 1950"
_PART_RE = re.compile(r"(?:the )?(?:(?:early|mid|late)[- ])?(.+)", re.IGNORECASE)
# "Spring 1958", "autumn, 1958", "Fall of 1958"
_SEASON_RE = re.compile(
    r"(spring|summer|autumn|fall|winter),? (?:of )?(\d{4})", re.IGNORECASE | re.ASCII
)
# "1950s", "1950's"
_DECADE_RE = re.compile(r"(\d{3}0)'?s", re.ASCII)
# "20th century" (1900-1999, as EDTF's 19XX), "20th-century"
_CENTURY_RE = re.compile(r"(\d{1,3})(?:st|nd|rd|th)[- ]century", re.IGNORECASE | re.ASCII)
# What the archive writes for a document without a date.
_UNDATED = frozenset({"undated", "[undated]", "n.d.", "[n.d.]", "n. d.", "no date", "[no date]"})


def _match_archive(s: str) -> tuple[str, str | None, str] | None:
    """(month name, day or None, year) of an archive form, or None."""
    match = _MDY_RE.fullmatch(s)
    if match is not None:
        return match[1], match[2], match[3]
    match = _DMY_RE.fullmatch(s)
    if match is not None:
        return match[2], match[1], match[3]
    match = _MY_RE.fullmatch(s)
    if match is not None:
        return match[1], None, match[2]
    return None


def is_undated(s: str) -> bool:
    """Whether the normalized string ``s`` says there is no date ("[undated]", "n.d.")."""
    return s.lower() in _UNDATED


def parse(text: str, s: str) -> PartialDate:
    """Parse the normalized string ``s``; errors quote the original ``text``."""
    if not s:
        raise DateParseError(text, "the date is empty")
    date = _edtf(text, s)
    if date is not None:
        return date
    if len(s) > _MAX_LENGTH:
        raise DateParseError(text, f"too long to be a date (over {_MAX_LENGTH} characters)")
    bad = _BAD_CHARACTER_RE.search(s)
    if bad is not None:
        what = (
            "a control character" if bad[0] < " " or bad[0] == "\x7f" else "a digit other than 0-9"
        )
        raise DateParseError(text, f"{what} ({bad[0]!r}) at position {bad.start() + 1}")
    if is_undated(s):
        raise DateParseError(
            text, "the source says the document is undated; parse_date() reads this as None"
        )

    # Qualifiers around the archive forms, "circa ...", "... (?)" and "...?",
    # are stripped once (no recursion, so "circa circa ..." is refused).
    unqualified = s
    approximate = uncertain = False
    circa = _CIRCA_RE.fullmatch(s)
    if circa is not None:
        approximate, s = True, circa.group(1)
    if s.endswith("(?)"):
        uncertain, s = True, s[:-3].rstrip()
    elif s.endswith("?"):
        uncertain, s = True, s[:-1].rstrip()
    # "the early 1950s", "late 1956": the part of the period is not kept,
    # since where "early" ends is not recorded; the whole period is.
    part = _PART_RE.fullmatch(s)
    if part is not None:
        s = part.group(1)
    date = _parse_unqualified(text, s, stripped=s != unqualified)
    if (approximate and not date.approximate) or (uncertain and not date.uncertain):
        date = attrs.evolve(
            date, approximate=date.approximate or approximate, uncertain=date.uncertain or uncertain
        )
    return date


def _edtf(text: str, s: str) -> PartialDate | None:
    """``s`` read as EDTF (the fast pattern first), or None if it is not EDTF."""
    match = _EDTF_RE.fullmatch(s)
    if match is not None:
        return _from_groups(text, *match.groups())
    if not "0" <= s[0] <= "9" and s[0] not in "-\u2212Y":
        return None  # no EDTF date starts otherwise
    return _read_edtf(text, s)


def _parse_unqualified(text: str, s: str, *, stripped: bool) -> PartialDate:
    """Parse ``s`` once its "circa"/"(?)" qualifiers are stripped.

    ``stripped`` says whether anything was: if not, ``s`` is known not to be EDTF.
    """
    if not s:
        raise DateParseError(text, "the date is empty")
    date = _edtf(text, s) if stripped else None
    if date is None:
        date = _parse_printed(text, s)
    if date is not None:
        return date

    if DateRange._split(s) is not None:
        try:
            DateRange.parse(s)
        except DateParseError:
            pass  # not a range after all ("02/1950"): let dateutil try
        else:
            raise DateParseError(
                text, "this is a date range, not a single date; use DateRange.parse"
            )
    return _parse_with_dateutil(text, s)


def _parse_printed(text: str, s: str) -> PartialDate | None:
    """The printed forms with a month, season, decade or century name, or None."""
    archive = _match_archive(s)
    if archive is not None:
        month_name, day, year = archive
        month = MONTHS.get(month_name.lower())
        if month is not None:
            try:
                return PartialDate(
                    year=int(year), month=month, day=None if day is None else int(day)
                )
            except DateParseError as error:
                raise _requote(text, error) from None
    parts: dict[str, object] | None = None
    match = _SEASON_RE.fullmatch(s)
    if match is not None:
        season = match[1].lower()
        parts = {"year": int(match[2]), "season": "autumn" if season == "fall" else season}
    match = _DECADE_RE.fullmatch(s) if parts is None else None
    if match is not None:
        parts = {"year": int(match[1]), "span": "decade"}
    match = _CENTURY_RE.fullmatch(s) if parts is None else None
    if match is not None:
        parts = {"year": (int(match[1]) - 1) * 100, "span": "century"}
    if parts is None:
        return None
    try:
        return PartialDate(**parts)  # type: ignore[arg-type]
    except DateParseError as error:
        raise _requote(text, error) from None


# Two defaults that differ in every field.  dateutil copies the fields the
# input lacks from ``default``, so a field that comes out different in the two
# results was missing from the input.  Days 1 and 15 stay apart (and in the
# same month) even when a weekday in the input moves the date up to 6 days on.
_DEFAULT_A = datetime.datetime(1, 1, 1, 0, 0, 0, 0)
_DEFAULT_B = datetime.datetime(2, 2, 15, 1, 1, 1, 1)
# Day and month as numbers in either order ("2/3/1950", "02.03.1950").
_NUMERIC_DMY_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII)
_WORD_RE = re.compile(r"[a-z]+")


def _parse_with_dateutil(text: str, s: str) -> PartialDate:
    """Last resort for forms the fast patterns miss, without invented parts.

    Refused before dateutil is asked, because it would guess: a signed year
    (EDTF's years before the common era), and a date whose day and month are
    both numbers of 12 or less ("2/3/1950" is 2 March in Europe, 3 February in
    the United States). A weekday in the input must be the date's weekday.
    """
    if s[0] in "+-\u2212":
        raise UnsupportedDateError(text, "signed years (before the common era) are not supported")
    numeric = _NUMERIC_DMY_RE.fullmatch(s)
    if (
        numeric is not None
        and int(numeric[1]) <= 12
        and int(numeric[2]) <= 12
        and int(numeric[1]) != int(numeric[2])
    ):
        raise DateParseError(
            text,
            "day and month are both numbers, so their order is ambiguous; "
            "write the month as a word or use YYYY-MM-DD",
        )
    date = _dateutil_parse(text, s)
    weekdays = {WEEKDAYS[w] for w in _WORD_RE.findall(s.lower()) if w in WEEKDAYS}
    if weekdays:
        if date.day is None or date.month is None:
            raise DateParseError(text, "a weekday without a full date")
        actual = datetime.date(date.year, date.month, date.day).weekday()
        if weekdays != {actual}:
            raise DateParseError(
                text, f"the weekday does not match: that day was a {WEEKDAY_NAMES[actual]}"
            )
    return date


def _dateutil_parse(text: str, s: str) -> PartialDate:
    import dateutil.parser

    timezones: list[object] = []

    def note_timezone(name: str | None, offset: int | None) -> None:
        if name is not None or offset is not None:
            timezones.append(name or offset)

    try:
        a = dateutil.parser.parse(s, default=_DEFAULT_A, tzinfos=note_timezone)
        b = dateutil.parser.parse(s, default=_DEFAULT_B, tzinfos=note_timezone)
    # ParserError is a ValueError; a run of digits can make dateutil's own
    # arithmetic fail (decimal.InvalidOperation is an ArithmeticError).
    except (ValueError, ArithmeticError):
        raise DateParseError(
            text,
            "not a date form this library reads (for example 'December 27, 1952', "
            "'February 1950', '1958' or '1952-12-27')",
        ) from None

    if (
        a.hour == b.hour
        or a.minute == b.minute
        or a.second == b.second
        or a.microsecond == b.microsecond
        or timezones
        or a.tzinfo is not None
    ):
        raise DateParseError(text, "times and time zones are not supported; give a date only")
    if a.year != b.year:
        raise DateParseError(text, "no year in the date")
    has_month = a.month == b.month
    has_day = a.day == b.day
    if has_day and not has_month:
        raise DateParseError(text, "a day without a month")
    if re.search(rf"(?<!\d)0*{a.year}(?!\d)", s) is None:
        raise DateParseError(text, "the century is missing; write the year with four digits")
    return PartialDate(
        year=a.year, month=a.month if has_month else None, day=a.day if has_day else None
    )
