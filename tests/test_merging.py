"""Merging catalogues: matching, combining facts, the conflict policies, stable ids."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs import Catalogue, Collection, Document, PartialDate, Popularity, Provenance
from sinosoviet_docs.dates import parse_date
from sinosoviet_docs.merging import match_key, merge_documents
from tests.strategies import catalogues


def doc(**values: object) -> Document:
    """A document with a record id; keyword arguments replace its values."""
    base: dict[str, object] = {
        "id": "900030",
        "record_id": 900030,
        "title": "Cable from Orlov to Wen",
        "date": PartialDate.parse("July 5, 1950"),
        "provenance": (Provenance(source="left.txt line 1"),),
    }
    base.update(values)
    return Document(**base)  # type: ignore[arg-type]


def cat(*docs: Document, collections: tuple[Collection, ...] = ()) -> Catalogue:
    return Catalogue(documents=docs, collections=collections)


RIGHT = Provenance(source="right.db row 4")


def test_capture_summary_and_scrape_text_make_one_document() -> None:
    """A summary from one source and the full text from another combine."""
    merged = ssd.merge(cat(doc(summary="S")), cat(doc(text="Full text", provenance=(RIGHT,))))
    assert [("900030", "S", "Full text")] == [(d.id, d.summary, d.text) for d in merged]


def test_provenance_is_concatenated() -> None:
    """Both sources stay in the provenance, left first."""
    merged = ssd.merge(cat(doc()), cat(doc(provenance=(RIGHT,))))
    assert ("left.txt line 1", "right.db row 4") == tuple(
        p.source for p in merged["900030"].provenance
    )


def test_collections_and_printed_dates_are_united() -> None:
    """List facts are united in order of first appearance."""
    left = doc(collections=("a",), dates_printed=("July 05, 1950",))
    right = doc(collections=("b", "a"), dates_printed=("July 5, 1950",), provenance=(RIGHT,))
    merged = ssd.merge(cat(left), cat(right))["900030"]
    assert (("a", "b"), ("July 05, 1950", "July 5, 1950")) == (
        merged.collections,
        merged.dates_printed,
    )


def test_default_policy_keeps_both_dates_as_a_conflict() -> None:
    """Two dates: the left one stays and a Conflict names both values and sources."""
    right = doc(date=PartialDate.parse("1950-07-06"), provenance=(RIGHT,))
    merged = ssd.merge(cat(doc()), cat(right))["900030"]
    assert "1950-07-05" == str(merged.date)
    expected = ssd.Conflict(
        field="date",
        values=("1950-07-05", "1950-07-06"),
        sources=("left.txt line 1", "right.db row 4"),
    )
    assert (expected,) == merged.conflicts


def test_third_value_extends_the_same_conflict() -> None:
    """A third differing value is added to the field's conflict, not a new one."""
    docs = [
        doc(type=t, provenance=(Provenance(source=f"s{i}"),)) for i, t in enumerate(["A", "B", "C"])
    ]
    merged = ssd.merge(*(cat(d) for d in docs))["900030"]
    assert (("type", ("A", "B", "C"), ("s0", "s1", "s2")),) == tuple(
        (c.field, c.values, c.sources) for c in merged.conflicts
    )


def test_prefer_left_and_right() -> None:
    """'left' keeps the earlier value, 'right' the later one; neither records a conflict."""
    left, right = cat(doc(type="Cable")), cat(doc(type="Telegram", provenance=(RIGHT,)))
    assert ("Cable", ()) == (lambda d: (d.type, d.conflicts))(
        ssd.merge(left, right, on_conflict="left")["900030"]
    )
    assert ("Telegram", ()) == (lambda d: (d.type, d.conflicts))(
        ssd.merge(left, right, on_conflict="right")["900030"]
    )


def test_raise_policy() -> None:
    """'raise' raises MergeConflictError (a ValueError) naming the document and field."""
    with pytest.raises(
        ssd.MergeConflictError, match="document '900030': sources disagree on type"
    ) as info:
        ssd.merge(cat(doc(type="Cable")), cat(doc(type="Telegram")), on_conflict="raise")
    assert isinstance(info.value, ValueError)
    assert ("900030", "type") == (info.value.document_id, info.value.field)


