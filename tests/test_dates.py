"""Tests for sinosoviet_docs.dates: partial dates, their parsing, bounds and ranges."""

from __future__ import annotations

import calendar
import contextlib
import datetime
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs
from sinosoviet_docs import dates
from sinosoviet_docs.dates import DateRange, PartialDate
from sinosoviet_docs.exceptions import DateParseError


def pd(
    year: int,
    month: int | None = None,
    day: int | None = None,
    *,
    approximate: bool = False,
    uncertain: bool = False,
) -> PartialDate:
    """Shorthand for building an expected PartialDate."""
    return PartialDate(
        year=year, month=month, day=day, approximate=approximate, uncertain=uncertain
    )


@st.composite
def partial_dates(draw: st.DrawFn, *, qualified: bool = True) -> PartialDate:
    """Any valid PartialDate, with every precision, leap days and (optionally) qualifiers."""
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    month = None if precision == "year" else draw(st.integers(1, 12))
    day = None
    if precision == "day":
        assert month is not None
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    approximate = draw(st.booleans()) if qualified else False
    uncertain = draw(st.booleans()) if qualified else False
    return pd(year, month, day, approximate=approximate, uncertain=uncertain)


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Any valid DateRange, with open ends."""
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is None and end is None:
        end = draw(partial_dates())
    if start is not None and end is not None and start.earliest > end.latest:
        start, end = end, start
    return DateRange(start=start, end=end)


@pytest.fixture
def dateutil_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every input that reaches the dateutil fallback."""
    calls: list[str] = []
    real: Callable[[str, str], PartialDate] = dates._parse_with_dateutil

    def counting(text: str, s: str) -> PartialDate:
        calls.append(text)
        return real(text, s)

    monkeypatch.setattr(dates, "_parse_with_dateutil", counting)
    return calls


# --- construction -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"year": 1950, "month": 2, "day": 30}, "1950-02-30"),
        ({"year": 1950, "month": 2, "day": 29}, "1950-02-29"),
        ({"year": 1900, "month": 2, "day": 29}, "1900-02-29"),
        ({"year": 1950, "month": 4, "day": 31}, "1950-04-31"),
        ({"year": 1950, "month": 13}, "1950-13"),
        ({"year": 1950, "month": 0}, "1950-00"),
        ({"year": 1950, "day": 3}, "1950-XX-03"),
        ({"year": 0}, "0000"),
        ({"year": 10000}, "10000"),
        ({"year": True}, "True"),
        ({"year": "1950"}, "1950"),
        ({"year": 1950, "month": 2, "day": True}, "1950-02-True"),
        ({"year": 1950, "approximate": 1}, "1950"),
    ],
)
def test_invalid_construction_raises(kwargs: dict[str, object], text: str) -> None:
    """Building an impossible PartialDate raises DateParseError naming the bad parts."""
    with pytest.raises(DateParseError) as info:
        PartialDate(**kwargs)  # type: ignore[arg-type]
    assert text == info.value.text


@pytest.mark.parametrize("year", [1952, 2000, 1600])
def test_leap_day_is_valid_in_leap_years(year: int) -> None:
    """29 February exists in leap years, centuries divisible by 400 included."""
    expected = 29
    assert expected == pd(year, 2, 29).day


def test_from_date_is_day_precise() -> None:
    """from_date keeps year, month and day of a datetime.date."""
    assert pd(1950, 2, 14) == PartialDate.from_date(datetime.date(1950, 2, 14))


def test_from_date_drops_time_of_datetime() -> None:
    """from_date accepts a datetime and keeps only its date."""
    assert pd(1950, 2, 14) == PartialDate.from_date(datetime.datetime(1950, 2, 14, 10, 30))


def test_equal_dates_hash_alike() -> None:
    """PartialDate is hashable and compares by value."""
    assert {pd(1950, 2)} == {PartialDate.parse("February 1950"), PartialDate.from_edtf("1950-02")}


def test_partial_date_is_immutable() -> None:
    """A PartialDate cannot be changed after construction."""
    d = pd(1950)
    with pytest.raises(AttributeError):
        d.year = 1951  # type: ignore[misc]


