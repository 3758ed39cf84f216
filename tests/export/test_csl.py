"""CSL-JSON: items valid against the official schema, dates, letters, archive fields."""

from __future__ import annotations

import json
import re
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
from . import readers
from .samples import doc_with, letter

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
    items = json.loads(ssd.to_csl_json(letter()))
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
    item = export.csl_item(letter())
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


# -- read by citeproc-py and pandoc with the Chicago notes-bibliography style ------------------

TELEGRAM = "110385"  # Stalin (as Filippov) to Mao Zedong, with its archival location
CONVERSATION = "112088"  # Khrushchev and Mao Zedong, translated by Vladislav M. Zubok
NO_PERSON = "1962-10-22-soviet-memorandum-on-the-sino-indian-border-issue"
MONTH_ONLY = "1959-12-mao-zedong-outline-for-a-speech-on-the-international"
PLACES = "1976-01-23-secret-telegram-no-969-i-from-moscow-to-warsaw"
CITED = (TELEGRAM, CONVERSATION, NO_PERSON, MONTH_ONLY, PLACES)


def _rendered(bundled: ssd.Catalogue, reader: str, tmp_path: Path) -> dict[str, tuple[str, str]]:
    docs = [bundled[key] for key in CITED]
    docs.append(doc_with(id="circa", title="Undated Note", date=PartialDate.parse("circa 1958")))
    items = json.loads(ssd.to_csl_json(docs))
    if reader == "pandoc":
        return readers.pandoc(items, tmp_path)
    return readers.citeproc_py(items)


@pytest.fixture(params=["citeproc-py", "pandoc"])
def rendered(
    request: pytest.FixtureRequest, bundled: ssd.Catalogue, tmp_path: Path
) -> dict[str, tuple[str, str]]:
    """Note and bibliography entry of each cited document, by citeproc-py and by pandoc."""
    return _rendered(bundled, request.param, tmp_path)


def test_chicago_telegram_reads_like_the_archive_citation(
    rendered: dict[str, tuple[str, str]],
) -> None:
    """Sender first (inverted in the bibliography), recipient shown family first, quoted
    title, full date, archive and location, the address; no "No." and no publisher."""
    note, entry = rendered[TELEGRAM]
    for text in (note, entry):
        assert "“Ciphered Telegram, Filippov [Stalin] to Mao Zedong" in text
        assert "to Mao Zedong" in text
        assert "September 10, 1951" in text
        assert "APRF, Fond 45, Opis 1, Delo 340, List 82" in text
        assert "History and Public Policy Program Digital Archive" in text
        assert "https://digitalarchive.wilsoncenter.org/document/110385" in text
        assert not re.search(r"\bNo\. 110385|Wilson Center|Zedong,? Mao|Mao, Zedong", text)
    assert re.match(r"(Joseph|J\.) Stalin, “", note)
    assert re.match(r"Stalin, (Joseph\.|J\.) “", entry)


def test_chicago_conversation_has_its_translator_not_as_author(
    rendered: dict[str, tuple[str, str]],
) -> None:
    """A conversation has no author: the title leads, the translator is credited after it."""
    note, entry = rendered[CONVERSATION]
    for text in (note, entry):
        assert text.startswith("“Discussion")
        assert "October 2, 1959" in text
        assert "Translated by Vladislav M. Zubok" in text
        assert "Library of Congress, Washington, D.C." in text


def test_chicago_document_with_no_person_leads_with_its_title(
    rendered: dict[str, tuple[str, str]],
) -> None:
    """No person, no creator: the quoted title leads, then the date and the archive."""
    note, entry = rendered[NO_PERSON]
    for text in (note, entry):
        assert text.startswith("“Soviet Memorandum on the Sino-Indian Border Issue")
        assert "October 22, 1962" in text
        assert "History and Public Policy Program Digital Archive" in text


def test_chicago_dates_keep_their_precision_and_places_are_no_authors(
    rendered: dict[str, tuple[str, str]],
) -> None:
    """A month stays a month, circa stays marked; "From Moscow to Warsaw" has no author;
    a speech whose title opens with Mao Zedong's name is his."""
    month_note, month_entry = rendered[MONTH_ONLY]
    assert "December 1959," in month_note
    assert month_entry.startswith("Mao Zedong. “")
    assert not re.search(r"December \d{1,2},", month_note + month_entry)
    circa_note, circa_entry = rendered["circa"]
    assert re.search(r"\[1958\?\]|ca\. 1958|circa 1958", circa_note)
    assert re.search(r"\[1958\?\]|ca\. 1958|circa 1958", circa_entry)
    place_note, place_entry = rendered[PLACES]
    assert place_note.startswith("“Secret Telegram")
    assert place_entry.startswith("“Secret Telegram")


def test_csl_translator_named_in_the_source(bundled: ssd.Catalogue) -> None:
    """A source quoting "English translation from Michael Schoenhals, ..." gives the
    translator; the speech whose title opens with Mao Zedong's name is his."""
    item = export.csl_item(bundled["121559"])
    expected = ([{"family": "Mao Zedong"}], [{"literal": "Michael Schoenhals"}])
    assert expected == (item["author"], item["translator"])
