"""CSL-JSON: the items Zotero, pandoc and citeproc read.

>>> item = csl_item(Document(id="x", title="Note"))
>>> item["type"], item["archive"]
('manuscript', 'History and Public Policy Program Digital Archive')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..models import Document
from ._cite import ARCHIVE_NAME, _Docs, as_documents, citation_parts

__all__ = ["csl_item", "to_csl_json"]


def _csl_names(names: Iterable[str]) -> list[dict[str, str]]:
    return [{"literal": name} for name in names]


def csl_item(doc: Document) -> dict[str, Any]:
    """One CSL-JSON item (a dict) for a document, as Zotero, pandoc and citeproc read it.

    The type is ``personal_communication`` (CSL's letter type; Zotero reads it
    as a Letter) with a ``recipient`` when the document's correspondence is
    known and has recipients, else ``manuscript``. The date
    becomes ``date-parts`` with as many parts as are known and ``circa`` when
    it is approximate. ``archive`` is the Digital Archive, ``archive_location``
    the archive citation of the original.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> item = csl_item(Document(id="x", title="Note", date=PartialDate.parse("circa 1958")))
    >>> item["type"], item["issued"]
    ('manuscript', {'date-parts': [[1958]], 'circa': True})
    """
    parts = citation_parts(doc)
    item: dict[str, Any] = {
        "id": doc.id,
        "type": "personal_communication" if parts.recipients else "manuscript",
        "title": doc.title,
        "archive": ARCHIVE_NAME,
        "source": ARCHIVE_NAME,
        "publisher": "Wilson Center",
    }
    if parts.authors:
        item["author"] = _csl_names(parts.authors)
    if parts.recipients:
        item["recipient"] = _csl_names(parts.recipients)
    if parts.translators:
        item["translator"] = _csl_names(parts.translators)
    if doc.date is not None:
        date = doc.date
        known = [p for p in (date.year, date.month, date.day) if p is not None]
        issued: dict[str, Any] = {"date-parts": [known]}
        if date.approximate:
            issued["circa"] = True
        item["issued"] = issued
    if parts.location:
        item["archive_location"] = parts.location
    if doc.original_archive:
        item["archive_collection"] = doc.original_archive
    if doc.type:
        item["genre"] = doc.type
    if doc.languages:
        item["language"] = ", ".join(doc.languages)
    if doc.topics:
        item["keyword"] = ", ".join(doc.topics)
    if doc.summary:
        item["abstract"] = doc.summary
    if doc.record_id is not None:
        item["number"] = str(doc.record_id)
    notes = list(parts.credits)
    if doc.date is not None and doc.date.uncertain:
        notes.append(f"Date uncertain: {doc.date.display()}")
    if notes:
        item["note"] = "\n".join(notes)
    if parts.url:
        item["URL"] = parts.url
    return item


def to_csl_json(docs: _Docs, *, indent: int | None = 2) -> str:
    """CSL-JSON text: a JSON array of :func:`csl_item` items (for Zotero, pandoc, citeproc).

    >>> import json, sinosoviet_docs as ssd
    >>> items = json.loads(to_csl_json(ssd.load()["112088"]))
    >>> items[0]["archive_location"][:48]
    'Archive of the President of the Russian Federati'
    """
    return json.dumps([csl_item(d) for d in as_documents(docs)], ensure_ascii=False, indent=indent)
