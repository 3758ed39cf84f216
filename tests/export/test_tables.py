"""Flat tables: records, CSV, JSON Lines, pandas, Arrow and Parquet."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.dates import PartialDate, parse_date
from sinosoviet_docs.models import Document

from ..strategies import documents
from . import readers
from .samples import doc_with


def test_records_have_the_documented_columns(bundled: ssd.Catalogue) -> None:
    """Every record has exactly the keys of COLUMNS, in that order."""
    records = bundled.query().to_records()
    assert {export.COLUMNS} == {tuple(r) for r in records}


@given(documents())
def test_records_are_flat(doc: Document) -> None:
    """Record values are only str, int or None."""
    (record,) = export.to_records(doc)
    assert set() == {k for k, v in record.items() if not isinstance(v, (str, int, type(None)))}


def test_records_join_several_values() -> None:
    """Several people are joined with "; "."""
    (record,) = export.to_records(doc_with(people=("Mao Zedong", "Joseph Stalin")))
    assert "Mao Zedong; Joseph Stalin" == record["people"]


def test_records_give_date_bounds_of_partial_dates() -> None:
    """A month date gives its first and last possible day."""
    (record,) = export.to_records(doc_with(date=PartialDate(year=1952, month=2)))
    expected = ("1952-02", "February 1952", "month", "1952-02-01", "1952-02-29")
    keys = ("date", "date_display", "date_precision", "date_earliest", "date_latest")
    assert expected == tuple(record[k] for k in keys)


def test_csv_reads_back_as_the_records(bundled: ssd.Catalogue) -> None:
    """The CSV has the header COLUMNS and one row a record (None as an empty cell)."""
    text = export.to_csv(bundled)
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = [
        {k: "" if v is None else str(v) for k, v in r.items()} for r in export.to_records(bundled)
    ]
    assert list(export.COLUMNS) == next(csv.reader(io.StringIO(text)))
    assert expected == rows


def test_jsonl_lines_are_the_records(bundled: ssd.Catalogue) -> None:
    """Each JSON line is one record, in order."""
    lines = export.to_jsonl(bundled).splitlines()
    assert export.to_records(bundled) == [json.loads(line) for line in lines]


def test_dataframe_has_the_columns_and_date_types(bundled: ssd.Catalogue) -> None:
    """The documents frame has COLUMNS, datetimes for the bounds and nullable record ids."""
    pd = pytest.importorskip("pandas")
    frame = bundled.query().to_dataframe()
    assert list(export.COLUMNS) == list(frame.columns)
    assert len(bundled) == len(frame)
    assert pd.api.types.is_datetime64_any_dtype(frame["date_earliest"])
    assert "Int64" == str(frame["record_id"].dtype)


def test_dataframe_people_table_is_exploded() -> None:
    """The people table has one row per document and person, in order."""
    pytest.importorskip("pandas")
    docs = [doc_with(id="a", people=("P", "Q")), doc_with(id="b"), doc_with(id="c", people=("R",))]
    frame = export.to_dataframe(docs, table="people")[["document_id", "position", "person"]]
    expected = [("a", 1, "P"), ("a", 2, "Q"), ("c", 1, "R")]
    assert expected == list(frame.itertuples(index=False, name=None))


def test_dataframe_unknown_table_is_an_error() -> None:
    """An unknown table name raises ValueError."""
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="unknown table 'persons'"):
        export.to_dataframe([], table="persons")  # type: ignore[arg-type]


def test_arrow_table_has_typed_columns(bundled: ssd.Catalogue) -> None:
    """The Arrow table has COLUMNS with date32 bounds and int64 record ids."""
    pa = pytest.importorskip("pyarrow")
    table = bundled.query().to_arrow()
    assert list(export.COLUMNS) == table.column_names
    assert (pa.date32(), pa.int64()) == (
        table.schema.field("date_earliest").type,
        table.schema.field("record_id").type,
    )


def test_open_ends_are_empty_bounds_in_arrow_and_pandas() -> None:
    """An open end of a range is a null date in Arrow and NaT in pandas, not a made-up day."""
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    docs = [
        doc_with(id="a", date=parse_date("1950/..")),
        doc_with(id="b", date=parse_date("../1959")),
    ]
    table = export.to_arrow(docs)
    frame = export.to_dataframe(docs)
    bounds = [table.column(name).to_pylist() for name in ("date_earliest", "date_latest")]
    assert [[datetime.date(1950, 1, 1), None], [None, datetime.date(1959, 12, 31)]] == bounds
    assert [[False, True], [True, False]] == [
        pd.isna(frame[name]).tolist() for name in ("date_earliest", "date_latest")
    ]


def test_parquet_reads_back(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """A Parquet file written by to_parquet reads back to the same table."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    table = bundled.query().to_parquet(path, table="topics")
    assert table.equals(pq.read_table(path))


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda: export.to_dataframe([]), "pandas"),
        ("pyarrow", lambda: export.to_arrow([]), "arrow"),
    ],
)
def test_missing_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, module: str, call: Any, extra: str
) -> None:
    """Without the optional package the error is an ImportError saying what to install."""
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(ImportError, match=re.escape(f"pip install 'sinosoviet-docs[{extra}]'")):
        call()


