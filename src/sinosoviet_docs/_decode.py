"""The one decoding step every text input goes through, and the one reader of whole numbers.

Text read from a file is UTF-8, with or without a byte order mark. Bytes
that are not UTF-8 (a Latin-1 file), a UTF-16 or UTF-32 file, a NUL
character or a lone surrogate are refused here, once, with the line and
byte offset of the first bad character: each loader turns the
:class:`TextProblem` into its own typed error naming the file.

>>> decode(b"\\xef\\xbb\\xbfTY  - GEN")
'TY  - GEN'
>>> decode("caf\\xe9".encode("latin-1"))
Traceback (most recent call last):
...
sinosoviet_docs._decode.TextProblem: line 1, byte offset 3: expected UTF-8 text, found b'\\xe9'

Numbers are read by :func:`whole_number`: ASCII digits only, and no more
than :data:`MAX_DIGITS` of them, so that no input reaches Python's own
limit on the digits of an integer (4,300) and its bare ``ValueError``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator

__all__ = [
    "MAX_DIGITS",
    "TextProblem",
    "check_text",
    "decode",
    "decode_lines",
    "whole_number",
]

#: The most digits a number in any input may have (record ids, pages, counters).
MAX_DIGITS = 100

_BOM = b"\xef\xbb\xbf"
_OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")


class TextProblem(ValueError):
    """Text that is not what every input must be; ``line`` is 1-based, ``offset`` 0-based.

    ``offset`` counts bytes of a file (or characters of a string given as
    ``str``); the loaders re-raise it as their own error, with the file name.
    """

    def __init__(self, expected: str, found: str, *, line: int, offset: int) -> None:
        self.expected = expected
        self.found = found
        self.line = line
        self.offset = offset
        super().__init__(f"line {line}, byte offset {offset}: {self.reason}")

    def at(self, unit: str = "byte offset") -> str:
        """What was expected, found and where: ``UTF-8 text, found b'\\xe9' at byte offset 3``."""
        return f"{self.expected}, found {self.found} at {unit} {self.offset}"

    @property
    def reason(self) -> str:
        """What was expected and what was found: ``expected UTF-8 text, found b'\\xe9'``."""
        return f"expected {self.expected}, found {self.found}"


def decode(data: bytes, *, line: int = 1, offset: int = 0) -> str:
    """``data`` as text: UTF-8, a leading byte order mark dropped, checked by :func:`check_text`.

    ``line`` and ``offset`` are where ``data`` starts in its file, for a
    reader that decodes a file line by line.
    """
    if offset == 0:
        for mark, name in _OTHER_ENCODINGS:
            if data.startswith(mark):
                raise TextProblem(
                    "UTF-8 text",
                    f"a {name} byte order mark {mark!r}",
                    line=1,
                    offset=0,
                )
    skip = len(_BOM) if offset == 0 and data.startswith(_BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        raise TextProblem(
            "UTF-8 text",
            repr(data[at : skip + exc.end]),
            line=line + data.count(b"\n", 0, at),
            offset=offset + at,
        ) from None
    _check(text, data, line, offset, skip)
    return text


def decode_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The lines of a file read in binary (each ending in ``\\n``), decoded one by one.

    Only ``\\n`` ends a line: ``\\r``, U+2028 and the other Unicode line
    separators are text (JSON strings may hold them).
    """
    line, offset = 1, 0
    for chunk in chunks:
        yield decode(chunk, line=line, offset=offset)
        line += chunk.count(b"\n")
        offset += len(chunk)


def check_text(text: str) -> str:
    """``text`` without a leading byte order mark, if it holds no NUL and no lone surrogate.

    For text given as ``str`` (``loads``, ``parse_page``, ``loads_ris``); the
    offset of a problem counts characters.

    >>> check_text("\\ufeffabc")
    'abc'
    >>> check_text("a\\nb\\x00")
    Traceback (most recent call last):
    ...
    sinosoviet_docs._decode.TextProblem: line 2, byte offset 3: expected text, found a NUL character
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    _check(text, None, 1, 0, 0)
    return text


def _check(text: str, data: bytes | None, line: int, offset: int, skip: int) -> None:
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return
    at = found.start()
    before = text[:at]
    where = skip + len(before.encode("utf-8", "surrogatepass")) if data is not None else at
    what = "a NUL character" if found.group() == "\x00" else f"a lone surrogate {found.group()!r}"
    raise TextProblem("text", what, line=line + before.count("\n"), offset=offset + where)


def whole_number(text: str, *, max_digits: int = MAX_DIGITS) -> int | None:
    """The number ``text`` writes in ASCII digits (at most ``max_digits``), else ``None``.

    ``str.isdigit()`` is true for superscripts ("²") that ``int()`` refuses,
    and ``int()`` reads digits of other scripts ("١٩٥٨"); the archive writes
    numbers in ASCII, so only ASCII decimal digits count.

    >>> whole_number("1958"), whole_number("²"), whole_number("١٩٥٨"), whole_number("")
    (1958, None, None, None)
    >>> whole_number("9" * 5000) is None
    True
    """
    if 0 < len(text) <= max_digits and text.isascii() and text.isdecimal():
        return int(text)
    return None
