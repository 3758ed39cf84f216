"""Queries over a catalogue: immutable, chainable and lazy.

>>> import sinosoviet_docs as ssd
>>> q = ssd.load().query().in_collection("sino-soviet-alliance-1950-1959")
>>> q = q.between("1950-05", "1950-05")
>>> for doc in q:
...     print(doc.date, doc.title)
1950-05-13 Ciphered Telegram, Roshchin to Cde. Filippov [Stalin]
1950-05-14 Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong

Nothing runs until the query is iterated, counted or asked for its first
document; each method returns a new query and leaves the old one as it was.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .dates import DateRange, PartialDate

if TYPE_CHECKING:
    import os

    from .export import ExportFormat, Table
    from .models import Catalogue, Document

__all__ = ["DateBound", "DateMode", "Query"]

#: What a date filter accepts as a bound: a date string ("1950-02", "February 1950"),
#: a PartialDate, a DateRange, a datetime.date, or None for an open end.
DateBound = str | PartialDate | DateRange | datetime.date | None
DateMode = Literal["overlaps", "within"]


@attrs.frozen
class _Filter:
    describe: str
    keep: Callable[[Document], bool]


@attrs.frozen(kw_only=True)
class Query:
    """A lazy selection of a catalogue's documents, in the catalogue's (chronological) order."""

    catalogue: Catalogue
    filters: tuple[_Filter, ...] = ()

    def _with(self, describe: str, keep: Callable[[Document], bool]) -> Query:
        return attrs.evolve(self, filters=(*self.filters, _Filter(describe, keep)))

    def in_collection(self, collection: str) -> Query:
        """Documents the catalogue knows in this collection (slug, former slug or title).

        Raises :class:`~sinosoviet_docs.CollectionNotFoundError` at once for an unknown one.
        """
        slug = self.catalogue.collection(collection).slug
        return self._with(f"in_collection({slug!r})", lambda d: slug in d.collections)

    def between(
        self, start: DateBound = None, end: DateBound = None, *, mode: DateMode = "overlaps"
    ) -> Query:
        """Documents dated in a period; partial dates compare by their possible days.

        With ``mode="overlaps"`` (the default) a document matches when any day it
        may be from lies in the period; with ``mode="within"`` when every such day
        does. "February 1950" overlaps 10-20 February 1950 but is not within it.
        Undated documents match no date filter. Bad date strings raise
        :class:`~sinosoviet_docs.DateParseError` at once.
        """
        lo = _bound(start)
        hi = _bound(end)
        if mode not in ("overlaps", "within"):
            raise ValueError(f"mode must be 'overlaps' or 'within', not {mode!r}")
        within = mode == "within"
        # Check the bounds now (start after end raises) rather than at iteration.
        PartialDate(year=2000).overlaps(lo, hi)

        def keep(doc: Document) -> bool:
            if doc.date is None:
                return False
            return doc.date.within(lo, hi) if within else doc.date.overlaps(lo, hi)

        return self._with(f"between({_show(lo)}, {_show(hi)}, mode={mode!r})", keep)

    def where(self, predicate: Callable[[Document], bool]) -> Query:
        """Documents for which ``predicate(doc)`` is true (the escape hatch)."""
        name = getattr(predicate, "__name__", "predicate")
        return self._with(f"where({name})", predicate)

    def __iter__(self) -> Iterator[Document]:
        filters = [f.keep for f in self.filters]
        for doc in self.catalogue.documents:
            if all(keep(doc) for keep in filters):
                yield doc

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        chain = ".".join(["query()", *(f.describe for f in self.filters)])
        return f"<Query {chain}>"

    def first(self) -> Document | None:
        """The first matching document, or ``None``."""
        return next(iter(self), None)

    def ids(self) -> list[str]:
        """The ids of the matching documents, in order."""
        return [doc.id for doc in self]

    # -- names issue --

    def sent_by(self, name: str) -> Query:
        """Messages whose title names ``name`` (any spelling or code name) as a sender.

        >>> import sinosoviet_docs as ssd
        >>> len(ssd.load().query().sent_by("Filippov")) == len(ssd.load().query().sent_by("Stalin"))
        True
        """
        from .correspondence import role_filter

        return self._with(f"sent_by({name!r})", role_filter("senders", name))

    def sent_to(self, name: str) -> Query:
        """Messages whose title names ``name`` as a recipient (not only an intermediary)."""
        from .correspondence import role_filter

        return self._with(f"sent_to({name!r})", role_filter("recipients", name))

    def from_archive(self, archive: str) -> Query:
        """Documents whose source citation cites this archive ("APRF", "AP RF", "AVPRF" ...).

        Raises :class:`~sinosoviet_docs.UnknownArchiveError` at once for an unknown archive.
        """
        from .citations import archive_filter

        code, keep = archive_filter(archive)
        return self._with(f"from_archive({code!r})", keep)

    # -- exports issue --

    def export(self, format: ExportFormat, path: str | os.PathLike[str] | None = None) -> str:
        """The matching documents as CSL-JSON, BibTeX, BibLaTeX, RIS, CSV or JSON Lines.

        Returns the text and, given a ``path``, also writes it there (see
        :func:`sinosoviet_docs.export.export`).

        >>> import sinosoviet_docs as ssd
        >>> print(ssd.load().query().between("1952", "1952").export("csv").splitlines()[0][:40])
        id,record_id,title,date,date_display,dat
        """
        from .export import export

        return export(self, format, path)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict a matching document (see :data:`sinosoviet_docs.export.COLUMNS`)."""
        from .export import to_records

        return to_records(self)

    def to_dataframe(self, table: Table = "documents") -> Any:
        """A pandas DataFrame of the documents, or of document × people/places/topics.

        Needs ``pip install 'sinosoviet-docs[pandas]'``.
        """
        from .export import to_dataframe

        return to_dataframe(self, table)

    def to_arrow(self, table: Table = "documents") -> Any:
        """A pyarrow Table of the documents (or an exploded table); needs the ``arrow`` extra."""
        from .export import to_arrow

        return to_arrow(self, table)

    def to_parquet(self, path: str | os.PathLike[str], table: Table = "documents") -> Any:
        """Write the documents (or an exploded table) to Parquet; needs the ``arrow`` extra."""
        from .export import to_parquet

        return to_parquet(self, path, table)

    def _repr_html_(self) -> str:
        """The matching documents as an HTML table, for notebooks."""
        from ._html import query_html

        return query_html(self)


def _bound(value: DateBound) -> PartialDate | DateRange | datetime.date | None:
    if isinstance(value, str):
        return DateRange.parse(value) if "/" in value else PartialDate.parse(value)
    return value


def _show(value: PartialDate | DateRange | datetime.date | None) -> str:
    return "None" if value is None else repr(str(value))
