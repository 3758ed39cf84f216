"""Collection pages: the name, the description and its links, the listed entries.

The new site lists a collection's "Popular Documents" in blocks; the old site
lists its documents in a bullet or a dash rendering. A capture without any
marker of a layout is read here too, as a collection (or a search page, when
its address says so) whose entries are found by their date lines.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ...models import slugify
from ._context import (
    Context,
    Entry,
    block_entries,
    bullet_groups,
    dash_groups,
    entries_of,
    entry_documents,
    grouped_entries,
)
from ._lines import CHROME, POPULAR, Line, blocks, join, listing_date, stripped
from ._page import Layout, Page
from ._search import search_page

__all__ = ["new_collection", "old_bullet_collection", "old_dash_collection", "unknown_page"]

_SIBLINGS = "For other collections on "
_GUIDE = "resource guide see "
_BREAKS = CHROME | {POPULAR, "Timeline"}


def new_collection(ctx: Context, lines: Sequence[Line]) -> Page:
    """A new-site collection: name and description, then the "Popular Documents" block."""
    found = [(n, t) for n, t in blocks(lines, _BREAKS) if t not in CHROME]
    marker = next(i for i, (_, t) in enumerate(found) if t == POPULAR)
    head = [(n, t) for n, t in found[:marker] if t != "Timeline"]
    title = head[0][1] if head else None
    if title is None:
        ctx.problem(found[marker][0], "the collection's name before 'Popular Documents'", None)
    description = "\n\n".join(t for _, t in head[1:]) or None
    items = [(n, t) for n, t in stripped(lines) if n > found[marker][0]]
    entries = entries_of(ctx, items, found[marker + 1 :])
    return _collection_page(ctx, "new", title, description, entries, popular=True)


def old_bullet_collection(ctx: Context, lines: Sequence[Line]) -> Page:
    """An old-site collection whose entries start with '• <date>'."""
    return _old_collection(ctx, lines, "old-bullet")


def old_dash_collection(ctx: Context, lines: Sequence[Line]) -> Page:
    """An old-site collection whose entries start with a '-' line."""
    return _old_collection(ctx, lines, "old-dash")


def _old_collection(ctx: Context, lines: Sequence[Line], layout: Layout) -> Page:
    items = [(n, t) for n, t in stripped(lines) if t not in CHROME]
    bullets = layout == "old-bullet"
    start = next(
        (i for i, (_, t) in enumerate(items) if (t.startswith("•") if bullets else t == "-")),
        len(items),
    )
    head = items[:start]
    title = head[0][1] if head else None
    description = "\n".join(t for _, t in head[1:]) or None
    groups = (bullet_groups if bullets else dash_groups)(ctx, items[start:])
    entries = grouped_entries(ctx, groups)
    if ctx.address.kind == "search":
        page = search_page(ctx, layout, entries, None, ctx.preamble)
        extra = "\n".join(t for _, t in head) or None
        return attrs.evolve(page, preamble=join(ctx.preamble, extra))
    return _collection_page(ctx, layout, title, description, entries, popular=False)


def unknown_page(ctx: Context, lines: Sequence[Line]) -> Page:
    """A capture without a layout marker: a problem, and the entries its date lines start."""
    found = [(n, t) for n, t in blocks(lines) if t not in CHROME]
    first_date = next((i for i, (_, t) in enumerate(found) if listing_date(t)), None)
    head = found if first_date is None else found[:first_date]
    if first_date is None:
        ctx.problem(
            found[0][0] if found else None,
            "a page layout (a 'Popular Documents' block, a results counter, "
            "entry markers or a document's 'Document Information')",
            found[0][1] if found else None,
        )
    entries = block_entries(ctx, found[first_date:]) if first_date is not None else []
    title = head[0][1] if head else None
    description = "\n\n".join(t for _, t in head[1:]) or None
    if ctx.address.kind == "search":
        extra = "\n\n".join(t for _, t in head) or None
        return search_page(ctx, "unknown", entries, None, join(ctx.preamble, extra))
    return _collection_page(ctx, "unknown", title, description, entries, popular=False)


def _collection_page(
    ctx: Context,
    layout: Layout,
    title: str | None,
    description: str | None,
    entries: list[Entry],
    *,
    popular: bool,
) -> Page:
    slug = ctx.address.collection or (slugify(title) if title else None) or None
    siblings, guide = _split_description(description) if description else ((), None)
    page_number = ctx.address.page_number
    return Page(
        kind="collection",
        layout=layout,
        source=ctx.source,
        url=ctx.url,
        title=title,
        description=description,
        related=siblings,
        resource_guide=guide,
        collection=slug,
        documents=entry_documents(
            ctx, entries, collection=slug, popular=popular, page_number=page_number
        ),
        popular=popular,
        page_number=page_number,
        preamble=ctx.preamble,
        problems=tuple(ctx.problems),
    )


def _split_description(description: str) -> tuple[tuple[str, ...], str | None]:
    """Sibling collection names and the resource guide named in a description.

    >>> _split_description("For other collections on China, see A; B; and C. "
    ...                    "For the resource guide see Cold War China.")
    (('A', 'B', 'C'), 'Cold War China')
    """
    siblings: tuple[str, ...] = ()
    guide: str | None = None
    start = description.find(_SIBLINGS)
    if start >= 0:
        see = description.find(", see ", start)
        if see >= 0:
            names = _to_sentence_end(description[see + len(", see ") :])
            parts = [p.strip() for p in names.split(";")]
            siblings = tuple(
                p.removeprefix("and ").strip() for p in parts if p.removeprefix("and ").strip()
            )
    at = description.find(_GUIDE)
    if at >= 0:
        guide = _to_sentence_end(description[at + len(_GUIDE) :]).strip() or None
    return siblings, guide


def _to_sentence_end(text: str) -> str:
    """Text cut at the end of its first sentence (". ", ".(" or a final "."), the stop dropped.

    >>> _to_sentence_end("A; B. The rest."), _to_sentence_end("A.(image)"), _to_sentence_end("A.")
    ('A; B', 'A', 'A')
    """
    ends = [i for i in (text.find(". "), text.find(".(")) if i >= 0]
    if ends:
        return text[: min(ends)]
    return text[:-1] if text.endswith(".") else text
