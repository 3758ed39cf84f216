"""The bundled catalogue holds what the seed page shows and what the fact files say."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sinosoviet_docs as ssd

ALLIANCE = "sino-soviet-alliance-1950-1959"
SEED_NAME = "000_476309a05a576595.txt"


def _seed_blocks(shared: Path) -> list[str]:
    text = (shared / "seeds" / SEED_NAME).read_text("utf-8")
    return [b.strip() for b in text.split("\n\n") if b.strip()]


def _build_script() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_catalogue.py"
    spec = importlib.util.spec_from_file_location("build_catalogue", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_catalogue"] = module
    spec.loader.exec_module(module)
    return module


def test_collection_by_slug_and_title(bundled: ssd.Catalogue) -> None:
    """The seed's collection is found by its slug and by its exact title."""
    col = bundled.collection(ALLIANCE)
    assert col is bundled.collection("Sino-Soviet Alliance, 1950-1959")


def test_collection_period(bundled: ssd.Catalogue) -> None:
    """The collection's period runs from 1950 to 1959."""
    period = bundled.collection(ALLIANCE).period
    assert period is not None
    assert ("1950-01-01", "1959-12-31") == (str(period.earliest), str(period.latest))


def test_description_is_the_seed_paragraph(bundled: ssd.Catalogue, shared: Path) -> None:
    """The description is the seed page's paragraph, word for word."""
    assert _seed_blocks(shared)[2] == bundled.collection(ALLIANCE).description


def test_related_are_the_four_siblings_in_page_order(bundled: ssd.Catalogue) -> None:
    """related lists the four sibling collections in the order the page names them."""
    col = bundled.collection(ALLIANCE)
    description = col.description or ""
    titles = [ref.title for ref in col.related]
    assert 4 == len(titles)
    assert sorted(titles, key=description.index) == titles
    for ref in col.related:
        assert ref == bundled.collection(ref.slug).ref()
        assert ref.period is not None


def test_resource_guide(bundled: ssd.Catalogue) -> None:
    """The page's resource guide is 'The Sino-Soviet Alliance, 70 Years Later'."""
    guide = bundled.collection(ALLIANCE).resource_guide
    assert guide is not None
    assert ("The Sino-Soviet Alliance, 70 Years Later", "resource-guide") == (
        guide.title,
        guide.kind,
    )
    assert ("Charles Kraus",) == bundled.collection(guide.slug).authors


def test_popular_documents_in_page_order(bundled: ssd.Catalogue, shared: Path) -> None:
    """The five popular documents are those of the seed page, in page order, with its summaries."""
    blocks = _seed_blocks(shared)
    start = blocks.index("Popular Documents") + 1
    triples = [tuple(blocks[i : i + 3]) for i in range(start, len(blocks), 3)]
    popular = bundled.collection(ALLIANCE).popular
    assert 5 == len(popular)
    for rank, (doc, (printed, title, summary)) in enumerate(zip(popular, triples, strict=True), 1):
        assert (title, summary) == (doc.title, doc.summary)
        assert doc.date == ssd.PartialDate.parse(printed)
        assert printed in doc.dates_printed
        assert rank == doc.rank_in(ALLIANCE)
        assert ALLIANCE in doc.collections


def test_popular_documents_are_the_catalogues(bundled: ssd.Catalogue) -> None:
    """A popular document is the same record as the catalogue's, found by its id."""
    for doc in bundled.collection(ALLIANCE).popular:
        assert doc == bundled[doc.id] == bundled.document(doc.id)


def test_membership_counts_match_the_facts(bundled: ssd.Catalogue, shared: Path) -> None:
    """Each collection holds the documents the fact file lists for it."""
    text = (shared / "catalogue" / "documents.jsonl").read_text("utf-8")
    facts = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert len(facts) == sum(bool(d.collections) for d in bundled)
    for col in bundled.collections:
        expected = sum(col.title in f.get("collections", ()) for f in facts)
        assert expected == len(bundled.documents_in(col.slug)), col.slug


