"""The ``sinosoviet-docs`` command: a thin layer over the library.

Each command calls library functions and prints their result as a table or,
with ``--json``, as JSON. A user's mistake (an unknown id, a bad date, an
unreadable file) prints one line on stderr and exits with status 1; a wrong
command line exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from ._convert import get_converter, unstructure_document
from .exceptions import SinosovietDocsError
from .io import is_store_path, load
from .models import Catalogue, Collection, Document

__all__ = ["main"]

PROG = "sinosoviet-docs"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--catalogue",
        metavar="PATH",
        help="a catalogue file (.json or .jsonl) to use instead of the bundled one",
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

    parser = _Parser(
        prog=PROG,
        description="Browse the Sino-Soviet documents of the Wilson Center Digital Archive.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    info = commands.add_parser(
        "info", parents=[common], help="the catalogue and its collections, with document counts"
    )
    info.set_defaults(run=_info)
    listing = commands.add_parser(
        "list", parents=[common], help="documents in date order, optionally narrowed"
    )
    listing.set_defaults(run=_list)
    listing.add_argument(
        "--collection", metavar="SLUG", help="only this collection (slug or title)"
    )
    listing.add_argument(
        "--from", dest="start", metavar="DATE", help="dated on or after (e.g. 1950-02)"
    )
    listing.add_argument(
        "--to", dest="end", metavar="DATE", help="dated on or before (e.g. 'June 1958')"
    )
    listing.add_argument(
        "--within",
        action="store_true",
        help="keep only documents whose whole date lies in the period (default: any overlap)",
    )
    show = commands.add_parser("show", parents=[common], help="every field of one document")
    show.add_argument("id", help="the document's id (record id or slug)")
    show.set_defaults(run=_show)
    _add_export(commands, common)
    _add_search(commands, common)
    _add_load(commands, common)
    _add_check(commands, common)
    _add_serve(commands, common)
    # Each further command: add_parser(..., parents=[common]) and set_defaults(run=FUNCTION),
    # FUNCTION(cat, args, out) -> int | None. Register new commands above this line.
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = stdout or sys.stdout
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from . import __version__

        print(f"{PROG} {__version__}", file=out)
        return 0
    if args.command is None:
        parser.print_help(out)
        return 2
    try:
        cat = _open_catalogue(args.catalogue) if getattr(args, "needs_catalogue", True) else None
        status = args.run(cat, args, out)
    except BrokenPipeError:  # the reader went away (`... | head`): not an error
        _silence_stdout()
        return 0
    except _UsageError as exc:
        print(f"{PROG}: error: {exc} (see --help)", file=sys.stderr)
        return 2
    except (SinosovietDocsError, OSError, ValueError) as exc:
        # ValueError last: a library bug should not show a user a traceback either.
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    return int(status or 0)


def _open_catalogue(path: str | None) -> Any:
    """The catalogue of ``--catalogue``: a store (.sqlite, .db) opened, else a file loaded."""
    if path is not None and is_store_path(path):
        from .store import open as open_store

        return open_store(path)
    return load(path)


class _UsageError(Exception):
    """Options that cannot go together; exits with status 2 like argparse's own errors."""


def _one_line(exc: BaseException) -> str:
    """An error as one line: the file and reason of an OSError, the first problem of many."""
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start}): {exc.reason}"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    if len(lines) == 1:
        return lines[0]
    return f"{lines[0]}; the first: {lines[1]}"


