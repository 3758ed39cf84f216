"""Page captures: the visible text of the archive's pages, read into typed records.

A capture is what a browser's select-all/copy, a text-mode browser or a
scraper's ``innerText`` gives for a page of the Wilson Center Digital Archive.
:func:`parse_page` recognises the layouts of both sites (new-site collection,
search and document pages; old-site collection pages in their dash and bullet
renderings; old-site document pages) and returns a :class:`Page`.

The parser reads line by line with a small state machine: no regular
expression is used, so time is linear in the input. Before anything else it
turns Windows and old Mac line ends into ``\\n``, non-breaking spaces into
spaces and strips the spaces around each line; all other text (curly quotes included) is
kept as given.

Text that it cannot place is never dropped silently: it becomes a
:class:`~sinosoviet_docs.loaders.LoadProblem` in :attr:`Page.problems` with its
line number, and ``strict=True`` raises
:class:`~sinosoviet_docs.exceptions.PageParseError` instead. Site chrome
(``Skip to content``, ``Search in``, ``No image found.``, widget labels) is
recognised and skipped.

>>> page = parse_page('''Skip to content
...
... Some Collection
...
... About it.
...
... Popular Documents
...
... July 5, 1950
...
... Cable from A to B
...
... A asks B.''')
>>> page.kind, page.title, [(str(d.date), d.title, d.summary) for d in page.documents]
('collection', 'Some Collection', [('1950-07-05', 'Cable from A to B', 'A asks B.')])
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from typing import Literal
from urllib.parse import parse_qs, urlsplit

import attrs

from .._vocab import ARCHIVE_NAME, CREDIT_BY, MONTH_ABBREVIATIONS, MONTHS
from ..dates import PartialDate
from ..exceptions import DateParseError, PageParseError
from ..models import (
    ARCHIVE_URL,
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    Document,
    Popularity,
    Provenance,
    slugify,
)
from ._input import is_ascii_int, read_utf8
from .problems import LoadProblem, warn_problems

__all__ = ["Layout", "Page", "PageKind", "load_pages", "parse_page"]

PageKind = Literal["collection", "search", "document"]
#: ``new``: the current site; ``old-dash`` / ``old-bullet``: the two renderings of
#: old-site collection pages; ``old``: an old-site document page; ``unknown``: no
#: marker of any layout was found (entries are still read from date lines).
Layout = Literal["new", "old-dash", "old-bullet", "old", "unknown"]

_SKIP = "Skip to content"
_POPULAR = "Popular Documents"
# Lines of site chrome: menus, widget labels, empty image frames.
_CHROME = frozenset(
    {
        _SKIP,
        "Search in",
        "ADD SEARCH FILTER CANCEL SEARCH FILTER",
        "Digital Archive International History Declassified",
        "No image found.",
    }
)
_FUNDING = "This document was made possible with support from "
_CITATION_MARK = f", {ARCHIVE_NAME}, "
_CREDIT_STARTS = tuple(start + " " for start in CREDIT_BY)
_SIBLINGS = "For other collections on "
_GUIDE = "resource guide see "

# Month words of listing dates: full names, abbreviations with or without a full stop.
_MONTH_WORDS = frozenset({*MONTHS, *(word + "." for word in MONTH_ABBREVIATIONS)})

# New-site document page headings; value lines follow each.
_DOC_SECTIONS = {
    "Related Documents": "related",
    "Author(s):": "authors",
    "Author(s)": "authors",
    "Associated People & Organizations": "people",
    "Associated Places": "places",
    "Associated Topics": "topics",
    "Document Information": "source",
    "Source": "source",
    "Original Archive": "original_archive",
    "Rights": "rights",
    "Original Uploaded Date": "uploaded",
    "Type": "type",
    "Language": "languages",
    "Languages": "languages",
    "Record ID": "record_id",
}


_COLLECTION_BREAKS = _CHROME | {_POPULAR, "Timeline"}
_DOCUMENT_BREAKS = _CHROME | frozenset(_DOC_SECTIONS)


@attrs.frozen(kw_only=True)
class Page:
    """What one page capture shows, as typed values; unknown is ``None`` or empty.

    ``documents`` are the page's entries in page order (the one document of a
    document page); ``popular`` says they are a collection's "Popular
    Documents" block. ``related`` names the sibling collections and
    ``resource_guide`` the guide that a collection's description points to;
    ``related_documents`` are a document page's "Related Documents".
    ``first``, ``last`` and ``total`` are a search page's "1 - 20 of 345"
    counter; ``page_number`` is the page as the address gives it; ``collection``
    is the slug of a collection page (from the address, else from its name).
    ``preamble`` keeps text found before the page proper (some captures begin
    with the summary of another document). ``problems`` lists what could not
    be placed, with line numbers. ``source`` names the capture (a file, else the address).
    """

    kind: PageKind
    layout: Layout
    source: str = "page capture"
    url: str | None = None
    title: str | None = None
    description: str | None = None
    related: tuple[str, ...] = ()
    resource_guide: str | None = None
    collection: str | None = None
    documents: tuple[Document, ...] = ()
    popular: bool = False
    related_documents: tuple[Document, ...] = ()
    first: int | None = None
    last: int | None = None
    total: int | None = None
    page_number: int | None = None
    preamble: str | None = None
    problems: tuple[LoadProblem, ...] = ()

    def collection_record(self) -> Collection | None:
        """The collection a collection page describes (``None`` for other pages).

        >>> parse_page("Skip to content\\n\\nA Name\\n\\nText.\\n\\nPopular Documents\\n"
        ...            "\\n1958\\n\\nA title").collection_record().slug
        'a-name'
        """
        if self.kind != "collection" or self.title is None or self.collection is None:
            return None
        old = self.url is not None and "/collection/" in self.url
        archive_id = _old_collection_id(self.url) if old else None
        return Collection(
            slug=self.collection,
            title=self.title,
            description=self.description,
            related=tuple(
                CollectionRef(title=name, slug=slugify(name) or name) for name in self.related
            ),
            resource_guide=(
                None
                if self.resource_guide is None
                else CollectionRef(
                    title=self.resource_guide,
                    slug=slugify(self.resource_guide) or self.resource_guide,
                    kind="resource-guide",
                )
            ),
            popular=self.documents if self.popular else (),
            archive_id=archive_id,
            url=self.url,
            provenance=(Provenance(source=self.source, urls=_urls(self.url)),),
        )


# -- small readers ----------------------------------------------------------------------


def _listing_date(text: str) -> PartialDate | None:
    """The date of an entry line ("July 5, 1950", "December, 1959", "1958"), else None.

    Only the archive's listing forms are accepted, checked by shape first, so
    that titles and summaries are never taken for dates.
    """
    words = text.split()
    if not words or len(words) > 3 or len(text) > 40:
        return None
    year = words[-1]
    if len(year) != 4 or not is_ascii_int(year):
        return None
    if len(words) > 1 and words[0].lower().rstrip(",") not in _MONTH_WORDS:
        return None
    if len(words) == 3 and not is_ascii_int(words[1].rstrip(",")):
        return None
    try:
        return PartialDate.parse(text)
    except DateParseError:
        return None


def _counter(text: str) -> tuple[int, int, int] | None:
    """``(first, last, total)`` from "1 - 20 of 345" (commas, en dashes allowed), else None."""
    head, sep, total = text.partition(" of ")
    if not sep:
        return None
    for dash in (" - ", " – ", "-", "–"):
        first, found, last = head.partition(dash)
        if found:
            break
    else:
        return None
    parts = [p.strip().replace(",", "") for p in (first, last, total)]
    if not all(is_ascii_int(p) for p in parts):
        return None
    a, b, c = (int(p) for p in parts)
    return a, b, c


def _split_description(description: str) -> tuple[tuple[str, ...], str | None]:
    """Sibling collection names and the resource guide named in a description."""
    siblings: tuple[str, ...] = ()
    guide: str | None = None
    start = description.find(_SIBLINGS)
    if start >= 0:
        see = description.find(", see ", start)
        if see >= 0:
            rest = description[see + len(", see ") :]
            names = _sentence(rest)
            parts = [p.strip() for p in names.split(";")]
            siblings = tuple(
                p.removeprefix("and ").strip() for p in parts if p.removeprefix("and ").strip()
            )
    at = description.find(_GUIDE)
    if at >= 0:
        guide = _sentence(description[at + len(_GUIDE) :]).strip() or None
    return siblings, guide


def _sentence(text: str) -> str:
    """Text up to the end of its sentence (". ", ".(" or a final ".")."""
    ends = [i for i in (text.find(". "), text.find(".(")) if i >= 0]
    if ends:
        return text[: min(ends)]
    return text[:-1] if text.endswith(".") else text


def _old_collection_id(url: str | None) -> int | None:
    if url is None:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) >= 2 and parts[0] == "collection" and is_ascii_int(parts[1]):
        return int(parts[1]) or None
    return None


@attrs.frozen
class _Address:
    kind: PageKind | None = None
    record_id: int | None = None
    collection: str | None = None
    page_number: int | None = None


def _address(url: str | None) -> _Address:
    """What a page's address says: its kind, record id, collection slug, page number."""
    if not url:
        return _Address()
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    page_values = query.get("page", [])
    page_number = int(page_values[0]) if page_values and is_ascii_int(page_values[0]) else None
    if len(segments) >= 2 and segments[0] == "document":
        record = int(segments[1]) if is_ascii_int(segments[1]) else None
        return _Address("document", record_id=record or None)
    if len(segments) >= 2 and segments[0] == "node":
        return _Address("document")
    if len(segments) >= 2 and segments[0] == "topics":
        return _Address("collection", collection=segments[1], page_number=page_number)
    if len(segments) >= 3 and segments[0] == "collection":
        if len(segments) >= 4 and is_ascii_int(segments[3]):
            page_number = int(segments[3])
        return _Address("collection", collection=segments[2], page_number=page_number)
    if segments and segments[0] == "search":
        return _Address("search", page_number=page_number)
    return _Address(page_number=page_number)


