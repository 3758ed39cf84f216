"""Queries: date filters with partial dates, collections, predicates, laziness."""

from __future__ import annotations

import contextlib
import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
import sinosoviet_docs.names as _names

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


# -- query issue: indexed filters, sorts, facets, timeline, the search language ---------------

from sinosoviet_docs._text import fold_name, tokenize  # noqa: E402

from .strategies import (  # noqa: E402
    SEARCH_LANGUAGES,
    SEARCH_PEOPLE,
    SEARCH_PLACES,
    SEARCH_TOPICS,
    SEARCH_TYPES,
    searchable_catalogues,
)


def _folded_in(value: str, values: tuple[str, ...]) -> bool:
    return fold_name(value) in {fold_name(v) for v in values}


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
    names = (value, *_names.places.variants(value))
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


class _Forms:
    """A person's forms worked out from the authority's records by brute force.

    ``plain``: the name as typed and the person's real names borne by nobody
    else; ``codes``: (form, first year, last year) of code-name forms borne by
    nobody else; ``before``: words that make a code name someone's real name
    (initials, other western persons' first names).
    """

    def __init__(self, name: str) -> None:
        try:
            person = _names.people.resolve(name)
        except LookupError:
            person = None
        owners: dict[tuple[str, ...], set[str]] = {}
        for p in _names.people:
            for form in (*p.aliases, *((p.heading,) if p.heading else ())):
                owners.setdefault(tuple(tokenize(form)), set()).add(p.id)
        self.plain = {tuple(tokenize(name))}
        self.codes: list[tuple[tuple[str, ...], int, int]] = []
        self.before: set[str] = set()
        if person is None:
            return
        own = {p.id for p in [person]}
        real = (person.name, *person.spellings, *person.misspellings)
        self.plain |= {tuple(tokenize(f)) for f in real if owners[tuple(tokenize(f))] == own}
        for code in person.code_names:
            for form in (code.name, *code.spellings, *code.misspellings):
                toks = tuple(tokenize(form))
                if code.span and owners[toks] == own and toks not in self.plain:
                    self.codes.append((toks, *code.span))
        mine = {t for f in real for t in tokenize(f)}
        others = {tokenize(p.name)[0] for p in _names.people if not p.family_first}
        self.before = (set("bcdefghijklmnopqrstuvwxyz") | others) - mine

    def in_tokens(self, doc: ssd.Document, tokens: list[str]) -> bool:
        """Whether a run of tokens (a title, a field) names the person at the document's date."""

        def runs(form: tuple[str, ...]) -> list[int]:
            n = len(form)
            return [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == form]

        if any(runs(form) for form in self.plain):
            return True
        year = doc.date.year if doc.date else None
        return any(
            year is not None
            and first <= year <= last
            and any(i == 0 or tokens[i - 1] not in self.before for i in runs(form))
            for form, first, last in self.codes
        )

    def in_names(self, doc: ssd.Document, names: tuple[str, ...]) -> bool:
        """Whether a name in the list is exactly one of the forms, at the document's date."""
        year = doc.date.year if doc.date else None
        for value in names:
            toks = tuple(tokenize(value))
            if toks in self.plain:
                return True
            if any(toks == f and year and a <= year <= b for f, a, b in self.codes):
                return True
        return False


@given(searchable_catalogues(), st.sampled_from(SEARCH_PEOPLE))
def test_involving_matches_brute_force(cat: ssd.Catalogue, name: str) -> None:
    """involving keeps authors, people and title mentions, code names only in their years."""
    forms = _Forms(name)
    expected = [
        d.id
        for d in cat
        if forms.in_names(d, (*d.authors, *d.people)) or forms.in_tokens(d, tokenize(d.title))
    ]
    assert expected == cat.query().involving(name).ids()


@given(searchable_catalogues(), st.sampled_from(["stalin", "Semenov", "Filippov", "mao"]))
def test_search_aliases_match_brute_force(cat: ssd.Catalogue, word: str) -> None:
    """A searched name finds the person's real names anywhere, code names only in their years."""
    forms = _Forms(word)
    expected = sorted(
        d.id
        for d in cat
        if any(
            forms.in_tokens(d, tokenize(field))
            for field in (d.title, d.summary or "", d.text or "")
        )
        or forms.in_tokens(d, tokenize(" ; ".join((*d.authors, *d.people, *d.places))))
    )
    assert expected == sorted(cat.search(word).ids())


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


@given(searchable_catalogues(), st.sampled_from(["date", "-date", "title", "-title"]))
def test_sorts_match_brute_force(cat: ssd.Catalogue, key: str) -> None:
    """sort() orders like sorting by the key (undated last for dates; title folded)."""
    docs = list(cat)
    if key == "date":
        expected = docs
    elif key == "-date":
        expected = [d for d in docs if d.date][::-1] + [d for d in docs if d.date is None]
    else:
        from sinosoviet_docs._text import fold

        expected = sorted(docs, key=lambda d: fold(d.title), reverse=key == "-title")
    assert [d.id for d in expected] == cat.query().sort(key).ids()  # type: ignore[arg-type]


