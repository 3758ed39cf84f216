"""The archive's words: each table agrees with the calendar and with itself."""

from __future__ import annotations

import calendar

from sinosoviet_docs._vocab import (
    ARCHIVE_NAME,
    ARCHIVE_NAMES,
    CREDIT_BY,
    CREDIT_STARTS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)


def test_month_names_are_the_calendars() -> None:
    """Full month names in order, as the calendar module spells them in English."""
    assert tuple(calendar.month_name[m] for m in range(1, 13)) == MONTH_NAMES


def test_every_month_word_names_its_month() -> None:
    """Full names, three-letter abbreviations and 'sept' give the month's number."""
    assert 24 == len(MONTHS)  # 12 names, 12 abbreviations and "sept", "may" being both
    assert all(MONTH_NAMES[n - 1].lower().startswith(w[:3]) for w, n in MONTHS.items())
    assert (9, 9, 5) == (MONTH_ABBREVIATIONS["sept"], MONTHS["september"], MONTHS["may"])


def test_weekday_words_match_datetime() -> None:
    """Each weekday word gives datetime's weekday number (Monday 0)."""
    assert tuple(calendar.day_name[d] for d in range(7)) == WEEKDAY_NAMES
    assert (0, 1, 3, 6) == (
        WEEKDAYS["monday"],
        WEEKDAYS["tues"],
        WEEKDAYS["thurs"],
        WEEKDAYS["sun"],
    )


def test_credit_and_archive_names() -> None:
    """The 'by' credits are credit starts; the archive's own name is one of its names."""
    assert CREDIT_BY == CREDIT_STARTS[: len(CREDIT_BY)]
    assert all(s.endswith(" by") for s in CREDIT_BY)
    assert ARCHIVE_NAME == ARCHIVE_NAMES[0]
