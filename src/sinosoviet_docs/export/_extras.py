"""The optional packages the exports use (pandas, pyarrow, matplotlib), imported when called.

Nothing here is imported with the package, so ``import sinosoviet_docs.export``
stays cheap; a missing package is a
:class:`~sinosoviet_docs.exceptions.MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

import importlib
from typing import Any

from ..exceptions import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str) -> Any:
    """The imported ``module``, or a MissingExtraError saying to install ``extra``.

    >>> require("json", "none").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, extra) from None
