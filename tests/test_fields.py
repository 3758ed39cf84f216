"""The field table: every Document field declared once, and every reader of it follows it."""

from __future__ import annotations

import json
import typing

import attrs
import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs import DateRange, Document, PartialDate
from sinosoviet_docs._fields import DOCUMENT_FIELDS, by_name, facet_fields, merged_as, shared_fields
from sinosoviet_docs.export import COLUMNS


def test_every_document_field_has_one_spec_in_the_class_order() -> None:
    assert [f.name for f in attrs.fields(Document)] == [s.name for s in DOCUMENT_FIELDS]


def test_every_table_column_comes_from_exactly_one_field() -> None:
    claimed = [column for spec in DOCUMENT_FIELDS for column in spec.columns]
    assert len(claimed) == len(set(claimed))
    assert sorted(COLUMNS) == sorted(claimed)


def test_by_name_and_facet_fields() -> None:
    assert "union" == by_name("places").merge
    with pytest.raises(KeyError):
        by_name("nonesuch")
    assert ("places",) == facet_fields("place")


def _two_values(name: str) -> tuple[object, object]:
    hint = typing.get_type_hints(Document)[name]
    if hint == (PartialDate | None):
        return PartialDate.parse("1950"), PartialDate.parse("1951-02")
    if hint == (PartialDate | DateRange | None):
        return DateRange.parse("1950/1953"), PartialDate.parse("1954-02")
    if hint == (str | None) or hint is str:
        return "left value", "right value"
    if hint == tuple[str, ...]:
        return ("a", "b"), ("b", "c")
    raise AssertionError(f"no sample values for {name}: {hint}")


@pytest.mark.parametrize("name", merged_as("scalar"))
def test_merge_reports_a_conflict_for_every_scalar_field(name: str) -> None:
    left_value, right_value = _two_values(name)
    base = {"id": "d", "title": "T", "record_id": 7}
    left = Document(**{**base, name: left_value})  # type: ignore[arg-type]
    right = Document(**{**base, name: right_value})  # type: ignore[arg-type]
    merged = ssd.merge(ssd.Catalogue(documents=[left]), ssd.Catalogue(documents=[right]))["d"]
    assert left_value == getattr(merged, name)
    assert [name] == [c.field for c in merged.conflicts]


@pytest.mark.parametrize("name", merged_as("union"))
def test_merge_unites_every_union_field(name: str) -> None:
    left = Document(id="d", title="T", record_id=7, **{name: ("a", "b")})  # type: ignore[arg-type]
    right = Document(id="d", title="T", record_id=7, **{name: ("b", "c")})  # type: ignore[arg-type]
    merged = ssd.merge(ssd.Catalogue(documents=[left]), ssd.Catalogue(documents=[right]))["d"]
    assert ("a", "b", "c") == getattr(merged, name)
    assert () == merged.conflicts


@pytest.mark.parametrize("name", sorted(shared_fields() - {"popularity"}))
def test_loading_shares_equal_values_of_every_shared_field(name: str) -> None:
    value, _ = _two_values(name)
    docs = [Document(id=f"d{i}", title="T", **{name: value}) for i in range(2)]  # type: ignore[arg-type]
    text = ssd.dumps(ssd.Catalogue(documents=docs))
    loaded = ssd.loads(text)
    assert getattr(loaded["d0"], name) is getattr(loaded["d1"], name)
    assert json.loads(text)  # the text itself is plain JSON


def test_loading_does_not_share_fields_that_are_not_shared() -> None:
    docs = [Document(id=f"d{i}", title="T", summary="same words " * 3) for i in range(2)]
    loaded = ssd.loads(ssd.dumps(ssd.Catalogue(documents=docs)))
    assert loaded["d0"].summary == loaded["d1"].summary
    assert loaded["d0"].summary is not loaded["d1"].summary


def test_every_facet_reads_the_fields_its_specs_name() -> None:
    """A facet's values are the values of the fields whose spec names it, in field order."""
    from sinosoviet_docs._search.facets import raw_values

    doc = Document(
        id="d", title="T", type="Cable", languages=("Russian",), authors=("A",), people=("B",),
        places=("Moscow",), topics=("Korea",), collections=("c",),
    )  # fmt: skip
    for facet in ("type", "person", "place", "topic", "language", "collection"):
        expected: list[object] = []
        for name in facet_fields(facet):  # type: ignore[arg-type]
            value = getattr(doc, name)
            expected.extend(value if isinstance(value, tuple) else [value])
        assert expected == list(raw_values(facet)(doc)), facet


def test_every_document_field_has_its_type_checked() -> None:
    """The constructor's type checks cover every field the table lists (id, title and
    record_id are checked by their own validators)."""
    from sinosoviet_docs.models import _DOCUMENT_CHECKS

    names = [s.name for s in DOCUMENT_FIELDS if s.name not in ("id", "title", "record_id")]
    assert sorted(names) == sorted(_DOCUMENT_CHECKS)
