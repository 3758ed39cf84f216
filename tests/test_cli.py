"""The command line: each command's output, --json, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.cli import main

from .search.counting import count_plan_runs


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_info_lists_collections_with_counts(bundled: ssd.Catalogue) -> None:
    """info prints every collection with its period and the documents known."""
    status, out = run("info")
    assert 0 == status
    for col in bundled.collections:
        line = next(line for line in out.splitlines() if line.startswith(col.slug + " "))
        assert str(len(bundled.documents_in(col.slug))) in line.split()
    assert "1950/1959" in out
    assert "not the collection's size" in out


def test_info_json(bundled: ssd.Catalogue) -> None:
    """info --json gives the counts as data."""
    status, out = run("info", "--json")
    data = json.loads(out)
    assert 0 == status
    assert len(bundled) == data["documents"]
    counts = {c["slug"]: c["documents_known"] for c in data["collections"]}
    assert 8 == counts["sino-soviet-alliance-1950-1959"]


def test_list_by_collection_and_dates(bundled: ssd.Catalogue) -> None:
    """list narrows by collection and date range, in date order."""
    status, out = run(
        "list",
        "--collection",
        "sino-soviet-alliance-1950-1959",
        "--from",
        "1950-07",
        "--to",
        "July 1950",
        "--json",
    )
    assert 0 == status
    got = [d["id"] for d in json.loads(out)]
    expected = (
        bundled.query()
        .in_collection("sino-soviet-alliance-1950-1959")
        .between("1950-07", "1950-07")
        .ids()
    )
    assert expected == got
    assert 2 == len(got)


def test_list_within_excludes_partial_overlap() -> None:
    """--within keeps only documents whose whole date lies in the period."""
    _, overlapping = run("list", "--from", "1959-12-01", "--to", "1959-12-10", "--json")
    _, within = run("list", "--from", "1959-12-01", "--to", "1959-12-10", "--within", "--json")
    month_only = "Mao Zedong, Outline for a Speech on the International Situation"
    assert month_only in [d["title"] for d in json.loads(overlapping)]
    assert month_only not in [d["title"] for d in json.loads(within)]


def test_list_table_has_header_and_count() -> None:
    """The table shows date, id and title (no type: none is known here), and a count."""
    status, out = run("list", "--collection", "Sino-Soviet Alliance, 1950-1959")
    lines = out.splitlines()
    assert 0 == status
    assert ["date", "id", "title"] == lines[0].split()
    assert "8 documents" == lines[-1]
    assert "December 27, 1952" in out


def test_show_prints_every_field(bundled: ssd.Catalogue) -> None:
    """show lists every field of the document, unknown ones marked as such, then
    its address, who wrote to whom and its citation (indented lines detail provenance)."""
    status, out = run("show", "112088")
    assert 0 == status
    names = [line.split(":", 1)[0] for line in out.splitlines() if not line.startswith(" ")]
    fields = [f.name for f in ssd.Document.__attrs_attrs__]
    assert [*fields, "address", "who to whom", "cite as"] == names
    assert "(unknown)" in out


def test_show_prints_who_wrote_to_whom_and_the_citation(bundled: ssd.Catalogue) -> None:
    """show names sender and recipient as the title says and prints the note citation."""
    _, out = run("show", "110385")
    lines = dict(line.split(":", 1) for line in out.splitlines() if not line.startswith(" "))
    expected = ("Joseph Stalin to Mao Zedong", bundled["110385"].cite())
    assert expected == (lines["who to whom"].strip(), lines["cite as"].strip())


def test_show_prints_provenance_as_lines_with_archive_addresses() -> None:
    """Provenance is readable lines: archive addresses as https without a query, test
    copies of the site counted but not named, the bundled catalogue's build files unnamed."""
    _, out = run("show", "110385")
    detail = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert "seen at https://digitalarchive.wilsoncenter.org/document/110385.pdf" in detail
    assert not any("?v=" in line or "documents.jsonl" in line for line in detail)
    _, mirrored = run("show", "112088")
    assert "drivingcreative" not in mirrored
    assert "and at 1 address(es) on a test copy of the site" in mirrored


def test_cite_prints_notes_or_bibliography_entries(bundled: ssd.Catalogue) -> None:
    """cite ID... prints each document's citation in the chosen style, a blank line between."""
    _, note = run("cite", "110385", "112088")
    _, bib = run("cite", "110385", "--style", "bibliography")
    expected_note = bundled["110385"].cite() + "\n\n" + bundled["112088"].cite() + "\n"
    assert expected_note == note
    assert bundled["110385"].cite("bibliography") + "\n" == bib