@pytest.mark.parametrize(
    ("date", "precision"),
    [(pd(1958), "year"), (pd(1950, 2), "month"), (pd(1952, 12, 27), "day")],
)
def test_precision(date: PartialDate, precision: str) -> None:
    """precision names the finest known part."""
    assert precision == date.precision


# --- parsing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 27, 1952", pd(1952, 12, 27)),
        ("July 05, 1950", pd(1950, 7, 5)),
        ("July 5, 1950", pd(1950, 7, 5)),
        ("February 1950", pd(1950, 2)),
        ("December, 1959", pd(1959, 12)),
        ("1958", pd(1958)),
        ("27 December 1952", pd(1952, 12, 27)),
        ("Dec 27, 1952", pd(1952, 12, 27)),
        ("Dec. 27, 1952", pd(1952, 12, 27)),
        ("Sept. 1950", pd(1950, 9)),
        ("Sep 1950", pd(1950, 9)),
        ("december 27, 1952", pd(1952, 12, 27)),
        ("FEBRUARY 1950", pd(1950, 2)),
        ("February 29, 1952", pd(1952, 2, 29)),
    ],
)
def test_parse_archive_forms(text: str, expected: PartialDate) -> None:
    """The archive's printed forms parse to the right parts and nothing more."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1952-12-27", pd(1952, 12, 27)),
        ("1950-02", pd(1950, 2)),
        ("1950", pd(1950)),
        ("1950~", pd(1950, approximate=True)),
        ("1950?", pd(1950, uncertain=True)),
        ("1950-02%", pd(1950, 2, approximate=True, uncertain=True)),
        ("1952-12-27~", pd(1952, 12, 27, approximate=True)),
        ("1952-12-27?", pd(1952, 12, 27, uncertain=True)),
    ],
)
def test_parse_iso_and_edtf_forms(text: str, expected: PartialDate) -> None:
    """ISO dates and EDTF qualifiers parse to the right parts and flags."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("circa 1950", pd(1950, approximate=True)),
        ("c. 1950", pd(1950, approximate=True)),
        ("ca. 1950", pd(1950, approximate=True)),
        ("Circa February 1950", pd(1950, 2, approximate=True)),
        ("December 1959 (?)", pd(1959, 12, uncertain=True)),
        ("circa July 5, 1950 (?)", pd(1950, 7, 5, approximate=True, uncertain=True)),
        ("circa 1950?", pd(1950, approximate=True, uncertain=True)),
    ],
)
def test_parse_circa_and_question_mark(text: str, expected: PartialDate) -> None:
    """'circa'/'c.'/'ca.' mark a date approximate, a trailing '(?)' uncertain."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    "text",
    ["  July 5, 1950  ", "July\u00a05,\u00a01950", "July   5,  1950", "\tJuly 5, 1950\n"],
)
def test_parse_tolerates_whitespace(text: str) -> None:
    """Surrounding whitespace, NBSP and repeated spaces are ignored."""
    assert pd(1950, 7, 5) == PartialDate.parse(text)


@pytest.mark.parametrize("text", ["February 1950", "December 27, 1952", "1950-02~", "circa 1950"])
def test_fast_forms_do_not_reach_dateutil(text: str, dateutil_calls: list[str]) -> None:
    """The archive and EDTF forms are read by the fast patterns, not by dateutil."""
    PartialDate.parse(text)
    expected: list[str] = []
    assert expected == dateutil_calls


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950 Feb", pd(1950, 2)),
        ("Feb-1950", pd(1950, 2)),
        ("February of 1950", pd(1950, 2)),
        ("02/1950", pd(1950, 2)),
        ("1950.", pd(1950)),
        ("'1950", pd(1950)),
        ("12/27/1952", pd(1952, 12, 27)),
    ],
)
def test_dateutil_fallback_never_invents_parts(
    text: str, expected: PartialDate, dateutil_calls: list[str]
) -> None:
    """THE GUARD: inputs read by dateutil keep day/month None when the input lacks them."""
    actual = PartialDate.parse(text)
    assert text in dateutil_calls
    assert (expected.month, expected.day) == (actual.month, actual.day)
    assert expected == actual


@pytest.mark.parametrize(
    "text",
    ["1950-02-01T10:00", "1950-02-01 00:00", "1950-02-01T00:00+02:00", "February 1, 1950 10am"],
)
def test_parse_rejects_times(text: str) -> None:
    """A time or time zone in the input is refused: we only hold dates."""
    with pytest.raises(DateParseError, match="time"):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["Feb 50", "December '52", "12/27/52"])
def test_parse_rejects_two_digit_years(text: str) -> None:
    """A two-digit year is refused rather than given an invented century."""
    with pytest.raises(DateParseError, match="century"):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["Jan 31", "December 27"])
def test_parse_rejects_missing_year(text: str) -> None:
    """A date without a year is refused rather than given dateutil's default year."""
    with pytest.raises(DateParseError, match="no year"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\u00a0",
        "February 30, 1950",
        "February 29, 1950",
        "1950-13",
        "1950-02-30",
        "0000",
        "sometime",
        "[undated]",
        "circa",
        "Febtember 1950",
        "1950/1959",
        "1950-1959",
    ],
)
def test_parse_rejects_bad_input_quoting_it(text: str) -> None:
    """Empty, impossible or unreadable input raises DateParseError quoting the input."""
    with pytest.raises(DateParseError) as info:
        PartialDate.parse(text)
    assert text == info.value.text
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["1950/1959", "1950-1959", "1950\u20131959", "../1959"])
def test_parse_points_ranges_to_daterange(text: str) -> None:
    """A range given to PartialDate.parse raises with a hint to use DateRange.parse."""
    with pytest.raises(DateParseError, match=r"DateRange\.parse"):
        PartialDate.parse(text)


