"""The export function and the export command: formats, files, selections."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import rispy

import sinosoviet_docs as ssd
from sinosoviet_docs import export
from sinosoviet_docs.cli import main

from .samples import KHRUSHCHEV


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
    """An unknown --id exits with status 2 and one line on stderr."""
    status, _ = run("export", "--format", "csv", "--id", "nope")
    assert (2, 1) == (status, len(capsys.readouterr().err.splitlines()))


def test_cli_export_needs_a_known_format(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format is a usage error (status 2)."""
    with pytest.raises(SystemExit) as exc:
        run("export", "--format", "docx")
    assert 2 == exc.value.code


def test_cli_export_search_selects_in_date_order(bundled: ssd.Catalogue) -> None:
    """export --search takes the search language and writes the matches in date order."""
    query = 'person:Stalin person:"Mao Zedong" year:1951'
    status, out = run("export", "--format", "jsonl", "--search", query)
    expected = bundled.search(query).sort("date").ids()
    assert (0, expected) == (status, [json.loads(line)["id"] for line in out.splitlines()])
