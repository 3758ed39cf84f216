"""What every command shares: the program's name, exit codes, errors and options.

The command modules and :func:`sinosoviet_docs.cli.main` all take these from
here, so each is written once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

from .. import load
from .._terminal import OUTPUT_FORMATS, OutputFormat, colour_for
from ..io import format_for, is_store_path

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
    output: str | None = "json",
    needs_catalogue: bool = True,
    **options: Any,
) -> argparse.ArgumentParser:
    """Register a command: its shared options and its run.

    ``output`` is "json" or "listing" for the output options, or None for a
    command that prints no data and so takes none.
    """
    shared = [parents["catalogue"]] + ([] if output is None else [parents[output]])
    cmd: argparse.ArgumentParser = commands.add_parser(name, parents=shared, **options)
    cmd.set_defaults(run=run, needs_catalogue=needs_catalogue)
    return cmd


def _open_catalogue(path: str | None) -> Any:
    """The catalogue of ``--catalogue``: a store (.sqlite, .db) opened, else a file loaded."""
    if path is not None and is_store_path(path):
        from ..store import open as open_store

        return open_store(path)
    return load(path)


def _refuse_unknown_suffix(path: str) -> None:
    """Raise :class:`~sinosoviet_docs.FormatError` unless ``path`` names a catalogue or a store."""
    if not is_store_path(path):
        format_for(path)


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


def _output_format(args: argparse.Namespace) -> OutputFormat:
    """The format the listing flags ask for: a table unless one machine format is given."""
    given = [f for f in OUTPUT_FORMATS if getattr(args, f, False)]
    if len(given) > 1:
        flags = [f"--{f}" for f in given]
        raise _UsageError(f"choose one of {', '.join(flags[:-1])} and {flags[-1]}")
    return given[0] if given else "table"
