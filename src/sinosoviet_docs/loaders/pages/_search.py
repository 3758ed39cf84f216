"""Search pages: the "1 - 20 of 345" counter and the entries after it."""

from __future__ import annotations

from collections.abc import Sequence

from ._context import Context, Entry, entries_of, entry_documents
from ._lines import CHROME, Line, blocks, counts_up, join, result_counter, stripped
from ._page import Layout, Page

__all__ = ["search", "search_page"]


def search(ctx: Context, lines: Sequence[Line]) -> Page:
    """A new-site search page: text before the counter is preamble, entries follow it."""
    items = stripped(lines)
    counter_at = next(i for i, (_, t) in enumerate(items) if result_counter(t))
    before = [(n, t) for n, t in items[:counter_at] if t not in CHROME and t != "Results:"]
    extra = "\n".join(t for _, t in before) or None
    rest = list(items[counter_at + 1 :])
    if rest and rest[0][1] == "Documents":
        rest = rest[1:]
    header_end = rest[0][0] - 1 if rest else lines[-1][0]
    entries = entries_of(ctx, rest, blocks([line for line in lines if line[0] > header_end]))
    counter = result_counter(items[counter_at][1])
    if counter is not None and not counts_up(counter):
        ctx.problem(
            items[counter_at][0],
            "a result counter 'first - last of total' that counts up",
            items[counter_at][1],
        )
        counter = None
    return search_page(ctx, "new", entries, counter, join(ctx.preamble, extra))


def search_page(
    ctx: Context,
    layout: Layout,
    entries: list[Entry],
    counter: tuple[int, int, int] | None,
    preamble: str | None,
) -> Page:
    """The search page of these entries and counter (old-site listings at a search address too)."""
    page_number = ctx.address.page_number
    first, last, total = counter if counter else (None, None, None)
    return Page(
        kind="search",
        layout=layout,
        source=ctx.source,
        url=ctx.url,
        documents=entry_documents(
            ctx, entries, collection=None, popular=False, page_number=page_number
        ),
        first=first,
        last=last,
        total=total,
        page_number=page_number,
        preamble=preamble,
        problems=tuple(ctx.problems),
    )
