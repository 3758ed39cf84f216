"""The EDTF specification's examples, read by our readers and checked by an independent one.

Source of the example strings: the Library of Congress, "Extended Date/Time
Format (EDTF) Specification", February 4, 2019
(https://www.loc.gov/standards/datetime/), the examples it gives for each
feature of levels 0, 1 and 2. Each row says what this library does with the
string: ``read`` (with the first and last day it stands for, ``None`` for an
open or unknown end), ``refused`` (out of scope on purpose: signed years, year
0, Y-prefixed years; :class:`UnsupportedDateError`) or ``unsupported`` (not
read yet; a plain :class:`DateParseError`). docs/dates.md reports the counts.

The ``edtf`` package, when installed (it is in the ``test`` extra), reads what
we write and must agree on the bounds.
"""

from __future__ import annotations

import datetime
from typing import Literal

import attrs
import pytest
from hypothesis import given

from sinosoviet_docs.dates import DateRange, PartialDate
from sinosoviet_docs.exceptions import DateParseError, UnsupportedDateError

from .strategies import any_dates

Outcome = Literal["read", "refused", "unsupported"]
Row = tuple[int, str, str, Outcome, str | None, str | None]

#: (level, feature, example, outcome, earliest, latest)
SPEC_EXAMPLES: list[Row] = [
    (0, "date", "1985-04-12", "read", "1985-04-12", "1985-04-12"),
    (0, "date", "1985-04", "read", "1985-04-01", "1985-04-30"),
    (0, "date", "1985", "read", "1985-01-01", "1985-12-31"),
    (0, "date and time", "1985-04-12T23:20:30", "read", "1985-04-12", "1985-04-12"),
    (0, "date and time", "1985-04-12T23:20:30Z", "read", "1985-04-12", "1985-04-12"),
    (0, "date and time", "1985-04-12T23:20:30-04", "read", "1985-04-12", "1985-04-12"),
    (0, "date and time", "1985-04-12T23:20:30+04:30", "read", "1985-04-12", "1985-04-12"),
    (0, "interval", "1964/2008", "read", "1964-01-01", "2008-12-31"),
    (0, "interval", "2004-06/2006-08", "read", "2004-06-01", "2006-08-31"),
    (0, "interval", "2004-02-01/2005-02-08", "read", "2004-02-01", "2005-02-08"),
    (0, "interval", "2004-02-01/2005-02", "read", "2004-02-01", "2005-02-28"),
    (0, "interval", "2004-02-01/2005", "read", "2004-02-01", "2005-12-31"),
    (0, "interval", "2005/2006-02", "read", "2005-01-01", "2006-02-28"),
    (1, "letter-prefixed year", "Y170000002", "refused", None, None),
    (1, "letter-prefixed year", "Y-170000002", "refused", None, None),
    (1, "season", "2001-21", "read", "2001-03-01", "2001-05-31"),
    (1, "qualification", "1984?", "read", "1984-01-01", "1984-12-31"),
    (1, "qualification", "2004-06~", "read", "2004-06-01", "2004-06-30"),
    (1, "qualification", "2004-06-11%", "read", "2004-06-11", "2004-06-11"),
    (1, "unspecified digits", "201X", "read", "2010-01-01", "2019-12-31"),
    (1, "unspecified digits", "20XX", "read", "2000-01-01", "2099-12-31"),
    (1, "unspecified digits", "2004-XX", "read", "2004-01-01", "2004-12-31"),
    (1, "unspecified digits", "1985-04-XX", "read", "1985-04-01", "1985-04-30"),
    (1, "unspecified digits", "1985-XX-XX", "read", "1985-01-01", "1985-12-31"),
    (1, "extended interval", "1985-04-12/..", "read", "1985-04-12", None),
    (1, "extended interval", "1985-04/..", "read", "1985-04-01", None),
    (1, "extended interval", "1985/..", "read", "1985-01-01", None),
    (1, "extended interval", "../1985-04-12", "read", None, "1985-04-12"),
    (1, "extended interval", "../1985-04", "read", None, "1985-04-30"),
    (1, "extended interval", "../1985", "read", None, "1985-12-31"),
    (1, "extended interval", "1985-04-12/", "read", "1985-04-12", None),
    (1, "extended interval", "1985-04/", "read", "1985-04-01", None),
    (1, "extended interval", "1985/", "read", "1985-01-01", None),
    (1, "extended interval", "/1985-04-12", "read", None, "1985-04-12"),
    (1, "extended interval", "/1985-04", "read", None, "1985-04-30"),
    (1, "extended interval", "/1985", "read", None, "1985-12-31"),
    (1, "negative year", "-1985", "refused", None, None),
    (2, "exponential year", "Y-17E7", "refused", None, None),
    (2, "significant digits", "1950S2", "unsupported", None, None),
    (2, "significant digits", "Y171010000S3", "refused", None, None),
    (2, "significant digits", "Y3388E2S3", "refused", None, None),
    (2, "sub-year grouping", "2001-34", "unsupported", None, None),
    (2, "set", "[1667,1668,1670..1672]", "unsupported", None, None),
    (2, "set", "[..1760-12-03]", "unsupported", None, None),
    (2, "set", "[1760-12..]", "unsupported", None, None),
    (2, "set", "[1760-01,1760-02,1760-12..]", "unsupported", None, None),
    (2, "set", "[1667,1760-12]", "unsupported", None, None),
    (2, "set", "[..1984]", "unsupported", None, None),
    (2, "set", "{1667,1668,1670..1672}", "unsupported", None, None),
    (2, "set", "{1960,1961-12}", "unsupported", None, None),
    (2, "set", "{..1984}", "unsupported", None, None),
    (2, "component qualification", "2004?-06-11", "unsupported", None, None),
    (2, "component qualification", "2004-06~-11", "unsupported", None, None),
    (2, "component qualification", "?2004-06-~11", "unsupported", None, None),
    (2, "component qualification", "2004-%06-11", "unsupported", None, None),
    (2, "unspecified digits", "156X-12-25", "unsupported", None, None),
    (2, "unspecified digits", "15XX-12-25", "unsupported", None, None),
    (2, "unspecified digits", "XXXX-12-XX", "unsupported", None, None),
    (2, "unspecified digits", "1XXX-XX", "unsupported", None, None),
    (2, "unspecified digits", "1XXX-12", "unsupported", None, None),
    (2, "unspecified digits", "1984-1X", "unsupported", None, None),
    (2, "interval", "2004-06-~01/2004-06-~20", "unsupported", None, None),
    (2, "interval", "2004-06-XX/2004-07-03", "read", "2004-06-01", "2004-07-03"),
]


