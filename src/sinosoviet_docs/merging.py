"""Merging catalogues: one document per archive record, facts combined, conflicts kept.

Documents are matched by their archive record id; a document without one is
matched by its normalised date and title (EDTF date, title slug), also
against documents that do have a record id. Matched documents become one:

- a fact only one source knows is taken (a capture's summary and a scrape
  row's full text make one richer document);
- list facts (collections, languages, people, printed dates ...) are united
  in order of first appearance; provenance is concatenated;
- a date and a more precise date within it (``1959-10`` and ``1959-10-02``,
  ``1959`` and ``1959-10``, with the same qualifiers) agree: the more precise
  one is kept whatever the policy, and both printed forms stay in
  ``dates_printed``;
- two *different* values of one field are a conflict, settled by the policy
  ``on_conflict``:

  ``"keep-both"`` (the default)
      the field keeps the value seen first and the document's ``conflicts``
      gain a :class:`~sinosoviet_docs.Conflict` naming every value and where it
      came from: nothing is overwritten silently;
  ``"left"`` / ``"right"``
      the value seen first (left) or last (right) wins, no conflict is recorded;
  ``"raise"``
      :class:`~sinosoviet_docs.exceptions.MergeConflictError` (a ValueError).

The merged id is the record id when one source knows it (``Document.make_id``),
else the first source's id, so ids stay stable from one merge to the next.
When two documents that are not the same (different record ids) have one id,
the later one is renamed (``112088-2``) and its provenance gains an entry
from ``"merge"`` whose note names the old and the new id.

>>> from sinosoviet_docs import Catalogue, Document, PartialDate
>>> a = Catalogue(documents=[Document(id="1", title="T", record_id=1, summary="S")])
>>> b = Catalogue(documents=[Document(id="1", title="T", record_id=1, text="Full text")])
>>> doc = merge(a, b)["1"]
>>> doc.summary, doc.text
('S', 'Full text')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from ._fields import merged_as
from .dates import DateRange, PartialDate
from .exceptions import ArgumentTypeError, CollectionConflictError, MergeConflictError
from .models import (
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    Conflict,
    Document,
    Popularity,
    Provenance,
    popularity_in,
    slugify,
)

__all__ = ["OnConflict", "assemble", "match_key", "merge", "merge_documents", "merge_many"]

OnConflict = Literal["keep-both", "left", "right", "raise"]
_POLICIES = ("keep-both", "left", "right", "raise")

_SCALARS = merged_as("scalar")
_UNIONS = merged_as("union")


def match_key(doc: Document) -> tuple[str, str]:
    """The normalised (date, title) a document is matched by when it has no record id.

    >>> from sinosoviet_docs import PartialDate
    >>> match_key(Document(id="x", title="Cable, Roshchin to Filippov [Stalin]",
    ...                    date=PartialDate.parse("July 05, 1950")))
    ('1950-07-05', 'cable-roshchin-to-filippov-stalin')
    """
    return ("undated" if doc.date is None else str(doc.date), _title_key(doc.title))


def _title_key(title: str) -> str:
    """A title as it is matched: its slug, long enough to keep long titles apart."""
    return slugify(title, max_length=500)


def _text(value: object) -> str:
    return str(value)


def _source_of(doc: Document) -> str:
    return doc.provenance[0].source if doc.provenance else f"document {doc.id}"


def _check_policy(on_conflict: str) -> None:
    if on_conflict not in _POLICIES:
        raise ValueError(f"on_conflict must be one of {', '.join(_POLICIES)}, not {on_conflict!r}")


def _add_conflict(
    conflicts: list[Conflict], field: str, left: str, right: str, left_src: str, right_src: str
) -> None:
    for index, existing in enumerate(conflicts):
        if existing.field == field:
            if right in existing.values:
                return
            conflicts[index] = attrs.evolve(
                existing,
                values=(*existing.values, right),
                sources=(*existing.sources, right_src),
            )
            return
    conflicts.append(Conflict(field=field, values=(left, right), sources=(left_src, right_src)))


def _union(left: Sequence[Any], right: Sequence[Any]) -> tuple[Any, ...]:
    """``left`` as it is, then the values of ``right`` that it lacks (in their order)."""
    seen = set(left)
    added = [x for x in dict.fromkeys(right) if x not in seen]
    return (*left, *added) if added else tuple(left)


def merge_documents(
    left: Document, right: Document, *, on_conflict: OnConflict = "keep-both"
) -> Document:
    """One document combining the facts of two records of the same document.

    >>> from sinosoviet_docs import PartialDate
    >>> a = Document(id="a", title="T", date=PartialDate.parse("1950-05-13"))
    >>> b = Document(id="a", title="T", date=PartialDate.parse("1950-05-14"), type="Cable")
    >>> doc = merge_documents(a, b)
    >>> str(doc.date), doc.type, doc.conflicts[0].values
    ('1950-05-13', 'Cable', ('1950-05-13', '1950-05-14'))
    """
    _check_policy(on_conflict)
    conflicts = list(left.conflicts)
    for conflict in right.conflicts:
        if conflict not in conflicts:
            conflicts.append(conflict)
    changes: dict[str, Any] = {}
    left_src, right_src = _source_of(left), _source_of(right)
    record_id = left.record_id
    if left.record_id is None:
        record_id = right.record_id
    elif right.record_id is not None and right.record_id != left.record_id:
        record_id = _settle(
            left,
            "record_id",
            left.record_id,
            right.record_id,
            on_conflict,
            conflicts,
            left_src,
            right_src,
        )
    changes["record_id"] = record_id
    for field in _SCALARS:
        mine, theirs = getattr(left, field), getattr(right, field)
        if theirs is None or mine == theirs:
            continue
        if mine is None:
            changes[field] = theirs
            continue
        finer = _finer_date(mine, theirs)
        if finer is not None:
            changes[field] = finer
            continue
        changes[field] = _settle(
            left, field, mine, theirs, on_conflict, conflicts, left_src, right_src
        )
    for field in _UNIONS:
        changes[field] = _union(getattr(left, field), getattr(right, field))
    changes["popularity"] = _merge_popularity(
        left, right, on_conflict, conflicts, left_src, right_src
    )
    changes["provenance"] = _union(left.provenance, right.provenance)
    changes["conflicts"] = tuple(conflicts)
    # Ids stay stable: the left id, unless only the right knows the record id.
    new_id = right.id if left.record_id is None and right.record_id is not None else left.id
    return attrs.evolve(left, id=new_id, **changes)


def merge_many(documents: Sequence[Document], *, on_conflict: OnConflict = "keep-both") -> Document:
    """The records of one document merged left to right, in time linear in their number.

    The same as folding :func:`merge_documents` over them, without copying the
    facts gathered so far at each step.

    >>> copies = [Document(id="a", title="T", provenance=(Provenance(source=f"row {i}"),))
    ...           for i in range(3)]
    >>> [p.source for p in merge_many(copies).provenance]
    ['row 0', 'row 1', 'row 2']
    """
    _check_policy(on_conflict)
    folded = _Folded(documents[0])
    for doc in documents[1:]:
        folded.add(doc, on_conflict)
    return folded.document()


def _finer_date(mine: object, theirs: object) -> PartialDate | DateRange | None:
    """The more precise of two dates when the other, less precise one contains it, else None.

    ``1959-10`` and ``1959-10-02`` agree (the month contains the day); so do
    ``1959`` and ``1959-10``, ``195X`` and ``1958``, ``1958`` and ``1958-21``
    (spring), ``1950/1953`` and ``1951``. A date contains another when every
    day the other may stand for is one of its own days. Dates with different
    qualifiers, or that differ where both are given, do not agree.

    >>> str(_finer_date(PartialDate.parse("1959-10"), PartialDate.parse("1959-10-02")))
    '1959-10-02'
    >>> _finer_date(PartialDate.parse("1959-10"), PartialDate.parse("1959-11-02")) is None
    True
    >>> str(_finer_date(PartialDate.parse("Spring 1958"), PartialDate.parse("1958")))
    '1958-21'
    """
    if not (
        isinstance(mine, PartialDate | DateRange) and isinstance(theirs, PartialDate | DateRange)
    ):
        return None
    if _qualifiers(mine) != _qualifiers(theirs):
        return None
    if mine == theirs:
        return mine
    if theirs.within(mine, mine):
        return None if mine.within(theirs, theirs) else theirs
    return mine if mine.within(theirs, theirs) else None


def _qualifiers(date: PartialDate | DateRange) -> frozenset[tuple[bool, bool]]:
    """The (approximate, uncertain) flags of a date, or of each closed end of a range."""
    ends = (date,) if isinstance(date, PartialDate) else (date.start, date.end)
    return frozenset((d.approximate, d.uncertain) for d in ends if d is not None)


def _settle(
    left: Document,
    field: str,
    mine: Any,
    theirs: Any,
    on_conflict: str,
    conflicts: list[Conflict],
    left_src: str,
    right_src: str,
) -> Any:
    if on_conflict == "raise":
        raise MergeConflictError(left.id, field, (_text(mine), _text(theirs)))
    if on_conflict == "right":
        return theirs
    if on_conflict == "keep-both":
        _add_conflict(conflicts, field, _text(mine), _text(theirs), left_src, right_src)
    return mine


def _merge_popularity(
    left: Document,
    right: Document,
    on_conflict: str,
    conflicts: list[Conflict],
    left_src: str,
    right_src: str,
) -> tuple[Popularity, ...]:
    by_collection = {p.collection: p for p in left.popularity}
    for entry in right.popularity:
        mine = by_collection.get(entry.collection)
        if mine is None or mine.rank is None:
            by_collection[entry.collection] = entry if mine is None or entry.rank else mine
        elif entry.rank is not None and entry.rank != mine.rank:
            rank = _settle(
                left,
                f"popularity[{entry.collection}]",
                mine.rank,
                entry.rank,
                on_conflict,
                conflicts,
                left_src,
                right_src,
            )
            by_collection[entry.collection] = attrs.evolve(mine, rank=rank)
    return tuple(by_collection.values())


#: The fields a fold of many records accumulates as ordered sets (see :class:`_Folded`).
_ACCUMULATED = (*_UNIONS, "provenance")


class _Folded:
    """A document being merged with more and more records, at the cost of each new record.

    Merging a thousandth copy of a record into the first must not copy and
    search the 999 provenance entries gathered so far: the list facts are
    kept here as lists with a set of their values, and each merge sees a
    document whose lists hold only their first entry (the first provenance
    names the source of a conflict). :meth:`document` gives exactly what
    merging the records one by one with :func:`merge_documents` gives.
    """

    __slots__ = ("doc", "lists", "seen")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lists: dict[str, list[Any]] | None = None
        self.seen: dict[str, set[Any]] = {}

    def add(self, right: Document, on_conflict: OnConflict) -> None:
        left = self.doc
        if self.lists is None:
            self.lists = {f: list(getattr(left, f)) for f in _ACCUMULATED}
            self.seen = {f: set(values) for f, values in self.lists.items()}
        empty: dict[str, Any] = dict.fromkeys(_UNIONS, ())
        light = attrs.evolve(left, **empty, provenance=tuple(self.lists["provenance"][:1]))
        self.doc = merge_documents(light, right, on_conflict=on_conflict)
        for field in _ACCUMULATED:
            self._extend(field, getattr(self.doc, field))

    def _extend(self, field: str, values: Iterable[Any]) -> None:
        assert self.lists is not None
        kept, seen = self.lists[field], self.seen[field]
        for value in values:
            if value not in seen:
                seen.add(value)
                kept.append(value)

    def rename(self, new_id: str, holder: Document) -> None:
        """Take ``new_id``, the provenance saying why (see :func:`_renamed`)."""
        renamed = _renamed(self.document(), new_id, holder)
        if self.lists is None:
            self.doc = renamed
        else:
            self.doc = attrs.evolve(self.doc, id=new_id)
            self._extend("provenance", renamed.provenance[-1:])

    def document(self) -> Document:
        if self.lists is None:
            return self.doc
        gathered: dict[str, Any] = {f: tuple(v) for f, v in self.lists.items()}
        return attrs.evolve(self.doc, **gathered)


class _Merger:
    """Accumulates documents, matching each new one against those seen so far.

    A document matches, in this order, the one with its id and record id, the
    one with its record id, the one with its id, or one with its date-and-title
    key, provided the record ids do not differ and the match comes from another
    origin (two documents of one catalogue are never merged with each other).
    """

    def __init__(self, on_conflict: OnConflict) -> None:
        _check_policy(on_conflict)
        self.on_conflict = on_conflict
        self.docs: dict[str, _Folded] = {}
        self.by_record: dict[int, str] = {}
        self.by_key: dict[tuple[str, str], list[str]] = {}
        self.keys_of: dict[str, set[tuple[str, str]]] = {}
        self.origins: dict[str, set[int]] = {}
        self.renamed: dict[str, str] = {}

    def _fits(self, candidate: str | None, doc: Document, origin: int | None) -> bool:
        if candidate is None or candidate not in self.docs:
            return False
        if origin is not None and origin in self.origins[candidate]:
            return False
        other = self.docs[candidate].doc.record_id
        return other is None or doc.record_id is None or other == doc.record_id

    def strength(self, doc: Document) -> int:
        """How strongly ``doc`` would match what is held already (0 strongest)."""
        if doc.record_id is not None and doc.record_id in self.by_record:
            return 0
        if doc.id in self.docs:
            return 1
        return 3 if doc.record_id is None else 2

    def _find(self, doc: Document, origin: int | None) -> str | None:
        same_id = self._fits(doc.id, doc, origin)
        if same_id and self.docs[doc.id].doc.record_id == doc.record_id:
            return doc.id
        # Then the archive's record id: an id shared with a document that has no record id
        # must not pull this one away from the document that holds its record id.
        if doc.record_id is not None:
            found = self.by_record.get(doc.record_id)
            if self._fits(found, doc, origin):
                return found
        if same_id:
            return doc.id
        for candidate in self.by_key.get(match_key(doc), ()):
            if self._fits(candidate, doc, origin):
                return candidate
        return None

    def add(self, doc: Document, origin: int | None = None) -> None:
        found = self._find(doc, origin)
        keys: set[tuple[str, str]] = set()
        origins: set[int] = set()
        if found is None:
            folded = _Folded(doc)
        else:
            folded = self.docs.pop(found)
            folded.add(doc, self.on_conflict)
            # The sets gathered so far grow in place: copying them would cost their size.
            keys = self.keys_of.pop(found)
            origins = self.origins.pop(found)
        keys.add(match_key(doc))
        if origin is not None:
            origins.add(origin)
        if folded.doc.id in self.docs:  # another record holds this id: keep both, rename this one
            base, n = folded.doc.id, 2
            while f"{base}-{n}" in self.docs:
                n += 1
            folded.rename(f"{base}-{n}", self.docs[base].document())
        merged = folded.doc
        if found is not None and found != merged.id:
            self.renamed[found] = merged.id
        self.docs[merged.id] = folded
        self.origins[merged.id] = origins
        keys.add(match_key(merged))
        self.keys_of[merged.id] = keys
        if merged.record_id is not None:
            self.by_record[merged.record_id] = merged.id
        for key in keys:
            ids = self.by_key.setdefault(key, [])
            if found is not None and found in ids:
                ids.remove(found)
            if merged.id not in ids:
                ids.append(merged.id)

    def documents(self) -> dict[str, Document]:
        """The merged documents by id, in the order they were first seen."""
        return {doc_id: folded.document() for doc_id, folded in self.docs.items()}


def _renamed(doc: Document, new_id: str, holder: Document) -> Document:
    """``doc`` under ``new_id``, its provenance saying why (``holder`` keeps the old id)."""

    def record(d: Document) -> str:
        return "no record id" if d.record_id is None else f"record id {d.record_id}"

    note = (
        f"id {doc.id!r} renamed {new_id!r}: another document ({record(holder)}) has that id"
        f" and this one ({record(doc)}) is not the same"
    )
    return attrs.evolve(
        doc, id=new_id, provenance=(*doc.provenance, Provenance(source="merge", note=note))
    )


def _merge_collections(
    collections: Iterable[Collection],
    docs: dict[str, Document],
    renamed: dict[str, str],
    on_conflict: OnConflict = "keep-both",
) -> tuple[tuple[Collection, ...], dict[str, Document]]:
    by_slug: dict[str, Collection] = {}
    alias_of: dict[str, str] = {}
    order: dict[str, list[str]] = {}
    related_lists: dict[str, list[tuple[CollectionRef, ...]]] = {}
    guide_lists: dict[str, list[CollectionRef | None]] = {}
    for col in collections:
        key = next((alias_of[k] for k in (col.slug, *col.aliases) if k in alias_of), None)
        ids = [renamed.get(d.id, d.id) for d in col.popular]
        if key is None:
            by_slug[col.slug] = col
            order[col.slug] = ids
            related_lists[col.slug] = [col.related]
            guide_lists[col.slug] = [col.resource_guide]
            for k in (col.slug, *col.aliases):
                alias_of[k] = col.slug
            continue
        mine = by_slug[key]
        changes: dict[str, Any] = {}
        disputes: list[Provenance] = []
        for field in ("title", "description", "period", "archive_id", "url", "date"):
            ours, theirs = getattr(mine, field), getattr(col, field)
            if ours is None and theirs is not None:
                changes[field] = theirs
            elif theirs is not None and ours != theirs:
                dispute = _collection_conflict(mine, col, field, on_conflict)
                if dispute is None:
                    changes[field] = theirs
                elif dispute.note:
                    disputes.append(dispute)
        related_lists[key].append(col.related)
        guide_lists[key].append(col.resource_guide)
        changes["aliases"] = tuple(
            a for a in _union(mine.aliases, (col.slug, *col.aliases)) if a != mine.slug
        )
        changes["authors"] = _union(mine.authors, col.authors)
        changes["provenance"] = _union(mine.provenance, (*col.provenance, *disputes))
        by_slug[key] = attrs.evolve(mine, **changes)
        order[key].extend(ids)
        for k in (col.slug, *col.aliases):
            alias_of.setdefault(k, key)
    # Popularity may name a collection by an alias: use the merged slug.
    for doc_id, doc in list(docs.items()):
        if any(
            p.collection in alias_of and alias_of[p.collection] != p.collection
            for p in doc.popularity
        ) or any(c in alias_of and alias_of[c] != c for c in doc.collections):
            docs[doc_id] = attrs.evolve(
                doc,
                popularity=tuple(
                    attrs.evolve(p, collection=alias_of.get(p.collection, p.collection))
                    for p in doc.popularity
                ),
                collections=_union((), [alias_of.get(c, c) for c in doc.collections]),
            )
    known = set(by_slug)  # the merged collections' own slugs (not their aliases)
    final: list[Collection] = []
    for slug, col in by_slug.items():
        popular, docs = _rank_popular(slug, order[slug], docs)
        related = related_lists[slug][0]
        for more in related_lists[slug][1:]:
            related = _union_refs(related, more, known)
        guides = [g for g in guide_lists[slug] if g is not None]
        guide = guides[0] if guides else None
        for other in guides[1:]:
            guide = _union_refs((guide,), (other,), known)[0] if guide else other
        final.append(attrs.evolve(col, popular=popular, related=related, resource_guide=guide))
    return tuple(final), docs


def _collection_conflict(
    mine: Collection, theirs: Collection, field: str, on_conflict: OnConflict
) -> Provenance | None:
    """Settle two values of a collection's field: ``None`` takes theirs, else mine is kept.

    Collections have no ``conflicts``: with ``"keep-both"`` the returned
    provenance entry (from ``"merge"``) names both values and where the other
    came from; with ``"left"`` its note is empty and nothing is recorded.
    """
    values = (str(getattr(mine, field)), str(getattr(theirs, field)))
    if on_conflict == "raise":
        raise CollectionConflictError(mine.slug, field, values)
    if on_conflict == "right":
        return None
    if on_conflict == "left":
        return Provenance(source="merge")
    source = theirs.provenance[0].source if theirs.provenance else f"collection {theirs.slug}"
    return Provenance(
        source="merge",
        note=f"sources disagree on {field}: {values[0]!r} kept, {values[1]!r} from {source}",
    )


def _union_refs(
    left: Sequence[CollectionRef], right: Sequence[CollectionRef], known: set[str]
) -> tuple[CollectionRef, ...]:
    """Links to collections united by title: a page names siblings only by title, so
    a link with a merged collection's own slug wins over a guessed slug or an alias,
    and one that knows the period over one that does not."""
    out = list(left)
    for ref in right:
        if ref in out:
            continue
        same = next(
            (i for i, r in enumerate(out) if _title_key(r.title) == _title_key(ref.title)), None
        )
        if same is None:
            out.append(ref)
        elif (out[same].slug not in known and ref.slug in known) or (
            out[same].slug == ref.slug and out[same].period is None and ref.period is not None
        ):
            out[same] = ref
    return tuple(out)


def _rank_popular(
    slug: str, order: Sequence[str], docs: dict[str, Document]
) -> tuple[tuple[Document, ...], dict[str, Document]]:
    """A collection's popular documents by rank; ranks that no longer fit become unknown."""
    ids = [*dict.fromkeys(i for i in order if i in docs)]
    ids += [i for i, d in docs.items() if popularity_in(d, slug) is not None]
    listed = [docs[i] for i in dict.fromkeys(ids) if popularity_in(docs[i], slug) is not None]
    listed.sort(key=lambda d: (d.rank_in(slug) is None, d.rank_in(slug) or 0))
    popular: list[Document] = []
    for position, doc in enumerate(listed, start=1):
        rank = doc.rank_in(slug)
        if rank is not None and rank != position:
            doc = attrs.evolve(
                doc,
                popularity=tuple(
                    attrs.evolve(p, rank=None) if p.collection == slug else p
                    for p in doc.popularity
                ),
                conflicts=(
                    *doc.conflicts,
                    Conflict(
                        field=f"popularity[{slug}]",
                        values=(str(rank), f"position {position} after merging"),
                        sources=(_source_of(doc), "merge"),
                    ),
                ),
            )
            docs[doc.id] = doc
        popular.append(doc)
    return tuple(popular), docs


