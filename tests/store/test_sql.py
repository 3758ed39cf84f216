"""The same answers from both engines: generated catalogues queried in memory and as SQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.query import Query, head
from sinosoviet_docs.store import StoredCatalogue

from ..strategies import (
    SEARCH_COLLECTIONS,
    SEARCH_LANGUAGES,
    SEARCH_PEOPLE,
    SEARCH_PLACES,
    SEARCH_TOPICS,
    SEARCH_TYPES,
    plain_searches,
    search_strings,
    searchable_catalogues,
)
from .helpers import stored

Step = Callable[[Query], Query]

_years = st.integers(1947, 1963).map(str)
_months = st.tuples(st.integers(1947, 1963), st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}")


def _between(lo: str | None, hi: str | None, mode: str) -> Step:
    return lambda q: q.between(lo, hi, mode=mode)  # type: ignore[arg-type]


_steps: st.SearchStrategy[Step] = st.one_of(
    st.builds(
        _between,
        st.none() | _years | _months,
        st.none() | _years | _months,
        st.sampled_from(["overlaps", "within"]),
    ),
    st.sampled_from(SEARCH_PEOPLE).map(lambda n: lambda q: q.involving(n)),
    st.sampled_from(SEARCH_TYPES).map(lambda t: lambda q: q.of_type(t)),
    st.sampled_from(SEARCH_TOPICS).map(lambda t: lambda q: q.about(t)),
    st.sampled_from(SEARCH_PLACES).map(lambda p: lambda q: q.at(p)),
    st.sampled_from(SEARCH_LANGUAGES).map(lambda lang: lambda q: q.in_language(lang)),
    st.sampled_from(SEARCH_COLLECTIONS).map(lambda c: lambda q: q.in_collection(c)),
    st.sampled_from(SEARCH_PEOPLE).map(lambda n: lambda q: q.sent_by(n)),
)


def _apply(q: Query, steps: list[Step]) -> Query:
    for step in steps:
        q = step(q)
    return q


@settings(max_examples=60, deadline=None)
@given(searchable_catalogues(), st.lists(_steps, max_size=3))
def test_filters_facets_and_timelines_agree(cat: ssd.Catalogue, steps: list[Step]) -> None:
    """Every filter keeps the same ids; facets and timelines count the same."""
    try:
        memory = _apply(cat.query(), steps)
    except (ValueError, LookupError):  # a backward period, an ambiguous name: refused at once
        return
    with stored(cat) as store:
        sql = _apply(store.query(), steps)
        assert memory.ids() == sql.ids()
        for field in ("type", "person", "place", "topic", "language", "collection", "year"):
            assert memory.facets(field) == sql.facets(field)  # type: ignore[arg-type]
        for unit in ("year", "month"):
            assert memory.timeline(unit) == sql.timeline(unit)  # type: ignore[arg-type]
        for key in ("date", "-date", "title", "-title"):
            assert memory.sort(key).ids() == sql.sort(key).ids()  # type: ignore[arg-type]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-4 * max(abs(a), abs(b), 1e-12)


@settings(max_examples=60, deadline=None)
@given(searchable_catalogues(), plain_searches)
def test_plain_bm25_top_ten_agrees(cat: ssd.Catalogue, text: str) -> None:
    """Plain words: the same top 10 with scores equal to a relative 1e-4 (ties at the cut may differ)."""
    memory = cat.search(text, aliases=False).limit(10).scores()
    with stored(cat) as store:
        sql = store.search(text, aliases=False).limit(10).scores()
    assert len(memory) == len(sql)
    for (_, a), (_, b) in zip(memory, sql, strict=True):
        assert _close(a, b)
    cut = memory[-1][1] if memory else 0.0
    above = {i for i, s in memory if not _close(s, cut)}
    assert above <= {i for i, _ in sql}


@settings(max_examples=60, deadline=None)
@given(searchable_catalogues(), search_strings, st.booleans())
def test_every_search_matches_the_same_documents(
    cat: ssd.Catalogue, text: str, aliases: bool
) -> None:
    """Any search (prefixes, phrases, fields, NOT, names with aliases and code names by
    year): the same documents, with the same scores."""
    memory = dict(cat.search(text, aliases=aliases).scores())
    with stored(cat) as store:
        sql = dict(store.search(text, aliases=aliases).scores())
    assert memory.keys() == sql.keys()
    assert all(_close(memory[i], sql[i]) for i in memory)


@settings(max_examples=40, deadline=None)
@given(searchable_catalogues(), st.sampled_from(["stalin", "filippov", "mao", "semenov"]))
def test_the_typed_name_ranks_first_on_both(cat: ssd.Catalogue, name: str) -> None:
    """docs/query.md's rule for names: documents holding the name as typed rank above every
    document found only through another of the person's names."""
    with stored(cat) as store:
        for q in (cat.search(name), store.search(name)):
            typed = {d.id for d in q.catalogue.search(name, aliases=False)}
            ranked = q.ids()
            flags = [i in typed for i in ranked]
            assert flags == sorted(flags, reverse=True)


def test_bundled_catalogue_agrees_with_its_store() -> None:
    cat = ssd.load()
    with stored(cat) as store:
        for text in (
            "stalin",
            "mao zedong",
            '"east wind"',
            "stal*",
            "telegram NOT mao",
            "title:mao",
        ):
            assert cat.search(text).ids() == store.search(text).ids()
        q = lambda c: c.query().between("1950", "1951").involving("Stalin")  # noqa: E731
        assert q(cat).ids() == q(store).ids()
        assert q(cat).facets("person") == q(store).facets("person")


