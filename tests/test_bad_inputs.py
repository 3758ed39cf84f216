"""The bad-input corpus: every file of ``tests/data/bad`` through every loader and the CLI.

``tests/data/bad/cases.tsv`` names, for each file, the loader it is meant
for, the error that loader must raise and the place its message must name
(file, record, line, row, column, byte offset or field path). Beyond its own
loader, every file goes through every other loader and the command line:
whatever it is, only the library's own errors may come out, and the CLI
prints one error line and exits with status 1, never a traceback.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.cli import main
from sinosoviet_docs.loaders.dispatch import load_any

BAD = Path(__file__).parent / "data" / "bad"

with (BAD / "cases.tsv").open(encoding="utf-8", newline="") as _handle:
    CASES = list(csv.DictReader(_handle, delimiter="\t"))

READERS: dict[str, Callable[[Path], object]] = {
    "load": ssd.load,
    "load_ris": ssd.load_ris,
    "load_scrape": lambda path: ssd.load_scrape(path, strict=True),
    "load_pages": lambda path: ssd.load_pages([path], strict=True),
}
#: Every reader a user can point at a file, strict or not.
EVERY_READER: dict[str, Callable[[Path], object]] = {
    **READERS,
    "load_scrape_report": ssd.load_scrape_report,
    "load_pages_lenient": lambda path: ssd.load_pages([path]),
    "load_any": load_any,
    "load_any_strict": lambda path: load_any(path, strict=True),
}
#: The corpus files whose defect lies in the date parser (dates.py), and the readers they stop.
_CRASHING_READERS: dict[str, set[str]] = {}  # readers a corpus file still crashes: none


def _xfail(case: dict[str, str]) -> list[pytest.MarkDecorator]:
    note = case["case"]
    if not note.startswith("XFAIL "):
        return []
    return [pytest.mark.xfail(strict=True, reason=note.removeprefix("XFAIL "))]


def test_the_corpus_has_a_row_for_each_file_and_sixty_cases() -> None:
    """Every file is in the table, every row names a file, and there are 60 or more."""
    files = sorted(p.name for p in BAD.iterdir() if p.name != "cases.tsv")
    assert files == sorted(c["file"] for c in CASES)
    assert len(CASES) >= 60
    assert {c["reader"] for c in CASES} <= set(READERS)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["file"], marks=_xfail(c)) for c in CASES])
def test_each_file_raises_its_error_naming_the_place(case: dict[str, str]) -> None:
    """The loader the file is meant for raises the error of the table, naming the place."""
    path = BAD / case["file"]
    error = getattr(ssd, case["error"])
    with pytest.raises(error) as caught:
        READERS[case["reader"]](path)
    message = str(caught.value)
    assert case["place"] in message
    assert str(path) in message


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        pytest.param(
            c["file"],
            reader,
            id=f"{c['file']}-{reader}",
            marks=_xfail(c) if reader in _CRASHING_READERS.get(c["file"], ()) else [],
        )
        for c in CASES
        for reader in EVERY_READER
    ],
)
def test_every_loader_raises_only_the_librarys_errors(name: str, reader: str) -> None:
    """Any corpus file through any loader: a result or a SinosovietDocsError, nothing else."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ssd.LoadWarning)
        with contextlib.suppress(ssd.SinosovietDocsError):
            EVERY_READER[reader](BAD / name)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["file"], marks=_xfail(c) if c["file"] in _CRASHING_READERS else [])
        for c in CASES
    ],
)
def test_the_cli_prints_one_error_line(
    case: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sinosoviet-docs load --strict on any corpus file: exit status 2 (a user error) and one line on stderr
    (with --catalogue as well for catalogue files), never a traceback."""
    path = str(BAD / case["file"])
    argvs = [["load", path, "--strict", "--out", str(tmp_path / "out.json")]]
    if case["reader"] == "load":
        argvs.append(["info", "--catalogue", path])
    for argv in argvs:
        assert 2 == main(argv, stdout=io.StringIO())
        err = capsys.readouterr().err
        assert 1 == len(err.splitlines()), err[:500]
        assert err.startswith("sinosoviet-docs: error: ")
