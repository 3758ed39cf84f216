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

from typing import TYPE_CHECKING, Any

from ._lazy import lazy_names
from .dates import DateRange, PartialDate, Precision
from .exceptions import (
    AmbiguousNameError,
    ArgumentTypeError,
    AuthorityLoadError,
    CatalogueError,
    CatalogueLoadError,
    CollectionNotFoundError,
    DateParseError,
    DocumentNotFoundError,
    FormatError,
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
from .io import Format, dump, dumps, from_data, load, loads, to_data
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

if TYPE_CHECKING:  # imported on first use (see __getattr__), to keep `import` cheap
    from .checks import NamesReport
    from .citations import (
        ARCHIVES,
        ArchivalReference,
        archive_code,
        archives_of,
        fonds_of,
        parse_citation,
        split_credits,
    )
    from .correspondence import (
        Correspondence,
        parse_correspondence,
    )
    from .export import (
        cite,
        to_bibtex,
        to_csl_json,
        to_ris,
    )
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
    from .merging import OnConflict, merge
    from .names import (
        CodeName,
        PeopleAuthority,
        Person,
        Place,
        PlaceAuthority,
        people,
        places,
    )
    from .network import Edge, Network
    from .query import (
        Query,
        Timeline,
    )
    from .store import StoredCatalogue, StoreError, open

__all__ = [
    "ARCHIVES",
    "AmbiguousNameError",
    "ArchivalReference",
    "ArgumentTypeError",
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
    "FormatError",
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
    "StoreError",
    "StoredCatalogue",
    "Timeline",
    "UnknownArchiveError",
    "__version__",
    "archive_code",
    "archives_of",
    "cite",
    "dump",
    "dumps",
    "fonds_of",
    "from_data",
    "load",
    "load_pages",
    "load_ris",
    "load_scrape",
    "load_scrape_report",
    "loads",
    "loads_ris",
    "merge",
    "open",
    "parse_citation",
    "parse_correspondence",
    "parse_page",
    "people",
    "places",
    "split_credits",
    "to_bibtex",
    "to_csl_json",
    "to_data",
    "to_ris",
]


#: Public names whose modules are imported on first use: loading and querying the
#: bundled catalogue never needs the loaders, exports, merging or the name authority.
_LAZY: dict[str, str] = {
    "ARCHIVES": "citations",
    "ArchivalReference": "citations",
    "archive_code": "citations",
    "archives_of": "citations",
    "fonds_of": "citations",
    "parse_citation": "citations",
    "split_credits": "citations",
    "NamesReport": "checks",
    "Correspondence": "correspondence",
    "parse_correspondence": "correspondence",
    "cite": "export",
    "to_bibtex": "export",
    "to_csl_json": "export",
    "to_ris": "export",
    "Edge": "network",
    "Network": "network",
    "LoadProblem": "loaders",
    "LoadReport": "loaders",
    "Page": "loaders",
    "load_pages": "loaders",
    "load_ris": "loaders",
    "load_scrape": "loaders",
    "load_scrape_report": "loaders",
    "loads_ris": "loaders",
    "parse_page": "loaders",
    "OnConflict": "merging",
    "merge": "merging",
    "CodeName": "names",
    "PeopleAuthority": "names",
    "Person": "names",
    "Place": "names",
    "PlaceAuthority": "names",
    "people": "names",
    "places": "names",
    "Query": "query",
    "Timeline": "query",
    "StoreError": "store",
    "StoredCatalogue": "store",
    "open": "store",
}


_lazy_attribute = lazy_names(__name__, _LAZY, globals())


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Read lazily: importlib.metadata costs a few milliseconds most users never need.
        from importlib.metadata import version

        return version("sinosoviet-docs")
    return _lazy_attribute(name)  # later look-ups of a name find it in the namespace


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