def merge_document_stream(
    documents: Iterable[Document], *, on_conflict: OnConflict = "keep-both"
) -> tuple[Document, ...]:
    """Documents with duplicates (same record id, or same date and title) merged into one."""
    merger = _Merger(on_conflict)
    for doc in documents:
        merger.add(doc)
    return tuple(_rename_related(merger.documents(), merger.renamed).values())


def _rename_related(docs: dict[str, Document], renamed: dict[str, str]) -> dict[str, Document]:
    if not renamed:
        return docs
    for doc_id, doc in list(docs.items()):
        if any(r in renamed for r in doc.related):
            docs[doc_id] = attrs.evolve(
                doc, related=_union((), [renamed.get(r, r) for r in doc.related])
            )
    return docs


def merge(*catalogues: Catalogue, on_conflict: OnConflict = "keep-both") -> Catalogue:
    """One catalogue from several: documents matched and combined, collections united.

    Catalogues are merged left to right; "left" means the earlier catalogue.
    See the module documentation for the matching rules and the policies.

    >>> import sinosoviet_docs as ssd
    >>> cat = ssd.load()
    >>> merge(cat, cat) == merge(cat) and len(merge(cat, cat)) == len(cat)
    True
    """
    _check_policy(on_conflict)
    for position, cat in enumerate(catalogues, start=1):
        if not isinstance(cat, Catalogue):
            raise ArgumentTypeError(f"catalogues[{position}]", "a Catalogue", cat)
    return assemble(
        [[*cat.documents] for cat in catalogues],
        [c for cat in catalogues for c in cat.collections],
        _merge_info([c.info for c in catalogues]),
        on_conflict=on_conflict,
    )


