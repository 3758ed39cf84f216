"""The store's layout: its tables, its version, and the token text both engines read.

A store is one SQLite file. ``documents`` holds every field of every
document, one row a document numbered in catalogue order (``docno``), the
fields holding several values as JSON arrays; link tables hold one row per
document and name, place, topic, language, collection or correspondent, each
value an id in ``link_values`` (which holds it once, with its folded key); two
FTS5 tables index the text (``search`` our own tokens, for the query engine;
``documents_fts`` the printed text with every form of each person named, for
plain clients such as Datasette); ``meta`` says what the file is.

>>> token_text("Cable, Zhou Enlai to Filippov [Stalin]")
'cable zhou enlai to filippov stalin'
"""

from __future__ import annotations

import attrs

from .._text import tokenize
from ..exceptions import CatalogueLoadError
from ..io import STORE_SUFFIXES, is_store_path
from ..models import Document

__all__ = [
    "INDEXES",
    "JSON_COLUMNS",
    "KIND",
    "LINKS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SEARCH_COLUMNS",
    "STORE_SUFFIXES",
    "StoreError",
    "document_columns",
    "is_store_path",
    "link_ids",
    "token_text",
]

#: What ``meta.kind`` says in a store written by this library.
KIND = "sinosoviet_docs.store"
#: The layout version; a newer one is refused with :class:`StoreError`, an older one
#: too (with the advice to build it again).
SCHEMA_VERSION = 2
#: The columns of both FTS5 tables, in the order of the in-memory index's fields.
SEARCH_COLUMNS = ("title", "summary", "text", "names")

#: Fields of a document stored as JSON arrays (every tuple field).
JSON_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in attrs.fields(Document) if str(f.type).startswith("tuple")
)


def document_columns() -> tuple[str, ...]:
    """The columns of ``documents`` holding a document's fields, in the class's order."""
    return tuple(f.name for f in attrs.fields(Document))


#: Link table -> (the value it holds, its extra column or None). Each value is
#: written once, in ``link_values``; a link table's ``value`` column is its id.
LINKS: dict[str, tuple[str, str | None]] = {
    "people": ("name", "role"),
    "places": ("name", None),
    "topics": ("topic", None),
    "languages": ("language", None),
    "collections": ("slug", None),
    "correspondence": ("name", "role"),
}


def link_ids(key: str = "key") -> str:
    """The condition keeping a link table's rows whose value's ``key`` column is the parameter.

    >>> link_ids()
    'value IN (SELECT id FROM link_values WHERE key = ?)'
    """
    return f"value IN (SELECT id FROM link_values WHERE {key} = ?)"


# The engine's FTS5 table reads text that is already our tokens joined by spaces:
# unicode61 keeps letters and digits together and splits at the spaces, so it sees
# exactly our tokens (folded already; remove_diacritics 0 leaves them as they are).
_ENGINE_TOKENIZER = "unicode61 remove_diacritics 0"
_PLAIN_TOKENIZER = "unicode61 remove_diacritics 2"


def _schema() -> str:
    fields = []
    for name in document_columns():
        kind = "INTEGER" if name == "record_id" else "TEXT"
        required = " NOT NULL" if name in ("id", "title") else ""
        fields.append(f"    {name} {kind}{required}")
    derived = [
        "    date_display TEXT",
        "    year INTEGER",
        "    month INTEGER",
        "    earliest TEXT",
        "    latest TEXT",
        "    earliest_day INTEGER",
        "    latest_day INTEGER",
        "    type_key TEXT",
        "    tokens INTEGER NOT NULL",
        "    citation TEXT",
    ]
    links = []
    for table, (_, extra) in LINKS.items():
        # Clustered by (value, docno): a filter reads one range a value, and no index is kept.
        more = f", {extra} TEXT NOT NULL" if extra else ""
        links.append(
            f"CREATE TABLE {table} (value INTEGER NOT NULL REFERENCES link_values(id), "
            "docno INTEGER NOT NULL REFERENCES documents(docno), position INTEGER NOT NULL"
            f"{more}, PRIMARY KEY (value, docno, position)) WITHOUT ROWID;\n"
        )
    columns = ", ".join(SEARCH_COLUMNS)
    return (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
        "CREATE TABLE documents (\n    docno INTEGER PRIMARY KEY,\n"
        + ",\n".join(fields + derived)
        + "\n);\n"
        "CREATE TABLE link_values (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
        "value TEXT NOT NULL UNIQUE);\n"
        "CREATE INDEX link_values_key ON link_values(key);\n"
        + "".join(links)
        + f"CREATE VIRTUAL TABLE search USING fts5({columns}, content='', "
        f"tokenize='{_ENGINE_TOKENIZER}');\n"
        f"CREATE VIRTUAL TABLE documents_fts USING fts5({columns}, content='', "
        f"tokenize='{_PLAIN_TOKENIZER}');\n"
        # The engine's vocabulary, read in place (a virtual table: nothing stored), so
        # that a prefix is expanded without making a temporary table on each connection.
        "CREATE VIRTUAL TABLE search_terms USING fts5vocab(search, 'row');\n"
    )


#: The statements that make an empty store.
SCHEMA = _schema()
#: The indexes on ``documents``, made once its rows are in (sorting once is faster
#: than keeping them in order row by row).
INDEXES = (
    "CREATE UNIQUE INDEX documents_id ON documents(id);\n"
    "CREATE INDEX documents_earliest ON documents(earliest_day);\n"
    "CREATE INDEX documents_latest ON documents(latest_day);\n"
    "CREATE INDEX documents_year ON documents(year);\n"
    "CREATE INDEX documents_type ON documents(type_key);\n"
)


def token_text(text: str | None) -> str:
    """Text as the engine's FTS5 table reads it: our tokens joined by spaces."""
    return " ".join(tokenize(text)) if text else ""


class StoreError(CatalogueLoadError):
    """A file that is no store of this library: foreign, corrupt, or of a newer schema.

    >>> str(StoreError("not a SQLite database", "x.sqlite"))
    'x.sqlite: not a SQLite database'
    """

    def __init__(self, reason: str, path: str) -> None:
        self.path = path
        super().__init__([reason], source=path)
