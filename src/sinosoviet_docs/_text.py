"""Folding and tokenizing text: the one rule for search, names, facets, citations and slugs.

Folding makes case, diacritics and typographic quotes irrelevant:
``Lüshun`` and ``LUSHUN`` fold alike, ``Mao’s`` and ``Mao's`` too. Tokens
are the runs of letters and digits of the folded text, as SQLite FTS5's
``unicode61`` tokenizer with ``remove_diacritics`` splits them, with one
rule for apostrophes that suits romanized names: an apostrophe *inside* a
word belongs to the word and goes, so Wade-Giles ``ch'i``, ``T'ang`` and
``P'eng`` are the tokens ``chi``, ``tang``, ``peng`` (and ``Noril’sk`` is
``norilsk``), as their pinyin and the other spellings of such names have it.

A possessive ``'s`` is not inside a word: it stays a token of its own
(``Mao's`` is ``mao s``), so the lengths of texts, and with them the
search scores, are FTS5's. Every other apostrophe, a quote, a hyphen, a full
stop or an underscore separates tokens: ``Chou En-lai`` is ``chou en lai``,
``N.S.`` is ``n s``. The apostrophes are ``'`` ``’`` ``‘`` ``‛`` ``ʼ``
``ʹ`` (a soft sign in scholarly Russian romanization), the backtick and the
acute accent ``´``. Cyrillic and CJK letters are letters: ``Чжоу Эньлай`` is
``чжоу эньлаи`` (the breve goes like any diacritic), and a run of CJK
characters is one token.

>>> tokenize("Lüshun’s “port”, 1950-02")
['lushun', 's', 'port', '1950', '02']
>>> name_tokens("Liu Shao-ch'i"), fold_name("Mao’s"), fold_name("Chou En-lai")
(('liu', 'shao', 'chi'), 'mao s', 'chou en lai')
>>> fold("Lüshun") == fold("LUSHUN")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "compact",
    "fold",
    "fold_name",
    "name_tokens",
    "name_words",
    "slugify",
    "straighten_quotes",
    "tokenize",
]

# Typographic quotes and apostrophes -> ASCII, one character for one (so positions keep).
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u02b9": "'",
        "\u00b4": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# After straightening, the apostrophes are "'" and the backtick.
_APOSTROPHE = "['`]"
# An apostrophe between letters, unless it is a possessive "'s" at the end of a word.
_INNER = re.compile(rf"(?<=[^\W_]){_APOSTROPHE}(?=[^\W_])(?![sS](?![^\W_]))")
_TOKEN = re.compile(r"[^\W_]+")
# ASCII fast path of the same split: letters lower-cased, digits kept, apostrophes kept as
# "'" (their rule is applied word by word), all else a space.
_ASCII_TABLE = bytes(
    39
    if c in (39, 96)
    else (c + 32 if 65 <= c <= 90 else c)
    if c < 128 and chr(c).isalnum()
    else 32
    for c in range(256)
)


def straighten_quotes(text: str) -> str:
    """Typographic quotes and apostrophes replaced by ASCII ones, character for character.

    >>> straighten_quotes("“east wind”")
    '"east wind"'
    """
    return text.translate(_QUOTES)


def _strip(text: str) -> str:
    """Quotes straightened, compatibility forms decomposed and diacritics dropped; case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return _COMBINING.sub("", decomposed)


def fold(text: str) -> str:
    """Lower-case text without diacritics and with ASCII quotes, for matching.

    >>> fold("Lüshun’s Port"), fold("Zhou Énlai")
    ("lushun's port", 'zhou enlai')
    """
    if text.isascii():
        return text.lower()
    return _strip(text).casefold()


def _apostrophes(text: str) -> str:
    """Straightened text without its apostrophes inside words (see the module's rule)."""
    if "'" not in text and "`" not in text:
        return text
    return _INNER.sub("", text)


