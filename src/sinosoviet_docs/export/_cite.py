"""What every way out says about a document: its citation, key, address, location and credits.

:func:`cite` writes the Chicago-style citation in the archive's recommended
pattern. :func:`location_and_credits` splits a document's source into where
the original is held and its credit lines ("Translated by ..."), and
:func:`citation_parts` gathers those with the authors, recipients,
translators and address that the CSL, BibTeX and RIS writers carry in their
own fields.

>>> location_and_credits(Document(id="x", title="T", source="APRF, f. 3. Translated by J. Roe."))
('APRF, f. 3', ('Translated by J. Roe.',))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from .._vocab import ARCHIVE_NAME
from ..models import ARCHIVE_URL, Document

__all__ = [
    "ARCHIVE_NAME",
    "CitationParts",
    "CitationStyle",
    "as_documents",
    "citation_key",
    "citation_parts",
    "cite",
    "letter_kind",
    "location_and_credits",
    "stable_url",
]

CitationStyle = Literal["note", "bibliography"]

#: What every export takes: one document or any iterable of them.
_Docs = Document | Iterable[Document]


def as_documents(docs: _Docs) -> list[Document]:
    """The documents as a list (one document becomes a list of one)."""
    if isinstance(docs, Document):
        return [docs]
    return list(docs)


def stable_url(doc: Document) -> str | None:
    """The address to cite: ``/document/<record id>`` on the archive, else ``doc.url``.

    >>> stable_url(Document(id="x", title="T", record_id=112088))
    'https://digitalarchive.wilsoncenter.org/document/112088'
    >>> stable_url(Document(id="x", title="T")) is None
    True
    """
    if doc.record_id is not None:
        return f"{ARCHIVE_URL}/document/{doc.record_id}"
    return doc.url


def _split_credits(text: str) -> tuple[str, tuple[str, ...]]:
    """The archive citation and its credits ("Translated by ...")."""
    from ..citations import split_credits

    return split_credits(text)


def _with_final_stop(text: str) -> str:
    """Text ending in a full stop (or the ? or ! it already ends with)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _without_final_stop(text: str) -> str:
    """``text`` without the full stop that ends its sentence, keeping an abbreviation's.

    >>> _without_final_stop("APRF, f. 45, op. 1, d. 342, l. 78.")
    'APRF, f. 45, op. 1, d. 342, l. 78'
    >>> _without_final_stop("Library of Congress, Washington, D.C.")
    'Library of Congress, Washington, D.C.'
    """
    if text.endswith(".") and re.search(_ABBREVIATION_AT_END, text) is None:
        return text[:-1].rstrip()
    return text


# The regular expressions here are kept as strings (compiled and cached by `re` on first
# use), so that importing the package stays cheap. This one: a short word or an initial
# right before the final stop ("D.C.", "ed.", "Jr.").
_ABBREVIATION_AT_END = r"(?:^|[\s.(])[A-Za-z]{1,3}\.$"


def location_and_credits(doc: Document) -> tuple[str | None, tuple[str, ...]]:
    """Where the original is held (the source citation) and the credit lines."""
    location: str | None = None
    credits: list[str] = []
    if doc.source:
        location, found = _split_credits(doc.source)
        location = _without_final_stop(location.strip()) or None
        credits.extend(c.strip() for c in found if c.strip())
    elif doc.original_archive:
        location = _without_final_stop(doc.original_archive.strip()) or None
    extra = (doc.credits or "").strip()
    if extra and extra.rstrip(".") not in (doc.source or ""):
        credits.append(extra)
    return location, tuple(credits)


_TRANSLATED_BY = r"(?i)translated (?:from [A-Za-z]+ )?by (.+?)\.?$"


# A source that names the translation it quotes: "English translation from Michael
# Schoenhals, "Mao Zedong: Speeches ..."". The name is two to four capitalised words.
_TRANSLATION_FROM = (
    r"\b[Tt]ranslation (?:from|by) ((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w'’-]+)(?=[,.;]|$)"
)