def test_parse_refuses_overlong_input() -> None:
    """Very long input is refused before it reaches dateutil."""
    with pytest.raises(DateParseError, match="too long"):
        PartialDate.parse("c. " * 1000 + "1950")


@given(st.text(max_size=40))
def test_parse_raises_only_date_parse_error(text: str) -> None:
    """Arbitrary text either parses or raises DateParseError, never another error."""
    error: DateParseError | None = None
    try:
        PartialDate.parse(text)
    except DateParseError as caught:
        error = caught
    assert error is None or text == error.text


def test_parse_error_is_a_value_error() -> None:
    """DateParseError can be caught as ValueError."""
    with pytest.raises(ValueError, match="sometime"):
        PartialDate.parse("sometime")


def test_parse_rejects_non_strings() -> None:
    """parse refuses a non-str with TypeError."""
    with pytest.raises(TypeError):
        PartialDate.parse(1950)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", [" 1950", "1950 ", "February 1950", "1950-2", "1950-02-3", "1950/1959", "1950~?", ""]
)
def test_from_edtf_is_strict(text: str) -> None:
    """from_edtf accepts only exact EDTF dates."""
    with pytest.raises(DateParseError) as info:
        PartialDate.from_edtf(text)
    assert text == info.value.text


def test_from_edtf_rejects_impossible_day_quoting_input() -> None:
    """from_edtf checks the day against the month and quotes its input."""
    with pytest.raises(DateParseError, match="'1950-02-29~'"):
        PartialDate.from_edtf("1950-02-29~")


def test_only_the_dates_module_imports_dateutil() -> None:
    """No other module of the package names dateutil in an import."""
    package = Path(sinosoviet_docs.__file__).parent
    importers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"^\s*(import|from)\s+dateutil", path.read_text("utf-8"), re.MULTILINE)
    )
    assert ["dates.py"] == importers


def test_importing_dates_does_not_import_dateutil() -> None:
    """Importing the dates module leaves dateutil unimported until a fallback needs it."""
    code = "import sys, sinosoviet_docs.dates; print('dateutil' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    expected = "False"
    assert expected == result.stdout.strip()


# --- round trips ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (pd(1950), "1950"),
        (pd(1950, 2), "1950-02"),
        (pd(1952, 12, 27), "1952-12-27"),
        (pd(1950, approximate=True), "1950~"),
        (pd(1950, uncertain=True), "1950?"),
        (pd(1950, 2, approximate=True, uncertain=True), "1950-02%"),
        (pd(5, 1, 2), "0005-01-02"),
    ],
)
def test_str_is_edtf(date: PartialDate, text: str) -> None:
    """str() gives the EDTF form, zero-padded, with the qualifier suffix."""
    assert text == str(date)


