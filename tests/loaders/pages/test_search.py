"""Search pages: the result counter and the entries after it."""

from __future__ import annotations

import sinosoviet_docs as ssd
from tests.loaders.pages.captures import (
    ARCHIVE,
    entries,
    parse,
)


def test_search_page_counter_and_entries() -> None:
    """The '1 - 20 of 345' counter and the entries, in page (not date) order."""
    page = parse("search_full.txt", f"{ARCHIVE}/search?f[0]=topics:86475&page=3")
    assert ("search", 1, 20, 345, 3) == (
        page.kind,
        page.first,
        page.last,
        page.total,
        page.page_number,
    )
    assert ["1959-10-02", "1950-05-14", "1955-01"] == [d for d, _, _ in entries(page)]
    assert None is page.documents[1].summary


def test_bare_counter_with_thousands_separator() -> None:
    """A capture with only '21 - 40 of 1,345' (no 'Results:' or 'Documents') is a search page."""
    page = parse("search_bare.txt")
    assert ("search", 21, 40, 1345) == (page.kind, page.first, page.last, page.total)
    assert 2 == len(page.documents)


def test_a_counter_must_count_up() -> None:
    """'20 - 1 of 5' counts nothing: a problem at its line, and no first, last or total."""
    page = ssd.parse_page(
        "Skip to content\n\nResults:\n\n20 - 1 of 5\n\nDocuments\n\nDecember 1959\n\nNote"
    )
    assert ("search", None, None, None) == (page.kind, page.first, page.last, page.total)
    assert [(5, "20 - 1 of 5")] == [(p.line, p.text) for p in page.problems]
    assert ["Note"] == [d.title for d in page.documents]


def test_a_counter_of_five_thousand_digits_is_none() -> None:
    """Overlong numbers are no counter, and no integer-digit ValueError."""
    big = "1" * 5000
    page = ssd.parse_page(
        f"Skip to content\n\nResults:\n\n1 - 2 of {big}\n\nDocuments\n\nDecember 1959\n\nNote"
    )
    assert page.total is None
