"""Archive citations: "APRF, f. 45, op. 1, d. 342, l. 78" as typed references.

The archive prints a document's source in many forms: abbreviated
("f. 45, op. 1, d. 342, l. 78"), spelled ("Fond 45, Opis 1, Delo 340, List 82"),
translated ("Collection 52. Inventory 1. File 498. Sheets 43."), several
archives joined by ";" or "and", a Chinese Foreign Ministry file number
("PRC FMA 109-00834-01"), or a published source. :func:`parse_citation` reads
each part into an :class:`ArchivalReference`; a part it cannot read is kept
whole in ``raw`` with ``kind="other"`` — nothing is dropped. Credits
("Translated by ...") are split off first by :func:`split_credits`.

Russian archival terms: *fond* (collection), *opis'* (inventory), *delo*
(file), *papka* (folder), *list/listy* (sheet/sheets, "l."/"ll.").

>>> refs = parse_citation("APRF, f. 45, op. 1, d. 342, l. 78; "
...                       "AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80")
>>> [(r.archive, r.fond, r.opis, r.delo, r.papka, r.pages) for r in refs]
[('APRF', '45', '1', '342', None, '78'), ('AVPRF', '059a', '5a', '5', '11', '80')]
>>> split_credits("AP RF, f. 45, op. 1, d. 334, l. 141. Translated by Gary Goldberg.")
('AP RF, f. 45, op. 1, d. 334, l. 141.', ('Translated by Gary Goldberg.',))
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

import attrs

from ._text import compact
from .exceptions import ArgumentTypeError, UnknownArchiveError

if TYPE_CHECKING:
    from .models import Document

__all__ = [
    "ARCHIVES",
    "ArchivalReference",
    "ReferenceKind",
    "archive_code",
    "archives_of",
    "fonds_of",
    "parse_citation",
    "split_credits",
]

ReferenceKind = Literal["archive", "published", "other"]

#: Archive codes and their English names (the code is what ``ArchivalReference.archive`` holds).
ARCHIVES: dict[str, str] = {
    "APRF": "Archive of the President of the Russian Federation",
    "AVPRF": "Archive of Foreign Policy of the Russian Federation",
    "RGASPI": "Russian State Archive of Socio-Political History",
    "RTsKhIDNI": "Russian Centre for the Preservation and Study of Documents of Recent History",
    "RGANI": "Russian State Archive of Contemporary History",
    "TsKhSD": "Storage Centre for Contemporary Documentation",
    "GARF": "State Archive of the Russian Federation",
    "TsAMO": "Central Archive of the Ministry of Defence of the Russian Federation",
    "PRC FMA": "Archives of the Ministry of Foreign Affairs of the People's Republic of China",
}

# Every form in which an archive is named, mapped to its code (matched case-sensitively,
# longest first, on word boundaries).
_NAMES: dict[str, str] = {
    "APRF": "APRF",
    "AP RF": "APRF",
    "Archive of the President of the Russian Federation": "APRF",
    "Presidential Archive": "APRF",
    "AVPRF": "AVPRF",
    "AVP RF": "AVPRF",
    "Archive of Foreign Policy of the Russian Federation": "AVPRF",
    "Foreign Policy Archive of the Russian Federation": "AVPRF",
    "RGASPI": "RGASPI",
    "Russian State Archive of Socio-Political History": "RGASPI",
    "Russian State Archive of Social and Political History": "RGASPI",
    "RTsKhIDNI": "RTsKhIDNI",
    "RGANI": "RGANI",
    "Russian State Archive of Contemporary History": "RGANI",
    "TsKhSD": "TsKhSD",
    "Storage Center for Contemporary Documentation": "TsKhSD",
    "Storage Centre for Contemporary Documentation": "TsKhSD",
    "GARF": "GARF",
    "State Archive of the Russian Federation": "GARF",
    "TsAMO": "TsAMO",
    "TsAMO RF": "TsAMO",
    "Central Archive of the Ministry of Defence": "TsAMO",
    "Central Archive of the Ministry of Defense": "TsAMO",
    "PRC FMA": "PRC FMA",
    "FMA": "PRC FMA",
    "Chinese Foreign Ministry Archive": "PRC FMA",
    "Chinese Foreign Ministry Archives": "PRC FMA",
    "PRC Foreign Ministry Archive": "PRC FMA",
    "Archives of the Ministry of Foreign Affairs of the People's Republic of China": "PRC FMA",
}
_ARCHIVE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(n) for n in sorted(_NAMES, key=len, reverse=True))
    + r")(?![\w])"
)
_FOLDED = {compact(name): code for name, code in _NAMES.items()}


@attrs.frozen(kw_only=True)
class ArchivalReference:
    """One reference of a citation: an archive file, a published source, or raw text.

    ``archive`` is a code of :data:`ARCHIVES` ("APRF", "AVPRF", "PRC FMA" ...);
    ``fond``, ``opis``, ``delo``, ``papka`` and ``pages`` are kept as printed
    ("059a", "1-33", "0078"); ``file`` is a Chinese Foreign Ministry file
    number; ``volume`` a published volume; ``note`` what followed the
    reference ("copy in Volkogonov Collection ..."); ``raw`` the whole part.
    """

    raw: str
    kind: ReferenceKind = "other"
    archive: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    pages: str | None = None
    file: str | None = None
    volume: str | None = None
    note: str | None = None

    @property
    def shelfmark(self) -> str | None:
        """A short normal form: "APRF f. 45, op. 1, d. 342, l. 78"; ``None`` if not an archive file.

        >>> parse_citation("RGANI. Collection 52. Inventory 1. File 498. Sheets 43.")[0].shelfmark
        'RGANI f. 52, op. 1, d. 498, l. 43'
        """
        if self.kind != "archive" or self.archive is None:
            return None
        if self.file is not None:
            return f"{self.archive} {self.file}"
        parts = [
            f"{label} {value}"
            for label, value in (
                ("f.", self.fond),
                ("op.", self.opis),
                ("d.", self.delo),
                ("p.", self.papka),
                ("l.", self.pages),
            )
            if value is not None
        ]
        return f"{self.archive} {', '.join(parts)}" if parts else self.archive


def archive_code(name: str) -> str:
    """The code of an archive named in any known form ("AP RF" -> "APRF").

    Raises :class:`~sinosoviet_docs.UnknownArchiveError` (a LookupError) naming the known codes.

    >>> archive_code("AP RF"), archive_code("aprf"), archive_code("PRC Foreign Ministry Archive")
    ('APRF', 'APRF', 'PRC FMA')
    """
    code = _FOLDED.get(compact(name))
    if code is None:
        raise UnknownArchiveError(name, tuple(ARCHIVES))
    return code


# -- credits --------------------------------------------------------------------------------

_CREDIT = re.compile(
    r"(?:(?<=[.;,)\]])\s+|^)(?=(?:Translated|Translation|Contributed|Obtained|Transcribed|Edited)"
    r"\s+(?:by|from|for)\b)"
)


def split_credits(text: str) -> tuple[str, tuple[str, ...]]:
    """Split translator/contributor credits off a citation.

    Returns the citation without them (whitespace trimmed) and the credits,
    one per sentence, as printed.

    >>> split_credits("APRF, f. 52, op. 1, d. 499. Translated by A. B. Contributed by C. D.")
    ('APRF, f. 52, op. 1, d. 499.', ('Translated by A. B.', 'Contributed by C. D.'))
    >>> split_credits("No credits here")
    ('No credits here', ())
    """
    match = _CREDIT.search(text)
    if match is None:
        return text.strip(), ()
    head = text[: match.start()].strip()
    tail = text[match.start() :].strip()
    credits = [c.strip() for c in _CREDIT.split(tail) if c and c.strip()]
    return head, tuple(credits)


# -- references -----------------------------------------------------------------------------

_KEYS = {
    "f": "fond",
    "fond": "fond",
    "collection": "fond",
    "op": "opis",
    "opis": "opis",
    "inventory": "opis",
    "d": "delo",
    "delo": "delo",
    "file": "delo",
    "p": "papka",
    "papka": "papka",
    "folder": "papka",
    "l": "pages",
    "ll": "pages",
    "list": "pages",
    "listy": "pages",
    "sheet": "pages",
    "sheets": "pages",
}
_FIELD = re.compile(
    r"(?<![\w])(?P<key>f|op|d|p|ll?|[Ff]ond|[Oo]pis'?|[Dd]elo|[Pp]apka|[Ll]isty?|"
    r"Collection|Inventory|File|Folder|Sheets?)\.?\s+"
    r"(?P<value>\d[\w]*(?:\s*[-–]\s*\d[\w]*)?(?:,\s*\d[\w]*(?:\s*[-–]\s*\d[\w]*)?)*)"
)
_FMA_FILE = re.compile(r"(?<![\w-])(\d{3}-\d{5}-\d{2})(?![\w-])")
_VOLUME = re.compile(r"\b[Vv]ol(?:ume)?\.?\s+(\w+)")
_PUBLISHED = re.compile(
    r"\([^():]*:[^()]*\d{4}\)|\b[Vv]ol(?:ume)?\.?\s+\w+|\bno\.\s*\d+\s*\(\d{4}\)"
)
_PAGE_RANGE = re.compile(r"(\d+\s*[-–]\s*\d+)\s*\.?\s*$")
_FIRST_PAGES = re.compile(r"[),]\s*(\d+\s*[-–]\s*\d+)")
_SPLIT = re.compile(r";\s*(?:and\s+)?")


def _parts(text: str) -> list[str]:
    """Cut a citation at ";" and at "and" (or ", and") before another archive's name."""
    parts: list[str] = []
    for chunk in _SPLIT.split(text):
        start = 0
        for match in _ARCHIVE.finditer(chunk):
            if match.start() > start and _and_before(chunk, start, match.start()):
                before = chunk[start : match.start()]
                parts.append(re.sub(r",?\s*and\s+$", "", before).strip())
                start = match.start()
        parts.append(chunk[start:].strip())
    return [p for p in parts if p]