@given(partial_dates())
def test_from_edtf_round_trips_str(date: PartialDate) -> None:
    """from_edtf(str(d)) gives d back for any valid date."""
    assert date == PartialDate.from_edtf(str(date))


@given(partial_dates())
def test_parse_round_trips_str(date: PartialDate) -> None:
    """parse(str(d)) gives d back for any valid date."""
    assert date == PartialDate.parse(str(date))


@given(partial_dates(qualified=False), st.booleans())
def test_parse_round_trips_display_unqualified(date: PartialDate, pad_day: bool) -> None:
    """parse(d.display()) gives d back for unqualified dates, padded or not."""
    assert date == PartialDate.parse(date.display(pad_day=pad_day))


@given(partial_dates())
def test_parse_round_trips_display_qualified(date: PartialDate) -> None:
    """parse(d.display()) also keeps the 'circa' and '(?)' qualifiers."""
    assert date == PartialDate.parse(date.display())


@pytest.mark.parametrize(
    ("date", "pad_day", "text"),
    [
        (pd(1952, 12, 27), False, "December 27, 1952"),
        (pd(1950, 7, 5), False, "July 5, 1950"),
        (pd(1950, 7, 5), True, "July 05, 1950"),
        (pd(1959, 12), False, "December 1959"),
        (pd(1958), False, "1958"),
        (pd(1950, approximate=True), False, "circa 1950"),
        (pd(1950, 2, uncertain=True), False, "February 1950 (?)"),
    ],
)
def test_display(date: PartialDate, pad_day: bool, text: str) -> None:
    """display() gives the archive's printed form."""
    assert text == date.display(pad_day=pad_day)


# --- bounds and ordering --------------------------------------------------------


@given(partial_dates())
def test_earliest_not_after_latest(date: PartialDate) -> None:
    """earliest <= latest for every date."""
    assert date.earliest <= date.latest


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (pd(1952, 2), datetime.date(1952, 2, 1), datetime.date(1952, 2, 29)),
        (pd(1950, 2), datetime.date(1950, 2, 1), datetime.date(1950, 2, 28)),
        (pd(1950), datetime.date(1950, 1, 1), datetime.date(1950, 12, 31)),
        (pd(1952, 12, 27), datetime.date(1952, 12, 27), datetime.date(1952, 12, 27)),
    ],
)
def test_bounds(date: PartialDate, earliest: datetime.date, latest: datetime.date) -> None:
    """earliest/latest are the first and last possible day (leap Februaries included)."""
    assert (earliest, latest) == (date.earliest, date.latest)


def test_qualifiers_do_not_widen_bounds() -> None:
    """An approximate or uncertain date has the same bounds as the plain one."""
    plain = pd(1950, 2)
    fuzzy = pd(1950, 2, approximate=True, uncertain=True)
    assert (plain.earliest, plain.latest) == (fuzzy.earliest, fuzzy.latest)


@given(st.lists(partial_dates(), max_size=20))
def test_sorting_agrees_with_bounds(items: list[PartialDate]) -> None:
    """Sorting uses (earliest, latest), then the qualifiers."""
    expected = sorted(items, key=lambda d: (d.earliest, d.latest, d.approximate, d.uncertain))
    assert expected == sorted(items)


@given(partial_dates(), partial_dates())
def test_ordering_is_total_and_consistent(a: PartialDate, b: PartialDate) -> None:
    """Exactly one of a < b, a == b, a > b holds, and <=, >= agree with them."""
    exactly_one = 1
    assert exactly_one == [a < b, a == b, a > b].count(True)
    assert (a < b or a == b) == (a <= b)
    assert (a > b or a == b) == (a >= b)


def test_month_sorts_between_year_and_its_days() -> None:
    """A year sorts before its months, a month before its later days."""
    assert [pd(1950), pd(1950, 2), pd(1950, 2, 3)] == sorted(
        [pd(1950, 2, 3), pd(1950, 2), pd(1950)]
    )


