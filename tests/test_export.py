"""Citations and exports: cite, CSL-JSON, BibTeX/BibLaTeX, RIS, CSV, JSONL, dataframes, CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import rispy
from hypothesis import assume, given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs._convert import unstructure_document
from sinosoviet_docs.cli import main
from sinosoviet_docs.dates import PartialDate
from sinosoviet_docs.export._cite import location_and_credits
from sinosoviet_docs.models import Document

from .strategies import documents

DATA = Path(__file__).parent / "data"
CSL_SCHEMA = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))
CSL_VALIDATOR = jsonschema.Draft7Validator(CSL_SCHEMA)

KHRUSHCHEV = "112088"


def doc_with(**fields: Any) -> Document:
    """A small invented document with the given fields."""
    base: dict[str, Any] = {"id": "x-1", "title": "Notes on the talks"}
    base.update(fields)
    return Document(**base)


@attrs.frozen
class FakeCorrespondence:
    """The shape of the names helper's Correspondence, enough for the exporters."""

    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...] = ()


class LetterDocument(Document):
    """A document whose correspondence is known (as the names helper will provide)."""

    @property
    def correspondence(self) -> FakeCorrespondence:
        return FakeCorrespondence(senders=("Joseph Stalin",), recipients=("Mao Zedong",))


# -- citations -----------------------------------------------------------------------------


def test_cite_note_follows_archive_pattern(bundled: ssd.Catalogue) -> None:
    """The note form: quoted title, date as printed, the archive, its citation, credits, URL."""
    expected = (
        "“Discussion between N.S. Khrushchev and Mao Zedong,” October 2, 1959, "
        "History and Public Policy Program Digital Archive, Archive of the President of the "
        "Russian Federation (APRF), f. 52, op. 1, d. 499, ll. 1-33, copy in Volkogonov "
        "Collection, Manuscript Division, Library of Congress, Washington, D.C. Translated by "
        "Vladislav M. Zubok. https://digitalarchive.wilsoncenter.org/document/112088"
    )
    assert expected == bundled[KHRUSHCHEV].cite()


def test_cite_bibliography_uses_full_stops() -> None:
    """The bibliography form ends title, date and archive with full stops."""
    doc = doc_with(
        date=PartialDate(year=1950, month=2, day=14),
        source="APRF, f. 45, op. 1, d. 1",
        url="https://digitalarchive.wilsoncenter.org/document/a",
    )
    expected = (
        "“Notes on the talks.” February 14, 1950. History and Public Policy Program Digital "
        "Archive, APRF, f. 45, op. 1, d. 1. https://digitalarchive.wilsoncenter.org/document/a"
    )
    assert expected == doc.cite(style="bibliography")


@pytest.mark.parametrize(
    ("edtf", "printed"),
    [
        ("1950", "1950"),
        ("1950-02", "February 1950"),
        ("1950-02-14", "February 14, 1950"),
        ("1950~", "circa 1950"),
        ("1959-12?", "December 1959 (?)"),
    ],
)
def test_cite_prints_date_at_its_precision(edtf: str, printed: str) -> None:
    """A month-only date stays a month, a year a year; circa and (?) are kept."""
    doc = doc_with(date=PartialDate.from_edtf(edtf))
    assert doc.cite().startswith(f"“Notes on the talks,” {printed}, History and Public")


def test_cite_leaves_out_missing_parts() -> None:
    """A document known only by its title gives a clean citation without empty parts."""
    expected = "“Notes on the talks,” History and Public Policy Program Digital Archive."
    assert expected == doc_with().cite()


@given(documents())
def test_cite_never_writes_none(doc: Document) -> None:
    """No generated document gives a citation with "None" in it (unless its text has it)."""
    assume("None" not in json.dumps(unstructure_document(doc)))
    assert "None" not in doc.cite() + doc.cite(style="bibliography")


def test_cite_appends_the_credits_field() -> None:
    """A credit line given apart from the source follows the archive citation."""
    doc = doc_with(source="APRF, f. 3", credits="Translated by Jane Roe")
    expected = (
        "“Notes on the talks,” History and Public Policy Program Digital Archive, APRF, f. 3. "
        "Translated by Jane Roe."
    )
    assert expected == doc.cite()


def test_cite_uses_split_credits_of_the_names_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """When ``ssd.split_credits`` exists, the credits it finds follow the location."""

    def split(text: str) -> tuple[str, tuple[str, ...]]:
        return "CWIHP archive, box 1", ("Obtained by R. Roe.", "Translated by J. Doe.")

    monkeypatch.setattr(ssd, "split_credits", split, raising=False)
    doc = doc_with(source="CWIHP archive, box 1. Obtained by R. Roe. Translated by J. Doe.")
    expected = (
        "“Notes on the talks,” History and Public Policy Program Digital Archive, CWIHP archive, "
        "box 1. Obtained by R. Roe. Translated by J. Doe."
    )
    assert expected == doc.cite()


