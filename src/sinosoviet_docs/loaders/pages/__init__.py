"""Page captures: the visible text of the archive's pages, read into typed records.

A capture is what a browser's select-all/copy, a text-mode browser or a
scraper's ``innerText`` gives for a page of the Wilson Center Digital Archive.
:func:`parse_page` recognises the layouts of both sites (new-site collection,
search and document pages; old-site collection pages in their dash and bullet
renderings; old-site document pages) and returns a :class:`Page`.

The capture is first *identified* (:mod:`._identify` decides the page family
and layout from its markers), then read by that family's module
(:mod:`._collection`, :mod:`._search`, :mod:`._document`), each a function of
the capture's context and lines. It reads line by line: no regular
expression is used, so time is linear in the input. Before anything else it
turns Windows and old Mac line ends into ``\\n``, non-breaking spaces into
spaces and strips the spaces around each line; all other text (curly quotes included) is
kept as given.

Text that it cannot place is never dropped silently: it becomes a
:class:`~sinosoviet_docs.loaders.LoadProblem` in :attr:`Page.problems` with its
line number, and ``strict=True`` raises
:class:`~sinosoviet_docs.exceptions.PageParseError` instead. Site chrome
(``Skip to content``, ``Search in``, ``No image found.``, widget labels) is
recognised and skipped.

>>> page = parse_page('''Skip to content
...
... Some Collection
...
... About it.
...
... Popular Documents
...
... July 5, 1950
...
... Cable from A to B
...
... A asks B.''')
>>> page.kind, page.title, [(str(d.date), d.title, d.summary) for d in page.documents]
('collection', 'Some Collection', [('1950-07-05', 'Cable from A to B', 'A asks B.')])
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..._decode import TextProblem, check_text
from ..._urls import absolute
from ...exceptions import ArgumentTypeError, PageParseError
from ...models import ARCHIVE_URL, Catalogue, CatalogueInfo, Collection, Document
from .._input import read_text
from ..problems import warn_problems
from ._collection import new_collection, old_bullet_collection, old_dash_collection, unknown_page
from ._context import Context
from ._document import new_document, old_document
from ._identify import Shape, identify, split_preamble
from ._lines import Line, split_lines
from ._page import Layout, Page, PageKind
from ._search import search

__all__ = ["Layout", "Page", "PageKind", "load_pages", "parse_page"]

_READERS: dict[Shape, Callable[[Context, Sequence[Line]], Page]] = {
    "new-document": new_document,
    "old-document": old_document,
    "new-collection": new_collection,
    "search": search,
    "old-bullet-collection": old_bullet_collection,
    "old-dash-collection": old_dash_collection,
    "unknown": unknown_page,
}


def parse_page(
    text: str, *, url: str | None = None, strict: bool = False, source: str | None = None
) -> Page:
    """Read one page capture into a :class:`Page`.

    ``url`` is the page's address when known: it gives a document page's
    record id (``/document/<n>``), a collection's slug and the page number.
    ``source`` names the capture in provenance and problems (default: the
    url, else "page capture"). With ``strict=True`` the first problem raises
    :class:`~sinosoviet_docs.exceptions.PageParseError` (a ValueError) naming
    its line and what was expected there.

    >>> page = parse_page("Skip to content\\n\\nResults:\\n\\n1 - 20 of 345\\n\\nDocuments\\n\\n"
    ...                   "December 1959\\n\\nNote on a visit", url="https://x.org/search?page=2")
    >>> page.kind, page.total, page.page_number, page.documents[0].title
    ('search', 345, 2, 'Note on a visit')
    >>> parse_page("Skip to content\\n\\nA\\n\\nB\\n\\nPopular Documents\\n\\nnot a date",
    ...            strict=True)
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.PageParseError: page capture, line 9: expected an entry's date ...
    """
    if not isinstance(text, str):
        raise ArgumentTypeError("text", "a page capture (str)", text)
    name = source or url or "page capture"
    try:
        text = check_text(text)  # a leading byte order mark is no part of the first line
    except TextProblem as exc:
        raise PageParseError(exc.expected, exc.found, line=exc.line, source=name) from None
    body, preamble = split_preamble(split_lines(text))
    ctx = Context(name, url, preamble)
    page = _READERS[identify(body, ctx.address.kind)](ctx, body)
    error = ctx.error() if strict else None
    if error is not None:
        raise error
    return page


PagePath = str | os.PathLike[str] | tuple[str | os.PathLike[str], str]


def _undecodable(name: str, problem: TextProblem) -> PageParseError:
    return PageParseError(problem.at(), None, line=problem.line, source=name)


def load_pages(paths: Iterable[PagePath], *, strict: bool = False) -> Catalogue:
    """A catalogue from page capture files: their documents merged, their collections kept.

    Each item is a path, or a ``(path, url)`` pair giving the page's address.
    Documents seen on several pages become one (see :func:`~sinosoviet_docs.merge`),
    with every page in their provenance. Without ``strict``, a page's problems
    are issued as one :class:`~sinosoviet_docs.exceptions.LoadWarning` per
    file (and stay in :attr:`Page.problems` of :func:`parse_page`). A file
    that is not UTF-8 text raises :class:`~sinosoviet_docs.exceptions.PageParseError`
    naming the file, the line and the byte offset of the first bad bytes.
    """
    from ...merging import assemble

    if isinstance(paths, str | bytes | os.PathLike):
        raise ArgumentTypeError("paths", "an iterable of page capture paths", paths)
    groups: list[tuple[Document, ...]] = []
    collections: list[Collection] = []
    sources: list[str] = []
    for item in paths:
        path, url = item if isinstance(item, tuple) else (item, None)
        name = str(path)
        text = read_text(path, functools.partial(_undecodable, name))
        page = parse_page(
            text,
            url=None if url is None else absolute(url, ARCHIVE_URL),
            strict=strict,
            source=name,
        )
        warn_problems(name, page.problems)
        sources.append(f"{name}: {page.kind} page ({page.layout} layout)")
        collection = page.collection_record()
        if collection is not None:
            collections.append(attrs.evolve(collection, popular=()))
        groups.append((*page.documents, *page.related_documents))
    info = CatalogueInfo(title="Catalogue from page captures", sources=tuple(sources))
    # Pages are one source: a document listed on two pages (or twice on one) is one.
    return assemble(groups, collections, info, within_groups=True)
