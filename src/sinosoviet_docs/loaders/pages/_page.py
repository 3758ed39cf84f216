"""The record a page capture is read into: :class:`Page`."""

from __future__ import annotations

from typing import Literal

import attrs

from ..._urls import parse_address
from ...models import Collection, CollectionKind, CollectionRef, Document, Provenance, slugify
from ..problems import LoadProblem

__all__ = ["Layout", "Page", "PageKind"]

PageKind = Literal["collection", "search", "document"]
#: ``new``: the current site; ``old-dash`` / ``old-bullet``: the two renderings of
#: old-site collection pages; ``old``: an old-site document page; ``unknown``: no
#: marker of any layout was found (entries are still read from date lines).
Layout = Literal["new", "old-dash", "old-bullet", "old", "unknown"]


@attrs.frozen(kw_only=True)
class Page:
    """What one page capture shows, as typed values; unknown is ``None`` or empty.

    ``documents`` are the page's entries in page order (the one document of a
    document page); ``popular`` says they are a collection's "Popular
    Documents" block. ``related`` names the sibling collections and
    ``resource_guide`` the guide that a collection's description points to;
    ``related_documents`` are a document page's "Related Documents".
    ``first``, ``last`` and ``total`` are a search page's "1 - 20 of 345"
    counter; ``page_number`` is the page as the address gives it; ``collection``
    is the slug of a collection page (from the address, else from its name).
    ``preamble`` keeps text found before the page proper (some captures begin
    with the summary of another document). ``problems`` lists what could not
    be placed, with line numbers. ``source`` names the capture (a file, else the address).
    """

    kind: PageKind
    layout: Layout
    source: str = "page capture"
    url: str | None = None
    title: str | None = None
    description: str | None = None
    related: tuple[str, ...] = ()
    resource_guide: str | None = None
    collection: str | None = None
    documents: tuple[Document, ...] = ()
    popular: bool = False
    related_documents: tuple[Document, ...] = ()
    first: int | None = None
    last: int | None = None
    total: int | None = None
    page_number: int | None = None
    preamble: str | None = None
    problems: tuple[LoadProblem, ...] = ()

    def collection_record(self) -> Collection | None:
        """The collection a collection page describes (``None`` for other pages).

        >>> from sinosoviet_docs.loaders import parse_page
        >>> parse_page("Skip to content\\n\\nA Name\\n\\nText.\\n\\nPopular Documents\\n"
        ...            "\\n1958\\n\\nA title").collection_record().slug
        'a-name'
        """
        if self.kind != "collection" or self.title is None or self.collection is None:
            return None
        return Collection(
            slug=self.collection,
            title=self.title,
            description=self.description,
            related=tuple(_named_ref(name) for name in self.related),
            resource_guide=(
                None
                if self.resource_guide is None
                else _named_ref(self.resource_guide, kind="resource-guide")
            ),
            popular=self.documents if self.popular else (),
            archive_id=parse_address(self.url).archive_id,
            url=self.url,
            provenance=(Provenance(source=self.source, urls=page_urls(self.url)),),
        )


def _named_ref(title: str, kind: CollectionKind = "collection") -> CollectionRef:
    """A link to a collection a page names only by its title: the slug is the title's."""
    return CollectionRef(title=title, slug=slugify(title) or title, kind=kind)


def page_urls(url: str | None) -> tuple[str, ...]:
    """The addresses of a provenance entry: the page's own, when known."""
    return (url,) if url else ()
