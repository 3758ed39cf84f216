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
  (optional extras, imported only when called), with exploded tables
  document × person, place and topic.

Every function takes one :class:`~sinosoviet_docs.Document` or any iterable of
them: a list, a :class:`~sinosoviet_docs.Catalogue`, or a query.

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

import importlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from ._ris import format_date
from .exceptions import MissingExtraError
from .models import ARCHIVE_URL, Document

if TYPE_CHECKING:
    from .query import Timeline

__all__ = [
    "ARCHIVE_NAME",
    "COLUMNS",
    "FORMATS",
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

#: The name under which the archive asks to be cited.
ARCHIVE_NAME = "History and Public Policy Program Digital Archive"

CitationStyle = Literal["note", "bibliography"]
ExportFormat = Literal["csl-json", "bibtex", "biblatex", "ris", "csv", "jsonl"]
#: The formats :func:`export` writes, as named on the command line.
FORMATS: tuple[str, ...] = get_args(ExportFormat)
Table = Literal["documents", "people", "places", "topics"]

#: The columns of :func:`to_records`, :func:`to_csv`, :func:`to_jsonl` and the
#: documents table of :func:`to_dataframe` / :func:`to_arrow`, in this order.
#: Fields holding several values are joined with ``"; "``; a value no source
#: gave is ``None`` (an empty CSV cell).
COLUMNS: tuple[str, ...] = (
    "id",
    "record_id",
    "title",
    "date",
    "date_display",
    "date_precision",
    "date_earliest",
    "date_latest",
    "type",
    "languages",
    "authors",
    "people",
    "places",
    "topics",
    "source",
    "original_archive",
    "credits",
    "collections",
    "url",
    "citation",
    "rights",
    "classification",
    "uploaded",
    "donors",
    "contributors",
    "summary",
    "text",
)

_JOIN = "; "
_Docs = Document | Iterable[Document]


def _documents(docs: _Docs) -> list[Document]:
    if isinstance(docs, Document):
        return [docs]
    return list(docs)


# -- the parts every format shares ---------------------------------------------------------


def stable_url(doc: Document) -> str | None:
    """The address to cite: ``/document/<record id>`` on the archive, else ``doc.url``.

    >>> stable_url(Document(id="x", title="T", record_id=112088))
    'https://digitalarchive.wilsoncenter.org/document/112088'
    >>> stable_url(Document(id="x", title="T")) is None
    True
    """
    if doc.record_id is not None:
        return f"{ARCHIVE_URL}/document/{doc.record_id}"
    return doc.url


def _split_credits(text: str) -> tuple[str, tuple[str, ...]]:
    """The archive citation and its credits ("Translated by ...")."""
    from .citations import split_credits

    return split_credits(text)


def _with_final_stop(text: str) -> str:
    """Text ending in a full stop (or the ? or ! it already ends with)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _without_final_stop(text: str) -> str:
    """``text`` without the full stop that ends its sentence, keeping an abbreviation's.

    >>> _without_final_stop("APRF, f. 45, op. 1, d. 342, l. 78.")
    'APRF, f. 45, op. 1, d. 342, l. 78'
    >>> _without_final_stop("Library of Congress, Washington, D.C.")
    'Library of Congress, Washington, D.C.'
    """
    if text.endswith(".") and re.search(_ABBREVIATION_AT_END, text) is None:
        return text[:-1].rstrip()
    return text


# A short word or an initial right before the final stop ("D.C.", "ed.", "Jr.").
_ABBREVIATION_AT_END = r"(?:^|[\s.(])[A-Za-z]{1,3}\.$"


def _location_and_credits(doc: Document) -> tuple[str | None, tuple[str, ...]]:
    """Where the original is held (the source citation) and the credit lines."""
    location: str | None = None
    credits: list[str] = []
    if doc.source:
        location, found = _split_credits(doc.source)
        location = _without_final_stop(location.strip()) or None
        credits.extend(c.strip() for c in found if c.strip())
    elif doc.original_archive:
        location = _without_final_stop(doc.original_archive.strip()) or None
    extra = (doc.credits or "").strip()
    if extra and extra.rstrip(".") not in (doc.source or ""):
        credits.append(extra)
    return location, tuple(credits)


# Regular expressions are kept as strings (compiled and cached by `re` on first use), so
# that importing the package stays cheap.
_TRANSLATED_BY = r"(?i)translated (?:from [A-Za-z]+ )?by (.+?)\.?$"


def _translators(credits: Sequence[str]) -> tuple[str, ...]:
    """Names in "Translated by A and B" credit lines."""
    names: list[str] = []
    for credit in credits:
        match = re.search(_TRANSLATED_BY, credit.strip())
        if match:
            names.extend(n.strip() for n in re.split(r",? and |, ", match[1]) if n.strip())
    return tuple(names)


# A double quote at the start or after a space or bracket opens; any other closes.
_OPENING_QUOTE = r'(?:^|(?<=[\s(\[]))["“]'


def _quoted(title: str, closing: str) -> str:
    """The title in curly quotes with ``closing`` punctuation inside (Chicago style)."""
    inner = re.sub(_OPENING_QUOTE, "‘", title.strip())
    inner = inner.replace('"', "’").replace("”", "’")
    if inner.endswith((".", "?", "!")):
        return f"“{inner}”"
    return f"“{inner}{closing}”"


# -- citations -----------------------------------------------------------------------------


def cite(doc: Document, style: CitationStyle = "note") -> str:
    """A Chicago-style citation of one document, in the archive's recommended pattern.

    ``style="note"`` gives the footnote form (parts joined by commas),
    ``style="bibliography"`` the bibliography form (parts ended by full stops).
    The date is printed at its precision ("February 1950" stays a month); a
    part that is not known is left out, never written as "None".

    >>> from sinosoviet_docs.dates import PartialDate
    >>> doc = Document(id="x", title="Telegram, Mao Zedong to Stalin",
    ...                date=PartialDate(year=1950, month=2))
    >>> print(cite(doc))
    “Telegram, Mao Zedong to Stalin,” February 1950, History and Public Policy Program
    Digital Archive.
    >>> print(cite(doc, style="bibliography"))
    “Telegram, Mao Zedong to Stalin.” February 1950. History and Public Policy Program
    Digital Archive.
    """
    if style not in ("note", "bibliography"):
        raise ValueError(f"style must be 'note' or 'bibliography', not {style!r}")
    location, credits = _location_and_credits(doc)
    holding = ARCHIVE_NAME if location is None else f"{ARCHIVE_NAME}, {location}"
    if style == "note":
        head = _quoted(doc.title, ",")
        middle = [doc.date.display()] if doc.date is not None else []
        body = ", ".join([*middle, holding])
        parts = [f"{head} {_with_final_stop(body)}"]
    else:
        head = _quoted(doc.title, ".")
        parts = [head]
        if doc.date is not None:
            parts.append(_with_final_stop(doc.date.display()))
        parts.append(_with_final_stop(holding))
    parts.extend(_with_final_stop(c) for c in credits)
    url = stable_url(doc)
    if url:
        parts.append(url)
    return " ".join(parts)


def citation_key(doc: Document) -> str:
    """A BibTeX key that depends on the document alone, so it is the same in every export.

    ``hppda<record id>`` when the record id is known, else the document's id
    (made safe for BibTeX, with a short hash of the id when anything had to change).

    >>> citation_key(Document(id="112088", title="T", record_id=112088))
    'hppda112088'
    >>> citation_key(Document(id="1952-12-27-telegram-from-stalin", title="T"))
    'hppda-1952-12-27-telegram-from-stalin'
    """
    if doc.record_id is not None:
        return f"hppda{doc.record_id}"
    safe = re.sub(r"[^A-Za-z0-9_.:-]+", "-", doc.id).strip("-")
    if safe != doc.id or not safe:
        import hashlib

        digest = hashlib.sha1(doc.id.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe[:60]}-{digest}" if safe else digest
    return f"hppda-{safe}"


# -- CSL-JSON ------------------------------------------------------------------------------


def _correspondents(doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(senders, recipients) when the title says who wrote to whom."""
    corr = doc.correspondence
    if corr is None:
        return (), ()
    return corr.senders, corr.recipients


def _csl_names(names: Iterable[str]) -> list[dict[str, str]]:
    return [{"literal": name} for name in names]


def csl_item(doc: Document) -> dict[str, Any]:
    """One CSL-JSON item (a dict) for a document, as Zotero, pandoc and citeproc read it.

    The type is ``personal_communication`` (CSL's letter type; Zotero reads it
    as a Letter) with a ``recipient`` when the document's correspondence is
    known and has recipients, else ``manuscript``. The date
    becomes ``date-parts`` with as many parts as are known and ``circa`` when
    it is approximate. ``archive`` is the Digital Archive, ``archive_location``
    the archive citation of the original.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> item = csl_item(Document(id="x", title="Note", date=PartialDate.parse("circa 1958")))
    >>> item["type"], item["issued"]
    ('manuscript', {'date-parts': [[1958]], 'circa': True})
    """
    senders, recipients = _correspondents(doc)
    location, credits = _location_and_credits(doc)
    item: dict[str, Any] = {
        "id": doc.id,
        "type": "personal_communication" if recipients else "manuscript",
        "title": doc.title,
        "archive": ARCHIVE_NAME,
        "source": ARCHIVE_NAME,
        "publisher": "Wilson Center",
    }
    authors = doc.authors or senders
    if authors:
        item["author"] = _csl_names(authors)
    if recipients:
        item["recipient"] = _csl_names(recipients)
    translators = _translators(credits)
    if translators:
        item["translator"] = _csl_names(translators)
    if doc.date is not None:
        date = doc.date
        parts = [p for p in (date.year, date.month, date.day) if p is not None]
        issued: dict[str, Any] = {"date-parts": [parts]}
        if date.approximate:
            issued["circa"] = True
        item["issued"] = issued
    if location:
        item["archive_location"] = location
    if doc.original_archive:
        item["archive_collection"] = doc.original_archive
    if doc.type:
        item["genre"] = doc.type
    if doc.languages:
        item["language"] = ", ".join(doc.languages)
    if doc.topics:
        item["keyword"] = ", ".join(doc.topics)
    if doc.summary:
        item["abstract"] = doc.summary
    if doc.record_id is not None:
        item["number"] = str(doc.record_id)
    notes = list(credits)
    if doc.date is not None and doc.date.uncertain:
        notes.append(f"Date uncertain: {doc.date.display()}")
    if notes:
        item["note"] = "\n".join(notes)
    url = stable_url(doc)
    if url:
        item["URL"] = url
    return item


def to_csl_json(docs: _Docs, *, indent: int | None = 2) -> str:
    """CSL-JSON text: a JSON array of :func:`csl_item` items (for Zotero, pandoc, citeproc).

    >>> import json, sinosoviet_docs as ssd
    >>> items = json.loads(to_csl_json(ssd.load()["112088"]))
    >>> items[0]["archive_location"][:48]
    'Archive of the President of the Russian Federati'
    """
    return json.dumps([csl_item(d) for d in _documents(docs)], ensure_ascii=False, indent=indent)


# -- BibTeX and BibLaTeX -------------------------------------------------------------------

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
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


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
    # Each name braced whole: BibTeX must not split "Mao Zedong" into given and family names.
    return " and ".join("{" + latex_escape(name) + "}" for name in names)


def _bib_entry(doc: Document, dialect: Literal["bibtex", "biblatex"]) -> str:
    senders, recipients = _correspondents(doc)
    location, credits = _location_and_credits(doc)
    fields: list[tuple[str, str]] = []
    authors = doc.authors or senders
    if authors:
        fields.append(("author", _bib_names(authors)))
    fields.append(("title", "{" + latex_escape(doc.title) + "}"))
    date = doc.date
    if date is not None:
        if dialect == "biblatex":
            fields.append(("date", str(date)))
        else:
            fields.append(("year", f"{date.year:04d}"))
            if date.month is not None:
                fields.append(("month", _MONTHS[date.month - 1]))
            if date.day is not None:
                fields.append(("day", str(date.day)))
    if doc.type:
        fields.append(("type", latex_escape(doc.type)))
    fields.append(("archive", latex_escape(ARCHIVE_NAME)))
    if location:
        fields.append(("archive_location", latex_escape(location)))
    if recipients:
        fields.append(("recipient", _bib_names(recipients)))
    translators = _translators(credits)
    if translators:
        fields.append(("translator", _bib_names(translators)))
    if doc.languages:
        fields.append(("language", latex_escape(", ".join(doc.languages))))
    if doc.topics:
        fields.append(("keywords", latex_escape(", ".join(doc.topics))))
    # The note carries what standard styles print: date as printed, archive, location, credits.
    note = [ARCHIVE_NAME if location is None else f"{ARCHIVE_NAME}, {location}"]
    if date is not None and (date.approximate or date.uncertain or dialect == "bibtex"):
        note.insert(0, date.display())
    text_note = ". ".join(n.rstrip(".") for n in [*note, *credits]) + "."
    fields.append(("note", latex_escape(text_note)))
    url = stable_url(doc)
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

    Keys come from :func:`citation_key`; special characters are escaped; the
    archive and the location in it are kept (``archive``, ``archive_location``,
    and in the ``note`` that standard styles print). BibLaTeX gets the EDTF
    ``date`` (``1950-02``, ``1950~`` for circa), BibTeX ``year``/``month``/``day``.
    The text is UTF-8.

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
    return "\n".join(_bib_entry(d, dialect) for d in _documents(docs))


# -- RIS -----------------------------------------------------------------------------------


def _ris_value(text: str) -> str:
    """One line: RIS has no escaping, so line breaks become spaces."""
    return " ".join(text.split())


def _ris_record(doc: Document) -> str:
    senders, recipients = _correspondents(doc)
    location, credits = _location_and_credits(doc)
    lines: list[tuple[str, str]] = [("TY", "MANSCPT"), ("ID", doc.id), ("TI", doc.title)]
    lines.extend(("AU", name) for name in doc.authors or senders)
    lines.extend(("A2", name) for name in recipients)
    lines.extend(("A4", name) for name in _translators(credits))
    if doc.date is not None:
        lines.append(("PY", f"{doc.date.year:04d}"))
        lines.append(("DA", format_date(doc.date)))
    if doc.type:
        lines.append(("M3", doc.type))
    lines.append(("DB", ARCHIVE_NAME))
    if location:
        lines.append(("AN", location))
    if doc.original_archive:
        lines.append(("CY", doc.original_archive))
    lines.extend(("LA", lang) for lang in doc.languages)
    lines.extend(("KW", topic) for topic in doc.topics)
    if doc.summary:
        lines.append(("AB", doc.summary))
    lines.extend(("N1", credit) for credit in credits)
    url = stable_url(doc)
    if url:
        lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_value(value)}".rstrip() + "\n" for tag, value in lines)


