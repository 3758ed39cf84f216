"""A catalogue's durable, indexed form: one SQLite file with FTS5, behind the same Query API.

:func:`save` writes a catalogue to a store (also ``cat.save("x.sqlite")``
and :func:`sinosoviet_docs.dump`); :func:`open` opens one as a
:class:`StoredCatalogue`, whose queries run as SQL and read only the
documents asked for. The standard library's ``sqlite3`` is imported here,
never by ``import sinosoviet_docs``. See docs/store.md.

>>> import tempfile, pathlib, sinosoviet_docs as ssd
>>> path = pathlib.Path(tempfile.mkdtemp()) / "archive.sqlite"
>>> save(ssd.load(), path)
>>> with open(path) as stored:
...     [d.id for d in stored.search('"east wind"')]
['121559']
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ._reader import StoredCatalogue
from ._schema import SCHEMA_VERSION, STORE_SUFFIXES, StoreError, is_store_path

if TYPE_CHECKING:
    from ..models import Catalogue

__all__ = [
    "SCHEMA_VERSION",
    "STORE_SUFFIXES",
    "StoreError",
    "StoredCatalogue",
    "is_store_path",
    "open",
    "save",
]


def open(path: str | os.PathLike[str], *, writable: bool = False) -> StoredCatalogue:
    """Open the store at ``path`` as a :class:`StoredCatalogue`, read-only unless ``writable``.

    Many processes and threads may read one store at once. A file that is not
    a store of this library (foreign, corrupt, or of a newer schema) raises
    :class:`StoreError` naming it; a missing one :class:`FileNotFoundError`.
    """
    return StoredCatalogue(path, writable=writable)


def save(catalogue: Catalogue, path: str | os.PathLike[str]) -> None:
    """Write ``catalogue`` to a store at ``path``, replacing any file there in one step.

    Everything is written in one transaction to a temporary file in the same
    folder, then renamed to ``path``: an interrupted write leaves the old file whole.
    """
    from ._writer import save

    save(catalogue, path)
