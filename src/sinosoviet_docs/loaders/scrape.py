"""The archive scrape table: the public scraper's SQLite database or its CSV export.

Every column of the ``documents`` table maps to a :class:`~sinosoviet_docs.Document`
field; the user's full text and summary are kept:

=========================  ==============================================
column                     field
=========================  ==============================================
record_id                  ``record_id`` and ``id`` (``Document.make_id``)
title                      ``title``
original_publication_date  ``date`` (:meth:`PartialDate.parse`), the printed
                           form in ``dates_printed``
text_body, summary         ``text``, ``summary``
credits, rights, source    ``credits``, ``rights``, ``source``
original_classification    ``classification``
original_archive_title     ``original_archive``
original_upload_date       ``uploaded``
document_url               ``url`` and the provenance's ``urls``
authors, donors            ``authors``, ``donors``
associated_places          ``places``
subjects_discussed         ``topics``
associated_people_orgs     ``people``
document_contributors      ``contributors``
language                   ``languages``
scraped_at                 provenance ``retrieved``
page_number, page_position provenance ``page`` and ``position``
=========================  ==============================================

JSON-array columns become tuples; a value that is not JSON (it does not start
with ``[``) is taken as one value. Older databases without ``page_number``
and ``document_contributors`` load. Without a record id, the id is the date
and title slug; when two rows of different addresses share it, the later one
gets the last segment of its address appended.

Rows are streamed (SQLite cursor, CSV reader): memory beyond the catalogue
itself stays constant. A row that cannot be read fully is *not skipped
silently*: the fields that could be read are kept, and each problem is a
:class:`~sinosoviet_docs.loaders.LoadProblem` with its row and column.
:func:`load_scrape_report` returns them; :func:`load_scrape` issues a
:class:`~sinosoviet_docs.exceptions.LoadWarning` naming them; ``strict=True``
raises :class:`~sinosoviet_docs.exceptions.ScrapeLoadError` at the first one.
A row without a title cannot become a document: it is reported the same way.
Rows with the same record id (or the same address) are merged into one document.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any

import attrs

from .. import _json, _urls
from .._decode import whole_number
from ..dates import PartialDate
from ..exceptions import DateParseError, ScrapeLoadError
from ..models import Catalogue, CatalogueInfo, Document, Provenance, slugify
from ._input import first_bad_utf8, is_sqlite
from .problems import LoadProblem, LoadReport, warn_problems

__all__ = ["COLUMNS", "Progress", "load_scrape", "load_scrape_report"]

#: ``progress(rows_done, rows_total)``; the total is ``None`` when unknown (CSV).
Progress = Callable[[int, "int | None"], None]

#: The columns of the scraper's ``documents`` table, in its order.
COLUMNS = (
    "document_url",
    "page_number",
    "page_position",
    "original_publication_date",
    "title",
    "credits",
    "text_body",
    "summary",
    "authors",
    "associated_places",
    "subjects_discussed",
    "associated_people_orgs",
    "document_contributors",
    "source",
    "original_upload_date",
    "original_archive_title",
    "language",
    "rights",
    "record_id",
    "original_classification",
    "donors",
    "scraped_at",
)
_REQUIRED = ("title",)
_ARRAYS = {
    "authors": "authors",
    "associated_places": "places",
    "subjects_discussed": "topics",
    "associated_people_orgs": "people",
    "document_contributors": "contributors",
    "language": "languages",
    "donors": "donors",
}
_TEXTS = {
    "text_body": "text",
    "summary": "summary",
    "credits": "credits",
    "rights": "rights",
    "source": "source",
    "original_classification": "classification",
    "original_archive_title": "original_archive",
}
_PROGRESS_EVERY = 500


class _Row:
    """One row being read: collects its problems as it goes."""

    __slots__ = ("number", "problems", "source", "values")

    def __init__(self, values: Mapping[str, Any], number: int, source: str) -> None:
        self.values = values
        self.number = number
        self.source = source
        self.problems: list[LoadProblem] = []
        blobs = [column for column, value in values.items() if type(value) is bytes]
        if blobs:  # SQLite BLOBs: bytes are no text, and their repr is not the value
            self.values = {c: None if c in blobs else v for c, v in values.items()}
            for column in blobs:
                self.problem(column, "expected text, found a BLOB; not loaded", values[column])

    def problem(self, column: str | None, message: str, text: object = None) -> None:
        self.problems.append(
            LoadProblem(
                source=self.source,
                row=self.number,
                column=column,
                message=message,
                text=None if text is None else str(text),
            )
        )

    def text(self, column: str) -> str | None:
        value = self.values.get(column)
        if value is None or value == "":  # a number 0 is a value
            return None
        if type(value) is not str:
            value = str(value)
        # Most values start with a visible character: skip the strip() then.
        if value[0].isspace() or value[-1].isspace():
            return value if value.strip() else None
        return value

    def integer(self, column: str) -> int | None:
        value = self.values.get(column)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number = whole_number(str(value).strip())
        if number is not None:
            return number
        self.problem(column, "expected a whole number", value)
        return None

    def array(self, column: str) -> tuple[str, ...]:
        raw = self.text(column)
        if raw is None:
            return ()
        stripped = raw if raw[0] == "[" else raw.strip()
        if stripped[0] != "[":
            return (stripped,)
        try:
            data = _json.parse(stripped)
        except _json.JsonProblem as exc:
            why = "invalid JSON" if exc.reason.startswith("invalid JSON") else exc.reason
            self.problem(column, f"expected a JSON array of strings ({why})", raw)
            return ()
        if type(data) is not list or any(type(x) is not str for x in data):
            self.problem(column, "expected a JSON array of strings", raw)
            return ()
        return tuple([x for x in data if x and not x.isspace()])

    def date(self, column: str) -> PartialDate | None:
        raw = self.text(column)
        if raw is None:
            return None
        try:
            return _parse_date(raw)
        except DateParseError as exc:
            self.problem(column, f"expected a date ({exc.reason})", raw)
            return None


@functools.lru_cache(maxsize=8192)
def _parse_date(text: str) -> PartialDate:
    """PartialDate.parse, remembered: a table repeats its dates, and dates are immutable."""
    return PartialDate.parse(text)


def _document(row: _Row) -> Document | None:
    title = row.text("title")
    url = row.text("document_url")
    date_text = row.text("original_publication_date")
    date = row.date("original_publication_date")
    raw_id = row.text("record_id")
    record_id: int | None = None
    if raw_id is not None:
        number = whole_number(raw_id.strip())
        if number:
            record_id = number
        else:
            row.problem("record_id", "expected the archive's record id (a positive number)", raw_id)
    if record_id is None:
        record_id = _urls.record_id(url)
    page = row.integer("page_number")
    position = row.integer("page_position")
    fields: dict[str, Any] = {field: row.text(column) for column, field in _TEXTS.items()}
    fields.update({field: row.array(column) for column, field in _ARRAYS.items()})
    uploaded = row.date("original_upload_date")
    if title is None:
        row.problem("title", "expected a title; the row cannot become a document", None)
        return None
    title = title.strip()
    return Document(
        id=Document.make_id(title=title, date=date, record_id=record_id),
        title=title,
        record_id=record_id,
        date=date,
        dates_printed=(date_text.strip(),) if date_text else (),
        uploaded=uploaded,
        url=url.strip() if url else None,
        provenance=(
            Provenance(
                source=f"{row.source} row {row.number}",
                urls=(url.strip(),) if url else (),
                retrieved=row.text("scraped_at"),
                page=page,
                position=position,
            ),
        ),
        **fields,
    )


_Rows = Generator[Mapping[str, Any], None, None]


def _sqlite_rows(
    path: Path, table: str, source: str
) -> tuple[tuple[str, ...], int | None, _Rows, Callable[[], None]]:
    import sqlite3

    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        columns = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})"))
        if not columns:
            raise ScrapeLoadError(f"no table {table!r} in this database", source=source)
        total = conn.execute(f"SELECT COUNT(*) FROM {_quote(table)}").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ScrapeLoadError(f"not a readable SQLite database ({exc})", source=source) from None
    except BaseException:
        conn.close()
        raise

    def rows() -> _Rows:
        try:
            cursor = conn.execute(f"SELECT * FROM {_quote(table)} ORDER BY rowid")
            names = [d[0] for d in cursor.description]
            for values in cursor:
                yield dict(zip(names, values, strict=True))
        except sqlite3.DatabaseError as exc:
            raise ScrapeLoadError(f"cannot read the table ({exc})", source=source) from None
        finally:
            conn.close()

    return columns, int(total), rows(), conn.close


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _csv_rows(
    path: Path, source: str
) -> tuple[tuple[str, ...], int | None, _Rows, Callable[[], None]]:
    import csv
    import sys

    handle = path.open("r", encoding="utf-8-sig", newline="")
    reader = csv.reader(handle)
    # Full texts exceed csv's default field limit of 128 kB (a header field may too).
    limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        header = tuple(next(reader))
    except StopIteration:
        handle.close()
        raise ScrapeLoadError("an empty CSV file (expected a header row)", source=source) from None
    except UnicodeDecodeError:
        handle.close()
        raise _undecodable(path, source) from None
    except csv.Error as exc:
        handle.close()
        raise ScrapeLoadError(f"malformed CSV header ({exc})", row=None, source=source) from None
    finally:
        csv.field_size_limit(limit)

    def rows() -> _Rows:
        limit = csv.field_size_limit()
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        try:
            for number, values in enumerate(reader, start=1):
                if len(values) != len(header) and any(values):
                    raise _RaggedRow(number, len(values), len(header))
                yield dict(zip(header, values, strict=False))
        except csv.Error as exc:
            raise ScrapeLoadError(
                f"malformed CSV ({exc})", row=reader.line_num, source=source
            ) from None
        except UnicodeDecodeError:
            raise _undecodable(path, source) from None
        finally:
            csv.field_size_limit(limit)
            handle.close()

    return header, None, rows(), handle.close


def _undecodable(path: Path, source: str) -> ScrapeLoadError:
    found = first_bad_utf8(path)
    where = (
        "" if found is None else f", found {found[2]!r} at line {found[0]}, byte offset {found[1]}"
    )
    return ScrapeLoadError(f"expected UTF-8 text{where}", source=source)


class _RaggedRow(Exception):
    def __init__(self, row: int, found: int, expected: int) -> None:
        self.row, self.found, self.expected = row, found, expected


def load_scrape_report(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    progress: Progress | None = None,
    table: str = "documents",
) -> LoadReport:
    """Read a scrape table and return a :class:`LoadReport`: the catalogue and every problem.

    ``path`` is the scraper's SQLite database or its CSV export (chosen by
    content: SQLite files start with their magic header). ``progress`` is
    called every few hundred rows and at the end with the rows done and the
    total (``None`` for CSV). ``strict=True`` raises
    :class:`~sinosoviet_docs.exceptions.ScrapeLoadError` at the first problem.
    """
    path = Path(path)
    source = str(path)
    if is_sqlite(path):
        columns, total, rows, close = _sqlite_rows(path, table, source)
    else:
        columns, total, rows, close = _csv_rows(path, source)
    try:
        return _read(rows, columns, total, source, table, strict=strict, progress=progress)
    finally:
        rows.close()
        close()


def _read(
    rows: _Rows,
    columns: tuple[str, ...],
    total: int | None,
    source: str,
    table: str,
    *,
    strict: bool,
    progress: Progress | None,
) -> LoadReport:
    problems: list[LoadProblem] = []
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise ScrapeLoadError(
            f"no column {', '.join(missing)} (columns found: {', '.join(columns) or 'none'})",
            column=missing[0],
            source=source,
        )
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for column in columns:
        if column in seen:
            repeated[column] = None
        seen.add(column)
    for column in repeated:
        problems.append(
            LoadProblem(
                source=source,
                column=column,
                message="a repeated column; only the values of its last one are loaded",
            )
        )
    for column in columns:
        if column not in COLUMNS:
            problems.append(
                LoadProblem(
                    source=source,
                    column=column,
                    message="a column this loader does not know; its values are not loaded",
                )
            )
    if strict and problems:
        raise ScrapeLoadError(problems[0].message, column=problems[0].column, source=source)
    docs: dict[str, list[Document]] = {}  # document id -> the rows of that document
    keys: dict[str, str] = {}  # record id or address -> document id
    count = 0
    try:
        for count, values in enumerate(rows, start=1):
            row = _Row(values, count, source)
            doc = _document(row)
            if row.problems:
                if strict:
                    first = row.problems[0]
                    raise ScrapeLoadError(
                        f"{first.message}" + (f" (found {first.text!r})" if first.text else ""),
                        row=count,
                        column=first.column,
                        source=source,
                        problems=row.problems,
                    )
                problems.extend(row.problems)
            if doc is not None:
                _add(docs, keys, doc)
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(count, total)
    except _RaggedRow as exc:
        raise ScrapeLoadError(
            f"expected {exc.expected} fields as in the header, found {exc.found}",
            row=exc.row,
            source=source,
        ) from None
    if progress is not None:
        progress(count, total)
    from ..merging import merge_many

    catalogue = Catalogue(
        documents=tuple(merge_many(group) for group in docs.values()),
        info=CatalogueInfo(
            title="Catalogue from the archive scrape table",
            sources=(f"{source}: {count} rows of the scrape table {table!r}",),
        ),
    )
    return LoadReport(catalogue=catalogue, problems=tuple(problems), rows=count)


def _add(docs: dict[str, list[Document]], keys: dict[str, str], doc: Document) -> None:
    """File ``doc`` with the rows of its record (merged at the end, see :func:`merge_many`)."""
    key = str(doc.record_id) if doc.record_id is not None else (doc.url or doc.id)
    known = keys.get(key)
    if known is not None:
        docs[known].append(doc)
        return
    if doc.id in docs:  # same date and title, another address: keep both apart
        tail = slugify((doc.url or "").rstrip("/").rpartition("/")[2]) or doc.provenance[0].source
        doc = attrs.evolve(doc, id=f"{doc.id}-{slugify(tail)}")
        n = 2
        base = doc.id
        while doc.id in docs:
            doc = attrs.evolve(doc, id=f"{base}-{n}")
            n += 1
    docs[doc.id] = [doc]
    keys[key] = doc.id


def load_scrape(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    progress: Progress | None = None,
    table: str = "documents",
) -> Catalogue:
    """A catalogue from the scraper's SQLite database or its CSV export.

    Problems are kept, not skipped silently: one
    :class:`~sinosoviet_docs.exceptions.LoadWarning` names them (use
    :func:`load_scrape_report` to get them as records), and ``strict=True``
    raises :class:`~sinosoviet_docs.exceptions.ScrapeLoadError` (a ValueError)
    with the row and column of the first.
    """
    report = load_scrape_report(path, strict=strict, progress=progress, table=table)
    warn_problems(str(path), report.problems)
    return report.catalogue
