#!/usr/bin/env python3
"""Build the bundled catalogue from the seed page and the collected facts.

Inputs (the project's ``shared/`` folder, beside the repository by default):

- ``seeds/000_476309a05a576595.txt``: the collection page of "Sino-Soviet
  Alliance, 1950-1959" (its description and its five popular documents, with
  their summaries, in page order);
- ``catalogue/collections.json``: the seven collections and the resource guide;
- ``catalogue/documents.jsonl``: facts about 59 documents listed on collection
  pages (no summaries, no text);
- ``catalogue/sightings.jsonl``: facts about documents seen elsewhere on the
  archive (search and facet pages, document pages). Their collections are
  unknown, so they are bundled in no collection (``collections=()``); a
  collection a sighting names anyway stays a fact of its provenance.

A sighting of a document already bundled is merged into it, not added twice.
Two records are one document when their record ids are equal; when one of
them has no record id, when they share an archive address (a document or
node page); when one of them has none, when their dates and titles are equal.

Ids stay stable: a rebuild keeps the id the committed file gave a document
(matched by record id, archive address, or its line in the facts file with
the same title or the same date), so re-reading a date or a title later does
not change it.

Usage::

    python scripts/build_catalogue.py [--shared ../shared] [--out PATH] [--built YYYY-MM-DD]
    python scripts/build_catalogue.py --check   # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from sinosoviet_docs import (  # noqa: E402  (the path above makes the source importable)
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    DateRange,
    Document,
    PartialDate,
    Popularity,
    Provenance,
    dump,
    load,
    parse_page,
)
from sinosoviet_docs.merging import match_key, merge_documents  # noqa: E402
from sinosoviet_docs.models import ARCHIVE_URL, slugify  # noqa: E402

SEED_NAME = "000_476309a05a576595.txt"
DEFAULT_OUT = REPO / "src" / "sinosoviet_docs" / "data" / "catalogue.json"
SEED_COLLECTION = "Sino-Soviet Alliance, 1950-1959"


class BuildError(Exception):
    """The inputs contradict each other or are not in the expected shape."""


# -- the seed page ------------------------------------------------------------------------


@attrs.frozen
class SeedEntry:
    date_printed: str
    title: str
    summary: str


@attrs.frozen
class SeedPage:
    title: str
    description: str
    siblings: tuple[str, ...]
    guide: str
    popular: tuple[SeedEntry, ...]


def read_seed(path: Path) -> SeedPage:
    """Read the seed (a new-site collection page capture) with the library's page parser."""
    page = parse_page(path.read_text("utf-8"), source=str(path))
    if page.kind != "collection" or not page.popular:
        raise BuildError(f"{path}: no 'Popular Documents' block")
    if page.problems:
        raise BuildError(f"{page.problems[0]}")
    if page.title is None or page.description is None:
        raise BuildError(
            f"{path}: expected the name and the description before 'Popular Documents'"
        )
    if not page.related or page.resource_guide is None:
        raise BuildError(f"{path}: sibling collections not found in the description")
    popular = tuple(
        SeedEntry(doc.dates_printed[0], doc.title, doc.summary or "") for doc in page.documents
    )
    if any(not entry.summary for entry in popular):
        raise BuildError(f"{path}: a popular document without its summary")
    return SeedPage(page.title, page.description, page.related, page.resource_guide, popular)


# -- collections --------------------------------------------------------------------------


def _strip_note(path: str) -> str:
    """A page path without a trailing note such as ``(first page)``."""
    return re.sub(r"\s*\(.*\)$", "", path).rstrip("/")


def _slug_of(path: str) -> str:
    """The last path segment of an old or new page path, without a trailing note."""
    path = _strip_note(path)
    parts = path.split("/")
    if parts[0] == "collection" and len(parts) == 4:  # collection/<id>/<slug>/<page>
        return parts[2]
    return parts[-1]


def _canonical_url(url: str) -> str:
    """The same path on the archive's canonical host (staging copies share the paths)."""
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{ARCHIVE_URL}{parts.path}{query}"


def _period(text: str | None) -> tuple[DateRange | None, str | None]:
    if text is None:
        return None, None
    head, _, rest = text.partition(" (")
    note = f"period as recorded: {text!r}" if rest else None
    return DateRange.parse(head), note


