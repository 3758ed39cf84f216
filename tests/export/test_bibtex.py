"""BibTeX and BibLaTeX: escaping, balanced braces, stable keys, dates."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.models import Document

from ..strategies import documents
from .samples import KHRUSHCHEV, doc_with


def test_bibtex_escapes_special_characters() -> None:
    """LaTeX's special characters in a title are escaped."""
    text = ssd.to_bibtex(doc_with(title="50% of A & B_C #1 {x} $y ~z ^w \\v"))
    expected = r"{{50\% of A \& B\_C \#1 \{x\} \$y \textasciitilde{}z \^{}w \textbackslash{}v}}"
    assert expected in text


@given(st.lists(documents(), max_size=3))
def test_bibtex_braces_are_balanced(docs: list[Document]) -> None:
    """Whatever the text, every entry's unescaped braces balance (the entry parses)."""
    for dialect in ("bibtex", "biblatex"):
        text = ssd.to_bibtex(docs, dialect=dialect)  # type: ignore[arg-type]
        depth = 0
        for match in re.finditer(r"\\[{}]|[{}]", text):
            depth += {"{": 1, "}": -1}.get(match[0], 0)
            assert depth >= 0
        assert 0 == depth


def test_bibtex_keys_are_stable_across_exports(bundled: ssd.Catalogue) -> None:
    """A document's key is the same alone and among others."""
    doc = bundled[KHRUSHCHEV]
    alone = ssd.to_bibtex(doc).split(",", 1)[0]
    among = [e.split(",", 1)[0] for e in ssd.to_bibtex(bundled).split("\n@")]
    assert alone == "@unpublished{hppda112088"
    assert "unpublished{hppda112088" in {e.lstrip("@") for e in among}


def test_bibtex_keys_are_unique(bundled: ssd.Catalogue) -> None:
    """No two bundled documents share a citation key."""
    keys = [export.citation_key(d) for d in bundled]
    assert len(keys) == len(set(keys))


def test_bibtex_key_of_an_unsafe_id_is_made_safe() -> None:
    """An id with spaces or commas still gives a key BibTeX accepts, and two such ids differ."""
    a = export.citation_key(doc_with(id="a b,c"))
    b = export.citation_key(doc_with(id="a-b-c"))
    assert re.fullmatch(r"[A-Za-z0-9_.:-]+", a) is not None
    assert a != b


def test_bibtex_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """The archive and the location in it are kept as fields and in the note."""
    text = ssd.to_bibtex(bundled["110385"])
    assert "archive_location = {APRF, Fond 45, Opis 1, Delo 340, List 82}" in text
    assert "archive          = {History and Public Policy Program Digital Archive}" in text
    assert "Digital Archive, APRF, Fond 45" in text.split("note")[1]


def test_bibtex_month_is_a_macro_and_year_partial() -> None:
    """BibTeX gets year and a month macro, and no day for a month-precise date."""
    text = ssd.to_bibtex(doc_with(date=PartialDate(year=1950, month=2)))
    fields = dict(re.findall(r"^  (\w+) *= (.*?),?$", text, flags=re.MULTILINE))
    assert ("{1950}", "feb", None) == (fields["year"], fields["month"], fields.get("day"))


def test_biblatex_writes_edtf_date() -> None:
    """BibLaTeX gets the EDTF date, with ~ for circa."""
    text = ssd.to_bibtex(doc_with(date=PartialDate.from_edtf("1950-02~")), dialect="biblatex")
    assert re.search(r"^  date +\= \{1950-02~\},$", text, flags=re.MULTILINE) is not None
