"""Document pages of both sites: dates, titles, headed fields, citation lines."""

from __future__ import annotations

import sinosoviet_docs as ssd
from tests.loaders.pages.captures import (
    ARCHIVE,
    PAGES,
    parse,
)


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


def test_a_funding_line_is_never_a_title() -> None:
    """An old-site page without its 'Citation' heading at a document address: the funding
    line after the date is reported, not taken as the title."""
    text = (PAGES / "document_old.txt").read_text("utf-8").replace("Citation\n", "")
    page = ssd.parse_page(text.replace("\n", "\n\n"), url=f"{ARCHIVE}/document/5")
    assert (None, ()) == (page.title, page.documents)
    assert "the document's title" in page.problems[0].message


def test_an_old_page_with_a_funding_line_is_an_old_document_without_its_address() -> None:
    """'Citation' and a funding line mark an old-site document even without 'English HTML'."""
    text = (PAGES / "document_old.txt").read_text("utf-8").replace("English HTML\n", "")
    page = ssd.parse_page(text)
    assert ("document", "old", "Ciphered Telegram No. 4321, Orlov to Lin") == (
        page.kind,
        page.layout,
        page.title,
    )