@pytest.mark.parametrize(
    ("fmt", "writer"),
    [("csl-json", ssd.to_csl_json), ("ris", ssd.to_ris), ("bibtex", ssd.to_bibtex)],
)
def test_cite_formats_are_the_exports(bundled: ssd.Catalogue, fmt: str, writer: Any) -> None:
    """cite --format csl-json/ris/bibtex prints what the export functions write."""
    _, out = run("cite", "110385", "112088", "--format", fmt)
    assert writer([bundled["110385"], bundled["112088"]]) == out


def test_cite_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown id is a one-line error with status 2 (a user error)."""
    status, _ = run("cite", "nope")
    assert (2, "no document with id 'nope'") == (
        status,
        capsys.readouterr().err.split(": ", 2)[2][:26],
    )


def test_show_json_round_trips(bundled: ssd.Catalogue) -> None:
    """show --json is the document as the catalogue files store it."""
    _, out = run("show", "112088", "--json")
    from sinosoviet_docs._convert import structure_document

    assert bundled["112088"] == structure_document(json.loads(out))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], "no document with id 'nope'"),
        (["list", "--from", "1950-13"], "cannot read date '1950-13'"),
        (["list", "--collection", "nope"], "no collection with slug or title 'nope'"),
        (["info", "--catalogue", "/no/such/file.json"], "/no/such/file.json: No such file"),
        (
            ["list", "--from", "1959", "--to", "1950"],
            "'1959/1950': the period starts after it ends",
        ),
        (
            ["export", "--format", "ris", "-o", "/no/such/dir/x.ris"],
            "/no/such/dir/x.ris: No such file",
        ),
        (["load", "a.json", "--out", "merged.txt"], "suffix '.txt'"),
    ],
)
def test_user_errors_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's mistake prints one line on stderr and exits 2, no traceback."""
    status, _ = run(*argv)
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.splitlines())
    assert message in err


def test_bad_catalogue_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken catalogue file gives one line naming the file."""
    path = tmp_path / "bad.json"
    path.write_text("{", "utf-8")
    status, _ = run("info", "--catalogue", str(path))
    err = capsys.readouterr().err
    assert (2, 1) == (status, len(err.splitlines()))
    assert str(path) in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits 2 with a one-line message."""
    with pytest.raises(SystemExit) as info:
        main(["lst"])
    assert 2 == info.value.code
    assert 1 == len(capsys.readouterr().err.splitlines())


def test_catalogue_option_reads_a_file(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """--catalogue uses a user's file instead of the bundled one."""
    path = tmp_path / "mine.jsonl"
    small = ssd.Catalogue(documents=[bundled["112088"]])
    ssd.dump(small, path)
    _, out = run("list", "--catalogue", str(path), "--json")
    assert ["112088"] == [d["id"] for d in json.loads(out)]


def test_python_dash_m() -> None:
    """python -m sinosoviet_docs runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "sinosoviet_docs", "show", "112088"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == result.returncode
    assert "Discussion between N.S. Khrushchev and Mao Zedong" in result.stdout


def test_version() -> None:
    """--version prints the installed version."""
    status, out = run("--version")
    assert (0, f"sinosoviet-docs {ssd.__version__}\n") == (status, out)


# -- the load command ----------------------------------------------------------------------

PAGES = Path(__file__).parent / "data" / "pages"
RIS = Path(__file__).parent / "data" / "ris"


def test_load_merges_captures_and_ris_into_a_file(tmp_path: Path) -> None:
    """load reads each file by its kind, merges them and writes the catalogue."""
    out_path = tmp_path / "merged.json"
    status, out = run(
        "load", str(PAGES / "new_collection.txt"), str(RIS / "served.ris"), "--out", str(out_path)
    )
    merged = ssd.load(out_path)
    assert 0 == status
    assert 6 == len(merged)
    assert f"wrote {out_path}: 6 documents, 1 collections, 0 conflicts kept\n" == out


def test_load_json_summary(tmp_path: Path) -> None:
    """load --json prints the counts as data."""
    out_path = tmp_path / "merged.jsonl"
    _, out = run("load", str(RIS / "zotero.ris"), "--out", str(out_path), "--json")
    assert {"documents": 2, "conflicts": 0, "warnings": 0} == {
        k: v for k, v in json.loads(out).items() if k in ("documents", "conflicts", "warnings")
    }


def test_load_prints_warnings_for_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems of a non-strict load are printed on stderr as warnings."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Skip to content\n\nA\n\nB\n\nPopular Documents\n\n1958\n\nT\n\nS\n\nstray", "utf-8"
    )
    status, _ = run("load", str(page), "--out", str(tmp_path / "o.json"))
    assert 0 == status
    assert "warning:" in capsys.readouterr().err


def test_load_strict_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """load --strict stops at the first problem with a one-line error and status 2."""
    page = tmp_path / "page.txt"
    page.write_text("Skip to content\n\nA\n\nB\n\nPopular Documents\n\nstray", "utf-8")
    status, _ = run("load", str(page), "--out", str(tmp_path / "o.json"), "--strict")
    err = capsys.readouterr().err
    assert 2 == status
    assert (
        f"sinosoviet-docs: error: {page}, line 9: expected an entry's date (e.g. 'July 5, 1950'), found 'stray'\n"
        == err
    )


def test_load_progress_bar_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--progress draws a bar with the rows done and the total for a scrape database."""
    import sqlite3

    db = tmp_path / "scrape.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE documents (document_url TEXT, title TEXT, record_id TEXT)")
        conn.executemany(
            "INSERT INTO documents VALUES (?, ?, ?)",
            [(f"u{i}", f"Title {i}", str(900200 + i)) for i in range(3)],
        )
    conn.close()
    status, _ = run("load", str(db), "--out", str(tmp_path / "o.json"), "--progress")
    assert 0 == status
    assert f"\r{db} [{'#' * 30}] 3/3\n" == capsys.readouterr().err


