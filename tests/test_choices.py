"""Choices named once, in a Literal: the check and its message."""

from __future__ import annotations

from typing import Literal

import pytest

from sinosoviet_docs._choices import check_choice, choices

Two = Literal["year", "month"]
Three = Literal["date", "-date", "title"]


def test_choices_are_the_literal_values_in_order() -> None:
    """The allowed values come from the Literal itself, in its order."""
    assert ("date", "-date", "title") == choices(Three)


def test_an_allowed_value_passes() -> None:
    """A value of the Literal raises nothing."""
    check_choice("unit", "month", Two)


@pytest.mark.parametrize(
    ("literal", "message"),
    [
        (Two, "unit must be 'year' or 'month', not 'week'"),
        (Three, "unit must be one of date, -date, title; not 'week'"),
    ],
)
def test_a_value_outside_raises_naming_the_choices(literal: object, message: str) -> None:
    """Two choices read as 'a' or 'b'; more as a list."""
    with pytest.raises(ValueError, match="unit must be") as info:
        check_choice("unit", "week", literal)
    assert message == str(info.value)
