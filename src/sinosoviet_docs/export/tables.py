"""Flat tables: one row a document as records, CSV, JSON Lines, pandas, Arrow and Parquet.

Every documents table has the columns of :data:`COLUMNS`; :func:`to_dataframe`,
:func:`to_arrow` and :func:`to_parquet` also give the tables of :data:`TABLES`:
document × person (with the person's role and where it was read), one row a
message (who wrote to whom), document × place, topic and collection. pandas
and pyarrow are optional extras, imported only when those functions are called.

>>> to_records(Document(id="x", title="T", people=("A", "B")))[0]["people"]
'A; B'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from typing import Any, Literal, get_args

from ..models import Document
from ._cite import _Docs, _title_author, as_documents, cite, stable_url
from ._dates import date_columns
from ._extras import require

__all__ = [
    "COLUMNS",
    "TABLES",
    "Table",
    "people_rows",
    "to_arrow",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "to_parquet",
    "to_records",
]

Table = Literal["documents", "people", "correspondence", "places", "topics", "collections"]
#: The tables :func:`to_dataframe`, :func:`to_arrow` and :func:`to_parquet` give.
TABLES: tuple[str, ...] = get_args(Table)

#: The columns of :func:`to_records`, :func:`to_csv`, :func:`to_jsonl` and the
#: documents table of :func:`to_dataframe` / :func:`to_arrow`, in this order.
#: Fields holding several values are joined with ``"; "``; a value no source
#: gave is ``None`` (an empty CSV cell).
COLUMNS: tuple[str, ...] = (
    "id",
    "record_id",
    "title",
    "date",
    "date_display",
    "date_precision",
    "date_earliest",
    "date_latest",
    "type",
    "languages",
    "authors",
    "people",
    "places",
    "topics",
    "source",
    "original_archive",
    "credits",
    "collections",
    "url",
    "citation",
    "rights",
    "classification",
    "uploaded",
    "donors",
    "contributors",
    "summary",
    "text",
)

_JOIN = "; "


def _joined(values: Sequence[str]) -> str | None:
    return _JOIN.join(values) if values else None


def _record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "record_id": doc.record_id,
        "title": doc.title,
        **date_columns(doc.date),
        "type": doc.type,
        "languages": _joined(doc.languages),
        "authors": _joined(doc.authors),
        "people": _joined(doc.people),
        "places": _joined(doc.places),
        "topics": _joined(doc.topics),
        "source": doc.source,
        "original_archive": doc.original_archive,
        "credits": doc.credits,
        "collections": _joined(doc.collections),
        "url": stable_url(doc),
        "citation": cite(doc),
        "rights": doc.rights,
        "classification": doc.classification,
        "uploaded": None if doc.uploaded is None else str(doc.uploaded),
        "donors": _joined(doc.donors),
        "contributors": _joined(doc.contributors),
        "summary": doc.summary,
        "text": doc.text,
    }


def to_records(docs: _Docs) -> list[dict[str, Any]]:
    """One flat dict a document with the keys of :data:`COLUMNS` (no extra needed).

    Values are ``str``, ``int`` or ``None``: dates in EDTF (``date``), as
    printed (``date_display``) and as ISO bounds (``date_earliest``,
    ``date_latest``); several values joined by ``"; "``; ``url`` the stable
    address; ``citation`` the :func:`~sinosoviet_docs.export.cite` note.

    >>> import sinosoviet_docs as ssd
    >>> row = to_records(ssd.load()["112088"])[0]
    >>> row["date"], row["date_display"], row["date_earliest"], row["type"]
    ('1959-10-02', 'October 2, 1959', '1959-10-02', None)
    """
    return [_record(d) for d in as_documents(docs)]


#: What a spreadsheet takes for the start of a formula (or a cell it may run as one).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_csv(docs: _Docs, *, spreadsheet_safe: bool = True) -> str:
    """CSV text with a header row of :data:`COLUMNS` (RFC 4180 quoting, ``\\r\\n`` lines).

    Titles and summaries come from scrapes and page captures, so a cell may
    begin like a formula (``=HYPERLINK(...)``, ``+cmd|...``), which a
    spreadsheet opening the file would run. With ``spreadsheet_safe`` (the
    default) a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or
    a carriage return gets a single quote in front: the one change this
    library ever makes to the text it exports. ``spreadsheet_safe=False``
    writes every cell exactly as it is (JSON Lines, RIS, BibTeX and CSL-JSON
    are always exact).

    >>> import csv, io
    >>> doc = Document(id="x", title="=1+2", summary="@SUM(A1:A9)")
    >>> row = next(csv.DictReader(io.StringIO(to_csv(doc))))
    >>> row["title"], row["summary"]
    ("'=1+2", "'@SUM(A1:A9)")
    >>> row = next(csv.DictReader(io.StringIO(to_csv(doc, spreadsheet_safe=False))))
    >>> row["title"], row["summary"]
    ('=1+2', '@SUM(A1:A9)')
    """
    import csv
    import io

    records = to_records(docs)
    if spreadsheet_safe:
        records = [{k: _spreadsheet_safe(v) for k, v in r.items()} for r in records]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def _spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, with a quote in front."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_jsonl(docs: _Docs) -> str:
    """JSON Lines: one :func:`to_records` object a line, keys in :data:`COLUMNS` order."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_records(docs))


