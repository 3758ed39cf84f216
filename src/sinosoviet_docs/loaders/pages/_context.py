"""What every page family reads with: the capture's context and its entries.

:class:`Context` holds the capture's name and address and collects the
problems met; the entry readers turn the date / title / summary listings of
collection, search and document pages (in the new site's blocks and the old
site's bullet and dash renderings) into documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..._urls import Address, parse_address
from ...dates import PartialDate
from ...exceptions import PageParseError
from ...models import Document, Popularity, Provenance
from ..problems import LoadProblem
from ._lines import Line, has_bullet_entries, has_dash_entries, listing_date
from ._page import page_urls

__all__ = ["Context", "Entry", "entries_of", "entry_documents"]


class Context:
    """One capture being read: its name, address and preamble, and the problems met."""

    __slots__ = ("_expected", "address", "preamble", "problems", "source", "url")

    def __init__(self, source: str, url: str | None, preamble: str | None = None) -> None:
        self.source = source
        self.url = url
        self.address: Address = parse_address(url)
        self.preamble = preamble
        self.problems: list[LoadProblem] = []
        self._expected: list[str] = []

    def problem(self, line: int | None, expected: str, found: str | None) -> None:
        """Record that ``expected`` should have stood at ``line``, and ``found`` did."""
        self._expected.append(expected)
        self.problems.append(
            LoadProblem(source=self.source, line=line, message=f"expected {expected}", text=found)
        )

    def error(self) -> PageParseError | None:
        """The error naming the first problem (and counting the others), if there is one."""
        if not self.problems:
            return None
        first = self.problems[0]
        return PageParseError(
            self._expected[0],
            first.text,
            line=first.line,
            source=self.source,
            problems=self.problems,
        )


@attrs.define
class Entry:
    """One listed document: its date line, the date as printed and read, title, summary."""

    date_line: int
    date_text: str
    date: PartialDate | None
    title: str
    summary: str | None = None


def block_entries(ctx: Context, items: Sequence[Line]) -> list[Entry]:
    """Entries as date / title / optional summary items (blocks or lines)."""
    entries: list[Entry] = []
    i, n = 0, len(items)
    while i < n:
        number, text = items[i]
        date = listing_date(text)
        if date is None:
            ctx.problem(number, "an entry's date (e.g. 'July 5, 1950')", text)
            i += 1
            continue
        if i + 1 >= n or listing_date(items[i + 1][1]) is not None:
            ctx.problem(number, f"a title after the date {text!r}", None)
            i += 1
            continue
        entry = Entry(number, text, date, items[i + 1][1])
        i += 2
        if i < n and listing_date(items[i][1]) is None:
            entry.summary = items[i][1]
            i += 1
        entries.append(entry)
    return entries


_Group = tuple[int, "str | None", list[Line]]  # (line, date text or None, following lines)


def grouped_entries(ctx: Context, groups: Sequence[_Group]) -> list[Entry]:
    """Entries of the old site: (line, date text or None, following lines) groups."""
    entries: list[Entry] = []
    for number, date_text, rest in groups:
        if date_text is None:
            if not rest:
                ctx.problem(number, "a date after the entry marker", None)
                continue
            number, date_text = rest[0]
            rest = rest[1:]
        date = listing_date(date_text)
        if date is None:
            ctx.problem(number, "an entry's date (e.g. 'July 05, 1950')", date_text)
            continue
        if not rest:
            ctx.problem(number, f"a title after the date {date_text!r}", None)
            continue
        summary = "\n".join(t for _, t in rest[1:]) or None
        entries.append(Entry(number, date_text, date, rest[0][1], summary))
    return entries


def bullet_groups(ctx: Context, items: Sequence[Line]) -> list[_Group]:
    """The old site's bullet rendering: each entry starts with '• <date>'."""
    groups: list[_Group] = []
    for number, text in items:
        if text.startswith("•"):
            groups.append((number, text[1:].strip() or None, []))
        elif groups:
            groups[-1][2].append((number, text))
        else:
            ctx.problem(number, "an entry starting with '•'", text)
    return groups


def dash_groups(ctx: Context, items: Sequence[Line]) -> list[_Group]:
    """The old site's dash rendering: each entry starts with a '-' line."""
    groups: list[_Group] = []
    for number, text in items:
        if text == "-":
            groups.append((number, None, []))
        elif groups:
            groups[-1][2].append((number, text))
        else:
            ctx.problem(number, "an entry starting with a '-' line", text)
    return groups


def entries_of(ctx: Context, items: Sequence[Line], blocks: Sequence[Line]) -> list[Entry]:
    """Entries in whichever rendering the lines use."""
    if has_bullet_entries(items):
        return grouped_entries(ctx, bullet_groups(ctx, items))
    if has_dash_entries(items):
        return grouped_entries(ctx, dash_groups(ctx, items))
    return block_entries(ctx, blocks)


def entry_documents(
    ctx: Context,
    entries: Iterable[Entry],
    *,
    collection: str | None,
    popular: bool,
    page_number: int | None,
) -> tuple[Document, ...]:
    """The documents of listed entries, with their place on the page in provenance."""
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
                        source=f"{ctx.source} line {entry.date_line}",
                        urls=page_urls(ctx.url),
                        page=page_number,
                        position=position,
                    ),
                ),
            )
        )
    return tuple(docs)
