"""Page captures: every layout and quirk of the format notes, problems, strictness, fuzzing."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.exceptions import LoadWarning
from tests.strategies import capture_texts, page_entries, page_urls

PAGES = Path(__file__).parent / "data" / "pages"
SEED = "000_476309a05a576595.txt"
ARCHIVE = "https://digitalarchive.wilsoncenter.org"


def parse(name: str, url: str | None = None, *, strict: bool = True) -> ssd.Page:
    return ssd.parse_page((PAGES / name).read_text("utf-8"), url=url, strict=strict, source=name)


def entries(page: ssd.Page) -> list[tuple[str, str, str | None]]:
    return [(str(d.date), d.title, d.summary) for d in page.documents]


# -- new-site collection pages --------------------------------------------------------------


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


# -- old-site collection pages ---------------------------------------------------------------


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


# -- search pages -----------------------------------------------------------------------------


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


# -- document pages ---------------------------------------------------------------------------


def test_new_document_page_fields() -> None:
    """Date, title, funding, summary, source, archive, upload date, type and record id."""
    page = parse("document_new.txt", f"{ARCHIVE}/document/letter-wen-kirov-tugboats")
    (doc,) = page.documents
    assert ("document", "900001", 900001) == (page.kind, doc.id, doc.record_id)
    assert ("1951-06-03", "Letter from Wen to Kirov on Tugboats") == (str(doc.date), doc.title)
    assert ("the Imaginary Foundation",) == doc.donors
    assert (
        doc.summary
        == "Wen thanks Kirov for the tugboats and asks that their crews stay to train local sailors."
    )
    assert "Invented Archive, f. 1, op. 2, d. 3, l. 4." == doc.source
    assert "Invented Archive of Harbor Affairs" == doc.original_archive
    assert ("2014-05-09", "Letter") == (str(doc.uploaded), doc.type)


def test_new_document_body_and_rights() -> None:
    """The body keeps stamps and paragraphs; rights keep both paragraphs and the e-mail mask."""
    (doc,) = parse("document_new.txt").documents
    assert (doc.text or "").startswith("[Stamp: Secret. Copy No. 2]\n\nTo Comrade Kirov:")
    assert (doc.text or "").endswith("With greetings, Wen")
    assert "[email protected]" in (doc.rights or "")
    assert (doc.rights or "").endswith("A second rights paragraph.")


def test_new_document_empty_link_lists_stay_empty() -> None:
    """Empty author, people, places, topics and language lists are unknown, not invented."""
    (doc,) = parse("document_new.txt").documents
    assert ((), (), (), (), ()) == (doc.authors, doc.people, doc.places, doc.topics, doc.languages)


def test_leading_summary_of_another_document_is_kept_apart() -> None:
    """Text before 'Skip to content' goes to the preamble, not into the document."""
    page = parse("document_new.txt")
    assert (
        "Kirov reports a delay in the delivery of tugboats to the harbor office." == page.preamble
    )
    assert "Kirov reports" not in (page.documents[0].text or "")


def test_related_documents() -> None:
    """Related documents are read as entries and linked by id."""
    page = parse("document_new.txt")
    assert [
        ("1951-05-20", "Cable from Kirov to Wen", "Kirov announces the dispatch of two tugboats."),
        ("1951-06-10", "Note on Tugboat Crews", None),
    ] == [(str(d.date), d.title, d.summary) for d in page.related_documents]
    assert tuple(d.id for d in page.related_documents) == page.documents[0].related


def test_document_without_source_heading_and_blank_fields() -> None:
    """A citation right after 'Document Information'; blank upload date and record id stay unknown."""
    (doc,) = parse("document_new_minimal.txt").documents
    assert "Invented Archive, f. 9, op. 9, d. 9." == doc.source
    assert (None, None, "Speech") == (doc.uploaded, doc.record_id, doc.type)
    assert "1958-speech-by-comr-lin-to-the-harbor-workers-congress" == doc.id


def test_old_document_page_title_from_citation() -> None:
    """Old site: title and source from the citation line, record id from the address."""
    page = parse("document_old.txt", f"{ARCHIVE}/document/900002")
    (doc,) = page.documents
    assert ("old", 900002, "Ciphered Telegram No. 4321, Orlov to Lin") == (
        page.layout,
        doc.record_id,
        doc.title,
    )
    assert "Invented Archive, f. 5, op. 6, d. 7, l. 8" == doc.source
    assert "Translated by Nobody Inparticular." == doc.credits
    assert ("the Imaginary Foundation",) == doc.donors
    assert (doc.text or "").startswith("Orlov confirms")


# -- problems and strictness ------------------------------------------------------------------


BROKEN = """Skip to content

A Name

About it.

