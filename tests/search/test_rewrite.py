"""Names in a search: aliases as synonyms, code names only in their years."""

from __future__ import annotations

import datetime
import json
from importlib.resources import files

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs._search.rewrite import name_expansion
from sinosoviet_docs._text import tokenize


def test_alias_finds_the_person_under_another_name() -> None:
    """With the name authority a search for Filippov also finds Stalin."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Telegram from Stalin to Mao Zedong"),
            ssd.Document(id="b", title="Telegram from Filippov to Mao Zedong"),
            ssd.Document(id="c", title="Telegram from Zhou Enlai"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("Filippov").ids())
    assert ["b"] == cat.search("Filippov", aliases=False).ids()


def test_search_ranks_the_name_as_typed_above_its_aliases(bundled: ssd.Catalogue) -> None:
    """search('filippov') puts every document titled with Filippov before Stalin-only ones."""
    titled = [d.id for d in bundled if "filippov" in tokenize(d.title)]
    first = bundled.search("filippov").ids()[: len(titled)]
    assert sorted(titled) == sorted(first)


def _code_name_catalogue() -> ssd.Catalogue:
    """The review's examples: code names out of their years, qualified, ambiguous, glossed."""

    def doc(id: str, title: str, year: int | None) -> ssd.Document:
        return ssd.Document(
            id=id, title=title, date=None if year is None else ssd.PartialDate(year=year)
        )

    return ssd.Catalogue(
        documents=[
            doc("semenov-1965", "Conversation with Vladimir Semenov on Germany", 1965),
            doc("v-semenov-1952", "Talk with Vladimir Semenov on Germany", 1952),
            doc("kuznetsov-1968", "Letter from Fyodor Kuznetsov to Kosygin", 1968),
            doc("filippov-1950", "Telegram, Filippov [Stalin] to Mao Zedong", 1950),
            doc("kuznetsov-1947", "Cable, Stalin [Kuznetsov] to Mao Zedong", 1947),
            doc("semenov-1952", "Telegram, Semenov to Zhou Enlai", 1952),
            doc("filippov-undated", "Telegram, Filippov to Mao Zedong", None),
            doc("filippov-1960", "Filippov on the Economy", 1960),
        ]
    )


STALIN_DOCS = ["filippov-1950", "kuznetsov-1947", "semenov-1952"]


def test_search_for_stalin_respects_code_name_years() -> None:
    """search('stalin') leaves out (Vladimir) Semenov, Kuznetsov 1968, Filippov outside its years."""
    assert sorted(STALIN_DOCS) == sorted(_code_name_catalogue().search("stalin").ids())


def test_involving_stalin_respects_code_name_years() -> None:
    """involving('Stalin') keeps Filippov [Stalin] 1950, Stalin [Kuznetsov] 1947, Semenov 1952."""
    assert sorted(STALIN_DOCS) == sorted(_code_name_catalogue().query().involving("Stalin").ids())


def test_person_facets_respect_code_name_years() -> None:
    """facets('person') counts only the three Stalin documents as Joseph Stalin."""
    facets = _code_name_catalogue().query().facets("person")
    assert 3 == facets["Joseph Stalin"]
    assert 1 == facets["Fyodor Kuznetsov"]


def test_ambiguous_code_name_is_not_expanded() -> None:
    """search('kuznetsov') finds only the word: the name is ambiguous, so no alias is added."""
    found = sorted(_code_name_catalogue().search("kuznetsov").ids())
    assert ["kuznetsov-1947", "kuznetsov-1968"] == found


def test_a_code_name_counts_in_a_range_only_within_its_years() -> None:
    """Filippov (1948-1952) is Stalin in a document of 1949-1951, not of 1950-1955 or 1950-."""
    dates = ["1949/1951", "1950/1955", "1950/..", "../1951"]
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id=f"d{i}", title="Telegram from Filippov", date=ssd.DateRange.parse(d))
            for i, d in enumerate(dates)
        ]
    )
    assert ["d0"] == cat.query().involving("Stalin").ids()
    assert ["d0"] == cat.search("Stalin").ids()
    found = (cat[f"d{i}"].correspondence for i in range(len(dates)))
    senders = [c.senders for c in found if c is not None]
    assert [("Joseph Stalin",), ("Filippov",), ("Filippov",), ("Filippov",)] == senders


def test_a_name_filter_says_how_its_name_was_read() -> None:
    """The expansion a plan shows: the person, their other names (not the typed one again),
    code names with their years; an unknown name is compared as printed."""
    text = name_expansion("Filippov")
    assert text.startswith("'Filippov' names Joseph Stalin; also as Stalin, ")
    assert "code names only in their years: filippov (1948-1952)" in text
    assert "semenov (1952-1953)" in text
    assert "'CPSU Central Committee' is compared as printed" in name_expansion(
        "CPSU Central Committee"
    )


def _code_names_from_the_data_file() -> list[tuple[str, str, int, int]]:
    """(typed name, code name, first year, last year) of every code name in people.json that
    no other person's name, spelling or code name shares, read from the file itself."""
    data = json.loads((files("sinosoviet_docs") / "data" / "people.json").read_text("utf-8"))
    holders: dict[str, set[str]] = {}
    for person in data["people"]:
        forms = [person["name"], *person["spellings"], *person.get("misspellings", [])]
        for code in person.get("code_names", []):
            forms += [code["name"], *code["spellings"], *code.get("misspellings", [])]
        for form in forms:
            for word in form.casefold().split():
                holders.setdefault(word, set()).add(person["id"])
    out = []
    for person in data["people"]:
        for code in person.get("code_names", []):
            first, _, last = code["years"].partition("/")
            words = code["name"].casefold().split()
            if all(holders[w] == {person["id"]} for w in words):
                out.append((person["name"], code["name"], int(first), int(last or first)))
    return out


CODE_NAMES = _code_names_from_the_data_file()


def test_the_data_file_has_unshared_code_names() -> None:
    assert len(CODE_NAMES) >= 3


@pytest.mark.parametrize(("typed", "code", "first", "last"), CODE_NAMES)
def test_code_name_counts_from_the_first_day_to_the_last_day_of_its_years(
    typed: str, code: str, first: int, last: int
) -> None:
    """A search for a person finds a title under their code name dated on the first and
    the last day of the code name's years, and not a day outside them."""
    dates = {
        "before": datetime.date(first - 1, 12, 31),
        "first": datetime.date(first, 1, 1),
        "last": datetime.date(last, 12, 31),
        "after": datetime.date(last + 1, 1, 1),
    }
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(
                id=key, title=f"Telegram, {code} to the Embassy", date=ssd.PartialDate.from_date(d)
            )
            for key, d in dates.items()
        ]
    )
    assert ["first", "last"] == sorted(cat.search(f'"{typed}"').ids())
    assert ["first", "last"] == sorted(cat.query().involving(typed).ids())
