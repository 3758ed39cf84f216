"""The RIS format's dates, both ways: ``DA  - YYYY/MM/DD/other``.

A part that is not known is empty (``1950/02//``), and a season and the
qualifiers "circa" and "uncertain" go after the last slash
(``1958///Spring, circa``). A date with no year of its own (a decade, a
century, a range) is its printed form after three empty parts
(``///1950s``, ``///1950–1953``, ``///1950–``). The writer
(:func:`~sinosoviet_docs.export.to_ris`) and the reader
(:func:`~sinosoviet_docs.loaders.load_ris`) share this one codec, so what
one writes the other reads back at the same precision.

>>> from sinosoviet_docs.dates import PartialDate
>>> format_date(PartialDate(year=1950, month=2, approximate=True))
'1950/02//circa'
>>> parse_date("1950/02//circa", record=1, line=3, source="<ris>")
PartialDate(year=1950, month=2, day=None, approximate=True, uncertain=False)
"""

from __future__ import annotations

from ._decode import whole_number
from .dates import DateRange, PartialDate, Season
from .dates import parse_date as _parse_printed
from .exceptions import DateParseError, RisParseError

__all__ = ["format_date", "parse_date"]


_SEASON_WORDS: tuple[Season, ...] = ("spring", "summer", "autumn", "winter")


def format_date(date: PartialDate | DateRange) -> str:
    """``YYYY/MM/DD/other``, with the parts the date does not know left empty.

    A decade, a century or a range has no year of its own: it is written as
    the printed form after three empty parts.

    >>> from sinosoviet_docs.dates import PartialDate
    >>> format_date(PartialDate(year=1950))
    '1950///'
    >>> format_date(PartialDate(year=1950, month=2, day=14, approximate=True, uncertain=True))
    '1950/02/14/circa, uncertain'
    >>> format_date(PartialDate(year=1958, season="spring"))
    '1958///Spring'
    >>> format_date(PartialDate(year=1950, span="decade"))
    '///1950s'
    >>> format_date(DateRange(start=PartialDate(year=1950)))
    '///1950–'
    """
    if isinstance(date, DateRange) or date.span is not None:
        return "///" + date.display()
    month = "" if date.month is None else f"{date.month:02d}"
    day = "" if date.day is None else f"{date.day:02d}"
    words = (
        (None if date.season is None else date.season.capitalize(), True),
        ("circa", date.approximate),
        ("uncertain", date.uncertain),
    )
    other = ", ".join(word for word, flag in words if flag and word is not None)
    return f"{date.year:04d}/{month}/{day}/{other}"


def parse_date(value: str, *, record: int, line: int, source: str) -> PartialDate | DateRange:
    """The date of a ``DA`` (or ``PY``) value; empty or zero parts are unknown.

    A value without a slash is read as a plain date ("1958"); one with no
    year, month or day as the printed date after the slashes ("///1950s",
    "///1950–1953"), and a season word after the slashes sets the season
    ("1958///Spring"). Anything else
    raises :class:`~sinosoviet_docs.exceptions.RisParseError` at ``record``
    and ``line`` of ``source``.

    >>> parse_date("1944/05/19/", record=1, line=2, source="<ris>")
    PartialDate(year=1944, month=5, day=19, approximate=False, uncertain=False)
    >>> parse_date("1958/00/00/", record=1, line=2, source="<ris>").precision
    'year'
    >>> str(parse_date("///1950–1953", record=1, line=2, source="<ris>"))
    '1950/1953'
    """
    parts = value.split("/")
    if len(parts) == 1:
        try:
            return PartialDate.parse(value)
        except DateParseError:
            raise RisParseError(
                f"a date as YYYY/MM/DD/ or YYYY, not {value!r}",
                record=record,
                line=line,
                source=source,
            ) from None
    if len(parts) > 3 and not any(part.strip() for part in parts[:3]):
        return _printed(value, "/".join(parts[3:]), record=record, line=line, source=source)
    numbers: list[int] = []
    for part in parts[:3]:
        part = part.strip()
        if not part or part.strip("0") == "":
            break
        number = whole_number(part)
        if number is None:
            raise RisParseError(
                f"a date as YYYY/MM/DD/ with numeric parts, not {value!r}",
                record=record,
                line=line,
                source=source,
            )
        numbers.append(number)
    if not numbers:
        raise RisParseError(
            f"a date with at least a year, not {value!r}", record=record, line=line, source=source
        )
    other = parts[3].lower() if len(parts) > 3 else ""
    seasons = [word for word in _SEASON_WORDS if word in other]
    try:
        return PartialDate(
            year=numbers[0],
            month=numbers[1] if len(numbers) > 1 else None,
            day=numbers[2] if len(numbers) > 2 else None,
            approximate="circa" in other or "approx" in other,
            uncertain="uncertain" in other,
            season=seasons[0] if len(seasons) == 1 else None,
        )
    except DateParseError as exc:
        raise RisParseError(
            f"a real date ({exc.reason}), not {value!r}", record=record, line=line, source=source
        ) from None


def _printed(
    value: str, printed: str, *, record: int, line: int, source: str
) -> PartialDate | DateRange:
    """The printed date after a ``DA`` value's three empty parts."""
    try:
        date = _parse_printed(printed)
    except DateParseError as exc:
        raise RisParseError(
            f"a date after ///, not {value!r} ({exc.reason})",
            record=record,
            line=line,
            source=source,
        ) from None
    if date is None:
        raise RisParseError(
            f"a date with at least a year, not {value!r}", record=record, line=line, source=source
        )
    return date
