"""People and places: an authority of canonical names, spellings and code names.

The archive spells one person many ways: pinyin and Wade-Giles ("Zhou Enlai",
"Chou En-lai"), several romanizations of Russian ("Vyshinsky", "Vyshinskii"),
initials and honorifics ("N.S. Khrushchev", "Cde. Filippov"), code names used
in cables ("Filippov [Stalin]") and plain misprints ("Flippov", "Roschin").
:data:`people` and :data:`places` map all of these to one record each.

The facts live in ``data/people.json`` and ``data/places.json`` (each says
where its facts come from) and are read on first use, so importing the
package stays cheap.

>>> from sinosoviet_docs.names import people
>>> people.resolve("Chou En-lai").name
'Zhou Enlai'
>>> people.resolve("Cde. Filippov [Stalin]").heading
'Stalin, Joseph, 1878-1953'
>>> people.resolve("Nobody In Particular") is None
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, Union

import attrs

from ._text import name_tokens, name_words
from .dates import PartialDate
from .exceptions import AmbiguousNameError, AuthorityLoadError

__all__ = [
    "CodeName",
    "DateContext",
    "PeopleAuthority",
    "Person",
    "Place",
    "PlaceAuthority",
    "name_tokens",
    "people",
    "places",
]


#: The date a name is read at: a document's date, ``None`` for an undated
#: document (code names do not count there), or ``"any"`` when no document is
#: in view (code names count whatever their years).
DateContext = Union[PartialDate, None, Literal["any"]]  # noqa: UP007 - a runtime alias for 3.10

_YEARS = re.compile(r"(\d{4})(?:/(\d{4}))?")


def _check_years(_self: object, _attr: object, value: str | None) -> None:
    match = None if value is None else _YEARS.fullmatch(value)
    if value is not None and (match is None or int(match[2] or match[1]) < int(match[1])):
        raise AuthorityLoadError(f"code-name years must be 'YYYY' or 'YYYY/YYYY', not {value!r}")


@attrs.frozen(kw_only=True)
class CodeName:
    """A name someone signed or was addressed by in cables, and when.

    ``years`` is a year or year range ("1947", "1948/1952"): the years in
    which this material shows the code name in use. A code name stands for
    its person only in documents dated in those years (see :meth:`in_use`).

    >>> c = CodeName(name="Filippov", years="1948/1952")
    >>> c.span, c.in_use(PartialDate(year=1950)), c.in_use(PartialDate(year=1965)), c.in_use(None)
    ((1948, 1952), True, False, False)
    """

    name: str
    years: str | None = attrs.field(default=None, validator=_check_years)
    spellings: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
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
        span = self.span
        return date is not None and span is not None and span[0] <= date.year <= span[1]


@attrs.frozen(kw_only=True)
class Person:
    """One person of the authority: canonical name, LC-style heading, every spelling.

    ``aliases`` holds every form that resolves to this person, the canonical
    name first: spellings in several romanizations and scripts, misprints
    seen in titles, and code names with their spellings.
    """

    id: str
    name: str
    heading: str | None = None
    born: int | None = None
    died: int | None = None
    spellings: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    code_names: tuple[CodeName, ...] = ()
    roles: tuple[str, ...] = ()
    family_first: bool = False
    family: tuple[str, ...] = ()
    sources: str | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every form of this person's name, the canonical name first, without repeats."""
        forms = [self.name, *self.spellings, *self.misspellings]
        for code in self.code_names:
            forms.extend((code.name, *code.spellings, *code.misspellings))
        return tuple(dict.fromkeys(forms))

    def code_name(self, alias: str) -> CodeName | None:
        """The code name of which ``alias`` is a form, or ``None`` when it is a real name."""
        key = name_tokens(alias)
        if any(name_tokens(f) == key for f in (self.name, *self.spellings, *self.misspellings)):
            return None
        for code in self.code_names:
            if any(name_tokens(f) == key for f in code.forms):
                return code
        return None


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


# -- folding and tokens ---------------------------------------------------------------------

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
#: Single letters that stand before a name as initials ("a" is an article).
_INITIALS = frozenset("bcdefghijklmnopqrstuvwxyz")
#: Words inside western names that are no forenames ("Viscount Montgomery of Alamein").
_NOT_FORENAMES = frozenset(["of", "de", "von", "van", "der", "la", "le", "viscount"])

T = TypeVar("T", Person, Place)


def _forms(record: Person | Place) -> tuple[str, ...]:
    """Every indexed form of a record: its aliases and its LC-style heading."""
    return record.aliases + ((record.heading,) if record.heading else ())


