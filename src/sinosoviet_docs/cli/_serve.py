"""The serve command: the catalogue in a web browser, through Datasette."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .. import Catalogue
from ._shared import _command, _refuse_unknown_suffix


def _add_serve(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    cmd = _command(
        commands,
        parents,
        "serve",
        _serve,
        output=None,
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
    if args.catalogue is not None:
        _refuse_unknown_suffix(args.catalogue)  # before the store is built or Datasette sought
    from ..serve import serve

    def announce(url: str) -> None:
        print(f"serving {url} (Ctrl-C stops)", file=out, flush=True)

    return serve(args.catalogue, args.port, announce=announce)
