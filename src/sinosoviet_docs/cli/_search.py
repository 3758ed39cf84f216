"""The search command: full-text search with filters, best match first."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .. import Catalogue, to_data
from .._terminal import Columns, OutputFormat, emit
from ._shared import _command, _output_format, _UsageError


def _add_search(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    cmd = _command(
        commands,
        parents,
        "search",
        _search,
        output="listing",
        help="full-text search with filters, best match first",
        description=(
            "Search titles, summaries, texts and names. Words are ANDed; OR, NOT, "
            '(parentheses), "phrases", prefix* and title:/summary:/text:/names: work; '
            "filters: type:, person:, place:, topic:, language:, collection:, "
            "year:1958..1959, date:1950-02..1950-06, and who wrote to whom: from:, to:, "
            "via:, with: (filters combine with OR and NOT too). See docs/query.md."
        ),
    )
    cmd.add_argument("query", help="the search, e.g. 'taiwan type:Telegram year:1958..1959'")
    cmd.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N documents (default 20)"
    )
    cmd.add_argument(
        "--sort",
        choices=("relevance", "date", "-date", "title", "-title"),
        help="order (default: relevance, or date when there are no search words)",
    )


def _search(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    from ..query import head

    fmt = _output_format(args)
    q = cat.search(args.query)
    if args.sort == "relevance" and not q.searches:
        raise _UsageError("--sort relevance needs words to search for, not only filters")
    if args.sort:
        q = q.sort(args.sort)
    # The search runs once (on a store: its matches counted, only those printed ranked);
    # only the documents printed are read.
    total, shown = head(q, args.limit)
    docs = [d for d, _ in shown]
    columns = Columns(headers=("date", "type", "title", "id", "score"), flex=2)
    rows = [(d.date_display, d.type or "", d.title, d.id, _score(s, fmt)) for d, s in shown]
    records = [{"score": s, **to_data(d)} for d, s in shown] if fmt != "table" else None
    emit(out, fmt, columns, rows, records)
    if fmt == "table":
        print(f"{len(docs)} of {total} documents", file=out)


def _score(score: float | None, fmt: OutputFormat) -> str:
    """A search score as a cell: four decimals in CSV; a table shows ranks, not scores."""
    return "" if score is None or fmt == "table" else f"{score:.4f}"
