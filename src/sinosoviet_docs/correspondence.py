"""Who wrote to whom: senders, recipients and participants read from titles.

Titles of this material follow a handful of patterns::

    Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin
    Telegram from Filippov [Stalin] to Mao Zedong via Krasovsky
    Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong
    Memorandum of Conversation between Anastas Mikoyan and Mao Zedong
    From the Diary of N.V. Roshchin: Memorandum of Conversation with Mao Zedong

:func:`parse_correspondence` reads them with a small hand-written grammar: the
title is cut into tokens once (quoted sub-titles set aside), a head word
("Telegram", "Cable", "Letter", "Report" ...) or a conversation word
("Conversation", "Talks", "Meeting" ...) is found, and the tokens after it are
read left to right into ``from``/``to``/``via``/``for`` segments. Each
segment becomes canonical names through :data:`~sinosoviet_docs.names.people`
(so "Filippov [Stalin]" is Joseph Stalin); a body that is no person
("the CPSU Central Committee") is kept as printed, without its article.

>>> c = parse_correspondence(
...     "Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong")
>>> c.senders, c.recipients, c.intermediaries, c.number
(('Joseph Stalin',), ('Mao Zedong',), ('Stepan Krasovsky',), '709')
>>> parse_correspondence("Discussion between N.S. Khrushchev and Mao Zedong").participants
('Nikita Khrushchev', 'Mao Zedong')
>>> parse_correspondence("Polish-Soviet Talks in Moscow") is None
True
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .exceptions import AmbiguousNameError
from .names import DateContext, PeopleAuthority, PlaceAuthority, people, places

if TYPE_CHECKING:
    from .checks import NamesReport, report
    from .network import Edge, Network, network

__all__ = [
    "Correspondence",
    "CorrespondenceKind",
    "Edge",
    "NamesReport",
    "Network",
    "correspondence_of",
    "network",
    "parse_correspondence",
    "report",
]

CorrespondenceKind = Literal["message", "conversation"]

#: Public names that moved to their own modules, still importable from here.
_MOVED = {
    "Edge": "network",
    "Network": "network",
    "network": "network",
    "NamesReport": "checks",
    "report": "checks",
}


def __getattr__(name: str) -> Any:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __package__), name)


@attrs.frozen(kw_only=True)
class Correspondence:
    """Who took part in a document, as its title says.

    For a ``"message"``: ``senders``, ``recipients`` (the final addressees),
    ``intermediaries`` (via whom, or the first addressee of a message "for"
    someone else) and the cable ``number``. For a ``"conversation"``:
    ``participants``. Names are canonical person names, or a body's name as
    printed ("CPSU Central Committee").
    """

    kind: CorrespondenceKind
    senders: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    intermediaries: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    number: str | None = None

    @property
    def everyone(self) -> tuple[str, ...]:
        """Every name in the record, once each, in order of the fields."""
        names = (*self.senders, *self.recipients, *self.intermediaries, *self.participants)
        return tuple(dict.fromkeys(names))


# -- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<num>\b[Nn]o\.\s*\d[\w/]*)"
    r"|(?P<word>\w+(?:['’.\-]\w+)*['’]?\.?)"
    r"|(?P<punct>[,;:\[\]()¶])"
)
_OPEN_QUOTES = "'‘\"“"
_CLOSE_QUOTES = "'’\"”"
#: Where a quote may open: first, or after a space or one of ",:([", with text after it.
_MAY_OPEN = re.compile(r"(?:^|[\s,:(\[])['‘\"“].", re.S)
QUOTE = "¶"


@attrs.frozen
class _Tok:
    kind: str  # "num", "word" or "punct"
    text: str
    #: The text in lower case without a final full stop, as the grammar compares it.
    low: str = attrs.field(eq=False)

    @classmethod
    def of(cls, kind: str, text: str) -> _Tok:
        return cls(kind, text, text.lower().rstrip("."))


def _set_quotes_aside(title: str) -> tuple[str, tuple[str, ...]]:
    """Replace quoted sub-titles by a marker; return the text and the quoted parts."""
    if not _MAY_OPEN.search(title):
        return title, ()
    out: list[str] = []
    quoted: list[str] = []
    i, n = 0, len(title)
    while i < n:
        ch = title[i]
        before = title[i - 1] if i else " "
        if ch in _OPEN_QUOTES and (before.isspace() or before in ",:([") and i + 1 < n:
            j = i + 1
            while j < n:
                after = title[j + 1] if j + 1 < n else " "
                if title[j] in _CLOSE_QUOTES and not after.isalnum():
                    break
                j += 1
            if j < n:
                quoted.append(title[i + 1 : j])
                out.append(f" {QUOTE} ")
                i = j + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out), tuple(quoted)


#: The tokens made last, by kind and text: titles share most of their words.
_MADE: dict[tuple[str | None, str], _Tok] = {}
#: How many tokens :data:`_MADE` keeps (then it starts again).
_MADE_KEPT = 65536


def _tokens(text: str) -> list[_Tok]:
    text = text.replace("\xa0", " ")
    toks: list[_Tok] = []
    made = _MADE
    for match in _TOKEN.finditer(text):
        key = (match.lastgroup, match.group())
        tok = made.get(key)
        if tok is None:
            if len(made) >= _MADE_KEPT:
                made.clear()
            tok = made[key] = _Tok.of(key[0] or "punct", key[1])
        toks.append(tok)
    return toks


_OPENERS = "[("
_CLOSERS = {"[": "]", "(": ")"}


class _TokenStream:
    """A title's tokens read left to right from ``start``: look ahead, skip brackets, cut runs."""

    def __init__(self, toks: Sequence[_Tok], start: int = 0) -> None:
        self.toks = toks
        self.start = start
        self.pos = start

    def peek(self, k: int = 0) -> _Tok | None:
        """The token ``k`` places on (back, for a negative ``k``); ``None`` outside the stream."""
        i = self.pos + k
        return self.toks[i] if self.start <= i < len(self.toks) else None

    def low(self, k: int = 0) -> str:
        """:meth:`peek`'s token in lower case, ``""`` outside the stream."""
        tok = self.peek(k)
        return "" if tok is None else tok.low

    def skip(self, k: int = 1) -> None:
        self.pos += k

    def skip_bracket(self) -> tuple[list[_Tok], list[_Tok]]:
        """At an opening bracket: move past its closer; the whole run and what is inside.

        An unclosed bracket runs to the end.
        """
        closer = _CLOSERS[self.toks[self.pos].text]
        end = self.pos + 1
        while end < len(self.toks) and self.toks[end].text != closer:
            end += 1
        run = list(self.toks[self.pos : end + 1])
        inner = list(self.toks[self.pos + 1 : end])
        self.pos = end + 1
        return run, inner

    def ahead(self, k: int, *stops: str) -> list[_Tok]:
        """The tokens from ``k`` places on up to the first whose text is one of ``stops``."""
        i = end = self.pos + k
        while end < len(self.toks) and self.toks[end].text not in stops:
            end += 1
        return list(self.toks[i:end])

    def until(self, *stops: str) -> list[_Tok]:
        """:meth:`ahead` from here, moving to the stop (which is left to read)."""
        run = self.ahead(0, *stops)
        self.pos += len(run)
        return run


