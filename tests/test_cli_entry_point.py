"""The installed ``sinosoviet-docs`` command, run as a user runs it: lookups, output, exit status."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sinosoviet_docs as ssd

TELEGRAM = "1950-07-05-ciphered-telegram-no-3172-stalin-to-zhou-enlai-via-roshchin"


def _entry_point() -> str:
    """The script beside this Python (the venv under test), else the one on PATH."""
    name = "sinosoviet-docs"
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"the {name} entry point is not installed (pip install -e .)")
    return found


def cli(*argv: str, columns: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns)}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [_entry_point(), *argv], capture_output=True, text=True, check=False, env=env
    )


@pytest.mark.parametrize(
    "key",
    [
        "3172",
        TELEGRAM,
        "1950-07-05-ciphered",
    ],
)
def test_show_finds_a_document_by_any_key(key: str) -> None:
    """show takes a telegram number, an id or the start of one."""
    result = cli("show", key)
    assert (0, "") == (result.returncode, result.stderr)
    assert f"id:               {TELEGRAM}" == result.stdout.splitlines()[0]


@pytest.mark.parametrize(
    "key",
    [
        "112088",
        "https://digitalarchive.wilsoncenter.org/document/112088",
        "http://digitalarchive.wilsoncenter.org/document/112088.pdf?v=1#page=2",
    ],
)
def test_show_finds_a_record_by_record_id_or_address(key: str) -> None:
    """A record id and either site's address, with .pdf or a fragment, name the record."""
    result = cli("show", key, "--json")
    assert 0 == result.returncode
    assert 112088 == json.loads(result.stdout)["record_id"]


def test_an_unknown_key_is_one_line_with_the_closest_and_status_2() -> None:
    """A near miss exits 2 with one line that names the likeliest documents."""
    result = cli("show", "1952-12-27-telegram-from-stalin-to-mao-zedog")
    assert (2, "") == (result.returncode, result.stdout)
    assert 1 == len(result.stderr.splitlines())
    assert "the closest: 1952-12-27-telegram-from-stalin-to-mao-zedong" in result.stderr


def test_an_ambiguous_key_lists_what_it_names() -> None:
    """A prefix two documents share exits 2 naming both."""
    result = cli("show", "1950-07-05")
    assert 2 == result.returncode
    assert "'1950-07-05' names 2 documents: " in result.stderr
    assert TELEGRAM in result.stderr


def test_export_id_takes_a_telegram_number() -> None:
    """export --id looks documents up as show does."""
    result = cli("export", "--format", "jsonl", "--id", "3172")
    assert 0 == result.returncode
    assert [TELEGRAM] == [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_list_piped_fits_the_width_and_hides_the_empty_type_column() -> None:
    """Piped, every line of the table fits $COLUMNS; titles are cut with '…', ids kept whole."""
    result = cli("list", columns=140)
    lines = result.stdout.splitlines()
    assert 0 == result.returncode
    assert ["date", "type", "id", "title"] == lines[0].split()  # three documents have a type
    assert max(len(line) for line in lines) <= 140
    assert any(line.endswith("…") for line in lines)
    assert TELEGRAM in result.stdout.split()
    narrowed = cli("list", "--collection", "sino-soviet-alliance-1950-1959").stdout
    assert ["date", "id", "title"] == narrowed.splitlines()[0].split()


@pytest.mark.parametrize("command", [["list"], ["info"], ["search", "stalin mao"]])
def test_every_listing_has_csv_and_jsonl_with_the_same_records(command: list[str]) -> None:
    """--csv and --jsonl list the same things, one row or line each."""
    rows = list(csv.DictReader(io.StringIO(cli(*command, "--csv").stdout)))
    records = [json.loads(line) for line in cli(*command, "--jsonl").stdout.splitlines()]
    assert rows
    assert len(rows) == len(records)
    key = "collection" if command == ["info"] else "id"
    assert [r[key] for r in rows] == [r["slug" if key == "collection" else "id"] for r in records]


def test_two_machine_formats_are_a_usage_error() -> None:
    """--json with --jsonl is refused in one line, status 2."""
    result = cli("list", "--json", "--jsonl")
    assert (2, 1) == (result.returncode, len(result.stderr.splitlines()))
    assert "choose one of --json and --jsonl" in result.stderr


def test_info_shows_titles_and_documents_in_no_collection(bundled: ssd.Catalogue) -> None:
    """info prints each collection's title beside its slug, and counts the rest."""
    result = cli("info")
    assert "Sino-Soviet Alliance, 1950-1959" in result.stdout
    outside = sum(1 for d in bundled if not d.collections)
    assert f"{outside} of the {len(bundled)} documents are in none of these" in result.stdout
    data = json.loads(cli("info", "--json").stdout)
    assert outside == data["documents_in_no_collection"]
    assert "Sino-Soviet Alliance, 1950-1959" == data["collections"][0]["title"]


def test_a_file_of_no_known_kind_is_refused(tmp_path: Path) -> None:
    """A README given as a page capture exits 2 with one line naming it; nothing is written."""
    readme = tmp_path / "README.md"
    readme.write_text("# A project\n\nSome words about it.\n", "utf-8")
    out = tmp_path / "mine.jsonl"
    result = cli("load", str(readme), "--out", str(out))
    assert (2, 1) == (result.returncode, len(result.stderr.splitlines()))
    assert f"{readme}: not a page capture" in result.stderr
    assert not out.exists()


def test_debug_is_accepted_and_changes_nothing_on_success() -> None:
    """--debug on a command that works prints what it prints without it."""
    assert cli("show", "112088").stdout == cli("show", "112088", "--debug").stdout


def test_help_says_what_load_merges_by_default() -> None:
    """load --help says that --out holds only the inputs unless --with-catalogue is given."""
    result = cli("load", "--help", columns=200)
    assert "--with-catalogue" in result.stdout
    assert "default: --out holds the inputs only" in result.stdout
