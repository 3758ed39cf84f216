"""The one decoding step of every text input, and the one reader of whole numbers."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinosoviet_docs._decode import (
    MAX_DIGITS,
    TextProblem,
    check_text,
    decode,
    decode_lines,
    whole_number,
)


def test_a_byte_order_mark_is_dropped() -> None:
    """UTF-8 with a byte order mark reads as the text after it."""
    assert "TY  - GEN" == decode(codecs.BOM_UTF8 + b"TY  - GEN")


def test_latin_1_bytes_name_line_and_offset() -> None:
    """A byte that is not UTF-8 is refused with its 1-based line and 0-based byte offset."""
    with pytest.raises(TextProblem) as caught:
        decode("a\nb\ncaf\xe9".encode("latin-1"))
    assert (3, 7, "UTF-8 text", "b'\\xe9'") == (
        caught.value.line,
        caught.value.offset,
        caught.value.expected,
        caught.value.found,
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_files_are_named_as_such(encoding: str) -> None:
    """A UTF-16 or UTF-32 file is not UTF-8: the byte order mark says which it is."""
    with pytest.raises(TextProblem, match=encoding.upper()):
        decode("{}".encode(encoding))


def test_nul_is_refused_at_its_byte_offset() -> None:
    """A NUL character is no text; its offset counts the bytes of the characters before it."""
    with pytest.raises(TextProblem) as caught:
        decode("é\n\x00".encode())
    assert (2, 3, "a NUL character") == (caught.value.line, caught.value.offset, caught.value.found)


def test_lines_are_decoded_with_their_place_in_the_file() -> None:
    """decode_lines names the line and file offset of the bad bytes, not the line's own."""
    lines = [b"{}\n", b"\xef\xbb\xbf\n", b"ok\xff\n"]
    got: list[str] = []
    with pytest.raises(TextProblem) as caught:
        got.extend(decode_lines(lines))
    assert ["{}\n", "\ufeff\n"] == got  # a byte order mark inside the file is text
    assert (3, 9) == (caught.value.line, caught.value.offset)


def test_strings_lose_a_byte_order_mark_and_keep_line_separators() -> None:
    """check_text drops one leading BOM; U+2028 and U+0085 are text."""
    assert "a\u2028b\x85" == check_text("\ufeffa\u2028b\x85")


@pytest.mark.parametrize("bad", ["\ud800", "x\udfff", "\x00"])
def test_strings_with_a_lone_surrogate_or_nul_are_refused(bad: str) -> None:
    """A str that no UTF-8 file can hold is refused at its character offset."""
    with pytest.raises(TextProblem) as caught:
        check_text("ab\n" + bad)
    assert (2, 3 + bad.index(bad.lstrip("x"))) == (caught.value.line, caught.value.offset)


def test_whole_numbers_are_ascii_digits_of_a_bounded_length() -> None:
    """Digits of other scripts, signs, spaces and overlong numbers are no number."""
    assert 1958 == whole_number("1958")
    assert 0 == whole_number("0")
    assert [None] * 7 == [
        whole_number(t) for t in ("", "²", "١٩٥٨", "１９５０", "-1", " 1", "9" * (MAX_DIGITS + 1))
    ]
    assert int("9" * MAX_DIGITS) == whole_number("9" * MAX_DIGITS)


@given(st.text())
def test_whole_number_never_raises(text: str) -> None:
    """Any text is a number or None, never Python's own errors (5,000 digits included)."""
    number = whole_number(text)
    assert number is None or str(number) == text.lstrip("0") or number == 0


def test_five_thousand_digits_are_no_number() -> None:
    """Past Python's 4,300-digit limit there is no ValueError: simply no number."""
    assert whole_number("1" * 5000) is None


def test_places_count_from_the_start_of_the_input() -> None:
    """A newline as the very first byte counts; another encoding is named at line 1, byte 0."""
    with pytest.raises(TextProblem) as caught:
        decode(b"\n\xe9")
    assert (2, 1) == (caught.value.line, caught.value.offset)
    with pytest.raises(TextProblem) as caught:
        decode("x".encode("utf-16"))
    assert (1, 0) == (caught.value.line, caught.value.offset)


def test_the_digit_limit_is_one_hundred() -> None:
    """The documented limit: 100 digits read, 101 do not."""
    assert whole_number("1" * 100) is not None
    assert whole_number("1" * 101) is None
