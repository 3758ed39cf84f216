"""Finding one document by what a reader holds: an id, a record id, an address, a number.

A key is tried in this order, and the first way that names any document
decides:

1. an exact key: the document's id, its record id ("112088"), or an archive
   address of either site, with or without a ``#fragment`` or ``.pdf``
   (``/document/112088``, ``/document/telegram-stalin-mao-zedong``);
2. the number of a telegram or cable in the title ("3172" for "Ciphered
   Telegram No. 3172, ...");
3. the start of an id ("1950-07-05-ciphered").

One document is the answer; none or several raise
:class:`~sinosoviet_docs.DocumentNotFoundError` with the closest candidates
(or all the documents the key names).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from ._urls import parse_address
from .exceptions import DocumentNotFoundError

if TYPE_CHECKING:
    from .models import Document


class Holder(Protocol):
    """What :func:`find` needs of a catalogue, in memory or stored."""

    @property
    def _indexes(self) -> dict[str, object]: ...

    def __iter__(self) -> Iterator[Document]: ...

    def get(self, document_id: str) -> Document | None: ...

    def document(self, document_id: str) -> Document: ...


__all__ = ["DocumentKeys", "find"]

#: "No. 3172", "No 3172", "№ 3172": the number a telegram or cable carries.
_NUMBER = re.compile(r"(?:\bNo\.?|№)\s*(\d+)\b")

#: How the index is kept among a catalogue's indexes.
_INDEX_NAME = "document-keys"

_CANDIDATES = 5


def exact_keys(doc: Document) -> Iterator[str]:
    """The keys that name ``doc`` exactly: its id, record id and archive addresses.

    A former id of the document is one more key here.
    """
    yield doc.id
    if doc.record_id is not None:
        yield str(doc.record_id)
    for url in (doc.url, *(url for p in doc.provenance for url in p.urls)):
        key = address_key(url)
        if key is not None:
            yield key


def address_key(url: str | None) -> str | None:
    """The key an archive address gives: a record id, else ``document/<slug>``; else None.

    >>> address_key("http://digitalarchive.wilsoncenter.org/document/110385.pdf?v=eda1d0de#p2")
    '110385'
    >>> address_key("digitalarchive.wilsoncenter.org/document/telegram-stalin-mao-zedong/")
    'document/telegram-stalin-mao-zedong'
    >>> address_key("https://digitalarchive.wilsoncenter.org/collection/72/sino-soviet-relations")
    """
    if not url:
        return None
    if "://" not in url:
        url = "https://" + url.lstrip("/") if "." in url.split("/", 1)[0] else "https:///" + url
    address = parse_address(url)
    if address.kind != "document":
        return None
    if address.record_id is not None:
        return str(address.record_id)
    return None if address.document is None else f"document/{address.document}"


def title_numbers(title: str) -> list[str]:
    """The numbers a title gives its telegram or cable.

    >>> title_numbers("Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin")
    ['3172']
    """
    return _NUMBER.findall(title)


@attrs.frozen
class DocumentKeys:
    """Every key of a catalogue's documents, built once and kept with the catalogue."""

    exact: dict[str, tuple[str, ...]]
    numbers: dict[str, tuple[str, ...]]
    ids: tuple[str, ...]

    @classmethod
    def of(cls, catalogue: Holder) -> DocumentKeys:
        """The keys of ``catalogue``, made on first use and then shared."""
        box = catalogue._indexes
        found = box.get(_INDEX_NAME)
        if isinstance(found, DocumentKeys):
            return found
        exact: dict[str, list[str]] = {}
        numbers: dict[str, list[str]] = {}
        for doc in catalogue:
            for key in exact_keys(doc):
                _add(exact, key, doc.id)
            for number in title_numbers(doc.title):
                _add(numbers, number, doc.id)
        keys = cls(
            exact={k: tuple(v) for k, v in exact.items()},
            numbers={k: tuple(v) for k, v in numbers.items()},
            ids=tuple(sorted(doc.id for doc in catalogue)),
        )
        stored = box.setdefault(_INDEX_NAME, keys)  # another thread may have been first
        return stored if isinstance(stored, DocumentKeys) else keys

    def named_by(self, key: str) -> tuple[str, ...]:
        """The ids of the documents ``key`` names, by the first way that names any."""
        exact = self.exact.get(key)
        if exact is None:
            exact = self.exact.get(address_key(key) or "", ())
        if exact:
            return exact
        if key.isdecimal() and key in self.numbers:
            return self.numbers[key]
        start = bisect.bisect_left(self.ids, key)
        stop = bisect.bisect_left(self.ids, key + "\U0010ffff", lo=start)
        return self.ids[start:stop]

    def closest(self, key: str) -> list[str]:
        """The ids of the documents whose keys look most like ``key``, best first."""
        keys = [*self.exact, *self.numbers]
        found: list[str] = []
        for near in difflib.get_close_matches(key, keys, n=_CANDIDATES * 2, cutoff=0.6):
            for doc_id in self.exact.get(near) or self.numbers.get(near, ()):
                if doc_id not in found:
                    found.append(doc_id)
        return found[:_CANDIDATES]


def _add(table: dict[str, list[str]], key: str, doc_id: str) -> None:
    ids = table.setdefault(key, [])
    if doc_id not in ids:
        ids.append(doc_id)


def find(catalogue: Holder, key: str) -> Document:
    """The one document ``key`` names in ``catalogue`` (see the module documentation)."""
    key = key.strip()
    found = catalogue.get(key)
    if found is not None:
        return found
    keys = DocumentKeys.of(catalogue)
    named: Sequence[str] = keys.named_by(key) if key else ()
    if len(named) == 1:
        return catalogue.document(named[0])
    if named:
        raise DocumentNotFoundError(key, named, ambiguous=True)
    raise DocumentNotFoundError(key, keys.closest(key))
