"""Tests for sinosoviet_docs.dates: the partial-date model, its EDTF form, bounds and ranges."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs import dates
from sinosoviet_docs.dates import DateRange, PartialDate, parse_date
from sinosoviet_docs.exceptions import DateParseError, UnsupportedDateError

from .strategies import any_dates, any_ranges


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


@given(any_dates())
def test_from_edtf_round_trips_str(date: PartialDate) -> None:
    """from_edtf(str(d)) gives d back for any valid date."""
    assert date == PartialDate.from_edtf(str(date))


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


@given(any_dates())
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


@given(st.lists(any_dates(), max_size=20))
def test_sorting_agrees_with_bounds(items: list[PartialDate]) -> None:
    """Sorting uses (earliest, latest), then the qualifiers."""
    expected = sorted(items, key=lambda d: (d.earliest, d.latest, d.approximate, d.uncertain))
    assert expected == sorted(items)


@given(any_dates(), any_dates())
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


@given(any_dates(), any_dates(), any_dates())
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


@given(any_ranges())
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
    """Open ends have no first or last day: earliest and latest are None."""
    assert (None, None) == (
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


def test_reversed_bounds_say_so_in_edtf() -> None:
    """A period that ends before it starts is a DateParseError showing both bounds as EDTF."""
    with pytest.raises(DateParseError, match="'1959/1950': the period starts after it ends"):
        PartialDate(year=1955).overlaps("1959", "1950")


# --- seasons, decades and centuries -------------------------------------------------


@pytest.mark.parametrize(
    ("date", "precision", "text", "earliest", "latest"),
    [
        (PartialDate(year=1950, span="decade"), "decade", "195X", "1950-01-01", "1959-12-31"),
        (PartialDate(year=1900, span="century"), "century", "19XX", "1900-01-01", "1999-12-31"),
        (PartialDate(year=1958, season="spring"), "season", "1958-21", "1958-03-01", "1958-05-31"),
        (PartialDate(year=1958, season="summer"), "season", "1958-22", "1958-06-01", "1958-08-31"),
        (PartialDate(year=1958, season="autumn"), "season", "1958-23", "1958-09-01", "1958-11-30"),
        (PartialDate(year=1958, season="winter"), "season", "1958-24", "1958-12-01", "1959-02-28"),
        (PartialDate(year=1955, season="winter"), "season", "1955-24", "1955-12-01", "1956-02-29"),
        (PartialDate(year=10, span="decade"), "decade", "001X", "0010-01-01", "0019-12-31"),
        (
            PartialDate(year=1950, span="decade", approximate=True),
            "decade",
            "195X~",
            "1950-01-01",
            "1959-12-31",
        ),
    ],
)
def test_coarse_precisions(
    date: PartialDate, precision: str, text: str, earliest: str, latest: str
) -> None:
    """Decades, centuries and (northern) seasons: their EDTF form and honest bounds."""
    assert (precision, text, earliest, latest) == (
        date.precision,
        str(date),
        date.earliest.isoformat(),
        date.latest.isoformat(),
    )


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"year": 1955, "span": "decade"}, "divisible by 10"),
        ({"year": 1950, "span": "century"}, "divisible by 100"),
        ({"year": 1950, "span": "year"}, "span must be"),
        ({"year": 1950, "month": 2, "span": "decade"}, "no month"),
        ({"year": 1958, "month": 3, "season": "spring"}, "a season has no month"),
        ({"year": 1958, "season": "monsoon"}, "season must be one of"),
        ({"year": 1900, "season": "spring", "span": "century"}, "no month or season"),
    ],
)
def test_impossible_coarse_dates_raise(kwargs: dict[str, object], reason: str) -> None:
    """A span must start on a round year and stands alone; a season has no month."""
    with pytest.raises(DateParseError, match=reason):
        PartialDate(**kwargs)  # type: ignore[arg-type]


def test_winter_9999_is_out_of_range() -> None:
    """Winter 9999 would end in February 10000, after the last year we hold."""
    with pytest.raises(UnsupportedDateError, match="10000"):
        PartialDate(year=9999, season="winter")


@pytest.mark.parametrize("year", [0, -5, 10000])
def test_years_out_of_range_are_unsupported(year: int) -> None:
    """Years outside 1-9999 raise UnsupportedDateError, a DateParseError that says why."""
    with pytest.raises(UnsupportedDateError, match="out of range"):
        PartialDate(year=year)


def test_repr_shows_season_and_span_only_when_set() -> None:
    """The repr of a plain date is unchanged; a season or span is shown when there is one."""
    expected = (
        "PartialDate(year=1950, month=None, day=None, approximate=False, uncertain=False)",
        "PartialDate(year=1958, month=None, day=None, approximate=False, uncertain=False, "
        "season='winter')",
    )
    assert expected == (repr(pd(1950)), repr(PartialDate(year=1958, season="winter")))


def test_coarse_dates_sort_by_their_bounds() -> None:
    """The 1950s sort after 1950 (same first day, later last day), winter after autumn."""
    items = [
        PartialDate(year=1958, season="winter"),
        PartialDate(year=1950, span="decade"),
        PartialDate(year=1958, season="autumn"),
        pd(1950),
        PartialDate(year=1900, span="century"),
    ]
    expected = ["19XX", "1950", "195X", "1958-23", "1958-24"]
    assert expected == [str(d) for d in sorted(items)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("195X", PartialDate(year=1950, span="decade")),
        ("19XX", PartialDate(year=1900, span="century")),
        ("1958-XX", pd(1958)),
        ("1958-XX-XX", pd(1958)),
        ("1958-06-XX", pd(1958, 6)),
        ("1958-21", PartialDate(year=1958, season="spring")),
        ("1958-24?", PartialDate(year=1958, season="winter", uncertain=True)),
        ("2011-11-20T10:10:10Z", pd(2011, 11, 20)),
        ("1985-04-12T23:20:30+04:30", pd(1985, 4, 12)),
        ("1985-04-12T23:20:30-04", pd(1985, 4, 12)),
    ],
)
def test_from_edtf_reads_level_1(text: str, expected: PartialDate) -> None:
    """from_edtf reads unspecified digits, seasons and (dropping the time) datetimes."""
    assert expected == PartialDate.from_edtf(text)


@pytest.mark.parametrize(
    ("text", "error", "reason"),
    [
        ("201X-05", DateParseError, "cannot have a month"),
        ("1985-XX-03", DateParseError, "rightmost"),
        ("1958-21-03", DateParseError, "month 21 is out of range"),
        ("1958-25", DateParseError, "month 25 is out of range"),
        ("1958-XXT10:10:10", DateParseError, "needs a full date"),
        ("1958-01-01T24:00:00", DateParseError, "no such time of day"),
        ("1958-01-01T10:00:00+25", DateParseError, "no such time zone"),
        ("1958-01-01T10:00:00~", DateParseError, "qualifier cannot follow a time"),
        ("-1985", UnsupportedDateError, "signed years"),
        ("0000", UnsupportedDateError, "year 0 is out of range"),
        ("000X", UnsupportedDateError, "year 0 is out of range"),
        ("Y170000002", UnsupportedDateError, "Y-prefixed"),
        ("Y-17E7", UnsupportedDateError, "Y-prefixed"),
    ],
)
def test_from_edtf_refuses_saying_why(text: str, error: type[DateParseError], reason: str) -> None:
    """Malformed level-1 forms are DateParseErrors; negative, 0 and Y-prefixed years are
    UnsupportedDateErrors (out of scope on purpose, not malformed)."""
    with pytest.raises(DateParseError, match=reason) as info:
        PartialDate.from_edtf(text)
    assert (text, error) == (info.value.text, type(info.value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "195X/196X",
            DateRange(
                start=dates.PartialDate(year=1950, span="decade"),
                end=dates.PartialDate(year=1960, span="decade"),
            ),
        ),
        (
            "1958-21/1958-23",
            DateRange(
                start=PartialDate(year=1958, season="spring"),
                end=PartialDate(year=1958, season="autumn"),
            ),
        ),
        ("1984?/2004-06-XX", DateRange(start=pd(1984, uncertain=True), end=pd(2004, 6))),
        ("../195X", DateRange(end=PartialDate(year=1950, span="decade"))),
    ],
)
def test_range_from_edtf_reads_level_1_sides(text: str, expected: DateRange) -> None:
    """Each side of an EDTF interval may be any level 0/1 date."""
    assert expected == DateRange.from_edtf(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[undated]", None),
        ("n.d.", None),
        ("  Undated ", None),
        ("1950-1953", DateRange(start=pd(1950), end=pd(1953))),
        ("../1953", DateRange(end=pd(1953))),
        ("02/1950", pd(1950, 2)),
        ("the early 1950s", PartialDate(year=1950, span="decade")),
        ("June 1950", pd(1950, 6)),
    ],
)
def test_parse_date_reads_any_form(text: str, expected: PartialDate | DateRange | None) -> None:
    """parse_date: None for an undated source, a DateRange for a range, else a PartialDate."""
    assert expected == parse_date(text)


def test_parse_date_keeps_the_range_error() -> None:
    """A bad range is reported as a range, not as a failed single date."""
    with pytest.raises(DateParseError, match="start 1959 is after") as info:
        parse_date("1959/1950")
    assert "1959/1950" == info.value.text


# --- ranges as documents' dates: printed form, strict reading, years -----------------


@given(any_ranges())
def test_range_display_reads_back(date_range: DateRange) -> None:
    """A range's printed form reads back equal, as a range and through parse_date."""
    printed = date_range.display()
    assert (date_range, date_range) == (DateRange.parse(printed), parse_date(printed))


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("1950/1953", "1950–1953"),
        ("195X/196X", "1950s–1960s"),
        ("1958-21/1958-23", "Spring 1958 – Autumn 1958"),
        ("1950-02-03/1950-06~", "February 3, 1950 – circa June 1950"),
        ("../1959", "–1959"),
        ("1950?/..", "1950 (?) –"),
    ],
)
def test_range_display(text: str, printed: str) -> None:
    """Ends print as the archive prints dates; an open end is left empty."""
    assert printed == DateRange.from_edtf(text).display()