_EXPLODED: dict[str, tuple[str, Callable[[Document], tuple[str, ...]]]] = {
    "places": ("place", lambda d: d.places),
    "topics": ("topic", lambda d: d.topics),
    "collections": ("collection", lambda d: d.collections),
}

#: The columns of the people table: one row per document, person and role.
PEOPLE_COLUMNS = ("document_id", "position", "person", "person_id", "role", "read_from")
#: The columns of the correspondence table: one row a message whose title says who wrote.
CORRESPONDENCE_COLUMNS = (
    "document_id",
    "record_id",
    "senders",
    "recipients",
    "via",
    "number",
    "date",
    "date_display",
    "date_precision",
    "date_earliest",
    "date_latest",
)
#: Columns of several names: lists in Arrow, Parquet and pandas, "; "-joined in records.
_LIST_COLUMNS = frozenset(
    {"languages", "authors", "people", "places", "topics", "collections", "donors"}
    | {"contributors", "senders", "recipients", "via"}
)


def _person_id(name: str) -> tuple[str, str | None]:
    """The authority's name and id for a person's name, else the name as written and None."""
    from ._names import person_name

    person = person_name(name)
    if person is None:
        return name, None
    return person.name, person.id


def people_rows(doc: Document) -> list[dict[str, Any]]:
    """The people table's rows of one document: each person once a role, in order.

    Roles: ``author`` and ``mentioned`` read from the document's metadata
    (``authors``, ``people``); ``sender``, ``recipient``, ``intermediary`` and
    ``participant`` read from the title (:attr:`Document.correspondence`), an
    ``author`` whose name opens the title, and everyone else the title
    ``mentioned``. Places are left out; a body ("CPSU Central Committee") is kept
    with no ``person_id``.

    >>> doc = Document(id="x", title="Telegram from Filippov [Stalin] to Mao Zedong")
    >>> [(r["person"], r["role"], r["read_from"]) for r in people_rows(doc)]
    [('Joseph Stalin', 'sender', 'title'), ('Mao Zedong', 'recipient', 'title')]
    """
    from ..names import people
    from ._names import is_place

    found: list[tuple[str, str, str]] = [
        *((name, "author", "metadata") for name in doc.authors),
        *((name, "mentioned", "metadata") for name in doc.people),
    ]
    corr = doc.correspondence
    if corr is not None:
        for role, names in (
            ("sender", corr.senders),
            ("recipient", corr.recipients),
            ("intermediary", corr.intermediaries),
            ("participant", corr.participants),
        ):
            found.extend((name, role, "title") for name in names)
    found.extend((name, "author", "title") for name in _title_author(doc.title))
    seen: set[tuple[str, str]] = set()
    named: set[str] = set()
    rows: list[dict[str, Any]] = []

    def add(name: str, role: str, read_from: str) -> None:
        person, person_id = _person_id(name)
        key = person_id or person
        if (key, role) in seen or is_place(name):
            return
        seen.add((key, role))
        named.add(key)
        rows.append(
            {
                "document_id": doc.id,
                "position": len(rows) + 1,
                "person": person,
                "person_id": person_id,
                "role": role,
                "read_from": read_from,
            }
        )

    for name, role, read_from in found:
        add(name, role, read_from)
    for mentioned in people.mentions(doc.title, date=doc.date):
        if mentioned.id not in named:
            add(mentioned.name, "mentioned", "title")
    return rows


def _correspondence_rows(doc: Document) -> list[dict[str, Any]]:
    corr = doc.correspondence
    if corr is None or corr.kind != "message":
        return []
    return [
        {
            "document_id": doc.id,
            "record_id": doc.record_id,
            "senders": list(corr.senders),
            "recipients": list(corr.recipients),
            "via": list(corr.intermediaries),
            "number": corr.number,
            **date_columns(doc.date),
        }
    ]