class _Authority(Generic[T]):
    """Name resolution shared by people and places; data read on first use."""

    _kind = "name"

    def __init__(
        self,
        records: Iterable[T] | None = None,
        *,
        path: str | Path | None = None,
        shared_family_names: Iterable[str] = (),
    ) -> None:
        self._given: tuple[T, ...] | None = None if records is None else tuple(records)
        self._path = None if path is None else Path(path)
        self._records: tuple[T, ...] | None = None
        self._sources: str | None = None
        self._shared = {tok for name in shared_family_names for tok in name_tokens(name)}
        self._alias: dict[tuple[str, ...], set[str]] = {}
        # form -> {record id: code name} for forms that are code names (not real names)
        self._code: dict[tuple[str, ...], dict[str, CodeName]] = {}
        self._family: dict[str, set[str]] = {}
        self._forenames: dict[tuple[str, str], set[tuple[str, ...]]] = {}
        self._given_words: set[str] = set()
        self._qualifiers: dict[str, frozenset[str]] = {}
        self._by_id: dict[str, T] = {}
        self._longest = 1

    # -- loading --------------------------------------------------------------------------

    def _read(self) -> tuple[tuple[T, ...], str | None, tuple[str, ...]]:
        raise NotImplementedError

    def _ensure(self) -> tuple[T, ...]:
        if self._records is None:
            if self._given is not None:
                records, sources = self._given, None
            else:
                records, sources, shared = self._read()
                self._shared |= {tok for name in shared for tok in name_tokens(name)}
            self._index(records)
            self._sources = sources
            self._records = records
        return self._records

    def _index(self, records: tuple[T, ...]) -> None:
        for record in records:
            if record.id in self._by_id:
                raise AuthorityLoadError(f"two {self._kind} records share the id {record.id!r}")
            self._by_id[record.id] = record
            for alias in _forms(record):
                key = name_tokens(alias)
                if key:
                    self._alias.setdefault(key, set()).add(record.id)
                    self._longest = max(self._longest, len(key))
            self._index_more(record)

    def _index_more(self, record: T) -> None:
        """Hook for extra indexes (family names of persons)."""

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

    def _usable(self, key: tuple[str, ...], record_id: str, date: DateContext) -> bool:
        """Whether the form ``key`` names the record at ``date`` (code names: in their years)."""
        code = self._code.get(key, {}).get(record_id)
        return code is None or code.in_use(date)

    def _lookup(self, key: tuple[str, ...], date: DateContext) -> set[str]:
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
        toks = list(tokens)
        while toks and toks[0] in TITLE_WORDS:
            toks.pop(0)
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
                kept = {c for c in found if self._prefix_fits(c, toks[:start], suffix)}
                if kept:
                    return kept
        return self._family_candidates(toks)

    def _family_candidates(self, toks: list[str]) -> set[str]:
        return set()

    def _prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        return len(suffix) > 1 or (bool(prefix) and prefix[-1] in TITLE_WORDS)

    def _candidates(self, name: str, date: DateContext = "any") -> set[str]:
        self._ensure()
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

    def knows(self, name: str) -> bool:
        """Whether ``name`` is exactly one of the known forms (articles and titles aside).

        >>> from sinosoviet_docs import places
        >>> places.knows("the Northeast"), places.knows("Embassy in India")
        (True, False)
        """
        self._ensure()
        toks = list(name_tokens(_BRACKETS.sub(" ", name)))
        if tuple(toks) in self._alias:
            return True
        while toks and toks[0] in TITLE_WORDS:
            toks.pop(0)
        return tuple(toks) in self._alias

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

    def mentions(self, text: str, *, date: DateContext = "any") -> tuple[T, ...]:
        """The records named in a text (a title, say), in order of first mention.

        A linear scan: at each word the longest known form starting there wins.
        Ambiguous or unknown names are skipped, never guessed; this never raises.
        A code name counts only when no initial or forename of someone else
        stands before it ("Vladimir Semenov" is not Stalin) and, given a
        document's ``date``, only in its years (never for ``None``, an undated
        document). A bracket after a name ("Filippov [Stalin]") makes that name
        the glossed person.

        >>> from sinosoviet_docs import PartialDate, people
        >>> [p.name for p in people.mentions("Semenov to Zhou Enlai", date=PartialDate(year=1952))]
        ['Joseph Stalin', 'Zhou Enlai']
        >>> [p.name for p in people.mentions("Semenov to Zhou Enlai", date=PartialDate(year=1965))]
        ['Zhou Enlai']
        """
        self._ensure()
        words, glosses = self._words(text)
        found: list[str] = []
        i = 0
        while i < len(words):
            step, ids, key = self._match_at(words, i)
            end = i + step - 1
            if ids and end in glosses:
                found.append(glosses[end])
                i += step
                continue
            if len(ids) > 1 and i:  # "F. Kuznetsov": initials or forenames may settle it
                prefix = [w for w, _ in words[max(0, i - 3) : i]]
                ids = {c for c in ids if self._prefix_fits(c, prefix, key)}
            if len(ids) == 1:
                record_id = next(iter(ids))
                if self._counts(key, record_id, date, words[i - 1][0] if i else None):
                    found.append(record_id)
            i += step
        return tuple(self._by_id[c] for c in dict.fromkeys(found))

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

    def qualifiers(self, record_id: str) -> frozenset[str]:
        """Words that, right before a code name of the record, make it someone's real name.

        Initials and forenames known to the authority, except the record's own.
        """
        return frozenset()

    def _match_at(
        self, words: Sequence[tuple[str, bool]], i: int
    ) -> tuple[int, set[str], tuple[str, ...]]:
        if not words[i][1]:
            return 1, set(), ()
        for size in range(min(self._longest, len(words) - i), 0, -1):
            key = tuple(tok for tok, _ in words[i : i + size])
            ids = self._alias.get(key)
            if ids:
                return size, set(ids), key
        return 1, set(), ()