# -- the search command --------------------------------------------------------------------


def test_search_prints_a_ranked_table(bundled: ssd.Catalogue) -> None:
    """search prints date, title and id (type when known), best match first, and a count."""
    status, out = run("search", '"east wind" OR reunification')
    lines = out.splitlines()
    assert 0 == status
    assert ["date", "title", "id"] == lines[0].split()
    ranked = bundled.search('"east wind" OR reunification').ids()
    assert ranked == [line.split()[-1] for line in lines[2:-1]]
    assert f"{len(ranked)} of {len(ranked)} documents" == lines[-1]


@pytest.mark.parametrize("extra", [(), ("--json",), ("--csv",), ("--limit", "1")])
def test_search_runs_the_query_once(
    monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    """search counts, lists and scores from one run of the plan, not one run each."""
    runs = count_plan_runs(monkeypatch)
    status, out = run("search", "mao stalin year:1950..1951", *extra)
    assert 0 == status
    assert out
    assert 1 == len(runs)


def test_search_json_and_csv_give_the_same_documents(bundled: ssd.Catalogue) -> None:
    """--json and --csv list the same documents in the same order, with scores."""
    _, out_json = run("search", "mao stalin year:1950..1951", "--json")
    _, out_csv = run("search", "mao stalin year:1950..1951", "--csv")
    from_json = [(d["id"], round(d["score"], 4)) for d in json.loads(out_json)]
    rows = [line.rsplit(",", 2)[-2:] for line in out_csv.splitlines()[1:]]
    assert from_json == [(i, float(s)) for i, s in rows]
    assert bundled.search("mao stalin year:1950..1951").limit(20).ids() == [i for i, _ in from_json]


def test_search_bad_syntax_is_one_line_naming_the_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bad search string exits 2 with one line that points at the offending column."""
    status, _ = run("search", "taiwan OR )")
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.strip().splitlines())
    assert "column 11" in err


def test_several_problems_show_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file with several problems gives one line that names the first of them."""
    path = tmp_path / "two.json"
    path.write_text('{"kind": "x", "schema_version": 7}', "utf-8")
    status, _ = run("info", "--catalogue", str(path))
    err = capsys.readouterr().err
    assert (2, 1) == (status, len(err.splitlines()))
    assert "2 problems; the first: expected kind" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "taiwan", "--json", "--csv"], "choose one of --json and --csv"),
        (["export", "--format", "ris", "--json"], "for JSON Lines use --format jsonl"),
    ],
)
def test_options_that_clash_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options that cannot go together exit 2 with one line, instead of one being ignored."""
    status, _ = run(*argv)
    err = capsys.readouterr().err
    assert (2, 1) == (status, len(err.splitlines()))
    assert message in err


def test_load_reads_no_bundled_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load works from its own inputs: the bundled catalogue is not read for it."""
    import sinosoviet_docs.cli._shared as cli

    source = tmp_path / "in.json"
    ssd.dump(ssd.Catalogue(documents=[ssd.Document(id="a", title="A")]), source)

    def no_bundled(path: object = None) -> ssd.Catalogue:
        raise AssertionError("the bundled catalogue was loaded")

    monkeypatch.setattr(cli, "load", no_bundled)
    status, _ = run("load", str(source), "--out", str(tmp_path / "out.json"), "--no-progress")
    assert 0 == status
    assert ["a"] == [d.id for d in ssd.load(tmp_path / "out.json")]


