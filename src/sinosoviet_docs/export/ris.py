"""RIS: ``TY  - PCOMM`` (letter) and ``TY  - MANSCPT`` records as Zotero and EndNote import them.

The dates go through the same codec the RIS loader reads with
(:mod:`sinosoviet_docs._ris`), so :func:`~sinosoviet_docs.load_ris` reads back
what :func:`to_ris` writes.

>>> to_ris(Document(id="x", title="A Note")).splitlines()[:3]
['TY  - MANSCPT', 'ID  - x', 'TI  - A Note']
"""

from __future__ import annotations

from ..models import Document
from ._cite import ARCHIVE_NAME, _Docs, as_documents, citation_parts
from ._dates import ris_dates
from ._names import creators

__all__ = ["to_ris"]


def _ris_value(text: str) -> str:
    """One line: RIS has no escaping, so line breaks become spaces."""
    return " ".join(text.split())


def _ris_record(doc: Document) -> str:
    parts = citation_parts(doc)
    kind = "MANSCPT" if parts.letter is None else "PCOMM"
    lines: list[tuple[str, str]] = [("TY", kind), ("ID", doc.id), ("TI", doc.title)]
    lines.extend(("AU", c.ris()) for c in creators(parts.authors))
    if kind == "PCOMM":  # Zotero reads A2 as the recipient of a letter only
        lines.extend(("A2", c.ris()) for c in creators(parts.recipients))
    lines.extend(("A4", c.ris()) for c in creators(parts.translators))
    if doc.date is not None:
        lines.extend(ris_dates(doc.date))
    if doc.type:
        lines.append(("M3", doc.type))
    lines.append(("DB", ARCHIVE_NAME))
    if parts.location:
        lines.append(("AN", parts.location))
    if doc.original_archive and kind == "MANSCPT":  # a Zotero letter has no place
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
    """RIS text, one record a document, as Zotero's RIS translator and EndNote import it.

    A telegram, cable or letter is ``TY  - PCOMM`` (Zotero's Letter), anything
    else ``TY  - MANSCPT`` (Manuscript). Tags: ``TI`` title, ``AU`` authors
    (or senders), ``A2`` recipients (a letter's only: Zotero reads A2 as
    recipient for letters alone), ``A4`` translators, persons as ``Family,
    Given`` and other names without a comma (Zotero's one-field name),
    ``PY`` year (only for a date within one named year: not a decade, a
    century or a range), ``DA`` date as ``YYYY/MM/DD/`` with unknown parts
    empty and the season and "circa"/"uncertain" after the last slash (a
    decade, century or range as its printed form after ``///``), ``M3`` type (letter or
    manuscript type), ``DB`` the archive and ``AN`` the location in it
    (Zotero's Archive and Loc. in Archive), ``CY`` the original archive (a
    manuscript's only), ``LA``, ``KW``, ``AB``, ``N1`` credits, ``UR`` the
    stable address, ``ID`` the document id. Line breaks inside values become
    spaces.

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
