"""Flat tables: records, CSV, JSON Lines, pandas, Arrow and Parquet."""

from __future__ import annotations

import csv
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
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.models import Document

from ..strategies import documents
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
    text = ssd.to_csv(bundled) if hasattr(ssd, "to_csv") else export.to_csv(bundled)
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
    frame = export.to_dataframe(docs, table="people")
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


@pytest.mark.xfail(
    strict=True,
    reason="export/tables.py: to_csv must neutralise cells that a spreadsheet runs as a formula "
    "(=, +, -, @, tab, CR first), e.g. with a leading apostrophe",
)
@pytest.mark.parametrize("title", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_are_never_formulas(title: str) -> None:
    """A title from a hostile source does not run in the spreadsheet that opens the export."""
    from sinosoviet_docs.export.tables import to_csv

    rows = list(csv.DictReader(io.StringIO(to_csv([ssd.Document(id="a", title=title)]))))
    assert not rows[0]["title"].startswith(("=", "+", "-", "@"))