def test_broken_pipe_is_quiet() -> None:
    """Piping into a reader that stops early (`| head -1`) is no error and prints none."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinosoviet_docs", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert 0 == proc.wait()
    assert b"" == err


def test_load_with_catalogue_merges_into_the_bundled_one(
    bundled: ssd.Catalogue, tmp_path: Path
) -> None:
    """--with-catalogue is ssd.load().merge(...): a loaded record keeps its collections."""
    source = tmp_path / "mine.json"
    ssd.dump(ssd.Catalogue(documents=[bundled["112088"]]), source)
    out_path = tmp_path / "out.jsonl"
    status, _ = run("load", str(source), "--out", str(out_path), "--with-catalogue")
    merged = ssd.load(out_path)
    assert 0 == status
    assert bundled.merge(ssd.load(source)) == merged
    assert bundled["112088"].collections == merged["112088"].collections
    run("load", str(source), "--out", str(out_path))
    assert 1 == len(ssd.load(out_path))


PROBLEM_PAGE = "Skip to content\n\nA\n\nB\n\nPopular Documents\n\n1958\n\nT\n\nS\n\nstray\n\nmore\n"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_load_problems_file_has_every_problem(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--problems writes each problem with its file and line; stderr names the first."""
    page = tmp_path / "page.txt"
    page.write_text(PROBLEM_PAGE, "utf-8")
    problems_path = tmp_path / f"problems{suffix}"
    status, _ = run(
        "load", str(page), "--out", str(tmp_path / "o.json"), "--problems", str(problems_path)
    )
    text = problems_path.read_text("utf-8")
    if suffix == ".csv":
        records = list(csv.DictReader(io.StringIO(text)))
    else:
        records = [json.loads(line) for line in text.splitlines()]
    expected = ssd.parse_page(PROBLEM_PAGE, source=str(page)).problems
    assert 0 == status
    assert len(expected) == len(records) > 1
    assert [str(page)] * len(expected) == [r["source"] for r in records]
    assert [p.message for p in expected] == [r["message"] for r in records]
    assert [str(p.line) for p in expected] == [str(r["line"]) for r in records]
    err = capsys.readouterr().err
    assert f"(and {len(expected) - 1} more)" in err
    assert "--problems FILE" not in err


def test_load_without_problems_file_says_how_to_see_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several problems and no --problems: the warning says how to see every one."""
    page = tmp_path / "page.txt"
    page.write_text(PROBLEM_PAGE, "utf-8")
    run("load", str(page), "--out", str(tmp_path / "o.json"))
    assert "; --problems FILE writes every one" in capsys.readouterr().err


def test_load_problems_file_must_be_csv_or_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another suffix is a usage error before any input is read."""
    status, _ = run("load", "nowhere.txt", "--out", str(tmp_path / "o.json"), "--problems", "p.txt")
    err = capsys.readouterr().err
    assert (2, 1) == (status, len(err.splitlines()))
    assert "--problems p.txt: name a .csv or .jsonl file" in err


def test_an_internal_error_is_one_line_asking_for_a_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug is no traceback but one line asking to report it, status 70; --debug adds the trace."""
    import sinosoviet_docs.cli as cli

    def broken(*_args: object) -> None:
        raise RuntimeError("an invariant broke")

    monkeypatch.setattr(cli, "_info", broken)
    status, _ = run("info")
    err = capsys.readouterr().err
    assert (70, 1) == (status, len(err.splitlines()))
    assert "internal error: RuntimeError: an invariant broke" in err
    assert "please report it" in err
    status, _ = run("info", "--debug")
    err = capsys.readouterr().err
    assert 70 == status
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: an invariant broke" in err


@pytest.mark.parametrize("argv", [["show", "nope", "--debug"], ["--debug", "show", "nope"]])
def test_a_user_error_with_debug_shows_the_traceback_too(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--debug (before or after the command) shows where a user error came from; status 2."""
    status, _ = run(*argv)
    err = capsys.readouterr().err
    assert 2 == status
    assert "Traceback (most recent call last):" in err
    assert err.splitlines()[-1].startswith("sinosoviet-docs: error: no document with id 'nope'")