@given(searchable_catalogues(), st.integers(0, 5), st.integers(0, 5))
def test_offset_and_limit_slice(cat: ssd.Catalogue, skip: int, take: int) -> None:
    """offset(n).limit(k) is the slice [n:n+k] of the unlimited result."""
    q = cat.query().of_type("telegram")
    assert q.ids()[skip : skip + take] == q.offset(skip).limit(take).ids()


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


def test_search_filters_in_the_query_string() -> None:
    """type:, year: and person: in a search string narrow like the methods."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(
                id="a",
                title="Taiwan",
                type="Telegram",
                date=ssd.PartialDate(year=1958),
                people=("N. S. Khrushchev",),
            ),
            ssd.Document(
                id="b",
                title="Taiwan",
                type="Letter",
                date=ssd.PartialDate(year=1958),
                people=("N. S. Khrushchev",),
            ),
            ssd.Document(
                id="c",
                title="Taiwan",
                type="Telegram",
                date=ssd.PartialDate(year=1961),
                people=("N. S. Khrushchev",),
            ),
            ssd.Document(id="d", title="Taiwan", type="Telegram", date=ssd.PartialDate(year=1959)),
        ]
    )
    found = cat.search('taiwan type:Telegram year:1958..1959 person:"N. S. Khrushchev"')
    assert ["a"] == found.ids()


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("taiwan OR )", 10),
        ("(taiwan", 0),
        ('"east wind', 0),
        ("foo:bar", 0),
        ("taiwan year:19x8", 12),
        ("st*lin", 2),
        ("taiwan OR type:Telegram", 10),
        ("", 0),
    ],
)
def test_bad_syntax_names_the_position(text: str, position: int) -> None:
    """A bad search string raises QuerySyntaxError (a ValueError) at the offending offset."""
    with pytest.raises(ssd.QuerySyntaxError) as info:
        _cat().search(text)
    assert position == info.value.position
    assert isinstance(info.value, ValueError)
    assert 1 == len(str(info.value).splitlines())


def test_relevance_needs_a_search() -> None:
    """sort('relevance') on a query without full text is an error."""
    with pytest.raises(ValueError, match="search"):
        _cat("1950").query().sort("relevance").ids()


def test_explain_reports_terms_filters_and_time() -> None:
    """explain() names the parsed search, the postings sizes, the filters and the time taken."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan strait", type="Telegram")])
    text = cat.search("taiwan type:Telegram").explain()
    assert "term 'taiwan': 1 documents" in text
    assert "filter of_type('Telegram'): 1 documents" in text
    assert re.search(r"^matched: 1 documents in \d+\.\d+ ms$", text, re.MULTILINE)


def test_predicates_from_others_still_work_with_search() -> None:
    """A predicate filter added through _with combines with full text and indexes."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Taiwan"),
            ssd.Document(id="b", title="Taiwan strait"),
        ]
    )
    q = cat.search("taiwan")._with("long_title", lambda d: len(d.title) > 6)
    assert ["b"] == q.ids()


def test_alias_finds_the_person_under_another_name() -> None:
    """With the name authority a search for Filippov also finds Stalin."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Telegram from Stalin to Mao Zedong"),
            ssd.Document(id="b", title="Telegram from Filippov to Mao Zedong"),
            ssd.Document(id="c", title="Telegram from Zhou Enlai"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("Filippov").ids())
    assert ["b"] == cat.search("Filippov", aliases=False).ids()


def test_search_ranks_the_name_as_typed_above_its_aliases(bundled: ssd.Catalogue) -> None:
    """search('filippov') puts every document titled with Filippov before Stalin-only ones."""
    titled = [d.id for d in bundled if "filippov" in tokenize(d.title)]
    first = bundled.search("filippov").ids()[: len(titled)]
    assert sorted(titled) == sorted(first)


def test_explain_shows_the_synonym_group() -> None:
    """explain() writes a name and its aliases as one SYNONYMS(...) group, typed form first."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Filippov to Mao")])
    assert "search: SYNONYMS(filippov, " in cat.search("filippov").explain()


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


def _code_name_catalogue() -> ssd.Catalogue:
    """The review's examples: code names out of their years, qualified, ambiguous, glossed."""

    def doc(id: str, title: str, year: int | None) -> ssd.Document:
        return ssd.Document(
            id=id, title=title, date=None if year is None else ssd.PartialDate(year=year)
        )

    return ssd.Catalogue(
        documents=[
            doc("semenov-1965", "Conversation with Vladimir Semenov on Germany", 1965),
            doc("v-semenov-1952", "Talk with Vladimir Semenov on Germany", 1952),
            doc("kuznetsov-1968", "Letter from Fyodor Kuznetsov to Kosygin", 1968),
            doc("filippov-1950", "Telegram, Filippov [Stalin] to Mao Zedong", 1950),
            doc("kuznetsov-1947", "Cable, Stalin [Kuznetsov] to Mao Zedong", 1947),
            doc("semenov-1952", "Telegram, Semenov to Zhou Enlai", 1952),
            doc("filippov-undated", "Telegram, Filippov to Mao Zedong", None),
            doc("filippov-1960", "Filippov on the Economy", 1960),
        ]
    )


