"""Names a package gives from its modules, each module imported when a name is first asked."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, modules: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562) for ``package``: each name of ``modules`` read
    from its module (named relative to the package) on first use, then kept in the
    package's ``namespace`` so that later look-ups find it there.

    >>> import sys
    >>> found = lazy_names("json", {"JSONDecoder": "decoder"}, {})
    >>> found("JSONDecoder") is sys.modules["json.decoder"].JSONDecoder
    True
    >>> found("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'json' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return __getattr__