def test_load_prints_other_warnings_as_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warning a loader issues while reading is one 'warning:' line, counted in the summary."""
    import warnings

    import sinosoviet_docs.cli._load as cli

    source = tmp_path / "in.json"
    ssd.dump(ssd.Catalogue(documents=[ssd.Document(id="a", title="A")]), source)
    read = cli._read_input

    def warning_read(path: str, **options: object) -> object:
        warnings.warn("an odd record", ssd.LoadWarning, stacklevel=1)
        return read(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_read_input", warning_read)
    status, out = run("load", str(source), "--out", str(tmp_path / "o.json"), "--json")
    assert (0, 1) == (status, json.loads(out)["warnings"])
    assert "sinosoviet-docs: warning: an odd record\n" == capsys.readouterr().err


def test_search_by_roles_under_or_lists_only_those_messages() -> None:
    """from:stalin (to:mao OR to:zhou) year:1950 lists the messages Stalin sent Mao or
    Zhou in 1950, and no reply to him."""
    status, out = run("search", "from:stalin (to:mao OR to:zhou) year:1950", "--jsonl")
    assert 0 == status
    assert [
        "Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin",
        "Telegram from Flippov [Stalin] to Mao Zedong and Zhou Enlai",
        "Ciphered telegram, Filippov [Stalin] to Zhou Enlai or Mao Zedong (via Roshchin)",
        "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)",
        "Ciphered telegram, Filippov [Stalin] to Mao Zedong",
    ] == [json.loads(line)["title"] for line in out.splitlines()]


# -- bad input on the command line (hostile-input review) -------------------------------------


def test_a_deeply_nested_catalogue_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--catalogue of JSON nested 100,000 deep: exit 2 (a user error) and one line naming the file."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    assert 2 == run("info", "--catalogue", str(path))[0]
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert "deep.json: invalid JSON at line 1, column 201" in err


def test_a_latin_1_catalogue_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalogue that is not UTF-8 is reported with its file, line and byte offset."""
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"title": "Caf\xe9"}')
    assert 2 == run("info", "--catalogue", str(path))[0]
    assert (
        "latin.json: expected UTF-8 text, found b'\\xe9' at line 1, byte offset 14"
        in capsys.readouterr().err
    )


def test_search_nested_too_deep_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A query nested hundreds deep exits 2 with one line, not a RecursionError traceback."""
    status, _ = run("search", "(" * 400 + "taiwan" + ")" * 400)
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.strip().splitlines())
    assert "nested more than" in err


def test_export_csv_guards_formulas_unless_raw(tmp_path: Path) -> None:
    """export --format csv quotes a formula-like cell; --raw writes it as it is."""
    doc = ssd.Document(id="x", title='=HYPERLINK("http://example.org","click")')
    path = tmp_path / "c.json"
    ssd.dump(ssd.Catalogue(documents=[doc]), path)
    status, out = run("export", "--catalogue", str(path), "--format", "csv")
    assert 0 == status
    assert next(csv.DictReader(io.StringIO(out)))["title"] == "'" + doc.title
    status, out = run("export", "--catalogue", str(path), "--format", "csv", "--raw")
    assert next(csv.DictReader(io.StringIO(out)))["title"] == doc.title
    target = tmp_path / "raw.csv"
    status, _ = run(
        "export", "--catalogue", str(path), "--format", "csv", "--raw", "-o", str(target)
    )
    assert 0 == status
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert rows[0]["title"] == doc.title


def test_export_raw_is_only_for_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("export", "--format", "ris", "--raw")
    assert 2 == status
    assert "--raw is for --format csv" in capsys.readouterr().err


def test_sort_by_relevance_without_words_is_a_user_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only filters and --sort relevance: one line and status 2, not an internal error."""
    assert 2 == run("search", "type:Telegram", "--sort", "relevance")[0]
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert "needs words to search for" in err


