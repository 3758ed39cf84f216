"""The scrape table: SQLite and CSV, old databases, problems, strictness, progress."""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.exceptions import LoadWarning
from sinosoviet_docs.loaders.scrape import COLUMNS
from tests.strategies import number_texts

OLD_COLUMNS = tuple(c for c in COLUMNS if c not in ("page_number", "document_contributors"))


def row(**values: Any) -> dict[str, Any]:
    """A full, invented scrape row; keyword arguments replace its values."""
    base: dict[str, Any] = {
        "document_url": "https://digitalarchive.wilsoncenter.org/document/900010",
        "page_number": 3,
        "page_position": 7,
        "original_publication_date": "July 5, 1950",
        "title": "Cable from Orlov to Wen",
        "credits": "Translated by Nobody.",
        "text_body": "Full invented text.\nSecond line.",
        "summary": "Orlov asks Wen for figures.",
        "authors": json.dumps(["Orlov, Ivan"]),
        "associated_places": json.dumps(["Harbin"]),
        "subjects_discussed": json.dumps(["China--Foreign relations--Soviet Union"]),
        "associated_people_orgs": json.dumps(["Wen, Li, 1900-1970"]),
        "document_contributors": json.dumps(["Invented Foundation"]),
        "source": "Invented Archive, f. 1, op. 1, d. 1.",
        "original_upload_date": "2013-04-02",
        "original_archive_title": "Invented Archive",
        "language": json.dumps(["Russian"]),
        "rights": "Invented rights.",
        "record_id": "900010",
        "original_classification": "Secret",
        "donors": json.dumps(["Imaginary Foundation"]),
        "scraped_at": "2024-01-02T03:04:05",
    }
    base.update(values)
    return base


def write_sqlite(
    path: Path, rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = COLUMNS
) -> Path:
    """A database in the scraper's layout (both tables) holding the rows."""
    conn = sqlite3.connect(path)
    with conn:
        types = {"page_number": "INTEGER", "page_position": "INTEGER"}
        spec = ", ".join(
            f"{c} {types.get(c, 'TEXT')}{' PRIMARY KEY' if c == 'document_url' else ''}"
            for c in columns
        )
        conn.execute(f"CREATE TABLE documents ({spec})")
        conn.execute("CREATE TABLE completed_pages (page_number INTEGER, completed_at TEXT)")
        marks = ", ".join("?" for _ in columns)
        conn.executemany(
            f"INSERT INTO documents ({', '.join(columns)}) VALUES ({marks})",
            [tuple(r.get(c) for c in columns) for r in rows],
        )
    conn.close()
    return path


