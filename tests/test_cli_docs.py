"""The command-line examples in the docs are what the command prints.

Each ```` ```console ```` block of the pages below holds ``$ sinosoviet-docs ...``
lines, each followed by its output (stdout, then stderr); a last line ``...``
stands for the rest. The commands run with tables 120 characters wide.
"""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from sinosoviet_docs.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["README.md", "docs/cli.md", "docs/tutorial.md"]
WIDTH = "120"

_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _examples() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in PAGES:
        for block in _BLOCK.findall((ROOT / page).read_text("utf-8")):
            command: str | None = None
            output: list[str] = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        found.append((page, command, output))
                    command, output = line[2:], []
                else:
                    output.append(line)
            if command is not None:
                found.append((page, command, output))
    return found


EXAMPLES = _examples()


def test_the_pages_have_examples() -> None:
    assert {page for page, _, _ in EXAMPLES} == set(PAGES)


@pytest.mark.parametrize(
    ("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES]
)
def test_example_prints_what_the_page_shows(
    page: str, command: str, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = shlex.split(command)
    assert "sinosoviet-docs" == argv[0], f"{page}: run the command itself, not {argv[0]}"
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", out)
    main(argv[1:], stdout=out)
    got = [line.rstrip() for line in out.getvalue().splitlines()]
    if expected and expected[-1] == "...":
        expected = expected[:-1]
        got = got[: len(expected)]
    assert expected == got