def test_load_with_catalogue_takes_a_store(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """--with-catalogue --catalogue x.sqlite merges into the stored catalogue."""
    store = tmp_path / "c.sqlite"
    bundled.save(store)
    source = tmp_path / "mine.json"
    ssd.dump(ssd.Catalogue(documents=[bundled["112088"]]), source)
    out_path = tmp_path / "out.json"
    status, _ = run(
        "load", str(source), "--out", str(out_path), "--with-catalogue", "--catalogue", str(store)
    )
    assert 0 == status
    assert bundled.merge(ssd.load(source)) == ssd.load(out_path)


def test_serve_refuses_a_catalogue_of_no_known_suffix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """serve --catalogue notes.txt is a one-line user error, before anything is served."""
    import sinosoviet_docs.serve

    def no_serving(*_args: object, **_options: object) -> int:
        raise AssertionError("serve was reached")

    monkeypatch.setattr(sinosoviet_docs.serve, "serve", no_serving)
    notes = tmp_path / "notes.txt"
    ssd.dump(ssd.Catalogue(documents=[ssd.Document(id="a", title="A")]), tmp_path / "c.json")
    notes.write_bytes((tmp_path / "c.json").read_bytes())
    status, out = run("serve", "--catalogue", str(notes))
    err = capsys.readouterr().err
    assert (2, 1, "") == (status, len(err.splitlines()), out)
    assert "suffix '.txt'" in err


def test_serve_takes_no_json_option(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """serve prints no data, so --json is an unknown option there, not one silently ignored."""
    import sinosoviet_docs.serve

    monkeypatch.setattr(sinosoviet_docs.serve, "serve", lambda *_a, **_o: 0)
    with pytest.raises(SystemExit) as info:
        main(["serve", "--json"])
    assert 2 == info.value.code
    assert "unrecognized arguments: --json" in capsys.readouterr().err


_COMMAND_LINES = [
    ["info", "--json"],
    ["list", "--from", "1950-02", "--to", "1950-06", "--within", "--csv"],
    ["show", "1952-12-27", "--debug"],
    ["cite", "a", "b", "--style", "bibliography", "--format", "ris"],
    ["export", "--format", "ris", "--search", "stalin"],
    ["search", "stalin type:telegram", "--limit", "3", "--sort=-date", "--jsonl"],
    ["load", "x.jsonl", "--out", "y.sqlite"],
    ["check", "--catalogue", "x.sqlite"],
    ["serve", "--port", "8002"],
]


@pytest.mark.parametrize("argv", _COMMAND_LINES, ids=lambda argv: argv[0])
def test_a_command_parsed_alone_is_parsed_as_among_all(argv: list[str]) -> None:
    """The parser of the command named first is built alone: it reads the command line
    and writes the command's help as the parser of every command does."""
    from sinosoviet_docs.cli import _COMMANDS, _build_parser

    assert argv[0] in _COMMANDS
    alone, every = _build_parser(argv[0]), _build_parser()
    try:
        expected = every.parse_args(argv)
    except SystemExit:  # a line this test got wrong: say so
        pytest.fail(f"not a valid command line: {argv}")
    assert expected == alone.parse_args(argv)

    def command_help(parser: Any) -> str:
        action = next(a for a in parser._actions if a.dest == "command")
        return str(action.choices[argv[0]].format_help())

    assert command_help(every) == command_help(alone)


def test_a_line_not_starting_with_a_command_gets_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Help, --version and a misspelt command still see the whole command line."""
    status, out = run("--debug")
    assert 2 == status
    assert all(name in out for name in ("info", "search", "serve"))
    with pytest.raises(SystemExit):
        run("serach", "x")
    assert "invalid choice: 'serach'" in capsys.readouterr().err


def test_a_search_of_a_store_imports_only_what_it_uses(tmp_path: Path) -> None:
    """A search for a word that names nobody, on a store, imports neither cattrs nor the
    name authority's records, the exports or the other commands (each costs milliseconds
    on every run of the command)."""
    store = tmp_path / "archive.sqlite"
    ssd.load().save(store)
    unwanted = (
        "cattrs",
        "tempfile",
        "sinosoviet_docs.names._records",
        "sinosoviet_docs.export",
        "sinosoviet_docs.cli._load",
        "sinosoviet_docs.cli._cite",
    )
    code = (
        "import io, sys\n"
        "from sinosoviet_docs.cli import main\n"
        f"status = main(['search', 'ammunitions', '--catalogue', {str(store)!r}], stdout=io.StringIO())\n"
        f"print(status, sorted(m for m in {unwanted!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "0 []" == out.stdout.strip()
