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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, TypeVar

from . import _json
from ._bundled import read_bundled
from ._convert import (
    catalogue_from_parts,
    document_reader,
    format_errors,
    get_converter,
    structure_document,
    structure_header,
    unstructure_catalogue,
    unstructure_document,
    unstructure_header,
)
from ._decode import TextProblem, check_text, decode
from ._gc import paused_gc
from .exceptions import ArgumentTypeError, CatalogueLoadError, FormatError
from .models import Catalogue, Document

__all__ = ["Format", "dump", "dumps", "format_for", "from_data", "load", "loads", "to_data"]

Format = Literal["json", "jsonl"]

T = TypeVar("T")

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
    file, the JSONL line and the field path of every problem (text that is not
    UTF-8 by its line and byte offset), and the usual :class:`OSError` when
    the file cannot be read.
    """
    if path is None:
        return _load_bundled()
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError("path", "a file path (str or os.PathLike)", path)
    path = Path(path)
    fmt = format_for(path)
    with path.open("rb") as handle, paused_gc():
        try:
            if fmt == "jsonl":
                return _read_jsonl(_decoded(_text_lines(handle)))
            return _read_json(_decoded_text(handle.read()))
        except CatalogueLoadError as exc:
            raise CatalogueLoadError(exc.errors, source=str(path), line=exc.line) from None


def _decoded_text(data: bytes) -> str:
    try:
        return decode(data)
    except TextProblem as exc:
        raise _not_text(exc) from None


#: About how many bytes of a JSON Lines file are read and decoded in one step.
_BLOCK = 1 << 20


def _text_lines(handle: BinaryIO) -> Iterator[str]:
    """The lines of a file read in binary, each ending in ``\\n``, decoded by ``decode``.

    The first line (which may start with a byte order mark) goes through
    :func:`~sinosoviet_docs._decode.decode`. After it, a block of lines that
    is all UTF-8 without a NUL (strict UTF-8 decoding never gives a lone
    surrogate) is decoded without the search for bad characters; any other
    block goes through ``decode`` a line at a time, so that a problem is
    raised at the same line, with the same place, as from ``decode_lines``.
    """
    first = handle.readline()
    if not first:
        return
    yield decode(first)
    line, offset = 1 + first.count(b"\n"), len(first)
    while block := handle.readlines(_BLOCK):
        texts: list[str] | None = None
        if b"\x00" not in b"".join(block):
            try:
                texts = [chunk.decode("utf-8") for chunk in block]
            except UnicodeDecodeError:
                texts = None
        if texts is not None:
            yield from texts
            line += len(block)
            offset += sum(map(len, block))
            continue
        for chunk in block:
            yield decode(chunk, line=line, offset=offset)
            line += chunk.count(b"\n")
            offset += len(chunk)


def _decoded(lines: Iterator[str]) -> Iterator[str]:
    try:
        yield from lines
    except TextProblem as exc:
        raise _not_text(exc) from None


def _not_text(exc: TextProblem) -> CatalogueLoadError:
    return CatalogueLoadError(
        [f"{exc.reason} at line {exc.line}, byte offset {exc.offset}"], line=exc.line
    )


def loads(text: str | bytes) -> Catalogue:
    """Load a catalogue from a string written by :func:`dumps` (JSON or JSON Lines).

    >>> cat = load()
    >>> loads(dumps(cat)) == cat and loads(dumps(cat, format="jsonl")) == cat
    True

    Text that is not UTF-8, or holds a NUL or a lone surrogate, raises
    :class:`~sinosoviet_docs.CatalogueLoadError` with its line; anything but
    ``str`` or ``bytes`` raises :class:`~sinosoviet_docs.ArgumentTypeError`.
    """
    if isinstance(text, bytes):
        text = _decoded_text(text)
    elif isinstance(text, str):
        try:
            text = check_text(text)
        except TextProblem as exc:
            raise CatalogueLoadError(
                [f"{exc.reason} at line {exc.line}, character {exc.offset}"], line=exc.line
            ) from None
    else:
        raise ArgumentTypeError("text", "catalogue text (str or bytes)", text)
    with paused_gc():
        return _read_text(text)


def _read_text(text: str) -> Catalogue:
    stripped = text.lstrip(" \t\r\n")
    first_line, _, rest = stripped.partition("\n")
    if rest.strip() and _is_jsonl_header(first_line):
        # Only "\n" ends a JSONL line: U+2028 and the other separators are text in a string.
        return _read_jsonl(stripped.split("\n"))
    return _read_json(text)


def dumps(catalogue: Catalogue, *, format: Format = "json", indent: int | None = None) -> str:
    """The catalogue as JSON text (``format="json"``) or JSON Lines (``"jsonl"``).

    >>> print(dumps(load(), format="jsonl").splitlines()[0][:60])
    {"kind": "sinosoviet_docs.catalogue", "schema_version": 2, "...
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


def to_data(record: object) -> Any:
    """A record as JSON-ready data, as the catalogue files store it (dates as EDTF text).

    Takes a :class:`~sinosoviet_docs.Catalogue`, a :class:`~sinosoviet_docs.Document`
    or any of their parts (a collection, a date, a tuple of records); fields
    at their default are left out of a document.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> to_data(Document(id="x", title="T", date=PartialDate(year=1950, month=2)))
    {'id': 'x', 'title': 'T', 'date': '1950-02'}
    """
    if isinstance(record, Catalogue):
        return unstructure_catalogue(record)
    if isinstance(record, Document):
        return unstructure_document(record)
    return get_converter().unstructure(record)


def from_data(data: object, cls: type[T]) -> T:
    """A record of class ``cls`` from the data :func:`to_data` gives; the inverse of it.

    Raises :class:`~sinosoviet_docs.CatalogueLoadError` (a ValueError) listing
    every bad field with its path.

    >>> doc = Document(id="x", title="T")
    >>> from_data(to_data(doc), Document) == doc
    True
    >>> from_data({"id": "x"}, Document)
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.CatalogueLoadError: <string>: required field missing @ $.title
    """
    if cls is Catalogue:
        catalogue: Any = _read_data(data)
        return catalogue  # type: ignore[no-any-return]
    if cls is Document:
        document: Any = structure_document(data)
        return document  # type: ignore[no-any-return]
    try:
        result: T = get_converter().structure(data, cls)
    except Exception as exc:  # cattrs raises its own groups; report them as load errors
        raise CatalogueLoadError(format_errors(exc)) from None
    return result


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
    # Only the shape is decided here; a repeated key or too deep a nesting is reported
    # by the JSON Lines reader with its line, as load() reports it.
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and "documents" not in value


def _decode(text: str, line: int | None = None, reader: _json.JsonReader | None = None) -> Any:
    try:
        return (reader or _json.JsonReader()).parse(text)
    except _json.JsonProblem as exc:
        if exc.line is None:  # a problem of a value, named by its path
            prefix = f"line {line}: " if line else ""
            raise CatalogueLoadError([f"{prefix}{exc}"], line=line) from None
        at = exc.line if line is None else line
        reason = exc.reason.removeprefix("invalid JSON: ")
        raise CatalogueLoadError(
            [f"invalid JSON at line {at}, column {exc.column}: {reason}"], line=at
        ) from None


def _read_json(text: str) -> Catalogue:
    return _read_data(_decode(text))


def _read_data(data: Any) -> Catalogue:
    info, raw_collections, errors = structure_header(data, documents_key=True)
    raw_documents = data.get("documents", [])
    documents: list[Document] = []
    if not isinstance(raw_documents, list):
        errors.append("expected an array @ $.documents")
        raw_documents = []
    read = document_reader()
    unreadable: set[str] = set()
    first_at: dict[str, int] = {}
    for index, item in enumerate(raw_documents):
        try:
            doc = read(item, f"$.documents[{index}]")
        except CatalogueLoadError as exc:
            errors.extend(exc.errors)
            unreadable.add(_id_of(item))
            continue
        first = first_at.setdefault(doc.id, index)
        if first != index:
            errors.append(
                f"two documents share the id {doc.id!r} (the first is $.documents[{first}])"
                f" @ $.documents[{index}].id"
            )
            continue
        documents.append(doc)
    return catalogue_from_parts(info, raw_collections, documents, errors, unreadable)


def _id_of(item: object) -> str:
    """The id a record that could not be read claims, if any ("" if none)."""
    found = item.get("id") if isinstance(item, dict) else None
    return found if isinstance(found, str) else ""


def _read_jsonl(lines: Iterable[str]) -> Catalogue:
    iterator = iter(lines)
    reader = _json.JsonReader()
    header: Any = None
    header_line = 0
    for number, line in enumerate(iterator, start=1):
        if line.strip():
            header, header_line = _decode(line, number, reader), number
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
    first_on: dict[str, int] = {}
    for number, line in enumerate(iterator, start=header_line + 1):
        if not line.strip():
            continue
        item: object = None
        try:
            item = _decode(line, number, reader)
            doc = read(item, "$")
        except CatalogueLoadError as exc:
            errors.extend(
                e if e.startswith(("invalid JSON", "line ")) else f"line {number}: {e}"
                for e in exc.errors
            )
            first_bad = first_bad or number
            unreadable.add(_id_of(item))
            continue
        first = first_on.setdefault(doc.id, number)
        if first != number:
            errors.append(
                f"line {number}: two documents share the id {doc.id!r} (the first on line {first})"
                " @ $.id"
            )
            first_bad = first_bad or number
            continue
        documents.append(doc)
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

    A symbolic link is followed: its target is replaced and the link stays.
    An error or an interruption while writing (``KeyboardInterrupt`` too)
    leaves the old file whole and removes the temporary file; only a process
    killed outright (``SIGKILL``, a power cut) can leave a ``.<name>.*.tmp``
    file beside the old one, which is then safe to delete. An error names
    ``path``, never the temporary file.
    """
    shown = path
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only a write needs it

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise _named(exc, shown) from None
    try:
        # mkstemp makes the file private (0600); give it the mode the old file had,
        # or the usual one for a new file.
        os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(tmp_name, path)
        except OSError as exc:
            raise _named(exc, shown) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _named(exc: OSError, path: Path) -> OSError:
    """The same error as ``exc``, naming ``path`` (and no temporary file)."""
    return type(exc)(exc.errno, exc.strerror, str(path))