def test_cite_turns_inner_double_quotes_single() -> None:
    """Double quotes inside a title become single quotes inside the citation's quotes."""
    doc = doc_with(title='Mao, "Speech" at Moscow')
    assert doc.cite().startswith("“Mao, ‘Speech’ at Moscow,”")


def test_cite_rejects_unknown_style() -> None:
    """An unknown style is a ValueError naming the accepted ones."""
    with pytest.raises(ValueError, match="'note' or 'bibliography'"):
        doc_with().cite(style="apa")  # type: ignore[arg-type]


# -- CSL-JSON ------------------------------------------------------------------------------


def test_csl_every_bundled_record_is_valid(bundled: ssd.Catalogue) -> None:
    """Every bundled document exports to CSL-JSON that the official schema accepts."""
    items = json.loads(ssd.to_csl_json(bundled))
    CSL_VALIDATOR.validate(items)
    assert len(bundled) == len(items)


@given(st.lists(documents(), max_size=4))
def test_csl_generated_records_are_valid(docs: list[Document]) -> None:
    """Documents with any mix of known facts export to schema-valid CSL-JSON."""
    items = json.loads(ssd.to_csl_json(docs))
    errors = [e.message for e in CSL_VALIDATOR.iter_errors(items)]
    assert [] == errors


def test_csl_letter_with_correspondence_is_valid() -> None:
    """A letter item with author and recipient is valid against the schema."""
    items = json.loads(ssd.to_csl_json(LetterDocument(id="l", title="Telegram")))
    assert [] == [e.message for e in CSL_VALIDATOR.iter_errors(items)]


@pytest.mark.parametrize(
    ("edtf", "parts"), [("1950", [1950]), ("1950-02", [1950, 2]), ("1950-02-14", [1950, 2, 14])]
)
def test_csl_date_parts_have_the_known_parts(edtf: str, parts: list[int]) -> None:
    """date-parts holds as many parts as the date has: no invented month or day."""
    item = export.csl_item(doc_with(date=PartialDate.from_edtf(edtf)))
    assert {"date-parts": [parts]} == item["issued"]


def test_csl_approximate_date_is_circa() -> None:
    """An approximate date is marked circa."""
    item = export.csl_item(doc_with(date=PartialDate.from_edtf("1950-02~")))
    assert {"date-parts": [[1950, 2]], "circa": True} == item["issued"]


def test_csl_manuscript_without_correspondence() -> None:
    """With no known correspondence the item is a manuscript with no recipient."""
    item = export.csl_item(doc_with())
    assert ("manuscript", None) == (item["type"], item.get("recipient"))


def test_csl_letter_with_recipient_when_correspondence_known() -> None:
    """With known recipients the item is a letter from the senders to the recipients."""
    item = export.csl_item(LetterDocument(id="l", title="Telegram"))
    expected = (
        "personal_communication",
        [{"literal": "Joseph Stalin"}],
        [{"literal": "Mao Zedong"}],
    )
    assert expected == (item["type"], item["author"], item["recipient"])


def test_csl_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """archive is the Digital Archive, archive_location the original's citation."""
    item = export.csl_item(bundled["110385"])
    expected = (
        "History and Public Policy Program Digital Archive",
        "APRF, Fond 45, Opis 1, Delo 340, List 82",
        "https://digitalarchive.wilsoncenter.org/document/110385",
    )
    assert expected == (item["archive"], item["archive_location"], item["URL"])


def test_csl_translator_from_credits() -> None:
    """A "Translated by" credit gives the translator."""
    item = export.csl_item(doc_with(credits="Translated by Jane Roe and John Doe."))
    assert [{"literal": "Jane Roe"}, {"literal": "John Doe"}] == item["translator"]


# -- BibTeX and BibLaTeX -------------------------------------------------------------------


def test_bibtex_escapes_special_characters() -> None:
    """LaTeX's special characters in a title are escaped."""
    text = ssd.to_bibtex(doc_with(title="50% of A & B_C #1 {x} $y ~z ^w \\v"))
    expected = r"{{50\% of A \& B\_C \#1 \{x\} \$y \textasciitilde{}z \^{}w \textbackslash{}v}}"
    assert expected in text