def to_ris(docs: _Docs) -> str:
    """RIS text, one ``TY  - MANSCPT`` record a document, as Zotero and EndNote import it.

    Tags: ``TI`` title, ``AU`` authors (or senders), ``A2`` recipients, ``A4``
    translators, ``PY`` year, ``DA`` date as ``YYYY/MM/DD/`` with unknown parts
    empty and "circa"/"uncertain" after the last slash, ``M3`` type, ``DB`` the
    archive, ``AN`` the location in it, ``CY`` the original archive, ``LA``,
    ``KW``, ``AB``, ``N1`` credits, ``UR`` the stable address, ``ID`` the
    document id. Line breaks inside values become spaces.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> print(to_ris(Document(id="x", title="A Note", date=PartialDate(year=1950, month=2))))
    TY  - MANSCPT
    ID  - x
    TI  - A Note
    PY  - 1950
    DA  - 1950/02//
    DB  - History and Public Policy Program Digital Archive
    ER  -
    <BLANKLINE>
    """
    return "\n".join(_ris_record(d) for d in _documents(docs))


# -- flat records, CSV and JSON Lines ------------------------------------------------------


def _joined(values: Sequence[str]) -> str | None:
    return _JOIN.join(values) if values else None


def _record(doc: Document) -> dict[str, Any]:
    date = doc.date
    return {
        "id": doc.id,
        "record_id": doc.record_id,
        "title": doc.title,
        "date": None if date is None else str(date),
        "date_display": None if date is None else date.display(),
        "date_precision": None if date is None else date.precision,
        "date_earliest": None if date is None else date.earliest.isoformat(),
        "date_latest": None if date is None else date.latest.isoformat(),
        "type": doc.type,
        "languages": _joined(doc.languages),
        "authors": _joined(doc.authors),
        "people": _joined(doc.people),
        "places": _joined(doc.places),
        "topics": _joined(doc.topics),
        "source": doc.source,
        "original_archive": doc.original_archive,
        "credits": doc.credits,
        "collections": _joined(doc.collections),
        "url": stable_url(doc),
        "citation": cite(doc),
        "rights": doc.rights,
        "classification": doc.classification,
        "uploaded": None if doc.uploaded is None else str(doc.uploaded),
        "donors": _joined(doc.donors),
        "contributors": _joined(doc.contributors),
        "summary": doc.summary,
        "text": doc.text,
    }


