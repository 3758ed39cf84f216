"""The places authority: historical, foreign and romanized names of places."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Peking", "Beijing"),
        ("Port Arthur", "Lüshunkou"),
        ("Lüshun", "Lüshunkou"),
        ("Lushunkou", "Lüshunkou"),
        ("Dairen", "Dalian"),
        ("Dalny", "Dalian"),
        ("Mukden", "Shenyang"),
        ("Urumchi", "Ürümqi"),
        ("Tihwa", "Ürümqi"),
        ("Formosa", "Taiwan"),
        ("Northeast China", "Manchuria"),
        ("the Northeast", "Manchuria"),
        ("Damansky Island", "Zhenbao Island"),
        ("Noril’sk", "Norilsk"),
    ],
)
def test_place_variants_resolve(variant: str, canonical: str) -> None:
    """Historical, foreign and romanized place names resolve to today's name."""
    place = ssd.places.resolve(variant)
    assert place is not None
    assert canonical == place.name


def test_place_variants_list_every_name() -> None:
    """variants() of a place gives all its names, the canonical first."""
    assert ("Ürümqi", "Urumqi", "Urumchi", "Tihwa") == ssd.places.variants("Tihwa")[:4]


def test_places_mentions_in_a_text() -> None:
    """mentions() finds places in order, whatever name they go by."""
    found = ssd.places.mentions("From Peking to Port Arthur via Mukden")
    assert ["Beijing", "Lüshunkou", "Shenyang"] == [p.name for p in found]