def _urls(url: str | None) -> tuple[str, ...]:
    return (url,) if url else ()


# -- the parser -------------------------------------------------------------------------

_Line = tuple[int, str]  # (1-based line number, text without trailing spaces)


def _lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return [(n, line.rstrip()) for n, line in enumerate(text.split("\n"), start=1)]


def _blocks(lines: Sequence[_Line], breaks: frozenset[str] = frozenset()) -> list[_Line]:
    """Runs of non-blank lines, each as (first line number, lines joined by newlines).

    A line in ``breaks`` (a heading, a marker) is a block of its own even
    without blank lines around it.
    """
    blocks: list[_Line] = []
    start = 0
    current: list[str] = []
    for number, line in lines:
        stripped = line.strip()
        if stripped in breaks:
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            blocks.append((number, stripped))
        elif stripped:
            if not current:
                start = number
            current.append(stripped)
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _has_bullet_entries(items: Sequence[_Line]) -> bool:
    """Old-site bullet rendering: some line is '• <date>'."""
    return any(t.startswith("•") and _listing_date(t[1:].strip()) for _, t in items)


def _has_dash_entries(items: Sequence[_Line]) -> bool:
    """Old-site dash rendering: some '-' line is followed by a date line."""
    return any(
        t == "-" and i + 1 < len(items) and _listing_date(items[i + 1][1])
        for i, (_, t) in enumerate(items)
    )


