"""The document's fields, declared once: how each merges, loads, exports and is faceted.

A new :class:`~sinosoviet_docs.Document` field is added here as well as on the
class; ``tests/test_fields.py`` fails until it is, and every part of the
library that treats fields by kind (merging, the fast loading path, the table
columns, facets and filters) reads this table instead of a list of its own.

>>> [spec.name for spec in DOCUMENT_FIELDS if spec.facet == "person"]
['authors', 'people']
>>> merged_as("scalar")[:3]
('title', 'date', 'summary')
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = [
    "DOCUMENT_FIELDS",
    "FacetName",
    "FieldSpec",
    "MergeRule",
    "by_name",
    "facet_fields",
    "merged_as",
    "shared_fields",
]

#: How :func:`sinosoviet_docs.merge` combines two copies of a field:
#: ``identity`` the document's id (kept, or renamed on a clash); ``record`` the
#: archive's record id (a difference is a conflict, an absence is filled);
#: ``scalar`` a single value (a difference is a conflict); ``union`` a tuple
#: united in order of first appearance; ``popularity`` united per collection;
#: ``provenance`` concatenated; ``conflicts`` united.
MergeRule = Literal[
    "identity", "record", "scalar", "union", "popularity", "provenance", "conflicts"
]

#: The facet and filter names of :meth:`sinosoviet_docs.Query.facets`.
FacetName = Literal["type", "person", "place", "topic", "language", "collection", "year"]


@attrs.frozen
class FieldSpec:
    """What the library does with one :class:`~sinosoviet_docs.Document` field.

    ``shared``: equal values are one object per load (they repeat across
    documents). ``columns``: the table columns made from the field, in
    :data:`sinosoviet_docs.export.COLUMNS`. ``facet``: the facet and filter
    that read the field's values (several fields may feed one facet).
    """

    name: str
    merge: MergeRule
    shared: bool = False
    columns: tuple[str, ...] = ()
    facet: FacetName | None = None


#: Every field of :class:`~sinosoviet_docs.Document`, in the class's order.
DOCUMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "identity", columns=("id",)),
    FieldSpec("title", "scalar", columns=("title",)),
    FieldSpec("record_id", "record", columns=("record_id",)),
    FieldSpec(
        "date",
        "scalar",
        shared=True,
        columns=("date", "date_display", "date_precision", "date_earliest", "date_latest"),
        facet="year",
    ),
    FieldSpec("dates_printed", "union"),
    FieldSpec("summary", "scalar", columns=("summary",)),
    FieldSpec("type", "scalar", shared=True, columns=("type",), facet="type"),
    FieldSpec("languages", "union", shared=True, columns=("languages",), facet="language"),
    FieldSpec("authors", "union", shared=True, columns=("authors",), facet="person"),
    FieldSpec("people", "union", shared=True, columns=("people",), facet="person"),
    FieldSpec("places", "union", shared=True, columns=("places",), facet="place"),
    FieldSpec("topics", "union", shared=True, columns=("topics",), facet="topic"),
    FieldSpec("source", "scalar", columns=("source",)),
    FieldSpec("original_archive", "scalar", shared=True, columns=("original_archive",)),
    FieldSpec("text", "scalar", columns=("text",)),
    FieldSpec("uploaded", "scalar", shared=True, columns=("uploaded",)),
    FieldSpec("collections", "union", shared=True, columns=("collections",), facet="collection"),
    FieldSpec("url", "scalar", columns=("url", "citation")),
    FieldSpec("credits", "scalar", columns=("credits",)),
    FieldSpec("rights", "scalar", shared=True, columns=("rights",)),
    FieldSpec("classification", "scalar", shared=True, columns=("classification",)),
    FieldSpec("donors", "union", shared=True, columns=("donors",)),
    FieldSpec("contributors", "union", shared=True, columns=("contributors",)),
    FieldSpec("related", "union"),
    FieldSpec("popularity", "popularity", shared=True),
    FieldSpec("provenance", "provenance"),
    FieldSpec("conflicts", "conflicts"),
)


def by_name(name: str) -> FieldSpec:
    """The spec of the field called ``name`` (KeyError for no such field).

    >>> by_name("topics").facet
    'topic'
    """
    for spec in DOCUMENT_FIELDS:
        if spec.name == name:
            return spec
    raise KeyError(name)


def merged_as(rule: MergeRule) -> tuple[str, ...]:
    """The names of the fields merged by ``rule``, in the class's order."""
    return tuple(spec.name for spec in DOCUMENT_FIELDS if spec.merge == rule)


def shared_fields() -> frozenset[str]:
    """The fields whose equal values are shared within one load."""
    return frozenset(spec.name for spec in DOCUMENT_FIELDS if spec.shared)


def facet_fields(facet: FacetName) -> tuple[str, ...]:
    """The fields whose values a facet or filter reads.

    >>> facet_fields("person"), facet_fields("year")
    (('authors', 'people'), ('date',))
    """
    return tuple(spec.name for spec in DOCUMENT_FIELDS if spec.facet == facet)
