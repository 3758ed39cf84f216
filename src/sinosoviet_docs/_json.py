"""Reading JSON text that may be hostile: every problem a :class:`JsonProblem` with its place.

:func:`json.loads` lets four things through badly: an object with a repeated
key keeps the last value silently; nesting deeper than Python's recursion
limit raises :class:`RecursionError`; a number of more than 4,300 digits
raises a bare ``ValueError``; a ``\\ud800`` escape gives a string with a lone
surrogate that cannot be written as UTF-8 later. :func:`parse` reports each
with its line and column (or the path of the value), and costs nothing extra
on JSON without such values.

>>> parse('{"title": "A", "title": "B"}')
Traceback (most recent call last):
...
sinosoviet_docs._json.JsonProblem: repeated key 'title' @ $
>>> parse("[" * 100_000)
Traceback (most recent call last):
...
sinosoviet_docs._json.JsonProblem: line 1, column 201: nested deeper than 200 arrays and objects
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["MAX_DEPTH", "JsonProblem", "JsonReader", "parse"]

#: The deepest nesting of arrays and objects reported by place (catalogues need 5).
MAX_DEPTH = 200

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONG_NUMBER = re.compile(r"\d{4000,}")
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class JsonProblem(ValueError):
    """JSON that cannot be read; ``line`` and ``column`` are 1-based, ``path`` a ``$`` path."""

    def __init__(
        self, reason: str, *, line: int | None = None, column: int | None = None, path: str = ""
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
        where = f"line {line}, column {column}: " if line is not None else ""
        tail = f" @ {path}" if path else ""
        super().__init__(f"{where}{reason}{tail}")


class _Repeated(dict[str, Any]):
    """An object in which a key was repeated: marked for the search that names its path."""

    repeated: str = ""


class JsonReader:
    """Reads JSON texts one after another with one decoder (the lines of a JSONL file).

    Making a decoder costs more than reading a short line: a loader makes one
    reader per file. A reader is not shared between threads.
    """

    def __init__(self) -> None:
        self._repeats: list[_Repeated] = []
        self._decoder = json.JSONDecoder(object_pairs_hook=self._object)

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        marked = _Repeated(result)
        seen: set[str] = set()
        marked.repeated = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        self._repeats.append(marked)
        return marked

    def parse(self, text: str) -> Any:
        """The value of a JSON text; :class:`JsonProblem` for anything it cannot keep exactly."""
        self._repeats.clear()
        try:
            value = self._decoder.decode(text)
        except json.JSONDecodeError as exc:
            raise JsonProblem(
                f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
            ) from None
        except RecursionError:
            raise _too_deep(text) from None
        except ValueError as exc:  # Python's limit on the digits of an integer
            raise _too_long(text, exc) from None
        surrogates = _SURROGATE_ESCAPE.search(text) is not None
        if self._repeats or surrogates:
            _check_values(value, strings=surrogates)
        return value


def parse(text: str) -> Any:
    """The value of a JSON text; :class:`JsonProblem` for anything it cannot keep exactly."""
    return JsonReader().parse(text)


def _position(text: str, at: int) -> tuple[int, int]:
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _too_deep(text: str) -> JsonProblem:
    depth = 0
    for found in _STRUCTURE.finditer(text):
        mark = found.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _position(text, found.start())
                return JsonProblem(
                    f"nested deeper than {MAX_DEPTH} arrays and objects", line=line, column=column
                )
        elif mark in "]}":
            depth -= 1
    return JsonProblem(f"nested deeper than {MAX_DEPTH} arrays and objects")


def _too_long(text: str, exc: ValueError) -> JsonProblem:
    found = _LONG_NUMBER.search(text)
    if found is None:
        return JsonProblem(f"invalid JSON: {exc}")
    line, column = _position(text, found.start())
    return JsonProblem(
        f"a number of {len(found.group())} digits (more than any field holds)",
        line=line,
        column=column,
    )


def _check_values(value: Any, *, strings: bool) -> None:
    """Walk the value in document order, without recursion, for repeated keys (and lone
    surrogates in its strings when ``strings``); raise at the first found."""
    stack: list[tuple[Any, str]] = [(value, "$")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, dict):
            if isinstance(item, _Repeated):
                raise JsonProblem(f"repeated key {item.repeated!r}", path=path)
            for key, child in reversed(item.items()):
                if strings:
                    _check_string(key, path)
                stack.append((child, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((item[i], f"{path}[{i}]") for i in range(len(item) - 1, -1, -1))
        elif strings and isinstance(item, str):
            _check_string(item, path)


def _check_string(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise JsonProblem(
            f"a lone surrogate {text[exc.start]!r} (not text) at character {exc.start}", path=path
        ) from None