def test_ordering_against_other_types_raises() -> None:
    """Comparing with a non-PartialDate is a TypeError, and == is False."""
    with pytest.raises(TypeError):
        _ = pd(1950) < datetime.date(1950, 1, 1)
    other: object = "1950"
    assert pd(1950) != other


# --- overlaps / within ------------------------------------------------------------


def test_month_overlaps_but_is_not_within_part_of_it() -> None:
    """'February 1950' overlaps 10-20 February 1950 but is not within it."""
    february = PartialDate.parse("February 1950")
    expected = (True, False)
    assert expected == (
        february.overlaps("1950-02-10", "1950-02-20"),
        february.within("1950-02-10", "1950-02-20"),
    )


def test_year_is_within_its_own_year() -> None:
    """A year-only date is within (start=its year, end=its year)."""
    assert pd(1950).within("1950", "1950")


@given(st.dates(datetime.date(1950, 1, 1), datetime.date(1950, 12, 31)))
def test_any_day_of_year_is_within_that_year(day: datetime.date) -> None:
    """A start bound counts from its earliest day, an end bound up to its latest."""
    assert PartialDate.from_date(day).within("1950", "1950")


@pytest.mark.parametrize(
    ("start", "end", "overlaps", "within"),
    [
        (None, None, True, True),
        ("1950-02-28", None, True, False),
        (None, "1950-01-31", False, False),
        (datetime.date(1950, 1, 1), datetime.date(1950, 3, 1), True, True),
        (pd(1950, 3), None, False, False),
        (DateRange.parse("1949/1950"), DateRange.parse("1950/1951"), True, True),
        (datetime.datetime(1950, 2, 28, 23, 0), None, True, False),
    ],
)
def test_bound_kinds(start: dates._Bound, end: dates._Bound, overlaps: bool, within: bool) -> None:
    """Bounds may be None, str, date, datetime, PartialDate or DateRange."""
    february = pd(1950, 2)
    assert (overlaps, within) == (february.overlaps(start, end), february.within(start, end))


@pytest.mark.parametrize("method", ["overlaps", "within"])
def test_start_after_end_raises(method: str) -> None:
    """A start bound after the end bound is a ValueError."""
    with pytest.raises(ValueError, match="after"):
        getattr(pd(1950), method)("1951", "1950")


def test_unsupported_bound_raises() -> None:
    """A bound of an unknown type is a TypeError."""
    with pytest.raises(TypeError):
        pd(1950).overlaps(1950)  # type: ignore[arg-type]


@given(partial_dates(), partial_dates(), partial_dates())
def test_within_implies_overlaps(date: PartialDate, a: PartialDate, b: PartialDate) -> None:
    """Whatever is within a period also overlaps it."""
    start, end = min(a, b), max(a, b)
    assert not date.within(start, end) or date.overlaps(start, end)


# --- DateRange --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950/1959", DateRange(start=pd(1950), end=pd(1959))),
        ("1950-02/1950-06-15", DateRange(start=pd(1950, 2), end=pd(1950, 6, 15))),
        ("../1959", DateRange(end=pd(1959))),
        ("1950/..", DateRange(start=pd(1950))),
        ("1950/", DateRange(start=pd(1950))),
        ("/1959", DateRange(end=pd(1959))),
        ("1950~/1959?", DateRange(start=pd(1950, approximate=True), end=pd(1959, uncertain=True))),
        ("1950-1959", DateRange(start=pd(1950), end=pd(1959))),
        ("1950\u20131959", DateRange(start=pd(1950), end=pd(1959))),
        ("1950 \u2013 1959", DateRange(start=pd(1950), end=pd(1959))),
        ("February 1950 - June 1950", DateRange(start=pd(1950, 2), end=pd(1950, 6))),
        ("1969", DateRange(start=pd(1969), end=pd(1969))),
        ("1950\u2013", DateRange(start=pd(1950))),
        (" 1950 / 1959 ", DateRange(start=pd(1950), end=pd(1959))),
    ],
)
def test_range_parse(text: str, expected: DateRange) -> None:
    """DateRange.parse reads EDTF intervals, open ends, archive year ranges and single dates."""
    assert expected == DateRange.parse(text)