def _translators(credits: Sequence[str], location: str | None = None) -> tuple[str, ...]:
    """Names in "Translated by A and B" credit lines, else the translation a source names.

    >>> _translators([], 'Mao wenji, vol. 7. English translation from Michael Schoenhals, "A"')
    ('Michael Schoenhals',)
    >>> _translators([], "Translation from Russian, APRF")
    ()
    """
    names: list[str] = []
    for credit in credits:
        match = re.search(_TRANSLATED_BY, credit.strip())
        if match:
            names.extend(n.strip() for n in re.split(r",? and |, ", match[1]) if n.strip())
    if not names and location:
        names.extend(m[1] for m in re.finditer(_TRANSLATION_FROM, location))
    return tuple(names)


def _correspondents(doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(senders, recipients) when the title says who wrote to whom."""
    corr = doc.correspondence
    if corr is None:
        return (), ()
    return corr.senders, corr.recipients


# A name opening the title: before a comma ("Mao Zedong, Outline for a Speech ...") or
# as a possessive ("Anastas Mikoyan’s Recollections ...").
_NAMED_IN_TITLE = r"^(?P<name>[^,:;“”\"‘'’\[\]()]{3,60}?)(?:,\s|['’]s\s)"


def _title_author(title: str) -> tuple[str, ...]:
    """The person whose name opens the title, when the authority knows them.

    The name must be a name (capitalised words and initials), so "Diary of P.F.
    Yudin, ..." gives nobody.

    >>> _title_author("Mao Zedong, Outline for a Speech on the International Situation")
    ('Mao Zedong',)
    >>> _title_author("Anastas Mikoyan’s Recollections of his Trip to China")
    ('Anastas Mikoyan',)
    >>> _title_author("Moscow, 'A Note'"), _title_author("Report, Zhou Enlai to Mao Zedong")
    ((), ())
    """
    from ._names import person_name

    match = re.match(_NAMED_IN_TITLE, title.strip())
    if match is None:
        return ()
    name = str(match["name"]).strip()
    if not all(word[0].isupper() for word in name.split()) or person_name(name) is None:
        return ()
    return (name,)


#: Words that, opening a title or as the document's type, make it a letter for
#: reference managers (Zotero's Letter, CSL's personal_communication).
LETTER_KINDS = ("telegram", "cable", "letter", "message")


def letter_kind(doc: Document) -> str | None:
    """The kind of letter a document is ("Telegram", "Cable", "Letter"), or ``None``.

    The document's type decides when it is known; else the title's first words do
    (memoranda, records of conversation and speeches are no letters).

    >>> letter_kind(Document(id="x", title="Secret Telegram No. 969/I - From Moscow to Warsaw"))
    'Telegram'
    >>> letter_kind(Document(id="x", title="Memorandum of Conversation with Mao")) is None
    True
    """
    head = doc.type or " ".join(doc.title.split()[:4])
    words: list[str] = re.findall(r"\w+", head.casefold())
    for word in words:
        if word in LETTER_KINDS:
            return word.capitalize()
    return None


@attrs.frozen
class CitationParts:
    """What the CSL, BibTeX and RIS writers all say of a document beyond its own fields."""

    #: The document's authors, else the senders its title names, else the person
    #: whose name opens the title; never a place.
    authors: tuple[str, ...]
    #: The recipients its title names.
    recipients: tuple[str, ...]
    #: Where the original is held (see :func:`location_and_credits`).
    location: str | None
    credits: tuple[str, ...]
    #: The names in "Translated by ..." credits.
    translators: tuple[str, ...]
    #: The address to cite (:func:`stable_url`).
    url: str | None
    #: "Telegram", "Cable", "Letter" (see :func:`letter_kind`), or ``None``.
    letter: str | None = None


def citation_parts(doc: Document) -> CitationParts:
    """The authors, recipients, location, credits, translators and address of a document.

    >>> parts = citation_parts(Document(id="x", title="T", credits="Translated by J. Roe"))
    >>> parts.authors, parts.credits, parts.translators, parts.url
    ((), ('Translated by J. Roe',), ('J. Roe',), None)
    """
    from ._names import is_place

    senders, recipients = _correspondents(doc)
    location, credits = location_and_credits(doc)
    authors = tuple(a for a in doc.authors or senders if not is_place(a))
    return CitationParts(
        authors=authors or _title_author(doc.title),
        recipients=tuple(r for r in recipients if not is_place(r)),
        location=location,
        credits=credits,
        translators=_translators(credits, location),
        url=stable_url(doc),
        letter=letter_kind(doc),
    )


# A double quote at the start or after a space or bracket opens; any other closes.
_OPENING_QUOTE = r'(?:^|(?<=[\s(\[]))["“]'


def _quoted(title: str, closing: str) -> str:
    """The title in curly quotes with ``closing`` punctuation inside (Chicago style)."""
    inner = re.sub(_OPENING_QUOTE, "‘", title.strip())
    inner = inner.replace('"', "’").replace("”", "’")
    if inner.endswith((".", "?", "!")):
        return f"“{inner}”"
    return f"“{inner}{closing}”"


def cite(doc: Document, style: CitationStyle = "note") -> str:
    """A Chicago-style citation of one document, in the archive's recommended pattern.

    ``style="note"`` gives the footnote form (parts joined by commas),
    ``style="bibliography"`` the bibliography form (parts ended by full stops).
    The date is printed at its precision ("February 1950" stays a month); a
    part that is not known is left out, never written as "None".

    >>> from sinosoviet_docs.dates import PartialDate
    >>> doc = Document(id="x", title="Telegram, Mao Zedong to Stalin",
    ...                date=PartialDate(year=1950, month=2))
    >>> print(cite(doc))
    “Telegram, Mao Zedong to Stalin,” February 1950, History and Public Policy Program
    Digital Archive.
    >>> print(cite(doc, style="bibliography"))
    “Telegram, Mao Zedong to Stalin.” February 1950. History and Public Policy Program
    Digital Archive.
    """
    if style not in ("note", "bibliography"):
        raise ValueError(f"style must be 'note' or 'bibliography', not {style!r}")
    location, credits = location_and_credits(doc)
    holding = ARCHIVE_NAME if location is None else f"{ARCHIVE_NAME}, {location}"
    if style == "note":
        head = _quoted(doc.title, ",")
        middle = [doc.date.display()] if doc.date is not None else []
        body = ", ".join([*middle, holding])
        parts = [f"{head} {_with_final_stop(body)}"]
    else:
        head = _quoted(doc.title, ".")
        parts = [head]
        if doc.date is not None:
            parts.append(_with_final_stop(doc.date.display()))
        parts.append(_with_final_stop(holding))
    parts.extend(_with_final_stop(c) for c in credits)
    url = stable_url(doc)
    if url:
        parts.append(url)
    return " ".join(parts)


def citation_key(doc: Document) -> str:
    """A BibTeX key that depends on the document alone, so it is the same in every export.

    ``hppda<record id>`` when the record id is known, else the document's id
    (made safe for BibTeX, with a short hash of the id when anything had to change).

    >>> citation_key(Document(id="112088", title="T", record_id=112088))
    'hppda112088'
    >>> citation_key(Document(id="1952-12-27-telegram-from-stalin", title="T"))
    'hppda-1952-12-27-telegram-from-stalin'
    """
    if doc.record_id is not None:
        return f"hppda{doc.record_id}"
    safe = re.sub(r"[^A-Za-z0-9_.:-]+", "-", doc.id).strip("-")
    if safe != doc.id or not safe:
        import hashlib

        digest = hashlib.sha1(doc.id.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe[:60]}-{digest}" if safe else digest
    return f"hppda-{safe}"