def _table_rows(docs: list[Document], table: Table) -> tuple[list[str], list[dict[str, Any]]]:
    """Column names and rows of one table."""
    if table == "documents":
        return list(COLUMNS), to_records(docs)
    if table == "people":
        return list(PEOPLE_COLUMNS), [row for d in docs for row in people_rows(d)]
    if table == "correspondence":
        return list(CORRESPONDENCE_COLUMNS), [row for d in docs for row in _correspondence_rows(d)]
    if table not in _EXPLODED:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    column, values = _EXPLODED[table]
    rows = [
        {"document_id": d.id, "position": position, column: value}
        for d in docs
        for position, value in enumerate(values(d), start=1)
    ]
    return ["document_id", "position", column], rows


def to_dataframe(docs: _Docs, table: Table = "documents") -> Any:
    """A pandas DataFrame: the documents (columns :data:`COLUMNS`) or another of :data:`TABLES`.

    - ``"people"``: one row per document, person and role, with columns
      ``document_id``, ``position`` (1-based, in the document's order),
      ``person`` (the authority's name when it knows the person),
      ``person_id`` (the authority's id, else empty), ``role`` (author,
      sender, recipient, intermediary, participant, mentioned) and
      ``read_from`` (``metadata`` or ``title``), as :func:`people_rows` gives.
    - ``"correspondence"``: one row a message whose title says who wrote:
      ``senders``, ``recipients`` and ``via`` (lists of names), the cable
      ``number``, and the date as EDTF, as printed, its precision and bounds.
    - ``"places"``, ``"topics"``, ``"collections"``: one row per document and
      value with ``document_id``, ``position`` and ``place`` (``topic``,
      ``collection``).

    Date bounds are datetimes and ``record_id`` a nullable integer. Needs
    ``pip install 'sinosoviet-docs[pandas]'``.
    """
    pd = require("pandas", "pandas")
    columns, rows = _table_rows(as_documents(docs), table)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for name in ("date_earliest", "date_latest"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
    if "record_id" in frame:
        frame["record_id"] = frame["record_id"].astype("Int64")
    if "position" in frame:
        frame["position"] = frame["position"].astype("int64")
    return frame


def _arrow_schema(pa: Any, columns: Sequence[str]) -> Any:
    types = {
        "record_id": pa.int64(),
        "position": pa.int32(),
        "date_earliest": pa.date32(),
        "date_latest": pa.date32(),
    }
    return pa.schema(
        [
            (name, pa.list_(pa.string()) if name in _LIST_COLUMNS else types.get(name, pa.string()))
            for name in columns
        ]
    )


def _arrow_value(name: str, value: Any, source: Document | None) -> Any:
    """A column's value as Arrow takes it: dates as dates, lists of names as lists."""
    import datetime

    if name in ("date_earliest", "date_latest"):
        return None if value is None else datetime.date.fromisoformat(value)
    if name in _LIST_COLUMNS and source is not None:
        return list(getattr(source, name))
    return value


def to_arrow(docs: _Docs, table: Table = "documents") -> Any:
    """A pyarrow Table of one of :data:`TABLES`, with the columns of :func:`to_dataframe`.

    Columns of several names (``languages``, ``authors``, ``people``,
    ``places``, ``topics``, ``collections``, ``donors``, ``contributors``;
    ``senders``, ``recipients``, ``via``) are real ``list<string>`` columns
    (DuckDB's ``UNNEST`` takes them as they are), date bounds ``date32``,
    record ids ``int64``. DuckDB, Polars and Spark read it as it is. Needs
    ``pip install 'sinosoviet-docs[arrow]'``.
    """
    pa = require("pyarrow", "arrow")
    documents = as_documents(docs)
    columns, rows = _table_rows(documents, table)
    sources: list[Document | None] = list(documents) if table == "documents" else [None] * len(rows)
    data: dict[str, list[Any]] = {
        name: [_arrow_value(name, row[name], doc) for row, doc in zip(rows, sources, strict=True)]
        for name in columns
    }
    return pa.Table.from_pydict(data, schema=_arrow_schema(pa, columns))


def to_parquet(docs: _Docs, path: str | os.PathLike[str], table: Table = "documents") -> Any:
    """Write :func:`to_arrow`'s table to a Parquet file and return the table.

    Needs ``pip install 'sinosoviet-docs[arrow]'``.
    """
    arrow_table = to_arrow(docs, table)
    parquet = require("pyarrow.parquet", "arrow")
    parquet.write_table(arrow_table, os.fspath(path))
    return arrow_table