def test_people_table_of_the_bundled_catalogue_has_roles_and_sources(
    bundled: ssd.Catalogue,
) -> None:
    """The bundled catalogue's people table is not empty: senders, recipients and
    participants read from titles, one row per document, person and role."""
    pytest.importorskip("pandas")
    frame = bundled.to_dataframe(table="people")
    telegram = frame[frame["document_id"] == "110385"]
    expected = [
        ("Joseph Stalin", "stalin", "sender", "title"),
        ("Mao Zedong", "mao-zedong", "recipient", "title"),
    ]
    assert expected == list(
        telegram[["person", "person_id", "role", "read_from"]].itertuples(index=False, name=None)
    )
    assert {"sender", "recipient", "participant", "intermediary", "author", "mentioned"} == set(
        frame["role"]
    )
    assert not frame.duplicated(["document_id", "person", "role"]).any()


def test_people_rows_read_metadata_and_title_and_leave_out_places() -> None:
    """Authors and people from metadata come first, then the title's roles; a place is no one."""
    doc = doc_with(
        title="Secret Telegram No. 969/I - From Moscow to Warsaw",
        authors=("Stalin, Joseph, 1878-1953",),
        people=("Zhou Enlai",),
    )
    rows = [(r["person"], r["role"], r["read_from"]) for r in export.tables.people_rows(doc)]
    expected = [
        ("Joseph Stalin", "author", "metadata"),
        ("Zhou Enlai", "mentioned", "metadata"),
    ]
    assert expected == rows


def test_people_rows_count_a_heading_with_other_dates_as_the_person() -> None:
    """A library heading with life dates the sources print for the person ("1879" for
    Stalin, as well as 1878) is that person, so tables count Joseph Stalin once."""
    doc = doc_with(title="Telegram from Stalin", authors=("Stalin, Joseph, 1879-1953",))
    rows = [(r["person_id"], r["role"]) for r in export.tables.people_rows(doc)]
    assert [("stalin", "author"), ("stalin", "sender")] == rows


def test_csl_author_of_a_heading_is_split() -> None:
    """ "Stalin, Joseph, 1879-1953" from the scrape table goes out as family Stalin, given
    Joseph, never as the raw heading."""
    item = export.csl_item(doc_with(authors=("Stalin, Joseph, 1879-1953",)))
    assert [{"family": "Stalin", "given": "Joseph"}] == item["author"]


def test_correspondence_table_has_one_row_a_message(bundled: ssd.Catalogue) -> None:
    """Who wrote to whom: senders, recipients, via (lists), number and date bounds."""
    pytest.importorskip("pandas")
    frame = bundled.to_dataframe(table="correspondence")
    row = frame[
        frame["document_id"]
        == "1949-10-26-draft-reply-to-mao-zedongs-telegram-from-stalin-via-molotov"
    ]
    (found,) = row.to_dict("records")
    expected = {
        "senders": ["Joseph Stalin"],
        "recipients": ["Mao Zedong"],
        "via": ["Vyacheslav Molotov"],
        "date_precision": "day",
    }
    assert expected == {k: found[k] for k in expected}
    messages = [d for d in bundled if d.correspondence and d.correspondence.kind == "message"]
    assert len(messages) == len(frame)


def test_collections_table_lists_each_document_collection(bundled: ssd.Catalogue) -> None:
    """One row per document and collection slug, in the document's order."""
    pytest.importorskip("pandas")
    frame = bundled.to_dataframe(table="collections")
    expected = [(d.id, i, c) for d in bundled for i, c in enumerate(d.collections, start=1)]
    assert expected == list(frame.itertuples(index=False, name=None))