def test_unknown_policy_is_a_value_error() -> None:
    """A misspelt policy is refused, naming the valid ones."""
    with pytest.raises(ValueError, match="keep-both, left, right, raise"):
        ssd.merge(cat(doc()), on_conflict="prefer-left")  # type: ignore[arg-type]


def test_match_by_date_and_title_without_record_id() -> None:
    """Without record ids, documents match on date and title whatever the punctuation or case."""
    a = doc(id="a", record_id=None, title="Cable, Orlov to Filippov [Stalin]")
    b = doc(id="b", record_id=None, title="cable orlov to filippov (stalin)", provenance=(RIGHT,))
    merged = ssd.merge(cat(a), cat(b))
    assert ["a"] == [d.id for d in merged]
    assert "title" == merged["a"].conflicts[0].field


def test_id_less_record_joins_the_record_with_an_id() -> None:
    """A listing entry without record id merges into the scrape row with one; the id is the record id."""
    entry = doc(id="1950-07-05-cable-from-orlov-to-wen", record_id=None, summary="S")
    merged = ssd.merge(cat(entry), cat(doc(text="T", provenance=(RIGHT,))))
    assert [("900030", "S", "T")] == [(d.id, d.summary, d.text) for d in merged]


def test_different_record_ids_stay_apart() -> None:
    """Same date and title but two record ids: two documents."""
    merged = ssd.merge(cat(doc()), cat(doc(id="900031", record_id=900031)))
    assert ["900030", "900031"] == [d.id for d in merged]


def test_related_ids_follow_a_renamed_document() -> None:
    """A related link to a slug id follows the document when it takes its record id."""
    slug = "1950-07-05-cable-from-orlov-to-wen"
    other = Document(id="x", title="Other", related=(slug,))
    merged = ssd.merge(cat(doc(id=slug, record_id=None), other), cat(doc()))
    assert ("900030",) == merged["x"].related


def test_popular_lists_are_rebuilt_from_merged_documents() -> None:
    """A collection's popular documents are the merged ones, in rank order."""
    pop = (Popularity(collection="c", rank=1),)
    left = doc(popularity=pop)
    col = Collection(slug="c", title="C", popular=(left,))
    merged = ssd.merge(cat(left, collections=(col,)), cat(doc(text="T", provenance=(RIGHT,))))
    assert "T" == merged.collection("c").popular[0].text


def test_colliding_popular_ranks_become_unknown_with_a_conflict() -> None:
    """Two pages giving rank 1 to different documents: the second's rank becomes a conflict."""
    a = doc(popularity=(Popularity(collection="c", rank=1),))
    b = doc(id="900031", record_id=900031, popularity=(Popularity(collection="c", rank=1),))
    col_a = Collection(slug="c", title="C", popular=(a,))
    col_b = Collection(slug="c", title="C", popular=(b,))
    merged = ssd.merge(cat(a, collections=(col_a,)), cat(b, collections=(col_b,)))
    assert [1, None] == [d.rank_in("c") for d in merged.collection("c").popular]
    assert "popularity[c]" == merged["900031"].conflicts[0].field


def test_catalogue_merge_method_delegates() -> None:
    """Catalogue.merge(other) is merge(self, other)."""
    a, b = cat(doc(summary="S")), cat(doc(text="T"))
    assert ssd.merge(a, b) == a.merge(b)


def test_match_key_is_edtf_date_and_title_slug() -> None:
    """The key is the EDTF date and the title slug ('undated' without a date)."""
    assert ("undated", "a-b") == match_key(Document(id="x", title="A, B"))


def test_merge_documents_keeps_left_id_without_record_id() -> None:
    """Merged ids stay stable: the left id, or the record id when one side has it."""
    left = doc(id="slug", record_id=None)
    assert "slug" == merge_documents(left, doc(id="other", record_id=None)).id
    assert "900030" == merge_documents(left, doc()).id


