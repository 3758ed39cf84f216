"""Which page a capture is, decided from its markers before anything is read from it.

The markers are tried in this order: a new-site document's headings
("Document Information", "Record ID"); an old-site document's "Citation"
(with a document address or "English HTML"); a collection's "Popular
Documents"; a search page's result counter; the old site's bullet and dash
entry renderings; a document address alone. Without any, the layout is
unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..._urls import AddressKind
from ._lines import (
    POPULAR,
    SKIP,
    Line,
    blocks,
    has_bullet_entries,
    has_dash_entries,
    is_funding,
    result_counter,
    stripped,
)

__all__ = ["Shape", "identify", "split_preamble"]

#: A capture's page family and layout: what :func:`identify` decides.
Shape = Literal[
    "new-document",
    "old-document",
    "new-collection",
    "search",
    "old-bullet-collection",
    "old-dash-collection",
    "unknown",
]


def split_preamble(lines: Sequence[Line]) -> tuple[Sequence[Line], str | None]:
    """The lines after "Skip to content", and the text before it (``None`` if none).

    Some captures begin with the summary of another document, before the page proper.
    """
    skip_at = next((i for i, (_, t) in enumerate(lines) if t.strip() == SKIP), None)
    if skip_at is None:
        return lines, None
    before = blocks(lines[:skip_at])
    return lines[skip_at + 1 :], "\n\n".join(t for _, t in before) if before else None


def identify(lines: Sequence[Line], address: AddressKind | None) -> Shape:
    """The shape of a capture's body, from its markers and what its address names.

    >>> identify([(1, "Results:"), (2, "1 - 20 of 345")], None)
    'search'
    >>> identify([(1, "Citation"), (2, "English HTML")], None)
    'old-document'
    """
    texts = {t.strip() for _, t in lines}
    if "Document Information" in texts or "Record ID" in texts:
        return "new-document"
    if "Citation" in texts and (
        address == "document" or "English HTML" in texts or any(map(is_funding, texts))
    ):
        return "old-document"
    if POPULAR in texts:
        return "new-collection"
    items = stripped(lines)
    if address in (None, "search") and any(result_counter(t) for _, t in items):
        return "search"
    if has_bullet_entries(items):
        return "old-bullet-collection"
    if has_dash_entries(items):
        return "old-dash-collection"
    if address == "document":
        return "new-document"
    return "unknown"
