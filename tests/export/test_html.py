"""Notebook display: the HTML of documents, collections, catalogues and queries."""

from __future__ import annotations

import html
import re

from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs.export import _html
from sinosoviet_docs.models import Catalogue, Collection, Document, Popularity

from ..strategies import documents

SCRIPT = "<script>alert('x')</script> & more"


def evil(**fields: object) -> Document:
    """An invented document whose title is markup."""
    return Document(id="e1", title=SCRIPT, **fields)  # type: ignore[arg-type]


def test_document_html_shows_markup_as_text() -> None:
    """A title holding <script> is escaped, never emitted as a tag."""
    out = evil()._repr_html_()
    assert "<script>" not in out
    assert html.escape(SCRIPT) in out


def test_query_html_shows_markup_as_text() -> None:
    """The query table escapes titles and people."""
    doc = evil(people=("<b>Mao</b>",))
    out = Catalogue(documents=[doc]).query()._repr_html_()
    assert ("<script>" in out, "<b>" in out) == (False, False)
    assert "&lt;b&gt;Mao&lt;/b&gt;" in out


@given(documents())
def test_no_generated_text_reaches_the_html_unescaped(doc: Document) -> None:
    """Any document's HTML has only the tags the renderer writes itself (and its stylesheet)."""
    out = doc._repr_html_() + Catalogue(documents=[doc])._repr_html_()
    out = out.replace(_html.STYLESHEET, "")
    tags = set(re.findall(r"<(/?[a-z]+)", out))
    allowed = {"table", "caption", "tr", "th", "td", "thead", "tbody", "a", "p", "strong"}
    assert set() == tags - allowed - {"/" + t for t in allowed}


def test_title_links_to_the_stable_address(bundled: ssd.Catalogue) -> None:
    """The title cell links to the archive's /document/<record id> address."""
    out = bundled.query().where(lambda d: d.id == "112088")._repr_html_()
    link = '<a href="https://digitalarchive.wilsoncenter.org/document/112088"'
    assert link in out


def test_non_web_addresses_are_not_linked() -> None:
    """A javascript: address is shown as plain text, not made a link."""
    out = evil(url="javascript:alert(1)")._repr_html_()
    assert "href" not in out


def test_table_columns_are_date_type_title_people() -> None:
    """The compact table has the columns date, type, title, people."""
    out = _html.documents_table([], caption="c")
    assert ["date", "type", "title", "people"] == re.findall(r"<th>(\w+)</th>", out)


def test_caption_is_the_plain_repr(bundled: ssd.Catalogue) -> None:
    """The catalogue's table is captioned by its plain repr, which stays as it was."""
    out = bundled._repr_html_()
    assert "<Catalogue documents=299 collections=7>" == repr(bundled)
    assert f"<caption>{html.escape(repr(bundled))}</caption>" in out


def test_long_listings_are_cut() -> None:
    """More than MAX_ROWS documents show MAX_ROWS rows and how many more there are."""
    docs = [Document(id=f"d{i}", title=f"T{i}") for i in range(_html.MAX_ROWS + 7)]
    out = _html.documents_table(docs, caption="c")
    assert (_html.MAX_ROWS, True) == (out.count("<tr><td"), "… and 7 more" in out)


def test_document_html_includes_the_citation(bundled: ssd.Catalogue) -> None:
    """A document's HTML shows its citation."""
    doc = bundled["112088"]
    assert html.escape(doc.cite()) in doc._repr_html_()


def test_collection_html_lists_popular_documents() -> None:
    """A collection's HTML lists its popular documents in order."""
    docs = [
        Document(id=i, title=f"Title {i}", popularity=(Popularity(collection="c", rank=n),))
        for n, i in enumerate(["a", "b"], start=1)
    ]
    cat = Catalogue(documents=docs, collections=(Collection(slug="c", title="C", popular=docs),))
    out = cat.collection("c")._repr_html_()
    assert ["Title a", "Title b"] == re.findall(r"<td>(Title \w)</td>", out)


def test_tables_carry_a_scoped_left_aligned_stylesheet(bundled: ssd.Catalogue) -> None:
    """Each HTML view has the stylesheet, whose every rule names the package's table class,
    with cells left-aligned; no table is left without the class."""
    from sinosoviet_docs.export import _html

    for out in (bundled._repr_html_(), bundled["112088"]._repr_html_()):
        assert _html.STYLESHEET in out
        assert out.count("<table") == out.count(f"<table class='{_html.TABLE_CLASS}'>")
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", _html.STYLESHEET.removeprefix("<style>"))
    selectors = [s for sel, _ in rules for s in sel.split(",")]
    assert all(s.startswith(f"table.{_html.TABLE_CLASS}") for s in selectors)
    assert (
        "text-align:left"
        in dict(rules)[f"table.{_html.TABLE_CLASS} th,table.{_html.TABLE_CLASS} td"]
    )