def _guide_from(link: str) -> bool:
    return link.endswith("(resource guide)") or link.startswith("essay by")


@attrs.frozen
class _Guide:
    title: str
    authors: tuple[str, ...] = ()
    date: PartialDate | None = None


_ESSAY = re.compile(
    r"essay by (?P<author>[^,]+), '(?P<title>[^']+)' \((?P<date>[A-Z][a-z]+ \d{4})\)"
)


def _guide_facts(links: Sequence[str]) -> Iterator[_Guide]:
    for link in links:
        match = _ESSAY.match(link)
        if match:
            yield _Guide(match["title"], (match["author"],), PartialDate.parse(match["date"]))
        elif link.endswith("(resource guide)"):
            yield _Guide(link.removesuffix("(resource guide)").strip())


def build_collections(
    records: Sequence[Mapping[str, Any]], seed: SeedPage, source: str
) -> dict[str, Collection]:
    """Collections by title, with slugs, periods, links and the seed's description."""
    guides = {g.title: g for r in records for g in _guide_facts(_links(r))}
    collections: dict[str, Collection] = {}
    for index, record in enumerate(records):
        title = record["name"]
        slugs = record.get("slugs") or {}
        new = slugs.get("new")
        old = slugs.get("old") or []
        old = [old] if isinstance(old, str) else list(old)
        known = [_slug_of(s) for s in ([new] if new else []) + old]
        slug = known[0] if new else (slugify(title) if slugify(title) in known else None)
        slug = slug or (known[0] if known else slugify(title))
        aliases = tuple(dict.fromkeys(s for s in known if s != slug))
        if new:
            url: str | None = f"{ARCHIVE_URL}/{new}"
        elif old:
            url = f"{ARCHIVE_URL}/{_strip_note(old[0])}"
        else:
            url = None
        period, period_note = _period(record.get("period"))
        is_guide = title in guides and "slugs" not in record
        guide = guides.get(title)
        notes = [n for n in (period_note, _links_note(record)) if n]
        if not record.get("pages_seen"):
            notes.append("no page of it was seen; its slug is derived from its title")
        collections[title] = Collection(
            slug=slug,
            title=title,
            kind="resource-guide" if is_guide else "collection",
            description=seed.description if title == seed.title else None,
            period=period,
            archive_id=record.get("old_numeric_id"),
            aliases=aliases,
            url=url,
            authors=guide.authors if guide and is_guide else (),
            date=guide.date if guide and is_guide else None,
            provenance=(
                Provenance(
                    source=f"{source} #{index}",
                    urls=tuple(record.get("pages_seen") or ()),
                    note="; ".join(notes) or None,
                ),
            ),
        )
    return collections


def _links(record: Mapping[str, Any]) -> list[str]:
    links = record.get("links_to") or []
    if isinstance(links, dict):  # one list per rendering of the page: the new site's first
        return list(links.get("new topics page") or next(iter(links.values()), []))
    return list(links)


def _links_note(record: Mapping[str, Any]) -> str | None:
    links = record.get("links_to")
    if isinstance(links, dict):
        return "links from the new topics page; " + "; ".join(
            f"{k}: {len(v)} links" for k, v in links.items()
        )
    return None


def link_collections(
    collections: dict[str, Collection], records: Sequence[Mapping[str, Any]], seed: SeedPage
) -> dict[str, Collection]:
    """Fill each collection's related collections and resource guide from its links."""
    refs = {title: col.ref() for title, col in collections.items()}
    guide_titles = {g.title for r in records for g in _guide_facts(_links(r))}
    linked: dict[str, Collection] = {}
    for record in records:
        title = record["name"]
        related: list[CollectionRef] = []
        guide: CollectionRef | None = None
        for link in _links(record):
            if _guide_from(link):
                (facts,) = _guide_facts([link])
                guide = refs[facts.title]
            elif link in refs:
                related.append(refs[link])
            else:
                raise BuildError(f"{title!r} links to an unknown collection {link!r}")
        if title == seed.title:
            page = tuple(refs[name].title for name in seed.siblings)
            if page != tuple(r.title for r in related):
                raise BuildError(f"seed siblings {page} differ from collections.json {related}")
            if seed.guide not in guide_titles or guide is None or guide.title != seed.guide:
                raise BuildError(
                    f"seed resource guide {seed.guide!r} differs from collections.json"
                )
        linked[title] = attrs.evolve(
            collections[title], related=tuple(related), resource_guide=guide
        )
    return linked


