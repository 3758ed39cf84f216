"""The people authority: persons, their family names and forenames, and code names by year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._text import name_tokens
from ._authority import TITLE_WORDS, Authority, Key, read_file

if TYPE_CHECKING:  # imported when the file is read
    from ._headings import Heading
    from ._records import CodeName, Person

__all__ = ["PeopleAuthority"]

#: Single letters that stand before a name as initials ("a" is an article).
_INITIALS = frozenset("bcdefghijklmnopqrstuvwxyz")
#: Words inside western names that are no forenames ("Viscount Montgomery of Alamein").
_NOT_FORENAMES = frozenset(["of", "de", "von", "van", "der", "la", "le", "viscount"])


class _PersonRules:
    """Family names, forenames and code names: what persons add to the shared lookup."""

    kind = "person"
    bundled = "people.json"

    def __init__(self, shared_family_names: Iterable[str]) -> None:
        self._shared_families = {tok for name in shared_family_names for tok in name_tokens(name)}
        self._family: dict[str, set[str]] = {}
        self._forenames: dict[tuple[str, str], set[Key]] = {}
        self._forename_words: set[str] = set()
        self._family_first: set[str] = set()
        self._qualifiers: dict[str, frozenset[str]] = {}
        self._addressed: dict[Key, tuple[str, CodeName]] = {}
        self._addressed_longest = 0
        self._addressed_first: set[str] = set()

    def read(self, path: Path | None) -> tuple[tuple[Person, ...], str | None]:
        from ._records import PeopleFile

        data = read_file(path, self.bundled, PeopleFile)
        self._shared_families |= {t for name in data.shared_family_names for t in name_tokens(name)}
        return data.people, data.sources

    def add(self, record: Person) -> dict[Key, CodeName]:
        real = {name_tokens(f) for f in record.real_names}
        codes: dict[Key, CodeName] = {}
        for code in record.code_names:
            for form in code.forms:
                key = name_tokens(form)
                if key and key not in real:
                    codes[key] = code
            for form in code.addressed_as:
                key = name_tokens(form)
                if key and code.correspondents:
                    self._addressed[key] = (record.id, code)
                    self._addressed_longest = max(self._addressed_longest, len(key))
                    self._addressed_first.add(key[0])
        if record.family_first:
            self._family_first.add(record.id)
        for form in record.real_names:
            toks = name_tokens(form)
            if len(toks) < 2 or toks[0] in TITLE_WORDS:
                continue
            if record.family_first:
                family, given = toks[0], toks[1:]
            else:
                family, given = toks[-1], toks[:-1]
                self._forename_words.update(
                    w for w in given if w not in TITLE_WORDS and w not in _NOT_FORENAMES
                )
            self._family.setdefault(family, set()).add(record.id)
            self._forenames.setdefault((record.id, family), set()).add(tuple(given))
        for family in record.family:
            for tok in name_tokens(family):
                self._family.setdefault(tok, set()).add(record.id)
        return codes

    def prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        """Words before a surname must be initials or forenames of that person, or a title."""
        if not prefix or prefix[-1] in TITLE_WORDS or len(suffix) > 1:
            return True
        if record_id in self._family_first:
            return False
        known = self._forenames.get((record_id, suffix[0]))
        if not known:
            return False
        for used, word in enumerate(reversed(prefix)):
            if word in TITLE_WORDS:
                return True
            if not any(given.startswith(word) for names in known for given in names):
                return used > 0
        return True

    def family_candidates(self, toks: Sequence[str]) -> set[str]:
        last = toks[-1]
        if len(toks) == 1 and last in self._shared_families:
            return set()  # "Wang" alone: the material has several, the authority not all
        return {c for c in self._family.get(last, set()) if self.prefix_fits(c, toks[:-1], (last,))}

    def alone(self, word: str) -> set[str]:
        """A lone family name ("Premier Zhou") counts when only one person bears it."""
        if word in self._shared_families:
            return set()
        return self._family.get(word, set()) & self._family_first

    def qualifiers(self, record_id: str) -> frozenset[str]:
        found = self._qualifiers.get(record_id)
        if found is None:
            own = {
                word
                for (rid, _), names in self._forenames.items()
                if rid == record_id
                for given in names
                for word in given
            }
            found = frozenset((self._forename_words | _INITIALS) - own)
            self._qualifiers[record_id] = found
        return found

    def addressed(self, words: Sequence[str], start: int) -> tuple[int, str, CodeName] | None:
        if words[start] not in self._addressed_first:
            return None
        for size in range(min(self._addressed_longest, len(words) - start), 0, -1):
            hit = self._addressed.get(tuple(words[start : start + size]))
            if hit is not None:
                return size, *hit
        return None

    def heading(self, name: str) -> Heading | None:
        from ._headings import read_heading

        return read_heading(name)

    def heading_fits(self, record: Person, heading: Heading, family_first: bool | None) -> bool:
        """A heading read in the person's own name order, with dates the sources print."""
        return (family_first is None or family_first == record.family_first) and heading.agrees(
            record.birth_years, record.death_years
        )


class PeopleAuthority(Authority["Person"]):
    """Persons of this material: resolve names, find mentions, list variants.

    >>> from sinosoviet_docs import people
    >>> people.resolve("N.S. Khrushchev").name, people.resolve("Comrade MAO ZEDONG").name
    ('Nikita Khrushchev', 'Mao Zedong')
    >>> [p.name for p in people.mentions("Telegram from Flippov [Stalin] to Mao Zedong")]
    ['Joseph Stalin', 'Mao Zedong']
    >>> people.resolve("Peng")
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.AmbiguousNameError: 'Peng' may be any of: Peng Dehuai, Peng Zhen

    A library-catalogue heading names its person in any romanization, with
    any life dates the sources print for them; dates that contradict the
    person name nobody:

    >>> people.resolve("Stalin, Joseph, 1879-1953").name, people.resolve("Chou, En-lai").name
    ('Joseph Stalin', 'Zhou Enlai')
    >>> people.resolve("Stalin, Joseph, 1880-1953") is None
    True
    """

    def __init__(
        self,
        records: Iterable[Person] | None = None,
        *,
        path: str | Path | None = None,
        shared_family_names: Iterable[str] = (),
    ) -> None:
        super().__init__(_PersonRules(shared_family_names), records, path=path)

    def qualifiers(self, record_id: str) -> frozenset[str]:
        """Words that, right before a code name of the person, make it someone's real name.

        Initials and the forenames of the authority's persons, less the
        person's own: "Vladimir Semenov" and "F. Kuznetsov" are not Stalin.

        >>> from sinosoviet_docs import people
        >>> "vladimir" in people.qualifiers("stalin"), "iosif" in people.qualifiers("stalin")
        (True, False)
        """
        return super().qualifiers(record_id)
