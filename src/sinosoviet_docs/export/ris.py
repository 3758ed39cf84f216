"""RIS: ``TY  - MANSCPT`` records as Zotero and EndNote import them.

The dates go through the same codec the RIS loader reads with
(:mod:`sinosoviet_docs._ris`), so :func:`~sinosoviet_docs.load_ris` reads back
what :func:`to_ris` writes.

>>> to_ris(Document(id="x", title="A Note")).splitlines()[:3]
['TY  - MANSCPT', 'ID  - x', 'TI  - A Note']
"""

from __future__ import annotations

from .._ris import format_date
from ..models import Document
from ._cite import ARCHIVE_NAME, _Docs, as_documents, citation_parts

__all__ = ["to_ris"]


def _ris_value(text: str) -> str:
    """One line: RIS has no escaping, so line breaks become spaces."""
    return " ".join(text.split())


def _ris_record(doc: Document) -> str:
    parts = citation_parts(doc)
    lines: list[tuple[str, str]] = [("TY", "MANSCPT"), ("ID", doc.id), ("TI", doc.title)]
    lines.extend(("AU", name) for name in parts.authors)
    lines.extend(("A2", name) for name in parts.recipients)
    lines.extend(("A4", name) for name in parts.translators)
    if doc.date is not None:
        lines.append(("PY", f"{doc.date.year:04d}"))
        lines.append(("DA", format_date(doc.date)))
    if doc.type:
        lines.append(("M3", doc.type))
    lines.append(("DB", ARCHIVE_NAME))
    if parts.location:
        lines.append(("AN", parts.location))
    if doc.original_archive:
        lines.append(("CY", doc.original_archive))
    lines.extend(("LA", lang) for lang in doc.languages)
    lines.extend(("KW", topic) for topic in doc.topics)
    if doc.summary:
        lines.append(("AB", doc.summary))
    lines.extend(("N1", credit) for credit in parts.credits)
    if parts.url:
        lines.append(("UR", parts.url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_value(value)}".rstrip() + "\n" for tag, value in lines)


def to_ris(docs: _Docs) -> str:
    """RIS text, one ``TY  - MANSCPT`` record a document, as Zotero and EndNote import it.

    Tags: ``TI`` title, ``AU`` authors (or senders), ``A2`` recipients, ``A4``
    translators, ``PY`` year, ``DA`` date as ``YYYY/MM/DD/`` with unknown parts
    empty and "circa"/"uncertain" after the last slash, ``M3`` type, ``DB`` the
    archive, ``AN`` the location in it, ``CY`` the original archive, ``LA``,
    ``KW``, ``AB``, ``N1`` credits, ``UR`` the stable address, ``ID`` the
    document id. Line breaks inside values become spaces.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> print(to_ris(Document(id="x", title="A Note", date=PartialDate(year=1950, month=2))))
    TY  - MANSCPT
    ID  - x
    TI  - A Note
    PY  - 1950
    DA  - 1950/02//
    DB  - History and Public Policy Program Digital Archive
    ER  -
    <BLANKLINE>
    """
    return "\n".join(_ris_record(d) for d in as_documents(docs))