Popular Documents

July 5, 1950

A title

A summary.

A stray paragraph nobody can place.

1958

Another title"""


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


# -- digits other than ASCII are not numbers --------------------------------------------------

# "²".isdigit() is true but int("²") fails; int("١٢") reads 12. Neither is a number here.
UNICODE_NUMBERS = ["²", "³⁴", "①", "١٢", "9²"]


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


# -- load_pages -------------------------------------------------------------------------------


def test_load_pages_undecodable_file_is_a_page_parse_error(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 raise PageParseError naming the file, line and byte offset."""
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\xef\xbb\xbfSkip to content\n\nA\xff\xfe\n")
    with pytest.raises(
        ssd.PageParseError,
        match=r"bin\.txt, line 3: expected UTF-8 text, found b'\\xff' at byte offset 21",
    ) as info:
        ssd.load_pages([path])
    assert isinstance(info.value, ValueError)
    assert (str(path), 3) == (info.value.source, info.value.line)


def test_load_pages_merges_a_document_seen_on_two_pages() -> None:
    """The speech is popular on one page and a document page of its own: one document results."""
    cat = ssd.load_pages([PAGES / "new_collection.txt", PAGES / "document_new_minimal.txt"])
    doc = cat["1958-speech-by-comr-lin-to-the-harbor-workers-congress"]
    assert "Speech" == doc.type
    assert 4 == doc.rank_in("grain-and-steel-exchanges-1953-1961")
    assert 2 == len(doc.provenance)


def test_load_pages_builds_collections() -> None:
    """A collection page becomes a Collection with its popular documents in order."""
    cat = ssd.load_pages([PAGES / "new_collection.txt"])
    col = cat.collection("grain-and-steel-exchanges-1953-1961")
    assert 4 == len(col.popular)
    assert "reading-the-barter-ledgers" == (col.resource_guide.slug if col.resource_guide else None)


def test_load_pages_with_address_pairs() -> None:
    """A (path, url) pair gives the page its address: the record id of a document page."""
    cat = ssd.load_pages([(PAGES / "document_old.txt", "/document/900002")])
    assert f"{ARCHIVE}/document/900002" == cat["900002"].url


def test_load_pages_warns_about_problems(tmp_path: Path) -> None:
    """Non-strict loading issues a LoadWarning naming the file and the first problem."""
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, "utf-8")
    with pytest.warns(LoadWarning, match=r"broken.txt.*line 15"):
        cat = ssd.load_pages([path])
    assert 2 == len(cat)


def test_load_pages_strict_raises(tmp_path: Path) -> None:
    """strict=True turns the first problem of any file into PageParseError."""
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, "utf-8")
    with pytest.raises(ssd.PageParseError):
        ssd.load_pages([path], strict=True)


def test_every_fixture_parses_strictly() -> None:
    """Every fixture layout parses with no problem at all."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for path in sorted(PAGES.glob("*.txt")):
            assert () == ssd.parse_page(path.read_text("utf-8"), source=path.name).problems


# -- fuzzing and linear time ------------------------------------------------------------------


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


def test_load_pages_entry_listed_twice_on_one_page(tmp_path: Path) -> None:
    """A popular entry repeated on one page becomes one document; the collection stays valid."""
    path = tmp_path / "twice.txt"
    entry = "July 5, 1950\n\nCable from Orlov to Wen\n\nA summary."
    path.write_text(
        f"Skip to content\n\nA Name\n\nAbout it.\n\nPopular Documents\n\n{entry}\n\n{entry}",
        "utf-8",
    )
    cat = ssd.load_pages([path])
    assert 1 == len(cat)
    assert ["1950-07-05-cable-from-orlov-to-wen"] == [
        d.id for d in cat.collection("a-name").popular
    ]


def test_load_pages_two_pages_of_one_collection(tmp_path: Path) -> None:
    """Two pages of one old-site collection give one collection holding both pages' entries."""
    url = f"{ARCHIVE}/collection/301/river-commissions-1956-1966"
    head = "\nRiver Commissions, 1956-1966\nAbout it.\n"
    first, second = tmp_path / "p1.txt", tmp_path / "p2.txt"
    first.write_text(head + "-\nJuly 05, 1956\nProtocol No. 1\n", "utf-8")
    second.write_text(head + "-\nMay 1957\nProtocol No. 2\nA summary.\n", "utf-8")
    cat = ssd.load_pages([(first, url + "/1"), (second, url + "/2")])
    assert ["Protocol No. 1", "Protocol No. 2"] == [
        d.title for d in cat.documents_in("river-commissions-1956-1966")
    ]
    assert 1 == len(cat.collections)
    assert [1, 2] == [d.provenance[0].page for d in cat]


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
