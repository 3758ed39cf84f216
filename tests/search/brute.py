"""Brute-force BM25 and boolean matching, computed from each document's tokens with no index.

The oracle has its own tokenizer (:func:`tokenize`) and its own reader of the search
strings the tests generate (:func:`read_query`), so a fault in the library's tokenizer
or parser cannot hide by being repeated here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections.abc import Callable

import sinosoviet_docs as ssd
from sinosoviet_docs._search.nodes import (
    And,
    DatedPhrase,
    FieldFilter,
    Node,
    Not,
    Or,
    Phrase,
    Synonyms,
    Term,
)
from sinosoviet_docs._search.rewrite import parsed as _parsed
from sinosoviet_docs.dates import parse_date
from sinosoviet_docs.index import ALIAS_WEIGHT, K1, B

FIELDS = ("title", "summary", "text", "names")
#: What each role field of the search language reads of a document's correspondence.
ROLES = {
    "from": ("senders",),
    "to": ("recipients",),
    "via": ("intermediaries",),
    "with": ("participants", "senders", "recipients"),
}
#: The query method of each other filter field.
FIELD_QUERIES: dict[str, Callable[[ssd.Query, str], ssd.Query]] = {
    "type": ssd.Query.of_type,
    "person": ssd.Query.involving,
    "place": ssd.Query.at,
    "topic": ssd.Query.about,
    "language": ssd.Query.in_language,
    "collection": ssd.Query.in_collection,
    "year": lambda q, v: q.between(*v.split("..")) if ".." in v else q.between(v, v),
}

_WORD = r"[^\W_]"


def tokenize(text: str) -> list[str]:
    """Words folded as the search folds them: no diacritics, case folded, an apostrophe
    inside a word dropped ("Shao-ch'i" gives shao, chi), one before a final "s" a break."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub("[\u2018\u2019\u02bc`]", "'", text)
    text = re.sub(rf"(?<={_WORD})'(?=s(?!{_WORD}))", " ", text)
    text = re.sub(rf"(?<={_WORD})'(?={_WORD})", "", text)
    return re.findall(rf"{_WORD}+", text)


def _words(tokens: list[str], field: str | None) -> Node:
    return Term(tokens[0], field) if len(tokens) == 1 else Phrase(tuple(tokens), field)


def read_query(text: str) -> Node:
    """The tree of a search string of the shapes the tests generate: words, ``w*``,
    ``"a phrase"``, ``field:word``, parentheses, ``OR``, ``AND``, ``NOT`` and juxtaposition."""
    parts = re.findall(r'"[^"]*"|\(|\)|[^\s()"]+', text)
    at = 0

    def or_expr() -> Node:
        nonlocal at
        children = [and_expr()]
        while at < len(parts) and parts[at] == "OR":
            at += 1
            children.append(and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr() -> Node:
        nonlocal at
        children: list[Node] = []
        while at < len(parts) and parts[at] not in ("OR", ")"):
            if parts[at] == "AND":
                at += 1
            children.append(unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary() -> Node:
        nonlocal at
        part = parts[at]
        at += 1
        if part == "NOT":
            return Not(unary())
        if part == "(":
            inner = or_expr()
            assert parts[at] == ")", text
            at += 1
            return inner
        field, colon, word = part.partition(":")
        if not colon:
            field, word = "", part
        if word.startswith('"'):
            return _words(tokenize(word[1:-1]), field or None)
        if word.endswith("*"):
            (token,) = tokenize(word[:-1])
            return Term(token, field or None, True)
        return _words(tokenize(word), field or None)

    node = or_expr()
    assert at == len(parts), text
    return node


def _f32(x: float) -> float:
    return array("f", [x])[0]


class Brute:
    """BM25 and boolean matching computed from each document's tokens, with no index."""

    def __init__(self, cat: ssd.Catalogue) -> None:
        self.cat = cat
        self.docs = list(cat)
        self.fields = [
            [
                tokenize(d.title),
                tokenize(d.summary or ""),
                tokenize(d.text or ""),
                tokenize(" ; ".join((*d.authors, *d.people, *d.places))),
            ]
            for d in self.docs
        ]
        self.n = len(self.docs)
        lengths = [sum(len(f) for f in fs) for fs in self.fields]
        avgdl = (sum(lengths) / self.n if self.n else 0.0) or 1.0
        self.knorm = [K1 * (1 - B + B * dl / avgdl) for dl in lengths]
        self.vocab = sorted({t for fs in self.fields for f in fs for t in f})

    def idf(self, df: int) -> float:
        value = math.log((self.n - df + 0.5) / (df + 0.5))
        return value if value > 0 else 1e-6

    def runs(self, i: int, tokens: tuple[str, ...], fields: range | tuple[int, ...]) -> int:
        size = len(tokens)
        return sum(
            1
            for f in fields
            for j in range(len(self.fields[i][f]) - size + 1)
            if tuple(self.fields[i][f][j : j + size]) == tokens
        )

    def term(self, token: str) -> dict[int, float]:
        tfs = {i: sum(f.count(token) for f in fs) for i, fs in enumerate(self.fields)}
        tfs = {i: tf for i, tf in tfs.items() if tf}
        idf = self.idf(len(tfs))
        return {i: _f32(idf * (K1 + 1) * tf / (tf + self.knorm[i])) for i, tf in tfs.items()}

    def sequence(
        self, tokens: tuple[str, ...], fields: range | tuple[int, ...]
    ) -> dict[int, float]:
        tfs = {i: self.runs(i, tokens, fields) for i in range(self.n)}
        tfs = {i: tf for i, tf in tfs.items() if tf}
        idf = self.idf(len(tfs))
        return {i: idf * (K1 + 1) * tf / (tf + self.knorm[i]) for i, tf in tfs.items()}

    def dated(self, node: DatedPhrase) -> dict[int, float]:
        """A code name: runs of its tokens in documents of its years, not after a qualifier."""
        size = len(node.tokens)
        tfs: dict[int, int] = {}
        for i, doc in enumerate(self.docs):
            if doc.date is None or not node.first <= doc.date.year <= node.last:
                continue
            tf = 0
            for field in self.fields[i]:
                for j in range(len(field) - size + 1):
                    if tuple(field[j : j + size]) == node.tokens and (
                        j == 0 or field[j - 1] not in node.qualifiers
                    ):
                        tf += 1
            if tf:
                tfs[i] = tf
        idf = self.idf(len(tfs))
        return {i: idf * (K1 + 1) * tf / (tf + self.knorm[i]) for i, tf in tfs.items()}

    def field(self, node: FieldFilter) -> dict[int, float]:
        """A filter field, scoring 0: roles read from each ``Document.correspondence``;
        any other field through the query method of the same name."""
        roles = ROLES.get(node.name)
        if roles is None:
            kept = set(FIELD_QUERIES[node.name](self.cat.query(), node.value).ids())
            return {i: 0.0 for i, doc in enumerate(self.docs) if doc.id in kept}
        person = ssd.people.resolve(node.value)
        found: dict[int, float] = {}
        for i, doc in enumerate(self.docs):
            record = doc.correspondence
            if record is None:
                continue
            names = [n for role in roles for n in getattr(record, role)]
            if person is not None:
                hit = person.name in names
            else:
                hit = any(ssd_fold(n) == ssd_fold(node.value) for n in names)
            if hit:
                found[i] = 0.0
        return found

    def score(self, node: Node) -> dict[int, float]:
        if isinstance(node, FieldFilter):
            return self.field(node)
        if isinstance(node, Term):
            tokens = (
                [t for t in self.vocab if t.startswith(node.token)] if node.prefix else [node.token]
            )
            acc: dict[int, float] = {}
            for token in tokens:
                part = (
                    self.term(token)
                    if node.field is None
                    else self.sequence((token,), (FIELDS.index(node.field),))
                )
                for i, s in part.items():
                    acc[i] = acc.get(i, 0.0) + s
            return acc
        if isinstance(node, DatedPhrase):
            return self.dated(node)
        if isinstance(node, Phrase):
            fields = range(4) if node.field is None else (FIELDS.index(node.field),)
            return self.sequence(node.tokens, fields)
        if isinstance(node, Synonyms):
            # The typed form's score where it matches; elsewhere the best alias score,
            # at most the typed form's lowest score, times ALIAS_WEIGHT.
            typed = self.score(node.typed)
            aliases = [self.score(a) for a in node.aliases]
            result = dict(typed)
            for i in range(self.n):
                found = [a[i] for a in aliases if i in a]
                if i not in typed and found:
                    best = max(found)
                    if typed:
                        best = min(best, min(typed.values()))
                    result[i] = ALIAS_WEIGHT * best
            return result
        if isinstance(node, Not):
            excluded = self.score(node.child)
            return {i: 0.0 for i in range(self.n) if i not in excluded}
        if isinstance(node, Or):
            acc = {}
            for child in node.children:
                for i, s in self.score(child).items():
                    acc[i] = acc.get(i, 0.0) + s
            return acc
        assert isinstance(node, And)
        positives = [self.score(c) for c in node.children if not isinstance(c, Not)]
        negatives = [self.score(c.child) for c in node.children if isinstance(c, Not)]
        if positives:
            keep = [i for i in range(self.n) if all(i in p for p in positives)]
            result = {i: sum(p[i] for p in positives) for i in keep}
        else:
            result = dict.fromkeys(range(self.n), 0.0)
        return {i: s for i, s in result.items() if not any(i in m for m in negatives)}

    def ranked(self, text: str, *, aliases: bool = False) -> list[tuple[str, float]]:
        expr = _parsed(text, True)[1] if aliases else read_query(text)
        assert expr is not None
        return self.rank(self.score(expr))

    def rank(self, scores: dict[int, float]) -> list[tuple[str, float]]:
        return [(self.docs[i].id, scores[i]) for i in sorted(scores, key=lambda i: (-scores[i], i))]


def _synonyms(group: tuple[str, ...]) -> Node:
    """A group of folded words as the node name expansion makes: typed word, then aliases."""
    return Synonyms(Term(group[0]), tuple(Term(t) for t in group[1:]))


def _cat(*dates: str | None) -> ssd.Catalogue:
    return ssd.Catalogue(
        documents=[
            ssd.Document(id=f"d{i}", title=f"T{i}", date=None if d is None else parse_date(d))
            for i, d in enumerate(dates)
        ]
    )


def ssd_fold(text: str) -> str:
    from sinosoviet_docs._text import fold

    return fold(text)
