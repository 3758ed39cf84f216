from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import names
from sinosoviet_docs._text import (
    compact,
    fold,
    fold_name,
    name_tokens,
    name_words,
    slugify,
    straighten_quotes,
    tokenize,
)
from sinosoviet_docs.citations import archive_code
from sinosoviet_docs.models import slugify as models_slugify


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Liu Shao-ch'i", ["liu", "shao", "chi"]),
        ("Liu Shao-ch’i", ["liu", "shao", "chi"]),
        ("T'ang", ["tang"]),
        ("Noril’sk", ["norilsk"]),
        ("Kremlʹ", ["kreml"]),
        ("Ch`en", ["chen"]),
        ("Mao's", ["mao", "s"]),
        ("Mao’s", ["mao", "s"]),
        ("MAO'S", ["mao", "s"]),
        ("Workers' Party", ["workers", "party"]),
        ("'east wind'", ["east", "wind"]),
    ],
)
def test_an_apostrophe_inside_a_word_joins_it(text: str, tokens: list[str]) -> None:
    """An apostrophe between letters goes; a possessive 's and outer apostrophes separate."""
    assert tokens == tokenize(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Chou En-lai", ["chou", "en", "lai"]),
        ("N.S. Khrushchev", ["n", "s", "khrushchev"]),
        ("1950-02", ["1950", "02"]),
        ("a_b", ["a", "b"]),
    ],
)
def test_hyphens_full_stops_and_underscores_separate(text: str, tokens: list[str]) -> None:
    """Hyphenated Wade-Giles, initials and dates come apart at their punctuation."""
    assert tokens == tokenize(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Khrushchëv", ["khrushchev"]),
        ("Zhou E\u0301nlai", ["zhou", "enlai"]),
        ("Ürümqi", ["urumqi"]),
        ("Чжоу Эньлай", ["чжоу", "эньлаи"]),
        ("Хрущёв", ["хрущев"]),
        ("毛泽东 to 斯大林", ["毛泽东", "to", "斯大林"]),
    ],
)
def test_diacritics_go_and_other_scripts_are_letters(text: str, tokens: list[str]) -> None:
    """Accents (composed or not) go; Cyrillic and CJK stay letters, a CJK run one token."""
    assert tokens == tokenize(text)


def test_curly_quotes_and_apostrophes_fold_like_straight_ones() -> None:
    """Typographic quotes are their ASCII forms, one character for one."""
    assert '"east wind" Mao\'s' == straighten_quotes("“east wind” Mao’s")
    assert fold("Mao's «Port»") == fold("Mao’s “Port”")


@pytest.mark.parametrize(
    "text",
    ["Liu Shao-ch'i", "Mao's", "Mao’s", "Chou En-lai", "Lü-shun", "Noril’sk", "Чжоу Эньлай"],
)
def test_the_four_keys_agree(text: str) -> None:
    """tokenize, fold_name, name_tokens and names.name_tokens are one rule."""
    assert tuple(tokenize(text)) == name_tokens(text) == names.name_tokens(text)
    assert " ".join(tokenize(text)) == fold_name(text)
    assert [tok for tok, _ in name_words(text)] == tokenize(text)


def test_a_query_keys_a_name_as_the_names_do() -> None:
    """involving() finds a name written with a curly apostrophe when typed without one."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="T", people=("Ch’ien Wu",))])
    assert ["a"] == cat.query().involving("Chien Wu").ids()


def test_name_words_mark_names_by_their_first_letter() -> None:
    """A word written like a name begins with a capital, a digit or a caseless letter."""
    assert [("mao", True), ("song", False), ("1950", True), ("毛泽东", True)] == name_words(
        "Mao song 1950 毛泽东"
    )


def test_archive_keys_ignore_spacing_and_punctuation() -> None:
    """An archive is known whatever its spacing, full stops or case."""
    assert ("aprf", "APRF", "APRF") == (
        compact("A.P. RF"),
        archive_code("A.P.R.F."),
        archive_code("ap rf"),
    )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Mao’s Talks", "maos-talks"),
        ("Liu Shao-ch'i", "liu-shao-chi"),
        ("Lüshunkou (Port Arthur)", "lushunkou-port-arthur"),
        ("Чжоу and Mao", "and-mao"),
    ],
)
def test_slugs_keep_the_id_rule(text: str, slug: str) -> None:
    """Slugs drop every apostrophe (a possessive's too) and every letter outside ASCII."""
    assert slug == slugify(text) == models_slugify(text)


@given(st.text(max_size=40))
def test_tokens_are_folded_and_non_empty(text: str) -> None:
    """Every token is folded already and has no separator in it."""
    for tok in tokenize(text):
        assert tok
        assert tokenize(tok) == [tok]
        assert fold(tok) == tok


@given(st.text(max_size=40))
def test_the_ascii_fast_path_agrees_with_the_general_one(text: str) -> None:
    """Tokens of ASCII text are the same through the fast path and the regex path."""
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    assert tokenize(ascii_text) == [tok for tok, _ in name_words(ascii_text)]