def write_csv(
    path: Path, rows: Sequence[Mapping[str, Any]], columns: Sequence[str] = COLUMNS
) -> Path:
    """The scraper's CSV export of the rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return path


def test_every_column_maps_to_the_model(tmp_path: Path) -> None:
    """Each column of a full row lands in its Document field."""
    cat = ssd.load_scrape(write_sqlite(tmp_path / "a.db", [row()]))
    doc = cat["900010"]
    assert (900010, "Cable from Orlov to Wen", "1950-07-05") == (
        doc.record_id,
        doc.title,
        str(doc.date),
    )
    assert ("July 5, 1950",) == doc.dates_printed
    assert ("Full invented text.\nSecond line.", "Orlov asks Wen for figures.") == (
        doc.text,
        doc.summary,
    )
    assert ("Translated by Nobody.", "Invented rights.", "Secret") == (
        doc.credits,
        doc.rights,
        doc.classification,
    )
    assert ("Invented Archive, f. 1, op. 1, d. 1.", "Invented Archive") == (
        doc.source,
        doc.original_archive,
    )
    assert ("Orlov, Ivan",) == doc.authors
    assert ("Harbin",) == doc.places
    assert ("China--Foreign relations--Soviet Union",) == doc.topics
    assert ("Wen, Li, 1900-1970",) == doc.people
    assert ("Invented Foundation",) == doc.contributors
    assert ("Russian",) == doc.languages
    assert ("Imaginary Foundation",) == doc.donors
    assert "2013-04-02" == str(doc.uploaded)
    assert "https://digitalarchive.wilsoncenter.org/document/900010" == doc.url


def test_provenance_keeps_scrape_time_page_and_position(tmp_path: Path) -> None:
    """scraped_at, page_number and page_position go to the provenance, with the row."""
    path = write_sqlite(tmp_path / "a.db", [row()])
    (prov,) = ssd.load_scrape(path)["900010"].provenance
    assert (f"{path} row 1", "2024-01-02T03:04:05", 3, 7) == (
        prov.source,
        prov.retrieved,
        prov.page,
        prov.position,
    )
    assert ("https://digitalarchive.wilsoncenter.org/document/900010",) == prov.urls


def test_csv_export_loads_like_the_database(tmp_path: Path) -> None:
    """The CSV export gives the same documents as the database."""
    rows = [
        row(),
        row(record_id="900011", document_url="u2", title="Note", original_publication_date="1958"),
    ]
    from_db = ssd.load_scrape(write_sqlite(tmp_path / "a.db", rows))
    from_csv = ssd.load_scrape(write_csv(tmp_path / "a.csv", rows))
    strip = [(d.id, d.title, d.date, d.authors, d.text, d.uploaded) for d in from_db]
    assert strip == [(d.id, d.title, d.date, d.authors, d.text, d.uploaded) for d in from_csv]


def test_old_database_without_later_columns(tmp_path: Path) -> None:
    """A database without page_number and document_contributors loads, those facts unknown."""
    cat = ssd.load_scrape(write_sqlite(tmp_path / "old.db", [row()], OLD_COLUMNS))
    doc = cat["900010"]
    assert ((), None) == (doc.contributors, doc.provenance[0].page)


def test_without_record_id_the_id_is_date_and_title(tmp_path: Path) -> None:
    """A row without a record id (and a slug address) gets the date-and-title id."""
    r = row(record_id=None, document_url="https://x.org/document/cable-orlov-wen")
    (doc,) = ssd.load_scrape(write_sqlite(tmp_path / "a.db", [r]))
    assert "1950-07-05-cable-from-orlov-to-wen" == doc.id


def test_record_id_from_numeric_address(tmp_path: Path) -> None:
    """An empty record_id column falls back to the number in /document/<n>."""
    (doc,) = ssd.load_scrape(write_sqlite(tmp_path / "a.db", [row(record_id="")]))
    assert 900010 == doc.record_id


def test_same_date_and_title_at_two_addresses_stay_two_documents(tmp_path: Path) -> None:
    """Two rows without record ids but with different addresses are not merged."""
    rows = [
        row(record_id=None, document_url="https://x.org/document/cable-a"),
        row(record_id=None, document_url="https://x.org/document/cable-b"),
    ]
    cat = ssd.load_scrape(write_sqlite(tmp_path / "a.db", rows))
    assert ["1950-07-05-cable-from-orlov-to-wen", "1950-07-05-cable-from-orlov-to-wen-cable-b"] == [
        d.id for d in cat
    ]


def test_rows_with_one_record_id_are_merged(tmp_path: Path) -> None:
    """Two rows of one record (scraped twice) become one document with both provenances."""
    rows = [row(), row(document_url="https://x.org/document/cable-orlov-wen", summary=None)]
    cat = ssd.load_scrape(write_sqlite(tmp_path / "a.db", rows))
    assert 1 == len(cat)
    assert 2 == len(cat["900010"].provenance)


def test_plain_string_in_array_column_is_one_value(tmp_path: Path) -> None:
    """A value that is not JSON (no '[') is taken as one value."""
    (doc,) = ssd.load_scrape(write_sqlite(tmp_path / "a.db", [row(language="Chinese")]))
    assert ("Chinese",) == doc.languages


BAD = {
    "authors": '["Orlov", ',
    "original_publication_date": "Smarch 40, 1950",
    "page_position": "x",
}


def test_bad_values_are_reported_with_row_and_column(tmp_path: Path) -> None:
    """Unreadable values are problems naming row and column; the row is kept."""
    path = write_csv(tmp_path / "a.csv", [row(), row(record_id="900011", **BAD)])
    report = ssd.load_scrape_report(path)
    assert [(2, "original_publication_date"), (2, "page_position"), (2, "authors")] == [
        (p.row, p.column) for p in report.problems
    ]
    doc = report.catalogue["900011"]
    assert (None, (), ("Smarch 40, 1950",)) == (doc.date, doc.authors, doc.dates_printed)


@pytest.mark.parametrize("number", ["²", "①", "³⁴", "١٢", "9²"])
def test_unicode_digits_in_number_columns_are_problems(tmp_path: Path, number: str) -> None:
    """record_id, page_number, page_position of '²' (or '١٢') are problems; the address
    /document/² gives no record id; the row is kept."""
    r = row(
        record_id=number,
        page_number=number,
        page_position=number,
        document_url=f"https://x.org/document/{number}",
    )
    report = ssd.load_scrape_report(write_csv(tmp_path / "a.csv", [r]))
    assert [(1, "record_id", number), (1, "page_number", number), (1, "page_position", number)] == [
        (p.row, p.column, p.text) for p in report.problems
    ]
    (doc,) = report.catalogue
    assert (None, None, None) == (
        doc.record_id,
        doc.provenance[0].page,
        doc.provenance[0].position,
    )


def test_problems_are_visible_as_a_load_warning(tmp_path: Path) -> None:
    """load_scrape issues a LoadWarning naming the file, row and column."""
    path = write_csv(tmp_path / "a.csv", [row(**BAD)])
    with pytest.warns(
        LoadWarning, match=r"a.csv: 3 problem\(s\).*row 1, column original_publication_date"
    ):
        ssd.load_scrape(path)


def test_strict_raises_on_first_problem(tmp_path: Path) -> None:
    """strict=True raises ScrapeLoadError (a ValueError) with the row and column."""
    path = write_sqlite(
        tmp_path / "a.db", [row(), row(record_id="900011", document_url="u", authors="[1, 2]")]
    )
    with pytest.raises(
        ssd.ScrapeLoadError, match=r"row 2, column authors: expected a JSON array"
    ) as info:
        ssd.load_scrape(path, strict=True)
    assert (2, "authors") == (info.value.row, info.value.column)
    assert isinstance(info.value, ValueError)


def test_row_without_title_is_reported_not_dropped_silently(tmp_path: Path) -> None:
    """A row without a title cannot be a document: it is a problem of its own."""
    report = ssd.load_scrape_report(write_sqlite(tmp_path / "a.db", [row(title="  ")]))
    assert 0 == len(report.catalogue)
    assert [(1, "title")] == [(p.row, p.column) for p in report.problems]


def test_unknown_column_is_reported(tmp_path: Path) -> None:
    """A column the loader does not know is named in the problems (its values are not loaded)."""
    r = row(extra_notes="x")
    report = ssd.load_scrape_report(write_csv(tmp_path / "a.csv", [r], (*COLUMNS, "extra_notes")))
    assert ["extra_notes"] == [p.column for p in report.problems]


def test_missing_title_column_is_an_error(tmp_path: Path) -> None:
    """A table without a title column is not a scrape table."""
    with pytest.raises(ssd.ScrapeLoadError, match="no column title"):
        ssd.load_scrape(write_csv(tmp_path / "a.csv", [row()], ("document_url", "summary")))


def test_database_without_documents_table(tmp_path: Path) -> None:
    """A SQLite file without the documents table is a clear error."""
    path = tmp_path / "empty.db"
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.close()
    with pytest.raises(ssd.ScrapeLoadError, match="no table 'documents'"):
        ssd.load_scrape(path)


def test_ragged_csv_row_is_an_error_with_its_row(tmp_path: Path) -> None:
    """A CSV row with more or fewer fields than the header names its row."""
    path = tmp_path / "a.csv"
    path.write_text("title,summary\nA,B\nC\n", "utf-8")
    with pytest.raises(ssd.ScrapeLoadError, match="row 2: expected 2 fields"):
        ssd.load_scrape(path)


def test_progress_callback_gets_rows_and_total(tmp_path: Path) -> None:
    """The progress callback sees the rows done and, for SQLite, the total; last call is the end."""
    rows = [row(record_id=str(900100 + i), document_url=f"u{i}") for i in range(1200)]
    calls: list[tuple[int, int | None]] = []
    ssd.load_scrape(
        write_sqlite(tmp_path / "a.db", rows), progress=lambda d, t: calls.append((d, t))
    )
    assert [(500, 1200), (1000, 1200), (1200, 1200)] == calls


def test_progress_total_unknown_for_csv(tmp_path: Path) -> None:
    """For CSV the total is None."""
    calls: list[tuple[int, int | None]] = []
    ssd.load_scrape(
        write_csv(tmp_path / "a.csv", [row()]), progress=lambda d, t: calls.append((d, t))
    )
    assert [(1, None)] == calls


def test_long_text_in_csv(tmp_path: Path) -> None:
    """A full text longer than csv's default field limit loads whole."""
    text = "word " * 60_000
    (doc,) = ssd.load_scrape(write_csv(tmp_path / "a.csv", [row(text_body=text)]))
    assert text == doc.text


_cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    number_texts,
    number_texts.map(lambda n: f" {n} "),
    st.sampled_from(["[", "[1]", '["a", ""]', "null", "July 5, 1950", "1958", "0", "-3", " 12 "]),
)


@settings(max_examples=20)
@given(
    st.lists(st.fixed_dictionaries(dict.fromkeys(COLUMNS, _cell)), min_size=1, max_size=5),
    st.lists(number_texts, min_size=5, max_size=5, unique=True),
)
def test_any_cells_load_without_losing_a_row(
    rows: list[dict[str, Any]], numbers: list[str]
) -> None:
    """Whatever the cells and the addresses' numbers hold (Unicode digits too), every row
    becomes a document or is reported, and nothing raises."""
    for r, number in zip(rows, numbers, strict=False):
        r["document_url"] = f"https://x.org/document/{number}"  # the table's primary key
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.db"
        report = ssd.load_scrape_report(write_sqlite(path, rows))
    untitled = {p.row for p in report.problems if p.column == "title"}
    blank = {i for i, r in enumerate(rows, start=1) if not (r["title"] or "").strip()}
    assert blank == untitled
    sources = {p.source for d in report.catalogue for p in d.provenance}
    assert {f"{path} row {i}" for i in range(1, len(rows) + 1) if i not in blank} == sources