# -- documents ----------------------------------------------------------------------------


def _record_id(fact: Mapping[str, Any]) -> tuple[int | None, str | None]:
    """The archive record id if the facts say it is one, and a note on how it was known."""
    number = fact.get("record_id")
    if number is None:
        return None, None
    kind = fact.get("id_kind", "record id (kind not stated)")
    if "not a record id" in kind.lower():
        return None, f"{number} is not a record id: {kind}"
    return int(number), f"record id {number}: {kind}"


_DOCUMENT_PAGE = re.compile(r"/(document/[a-z0-9-]+|node/\d+)")


def _document_url(fact: Mapping[str, Any], record_id: int | None) -> str | None:
    if record_id is not None:
        return f"{ARCHIVE_URL}/document/{record_id}"
    for url in fact.get("seen_at", ()):
        if _DOCUMENT_PAGE.fullmatch(urlsplit(url).path):
            return _canonical_url(url)
    return None


def _addresses(doc: Document) -> frozenset[str]:
    """The canonical addresses of the document's own pages (not of listings that show it)."""
    urls = [doc.url] if doc.url else []
    for entry in doc.provenance:
        urls.extend(entry.urls)
    found = set()
    for url in urls:
        path = urlsplit(url).path.removesuffix(".pdf")
        if _DOCUMENT_PAGE.fullmatch(path):
            found.add(f"{ARCHIVE_URL}{path}")
    return frozenset(found)


def same_document(left: Document, right: Document) -> bool:
    """Whether two records are one document: by record id, else address, else date and title.

    Each test decides when both records have what it compares; a record id
    that one of them lacks passes the decision to the addresses, and so on.
    """
    if left.record_id is not None and right.record_id is not None:
        return left.record_id == right.record_id
    mine, theirs = _addresses(left), _addresses(right)
    if mine and theirs:
        return bool(mine & theirs)
    return match_key(left) == match_key(right)


def build_document(
    fact: Mapping[str, Any],
    line: int,
    source: str,
    slugs: Mapping[str, str],
    seed_rank: Mapping[str, int],
    notes: Sequence[str] = (),
) -> Document:
    """A document from one line of facts; ``notes`` open its provenance note."""
    printed = fact["date_printed"]
    variants = list(dict.fromkeys([printed, *fact.get("date_variants_seen", ())]))
    date = PartialDate.parse(printed)
    notes = list(notes)
    others = {v: PartialDate.parse(v) for v in variants if PartialDate.parse(v) != date}
    if others:
        notes.append(
            "copies disagree on the date: "
            + ", ".join(repr(v) for v in variants)
            + f"; kept {printed!r}, the form the facts file gives as printed on the page used"
        )
    record_id, id_note = _record_id(fact)
    if id_note:
        notes.append(id_note)
    if fact.get("note"):
        notes.append(fact["note"])
    popularity = tuple(
        Popularity(collection=slugs[name], rank=seed_rank.get(name))
        for name in fact.get("popular_on", ())
    )
    return Document(
        id=Document.make_id(title=fact["title"], date=date, record_id=record_id),
        record_id=record_id,
        title=fact["title"],
        date=date,
        dates_printed=tuple(variants),
        type=fact.get("type"),
        languages=tuple(fact.get("languages", ())),
        source=fact.get("source_citation"),
        uploaded=PartialDate.parse(fact["uploaded_date"]) if fact.get("uploaded_date") else None,
        collections=tuple(slugs[name] for name in fact.get("collections", ())),
        url=_document_url(fact, record_id),
        popularity=popularity,
        provenance=(
            Provenance(
                source=f"{source} line {line}",
                urls=tuple(fact.get("seen_at", ())),
                note="; ".join(notes) or None,
            ),
        ),
    )


