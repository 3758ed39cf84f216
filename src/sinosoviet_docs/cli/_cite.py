"""The cite and export commands: documents as citations and reference-manager files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from .. import Catalogue
from ._shared import _KEY_HELP, _command, _UsageError


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
    from ..export import cite, export

    docs = [cat.find(key) for key in args.ids]  # an unknown or ambiguous key is an error
    if args.format == "text":
        out.write("\n".join(cite(d, args.style) + "\n" for d in docs))
    else:
        out.write(export(docs, args.format))


def _add_export(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    from ..export import FORMATS

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
        from ..export import to_csv
        from ..io import write_atomically

        text = to_csv(q, spreadsheet_safe=False)
        if args.output:
            write_atomically(Path(args.output), [text])
    else:
        text = q.export(args.format, args.output)
    if args.output:
        print(f"{len(q)} documents written to {args.output}", file=sys.stderr)
    else:
        out.write(text)