def _stripped(lines: Sequence[_Line]) -> list[_Line]:
    return [(n, t.strip()) for n, t in lines if t.strip()]


@attrs.define
class _Entry:
    date_line: int
    date_text: str
    date: PartialDate | None
    title: str
    summary: str | None = None


class _Parser:
    def __init__(self, text: str, url: str | None, source: str) -> None:
        self.source = source
        self.url = url
        self.address = _address(url)
        self.lines = _lines(text)
        self.problems: list[LoadProblem] = []

    def problem(self, line: int | None, expected: str, found: str | None) -> None:
        self.problems.append(
            LoadProblem(source=self.source, line=line, message=f"expected {expected}", text=found)
        )

    # -- entries, in the three renderings --

    def block_entries(self, items: Sequence[_Line]) -> list[_Entry]:
        """Entries as date / title / optional summary items (blocks or lines)."""
        entries: list[_Entry] = []
        i, n = 0, len(items)
        while i < n:
            number, text = items[i]
            date = _listing_date(text)
            if date is None:
                self.problem(number, "an entry's date (e.g. 'July 5, 1950')", text)
                i += 1
                continue
            if i + 1 >= n or _listing_date(items[i + 1][1]) is not None:
                self.problem(number, f"a title after the date {text!r}", None)
                i += 1
                continue
            entry = _Entry(number, text, date, items[i + 1][1])
            i += 2
            if i < n and _listing_date(items[i][1]) is None:
                entry.summary = items[i][1]
                i += 1
            entries.append(entry)
        return entries

    def grouped_entries(
        self, groups: Sequence[tuple[int, str | None, list[_Line]]]
    ) -> list[_Entry]:
        """Entries of the old site: (line, date text or None, following lines) groups."""
        entries: list[_Entry] = []
        for number, date_text, rest in groups:
            if date_text is None:
                if not rest:
                    self.problem(number, "a date after the entry marker", None)
                    continue
                number, date_text = rest[0]
                rest = rest[1:]
            date = _listing_date(date_text)
            if date is None:
                self.problem(number, "an entry's date (e.g. 'July 05, 1950')", date_text)
                continue
            if not rest:
                self.problem(number, f"a title after the date {date_text!r}", None)
                continue
            summary = "\n".join(t for _, t in rest[1:]) or None
            entries.append(_Entry(number, date_text, date, rest[0][1], summary))
        return entries

    def documents(
        self,
        entries: Iterable[_Entry],
        *,
        collection: str | None,
        popular: bool,
        page_number: int | None,
    ) -> tuple[Document, ...]:
        docs: list[Document] = []
        for position, entry in enumerate(entries, start=1):
            docs.append(
                Document(
                    id=Document.make_id(title=entry.title, date=entry.date),
                    title=entry.title,
                    date=entry.date,
                    dates_printed=(entry.date_text,),
                    summary=entry.summary,
                    collections=(collection,) if collection and not popular else (),
                    popularity=(
                        (Popularity(collection=collection, rank=position),)
                        if collection and popular
                        else ()
                    ),
                    provenance=(
                        Provenance(
                            source=f"{self.source} line {entry.date_line}",
                            urls=_urls(self.url),
                            page=page_number,
                            position=position,
                        ),
                    ),
                )
            )
        return tuple(docs)

    # -- layouts --

    def run(self) -> Page:
        body = self.lines
        preamble: str | None = None
        skip_at = next((i for i, (_, t) in enumerate(body) if t.strip() == _SKIP), None)
        if skip_at is not None:
            before = _blocks(body[:skip_at])
            if before:
                preamble = "\n\n".join(t for _, t in before)
            body = body[skip_at + 1 :]
        texts = {t.strip() for _, t in body}
        stripped = _stripped(body)
        kind = self.address.kind
        if "Document Information" in texts or "Record ID" in texts:
            return self.new_document(body, preamble)
        if "Citation" in texts and (kind == "document" or "English HTML" in texts):
            return self.old_document(stripped, preamble)
        if _POPULAR in texts:
            return self.new_collection(body, preamble)
        counter_at = next((i for i, (_, t) in enumerate(stripped) if _counter(t)), None)
        if counter_at is not None and kind in (None, "search"):
            return self.search(stripped, counter_at, preamble)
        if _has_bullet_entries(stripped):
            return self.old_collection(stripped, "old-bullet", preamble)
        if _has_dash_entries(stripped):
            return self.old_collection(stripped, "old-dash", preamble)
        if kind == "document":
            return self.new_document(body, preamble)
        return self.unknown(body, preamble)

    def _entries_of(self, items: Sequence[_Line], blocks: Sequence[_Line]) -> list[_Entry]:
        """Entries in whichever rendering the lines use."""
        if _has_bullet_entries(items):
            return self.grouped_entries(self._bullet_groups(items))
        if _has_dash_entries(items):
            return self.grouped_entries(self._dash_groups(items))
        return self.block_entries(blocks)

    def _bullet_groups(self, items: Sequence[_Line]) -> list[tuple[int, str | None, list[_Line]]]:
        groups: list[tuple[int, str | None, list[_Line]]] = []
        for number, text in items:
            if text.startswith("•"):
                groups.append((number, text[1:].strip() or None, []))
            elif groups:
                groups[-1][2].append((number, text))
            else:
                self.problem(number, "an entry starting with '•'", text)
        return groups

    def _dash_groups(self, items: Sequence[_Line]) -> list[tuple[int, str | None, list[_Line]]]:
        groups: list[tuple[int, str | None, list[_Line]]] = []
        for number, text in items:
            if text == "-":
                groups.append((number, None, []))
            elif groups:
                groups[-1][2].append((number, text))
            else:
                self.problem(number, "an entry starting with a '-' line", text)
        return groups

    def _collection_page(
        self,
        layout: Layout,
        title: str | None,
        description: str | None,
        entries: list[_Entry],
        preamble: str | None,
        *,
        popular: bool,
    ) -> Page:
        slug = self.address.collection or (slugify(title) if title else None) or None
        siblings, guide = _split_description(description) if description else ((), None)
        page_number = self.address.page_number
        return Page(
            kind="collection",
            layout=layout,
            source=self.source,
            url=self.url,
            title=title,
            description=description,
            related=siblings,
            resource_guide=guide,
            collection=slug,
            documents=self.documents(
                entries, collection=slug, popular=popular, page_number=page_number
            ),
            popular=popular,
            page_number=page_number,
            preamble=preamble,
            problems=tuple(self.problems),
        )

    def new_collection(self, body: Sequence[_Line], preamble: str | None) -> Page:
        blocks = [(n, t) for n, t in _blocks(body, _COLLECTION_BREAKS) if t not in _CHROME]
        marker = next(i for i, (_, t) in enumerate(blocks) if t == _POPULAR)
        head = [(n, t) for n, t in blocks[:marker] if t != "Timeline"]
        title = head[0][1] if head else None
        if title is None:
            self.problem(
                blocks[marker][0], "the collection's name before 'Popular Documents'", None
            )
        description = "\n\n".join(t for _, t in head[1:]) or None
        items = [(n, t) for n, t in _stripped(body) if n > blocks[marker][0]]
        entries = self._entries_of(items, blocks[marker + 1 :])
        return self._collection_page("new", title, description, entries, preamble, popular=True)

    def old_collection(
        self, stripped: Sequence[_Line], layout: Layout, preamble: str | None
    ) -> Page:
        items = [(n, t) for n, t in stripped if t not in _CHROME]
        if layout == "old-bullet":
            start = next((i for i, (_, t) in enumerate(items) if t.startswith("•")), len(items))
        else:
            start = next((i for i, (_, t) in enumerate(items) if t == "-"), len(items))
        head = items[:start]
        title = head[0][1] if head else None
        description = "\n".join(t for _, t in head[1:]) or None
        if layout == "old-bullet":
            groups = self._bullet_groups(items[start:])
        else:
            groups = self._dash_groups(items[start:])
        entries = self.grouped_entries(groups)
        kind = self.address.kind
        if kind == "search":
            page = self.search_page(layout, entries, None, preamble)
            extra = "\n".join(t for _, t in head) or None
            return attrs.evolve(page, preamble=_join(preamble, extra))
        return self._collection_page(layout, title, description, entries, preamble, popular=False)

    def search(self, stripped: Sequence[_Line], counter_at: int, preamble: str | None) -> Page:
        before = [(n, t) for n, t in stripped[:counter_at] if t not in _CHROME and t != "Results:"]
        extra = "\n".join(t for _, t in before) or None
        rest = list(stripped[counter_at + 1 :])
        if rest and rest[0][1] == "Documents":
            rest = rest[1:]
        header_end = rest[0][0] - 1 if rest else len(self.lines)
        blocks = _blocks([line for line in self.lines if line[0] > header_end])
        entries = self._entries_of(rest, blocks)
        counter = _counter(stripped[counter_at][1])
        return self.search_page("new", entries, counter, _join(preamble, extra))

    def search_page(
        self,
        layout: Layout,
        entries: list[_Entry],
        counter: tuple[int, int, int] | None,
        preamble: str | None,
    ) -> Page:
        page_number = self.address.page_number
        first, last, total = counter if counter else (None, None, None)
        return Page(
            kind="search",
            layout=layout,
            source=self.source,
            url=self.url,
            documents=self.documents(
                entries, collection=None, popular=False, page_number=page_number
            ),
            first=first,
            last=last,
            total=total,
            page_number=page_number,
            preamble=preamble,
            problems=tuple(self.problems),
        )

    def unknown(self, body: Sequence[_Line], preamble: str | None) -> Page:
        blocks = [(n, t) for n, t in _blocks(body) if t not in _CHROME]
        first_date = next((i for i, (_, t) in enumerate(blocks) if _listing_date(t)), None)
        head = blocks if first_date is None else blocks[:first_date]
        if first_date is None:
            self.problem(
                blocks[0][0] if blocks else None,
                "a page layout (a 'Popular Documents' block, a results counter, "
                "entry markers or a document's 'Document Information')",
                blocks[0][1] if blocks else None,
            )
        entries = self.block_entries(blocks[first_date:]) if first_date is not None else []
        kind = self.address.kind or "collection"
        title = head[0][1] if head else None
        description = "\n\n".join(t for _, t in head[1:]) or None
        if kind == "search":
            extra = "\n\n".join(t for _, t in head) or None
            return self.search_page("unknown", entries, None, _join(preamble, extra))
        return self._collection_page(
            "unknown", title, description, entries, preamble, popular=False
        )

    # -- document pages --

    def new_document(self, body: Sequence[_Line], preamble: str | None) -> Page:
        blocks = [(n, t) for n, t in _blocks(body, _DOCUMENT_BREAKS) if t not in _CHROME]
        start = next((i for i, (_, t) in enumerate(blocks) if _listing_date(t)), None)
        if start is None:
            self.problem(blocks[0][0] if blocks else None, "the document's date", None)
            return self._document_page("new", None, preamble)
        if start:
            preamble = _join(preamble, "\n\n".join(t for _, t in blocks[:start]))
        date_line, date_text = blocks[start]
        rest = blocks[start + 1 :]
        if not rest or rest[0][1].split("\n")[0] in _DOC_SECTIONS:
            self.problem(date_line, f"the document's title after the date {date_text!r}", None)
            return self._document_page("new", None, preamble)
        title = rest[0][1]
        rest = rest[1:]
        fields: dict[str, list[str]] = {}
        donors: tuple[str, ...] = ()
        if rest and rest[0][1].startswith(_FUNDING):
            donors = (rest[0][1][len(_FUNDING) :].rstrip(".").strip(),)
            rest = rest[1:]
        section_at = next(
            (i for i, (_, t) in enumerate(rest) if t.split("\n")[0] in _DOC_SECTIONS), len(rest)
        )
        prose = [t for _, t in rest[:section_at]]
        summary = prose[-1] if prose else None
        text = "\n\n".join(prose[:-1]) or None
        section_lines = [
            (n, t) for n, t in _stripped(body) if rest[section_at:] and n >= rest[section_at][0]
        ]
        current: str | None = None
        related_lines: list[_Line] = []
        for number, line in section_lines:
            if line in _DOC_SECTIONS:
                current = _DOC_SECTIONS[line]
                fields.setdefault(current, [])
                continue
            if current == "related":
                related_lines.append((number, line))
            elif current is not None:
                fields[current].append(line)
        related_docs = self.documents(
            self.block_entries(related_lines), collection=None, popular=False, page_number=None
        )
        record_id = self.address.record_id
        for value in fields.get("record_id", []):
            if is_ascii_int(value) and int(value) > 0:
                record_id = int(value)
            else:
                self.problem(None, "a record id (a positive whole number)", value)
        uploaded = None
        for value in fields.get("uploaded", []):
            try:
                uploaded = PartialDate.parse(value)
            except DateParseError:
                self.problem(None, "an upload date (YYYY-MM-DD)", value)
        date = _listing_date(date_text)
        doc = Document(
            id=Document.make_id(title=title, date=date, record_id=record_id),
            title=title,
            record_id=record_id,
            date=date,
            dates_printed=(date_text,),
            summary=summary,
            text=text,
            type=_one(fields.get("type")),
            languages=tuple(fields.get("languages", ())),
            authors=tuple(fields.get("authors", ())),
            people=tuple(fields.get("people", ())),
            places=tuple(fields.get("places", ())),
            topics=tuple(fields.get("topics", ())),
            source=_one(fields.get("source")),
            original_archive=_one(fields.get("original_archive")),
            rights="\n\n".join(fields.get("rights", ())) or None,
            uploaded=uploaded,
            donors=donors,
            url=self.url,
            related=tuple(d.id for d in related_docs),
            provenance=(
                Provenance(source=f"{self.source} line {date_line}", urls=_urls(self.url)),
            ),
        )
        page = self._document_page("new", doc, preamble)
        return attrs.evolve(page, related_documents=related_docs)

    def old_document(self, stripped: Sequence[_Line], preamble: str | None) -> Page:
        items = [(n, t) for n, t in stripped if t not in _CHROME]
        cite_at = next(i for i, (_, t) in enumerate(items) if t == "Citation")
        head = items[:cite_at]
        date_at = next((i for i, (_, t) in enumerate(head) if _listing_date(t)), None)
        date_text = head[date_at][1] if date_at is not None else None
        if date_at is None:
            self.problem(items[cite_at][0], "the document's date before 'Citation'", None)
        elif date_at:
            preamble = _join(preamble, "\n".join(t for _, t in head[:date_at]))
        donors: tuple[str, ...] = ()
        for number, text in head[(date_at or 0) + 1 :] if date_at is not None else ():
            if text.startswith(_FUNDING):
                donors = (*donors, text[len(_FUNDING) :].rstrip(".").strip())
            else:
                self.problem(number, "a funding line or 'Citation'", text)
        after = items[cite_at + 1 :]
        if not after:
            self.problem(items[cite_at][0], "a citation line after 'Citation'", None)
            return self._document_page("old", None, preamble)
        cite_line, citation = after[0]
        parsed = _read_citation(citation)
        if parsed is None:
            self.problem(
                cite_line, "a citation line '\"<TITLE>,\" <DATE>, History and Public ...'", citation
            )
            return self._document_page("old", None, preamble)
        title, cited_date, source, credits = parsed
        body = after[1:]
        if body and body[0][1] == "English HTML":
            body = body[1:]
        date = _listing_date(date_text) if date_text else _listing_date(cited_date)
        record_id = self.address.record_id
        printed = tuple(dict.fromkeys(t for t in (date_text, cited_date) if t))
        doc = Document(
            id=Document.make_id(title=title, date=date, record_id=record_id),
            title=title,
            record_id=record_id,
            date=date,
            dates_printed=printed,
            source=source or None,
            credits=credits,
            text="\n".join(t for _, t in body) or None,
            donors=donors,
            url=self.url,
            provenance=(
                Provenance(source=f"{self.source} line {cite_line}", urls=_urls(self.url)),
            ),
        )
        return self._document_page("old", doc, preamble)

    def _document_page(self, layout: Layout, doc: Document | None, preamble: str | None) -> Page:
        return Page(
            kind="document",
            layout=layout,
            source=self.source,
            url=self.url,
            title=doc.title if doc else None,
            documents=(doc,) if doc else (),
            preamble=preamble,
            problems=tuple(self.problems),
        )


