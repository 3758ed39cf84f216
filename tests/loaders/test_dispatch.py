"""Choosing a loader by a file's content and name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.loaders.dispatch import load_any, sniff

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("library.txt", "\ufeff\nTY  - MANSCPT\nTI  - A\nER  -\n", "ris"),
        ("export.ris", "", "ris"),
        ("documents.csv", "title\nA\n", "scrape-csv"),
        ("cat.jsonl", "{}", "catalogue"),
        ("page.html.txt", "Skip to content\n", "page"),
    ],
)
def test_sniff_by_content_and_suffix(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    """RIS by its first line or suffix, CSV and catalogues by suffix, anything else a page."""
    path = tmp_path / name
    path.write_text(content, "utf-8")
    assert expected == sniff(path)


def test_sniff_sqlite_whatever_the_suffix(tmp_path: Path) -> None:
    """A SQLite database is recognised by its header, even named .csv."""
    path = tmp_path / "scrape.csv"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE documents (title TEXT)")
    conn.close()
    assert "scrape-sqlite" == sniff(path)


def test_load_any_reads_a_catalogue_file(tmp_path: Path, bundled: ssd.Catalogue) -> None:
    """A .jsonl catalogue written by dump loads back unchanged."""
    path = tmp_path / "cat.jsonl"
    ssd.dump(bundled, path)
    assert bundled == load_any(path)


def test_load_any_reads_a_page_capture() -> None:
    """A text file that is not RIS is read as a page capture."""
    cat = load_any(DATA / "pages" / "search_full.txt")
    assert 3 == len(cat)


@pytest.mark.parametrize("name", ["n.db", "n.sqlite", "n.SQLITE3"])
@pytest.mark.parametrize("content", [b"", b"Skip to content\n\nA page\n", b"\xff\xfe binary"])
def test_database_name_without_sqlite_header_is_an_error(
    tmp_path: Path, name: str, content: bytes
) -> None:
    """A .db/.sqlite/.sqlite3 file that is no SQLite database raises, never loads as a page."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ssd.ScrapeLoadError, match=rf"{name}: not a SQLite database") as info:
        load_any(path)
    assert isinstance(info.value, ValueError)


def test_a_store_given_to_load_is_read_as_a_store(tmp_path: Path) -> None:
    """A SQLite file written by cat.save is a store, not a scrape database: load_any reads
    it back whole (collections too), where a scrape reader would lose them."""
    cat = ssd.load()
    store = tmp_path / "c.sqlite"
    cat.save(store)
    assert "store" == sniff(store)
    assert cat == load_any(store)
