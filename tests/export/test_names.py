"""Names for reference programs: family and given names from the person authority."""

from __future__ import annotations

import re
import unicodedata

import pytest

from sinosoviet_docs import people
from sinosoviet_docs.export import _names
from sinosoviet_docs.export._names import Creator, creator, creators, is_place, unsplit

#: Persons whose library heading spells the family name otherwise (ALA-LC romanization of
#: Russian, a peer's title) though it is the same name the derivation gives.
HEADING_SPELLS_OTHERWISE = {"vyshinsky", "yudin", "zimyanin", "montgomery"}


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_text.lower())


@pytest.mark.parametrize(
    ("name", "family", "given", "family_first"),
    [
        ("Joseph Stalin", "Stalin", "Joseph", False),
        ("Filippov [Stalin]", "Stalin", "Joseph", False),
        ("Mao Tse-tung", "Mao", "Zedong", True),
        ("Kim Il Sung", "Kim", "Il Sung", True),
        ("Ho Chi Minh", "Ho", "Chi Minh", True),
        ("Chiang Kai-shek", "Chiang", "Kai-shek", True),
        ("Pak Heon-yeong", "Pak", "Heon-yeong", True),
        ("R. Sh. Kudashev", "Kudashev", "R. Sh.", False),
        ("Teimuraz Stepanov-Mamaladze", "Stepanov-Mamaladze", "Teimuraz", False),
    ],
)
def test_family_and_given_follow_the_name_order(
    name: str, family: str, given: str, family_first: bool
) -> None:
    """Family first for Chinese, Korean and Vietnamese names, last otherwise."""
    assert Creator(family=family, given=given, family_first=family_first) == creator(name)


def test_every_heading_agrees_with_the_derived_family_name() -> None:
    """For every person with a library heading, the heading's family name is the one
    derived from the name order (up to romanization, for the persons listed)."""
    disagree = set()
    for person in people:
        found = creator(person.name)
        if person.heading is None or found is None or found.literal is not None:
            continue
        if _fold(person.heading.split(",")[0]) != _fold(found.family or ""):
            disagree.add(person.id)
    assert HEADING_SPELLS_OTHERWISE == disagree


def test_a_javanese_name_without_family_name_stays_whole() -> None:
    """Soekardjo Wiriopranoto (no inherited family name) is cited as written."""
    assert {"soekardjo": None} == _names.SPLIT_EXCEPTIONS
    found = creator("Soekardjo Wiriopranoto")
    assert found is not None
    assert {"literal": "Soekardjo Wiriopranoto"} == found.csl()


def test_csl_forms_render_family_first_without_comma() -> None:
    """A family-first name is one CSL family (no given to invert); a Western one is split."""
    found = [c.csl() for c in creators(["Mao Zedong", "Joseph Stalin", "CPSU Central Committee"])]
    expected = [
        {"family": "Mao Zedong"},
        {"family": "Stalin", "given": "Joseph"},
        {"literal": "CPSU Central Committee"},
    ]
    assert expected == found


def test_ris_and_bibtex_forms() -> None:
    """RIS: Family, Given (or the body whole); BibTeX: {Family}, Given (or braced whole)."""
    stalin, mao, body = creators(["Stalin", "Mao Zedong", "CPSU Central Committee"])
    assert ("Stalin, Joseph", "Mao, Zedong", "CPSU Central Committee") == (
        stalin.ris(),
        mao.ris(),
        body.ris(),
    )
    assert ("{Stalin}, Joseph", "{CPSU Central Committee}") == (
        stalin.bibtex(str),
        body.bibtex(str),
    )


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Moscow", True),
        ("Peking", True),
        ("Soviet Embassy in Beijing", False),
        ("Mao Zedong", False),
    ],
)
def test_a_place_is_no_creator(name: str, place: bool) -> None:
    """Only a name that is a place as a whole is a place, and a place is no creator."""
    assert (place, place) == (is_place(name), creator(name) is None)


def test_unsplit_undoes_only_what_the_writer_splits() -> None:
    """A split of a known person comes back as the authority's name; anything else as is."""
    assert ["Joseph Stalin", "Mao Zedong", "Orlov, Ivan", "CPSU Central Committee"] == [
        unsplit(v)
        for v in ("Stalin, Joseph", "Mao, Zedong", "Orlov, Ivan", "CPSU Central Committee")
    ]
