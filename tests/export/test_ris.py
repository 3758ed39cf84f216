"""RIS: what rispy and the library's own loader read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rispy
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.export._cite import letter_kind, location_and_credits
from sinosoviet_docs.models import Document

from ..strategies import documents
from .samples import doc_with


def test_ris_is_readable_by_rispy(bundled: ssd.Catalogue) -> None:
    """rispy reads every bundled record back: type (PCOMM for letters), id, title, URL."""
    entries = rispy.loads(ssd.to_ris(bundled))
    expected = [
        ("MANSCPT" if letter_kind(d) is None else "PCOMM", d.id, d.title, export.stable_url(d))
        for d in bundled
    ]
    actual = [
        (e["type_of_reference"], e["id"], e["title"], (e.get("urls") or [None])[0]) for e in entries
    ]
    assert expected == actual


@given(st.lists(documents(), min_size=1, max_size=4))
def test_ris_of_generated_documents_reads_back(docs: list[Document]) -> None:
    """Titles (line breaks made spaces) and authors survive a rispy round trip."""
    entries = rispy.loads(ssd.to_ris(docs))
    expected = [(" ".join(d.title.split()), [" ".join(a.split()) for a in d.authors]) for d in docs]
    actual = [(e["title"], e.get("authors", [])) for e in entries]
    assert expected == actual


@pytest.mark.parametrize(
    ("edtf", "ris"),
    [
        ("1950", "1950///"),
        ("1950-02", "1950/02//"),
        ("1950-02-14", "1950/02/14/"),
        ("1950~", "1950///circa"),
        ("1950-02%", "1950/02//circa, uncertain"),
    ],
)
def test_ris_date_keeps_precision(edtf: str, ris: str) -> None:
    """DA has empty parts for what is not known and the qualifiers after the last slash."""
    text = ssd.to_ris(doc_with(date=PartialDate.from_edtf(edtf)))
    assert f"DA  - {ris}" in text.splitlines()


def test_ris_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """DB is the archive and AN the location in it (Zotero's archive, archiveLocation)."""
    entry = rispy.loads(ssd.to_ris(bundled["110385"]))[0]
    expected = (
        "History and Public Policy Program Digital Archive",
        "APRF, Fond 45, Opis 1, Delo 340, List 82",
    )
    assert expected == (entry["name_of_database"], entry["accession_number"])


def test_ris_round_trip_through_load_ris(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """The library's own RIS loader reads back id, title, date, record id and location."""
    load_ris = ssd.load_ris
    path = tmp_path / "out.ris"
    path.write_text(ssd.to_ris(bundled), encoding="utf-8")
    loaded = load_ris(path)

    def key(d: Document, location: str | None) -> tuple[Any, ...]:
        return (d.id, d.title, str(d.date), d.record_id, location)

    expected = [key(d, location_and_credits(d)[0]) for d in bundled]
    actual = [key(d, d.source) for d in loaded]
    assert sorted(expected) == sorted(actual)
