"""The load command: read captures, scrape tables, RIS and catalogues, merge, write."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import Catalogue
from .._terminal import Columns, OutputFormat, ProgressBar, emit
from .._terminal import print_json as _print_json
from ._shared import (
    PROG,
    _command,
    _open_catalogue,
    _paint,
    _refuse_unknown_suffix,
    _UsageError,
    _UserError,
)

if TYPE_CHECKING:
    from .. import LoadProblem


def _add_load(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    cmd = _command(
        commands,
        parents,
        "load",
        _load,
        needs_catalogue=False,
        help="read page captures, scrape tables, RIS or catalogue files and merge them",
        description=(
            "Read each PATH by its kind (a SQLite scrape database, a scrape CSV, a RIS file, "
            "a .json/.jsonl catalogue, else a page capture), merge them into one catalogue "
            "and write it to --out. A file that is none of these is refused. Problems met "
            "in non-strict mode are printed as warnings, the first of each file; --problems "
            "writes every one. See docs/loaders.md and docs/cli.md."
        ),
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="files to read, merged in order")
    cmd.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the catalogue to write (.json, .jsonl, or .sqlite for a store)",
    )
    cmd.add_argument(
        "--with-catalogue",
        action="store_true",
        help="merge the inputs into the catalogue (the bundled one, or --catalogue PATH), "
        "as ssd.load().merge(...) does (default: --out holds the inputs only)",
    )
    cmd.add_argument(
        "--problems",
        metavar="FILE",
        help="write every problem met (file, line or row, column, message) to FILE, "
        "as CSV (.csv) or JSON Lines (.jsonl)",
    )
    cmd.add_argument(
        "--on-conflict",
        choices=("keep-both", "left", "right", "raise"),
        default="keep-both",
        help="what to do when sources disagree (default: keep-both, recorded as conflicts)",
    )
    cmd.add_argument("--strict", action="store_true", help="stop at the first problem in any input")
    cmd.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )


#: The formats --problems writes, by the file's suffix.
_PROBLEM_FORMATS: dict[str, OutputFormat] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _load(_cat: Catalogue | None, args: argparse.Namespace, out: TextIO) -> None:
    from .. import dump, merge

    _refuse_unknown_suffix(args.out)  # a bad --out suffix is an error before any input is read
    problems_format = _problems_format(args.problems)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    catalogues: list[Catalogue] = []
    if args.with_catalogue:
        base = _open_catalogue(args.catalogue)
        catalogues.append(base if isinstance(base, Catalogue) else base.to_catalogue())
    problems: list[LoadProblem] = []
    lines: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path in args.paths:
            bar = ProgressBar(path, sys.stderr) if show else None
            catalogue, found = _read_input(path, strict=args.strict, progress=bar)
            if bar is not None:
                bar.close()
            catalogues.append(catalogue)
            problems.extend(found)
            if found:
                more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
                hint = "" if args.problems or not more else "; --problems FILE writes every one"
                lines.append(f"{found[0]}{more}{hint}")
    lines.extend(str(w.message) for w in caught)
    for line in lines:
        print(f"{PROG}: {_paint('warning', '33', sys.stderr)}: {line}", file=sys.stderr)
    merged = merge(*catalogues, on_conflict=args.on_conflict)
    dump(merged, args.out)
    if problems_format is not None:
        _write_problems(args.problems, problems_format, problems)
    conflicts = sum(len(d.conflicts) for d in merged)
    summary = {
        "out": args.out,
        "documents": len(merged),
        "collections": len(merged.collections),
        "conflicts": conflicts,
        "warnings": len(lines),
        "problems": len(problems),
    }
    if args.json:
        _print_json(summary, out)
        return
    print(
        f"wrote {args.out}: {len(merged)} documents, {len(merged.collections)} collections, "
        f"{conflicts} conflicts kept",
        file=out,
    )


def _problems_format(path: str | None) -> OutputFormat | None:
    """The format of the --problems file by its suffix; a usage error for any other suffix."""
    if path is None:
        return None
    fmt = _PROBLEM_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise _UsageError(f"--problems {path}: name a .csv or .jsonl file")
    return fmt


def _read_input(
    path: str, *, strict: bool, progress: ProgressBar | None
) -> tuple[Catalogue, tuple[LoadProblem, ...]]:
    """The catalogue in one input file and every problem met reading it."""
    from .. import load_pages, load_scrape_report, parse_page
    from ..loaders.dispatch import load_any, sniff

    kind = sniff(path)
    if kind in ("scrape-sqlite", "scrape-csv"):
        report = load_scrape_report(path, strict=strict, progress=progress)
        return report.catalogue, report.problems
    if kind != "page":
        return load_any(path, strict=strict), ()
    from .. import LoadWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        catalogue = load_pages([path], strict=strict)
    for other in caught:
        if not issubclass(other.category, LoadWarning):
            warnings.warn(other.message, stacklevel=1)
    if not any(issubclass(w.category, LoadWarning) for w in caught):
        return catalogue, ()
    # The warning names the first problem; the page, read again, gives them all.
    page = parse_page(Path(path).read_bytes().decode("utf-8-sig"), source=path)
    if page.layout == "unknown" and not page.documents:
        raise _UserError(
            f"{path}: not a page capture, scrape table, RIS file or catalogue "
            "(no page layout and no dated entries found)"
        )
    return catalogue, page.problems


def _write_problems(path: str, fmt: OutputFormat, problems: Sequence[LoadProblem]) -> None:
    headers = ("source", "line", "row", "column", "message", "text")
    records = [{h: getattr(p, h) for h in headers} for p in problems]
    rows = [["" if r[h] is None else str(r[h]) for h in headers] for r in records]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        emit(handle, fmt, Columns(headers=headers), rows, records)
