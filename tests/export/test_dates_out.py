"""What every export writes for decades, seasons, circa dates, ranges and open ranges.

Nothing is invented on the way out: a decade is not its first year, a range
not its start, and an open end is left open (never 0001 or 9999). What the
exports write is also read back: by the official CSL schema, citeproc-py and
pandoc, and by the library's own RIS loader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs import export, loads_ris
from sinosoviet_docs.dates import DateRange, PartialDate, parse_date
from sinosoviet_docs.export import csl_item, to_bibtex, to_records, to_ris

from ..strategies import any_dates, date_ranges
from . import readers
from .samples import doc_with
from .test_csl import CSL_VALIDATOR

#: One date of every kind a document may have, as printed.
EVERY_KIND = (
    "the 1950s",
    "the 20th century",
    "Spring 1958",
    "Winter 1955",
    "circa Autumn 1958",
    "circa 1958",
    "December 1959 (?)",
    "1950-1953",
    "February 1950 - June 1950",
    "Spring 1958 - Autumn 1958",
    "1950s/1960s",
    "1950/..",
    "../1959",
)


def _dated(printed: str) -> Any:
    return doc_with(date=parse_date(printed))


# -- CSL-JSON: date-parts, a range as two of them, season, circa; literal when nothing fits --


@pytest.mark.parametrize(
    ("printed", "issued"),
    [
        ("circa 1958", {"date-parts": [[1958]], "circa": True}),
        ("the 1950s", {"date-parts": [[1950], [1959]]}),
        ("Spring 1958", {"date-parts": [[1958]], "season": 1}),
        ("Winter 1955", {"date-parts": [[1955]], "season": 4}),
        ("circa Autumn 1958", {"date-parts": [[1958]], "season": 3, "circa": True}),
        ("1950-1953", {"date-parts": [[1950], [1953]]}),
        ("February 1950 - June 1950", {"date-parts": [[1950, 2], [1950, 6]]}),
        ("1950/..", {"literal": "1950–"}),
        ("../1959", {"literal": "–1959"}),
    ],
)
def test_csl_issued(printed: str, issued: dict[str, Any]) -> None:
    """CSL-JSON's ``issued``: as many date parts as known, a range as two, ``season`` (1
    spring to 4 winter) and ``circa``; ``literal`` only for an open range, which parts
    cannot hold."""
    assert issued == csl_item(_dated(printed))["issued"]


# -- RIS: PY only for a date inside one year; the printed form where parts say too much -----


def _ris_dates(printed: str) -> list[str]:
    return [line for line in to_ris(_dated(printed)).splitlines() if line[:2] in ("PY", "DA")]


@pytest.mark.parametrize(
    ("printed", "lines"),
    [
        ("circa 1958", ["PY  - 1958", "DA  - 1958///circa"]),
        ("Spring 1958", ["PY  - 1958", "DA  - 1958///Spring"]),
        ("the 1950s", ["DA  - ///1950s"]),
        ("1950-1953", ["DA  - ///1950–1953"]),
        ("1950/..", ["DA  - ///1950–"]),
    ],
)
def test_ris_dates(printed: str, lines: list[str]) -> None:
    """RIS's ``PY`` is one year, so a decade or a range gets none; ``DA`` keeps the parts it
    knows and says the rest in its free part."""
    assert lines == _ris_dates(printed)


# -- BibTeX (year field) and BibLaTeX (an EDTF date field) -------------------------------------


def _field(entry: str, name: str) -> str | None:
    match = re.search(rf"^  {name} +=\s*\{{(.*)\}},?$", entry, re.MULTILINE)
    return None if match is None else match[1]


@pytest.mark.parametrize(
    ("printed", "year"),
    [
        ("circa 1958", "1958"),
        ("Spring 1958", "1958"),
        ("the 1950s", "1950--1959"),
        ("1950-1953", "1950--1953"),
        ("1950/..", "1950--"),
    ],
)
def test_bibtex_year(printed: str, year: str) -> None:
    """BibTeX's ``year`` is free text: a decade or range as its years with ``--``, an open
    range with nothing after; a season has no month."""
    entry = to_bibtex(_dated(printed))
    assert (year, None) == (_field(entry, "year"), _field(entry, "month"))


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("circa 1958", "1958~"),
        ("the 1950s", "195X"),
        ("Spring 1958", "1958-21"),
        ("1950-1953", "1950/1953"),
        ("1950/..", "1950/"),
    ],
)
def test_biblatex_date(printed: str, date: str) -> None:
    """BibLaTeX reads EDTF: decades, seasons, qualifiers and ranges as they are; an open end
    as nothing after the slash."""
    assert date == _field(to_bibtex(_dated(printed), dialect="biblatex"), "date")


# -- tables: the EDTF form, the printed form, the precision and the bounds ---------------------


@pytest.mark.parametrize(
    ("printed", "columns"),
    [
        ("the 1950s", ("195X", "1950s", "decade", "1950-01-01", "1959-12-31")),
        ("Winter 1955", ("1955-24", "Winter 1955", "season", "1955-12-01", "1956-02-29")),
        ("circa 1958", ("1958~", "circa 1958", "year", "1958-01-01", "1958-12-31")),
        ("1950-1953", ("1950/1953", "1950–1953", "range", "1950-01-01", "1953-12-31")),
        ("1950/..", ("1950/..", "1950–", "range", "1950-01-01", None)),
        ("../1959", ("../1959", "–1959", "range", None, "1959-12-31")),
    ],
)
def test_table_date_columns(printed: str, columns: tuple[str | None, ...]) -> None:
    """A table's date columns: an open end's bound is empty, not a made-up first or last day."""
    (record,) = to_records(_dated(printed))
    names = ("date", "date_display", "date_precision", "date_earliest", "date_latest")
    assert columns == tuple(record[name] for name in names)


# -- every format: an open end is open ----------------------------------------------------------


@pytest.mark.parametrize("format", list(export.FORMATS))
def test_open_ends_are_never_written_as_a_first_or_last_year(format: str) -> None:
    """No export writes 0001 or 9999 (or their days) for the open end of a range."""
    text = export.export([_dated("1950/.."), _dated("../1959")], format)  # type: ignore[arg-type]
    assert not re.search(r"\b0*1-01-01\b|\b9999\b|\b0001\b", text)


# -- what reading programs make of it ---------------------------------------------------------


def test_csl_dates_of_every_kind_are_valid() -> None:
    """The official CSL schema accepts the ``issued`` of every kind of date."""
    items = [csl_item(_dated(printed)) for printed in EVERY_KIND]
    assert [] == [e.message for e in CSL_VALIDATOR.iter_errors(items)]


_RENDERED = {
    "the 1950s": "1950–1959",
    "Spring 1958": "Spring 1958",
    "Winter 1955": "Winter 1955",
    "1950-1953": "1950–1953",
    "February 1950 - June 1950": "February–June 1950",
    "1950/..": "1950–",
    "../1959": "–1959",
}


@pytest.mark.parametrize("reader", ["citeproc-py", "pandoc"])
def test_chicago_prints_every_kind_of_date(reader: str, tmp_path: Path) -> None:
    """citeproc-py and pandoc print a decade as its years, a season by name, a range as
    one, and an open range with nothing on its open side."""
    words = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta")
    items = [
        csl_item(doc_with(id=f"d{n}", title=f"Report {word}", date=parse_date(printed)))
        for n, (printed, word) in enumerate(zip(_RENDERED, words, strict=True))
    ]
    rendered = readers.pandoc(items, tmp_path) if reader == "pandoc" else readers.citeproc_py(items)
    found = {
        printed: [f"{shown}," in note and f"{shown}." in entry]
        for (printed, shown), (note, entry) in zip(
            _RENDERED.items(), (rendered[i["id"]] for i in items), strict=True
        )
    }
    assert {printed: [True] for printed in _RENDERED} == found


@pytest.mark.parametrize("printed", EVERY_KIND)
def test_load_ris_reads_back_every_kind_of_date(printed: str) -> None:
    """What ``DA`` says, the library's RIS loader reads back to the same date."""
    (doc,) = loads_ris(to_ris(_dated(printed)))
    assert parse_date(printed) == doc.date


@given(st.one_of(st.none(), any_dates(), date_ranges()))
def test_load_ris_reads_back_any_date(date: PartialDate | DateRange | None) -> None:
    """Any date a document may have comes back from RIS as it went."""
    (doc,) = loads_ris(to_ris(doc_with(date=date)))
    assert date == doc.date
