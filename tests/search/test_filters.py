"""Indexed filters: value fields, dates, people, as brute-force scans."""

from __future__ import annotations

import datetime
import json
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd

from ..strategies import (
    SEARCH_LANGUAGES,
    SEARCH_PEOPLE,
    SEARCH_PLACES,
    SEARCH_TOPICS,
    SEARCH_TYPES,
    dates_at_edges,
    edge_catalogues,
    own_bounds,
    partial_dates,
    searchable_catalogues,
)
from .brute import tokenize


def _fold(value: str) -> str:
    """A value folded by the test's own tokenizer, its words joined by spaces."""
    return " ".join(tokenize(value))


def _folded_in(value: str, values: tuple[str, ...]) -> bool:
    return _fold(value) in {_fold(v) for v in values}


_PLACES = json.loads((files("sinosoviet_docs") / "data" / "places.json").read_text("utf-8"))


def _place_forms(value: str) -> tuple[str, ...]:
    """``value`` and, when one place of places.json (read here) has it, every form of it."""

    def forms(place: dict[str, Any]) -> tuple[str, ...]:
        return (place["name"], *place["spellings"], *place.get("misspellings", ()))

    holders = [p for p in _PLACES["places"] if _fold(value) in {_fold(f) for f in forms(p)}]
    return (value, *forms(holders[0])) if len(holders) == 1 else (value,)


@given(searchable_catalogues(), st.sampled_from(SEARCH_TYPES))
def test_of_type_matches_brute_force(cat: ssd.Catalogue, value: str) -> None:
    """of_type keeps the documents whose type folds to the same words."""
    expected = [d.id for d in cat if d.type is not None and _folded_in(value, (d.type,))]
    assert expected == cat.query().of_type(value).ids()


@given(searchable_catalogues(), st.sampled_from(SEARCH_TOPICS))
def test_about_matches_brute_force(cat: ssd.Catalogue, value: str) -> None:
    """about keeps the documents with that topic."""
    assert [d.id for d in cat if _folded_in(value, d.topics)] == cat.query().about(value).ids()


@given(searchable_catalogues(), st.sampled_from(SEARCH_PLACES))
def test_at_matches_brute_force(cat: ssd.Catalogue, value: str) -> None:
    """at keeps the documents with that place or any of its other names."""
    names = _place_forms(value)
    expected = [d.id for d in cat if any(_folded_in(n, d.places) for n in names)]
    assert expected == cat.query().at(value).ids()


@given(searchable_catalogues(), st.sampled_from(SEARCH_LANGUAGES))
def test_in_language_matches_brute_force(cat: ssd.Catalogue, value: str) -> None:
    """in_language keeps the documents in that language."""
    expected = [d.id for d in cat if _folded_in(value, d.languages)]
    assert expected == cat.query().in_language(value).ids()


@given(searchable_catalogues(), st.sampled_from(["alliance", "split", "border"]))
def test_in_collection_matches_brute_force(cat: ssd.Catalogue, slug: str) -> None:
    """in_collection through the index keeps what a scan keeps."""
    assert [d.id for d in cat if slug in d.collections] == cat.query().in_collection(slug).ids()


@given(
    searchable_catalogues(),
    st.lists(
        st.tuples(
            partial_dates(min_year=1948, max_year=1962),
            partial_dates(min_year=1948, max_year=1962),
            st.sampled_from(["overlaps", "within"]),
        ),
        min_size=2,
        max_size=3,
    ),
)
def test_several_date_ranges_match_brute_force(
    cat: ssd.Catalogue, ranges: list[tuple[ssd.PartialDate, ssd.PartialDate, str]]
) -> None:
    """Date ranges intersected through the index keep what a scan of the days, reckoned by
    the test, keeps."""
    q = cat.query()
    periods = []
    for a, b, mode in ranges:
        lo, hi = (a, b) if own_bounds(a)[0] <= own_bounds(b)[1] else (b, a)
        q = q.between(lo, hi, mode=mode)  # type: ignore[arg-type]
        periods.append((own_bounds(lo)[0], own_bounds(hi)[1], mode))
    expected = [d.id for d in cat if all(_kept_by_period(d, *period) for period in periods)]
    assert expected == q.ids()