@given(catalogues())
def test_merging_a_catalogue_with_itself_changes_nothing(c: Catalogue) -> None:
    """merge(c, c) == c for any consistent catalogue (idempotence)."""
    assert c == ssd.merge(c, c)


@given(catalogues(), catalogues())
def test_merge_keeps_every_record_id(a: Catalogue, b: Catalogue) -> None:
    """Every record id of either side is in the merge; one held once by each side is held once."""
    merged = ssd.merge(a, b)
    ids = {d.record_id for d in [*a, *b] if d.record_id is not None}
    assert ids == {d.record_id for d in merged if d.record_id is not None}
    for record_id in ids:
        if all(sum(d.record_id == record_id for d in c) <= 1 for c in (a, b)):
            assert 1 == sum(d.record_id == record_id for d in merged)


def test_bundled_merged_with_itself_is_unchanged(bundled: ssd.Catalogue) -> None:
    """The bundled catalogue merged with itself is equal to it."""
    assert bundled == bundled.merge(bundled)


def test_evolved_copy_adds_facts_to_the_bundled_catalogue(bundled: ssd.Catalogue) -> None:
    """A scrape-like copy of a bundled document adds its text; nothing else changes."""
    first = bundled.documents[0]
    extra = attrs.evolve(first, text="Invented full text", provenance=(RIGHT,))
    merged = bundled.merge(cat(extra))
    assert "Invented full text" == merged[first.id].text
    assert len(bundled) == len(merged)


def test_bundled_with_its_seed_page_adds_no_document_or_link(
    bundled: ssd.Catalogue, shared: Path
) -> None:
    """The seed page merged into the bundled catalogue: same documents, no conflict, no twin link."""
    seed = shared / "seeds" / "000_476309a05a576595.txt"
    page = ssd.load_pages([(seed, "/topics/sino-soviet-alliance-1950-1959")])
    for merged in (bundled.merge(page), page.merge(bundled)):
        col = merged.collection("sino-soviet-alliance-1950-1959")
        assert [d.id for d in bundled] == [d.id for d in merged]
        assert [] == [d.id for d in merged if d.conflicts]
        assert bundled.collection(col.slug).related == col.related
        assert [d.id for d in bundled.collection(col.slug).popular] == [d.id for d in col.popular]


# -- a less precise date is agreement, not a conflict ------------------------------------------

REFINEMENTS = [("October 1959", "October 2, 1959"), ("1959", "October 1959")]


@pytest.mark.parametrize("policy", ["keep-both", "left", "right", "raise"])
@pytest.mark.parametrize("coarse_first", [True, False])
@pytest.mark.parametrize(("coarse", "fine"), REFINEMENTS)
def test_a_date_within_a_less_precise_one_is_agreement(
    coarse: str, fine: str, coarse_first: bool, policy: ssd.OnConflict
) -> None:
    """1959-10 and 1959-10-02 (or 1959 and 1959-10) agree under every policy, in either order:
    the precise date is kept, both printed forms are kept, no conflict is recorded."""
    a = doc(date=PartialDate.parse(coarse), dates_printed=(coarse,))
    b = doc(date=PartialDate.parse(fine), dates_printed=(fine,), provenance=(RIGHT,))
    left, right = (a, b) if coarse_first else (b, a)
    merged = ssd.merge(cat(left), cat(right), on_conflict=policy)["900030"]
    printed = (coarse, fine) if coarse_first else (fine, coarse)
    assert (PartialDate.parse(fine), printed, ()) == (
        merged.date,
        merged.dates_printed,
        merged.conflicts,
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [("October 1959", "November 2, 1959"), ("1958", "October 1959"), ("1959-10~", "1959-10-02")],
)
def test_a_date_outside_the_less_precise_one_stays_a_conflict(left: str, right: str) -> None:
    """A day outside the month (or a different qualifier) is a real disagreement: a Conflict."""
    a = doc(date=PartialDate.parse(left))
    b = doc(date=PartialDate.parse(right), provenance=(RIGHT,))
    merged = ssd.merge(cat(a), cat(b))["900030"]
    assert (PartialDate.parse(left), ("date",)) == (
        merged.date,
        tuple(c.field for c in merged.conflicts),
    )
    with pytest.raises(ssd.MergeConflictError, match="disagree on date"):
        ssd.merge(cat(a), cat(b), on_conflict="raise")