def test_other_documents_have_no_summary(bundled: ssd.Catalogue) -> None:
    """Only the seed's five popular documents carry summaries (no text is invented)."""
    with_summary = {d.id for d in bundled if d.summary is not None}
    assert {d.id for d in bundled.collection(ALLIANCE).popular} == with_summary
    assert all(d.text is None for d in bundled)


def test_node_number_is_not_a_record_id(bundled: ssd.Catalogue) -> None:
    """A staging-site node number is kept as an address, never as a record id."""
    doc = next(d for d in bundled if d.title.startswith("Cable No. 3355"))
    assert doc.record_id is None
    assert "https://digitalarchive.wilsoncenter.org/node/98504" == doc.url


def test_date_variants_are_kept(bundled: ssd.Catalogue) -> None:
    """Every printed form of a date is kept; the date itself is one."""
    doc = bundled["112088"]
    assert {"October 02, 1959", "October 2, 1959"} == set(doc.dates_printed)
    assert "1959-10-02" == str(doc.date)


def test_month_only_date_stays_month(bundled: ssd.Catalogue) -> None:
    """'December 1959' is a month, not the first of December."""
    doc = next(
        d
        for d in bundled
        if d.title == "Mao Zedong, Outline for a Speech on the International Situation"
    )
    assert doc.date is not None
    assert ("month", None) == (doc.date.precision, doc.date.day)


def test_catalogue_states_build_date_sources_and_incompleteness(bundled: ssd.Catalogue) -> None:
    """The catalogue says when it was built, from what, and that it is not complete."""
    assert bundled.info.built
    assert 4 == len(bundled.info.sources)
    assert "only some documents" in (bundled.info.note or "")


def test_every_document_has_provenance(bundled: ssd.Catalogue) -> None:
    """Each document says where its facts were seen."""
    assert all(d.provenance and d.provenance[0].urls for d in bundled)


def test_committed_file_is_what_the_script_builds(bundled: ssd.Catalogue, shared: Path) -> None:
    """Rebuilding from shared/ gives the committed catalogue (the file is not stale)."""
    script = _build_script()
    assert bundled == script.build(shared, bundled.info.built)


def test_build_flags_disagreeing_date_variants(shared: Path) -> None:
    """When copies print different days, the build keeps the designated one and says so."""
    script = _build_script()
    fact = {
        "date_printed": "March 01, 1969",
        "date_variants_seen": ["March 01, 1969", "March 3, 1969"],
        "title": "Polish-Soviet Talks in Moscow",
        "seen_at": ["https://digitalarchive.wilsoncenter.org/collection/192/x"],
    }
    doc = script.build_document(fact, 7, "facts.jsonl", {}, {})
    assert "1969-03-01" == str(doc.date)
    assert ("March 01, 1969", "March 3, 1969") == doc.dates_printed
    assert "copies disagree on the date" in (doc.provenance[0].note or "")


def test_build_rejects_seed_without_popular_block(tmp_path: Path) -> None:
    """A seed page in another shape stops the build with a clear error."""
    script = _build_script()
    seed = tmp_path / "seed.txt"
    seed.write_text("Skip to content\n\nName\n\nDescription\n", "utf-8")
    with pytest.raises(script.BuildError, match="no 'Popular Documents' block"):
        script.read_seed(seed)


def _sighting(title: str, printed: str, *urls: str, **more: object) -> dict[str, object]:
    return {"title": title, "date_printed": printed, "seen_at": list(urls), **more}


def _listed(**changes: object) -> ssd.Document:
    """A bundled document in a collection, as the build makes it."""
    fields: dict[str, object] = {
        "id": "1950-07-05-cable",
        "title": "Cable, Roshchin to Filippov [Stalin]",
        "date": ssd.PartialDate.parse("July 05, 1950"),
        "dates_printed": ("July 05, 1950",),
        "collections": (ALLIANCE,),
        "provenance": (ssd.Provenance(source="catalogue/documents.jsonl line 1"),),
    }
    fields.update(changes)
    return ssd.Document(**fields)  # type: ignore[arg-type]


