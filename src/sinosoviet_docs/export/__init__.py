"""Citations and exports: the ways out to a paper, a reference manager or a dataframe.

- :func:`cite` writes a Chicago-style note or bibliography entry in the pattern
  the archive recommends: quoted title, the date at its precision, "History and
  Public Policy Program Digital Archive", the archive citation, credits, the
  stable address.
- :func:`to_csl_json`, :func:`to_bibtex` and :func:`to_ris` write what Zotero,
  pandoc, citeproc, BibTeX/biber and other reference managers read.
- :func:`to_records`, :func:`to_csv` and :func:`to_jsonl` write one flat row a
  document with the columns of :data:`COLUMNS`; :func:`to_dataframe`,
  :func:`to_arrow` and :func:`to_parquet` do the same for pandas and pyarrow
  (optional extras, imported only when called), with the tables of
  :data:`TABLES`: document × person with each person's role, who wrote to
  whom, document × place, topic and collection.
- Persons the names authority knows go out as family and given names in
  every format, in the name's own order; a place is never an author.

Every function takes one :class:`~sinosoviet_docs.Document` or any iterable of
them: a list, a :class:`~sinosoviet_docs.Catalogue`, or a query. Each format
has its module (``csl``, ``bibtex``, ``ris``, ``tables``, ``plot``; names in
``_names``); this package gathers them and writes files (:func:`export`).

>>> import sinosoviet_docs as ssd
>>> doc = ssd.load()["112088"]
>>> print(cite(doc))  # doctest: +NORMALIZE_WHITESPACE
“Discussion between N.S. Khrushchev and Mao Zedong,” October 2, 1959, History and
Public Policy Program Digital Archive, Archive of the President of the Russian
Federation (APRF), f. 52, op. 1, d. 499, ll. 1-33, copy in Volkogonov Collection,
Manuscript Division, Library of Congress, Washington, D.C. Translated by
Vladislav M. Zubok. https://digitalarchive.wilsoncenter.org/document/112088
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from ..models import Document
from ._cite import ARCHIVE_NAME, CitationStyle, _Docs, as_documents, citation_key, cite, stable_url
from .bibtex import latex_escape as latex_escape  # importable from here, not in __all__
from .bibtex import to_bibtex
from .csl import csl_item, to_csl_json
from .plot import plot_timeline
from .ris import to_ris
from .tables import (
    COLUMNS,
    TABLES,
    Table,
    to_arrow,
    to_csv,
    to_dataframe,
    to_jsonl,
    to_parquet,
    to_records,
)

__all__ = [
    "ARCHIVE_NAME",
    "COLUMNS",
    "FORMATS",
    "TABLES",
    "CitationStyle",
    "ExportFormat",
    "Table",
    "citation_key",
    "cite",
    "csl_item",
    "export",
    "plot_timeline",
    "stable_url",
    "to_arrow",
    "to_bibtex",
    "to_csl_json",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "to_parquet",
    "to_records",
    "to_ris",
]

ExportFormat = Literal["csl-json", "bibtex", "biblatex", "ris", "csv", "jsonl"]
#: The formats :func:`export` writes, as named on the command line.
FORMATS: tuple[str, ...] = get_args(ExportFormat)

_WRITERS: dict[str, Callable[[list[Document]], str]] = {
    "csl-json": to_csl_json,
    "bibtex": to_bibtex,
    "biblatex": lambda docs: to_bibtex(docs, dialect="biblatex"),
    "ris": to_ris,
    "csv": to_csv,
    "jsonl": to_jsonl,
}


def export(docs: _Docs, format: ExportFormat, path: str | os.PathLike[str] | None = None) -> str:
    """The documents in one of :data:`FORMATS`, as text; also written to ``path`` if given.

    The file is UTF-8 and replaced in one step (written beside it, then renamed).

    >>> import sinosoviet_docs as ssd
    >>> export(ssd.load()["112088"], "ris").splitlines()[0]
    'TY  - MANSCPT'
    >>> export(ssd.load()["110385"], "ris").splitlines()[0]
    'TY  - PCOMM'
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
    text = writer(as_documents(docs))
    if path is not None:
        from ..io import write_atomically

        write_atomically(Path(path), [text])
    return text
