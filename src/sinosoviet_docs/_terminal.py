"""What the command line prints: tables that fit the terminal, machine formats, colour, progress.

Every listing is printed by :func:`emit` in one of four formats: a table for
reading, or CSV, JSON or JSON Lines for programs. A table is as wide as the
terminal (else ``$COLUMNS``, else 80 characters): a column that is empty in
every row is left out, and the one flexible column (a title) is cut with
"…" or wrapped to the room left; other cells (ids, dates, counts) are never
cut, since they are what a reader copies. Colour is used only on a
terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TextIO

import attrs

__all__ = [
    "OUTPUT_FORMATS",
    "Columns",
    "OutputFormat",
    "ProgressBar",
    "colour_for",
    "emit",
    "print_json",
    "render_table",
    "terminal_width",
]

OutputFormat = Literal["table", "csv", "json", "jsonl"]

#: The machine formats, each a flag of every listing command.
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "csv", "jsonl")

#: The narrowest a flexible column is made before the table is let run wider.
MIN_FLEX = 20

_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


def colour_for(stream: TextIO) -> bool:
    """Whether to colour what goes to ``stream``: a terminal, and ``NO_COLOR`` unset or empty.

    >>> import io
    >>> colour_for(io.StringIO())
    False
    """
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width(stream: TextIO) -> int:
    """The width a table may take: the terminal's, else ``$COLUMNS``, else 80."""
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        import shutil

        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdecimal() and int(columns) > 0 else 80


@attrs.frozen(kw_only=True)
class Columns:
    """A table's headers, and which column gives way when the table is too wide.

    ``flex`` is the index of that column, ``None`` for none; with ``wrap`` its
    cells go on to further lines instead of being cut.
    """

    headers: tuple[str, ...]
    flex: int | None = None
    wrap: bool = False


def render_table(
    columns: Columns, rows: Sequence[Sequence[str]], width: int, *, colour: bool = False
) -> list[str]:
    """The lines of a table ``width`` characters wide (see the module documentation).

    >>> cols = Columns(headers=("id", "type", "title"), flex=2)
    >>> rows = [("1", "", "A very long title, longer than the room")]
    >>> print("\\n".join(render_table(cols, rows, 30)))
    id  title
    --  --------------------------
    1   A very long title, longer…
    >>> print("\\n".join(render_table(attrs.evolve(cols, wrap=True), rows, 26)))
    id  title
    --  ----------------------
    1   A very long title,
        longer than the room
    """
    keep = [i for i in range(len(columns.headers)) if any(row[i] for row in rows)]
    if not keep:
        keep = list(range(len(columns.headers)))
    headers = [columns.headers[i] for i in keep]
    table = [[row[i] for i in keep] for row in rows]
    widths = [max([len(h), *(len(r[n]) for r in table)]) for n, h in enumerate(headers)]
    flex = keep.index(columns.flex) if columns.flex in keep else None
    if flex is not None:
        widths[flex] = max(min(MIN_FLEX, widths[flex]), widths[flex] + _room(width, widths))
    bold, dim, reset = (_BOLD, _DIM, _RESET) if colour else ("", "", "")
    rule = "  ".join("-" * w for w in widths)
    lines = [bold + _join(headers, widths) + reset, dim + rule + reset]
    for row in table:
        if flex is None:
            lines.append(_join(row, widths))
            continue
        if columns.wrap:
            import textwrap

            parts = textwrap.wrap(row[flex], widths[flex]) or [""]
        else:
            parts = [_cut(row[flex], widths[flex])]
        lines.append(_join([*row[:flex], parts[0], *row[flex + 1 :]], widths))
        blank = [""] * len(row)
        lines.extend(_join([*blank[:flex], part, *blank[flex + 1 :]], widths) for part in parts[1:])
    return lines


def _room(width: int, widths: Sequence[int]) -> int:
    """By how much the table is wider than ``width``, as a negative number; 0 if it fits."""
    return min(0, width - sum(widths) - 2 * (len(widths) - 1))


def _join(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(
    out: TextIO,
    fmt: OutputFormat,
    columns: Columns,
    rows: Sequence[Sequence[str]],
    records: Sequence[Mapping[str, Any]] | None = None,
    *,
    data: Any = None,
) -> None:
    """Print one listing in ``fmt``.

    A table and CSV show ``rows`` under ``columns`` (CSV with every cell
    whole); JSON Lines writes one of ``records`` a line, and JSON writes
    ``data`` if given, else ``records`` as an array. Without ``records`` the
    rows are the records, keyed by the headers.
    """
    if records is None:
        records = [dict(zip(columns.headers, row, strict=True)) for row in rows]
    if fmt == "table":
        colour = colour_for(out)
        for line in render_table(columns, rows, terminal_width(out), colour=colour):
            print(line, file=out)
    elif fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns.headers)
        writer.writerows(rows)
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        print_json(list(records) if data is None else data, out)


def print_json(data: Any, out: TextIO) -> None:
    """``data`` as indented JSON, non-ASCII letters kept as they are."""
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


class ProgressBar:
    """A one-line progress bar on a terminal: ``name [#####.....] 8000/16150``."""

    def __init__(self, name: str, stream: TextIO, width: int = 30) -> None:
        self.name = name
        self.stream = stream
        self.width = width
        self.drawn = False

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            filled = min(self.width, self.width * done // total)
            bar = "#" * filled + "." * (self.width - filled)
            text = f"\r{self.name} [{bar}] {done}/{total}"
        else:
            text = f"\r{self.name} {done} rows"
        self.stream.write(text)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
