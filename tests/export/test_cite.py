"""Citations: the Chicago-style note and bibliography forms, and what they leave out."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given

import sinosoviet_docs as ssd
from sinosoviet_docs._convert import unstructure_document
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.models import Document

from ..strategies import documents
from .samples import KHRUSHCHEV, doc_with


def test_cite_note_follows_archive_pattern(bundled: ssd.Catalogue) -> None:
    """The note form: quoted title, date as printed, the archive, its citation, credits, URL."""
    expected = (
        "“Discussion between N.S. Khrushchev and Mao Zedong,” October 2, 1959, "
        "History and Public Policy Program Digital Archive, Archive of the President of the "
        "Russian Federation (APRF), f. 52, op. 1, d. 499, ll. 1-33, copy in Volkogonov "
        "Collection, Manuscript Division, Library of Congress, Washington, D.C. Translated by "
        "Vladislav M. Zubok. https://digitalarchive.wilsoncenter.org/document/112088"
    )
    assert expected == bundled[KHRUSHCHEV].cite()


def test_cite_bibliography_uses_full_stops() -> None:
    """The bibliography form ends title, date and archive with full stops."""
    doc = doc_with(
        date=PartialDate(year=1950, month=2, day=14),
        source="APRF, f. 45, op. 1, d. 1",
        url="https://digitalarchive.wilsoncenter.org/document/a",
    )
    expected = (
        "“Notes on the talks.” February 14, 1950. History and Public Policy Program Digital "
        "Archive, APRF, f. 45, op. 1, d. 1. https://digitalarchive.wilsoncenter.org/document/a"
    )
    assert expected == doc.cite(style="bibliography")


@pytest.mark.parametrize(
    ("edtf", "printed"),
    [
        ("1950", "1950"),
        ("1950-02", "February 1950"),
        ("1950-02-14", "February 14, 1950"),
        ("1950~", "circa 1950"),
        ("1959-12?", "December 1959 (?)"),
    ],
)
def test_cite_prints_date_at_its_precision(edtf: str, printed: str) -> None:
    """A month-only date stays a month, a year a year; circa and (?) are kept."""
    doc = doc_with(date=PartialDate.from_edtf(edtf))
    assert doc.cite().startswith(f"“Notes on the talks,” {printed}, History and Public")


def test_cite_leaves_out_missing_parts() -> None:
    """A document known only by its title gives a clean citation without empty parts."""
    expected = "“Notes on the talks,” History and Public Policy Program Digital Archive."
    assert expected == doc_with().cite()


@given(documents())
def test_cite_never_writes_none(doc: Document) -> None:
    """No generated document gives a citation with "None" in it (unless its text has it)."""
    assume("None" not in json.dumps(unstructure_document(doc)))
    assert "None" not in doc.cite() + doc.cite(style="bibliography")


def test_cite_appends_the_credits_field() -> None:
    """A credit line given apart from the source follows the archive citation."""
    doc = doc_with(source="APRF, f. 3", credits="Translated by Jane Roe")
    expected = (
        "“Notes on the talks,” History and Public Policy Program Digital Archive, APRF, f. 3. "
        "Translated by Jane Roe."
    )
    assert expected == doc.cite()


def test_cite_uses_split_credits_of_the_names_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """The credits that the names helper ``split_credits`` finds follow the location; the
    citation is split by that helper (a recording stand-in for it must be called)."""
    from sinosoviet_docs import citations

    calls: list[str] = []
    real = citations.split_credits

    def split(text: str) -> tuple[str, tuple[str, ...]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(citations, "split_credits", split)
    doc = doc_with(source="CWIHP archive, box 1. Obtained by R. Roe. Translated by J. Doe.")
    expected = (
        "“Notes on the talks,” History and Public Policy Program Digital Archive, CWIHP archive, "
        "box 1. Obtained by R. Roe. Translated by J. Doe."
    )
    assert expected == doc.cite()
    assert [doc.source] == calls


def test_cite_places_what_the_credits_helper_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The location and credits in a citation are the helper's answer, not a second reading."""
    from sinosoviet_docs import citations

    def split(text: str) -> tuple[str, tuple[str, ...]]:
        return "Box 9", ("Credited by the helper.",)

    monkeypatch.setattr(citations, "split_credits", split)
    cited = doc_with(source="CWIHP archive, box 1. Translated by J. Doe.").cite()
    assert cited.endswith("Digital Archive, Box 9. Credited by the helper.")


def test_cite_turns_inner_double_quotes_single() -> None:
    """Double quotes inside a title become single quotes inside the citation's quotes."""
    doc = doc_with(title='Mao, "Speech" at Moscow')
    assert doc.cite().startswith("“Mao, ‘Speech’ at Moscow,”")


def test_cite_rejects_unknown_style() -> None:
    """An unknown style is a ValueError naming the accepted ones."""
    with pytest.raises(ValueError, match="'note' or 'bibliography'"):
        doc_with().cite(style="apa")  # type: ignore[arg-type]


def test_abbreviation_at_the_end_keeps_its_stop() -> None:
    """A source ending in "D.C." keeps its full stop in every export (and no doubled one)."""
    doc = ssd.Document(id="x", title="T", source="Library of Congress, Washington, D.C.")
    assert (
        "Library of Congress, Washington, D.C."
        == json.loads(ssd.to_csl_json([doc]))[0]["archive_location"]
    )
    assert "AN  - Library of Congress, Washington, D.C.\n" in ssd.to_ris([doc])
    assert "D.C.. " not in doc.cite() + " "
    assert doc.cite().count("D.C.") == 1