class PeopleAuthority(_Authority[Person]):
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
    """

    _kind = "person"

    def _read(self) -> tuple[tuple[Person, ...], str | None, tuple[str, ...]]:
        data, where = _load_json(self._path, "people.json")
        items = _list_field(data, "people", where)
        records = tuple(_person(item, f"{where}: $.people[{i}]") for i, item in enumerate(items))
        shared = _strs(data, "shared_family_names", where)
        return records, _optional_str(data, "sources", where), shared

    def _index_more(self, record: Person) -> None:
        real = {name_tokens(f) for f in (record.name, *record.spellings, *record.misspellings)}
        for code in record.code_names:
            for form in code.forms:
                key = name_tokens(form)
                if key and key not in real:
                    self._code.setdefault(key, {})[record.id] = code
        for form in (record.name, *record.spellings, *record.misspellings):
            toks = name_tokens(form)
            if len(toks) < 2 or toks[0] in TITLE_WORDS:
                continue
            if record.family_first:
                family, given = toks[0], toks[1:]
            else:
                family, given = toks[-1], toks[:-1]
                self._given_words.update(
                    w for w in given if w not in TITLE_WORDS and w not in _NOT_FORENAMES
                )
            self._family.setdefault(family, set()).add(record.id)
            self._forenames.setdefault((record.id, family), set()).add(tuple(given))
        for family in record.family:
            for tok in name_tokens(family):
                self._family.setdefault(tok, set()).add(record.id)

    def qualifiers(self, record_id: str) -> frozenset[str]:
        """Words that, right before a code name of the person, make it someone's real name.

        Initials and the forenames of the authority's persons, less the
        person's own: "Vladimir Semenov" and "F. Kuznetsov" are not Stalin.

        >>> from sinosoviet_docs import people
        >>> "vladimir" in people.qualifiers("stalin"), "iosif" in people.qualifiers("stalin")
        (True, False)
        """
        self._ensure()
        found = self._qualifiers.get(record_id)
        if found is None:
            own = {
                word
                for (rid, _), names in self._forenames.items()
                if rid == record_id
                for given in names
                for word in given
            }
            found = frozenset((self._given_words | _INITIALS) - own)
            self._qualifiers[record_id] = found
        return found

    def _prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        """Words before a surname must be initials or forenames of that person, or a title."""
        if not prefix or prefix[-1] in TITLE_WORDS or len(suffix) > 1:
            return True
        if self._by_id[record_id].family_first:
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

    def _family_candidates(self, toks: list[str]) -> set[str]:
        last = toks[-1]
        if len(toks) == 1 and last in self._shared:
            return set()  # "Wang" alone: the material has several, the authority not all
        return {
            c for c in self._family.get(last, set()) if self._prefix_fits(c, toks[:-1], (last,))
        }

    def _match_at(
        self, words: Sequence[tuple[str, bool]], i: int
    ) -> tuple[int, set[str], tuple[str, ...]]:
        step, ids, key = super()._match_at(words, i)
        if ids or not words[i][1] or words[i][0] in self._shared:
            return step, ids, key
        # A lone family name ("Premier Zhou") counts when only one person bears it.
        family = {c for c in self._family.get(words[i][0], set()) if self._by_id[c].family_first}
        return 1, family, (words[i][0],)


class PlaceAuthority(_Authority[Place]):
    """Places of this material with their historical and foreign names.

    >>> from sinosoviet_docs import places
    >>> places.resolve("Port Arthur").name, places.resolve("Mukden").name
    ('Lüshunkou', 'Shenyang')
    >>> "Peking" in places.variants("Beijing")
    True
    """

    _kind = "place"

    def _read(self) -> tuple[tuple[Place, ...], str | None, tuple[str, ...]]:
        data, where = _load_json(self._path, "places.json")
        items = _list_field(data, "places", where)
        records = tuple(_place(item, f"{where}: $.places[{i}]") for i, item in enumerate(items))
        return records, _optional_str(data, "sources", where), ()

    def _prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        return not prefix or prefix[-1] in TITLE_WORDS or prefix[-1] in ("in", "at", "to", "of")


# -- reading the JSON files -----------------------------------------------------------------


def _load_json(path: Path | None, bundled: str) -> tuple[Mapping[str, Any], str]:
    if path is None:
        text = (
            resources.files("sinosoviet_docs").joinpath("data").joinpath(bundled).read_text("utf-8")
        )
        where = f"sinosoviet_docs/data/{bundled}"
    else:
        text = path.read_text("utf-8")
        where = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AuthorityLoadError(f"{where}: line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise AuthorityLoadError(f"{where}: expected a JSON object at the top")
    return data, where


def _list_field(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise AuthorityLoadError(f"{where}: expected a list under {key!r}")
    return value


def _optional_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise AuthorityLoadError(f"{where}: {key!r} must be a string")
    return value


def _strs(item: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise AuthorityLoadError(f"{where}.{key}: expected a list of non-empty strings")
    return tuple(value)


def _str(item: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise AuthorityLoadError(f"{where}.{key}: expected a non-empty string")
    return value


def _int(item: Mapping[str, Any], key: str, where: str) -> int | None:
    value = item.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise AuthorityLoadError(f"{where}.{key}: expected a year (integer) or null")
    return value


def _object(item: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(item, dict):
        raise AuthorityLoadError(f"{where}: expected an object")
    return item


def _person(item: Any, where: str) -> Person:
    obj = _object(item, where)
    codes = obj.get("code_names", [])
    if not isinstance(codes, list):
        raise AuthorityLoadError(f"{where}.code_names: expected a list")
    code_names = []
    for i, code in enumerate(codes):
        at = f"{where}.code_names[{i}]"
        c = _object(code, at)
        years = _str(c, "years", at)
        try:
            _check_years(None, None, years)
        except AuthorityLoadError as exc:
            raise AuthorityLoadError(f"{at}.years: {exc}") from None
        code_names.append(
            CodeName(
                name=_str(c, "name", at, required=True) or "",
                years=years,
                spellings=_strs(c, "spellings", at),
                misspellings=_strs(c, "misspellings", at),
                note=_str(c, "note", at),
            )
        )
    order = obj.get("order", "western")
    if order not in ("western", "eastern"):
        raise AuthorityLoadError(f"{where}.order: expected 'western' or 'eastern', not {order!r}")
    return Person(
        id=_str(obj, "id", where, required=True) or "",
        name=_str(obj, "name", where, required=True) or "",
        heading=_str(obj, "heading", where),
        born=_int(obj, "born", where),
        died=_int(obj, "died", where),
        spellings=_strs(obj, "spellings", where),
        misspellings=_strs(obj, "misspellings", where),
        code_names=tuple(code_names),
        roles=_strs(obj, "roles", where),
        family_first=order == "eastern",
        family=_strs(obj, "family", where),
        sources=_str(obj, "sources", where),
    )


def _place(item: Any, where: str) -> Place:
    obj = _object(item, where)
    return Place(
        id=_str(obj, "id", where, required=True) or "",
        name=_str(obj, "name", where, required=True) or "",
        kind=_str(obj, "kind", where),
        within=_str(obj, "within", where),
        heading=_str(obj, "heading", where),
        spellings=_strs(obj, "spellings", where),
    )


#: The bundled people authority (read on first use).
people = PeopleAuthority()
#: The bundled places authority (read on first use).
places = PlaceAuthority()
