"""Hostile JSON: repeated keys, deep nesting, huge numbers, lone surrogates, each with its place."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs._json import MAX_DEPTH, JsonProblem, parse


def test_valid_json_reads_as_json_loads_reads_it() -> None:
    """Ordinary JSON, escaped surrogate pairs included, is read unchanged."""
    text = '{"a": [1, {"b": "\\ud83d\\ude00"}], "c": null}'
    assert json.loads(text) == parse(text)


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"title": "A", "title": "B"}', "$"),
        ('{"documents": [{"id": "x"}], "documents": []}', "$"),
        ('[{"x": [0, {"b": 1, "b": 1}]}]', "$[0].x[1]"),
    ],
)
def test_a_repeated_key_is_named_with_its_path(text: str, path: str) -> None:
    """The last value does not win silently: the key and the object's path are named."""
    with pytest.raises(JsonProblem) as caught:
        parse(text)
    assert path == caught.value.path
    assert "repeated key" in caught.value.reason


@pytest.mark.parametrize("opening", ["[", '{"a": '])
def test_deep_nesting_is_a_problem_at_its_place_not_a_recursion_error(opening: str) -> None:
    """100,000 levels are refused at the first level past the limit."""
    with pytest.raises(JsonProblem) as caught:
        parse(opening * 100_000)
    assert (1, MAX_DEPTH * len(opening) + 1) == (caught.value.line, caught.value.column)


def test_nesting_within_the_limit_reads() -> None:
    """Fifty levels are fine."""
    assert [[[]]] == parse("[[[]]]")
    assert 50 == str(parse("[" * 50 + "]" * 50)).count("[")


def test_a_number_of_five_thousand_digits_is_placed() -> None:
    """Python's integer-digit limit becomes a problem naming line and column."""
    with pytest.raises(JsonProblem) as caught:
        parse('{\n "a": ' + "7" * 5000 + "}")
    assert (2, 7) == (caught.value.line, caught.value.column)
    assert "5000 digits" in caught.value.reason


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "\\ud800x"])
def test_a_lone_surrogate_is_named_with_its_path(escape: str) -> None:
    """A string no UTF-8 file can hold is refused when read, not when saved."""
    with pytest.raises(JsonProblem) as caught:
        parse('{"a": ["ok", "' + escape + '"]}')
    assert "$.a[1]" == caught.value.path


def test_invalid_json_names_line_and_column() -> None:
    """json's own errors keep their place."""
    with pytest.raises(JsonProblem) as caught:
        parse('{\n  "a": }')
    assert (2, 8) == (caught.value.line, caught.value.column)


@given(st.text(max_size=200))
def test_any_text_is_a_value_or_a_json_problem(text: str) -> None:
    """Nothing but JsonProblem escapes, whatever the text."""
    with contextlib.suppress(JsonProblem):
        parse(text)


def test_places_count_lines_and_columns_from_the_start() -> None:
    """A first-byte newline and closed arrays before the deep part are counted exactly."""
    with pytest.raises(JsonProblem) as caught:
        parse("\n[" + "[]," * 300 + "[" * 20_000)
    assert (2, 1 + 900 + 200) == (caught.value.line, caught.value.column)
    assert str(caught.value).startswith("line 2, column 1101: nested deeper than 200")


def test_the_repeated_key_is_named_not_the_first_key() -> None:
    """{"a": 1, "b": 1, "b": 2} names 'b'."""
    with pytest.raises(JsonProblem, match=r"repeated key 'b' @ \$"):
        parse('{"a": 1, "b": 1, "b": 2}')


def test_every_item_of_an_array_is_checked() -> None:
    """A lone surrogate in the middle of an array is found and named."""
    with pytest.raises(JsonProblem) as caught:
        parse('["ok", "ok", "\\ud800", "ok"]')
    assert "$[2]" == caught.value.path
