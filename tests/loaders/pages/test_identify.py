"""Identification: the page family and layout are decided from markers before reading."""

from __future__ import annotations

import pytest

from sinosoviet_docs._urls import AddressKind
from sinosoviet_docs.loaders.pages._identify import Shape, identify, split_preamble
from sinosoviet_docs.loaders.pages._lines import split_lines
from tests.loaders.pages.captures import PAGES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("document_new.txt", "new-document"),
        ("document_new_minimal.txt", "new-document"),
        ("document_old.txt", "old-document"),
        ("new_collection.txt", "new-collection"),
        ("new_collection_crlf.txt", "new-collection"),
        ("old_collection_bullet.txt", "old-bullet-collection"),
        ("old_collection_dash.txt", "old-dash-collection"),
        ("search_bare.txt", "search"),
        ("search_full.txt", "search"),
    ],
)
def test_each_fixture_is_identified(name: str, expected: Shape) -> None:
    """Every fixture's markers name its family and layout, without an address."""
    body, _ = split_preamble(split_lines((PAGES / name).read_text("utf-8")))
    assert expected == identify(body, None)


@pytest.mark.parametrize(
    ("address", "expected"),
    [(None, "unknown"), ("document", "new-document"), ("collection", "unknown")],
)
def test_without_markers_the_address_decides(address: AddressKind | None, expected: Shape) -> None:
    """Text without any marker is a document only when its address says so."""
    assert expected == identify(split_lines("A line\n\nAnother line"), address)


def test_counter_at_a_collection_address_is_no_search_page() -> None:
    """A '1 - 20 of 345' line makes a search page only at a search (or unknown) address."""
    lines = split_lines("Results:\n\n1 - 20 of 345")
    assert ("search", "search", "unknown") == tuple(
        identify(lines, kind) for kind in (None, "search", "collection")
    )


def test_text_before_skip_to_content_is_the_preamble() -> None:
    """Blocks before 'Skip to content' are kept apart; the body starts after it."""
    body, preamble = split_preamble(split_lines("Other summary.\n\nMore.\nSkip to content\nA"))
    assert ("Other summary.\n\nMore.", [(5, "A")]) == (preamble, list(body))