STALIN_DOCS = ["filippov-1950", "kuznetsov-1947", "semenov-1952"]


def test_search_for_stalin_respects_code_name_years() -> None:
    """search('stalin') leaves out (Vladimir) Semenov, Kuznetsov 1968, Filippov outside its years."""
    assert sorted(STALIN_DOCS) == sorted(_code_name_catalogue().search("stalin").ids())


def test_involving_stalin_respects_code_name_years() -> None:
    """involving('Stalin') keeps Filippov [Stalin] 1950, Stalin [Kuznetsov] 1947, Semenov 1952."""
    assert sorted(STALIN_DOCS) == sorted(_code_name_catalogue().query().involving("Stalin").ids())


def test_person_facets_respect_code_name_years() -> None:
    """facets('person') counts only the three Stalin documents as Joseph Stalin."""
    facets = _code_name_catalogue().query().facets("person")
    assert 3 == facets["Joseph Stalin"]
    assert 1 == facets["Fyodor Kuznetsov"]


def test_ambiguous_code_name_is_not_expanded() -> None:
    """search('kuznetsov') finds only the word: the name is ambiguous, so no alias is added."""
    found = sorted(_code_name_catalogue().search("kuznetsov").ids())
    assert ["kuznetsov-1947", "kuznetsov-1968"] == found


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
    """Date ranges intersected through the index keep what the predicate scan keeps."""
    q = cat.query()
    for a, b, mode in ranges:
        lo, hi = (a, b) if a.earliest <= b.latest else (b, a)
        q = q.between(lo, hi, mode=mode)  # type: ignore[arg-type]
    assert [d.id for d in cat if all(f.keep(d) for f in q.filters)] == q.ids()


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


# -- hostile input the search language and filters must refuse (hostile-input review) -------


@pytest.mark.xfail(
    strict=True,
    reason="_querylang.py (_search/ package): parse nesting without recursion or with a depth "
    "limit raising QuerySyntaxError",
)
@pytest.mark.parametrize("text", ["(" * 400 + "a" + ")" * 400, "NOT " * 1000 + "a"])
def test_deep_queries_are_a_syntax_error_not_a_recursion_error(text: str) -> None:
    """400 nested parentheses or 1,000 NOTs: the library's error, or an answer."""
    with contextlib.suppress(ssd.QuerySyntaxError):
        ssd.load().query().search(text).ids()


@pytest.mark.xfail(
    strict=True,
    reason="query.py: filters given None or an int must raise ArgumentTypeError naming the argument",
)
@pytest.mark.parametrize("method", ["of_type", "about", "at", "in_language", "involving"])
@pytest.mark.parametrize("value", [None, 5])
def test_filters_refuse_a_value_that_is_no_string(method: str, value: object) -> None:
    """of_type(None) raises the library's TypeError, not an AttributeError from inside."""
    with pytest.raises(ssd.ArgumentTypeError):
        getattr(ssd.load().query(), method)(value).ids()


@pytest.mark.xfail(
    strict=True,
    reason="query.py: offset/limit beyond sys.maxsize must give an empty page or a library error, "
    "not islice's ValueError",
)
def test_an_offset_of_ten_to_the_twentieth_is_past_the_end() -> None:
    """offset(10**20) is past every document."""
    assert [] == ssd.load().query().offset(10**20).ids()


#: The search language's own characters and words, for strings that are mostly syntax.
_QUERY_PIECES = st.sampled_from(
    [
        "(",
        ")",
        '"',
        "*",
        ":",
        " ",
        "OR",
        "AND",
        "NOT",
        "-",
        "title:",
        "year:",
        "..",
        "taiwan",
        "1958",
        "\\",
        "毛",
    ]
)


@given(st.lists(_QUERY_PIECES, max_size=30).map("".join) | st.text(max_size=40))
def test_any_search_string_gives_results_or_a_query_syntax_error(text: str) -> None:
    """Unbalanced parentheses, stray operators and quotes, any Unicode: an answer or
    QuerySyntaxError, nothing else."""
    with contextlib.suppress(ssd.QuerySyntaxError):
        ssd.load().query().search(text).ids()
