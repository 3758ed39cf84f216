"""RIS files: what Zotero exports for items from the archive, and what the archive serves.

A record runs from ``TY  - <type>`` to ``ER  -``; each line is a two-character
tag, two spaces (one is tolerated), a hyphen, a space and the value. A line
that is not a tag line continues the value before it. Any record type is read
(``MANSCPT``, ``GEN``, ``LETTER``, ``PCOMM`` ...); tags follow Zotero's RIS
mapping for manuscripts and letters:

=============  ====================================================
tag            field
=============  ====================================================
TI, T1, CT     ``title`` (BT for a manuscript when no TI is given)
AU, A1         ``authors``; a person written ``Family, Given`` as the writer
               does comes back under the authority's name ("Stalin, Joseph":
               "Joseph Stalin"), any other name as it is
A2             ``people`` (Zotero: a letter's recipient; noted in provenance)
A4             ``contributors`` (Zotero: translator)
DA             ``date``: ``YYYY/MM/DD/other`` with empty or zero parts unknown
               (``1958``, ``1950/02//``, ``1944/05/19``); ``circa`` or
               ``uncertain`` in the last part set the qualifiers and a
               season word the season (``1958///Spring``); with no year,
               month or day the last part is the printed date
               (``///1950s``, ``///1950–1953``, ``///1950–``)
PY, Y1         ``date`` when there is no DA (year)
AB, N2         ``summary``
M3             ``type`` (Zotero: manuscript type / letter type)
LA             ``languages`` (one a line or separated by ``;``)
KW             ``topics`` (one a line or separated by ``;``), e.g.
               "China--Foreign relations--Soviet Union"
UR             ``url``; ``/document/<n>`` gives the record id
AN             ``source`` (Zotero: archive location, the source citation)
DB             the archive (Zotero: archive); a name other than the Digital
               Archive's own is the ``original_archive``
CY             ``original_archive`` when DB names the Digital Archive (as the
               archive's own RIS and this library's writer use it), else ``places``
CR             ``rights``
N1             ``credits`` when it reads "Translated by ...", "Obtained by ...",
               "Contributed by ..."; other notes go to the provenance note
Y2             provenance ``retrieved`` (Zotero: access date)
ID             the document ``id`` when there is no record id
=============  ====================================================

Every other tag, and a second value of a single-valued tag (a second ``TI``), is
kept as ``TAG: value`` in the record's provenance note:
nothing is dropped. A malformed file raises
:class:`~sinosoviet_docs.exceptions.RisParseError` (a ValueError) naming the
record number and the line.

>>> cat = loads_ris('''TY  - MANSCPT
... TI  - Letter from A to B
... DA  - 1944/05/19/
... KW  - China--Foreign relations--Soviet Union
... ER  - ''')
>>> doc = cat.documents[0]
>>> doc.title, str(doc.date), doc.topics
('Letter from A to B', '1944-05-19', ('China--Foreign relations--Soviet Union',))
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .. import _urls
from .._decode import TextProblem, check_text
from .._ris import parse_date as _ris_date
from .._vocab import ARCHIVE_NAMES, CREDIT_BY
from ..dates import DateRange, PartialDate
from ..exceptions import ArgumentTypeError, RisParseError
from ..models import Catalogue, CatalogueInfo, Document, Provenance
from ._input import read_text

__all__ = ["load_ris", "loads_ris"]

_DIGITAL_ARCHIVE_NAMES = frozenset(name.lower() for name in ARCHIVE_NAMES)
# A note is a credit when it opens with one of these verbs ("Translated from Russian by").
_CREDIT_STARTS = tuple(start.partition(" ")[0].lower() for start in CREDIT_BY)


def _tag_line(line: str) -> tuple[str, str] | None:
    """``(tag, value)`` of a tag line ("XX  - value", "XX - value", "ER  -"), else None."""
    if len(line) < 5:
        return None
    tag = line[:2]
    if not (tag[0].isascii() and tag[0].isupper() and tag[1].isascii() and tag[1].isalnum()):
        return None
    if tag[1].islower():
        return None
    rest = line[2:]
    if rest.startswith("  -"):
        value = rest[3:]
    elif rest.startswith(" -"):
        value = rest[2:]
    else:
        return None
    if value and not value.startswith(" "):
        return None
    return tag, value[1:] if value else ""


def _split_list(values: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for piece in value.replace("\n", ";").split(";"):
            if piece.strip():
                out.append(piece.strip())
    return tuple(dict.fromkeys(out))


def _document(
    fields: list[tuple[str, str, int]], kind: str, *, record: int, start: int, source: str
) -> Document:
    values: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    first_seen: dict[tuple[str, str], int] = {}  # (tag, value) -> position of its first line
    for position, (tag, value, number) in enumerate(fields):
        values.setdefault(tag, []).append(value.strip())
        lines.setdefault(tag, number)
        first_seen.setdefault((tag, value.strip()), position)

    def first(*tags: str) -> str | None:
        for tag in tags:
            for value in values.get(tag, ()):
                if value:
                    return value
        return None

    def every(*tags: str) -> list[str]:
        return [v for tag in tags for v in values.get(tag, ()) if v]

    title = first("TI", "T1", "CT") or (first("BT") if kind == "MANSCPT" else None)
    if title is None:
        raise RisParseError(
            "a title (TI or T1) in the record", record=record, line=start, source=source
        )
    date: PartialDate | DateRange | None = None
    printed: list[str] = []
    for tag in ("DA", "PY", "Y1"):
        raw = first(tag)
        if raw is None:
            continue
        parsed = _ris_date(raw, record=record, line=lines[tag], source=source)
        printed.append(raw)
        if date is None:
            date = parsed
    notes: list[str] = []
    url = first("UR")
    archive = first("DB")
    is_digital_archive = archive is not None and archive.lower() in _DIGITAL_ARCHIVE_NAMES
    original_archive: str | None = None
    places = every("CY")
    if archive is not None and not is_digital_archive:
        original_archive = archive
    elif archive is not None:
        notes.append(f"DB: {archive}")
        original_archive = first("CY")
        places = []
    credits: list[str] = []
    for note in every("N1"):
        if note.lower().startswith(_CREDIT_STARTS):
            credits.append(note)
        else:
            notes.append(f"N1: {note}")
    from ..export._names import unsplit

    recipients = [unsplit(name) for name in every("A2")]
    if recipients:
        notes.append("A2 (recipients): " + "; ".join(recipients))
    known = {
        "TY", "ER", "TI", "T1", "CT", "BT", "AU", "A1", "A2", "A4", "DA", "PY", "Y1", "AB",
        "N2", "M3", "LA", "KW", "UR", "AN", "DB", "CY", "CR", "N1", "Y2", "ID",
    }  # fmt: skip
    for tag, value, _number in fields:
        if tag not in known and value.strip():
            notes.append(f"{tag}: {value.strip()}")
    # Single-valued tags: a second, different value is kept in the note, not dropped.
    chosen: list[tuple[tuple[str, ...], str | None]] = [
        (("TI", "T1", "CT", "BT"), title),
        (("DA",), first("DA")),
        (("PY",), first("PY")),
        (("Y1",), first("Y1")),
        (("AB", "N2"), first("AB", "N2")),
        (("M3",), first("M3")),
        (("UR",), url),
        (("AN",), first("AN")),
        (("DB",), archive),
        (("CR",), first("CR")),
        (("Y2",), first("Y2")),
        (("ID",), first("ID")),
    ]
    if is_digital_archive:
        chosen.append((("CY",), original_archive))
    for tags, kept in chosen:
        for extra in dict.fromkeys(v for v in every(*tags) if v != kept):
            tag = min(
                (t for t in tags if (t, extra) in first_seen), key=lambda t: first_seen[t, extra]
            )
            notes.append(f"{tag}: {extra}")
    if kind != "MANSCPT":
        notes.insert(0, f"RIS type {kind}")
    record_id = _urls.record_id(url)
    given_id = first("ID")
    return Document(
        id=given_id
        if record_id is None and given_id
        else Document.make_id(title=title, date=date, record_id=record_id),
        title=title,
        record_id=record_id,
        date=date,
        dates_printed=tuple(dict.fromkeys(printed)),
        summary=first("AB", "N2"),
        type=first("M3"),
        languages=_split_list(every("LA")),
        authors=tuple(dict.fromkeys(unsplit(name) for name in every("AU", "A1"))),
        people=tuple(dict.fromkeys(recipients)),
        places=tuple(dict.fromkeys(places)),
        topics=_split_list(every("KW")),
        source=first("AN"),
        original_archive=original_archive,
        url=url,
        credits=" ".join(credits) or None,
        rights=first("CR"),
        contributors=tuple(dict.fromkeys(unsplit(name) for name in every("A4"))),
        provenance=(
            Provenance(
                source=f"{source} record {record} (line {start})",
                urls=(url,) if url else (),
                retrieved=first("Y2"),
                note="; ".join(notes) or None,
            ),
        ),
    )


def loads_ris(text: str, *, source: str = "<ris>") -> Catalogue:
    """A catalogue from RIS text (see the module documentation for the tags read).

    Records with the same id are merged (:func:`~sinosoviet_docs.merge`).

    >>> loads_ris("TY  - GEN\\nTI  - A\\n")
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.RisParseError: <ris>, record 1, line 1: expected 'ER  -' ...
    """
    from ..merging import merge_document_stream

    if not isinstance(text, str):
        raise ArgumentTypeError("text", "RIS text (str)", text)
    try:
        text = check_text(text)
    except TextProblem as exc:
        raise RisParseError(exc.at("character"), line=exc.line, source=source) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    docs: list[Document] = []
    record = 0
    kind: str | None = None
    start = 0
    fields: list[tuple[str, list[str], int]] = []  # (tag, value and continuation lines, line)
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip().replace("\xa0", " ")
        parsed = _tag_line(line) if line else None
        if kind is None:
            if not line.strip():
                continue
            if parsed is None or parsed[0] != "TY":
                raise RisParseError(
                    f"'TY  - <type>' starting record {record + 1}, found {line[:40]!r}",
                    record=record + 1,
                    line=number,
                    source=source,
                )
            record += 1
            kind = parsed[1].strip().upper() or "GEN"
            start = number
            fields = []
            continue
        if parsed is None:
            if not fields:
                if not line.strip():
                    continue
                raise RisParseError(
                    f"a tag line 'XX  - value', found {line[:40]!r}",
                    record=record,
                    line=number,
                    source=source,
                )
            if line.strip():
                fields[-1][1].append(line)
            continue
        tag, value = parsed
        if tag == "ER":
            joined = [(t, "\n".join(parts), at) for t, parts, at in fields]
            docs.append(_document(joined, kind, record=record, start=start, source=source))
            kind = None
        elif tag == "TY":
            raise RisParseError(
                "'ER  -' closing the record before the next 'TY'",
                record=record,
                line=number,
                source=source,
            )
        else:
            fields.append((tag, [value], number))
    if kind is not None:
        raise RisParseError("'ER  -' closing the record", record=record, line=start, source=source)
    return Catalogue(
        documents=merge_document_stream(docs),
        info=CatalogueInfo(title="Catalogue from RIS", sources=(f"{source}: {record} records",)),
    )


def load_ris(path: str | os.PathLike[str]) -> Catalogue:
    """A catalogue from a RIS file (UTF-8, with or without a byte order mark).

    Raises :class:`~sinosoviet_docs.exceptions.RisParseError` (a ValueError)
    with the record number and line of a malformed record, or with the line
    and byte offset of bytes that are not UTF-8.
    """
    name = str(path)

    def undecodable(problem: TextProblem) -> RisParseError:
        return RisParseError(problem.at(), line=problem.line, source=name)

    return loads_ris(read_text(path, undecodable), source=name)