def test_counts_per_collection(bundled: ssd.Catalogue) -> None:
    """The bundle's documents per collection and in none, as built from shared/ now."""
    counts = {c.slug: len(bundled.documents_in(c.slug)) for c in bundled.collections}
    assert {
        ALLIANCE: 8,
        "making-sino-soviet-alliance-1945-1950": 8,
        "sino-soviet-split-1960-1984": 24,
        "sino-soviet-border-conflict-1969": 10,
        "sino-soviet-rapprochement-1985-1989": 0,
        "sino-soviet-relations": 14,
        "the-sino-soviet-alliance-70-years-later": 0,
    } == counts
    assert (299, 240) == (len(bundled), sum(not d.collections for d in bundled))


def test_sightings_are_in_no_collection(bundled: ssd.Catalogue, shared: Path) -> None:
    """Every line of sightings.jsonl is one document in no collection, popular nowhere."""
    text = (shared / "catalogue" / "sightings.jsonl").read_text("utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    seen = {
        p.source: d for d in bundled for p in d.provenance if "sightings.jsonl line" in p.source
    }
    assert {f"catalogue/sightings.jsonl line {n}" for n in lines} == set(seen)
    assert all(d.collections == () and d.popularity == () for d in seen.values())
    for col in bundled.collections:
        assert not any(d.provenance[0].source in seen for d in col.popular)


def test_sighting_provenance_names_where_it_was_seen(shared: Path) -> None:
    """A sighting's provenance gives its line, the pages it was seen on and its unknown collection."""
    script = _build_script()
    url = "https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=topics%3A86502"
    doc = script.build_sighting(_sighting("Cable, Mao Zedong to Filippov", "1949", url), 3, "s")
    entry = doc.provenance[0]
    assert ("s line 3", (url,)) == (entry.source, entry.urls)
    assert "collection is unknown" in (entry.note or "")


def test_outside_collection_is_kept_as_a_fact(bundled: ssd.Catalogue) -> None:
    """The sighting listed on 'Taiwan Strait Crises' is in no collection; its note says where."""
    (doc,) = [d for d in bundled if "Taiwan Strait Crises" in (d.provenance[0].note or "")]
    assert () == doc.collections
    assert "Taiwan Strait Crises" not in {c.title for c in bundled.collections}
    assert any("collection/177/taiwan-strait-crises" in u for u in doc.provenance[0].urls)


def test_sighting_keeps_languages_and_note(bundled: ssd.Catalogue) -> None:
    """Facts only a sighting line has (languages, a note on a third-party copy) are kept."""
    doc = bundled["111817"]
    assert ("Albanian",) == doc.languages
    assert "third-party copy" in (doc.provenance[0].note or "")


def test_sighting_cannot_be_popular() -> None:
    """A sighting line that claims a popular-document rank stops the build."""
    script = _build_script()
    fact = _sighting("T", "1950", "u", popular_on=["Sino-Soviet Alliance, 1950-1959"])
    with pytest.raises(script.BuildError, match="cannot be popular"):
        script.build_sighting(fact, 1, "s")


def test_sighting_with_the_record_id_is_merged() -> None:
    """A sighting with a bundled document's record id is merged into it, whatever its title."""
    script = _build_script()
    listed = _listed(id="110385", record_id=110385)
    fact = _sighting("Another Title", "1951", "u", record_id=110385, id_kind="record_id")
    (doc,) = script.add_sightings([listed], [script.build_sighting(fact, 2, "s")])
    assert ("110385", (ALLIANCE,), 2) == (doc.id, doc.collections, len(doc.provenance))
    assert "title" in {c.field for c in doc.conflicts}


def test_different_record_ids_are_two_documents() -> None:
    """Same title and date but different record ids: two documents."""
    script = _build_script()
    listed = _listed(id="110385", record_id=110385)
    fact = _sighting(listed.title, "July 5, 1950", "u", record_id=111199, id_kind="record_id")
    docs = script.add_sightings([listed], [script.build_sighting(fact, 2, "s")])
    assert ["110385", "111199"] == [d.id for d in docs]


