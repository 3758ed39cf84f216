"""Tests for sinosoviet_docs._dateparse: the lenient reader behind PartialDate.parse."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs
from sinosoviet_docs import _dateparse
from sinosoviet_docs.dates import DateRange, PartialDate
from sinosoviet_docs.exceptions import DateParseError, UnsupportedDateError

from .strategies import any_dates
from .test_dates import pd


@pytest.fixture
def dateutil_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every input that reaches the dateutil fallback."""
    calls: list[str] = []
    real: Callable[[str, str], PartialDate] = _dateparse._parse_with_dateutil

    def counting(text: str, s: str) -> PartialDate:
        calls.append(text)
        return real(text, s)

    monkeypatch.setattr(_dateparse, "_parse_with_dateutil", counting)
    return calls


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


def test_only_the_date_parser_imports_dateutil() -> None:
    """No module of the package but the date parser names dateutil in an import."""
    package = Path(sinosoviet_docs.__file__).parent
    importers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"^\s*(import|from)\s+dateutil", path.read_text("utf-8"), re.MULTILINE)
    )
    assert ["_dateparse.py"] == importers


def test_importing_dates_does_not_import_dateutil() -> None:
    """Importing the dates module leaves dateutil unimported until a fallback needs it."""
    code = "import sys, sinosoviet_docs.dates; print('dateutil' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    expected = "False"
    assert expected == result.stdout.strip()


@given(any_dates())
def test_parse_round_trips_str(date: PartialDate) -> None:
    """parse(str(d)) gives d back for any valid date."""
    assert date == PartialDate.parse(str(date))


@given(any_dates(qualified=False), st.booleans())
def test_parse_round_trips_display_unqualified(date: PartialDate, pad_day: bool) -> None:
    """parse(d.display()) gives d back for unqualified dates, padded or not."""
    assert date == PartialDate.parse(date.display(pad_day=pad_day))


@given(any_dates())
def test_parse_round_trips_display_qualified(date: PartialDate) -> None:
    """parse(d.display()) also keeps the 'circa' and '(?)' qualifiers."""
    assert date == PartialDate.parse(date.display())


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950s", PartialDate(year=1950, span="decade")),
        ("1950's", PartialDate(year=1950, span="decade")),
        ("the 1950s", PartialDate(year=1950, span="decade")),
        ("the early 1950s", PartialDate(year=1950, span="decade")),
        ("late 1950s", PartialDate(year=1950, span="decade")),
        ("circa the 1950s", PartialDate(year=1950, span="decade", approximate=True)),
        ("20th century", PartialDate(year=1900, span="century")),
        ("the 20th-century", PartialDate(year=1900, span="century")),
        ("Spring 1958", PartialDate(year=1958, season="spring")),
        ("autumn, 1958", PartialDate(year=1958, season="autumn")),
        ("Fall of 1958", PartialDate(year=1958, season="autumn")),
        ("early winter 1958", PartialDate(year=1958, season="winter")),
        ("Winter 1958 (?)", PartialDate(year=1958, season="winter", uncertain=True)),
        ("circa 1950", pd(1950, approximate=True)),
        ("ca. June 1950", pd(1950, 6, approximate=True)),
        ("late 1956", pd(1956)),
        ("mid-1956", pd(1956)),
        ("early June 1950", pd(1950, 6)),
        ("195X", PartialDate(year=1950, span="decade")),
        ("1958-21", PartialDate(year=1958, season="spring")),
        ("2011-11-20T10:10:10Z", pd(2011, 11, 20)),
    ],
)
def test_parse_printed_coarse_forms(text: str, expected: PartialDate) -> None:
    """Decades, centuries and seasons as printed; early/mid/late keep the whole period."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    "text", ["1950s", "the early 1950s", "Spring 1958", "20th century", "195X", "1958-24"]
)
def test_coarse_forms_do_not_reach_dateutil(text: str, dateutil_calls: list[str]) -> None:
    """Decades, centuries and seasons are read by the fast patterns, not by dateutil."""
    PartialDate.parse(text)
    expected: list[str] = []
    assert expected == dateutil_calls


@pytest.mark.parametrize("text", ["[undated]", "n.d.", "Undated", "[n.d.]", "no date"])
def test_undated_is_not_a_date(text: str) -> None:
    """PartialDate.parse refuses an 'undated' mark and points to parse_date, which gives None."""
    with pytest.raises(DateParseError, match="undated") as info:
        PartialDate.parse(text)
    assert text == info.value.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950-1953", DateRange(start=pd(1950), end=pd(1953))),
        (
            "Spring 1958 - Autumn 1958",
            DateRange(
                start=PartialDate(year=1958, season="spring"),
                end=PartialDate(year=1958, season="autumn"),
            ),
        ),
        (
            "1950s/1960s",
            DateRange(
                start=PartialDate(year=1950, span="decade"),
                end=PartialDate(year=1960, span="decade"),
            ),
        ),
    ],
)
def test_range_parse_printed_coarse_sides(text: str, expected: DateRange) -> None:
    """Range sides may be printed decades or seasons."""
    assert expected == DateRange.parse(text)


@pytest.mark.parametrize("text", ["1st century", "0000s", "Spring 0000"])
def test_printed_year_zero_is_unsupported(text: str) -> None:
    """A printed form that comes to year 0 is refused as out of scope, quoting the input."""
    with pytest.raises(UnsupportedDateError) as info:
        PartialDate.parse(text)
    assert text == info.value.text


@pytest.mark.parametrize(
    "text",
    ["19970902090807197090209080710h", "1997090209080719709020908071", "99999999999999999999h"],
)
def test_digit_runs_that_break_dateutil_are_a_date_parse_error(text: str) -> None:
    with pytest.raises(DateParseError, match="not a date form"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("١٩٥٠-٠٢", "a digit other than 0-9 ('١') at position 1"),
        ("１９５０", "a digit other than 0-9 ('１') at position 1"),
        ("December ２７, 1952", "a digit other than 0-9 ('２') at position 10"),
        ("1950\x00", "a control character ('\\x00') at position 5"),
        ("Feb\x001950", "a control character ('\\x00') at position 4"),
    ],
)
def test_parse_reads_only_ascii_digits_and_no_control_characters(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as caught:
        PartialDate.parse(text)
    assert caught.value.reason == reason
    assert caught.value.text == text


def test_a_huge_bad_date_is_quoted_short_but_kept_whole() -> None:
    text = "x" * 10_000_000
    with pytest.raises(DateParseError) as caught:
        PartialDate.parse(text)
    assert caught.value.text is text
    message = str(caught.value)
    assert len(message) < 200
    assert message.startswith("cannot read date 'xxxx")
    assert "'... (10000000 characters): too long" in message
