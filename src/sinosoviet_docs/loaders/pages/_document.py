"""Document pages: the new site's headed fields and the old site's citation line."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..._decode import whole_number
from ..._vocab import ARCHIVE_NAME, CREDIT_BY
from ...dates import PartialDate
from ...exceptions import DateParseError
from ...models import Document, Provenance
from ._context import Context, block_entries, entry_documents
from ._lines import CHROME, FUNDING, Line, blocks, is_funding, join, listing_date, stripped
from ._page import Layout, Page, page_urls

__all__ = ["SECTIONS", "new_document", "old_document"]

_CITATION_MARK = f", {ARCHIVE_NAME}, "
_CREDIT_STARTS = tuple(start + " " for start in CREDIT_BY)

#: New-site document page headings, and the field each one's value lines fill.
SECTIONS = {
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
_BREAKS = CHROME | frozenset(SECTIONS)


def new_document(ctx: Context, lines: Sequence[Line]) -> Page:
    """A new-site document: date, title, funding, text and summary, then headed fields."""
    found = [(n, t) for n, t in blocks(lines, _BREAKS) if t not in CHROME]
    preamble = ctx.preamble
    start = next((i for i, (_, t) in enumerate(found) if listing_date(t)), None)
    if start is None:
        ctx.problem(found[0][0] if found else None, "the document's date", None)
        return _document_page(ctx, "new", None, preamble)
    if start:
        preamble = join(preamble, "\n\n".join(t for _, t in found[:start]))
    date_line, date_text = found[start]
    rest = found[start + 1 :]
    if not rest or rest[0][1].split("\n")[0] in SECTIONS or is_funding(rest[0][1]):
        ctx.problem(date_line, f"the document's title after the date {date_text!r}", None)
        return _document_page(ctx, "new", None, preamble)
    title = rest[0][1]
    rest = rest[1:]
    donors: tuple[str, ...] = ()
    if rest and is_funding(rest[0][1]):
        donors = (rest[0][1][len(FUNDING) :].rstrip(".").strip(),)
        rest = rest[1:]
    section_at = next(
        (i for i, (_, t) in enumerate(rest) if t.split("\n")[0] in SECTIONS), len(rest)
    )
    prose = [t for _, t in rest[:section_at]]
    summary = prose[-1] if prose else None
    text = "\n\n".join(prose[:-1]) or None
    section_lines = [
        (n, t) for n, t in stripped(lines) if rest[section_at:] and n >= rest[section_at][0]
    ]
    fields, related_lines = _sections(section_lines)
    related_docs = entry_documents(
        ctx, block_entries(ctx, related_lines), collection=None, popular=False, page_number=None
    )
    record_id = ctx.address.record_id
    for value in fields.get("record_id", []):
        number = whole_number(value)
        if number:
            record_id = number
        else:
            ctx.problem(None, "a record id (a positive whole number)", value)
    uploaded = None
    for value in fields.get("uploaded", []):
        try:
            uploaded = PartialDate.parse(value)
        except DateParseError:
            ctx.problem(None, "an upload date (YYYY-MM-DD)", value)
    date = listing_date(date_text)
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
        url=ctx.url,
        related=tuple(d.id for d in related_docs),
        provenance=(Provenance(source=f"{ctx.source} line {date_line}", urls=page_urls(ctx.url)),),
    )
    page = _document_page(ctx, "new", doc, preamble)
    return attrs.evolve(page, related_documents=related_docs)


def _sections(lines: Sequence[Line]) -> tuple[dict[str, list[str]], list[Line]]:
    """The value lines under each heading, by field; the "Related Documents" lines apart."""
    fields: dict[str, list[str]] = {}
    related: list[Line] = []
    current: str | None = None
    for number, line in lines:
        if line in SECTIONS:
            current = SECTIONS[line]
            fields.setdefault(current, [])
            continue
        if current == "related":
            related.append((number, line))
        elif current is not None:
            fields[current].append(line)
    return fields, related


def old_document(ctx: Context, lines: Sequence[Line]) -> Page:
    """An old-site document: date and funding lines, then 'Citation' and its line, then text."""
    items = [(n, t) for n, t in stripped(lines) if t not in CHROME]
    preamble = ctx.preamble
    cite_at = next(i for i, (_, t) in enumerate(items) if t == "Citation")
    head = items[:cite_at]
    date_at = next((i for i, (_, t) in enumerate(head) if listing_date(t)), None)
    date_text = head[date_at][1] if date_at is not None else None
    if date_at is None:
        ctx.problem(items[cite_at][0], "the document's date before 'Citation'", None)
    elif date_at:
        preamble = join(preamble, "\n".join(t for _, t in head[:date_at]))
    donors: tuple[str, ...] = ()
    for number, text in head[(date_at or 0) + 1 :] if date_at is not None else ():
        if is_funding(text):
            donors = (*donors, text[len(FUNDING) :].rstrip(".").strip())
        else:
            ctx.problem(number, "a funding line or 'Citation'", text)
    after = items[cite_at + 1 :]
    if not after:
        ctx.problem(items[cite_at][0], "a citation line after 'Citation'", None)
        return _document_page(ctx, "old", None, preamble)
    cite_line, citation = after[0]
    parsed = _read_citation(citation)
    if parsed is None:
        ctx.problem(
            cite_line, "a citation line '\"<TITLE>,\" <DATE>, History and Public ...'", citation
        )
        return _document_page(ctx, "old", None, preamble)
    title, cited_date, source, credits = parsed
    body = after[1:]
    if body and body[0][1] == "English HTML":
        body = body[1:]
    date = listing_date(date_text) if date_text else listing_date(cited_date)
    record_id = ctx.address.record_id
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
        url=ctx.url,
        provenance=(Provenance(source=f"{ctx.source} line {cite_line}", urls=page_urls(ctx.url)),),
    )
    return _document_page(ctx, "old", doc, preamble)


def _document_page(
    ctx: Context, layout: Layout, doc: Document | None, preamble: str | None
) -> Page:
    return Page(
        kind="document",
        layout=layout,
        source=ctx.source,
        url=ctx.url,
        title=doc.title if doc else None,
        documents=(doc,) if doc else (),
        preamble=preamble,
        problems=tuple(ctx.problems),
    )


def _one(values: Sequence[str] | None) -> str | None:
    return "\n".join(values) if values else None


def _read_citation(line: str) -> tuple[str, str, str, str | None] | None:
    """(title, date, source, credits) from an old-site citation line, or None.

    >>> _read_citation('"Cable to A," May 1950, History and Public Policy Program Digital '
    ...                'Archive, APRF. Translated by B.')
    ('Cable to A', 'May 1950', 'APRF', 'Translated by B.')
    """
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