@pytest.mark.parametrize("coarse_first", [True, False])
@pytest.mark.parametrize(
    ("coarse", "fine"),
    [
        ("the 1950s", "1955"),
        ("1958", "Spring 1958"),
        ("Winter 1955", "February 1956"),
        ("1950-1953", "May 1951"),
        ("1950/..", "1950s"),
        ("1950s", "1952-1954"),
    ],
)
def test_decades_seasons_and_ranges_agree_with_the_dates_inside_them(
    coarse: str, fine: str, coarse_first: bool
) -> None:
    """A date whose days all lie in the other's is the finer one, kept in either order."""
    a = doc(date=parse_date(coarse), dates_printed=(coarse,))
    b = doc(date=parse_date(fine), dates_printed=(fine,), provenance=(RIGHT,))
    left, right = (a, b) if coarse_first else (b, a)
    merged = ssd.merge(cat(left), cat(right))["900030"]
    assert (parse_date(fine), ()) == (merged.date, merged.conflicts)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Spring 1958", "June 1958"), ("1950-1953", "1954"), ("1950s", "circa 1955")],
)
def test_decades_seasons_and_ranges_disagree_with_dates_outside_them(left: str, right: str) -> None:
    """June is not in spring, 1954 not in 1950-1953, and a circa date differs from a plain one."""
    a = doc(date=parse_date(left))
    b = doc(date=parse_date(right), provenance=(RIGHT,))
    merged = ssd.merge(cat(a), cat(b))["900030"]
    assert (parse_date(left), ("date",)) == (
        merged.date,
        tuple(c.field for c in merged.conflicts),
    )


def test_renamed_id_is_noted_in_provenance() -> None:
    """Two documents with one id but different record ids: the later is renamed, and its
    provenance says so; the first keeps the id and its provenance."""
    first = doc(id="112088", record_id=112088)
    second = doc(id="112088", record_id=5, provenance=(RIGHT,))
    merged = ssd.merge(cat(first), cat(second))
    assert ["112088", "112088-2"] == [d.id for d in merged]
    assert first.provenance == merged["112088"].provenance
    note = Provenance(
        source="merge",
        note="id '112088' renamed '112088-2': another document (record id 112088) has that id"
        " and this one (record id 5) is not the same",
    )
    assert (RIGHT, note) == merged["112088-2"].provenance


def test_package_merge_stays_the_function_after_submodule_import() -> None:
    """ssd.merge is the function even once the merging module has been imported by name."""
    import importlib

    importlib.import_module("sinosoviet_docs.merging")
    importlib.import_module("sinosoviet_docs.loaders.pages")
    assert callable(ssd.merge)
    assert ssd.merge.__module__ == "sinosoviet_docs.merging"


# -- many copies, collections that disagree, wrong arguments --------------------------------


def _copies(n: int) -> list[Document]:
    return [
        doc(
            provenance=(Provenance(source=f"copy {i}"),),
            topics=(f"t{i % 7}",),
            languages=("Russian",),
        )
        for i in range(n)
    ]


def test_merge_many_is_the_fold_of_merge_documents() -> None:
    """merge_many gives what merging the records one by one gives, conflicts included."""
    from functools import reduce

    from sinosoviet_docs.merging import merge_many

    records = [
        *_copies(5),
        doc(summary="Other", authors=("B", "A")),
        doc(summary="Third", authors=("A", "A")),
    ]
    assert reduce(merge_documents, records) == merge_many(records)


def test_merging_thousands_of_copies_costs_linear_steps() -> None:
    """Each copy's provenance is added without copying those gathered before (no n² union)."""
    from tests.steps import growth

    def make(n: int) -> object:
        cats = [Catalogue(documents=[d]) for d in _copies(n)]
        return lambda: ssd.merge(*cats)

    assert growth(make, 100) < 2.3  # type: ignore[arg-type]
    (merged,) = ssd.merge(*[Catalogue(documents=[d]) for d in _copies(300)])
    assert [f"copy {i}" for i in range(300)] == [p.source for p in merged.provenance]


