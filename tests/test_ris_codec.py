"""The RIS date codec: what the writer formats, the reader parses back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs._ris import format_date, parse_date
from sinosoviet_docs.dates import PartialDate

from .strategies import partial_dates


@pytest.mark.parametrize("precision", ["year", "month", "day"])
@given(data=st.data())
def test_format_then_parse_gives_the_same_date(precision: str, data: st.DataObject) -> None:
    """Formatting a date and parsing the text back gives the same PartialDate, qualifiers and all."""
    date = data.draw(partial_dates().filter(lambda d: d.precision == precision))
    assert date == parse_date(format_date(date), record=1, line=1, source="<test>")


def test_unknown_parts_stay_empty() -> None:
    """A month date is written with an empty day, and that empty day reads back as unknown."""
    text = format_date(PartialDate(year=1950, month=2))
    assert ("1950/02//", None) == (text, parse_date(text, record=1, line=1, source="<t>").day)
