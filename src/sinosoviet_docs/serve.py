"""A browsable web catalogue: a store served read-only on this machine by Datasette.

:func:`store_for` builds a store for a catalogue file (or the bundled
catalogue), or reuses the one built before from the same content (by its
hash, in :func:`cache_folder`); :func:`metadata` describes it for Datasette
(title, collections, source, rights, columns, facets, full-text search and
canned queries); :func:`serve` runs Datasette on ``127.0.0.1``. Nothing is
fetched from the network: Datasette serves its own pages and assets.
Needs ``pip install 'sinosoviet-docs[serve]'``.

>>> from sinosoviet_docs import Catalogue
>>> meta = metadata_for(Catalogue(), "archive")
>>> meta["databases"]["archive"]["tables"]["documents"]["fts_table"]
'documents_fts'
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._bundled import read_bundled
from .exceptions import MissingExtraError
from .io import is_store_path
from .models import ARCHIVE_URL

__all__ = ["cache_folder", "command", "metadata_for", "prepare", "serve", "store_for"]

#: Documents table columns, described for Datasette.
_COLUMNS = {
    "docno": "the document's number in catalogue (chronological) order",
    "id": "the document's stable id: its archive record id, else a date-and-title slug",
    "title": "the title as the archive prints it",
    "record_id": "the Wilson Center Digital Archive's record id",
    "date": "the date in EDTF (1950-02, 1958?, 1950-02/1950-06)",
    "date_display": "the date as the archive prints it",
    "year": "the year of the date",
    "earliest": "the first day the document may be from",
    "latest": "the last day the document may be from",
    "summary": "the archive's summary",
    "type": "the kind of document (Telegram, Memorandum of Conversation ...)",
    "languages": "the languages of the original (JSON array)",
    "authors": "the authors (JSON array)",
    "people": "the people the archive lists (JSON array)",
    "places": "the places the archive lists (JSON array)",
    "topics": "the subject headings (JSON array)",
    "collections": "the slugs of the collections holding it (JSON array)",
    "source": "the source citation (archive, fond, opis, delo, list)",
    "rights": "the rights statement, as the document states it",
    "citation": "a Chicago-style note citation",
    "text": "the translated text, where the archive gives it",
}


def cache_folder() -> Path:
    """Where built stores are kept: ``$SINOSOVIET_DOCS_CACHE``, else the user's cache folder."""
    found = os.environ.get("SINOSOVIET_DOCS_CACHE")
    if found:
        return Path(found)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sinosoviet-docs"


def store_for(catalogue: str | os.PathLike[str] | None = None, cache: Path | None = None) -> Path:
    """A store of the catalogue: the file itself if it is a store, else one built (or
    reused, by the hash of the catalogue's content and the store layout) in ``cache``."""
    from .store import SCHEMA_VERSION, save

    if catalogue is not None and is_store_path(catalogue):
        return Path(catalogue)
    if catalogue is None:
        content = read_bundled("catalogue.json")[0].encode("utf-8")
    else:
        content = Path(catalogue).read_bytes()
    digest = hashlib.sha256(content + f"\0store {SCHEMA_VERSION}".encode()).hexdigest()[:20]
    folder = cache or cache_folder()
    path = folder / digest / "archive.sqlite"
    if not path.exists():
        from .io import load, loads

        path.parent.mkdir(parents=True, exist_ok=True)
        save(load() if catalogue is None else loads(content), path)
    return path


def metadata_for(cat: Any, name: str) -> dict[str, Any]:
    """Datasette's metadata for a store of ``cat`` served as database ``name``."""
    described = [c.description for c in cat.collections if c.description]
    description = " ".join(described) or f"{len(cat.collections)} collections"
    documents = {
        "description": "One row a document, in chronological order (undated last).",
        "label_column": "title",
        "sort": "docno",
        "fts_table": "documents_fts",
        "fts_pk": "docno",
        "columns": _COLUMNS,
        "facets": [
            {"array": "collections"},
            "type",
            {"array": "people"},
            {"array": "places"},
            "year",
        ],
    }
    hidden = {"hidden": True}
    queries = {
        "messages_between": {
            "title": "Messages between two persons",
            "description": "Messages from either person to the other (names as in the "
            "correspondence table, any case), in date order.",
            "sql": (
                "SELECT d.docno, d.date_display, d.title, d.citation FROM documents AS d\n"
                "WHERE d.docno IN (\n"
                "  SELECT s.docno FROM correspondence AS s JOIN correspondence AS r\n"
                "    ON r.docno = s.docno AND r.role = 'recipient'\n"
                "  JOIN link_values AS sv ON sv.id = s.value\n"
                "  JOIN link_values AS rv ON rv.id = r.value\n"
                "  WHERE s.role = 'sender' AND (\n"
                "    (sv.key = lower(trim(:first)) AND rv.key = lower(trim(:second)))\n"
                "    OR (sv.key = lower(trim(:second)) AND rv.key = lower(trim(:first)))))\n"
                "ORDER BY d.docno"
            ),
        },
        "person_in_period": {
            "title": "Documents of a person in a period",
            "description": "Documents whose authors or people include the person (any case) "
            "and whose possible days lie between two dates (YYYY-MM-DD).",
            "sql": (
                "SELECT d.docno, d.date_display, d.title, d.citation FROM documents AS d\n"
                "WHERE d.docno IN (SELECT docno FROM people WHERE value IN\n"
                "    (SELECT id FROM link_values WHERE key = lower(trim(:person))))\n"
                "  AND d.earliest >= :start AND d.latest <= :end\n"
                "ORDER BY d.docno"
            ),
        },
    }
    return {
        "title": cat.info.title,
        "description": description,
        "source": "Wilson Center Digital Archive",
        "source_url": ARCHIVE_URL,
        "about": "Rights are as each document states (see its rights column)",
        "databases": {
            name: {
                "tables": {
                    "documents": documents,
                    # The link tables show each value id as the value it stands for.
                    "link_values": {"label_column": "value"},
                    "search": hidden,
                    "meta": hidden,
                    "documents_fts": hidden,
                    "search_terms": hidden,
                },
                "queries": queries,
            }
        },
    }


def command(store: Path, metadata: Path, port: int) -> list[str]:
    """The Datasette command line serving ``store`` read-only on 127.0.0.1:``port``."""
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "--immutable",
        str(store),
        "--metadata",
        str(metadata),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "default_page_size",
        "50",
    ]


def prepare(
    catalogue: str | os.PathLike[str] | None, port: int, cache: Path | None = None
) -> list[str]:
    """Build or reuse the store, write its metadata beside it, and give the command to run."""
    if importlib.util.find_spec("datasette") is None:
        raise MissingExtraError("datasette", "serve")
    from .store import open

    path = store_for(catalogue, cache)
    with open(path) as stored:
        meta = metadata_for(stored, path.stem)
    metadata = path.with_name(path.stem + ".datasette.json")
    metadata.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return command(path, metadata, port)


def serve(
    catalogue: str | os.PathLike[str] | None = None,
    port: int = 8001,
    cache: Path | None = None,
    announce: Callable[[str], object] | None = None,
) -> int:
    """Serve the catalogue's store with Datasette until interrupted; the exit status.

    ``announce`` is given the address once the store and its metadata are ready.
    """
    argv = prepare(catalogue, port, cache)
    if announce is not None:
        announce(f"http://127.0.0.1:{port}/")
    try:
        return subprocess.call(argv)
    except KeyboardInterrupt:
        return 0
