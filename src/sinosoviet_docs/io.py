"""Reading and writing catalogues as JSON or JSON Lines, and the bundled catalogue.

Two layouts, the same content:

- ``.json``: one object ``{"kind", "schema_version", "info", "collections", "documents"}``;
- ``.jsonl``: a header line holding everything but the documents, then one
  document a line, so that big catalogues stream and diff well.

Dates are EDTF strings (``"1950-02"``), so partial dates stay partial.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ._bundled import read_bundled
from ._convert import (
    catalogue_from_parts,
    document_reader,
    structure_header,
    unstructure_catalogue,
    unstructure_document,
    unstructure_header,
)
from ._gc import paused_gc
from .exceptions import CatalogueLoadError, FormatError
from .models import Catalogue, Document

__all__ = ["Format", "dump", "dumps", "format_for", "load", "loads"]

Format = Literal["json", "jsonl"]

_BUNDLED = "catalogue.json"
#: The file name suffixes of a SQLite store (see :mod:`sinosoviet_docs.store`).
STORE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def is_store_path(path: str | os.PathLike[str]) -> bool:
    """Whether a file name names a SQLite store by its suffix (without importing sqlite3).

    >>> is_store_path("archive.sqlite"), is_store_path("archive.jsonl")
    (True, False)
    """
    return Path(path).suffix.lower() in STORE_SUFFIXES


def load(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """Load a catalogue: the bundled one with no argument, else a ``.json``/``.jsonl`` file.

    The bundled catalogue is read once per process and then shared (catalogues
    are immutable). Nothing touches the network.

    >>> cat = load()
    >>> cat.collection("sino-soviet-alliance-1950-1959").title
    'Sino-Soviet Alliance, 1950-1959'

    Raises :class:`~sinosoviet_docs.CatalogueLoadError` (a ValueError) naming the
    file, the JSONL line and the field path of every problem, and the usual
    :class:`OSError` when the file cannot be read.
    """
    if path is None:
        return _load_bundled()
    path = Path(path)
    with path.open("r", encoding="utf-8-sig") as handle, paused_gc():
        try:
            if format_for(path) == "jsonl":
                return _read_jsonl(handle)
            return _read_json(handle.read())
        except CatalogueLoadError as exc:
            raise CatalogueLoadError(exc.errors, source=str(path), line=exc.line) from None


def loads(text: str | bytes) -> Catalogue:
    """Load a catalogue from a string written by :func:`dumps` (JSON or JSON Lines).

    >>> cat = load()
    >>> loads(dumps(cat)) == cat and loads(dumps(cat, format="jsonl")) == cat
    True
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    with paused_gc():
        return _read_text(text)


def _read_text(text: str) -> Catalogue:
    stripped = text.lstrip("\ufeff \t\r\n")
    first_line, _, rest = stripped.partition("\n")
    if rest.strip() and _is_jsonl_header(first_line):
        return _read_jsonl(stripped.splitlines(keepends=True))
    return _read_json(text)


def dumps(catalogue: Catalogue, *, format: Format = "json", indent: int | None = None) -> str:
    """The catalogue as JSON text (``format="json"``) or JSON Lines (``"jsonl"``).

    >>> print(dumps(load(), format="jsonl").splitlines()[0][:60])
    {"kind": "sinosoviet_docs.catalogue", "schema_version": 1, "...
    """
    if format == "jsonl":
        return "".join(_jsonl_lines(catalogue))
    if format != "json":
        raise ValueError(f"unknown format {format!r}; expected 'json' or 'jsonl'")
    return json.dumps(unstructure_catalogue(catalogue), ensure_ascii=False, indent=indent) + "\n"


def dump(
    catalogue: Catalogue,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    indent: int | None = 1,
) -> None:
    """Write the catalogue to ``path`` atomically, as JSON or JSON Lines by its suffix.

    The text goes to a temporary file in the same folder, which then replaces
    ``path`` in one step: an interrupted write never leaves half a file where
    a good one was. A ``.sqlite``, ``.sqlite3`` or ``.db`` path gets a store
    (see :func:`sinosoviet_docs.open`), written the same way.
    """
    path = Path(path)
    if format is None and is_store_path(path):
        from .store import save

        save(catalogue, path)
        return
    fmt = format or format_for(path)
    if fmt == "jsonl":
        chunks: Iterable[str] = _jsonl_lines(catalogue)
    else:
        chunks = [dumps(catalogue, format=fmt, indent=indent)]
    write_atomically(path, chunks)