@given(st.lists(documents(), max_size=3))
def test_bibtex_braces_are_balanced(docs: list[Document]) -> None:
    """Whatever the text, every entry's unescaped braces balance (the entry parses)."""
    for dialect in ("bibtex", "biblatex"):
        text = ssd.to_bibtex(docs, dialect=dialect)  # type: ignore[arg-type]
        depth = 0
        for match in re.finditer(r"\\[{}]|[{}]", text):
            depth += {"{": 1, "}": -1}.get(match[0], 0)
            assert depth >= 0
        assert 0 == depth


def test_bibtex_keys_are_stable_across_exports(bundled: ssd.Catalogue) -> None:
    """A document's key is the same alone and among others."""
    doc = bundled[KHRUSHCHEV]
    alone = ssd.to_bibtex(doc).split(",", 1)[0]
    among = [e.split(",", 1)[0] for e in ssd.to_bibtex(bundled).split("\n@")]
    assert alone == "@unpublished{hppda112088"
    assert "unpublished{hppda112088" in {e.lstrip("@") for e in among}


def test_bibtex_keys_are_unique(bundled: ssd.Catalogue) -> None:
    """No two bundled documents share a citation key."""
    keys = [export.citation_key(d) for d in bundled]
    assert len(keys) == len(set(keys))


def test_bibtex_key_of_an_unsafe_id_is_made_safe() -> None:
    """An id with spaces or commas still gives a key BibTeX accepts, and two such ids differ."""
    a = export.citation_key(doc_with(id="a b,c"))
    b = export.citation_key(doc_with(id="a-b-c"))
    assert re.fullmatch(r"[A-Za-z0-9_.:-]+", a) is not None
    assert a != b


def test_bibtex_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """The archive and the location in it are kept as fields and in the note."""
    text = ssd.to_bibtex(bundled["110385"])
    assert "archive_location = {APRF, Fond 45, Opis 1, Delo 340, List 82}" in text
    assert "archive          = {History and Public Policy Program Digital Archive}" in text
    assert "Digital Archive, APRF, Fond 45" in text.split("note")[1]


def test_bibtex_month_is_a_macro_and_year_partial() -> None:
    """BibTeX gets year and a month macro, and no day for a month-precise date."""
    text = ssd.to_bibtex(doc_with(date=PartialDate(year=1950, month=2)))
    fields = dict(re.findall(r"^  (\w+) *= (.*?),?$", text, flags=re.MULTILINE))
    assert ("{1950}", "feb", None) == (fields["year"], fields["month"], fields.get("day"))


def test_biblatex_writes_edtf_date() -> None:
    """BibLaTeX gets the EDTF date, with ~ for circa."""
    text = ssd.to_bibtex(doc_with(date=PartialDate.from_edtf("1950-02~")), dialect="biblatex")
    assert re.search(r"^  date +\= \{1950-02~\},$", text, flags=re.MULTILINE) is not None


# -- RIS -----------------------------------------------------------------------------------


def test_ris_is_readable_by_rispy(bundled: ssd.Catalogue) -> None:
    """rispy reads every bundled record back: type, id, title, date, URL."""
    entries = rispy.loads(ssd.to_ris(bundled))
    expected = [("MANSCPT", d.id, d.title, export.stable_url(d)) for d in bundled]
    actual = [
        (e["type_of_reference"], e["id"], e["title"], (e.get("urls") or [None])[0]) for e in entries
    ]
    assert expected == actual


@given(st.lists(documents(), min_size=1, max_size=4))
def test_ris_of_generated_documents_reads_back(docs: list[Document]) -> None:
    """Titles (line breaks made spaces) and authors survive a rispy round trip."""
    entries = rispy.loads(ssd.to_ris(docs))
    expected = [(" ".join(d.title.split()), [" ".join(a.split()) for a in d.authors]) for d in docs]
    actual = [(e["title"], e.get("authors", [])) for e in entries]
    assert expected == actual


@pytest.mark.parametrize(
    ("edtf", "ris"),
    [
        ("1950", "1950///"),
        ("1950-02", "1950/02//"),
        ("1950-02-14", "1950/02/14/"),
        ("1950~", "1950///circa"),
        ("1950-02%", "1950/02//circa, uncertain"),
    ],
)
def test_ris_date_keeps_precision(edtf: str, ris: str) -> None:
    """DA has empty parts for what is not known and the qualifiers after the last slash."""
    text = ssd.to_ris(doc_with(date=PartialDate.from_edtf(edtf)))
    assert f"DA  - {ris}" in text.splitlines()


def test_ris_keeps_archive_and_location(bundled: ssd.Catalogue) -> None:
    """DB is the archive and AN the location in it (Zotero's archive, archiveLocation)."""
    entry = rispy.loads(ssd.to_ris(bundled["110385"]))[0]
    expected = (
        "History and Public Policy Program Digital Archive",
        "APRF, Fond 45, Opis 1, Delo 340, List 82",
    )
    assert expected == (entry["name_of_database"], entry["accession_number"])


