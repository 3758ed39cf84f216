"""Library-catalogue headings of persons: "Family, Given Patronymic, 1878-1953".

A heading names a person family name first, then a comma and the forenames
(a patronymic among them, or initials with the fuller form in brackets),
then, when the cataloguer knew them, the life dates. Catalogues and the
tables scraped from them print one person's heading in several forms: with
other dates (Stalin's birth as 1878 or as 1879), in another romanization
("Chou, En-lai" for "Zhou, Enlai"), with initials for the forenames.

:func:`read_heading` reads the parts; the people authority then looks up
the forenames and the family name in the person's own order and keeps a
person only when the dates agree with the years the sources print.

>>> h = read_heading("Stalin, Joseph, 1879-1953")
>>> h.family, h.given, h.born, h.died
('Stalin', 'Joseph', 1879, 1953)
>>> read_heading("Kosygin, A. N. (Alekseĭ Nikolaevich), 1904-1980").fuller
'Alekseĭ Nikolaevich'
>>> read_heading("Joseph Stalin") is None, read_heading("Moscow, 1950") is None
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

__all__ = ["Heading", "read_heading"]

#: Life dates: "1878-1953", "1931-", "-1953", "b. 1931", "d. 1953" (a final full stop aside).
_DATES = re.compile(
    r"(?:(?P<born>\d{4})?\s*[-\u2013]\s*(?P<died>\d{4})?"
    r"|(?:b\.|born)\s*(?P<only_born>\d{4})"
    r"|(?:d\.|died)\s*(?P<only_died>\d{4}))\.?"
)
_FULLER = re.compile(r"\(([^()]*)\)")


@attrs.frozen(kw_only=True)
class Heading:
    """The parts of a person's heading: family name, forenames, fuller forenames, dates.

    >>> Heading(family="Chou", given="En-lai").readings()
    (('En-lai Chou', False), ('Chou En-lai', True))
    """

    family: str
    given: str = ""
    #: The forenames in full, printed in brackets after initials.
    fuller: str | None = None
    born: int | None = None
    died: int | None = None

    def readings(self) -> tuple[tuple[str, bool | None], ...]:
        """The heading as names, each with whether it puts the family name first.

        Forenames then family name (Western order), family name then forenames
        (Chinese, Korean, Vietnamese order), for the forenames as printed and
        in full; a heading without forenames is its one name, in either order
        (``None``).
        """
        if not self.given:
            return ((self.family, None),)
        out: list[tuple[str, bool | None]] = []
        for given in (self.given, self.fuller):
            if given:
                out += [(f"{given} {self.family}", False), (f"{self.family} {given}", True)]
        return tuple(out)

    def agrees(self, birth_years: Iterable[int], death_years: Iterable[int]) -> bool:
        """Whether the dates are among the years sources print for the person.

        A date the heading leaves out, or the authority does not know, agrees.

        >>> h = Heading(family="Stalin", given="Joseph", born=1879, died=1953)
        >>> h.agrees((1878, 1879), (1953,)), h.agrees((1878,), (1953,)), h.agrees((), ())
        (True, False, True)
        """
        return _agrees(self.born, tuple(birth_years)) and _agrees(self.died, tuple(death_years))


def _agrees(printed: int | None, known: tuple[int, ...]) -> bool:
    return printed is None or not known or printed in known


def _parts(text: str) -> list[str]:
    """The text cut at its commas outside brackets, each part stripped."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and not depth:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _is_name(text: str) -> bool:
    return bool(text) and any(ch.isalpha() for ch in text) and not any(ch.isdigit() for ch in text)


def read_heading(text: str) -> Heading | None:
    """The parts of a heading "Family, Given[ (Fuller)][, dates]", or ``None`` for another text.

    >>> read_heading("Zhou, Enlai, 1898-1976")
    Heading(family='Zhou', given='Enlai', fuller=None, born=1898, died=1976)
    >>> read_heading("Sukarno, 1901-1970").given, read_heading("Gorbachev, Mikhail, 1931-").died
    ('', None)
    """
    parts = _parts(" ".join(text.split()))
    dates = _DATES.fullmatch(parts[-1]) if len(parts) > 1 else None
    if dates is not None and any(dates.groups()):
        parts.pop()
    elif dates is not None:
        return None  # a lone dash is no date
    if len(parts) not in (1, 2) or (len(parts) == 1 and dates is None):
        return None
    family, given = parts[0], parts[1] if len(parts) == 2 else ""
    fuller = _FULLER.search(given)
    if fuller is not None:
        given = (given[: fuller.start()] + given[fuller.end() :]).strip()
    if not _is_name(family) or (given and not _is_name(given)) or (fuller and not given):
        return None

    def year(*names: str) -> int | None:
        found = next((dates[n] for n in names if dates is not None and dates[n]), None)
        return None if found is None else int(found)

    return Heading(
        family=family,
        given=given,
        fuller=None if fuller is None else fuller[1].strip() or None,
        born=year("born", "only_born"),
        died=year("died", "only_died"),
    )
