"""The records of the names authorities: code names, persons, places."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd


def test_bad_code_name_years_raise() -> None:
    """A code name's years must be 'YYYY' or 'YYYY/YYYY', first not after last."""
    with pytest.raises(ssd.AuthorityLoadError, match="1952/1948"):
        ssd.CodeName(name="X", years="1952/1948")


def test_real_names_leave_out_code_names() -> None:
    """A person's real names are name, spellings and misspellings; aliases add code names."""
    person = ssd.Person(
        id="p",
        name="Ivan Petrov",
        spellings=("I. Petrov",),
        misspellings=("Ivan Petorv",),
        code_names=(ssd.CodeName(name="Ivanov", years="1950"),),
    )
    assert ("Ivan Petrov", "I. Petrov", "Ivan Petorv") == person.real_names
    assert (*person.real_names, "Ivanov") == person.aliases


@pytest.mark.parametrize(
    ("alias", "code"), [("Ivanov", "Ivanov"), ("IVANOV", "Ivanov"), ("I. Petrov", None)]
)
def test_code_name_of_an_alias(alias: str, code: str | None) -> None:
    """code_name() gives the code name an alias is a form of, compared by name tokens."""
    person = ssd.Person(
        id="p",
        name="Ivan Petrov",
        spellings=("I. Petrov",),
        code_names=(ssd.CodeName(name="Ivanov", years="1950"),),
    )
    found = person.code_name(alias)
    assert code == (None if found is None else found.name)
