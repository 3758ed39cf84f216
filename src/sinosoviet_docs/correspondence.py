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
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .exceptions import AmbiguousNameError, MissingExtraError
from .names import DateContext, PeopleAuthority, PlaceAuthority, people, places

if TYPE_CHECKING:
    from .models import Document

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
QUOTE = "¶"


@attrs.frozen
class _Tok:
    kind: str  # "num", "word" or "punct"
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")


def _set_quotes_aside(title: str) -> tuple[str, tuple[str, ...]]:
    """Replace quoted sub-titles by a marker; return the text and the quoted parts."""
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


def _tokens(text: str) -> list[_Tok]:
    text = text.replace("\xa0", " ")
    toks: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        toks.append(_Tok(kind, match.group()))
    return toks


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
    words: list[str] = []
    depth = 0
    for tok in toks:
        if tok.text in "[(":
            depth += 1
        elif tok.text in "])":
            depth = max(0, depth - 1)
        elif depth == 0 and tok.text != QUOTE:
            words.append(tok.text)
    while words and words[0].lower() in _ARTICLES:
        words.pop(0)
    if not words or not words[0][:1].isupper():
        return None
    text = " ".join(words)
    return text.replace(" ,", ",")


def _split_items(toks: Sequence[_Tok], *, commas: bool = False) -> list[list[_Tok]]:
    items: list[list[_Tok]] = [[]]
    depth = 0
    for tok in toks:
        if tok.text in "[(":
            depth += 1
        elif tok.text in "])":
            depth = max(0, depth - 1)
        if depth == 0 and (
            (tok.kind == "word" and tok.low in ("and", "or", "&")) or (commas and tok.text == ",")
        ):
            items.append([])
            continue
        items[-1].append(tok)
    return [item for item in items if item]


class _Reader:
    """Turns token runs into canonical names with one people and one places authority."""

    def __init__(
        self, people: PeopleAuthority, places: PlaceAuthority, date: DateContext = "any"
    ) -> None:
        self.people = people
        self.places = places
        self.date = date

    def persons(self, toks: Sequence[_Tok]) -> list[str]:
        text = " ".join(t.text for t in toks)
        return [p.name for p in self.people.mentions(text, date=self.date)]

    def is_place(self, toks: Sequence[_Tok]) -> bool:
        """Whether the tokens are exactly a place's name ("Beijing", not "Embassy in India")."""
        return self.places.knows(" ".join(t.text for t in toks))

    def resolves(self, toks: Sequence[_Tok]) -> bool:
        """Whether the whole run is one person's name (with titles, initials, glosses)."""
        try:
            return self.people.resolve(" ".join(t.text for t in toks), date=self.date) is not None
        except AmbiguousNameError:
            return False

    def item(self, toks: Sequence[_Tok]) -> list[str]:
        """Names of one list item: the persons it names, else the body as printed."""
        found = self.persons(toks)
        if found:
            return found
        body = _clean_body(toks)
        return [] if body is None else [body]

    def segment(self, toks: Sequence[_Tok]) -> list[str]:
        """Names of an "X and Y" run; stops at an item that begins in lower case."""
        names: list[str] = []
        for item in _split_items(toks):
            first = next((t for t in item if t.text not in "[("), None)
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
            nxt = toks[i + 1].low if i + 1 < len(toks) else ""
            after = toks[i + 2].low if i + 2 < len(toks) else ""
            if (low == "memorandum" and nxt == "of") or (nxt == "," and after in _CONVERSATIONS):
                return None  # "Memorandum of Conversation", "Memorandum, Conversation of ..."
            if any(t.kind == "word" and t.low in _BAD_BEFORE_HEAD for t in toks[:i]):
                return None
            return i
    return None


def _bracket_end(toks: Sequence[_Tok], i: int) -> int:
    closer = "]" if toks[i].text == "[" else ")"
    j = i + 1
    while j < len(toks) and toks[j].text != closer:
        j += 1
    return j


def _number(tok: _Tok) -> str:
    return tok.text.split(".", 1)[1].strip()


@attrs.define
class _Message:
    s0: list[_Tok] = attrs.Factory(list)
    segments: list[tuple[str, list[_Tok]]] = attrs.Factory(list)
    via: list[list[_Tok]] = attrs.Factory(list)
    number: str | None = None

    def current(self) -> list[_Tok]:
        return self.segments[-1][1] if self.segments else self.s0

    def collected(self) -> bool:
        return bool(self.s0 or self.segments)

    def roles(self, role: str) -> list[list[_Tok]]:
        return [toks for r, toks in self.segments if r == role]


