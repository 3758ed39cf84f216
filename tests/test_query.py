"""Queries: date filters with partial dates, collections, predicates, laziness."""

from __future__ import annotations

import contextlib
import datetime
import sys
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
import sinosoviet_docs.names as _names
from sinosoviet_docs._text import tokenize
from sinosoviet_docs.exceptions import ArgumentTypeError

from .search.brute import _cat
from .search.counting import count_plan_runs, run_together
from .strategies import (
    SEARCH_PEOPLE,
    catalogues,
    partial_dates,
    searchable_catalogues,
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
    assert 20 == len(narrowed)


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


def test_explain_is_a_deprecated_alias_of_plan() -> None:
    """explain() warns that it goes and gives what plan() gives."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan strait")])
    q = cat.search("taiwan")
    with pytest.warns(DeprecationWarning, match="plan"):
        text = q.explain()
    assert q.plan() == text


def test_a_query_runs_once_whatever_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Iterating, counting, scoring and the plan of one query read one run."""
    runs = count_plan_runs(monkeypatch)
    cat = ssd.Catalogue(
        documents=[ssd.Document(id="a", title="Taiwan strait"), ssd.Document(id="b", title="x")]
    )
    q = cat.search("taiwan").limit(5)
    assert ["a"] == q.ids()
    assert 1 == len(q)
    assert ["a"] == [i for i, _ in q.scores()]
    assert "matched: 1 documents" in q.plan()
    assert 1 == len(runs)
    assert {} == q.facets("type")
    assert 2 == len(runs)  # the facets count every match: one more run, then kept
    q.timeline()
    assert 2 == len(runs)


def test_a_query_pickles_and_copies_whether_or_not_it_has_run() -> None:
    """What a query found is kept with it, yet it still pickles and copies as before."""
    import copy
    import pickle

    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan")])
    q = cat.search("taiwan", aliases=False)
    assert ["a"] == pickle.loads(pickle.dumps(q)).ids()
    assert ["a"] == q.ids()
    assert q == copy.deepcopy(q)
    assert ["a"] == pickle.loads(pickle.dumps(q)).ids()


def test_threads_reading_one_query_share_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several threads asking one query at once all get its documents from a single run."""
    runs = count_plan_runs(monkeypatch)
    docs = [ssd.Document(id=f"d{i}", title=f"Taiwan telegram {i % 7}") for i in range(300)]
    q = ssd.Catalogue(documents=docs).search("taiwan telegram", aliases=False)
    found: list[list[str]] = []
    run_together(lambda: found.append(q.ids()))
    assert 6 == len(found)
    assert all(ids == found[0] for ids in found)
    assert 300 == len(found[0])
    assert 1 == len(runs)


_STALIN_TO_MAO_OR_ZHOU_1950 = [
    "Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin",
    "Telegram from Flippov [Stalin] to Mao Zedong and Zhou Enlai",
    "Ciphered telegram, Filippov [Stalin] to Zhou Enlai or Mao Zedong (via Roshchin)",
    "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)",
    "Ciphered telegram, Filippov [Stalin] to Mao Zedong",
]


def test_roles_under_or_answer_a_historians_question(bundled: ssd.Catalogue) -> None:
    """'Every message Stalin sent Mao or Zhou in 1950' in one search string, the same as
    the methods, and unlike person: (which also keeps Zhou's and Roshchin's cables to Stalin)."""
    q = bundled.search("from:stalin (to:mao OR to:zhou) year:1950")
    assert _STALIN_TO_MAO_OR_ZHOU_1950 == [d.title for d in q]
    sent = bundled.query().sent_by("Stalin").between("1950", "1950")
    by_methods = {*sent.sent_to("Mao Zedong").ids(), *sent.sent_to("Zhou Enlai").ids()}
    assert by_methods == set(q.ids())
    involving = bundled.search(
        'person:Stalin (person:"Mao Zedong" OR person:"Zhou Enlai") year:1950'
    )
    replies = [d for d in involving if d.id not in by_methods]
    assert replies
    assert all("Joseph Stalin" not in (d.correspondence or _NO_ONE).senders for d in replies)


_NO_ONE = ssd.Correspondence(kind="message")


def test_plan_shows_how_a_role_name_was_expanded(bundled: ssd.Catalogue) -> None:
    """plan() gives the person a role name stands for, other names and code names by year,
    for a top-level filter and for one inside the search."""
    text = bundled.search("from:stalin (to:filippov OR NOT to:mao)").plan()
    assert "filter sent_by('stalin'): scan, documents" in text
    assert "'stalin' names Joseph Stalin;" in text
    assert "filippov (1948-1952)" in text
    assert "search: (to:filippov OR NOT to:mao)" in text
    assert "filter to:mao in the search: 32 documents in all" in text
    assert "'mao' names Mao Zedong; also as Mao Tse-tung, Mao Tsetung" in text


def test_filters_inside_a_search_are_checked_at_once(bundled: ssd.Catalogue) -> None:
    """A bad value under OR raises when the search is made, as at the top level; a
    collection may be named by its title there too."""
    with pytest.raises(ssd.CollectionNotFoundError):
        bundled.search("taiwan OR collection:nowhere")
    with pytest.raises(ssd.AmbiguousNameError):
        bundled.search("taiwan OR from:Peng")
    with pytest.raises(ssd.QuerySyntaxError) as info:
        bundled.search("taiwan OR year:1951..1950")
    assert 15 == info.value.position
    col = bundled.collections[0]
    by_title = bundled.search(f'nothingatall OR collection:"{col.title}"').ids()
    assert bundled.query().in_collection(col.slug).ids() == by_title


def test_sent_via_and_with_person_read_the_correspondence(bundled: ssd.Catalogue) -> None:
    """sent_via keeps intermediaries; with_person either side of a message or a
    conversation's participants, as each Document.correspondence says."""
    via = [
        d
        for d in bundled
        if d.correspondence and "Nikolai Roshchin" in d.correspondence.intermediaries
    ]
    assert via
    assert [d.id for d in via] == bundled.query().sent_via("Roshchin").ids()
    sides = [
        d
        for d in bundled
        if d.correspondence
        and "Nikolai Roshchin"
        in (*d.correspondence.senders, *d.correspondence.recipients, *d.correspondence.participants)
    ]
    assert sides
    assert [d.id for d in sides] == bundled.query().with_person("Roshchin").ids()
    assert repr(bundled.query().sent_via("Roshchin")) == "<Query query().sent_via('Roshchin')>"


# -- hostile input the search language and filters must refuse (hostile-input review) -------


@pytest.mark.parametrize("text", ["(" * 400 + "a" + ")" * 400, "NOT " * 1000 + "a"])
def test_deep_queries_are_a_syntax_error_not_a_recursion_error(text: str) -> None:
    """400 nested parentheses or 1,000 NOTs: the library's error, or an answer."""
    with contextlib.suppress(ssd.QuerySyntaxError):
        ssd.load().query().search(text).ids()


@pytest.mark.parametrize("method", ["of_type", "about", "at", "in_language", "involving"])
@pytest.mark.parametrize("value", [None, 5])
def test_filters_refuse_a_value_that_is_no_string(method: str, value: object) -> None:
    """of_type(None) raises the library's TypeError, not an AttributeError from inside."""
    with pytest.raises(ssd.ArgumentTypeError):
        getattr(ssd.load().query(), method)(value).ids()


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


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda q: q.in_collection(None), "collection"),
        (lambda q: q.involving(None), "name"),
        (lambda q: q.of_type(5), "type"),
        (lambda q: q.about(None), "topic"),
        (lambda q: q.at(5), "place"),
        (lambda q: q.in_language(None), "language"),
        (lambda q: q.sent_by(5), "name"),
        (lambda q: q.sent_to(None), "name"),
        (lambda q: q.from_archive(None), "archive"),
        (lambda q: q.search(None), "text"),
        (lambda q: q.search(1958), "text"),
        (lambda q: q.where("type == 'Telegram'"), "predicate"),
        (lambda q: q.between(1950, None), "start"),
        (lambda q: q.between(None, 1959.5), "end"),
    ],
)
def test_filters_refuse_a_wrong_type_naming_the_argument(
    bundled: ssd.Catalogue, call: Callable[[ssd.Query], object], argument: str
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call(bundled.query())
    assert caught.value.argument == argument
    assert argument in str(caught.value)


@pytest.mark.parametrize("method", ["offset", "limit"])
def test_offset_and_limit_beyond_any_index_are_refused_at_once(
    bundled: ssd.Catalogue, method: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{method} must be an integer from 0 to sys.maxsize"):
        getattr(bundled.query(), method)(10**20)
    assert len(getattr(bundled.query(), method)(sys.maxsize)) in (0, len(bundled))