def _collection(**values: object) -> Catalogue:
    return Catalogue(collections=(Collection(slug="c", **values),))  # type: ignore[arg-type]


def test_collections_that_disagree_keep_the_disagreement() -> None:
    """One slug, two titles and descriptions: the second's values are named, not dropped."""
    a = _collection(title="A", description="First", provenance=(Provenance(source="a.txt"),))
    b = _collection(title="B", description="Second", provenance=(Provenance(source="b.txt"),))
    (col,) = ssd.merge(a, b).collections
    assert ("A", "First") == (col.title, col.description)
    assert [
        "sources disagree on title: 'A' kept, 'B' from b.txt",
        "sources disagree on description: 'First' kept, 'Second' from b.txt",
    ] == [p.note for p in col.provenance if p.source == "merge"]


@pytest.mark.parametrize(("policy", "title"), [("left", "A"), ("right", "B")])
def test_collection_disagreements_follow_the_policy(policy: ssd.OnConflict, title: str) -> None:
    """left and right pick a side without a note; raise raises naming the collection."""
    (col,) = ssd.merge(
        _collection(title="A"), _collection(title="B"), on_conflict=policy
    ).collections
    assert (title, ()) == (col.title, col.provenance)
    with pytest.raises(ssd.MergeConflictError, match=r"^collection 'c': sources disagree on title"):
        ssd.merge(_collection(title="A"), _collection(title="B"), on_conflict="raise")


def test_merge_of_a_non_catalogue_names_the_argument() -> None:
    """merge(cat, "x") raises ArgumentTypeError for the second catalogue, not AttributeError."""
    with pytest.raises(
        ssd.ArgumentTypeError, match=r"^catalogues\[2\]: expected a Catalogue, found str 'x'"
    ):
        ssd.merge(Catalogue(), "x")  # type: ignore[arg-type]


def test_a_record_id_wins_over_an_id_shared_with_a_document_without_one() -> None:
    """B's record 7 joins A's record 7, not A's record-less document that has B's id."""
    a = ssd.Catalogue(
        documents=[Document(id="x", title="Other"), Document(id="y", title="Cable", record_id=7)]
    )
    b = ssd.Catalogue(documents=[Document(id="x", title="Cable", record_id=7)])
    merged = ssd.merge(a, b)
    assert {("x", None), ("y", 7)} == {(d.id, d.record_id) for d in merged}


def test_a_record_id_is_matched_before_a_record_less_document_of_the_same_side() -> None:
    """B holds '0' (no record id) and '00' (record 1); A holds '0' (record 1): record 1 is one
    document after the merge, and B's record-less '0' is kept apart under a new id."""
    a = ssd.Catalogue(documents=[Document(id="0", title="T", record_id=1)])
    b = ssd.Catalogue(
        documents=[Document(id="0", title="U"), Document(id="00", title="V", record_id=1)]
    )
    merged = ssd.merge(a, b)
    assert 1 == sum(d.record_id == 1 for d in merged)
    assert 2 == len(merged)


def test_a_title_match_does_not_take_the_match_of_a_document_with_the_same_id() -> None:
    """B's 'k' joins A's 'k' (same id); B's record 7 with the same title stays its own
    document, and a link to 'k' still points at 'k'."""
    day = ssd.PartialDate.parse("1950-02-14")
    a = ssd.Catalogue(documents=[Document(id="k", title="Telegram T", date=day)])
    b = ssd.Catalogue(
        documents=[
            Document(id="k", title="Telegram T", date=day),
            Document(id="z", title="Telegram T", date=day, record_id=7),
            Document(id="r", title="Reply", date=day, related=("k",)),
        ]
    )
    merged = ssd.merge(a, b)
    assert {"k", "z", "r"} == {d.id for d in merged}
    assert ("k",) == merged["r"].related
    assert merged["k"].record_id is None
