"""sinosoviet_docs: the Wilson Center Digital Archive's Sino-Soviet documents as typed records.

>>> import sinosoviet_docs as ssd
>>> cat = ssd.load()
>>> col = cat.collection("sino-soviet-alliance-1950-1959")
>>> col.popular[0].title
'Telegram from Stalin to Mao Zedong'
>>> str(col.period)
'1950/1959'
"""

from __future__ import annotations

from .dates import DateRange, PartialDate, Precision
from .exceptions import (
    CatalogueError,
    CatalogueLoadError,
    CollectionNotFoundError,
    DateParseError,
    DocumentNotFoundError,
    MissingExtraError,
    SinosovietDocsError,
)
from .export import cite, to_bibtex, to_csl_json, to_ris
from .io import Format, dump, dumps, load, loads
from .models import (
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    Conflict,
    Document,
    Popularity,
    Provenance,
)

__all__ = [
    "Catalogue",
    "CatalogueError",
    "CatalogueInfo",
    "CatalogueLoadError",
    "Collection",
    "CollectionNotFoundError",
    "CollectionRef",
    "Conflict",
    "DateParseError",
    "DateRange",
    "Document",
    "DocumentNotFoundError",
    "Format",
    "MissingExtraError",
    "PartialDate",
    "Popularity",
    "Precision",
    "Provenance",
    "SinosovietDocsError",
    "__version__",
    "cite",
    "dump",
    "dumps",
    "load",
    "loads",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]


def __getattr__(name: str) -> str:
    # Read lazily: importlib.metadata costs a few milliseconds that most users never need.
    if name == "__version__":
        from importlib.metadata import version

        return version("sinosoviet-docs")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
