"""Running plans: strategies, order, slices, and what a plan reports."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs._search.language import parse

from ..strategies import (
    search_strings,
    searchable_catalogues,
)
from .brute import Brute, _cat, ssd_fold


@given(
    searchable_catalogues(), search_strings, st.sampled_from(["date", "-date", "title", "-title"])
)
def test_sorted_search_matches_brute_force(cat: ssd.Catalogue, text: str, key: str) -> None:
    """A search sorted by date or title keeps the matches in that order."""
    expr = parse(text).expr
    assert expr is not None
    matched = sorted(Brute(cat).score(expr))
    docs = list(cat)
    if key == "date":
        expected = [docs[i].id for i in matched]
    elif key == "-date":
        dated = [docs[i].id for i in matched if docs[i].date is not None]
        expected = dated[::-1] + [docs[i].id for i in matched if docs[i].date is None]
    else:
        expected = [
            docs[i].id
            for i in sorted(matched, key=lambda i: ssd_fold(docs[i].title), reverse=key == "-title")
        ]
    assert expected == cat.search(text, aliases=False).sort(key).ids()  # type: ignore[arg-type]


def test_ties_broken_by_date() -> None:
    """Documents with equal scores come in date order."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="late", title="Taiwan", date=ssd.PartialDate(year=1958)),
            ssd.Document(id="early", title="Taiwan", date=ssd.PartialDate(year=1950)),
        ]
    )
    assert ["early", "late"] == cat.search("taiwan").ids()
    assert ["early", "late"] == cat.search("taiwan").limit(2).ids()


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


def test_relevance_needs_a_search() -> None:
    """sort('relevance') on a query without full text is an error."""
    with pytest.raises(ValueError, match="search"):
        _cat("1950").query().sort("relevance").ids()


def test_plan_reports_terms_filters_and_time() -> None:
    """plan() names the parsed search, the postings sizes, the filters and the time taken."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan strait", type="Telegram")])
    text = cat.search("taiwan type:Telegram").plan()
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


def test_plan_shows_the_synonym_group() -> None:
    """plan() writes a name and its aliases as one SYNONYMS(...) group, typed form first."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Filippov to Mao")])
    assert "search: SYNONYMS(filippov, " in cat.search("filippov").plan()


@pytest.mark.parametrize(("old", "value"), [("order", "title"), ("skip", 2), ("take", 3)])
def test_the_former_field_names_warn_and_still_answer(old: str, value: object) -> None:
    """Query.order, .skip and .take still read the sort key, offset and limit, with a warning."""
    q = ssd.Catalogue().query().sort("title").offset(2).limit(3)
    with pytest.warns(DeprecationWarning, match=f"Query.{old} is deprecated"):
        assert value == getattr(q, old)


def test_a_search_of_filters_alone_is_tested_on_what_the_filters_kept() -> None:
    """Filter fields under OR with no word are tested on the documents the top-level
    filters kept, each scoring 0 (date order); with a word they are evaluated with it."""
    docs = [
        ssd.Document(id="a", title="Telegram, Stalin to Mao Zedong", type="Telegram"),
        ssd.Document(id="b", title="Telegram, Stalin to Zhou Enlai", type="Telegram"),
        ssd.Document(id="c", title="Telegram, Stalin to Kim Il Sung"),
        ssd.Document(id="d", title="Letter, Mao Zedong to Stalin", type="Letter"),
    ]
    cat = ssd.Catalogue(documents=docs)
    q = cat.search("type:Telegram (to:mao OR to:zhou OR to:kim)")
    assert ["a", "b"] == q.ids()
    assert [("a", 0.0), ("b", 0.0)] == q.scores()
    assert "strategy: filters in the search tested on 2 documents" in q.plan()
    mixed = cat.search("(to:mao OR kim) NOT type:Letter")
    assert {"a", "c"} == set(mixed.ids())
    assert "strategy: full evaluation; 2 documents matched" in mixed.plan()