def _is_excerpt(inner: Sequence[_Tok]) -> bool:
    """Whether a bracket holds only "Excerpt", a note about the document, not a name."""
    return len(inner) == 1 and inner[0].low == "excerpt"


def _depths(toks: Sequence[_Tok]) -> Iterator[tuple[_Tok, int]]:
    """Each token with the bracket depth after it (an opener counts inside, a closer outside)."""
    depth = 0
    for tok in toks:
        if tok.text in _OPENERS:
            depth += 1
        elif tok.text in "])":
            depth = max(0, depth - 1)
        yield tok, depth


def _possessive(tok: _Tok) -> bool:
    return tok.kind == "word" and tok.text.endswith(("'s", "’s"))


# -- vocabulary ---------------------------------------------------------------------------------

_HEADS = frozenset(
    [
        "telegram",
        "telegrams",
        "cable",
        "cables",
        "letter",
        "letters",
        "memorandum",
        "note",
        "report",
        "message",
        "ciphergram",
        "reply",
    ]
)
_CONVERSATIONS = frozenset(
    [
        "conversation",
        "conversations",
        "discussion",
        "discussions",
        "talks",
        "meeting",
        "meetings",
        "contact",
        "consultation",
        "interview",
    ]
)
_LISTING_CONVERSATIONS = frozenset(
    ["conversation", "conversations", "discussion", "discussions", "talks"]
)
_MARKERS = frozenset(["from", "to", "by", "via", "for"])
_STOPS = frozenset(
    [
        "on",
        "regarding",
        "concerning",
        "about",
        "re",
        "containing",
        "conveying",
        "transmitting",
        "including",
        "with",
        "plans",
    ]
)
_BAD_BEFORE_HEAD = frozenset(["to", "on", "by", "about", "for"])
_SKIP_IN_SEGMENT = (
    frozenset(
        [
            "special",
            "top",
            "secret",
            "ciphered",
            "hand",
            "delivered",
            "handwritten",
            "draft",
            "relayed",
            "background",
            "excerpt",
        ]
    )
    | _HEADS
)
# "Ambassador to China": here "to" belongs to a title, not to the address.
_TITLE_BEFORE_TO = frozenset(
    [
        "ambassador",
        "ambassadors",
        "envoy",
        "representative",
        "representatives",
        "attaché",
        "attache",
        "delegation",
        "mission",
        "embassy",
    ]
)
_ARTICLES = frozenset(("the", "a", "an"))
_SKIP_AFTER_CONVERSATION = frozenset(["minutes", "record", "records", "notes", "summary"])