def build_sighting(fact: Mapping[str, Any], line: int, source: str) -> Document:
    """A document seen outside the collection pages: in no collection, whatever the line says.

    A collection the line names anyway (one outside this catalogue) is kept
    as a fact in the provenance note.
    """
    notes = ["seen outside the catalogue's collection pages; its collection is unknown"]
    if named := fact.get("collections"):
        notes.append(
            "listed on a collection page outside this catalogue: "
            + ", ".join(repr(name) for name in named)
        )
    if fact.get("popular_on"):
        raise BuildError(f"{source} line {line}: a sighting cannot be popular on a collection")
    own = {k: v for k, v in fact.items() if k != "collections"}
    return build_document(own, line, source, {}, {}, notes)


def add_sightings(documents: Sequence[Document], sightings: Sequence[Document]) -> list[Document]:
    """``documents`` with each sighting merged into the record it repeats, or added.

    A merged record keeps its id and its collections; the sighting adds the
    facts it alone knows and its provenance.
    """
    out = list(documents)
    for sighting in sightings:
        index = next((i for i, doc in enumerate(out) if same_document(doc, sighting)), None)
        if index is None:
            out.append(sighting)
            continue
        merged = merge_documents(out[index], sighting)
        out[index] = attrs.evolve(merged, id=out[index].id)
    return out


def keep_ids(documents: Sequence[Document], previous: Catalogue | None) -> list[Document]:
    """Documents under the ids ``previous`` (the committed build) gave them.

    A document is the previous one with its record id, or sharing an archive
    address, or built from the same line of the same facts file with the same
    title or the same date; any other document keeps the id it was built with.
    """
    if previous is None:
        return list(documents)
    taken: set[str] = set()
    out: list[Document] = []
    for doc in documents:
        old = next((p for p in previous if p.id not in taken and _same_record(p, doc)), None)
        if old is not None:
            taken.add(old.id)
            doc = attrs.evolve(doc, id=old.id)
        out.append(doc)
    return out


def _same_record(old: Document, new: Document) -> bool:
    if old.record_id is not None and new.record_id is not None:
        return old.record_id == new.record_id
    if _addresses(old) & _addresses(new):
        return True
    lines = _fact_lines(old) & _fact_lines(new)
    return bool(lines) and (old.title == new.title or old.date == new.date)


def _fact_lines(doc: Document) -> set[str]:
    """The lines of facts a document was built from ("catalogue/sightings.jsonl line 7")."""
    return {p.source for p in doc.provenance if " line " in p.source}


def add_seed_facts(
    doc: Document, entry: SeedEntry, seed_source: str, page_url: str | None
) -> Document:
    """The seed page adds a document's summary and its printed date form."""
    return attrs.evolve(
        doc,
        summary=entry.summary,
        dates_printed=tuple(dict.fromkeys([*doc.dates_printed, entry.date_printed])),
        provenance=(
            *doc.provenance,
            Provenance(
                source=seed_source,
                urls=(page_url,) if page_url else (),
                note="summary and popular-document rank from the seed page",
            ),
        ),
    )


def _key(title: str, date: PartialDate) -> tuple[str, str]:
    return slugify(title, max_length=500), str(date)


SIGHTINGS = "catalogue/sightings.jsonl"


def read_sightings(path: Path) -> list[Document]:
    """The documents of the sightings file, one a line, in no collection."""
    return [
        build_sighting(json.loads(text), line, SIGHTINGS)
        for line, text in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if text.strip()
    ]