def to_records(docs: _Docs) -> list[dict[str, Any]]:
    """One flat dict a document with the keys of :data:`COLUMNS` (no extra needed).

    Values are ``str``, ``int`` or ``None``: dates in EDTF (``date``), as
    printed (``date_display``) and as ISO bounds (``date_earliest``,
    ``date_latest``); several values joined by ``"; "``; ``url`` the stable
    address; ``citation`` the :func:`cite` note.

    >>> import sinosoviet_docs as ssd
    >>> row = to_records(ssd.load()["112088"])[0]
    >>> row["date"], row["date_display"], row["date_earliest"], row["type"]
    ('1959-10-02', 'October 2, 1959', '1959-10-02', None)
    """
    return [_record(d) for d in _documents(docs)]


def to_csv(docs: _Docs) -> str:
    """CSV text with a header row of :data:`COLUMNS` (RFC 4180 quoting, ``\\r\\n`` lines)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(to_records(docs))
    return buffer.getvalue()


def to_jsonl(docs: _Docs) -> str:
    """JSON Lines: one :func:`to_records` object a line, keys in :data:`COLUMNS` order."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_records(docs))


# -- files ---------------------------------------------------------------------------------

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
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
    text = writer(_documents(docs))
    if path is not None:
        from .io import write_atomically

        write_atomically(Path(path), [text])
    return text


