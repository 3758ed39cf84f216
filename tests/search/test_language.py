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
