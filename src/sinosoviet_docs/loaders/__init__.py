"""Loaders for what researchers hold: page captures, the scrape table, RIS files.

Each loader returns typed records (:class:`~sinosoviet_docs.Catalogue`,
:class:`Page`); :func:`~sinosoviet_docs.merge` combines what they return.
Heavy modules (``sqlite3``, ``csv``) are imported only when a loader runs.
"""

from __future__ import annotations

from .pages import Page, load_pages, parse_page
from .problems import LoadProblem, LoadReport
from .ris import load_ris, loads_ris
from .scrape import load_scrape, load_scrape_report

__all__ = [
    "LoadProblem",
    "LoadReport",
    "Page",
    "load_pages",
    "load_ris",
    "load_scrape",
    "load_scrape_report",
    "loads_ris",
    "parse_page",
]
