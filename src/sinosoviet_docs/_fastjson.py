"""Reading JSON with msgspec (the ``fast`` extra): exactly the values and errors of :mod:`._json`.

msgspec parses a catalogue's lines about twice as fast as :mod:`json` (with
the same numbers: integers of any size up to Python's limit on digits,
correctly rounded floats) but keeps the last of a repeated key silently.
:class:`FastJsonReader` takes msgspec's value only when it must be the one
:class:`~sinosoviet_docs._json.JsonReader` gives: when the text has no
``\\u003`` escape (so every ``:`` and digit of a decoded string is one of
the text) and as many ``:`` as msgspec's own writing of the value. Each
key-value pair writes one ``:`` outside the strings, so a repeated key,
whose pair is dropped, leaves fewer.

Anything else, and any text msgspec refuses (invalid JSON, ``NaN``, a lone
surrogate escape, ``1e400``, deep nesting, a number of too many digits), is
read again by :class:`~sinosoviet_docs._json.JsonReader`, which gives the
value or the :class:`~sinosoviet_docs._json.JsonProblem` it always gave.

The loaders import this module when they first read a file, and use
:class:`FastJsonReader` where :data:`AVAILABLE`; ``import sinosoviet_docs``
imports neither it nor msgspec.
"""

from __future__ import annotations

from typing import Any

from ._json import JsonReader

try:
    import msgspec  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # without the fast extra
    AVAILABLE = False
else:
    AVAILABLE = True

__all__ = ["AVAILABLE", "FastJsonReader"]


class FastJsonReader(JsonReader):
    """A :class:`~sinosoviet_docs._json.JsonReader` reading with msgspec where the value is sure."""

    def __init__(self) -> None:
        super().__init__()
        self._fast_decode = msgspec.json.Decoder().decode
        self._fast_encode = msgspec.json.Encoder().encode

    def parse(self, text: str) -> Any:
        """The value of a JSON text; :class:`JsonProblem` for anything it cannot keep exactly."""
        if "\\u003" not in text:
            try:
                value = self._fast_decode(text)
                written: bytes = self._fast_encode(value)
            except (msgspec.MsgspecError, RecursionError):
                pass  # read again below, for the value or the problem and its place
            else:
                if text.count(":") == written.count(b":"):
                    return value
        return super().parse(text)
