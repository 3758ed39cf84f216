"""Writing a catalogue to a store: one transaction into a temporary file renamed into place."""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._convert import unstructure_document, unstructure_header
from .._search.postings import _FIELD_TEXTS
from .._text import fold_name, tokenize
from ..dates import PartialDate, years_of
from ..models import Catalogue, Document
from ._schema import JSON_COLUMNS, KIND, LINKS, SCHEMA, SCHEMA_VERSION, document_columns

__all__ = ["save"]

_FIELDS = document_columns()
_JSON = frozenset(JSON_COLUMNS)
_DERIVED = (
    "date_display",
    "year",
    "month",
    "earliest",
    "latest",
    "earliest_day",
    "latest_day",
    "type_key",
    "tokens",
    "citation",
)
_COLUMNS = ("docno", *_FIELDS, *_DERIVED)
#: A field of a Correspondence -> the role its names have in the correspondence table.
_ROLES = {
    "senders": "sender",
    "recipients": "recipient",
    "intermediaries": "intermediary",
    "participants": "participant",
}
_INSERT_DOCUMENT = (
    f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
)


def save(catalogue: Catalogue, path: str | os.PathLike[str]) -> None:
    """Write ``catalogue`` to the store at ``path`` (replacing any file there in one step).

    Everything is written in one transaction to a temporary file in the same
    folder, which is then renamed to ``path``: an interrupted write leaves the
    old file whole.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute("BEGIN")
            _create(connection)
            _write(connection, catalogue)
            connection.execute("COMMIT")
        finally:
            connection.close()
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create(connection: sqlite3.Connection) -> None:
    # executescript would commit the open transaction: run the statements one by one.
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            connection.execute(statement)


def _write(connection: sqlite3.Connection, catalogue: Catalogue) -> None:
    documents = catalogue.documents
    connection.executemany(_INSERT_DOCUMENT, _document_rows(documents))
    for table, rows in _link_rows(documents).items():
        width = 4 + (LINKS[table][1] is not None)
        marks = ", ".join("?" * width)
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.executemany(
        "INSERT INTO search (rowid, title, summary, text, names) VALUES (?, ?, ?, ?, ?)",
        _engine_rows(documents),
    )
    connection.executemany(
        "INSERT INTO documents_fts (rowid, title, summary, text, names) VALUES (?, ?, ?, ?, ?)",
        _plain_rows(documents),
    )
    for table in ("search", "documents_fts"):
        connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    meta = {
        "kind": KIND,
        "schema_version": str(SCHEMA_VERSION),
        "documents": str(len(documents)),
        "dated": str(sum(doc.date is not None for doc in documents)),
        "tokens": str(connection.execute("SELECT total(tokens) FROM documents").fetchone()[0]),
        "header": json.dumps(unstructure_header(catalogue), ensure_ascii=False),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _document_rows(documents: Iterable[Document]) -> Iterator[tuple[Any, ...]]:
    from ..export import cite

    for docno, doc in enumerate(documents):
        data = unstructure_document(doc)
        row: list[Any] = [docno]
        for name in _FIELDS:
            value = data.get(name)
            if name in _JSON:
                value = json.dumps(value, ensure_ascii=False) if value else None
            row.append(value)
        date = doc.date
        tokens = sum(len(tokenize(part)) for text_of in _FIELD_TEXTS if (part := text_of(doc)))
        if date is None:
            row += [doc.date_display, None, None, None, None, None, None]
        else:
            # An open end is NULL in the day columns a reader sees; the day numbers the
            # filters compare reach every day on its side, as the in-memory date index does.
            early, late = date.earliest, date.latest
            row += [
                doc.date_display,
                date.year if isinstance(date, PartialDate) else None,
                date.month if isinstance(date, PartialDate) else None,
                None if early is None else early.isoformat(),
                None if late is None else late.isoformat(),
                (early or datetime.date.min).toordinal(),
                (late or datetime.date.max).toordinal(),
            ]
        type_key = None if doc.type is None else fold_name(doc.type)
        row += [type_key, tokens, cite(doc)]
        yield tuple(row)


def _link_rows(documents: Iterable[Document]) -> dict[str, list[tuple[Any, ...]]]:
    from ..correspondence import correspondence_of

    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in LINKS}
    keys: dict[str, str] = {}

    def key(value: str) -> str:
        found = keys.get(value)
        if found is None:
            found = keys[value] = fold_name(value)
        return found

    for docno, doc in enumerate(documents):
        links: list[tuple[str, tuple[str, ...], str | None]] = [
            ("people", doc.authors, "author"),
            ("people", doc.people, "person"),
            ("places", doc.places, None),
            ("topics", doc.topics, None),
            ("languages", doc.languages, None),
            ("collections", doc.collections, None),
        ]
        found = correspondence_of(doc.title, doc.date)
        if found is not None:
            for field, role in _ROLES.items():
                links.append(("correspondence", getattr(found, field), role))
        at: dict[str, int] = {}
        for table, values, extra in links:
            out = rows[table]
            start = at.get(table, 0)
            for position, value in enumerate(values, start):
                row = (key(value), docno, position, value)
                out.append(row if extra is None else (*row, extra))
            at[table] = start + len(values)
    return rows


def _engine_rows(documents: Iterable[Document]) -> Iterator[tuple[Any, ...]]:
    for docno, doc in enumerate(documents):
        yield (docno, *(" ".join(tokenize(text_of(doc) or "")) for text_of in _FIELD_TEXTS))


def _plain_rows(documents: Iterable[Document]) -> Iterator[tuple[Any, ...]]:
    from ..names import people

    known: dict[tuple[str, tuple[int, int] | None], tuple[str, ...]] = {}

    def variants(name: str, doc: Document) -> tuple[str, ...]:
        # Code names depend on the year alone: the forms are kept per name and year.
        key = (name, years_of(doc.date))
        found = known.get(key)
        if found is None:
            found = known[key] = people.variants(name, date=doc.date)
        return found

    for docno, doc in enumerate(documents):
        names = [*doc.authors, *doc.people]
        names += [p.name for p in people.mentions(doc.title, date=doc.date)]
        forms: dict[str, None] = dict.fromkeys([*names, *doc.places])
        for name in names:
            forms.update(dict.fromkeys(variants(name, doc)))
        yield (docno, doc.title, doc.summary, doc.text, " ; ".join(forms))