def test_undecodable_csv_is_a_scrape_load_error_naming_line_and_offset(tmp_path: Path) -> None:
    """A CSV with bytes that are not UTF-8 raises ScrapeLoadError with the file, line and offset."""
    path = tmp_path / "a.csv"
    good = b"title,record_id\n" + b"".join(b"Caf\xc3\xa9,%d\n" % (i + 1) for i in range(9000))
    path.write_bytes(good + b"Caf\xe9,9001\n")  # past the first 64 kB that are decoded
    offset = len(good) + 3
    with pytest.raises(
        ssd.ScrapeLoadError,
        match=rf"a\.csv: expected UTF-8 text, found b'\\xe9' at line 9002, byte offset {offset}",
    ):
        ssd.load_scrape(path)


def test_sqlite_database_named_csv_loads_as_sqlite(tmp_path: Path) -> None:
    """The loader tells SQLite by its header as sniff does, so a database named .csv loads."""
    (doc,) = ssd.load_scrape(write_sqlite(tmp_path / "a.csv", [row()]))
    assert 900010 == doc.record_id


def test_database_name_without_header_is_no_csv(tmp_path: Path) -> None:
    """A .db file that is no SQLite database raises the same error as sniff, not a CSV error."""
    path = tmp_path / "a.db"
    path.write_text("title\nA\n", "utf-8")
    with pytest.raises(ssd.ScrapeLoadError, match=r"a\.db: not a SQLite database"):
        ssd.load_scrape(path)


def test_record_id_from_an_address_with_a_fragment(tmp_path: Path) -> None:
    """An address '/document/<n>#top' gives the record id, as it does for pages and RIS."""
    r = row(
        record_id="", document_url="https://digitalarchive.wilsoncenter.org/document/112088#top"
    )
    (doc,) = ssd.load_scrape(write_sqlite(tmp_path / "a.db", [r]))
    assert 112088 == doc.record_id


# -- hostile tables ------------------------------------------------------------------------


def test_a_header_field_over_128_kb_is_read(tmp_path: Path) -> None:
    """csv's field-size limit is raised before the header too: no raw _csv.Error."""
    path = tmp_path / "wide.csv"
    path.write_text("title," + "x" * 200_000 + "\nA,b\n", encoding="utf-8")
    report = ssd.load_scrape_report(path)
    assert ["A"] == [d.title for d in report.catalogue]
    assert [("x" * 200_000)] == [p.column for p in report.problems]


def test_a_repeated_column_is_reported(tmp_path: Path) -> None:
    """summary,summary: the first column's values do not vanish unseen."""
    path = tmp_path / "twice.csv"
    path.write_text("title,summary,summary\nA,first,second\n", encoding="utf-8")
    report = ssd.load_scrape_report(path)
    assert [("summary", "a repeated column; only the values of its last one are loaded")] == [
        (p.column, p.message) for p in report.problems
    ]
    with pytest.raises(ssd.ScrapeLoadError, match="column summary: a repeated column"):
        ssd.load_scrape(path, strict=True)