def _read_message(toks: Sequence[_Tok], start: int, reader: _Reader) -> _Message:
    msg = _Message()
    i = start
    n = len(toks)
    while i < n:
        tok = toks[i]
        low = tok.low
        if tok.kind == "num":
            msg.number = msg.number or _number(tok)
        elif tok.text in "[(":
            end = _bracket_end(toks, i)
            inner = list(toks[i + 1 : end])
            if inner and inner[0].low == "via":
                msg.via.append(inner[1:])
            elif any(t.kind == "num" for t in inner):
                msg.number = msg.number or next(_number(t) for t in inner if t.kind == "num")
            elif not (len(inner) == 1 and inner[0].low == "excerpt"):
                msg.current().extend(toks[i : end + 1])
            i = end + 1
            continue
        elif tok.text == QUOTE or tok.text in ":;":
            if msg.collected():
                break
        elif tok.text == ",":
            nxt = toks[i + 1].low if i + 1 < n else ""
            if not msg.collected():
                pass
            elif (
                not msg.s0
                and [r for r, _ in msg.segments] == ["from"]
                and reader.is_place(msg.segments[0][1])
            ):
                msg.segments.clear()  # "No. 25465 from Beijing, ...": the place of origin
            elif nxt in ("for", "via"):
                pass
            elif not _has_person(msg.current(), reader) and _next_item_person(toks, i + 1, reader):
                j = i + 1
                while j < n and toks[j].text != ",":
                    j += 1
                msg.current()[:] = list(toks[i + 1 : j])  # an apposition names the person
                i = j
                continue
            else:
                break
        elif tok.kind == "word" and low in _MARKERS:
            prev = toks[i - 1].low if i > start else ""
            if low == "to" and prev in _TITLE_BEFORE_TO:
                msg.current().append(tok)
            elif low == "via":
                msg.segments.append(("via", []))
            elif low == "for" and msg.roles("to") and toks[i - 1].text != ",":
                break
            else:
                msg.segments.append(("from" if low == "by" else low, []))
        elif tok.kind == "word" and low in _STOPS:
            break
        elif tok.text != "-" and not (not msg.current() and low in _SKIP_IN_SEGMENT):
            msg.current().append(tok)
        i += 1
    return msg


def _has_person(toks: Sequence[_Tok], reader: _Reader) -> bool:
    return bool(reader.persons(toks))


def _next_item_person(toks: Sequence[_Tok], i: int, reader: _Reader) -> bool:
    j = i
    while j < len(toks) and toks[j].text not in (",", QUOTE):
        j += 1
    return bool(toks[i:j]) and _has_person(toks[i:j], reader)


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


def _message(toks: list[_Tok], head: int | None, reader: _Reader) -> Correspondence | None:
    start = 0 if head is None else head + 1
    msg = _read_message(toks, start, reader)
    senders: list[str] = []
    if msg.s0 and msg.s0[0].text[:1].isupper():
        senders = reader.segment(msg.s0)
    if not senders:
        for seg in msg.roles("from"):
            if seg and seg[0].low not in _SKIP_IN_SEGMENT:
                senders = reader.segment(seg)
                if senders:
                    break
    if not senders and head is not None:
        senders = reader.segment(_possessive_before(toks, head))
    to = msg.roles("to")
    froms = msg.roles("from")
    if not to and not msg.s0 and len(froms) == 1 and reader.is_place(froms[0]):
        senders = []  # "Telegram, Special No. 1821 from Beijing": where from, not who
    recipients = reader.segment(to[0]) if to else []
    intermediaries = [name for seg in msg.roles("via") + msg.via for name in reader.segment(seg)]
    final = msg.roles("for")
    if final:
        intermediaries = recipients + intermediaries
        recipients = reader.segment(final[0])
    if head is None and not (
        msg.s0
        and to
        and reader.resolves(msg.s0)
        and all(reader.resolves(t) for t in _split_items(to[0]))
    ):
        return None  # without a head word only "Person to Person" is read as a message
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


def _owner(toks: Sequence[_Tok], reader: _Reader) -> tuple[list[str], int]:
    """The keeper of "(From the) Diary/Journal of X[,:]" and where the rest begins."""
    i = 0
    if i < len(toks) and toks[i].low == "from":
        i += 1
    if i < len(toks) and toks[i].low == "the":
        i += 1
    if i + 1 < len(toks) and toks[i].low in ("diary", "journal") and toks[i + 1].low == "of":
        j = i + 2
        while j < len(toks) and toks[j].text not in (",", ":", QUOTE):
            j += 1
        return reader.item(toks[i + 2 : j]), j
    return [], 0