def _one(values: Sequence[str] | None) -> str | None:
    return "\n".join(values) if values else None


def _join(a: str | None, b: str | None) -> str | None:
    parts = [p for p in (a, b) if p]
    return "\n\n".join(parts) or None


def _read_citation(line: str) -> tuple[str, str, str, str | None] | None:
    """(title, date, source, credits) from an old-site citation line, or None."""
    if not line or line[0] not in '"“':
        return None
    ends = [i for i in (line.find(',"', 1), line.find(",”", 1)) if i >= 0]
    if not ends:
        return None
    end = min(ends)
    title = line[1:end].strip()
    rest = line[end + 2 :].strip()
    date, mark, tail = rest.partition(_CITATION_MARK)
    if not title or not mark:
        return None
    source, credits = tail, None
    for start in _CREDIT_STARTS:
        at = tail.find(". " + start)
        if at >= 0:
            source, credits = tail[: at + 1], tail[at + 2 :]
            break
    return title, date.strip(), source.strip().rstrip(".").strip() or "", credits


def parse_page(
    text: str, *, url: str | None = None, strict: bool = False, source: str | None = None
) -> Page:
    """Read one page capture into a :class:`Page`.

    ``url`` is the page's address when known: it gives a document page's
    record id (``/document/<n>``), a collection's slug and the page number.
    ``source`` names the capture in provenance and problems (default: the
    url, else "page capture"). With ``strict=True`` the first problem raises
    :class:`~sinosoviet_docs.exceptions.PageParseError` (a ValueError) naming
    its line and what was expected there.

    >>> page = parse_page("Skip to content\\n\\nResults:\\n\\n1 - 20 of 345\\n\\nDocuments\\n\\n"
    ...                   "December 1959\\n\\nNote on a visit", url="https://x.org/search?page=2")
    >>> page.kind, page.total, page.page_number, page.documents[0].title
    ('search', 345, 2, 'Note on a visit')
    >>> parse_page("Skip to content\\n\\nA\\n\\nB\\n\\nPopular Documents\\n\\nnot a date",
    ...            strict=True)
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.PageParseError: page capture, line 9: expected an entry's date ...
    """
    if not isinstance(text, str):
        raise TypeError(f"a page capture must be a str, not {type(text).__name__}")
    name = source or url or "page capture"
    page = _Parser(text, url, name).run()
    if strict and page.problems:
        first = page.problems[0]
        raise PageParseError(
            first.message.removeprefix("expected "),
            first.text,
            line=first.line,
            source=name,
            problems=page.problems,
        )
    return page


