"""Collection pages of both sites: name, description, links and listed entries."""

from __future__ import annotations

from pathlib import Path

import sinosoviet_docs as ssd
from tests.loaders.pages.captures import (
    ARCHIVE,
    SEED,
    entries,
    parse,
)


def test_new_collection_name_and_description() -> None:
    """The name is the first block and the description the paragraph after it."""
    page = parse("new_collection.txt")
    assert ("collection", "new") == (page.kind, page.layout)
    assert "Grain and Steel Exchanges, 1953-1961" == page.title
    assert (page.description or "").startswith("A collection of invented records")


def test_new_collection_siblings_and_guide_with_glued_image_credit() -> None:
    """Sibling names and the resource guide are read from the description, credit aside."""
    page = parse("new_collection.txt")
    expected = (
        "Harbor Talks, 1949-1952",
        "River Commissions, 1956-1966",
        "Railway Gauges, 1950-1955",
    )
    assert expected == page.related
    assert "Reading the Barter Ledgers" == page.resource_guide


def test_new_collection_popular_entries_in_page_order() -> None:
    """Popular documents keep page order, padded and month-only dates, missing summaries."""
    page = parse("new_collection.txt")
    assert page.popular
    assert [
        (
            "1954-03-03",
            "Memorandum, Ministry of Grain to Cde. Orlov [Petrov]",
            "The ministry asks for a second shipment and complains about “damp sacks” at the border station.",
        ),
        ("1950-07-05", "Minutes of the Joint Freight Committee", None),
        (
            "1957-08",
            "Report on Rolled Steel Deliveries [undated annex]",
            "Deliveries fell short by a third; the author blames the gauge change at the frontier.",
        ),
        (
            "1958",
            "Speech by Comr. Lin to the Harbor Workers’ Congress",
            "Lin praises the dockers and promises new cranes by spring.",
        ),
    ] == entries(page)


def test_new_collection_popularity_ranks() -> None:
    """Each popular entry is ranked in the page's collection, not made a member of it."""
    page = parse("new_collection.txt")
    slug = "grain-and-steel-exchanges-1953-1961"
    assert [1, 2, 3, 4] == [d.rank_in(slug) for d in page.documents]
    assert all(d.collections == () for d in page.documents)


def test_timeline_widget_label_is_not_the_description() -> None:
    """The lone 'Timeline' label before 'Popular Documents' is chrome."""
    page = parse("new_collection.txt")
    assert "Timeline" not in (page.description or "")


def test_printed_date_form_is_kept() -> None:
    """The date as printed stays in dates_printed ("July 05, 1950")."""
    page = parse("new_collection.txt")
    assert ("July 05, 1950",) == page.documents[1].dates_printed


def test_crlf_nbsp_and_trailing_spaces() -> None:
    """Windows line ends, non-breaking spaces and trailing spaces do not reach the values."""
    page = parse("new_collection_crlf.txt")
    assert "Invented records of harbor negotiations." == page.description
    assert [
        (
            "1951-12",
            "Cable, Harbor Office to Ministry of Transport",
            "The office reports ice in the channel.",
        ),
        ("1952-02-02", "Letter from Wen to Kirov", "Wen thanks Kirov for the tugboats."),
    ] == entries(page)


def test_entry_line_numbers_in_provenance() -> None:
    """Each entry's provenance names the capture and the line of its date."""
    page = parse("new_collection.txt")
    assert "new_collection.txt line 11" == page.documents[0].provenance[0].source
    assert 1 == page.documents[0].provenance[0].position


def test_seed_page_reads_without_problems(shared: Path) -> None:
    """The seed parses strictly: name, four siblings, the guide, five popular documents."""
    page = ssd.parse_page((shared / "seeds" / SEED).read_text("utf-8"), strict=True)
    assert "Sino-Soviet Alliance, 1950-1959" == page.title
    assert 4 == len(page.related)
    assert "The Sino-Soviet Alliance, 70 Years Later" == page.resource_guide
    assert "Telegram from Stalin to Mao Zedong" == page.documents[0].title
    assert 5 == len(page.documents)


def test_seed_summaries_match_the_bundled_catalogue(shared: Path, bundled: ssd.Catalogue) -> None:
    """The popular documents the parser reads are the bundled catalogue's, summaries included."""
    page = ssd.parse_page((shared / "seeds" / SEED).read_text("utf-8"), strict=True)
    popular = bundled.collection("sino-soviet-alliance-1950-1959").popular
    assert [(d.title, d.summary) for d in popular] == [(d.title, d.summary) for d in page.documents]


def test_old_dash_collection() -> None:
    """Dash rendering: entries after '-' lines, one without summary, membership in the collection."""
    url = f"{ARCHIVE}/collection/301/river-commissions-1956-1966/2"
    page = parse("old_collection_dash.txt", url)
    assert ("collection", "old-dash", "River Commissions, 1956-1966") == (
        page.kind,
        page.layout,
        page.title,
    )
    assert [
        (
            "1956-07-05",
            "Protocol No. 1 of the Joint River Commission",
            "The commission agrees on buoy colors and a shared timetable.",
        ),
        ("1959-12", "Note from the Soviet Section to the Chinese Section", None),
        (
            "1961-03-01",
            "Cable, Cde. Filippov [Orlov] to Zhang",
            "Zhang is asked to send the dredging figures before the thaw.",
        ),
    ] == entries(page)
    assert all(("river-commissions-1956-1966",) == d.collections for d in page.documents)


def test_old_collection_address_gives_page_and_id() -> None:
    """The old address gives the slug, the page number and the collection's numeric id."""
    page = parse(
        "old_collection_dash.txt", f"{ARCHIVE}/collection/301/river-commissions-1956-1966/2"
    )
    col = page.collection_record()
    assert col is not None
    assert (2, "river-commissions-1956-1966", 301) == (page.page_number, col.slug, col.archive_id)


def test_old_bullet_collection_with_chrome_and_cut_title() -> None:
    """Bullet rendering: chrome skipped, entry without summary, a title cut by the capture's end."""
    page = parse("old_collection_bullet.txt")
    assert ("old-bullet", "Railway Gauges, 1950-1955") == (page.layout, page.title)
    assert [
        (
            "1950-02-10",
            "Telegram from the Railway Ministry to the Border Station",
            "The ministry orders two hundred wheel sets.",
        ),
        ("1951-05", "Report on Axle Shortages", None),
        ("1953-06-07", "Minutes of a Meeting on Gauge Chan", None),
    ] == entries(page)


def test_bullet_or_dash_inside_a_summary_is_not_a_layout() -> None:
    """A summary line starting with '•', or a lone '-', does not switch the page to the old layouts."""
    text = (
        "Skip to content\n\nA\n\nB\n\nPopular Documents\n\n1958\n\nT\n\n• point one\n-\n• point two"
    )
    page = ssd.parse_page(text, strict=True)
    assert [("1958", "T", "• point one\n-\n• point two")] == entries(page)


def test_collection_provenance_names_the_capture() -> None:
    """A collection read from a capture says which file it came from."""
    page = parse("new_collection.txt")
    col = page.collection_record()
    assert col is not None
    assert ("new_collection.txt", "new_collection.txt") == (page.source, col.provenance[0].source)
