"""load_pages: files, addresses, merging, warnings and strictness."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.exceptions import LoadWarning
from tests.loaders.pages.captures import (
    ARCHIVE,
    BROKEN,
    PAGES,
)


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


def test_one_path_as_a_string_is_an_argument_type_error() -> None:
    """load_pages("abc") would read the files a, b and c: it names the argument instead."""
    with pytest.raises(ssd.ArgumentTypeError, match=r"^paths: expected an iterable"):
        ssd.load_pages("abc")  # type: ignore[arg-type]
    with pytest.raises(ssd.ArgumentTypeError):
        ssd.load_pages(Path("abc"))  # type: ignore[arg-type]


def test_a_capture_with_a_nul_names_file_and_offset(tmp_path: Path) -> None:
    """A NUL in a capture file is a PageParseError with the file, line and byte offset."""
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Skip to content\n\nA\x00\n")
    with pytest.raises(
        ssd.PageParseError,
        match=r"nul\.txt, line 3: expected text, found a NUL character at byte offset 18",
    ):
        ssd.load_pages([path])
