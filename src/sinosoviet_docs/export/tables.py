"""Flat tables: one row a document as records, CSV, JSON Lines, pandas, Arrow and Parquet.

Every table has the columns of :data:`COLUMNS`; :func:`to_dataframe`,
:func:`to_arrow` and :func:`to_parquet` also give exploded tables (document ×
person, place or topic). pandas and pyarrow are optional extras, imported only
when those functions are called.

>>> to_records(Document(id="x", title="T", people=("A", "B")))[0]["people"]
'A; B'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from typing import Any, Literal

from ..models import Document
from ._cite import _Docs, as_documents, cite, stable_url
from ._extras import require

__all__ = [
    "COLUMNS",
    "Table",
    "to_arrow",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "to_parquet",
    "to_records",
]

Table = Literal["documents", "people", "places", "topics"]

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
    date = doc.date
    return {
        "id": doc.id,
        "record_id": doc.record_id,
        "title": doc.title,
        "date": None if date is None else str(date),
        "date_display": None if date is None else date.display(),
        "date_precision": None if date is None else date.precision,
        "date_earliest": None if date is None else date.earliest.isoformat(),
        "date_latest": None if date is None else date.latest.isoformat(),
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


def to_csv(docs: _Docs) -> str:
    """CSV text with a header row of :data:`COLUMNS` (RFC 4180 quoting, ``\\r\\n`` lines)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(to_records(docs))
    return buffer.getvalue()


def to_jsonl(docs: _Docs) -> str:
    """JSON Lines: one :func:`to_records` object a line, keys in :data:`COLUMNS` order."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_records(docs))


_EXPLODED: dict[str, tuple[str, Callable[[Document], tuple[str, ...]]]] = {
    "people": ("person", lambda d: d.people),
    "places": ("place", lambda d: d.places),
    "topics": ("topic", lambda d: d.topics),
}


def _table_rows(docs: list[Document], table: Table) -> tuple[list[str], list[dict[str, Any]]]:
    """Column names and rows of one table."""
    if table == "documents":
        return list(COLUMNS), to_records(docs)
    if table not in _EXPLODED:
        raise ValueError(
            f"unknown table {table!r}; expected 'documents', 'people', 'places' or 'topics'"
        )
    column, values = _EXPLODED[table]
    rows = [
        {"document_id": d.id, "position": position, column: value}
        for d in docs
        for position, value in enumerate(values(d), start=1)
    ]
    return ["document_id", "position", column], rows


def to_dataframe(docs: _Docs, table: Table = "documents") -> Any:
    """A pandas DataFrame: the documents (columns :data:`COLUMNS`) or an exploded table.

    ``table="people"`` (``"places"``, ``"topics"``) gives one row per document
    and person with columns ``document_id``, ``position`` (1-based, in the
    document's order) and ``person`` (``place``, ``topic``). In the documents
    table ``date_earliest`` and ``date_latest`` are datetimes and ``record_id``
    a nullable integer. Needs ``pip install 'sinosoviet-docs[pandas]'``.
    """
    pd = require("pandas", "pandas")
    columns, rows = _table_rows(as_documents(docs), table)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    if table == "documents":
        for name in ("date_earliest", "date_latest"):
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        frame["record_id"] = frame["record_id"].astype("Int64")
    else:
        frame["position"] = frame["position"].astype("int64")
    return frame


def _arrow_schema(pa: Any, table: Table) -> Any:
    if table == "documents":
        types = {"record_id": pa.int64(), "date_earliest": pa.date32(), "date_latest": pa.date32()}
        return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
    column = _EXPLODED[table][0]
    return pa.schema(
        [("document_id", pa.string()), ("position", pa.int32()), (column, pa.string())]
    )


def to_arrow(docs: _Docs, table: Table = "documents") -> Any:
    """A pyarrow Table with the columns of :func:`to_dataframe` (dates as ``date32``).

    DuckDB, Polars and Spark read it as it is. Needs
    ``pip install 'sinosoviet-docs[arrow]'``.
    """
    pa = require("pyarrow", "arrow")
    import datetime

    columns, rows = _table_rows(as_documents(docs), table)
    schema = _arrow_schema(pa, table)
    data: dict[str, list[Any]] = {name: [row[name] for row in rows] for name in columns}
    if table == "documents":
        for name in ("date_earliest", "date_latest"):
            data[name] = [None if v is None else datetime.date.fromisoformat(v) for v in data[name]]
    return pa.Table.from_pydict(data, schema=schema)


def to_parquet(docs: _Docs, path: str | os.PathLike[str], table: Table = "documents") -> Any:
    """Write :func:`to_arrow`'s table to a Parquet file and return the table.

    Needs ``pip install 'sinosoviet-docs[arrow]'``.
    """
    arrow_table = to_arrow(docs, table)
    parquet = require("pyarrow.parquet", "arrow")
    parquet.write_table(arrow_table, os.fspath(path))
    return arrow_table