# -- dataframes and Arrow (optional extras) ------------------------------------------------


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, extra) from None


_EXPLODED: dict[str, tuple[str, Callable[[Document], tuple[str, ...]]]] = {
    "people": ("person", lambda d: d.people),
    "places": ("place", lambda d: d.places),
    "topics": ("topic", lambda d: d.topics),
}


def _table_rows(docs: list[Document], table: Table) -> tuple[list[str], list[dict[str, Any]]]:
    """Column names and rows of one table."""
    if table == "documents":
        return list(COLUMNS), to_records(docs)
    if table not in _EXPLODED:
        raise ValueError(
            f"unknown table {table!r}; expected 'documents', 'people', 'places' or 'topics'"
        )
    column, values = _EXPLODED[table]
    rows = [
        {"document_id": d.id, "position": position, column: value}
        for d in docs
        for position, value in enumerate(values(d), start=1)
    ]
    return ["document_id", "position", column], rows


def to_dataframe(docs: _Docs, table: Table = "documents") -> Any:
    """A pandas DataFrame: the documents (columns :data:`COLUMNS`) or an exploded table.

    ``table="people"`` (``"places"``, ``"topics"``) gives one row per document
    and person with columns ``document_id``, ``position`` (1-based, in the
    document's order) and ``person`` (``place``, ``topic``). In the documents
    table ``date_earliest`` and ``date_latest`` are datetimes and ``record_id``
    a nullable integer. Needs ``pip install 'sinosoviet-docs[pandas]'``.
    """
    pd = _require("pandas", "pandas")
    columns, rows = _table_rows(_documents(docs), table)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    if table == "documents":
        for name in ("date_earliest", "date_latest"):
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        frame["record_id"] = frame["record_id"].astype("Int64")
    else:
        frame["position"] = frame["position"].astype("int64")
    return frame


