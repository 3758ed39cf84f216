"""Facet counts and timelines of matching documents, against brute force."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
import sinosoviet_docs.names as _names

from ..strategies import (
    document_dates,
    searchable_catalogues,
)
from .brute import _cat


@given(
    searchable_catalogues(),
    st.sampled_from(["type", "topic", "language", "collection", "year", "place", "person"]),
)
def test_facets_match_brute_force(cat: ssd.Catalogue, field: str) -> None:
    """facets() counts each distinct value once per matching document."""
    q = cat.query().in_language("Russian")
    counts: dict[str, int] = {}
    for doc in q:
        if field == "year":
            values = {str(doc.date.year)} if doc.date else set()
        elif field == "type":
            values = {doc.type} if doc.type else set()
        elif field == "person":
            values = {_canonical("people", n, doc.date) for n in (*doc.authors, *doc.people)}
            values |= {p.name for p in _names.people.mentions(doc.title, date=doc.date)}
        elif field == "place":
            values = {_canonical("places", n) for n in doc.places}
        else:
            values = set(getattr(doc, {"place": "places"}.get(field, field + "s")))
        for v in values:
            counts[v] = counts.get(v, 0) + 1
    assert counts == q.facets(field)  # type: ignore[arg-type]


def _canonical(kind: str, name: str, date: ssd.PartialDate | str | None = "any") -> str:
    """The authority's name for ``name`` at a document's date (itself if unknown or ambiguous)."""
    try:
        found = getattr(_names, kind).resolve(name, **({} if kind == "places" else {"date": date}))
    except LookupError:
        return name
    return name if found is None else str(found.name)


@given(searchable_catalogues(), st.sampled_from(["year", "month"]))
def test_timeline_matches_brute_force(cat: ssd.Catalogue, unit: str) -> None:
    """timeline() counts each document once: in its period, too coarse, or undated."""
    t = cat.query().timeline(unit)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    for doc in cat:
        if doc.date and (unit == "year" or doc.date.month):
            key = (
                f"{doc.date.year:04d}"
                if unit == "year"
                else f"{doc.date.year:04d}-{doc.date.month:02d}"
            )
            counts[key] = counts.get(key, 0) + 1
    assert counts == {k: v for k, v in t.periods if v}
    assert [d.id for d in cat if d.date is None] == list(t.undated)
    expected_coarse = [d.id for d in cat if unit == "month" and d.date and d.date.month is None]
    assert expected_coarse == list(t.too_coarse)
    assert len(cat) == t.total()


def test_year_only_document_is_never_put_in_january() -> None:
    """On a monthly timeline a document dated '1958' is too coarse, not January 1958."""
    t = _cat("1958", "1958-03-02").query().timeline("month")
    assert (("1958-03", 1),) == t.periods
    assert ("d0",) == t.too_coarse


def test_timeline_fills_gaps_with_zeros() -> None:
    """Years without documents between the first and last appear with 0."""
    assert (("1950", 1), ("1951", 0), ("1952", 1)) == _cat(
        "1950", "1952"
    ).query().timeline().periods


def test_person_facets_use_canonical_names() -> None:
    """Person facets count Filippov (in 1950) and Stalin as one canonical person."""
    stalin = _names.people.resolve("Stalin")
    assert stalin is not None
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="x", people=("Stalin",)),
            ssd.Document(id="b", title="y", people=("Filippov",), date=ssd.PartialDate(year=1950)),
        ]
    )
    assert 2 == cat.query().facets("person")[stalin.name]


def test_decades_winters_and_ranges_over_years_are_too_coarse_for_a_year() -> None:
    """On a yearly timeline only dates inside one year count; the rest are kept apart."""
    t = _cat("195X", "1958-21", "1958-24", "1958-02/1958-05", "1958/1959", "1958/..").query()
    timeline = t.timeline()
    assert (("1958", 2),) == timeline.periods
    assert {"d0", "d2", "d4", "d5"} == set(timeline.too_coarse)
    assert {"1958": 2} == t.facets("year")


def test_seasons_and_ranges_over_months_are_too_coarse_for_a_month() -> None:
    """On a monthly timeline a season is apart like a year: never put in its first month."""
    t = _cat("1958-21", "1958", "1958-03-02/1958-03-20", "1958-03/1958-04").query()
    timeline = t.timeline("month")
    assert (("1958-03", 1),) == timeline.periods
    assert {"d0", "d1", "d3"} == set(timeline.too_coarse)
    assert "dated less precisely than a month (not counted above): 3" in str(timeline)


@given(st.lists(document_dates(min_year=1940, max_year=1960), max_size=12))
def test_timeline_counts_dates_wholly_inside_one_period(
    found: list[ssd.PartialDate | ssd.DateRange | None],
) -> None:
    """Each document is counted once: in the one year (month) its days lie in, else apart."""
    cat = ssd.Catalogue(
        documents=[ssd.Document(id=f"d{i}", title="T", date=d) for i, d in enumerate(found)]
    )
    for unit, label in (("year", "%Y"), ("month", "%Y-%m")):
        timeline = cat.query().timeline(unit)  # type: ignore[arg-type]
        counted: dict[str, int] = {}
        coarse, undated = [], []
        for doc in cat:
            if doc.date is None:
                undated.append(doc.id)
                continue
            first, last = doc.date.earliest, doc.date.latest
            if first is None or last is None or first.strftime(label) != last.strftime(label):
                coarse.append(doc.id)
            else:
                counted[first.strftime(label)] = counted.get(first.strftime(label), 0) + 1
        assert counted == {p: c for p, c in timeline.periods if c}
        assert (coarse, undated) == (list(timeline.too_coarse), list(timeline.undated))
        if unit == "year":
            assert dict(sorted(counted.items())) == cat.query().facets("year")


def _doubled(doc: ssd.Document) -> ssd.Document:
    """The document with every value of its tuple fields given twice, as a merge of two
    sources that both list them may hold."""
    return attrs.evolve(
        doc,
        topics=doc.topics * 2,
        languages=doc.languages * 2,
        collections=doc.collections * 2,
        places=doc.places * 2,
        people=doc.people + doc.authors,
    )


@given(
    searchable_catalogues(),
    st.sampled_from(["type", "topic", "language", "collection", "year"]),
)
def test_facets_count_a_repeated_value_once_most_common_first(
    cat: ssd.Catalogue, field: str
) -> None:
    """A value a document holds twice counts once; the facets come most common first, ties
    by value (years in year order), compared as ordered pairs rather than as a dict."""
    cat = ssd.Catalogue(documents=[_doubled(d) for d in cat], collections=cat.collections)
    counts: dict[str, int] = {}
    for doc in cat:
        if field == "year":
            values = [f"{doc.date.year:04d}"] if doc.date else []
        elif field == "type":
            values = [doc.type] if doc.type else []
        else:
            values = list(getattr(doc, field + "s"))
        for v in dict.fromkeys(values):
            counts[v] = counts.get(v, 0) + 1
    if field == "year":
        expected = sorted(counts.items())
    else:
        expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert expected == list(cat.query().facets(field).items())  # type: ignore[arg-type]


def test_facets_order_is_most_common_first() -> None:
    docs = [
        ssd.Document(id=f"d{i}", title="T", topics=topics)
        for i, topics in enumerate([("b", "a"), ("b",), ("c", "b", "c"), ("a",)])
    ]
    facets = ssd.Catalogue(documents=docs).query().facets("topic")
    assert [("b", 3), ("a", 2), ("c", 1)] == list(facets.items())
