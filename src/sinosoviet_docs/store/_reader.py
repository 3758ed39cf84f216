"""A stored catalogue: a store opened read-only, its documents read as they are asked for."""

from __future__ import annotations

import errno
import functools
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote_from_bytes

from .._convert import catalogue_from_parts, structure_document, structure_header
from ..exceptions import CatalogueLoadError, DocumentNotFoundError
from ..models import Catalogue, Collection, Document
from ._schema import (
    JSON_COLUMNS,
    KIND,
    SCHEMA_VERSION,
    StoreError,
    document_columns,
    link_ids,
)

if TYPE_CHECKING:
    from ..names import CatalogueNames
    from ..query import Query
    from ._sql import StoreIndex

__all__ = ["Connection", "Documents", "StoredCatalogue"]

_FIELDS = document_columns()
_JSON = frozenset(JSON_COLUMNS)
_SELECT = f"SELECT docno, {', '.join(_FIELDS)} FROM documents"
_CACHED = 16384  # documents kept once read, per store
_BATCH = 256  # documents read in one statement when a query's page is iterated


class Connection:
    """One SQLite connection shared by the threads of a process, one statement at a time.

    A statement the file cannot answer because it is damaged or lacks a table of
    this schema raises :class:`StoreError` naming the file.
    """

    def __init__(self, path: Path, *, writable: bool) -> None:
        mode = "rw" if writable else "ro"
        self.path = str(path)
        self.raw = sqlite3.connect(f"{_uri(path)}?mode={mode}", uri=True, check_same_thread=False)
        self.lock = threading.Lock()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Every row the statement gives."""
        with self.lock:
            try:
                return self.raw.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from exc

    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row the statement gives."""
        with self.lock:
            try:
                return [row[0] for row in self.raw.execute(sql, params)]
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from exc

    def _damaged(self, exc: sqlite3.DatabaseError) -> Exception:
        if isinstance(exc, sqlite3.OperationalError) and not str(exc).startswith(
            ("no such table", "no such column")
        ):
            return exc  # not the file's fault (a lock held too long, say): as it is
        return StoreError(
            f"the store cannot be read ({exc}): it is damaged or incomplete; build it "
            "again from its catalogue (sinosoviet-docs load CATALOGUE --out FILE)",
            self.path,
        )


#: The URIs of the absolute paths opened so far (a path's URI never changes).
_URIS: dict[str, str] = {}


def _uri(path: Path) -> str:
    """The ``file:`` URI of ``path``.

    SQLite follows a symbolic link itself; a ``..`` is resolved after the links
    before it, as the system would, not by editing the text.

    >>> _uri(Path("/tmp/a b.sqlite"))
    'file:///tmp/a%20b.sqlite'
    """
    text = str(path)
    found = _URIS.get(text)
    if found is None:
        dots = ".." in path.parts
        if os.name == "posix":  # Path.as_uri's, without resolving every folder of the path
            full = os.path.realpath(text) if dots else os.path.abspath(text)
            found = "file://" + quote_from_bytes(os.fsencode(full))
        else:
            found = path.resolve().as_uri()
        if os.path.isabs(text) and not dots:
            if len(_URIS) >= 1024:
                _URIS.clear()
            _URIS[text] = found
    return found