@given(any_dates() | any_ranges())
def test_parse_edtf_reads_str_back(date: PartialDate | DateRange) -> None:
    """The one strict reader of a document's date reads every date's and range's str()."""
    assert date == dates.parse_edtf(str(date))


@pytest.mark.parametrize("text", ["1950/1953/1955", "1950-1953", "February 1950", "/"])
def test_parse_edtf_is_strict(text: str) -> None:
    """parse_edtf takes only EDTF: no printed forms, no archive ranges."""
    with pytest.raises(DateParseError):
        dates.parse_edtf(text)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1958-06-02", (1958, 1958)),
        ("195X", (1950, 1950)),
        ("1955-24", (1955, 1955)),
        ("1950/1953", (1950, 1953)),
        ("1950-02/1950-06", (1950, 1950)),
        ("1950/..", None),
        ("../1953", None),
    ],
)
def test_years_of(text: str, years: tuple[int, int] | None) -> None:
    """A date gives its EDTF year; a closed range its ends' years; an open one none."""
    assert years == dates.years_of(dates.parse_edtf(text))
    assert dates.years_of(None) is None


# -- hostile input the date reader must refuse (from the hostile-input review) -------------


def test_parse_of_an_overlong_timestamp_is_a_date_parse_error() -> None:
    """dateutil's own crash is no traceback: the library's error names the input."""
    with pytest.raises(DateParseError):
        PartialDate.parse("19970902090807197090209080710h")


