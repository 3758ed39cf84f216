"""The library's exceptions: what they carry and how much of the input they quote."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.exceptions import QUOTE_LIMIT, CollectionConflictError


def test_argument_type_error_is_a_type_error_of_the_library() -> None:
    """It carries the argument's name, what it takes and what it got."""
    error = ssd.ArgumentTypeError("paths", "an iterable of paths", "abc")
    assert isinstance(error, TypeError)
    assert isinstance(error, ssd.SinosovietDocsError)
    assert ("paths", "an iterable of paths", "abc") == (error.argument, error.expected, error.value)
    assert "paths: expected an iterable of paths, found str 'abc'" == str(error)


def test_argument_type_error_cuts_a_long_value() -> None:
    """A huge value is shown by its start only."""
    assert len(str(ssd.ArgumentTypeError("x", "y", ["z"] * 10_000))) < 80


def test_a_ten_megabyte_bad_date_is_quoted_by_its_start() -> None:
    """The message quotes about 80 characters and says how long the input was."""
    error = ssd.DateParseError("x" * 10_000_000, "no date")
    assert len(str(error)) < QUOTE_LIMIT + 60
    assert "(10000000 characters)" in str(error)
    assert 10_000_000 == len(error.text)  # the input itself stays whole


def test_short_dates_are_quoted_whole() -> None:
    """Up to the limit nothing changes."""
    assert "cannot read date 'May 1950x': no" == str(ssd.DateParseError("May 1950x", "no"))


def test_collection_conflict_is_a_merge_conflict() -> None:
    """A collection's disagreement is caught as a MergeConflictError, its slug carried."""
    error = CollectionConflictError("c", "title", ("A", "B"))
    assert isinstance(error, ssd.MergeConflictError)
    assert ("c", "c", "title", ("A", "B")) == (
        error.slug,
        error.document_id,
        error.field,
        error.values,
    )
    with pytest.raises(ssd.MergeConflictError, match=r"^collection 'c'"):
        raise error
