"""The command line takes a store wherever it takes a catalogue, and builds one."""

from __future__ import annotations

import io
from pathlib import Path

import sinosoviet_docs as ssd
from sinosoviet_docs.cli import main


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_load_out_sqlite_builds_a_store_the_commands_read(tmp_path: Path) -> None:
    source = tmp_path / "cat.jsonl"
    ssd.dump(ssd.load(), source)
    store = tmp_path / "archive.sqlite"
    status, out = _run("load", str(source), "--out", str(store))
    assert status == 0, out
    assert f"wrote {store}" in out
    with ssd.open(store) as opened:
        assert opened.to_catalogue() == ssd.load()
    for command in (["search", "east wind"], ["show", "112088"], ["info"], ["list"]):
        assert _run(*command, "--catalogue", str(store)) == _run(
            *command, "--catalogue", str(source)
        )


def test_a_bad_store_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("no database here" * 50)
    assert _run("info", "--catalogue", str(bad))[0] == 1
