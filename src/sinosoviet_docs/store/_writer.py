"""Writing a catalogue to a store: one transaction into a temporary file renamed into place.

Each document is read once: its row, its tokens (for the engine's table and
the token count), its links and its plain-text row are made together, and
written in batches; the indexes on ``documents`` are made once its rows are in.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._convert import unstructure_document, unstructure_header
from .._gc import paused_gc
from .._search.postings import _FIELD_TEXTS
from .._text import fold_name, tokenize
from ..dates import PartialDate
from ..models import Catalogue, Document
from ._schema import (
    INDEXES,
    JSON_COLUMNS,
    KIND,
    LINKS,
    SCHEMA,
    SCHEMA_VERSION,
    SEARCH_COLUMNS,
    document_columns,
)

if TYPE_CHECKING:
    from ..correspondence import Correspondence
    from ..names import CodeName

__all__ = ["save"]

_FIELDS = document_columns()
#: Where the JSON columns are in a row of ``documents`` (after ``docno``).
_JSON_AT = tuple(1 + _FIELDS.index(name) for name in JSON_COLUMNS)
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
_SEARCH = ", ".join(SEARCH_COLUMNS)
_INSERT_SEARCH = f"INSERT INTO search (rowid, {_SEARCH}) VALUES (?, ?, ?, ?, ?)"
_INSERT_PLAIN = f"INSERT INTO documents_fts (rowid, {_SEARCH}) VALUES (?, ?, ?, ?, ?)"
#: Documents made into rows before the rows are written.
_BATCH = 2048
_FTS_TABLES = ("search", "documents_fts")
#: How many bytes of new postings FTS5 keeps in memory during the build before it
#: writes them as a segment (1 MiB by default): fewer segments to merge, no pages
#: freed by the merges left in the file.
_BUILD_HASH = 64 << 20
_DEFAULT_HASH = 1 << 20
#: One JSON encoder for every array (``json.dumps`` with options makes a new one each call).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: What JSON escapes in a string when it keeps non-ASCII letters as they are.
_ESCAPED = re.compile(r'[\x00-\x1f"\\]')
#: The pragmas of the build: the file is a temporary one until it is renamed into place.
_PRAGMAS = (
    "PRAGMA page_size=8192",
    "PRAGMA journal_mode=OFF",
    "PRAGMA synchronous=OFF",
    "PRAGMA cache_size=-262144",
    "PRAGMA temp_store=MEMORY",
)


def _array(values: list[Any]) -> str:
    """``values`` as ``json.dumps(values, ensure_ascii=False)`` writes them.

    >>> _array(["Mao Zedong", "Lüshun"]), json.loads(_array(['a "b"']))
    ('["Mao Zedong", "Lüshun"]', ['a "b"'])
    """
    if values and all(type(v) is str for v in values) and not _ESCAPED.search("".join(values)):
        return '["' + '", "'.join(values) + '"]'
    return _ENCODE(values)


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
            for pragma in _PRAGMAS:
                connection.execute(pragma)
            connection.execute("BEGIN")
            _create(connection, SCHEMA)
            with paused_gc():  # the rows hold no cycles; a collection would walk them all
                _write(connection, catalogue)
            connection.execute("COMMIT")
        finally:
            connection.close()
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create(connection: sqlite3.Connection, statements: str) -> None:
    # executescript would commit the open transaction: run the statements one by one.
    for statement in statements.split(";\n"):
        if statement.strip():
            connection.execute(statement)


def _write(connection: sqlite3.Connection, catalogue: Catalogue) -> None:
    documents = catalogue.documents
    for table in _FTS_TABLES:
        _set_hash_size(connection, table, _BUILD_HASH)
    rows = _Rows()
    tokens = 0
    for start in range(0, len(documents), _BATCH):
        batch = documents[start : start + _BATCH]
        for docno, doc in enumerate(batch, start):
            tokens += rows.add(docno, doc)
        rows.flush(connection)
    _create(connection, INDEXES)
    connection.executemany("INSERT INTO link_values VALUES (?, ?, ?)", rows.link_values())
    for table in _FTS_TABLES:
        connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        _set_hash_size(connection, table, _DEFAULT_HASH)
    meta = {
        "kind": KIND,
        "schema_version": str(SCHEMA_VERSION),
        "documents": str(len(documents)),
        "dated": str(sum(doc.date is not None for doc in documents)),
        "tokens": str(float(tokens)),
        "header": json.dumps(unstructure_header(catalogue), ensure_ascii=False),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _set_hash_size(connection: sqlite3.Connection, table: str, size: int) -> None:
    connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (size,))


class _Rows:
    """The rows of a batch of documents for every table, and the link values met so far."""

    def __init__(self) -> None:
        from ..correspondence import correspondence_of
        from ..export import cite
        from ..names import people

        self._cite: Callable[[Document], str] = cite
        self._correspondence: Callable[..., Correspondence | None] = correspondence_of
        self._people = people
        self._ids: dict[str, int] = {}
        # Each name's forms, with the code name (if any) whose years they count in.
        self._forms: dict[str, tuple[tuple[str, CodeName | None], ...]] = {}
        self.documents: list[tuple[Any, ...]] = []
        self.search: list[tuple[Any, ...]] = []
        self.plain: list[tuple[Any, ...]] = []
        self.links: dict[str, list[tuple[Any, ...]]] = {table: [] for table in LINKS}

    def add(self, docno: int, doc: Document) -> int:
        """Make the rows of one document; its number of tokens."""
        texts = [text_of(doc) for text_of in _FIELD_TEXTS]
        tokens = [tokenize(text) if text else [] for text in texts]
        count = sum(map(len, tokens))
        self.documents.append(self._document(docno, doc, count))
        self.search.append((docno, *(" ".join(t) for t in tokens)))
        mentioned = self._people.mentions(doc.title, date=doc.date)
        self._links(docno, doc)
        self.plain.append((docno, doc.title, doc.summary, doc.text, self._names(doc, mentioned)))
        return count

    def flush(self, connection: sqlite3.Connection) -> None:
        """Write the batch's rows and start the next batch."""
        connection.executemany(_INSERT_DOCUMENT, self.documents)
        connection.executemany(_INSERT_SEARCH, self.search)
        connection.executemany(_INSERT_PLAIN, self.plain)
        for table, rows in self.links.items():
            marks = ", ".join("?" * (3 + (LINKS[table][1] is not None)))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            rows.clear()
        self.documents.clear()
        self.search.clear()
        self.plain.clear()

    def link_values(self) -> list[tuple[int, str, str]]:
        """Every value of the link tables: its id, its folded key, the value."""
        return [(i, fold_name(value), value) for value, i in self._ids.items()]

    def _document(self, docno: int, doc: Document, tokens: int) -> tuple[Any, ...]:
        row: list[Any] = [docno, *map(unstructure_document(doc).get, _FIELDS)]
        for at in _JSON_AT:
            value = row[at]
            row[at] = _array(value) if value else None
        date = doc.date
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
        row += [type_key, tokens, self._cite(doc)]
        return tuple(row)

    def _links(self, docno: int, doc: Document) -> None:
        links: list[tuple[str, Sequence[str], str | None]] = [
            ("people", doc.authors, "author"),
            ("people", doc.people, "person"),
            ("places", doc.places, None),
            ("topics", doc.topics, None),
            ("languages", doc.languages, None),
            ("collections", doc.collections, None),
        ]
        found = self._correspondence(doc.title, doc.date)
        if found is not None:
            for field, role in _ROLES.items():
                links.append(("correspondence", getattr(found, field), role))
        ids = self._ids
        at: dict[str, int] = {}
        for table, values, extra in links:
            out = self.links[table]
            start = at.get(table, 0)
            for position, value in enumerate(values, start):
                value_id = ids.get(value)
                if value_id is None:
                    value_id = ids[value] = len(ids)
                out.append(
                    (value_id, docno, position)
                    if extra is None
                    else (value_id, docno, position, extra)
                )
            at[table] = start + len(values)

    def _names(self, doc: Document, mentioned: Sequence[Any]) -> str:
        """The plain table's names: every form of each person the document names, its places."""
        names = [*doc.authors, *doc.people, *(p.name for p in mentioned)]
        forms: dict[str, None] = dict.fromkeys([*names, *doc.places])
        date = doc.date
        for name in names:
            # people.variants(name, date=date), its forms at any date read once a name
            dated = self._forms.get(name)
            if dated is None:
                dated = self._forms[name] = self._people.dated_variants(name)
            forms.update((form, None) for form, code in dated if code is None or code.in_use(date))
        return " ; ".join(forms)