def tokenize(text: str) -> list[str]:
    """The folded tokens of ``text``, in order (positions are list indexes).

    >>> tokenize("Cable, Zhou Enlai to Filippov [Stalin]")
    ['cable', 'zhou', 'enlai', 'to', 'filippov', 'stalin']
    >>> tokenize("Liu Shao-ch'i's report"), tokenize("'east wind'")
    (['liu', 'shao', 'chi', 's', 'report'], ['east', 'wind'])
    """
    if text.isascii():  # four times faster than the regex, same tokens
        words = text.encode("ascii").translate(_ASCII_TABLE).decode("ascii").split()
        if "'" not in text and "`" not in text:
            return words
        out: list[str] = []
        for word in words:
            if "'" in word:
                out += _apostrophe_word(word)
            else:
                out.append(word)
        return out
    return _TOKEN.findall(_apostrophes(fold(text)))


def _apostrophe_word(word: str) -> list[str]:
    """The tokens of an ASCII word with apostrophes: joined inside, apart before a lone "s"."""
    tokens: list[str] = []
    joined = ""
    for part in word.split("'"):
        if not part or not joined or part == "s":
            if joined:
                tokens.append(joined)
            joined = part
        else:
            joined += part
    if joined:
        tokens.append(joined)
    return tokens


def name_words(text: str) -> list[tuple[str, bool]]:
    """The tokens of ``text`` (as :func:`tokenize`), each with whether it is written like a name.

    A token is written like a name when it begins with a capital, a digit or a
    letter outside the Latin alphabet (a script without capitals).

    >>> name_words("a song by Mao’s friend Чжоу")  # doctest: +NORMALIZE_WHITESPACE
    [('a', False), ('song', False), ('by', False), ('mao', True), ('s', False),
     ('friend', False), ('чжоу', True)]
    """
    out = []
    for raw in _TOKEN.findall(_apostrophes(_strip(text))):
        first = raw[0]
        capital = first.isupper() or first.isdigit() or not ("a" <= first.lower() <= "z")
        out.append((raw.casefold(), capital))
    return out


def fold_name(text: str) -> str:
    """A name or a facet value folded for exact comparison: tokens joined by spaces.

    >>> fold_name("  Mao  Zedong "), fold_name("MAO ZEDONG"), fold_name("Lü-shun")
    ('mao zedong', 'mao zedong', 'lu shun')
    """
    return " ".join(tokenize(text))


def name_tokens(text: str) -> tuple[str, ...]:
    """The folded tokens by which names are compared (:func:`tokenize` as a tuple).

    >>> name_tokens("Khrushchëv"), name_tokens("Liu Shao-ch'i"), name_tokens("Mao’s")
    (('khrushchev',), ('liu', 'shao', 'chi'), ('mao', 's'))
    >>> name_tokens("N.S. Khrushchev")
    ('n', 's', 'khrushchev')
    """
    return tuple(tokenize(text))


def compact(text: str) -> str:
    """The tokens run together: a key that ignores spacing and punctuation too.

    >>> compact("AP RF"), compact("A.P.R.F."), compact("People's Republic")
    ('aprf', 'aprf', 'peoplesrepublic')
    """
    return "".join(tokenize(text))


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 80) -> str:
    """Text as a lowercase ASCII slug of words joined by hyphens: the rule of document ids.

    The folding is :func:`fold`'s, but ids keep their own rule for
    apostrophes so that no id ever changes: *every* apostrophe is dropped,
    joining the letters around it, a possessive's too (``Mao’s`` gives
    ``maos``, where its tokens are ``mao s``). Letters outside ASCII are left out, and the
    slug is cut at a word boundary to stay within ``max_length`` characters.

    >>> slugify("Cable, Zhou Enlai to Filippov [Stalin]")
    'cable-zhou-enlai-to-filippov-stalin'
    >>> slugify("Lüshun’s “port”"), slugify("Liu Shao-ch'i")
    ('lushuns-port', 'liu-shao-chi')
    """
    folded = re.sub(_APOSTROPHE, "", fold(text)).encode("ascii", "ignore").decode("ascii")
    out = _NON_SLUG.sub("-", folded).strip("-")
    if len(out) > max_length:
        out = out[:max_length].rsplit("-", 1)[0]
    return out