def _silence_stdout() -> None:
    """Point stdout at devnull so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


# -- commands -----------------------------------------------------------------------------


def _collection_summary(cat: Catalogue, col: Collection) -> dict[str, Any]:
    return {
        "slug": col.slug,
        "title": col.title,
        "kind": col.kind,
        "period": None if col.period is None else str(col.period),
        "documents_known": len(cat.documents_in(col.slug)),
        "popular": [doc.id for doc in col.popular],
    }


def _info(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    rows = [_collection_summary(cat, col) for col in cat.collections]
    if args.json:
        data = {
            "info": get_converter().unstructure(cat.info),
            "documents": len(cat),
            "collections": rows,
        }
        _print_json(data, out)
        return
    print(cat.info.title, file=out)
    if cat.info.built:
        print(f"built {cat.info.built}; {len(cat)} documents", file=out)
    if cat.info.note:
        print(cat.info.note, file=out)
    print(file=out)
    table = [
        (r["slug"], r["period"] or "", r["kind"], str(r["documents_known"]), str(len(r["popular"])))
        for r in rows
    ]
    _print_table(("collection", "period", "kind", "known", "popular"), table, out)
    print(
        "\n'known' counts the documents this catalogue holds, not the collection's size.", file=out
    )


def _list(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    q = cat.query()
    if args.collection:
        q = q.in_collection(args.collection)
    if args.start or args.end:
        q = q.between(args.start, args.end, mode="within" if args.within else "overlaps")
    docs = list(q)
    if args.json:
        _print_json([unstructure_document(d) for d in docs], out)
        return
    rows = [(d.date_display, d.type or "", d.id, d.title) for d in docs]
    _print_table(("date", "type", "id", "title"), rows, out, fit_last=out.isatty())
    print(f"{len(docs)} documents", file=out)


def _show(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    doc = cat.document(args.id)
    data = get_converter().unstructure(doc)
    if args.json:
        _print_json(data, out)
        return
    for field in Document.__attrs_attrs__:
        value = getattr(doc, field.name)
        print(f"{field.name + ':':<18}{_plain(get_converter().unstructure(value))}", file=out)


# -- exports issue: the export command -----------------------------------------------------


def _add_export(commands: Any, common: argparse.ArgumentParser) -> None:
    from .export import FORMATS

    cmd = commands.add_parser(
        "export",
        parents=[common],
        help="documents as CSL-JSON, BibTeX, BibLaTeX, RIS, CSV or JSON Lines",
        description="Write the documents of a query in a reference-manager or table format.",
    )
    cmd.add_argument("--format", required=True, choices=FORMATS, help="the output format")
    cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    cmd.add_argument(
        "--search",
        metavar="QUERY",
        help="only documents matching this search, as in the search command "
        "(e.g. 'person:Stalin person:\"Mao Zedong\" year:1950')",
    )
    cmd.add_argument("--collection", metavar="SLUG", help="only this collection (slug or title)")
    cmd.add_argument("--from", dest="start", metavar="DATE", help="dated on or after")
    cmd.add_argument("--to", dest="end", metavar="DATE", help="dated on or before")
    cmd.add_argument(
        "--within",
        action="store_true",
        help="keep only documents whose whole date lies in the period (default: any overlap)",
    )
    cmd.add_argument(
        "--id", dest="ids", action="append", metavar="ID", help="only this document (repeatable)"
    )
    cmd.set_defaults(run=_export)


def _export(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:
        raise _UsageError(
            "export writes the --format it is given; for JSON Lines use --format jsonl"
        )
    # Documents in date order, whatever the search ranks first.
    q = cat.search(args.search).sort("date") if args.search else cat.query()
    if args.collection:
        q = q.in_collection(args.collection)
    if args.start or args.end:
        q = q.between(args.start, args.end, mode="within" if args.within else "overlaps")
    if args.ids:
        wanted = {cat.document(i).id for i in args.ids}  # an unknown id is an error
        q = q.where(lambda d: d.id in wanted)
    if args.output:
        q.export(args.format, args.output)
        print(f"{len(q)} documents written to {args.output}", file=sys.stderr)
    else:
        out.write(q.export(args.format))


# -- loaders issue: the load command -------------------------------------------------------


def _add_load(commands: Any, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "load",
        parents=[common],
        help="read page captures, scrape tables, RIS or catalogue files and merge them",
        description=(
            "Read each PATH by its kind (a SQLite scrape database, a scrape CSV, a RIS file, "
            "a .json/.jsonl catalogue, else a page capture), merge them into one catalogue "
            "and write it to --out. Problems met in non-strict mode are printed as warnings. "
            "See docs/loaders.md."
        ),
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="files to read, merged in order")
    cmd.add_argument(
        "--out", required=True, metavar="FILE", help="the catalogue to write (.json or .jsonl)"
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
    cmd.set_defaults(run=_load, needs_catalogue=False)


def _load(_cat: Catalogue | None, args: argparse.Namespace, out: TextIO) -> None:
    import warnings

    from .io import dump, format_for

    if not is_store_path(args.out):
        format_for(args.out)  # a bad --out suffix is an error before any input is read
    from .loaders.dispatch import load_any
    from .merging import merge

    show = sys.stderr.isatty() if args.progress is None else args.progress
    catalogues = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path in args.paths:
            bar = _ProgressBar(path, sys.stderr) if show else None
            catalogues.append(load_any(path, strict=args.strict, progress=bar))
            if bar is not None:
                bar.close()
    for warning in caught:
        print(f"{PROG}: warning: {warning.message}", file=sys.stderr)
    merged = merge(*catalogues, on_conflict=args.on_conflict)
    dump(merged, args.out)
    conflicts = sum(len(d.conflicts) for d in merged)
    summary = {
        "out": args.out,
        "documents": len(merged),
        "collections": len(merged.collections),
        "conflicts": conflicts,
        "warnings": len(caught),
    }
    if args.json:
        _print_json(summary, out)
        return
    print(
        f"wrote {args.out}: {len(merged)} documents, {len(merged.collections)} collections, "
        f"{conflicts} conflicts kept",
        file=out,
    )


class _ProgressBar:
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


# -- query issue: the search command --------------------------------------------------------


def _add_search(commands: Any, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "search",
        parents=[common],
        help="full-text search with filters, best match first",
        description=(
            "Search titles, summaries, texts and names. Words are ANDed; OR, NOT, "
            '(parentheses), "phrases", prefix* and title:/summary:/text:/names: work; '
            "filters: type:, person:, place:, topic:, language:, collection:, "
            "year:1958..1959, date:1950-02..1950-06. See docs/query.md."
        ),
    )
    cmd.add_argument("query", help="the search, e.g. 'taiwan type:Telegram year:1958..1959'")
    cmd.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    cmd.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N documents (default 20)"
    )
    cmd.add_argument(
        "--sort",
        choices=("relevance", "date", "-date", "title", "-title"),
        help="order (default: relevance, or date when there are no search words)",
    )
    cmd.set_defaults(run=_search)


def _search(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    if args.json and args.csv:
        raise _UsageError("choose one of --json and --csv")
    q = cat.search(args.query)
    if args.sort:
        q = q.sort(args.sort)
    found = list(q)  # the search runs once; the count, documents and scores all read it
    total = len(found)
    docs = found[: max(args.limit, 0)]
    scores = dict(q.scores()) if q.searches else {}
    if args.json:
        _print_json([{"score": scores.get(d.id), **unstructure_document(d)} for d in docs], out)
        return
    rows = [(d.date_display, d.type or "", d.title, d.id) for d in docs]
    if args.csv:
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("date", "type", "title", "id", "score"))
        for doc, row in zip(docs, rows, strict=True):
            score = scores.get(doc.id)
            writer.writerow((*row, "" if score is None else f"{score:.4f}"))
        return
    _print_table(("date", "type", "title", "id"), rows, out)
    print(f"{len(docs)} of {total} documents", file=out)


# -- names issue: the check command ---------------------------------------------------------


def _add_check(commands: Any, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check",
        parents=[common],
        help="titles, names and citations the names tools could not read, counted",
    )
    check.set_defaults(run=_check)


def _check(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    found = cat.report()
    if args.json:
        _print_json(found.as_dict(), out)
        return
    print(found, file=out)


# -- output helpers -----------------------------------------------------------------------


def _add_serve(commands: Any, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "serve",
        parents=[common],
        help="browse the catalogue in a web browser (Datasette, on 127.0.0.1)",
        description=(
            "Build a SQLite store of the catalogue (or reuse the one built before from the "
            "same content), then serve it read-only with Datasette on 127.0.0.1 until "
            "interrupted. Needs pip install 'sinosoviet-docs[serve]'. See docs/store.md."
        ),
    )
    cmd.add_argument("--port", type=int, default=8001, help="the port (default: 8001)")
    cmd.set_defaults(run=_serve, needs_catalogue=False)


def _serve(_cat: Catalogue | None, args: argparse.Namespace, out: TextIO) -> int:
    from .serve import serve

    def announce(url: str) -> None:
        print(f"serving {url} (Ctrl-C stops)", file=out, flush=True)

    return serve(args.catalogue, args.port, announce=announce)


def _plain(value: Any) -> str:
    if value is None:
        return "(unknown)"
    if isinstance(value, list):
        if not value:
            return "(none known)"
        return "; ".join(
            _plain(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)
            for v in value
        )
    return str(value)


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, *, fit_last: bool = False
) -> None:
    """Columns padded to their widest cell; with ``fit_last`` the last is cut to the terminal."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    if fit_last:
        room = shutil.get_terminal_size().columns - sum(widths) - 2 * (len(widths) - 1)
        widths[-1] = max(20, widths[-1] + min(0, room))
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    print(line, file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in rows:
        cells = [_cut(c, w) for c, w in zip(row, widths, strict=True)]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip(), file=out)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
