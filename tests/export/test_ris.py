"""RIS: what rispy and the library's own loader read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import rispy
from hypothesis import example, given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.export._cite import letter_kind, location_and_credits
from sinosoviet_docs.export._names import SPLIT_EXCEPTIONS, is_place, person_name, unsplit
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
@example([Document(id="x", title="T", authors=("LU", "Jane Roe", "USA", "Filippov [Stalin]"))])
def test_ris_of_generated_documents_reads_back(docs: list[Document]) -> None:
    """Titles (line breaks made spaces) and authors survive a rispy round trip: an author
    the person authority does not know comes back as given, one it knows ("Stalin", or a
    bare "LU") as that person's name split "Family, Given"; an author that is a place
    ("USA") is never written as a creator."""
    entries = rispy.loads(ssd.to_ris(docs))
    assert [" ".join(d.title.split()) for d in docs] == [e["title"] for e in entries]
    for doc, entry in zip(docs, entries, strict=True):
        given_names = [" ".join(a.split()) for a in doc.authors if not is_place(a)]
        written = entry.get("authors", [])
        assert len(given_names) == len(written)
        for name, value in zip(given_names, written, strict=True):
            person = person_name(name)
            if person is None or person.id in SPLIT_EXCEPTIONS:
                assert value == name if person is None else value == person.name
            else:
                assert unsplit(value) == person.name
                assert value.count(",") == (1 if " " in person.name else 0)


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


ZOTERO = json.loads((Path(__file__).parent.parent / "data" / "zotero-ris.json").read_text("utf-8"))


def _zotero_import(record: str) -> dict[str, Any]:
    """A RIS record as Zotero's RIS.js maps it (by tests/data/zotero-ris.json): its item
    type, fields, creators as (type, lastName, firstName) and the lines it keeps as notes."""
    lines = [(line[:2], line[6:]) for line in record.splitlines() if line[2:6] == "  - "]
    item_type = ZOTERO["types"][lines[0][1]]
    item: dict[str, Any] = {"itemType": item_type, "creators": [], "unmapped": []}
    for tag, value in lines[1:]:
        field = ZOTERO["tags"].get(tag, {}).get(item_type)
        valid = field in ZOTERO["fields"][item_type] or field in ZOTERO["always_kept"]
        if tag == "PY":  # RIS.js keeps PY only as a backup for a missing DA
            item.setdefault("backup date", value)
        elif field is None or (not valid and not field.startswith("creators/")):
            item["unmapped"].append(tag)
        elif field.startswith("creators/"):
            last, _, first = value.partition(",")
            item["creators"].append((field.split("/")[1], last.strip(), first.strip() or None))
        else:
            item.setdefault(field, value)
    item.setdefault("date", item.pop("backup date", None))
    return item


def test_zotero_imports_every_tag_of_every_record(bundled: ssd.Catalogue) -> None:
    """By Zotero's RIS.js mapping, no tag we write for a letter or manuscript ends up a note."""
    records = ssd.to_ris(bundled).split("\n\n")
    unmapped = {tag for r in records for tag in _zotero_import(r)["unmapped"]}
    assert set() == unmapped


def test_zotero_imports_a_telegram_as_a_letter_with_sender_and_recipient(
    bundled: ssd.Catalogue,
) -> None:
    """A telegram is a Zotero letter: author and recipient split into last and first names,
    archive and location in Archive and Loc. in Archive, the URL and the date."""
    item = _zotero_import(ssd.to_ris(bundled["110385"]))
    expected = {
        "itemType": "letter",
        "creators": [("author", "Stalin", "Joseph"), ("recipient", "Mao", "Zedong")],
        "archive": "History and Public Policy Program Digital Archive",
        "archiveLocation": "APRF, Fond 45, Opis 1, Delo 340, List 82",
        "url": "https://digitalarchive.wilsoncenter.org/document/110385",
        "date": "1951/09/10/",
    }
    assert expected == {k: item.get(k) for k in expected}


def test_zotero_imports_a_conversation_as_a_manuscript(bundled: ssd.Catalogue) -> None:
    """A record of conversation is a manuscript, its translator a translator, no recipient."""
    item = _zotero_import(ssd.to_ris(bundled["112088"]))
    expected = ("manuscript", [("translator", "Vladislav M. Zubok", None)])
    assert expected == (item["itemType"], item["creators"])


def test_ris_names_places_and_bodies() -> None:
    """A place is no author; a body is one name without a comma (Zotero's one-field name)."""
    moscow = ssd.to_ris(doc_with(title="Secret Telegram No. 969/I - From Moscow to Warsaw"))
    body = ssd.to_ris(doc_with(title="Telegram from A. Mikoyan to the CPSU Central Committee"))
    assert not [line for line in moscow.splitlines() if line.startswith(("AU", "A2"))]
    assert ["AU  - Mikoyan, Anastas", "A2  - CPSU Central Committee"] == [
        line for line in body.splitlines() if line.startswith(("AU", "A2"))
    ]


def test_rispy_reads_creators_split(bundled: ssd.Catalogue) -> None:
    """rispy, an independent reader, reads the sender and the recipient as Family, Given."""
    entry = rispy.loads(ssd.to_ris(bundled["110385"]))[0]
    assert (["Stalin, Joseph"], ["Mao, Zedong"]) == (entry["authors"], entry["secondary_authors"])


def test_load_ris_reads_back_an_equal_document(bundled: ssd.Catalogue) -> None:
    """What to_ris writes, load_ris reads back to a document equal in every field RIS
    carries: id, title, date, record id, authors, recipients (as people), location,
    original archive, type, languages, topics, summary, credits and address."""

    def carried(doc: Document) -> tuple[Any, ...]:
        parts = export._cite.citation_parts(doc)
        return (
            doc.id,
            " ".join(doc.title.split()),
            doc.date,
            doc.record_id,
            tuple(c.display for c in export._names.creators(parts.authors)),
            tuple(c.display for c in export._names.creators(parts.recipients))
            if parts.letter
            else (),
            parts.location,
            doc.original_archive if parts.letter is None else None,
            doc.type,
            doc.languages,
            doc.topics,
            doc.summary,
            " ".join(parts.credits) or None,
            parts.url,
        )

    def read(doc: Document) -> tuple[Any, ...]:
        return (
            doc.id,
            doc.title,
            doc.date,
            doc.record_id,
            doc.authors,
            doc.people,
            doc.source,
            doc.original_archive,
            doc.type,
            doc.languages,
            doc.topics,
            doc.summary,
            doc.credits,
            doc.url,
        )

    loaded = ssd.loads_ris(ssd.to_ris(bundled))
    assert sorted(map(carried, bundled), key=str) == sorted(map(read, loaded), key=str)
