"""Library-catalogue headings: read into parts, resolved in the person's order with agreeing dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.names import PeopleAuthority
from sinosoviet_docs.names._headings import Heading, read_heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stalin, Joseph, 1879-1953",
            Heading(family="Stalin", given="Joseph", born=1879, died=1953),
        ),
        ("Stalin, Joseph", Heading(family="Stalin", given="Joseph")),
        ("Gorbachev, Mikhail, 1931-", Heading(family="Gorbachev", given="Mikhail", born=1931)),
        ("Roe, Jane, d. 1950.", Heading(family="Roe", given="Jane", died=1950)),
        (
            "Kosygin, A. N. (Alekseĭ Nikolaevich), 1904-1980",
            Heading(
                family="Kosygin",
                given="A. N.",
                fuller="Alekseĭ Nikolaevich",
                born=1904,
                died=1980,
            ),
        ),
        ("Sukarno, 1901-1970", Heading(family="Sukarno", born=1901, died=1970)),
    ],
)
def test_a_heading_is_read_into_its_parts(text: str, expected: Heading) -> None:
    """Family, forenames, the fuller forenames in brackets, and the life dates in any LC form."""
    assert expected == read_heading(text)


@pytest.mark.parametrize(
    "text",
    ["Joseph Stalin", "Moscow, 1950", "Stalin, Joseph, -", "Cable, Stalin, to, Mao", "1950, 1951"],
)
def test_other_texts_are_no_headings(text: str) -> None:
    """A name without a comma, a place and a year, a lone dash, too many parts: no heading."""
    assert read_heading(text) is None


@pytest.mark.parametrize(
    ("heading", "canonical"),
    [
        ("Stalin, Joseph, 1879-1953", "Joseph Stalin"),
        ("Stalin, Joseph, 1878-1953", "Joseph Stalin"),
        ("Stalin, Iosif Vissarionovich, 1879-1953", "Joseph Stalin"),
        ("Stalin, I. V.", "Joseph Stalin"),
        ("Chou, En-lai, 1898-1976", "Zhou Enlai"),
        ("Zhou, Enlai, 1898-1976", "Zhou Enlai"),
        ("Mao, Tse-tung", "Mao Zedong"),
        ("Khrushchev, Nikita Sergeevich, 1894-1971", "Nikita Khrushchev"),
        ("Kosygin, A. N. (Aleksei Nikolaevich), 1904-1980", "Aleksei Kosygin"),
        ("Petrov, Apollon, 1907-1949", "Apollon Petrov"),
        ("Kuznetsov, F. F.", "Fyodor Kuznetsov"),
        ("Kuznetsov, 1904-1979", "Fyodor Kuznetsov"),
    ],
)
def test_headings_in_any_form_resolve(heading: str, canonical: str) -> None:
    """Other printed dates, Wade-Giles or pinyin, patronymics, initials: the person."""
    person = ssd.people.resolve(heading)
    assert person is not None
    assert canonical == person.name


@pytest.mark.parametrize(
    "heading",
    [
        "Stalin, Joseph, 1880-1953",
        "Stalin, Joseph, 1879-1952",
        "Chou, En-lai, 1898-1975",
        "Stalin, Joseph Petrovich",
        "Orlov, Ivan",
        "Enlai, Zhou",
    ],
)
def test_a_heading_that_contradicts_the_person_names_nobody(heading: str) -> None:
    """Dates the sources never print, forenames that are not theirs, the order reversed."""
    assert ssd.people.resolve(heading) is None


def test_printed_years_come_from_the_file_strictly(tmp_path: Path) -> None:
    """born_printed and died_printed are lists of years; other dates of the person resolve."""
    path = tmp_path / "people.json"
    person = {"id": "r", "name": "Ivan Roe", "born": 1901, "born_printed": [1903], "died": 1993}
    path.write_text(json.dumps({"people": [person]}), encoding="utf-8")
    own = PeopleAuthority(path=path)
    assert ((1901, 1903), (1993,)) == (own["r"].birth_years, own["r"].death_years)
    assert [True, True, False] == [
        own.resolve(f"Roe, Ivan, {born}-1993") is not None for born in (1901, 1903, 1902)
    ]
    path.write_text(json.dumps({"people": [{**person, "born_printed": ["1903"]}]}), "utf-8")
    with pytest.raises(ssd.AuthorityLoadError, match=r"born_printed: expected a list of years"):
        len(PeopleAuthority(path=path))


def test_stalins_birth_is_printed_1878_and_1879() -> None:
    """The bundled data holds both years the sources print for Stalin's birth."""
    assert (1878, 1879) == ssd.people["stalin"].birth_years


def test_person_facet_counts_a_heading_as_its_person() -> None:
    """A name and a heading with other dates in documents' people are one person in facets."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="x", people=("Joseph Stalin",)),
            ssd.Document(id="b", title="y", people=("Stalin, Joseph, 1879-1953",)),
        ]
    )
    assert {"Joseph Stalin": 2} == cat.query().facets("person")
