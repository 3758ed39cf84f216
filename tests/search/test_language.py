"""The search language: syntax errors name their column; quotes make phrases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs._search.language import parse
from sinosoviet_docs._search.nodes import FieldFilter, Not, Or, Term

from .brute import _cat


def test_curly_quotes_make_a_phrase() -> None:
    """“east wind” in curly quotes is the phrase "east wind"."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="the east wind prevails"),
            ssd.Document(id="b", title="wind from the east"),
        ]
    )
    assert ["a"] == cat.search("“east wind”").ids()


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("taiwan OR )", 10),
        ("(taiwan", 0),
        ('"east wind', 0),
        ("foo:bar", 0),
        ("taiwan year:19x8", 12),
        ("st*lin", 2),
        ("taiwan OR year:19x8", 15),
        ("", 0),
    ],
)
def test_bad_syntax_names_the_position(text: str, position: int) -> None:
    """A bad search string raises QuerySyntaxError (a ValueError) at the offending offset."""
    with pytest.raises(ssd.QuerySyntaxError) as info:
        _cat().search(text)
    assert position == info.value.position
    assert isinstance(info.value, ValueError)
    assert 1 == len(str(info.value).splitlines())


def test_filters_joined_by_and_at_the_top_are_taken_out() -> None:
    """Top-level AND-ed filter fields become filters; the rest stays the expression."""
    parsed = parse("from:stalin taiwan lang:Russian")
    assert [("from", "stalin"), ("language", "Russian")] == [
        (f.name, f.value) for f in parsed.filters
    ]
    assert Term("taiwan", None, False, 12) == parsed.expr
    only = parse('(from:stalin) to:"Mao Zedong"')
    assert only.expr is None
    assert ["stalin", "Mao Zedong"] == [f.value for f in only.filters]


def test_filters_under_or_and_not_stay_in_the_expression() -> None:
    """Under OR or NOT a filter field is a FieldFilter node, with its positions."""
    parsed = parse("from:stalin (to:mao OR NOT type:Telegram)")
    assert [FieldFilter("from", "stalin", 0, 5)] == list(parsed.filters)
    assert (
        Or((FieldFilter("to", "mao", 13, 16), Not(FieldFilter("type", "Telegram", 27, 32))))
        == parsed.expr
    )
    assert Or((Term("taiwan", None, False, 0), FieldFilter("year", "1950", 10, 15))) == (
        parse("taiwan OR year:1950").expr
    )


@pytest.mark.parametrize("text", ['to:""', "NOT with:", "(from:stalin OR via: )"])
def test_an_empty_filter_value_is_refused_anywhere(text: str) -> None:
    """A filter field with nothing after it is an error under OR or NOT as at the top."""
    with pytest.raises(ssd.QuerySyntaxError):
        parse(text)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("(" * 400 + "stalin" + ")" * 400, 100),
        ("NOT " * 1000 + "stalin", 400),
        ("(NOT " * 51 + "stalin" + ")" * 51, 250),
    ],
)
def test_nesting_deeper_than_the_limit_is_a_syntax_error(text: str, position: int) -> None:
    from sinosoviet_docs._search.language import MAX_DEPTH, parse

    with pytest.raises(ssd.QuerySyntaxError) as caught:
        parse(text)
    assert caught.value.position == position
    assert caught.value.reason == f"nested more than {MAX_DEPTH} deep (parentheses, NOT)"


def test_nesting_up_to_the_limit_searches_as_usual() -> None:
    from sinosoviet_docs._search.language import MAX_DEPTH

    cat = ssd.load()
    plain = cat.search("stalin").ids()
    assert cat.search("(" * MAX_DEPTH + "stalin" + ")" * MAX_DEPTH).ids() == plain
    assert sorted(cat.search("NOT " * MAX_DEPTH + "stalin").ids()) == sorted(plain)
    assert sorted(cat.search("(NOT " * (MAX_DEPTH // 2) + "stalin" + ")" * 50).ids()) == sorted(
        plain
    )


def _parsed_or_error(parse_with: object, text: str) -> object:
    try:
        return parse_with(text)  # type: ignore[operator]
    except ssd.QuerySyntaxError as exc:
        return ("error", str(exc), exc.position)


_WORDISH = st.text(
    alphabet=st.sampled_from(list("aZé1_-*'’“”\"():. \u00a0\tANDORNOTxyz字")),
    min_size=0,
    max_size=8,
)


@settings(max_examples=500, deadline=None)
@given(_WORDISH | st.sampled_from(["AND", "OR", "NOT", "and", "*", "a*", "*a", "a*b", "’s", "x:"]))
def test_one_word_parses_as_the_parser_parses_it(text: str) -> None:
    """A search of one word or prefix takes a shorter way, to the same tree or the same error."""
    from sinosoviet_docs._search.language import _Parser

    assert _parsed_or_error(lambda t: _Parser(t).parse(), text) == _parsed_or_error(parse, text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        _WORDISH | st.sampled_from(["AND", "OR", "NOT", "a*", "x:y", "mao-zedong", ""]),
        min_size=1,
        max_size=5,
    ).map(" ".join)
)
def test_plain_words_parse_as_the_parser_parses_them(text: str) -> None:
    """Words joined by single spaces take the same shorter way, to the same tree (the
    words' positions included) or the same error; anything else is left to the parser."""
    from sinosoviet_docs._search.language import _Parser

    assert _parsed_or_error(lambda t: _Parser(t).parse(), text) == _parsed_or_error(parse, text)
