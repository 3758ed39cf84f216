"""HTML for notebooks: the ``_repr_html_`` of documents, collections, catalogues and queries.

Every piece of text is HTML-escaped (a title holding ``<script>`` shows as
text), links are made only to ``http(s)`` addresses, and each table's caption
is the object's plain ``repr``, which is also what a front end without HTML
shows. Long listings are cut after :data:`MAX_ROWS` rows with a line saying
how many more there are.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._cite import cite, stable_url

if TYPE_CHECKING:
    from ..models import Catalogue, Collection, Document
    from ..query import Query

__all__ = [
    "MAX_ROWS",
    "STYLESHEET",
    "TABLE_CLASS",
    "catalogue_html",
    "collection_html",
    "document_html",
    "documents_table",
]

#: Rows shown before a listing is cut.
MAX_ROWS = 50

#: The class of every table written here; :data:`STYLESHEET` styles only it.
TABLE_CLASS = "ssd-table"
#: A small stylesheet scoped to :data:`TABLE_CLASS`: text left-aligned (notebook front
#: ends right-align cells by default), top-aligned cells, a rule under the header.
#: The selectors name the element and the class, so they outrank a front end's
#: ``.jp-RenderedHTMLCommon td`` without ``!important``.
STYLESHEET = (
    f"<style>table.{TABLE_CLASS}{{border-collapse:collapse;margin:0.5em 0}}"
    f"table.{TABLE_CLASS} th,table.{TABLE_CLASS} td"
    "{text-align:left;vertical-align:top;padding:0.2em 0.6em}"
    f"table.{TABLE_CLASS} thead th{{border-bottom:1px solid currentColor}}"
    f"table.{TABLE_CLASS} caption{{text-align:left;font-family:monospace;opacity:0.7}}"
    f"table.{TABLE_CLASS} td.ssd-date{{white-space:nowrap}}</style>"
)
_TABLE = f"{STYLESHEET}<table class='{TABLE_CLASS}'>"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(text: str, url: str | None) -> str:
    """Escaped text, linked to ``url`` when it is an http(s) address."""
    if url and url.lower().startswith(("https://", "http://")):
        return f'<a href="{_e(url)}" target="_blank" rel="noopener">{_e(text)}</a>'
    return _e(text)


def _people(doc: Document) -> tuple[str, ...]:
    """The people a document lists, else its correspondents when they are known."""
    if doc.people:
        return doc.people
    corr = doc.correspondence
    return corr.everyone if corr is not None else ()


def documents_table(docs: Iterable[Document], *, caption: str, limit: int = MAX_ROWS) -> str:
    """A compact table of documents: date, type, title linked to the archive, people."""
    rows: list[str] = []
    more = 0
    for count, doc in enumerate(docs):
        if count >= limit:
            more += 1
            continue
        rows.append(
            "<tr>"
            f"<td class='ssd-date'>{_e(doc.date_display)}</td>"
            f"<td>{_e(doc.type or '')}</td>"
            f"<td>{_link(doc.title, stable_url(doc))}</td>"
            f"<td>{_e('; '.join(_people(doc)))}</td>"
            "</tr>"
        )
    foot = f"<p>… and {more} more</p>" if more else ""
    return (
        f"{_TABLE}<caption>{_e(caption)}</caption>"
        "<thead><tr><th>date</th><th>type</th><th>title</th><th>people</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{foot}"
    )


def document_html(doc: Document) -> str:
    """One document as a two-column table of its known facts and its citation."""
    facts: list[tuple[str, str]] = [
        ("title", _link(doc.title, stable_url(doc))),
        ("date", _e(doc.date_display)),
    ]
    plain = {
        "type": doc.type,
        "record id": doc.record_id,
        "people": "; ".join(_people(doc)),
        "places": "; ".join(doc.places),
        "languages": "; ".join(doc.languages),
        "source": doc.source,
        "collections": "; ".join(doc.collections),
        "summary": doc.summary,
    }
    facts.extend((name, _e(value)) for name, value in plain.items() if value)
    facts.append(("cite as", _e(cite(doc))))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in facts)
    caption = f"<Document id={doc.id!r}>"
    return f"{_TABLE}<caption>{_e(caption)}</caption>{body}</table>"


def collection_html(col: Collection) -> str:
    """A collection: title, period, and its popular documents as a table."""
    period = "" if col.period is None else f" ({col.period})"
    head = f"<p><strong>{_link(col.title, col.url)}</strong>{_e(period)} — {_e(col.kind)}</p>"
    caption = f"<Collection slug={col.slug!r} popular={len(col.popular)}>"
    return head + documents_table(col.popular, caption=caption)


def catalogue_html(cat: Catalogue) -> str:
    """A catalogue: its collections with the documents known, then its documents."""
    rows = "".join(
        f"<tr><td>{_link(col.title, col.url)}</td><td>{_e(col.slug)}</td>"
        f"<td>{len(cat.documents_in(col.slug))}</td></tr>"
        for col in cat.collections
    )
    collections = (
        f"{_TABLE}<thead><tr><th>collection</th><th>slug</th>"
        f"<th>documents known</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return (
        f"<p><strong>{_e(cat.info.title)}</strong></p>"
        + collections
        + documents_table(cat.documents, caption=repr(cat))
    )


def query_html(query: Query) -> str:
    """The documents a query selects, captioned by the query's repr."""
    return documents_table(query, caption=repr(query))
