"""Archive addresses: what the path of a Digital Archive URL says, read in one place.

Both sites and their staging hosts (``wilson-center.drivingcreative.com``,
``wilson-center-digital-archive.dvincitest.com``) use the same paths, so the
host is not looked at:

- ``/document/112088`` (new site) and ``/document/110385.pdf?v=...`` (old
  site's PDF) give the record id; ``/document/<slug>`` gives the document's
  slug; ``/node/98504`` is a document too, but its number is a staging node
  number, not a record id;
- ``/collection/184/<slug>`` (old site, optionally ``/<page>``) and
  ``/topics/<slug>`` (new site) give a collection's slug, the old site also
  its numeric id;
- ``/search`` is a search page; ``?page=<n>`` gives the page number.

A fragment, a query or a trailing slash change nothing. An address that
cannot be read at all (``http://[::1``) says nothing, rather than raising.

>>> parse_address("https://digitalarchive.wilsoncenter.org/document/112088#top").record_id
112088
>>> parse_address("https://digitalarchive.wilsoncenter.org/node/98504")
Address(kind='document', record_id=None, document=None, collection=None, archive_id=None, \
page_number=None)
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import parse_qs, urlsplit

import attrs

from ._decode import whole_number

__all__ = ["Address", "AddressKind", "absolute", "parse_address", "record_id"]

AddressKind = Literal["collection", "search", "document"]


def _number(text: str) -> int | None:
    """``text`` as a number when it is ASCII digits only ("²" and "١٢" are not), not too long."""
    return whole_number(text)


@attrs.frozen
class Address:
    """What an address says; ``None`` where it says nothing.

    ``record_id`` is the archive's record id, ``document`` a document's slug,
    ``collection`` a collection's slug and ``archive_id`` the old site's
    numeric collection id; ``page_number`` is the listing page.
    """

    kind: AddressKind | None = None
    record_id: int | None = None
    document: str | None = None
    collection: str | None = None
    archive_id: int | None = None
    page_number: int | None = None


def parse_address(url: str | None) -> Address:
    """What ``url`` says about the page it names (see the module documentation).

    >>> parse_address("https://digitalarchive.wilsoncenter.org/collection/73/sino-soviet-split/5")
    Address(kind='collection', record_id=None, document=None, collection='sino-soviet-split', \
archive_id=73, page_number=5)
    >>> parse_address("http://[::1")
    Address(kind=None, record_id=None, document=None, collection=None, archive_id=None, \
page_number=None)
    """
    if not url:
        return Address()
    try:
        parts = urlsplit(url)
    except ValueError:
        return Address()
    segments = [s for s in parts.path.split("/") if s]
    head = segments[0] if segments else None
    values = parse_qs(parts.query).get("page", [])
    page_number = _number(values[0]) if values else None
    if head == "document" and len(segments) >= 2:
        name = segments[1]
        number = _number(name.removesuffix(".pdf"))
        if number is None:
            return Address("document", document=name)
        return Address("document", record_id=number or None)
    if head == "node" and len(segments) >= 2:
        return Address("document")
    if head == "topics" and len(segments) >= 2:
        return Address("collection", collection=segments[1], page_number=page_number)
    if head == "collection" and len(segments) >= 2:
        archive_id = _number(segments[1]) or None
        if len(segments) < 3:
            return Address(archive_id=archive_id, page_number=page_number)
        if len(segments) >= 4 and _number(segments[3]) is not None:
            page_number = _number(segments[3])
        return Address(
            "collection",
            collection=segments[2],
            archive_id=archive_id,
            page_number=page_number,
        )
    if head == "search":
        return Address("search", page_number=page_number)
    return Address(page_number=page_number)


def record_id(url: str | None) -> int | None:
    """The archive record id in ``url`` (``/document/<n>``, ``/document/<n>.pdf``), else None.

    >>> record_id("https://digitalarchive.wilsoncenter.org/document/110385.pdf?v=eda1d0de")
    110385
    >>> record_id("https://digitalarchive.wilsoncenter.org/document/telegram-stalin-mao-zedong")
    """
    return parse_address(url).record_id


def absolute(url: str, base: str) -> str:
    """``url`` itself when it names a scheme, else the path ``url`` on ``base``.

    >>> absolute("/document/112088", "https://digitalarchive.wilsoncenter.org")
    'https://digitalarchive.wilsoncenter.org/document/112088'
    """
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        return url
    return url if scheme else f"{base}/{url.lstrip('/')}"