def test_wide_date_range_narrows_a_long_person_list() -> None:
    """A person in many documents, narrowed by a range: only the documents of the range."""
    docs = [
        ssd.Document(
            id=f"d{i:03d}",
            title="Report",
            people=("Mao Zedong",),
            date=ssd.PartialDate(year=1950 + i // 12, month=1 + i % 12)
            if i % 5
            else ssd.PartialDate(year=1950 + i // 12),
        )
        for i in range(120)
    ]
    cat = ssd.Catalogue(documents=docs)
    q = cat.query().involving("Mao Zedong").between("1953-03", "1955-06")
    assert [d.id for d in cat if d.date and d.date.overlaps("1953-03", "1955-06")] == q.ids()


@given(
    searchable_catalogues(),
    partial_dates(min_year=1948, max_year=1962),
    partial_dates(min_year=1948, max_year=1962),
    st.sampled_from(["overlaps", "within"]),
    st.sampled_from(SEARCH_PEOPLE),
)
def test_person_and_dates_match_brute_force(
    cat: ssd.Catalogue, a: ssd.PartialDate, b: ssd.PartialDate, mode: str, name: str
) -> None:
    """Index filters combined (person + date range) keep what the predicate scan keeps."""
    lo, hi = (a, b) if a.earliest <= b.latest else (b, a)
    q = cat.query().between(lo, hi, mode=mode).involving(name)  # type: ignore[arg-type]
    scan = [d.id for d in cat if all(f.keep(d) for f in q.filters)]
    assert scan == q.ids()
    assert len(scan) == len(q)


def _kept_by_period(doc: ssd.Document, lo: datetime.date, hi: datetime.date, mode: str) -> bool:
    """Whether a document's possible days (worked out by the test) fit the period."""
    if doc.date is None:
        return False
    first, last = own_bounds(doc.date)
    return lo <= first and last <= hi if mode == "within" else first <= hi and last >= lo


_EDGE_PERIODS = [
    (datetime.date(1950, 2, 1), datetime.date(1950, 2, 28)),
    (datetime.date(1950, 1, 31), datetime.date(1950, 3, 1)),
    (datetime.date(1950, 2, 2), datetime.date(1950, 2, 27)),
    (datetime.date(1950, 1, 1), datetime.date(1950, 12, 31)),
    (datetime.date(1949, 12, 31), datetime.date(1951, 1, 1)),
    (datetime.date(1950, 1, 2), datetime.date(1950, 12, 30)),
    (datetime.date(1950, 6, 15), datetime.date(1950, 6, 15)),
]


@pytest.mark.parametrize("mode", ["overlaps", "within"])
@pytest.mark.parametrize("widest", ["day", "month", "year", "decade"])
def test_date_index_keeps_exactly_the_documents_at_each_edge(mode: str, widest: str) -> None:
    """Documents a day before, on and after each bound, and documents starting on the same
    day but ending apart, are kept exactly when their days fit; the index's sure ranges
    depend on the widest date in the catalogue, so each width is tried."""
    order = ["day", "month", "year", "decade"]
    dates = {
        d
        for lo, hi in _EDGE_PERIODS
        for d in dates_at_edges(lo, hi)
        if order.index(d.precision) <= order.index(widest)
    }
    cat = ssd.Catalogue(
        documents=[ssd.Document(id=f"d{i:03d}", title="T", date=d) for i, d in enumerate(dates)]
    )
    for lo, hi in _EDGE_PERIODS:
        expected = [d.id for d in cat if _kept_by_period(d, lo, hi, mode)]
        found = cat.query().between(lo, hi, mode=mode).ids()  # type: ignore[arg-type]
        assert sorted(expected) == sorted(found), (lo, hi)


@given(edge_catalogues(), st.sampled_from(["overlaps", "within"]))
def test_date_filter_matches_a_day_count_at_the_edges(
    sample: tuple[ssd.Catalogue, datetime.date, datetime.date], mode: str
) -> None:
    """between() on a catalogue dated around the period's edges keeps what the test's own
    reckoning of each date's days keeps."""
    cat, lo, hi = sample
    expected = sorted(d.id for d in cat if _kept_by_period(d, lo, hi, mode))
    assert expected == sorted(cat.query().between(lo, hi, mode=mode).ids())  # type: ignore[arg-type]
