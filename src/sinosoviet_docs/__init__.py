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

from .citations import (
    ARCHIVES,
    ArchivalReference,
    archive_code,
    archives_of,
    fonds_of,
    parse_citation,
    split_credits,
)
from .correspondence import Correspondence, Edge, NamesReport, Network, parse_correspondence
from .dates import DateRange, PartialDate, Precision
from .exceptions import (
    AmbiguousNameError,
    AuthorityLoadError,
    CatalogueError,
    CatalogueLoadError,
    CollectionNotFoundError,
    DateParseError,
    DocumentNotFoundError,
    MissingExtraError,
    QuerySyntaxError,
    SinosovietDocsError,
    UnknownArchiveError,
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
from .query import Query, Timeline
from .names import CodeName, PeopleAuthority, Person, Place, PlaceAuthority, people, places

__all__ = [
    "ARCHIVES",
    "AmbiguousNameError",
    "ArchivalReference",
    "AuthorityLoadError",
    "Catalogue",
    "CatalogueError",
    "CatalogueInfo",
    "CatalogueLoadError",
    "CodeName",
    "Collection",
    "CollectionNotFoundError",
    "CollectionRef",
    "Conflict",
    "Correspondence",
    "DateParseError",
    "DateRange",
    "Document",
    "DocumentNotFoundError",
    "Edge",
    "Format",
    "MissingExtraError",
    "NamesReport",
    "Network",
    "PartialDate",
    "PeopleAuthority",
    "Person",
    "Place",
    "PlaceAuthority",
    "Popularity",
    "Precision",
    "Provenance",
    "Query",
    "QuerySyntaxError",
    "SinosovietDocsError",
    "Timeline",
    "UnknownArchiveError",
    "__version__",
    "archive_code",
    "archives_of",
    "cite",
    "dump",
    "dumps",
    "fonds_of",
    "load",
    "loads",
    "parse_citation",
    "parse_correspondence",
    "people",
    "places",
    "split_credits",
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