def test_plan_of_a_stored_query_says_it_ran_in_sqlite() -> None:
    with stored(ssd.load()) as store:
        plan = store.search("ammunitions").limit(3).plan()
    assert "strategy: one FTS5 statement ordered by bm25(), limited" in plan
    assert "term 'ammunitions': 1 documents" in plan


@pytest.mark.parametrize("text", ["stal*", "telegram NOT mao"])
def test_plan_counts_prefixes_and_leaves(text: str) -> None:
    cat = ssd.load()
    with stored(cat) as store:
        memory = [line for line in cat.search(text).plan().splitlines() if line.startswith("term")]
        sql = [line for line in store.search(text).plan().splitlines() if line.startswith("term")]
    assert memory == sql


def test_facets_and_timelines_of_a_store_read_no_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store counts facets and timelines in SQL: once its query has run, no document is
    read, and the counts are those of the catalogue in memory, in the same order."""
    cat = ssd.load()
    steps: list[Step] = [
        lambda q: q,
        lambda q: q.search("stalin"),
        lambda q: q.between("1950", "1955").limit(2),
    ]
    with stored(cat) as store:
        queries = [step(store.query()) for step in steps]
        for query in queries:
            query.facets("type")  # runs the query (a code name's years read documents)

        for method in ("__getitem__", "__iter__", "many"):
            monkeypatch.setattr(type(store.documents), method, _refused)
        for step, query in zip(steps, queries, strict=True):
            memory = step(cat.query())
            for field in _FACETS:
                assert list(memory.facets(field).items()) == list(query.facets(field).items())
            for unit in ("year", "month"):
                assert memory.timeline(unit) == query.timeline(unit)


_FACETS = ("type", "person", "place", "topic", "language", "collection", "year")


def test_scores_and_head_of_a_store_agree_and_scores_read_no_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """head() gives the count and the first documents with their scores as in memory;
    scores() on a store reads the ids alone."""
    cat = ssd.load()
    with stored(cat) as store:
        for text in ("stalin", "telegram NOT mao", "type:Telegram"):
            total, first = head(store.search(text), 3)
            expected_total, expected = head(cat.search(text), 3)
            assert (expected_total, [d.id for d, _ in expected]) == (
                total,
                [d.id for d, _ in first],
            )
            assert all(
                (a is None and b is None) or _close(a or 0, b or 0)
                for (_, a), (_, b) in zip(expected, first, strict=True)
            )
        query = store.search("mao stalin")
        len(query)
        for method in ("__getitem__", "__iter__", "many"):
            monkeypatch.setattr(type(store.documents), method, _refused)
        assert [i for i, _ in query.scores()] == cat.search("mao stalin").ids()


def test_head_of_a_store_reads_only_the_documents_it_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    with stored(ssd.load()) as store:
        query = store.search("telegram", aliases=False)
        read: list[int] = []
        documents = type(store.documents)
        decode = documents._document

        def counted(self: object, row: tuple[object, ...]) -> ssd.Document:
            read.append(row[0])  # type: ignore[arg-type]
            return decode(self, row)  # type: ignore[arg-type]

        monkeypatch.setattr(documents, "_document", counted)
        total, first = head(query, 3)
    assert total > 3
    assert [d.id for d, _ in first] == ssd.load().search("telegram").limit(3).ids()
    assert 3 == len(read) == len(first)


def _refused(*_args: object) -> None:
    raise AssertionError("a document was read")


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("telegram", ()),
        ("telegram", ("offset",)),
        ("telegram", ("limit",)),
        ("telegram", ("offset", "limit")),
        ("stal*", ()),
        ('"east wind" OR mao', ("date",)),
        ("telegram NOT mao", ("-title",)),
        ("nosuchword", ()),
        ("stalin", ()),
        ("type:Telegram", ()),
        ("mao type:Telegram", ()),
    ],
)
@pytest.mark.parametrize("n", [0, 3, 20, 500])
def test_head_of_a_store_counts_in_sql_and_agrees(
    text: str, steps: tuple[str, ...], n: int
) -> None:
    """head() on a store counts the matches of a one-statement search in SQL and ranks only
    the first ``n``: the same count and documents as len() and the full ranking give."""
    cat = ssd.load()
    with stored(cat) as store:

        def build(c: ssd.Catalogue | StoredCatalogue) -> Query:
            q = c.search(text)
            for step in steps:
                if step == "offset":
                    q = q.offset(2)
                elif step == "limit":
                    q = q.limit(4)
                else:
                    q = q.sort(step)  # type: ignore[arg-type]
            return q

        total, first = head(build(store), n)
        full = build(store)
        assert len(full) == total == len(build(cat))
        assert [d.id for d, _ in first] == full.ids()[:n] == build(cat).ids()[:n]
        scores = dict(full.scores()) if full.searches else {}
        assert all(s is None or s == scores[d.id] for d, s in first)


def test_head_of_a_one_statement_search_on_a_store_ranks_only_what_it_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The count comes from SQL, so the search is run limited to the ``n`` asked for:
    the executor never ranks the whole match."""
    from sinosoviet_docs.store._sql import SqlExecutor

    limits: list[int | None] = []
    bm25 = SqlExecutor._bm25

    def recorded(self: SqlExecutor, match: str, found: object, limit: int | None) -> object:
        limits.append(limit)
        return bm25(self, match, found, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(SqlExecutor, "_bm25", recorded)
    with stored(ssd.load()) as store:
        query = store.search("telegram", aliases=False)
        counted = query._executor().count(query._plan())
        total, first = head(query, 3)
    assert counted == total == len(ssd.load().search("telegram", aliases=False)) > 3
    assert len(first) == 3
    assert limits == [3]
