"""Checking a value against the choices of a ``Literal`` type, named once.

>>> from typing import Literal
>>> check_choice("unit", "week", Literal["year", "month"])
Traceback (most recent call last):
...
ValueError: unit must be 'year' or 'month', not 'week'
>>> check_choice("sort key", "size", Literal["date", "-date", "title"])
Traceback (most recent call last):
...
ValueError: sort key must be one of date, -date, title; not 'size'
"""

from __future__ import annotations

from typing import Any, get_args

__all__ = ["check_choice", "choices"]


def choices(literal_type: Any) -> tuple[str, ...]:
    """The values a ``Literal`` type allows, in the order it names them.

    >>> from typing import Literal
    >>> choices(Literal["a", "b"])
    ('a', 'b')
    """
    return tuple(get_args(literal_type))


def check_choice(name: str, value: object, literal_type: Any) -> None:
    """Raise ValueError unless ``value`` is one of the values of ``literal_type``."""
    allowed = choices(literal_type)
    if value in allowed:
        return
    if len(allowed) == 2:
        first, second = allowed
        raise ValueError(f"{name} must be {first!r} or {second!r}, not {value!r}")
    raise ValueError(f"{name} must be one of {', '.join(allowed)}; not {value!r}")
