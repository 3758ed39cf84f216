"""Queries: date filters with partial dates, collections, predicates, laziness."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd

from .strategies import catalogues, partial_dates


def _cat(*dates: str | None) -> ssd.Catalogue:
    return ssd.Catalogue(
        documents=[
            ssd.Document(
                id=f"d{i}", title=f"T{i}", date=None if d is None else ssd.PartialDate.parse(d)
            )
            for i, d in enumerate(dates)
        ]
    )


def test_month_overlaps_but_is_not_within_days() -> None:
    """'February 1950' overlaps 10-20 February 1950 but is not within it."""
    cat = _cat("February 1950")
    assert ["d0"] == cat.query().between("1950-02-10", "1950-02-20").ids()
    assert [] == cat.query().between("1950-02-10", "1950-02-20", mode="within").ids()


def test_undated_matches_no_date_filter() -> None:
    """An undated document is never in a date range, however wide."""
    assert [] == _cat(None).query().between(None, None).ids()


def test_open_ends() -> None:
    """A None bound leaves that end open."""
    cat = _cat("1949", "1951")
    assert ["d1"] == cat.query().between("1950", None).ids()
    assert ["d0"] == cat.query().between(None, "1950").ids()


def test_bounds_of_several_kinds() -> None:
    """Bounds may be strings, PartialDates, DateRanges or datetime.dates."""
    cat = _cat("1950-02-15")
    assert 1 == len(cat.query().between(datetime.date(1950, 2, 15), ssd.PartialDate(year=1950)))
    assert 1 == len(cat.query().between("1950/1951"))


def test_bad_bound_raises_at_once() -> None:
    """A bad date string raises DateParseError when the filter is made."""
    with pytest.raises(ssd.DateParseError):
        _cat().query().between("1950-13")


def test_start_after_end_raises() -> None:
    """A period that ends before it starts is an error."""
    with pytest.raises(ValueError, match="after"):
        _cat().query().between("1951", "1950")


def test_unknown_mode_raises() -> None:
    """Only 'overlaps' and 'within' are modes."""
    with pytest.raises(ValueError, match="mode"):
        _cat().query().between("1950", "1951", mode="inside")  # type: ignore[arg-type]


@given(
    catalogues(),
    partial_dates(min_year=1900, max_year=2000),
    partial_dates(min_year=1900, max_year=2000),
    st.sampled_from(["overlaps", "within"]),
)
def test_between_matches_brute_force(
    cat: ssd.Catalogue, a: ssd.PartialDate, b: ssd.PartialDate, mode: str
) -> None:
    """between() keeps exactly the documents a scan of possible days keeps, in order."""
    lo, hi = (a, b) if a.earliest <= b.latest else (b, a)
    if mode == "within":
        expected = [
            d.id
            for d in cat
            if d.date and lo.earliest <= d.date.earliest and d.date.latest <= hi.latest
        ]
    else:
        expected = [
            d.id
            for d in cat
            if d.date and d.date.earliest <= hi.latest and d.date.latest >= lo.earliest
        ]
    assert expected == cat.query().between(lo, hi, mode=mode).ids()  # type: ignore[arg-type]


def test_in_collection_and_where(bundled: ssd.Catalogue) -> None:
    """Filters chain: collection, then a predicate."""
    q = (
        bundled.query()
        .in_collection("sino-soviet-alliance-1950-1959")
        .where(lambda d: d.record_id is not None)
    )
    assert [
        d.id for d in bundled if "sino-soviet-alliance-1950-1959" in d.collections and d.record_id
    ] == q.ids()


def test_unknown_collection_raises_at_once(bundled: ssd.Catalogue) -> None:
    """An unknown collection is reported when the filter is made."""
    with pytest.raises(ssd.CollectionNotFoundError):
        bundled.query().in_collection("nope")


def test_queries_are_immutable(bundled: ssd.Catalogue) -> None:
    """Chaining returns a new query and leaves the first as it was."""
    q = bundled.query()
    narrowed = q.between("1952", "1952")
    assert len(bundled) == len(q)
    assert 1 == len(narrowed)


def test_queries_are_lazy() -> None:
    """A predicate runs only when the query is iterated."""
    calls: list[str] = []

    def spy(doc: ssd.Document) -> bool:
        calls.append(doc.id)
        return True

    q = _cat("1950").query().where(spy)
    assert [] == calls
    assert "d0" == (q.first() or ssd.Document(id="x", title="x")).id
    assert ["d0"] == calls


def test_first_of_nothing_is_none() -> None:
    """first() of an empty result is None."""
    assert _cat().query().first() is None


def test_repr_shows_the_chain(bundled: ssd.Catalogue) -> None:
    """A query's repr says which filters it holds."""
    q = bundled.query().between("1950", None)
    assert "<Query query().between('1950', None, mode='overlaps')>" == repr(q)