def test_a_blob_is_reported_not_read_as_its_repr(tmp_path: Path) -> None:
    """A BLOB title is no text: a problem, never the text "b'Telegram'"."""
    path = write_sqlite(tmp_path / "b.db", [row(title=b"Telegram", summary=b"x")])
    report = ssd.load_scrape_report(path)
    assert [("title", 1), ("summary", 1)] == [(p.column, p.row) for p in report.problems][:2]
    assert all("BLOB" in p.message for p in report.problems[:2])
    assert () == report.catalogue.documents


def test_record_id_zero_is_reported_in_sqlite_as_in_csv(tmp_path: Path) -> None:
    """The integer 0 is a value (not an absent one) and no record id: reported in both."""
    db = tmp_path / "z.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE documents (title TEXT, record_id INTEGER)")
        conn.execute("INSERT INTO documents VALUES ('Cable', 0)")
    conn.close()
    table = write_csv(tmp_path / "z.csv", [row(record_id=0)])
    for path in (db, table):
        problems = ssd.load_scrape_report(path).problems
        assert [("record_id", "0")] == [(p.column, p.text) for p in problems]


def test_a_number_of_five_thousand_digits_is_a_problem(tmp_path: Path) -> None:
    """No bare integer-digit ValueError: the page number is reported with its row."""
    path = write_csv(tmp_path / "n.csv", [row(page_number="1" * 5000, record_id="2" * 5000)])
    problems = ssd.load_scrape_report(path).problems
    assert {("page_number", 1), ("record_id", 1)} == {(p.column, p.row) for p in problems}


def test_a_nested_json_cell_is_a_problem_not_a_recursion_error(tmp_path: Path) -> None:
    """An array column nested 100,000 deep is reported with its row and column."""
    path = write_csv(tmp_path / "deep.csv", [row(authors="[" * 100_000)])
    (problem,) = ssd.load_scrape_report(path).problems
    assert ("authors", 1) == (problem.column, problem.row)


def test_copies_of_one_row_merge_in_linear_steps(tmp_path: Path) -> None:
    """8,000 copies of a row cost about twice 4,000 (the provenance union is not re-copied)."""
    from tests.steps import growth

    def make(n: int) -> Any:
        path = write_csv(tmp_path / f"c{n}.csv", [row()] * n)
        return lambda: ssd.load_scrape_report(path)

    assert growth(make, 200) < 2.3
    (doc,) = ssd.load_scrape_report(tmp_path / "c400.csv").catalogue
    assert 400 == len(doc.provenance)


def test_a_date_dateutil_cannot_read_is_a_problem_of_its_row(tmp_path: Path) -> None:
    """The row's date is reported and the other rows load."""
    path = write_csv(
        tmp_path / "d.csv",
        [row(original_publication_date="19970902090807197090209080710h"), row(record_id="2")],
    )
    report = ssd.load_scrape_report(path)
    assert [("original_publication_date", 1)] == [(p.column, p.row) for p in report.problems]


_CELLS = st.text(max_size=12) | st.sampled_from(
    ["[", '["a"]', '["a", 1]', "[" * 300, "0", "12", "9" * 5000, "July 5, 1950", "1950-02-30", ""]
)


@settings(max_examples=40)
@given(
    st.lists(st.sampled_from([*COLUMNS, "title", "colour"]), min_size=1, max_size=6),
    st.lists(st.lists(_CELLS, max_size=7), max_size=5),
    st.booleans(),
)
def test_load_scrape_of_any_csv_raises_only_scrape_load_error(
    header: list[str], rows: list[list[str]], strict: bool
) -> None:
    """Any header (repeated and unknown columns too), ragged rows, bad JSON, huge numbers:
    a report or ScrapeLoadError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        with contextlib.suppress(ssd.ScrapeLoadError):
            ssd.load_scrape_report(path, strict=strict)


@pytest.mark.parametrize("date", ["19970902090807197090209080710h", "１９５０-０２", "1950\x00"])
def test_a_date_no_reader_takes_is_a_problem_of_its_row(tmp_path: Path, date: str) -> None:
    """A date that once crashed dateutil (or is in other digits) is one problem; the load
    goes on and keeps the row."""
    path = write_csv(
        tmp_path / "a.csv", [row(original_publication_date=date), row(record_id="900012")]
    )
    report = ssd.load_scrape_report(path)
    assert [(1, "original_publication_date")] == [(p.row, p.column) for p in report.problems]
    assert 2 == len(report.catalogue)
