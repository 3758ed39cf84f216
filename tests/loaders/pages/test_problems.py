"""Problems and strictness: unplaceable text is reported with its line; digits other than ASCII are no numbers."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd
from tests.loaders.pages.captures import (
    ARCHIVE,
    BROKEN,
    PAGES,
    UNICODE_NUMBERS,
    parse,
)


def test_unplaceable_text_is_a_problem_with_its_line() -> None:
    """A block that is not an entry is reported with its line, and the entries around it kept."""
    page = ssd.parse_page(BROKEN, source="broken.txt")
    assert 2 == len(page.documents)
    (problem,) = page.problems
    assert (15, "A stray paragraph nobody can place.") == (problem.line, problem.text)


def test_strict_raises_page_parse_error_with_line() -> None:
    """strict=True raises PageParseError (a ValueError) naming the line and what was expected."""
    with pytest.raises(
        ssd.PageParseError, match=r"broken.txt, line 15: expected an entry's date"
    ) as info:
        ssd.parse_page(BROKEN, source="broken.txt", strict=True)
    assert isinstance(info.value, ValueError)
    assert 15 == info.value.line


def test_date_without_title_is_reported() -> None:
    """A date at the end of a capture, with no title after it, is a problem, not a document."""
    page = ssd.parse_page("Skip to content\n\nA\n\nB\n\nPopular Documents\n\n1958")
    assert () == page.documents
    assert "a title after the date '1958'" in page.problems[0].message


def test_unknown_layout_is_reported() -> None:
    """Text with no layout marker is one problem; non-strict parsing still returns a page."""
    page = ssd.parse_page("Just a note\n\nwith two paragraphs")
    assert "a page layout" in page.problems[0].message


def test_non_string_input_is_a_type_error() -> None:
    """Bytes are refused with a TypeError naming the type."""
    with pytest.raises(TypeError, match="bytes"):
        ssd.parse_page(b"Skip to content")  # type: ignore[arg-type]


@pytest.mark.parametrize("number", UNICODE_NUMBERS)
def test_unicode_digits_in_a_document_address_give_no_record_id(number: str) -> None:
    """/document/² is an address without a record id, not a crash."""
    page = parse("document_new_minimal.txt", f"{ARCHIVE}/document/{number}")
    assert (None, f"{ARCHIVE}/document/{number}") == (page.documents[0].record_id, page.url)


@pytest.mark.parametrize("number", UNICODE_NUMBERS)
def test_unicode_digits_in_a_page_query_give_no_page_number(number: str) -> None:
    """?page=² gives no page number."""
    page = parse("search_bare.txt", f"{ARCHIVE}/search?page={number}")
    assert ("search", None) == (page.kind, page.page_number)


@pytest.mark.parametrize("number", UNICODE_NUMBERS)
def test_unicode_digits_in_an_old_collection_address_give_no_page_or_id(number: str) -> None:
    """/collection/²/slug and /collection/301/slug/² give no collection id and no page number."""
    slug = "river-commissions-1956-1966"
    by_id = parse("old_collection_dash.txt", f"{ARCHIVE}/collection/{number}/{slug}")
    by_page = parse("old_collection_dash.txt", f"{ARCHIVE}/collection/301/{slug}/{number}")
    col = by_id.collection_record()
    assert col is not None
    assert (slug, None, None) == (col.slug, col.archive_id, by_page.page_number)


@pytest.mark.parametrize("number", UNICODE_NUMBERS)
def test_unicode_digits_in_a_counter_are_no_counter(number: str) -> None:
    """'1 - 2 of ²' is not a results counter: no total is read and the line is kept as text."""
    text = f"1 - 2 of {number}\n\nJune 1, 1962\n\nLetter from the Harbor Office"
    page = ssd.parse_page(text)
    assert (None, None, f"1 - 2 of {number}") == (page.first, page.total, page.title)


@pytest.mark.parametrize("number", UNICODE_NUMBERS)
def test_unicode_digits_in_the_record_id_field_are_a_problem(number: str) -> None:
    """A 'Record ID' value of '²' is reported as a problem; strict parsing raises PageParseError."""
    text = (PAGES / "document_new_minimal.txt").read_text("utf-8") + f"\n{number}\n"
    page = ssd.parse_page(text)
    assert (None, [number]) == (page.documents[0].record_id, [p.text for p in page.problems])
    with pytest.raises(ssd.PageParseError, match="expected a record id"):
        ssd.parse_page(text, strict=True)


@pytest.mark.parametrize("date", ["July ², 1950", "July 5, ¹⁹⁵⁰", "July 5, ١٩٥٠", "١٩٥٨"])
def test_unicode_digits_in_a_listing_date_are_a_problem(date: str) -> None:
    """An entry date written with other digits is not read as a date: it is reported."""
    page = ssd.parse_page(f"Skip to content\n\nA\n\nB\n\nPopular Documents\n\n{date}\n\nT")
    assert (9, date) == (page.problems[0].line, page.problems[0].text)
    assert () == page.documents


def test_malformed_address_says_nothing_and_raises_nothing() -> None:
    """An address urllib cannot split ('http://[::1') gives no record id, not a ValueError."""
    page = parse("document_new_minimal.txt", "http://[::1")
    assert ("document", None, "http://[::1") == (page.kind, page.documents[0].record_id, page.url)


def test_a_byte_order_mark_is_no_part_of_the_first_line() -> None:
    """A capture starting with a BOM reads as without it: 'Skip to content' is still chrome."""
    page = ssd.parse_page(
        "\ufeff" + BROKEN.replace("A stray paragraph nobody can place.", ""), strict=True
    )
    assert ("A Name", "About it.") == (page.title, page.description)


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_text_that_no_file_can_hold_is_a_page_parse_error(bad: str) -> None:
    """A NUL or lone surrogate raises PageParseError with its line, strict or not."""
    with pytest.raises(ssd.PageParseError, match=r"page capture, line 3: expected text"):
        ssd.parse_page("Skip to content\n\nA" + bad)