# -- segments into names -----------------------------------------------------------------------


def _clean_body(toks: Sequence[_Tok]) -> str | None:
    """A body's name as printed: without article, bracket notes, or "(Excerpt)"."""
    words = [
        tok.text
        for tok, depth in _depths(toks)
        if depth == 0 and tok.text not in "])" and tok.text != QUOTE
    ]
    while words and words[0].lower() in _ARTICLES:
        words.pop(0)
    if not words or not words[0][:1].isupper():
        return None
    text = " ".join(words)
    return text.replace(" ,", ",")


def _split_items(toks: Sequence[_Tok], *, commas: bool = False) -> list[list[_Tok]]:
    """The items of a run split at "and", "or", "&" (and commas) outside brackets."""
    items: list[list[_Tok]] = [[]]
    for tok, depth in _depths(toks):
        if depth == 0 and (
            (tok.kind == "word" and tok.low in ("and", "or", "&")) or (commas and tok.text == ",")
        ):
            items.append([])
            continue
        items[-1].append(tok)
    return [item for item in items if item]


class _TitlePersons:
    """The ids of the persons a whole title names, read once, and only when asked."""

    def __init__(self, people: PeopleAuthority, title: str, date: DateContext) -> None:
        self._people = people
        self._title = title
        self._date = date
        self._ids: tuple[str, ...] | None = None

    def __iter__(self) -> Iterator[str]:
        if self._ids is None:
            self._ids = tuple(p.id for p in self._people.mentions(self._title, date=self._date))
        return iter(self._ids)


class _NameResolver:
    """Turns token runs into canonical names with one people and one places authority.

    A run is read with the persons of the whole title in view, so that a
    name a code name's correspondents use for it (Terebin's "F. Kuznetsov")
    is the code name in a message between them.
    """

    def __init__(
        self,
        people: PeopleAuthority,
        places: PlaceAuthority,
        date: DateContext = "any",
        title: str = "",
    ) -> None:
        self.people = people
        self.places = places
        self.date = date
        self.in_title = _TitlePersons(people, title, date)

    def persons(self, toks: Sequence[_Tok]) -> list[str]:
        text = " ".join(t.text for t in toks)
        found = self.people.mentions(text, date=self.date, among=self.in_title)
        return [p.name for p in found]

    def is_place(self, toks: Sequence[_Tok]) -> bool:
        """Whether the tokens are exactly a place's name ("Beijing", not "Embassy in India")."""
        return self.places.knows(" ".join(t.text for t in toks))

    def item(self, toks: Sequence[_Tok]) -> list[str]:
        """Names of one list item: the persons it names, else the one person it is without
        a place after it ("Petrov in Chongqing"), else the body as printed."""
        found = self.persons(toks)
        if found:
            return found
        core = _without_place_tail(toks, self)
        if len(core) < len(toks):
            person = self.person(core)
            if person is not None:
                return [person]
        body = _clean_body(toks)
        return [] if body is None else [body]

    def person(self, toks: Sequence[_Tok]) -> str | None:
        """The one person the whole run names (with titles, initials, glosses), else ``None``."""
        try:
            found = self.people.resolve(" ".join(t.text for t in toks), date=self.date)
        except AmbiguousNameError:
            return None
        return None if found is None else found.name

    def resolves(self, toks: Sequence[_Tok]) -> bool:
        """Whether the whole run is one person's name (with titles, initials, glosses)."""
        return self.person(toks) is not None

    def segment(self, toks: Sequence[_Tok]) -> list[str]:
        """Names of an "X and Y" run; stops at an item that begins in lower case."""
        names: list[str] = []
        for item in _split_items(toks):
            first = next((t for t in item if t.text not in _OPENERS), None)
            if (
                first is not None
                and first.kind == "word"
                and first.text[:1].islower()
                and first.low not in _ARTICLES
            ):
                break
            names.extend(self.item(item))
        return list(dict.fromkeys(names))


