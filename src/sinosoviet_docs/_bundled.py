"""The data files bundled in ``sinosoviet_docs/data``, read by one function."""

from __future__ import annotations

import os

__all__ = ["read_bundled"]

_FOLDER = os.path.join(os.path.dirname(__file__), "data")


def read_bundled(name: str) -> tuple[str, str]:
    """The text of the bundled file ``name`` and the label that names it in messages.

    >>> text, label = read_bundled("places.json")
    >>> label, text.lstrip().startswith("{")
    ('sinosoviet_docs/data/places.json', True)
    """
    try:
        with open(os.path.join(_FOLDER, name), encoding="utf-8") as file:
            text = file.read()
    except OSError:  # not a folder of files (a zip archive, say): ask the import system
        from importlib import resources

        data = resources.files("sinosoviet_docs").joinpath("data")
        text = data.joinpath(name).read_text("utf-8")
    return text, f"sinosoviet_docs/data/{name}"
