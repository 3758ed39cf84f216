"""The data files bundled in ``sinosoviet_docs/data``, read by one function."""

from __future__ import annotations

from importlib import resources

__all__ = ["read_bundled"]


def read_bundled(name: str) -> tuple[str, str]:
    """The text of the bundled file ``name`` and the label that names it in messages.

    >>> text, label = read_bundled("places.json")
    >>> label, text.lstrip().startswith("{")
    ('sinosoviet_docs/data/places.json', True)
    """
    text = resources.files("sinosoviet_docs").joinpath("data").joinpath(name).read_text("utf-8")
    return text, f"sinosoviet_docs/data/{name}"
