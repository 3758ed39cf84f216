"""The words the archive prints, each table written once: months, weekdays, credits, its name.

Dates, page captures, RIS files, citations and exports all recognise these
words; they read them from here so that a spelling added once is known
everywhere.

>>> MONTHS["sept"], MONTHS["dec"], MONTH_NAMES[8]
(9, 12, 'September')
>>> WEEKDAYS["thurs"], WEEKDAY_NAMES[3]
(3, 'Thursday')
"""

from __future__ import annotations

__all__ = [
    "ARCHIVE_NAME",
    "ARCHIVE_NAMES",
    "CREDIT_BY",
    "CREDIT_STARTS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Lower-case abbreviations -> month number: the first three letters, and "sept".
MONTH_ABBREVIATIONS: dict[str, int] = {
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
#: Lower-case full names and abbreviations -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBREVIATIONS = (
    ("mon",),
    ("tue", "tues"),
    ("wed",),
    ("thu", "thur", "thurs"),
    ("fri",),
    ("sat",),
    ("sun",),
)
#: Lower-case weekday names and abbreviations -> ``datetime.date.weekday()`` (Monday is 0).
WEEKDAYS: dict[str, int] = {
    word: number
    for number, (name, short) in enumerate(zip(WEEKDAY_NAMES, _WEEKDAY_ABBREVIATIONS, strict=True))
    for word in (name.lower(), *short)
}

#: Credit lines that name a person: "Translated by ...", "Obtained by ...".
CREDIT_BY = ("Translated by", "Obtained by", "Contributed by", "Edited by")
#: Every opening of a credit line, the "by" forms and "Transcribed ...", "Translation ...".
CREDIT_STARTS = (*CREDIT_BY, "Transcribed", "Translation")

#: The archive's own name, as its citations print it.
ARCHIVE_NAME = "History and Public Policy Program Digital Archive"
#: Every name the archive goes by in citations and RIS files.
ARCHIVE_NAMES = (ARCHIVE_NAME, "Wilson Center Digital Archive", "Digital Archive")