def test_ris_round_trip_through_load_ris(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """The library's own RIS loader reads back id, title, date, record id and location."""
    load_ris = ssd.load_ris
    path = tmp_path / "out.ris"
    path.write_text(ssd.to_ris(bundled), encoding="utf-8")
    loaded = load_ris(path)

    def key(d: Document, location: str | None) -> tuple[Any, ...]:
        return (d.id, d.title, str(d.date), d.record_id, location)

    expected = [key(d, location_and_credits(d)[0]) for d in bundled]
    actual = [key(d, d.source) for d in loaded]
    assert sorted(expected) == sorted(actual)


# -- flat records, CSV, JSON Lines ---------------------------------------------------------


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


def test_query_export_writes_the_file(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """q.export(format, path) writes the text it returns, as UTF-8."""
    q = bundled.query().between("1950", "1950")
    path = tmp_path / "out.json"
    text = q.export("csl-json", path)
    assert text == path.read_text(encoding="utf-8")
    assert [d.id for d in q] == [item["id"] for item in json.loads(text)]


def test_export_unknown_format_is_an_error() -> None:
    """An unknown format raises ValueError listing the formats."""
    with pytest.raises(ValueError, match="csl-json, bibtex, biblatex, ris, csv, jsonl"):
        export.export([], "docx")  # type: ignore[arg-type]


# -- dataframes and Arrow ------------------------------------------------------------------


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


# -- the export command --------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_cli_export_prints_the_query_as_csl_json(bundled: ssd.Catalogue) -> None:
    """export --format csl-json with query options prints the matching documents."""
    status, out = run("export", "--format", "csl-json", "--from", "1950", "--to", "1950")
    expected = bundled.query().between("1950", "1950").ids()
    assert (0, expected) == (status, [item["id"] for item in json.loads(out)])


def test_cli_export_writes_the_output_file(tmp_path: Path) -> None:
    """export -o FILE writes the file and prints nothing on stdout."""
    path = tmp_path / "one.ris"
    status, out = run("export", "--format", "ris", "--id", KHRUSHCHEV, "-o", str(path))
    assert (0, "") == (status, out)
    assert ["MANSCPT"] == [e["type_of_reference"] for e in rispy.loads(path.read_text("utf-8"))]


def test_cli_export_unknown_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --id exits with status 1 and one line on stderr."""
    status, _ = run("export", "--format", "csv", "--id", "nope")
    assert (1, 1) == (status, len(capsys.readouterr().err.splitlines()))


def test_cli_export_needs_a_known_format(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format is a usage error (status 2)."""
    with pytest.raises(SystemExit) as exc:
        run("export", "--format", "docx")
    assert 2 == exc.value.code


# -- timeline plot -------------------------------------------------------------------------


def test_timeline_plot_draws_one_bar_per_period(bundled: ssd.Catalogue) -> None:
    """Timeline.plot draws a bar of each period's count, labelled by period."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    timeline = bundled.query().between("1950", "1959").timeline("year")
    ax = timeline.plot()
    heights = [int(bar.get_height()) for bar in ax.patches]
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    assert list(timeline.periods) == list(zip(labels, heights, strict=True))
    import matplotlib.pyplot as plt

    plt.close("all")


def test_timeline_plot_without_matplotlib_names_the_extra(
    bundled: ssd.Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib, plot says to install the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'sinosoviet-docs[plot]'")):
        bundled.query().timeline().plot()


def test_cli_export_search_selects_in_date_order(bundled: ssd.Catalogue) -> None:
    """export --search takes the search language and writes the matches in date order."""
    query = 'person:Stalin person:"Mao Zedong" year:1951'
    status, out = run("export", "--format", "jsonl", "--search", query)
    expected = bundled.search(query).sort("date").ids()
    assert (0, expected) == (status, [json.loads(line)["id"] for line in out.splitlines()])


def test_abbreviation_at_the_end_keeps_its_stop() -> None:
    """A source ending in "D.C." keeps its full stop in every export (and no doubled one)."""
    doc = ssd.Document(id="x", title="T", source="Library of Congress, Washington, D.C.")
    assert (
        "Library of Congress, Washington, D.C."
        == json.loads(ssd.to_csl_json([doc]))[0]["archive_location"]
    )
    assert "AN  - Library of Congress, Washington, D.C.\n" in ssd.to_ris([doc])
    assert "D.C.. " not in doc.cite() + " "
    assert doc.cite().count("D.C.") == 1
