"""Lines and blocks of a capture, and the small values read from one line.

A capture is read as numbered lines: Windows and old Mac line ends become
``\\n``, non-breaking spaces spaces, and trailing spaces go. A *block* is a
run of non-blank lines. The one-line values are the listing date of an entry
("July 5, 1950") and a search page's result counter ("1 - 20 of 345").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._decode import whole_number
from ..._vocab import MONTH_ABBREVIATIONS, MONTHS
from ...dates import PartialDate
from ...exceptions import DateParseError

__all__ = [
    "CHROME",
    "FUNDING",
    "POPULAR",
    "SKIP",
    "Line",
    "blocks",
    "counts_up",
    "has_bullet_entries",
    "has_dash_entries",
    "is_funding",
    "join",
    "listing_date",
    "result_counter",
    "split_lines",
    "stripped",
]

SKIP = "Skip to content"
POPULAR = "Popular Documents"
#: Lines of site chrome: menus, widget labels, empty image frames.
CHROME = frozenset(
    {
        SKIP,
        "Search in",
        "ADD SEARCH FILTER CANCEL SEARCH FILTER",
        "Digital Archive International History Declassified",
        "No image found.",
    }
)
# Month words of listing dates: full names, abbreviations with or without a full stop.
_MONTH_WORDS = frozenset({*MONTHS, *(word + "." for word in MONTH_ABBREVIATIONS)})

Line = tuple[int, str]  # (1-based line number, text without trailing spaces)


def split_lines(text: str) -> list[Line]:
    """The numbered lines of a capture, line ends and non-breaking spaces made plain.

    >>> split_lines("a\\r\\nb\\xa0 \\rc")
    [(1, 'a'), (2, 'b'), (3, 'c')]
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return [(n, line.rstrip()) for n, line in enumerate(text.split("\n"), start=1)]


def blocks(lines: Sequence[Line], breaks: frozenset[str] = frozenset()) -> list[Line]:
    """Runs of non-blank lines, each as (first line number, lines joined by newlines).

    A line in ``breaks`` (a heading, a marker) is a block of its own even
    without blank lines around it.
    """
    found: list[Line] = []
    start = 0
    current: list[str] = []
    for number, line in lines:
        text = line.strip()
        if text in breaks:
            if current:
                found.append((start, "\n".join(current)))
                current = []
            found.append((number, text))
        elif text:
            if not current:
                start = number
            current.append(text)
        elif current:
            found.append((start, "\n".join(current)))
            current = []
    if current:
        found.append((start, "\n".join(current)))
    return found


def stripped(lines: Sequence[Line]) -> list[Line]:
    """The non-blank lines, stripped."""
    return [(n, t.strip()) for n, t in lines if t.strip()]


def join(a: str | None, b: str | None) -> str | None:
    """Two optional paragraphs as one text (a blank line between), else None."""
    parts = [p for p in (a, b) if p]
    return "\n\n".join(parts) or None


def listing_date(text: str) -> PartialDate | None:
    """The date of an entry line ("July 5, 1950", "December, 1959", "1958"), else None.

    Only the archive's listing forms are accepted, checked by shape first, so
    that titles and summaries are never taken for dates.

    >>> str(listing_date("Sept. 3, 1958")), listing_date("1958 was a year")
    ('1958-09-03', None)
    """
    words = text.split()
    if not words or len(words) > 3 or len(text) > 40:
        return None
    year = words[-1]
    if len(year) != 4 or whole_number(year) is None:
        return None
    if len(words) > 1 and words[0].lower().rstrip(",") not in _MONTH_WORDS:
        return None
    if len(words) == 3 and whole_number(words[1].rstrip(",")) is None:
        return None
    try:
        return PartialDate.parse(text)
    except DateParseError:
        return None


def result_counter(text: str) -> tuple[int, int, int] | None:
    """``(first, last, total)`` from "1 - 20 of 345" (commas, en dashes allowed), else None.

    >>> result_counter("21 – 40 of 1,345"), result_counter("one of many")
    ((21, 40, 1345), None)

    The shape only: whether the numbers count up is for the reader to check
    (:func:`counts_up`).
    """
    head, sep, total = text.partition(" of ")
    if not sep:
        return None
    for dash in (" - ", " – ", "-", "–"):
        first, found, last = head.partition(dash)
        if found:
            break
    else:
        return None
    numbers = [whole_number(p.strip().replace(",", "")) for p in (first, last, total)]
    a, b, c = numbers
    if a is None or b is None or c is None:
        return None
    return a, b, c


#: How a document page's funding line begins; the rest names the donors.
FUNDING = "This document was made possible with support from "


def is_funding(text: str) -> bool:
    """Whether a line is a document page's funding line (never a title)."""
    return text.startswith(FUNDING)


def counts_up(counter: tuple[int, int, int]) -> bool:
    """Whether a counter's numbers can be a page of results: first ≤ last ≤ total.

    >>> counts_up((21, 40, 1345)), counts_up((20, 1, 5))
    (True, False)
    """
    first, last, total = counter
    return 1 <= first <= last <= total


def has_bullet_entries(items: Sequence[Line]) -> bool:
    """Old-site bullet rendering: some line is '• <date>'."""
    return any(t.startswith("•") and listing_date(t[1:].strip()) for _, t in items)


def has_dash_entries(items: Sequence[Line]) -> bool:
    """Old-site dash rendering: some '-' line is followed by a date line."""
    return any(
        t == "-" and i + 1 < len(items) and listing_date(items[i + 1][1])
        for i, (_, t) in enumerate(items)
    )
