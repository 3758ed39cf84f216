"""The records: catalogue behaviour, ids, ordering, lookups and invariants."""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.dates import parse_date
from sinosoviet_docs.exceptions import ArgumentTypeError
from sinosoviet_docs.models import slugify

from .strategies import catalogues, dates_at_edges, document_dates, own_bounds


def _doc(id: str, title: str = "T", date: str | None = None, **kw: object) -> ssd.Document:
    return ssd.Document(
        id=id, title=title, date=None if date is None else ssd.PartialDate.parse(date), **kw
    )


def test_records_are_frozen() -> None:
    """Documents cannot be changed in place."""
    doc = _doc("a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.title = "other"  # type: ignore[misc]


def test_documents_equal_and_hash_by_value() -> None:
    """Two documents with the same fields are equal and hash alike."""
    assert _doc("a", date="1950") == _doc("a", date="1950")
    assert 1 == len({_doc("a", date="1950"), _doc("a", date="1950")})


def test_iteration_is_chronological_with_undated_last() -> None:
    """Earliest possible day first, then title; undated documents come last."""
    cat = ssd.Catalogue(
        documents=[
            _doc("u", "Undated"),
            _doc("d", "Day", "1950-02-10"),
            _doc("m", "Month", "1950-02"),
            _doc("y", "Year", "1950"),
            _doc("b", "B", "1949-12-31"),
        ]
    )
    assert ["b", "y", "m", "d", "u"] == [d.id for d in cat]


def test_same_day_sorts_by_title() -> None:
    """Documents of one day are ordered by title."""
    cat = ssd.Catalogue(
        documents=[_doc("1", "Zeta", "1950-01-01"), _doc("2", "Alpha", "1950-01-01")]
    )
    assert ["Alpha", "Zeta"] == [d.title for d in cat]


@given(catalogues())
def test_order_is_chronological_for_any_catalogue(cat: ssd.Catalogue) -> None:
    """Each document comes no later than the next: by days, then title; undated ones last."""
    for a, b in itertools.pairwise(cat):
        if a.date is None:
            assert b.date is None
            assert (a.title, a.id) <= (b.title, b.id)
        elif b.date is not None:
            assert (a.date.earliest, a.date.latest, a.title, a.id) <= (
                b.date.earliest,
                b.date.latest,
                b.title,
                b.id,
            )


def test_getitem_and_document() -> None:
    """cat[id] and cat.document(id) give the document."""
    doc = _doc("a")
    cat = ssd.Catalogue(documents=[doc])
    assert doc == cat["a"] == cat.document("a")


def test_unknown_id_raises_document_not_found() -> None:
    """An unknown id raises DocumentNotFoundError, which is also a KeyError."""
    cat = ssd.Catalogue(documents=[_doc("a")])
    with pytest.raises(ssd.DocumentNotFoundError) as info:
        cat["zzz"]
    assert isinstance(info.value, KeyError)
    assert "zzz" == info.value.document_id
    assert "no document with id 'zzz' in this catalogue" == str(info.value)


def test_get_returns_none_for_unknown() -> None:
    """get() is the lookup that does not raise."""
    assert ssd.Catalogue().get("a") is None


def test_contains_by_id_and_document() -> None:
    """'in' accepts an id or a document (equal by value)."""
    cat = ssd.Catalogue(documents=[_doc("a")])
    assert "a" in cat
    assert _doc("a") in cat
    assert _doc("a", "Other") not in cat
    assert 3 not in cat


def test_duplicate_ids_rejected() -> None:
    """Two documents with one id cannot form a catalogue."""
    with pytest.raises(ssd.CatalogueError, match="share the id 'a'"):
        ssd.Catalogue(documents=[_doc("a"), _doc("a", "Other")])


def _collection(slug: str = "c", **kw: object) -> ssd.Collection:
    return ssd.Collection(slug=slug, title=f"Title {slug}", **kw)


def test_collection_by_slug_title_and_alias() -> None:
    """collection() finds a collection by slug, former slug or exact title."""
    col = _collection(aliases=("old-c",))
    cat = ssd.Catalogue(collections=(col,))
    assert col is cat.collection("c") is cat.collection("Title c") is cat.collection("old-c")


def test_unknown_collection_lists_known_slugs() -> None:
    """An unknown collection raises CollectionNotFoundError naming the known slugs."""
    cat = ssd.Catalogue(collections=(_collection("a"), _collection("b")))
    with pytest.raises(ssd.CollectionNotFoundError, match="known slugs: a, b") as info:
        cat.collection("z")
    assert isinstance(info.value, KeyError)


def test_shared_slug_rejected() -> None:
    """A slug or alias may name one collection only."""
    with pytest.raises(ssd.CatalogueError, match="share the slug 'b'"):
        ssd.Catalogue(collections=(_collection("a", aliases=("b",)), _collection("b")))


def test_popular_must_be_in_catalogue() -> None:
    """A collection cannot show a popular document the catalogue does not hold."""
    doc = _doc("a", popularity=(ssd.Popularity(collection="c", rank=1),))
    with pytest.raises(ssd.CatalogueError, match="not in the catalogue"):
        ssd.Catalogue(collections=(_collection(popular=(doc,)),))


def test_popular_rank_must_match_position() -> None:
    """A popular document's rank is its position in the collection's list."""
    doc = _doc("a", popularity=(ssd.Popularity(collection="c", rank=2),))
    with pytest.raises(ssd.CatalogueError, match="has rank 2 but stands at position 1"):
        ssd.Catalogue(documents=[doc], collections=(_collection(popular=(doc,)),))


def test_popularity_without_listing_rejected() -> None:
    """A document popular in a collection of the catalogue must be in its popular list."""
    doc = _doc("a", popularity=(ssd.Popularity(collection="c", rank=None),))
    with pytest.raises(ssd.CatalogueError, match="does not list it as popular"):
        ssd.Catalogue(documents=[doc], collections=(_collection(),))


def test_popular_document_must_say_so() -> None:
    """A collection's popular document must carry a popularity entry for it."""
    doc = _doc("a")
    with pytest.raises(ssd.CatalogueError, match="does not list the collection"):
        ssd.Catalogue(documents=[doc], collections=(_collection(popular=(doc,)),))


def test_documents_in_collection() -> None:
    """documents_in() lists the known documents of one collection, in order."""
    cat = ssd.Catalogue(
        documents=[
            _doc("b", date="1951", collections=("c",)),
            _doc("a", date="1950", collections=("c",)),
            _doc("x"),
        ],
        collections=(_collection(),),
    )
    assert ["a", "b"] == [d.id for d in cat.documents_in("c")]


def test_blank_title_rejected() -> None:
    """A document needs a title with something in it."""
    with pytest.raises(ValueError, match="title must not be empty"):
        _doc("a", " ")


def test_rank_must_be_positive() -> None:
    """Popularity ranks start at 1."""
    with pytest.raises(ValueError, match="positive integer"):
        ssd.Popularity(collection="c", rank=0)


def test_make_id_prefers_record_id() -> None:
    """A known record id is the document's id."""
    assert "121559" == ssd.Document.make_id(title="X", date=None, record_id=121559)


def test_make_id_slug_from_date_and_title() -> None:
    """Without a record id the id is the EDTF date and the title, slugged."""
    date = ssd.PartialDate.parse("December 1959")
    assert "1959-12-mao-zedong-outline" == ssd.Document.make_id(
        title="Mao Zedong, Outline", date=date
    )
    assert "undated-a-note" == ssd.Document.make_id(title="A Note", date=None)


def test_make_id_is_short_and_stable() -> None:
    """Long titles are cut at a word boundary, the same way every time."""
    title = "Memorandum of Conversation of Mao Zedong with Six Delegates of the Socialist Countries"
    first = ssd.Document.make_id(title=title, date=None)
    assert first == ssd.Document.make_id(title=title, date=None)
    assert len(first) <= len("undated-") + 60
    assert not first.endswith("-")


def test_slugify_folds_diacritics() -> None:
    """Slugs are ASCII: accents are folded, punctuation becomes hyphens."""
    assert "lushunkou-port-arthur" == slugify("Lüshunkou (Port Arthur)")


def test_repr_is_short() -> None:
    """A catalogue's repr gives its counts, not its contents."""
    assert "<Catalogue documents=1 collections=1>" == repr(
        ssd.Catalogue(documents=[_doc("a")], collections=(_collection(),))
    )


def test_rank_in() -> None:
    """rank_in() gives the rank in one collection, None elsewhere or when unknown."""
    doc = _doc(
        "a", popularity=(ssd.Popularity(collection="c", rank=3), ssd.Popularity(collection="d"))
    )
    assert (3, None, None) == (doc.rank_in("c"), doc.rank_in("d"), doc.rank_in("e"))


@given(st.lists(document_dates(), min_size=2, max_size=12))
def test_sort_key_is_a_total_order_with_ranges_and_coarse_dates(
    found: list[ssd.PartialDate | ssd.DateRange | None],
) -> None:
    """Documents of any date (decades, seasons, open ranges) sort without error, each key
    strictly before or after every other, and dated documents by their first day."""
    docs = [ssd.Document(id=f"d{i}", title="T", date=d) for i, d in enumerate(found)]
    keys = [d.sort_key() for d in docs]
    for a, b in itertools.combinations(keys, 2):
        assert (a < b) != (b < a)
    ordered = [d for d in ssd.Catalogue(documents=docs) if d.date is not None]
    firsts = [datetime.date.min if d.date.earliest is None else d.date.earliest for d in ordered]
    assert firsts == sorted(firsts)


def test_sort_key_places_ranges_and_decades_by_their_days() -> None:
    """An open start comes first, a decade after its first year, an open end after its start."""
    texts = ["1951", "1950/..", "195X", "1950", "../1949", "1950/1953"]
    docs = [ssd.Document(id=t, title="T", date=parse_date(t)) for t in texts]
    expected = ["../1949", "1950", "1950/1953", "195X", "1950/..", "1951"]
    assert expected == [d.id for d in ssd.Catalogue(documents=docs)]


def test_a_range_date_gives_id_and_display() -> None:
    """A range makes its id from its EDTF form and prints as the archive prints periods."""
    date = ssd.DateRange.parse("1950-1953")
    doc = ssd.Document(id=ssd.Document.make_id(title="Reports", date=date), title="R", date=date)
    assert ("1950-1953-reports", "1950–1953") == (doc.id, doc.date_display)


# -- constructor argument types (hostile-input review) ---------------------------------------


@pytest.mark.parametrize(
    "field_value", [("languages", "Russian"), ("date", "1950"), ("id", 5), ("title", None)]
)
def test_document_refuses_arguments_of_the_wrong_type(field_value: tuple[str, object]) -> None:
    """languages="Russian" would be saved as ("R", "u", ...); date="1950" and id=5 fail later."""
    field, value = field_value
    values: dict[str, object] = {"id": "a", "title": "T", field: value}
    with pytest.raises(ssd.ArgumentTypeError):
        ssd.Document(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "argument", "message"),
    [
        (
            {"languages": "Russian"},
            "languages",
            "languages: expected a tuple of str, found str 'Russian'",
        ),
        ({"authors": ["Mao"]}, "authors", "authors: expected a tuple of str, found list ['Mao']"),
        ({"people": ("Mao", 5)}, "people item", "people item: expected a str, found int 5"),
        (
            {"date": "1950"},
            "date",
            "date: expected a PartialDate, a DateRange or None, found str '1950'",
        ),
        (
            {"uploaded": 1950},
            "uploaded",
            "uploaded: expected a PartialDate or None, found int 1950",
        ),
        ({"id": 5}, "id", "id: expected a str, found int 5"),
        ({"title": None}, "title", "title: expected a str, found None"),
        (
            {"record_id": "5"},
            "record_id",
            "record_id: expected a positive int or None, found str '5'",
        ),
        (
            {"record_id": True},
            "record_id",
            "record_id: expected a positive int or None, found bool True",
        ),
        ({"summary": b"s"}, "summary", "summary: expected a str or None, found bytes b's'"),
        ({"provenance": ("a.json",)}, "provenance item", "expected a Provenance, found str"),
        ({"popularity": (ssd.Popularity(collection="c"), "c")}, "popularity item", "Popularity"),
    ],
)
def test_document_refuses_a_wrong_type_naming_the_argument(
    fields: dict[str, object], argument: str, message: str
) -> None:
    values: dict[str, object] = {"id": "x", "title": "T", **fields}
    with pytest.raises(ArgumentTypeError, match=re.escape(message)) as caught:
        ssd.Document(**values)  # type: ignore[arg-type]
    assert caught.value.argument == argument
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, ssd.SinosovietDocsError)


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (lambda: ssd.Provenance(source=5), "source"),
        (lambda: ssd.Provenance(source="s", urls="http://x"), "urls"),
        (lambda: ssd.Provenance(source="s", page="1"), "page"),
        (lambda: ssd.Popularity(collection=None), "collection"),
        (lambda: ssd.Conflict(field="date", values="1950"), "values"),
        (lambda: ssd.CollectionRef(title="T", slug="t", period="1950/1959"), "period"),
        (lambda: ssd.Collection(slug="s", title="T", aliases="old"), "aliases"),
        (lambda: ssd.Collection(slug="s", title="T", popular=["x"]), "popular item"),
        (lambda: ssd.CatalogueInfo(sources="a.json"), "sources"),
        (lambda: ssd.Catalogue(documents="abc"), "documents"),
        (lambda: ssd.Catalogue(documents=[{"id": "x", "title": "T"}]), "documents item"),
        (lambda: ssd.Catalogue(collections="c"), "collections"),
        (lambda: ssd.Catalogue(info=None), "info"),
    ],
)
def test_records_refuse_a_wrong_type_naming_the_argument(
    build: Callable[[], object], argument: str
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        build()
    assert caught.value.argument == argument


def test_document_wrong_type_never_reaches_a_save() -> None:
    with pytest.raises(ArgumentTypeError):
        ssd.Document(id="x", title="T", languages="Russian")  # type: ignore[arg-type]
    doc = ssd.Document(id="x", title="T", languages=("Russian",))
    assert ssd.loads(ssd.dumps(ssd.Catalogue(documents=[doc])))["x"].languages == ("Russian",)


def test_documents_starting_on_one_day_run_shortest_first() -> None:
    """Documents with the same first day (a day, its month, its year, its decade) come in
    order of their last day, whatever their ids; the days are reckoned by the test."""
    lo, hi = datetime.date(1950, 1, 1), datetime.date(1950, 2, 28)
    dates = dates_at_edges(lo, hi)
    docs = [ssd.Document(id=f"d{i:02d}", title="T", date=d) for i, d in enumerate(reversed(dates))]
    cat = ssd.Catalogue(documents=docs)
    expected = sorted(docs, key=lambda d: (*own_bounds(d.date), d.title, d.id))  # type: ignore[arg-type]
    assert [d.id for d in expected] == [d.id for d in cat]
    assert len({own_bounds(d.date)[0] for d in docs}) < len(docs)  # type: ignore[arg-type]