def _participants_list(toks: Sequence[_Tok], i: int, reader: _Reader) -> list[str]:
    """Names of a run like "A, B and C with D"; a comma item must name a person to count."""
    names: list[str] = []
    item: list[_Tok] = []
    items: list[tuple[list[_Tok], bool]] = []  # (tokens, came after a comma)
    after_comma = False
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok.text in (QUOTE, ":", ";") or (tok.kind == "word" and tok.low in _STOPS - {"with"}):
            break
        if tok.text == "," or (tok.kind == "word" and tok.low in ("and", "with")):
            if item:
                items.append((item, after_comma))
            item = []
            after_comma = tok.text == ","
        elif tok.text in "[(":
            end = _bracket_end(toks, j)
            inner = toks[j + 1 : end]
            if not (len(inner) == 1 and inner[0].low == "excerpt"):
                item.extend(toks[j : end + 1])
            j = end + 1
            continue
        else:
            item.append(tok)
        j += 1
    if item:
        items.append((item, after_comma))
    for position, (tokens, comma) in enumerate(items):
        found = reader.persons(tokens)
        if comma and position and not found:
            break
        if not found:
            first = tokens[0]
            if first.kind == "word" and first.text[:1].islower() and first.low not in _ARTICLES:
                break
            if reader.is_place(tokens):
                continue
            body = _clean_body(_without_place_tail(tokens, reader))
            found = [] if body is None else [body]
        names.extend(found)
    return names


def _without_place_tail(toks: Sequence[_Tok], reader: _Reader) -> Sequence[_Tok]:
    for k, tok in enumerate(toks):
        if tok.kind == "word" and tok.low in ("in", "at") and k and reader.is_place(toks[k + 1 :]):
            return toks[:k]
    return toks


def _conversation(toks: list[_Tok], reader: _Reader) -> tuple[bool, list[str]]:
    """Whether a conversation word was found, and the participants."""
    owner, start = _owner(toks, reader)
    seen_keyword = False
    for i in range(start, len(toks)):
        tok = toks[i]
        if tok.text == QUOTE:
            break
        if tok.kind != "word" or tok.low not in _CONVERSATIONS:
            continue
        seen_keyword = True
        found = list(owner) + reader.segment(_possessive_before(toks, i))
        j = i + 1
        while j < len(toks) and toks[j].kind == "word" and toks[j].low in _SKIP_AFTER_CONVERSATION:
            j += 1
        nxt = toks[j] if j < len(toks) else None
        if nxt is None:
            continue
        if nxt.low in ("between", "with"):
            found += _participants_list(toks, j + 1, reader)
        elif nxt.low == "of":
            listed = _participants_list(toks, j + 1, reader)
            if len(listed) > 1:  # "Conversation of A with B", not "Meeting of the Group"
                found += listed
        elif nxt.text == "," and tok.low in _LISTING_CONVERSATIONS:
            found += _participants_list(toks, j + 1, reader)
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
    reader = _Reader(people, places, date)
    text, quoted = _set_quotes_aside(title)
    toks = _tokens(text)
    head = _head_index(toks)
    if head is not None:
        return _message(toks, head, reader)
    found, participants = _conversation(toks, reader)
    if participants:
        return Correspondence(kind="conversation", participants=tuple(participants))
    owner, _ = _owner(toks, reader)
    if owner and quoted:
        inner_found, inner = _conversation(_tokens(quoted[0]), reader)
        if inner_found:
            names = tuple(dict.fromkeys(owner + inner))
            return Correspondence(kind="conversation", participants=names)
    if found or owner:
        return None
    return _message(toks, None, reader)


@functools.lru_cache(maxsize=4096)
def correspondence_of(title: str, date: DateContext = "any") -> Correspondence | None:
    """:func:`parse_correspondence` with the bundled authorities, cached per title and date."""
    return parse_correspondence(title, date=date)


