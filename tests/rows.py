"""Small catalogues written as 'title | source citation' rows, for the names tests."""

from __future__ import annotations

import sinosoviet_docs as ssd


def catalogue_of_rows(*rows: str) -> ssd.Catalogue:
    """Documents from 'title | source citation' rows (the citation is optional)."""
    docs = []
    for i, row in enumerate(rows):
        title, _, source = row.partition(" | ")
        docs.append(ssd.Document(id=f"d{i}", title=title, source=source or None))
    return ssd.Catalogue(documents=docs)


#: Messages and a conversation with known senders, recipients and citations.
CAT = catalogue_of_rows(
    "Cable, Filippov [Stalin] to Mao Zedong | APRF, f. 45, op. 1, d. 342, l. 78",
    "Telegram from Stalin to Mao Zedong via Kovalev",
    "Cable, Mao Zedong to Filippov (Stalin) | AVPRF, Fond 059a, Opis 5a, Delo 5",
    "Telegram from A. Mikoyan to the CPSU Central Committee",
    "Memorandum of Conversation between Stalin and Mao Zedong",
)
