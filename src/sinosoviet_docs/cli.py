"""The ``sinosoviet-docs`` command: a thin layer over the public library.

Each command calls the library and prints what it returns: listings as a
table that fits the terminal, or with ``--json``, ``--csv`` or ``--jsonl``
for programs (see :mod:`sinosoviet_docs._terminal`). One handler around
every command turns what goes wrong into one line on stderr: a user's
mistake (an unknown id, a bad date, an unreadable file) exits with status 2,
as a wrong command line does; anything else is a bug in this program, which
exits with status 70 and asks to be reported. ``--debug`` shows the
traceback as well.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
import traceback
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import (
    Catalogue,
    Collection,
    Document,
    SinosovietDocsError,
    load,
    to_data,
)
from ._terminal import (
    OUTPUT_FORMATS,
    Columns,
    OutputFormat,
    ProgressBar,
    colour_for,
    emit,
    terminal_width,
)
from ._terminal import print_json as _print_json
from .io import is_store_path

if TYPE_CHECKING:
    from . import LoadProblem

__all__ = ["main"]

PROG = "sinosoviet-docs"

#: The exit status of a user's mistake, as argparse gives a wrong command line.
EXIT_USER_ERROR = 2
#: The exit status of an internal error (``EX_SOFTWARE`` of sysexits.h).
EXIT_INTERNAL_ERROR = 70

_DEBUG = "on an error, show the traceback as well"

#: What a document key may be, for the help of every command that takes one.
_KEY_HELP = (
    "the document: its id, record id (112088), archive address, telegram number "
    "(3172 for 'Ciphered Telegram No. 3172') or the start of its id"
)

Run = Callable[[Any, argparse.Namespace, TextIO], int | None]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see --help)\n")


class _UserError(Exception):
    """A mistake in what the user gave; one line, and exit status 2."""


class _UsageError(_UserError):
    """Options that cannot go together: a user error that points at --help."""


def _parents() -> dict[str, argparse.ArgumentParser]:
    """The options commands share, by name: each is written here once."""
    catalogue = _Parser(add_help=False)
    catalogue.add_argument(
        "--catalogue",
        metavar="PATH",
        help="a catalogue (.json, .jsonl, or a .sqlite store) to use instead of the bundled one",
    )
    catalogue.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG)
    json_only = _Parser(add_help=False)
    json_only.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing = _Parser(add_help=False)
    listing.add_argument("--json", action="store_true", help="print a JSON array of records")
    listing.add_argument("--csv", action="store_true", help="print the table's columns as CSV")
    listing.add_argument("--jsonl", action="store_true", help="print one JSON record a line")
    return {"catalogue": catalogue, "json": json_only, "listing": listing}


def _command(
    commands: Any,
    parents: dict[str, argparse.ArgumentParser],
    name: str,
    run: Run,
    *,
    output: str = "json",
    needs_catalogue: bool = True,
    **options: Any,
) -> argparse.ArgumentParser:
    """Register a command: its shared options (``output`` is "json" or "listing") and its run."""
    cmd: argparse.ArgumentParser = commands.add_parser(
        name, parents=[parents["catalogue"], parents[output]], **options
    )
    cmd.set_defaults(run=run, needs_catalogue=needs_catalogue)
    return cmd


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Browse the Sino-Soviet documents of the Wilson Center Digital Archive.",
        epilog=(
            "Exit status: 0 done, 2 a mistake in the command or its input (one line on "
            "stderr), 70 an internal error. See docs/cli.md."
        ),
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help=_DEBUG)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parents = _parents()
    _command(
        commands,
        parents,
        "info",
        _info,
        output="listing",
        help="the catalogue and its collections, with document counts",
    )
    listing = _command(
        commands,
        parents,
        "list",
        _list,
        output="listing",
        help="documents in date order, optionally narrowed",
    )
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
    show = _command(
        commands,
        parents,
        "show",
        _show,
        help="every field of one document, who wrote to whom, its citation",
    )
    show.add_argument("id", help=_KEY_HELP)
    _add_cite(commands, parents)
    _add_export(commands, parents)
    _add_search(commands, parents)
    _add_load(commands, parents)
    _add_check(commands, parents)
    _add_serve(commands, parents)
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
        return EXIT_USER_ERROR
    try:
        cat = _open_catalogue(args.catalogue) if args.needs_catalogue else None
        return int(args.run(cat, args, out) or 0)
    except BrokenPipeError:  # the reader went away (`... | head`): not an error
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except Exception as exc:
        return _report(exc, debug=args.debug)


def _open_catalogue(path: str | None) -> Any:
    """The catalogue of ``--catalogue``: a store (.sqlite, .db) opened, else a file loaded."""
    if path is not None and is_store_path(path):
        from .store import open as open_store

        return open_store(path)
    return load(path)


def _report(exc: Exception, *, debug: bool) -> int:
    """Print ``exc`` as one line on stderr (after its traceback with ``--debug``)."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    error = _paint("error", "31", sys.stderr)
    if isinstance(exc, _UsageError):
        print(f"{PROG}: {error}: {exc} (see --help)", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(exc, _UserError | SinosovietDocsError | OSError | UnicodeError):
        print(f"{PROG}: {error}: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    details = "its traceback above" if debug else "what --debug prints"
    print(
        f"{PROG}: internal {error}: {type(exc).__name__}: {_one_line(exc)} "
        f"(a bug in {PROG}: please report it with the command and {details})",
        file=sys.stderr,
    )
    return EXIT_INTERNAL_ERROR


def _paint(text: str, code: str, stream: TextIO) -> str:
    """``text`` in an ANSI colour when ``stream`` takes colour."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour_for(stream) else text


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


def _output_format(args: argparse.Namespace) -> OutputFormat:
    """The format the listing flags ask for: a table unless one machine format is given."""
    given = [f for f in OUTPUT_FORMATS if getattr(args, f, False)]
    if len(given) > 1:
        flags = [f"--{f}" for f in given]
        raise _UsageError(f"choose one of {', '.join(flags[:-1])} and {flags[-1]}")
    return given[0] if given else "table"


# -- the info, list and show commands ------------------------------------------------------


def _collection_summary(cat: Catalogue, col: Collection) -> dict[str, Any]:
    return {
        "slug": col.slug,
        "title": col.title,
        "kind": col.kind,
        "period": None if col.period is None else str(col.period),
        "documents_known": len(cat.documents_in(col.slug)),
        "popular": [doc.id for doc in col.popular],
    }


def _in_no_collection(cat: Catalogue) -> int:
    """How many documents belong to none of the catalogue's collections."""
    known = {col.slug for col in cat.collections}
    return sum(1 for doc in cat if known.isdisjoint(doc.collections))


def _info(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    fmt = _output_format(args)
    records = [_collection_summary(cat, col) for col in cat.collections]
    columns = Columns(
        headers=("collection", "title", "period", "kind", "known", "popular"), flex=1, wrap=True
    )
    rows = [
        (
            r["slug"],
            r["title"],
            r["period"] or "",
            r["kind"],
            str(r["documents_known"]),
            str(len(r["popular"])),
        )
        for r in records
    ]
    outside = _in_no_collection(cat)
    if fmt != "table":
        data = {
            "info": to_data(cat.info),
            "documents": len(cat),
            "documents_in_no_collection": outside,
            "collections": records,
        }
        emit(out, fmt, columns, rows, records, data=data)
        return
    print(cat.info.title, file=out)
    if cat.info.built:
        print(f"built {cat.info.built}; {len(cat)} documents", file=out)
    if cat.info.note:
        print(textwrap.fill(cat.info.note, terminal_width(out)), file=out)
    print(file=out)
    emit(out, fmt, columns, rows)
    print(f"\n{outside} of the {len(cat)} documents are in none of these collections.", file=out)
    print("'known' counts the documents this catalogue holds, not the collection's size.", file=out)


def _list(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    fmt = _output_format(args)
    q = cat.query()
    if args.collection:
        q = q.in_collection(args.collection)
    if args.start or args.end:
        q = q.between(args.start, args.end, mode="within" if args.within else "overlaps")
    docs = list(q)
    columns = Columns(headers=("date", "type", "id", "title"), flex=3)
    rows = [(d.date_display, d.type or "", d.id, d.title) for d in docs]
    emit(out, fmt, columns, rows, [to_data(d) for d in docs] if fmt != "table" else None)
    if fmt == "table":
        print(f"{len(docs)} documents", file=out)


def _show(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    doc = cat.find(args.id)
    data = to_data(doc)
    if args.json:
        _print_json(data, out)
        return
    from .export import cite, stable_url

    for field in Document.__attrs_attrs__:
        if field.name == "provenance":
            _print_provenance(doc, bundled=args.catalogue is None, out=out)
            continue
        value = getattr(doc, field.name)
        print(f"{field.name + ':':<18}{_plain(to_data(value))}", file=out)
    print(f"{'address:':<18}{stable_url(doc) or '(unknown)'}", file=out)
    print(f"{'who to whom:':<18}{_who_to_whom(doc)}", file=out)
    print(f"{'cite as:':<18}{cite(doc)}", file=out)


_ARCHIVE_HOST = "digitalarchive.wilsoncenter.org"


def _who_to_whom(doc: Document) -> str:
    """Who wrote to whom (or who talked), as the title says; "(not said)" otherwise."""
    corr = doc.correspondence
    if corr is None:
        return "(not said)"
    if corr.kind == "conversation":
        return "conversation: " + ", ".join(corr.participants)
    text = f"{', '.join(corr.senders) or '(sender not said)'} to "
    text += ", ".join(corr.recipients) or "(recipient not said)"
    if corr.intermediaries:
        text += " via " + ", ".join(corr.intermediaries)
    return text


def _print_provenance(doc: Document, *, bundled: bool, out: TextIO) -> None:
    """Where the facts were seen, one line each: archive addresses, never a test copy's.

    Addresses on the archive are printed as https without a query; addresses on
    other hosts (test copies of the site) are counted, not shown. The bundled
    catalogue's build files mean nothing to a reader and are not named.
    """
    from urllib.parse import urlsplit, urlunsplit

    print(f"{'provenance:':<18}{len(doc.provenance) or '(none known)'}", file=out)
    for entry in doc.provenance:
        shown: list[str] = []
        elsewhere = 0
        for url in entry.urls:
            parts = urlsplit(url)
            if parts.netloc.lower() == _ARCHIVE_HOST:
                shown.append(urlunsplit(("https", _ARCHIVE_HOST, parts.path, "", "")))
            else:
                elsewhere += 1
        print(f"  - {entry.note or 'the record'}", file=out)
        if not bundled:
            print(f"    from {entry.source}", file=out)
        for url in dict.fromkeys(shown):
            print(f"    seen at {url}", file=out)
        if elsewhere:
            print(f"    and at {elsewhere} address(es) on a test copy of the site", file=out)
        if entry.retrieved:
            print(f"    retrieved {entry.retrieved}", file=out)


def _add_cite(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    cmd = _command(
        commands,
        parents,
        "cite",
        _cite,
        help="the citation of documents: Chicago text, CSL-JSON, RIS or BibTeX",
        description="Cite documents by id, as a Chicago note or bibliography entry "
        "in the archive's pattern, or as CSL-JSON, RIS or BibTeX.",
    )
    cmd.add_argument("ids", nargs="+", metavar="ID", help=_KEY_HELP)
    cmd.add_argument(
        "--style",
        choices=("note", "bibliography"),
        default="note",
        help="the footnote or the bibliography form (text only; default: note)",
    )
    cmd.add_argument(
        "--format",
        choices=("text", "csl-json", "ris", "bibtex"),
        default="text",
        help="the output (default: text)",
    )


def _cite(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:
        raise _UsageError("cite writes the --format it is given; for JSON use --format csl-json")
    from .export import cite, export

    docs = [cat.find(key) for key in args.ids]  # an unknown or ambiguous key is an error
    if args.format == "text":
        out.write("\n".join(cite(d, args.style) + "\n" for d in docs))
    else:
        out.write(export(docs, args.format))


# -- the export command --------------------------------------------------------------------


def _add_export(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    from .export import FORMATS

    cmd = _command(
        commands,
        parents,
        "export",
        _export,
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
        "--id",
        dest="ids",
        action="append",
        metavar="KEY",
        help="only this document (repeatable); " + _KEY_HELP.removeprefix("the document: "),
    )
    cmd.add_argument(
        "--raw",
        action="store_true",
        help="with --format csv: write every cell as it is; by default a cell that begins "
        "with =, +, -, @, a tab or a carriage return gets a ' in front, so that a "
        "spreadsheet does not run it as a formula",
    )


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
        wanted = {cat.find(i).id for i in args.ids}  # an unknown id is an error
        q = q.where(lambda d: d.id in wanted)
    if args.raw:
        if args.format != "csv":
            raise _UsageError("--raw is for --format csv; the other formats are always exact")
        from .export import to_csv
        from .io import write_atomically

        text = to_csv(q, spreadsheet_safe=False)
        if args.output:
            write_atomically(Path(args.output), [text])
    else:
        text = q.export(args.format, args.output)
    if args.output:
        print(f"{len(q)} documents written to {args.output}", file=sys.stderr)
    else:
        out.write(text)


# -- the load command -----------------------------------------------------------------------


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
    from . import dump, merge
    from .io import format_for

    if not is_store_path(args.out):
        format_for(args.out)  # a bad --out suffix is an error before any input is read
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
    from . import load_pages, load_scrape_report, parse_page
    from .loaders.dispatch import load_any, sniff

    kind = sniff(path)
    if kind in ("scrape-sqlite", "scrape-csv"):
        report = load_scrape_report(path, strict=strict, progress=progress)
        return report.catalogue, report.problems
    if kind != "page":
        return load_any(path, strict=strict), ()
    from . import LoadWarning

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


# -- the search command ---------------------------------------------------------------------


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
    from .query import head

    fmt = _output_format(args)
    q = cat.search(args.query)
    if args.sort == "relevance" and not q.searches:
        raise _UsageError("--sort relevance needs words to search for, not only filters")
    if args.sort:
        q = q.sort(args.sort)
    # The search runs once; only the documents printed are read.
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


# -- the check command ----------------------------------------------------------------------


def _add_check(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    _command(
        commands,
        parents,
        "check",
        _check,
        help="titles, names and citations the names tools could not read, counted",
    )


def _check(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    found = cat.names.check()
    if args.json:
        _print_json(found.as_dict(), out)
        return
    print(found, file=out)


# -- printing one document ------------------------------------------------------------------


def _add_serve(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    cmd = _command(
        commands,
        parents,
        "serve",
        _serve,
        needs_catalogue=False,
        help="browse the catalogue in a web browser (Datasette, on 127.0.0.1)",
        description=(
            "Build a SQLite store of the catalogue (or reuse the one built before from the "
            "same content), then serve it read-only with Datasette on 127.0.0.1 until "
            "interrupted. Needs pip install 'sinosoviet-docs[serve]'. See docs/store.md."
        ),
    )
    cmd.add_argument("--port", type=int, default=8001, help="the port (default: 8001)")


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
