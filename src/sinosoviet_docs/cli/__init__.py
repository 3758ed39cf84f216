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
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .. import SinosovietDocsError
from ._catalogue import _add_check, _info, _list, _show
from ._shared import (
    _DEBUG,
    _KEY_HELP,
    EXIT_INTERNAL_ERROR,
    EXIT_USER_ERROR,
    PROG,
    _command,
    _one_line,
    _open_catalogue,
    _paint,
    _parents,
    _Parser,
    _UsageError,
    _UserError,
)

__all__ = ["main"]


def _add_info(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    _command(
        commands,
        parents,
        "info",
        _info,
        output="listing",
        help="the catalogue and its collections, with document counts",
    )


def _add_list(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
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


def _add_show(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    show = _command(
        commands,
        parents,
        "show",
        _show,
        help="every field of one document, who wrote to whom, its citation",
    )
    show.add_argument("id", help=_KEY_HELP)


Register = Callable[[Any, dict[str, argparse.ArgumentParser]], None]

#: Each command, by name, in the order the help lists them: its registration, or the
#: module (imported when the command is built) and the name of its registration there.
_COMMANDS: dict[str, Register | tuple[str, str]] = {
    "info": _add_info,
    "list": _add_list,
    "show": _add_show,
    "cite": ("._cite", "_add_cite"),
    "export": ("._cite", "_add_export"),
    "search": ("._search", "_add_search"),
    "load": ("._load", "_add_load"),
    "check": _add_check,
    "serve": ("._serve", "_add_serve"),
}


def _registration(name: str) -> Register:
    """The function that adds the command ``name`` to the parser."""
    found = _COMMANDS[name]
    if isinstance(found, tuple):
        module, function = found
        register: Register = getattr(importlib.import_module(module, __name__), function)
        return register
    return found


def _build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command, or only the command ``only``.

    A command line that starts with a command's name is parsed by that command
    alone (its options, its help, its errors), so only its parser is built.
    """
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
    for name in _COMMANDS:
        if only is None or name == only:
            _registration(name)(commands, parents)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = stdout or sys.stdout
    given = sys.argv[1:] if argv is None else list(argv)
    parser = _build_parser(given[0] if given and given[0] in _COMMANDS else None)
    args = parser.parse_args(given)
    if args.version:
        from .. import __version__

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


def _report(exc: Exception, *, debug: bool) -> int:
    """Print ``exc`` as one line on stderr (after its traceback with ``--debug``)."""
    if debug:
        import traceback

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


def _silence_stdout() -> None:
    """Point stdout at devnull so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
