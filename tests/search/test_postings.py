"""The text index's storage: counts, impacts and the fields of each document."""

from __future__ import annotations

import sinosoviet_docs as ssd

from .brute import Brute


def test_a_word_repeated_hundreds_of_times_scores_exactly() -> None:
    """A count too large for the packed postings is kept apart and scored exactly."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="many", title="x", summary="taiwan " * 300),
            ssd.Document(id="one", title="taiwan strait"),
            ssd.Document(id="none", title="mao"),
        ]
    )
    assert Brute(cat).ranked("taiwan") == cat.search("taiwan", aliases=False).scores()
