"""Checks the loaders share on raw input: whole numbers, UTF-8 text, SQLite files.

``str.isdigit()`` is true for superscripts and other Unicode digits that
``int()`` refuses ("²"), and ``int()`` accepts decimal digits of other
scripts ("١٩٥٨"). The archive writes numbers in ASCII, so only ASCII
decimal digits count as a number here.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

from ..exceptions import ScrapeLoadError

__all__ = ["SQLITE_HEADER", "first_bad_utf8", "is_ascii_int", "is_sqlite", "read_utf8"]

_BOM = b"\xef\xbb\xbf"
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def is_ascii_int(text: str) -> bool:
    """Whether ``int(text)`` reads ``text`` as a plain non-negative number in ASCII digits.

    >>> is_ascii_int("1958"), is_ascii_int("²"), is_ascii_int("١٩٥٨"), is_ascii_int("")
    (True, False, False, False)
    """
    return text.isascii() and text.isdecimal()


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


def read_utf8(path: str | os.PathLike[str], fail: Callable[[int, int, bytes], Exception]) -> str:
    """A file's text as UTF-8 (a leading byte order mark dropped).

    Bytes that are not UTF-8 raise ``fail(line, offset, found)``: the 1-based
    line, the 0-based byte offset in the file and the bytes at fault, so that
    each loader raises its own typed error naming the place.
    """
    data = Path(path).read_bytes()
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise fail(line, offset, data[offset : skip + exc.end]) from None


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
