"""The lookup that the people and the places authorities share.

:class:`Authority` indexes every form of every record by its name tokens
(:func:`~sinosoviet_docs._text.name_tokens`) and answers ``resolve``,
``knows``, ``variants`` and ``mentions``. What differs between persons and
places (which file holds them, which words may stand before a name, family
names, code names and the forms only their correspondents use, how a
catalogue heading is read) is a :class:`Rules` object the authority is
given, never a method a subclass overrides.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from .._bundled import read_bundled
from .._text import name_tokens, name_words
from ..exceptions import AmbiguousNameError, AuthorityLoadError

if TYPE_CHECKING:  # the records are imported when a file is read, not with the package
    from ._headings import Heading
    from ._records import CodeName, DateContext, Person, Place

__all__ = ["TITLE_WORDS", "Authority", "Rules", "read_file"]

#: Words that may stand before a name without being part of it (compared folded).
TITLE_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "cde",
        "cdes",
        "comrade",
        "comrades",
        "comr",
        "tov",
        "mr",
        "mrs",
        "madame",
        "madam",
        "dr",
        "prof",
        "professor",
        "chairman",
        "chairma",
        "premier",
        "vice",
        "deputy",
        "minister",
        "prime",
        "foreign",
        "ambassador",
        "envoy",
        "marshal",
        "general",
        "gen",
        "field",
        "secretary",
        "first",
        "president",
        "leader",
        "member",
        "members",
        "charge",
        "chargé",
        "attache",
        "attaché",
        "director",
        "head",
        "counsellor",
        "counselor",
        "consul",
        "soviet",
        "chinese",
        "polish",
        "korean",
        "dprk",
        "prc",
        "ussr",
    ]
)


_BRACKETS = re.compile(r"[\[(]([^\[\]()]*)[\])]")
#: A possessive at the end of a name ("Mao Zedong's"): the name is the words before it.
_POSSESSIVE = re.compile(r"(?<=[^\W_])['\u2019\u02bc]s$")


def _without_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name.rstrip())


T = TypeVar("T", "Person", "Place")
R = TypeVar("R")
F = TypeVar("F")

#: A form of a name as the authority compares it: its name tokens.
Key = tuple[str, ...]
#: A record a text names: its last word, its id, the form (``None`` for a bracket
#: gloss, good at any date) and the word before the form.
_Candidate = tuple[int, str, Key | None, str | None]
#: A form only a code name's correspondents use: its first and last words, the record
#: and the code name.
_Addressed = tuple[int, int, str, "CodeName"]
#: How many texts' scans an authority keeps (then it starts again).
_SCANS_KEPT = 8192
#: The longest text whose scan is kept (titles and names are; a full text is not).
_SCANNED_TEXT = 512


class Rules(Protocol[R]):
    """What one kind of record adds to the shared lookup (one object per authority)."""

    #: The kind of record, for messages ("person", "place").
    kind: str
    #: The name of the bundled file of such records (in ``sinosoviet_docs/data``).
    bundled: str

    def read(self, path: Path | None) -> tuple[tuple[R, ...], str | None]:
        """The records of the file at ``path`` (the bundled one for ``None``), and its sources."""

    def add(self, record: R) -> dict[Key, CodeName]:
        """Index what the rules need of a record; return its code-name forms by key."""

    def prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        """Whether the words ``prefix`` may stand before the form ``suffix`` of the record."""

    def family_candidates(self, toks: Sequence[str]) -> set[str]:
        """The records that words no form fits may still name by a family name."""

    def alone(self, word: str) -> set[str]:
        """The records one capitalised word that begins no form names on its own in a text."""

    def qualifiers(self, record_id: str) -> frozenset[str]:
        """Words that, right before a code name of the record, make it someone's real name."""

    def addressed(self, words: Sequence[str], start: int) -> tuple[int, str, CodeName] | None:
        """The longest form at ``words[start]`` that only a code name's correspondents use for it.

        Its length in words, the record and the code name; ``None`` when there is none.
        """

    def heading(self, name: str) -> Heading | None:
        """``name`` read as a catalogue heading of this kind of record, else ``None``."""

    def heading_fits(self, record: R, heading: Heading, family_first: bool | None) -> bool:
        """Whether a record a reading of ``heading`` found (in that name order) is the heading's."""


