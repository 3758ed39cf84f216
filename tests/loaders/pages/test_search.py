"""Search pages: the result counter and the entries after it."""

from __future__ import annotations

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
