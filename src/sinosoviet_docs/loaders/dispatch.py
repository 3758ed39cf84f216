"""Choosing the loader for a file by its content and name (used by ``sinosoviet-docs load``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..models import Catalogue
from ._input import is_sqlite
from .scrape import Progress

__all__ = ["SourceKind", "load_any", "sniff"]

SourceKind = Literal["store", "scrape-sqlite", "scrape-csv", "ris", "catalogue", "page"]


def sniff(path: str | os.PathLike[str]) -> SourceKind:
    """What a file holds, from its first bytes and then its suffix.

    SQLite databases start with their magic header: one holding this
    library's store (its ``meta`` table says so) is a store, any other a
    scrape database; RIS files with a
    ``TY  -`` line; ``.csv`` files are scrape tables, ``.json``/``.jsonl``
    catalogues; anything else is read as a page capture. A file named like a
    database (``.db``, ``.sqlite``, ``.sqlite3``) without the header raises
    :class:`~sinosoviet_docs.exceptions.ScrapeLoadError` rather than being
    read as a page.
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(4096)
    if is_sqlite(path, head):
        return "store" if _is_store(path) else "scrape-sqlite"
    first = next(
        (
            line.strip()
            for line in head.decode("utf-8", "replace").lstrip("\ufeff").splitlines()
            if line.strip()
        ),
        "",
    )
    if first.startswith(("TY  -", "TY -")) or path.suffix.lower() == ".ris":
        return "ris"
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "scrape-csv"
    if suffix in (".json", ".jsonl"):
        return "catalogue"
    return "page"


def _is_store(path: Path) -> bool:
    import sqlite3

    from ..store._schema import KIND

    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == KIND


def load_any(
    path: str | os.PathLike[str], *, strict: bool = False, progress: Progress | None = None
) -> Catalogue:
    """A catalogue from any file the loaders read, chosen by :func:`sniff`."""
    kind = sniff(path)
    if kind == "store":
        from ..store import open as open_store

        with open_store(path) as stored:
            return stored.to_catalogue()
    if kind in ("scrape-sqlite", "scrape-csv"):
        from .scrape import load_scrape

        return load_scrape(path, strict=strict, progress=progress)
    if kind == "ris":
        from .ris import load_ris

        return load_ris(path)
    if kind == "catalogue":
        from ..io import load

        return load(path)
    from .pages import load_pages

    return load_pages([path], strict=strict)
