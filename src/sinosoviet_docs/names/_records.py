"""The records of the names authorities: persons, their code names, places, and the files.

The data files ``data/people.json`` and ``data/places.json`` are read into
:class:`PeopleFile` and :class:`PlacesFile` by the library's cattrs
converter (``_convert``), strictly: an unknown key is an error.
"""

from __future__ import annotations

import re
from typing import Literal, Union

import attrs

from .._text import name_tokens
from ..dates import DateRange, PartialDate, years_of
from ..exceptions import AuthorityLoadError

__all__ = ["CodeName", "DateContext", "PeopleFile", "Person", "Place", "PlacesFile", "check_years"]

#: The date a name is read at: a document's date, ``None`` for an undated
#: document (code names do not count there), or ``"any"`` when no document is
#: in view (code names count whatever their years).
DateContext = Union[PartialDate, DateRange, None, Literal["any"]]  # noqa: UP007 - a runtime alias for 3.10

_YEARS = re.compile(r"(\d{4})(?:/(\d{4}))?")


def check_years(value: str | None) -> None:
    """Raise :class:`AuthorityLoadError` unless ``value`` is ``None``, "YYYY" or "YYYY/YYYY".

    >>> check_years("1948/1952")
    >>> check_years("1952/1948")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.AuthorityLoadError: code-name years must be ..., not '1952/1948'
    """
    match = None if value is None else _YEARS.fullmatch(value)
    if value is not None and (match is None or int(match[2] or match[1]) < int(match[1])):
        raise AuthorityLoadError(f"code-name years must be 'YYYY' or 'YYYY/YYYY', not {value!r}")


def _valid_years(_self: object, _attr: object, value: str | None) -> None:
    check_years(value)


@attrs.frozen(kw_only=True)
class CodeName:
    """A name someone signed or was addressed by in cables, and when.

    ``years`` is a year or year range ("1947", "1948/1952"): the years in
    which this material shows the code name in use. A code name stands for
    its person only in documents dated in those years (see :meth:`in_use`).

    >>> c = CodeName(name="Filippov", years="1948/1952")
    >>> c.span, c.in_use(PartialDate(year=1950)), c.in_use(PartialDate(year=1965)), c.in_use(None)
    ((1948, 1952), True, False, False)

    A code name borrowed from a real person may be written as that person's
    name ("F. Kuznetsov", whom Stalin's code name Kuznetsov was named after).
    Such ``addressed_as`` forms are no aliases: they stand for the code name
    only in the years of use, and only in a text that also names one of its
    ``correspondents`` (person ids), the people who wrote to the code name so.
    """

    name: str
    years: str | None = attrs.field(default=None, validator=_valid_years)
    spellings: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    addressed_as: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    note: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The code name with its spellings and misspellings."""
        return (self.name, *self.spellings, *self.misspellings)

    @property
    def span(self) -> tuple[int, int] | None:
        """The first and last year of use, or ``None`` when the years are not known."""
        match = None if self.years is None else _YEARS.fullmatch(self.years)
        if match is None:
            return None
        return int(match[1]), int(match[2] or match[1])

    def in_use(self, date: DateContext) -> bool:
        """Whether the code name stands for its person in a document of this date.

        ``"any"``: always; ``None`` (undated) or unknown years: never.
        """
        if isinstance(date, str):
            return True
        span, years = self.span, years_of(date)
        return years is not None and span is not None and span[0] <= years[0] <= years[1] <= span[1]


@attrs.frozen(kw_only=True)
class Person:
    """One person of the authority: canonical name, LC-style heading, every spelling.

    ``aliases`` holds every form that resolves to this person, the canonical
    name first: spellings in several romanizations and scripts, misprints
    seen in titles, and code names with their spellings.

    ``born`` and ``died`` are the years the authority holds; ``born_printed``
    and ``died_printed`` every other year sources print for them (Stalin's
    birth is printed 1878 and 1879), which :attr:`birth_years` and
    :attr:`death_years` add.

    >>> p = Person(id="s", name="Joseph Stalin", born=1878, born_printed=(1879,), died=1953)
    >>> p.birth_years, p.death_years
    ((1878, 1879), (1953,))
    """

    id: str
    name: str
    heading: str | None = None
    born: int | None = None
    died: int | None = None
    born_printed: tuple[int, ...] = ()
    died_printed: tuple[int, ...] = ()
    spellings: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    code_names: tuple[CodeName, ...] = ()
    roles: tuple[str, ...] = ()
    family_first: bool = False
    family: tuple[str, ...] = ()
    sources: str | None = None

    @property
    def birth_years(self) -> tuple[int, ...]:
        """Every year sources print for the birth, ``born`` first; ``()`` when unknown."""
        return _years(self.born, self.born_printed)

    @property
    def death_years(self) -> tuple[int, ...]:
        """Every year sources print for the death, ``died`` first; ``()`` when unknown."""
        return _years(self.died, self.died_printed)

    @property
    def real_names(self) -> tuple[str, ...]:
        """The forms of the person's own name (no code names): name, spellings, misspellings."""
        return (self.name, *self.spellings, *self.misspellings)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every form of this person's name, the canonical name first, without repeats."""
        forms = [*self.real_names]
        for code in self.code_names:
            forms.extend(code.forms)
        return tuple(dict.fromkeys(forms))

    def code_name(self, alias: str) -> CodeName | None:
        """The code name of which ``alias`` is a form, or ``None`` when it is a real name."""
        key = name_tokens(alias)
        if any(name_tokens(f) == key for f in self.real_names):
            return None
        for code in self.code_names:
            if any(name_tokens(f) == key for f in code.forms):
                return code
        return None


def _years(held: int | None, printed: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(dict.fromkeys((*(() if held is None else (held,)), *printed)))


@attrs.frozen(kw_only=True)
class Place:
    """One place: canonical (current standard) name, kind, and every variant."""

    id: str
    name: str
    kind: str | None = None
    within: str | None = None
    heading: str | None = None
    spellings: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every form of this place's name, the canonical name first, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.spellings)))


@attrs.frozen(kw_only=True)
class PeopleFile:
    """The content of a people file: the persons and where their facts come from.

    ``shared_family_names`` are family names that several persons of the
    material bear, the authority not all of them: such a name alone names nobody.
    """

    people: tuple[Person, ...]
    sources: str | None = None
    shared_family_names: tuple[str, ...] = ()
    shared_family_names_note: str | None = None


@attrs.frozen(kw_only=True)
class PlacesFile:
    """The content of a places file: the places and where their facts come from."""

    places: tuple[Place, ...]
    sources: str | None = None
