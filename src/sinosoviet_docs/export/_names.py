"""Names as reference programs read them: a person's family and given names, or a literal.

A name the person authority resolves is split into family and given names by
the authority's name order: family first for Chinese, Korean and Vietnamese
names ("Mao Zedong": family Mao, given Zedong), family last otherwise
("Joseph Stalin": family Stalin). :data:`SPLIT_EXCEPTIONS` holds the few
persons for whom that derivation is wrong. A name the authority does not know
(an institution, a name it cannot resolve) stays whole, and a name that is a
place is no creator at all.

>>> creator("Filippov [Stalin]")
Creator(family='Stalin', given='Joseph', family_first=False, literal=None)
>>> creator("CPSU Central Committee")
Creator(family=None, given=None, family_first=False, literal='CPSU Central Committee')
>>> creator("Moscow") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..exceptions import AmbiguousNameError

__all__ = [
    "SPLIT_EXCEPTIONS",
    "Creator",
    "creator",
    "creators",
    "is_place",
    "person_name",
    "unsplit",
]

#: Persons of the authority (by id) whose family and given names the name order
#: does not give. ``None``: the name has no family name, so it is cited whole.
#: Soekardjo Wiriopranoto is Javanese: Javanese names carry no inherited family
#: name, so neither part is a surname to invert.
SPLIT_EXCEPTIONS: dict[str, tuple[str, str] | None] = {
    "soekardjo": None,
}


@attrs.frozen
class Creator:
    """One creator of a document: family and given names, or a literal name kept whole."""

    family: str | None = None
    given: str | None = None
    #: Whether the family name comes first when the name is written out (Mao Zedong).
    family_first: bool = False
    literal: str | None = None

    @property
    def display(self) -> str:
        """The name as written in running text ("Joseph Stalin", "Mao Zedong").

        >>> Creator(family="Mao", given="Zedong", family_first=True).display
        'Mao Zedong'
        """
        if self.literal is not None:
            return self.literal
        parts = (self.family, self.given) if self.family_first else (self.given, self.family)
        return " ".join(p for p in parts if p)

    def csl(self) -> dict[str, str]:
        """The CSL-JSON name: family and given, or ``literal``.

        A family-first name goes out as one ``family`` ("Mao Zedong"): citeproc-js
        and pandoc then both print it in that order with no comma, in notes and
        bibliographies alike, and sort it under the family name (pandoc ignores
        CSL's ``static-ordering``).

        >>> Creator(family="Stalin", given="Joseph").csl()
        {'family': 'Stalin', 'given': 'Joseph'}
        >>> Creator(family="Mao", given="Zedong", family_first=True).csl()
        {'family': 'Mao Zedong'}
        """
        if self.literal is not None:
            return {"literal": self.literal}
        if self.family_first:
            return {"family": self.display}
        name = {"family": self.family or ""}
        if self.given:
            name["given"] = self.given
        return name

    def ris(self) -> str:
        """The RIS name: ``Family, Given`` (Zotero's split), or the literal as it is.

        >>> Creator(family="Mao", given="Zedong", family_first=True).ris()
        'Mao, Zedong'
        """
        if self.literal is not None:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family or ""

    def bibtex(self, escape: Callable[[str], str]) -> str:
        """The BibTeX name ``{Family}, Given``, or the literal braced whole.

        >>> Creator(family="Stalin", given="Joseph").bibtex(str)
        '{Stalin}, Joseph'
        >>> Creator(literal="CPSU Central Committee").bibtex(str)
        '{CPSU Central Committee}'
        """
        if self.literal is not None:
            return "{" + escape(self.literal) + "}"
        family = "{" + escape(self.family or "") + "}"
        return f"{family}, {escape(self.given)}" if self.given else family


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def is_place(name: str) -> bool:
    """Whether ``name`` is, as a whole, a place of the places authority ("Moscow").

    >>> is_place("Moscow"), is_place("Soviet Embassy in Beijing")
    (True, False)
    """
    from ..names import places

    try:
        place = places.resolve(name)
    except AmbiguousNameError:
        return False
    if place is None:
        return False
    return _words(name) in {_words(form) for form in place.aliases}


def _split(name: str, family_first: bool) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return name, ""
    if family_first:
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


def person_name(name: str) -> Any:
    """The authority's person for ``name``, or ``None`` (unknown or ambiguous)."""
    from ..names import people

    try:
        return people.resolve(name)
    except AmbiguousNameError:
        return None


def creator(name: str) -> Creator | None:
    """The creator a name gives: split when the authority knows the person, ``None`` for a place.

    >>> creator("Mao Tse-tung")
    Creator(family='Mao', given='Zedong', family_first=True, literal=None)
    >>> creator("Jane Roe").csl()
    {'literal': 'Jane Roe'}
    """
    name = " ".join(name.split())
    person = person_name(name)
    if person is None:
        return None if is_place(name) else Creator(literal=name)
    if person.id in SPLIT_EXCEPTIONS:
        known = SPLIT_EXCEPTIONS[person.id]
        if known is None:
            return Creator(literal=person.name)
        return Creator(family=known[0], given=known[1], family_first=person.family_first)
    family, given = _split(person.name, person.family_first)
    return Creator(family=family, given=given or None, family_first=person.family_first)


def creators(names: Iterable[str]) -> tuple[Creator, ...]:
    """The creators of several names, in order, places left out.

    >>> [c.display for c in creators(["Stalin", "Moscow", "Mao Zedong"])]
    ['Joseph Stalin', 'Mao Zedong']
    """
    found = (creator(name) for name in names)
    return tuple(c for c in found if c is not None)


def unsplit(value: str) -> str:
    """The name a ``Family, Given`` of :meth:`Creator.ris` stands for; any other value as it is.

    Only a split this module would write is undone, so a name the authority
    does not know keeps its comma.

    >>> unsplit("Stalin, Joseph"), unsplit("Mao, Zedong"), unsplit("Orlov, Ivan")
    ('Joseph Stalin', 'Mao Zedong', 'Orlov, Ivan')
    """
    family, comma, given = value.partition(",")
    family, given = family.strip(), given.strip()
    if not comma or not family or not given:
        return value
    for name in (f"{given} {family}", f"{family} {given}"):
        found = creator(name)
        if found is not None and found.literal is None and found.ris() == f"{family}, {given}":
            return found.display
    return value