def _forms(record: Person | Place) -> tuple[str, ...]:
    """Every indexed form of a record: its aliases and its LC-style heading."""
    return record.aliases + ((record.heading,) if record.heading else ())


def read_file(path: Path | None, bundled: str, cls: type[F]) -> F:
    """An authority file read into ``cls`` through the library's converter.

    Raises :class:`AuthorityLoadError` naming the file and, for a bad value,
    its path in the file and what was expected there.
    """
    if path is None:
        text, where = read_bundled(bundled)
    else:
        text, where = path.read_text("utf-8"), str(path)
    data = _json_of(text, where)
    from .._convert import structure_authority_file

    return structure_authority_file(data, cls, where)


def _json_of(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AuthorityLoadError(f"{where}: line {exc.lineno}: not JSON ({exc.msg})") from None


def _file_words(bundled: str) -> frozenset[str]:
    """The name tokens of every string of the bundled file ``bundled`` (its keys aside)."""
    text, where = read_bundled(bundled)
    strings: list[str] = []
    stack: list[object] = [_json_of(text, where)]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    # A line break ends a token as the end of a string does: one pass over the ASCII
    # strings (tokenized the fast way) and one over the others.
    ascii_only = [text for text in strings if text.isascii()]
    others = [text for text in strings if not text.isascii()]
    return frozenset(name_tokens("\n".join(ascii_only))).union(name_tokens("\n".join(others)))


class Authority(Generic[T]):
    """Name resolution over records of one kind; the data is read on first use."""

    def __init__(
        self,
        rules: Rules[T],
        records: Iterable[T] | None = None,
        *,
        path: str | Path | None = None,
    ) -> None:
        self._rules: Rules[T] = rules
        self._supplied: tuple[T, ...] | None = None if records is None else tuple(records)
        self._path = None if path is None else Path(path)
        self._records: tuple[T, ...] | None = None
        self._sources: str | None = None
        self._alias: dict[Key, set[str]] = {}
        # form -> {record id: code name} for forms that are code names (not real names)
        self._code: dict[Key, dict[str, CodeName]] = {}
        self._by_id: dict[str, T] = {}
        # first word of a form -> the lengths of the forms it begins, longest first
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._scans: dict[str, tuple[list[_Candidate], list[_Addressed]]] = {}
        self._file_words: frozenset[str] | None = None
        self._lock = threading.Lock()

    # -- loading --------------------------------------------------------------------------

    def _ensure(self) -> tuple[T, ...]:
        if self._records is None:
            with self._lock:  # threads using a fresh authority at once read it once
                if self._records is None:
                    if self._supplied is not None:
                        records, sources = self._supplied, None
                    else:
                        records, sources = self._rules.read(self._path)
                    self._index(records)
                    self._sources = sources
                    self._records = records
                    self._file_words = None  # the records answer from now on
        return self._records

    def _index(self, records: tuple[T, ...]) -> None:
        for record in records:
            if record.id in self._by_id:
                raise AuthorityLoadError(
                    f"two {self._rules.kind} records share the id {record.id!r}"
                )
            self._by_id[record.id] = record
            for alias in _forms(record):
                key = name_tokens(alias)
                if key:
                    self._alias.setdefault(key, set()).add(record.id)
                    known: tuple[int, ...] = self._lengths.get(key[0], ())
                    if len(key) not in known:
                        self._lengths[key[0]] = tuple(sorted((*known, len(key)), reverse=True))
            for key, code in self._rules.add(record).items():
                self._code.setdefault(key, {})[record.id] = code

    @property
    def sources(self) -> str | None:
        """Where the facts of the bundled file come from (its ``sources`` note)."""
        self._ensure()
        return self._sources

    # -- a read-only collection -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ensure())

    def __iter__(self) -> Iterator[T]:
        return iter(self._ensure())

    def __getitem__(self, record_id: str) -> T:
        self._ensure()
        return self._by_id[record_id]

    def __repr__(self) -> str:
        state = "not loaded" if self._records is None else f"{len(self._records)} records"
        return f"<{type(self).__name__} {state}>"

    # -- resolution -----------------------------------------------------------------------

    def _usable(self, key: Key, record_id: str, date: DateContext) -> bool:
        """Whether the form ``key`` names the record at ``date`` (code names: in their years)."""
        code = self._code.get(key, {}).get(record_id)
        return code is None or code.in_use(date)

    def _lookup(self, key: Key, date: DateContext) -> set[str]:
        """The records a whole form names at ``date``: several when ambiguous in the authority."""
        ids = self._alias.get(key)
        if not ids:
            return set()
        if len(ids) > 1:  # ambiguous whatever the date: the caller refuses it
            return set(ids)
        return {c for c in ids if self._usable(key, c, date)}

    def _candidates_plain(self, tokens: Sequence[str], date: DateContext = "any") -> set[str]:
        whole = self._lookup(tuple(tokens), date)
        if whole:
            return whole
        toks = _without_titles(tokens)
        if not toks:
            return set()
        exact = self._lookup(tuple(toks), date)
        if exact:
            return exact
        # The longest suffix that is a known form, the words before it checked.
        for start in range(1, len(toks)):
            suffix = tuple(toks[start:])
            found = self._lookup(suffix, date)
            if found:
                kept = {c for c in found if self._rules.prefix_fits(c, toks[:start], suffix)}
                if kept:
                    return kept
        return self._rules.family_candidates(toks)

    def _candidates_printed(self, name: str, date: DateContext) -> set[str]:
        """The records a name names as printed, a bracket after it read as a gloss."""
        joined = _BRACKETS.sub(lambda m: " " + m.group(1) + " ", name)
        whole = self._candidates_plain(name_tokens(joined), date)
        if len(whole) == 1 or not _BRACKETS.search(name):
            return whole
        # "Filippov [Stalin]": the bracket glosses the name before it, whatever the date.
        outer = self._candidates_plain(name_tokens(_BRACKETS.sub(" ", name)), date)
        inner: set[str] = set()
        for match in _BRACKETS.finditer(name):
            inner |= self._candidates_plain(name_tokens(match.group(1)))
        if outer and inner:
            return (outer & inner) or inner
        return outer or inner or whole

    def _may_name(self, name: str) -> bool:
        """Whether ``name`` may name a record; known before the records are read and indexed.

        Every record that a name without a comma or a bracket names is found by
        a form (or a family name) ending in the name's last word, and every form
        is a string of the file: when no string of the bundled file holds that
        word, the name names nobody, and the file need not be read into records.
        """
        if self._records is not None or self._supplied is not None or self._path is not None:
            return True
        name = _without_possessive(name)
        if "," in name or _BRACKETS.search(name):
            return True
        tokens = name_tokens(name)
        if self._file_words is None:
            self._file_words = _file_words(self._rules.bundled)
        return bool(tokens) and tokens[-1] in self._file_words

    def _candidates(self, name: str, date: DateContext = "any") -> set[str]:
        if not self._may_name(name):
            return set()
        self._ensure()
        name = _without_possessive(name)
        found = self._candidates_printed(name, date)
        if found or "," not in name:
            return found
        heading = self._rules.heading(name)
        return set() if heading is None else self._heading_candidates(heading, date)

    def _heading_candidates(self, heading: Heading, date: DateContext) -> set[str]:
        """The records a catalogue heading names, read in each name order.

        A reading is a known form, or (forenames first) a family name with
        words before it that are initials or forenames of its bearer; the
        record must then fit the heading (its name order, its dates).
        """
        family = name_tokens(heading.family)
        found: set[str] = set()
        for reading, family_first in heading.readings():
            key = name_tokens(reading)
            ids = self._lookup(key, date)
            if not ids and not family_first:
                given = key[: len(key) - len(family)]
                bearers = self._lookup(family, date) | self._rules.family_candidates(family)
                ids = {c for c in bearers if self._rules.prefix_fits(c, given, family)}
            found |= {
                c for c in ids if self._rules.heading_fits(self._by_id[c], heading, family_first)
            }
        return found

    def knows(self, name: str) -> bool:
        """Whether ``name`` is exactly one of the known forms (articles and titles aside).

        >>> from sinosoviet_docs import places
        >>> places.knows("the Northeast"), places.knows("Embassy in India")
        (True, False)
        """
        self._ensure()
        toks = name_tokens(_BRACKETS.sub(" ", _without_possessive(name)))
        return toks in self._alias or tuple(_without_titles(toks)) in self._alias

    def resolve(self, name: str, *, date: DateContext = "any") -> T | None:
        """The record a name stands for; ``None`` when unknown.

        Raises :class:`~sinosoviet_docs.AmbiguousNameError` (a LookupError) when
        the name fits several records, listing them as ``candidates``. With a
        document's ``date`` a code name stands for its person only in the years
        it was used (``None``: an undated document, where it never does); a
        bracket gloss ("Filippov [Stalin]") always names the glossed person.
        """
        found = self._candidates(name, date)
        if not found:
            return None
        if len(found) > 1:
            names = sorted(self._by_id[c].name for c in found)
            raise AmbiguousNameError(name, names)
        return self._by_id[next(iter(found))]

    def dated_variants(self, name: str) -> tuple[tuple[str, CodeName | None], ...]:
        """Every form of whoever ``name`` is, each with the code name it is a form of.

        ``None`` marks a real name, good at any date; a code name's forms count
        only in its years (:meth:`CodeName.in_use`). Forms that the authority
        gives to several records ("Kuznetsov") are left out, and an unknown or
        ambiguous ``name`` gives ``()``; this never raises.
        """
        found = self._candidates(name)
        if len(found) != 1:
            return ()
        record_id = next(iter(found))
        out: list[tuple[str, CodeName | None]] = []
        for form in self._by_id[record_id].aliases:
            key = name_tokens(form)
            if len(self._alias.get(key, ())) == 1:
                out.append((form, self._code.get(key, {}).get(record_id)))
        return tuple(out)

    def variants(self, name: str, *, date: DateContext = "any") -> tuple[str, ...]:
        """Every spelling of whoever ``name`` is; ``()`` when unknown or ambiguous.

        Forms shared with another record ("Kuznetsov") are never given. With a
        document's ``date``, code names only when used in that year (none for
        ``None``, an undated document). This never raises.
        """
        return tuple(
            form for form, code in self.dated_variants(name) if code is None or code.in_use(date)
        )

    def qualifiers(self, record_id: str) -> frozenset[str]:
        """Words that, right before a code name of the record, make it someone's real name.

        Initials and forenames known to the authority, except the record's own.
        """
        self._ensure()
        return self._rules.qualifiers(record_id)

    def mentions(
        self, text: str, *, date: DateContext = "any", among: Iterable[str] = ()
    ) -> tuple[T, ...]:
        """The records named in a text (a title, say), in order of first mention.

        A linear scan: at each word the longest known form starting there wins.
        Ambiguous or unknown names are skipped, never guessed; this never raises.
        A code name counts only when no initial or forename of someone else
        stands before it ("Vladimir Semenov" is not Stalin) and, given a
        document's ``date``, only in its years (never for ``None``, an undated
        document). A bracket after a name ("Filippov [Stalin]") makes that name
        the glossed person.

        A form by which a code name's correspondents addressed it
        (:attr:`CodeName.addressed_as`: Terebin's "F. Kuznetsov") stands for
        the code name, in its years, when one of its correspondents is named
        in the text too or is ``among`` the ids given (the rest of a message
        the text is part of).

        >>> from sinosoviet_docs import PartialDate, people
        >>> [p.name for p in people.mentions("Semenov to Zhou Enlai", date=PartialDate(year=1952))]
        ['Joseph Stalin', 'Zhou Enlai']
        >>> [p.name for p in people.mentions("Semenov to Zhou Enlai", date=PartialDate(year=1965))]
        ['Zhou Enlai']
        >>> cable = "Cable, Terebin to F. Kuznetsov"
        >>> [p.name for p in people.mentions(cable, date=PartialDate(year=1948))]
        ['Andrei Orlov', 'Joseph Stalin']
        """
        self._ensure()
        candidates, addressed = self._scan(text)
        found = [
            (end, record_id)
            for end, record_id, key, before in candidates
            if key is None or self._counts(key, record_id, date, before)
        ]
        in_use = [hit for hit in addressed if hit[3].in_use(date)]
        if in_use:
            found = _as_addressed(found, in_use, among)
        return tuple(self._by_id[c] for c in dict.fromkeys(c for _, c in found))

    def _scan(self, text: str) -> tuple[list[_Candidate], list[_Addressed]]:
        """What :meth:`mentions` finds in a text at any date: the records named (with the
        form and the word before it, for the date to settle; no form for a gloss) and the
        forms only a code name's correspondents use. Kept for the short texts scanned last."""
        scanned = self._scans.get(text)
        if scanned is not None:
            return scanned
        words, glosses = self._words(text)
        found: list[_Candidate] = []
        addressed: list[_Addressed] = []
        tokens = [w for w, _ in words]
        i = 0
        while i < len(words):
            hit = self._rules.addressed(tokens, i) if words[i][1] else None
            if hit is not None:
                addressed.append((i, i + hit[0] - 1, hit[1], hit[2]))
            step, ids, key = self._match_at(words, i)
            end = i + step - 1
            if ids and end in glosses:
                found.append((end, glosses[end], None, None))
                i += step
                continue
            if len(ids) > 1 and i:  # "F. Kuznetsov": initials or forenames may settle it
                prefix = [w for w, _ in words[max(0, i - 3) : i]]
                ids = {c for c in ids if self._rules.prefix_fits(c, prefix, key)}
            if len(ids) == 1:
                found.append((end, next(iter(ids)), key, words[i - 1][0] if i else None))
            i += step
        scanned = (found, addressed)
        if len(text) <= _SCANNED_TEXT:
            if len(self._scans) >= _SCANS_KEPT:
                self._scans.clear()
            self._scans[text] = scanned
        return scanned

    def _words(self, text: str) -> tuple[list[tuple[str, bool]], dict[int, str]]:
        """The text's words, and for a word right before a bracket gloss the record glossed."""
        words: list[tuple[str, bool]] = []
        glosses: dict[int, str] = {}
        pos = 0
        for match in _BRACKETS.finditer(text):
            words += name_words(text[pos : match.start()])
            inner = self._candidates_plain(name_tokens(match.group(1)))
            if words and len(inner) == 1:
                glosses[len(words) - 1] = next(iter(inner))
            words += name_words(match.group(1))
            pos = match.end()
        words += name_words(text[pos:])
        return words, glosses

    def _counts(
        self, key: tuple[str, ...], record_id: str, date: DateContext, before: str | None
    ) -> bool:
        """Whether a form found in a text stands for the record there."""
        if key not in self._code:
            return True
        return self._usable(key, record_id, date) and (
            before is None or before not in self.qualifiers(record_id)
        )

    def _match_at(self, words: Sequence[tuple[str, bool]], i: int) -> tuple[int, set[str], Key]:
        """The longest form starting at word ``i``: its length, the records it names, its key."""
        word, capital = words[i]
        if not capital:
            return 1, set(), ()
        room = len(words) - i
        for size in self._lengths.get(word, ()):
            if size <= room:
                key = tuple(tok for tok, _ in words[i : i + size])
                ids = self._alias.get(key)
                if ids:
                    return size, set(ids), key
        return 1, self._rules.alone(word), (word,)


def _as_addressed(
    found: list[tuple[int, str]],
    addressed: Sequence[_Addressed],
    among: Iterable[str],
) -> list[tuple[int, str]]:
    """The records found, a code name's addressed form taken as the code name where one of
    its correspondents is in view (named in the text or ``among`` those given)."""
    present = {c for _, c in found} | set(among)
    for start, end, record_id, code in addressed:
        if present.intersection(code.correspondents):
            found = [(e, c) for e, c in found if not start <= e <= end] + [(end, record_id)]
    return sorted(found)


def _without_titles(tokens: Sequence[str]) -> list[str]:
    """The tokens without the title words ("Comrade", "Premier" ...) that lead them."""
    toks = list(tokens)
    while toks and toks[0] in TITLE_WORDS:
        toks.pop(0)
    return toks
