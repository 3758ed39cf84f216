"""The typed records of a catalogue: documents, collections, and the catalogue itself.

Every record is an immutable attrs class (frozen, slotted, keyword-only)
compared and hashed by value. Sequences are tuples. A value that a source
did not give is ``None`` (or an empty tuple): unknown, never invented.

Foreign shapes (a page capture, a scrape row, a RIS record) come in through
loaders, never through ``Document(**row)``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._fields import merged_as
from ._text import slugify
from .dates import DateRange, PartialDate, _end_of, _start_of
from .exceptions import (
    ArgumentTypeError,
    CatalogueError,
    CollectionNotFoundError,
    DocumentNotFoundError,
)

if TYPE_CHECKING:
    import os

    from .checks import CheckReport
    from .citations import ArchivalReference
    from .correspondence import Correspondence
    from .export.tables import Table
    from .merging import OnConflict
    from .names import CatalogueNames, PeopleAuthority, PlaceAuthority
    from .network import Network
    from .query import Query

__all__ = [
    "ARCHIVE_URL",
    "Catalogue",
    "CatalogueInfo",
    "Collection",
    "CollectionRef",
    "Conflict",
    "Document",
    "Popularity",
    "Provenance",
    "slugify",
]

#: The canonical host of the Wilson Center Digital Archive.
ARCHIVE_URL = "https://digitalarchive.wilsoncenter.org"

CollectionKind = Literal["collection", "resource-guide"]


# The validators below check the type first with ``type(x) is ...``, which is
# what a loader passes (it has read the types already), so they cost little on
# the loading path; a subclass is accepted on the slower isinstance check.


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str and not isinstance(value, str):
        raise ArgumentTypeError(attribute.name, "a str", value)
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty or blank")


def _positive_or_none(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if type(value) is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ArgumentTypeError(attribute.name, "a positive int or None", value)
    if value < 1:
        raise ValueError(f"{attribute.name} must be a positive integer or None, not {value!r}")


def _optional(
    kind: type[Any] | tuple[type[Any], ...], expected: str, *, none: bool = True
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """A validator: a ``kind``, or ``None`` too unless ``none`` is false."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and none:
            return
        if type(value) is not kind and not isinstance(value, kind):
            raise ArgumentTypeError(attribute.name, expected, value)

    return check