@pytest.mark.parametrize("text", ["1950/1959", "../1959", "1950/..", "1950-02~/1950-06-15%"])
def test_range_str_is_edtf(text: str) -> None:
    """str() of a parsed EDTF interval gives the same string back."""
    assert text == str(DateRange.parse(text))


@given(date_ranges())
def test_range_round_trips_str(date_range: DateRange) -> None:
    """from_edtf(str(r)) and parse(str(r)) give r back."""
    assert (date_range, date_range) == (
        DateRange.from_edtf(str(date_range)),
        DateRange.parse(str(date_range)),
    )


@pytest.mark.parametrize(
    "text", ["1959/1950", "../..", "/", "", "1950/sometime", "1950/1951/1952", "1950-02-01/1950-01"]
)
def test_range_parse_rejects_bad_input_quoting_it(text: str) -> None:
    """Bad ranges (start after end, no end, bad sides) raise DateParseError quoting the input."""
    with pytest.raises(DateParseError) as info:
        DateRange.parse(text)
    assert text == info.value.text


def test_range_construction_rejects_start_after_end() -> None:
    """A DateRange whose start is after its end cannot be built."""
    with pytest.raises(DateParseError, match="after"):
        DateRange(start=pd(1959), end=pd(1950))


def test_range_construction_rejects_two_open_ends() -> None:
    """A DateRange needs a start or an end."""
    with pytest.raises(DateParseError, match="start or an end"):
        DateRange()


def test_range_allows_start_within_end() -> None:
    """A start that only begins inside the end's span is fine (start.earliest <= end.latest)."""
    expected = "1950-06/1950"
    assert expected == str(DateRange(start=pd(1950, 6), end=pd(1950)))


@pytest.mark.parametrize("text", ["1950-1959", "1950 /1959", "February 1950/1959", "1950"])
def test_range_from_edtf_is_strict(text: str) -> None:
    """DateRange.from_edtf accepts only EDTF intervals."""
    with pytest.raises(DateParseError) as info:
        DateRange.from_edtf(text)
    assert text == info.value.text


def test_open_range_bounds() -> None:
    """Open ends are datetime.date.min and datetime.date.max."""
    assert (datetime.date.min, datetime.date.max) == (
        DateRange.parse("../1959").earliest,
        DateRange.parse("1950/..").latest,
    )


def test_range_bounds() -> None:
    """A range runs from its start's earliest day to its end's latest day."""
    r = DateRange.parse("1950-02/1952-02")
    assert (datetime.date(1950, 2, 1), datetime.date(1952, 2, 29)) == (r.earliest, r.latest)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (pd(1955, 6), True),
        (pd(1950), True),
        (pd(1959, 12, 31), True),
        (pd(1960), False),
        (datetime.date(1949, 12, 31), False),
        (datetime.date(1950, 1, 1), True),
        (datetime.datetime(1959, 12, 31, 23, 59), True),
    ],
)
def test_range_contains(item: PartialDate | datetime.date, expected: bool) -> None:
    """A PartialDate or date is in a range when it lies wholly inside it."""
    assert expected == (item in DateRange.parse("1950/1959"))


def test_range_contains_needs_whole_date_inside() -> None:
    """A year that only partly lies in the range is not in it."""
    assert pd(1959) not in DateRange.parse("1950/1959-06")


def test_open_range_contains_everything_on_its_open_side() -> None:
    """An open end reaches to the first or last representable day."""
    assert pd(1, 1, 1) in DateRange.parse("../1959")


def test_range_contains_rejects_other_types() -> None:
    """Only a PartialDate or a date can be tested for membership."""
    with pytest.raises(TypeError):
        _ = "1955" in DateRange.parse("1950/1959")


def test_range_overlaps_and_within() -> None:
    """DateRange.overlaps/within use the same bound rules as PartialDate."""
    r = DateRange.parse("1950/1959")
    expected = (True, False, True)
    assert expected == (
        r.overlaps("1959-12", None),
        r.within("1951", None),
        r.within("1950", "1959"),
    )


