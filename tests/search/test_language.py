"""The search language: syntax errors name their column; quotes make phrases."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd

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
        ("taiwan OR type:Telegram", 10),
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
