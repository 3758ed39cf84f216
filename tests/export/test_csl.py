"""CSL-JSON: items valid against the official schema, dates, letters, archive fields."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.models import Document

from ..strategies import documents
from .samples import LetterDocument, doc_with

DATA = Path(__file__).parent.parent / "data"
CSL_SCHEMA = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))
CSL_VALIDATOR = jsonschema.Draft7Validator(CSL_SCHEMA)


def test_csl_every_bundled_record_is_valid(bundled: ssd.Catalogue) -> None:
    """Every bundled document exports to CSL-JSON that the official schema accepts."""
    items = json.loads(ssd.to_csl_json(bundled))
    CSL_VALIDATOR.validate(items)
    assert len(bundled) == len(items)


@given(st.lists(documents(), max_size=4))
def test_csl_generated_records_are_valid(docs: list[Document]) -> None:
    """Documents with any mix of known facts export to schema-valid CSL-JSON."""
    items = json.loads(ssd.to_csl_json(docs))
    errors = [e.message for e in CSL_VALIDATOR.iter_errors(items)]
    assert [] == errors


def test_csl_letter_with_correspondence_is_valid() -> None:
    """A letter item with author and recipient is valid against the schema."""
    items = json.loads(ssd.to_csl_json(LetterDocument(id="l", title="Telegram")))
    assert [] == [e.message for e in CSL_VALIDATOR.iter_errors(items)]


@pytest.mark.parametrize(
    ("edtf", "parts"), [("1950", [1950]), ("1950-02", [1950, 2]), ("1950-02-14", [1950, 2, 14])]
)
def test_csl_date_parts_have_the_known_parts(edtf: str, parts: list[int]) -> None:
    """date-parts holds as many parts as the date has: no invented month or day."""
    item = export.csl_item(doc_with(date=PartialDate.from_edtf(edtf)))
    assert {"date-parts": [parts]} == item["issued"]


def test_csl_approximate_date_is_circa() -> None:
    """An approximate date is marked circa."""
    item = export.csl_item(doc_with(date=PartialDate.from_edtf("1950-02~")))
    assert {"date-parts": [[1950, 2]], "circa": True} == item["issued"]


def test_csl_manuscript_without_correspondence() -> None:
    """With no known correspondence the item is a manuscript with no recipient."""
    item = export.csl_item(doc_with())
    assert ("manuscript", None) == (item["type"], item.get("recipient"))


def test_csl_letter_with_recipient_when_correspondence_known() -> None:
    """With known recipients the item is a letter from the senders to the recipients."""
    item = export.csl_item(LetterDocument(id="l", title="Telegram"))
    expected = (
        "personal_communication",
        [{"family": "Stalin", "given": "Joseph"}],
        [{"family": "Mao Zedong"}],
    )
    assert expected == (item["type"], item["author"], item["recipient"])


def test_csl_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """archive is the Digital Archive, archive_location the original's citation."""
    item = export.csl_item(bundled["110385"])
    expected = (
        "History and Public Policy Program Digital Archive",
        "APRF, Fond 45, Opis 1, Delo 340, List 82",
        "https://digitalarchive.wilsoncenter.org/document/110385",
    )
    assert expected == (item["archive"], item["archive_location"], item["URL"])


def test_csl_translator_from_credits() -> None:
    """A "Translated by" credit gives the translator (of a document with an author)."""
    doc = doc_with(authors=("Mao Zedong",), credits="Translated by Jane Roe and John Doe.")
    item = export.csl_item(doc)
    assert [{"literal": "Jane Roe"}, {"literal": "John Doe"}] == item["translator"]


def test_csl_translator_of_a_document_without_author_closes_the_location() -> None:
    """Without an author the translator is no CSL translator (Chicago would print it first)."""
    item = export.csl_item(doc_with(source="APRF, f. 3.", credits="Translated by Jane Roe."))
    expected = (None, "APRF, f. 3. Translated by Jane Roe")
    assert expected == (item.get("translator"), item["archive_location"])
