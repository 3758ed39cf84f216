"""Small invented documents the export tests share."""

from __future__ import annotations

from typing import Any

from sinosoviet_docs.models import Document

KHRUSHCHEV = "112088"


def doc_with(**fields: Any) -> Document:
    """A small invented document with the given fields."""
    base: dict[str, Any] = {"id": "x-1", "title": "Notes on the talks"}
    base.update(fields)
    return Document(**base)


def letter() -> Document:
    """A telegram whose title the real title reader gives a sender and a recipient:
    Joseph Stalin to Mao Zedong."""
    return Document(id="l", title="Telegram from Stalin to Mao Zedong")
