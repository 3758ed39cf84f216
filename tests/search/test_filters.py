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
from sinosoviet_docs._search.language import parse
from sinosoviet_docs._search.nodes import FieldFilter

from ..strategies import (
    SEARCH_LANGUAGES,
    SEARCH_PEOPLE,
    SEARCH_PLACES,
    SEARCH_TOPICS,
    SEARCH_TYPES,
    any_dates,
    dates_at_edges,
    document_dates,
    edge_catalogues,
    own_bounds,
    partial_dates,
    searchable_catalogues,
)
from .brute import Brute, _cat, tokenize


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


def _first(date: ssd.PartialDate | ssd.DateRange) -> datetime.date:
    return datetime.date.min if date.earliest is None else date.earliest


def _last(date: ssd.PartialDate | ssd.DateRange) -> datetime.date:
    return datetime.date.max if date.latest is None else date.latest


@given(
    st.lists(document_dates(min_year=1940, max_year=1970), max_size=12),
    st.none() | any_dates(min_year=1940, max_year=1970),
    st.none() | any_dates(min_year=1940, max_year=1970),
    st.sampled_from(["overlaps", "within"]),
)
def test_dates_of_every_kind_match_their_bounds(
    found: list[ssd.PartialDate | ssd.DateRange | None],
    a: ssd.PartialDate | None,
    b: ssd.PartialDate | None,
    mode: str,
) -> None:
    """between() over decades, seasons and ranges (open ends reaching every period on their
    side) keeps what the documents' days say, through the index and through the scan."""
    if a is not None and b is not None and a.earliest > b.latest:
        a, b = b, a
    lo = datetime.date.min if a is None else a.earliest
    hi = datetime.date.max if b is None else b.latest
    cat = ssd.Catalogue(
        documents=[ssd.Document(id=f"d{i}", title="T", date=d) for i, d in enumerate(found)]
    )
    expected = [
        doc.id
        for doc in cat
        if doc.date is not None
        and (
            lo <= _first(doc.date) and _last(doc.date) <= hi
            if mode == "within"
            else _first(doc.date) <= hi and _last(doc.date) >= lo
        )
    ]
    q = cat.query().between(a, b, mode=mode)  # type: ignore[arg-type]
    assert expected == q.ids()
    assert expected == [d.id for d in cat if all(f.keep(d) for f in q.filters)]


def test_a_decade_overlaps_each_of_its_years_and_is_within_none() -> None:
    """'the 1950s' is found in 1950 and in 1959 (it may be from then), never surely in one."""
    cat = _cat("195X", "1950/1953", "1958-24", "1950/..")
    overlapping = [cat.query().between(str(y), str(y)).ids() for y in (1950, 1955, 1959)]
    assert [["d1", "d0", "d3"], ["d0", "d3"], ["d0", "d3", "d2"]] == overlapping
    assert [] == cat.query().between("1950", "1950", mode="within").ids()
    assert ["d1", "d0", "d2"] == cat.query().between("1950", "1959", mode="within").ids()
    assert ["d1", "d0", "d3", "d2"] == cat.query().between("1950", None, mode="within").ids()


# -- roles: from:, to:, via:, with: --------------------------------------------------------

_CORRESPONDENTS = (
    "Stalin",
    "Filippov",
    "Filippov [Stalin]",
    "Mao Zedong",
    "Mao Tse-tung",
    "Zhou Enlai",
    "Roshchin",
    "Kovalev",
    "the CPSU Central Committee",
)
_ROLE_NAMES = ("stalin", "Filippov", "mao", "Zhou Enlai", "Roshchin", "cpsu central committee")


@st.composite
def _correspondence_titles(draw: st.DrawFn) -> str:
    a, b, c = (draw(st.sampled_from(_CORRESPONDENTS)) for _ in range(3))
    form = draw(
        st.sampled_from(
            (
                "Ciphered Telegram, {a} to {b}",
                "Telegram from {a} to {b} via {c}",
                "Ciphered Telegram No. 12, {a} to {c}, for {b}",
                "Memorandum of Conversation between {a} and {b}",
                "Letter from {a} to {b} and {c}",
                "Report on {a}",
            )
        )
    )
    return form.format(a=a, b=b, c=c)


@st.composite
def _role_catalogues(draw: st.DrawFn) -> ssd.Catalogue:
    """Messages and conversations among a few correspondents, some under a code name,
    dated in and out of its years (or undated)."""
    titles = draw(st.lists(_correspondence_titles(), max_size=10))
    years = draw(st.lists(st.none() | st.integers(1944, 1956), min_size=len(titles)))
    docs = [
        ssd.Document(id=f"d{i}", title=t, date=None if y is None else ssd.PartialDate(year=y))
        for i, (t, y) in enumerate(zip(titles, years, strict=False))
    ]
    return ssd.Catalogue(documents=sorted(docs, key=ssd.Document.sort_key))


