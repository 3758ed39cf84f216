"""Checks the loaders share on raw input: UTF-8 text files and SQLite files.

Text goes through the one decoding step of :mod:`sinosoviet_docs._decode`;
numbers through its :func:`~sinosoviet_docs._decode.whole_number`.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

from .._decode import TextProblem, decode
from ..exceptions import ScrapeLoadError

__all__ = ["SQLITE_HEADER", "first_bad_utf8", "is_sqlite", "read_text"]

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def is_sqlite(path: Path, head: bytes | None = None) -> bool:
    """Whether ``path`` is a SQLite database: it starts with the SQLite header, whatever its name.

    ``head`` is the file's first bytes when the caller has read them already.
    A file named like a database (``.db``, ``.sqlite``, ``.sqlite3``) without
    the header raises :class:`~sinosoviet_docs.exceptions.ScrapeLoadError`
    rather than being read as something else.
    """
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    if head.startswith(SQLITE_HEADER):
        return True
    if path.suffix.lower() in _SQLITE_SUFFIXES:
        found = "an empty file" if not head else f"{head[:16]!r}"
        raise ScrapeLoadError(
            f"not a SQLite database (expected the header {SQLITE_HEADER!r}, found {found})",
            source=str(path),
        )
    return False


def read_text(path: str | os.PathLike[str], fail: Callable[[TextProblem], Exception]) -> str:
    """A file's text, through the one decoding step (UTF-8, a byte order mark dropped).

    Anything that is not text (bytes that are not UTF-8, a UTF-16 file, a NUL)
    raises ``fail(problem)``: the :class:`~sinosoviet_docs._decode.TextProblem`
    names the 1-based line and the byte offset, so that each loader raises
    its own typed error naming the place.
    """
    try:
        return decode(Path(path).read_bytes())
    except TextProblem as exc:
        raise fail(exc) from None


def first_bad_utf8(path: str | os.PathLike[str]) -> tuple[int, int, bytes] | None:
    """``(line, offset, found)`` of the first bytes of a file that are not UTF-8, else None.

    Reads the file in chunks: for streamed readers (CSV) that met a decoding
    error somewhere inside a buffer and must say where it is in the file.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, newlines = 0, 0
    with Path(path).open("rb") as handle:
        while True:
            chunk = handle.read(1 << 16)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                pending = len(exc.object) - len(chunk)  # bytes held back from the last chunk
                at = offset - pending + exc.start
                line = newlines + chunk[: max(0, exc.start - pending)].count(b"\n") + 1
                return line, at, bytes(exc.object[exc.start : exc.end])
            if not chunk:
                return None
            offset += len(chunk)
            newlines += chunk.count(b"\n")