def _arrow_schema(pa: Any, table: Table) -> Any:
    if table == "documents":
        types = {"record_id": pa.int64(), "date_earliest": pa.date32(), "date_latest": pa.date32()}
        return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
    column = _EXPLODED[table][0]
    return pa.schema(
        [("document_id", pa.string()), ("position", pa.int32()), (column, pa.string())]
    )


def to_arrow(docs: _Docs, table: Table = "documents") -> Any:
    """A pyarrow Table with the columns of :func:`to_dataframe` (dates as ``date32``).

    DuckDB, Polars and Spark read it as it is. Needs
    ``pip install 'sinosoviet-docs[arrow]'``.
    """
    pa = _require("pyarrow", "arrow")
    import datetime

    columns, rows = _table_rows(_documents(docs), table)
    schema = _arrow_schema(pa, table)
    data: dict[str, list[Any]] = {name: [row[name] for row in rows] for name in columns}
    if table == "documents":
        for name in ("date_earliest", "date_latest"):
            data[name] = [None if v is None else datetime.date.fromisoformat(v) for v in data[name]]
    return pa.Table.from_pydict(data, schema=schema)


def to_parquet(docs: _Docs, path: str | os.PathLike[str], table: Table = "documents") -> Any:
    """Write :func:`to_arrow`'s table to a Parquet file and return the table.

    Needs ``pip install 'sinosoviet-docs[arrow]'``.
    """
    arrow_table = to_arrow(docs, table)
    parquet = _require("pyarrow.parquet", "arrow")
    parquet.write_table(arrow_table, os.fspath(path))
    return arrow_table