def _strict(text: str) -> PartialDate | DateRange:
    return DateRange.from_edtf(text) if "/" in text else PartialDate.from_edtf(text)


def _lenient(text: str) -> PartialDate | DateRange:
    return DateRange.parse(text) if "/" in text else PartialDate.parse(text)


def _bounds(value: PartialDate | DateRange) -> tuple[str | None, str | None]:
    earliest, latest = value.earliest, value.latest
    return (
        None if earliest is None else earliest.isoformat(),
        None if latest is None else latest.isoformat(),
    )


def _ids(row: Row) -> str:
    return f"L{row[0]}-{row[2]}"


READ = [row for row in SPEC_EXAMPLES if row[3] == "read"]


@pytest.mark.parametrize("reader", [_strict, _lenient], ids=["from_edtf", "parse"])
@pytest.mark.parametrize("row", SPEC_EXAMPLES, ids=_ids)
def test_spec_example(row: Row, reader: object) -> None:
    """Both readers read each example to its days, or refuse it as the table says."""
    _, _, text, outcome, earliest, latest = row
    assert callable(reader)
    if outcome == "read":
        assert (earliest, latest) == _bounds(reader(text))
        return
    with pytest.raises(DateParseError) as info:
        reader(text)
    assert text == info.value.text
    assert (outcome == "refused") == isinstance(info.value, UnsupportedDateError)


@pytest.mark.parametrize("row", READ, ids=_ids)
def test_spec_example_round_trips(row: Row) -> None:
    """What we write for an example reads back equal, by both readers."""
    value = _strict(row[2])
    assert (value, value) == (_strict(str(value)), _lenient(str(value)))


# --- the edtf package as an independent reader ------------------------------------


def _edtf_days(text: str) -> tuple[datetime.date, datetime.date]:
    edtf = pytest.importorskip("edtf")
    parsed = edtf.parse_edtf(text)
    first = edtf.struct_time_to_date(parsed.lower_strict())
    last = edtf.struct_time_to_date(parsed.upper_strict())
    return first, last


@given(any_dates())
def test_edtf_package_reads_what_we_write(date: PartialDate) -> None:
    """The edtf package reads str(d) to d's first day, and to its last one but for winter.

    edtf 5 ends every winter on 31 December; we end it with February of the
    next year, so there edtf's last day is only required to fall inside ours.
    edtf 5 does not read a qualified season ("1958-21?"), so a season is given
    to it without its qualifier, which does not change the bounds.
    """
    plain = attrs.evolve(date, approximate=False, uncertain=False)
    first, last = _edtf_days(str(plain if date.season else date))
    assert date.earliest == first
    if date.season == "winter":
        assert date.earliest <= last <= date.latest
    else:
        assert date.latest == last


@pytest.mark.parametrize("row", READ, ids=_ids)
def test_edtf_package_agrees_on_each_side(row: Row) -> None:
    """Each end we read from a spec example is where the edtf package puts it."""
    value = _strict(row[2])
    ends = [value] if isinstance(value, PartialDate) else [value.start, value.end]
    for end in ends:
        if end is not None:
            assert (end.earliest, end.latest) == _edtf_days(str(end))