# -- the network of who wrote to whom ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Edge:
    """Messages from one sender to one recipient: how many, and which documents."""

    sender: str
    recipient: str
    count: int
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Network:
    """Directed edges sender -> recipient over a set of documents, heaviest first.

    An intermediary is not an edge of its own: "Stalin to Mao via Roshchin"
    counts once, Stalin -> Mao.
    """

    edges: tuple[Edge, ...] = ()

    def __len__(self) -> int:
        return len(self.edges)

    def __iter__(self) -> Iterator[Edge]:
        return iter(self.edges)

    def to_networkx(self) -> Any:
        """The network as a ``networkx.DiGraph`` (edge attributes ``count`` and ``ids``).

        Needs the optional ``networkx`` package (``pip install 'sinosoviet-docs[network]'``).
        """
        try:
            import networkx as nx  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise MissingExtraError("networkx", "network") from None
        graph = nx.DiGraph()
        for edge in self.edges:
            graph.add_edge(edge.sender, edge.recipient, count=edge.count, ids=list(edge.ids))
        return graph


def network(documents: Iterable[Document]) -> Network:
    """Who wrote to whom in these documents, read from their titles.

    >>> import sinosoviet_docs as ssd
    >>> top = ssd.load().network().edges[0]
    >>> (top.sender, top.recipient) == ("Joseph Stalin", "Mao Zedong") and top.count >= 3
    True
    """
    ids: dict[tuple[str, str], list[str]] = {}
    for doc in documents:
        found = correspondence_of(doc.title, doc.date)
        if found is None or found.kind != "message":
            continue
        for sender in found.senders:
            for recipient in found.recipients:
                ids.setdefault((sender, recipient), []).append(doc.id)
    edges = [
        Edge(sender=s, recipient=r, count=len(found_ids), ids=tuple(found_ids))
        for (s, r), found_ids in ids.items()
    ]
    edges.sort(key=lambda e: (-e.count, e.sender, e.recipient))
    return Network(edges=tuple(edges))


# -- the check report ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NamesReport:
    """What the names tools could and could not read in a catalogue (never raises).

    ``unparsed_titles`` are ids of documents whose title named no
    correspondence; ``unknown_names`` are names in correspondence that are
    no person of the authority (bodies such as "CPSU Central Committee", or
    ambiguous names), with how often each occurs; ``raw_citations`` are ids
    whose source citation had a part kept as raw text.
    """

    documents: int
    messages: int
    conversations: int
    unparsed_titles: tuple[str, ...]
    unknown_names: tuple[tuple[str, int], ...]
    citations: int
    references: int
    raw_citations: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "documents": self.documents,
            "messages": self.messages,
            "conversations": self.conversations,
            "unparsed_titles": list(self.unparsed_titles),
            "unknown_names": dict(self.unknown_names),
            "citations": self.citations,
            "references": self.references,
            "raw_citations": list(self.raw_citations),
        }

    def __str__(self) -> str:
        lines = [
            f"documents: {self.documents}",
            f"titles read as messages: {self.messages}, as conversations: {self.conversations}, "
            f"naming no correspondence: {len(self.unparsed_titles)}",
            f"names that are no known person: {len(self.unknown_names)} distinct",
        ]
        lines += [f"  {count:>3}  {name}" for name, count in self.unknown_names]
        lines.append(
            f"source citations: {self.citations}, references read: {self.references}, "
            f"citations with a part kept raw: {len(self.raw_citations)}"
        )
        lines += [f"  {doc_id}" for doc_id in self.raw_citations]
        return "\n".join(lines)


def report(documents: Iterable[Document], *, authority: PeopleAuthority = people) -> NamesReport:
    """Count what the names tools read and what they left (see :class:`NamesReport`)."""
    from .citations import parse_citation

    docs = list(documents)
    messages = conversations = citations = references = 0
    unparsed: list[str] = []
    unknown: dict[str, int] = {}
    raw: list[str] = []
    for doc in docs:
        found = correspondence_of(doc.title, doc.date)
        if found is None:
            unparsed.append(doc.id)
        else:
            if found.kind == "message":
                messages += 1
            else:
                conversations += 1
            for name in found.everyone:
                if not authority.knows(name):
                    unknown[name] = unknown.get(name, 0) + 1
        if doc.source:
            citations += 1
            refs = parse_citation(doc.source)
            references += sum(1 for r in refs if r.kind != "other")
            if any(r.kind == "other" for r in refs):
                raw.append(doc.id)
    return NamesReport(
        documents=len(docs),
        messages=messages,
        conversations=conversations,
        unparsed_titles=tuple(unparsed),
        unknown_names=tuple(sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))),
        citations=citations,
        references=references,
        raw_citations=tuple(raw),
    )