def test_range_is_hashable() -> None:
    """Equal ranges are equal and hash alike."""
    assert {DateRange.parse("1950-1959")} == {DateRange.from_edtf("1950/1959")}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-1950", "signed years"),
        ("\u22121950", "signed years"),
        ("2/3/1950", "order is ambiguous"),
        ("02.03.1950", "order is ambiguous"),
        ("Tuesday, February 3, 1950", "that day was a Friday"),
        ("Monday, February 1950", "a weekday without a full date"),
        ("Monday 1950", "a weekday without a full date"),
        ("1950s", "not a date form this library reads"),
    ],
)
def test_fallback_refuses_to_guess(text: str, reason: str) -> None:
    """Signs, ambiguous numeric day/month orders and wrong weekdays are errors, not guesses."""
    with pytest.raises(DateParseError, match=reason) as info:
        PartialDate.parse(text)
    assert text == info.value.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, February 3, 1950", "1950-02-03"),
        ("27/12/1950", "1950-12-27"),
        ("3/3/1950", "1950-03-03"),
    ],
)
def test_fallback_reads_unambiguous_numbers_and_right_weekdays(text: str, expected: str) -> None:
    """A right weekday, a day over 12 or equal day and month leave nothing to guess."""
    assert expected == str(PartialDate.parse(text))


def test_reversed_bounds_say_so_in_edtf() -> None:
    """A period that ends before it starts is a DateParseError showing both bounds as EDTF."""
    with pytest.raises(DateParseError, match="'1959/1950': the period starts after it ends"):
        PartialDate(year=1955).overlaps("1959", "1950")


# -- hostile input the date reader must refuse (from the hostile-input review) -------------


@pytest.mark.xfail(
    strict=True,
    reason="dates.py: PartialDate.parse must turn dateutil's decimal.InvalidOperation "
    "(and any other dateutil error) into DateParseError",
)
def test_parse_of_an_overlong_timestamp_is_a_date_parse_error() -> None:
    """dateutil's own crash is no traceback: the library's error names the input."""
    with pytest.raises(DateParseError):
        PartialDate.parse("19970902090807197090209080710h")


@pytest.mark.xfail(
    strict=True,
    reason="dates.py: PartialDate.parse must refuse digits that are not ASCII (int() reads them)",
)
@pytest.mark.parametrize("text", ["١٩٥٠-٠٢", "１９５０", "1950\x00"])
def test_parse_refuses_non_ascii_digits_and_nul(text: str) -> None:
    """The archive writes ASCII digits; other scripts' digits and NUL are no date."""
    with pytest.raises(DateParseError):
        PartialDate.parse(text)


@pytest.mark.xfail(
    strict=True, reason="dates.py: PartialDate.from_edtf (strict EDTF) must refuse non-ASCII digits"
)
@pytest.mark.parametrize("text", ["١٩٥٠-٠٢", "１９５０"])
def test_strict_edtf_refuses_non_ascii_digits(text: str) -> None:
    """A file's EDTF date in Arabic-Indic or full-width digits is rewritten on save: refused."""
    with pytest.raises(DateParseError):
        PartialDate.from_edtf(text)


@pytest.mark.xfail(
    strict=True,
    reason="dates.py: DateRange.parse('1950 - ') must give an open range or DateParseError, not 1950/1950",
)
def test_range_with_a_missing_end_is_open_or_an_error() -> None:
    """'1950 - ' does not mean the year 1950 alone."""
    try:
        found = DateRange.parse("1950 - ")
    except DateParseError:
        return
    assert found.end is None


#: Characters dates are written with, and the look-alikes a hostile input brings.
_DATE_CHARACTERS = "0123456789 -/.,:~?%XuTZ+hdmys" + "١٩٥０１９²\x00\u2028\ufeff"


@given(st.text(_DATE_CHARACTERS, max_size=60))
def test_parse_of_date_like_text_raises_only_date_parse_error(text: str) -> None:
    """Digits, separators, qualifiers and look-alike digits in any order: a date or the
    library's error, nothing from dateutil or int()."""
    for read in (PartialDate.parse, PartialDate.from_edtf, DateRange.parse):
        with contextlib.suppress(DateParseError):
            read(text)  # type: ignore[operator]