# -- plots (optional extra) ----------------------------------------------------------------


def plot_timeline(timeline: Timeline, ax: Any = None) -> Any:
    """A bar chart of a :class:`~sinosoviet_docs.query.Timeline` with matplotlib; the Axes.

    Documents dated too coarsely for the unit, and undated ones, are not
    drawn; the chart's title says how many there are. Needs
    ``pip install 'sinosoviet-docs[plot]'``.
    """
    plt = _require("matplotlib.pyplot", "plot")
    if ax is None:
        _figure, ax = plt.subplots(figsize=(max(4.0, 0.3 * len(timeline.periods)), 3.0))
    labels = [label for label, _ in timeline.periods]
    ax.bar(range(len(labels)), [count for _, count in timeline.periods])
    crowded = timeline.unit == "month" or len(labels) > 8
    ax.set_xticks(range(len(labels)), labels, rotation=90 if crowded else 0)
    ax.set_ylabel("documents")
    apart = []
    if timeline.too_coarse:
        apart.append(f"{len(timeline.too_coarse)} dated only to the year")
    if timeline.undated:
        apart.append(f"{len(timeline.undated)} undated")
    title = f"documents per {timeline.unit}"
    ax.set_title(f"{title} (not shown: {', '.join(apart)})" if apart else title)
    return ax
