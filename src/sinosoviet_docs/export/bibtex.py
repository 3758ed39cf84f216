r"""BibTeX and BibLaTeX: ``@unpublished`` entries for LaTeX, biber and reference managers.

>>> print(latex_escape("Notes on 50% & more"))
Notes on 50\% \& more
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from .._vocab import MONTH_NAMES
from ..dates import PartialDate
from ..models import Document
from ._cite import ARCHIVE_NAME, _Docs, as_documents, citation_key, citation_parts
from ._dates import biblatex_date, bibtex_year, is_approximate, is_uncertain
from ._names import creators

__all__ = ["latex_escape", "to_bibtex"]

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\textasciitilde{}",
}
_LATEX_RE = r"[\\{}$&%#_^~]"


def latex_escape(text: str) -> str:
    r"""Text with LaTeX's special characters escaped; line breaks become spaces.

    >>> print(latex_escape("50% of {A & B} #1 ~ C_D \\ E^F $"))
    50\% of \{A \& B\} \#1 \textasciitilde{} C\_D \textbackslash{} E\^{}F \$
    """
    text = " ".join(text.split())
    return re.sub(_LATEX_RE, lambda m: _LATEX_SPECIALS[m[0]], text)


def _bib_url(url: str) -> str:
    """A URL safe inside braces (braces, backslashes and spaces percent-encoded)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _bib_names(names: Iterable[str]) -> str:
    """Persons as ``{Family}, Given``; institutions and unsplit names braced whole."""
    return " and ".join(c.bibtex(latex_escape) for c in creators(names))


def _bib_entry(doc: Document, dialect: Literal["bibtex", "biblatex"]) -> str:
    parts = citation_parts(doc)
    location = parts.location
    fields: list[tuple[str, str]] = []
    authors = _bib_names(parts.authors)
    if authors:
        fields.append(("author", authors))
    fields.append(("title", "{" + latex_escape(doc.title) + "}"))
    date = doc.date
    if date is not None:
        if dialect == "biblatex":
            fields.append(("date", biblatex_date(date)))
        else:
            fields.append(("year", bibtex_year(date)))
            if isinstance(date, PartialDate) and date.month is not None:
                fields.append(("month", MONTH_NAMES[date.month - 1][:3].lower()))
            if isinstance(date, PartialDate) and date.day is not None:
                fields.append(("day", str(date.day)))
    if doc.type:
        fields.append(("type", latex_escape(doc.type)))
    fields.append(("archive", latex_escape(ARCHIVE_NAME)))
    if location:
        fields.append(("archive_location", latex_escape(location)))
    for role, names in (("recipient", parts.recipients), ("translator", parts.translators)):
        found = _bib_names(names)
        if found:
            fields.append((role, found))
    if doc.languages:
        fields.append(("language", latex_escape(", ".join(doc.languages))))
    if doc.topics:
        fields.append(("keywords", latex_escape(", ".join(doc.topics))))
    # The note carries what standard styles print: date as printed, archive, location, credits.
    note = [ARCHIVE_NAME if location is None else f"{ARCHIVE_NAME}, {location}"]
    if date is not None and (is_approximate(date) or is_uncertain(date) or dialect == "bibtex"):
        note.insert(0, date.display())
    text_note = ". ".join(n.rstrip(".") for n in [*note, *parts.credits]) + "."
    fields.append(("note", latex_escape(text_note)))
    url = parts.url
    if url:
        fields.append(("url", _bib_url(url)))
        if dialect == "bibtex":
            fields.append(("howpublished", "\\url{" + _bib_url(url) + "}"))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name:<{width}} = " + (value if name == "month" else "{" + value + "}")
        for name, value in fields
    )
    return f"@unpublished{{{citation_key(doc)},\n{body}\n}}\n"


def to_bibtex(docs: _Docs, *, dialect: Literal["bibtex", "biblatex"] = "bibtex") -> str:
    r"""BibTeX (or, with ``dialect="biblatex"``, BibLaTeX) entries of type ``@unpublished``.

    Keys come from :func:`~sinosoviet_docs.export.citation_key`; special
    characters are escaped; the archive and the location in it are kept
    (``archive``, ``archive_location``, and in the ``note`` that standard
    styles print). BibLaTeX gets the EDTF ``date`` (``1950-02``, ``1950~`` for
    circa, ``195X``, ``1958-21`` for spring, ``1950/1953``, ``1950/`` for an
    open range), BibTeX ``year``/``month``/``day`` (a decade or a range as its
    years, ``1950--1959``, ``1950--`` when open; a season no month). The
    text is UTF-8.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> doc = Document(id="x", title="Notes on 50% & more", date=PartialDate(year=1950, month=2))
    >>> print(to_bibtex(doc, dialect="biblatex"))  # doctest: +NORMALIZE_WHITESPACE
    @unpublished{hppda-x,
      title   = {{Notes on 50\% \& more}},
      date    = {1950-02},
      archive = {History and Public Policy Program Digital Archive},
      note    = {History and Public Policy Program Digital Archive.}
    }
    """
    if dialect not in ("bibtex", "biblatex"):
        raise ValueError(f"dialect must be 'bibtex' or 'biblatex', not {dialect!r}")
    return "\n".join(_bib_entry(d, dialect) for d in as_documents(docs))