def _tuple_of(
    kind: type[Any], expected: str
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """A validator: a tuple (not a list, not a bare string) whose items are ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple and not isinstance(value, tuple):
            raise ArgumentTypeError(attribute.name, expected, value)
        for item in value:
            if type(item) is not kind and not isinstance(item, kind):
                raise ArgumentTypeError(f"{attribute.name} item", f"a {kind.__name__}", item)

    return check


def _lists_as_tuples(record: Any, kinds: dict[str, type[Any]]) -> None:
    """Check the tuple fields ``kinds`` of a record built by hand, a list becoming a tuple."""
    for name, kind in kinds.items():
        value = getattr(record, name)
        if type(value) is list:
            value = tuple(value)
            object.__setattr__(record, name, value)
        _tuple_of(kind, f"a tuple of {kind.__name__}")(
            record, attrs.fields_dict(type(record))[name], value
        )


_STR = _optional(str, "a str or None")
_DATE = _optional(PartialDate, "a PartialDate or None")
_RANGE = _optional(DateRange, "a DateRange or None")
_DOCUMENT_DATE = _optional((PartialDate, DateRange), "a PartialDate, a DateRange or None")
_INT = _optional(int, "an int or None")
_STRS = _tuple_of(str, "a tuple of str")


@attrs.frozen(kw_only=True)
class Popularity:
    """A collection page shows the document in its "Popular Documents" block.

    ``rank`` is the 1-based position in that block, or ``None`` when the
    order is not known.
    """

    collection: str = attrs.field(validator=_optional(str, "a str", none=False))
    rank: int | None = attrs.field(default=None, validator=_positive_or_none)


@attrs.frozen(kw_only=True)
class Provenance:
    """Where the facts of a record were seen.

    ``source`` names what supplied them (a file and line, a page capture, a
    bundled fact file); ``urls`` are the archive addresses where the record
    was seen; ``note`` explains a choice made about those facts;
    ``retrieved`` is when the source was made (an ISO timestamp, as given);
    ``page`` and ``position`` locate the record in a paged listing.
    """

    source: str = attrs.field(validator=_non_empty)
    urls: tuple[str, ...] = attrs.field(default=(), validator=_STRS)
    note: str | None = attrs.field(default=None, validator=_STR)
    retrieved: str | None = attrs.field(default=None, validator=_STR)
    page: int | None = attrs.field(default=None, validator=_INT)
    position: int | None = attrs.field(default=None, validator=_INT)


@attrs.frozen(kw_only=True)
class Conflict:
    """Sources that disagree about one field of a document, kept side by side.

    ``values`` are the differing values as text (dates in EDTF), in the order
    of ``sources``; the document's field holds the value a merge policy chose.
    """

    field: str = attrs.field(validator=_non_empty)
    values: tuple[str, ...] = attrs.field(validator=_STRS)
    sources: tuple[str, ...] = attrs.field(default=(), validator=_STRS)


_S, _T, _D = str, tuple, PartialDate


def _document_types_fit(doc: Document) -> bool:
    """Whether every field of ``doc`` has exactly its type: one pass of cheap tests, since
    loading builds documents by the thousand (a subclass fails here, not in the next check)."""
    if not (
        type(doc.dates_printed) is _T
        and type(doc.languages) is _T
        and type(doc.authors) is _T
        and type(doc.people) is _T
        and type(doc.places) is _T
        and type(doc.topics) is _T
        and type(doc.collections) is _T
        and type(doc.donors) is _T
        and type(doc.contributors) is _T
        and type(doc.related) is _T
        and type(doc.popularity) is _T
        and type(doc.provenance) is _T
        and type(doc.conflicts) is _T
        and (doc.summary is None or type(doc.summary) is _S)
        and (doc.type is None or type(doc.type) is _S)
        and (doc.source is None or type(doc.source) is _S)
        and (doc.original_archive is None or type(doc.original_archive) is _S)
        and (doc.text is None or type(doc.text) is _S)
        and (doc.url is None or type(doc.url) is _S)
        and (doc.credits is None or type(doc.credits) is _S)
        and (doc.rights is None or type(doc.rights) is _S)
        and (doc.classification is None or type(doc.classification) is _S)
        and (doc.date is None or type(doc.date) is _D or type(doc.date) is DateRange)
        and (doc.uploaded is None or type(doc.uploaded) is _D)
    ):
        return False
    try:  # str.join refuses any item that is not a str, at C speed
        "".join(
            (
                *doc.dates_printed,
                *doc.languages,
                *doc.authors,
                *doc.people,
                *doc.places,
                *doc.topics,
                *doc.collections,
                *doc.donors,
                *doc.contributors,
                *doc.related,
            )
        )
    except TypeError:
        return False
    for entry in doc.provenance:
        if type(entry) is not Provenance:
            return False
    for rank in doc.popularity:
        if type(rank) is not Popularity:
            return False
    # Conflicts are rare: most documents have none, so the generator is seldom made.
    return not doc.conflicts or all(type(c) is Conflict for c in doc.conflicts)


_STR_FIELDS = ("summary", "type", "source", "original_archive", "text", "url", "credits")
#: The exact check of each document field after ``id``, ``title`` and ``record_id``.
_DOCUMENT_CHECKS: dict[str, Callable[[object, attrs.Attribute[Any], Any], None]] = {
    "date": _DOCUMENT_DATE,
    "uploaded": _DATE,
    **dict.fromkeys((*_STR_FIELDS, "rights", "classification"), _STR),
    **dict.fromkeys(merged_as("union"), _STRS),  # the tuples of str, as _fields lists them
    "popularity": _tuple_of(Popularity, "a tuple of Popularity"),
    "provenance": _tuple_of(Provenance, "a tuple of Provenance"),
    "conflicts": _tuple_of(Conflict, "a tuple of Conflict"),
}


def _refuse_wrong_types(doc: Document) -> None:
    """Raise :class:`ArgumentTypeError` for a field of ``doc`` of a wrong type, if any."""
    fields = attrs.fields_dict(Document)
    for name, check in _DOCUMENT_CHECKS.items():
        check(doc, fields[name], getattr(doc, name))


@attrs.frozen(kw_only=True)
class Document:
    """One archival document: a telegram, a memorandum of conversation, a speech.

    ``id`` is stable: the archive's record id where it is known, otherwise a
    slug made from the date and the title (see :meth:`make_id`).
    ``date`` is a :class:`PartialDate`, or a :class:`DateRange` where the
    source prints a period ("1950-1953"); either end of a range may be open.
    ``dates_printed`` keeps every form in which a source printed the date
    ("July 05, 1950", "July 5, 1950"), the one ``date`` was read from first.
    ``related`` holds the ids of related documents; ``conflicts`` the facts on
    which merged sources disagreed. ``people`` and ``places`` are the names
    printed on this document, not the authorities (those are
    ``cat.names.people`` and ``cat.names.places``).
    """

    id: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    record_id: int | None = attrs.field(default=None, validator=_positive_or_none)
    date: PartialDate | DateRange | None = None
    dates_printed: tuple[str, ...] = ()
    summary: str | None = None
    type: str | None = None
    languages: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    source: str | None = None
    original_archive: str | None = None
    text: str | None = None
    uploaded: PartialDate | None = None
    collections: tuple[str, ...] = ()
    url: str | None = None
    credits: str | None = None
    rights: str | None = None
    classification: str | None = None
    donors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    popularity: tuple[Popularity, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not _document_types_fit(self):
            _refuse_wrong_types(self)

    @staticmethod
    def make_id(
        *, title: str, date: PartialDate | DateRange | None, record_id: int | None = None
    ) -> str:
        """The stable id of a document: its record id, else a date-and-title slug.

        >>> from sinosoviet_docs.dates import DateRange, PartialDate
        >>> Document.make_id(title="Telegram from Stalin to Mao Zedong",
        ...                  date=PartialDate(year=1952, month=12, day=27))
        '1952-12-27-telegram-from-stalin-to-mao-zedong'
        >>> Document.make_id(title="Reports", date=DateRange.parse("1950-1953"))
        '1950-1953-reports'
        >>> Document.make_id(title="Anything", date=None, record_id=112088)
        '112088'
        """
        if record_id is not None:
            return str(record_id)
        prefix = "undated" if date is None else slugify(str(date))
        return f"{prefix}-{slugify(title, max_length=60)}"

    @property
    def date_display(self) -> str:
        """The date as the archive prints it ("December 1959", "1950–1953"), or "undated".

        >>> from sinosoviet_docs.dates import DateRange, PartialDate
        >>> Document(id="x", title="T", date=PartialDate(year=1959, month=12)).date_display
        'December 1959'
        >>> Document(id="x", title="T", date=DateRange.parse("1950/..")).date_display
        '1950–'
        """
        return "undated" if self.date is None else self.date.display()

    def rank_in(self, collection: str) -> int | None:
        """The document's rank among the popular documents of ``collection``, if any.

        >>> doc = Document(id="x", title="T", popularity=(Popularity(collection="c", rank=2),))
        >>> doc.rank_in("c"), doc.rank_in("other")
        (2, None)
        """
        entry = popularity_in(self, collection)
        return None if entry is None else entry.rank

    # -- ordering ----------------------------------------------------------------------

    def sort_key(self) -> tuple[bool, datetime.date, datetime.date, str, str]:
        """Chronological order: earliest possible day, then latest, then title; undated last.

        An open start of a range sorts before every day, an open end after
        every day (the key holds :attr:`datetime.date.min` and ``max`` there;
        the range's own bounds stay ``None``).

        >>> from sinosoviet_docs.dates import DateRange
        >>> Document(id="x", title="T", date=DateRange.parse("../1950")).sort_key()[1:3]
        (datetime.date(1, 1, 1), datetime.date(1950, 12, 31))
        """
        if self.date is None:
            return (True, datetime.date.min, datetime.date.min, self.title, self.id)
        return (False, _start_of(self.date), _end_of(self.date), self.title, self.id)

    # -- conveniences (delegate to higher modules) -------------------------------------

    @property
    def correspondence(self) -> Correspondence | None:
        """Who wrote to whom (or who talked), read from the title; ``None`` if it names none.

        A convenience for :func:`~sinosoviet_docs.correspondence.correspondence_of`:
        the title is read with the process-global authorities
        (``sinosoviet_docs.names.people`` and ``places``), not with one a
        caller built (``PeopleAuthority(path=...)``); for that, call
        :func:`~sinosoviet_docs.parse_correspondence` with ``people=``.

        >>> Document(id="x", title="Cable, Zhou Enlai to Filippov [Stalin]").correspondence.senders
        ('Zhou Enlai',)
        """
        from .correspondence import correspondence_of

        return correspondence_of(self.title, self.date)

    @property
    def archival_references(self) -> tuple[ArchivalReference, ...]:
        """The source citation read into references (see :func:`~sinosoviet_docs.parse_citation`).

        A convenience: the citation is read again on every access, with the
        process-global archive names of :mod:`sinosoviet_docs.citations`.

        >>> doc = Document(id="x", title="T", source="APRF, f. 45, op. 1, d. 342, l. 78")
        >>> doc.archival_references[0].archive
        'APRF'
        """
        if not self.source:
            return ()
        from .citations import parse_citation

        return parse_citation(self.source)

    def cite(self, style: Literal["note", "bibliography"] = "note") -> str:
        """A Chicago-style citation in the archive's pattern (see :func:`export.cite`).

        >>> print(Document(id="x", title="A Note").cite())
        “A Note,” History and Public Policy Program Digital Archive.
        """
        from .export import cite

        return cite(self, style)

    def _repr_html_(self) -> str:
        """The document's facts and citation as an HTML table, for notebooks."""
        from .export._html import document_html

        return document_html(self)


def popularity_in(doc: Document, collection: str) -> Popularity | None:
    """The document's entry among the popular documents of ``collection``, else None.

    An entry whose rank is unknown still says the document is popular there.

    >>> popularity_in(Document(id="x", title="T", popularity=(Popularity(collection="c"),)), "c")
    Popularity(collection='c', rank=None)
    """
    return next((p for p in doc.popularity if p.collection == collection), None)


@attrs.frozen(kw_only=True)
class CollectionRef:
    """A link from a collection page to another collection or to a resource guide."""

    title: str = attrs.field(validator=_non_empty)
    slug: str = attrs.field(validator=_non_empty)
    kind: CollectionKind = "collection"
    period: DateRange | None = attrs.field(default=None, validator=_RANGE)


@attrs.frozen(kw_only=True)
class Collection:
    """A collection page of the archive, or a resource guide about collections.

    A catalogue knows only *some* of a collection's documents:
    ``cat.documents_in(slug)`` lists those, and nothing here claims they are
    all. ``popular`` holds the documents of the page's "Popular Documents"
    block in page order (in date order when the page order is not known).
    """

    slug: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    kind: CollectionKind = "collection"
    description: str | None = attrs.field(default=None, validator=_STR)
    period: DateRange | None = attrs.field(default=None, validator=_RANGE)
    related: tuple[CollectionRef, ...] = ()
    resource_guide: CollectionRef | None = attrs.field(
        default=None, validator=_optional(CollectionRef, "a CollectionRef or None")
    )
    popular: tuple[Document, ...] = ()
    archive_id: int | None = attrs.field(default=None, validator=_positive_or_none)
    aliases: tuple[str, ...] = ()
    url: str | None = attrs.field(default=None, validator=_STR)
    authors: tuple[str, ...] = ()
    date: PartialDate | None = attrs.field(default=None, validator=_DATE)
    provenance: tuple[Provenance, ...] = ()

    def __attrs_post_init__(self) -> None:
        _lists_as_tuples(self, _COLLECTION_TUPLES)

    def ref(self) -> CollectionRef:
        """A short reference to this collection, as other pages link to it."""
        return CollectionRef(title=self.title, slug=self.slug, kind=self.kind, period=self.period)

    # -- conveniences (delegate to higher modules) -------------------------------------

    def _repr_html_(self) -> str:
        """The collection and its popular documents as HTML, for notebooks."""
        from .export._html import collection_html

        return collection_html(self)


#: The tuple fields of a collection, and what they hold (lists are taken too).
_COLLECTION_TUPLES: dict[str, type[Any]] = {
    "related": CollectionRef,
    "popular": Document,
    "aliases": str,
    "authors": str,
    "provenance": Provenance,
}


@attrs.frozen(kw_only=True)
class CatalogueInfo:
    """What a catalogue is: its title, when it was built, and from what."""

    title: str = "Sino-Soviet document catalogue"
    built: str | None = attrs.field(default=None, validator=_STR)
    sources: tuple[str, ...] = attrs.field(default=(), validator=_STRS)
    note: str | None = attrs.field(default=None, validator=_STR)


def _sorted_documents(documents: Iterable[Document]) -> tuple[Document, ...]:
    if isinstance(documents, str | bytes | dict) or not isinstance(documents, Iterable):
        raise ArgumentTypeError("documents", "an iterable of Document", documents)
    docs = tuple(documents)
    for doc in docs:
        if type(doc) is not Document and not isinstance(doc, Document):
            raise ArgumentTypeError("documents item", "a Document", doc)
    return tuple(sorted(docs, key=Document.sort_key))


@attrs.frozen(kw_only=True)
class Catalogue:
    """A set of documents and the collections they belong to.

    Behaves like a read-only collection of documents keyed by id: ``len``,
    iteration in chronological order (undated documents last), ``in`` and
    ``cat[id]``. Two catalogues are equal when their info, collections and
    documents are equal.

    >>> cat = Catalogue(documents=[Document(id="b", title="B"), Document(id="a", title="A")])
    >>> [d.id for d in cat], len(cat), "a" in cat
    (['a', 'b'], 2, True)
    >>> cat
    <Catalogue documents=2 collections=0>
    """

    documents: tuple[Document, ...] = attrs.field(default=(), converter=_sorted_documents)
    collections: tuple[Collection, ...] = ()
    info: CatalogueInfo = attrs.field(
        factory=CatalogueInfo, validator=_optional(CatalogueInfo, "a CatalogueInfo", none=False)
    )
    _by_id: dict[str, Document] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )
    # The query engine's indexes, built on first use (see index.py); not part of the value.
    _indexes: dict[str, object] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        _lists_as_tuples(self, {"collections": Collection})
        by_id = self._by_id
        for doc in self.documents:
            if by_id.setdefault(doc.id, doc) is not doc:
                raise CatalogueError(f"two documents share the id {doc.id!r}")
        self._check_collections()

    def _check_collections(self) -> None:
        seen: dict[str, str] = {}
        for col in self.collections:
            for key in (col.slug, *col.aliases):
                if key in seen:
                    raise CatalogueError(
                        f"collections {seen[key]!r} and {col.slug!r} share the slug {key!r}"
                    )
                seen[key] = col.slug
        for col in self.collections:
            ranks = [doc.rank_in(col.slug) for doc in col.popular]
            for position, (doc, rank) in enumerate(zip(col.popular, ranks, strict=True), start=1):
                if self._by_id.get(doc.id) != doc:
                    raise CatalogueError(
                        f"collection {col.slug!r}: popular document {doc.id!r} "
                        "is not in the catalogue"
                    )
                if popularity_in(doc, col.slug) is None:
                    raise CatalogueError(
                        f"collection {col.slug!r}: popular document {doc.id!r} "
                        "does not list the collection in its popularity"
                    )
                if rank is not None and rank != position:
                    raise CatalogueError(
                        f"collection {col.slug!r}: popular document {doc.id!r} has rank {rank} "
                        f"but stands at position {position}"
                    )
        popular_ids = {(col.slug, doc.id) for col in self.collections for doc in col.popular}
        known = {col.slug for col in self.collections}
        for doc in self.documents:
            for entry in doc.popularity:
                if entry.collection in known and (entry.collection, doc.id) not in popular_ids:
                    raise CatalogueError(
                        f"document {doc.id!r} is popular in {entry.collection!r}, "
                        "but that collection does not list it as popular"
                    )

    # -- a read-only mapping of documents ---------------------------------------------

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Document):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __getitem__(self, document_id: str) -> Document:
        return self.document(document_id)

    def __repr__(self) -> str:
        return f"<Catalogue documents={len(self.documents)} collections={len(self.collections)}>"

    def document(self, document_id: str) -> Document:
        """The document with this id; :class:`DocumentNotFoundError` (a KeyError) if none.

        >>> Catalogue().document("42")
        Traceback (most recent call last):
        ...
        sinosoviet_docs.exceptions.DocumentNotFoundError: no document with id '42' in this catalogue
        """
        try:
            return self._by_id[document_id]
        except KeyError:
            raise DocumentNotFoundError(document_id) from None

    def get(self, document_id: str) -> Document | None:
        """The document with this id, or ``None``."""
        return self._by_id.get(document_id)

    def find(self, key: str) -> Document:
        """The one document ``key`` names: its id, a record id, an address, a number, a prefix.

        Tried in order: the id; the record id ("112088"); an archive address of
        either site, with or without ``#fragment`` or ``.pdf``; the number of a
        telegram in the title ("3172" for "Ciphered Telegram No. 3172"); the
        start of an id. A key that names no document, or several, raises
        :class:`DocumentNotFoundError` (a KeyError) listing the closest
        candidates, or every document it names.

        >>> import sinosoviet_docs as ssd
        >>> cat = ssd.load()
        >>> cat.find("3172").title
        'Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin'
        >>> cat.find("https://digitalarchive.wilsoncenter.org/document/110385.pdf?v=eda1d0de").id
        '110385'
        >>> cat.find("1952-12-27-telegram").id
        '1952-12-27-telegram-from-stalin-to-mao-zedong'
        """
        from ._lookup import find

        return find(self, key)

    def collection(self, key: str) -> Collection:
        """A collection by slug (current or former) or by exact title.

        Raises :class:`CollectionNotFoundError` (a KeyError) naming the known slugs.
        """
        for col in self.collections:
            if key == col.slug or key == col.title or key in col.aliases:
                return col
        raise CollectionNotFoundError(key, [c.slug for c in self.collections])

    def documents_in(self, collection: str) -> tuple[Document, ...]:
        """The documents this catalogue knows in a collection (slug or title), in order.

        This is what the catalogue knows, not the whole collection.
        """
        slug = self.collection(collection).slug
        return tuple(doc for doc in self.documents if slug in doc.collections)

    # -- conveniences (delegate to higher modules) -------------------------------------

    def query(self) -> Query:
        """A query over all documents, to narrow down by chaining (see :class:`Query`).

        >>> import sinosoviet_docs as ssd
        >>> len(ssd.load().query().between("1952", "1952"))
        20
        """
        from .query import Query

        return Query(catalogue=self)

    def to_dataframe(self, table: Table = "documents") -> Any:
        """A pandas DataFrame of the documents or of another table (documents × people ...).

        The tables are those of :func:`sinosoviet_docs.export.to_dataframe`;
        needs ``pip install 'sinosoviet-docs[pandas]'``.
        """
        from .export import to_dataframe

        return to_dataframe(self, table)

    def search(self, text: str, *, aliases: bool = True) -> Query:
        """Documents matching a search string, best first (same as ``query().search(text)``).

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().search('"east wind" OR reunification').ids()
        ['1950-05-14-ciphered-telegram-no-8600-vyshinsky-to-mao-zedong', '121559']
        """
        return self.query().search(text, aliases=aliases)

    def build_indexes(self) -> Catalogue:
        """Build every index now rather than on the first query; returns the catalogue.

        Indexes are built once per catalogue and then shared by all its
        queries, in any thread.
        """
        from .index import build_indexes

        build_indexes(self)
        return self

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the catalogue to ``path``: a SQLite store for ``.sqlite``/``.db``, else JSON
        or JSON Lines by the suffix (see :func:`sinosoviet_docs.dump`).

        >>> import pathlib, tempfile, sinosoviet_docs as ssd
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "archive.sqlite"
        >>> ssd.load().save(path)
        >>> ssd.open(path).to_catalogue() == ssd.load()
        True
        """
        from .io import dump

        dump(self, path)

    def merge(self, other: Catalogue, *, on_conflict: OnConflict = "keep-both") -> Catalogue:
        """This catalogue merged with another (see :func:`sinosoviet_docs.merge`).

        >>> cat = Catalogue(documents=[Document(id="1", title="T", record_id=1)])
        >>> cat.merge(cat) == cat
        True
        """
        from .merging import merge

        return merge(self, other, on_conflict=on_conflict)

    @property
    def names(self) -> CatalogueNames:
        """The names tools over this catalogue: ``people``, ``places``, ``network()``, ``check()``.

        ``cat.names.people`` is the people *authority*: every known person
        with every spelling and code name, the same for every catalogue. It is
        not ``doc.people``, the tuple of names printed on one document. The
        tools are imported on first use, so a catalogue that never asks for
        them never loads the authorities.

        >>> import sinosoviet_docs as ssd
        >>> cat = ssd.load()
        >>> cat.names.people.resolve("Chou En-lai").name, cat.names.check().documents
        ('Zhou Enlai', 299)
        """
        from .names import CatalogueNames

        return CatalogueNames(catalogue=self)

    @property
    def people(self) -> PeopleAuthority:
        """The people authority (names, spellings, code names): an alias of ``cat.names.people``.

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().people.resolve("Chou En-lai").name
        'Zhou Enlai'
        """
        return self.names.people

    @property
    def places(self) -> PlaceAuthority:
        """The places authority (historical and foreign names): an alias of ``cat.names.places``."""
        return self.names.places

    def network(self) -> Network:
        """Who wrote to whom, from the titles: an alias of ``cat.names.network()``."""
        return self.names.network()

    def report(self) -> CheckReport:
        """What the names tools could not read, counted: an alias of ``cat.names.check()``.

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().report().documents
        299
        """
        return self.names.check()

    def _repr_html_(self) -> str:
        """The collections and documents as HTML tables, for notebooks."""
        from .export._html import catalogue_html

        return catalogue_html(self)
