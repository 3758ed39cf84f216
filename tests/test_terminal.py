"""The CLI's printing: tables that fit, hidden empty columns, machine formats, colour."""

from __future__ import annotations

import io
import json

import pytest

from sinosoviet_docs._terminal import Columns, colour_for, emit, render_table, terminal_width

COLUMNS = Columns(headers=("date", "type", "id", "title"), flex=3)
ROWS = [
    ("July 5, 1950", "", "1950-07-05-x", "Ciphered Telegram No. 3172, Stalin to Zhou Enlai"),
    ("undated", "", "112088", "Discussion"),
]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_column_empty_in_every_row_is_left_out() -> None:
    """No document has a type: the type column and its header are not printed."""
    lines = render_table(COLUMNS, ROWS, 200)
    assert ["date", "id", "title"] == lines[0].split()
    assert "type" not in "\n".join(lines)


def test_the_flexible_column_is_cut_to_the_width() -> None:
    """Every line fits the width; the cut title ends with '…' and ids stay whole."""
    lines = render_table(COLUMNS, ROWS, 50)
    assert all(len(line) <= 50 for line in lines)
    assert lines[2].endswith("…")
    assert "1950-07-05-x" in lines[2].split()


def test_a_wrapped_column_goes_on_to_further_lines() -> None:
    """With wrap, no word is lost: the title continues under itself."""
    lines = render_table(Columns(headers=COLUMNS.headers, flex=3, wrap=True), ROWS, 50)
    assert all(len(line) <= 50 for line in lines)
    end = next(n for n, line in enumerate(lines) if line.startswith("undated"))
    assert end > 3
    words = " ".join(line[lines[0].index("title") :] for line in lines[2:end]).split()
    assert ROWS[0][3].split() == words


def test_ids_are_not_cut_when_the_width_is_too_small() -> None:
    """A table narrower than its fixed cells runs wider rather than cut an id."""
    lines = render_table(COLUMNS, ROWS, 10)
    assert "1950-07-05-x" in lines[2].split()


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pipe gets no colour; a terminal does, unless NO_COLOR is set (and not empty)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert (False, True) == (colour_for(io.StringIO()), colour_for(_Terminal()))
    monkeypatch.setenv("NO_COLOR", "")
    assert colour_for(_Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_for(_Terminal())
    out = _Terminal()
    emit(out, "table", COLUMNS, ROWS)
    assert "\x1b[" not in out.getvalue()


def test_a_table_on_a_terminal_has_a_bold_header(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the header is bold and the rule dim; the cells are plain."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = _Terminal()
    emit(out, "table", COLUMNS, ROWS)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("\x1b[1mdate")
    assert lines[1].startswith("\x1b[2m--")
    assert "\x1b[" not in lines[2]


def test_width_from_columns_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped, a table is $COLUMNS wide, else 80."""
    monkeypatch.setenv("COLUMNS", "132")
    assert 132 == terminal_width(io.StringIO())
    monkeypatch.setenv("COLUMNS", "wide")
    assert 80 == terminal_width(io.StringIO())


def test_machine_formats_hold_every_cell_whole() -> None:
    """CSV has every column, empty ones too, uncut; JSON Lines one record a line."""
    out = io.StringIO()
    emit(out, "csv", COLUMNS, ROWS)
    assert "date,type,id,title" == out.getvalue().splitlines()[0]
    assert ROWS[0][3] in out.getvalue()
    out = io.StringIO()
    emit(out, "jsonl", COLUMNS, ROWS)
    assert [dict(zip(COLUMNS.headers, r, strict=True)) for r in ROWS] == [
        json.loads(line) for line in out.getvalue().splitlines()
    ]
    out = io.StringIO()
    emit(out, "json", COLUMNS, ROWS, [{"id": "a"}], data={"all": 1})
    assert {"all": 1} == json.loads(out.getvalue())