# -- reading ------------------------------------------------------------------------------


def format_for(path: str | os.PathLike[str]) -> Format:
    """The catalogue format a file name's suffix names; :class:`FormatError` if none.

    >>> format_for("merged.jsonl")
    'jsonl'
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    raise FormatError(str(path))


def _is_jsonl_header(line: str) -> bool:
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and "documents" not in value


def _decode(text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = (
            f"line {line}, column {exc.colno}" if line else f"line {exc.lineno}, column {exc.colno}"
        )
        raise CatalogueLoadError(
            [f"invalid JSON at {where}: {exc.msg}"], line=line or exc.lineno
        ) from None


def _read_json(text: str) -> Catalogue:
    data = _decode(text)
    info, raw_collections, errors = structure_header(data, documents_key=True)
    raw_documents = data.get("documents", [])
    documents: list[Document] = []
    if not isinstance(raw_documents, list):
        errors.append("expected an array @ $.documents")
        raw_documents = []
    read = document_reader()
    unreadable: set[str] = set()
    for index, item in enumerate(raw_documents):
        try:
            documents.append(read(item, f"$.documents[{index}]"))
        except CatalogueLoadError as exc:
            errors.extend(exc.errors)
            unreadable.add(_id_of(item))
    return catalogue_from_parts(info, raw_collections, documents, errors, unreadable)


def _id_of(item: object) -> str:
    """The id a record that could not be read claims, if any ("" if none)."""
    found = item.get("id") if isinstance(item, dict) else None
    return found if isinstance(found, str) else ""


def _read_jsonl(lines: Iterable[str]) -> Catalogue:
    iterator = iter(lines)
    header: Any = None
    header_line = 0
    for number, line in enumerate(iterator, start=1):
        if line.strip():
            header, header_line = _decode(line, number), number
            break
    if header is None:
        raise CatalogueLoadError(["empty file: expected a header line"], line=1)
    try:
        info, raw_collections, errors = structure_header(header, documents_key=False)
    except CatalogueLoadError as exc:
        raise CatalogueLoadError(
            [f"line {header_line}: {e}" for e in exc.errors], line=header_line
        ) from None
    errors = [f"line {header_line}: {e}" for e in errors]
    first_bad: int | None = header_line if errors else None
    documents: list[Document] = []
    unreadable: set[str] = set()
    read = document_reader()
    for number, line in enumerate(iterator, start=header_line + 1):
        if not line.strip():
            continue
        item: object = None
        try:
            item = _decode(line, number)
            documents.append(read(item, "$"))
        except CatalogueLoadError as exc:
            errors.extend(
                e if e.startswith("invalid JSON") else f"line {number}: {e}" for e in exc.errors
            )
            first_bad = first_bad or number
            unreadable.add(_id_of(item))
    try:
        return catalogue_from_parts(info, raw_collections, documents, errors, unreadable)
    except CatalogueLoadError as exc:
        raise CatalogueLoadError(exc.errors, line=first_bad) from None


@functools.cache
def _load_bundled() -> Catalogue:
    text, label = read_bundled(_BUNDLED)
    try:
        return _read_json(text)
    except CatalogueLoadError as exc:  # pragma: no cover - the build script checks the file
        raise CatalogueLoadError(exc.errors, source=label) from None


# -- writing ------------------------------------------------------------------------------


def _jsonl_lines(catalogue: Catalogue) -> Iterable[str]:
    yield json.dumps(unstructure_header(catalogue), ensure_ascii=False) + "\n"
    for doc in catalogue.documents:
        yield json.dumps(unstructure_document(doc), ensure_ascii=False) + "\n"


def write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write text to ``path`` through a temporary file in its folder, then rename it.

    An interrupted write leaves the old file whole and no temporary file; an
    error names ``path``, not the temporary file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    try:
        # mkstemp makes the file private (0600); give it the mode the old file had,
        # or the usual one for a new file.
        os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
