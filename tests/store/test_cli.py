"""The command line takes a store wherever it takes a catalogue, and builds one."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

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
    assert _run("info", "--catalogue", str(bad))[0] == 2


def test_serve_prepares_the_store_then_runs_datasette(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sinosoviet_docs import serve

    ran: list[list[str]] = []

    def prepare(catalogue: object, port: int, cache: object = None) -> list[str]:
        assert port == 8123
        return [sys.executable, "-c", "pass"]

    monkeypatch.setattr(serve, "prepare", prepare)
    monkeypatch.setattr(serve.subprocess, "call", lambda argv: ran.append(argv) or 0)
    status, out = _run("serve", "--port", "8123")
    assert status == 0
    assert out == "serving http://127.0.0.1:8123/ (Ctrl-C stops)\n"
    assert ran == [[sys.executable, "-c", "pass"]]


def test_serve_without_the_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "datasette" else real(name, *a),
    )
    assert _run("serve")[0] == 2
    assert "pip install 'sinosoviet-docs[serve]'" in capsys.readouterr().err