# -- messages -----------------------------------------------------------------------------------


def _head_index(toks: Sequence[_Tok]) -> int | None:
    """The first message head word that opens the title's phrase (not an object in it)."""
    for i, tok in enumerate(toks):
        if tok.text == QUOTE:
            return None
        if tok.kind != "word":
            continue
        low = tok.low
        if low in _CONVERSATIONS:
            return None
        if low in _HEADS:
            here = _TokenStream(toks, i)
            nxt, after = here.low(1), here.low(2)
            if (low == "memorandum" and nxt == "of") or (nxt == "," and after in _CONVERSATIONS):
                return None  # "Memorandum of Conversation", "Memorandum, Conversation of ..."
            if any(t.kind == "word" and t.low in _BAD_BEFORE_HEAD for t in toks[:i]):
                return None
            return i
    return None


def _number(tok: _Tok) -> str:
    return tok.text.split(".", 1)[1].strip()


@attrs.define
class _Message:
    """A message title read into runs: ``leading`` (before any marker: the implied sender)
    and ``segments`` after "from", "to", "via", "for"."""

    leading: list[_Tok] = attrs.Factory(list)
    segments: list[tuple[str, list[_Tok]]] = attrs.Factory(list)
    via: list[list[_Tok]] = attrs.Factory(list)
    number: str | None = None

    def current(self) -> list[_Tok]:
        return self.segments[-1][1] if self.segments else self.leading

    def collected(self) -> bool:
        return bool(self.leading or self.segments)

    def roles(self, role: str) -> list[list[_Tok]]:
        return [toks for r, toks in self.segments if r == role]


def _read_message(toks: Sequence[_Tok], start: int, resolver: _NameResolver) -> _Message:
    msg = _Message()
    stream = _TokenStream(toks, start)
    while (tok := stream.peek()) is not None:
        low = tok.low
        if tok.kind == "num":
            msg.number = msg.number or _number(tok)
        elif tok.text in _OPENERS:
            run, inner = stream.skip_bracket()
            if inner and inner[0].low == "via":
                msg.via.append(inner[1:])
            elif any(t.kind == "num" for t in inner):
                msg.number = msg.number or next(_number(t) for t in inner if t.kind == "num")
            elif not _is_excerpt(inner):
                msg.current().extend(run)
            continue
        elif tok.text == QUOTE or tok.text in ":;":
            if msg.collected():
                break
        elif tok.text == ",":
            if not msg.collected():
                pass
            elif (
                not msg.leading
                and [r for r, _ in msg.segments] == ["from"]
                and resolver.is_place(msg.segments[0][1])
            ):
                msg.segments.clear()  # "No. 25465 from Beijing, ...": the place of origin
            elif stream.low(1) in ("for", "via"):
                pass
            elif not resolver.persons(msg.current()) and resolver.persons(
                stream.ahead(1, ",", QUOTE)
            ):
                stream.skip()
                msg.current()[:] = stream.until(",")  # an apposition names the person
                continue
            else:
                break
        elif tok.kind == "word" and low in _MARKERS:
            if low == "to" and stream.low(-1) in _TITLE_BEFORE_TO:
                msg.current().append(tok)
            elif low == "via":
                msg.segments.append(("via", []))
            elif low == "for" and msg.roles("to") and stream.low(-1) != ",":
                break
            else:
                msg.segments.append(("from" if low == "by" else low, []))
        elif tok.kind == "word" and low in _STOPS:
            break
        elif tok.text != "-" and not (not msg.current() and low in _SKIP_IN_SEGMENT):
            msg.current().append(tok)
        stream.skip()
    return msg


