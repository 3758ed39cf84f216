"""The command line: each command's output, --json, and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.cli import main


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
    """The table shows date, type, id and title, and a count."""
    status, out = run("list", "--collection", "Sino-Soviet Alliance, 1950-1959")
    lines = out.splitlines()
    assert 0 == status
    assert ["date", "type", "id", "title"] == lines[0].split()
    assert "8 documents" == lines[-1]
    assert "December 27, 1952" in out


def test_show_prints_every_field(bundled: ssd.Catalogue) -> None:
    """show lists every field of the document, unknown ones marked as such."""
    status, out = run("show", "112088")
    assert 0 == status
    names = [line.split(":", 1)[0] for line in out.splitlines()]
    assert [f.name for f in ssd.Document.__attrs_attrs__] == names
    assert "(unknown)" in out


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
    """A user's mistake prints one line on stderr and exits 1, no traceback."""
    status, _ = run(*argv)
    err = capsys.readouterr().err
    assert 1 == status
    assert 1 == len(err.splitlines())
    assert message in err


def test_bad_catalogue_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken catalogue file gives one line naming the file."""
    path = tmp_path / "bad.json"
    path.write_text("{", "utf-8")
    status, _ = run("info", "--catalogue", str(path))
    err = capsys.readouterr().err
    assert (1, 1) == (status, len(err.splitlines()))
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


# -- loaders issue: the load command --------------------------------------------------------

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
    """load --strict stops at the first problem with a one-line error and status 1."""
    page = tmp_path / "page.txt"
    page.write_text("Skip to content\n\nA\n\nB\n\nPopular Documents\n\nstray", "utf-8")
    status, _ = run("load", str(page), "--out", str(tmp_path / "o.json"), "--strict")
    err = capsys.readouterr().err
    assert 1 == status
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


# -- query issue: the search command ----------------------------------------------------------


def test_search_prints_a_ranked_table(bundled: ssd.Catalogue) -> None:
    """search prints date, type, title and id, best match first, and a count."""
    status, out = run("search", '"east wind" OR reunification')
    lines = out.splitlines()
    assert 0 == status
    assert ["date", "type", "title", "id"] == lines[0].split()
    ranked = bundled.search('"east wind" OR reunification').ids()
    assert ranked == [line.split()[-1] for line in lines[2:-1]]
    assert f"{len(ranked)} of {len(ranked)} documents" == lines[-1]


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
    """A bad search string exits 1 with one line that points at the offending column."""
    status, _ = run("search", "taiwan OR )")
    err = capsys.readouterr().err
    assert 1 == status
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
    assert (1, 1) == (status, len(err.splitlines()))
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
    import sinosoviet_docs.cli as cli

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


# -- bad input on the command line (hostile-input review) -------------------------------------


def test_a_deeply_nested_catalogue_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--catalogue of JSON nested 100,000 deep: exit 1 and one line naming the file."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    assert 1 == run("info", "--catalogue", str(path))[0]
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert "deep.json: invalid JSON at line 1, column 201" in err


def test_a_latin_1_catalogue_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalogue that is not UTF-8 is reported with its file, line and byte offset."""
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"title": "Caf\xe9"}')
    assert 1 == run("info", "--catalogue", str(path))[0]
    assert (
        "latin.json: expected UTF-8 text, found b'\\xe9' at line 1, byte offset 14"
        in capsys.readouterr().err
    )


@pytest.mark.xfail(
    strict=True,
    reason="cli.py: the top-level handler must turn any error (RecursionError from the search "
    "language here) into one error line and exit status 1",
)
def test_a_deeply_nested_query_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    """400 nested parentheses: no 3,000-line traceback."""
    assert 1 == run("search", "(" * 400 + "a")[0]
    assert 1 == len(capsys.readouterr().err.splitlines())