def test_arrow_list_fields_are_lists(bundled: ssd.Catalogue) -> None:
    """Fields of several values are list<string> columns holding the document's values."""
    pa = pytest.importorskip("pyarrow")
    table = bundled.query().to_arrow()
    assert pa.list_(pa.string()) == table.schema.field("collections").type
    assert [list(d.collections) for d in bundled] == table.column("collections").to_pylist()


def test_duckdb_joins_the_parquet_tables(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """DuckDB reads the Parquet export as it is: UNNEST a list column, join people to
    documents by id, and count Stalin's messages per year."""
    pytest.importorskip("pyarrow")
    duckdb = readers.module("duckdb")
    for table in ("documents", "people", "correspondence"):
        export.to_parquet(bundled, tmp_path / f"{table}.parquet", table=table)
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{tmp_path}'")
    (collections,) = con.execute(
        "SELECT count(DISTINCT c) FROM (SELECT unnest(collections) AS c FROM 'documents.parquet')"
    ).fetchone()
    rows = con.execute(
        """
        SELECT year(d.date_earliest) AS year, count(*) AS n
        FROM 'people.parquet' p JOIN 'documents.parquet' d ON d.id = p.document_id
        WHERE p.person_id = 'stalin' AND p.role = 'sender'
        GROUP BY year ORDER BY year
        """
    ).fetchall()
    sent = [
        d.date.year
        for d in bundled
        if d.correspondence and "Joseph Stalin" in d.correspondence.senders and d.date
    ]
    assert len({c for d in bundled for c in d.collections}) == collections
    assert sorted({y: sent.count(y) for y in sent}.items()) == rows
    (typed,) = con.execute("SELECT typeof(record_id) FROM 'documents.parquet' LIMIT 1").fetchone()
    assert "BIGINT" == typed


@pytest.mark.parametrize("title", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_are_never_formulas(title: str) -> None:
    """A title from a hostile source does not run in the spreadsheet that opens the export."""
    from sinosoviet_docs.export.tables import to_csv

    rows = list(csv.DictReader(io.StringIO(to_csv([ssd.Document(id="a", title=title)]))))
    assert not rows[0]["title"].startswith(("=", "+", "-", "@"))


_FORMULAS = (
    '=HYPERLINK("http://example.org/x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "\rreturn",
)


@pytest.mark.parametrize("formula", _FORMULAS)
def test_csv_quotes_a_cell_a_spreadsheet_would_run(formula: str) -> None:
    """A title or summary beginning like a formula gets one quote in front, by default."""
    doc = Document(id="x", title=formula, summary=formula, source=formula)
    row = next(csv.DictReader(io.StringIO(export.to_csv(doc))))
    assert (row["title"], row["summary"], row["source"]) == (("'" + formula,) * 3)
    raw = next(csv.DictReader(io.StringIO(export.to_csv(doc, spreadsheet_safe=False))))
    assert (raw["title"], raw["summary"], raw["source"]) == ((formula,) * 3)


def test_csv_leaves_other_cells_and_the_other_formats_exact() -> None:
    """Only a formula-like start is quoted; a quote inside a cell, numbers and the other
    formats (JSON Lines, RIS, BibTeX, CSL-JSON, the catalogue file) keep the text as is."""
    formula = _FORMULAS[0]
    doc = Document(id="x", title="Telegram = cable", summary=formula, record_id=5)
    row = next(csv.DictReader(io.StringIO(export.to_csv(doc))))
    assert row["title"] == "Telegram = cable"
    assert row["record_id"] == "5"
    assert json.loads(export.to_jsonl(doc))["summary"] == formula
    assert f"AB  - {formula}" in export.to_ris(doc)
    assert json.loads(export.to_csl_json(doc))[0]["abstract"] == formula
    assert "= {{=1+2}}," in export.to_bibtex(Document(id="y", title="=1+2"))
    cat = ssd.Catalogue(documents=[doc])
    assert ssd.loads(ssd.dumps(cat))["x"].summary == formula


def test_export_csv_goes_through_the_guard() -> None:
    doc = Document(id="x", title="=1+2")
    assert "'=1+2" in export.export(doc, "csv")
