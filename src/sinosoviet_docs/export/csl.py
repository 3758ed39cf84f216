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
from ._cite import ARCHIVE_NAME, _Docs, _with_final_stop, as_documents, citation_parts
from ._dates import csl_issued, is_uncertain
from ._names import creators

__all__ = ["csl_item", "to_csl_json"]


def _csl_names(names: Iterable[str]) -> list[dict[str, str]]:
    return [c.csl() for c in creators(names)]


def _joined_names(names: tuple[str, ...]) -> str:
    """Names as running text: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def csl_item(doc: Document) -> dict[str, Any]:
    """One CSL-JSON item (a dict) for a document, as Zotero, pandoc and citeproc read it.

    A telegram, cable or letter is ``personal_communication`` (CSL's letter
    type; Zotero reads it as a Letter) with its kind as ``genre`` and a
    ``recipient`` when the title names one; anything else is a ``manuscript``.
    Persons the authority knows are ``family``/``given`` names (see
    :mod:`~sinosoviet_docs.export._names`), other names ``literal``, and a
    place is never a creator. The date becomes ``issued`` as
    :func:`~sinosoviet_docs.export._dates.csl_issued` writes it: ``date-parts``
    with as many parts as are known (two for a range, a decade or a century),
    ``season``, ``circa`` when it is approximate, and ``literal`` only for an
    open range or a range of seasons. ``archive`` is
    the Digital Archive, ``archive_location`` the archive citation of the
    original. A translator is a ``translator`` when there is an author, else
    "Translated by ..." closes the ``archive_location`` (Chicago styles would
    print a translator in the author's place). There is no ``number``
    (styles print it as "No.") and no ``publisher`` (printed mid-entry): the
    record is in the ``URL``.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> item = csl_item(Document(id="x", title="Note", date=PartialDate.parse("circa 1958")))
    >>> item["type"], item["issued"]
    ('manuscript', {'date-parts': [[1958]], 'circa': True})
    """
    parts = citation_parts(doc)
    item: dict[str, Any] = {
        "id": doc.id,
        "type": "manuscript" if parts.letter is None else "personal_communication",
        "title": doc.title,
        "archive": ARCHIVE_NAME,
    }
    for role, names in (("author", parts.authors), ("recipient", parts.recipients)):
        found = _csl_names(names)
        if found:
            item[role] = found
    location = parts.location
    if "author" in item and parts.translators:
        item["translator"] = _csl_names(parts.translators)
    elif parts.translators:
        # Without an author, Chicago styles would put the translator in the author's place.
        translated = "Translated by " + _joined_names(parts.translators)
        location = translated if location is None else f"{_with_final_stop(location)} {translated}"
    if doc.date is not None:
        item["issued"] = csl_issued(doc.date)
    if location:
        item["archive_location"] = location
    if doc.original_archive:
        item["archive_collection"] = doc.original_archive
    if doc.type or parts.letter:
        item["genre"] = doc.type or parts.letter
    if doc.languages:
        item["language"] = ", ".join(doc.languages)
    if doc.topics:
        item["keyword"] = ", ".join(doc.topics)
    if doc.summary:
        item["abstract"] = doc.summary
    notes = list(parts.credits)
    if doc.date is not None and is_uncertain(doc.date):
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
