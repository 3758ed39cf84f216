"""Small invented documents the export tests share."""

from __future__ import annotations

from typing import Any

import attrs

from sinosoviet_docs.models import Document

KHRUSHCHEV = "112088"


def doc_with(**fields: Any) -> Document:
    """A small invented document with the given fields."""
    base: dict[str, Any] = {"id": "x-1", "title": "Notes on the talks"}
    base.update(fields)
    return Document(**base)


@attrs.frozen
class FakeCorrespondence:
    """The shape of the names helper's Correspondence, enough for the exporters."""

    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...] = ()


class LetterDocument(Document):
    """A document whose correspondence is known (as the names helper will provide)."""

    @property
    def correspondence(self) -> FakeCorrespondence:
        return FakeCorrespondence(senders=("Joseph Stalin",), recipients=("Mao Zedong",))