def build(shared: Path, built: str, previous: Catalogue | None = None) -> Catalogue:
    """The bundled catalogue, from the files in ``shared``.

    ``previous`` (the committed build) keeps documents under the ids it gave them.
    """
    seed_path = shared / "seeds" / SEED_NAME
    seed_source = f"seeds/{SEED_NAME}"
    seed = read_seed(seed_path)
    if seed.title != SEED_COLLECTION:
        raise BuildError(f"the seed page is about {seed.title!r}, not {SEED_COLLECTION!r}")
    records = json.loads((shared / "catalogue" / "collections.json").read_text("utf-8"))
    collections = build_collections(records, seed, "catalogue/collections.json")
    collections = link_collections(collections, records, seed)
    slugs = {title: col.slug for title, col in collections.items()}

    seed_keys = {_key(e.title, PartialDate.parse(e.date_printed)): e for e in seed.popular}
    ranks = {
        _key(e.title, PartialDate.parse(e.date_printed)): i for i, e in enumerate(seed.popular, 1)
    }
    documents: list[Document] = []
    matched: set[tuple[str, str]] = set()
    facts_path = shared / "catalogue" / "documents.jsonl"
    for line, text in enumerate(facts_path.read_text("utf-8").splitlines(), start=1):
        if not text.strip():
            continue
        fact = json.loads(text)
        key = _key(fact["title"], PartialDate.parse(fact["date_printed"]))
        seed_rank = {SEED_COLLECTION: ranks[key]} if key in ranks else {}
        if key in ranks and SEED_COLLECTION not in fact.get("popular_on", ()):
            raise BuildError(f"line {line}: popular on the seed page but not in popular_on")
        if key not in ranks and SEED_COLLECTION in fact.get("popular_on", ()):
            raise BuildError(
                f"line {line}: popular_on names the seed collection, the seed does not"
            )
        doc = build_document(fact, line, "catalogue/documents.jsonl", slugs, seed_rank)
        if key in seed_keys:
            matched.add(key)
            doc = add_seed_facts(doc, seed_keys[key], seed_source, collections[SEED_COLLECTION].url)
        documents.append(doc)
    if missing := set(seed_keys) - matched:
        raise BuildError(f"seed popular documents missing from documents.jsonl: {sorted(missing)}")
    listed = len(documents)
    sightings = read_sightings(shared / SIGHTINGS)
    documents = keep_ids(add_sightings(documents, sightings), previous)
    if len({doc.id for doc in documents}) != len(documents):
        raise BuildError("two documents have one id")
    unlisted = sum(not doc.collections for doc in documents)

    by_slug = {doc.id: doc for doc in documents}
    final: list[Collection] = []
    for col in collections.values():
        popular = [
            d for d in by_slug.values() if any(p.collection == col.slug for p in d.popularity)
        ]
        popular.sort(key=lambda d: (d.rank_in(col.slug) or 10**9, d.sort_key()))
        final.append(attrs.evolve(col, popular=tuple(popular)))

    info = CatalogueInfo(
        title="Sino-Soviet collections of the Wilson Center Digital Archive (partial catalogue)",
        built=built,
        sources=(
            f"{seed_source}: the page of the collection 'Sino-Soviet Alliance, 1950-1959' "
            "(description, sibling collections, resource guide, popular documents with summaries)",
            "catalogue/collections.json: the seven collections and the resource guide "
            "(slugs, periods, links, pages seen)",
            f"catalogue/documents.jsonl: facts about {listed} documents listed on collection "
            "pages (titles, dates, record ids, citations, memberships, addresses seen)",
            f"{SIGHTINGS}: facts about {len(sightings)} documents seen elsewhere on the "
            "archive, collection unknown (titles, dates, some record ids and citations, "
            "addresses seen)",
        ),
        note=(
            "This catalogue knows only some documents of each collection; the archive's "
            "collections are far larger and no count here is a collection's size. "
            f"{unlisted} documents seen outside the collection pages belong to no collection "
            "here. Only the five popular documents of the 1950-1959 collection carry summaries."
        ),
    )
    return Catalogue(documents=documents, collections=tuple(final), info=info)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--built", help="build date to record (default: today, or the file's for --check)"
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with --out instead of writing it"
    )
    args = parser.parse_args(argv)
    if args.check:
        current = load(args.out)
        fresh = build(args.shared, args.built or current.info.built or "", current)
        if fresh != current:
            print(f"{args.out} is stale: run scripts/build_catalogue.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(fresh)} documents)")
        return 0
    previous = load(args.out) if args.out.exists() else None
    cat = build(args.shared, args.built or datetime.date.today().isoformat(), previous)
    dump(cat, args.out)
    counts = ", ".join(f"{c.slug}: {len(cat.documents_in(c.slug))}" for c in cat.collections)
    unlisted = sum(not doc.collections for doc in cat)
    print(f"wrote {args.out}: {len(cat)} documents ({counts}; in no collection: {unlisted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
