"""A catalogue written to a store in a temporary folder, opened, and closed again."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import sinosoviet_docs as ssd
from sinosoviet_docs.store import StoredCatalogue, open, save


@contextlib.contextmanager
def stored(cat: ssd.Catalogue) -> Iterator[StoredCatalogue]:
    """``cat`` saved to a fresh store and opened (read-only)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.sqlite"
        save(cat, path)
        store = open(path)
        try:
            yield store
        finally:
            store.close()