def _and_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with "and" and white space, after a comma or a space.

    Read backwards from ``end`` without copying the text, so that cutting a citation
    stays linear however many archive names it holds.
    """
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    if k == end or k - 3 <= start or text[k - 3 : k] != "and":
        return False
    before = text[k - 4]
    return before.isspace() or before == ","


def _archive_in(part: str) -> tuple[str | None, int]:
    match = _ARCHIVE.search(part)
    if match is None:
        return None, 0
    return _NAMES[match.group()], match.end()


def _reference(part: str) -> ArchivalReference:
    code, _after = _archive_in(part)
    fields: dict[str, str] = {}
    last_end = None
    for match in _FIELD.finditer(part):
        name = _KEYS[match.group("key").lower().rstrip("'")]
        if name in fields:
            break
        fields[name] = re.sub(r"\s*[-–]\s*", "-", match.group("value"))
        last_end = match.end()
    if code == "PRC FMA" or (code is None and _FMA_FILE.search(part) and "FMA" in part):
        found = _FMA_FILE.search(part)
        if found is not None:
            note = part[found.end() :].strip(" .,;") or None
            return ArchivalReference(
                raw=part, kind="archive", archive="PRC FMA", file=found.group(1), note=note
            )
    if code is not None and fields:
        note = part[last_end:].strip(" .,;") if last_end is not None else None
        return ArchivalReference(
            raw=part, kind="archive", archive=code, note=note or None, **fields
        )
    if _PUBLISHED.search(part) and code is None:
        volume = _VOLUME.search(part)
        pages = _FIRST_PAGES.search(part) or _PAGE_RANGE.search(part)
        return ArchivalReference(
            raw=part,
            kind="published",
            volume=None if volume is None else volume.group(1),
            pages=None if pages is None else re.sub(r"\s*[-–]\s*", "-", pages.group(1)),
        )
    if code is not None:
        return ArchivalReference(raw=part, kind="archive", archive=code)
    if len(fields) >= 2:  # "Fond 45, Opis 1, Delo 340": an archive file, archive not named
        note = part[last_end:].strip(" .,;") if last_end is not None else None
        return ArchivalReference(raw=part, kind="archive", note=note or None, **fields)
    return ArchivalReference(raw=part)


def parse_citation(text: str) -> tuple[ArchivalReference, ...]:
    """Read a source citation into references, one per archive file or publication.

    Credits are split off first (see :func:`split_credits`). A part that
    names no known archive and no publication is kept as a ``kind="other"``
    reference holding the text. An empty text gives ``()``; only a text that
    is not a ``str`` raises (:class:`~sinosoviet_docs.exceptions.ArgumentTypeError`).

    >>> text = "Archive of the President of the Russian Federation (APRF), f. 52, ll. 1-33"
    >>> [r.shelfmark for r in parse_citation(text)]
    ['APRF f. 52, l. 1-33']
    >>> parse_citation("PRC FMA 109-00834-01")[0].file
    '109-00834-01'
    >>> parse_citation("A letter in a private collection")[0].kind
    'other'
    """
    if not isinstance(text, str):
        raise ArgumentTypeError("text", "a str", text)
    citation, _credits = split_credits(text)
    if not citation:
        return ()
    parts = _parts(citation)
    # A publication is one reference even when its text holds commas and full stops.
    if not _ARCHIVE.search(citation) and _PUBLISHED.search(citation):
        return (_reference(citation.strip()),)
    return tuple(_reference(part) for part in parts)


def archives_of(doc: Document) -> tuple[str, ...]:
    """The archive codes a document's citation names, once each (a facet value).

    >>> from sinosoviet_docs import Document
    >>> archives_of(Document(id="x", title="T", source="APRF, f. 45; RGASPI, f. 558"))
    ('APRF', 'RGASPI')
    """
    return tuple(dict.fromkeys(r.archive for r in doc.archival_references if r.archive))


def fonds_of(doc: Document) -> tuple[str, ...]:
    """Archive and fond of each reference, as "APRF f. 45" (a facet value).

    >>> from sinosoviet_docs import Document
    >>> fonds_of(Document(id="x", title="T", source="APRF, Fond 45, Opis 1, Delo 340, List 82."))
    ('APRF f. 45',)
    """
    return tuple(
        dict.fromkeys(
            f"{r.archive} f. {r.fond}" for r in doc.archival_references if r.archive and r.fond
        )
    )