def assemble(
    groups: Iterable[Iterable[Document]],
    collections: Iterable[Collection],
    info: CatalogueInfo,
    *,
    on_conflict: OnConflict = "keep-both",
    within_groups: bool = False,
) -> Catalogue:
    """A consistent catalogue from groups of documents and the collections they name.

    Documents are matched as in :func:`merge`, each group being one source
    (with ``within_groups`` also inside a group). Each collection's popular
    list is rebuilt from the merged documents' popularity, so collections may
    come with ``popular=()``. Loaders use this to build their catalogues.
    """
    merger = _Merger(on_conflict)
    for origin, group in enumerate(groups):
        # A group's documents are added strongest match first: its record id already held,
        # then its id, then a new record id, then nothing but a title. A record-less
        # document of the group thus never takes the match its record's copy needs, and
        # a title alone never takes the match of a document with the same id.
        for doc in sorted(group, key=merger.strength):
            merger.add(doc, None if within_groups else origin)
    docs = _rename_related(merger.documents(), merger.renamed)
    merged_collections, docs = _merge_collections(collections, docs, merger.renamed, on_conflict)
    # Collections hold copies of their popular documents: use the final ones.
    final = tuple(
        attrs.evolve(col, popular=tuple(docs[d.id] for d in col.popular))
        for col in merged_collections
    )
    return Catalogue(documents=tuple(docs.values()), collections=final, info=info)


def _merge_info(infos: Sequence[CatalogueInfo]) -> CatalogueInfo:
    if not infos:
        return CatalogueInfo()
    if all(info == infos[0] for info in infos):
        return infos[0]
    first = infos[0]
    sources = _union((), [s for info in infos for s in info.sources])
    return attrs.evolve(
        first,
        title=first.title if len({i.title for i in infos}) == 1 else "Merged catalogue",
        built=None,
        sources=sources,
        note="; ".join(dict.fromkeys(i.note for i in infos if i.note)) or None,
    )
