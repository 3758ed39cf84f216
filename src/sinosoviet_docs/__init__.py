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
    LoadWarning,
    MergeConflictError,
    MissingExtraError,
    PageParseError,
    QuerySyntaxError,
    RisParseError,
    ScrapeLoadError,
    SinosovietDocsError,
    UnknownArchiveError,
)
from .export import cite, to_bibtex, to_csl_json, to_ris
from .io import Format, dump, dumps, load, loads
from .loaders import (
    LoadProblem,
    LoadReport,
    Page,
    load_pages,
    load_ris,
    load_scrape,
    load_scrape_report,
    loads_ris,
    parse_page,
)
from .merge import OnConflict, merge
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
from .names import CodeName, PeopleAuthority, Person, Place, PlaceAuthority, people, places
from .query import Query, Timeline

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
    "LoadProblem",
    "LoadReport",
    "LoadWarning",
    "MergeConflictError",
    "MissingExtraError",
    "NamesReport",
    "Network",
    "OnConflict",
    "Page",
    "PageParseError",
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
    "RisParseError",
    "ScrapeLoadError",
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
    "load_pages",
    "load_ris",
    "load_scrape",
    "load_scrape_report",
    "loads",
    "loads_ris",
    "merge",
    "parse_citation",
    "parse_correspondence",
    "parse_page",
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