class Documents(Sequence[Document]):
    """A store's documents in catalogue order, each read (and kept a while) when asked for."""

    def __init__(self, connection: Connection, count: int) -> None:
        self._connection = connection
        self._count = count
        self._cache: dict[int, Document] = {}
        self._order: Sequence[int] = ()
        self._expected: dict[int, int] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | Sequence[Document]:
        if isinstance(index, slice):
            return self.many(range(self._count)[index])
        if index < 0:
            index += self._count
        found = self._cache.get(index)
        if found is None:
            at = self._expected.get(index)
            if at is not None:  # read this one and the next ones expected, in one statement
                self.many(self._order[at : at + _BATCH])
                found = self._cache.get(index)
            if found is None:
                rows = self._connection.rows(f"{_SELECT} WHERE docno = ?", (index,))
                if not rows:
                    raise IndexError(index)
                found = self._keep(rows[0])
        return found

    def expect(self, docnos: Sequence[int]) -> None:
        """Say that the documents ``docnos`` will be asked for, in this order (a query's
        page): they are then read in batches, not one statement each."""
        self._order = docnos
        self._expected = {d: i for i, d in enumerate(docnos)}

    def many(self, docnos: Sequence[int]) -> list[Document]:
        """The documents numbered ``docnos``, in that order (read in one statement)."""
        missing = [d for d in docnos if d not in self._cache]
        found: dict[int, Document] = {}
        if missing:
            for row in self._connection.rows(
                f"{_SELECT} WHERE docno IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),),
            ):
                found[row[0]] = self._keep(row)
        return [found.get(d) or self._cache[d] for d in docnos]

    def __iter__(self) -> Iterator[Document]:
        # Streamed in batches: a whole catalogue is never held twice.
        start = 0
        while start < self._count:
            rows = self._connection.rows(
                f"{_SELECT} WHERE docno >= ? ORDER BY docno LIMIT 2000", (start,)
            )
            if not rows:
                return
            for row in rows:
                yield self._document(row)
            start = rows[-1][0] + 1

    def _keep(self, row: Sequence[Any]) -> Document:
        if len(self._cache) >= _CACHED:
            self._cache.clear()
        doc = self._cache[row[0]] = self._document(row)
        return doc

    def _document(self, row: Sequence[Any]) -> Document:
        data: dict[str, Any] = {}
        for name, value in zip(_FIELDS, row[1:], strict=True):
            if value is not None:
                data[name] = json.loads(value) if name in _JSON else value
        return structure_document(data, f"$.documents[{row[0]}]")