def test_sighting_at_the_same_address_is_merged() -> None:
    """Without a shared record id, one archive address (any host, .pdf or not) is one document."""
    script = _build_script()
    node = "https://digitalarchive.wilsoncenter.org/node/98504"
    listed = _listed(url=node)
    fact = _sighting("Cable No. 3355", "1950-07-13", "https://x.dvincitest.com/node/98504.pdf")
    (doc,) = script.add_sightings([listed], [script.build_sighting(fact, 2, "s")])
    assert (listed.id, listed.title, node) == (doc.id, doc.title, doc.url)


def test_different_addresses_are_two_documents() -> None:
    """Same title and date at two different document pages: two documents."""
    script = _build_script()
    listed = _listed(url="https://digitalarchive.wilsoncenter.org/document/cable-a")
    page = "https://digitalarchive.wilsoncenter.org/document/cable-b"
    fact = _sighting(listed.title, "July 5, 1950", page)
    assert 2 == len(script.add_sightings([listed], [script.build_sighting(fact, 2, "s")]))


def test_sighting_with_the_same_title_and_date_is_merged() -> None:
    """Without record ids or addresses, the same date and title (as normalised) is one document."""
    script = _build_script()
    listed = _listed()
    search = "https://digitalarchive.wilsoncenter.org/search?page=3"
    fact = _sighting("Cable, Roshchin to Filippov (Stalin)", "July 5, 1950", search)
    (doc,) = script.add_sightings([listed], [script.build_sighting(fact, 2, "s")])
    assert (listed.id, ("July 05, 1950", "July 5, 1950")) == (doc.id, doc.dates_printed)
    assert search in doc.provenance[1].urls


def test_same_title_another_date_is_another_document() -> None:
    """One title on two dates is two documents (the archive has many such)."""
    script = _build_script()
    fact = _sighting(_listed().title, "July 6, 1950", "u")
    assert 2 == len(script.add_sightings([_listed()], [script.build_sighting(fact, 2, "s")]))


@pytest.mark.parametrize(
    ("before", "after", "keeps"),
    [
        (("Memo, A to B", "March 01, 1969"), ("Memo, A to B", "March 3, 1969"), True),
        (("Memo, A to B", "1969"), ("Memorandum, A to B", "1969"), True),
        (("Memo, A to B", "1969"), ("Letter, C to D", "1970"), False),
    ],
)
def test_rebuild_keeps_the_id_of_a_line_read_again(
    before: tuple[str, str], after: tuple[str, str], keeps: bool
) -> None:
    """A line whose date or title is corrected keeps its committed id; a new title and date do not."""
    script = _build_script()
    old = script.build_sighting(_sighting(*before, "u"), 5, "s")
    new = script.build_sighting(_sighting(*after, "u"), 5, "s")
    assert old.id != new.id
    (kept,) = script.keep_ids([new], ssd.Catalogue(documents=[old]))
    assert ((old if keeps else new).id, new.title, new.date) == (kept.id, kept.title, kept.date)


def test_rebuild_with_the_committed_file_changes_nothing(
    bundled: ssd.Catalogue, shared: Path
) -> None:
    """Building with the committed catalogue as the previous one gives the same catalogue."""
    script = _build_script()
    assert bundled == script.build(shared, bundled.info.built, bundled)


def test_a_bundled_file_reads_as_the_import_system_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read from the package's folder, or (when that is no folder of files) through
    importlib.resources: the same text and label either way."""
    from importlib import resources

    from sinosoviet_docs import _bundled

    expected = resources.files("sinosoviet_docs").joinpath("data", "people.json").read_text("utf-8")
    label = "sinosoviet_docs/data/people.json"
    assert (expected, label) == _bundled.read_bundled("people.json")
    monkeypatch.setattr(_bundled, "_FOLDER", "/nonexistent/sinosoviet_docs/data")
    assert (expected, label) == _bundled.read_bundled("people.json")