def _possessive_before(toks: Sequence[_Tok], i: int) -> list[_Tok]:
    """The name in "Zhou Enlai's Report" / "[Mao Zedong's] Conversation", if any."""
    j = i - 1
    while (
        j >= 0
        and toks[j].kind == "word"
        and toks[j].low in ("first", "second", "third", "fourth", "fifth", "background")
    ):
        j -= 1
    while j >= 0 and toks[j].text in "])":
        j -= 1
    if j < 0 or not _possessive(toks[j]):
        return []
    end = j
    while j - 1 >= 0 and toks[j - 1].kind == "word" and toks[j - 1].text[:1].isupper():
        j -= 1
    return list(toks[j : end + 1])


def _message(toks: list[_Tok], head: int | None, resolver: _NameResolver) -> Correspondence | None:
    start = 0 if head is None else head + 1
    msg = _read_message(toks, start, resolver)
    to = msg.roles("to")
    if head is None and not (
        msg.leading
        and to
        and resolver.resolves(msg.leading)
        and all(resolver.resolves(t) for t in _split_items(to[0]))
    ):
        return None  # without a head word only "Person to Person" is read as a message
    senders: list[str] = []
    if msg.leading and msg.leading[0].text[:1].isupper():
        senders = resolver.segment(msg.leading)
    if not senders:
        for seg in msg.roles("from"):
            if seg and seg[0].low not in _SKIP_IN_SEGMENT:
                senders = resolver.segment(seg)
                if senders:
                    break
    if not senders and head is not None:
        senders = resolver.segment(_possessive_before(toks, head))
    froms = msg.roles("from")
    if not to and not msg.leading and len(froms) == 1 and resolver.is_place(froms[0]):
        senders = []  # "Telegram, Special No. 1821 from Beijing": where from, not who
    recipients = resolver.segment(to[0]) if to else []
    intermediaries = [name for seg in msg.roles("via") + msg.via for name in resolver.segment(seg)]
    final = msg.roles("for")
    if final:
        intermediaries = recipients + intermediaries
        recipients = resolver.segment(final[0])
    if not (senders or recipients or msg.number):
        return None
    return Correspondence(
        kind="message",
        senders=tuple(senders),
        recipients=tuple(recipients),
        intermediaries=tuple(dict.fromkeys(intermediaries)),
        number=msg.number,
    )


# -- conversations ------------------------------------------------------------------------------


def _owner(toks: Sequence[_Tok], resolver: _NameResolver) -> tuple[list[str], int]:
    """The keeper of "(From the) Diary/Journal of X[,:]" and where the rest begins."""
    stream = _TokenStream(toks)
    if stream.low() == "from":
        stream.skip()
    if stream.low() == "the":
        stream.skip()
    if stream.low() in ("diary", "journal") and stream.low(1) == "of":
        stream.skip(2)
        keeper = stream.until(",", ":", QUOTE)
        return resolver.item(keeper), stream.pos
    return [], 0


def _participants_list(toks: Sequence[_Tok], i: int, resolver: _NameResolver) -> list[str]:
    """Names of a run like "A, B and C with D"; a comma item must name a person to count."""
    names: list[str] = []
    item: list[_Tok] = []
    items: list[tuple[list[_Tok], bool]] = []  # (tokens, came after a comma)
    after_comma = False
    stream = _TokenStream(toks, i)
    while (tok := stream.peek()) is not None:
        if tok.text in (QUOTE, ":", ";") or (tok.kind == "word" and tok.low in _STOPS - {"with"}):
            break
        if tok.text == "," or (tok.kind == "word" and tok.low in ("and", "with")):
            if item:
                items.append((item, after_comma))
            item = []
            after_comma = tok.text == ","
        elif tok.text in _OPENERS:
            run, inner = stream.skip_bracket()
            if not _is_excerpt(inner):
                item.extend(run)
            continue
        else:
            item.append(tok)
        stream.skip()
    if item:
        items.append((item, after_comma))
    for position, (tokens, comma) in enumerate(items):
        found = resolver.persons(tokens)
        if comma and position and not found:
            break
        if not found:
            first = tokens[0]
            if first.kind == "word" and first.text[:1].islower() and first.low not in _ARTICLES:
                break
            if resolver.is_place(tokens):
                continue
            body = _clean_body(_without_place_tail(tokens, resolver))
            found = [] if body is None else [body]
        names.extend(found)
    return names


