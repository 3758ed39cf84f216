"""The check report: what the names tools could not read, and the CLI's check command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import sinosoviet_docs as ssd
from sinosoviet_docs.cli import main

from .rows import CAT, catalogue_of_rows


def test_report_counts_what_was_not_read() -> None:
    """report() counts messages, conversations, unparsed titles, unknown names and citations."""
    cat = catalogue_of_rows(
        "Cable, Filippov [Stalin] to Mao Zedong | APRF, f. 45, op. 1, d. 342, l. 78",
        "Telegram from A. Mikoyan to the CPSU Central Committee | a private letter",
        "Mao Zedong, Outline for a Speech",
        "Memorandum of Conversation between Stalin and Mao Zedong",
    )
    found = cat.report()
    assert (4, 2, 1, ("d2",)) == (
        found.documents,
        found.messages,
        found.conversations,
        found.unparsed_titles,
    )
    assert ((("CPSU Central Committee", 1),), 2, 1, ("d1",)) == (
        found.unknown_names,
        found.citations,
        found.references,
        found.raw_citations,
    )


def test_report_of_the_bundled_catalogue_reads_most_titles() -> None:
    """Of the bundled catalogue's 59 titles in a collection, at most 10 name no correspondence."""
    found = ssd.Catalogue(documents=[d for d in ssd.load() if d.collections]).report()
    assert len(found.unparsed_titles) <= 10


def test_cli_check_prints_the_report(tmp_path: Path) -> None:
    """`sinosoviet-docs check --json` prints the report of the chosen catalogue."""
    path = tmp_path / "cat.json"
    ssd.dump(CAT, path)
    out = io.StringIO()
    assert 0 == main(["check", "--catalogue", str(path), "--json"], stdout=out)
    data = json.loads(out.getvalue())
    assert (5, 4, 1) == (data["documents"], data["messages"], data["conversations"])


def test_cli_check_table() -> None:
    """Without --json, check prints the report as text."""
    out = io.StringIO()
    assert 0 == main(["check"], stdout=out)
    assert out.getvalue().startswith("documents: 299\n")


def test_the_earlier_names_are_the_same_class_and_function() -> None:
    """NamesReport is CheckReport and report is check, from every module that offered them."""
    from sinosoviet_docs import checks, correspondence

    assert ssd.NamesReport is checks.CheckReport is correspondence.NamesReport
    assert checks.report is checks.check is correspondence.report
