"""Counting the work a function does, for growth tests that do not time anything.

:func:`steps` counts the lines of Python the library executes (a trace
function sees every line of every frame from ``sinosoviet_docs``): the same
input gives the same count on any machine, so a test may assert that twice
the input costs about twice the steps, where a timed assertion would be flaky.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

_PACKAGE = "sinosoviet_docs"


def steps(call: Callable[[], object]) -> int:
    """How many lines of the library's code ``call()`` executes."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_globals.get("__name__", "").startswith(_PACKAGE):
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """The ratio of the steps for input size ``2n`` to those for ``n`` (2.0 is linear)."""
    return steps(make(2 * n)) / steps(make(n))