def _canonical(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if not parts.scheme:
        return f"{ARCHIVE_URL}/{url.lstrip('/')}"
    return url


PagePath = str | os.PathLike[str] | tuple[str | os.PathLike[str], str]


def _undecodable(name: str, line: int, offset: int, found: bytes) -> PageParseError:
    return PageParseError(
        f"UTF-8 text, found {found!r} at byte offset {offset}", None, line=line, source=name
    )


def load_pages(paths: Iterable[PagePath], *, strict: bool = False) -> Catalogue:
    """A catalogue from page capture files: their documents merged, their collections kept.

    Each item is a path, or a ``(path, url)`` pair giving the page's address.
    Documents seen on several pages become one (see :func:`~sinosoviet_docs.merge`),
    with every page in their provenance. Without ``strict``, a page's problems
    are issued as one :class:`~sinosoviet_docs.exceptions.LoadWarning` per
    file (and stay in :attr:`Page.problems` of :func:`parse_page`). A file
    that is not UTF-8 text raises :class:`~sinosoviet_docs.exceptions.PageParseError`
    naming the file, the line and the byte offset of the first bad bytes.
    """
    from ..merging import assemble

    groups: list[tuple[Document, ...]] = []
    collections: list[Collection] = []
    sources: list[str] = []
    for item in paths:
        path, url = item if isinstance(item, tuple) else (item, None)
        name = str(path)
        text = read_utf8(path, functools.partial(_undecodable, name))
        page = parse_page(text, url=_canonical(url), strict=strict, source=name)
        warn_problems(name, page.problems)
        sources.append(f"{name}: {page.kind} page ({page.layout} layout)")
        collection = page.collection_record()
        if collection is not None:
            collections.append(attrs.evolve(collection, popular=()))
        groups.append((*page.documents, *page.related_documents))
    info = CatalogueInfo(title="Catalogue from page captures", sources=tuple(sources))
    # Pages are one source: a document listed on two pages (or twice on one) is one.
    return assemble(groups, collections, info, within_groups=True)
