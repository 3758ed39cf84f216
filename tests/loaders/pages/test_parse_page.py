"""parse_page on any input: fuzzing, nothing lost, linear time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from tests.strategies import capture_texts, page_entries, page_urls


@given(capture_texts, st.none() | page_urls, st.booleans())
def test_parse_page_raises_only_page_parse_error(text: str, url: str | None, strict: bool) -> None:
    """Any text at any address (Unicode digits in both) parses, or (strict only) raises
    PageParseError: nothing else escapes."""
    try:
        page = ssd.parse_page(text, url=url, strict=strict)
    except ssd.PageParseError:
        assert strict
    else:
        assert not strict or () == page.problems


def _render(
    entries_: list[tuple[str, str, str | None]], layout: str, junk_at: int
) -> tuple[str, int]:
    """A capture of the entries; in block layouts one stray block after an entry with a summary."""
    if layout == "dash":
        lines = ["", "A Name", "About it."]
        for date, title, summary in entries_:
            lines += ["-", date, title, *([summary] if summary else [])]
        return "\n".join(lines), 0
    if layout == "bullet":
        lines = ["Search in", "A Name", "About it.", ""]
        for date, title, summary in entries_:
            lines += [f"  • {date}", f"  {title}", "", *([f"  {summary}", ""] if summary else [])]
        return "\n".join(lines), 0
    blocks = ["Skip to content", "A Name", "About it.", "Popular Documents"]
    if layout == "search":
        blocks = ["Skip to content", "Results:", "1 - 8 of 8", "Documents"]
    strays = 0
    for index, (date, title, summary) in enumerate(entries_):
        blocks += [date, title, *([summary] if summary else [])]
        if index == junk_at and summary is not None:
            blocks.append("Stray words that are no date at all")
            strays = 1
    return "\r\n\r\n".join(blocks), strays


@given(
    st.lists(page_entries, min_size=1, max_size=8),
    st.sampled_from(["new", "dash", "bullet", "search"]),
    st.integers(0, 7),
)
def test_no_entry_is_lost(
    entries_: list[tuple[str, str, str | None]], layout: str, junk_at: int
) -> None:
    """Every generated entry is parsed, in order, in each layout, even next to a stray line."""
    text, strays = _render(entries_, layout, junk_at)
    page = ssd.parse_page(text)
    assert [(d, t, s) for d, t, s in entries_] == [
        (doc.dates_printed[0], doc.title, doc.summary) for doc in page.documents
    ]
    assert strays == len(page.problems)


def test_one_megabyte_capture_keeps_every_entry() -> None:
    """A ~1 MB capture of repeated entries parses strictly into one document per entry.

    Speed is measured by benchmarks/bench_pages.py, not here.
    """
    entry = (
        "July 5, 1950\n\nCable from Orlov to Wen about the harbor\n\n"
        + "Summary words " * 20
        + "\n\n"
    )
    text = "Skip to content\n\nA Name\n\nAbout it.\n\nPopular Documents\n\n" + entry * (
        1_000_000 // len(entry)
    )
    page = ssd.parse_page(text, strict=True)
    assert 1_000_000 // len(entry) == len(page.documents)


_HOSTILE_LINES = st.sampled_from(
    [
        "\ufeffSkip to content",
        "Popular Documents",
        "Citation",
        "Results:",
        "20 - 1 of 5",
        "1 - 20 of " + "9" * 5000,
        "July 5, 1950",
        "This document was made possible with support from X",
        '"A title," May 1950, History and Public Policy Program Digital Archive, X.',
        "\x00",
        "\ud800",
        "a\u2028b\x85c",
        "",
    ]
)


@given(st.lists(_HOSTILE_LINES | st.text(max_size=15), max_size=20).map("\n".join), st.booleans())
def test_parse_page_of_hostile_lines_raises_only_page_parse_error(text: str, strict: bool) -> None:
    """Markers, counters, BOMs, NULs and lone surrogates in any order: a page or
    PageParseError (NUL and surrogates always, other problems only when strict)."""
    try:
        page = ssd.parse_page(text, strict=strict)
    except ssd.PageParseError:
        assert strict or "\x00" in text or "\ud800" in text
    else:
        assert not strict or () == page.problems