@pytest.mark.parametrize("text", ["١٩٥٠-٠٢", "１９５０", "1950\x00"])
def test_parse_refuses_non_ascii_digits_and_nul(text: str) -> None:
    """The archive writes ASCII digits; other scripts' digits and NUL are no date."""
    with pytest.raises(DateParseError):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["١٩٥٠-٠٢", "１９５０"])
def test_strict_edtf_refuses_non_ascii_digits(text: str) -> None:
    """A file's EDTF date in Arabic-Indic or full-width digits is rewritten on save: refused."""
    with pytest.raises(DateParseError):
        PartialDate.from_edtf(text)


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


@pytest.mark.parametrize(
    "text", ["١٩٥٠-٠٢", "１９５０", "1950-０２", "195٠/1959", "1950\x00", "19X٥"]
)
def test_from_edtf_reads_only_ascii_digits(text: str) -> None:
    with pytest.raises(DateParseError):
        PartialDate.from_edtf(text) if "/" not in text else DateRange.from_edtf(text)


def test_a_long_bad_range_side_is_quoted_short() -> None:
    side = "y" * 500
    with pytest.raises(DateParseError) as caught:
        DateRange.parse(f"1950/{side}")
    assert len(str(caught.value)) < 300
    assert caught.value.reason.startswith("bad end 'yyyy")
    assert "'... (500 characters)" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950 - ", DateRange(start=pd(1950))),
        ("1950 -", DateRange(start=pd(1950))),
        (" - 1959", DateRange(end=pd(1959))),
        ("February 1950 - ", DateRange(start=pd(1950, 2))),
    ],
)
def test_range_with_a_dash_and_one_side_is_open(text: str, expected: DateRange) -> None:
    assert DateRange.parse(text) == expected
    assert parse_date(text) == expected