_ROLE_FIELDS = st.sampled_from(("from", "to", "via", "with"))
_ROLE_TERMS = st.tuples(_ROLE_FIELDS, st.sampled_from(_ROLE_NAMES)).map(
    lambda p: f'{p[0]}:"{p[1]}"'
)
_ROLE_SEARCHES = st.recursive(
    _ROLE_TERMS,
    lambda children: st.one_of(
        st.tuples(children, children).map(lambda p: f"{p[0]} {p[1]}"),
        st.tuples(children, children).map(lambda p: f"({p[0]} OR {p[1]})"),
        st.tuples(children, children).map(lambda p: f"{p[0]} NOT {p[1]}"),
        children.map(lambda c: f"NOT ({c})"),
    ),
    max_leaves=4,
)
_ROLE_METHODS = {
    "from": ssd.Query.sent_by,
    "to": ssd.Query.sent_to,
    "via": ssd.Query.sent_via,
    "with": ssd.Query.with_person,
}


@given(_role_catalogues(), _ROLE_FIELDS, st.sampled_from(_ROLE_NAMES))
def test_each_role_field_and_method_reads_the_correspondence(
    cat: ssd.Catalogue, field: str, name: str
) -> None:
    """from:/to:/via:/with: (and sent_by/sent_to/sent_via/with_person) keep the documents
    whose Document.correspondence gives the person that role, on top or under OR."""
    node = FieldFilter(field, name)
    expected = [cat.documents[i].id for i in sorted(Brute(cat).field(node))]
    assert expected == _ROLE_METHODS[field](cat.query(), name).ids()
    assert expected == cat.search(f'{field}:"{name}"').ids()
    assert expected == sorted(
        cat.search(f'({field}:"{name}" OR {field}:"{name}")').ids(),
        key=[d.id for d in cat].index,
    )


@given(_role_catalogues(), _ROLE_SEARCHES)
def test_role_fields_combine_with_or_and_not_as_brute_force(cat: ssd.Catalogue, text: str) -> None:
    """Any AND/OR/NOT combination of role fields keeps what a scan of each document's
    correspondence keeps, in catalogue order, alone (tested as filters) or ORed with a
    word (evaluated with it)."""
    parsed = parse(text)
    brute = Brute(cat)
    kept: set[int] = set(range(len(cat.documents)))
    for flt in parsed.filters:
        kept &= set(brute.field(flt))
    if parsed.expr is not None:
        kept &= set(brute.score(parsed.expr))
    assert [cat.documents[i].id for i in sorted(kept)] == cat.search(text).ids()
    with_words = parse(f"({text}) OR telegram")
    assert with_words.expr is not None
    either = set(brute.score(with_words.expr))
    assert either == {cat.documents.index(d) for d in cat.search(with_words.text)}


def test_a_code_name_is_the_sender_only_in_its_years() -> None:
    """A 1950 Filippov telegram is from Stalin; a 1945 Filippov one is not, nor is an
    undated one; Stalin as typed is Stalin at any date."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Telegram, Filippov to Mao Zedong", date=_year(1945)),
            ssd.Document(id="b", title="Telegram, Filippov to Mao Zedong", date=_year(1950)),
            ssd.Document(id="c", title="Telegram, Stalin to Mao Zedong", date=_year(1956)),
            ssd.Document(id="d", title="Telegram, Filippov to Mao Zedong"),
        ]
    )
    assert ["b", "c"] == cat.search("from:stalin").ids()
    assert ["b", "c"] == cat.search("from:filippov").ids()
    assert ["a", "d"] == cat.search('"filippov" NOT from:stalin').ids()


def test_with_is_either_side_of_a_message_or_a_participant() -> None:
    """with: finds a sender, a recipient and a participant, not an intermediary."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Telegram, Stalin to Mao Zedong via Roshchin"),
            ssd.Document(id="b", title="Telegram, Roshchin to Stalin"),
            ssd.Document(id="c", title="Memorandum of Conversation between Roshchin and Mao"),
        ]
    )
    assert {"b", "c"} == set(cat.query().with_person("Roshchin").ids())
    assert ["a"] == cat.query().sent_via("Roshchin").ids()
    assert {"a", "b"} == set(cat.search("with:stalin").ids())


def test_filter_fields_under_or_keep_their_index_filters_meaning(bundled: ssd.Catalogue) -> None:
    """type:, person:, year: ... under OR keep what the methods keep, united."""
    q = bundled.query()
    for text, parts in [
        ("(type:Telegram OR type:Letter)", [q.of_type("Telegram"), q.of_type("Letter")]),
        (
            "(year:1950 OR person:Khrushchev)",
            [q.between("1950", "1950"), q.involving("Khrushchev")],
        ),
        ("(lang:Chinese OR place:Beijing)", [q.in_language("Chinese"), q.at("Beijing")]),
    ]:
        united = {i for part in parts for i in part.ids()}
        assert [d.id for d in bundled if d.id in united] == bundled.search(text).ids()


def _year(year: int) -> ssd.PartialDate:
    return ssd.PartialDate(year=year)


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