def _without_place_tail(toks: Sequence[_Tok], resolver: _NameResolver) -> Sequence[_Tok]:
    """The tokens before an "in <place>" or "at <place>" that ends them ("Petrov in Chongqing")."""
    for k, tok in enumerate(toks):
        if (
            tok.kind == "word"
            and tok.low in ("in", "at")
            and k
            and resolver.is_place(toks[k + 1 :])
        ):
            return toks[:k]
    return toks


def _conversation(toks: list[_Tok], resolver: _NameResolver) -> tuple[bool, list[str]]:
    """Whether a conversation word was found, and the participants."""
    owner, start = _owner(toks, resolver)
    seen_keyword = False
    for i in range(start, len(toks)):
        tok = toks[i]
        if tok.text == QUOTE:
            break
        if tok.kind != "word" or tok.low not in _CONVERSATIONS:
            continue
        seen_keyword = True
        found = list(owner) + resolver.segment(_possessive_before(toks, i))
        stream = _TokenStream(toks, i + 1)
        while (after := stream.peek()) is not None and (
            after.kind == "word" and after.low in _SKIP_AFTER_CONVERSATION
        ):
            stream.skip()
        nxt = stream.peek()
        if nxt is None:
            continue
        rest = stream.pos + 1
        if nxt.low in ("between", "with"):
            found += _participants_list(toks, rest, resolver)
        elif nxt.low == "of":
            listed = _participants_list(toks, rest, resolver)
            if len(listed) > 1:  # "Conversation of A with B", not "Meeting of the Group"
                found += listed
        elif nxt.text == "," and tok.low in _LISTING_CONVERSATIONS:
            found += _participants_list(toks, rest, resolver)
        found = list(dict.fromkeys(found))
        if len(found) > len(owner) or (found and nxt.low in ("between", "with")):
            return True, found
    return seen_keyword, []


# -- entry point --------------------------------------------------------------------------------


def parse_correspondence(
    title: str,
    *,
    date: DateContext = "any",
    people: PeopleAuthority = people,
    places: PlaceAuthority = places,
) -> Correspondence | None:
    """Read sender, recipients, intermediaries and number (or participants) from a title.

    Returns ``None`` when the title names no correspondence (a speech, a
    gazette, a report about something). Never raises for any text. With the
    document's ``date``, code names stand for their persons only in the years
    they were used (see :meth:`PeopleAuthority.mentions`).

    >>> parse_correspondence("Cable, Zhou Enlai to Filippov [Stalin]").recipients
    ('Joseph Stalin',)
    >>> parse_correspondence("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]").intermediaries
    ('Andrei Orlov',)
    """
    resolver = _NameResolver(people, places, date, title)
    text, quoted = _set_quotes_aside(title)
    toks = _tokens(text)
    head = _head_index(toks)
    if head is not None:
        return _message(toks, head, resolver)
    conversation_word, participants = _conversation(toks, resolver)
    if participants:
        return Correspondence(kind="conversation", participants=tuple(participants))
    owner, _ = _owner(toks, resolver)
    if owner and quoted:
        quoted_conversation, inner = _conversation(_tokens(quoted[0]), resolver)
        if quoted_conversation:
            names = tuple(dict.fromkeys(owner + inner))
            return Correspondence(kind="conversation", participants=names)
    if conversation_word or owner:
        return None
    return _message(toks, None, resolver)


@functools.lru_cache(maxsize=4096)
def correspondence_of(title: str, date: DateContext = "any") -> Correspondence | None:
    """:func:`parse_correspondence` with the bundled authorities, cached per title and date."""
    return parse_correspondence(title, date=date)
