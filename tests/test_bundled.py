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
    assert len(facts) == len(bundled)
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
    assert 3 == len(bundled.info.sources)
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