class StoredCatalogue:
    """A catalogue kept in a store (a SQLite file), opened with :func:`sinosoviet_docs.open`.

    A class of its own, with the read-only members of :class:`~sinosoviet_docs.Catalogue`:
    ``len``, iteration (chronological, undated last), ``in``, ``[id]``,
    :meth:`document`, :meth:`get`, :meth:`collection`, :meth:`documents_in`,
    :meth:`query` and :meth:`search` (run as SQL, the documents read only for
    the rows asked for), ``info``, ``collections``, ``documents`` (a lazy
    sequence), ``names``, :meth:`save`; :meth:`to_catalogue` reads it all into
    memory. Exports take it as they take a catalogue.
    """

    def __init__(self, path: str | os.PathLike[str], *, writable: bool = False) -> None:
        self.path = path if isinstance(path, Path) else Path(path)
        if not os.path.isfile(path):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        try:
            self._connection = Connection(self.path, writable=writable)
            # A file without the meta table is no store at all (not a damaged one).
            meta = dict(self._connection.raw.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a sinosoviet_docs store ({exc})", str(path)) from None
        _check(meta, str(path))
        self.meta: dict[str, str] = meta
        self.documents = Documents(self._connection, int(meta["documents"]))
        self._small_catalogue: Catalogue | None = None
        # Queries find the store's own indexes (and SQL executor) where a catalogue keeps its own.
        self._indexes: dict[str, object] = {"index": _store_index()(self)}
        self._whole: Catalogue | None = None

    @property
    def _small(self) -> Catalogue:
        """The info and collections (popular documents included), read on first use."""
        if self._small_catalogue is None:
            self._small_catalogue = self._header(self.meta["header"])
        return self._small_catalogue

    def _header(self, text: str) -> Catalogue:
        try:
            info, raw, errors = structure_header(json.loads(text), documents_key=False)
            popular = sorted({str(i) for _, ids in raw for i in ids})
            docnos = self._connection.column(
                "SELECT docno FROM documents WHERE id IN (SELECT value FROM json_each(?))"
                " ORDER BY docno",
                (json.dumps(popular),),
            )
            return catalogue_from_parts(info, raw, self.documents.many(docnos), errors)
        except (CatalogueLoadError, ValueError) as exc:
            raise StoreError(f"unreadable catalogue header ({exc})", str(self.path)) from None

    @property
    def connection(self) -> Connection:
        """The store's SQLite connection (shared; one statement at a time)."""
        return self._connection

    @property
    def info(self) -> Any:
        """What the catalogue is (a :class:`~sinosoviet_docs.CatalogueInfo`)."""
        return self._small.info

    @property
    def collections(self) -> tuple[Collection, ...]:
        """The catalogue's collections, their popular documents read from the store."""
        return self._small.collections

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Document):
            return self.get(item.id) == item
        return isinstance(item, str) and bool(self._docno(item))

    def __getitem__(self, document_id: str) -> Document:
        return self.document(document_id)

    def __repr__(self) -> str:
        return (
            f"<StoredCatalogue {str(self.path)!r} documents={len(self)} "
            f"collections={len(self.collections)}>"
        )

    def __enter__(self) -> StoredCatalogue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store's connection (queries made before cannot run any more)."""
        self._connection.raw.close()

    def _docno(self, document_id: str) -> list[int]:
        return self._connection.column("SELECT docno FROM documents WHERE id = ?", (document_id,))

    def document(self, document_id: str) -> Document:
        """The document with this id; :class:`~sinosoviet_docs.DocumentNotFoundError` if none."""
        found = self.get(document_id)
        if found is None:
            raise DocumentNotFoundError(document_id)
        return found

    def find(self, key: str) -> Document:
        """The one document ``key`` names, as :meth:`Catalogue.find
        <sinosoviet_docs.Catalogue.find>` finds it (its keys are read once, on first use)."""
        from .._lookup import find

        return find(self, key)

    def get(self, document_id: str) -> Document | None:
        """The document with this id, or ``None``."""
        docnos = self._docno(document_id)
        return self.documents[docnos[0]] if docnos else None

    def collection(self, key: str) -> Collection:
        """A collection by slug (current or former) or exact title, as in a catalogue."""
        return self._small.collection(key)

    def documents_in(self, collection: str) -> tuple[Document, ...]:
        """The documents this catalogue knows in a collection (slug or title), in order."""
        slug = self.collection(collection).slug
        docnos = self._connection.column(
            f"SELECT docno FROM collections WHERE {link_ids('value')} ORDER BY docno", (slug,)
        )
        return tuple(self.documents.many(docnos))

    def query(self) -> Query:
        """A query over all documents, run as SQL on the store (see :class:`Query`)."""
        return _query_class()(catalogue=self)

    def search(self, text: str, *, aliases: bool = True) -> Query:
        """Documents matching a search string, best first (same as ``query().search(text)``)."""
        return _query_class()(catalogue=self).search(text, aliases=aliases)

    def to_catalogue(self) -> Catalogue:
        """The whole catalogue read into memory (read once, then kept)."""
        if self._whole is None:
            self._whole = Catalogue(
                documents=list(self.documents),
                collections=self._small.collections,
                info=self._small.info,
            )
        return self._whole

    @property
    def names(self) -> CatalogueNames:
        """The names tools over this catalogue (see :attr:`Catalogue.names`); reads it all."""
        return self.to_catalogue().names

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the catalogue to ``path``: a store, JSON or JSON Lines by its suffix."""
        from ..io import dump

        dump(self.to_catalogue(), path)


@functools.cache
def _store_index() -> type[StoreIndex]:
    """The SQL executor's index class, imported on first use (with the search modules)."""
    from ._sql import StoreIndex

    return StoreIndex


@functools.cache
def _query_class() -> type[Query]:
    """:class:`~sinosoviet_docs.Query`, imported on first use (it imports this module's
    caller) and then kept, as a store's queries are made by the thousand."""
    from ..query import Query

    return Query


def _check(meta: dict[str, str], path: str) -> None:
    if meta.get("kind") != KIND:
        raise StoreError(f"not a sinosoviet_docs store (meta.kind is {meta.get('kind')!r})", path)
    version = meta.get("schema_version", "")
    if not (version.isascii() and version.isdigit()):
        raise StoreError(f"store schema {version!r} is not a schema version", path)
    if int(version) > SCHEMA_VERSION:
        raise StoreError(
            f"store schema {version} is newer than this library reads ({SCHEMA_VERSION}); "
            "upgrade sinosoviet-docs",
            path,
        )
    if int(version) < SCHEMA_VERSION:
        raise StoreError(
            f"store schema {version} is older than this library reads ({SCHEMA_VERSION}); "
            "build the store again from its catalogue (sinosoviet-docs load CATALOGUE --out FILE)",
            path,
        )
    if "documents" not in meta or "header" not in meta:
        raise StoreError(f"store schema {version!r} is not one this library reads", path)
