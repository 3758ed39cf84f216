"""The search language, read by a lexer and a parser: AND/OR/NOT, phrases, prefixes, fields.

Grammar (operators are upper case; ``and``/``or`` in lower case are words)::

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary (["AND"] unary)*          -- AND is implicit
    unary   := "NOT" unary | primary
    primary := "(" or_expr ")" | [field ":"] (word | word* | "a phrase")

Text fields: ``title:``, ``summary:``, ``text:``, ``names:``. Filter fields
(``type:``, ``person:``, ``place:``, ``topic:``, ``language:``/``lang:``,
``collection:``, ``year:``, ``date:``, and the roles ``from:``, ``to:``,
``via:``, ``with:``) narrow the result like the
:class:`~sinosoviet_docs.Query` methods. Joined to the rest by (implicit)
AND at the top level they become :attr:`~.nodes.Parsed.filters`; under OR
or NOT they stay :class:`~.nodes.FieldFilter` nodes of the expression.

>>> p = parse('(taiwan OR "east wind") type:Telegram year:1958..1959')
>>> p.expr
Or(children=(Term(token='taiwan', field=None, prefix=False, position=1), \
Phrase(tokens=('east', 'wind'), field=None, position=11)))
>>> [(f.name, f.value) for f in p.filters]
[('type', 'Telegram'), ('year', '1958..1959')]
>>> parse("from:stalin (to:mao OR to:zhou)").expr  # doctest: +ELLIPSIS
Or(children=(FieldFilter(name='to', value='mao', ...), FieldFilter(name='to', value='zhou', ...)))
"""

from __future__ import annotations

import re

import attrs

from .._text import straighten_quotes, tokenize
from ..dates import PartialDate
from ..exceptions import DateParseError, QuerySyntaxError
from .nodes import FIELDS, FILTER_FIELDS, And, FieldFilter, Node, Not, Or, Parsed, Term, words_node

__all__ = ["filter_dates", "parse", "period"]


@attrs.frozen
class _Token:
    kind: str  # "(", ")", "word", "phrase", "AND", "OR", "NOT", "end"
    value: str
    position: int
    field: str | None = None
    value_position: int = 0


_SPECIAL = '()"'


def _quoted(text: str, s: str, i: int) -> tuple[str, int]:
    """The phrase in the quotes opening at ``s[i]``, and the offset after its closing quote."""
    end = s.find('"', i + 1)
    if end < 0:
        raise QuerySyntaxError(text, i, "unclosed quote")
    return s[i + 1 : end], end + 1


def _lex(text: str) -> list[_Token]:
    s = straighten_quotes(text)
    tokens: list[_Token] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(_Token(c, c, i))
            i += 1
        elif c == '"':
            phrase, after = _quoted(text, s, i)
            tokens.append(_Token("phrase", phrase, i, value_position=i + 1))
            i = after
        else:
            start = i
            while i < n and not s[i].isspace() and s[i] not in _SPECIAL:
                i += 1
            word = s[start:i]
            if word in ("AND", "OR", "NOT"):
                tokens.append(_Token(word, word, start))
                continue
            name, colon, value = word.partition(":")
            if colon and name.isalpha():
                field = name.lower()
                if field not in FIELDS and field not in FILTER_FIELDS:
                    known = ", ".join(sorted((*FIELDS, *FILTER_FIELDS)))
                    raise QuerySyntaxError(text, start, f"unknown field {name!r} (known: {known})")
                value_position = start + len(name) + 1
                if not value and i < n and s[i] == '"':
                    phrase, after = _quoted(text, s, i)
                    tokens.append(_Token("phrase", phrase, start, field, i + 1))
                    i = after
                    continue
                if not value:
                    raise QuerySyntaxError(
                        text, value_position, f"expected a value after '{name}:'"
                    )
                tokens.append(_Token("word", value, start, field, value_position))
                continue
            tokens.append(_Token("word", word, start, value_position=start))
    tokens.append(_Token("end", "", len(s)))
    return tokens


#: How deeply parentheses and NOT may nest: deeper queries are refused before
#: the parser (or a search walking the parsed tree) can run out of stack.
MAX_DEPTH = 100


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _lex(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, token: _Token, reason: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.text, token.position, reason)

    def parse(self) -> Parsed:
        if self.peek().kind == "end":
            raise self.error(self.peek(), "the query is empty")
        expr = self.or_expr()
        token = self.peek()
        if token.kind == ")":
            raise self.error(token, "unexpected ')' without '('")
        if token.kind != "end":  # pragma: no cover - or_expr consumes everything else
            raise self.error(token, f"unexpected {token.value!r}")
        return _hoisted(self.text, expr)

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek().kind == "OR":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        children: list[Node] = []
        while True:
            token = self.peek()
            if token.kind == "AND":
                self.take()
                token = self.peek()
                if token.kind not in ("word", "phrase", "(", "NOT"):
                    raise self.error(token, "expected a search term after AND")
            if token.kind not in ("word", "phrase", "(", "NOT"):
                break
            children.append(self.unary())
        if not children:
            token = self.peek()
            what = "the end of the query" if token.kind == "end" else repr(token.value)
            raise self.error(token, f"expected a search term, found {what}")
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        if self.depth >= MAX_DEPTH and self.peek().kind in ("NOT", "("):
            raise self.error(self.peek(), f"nested more than {MAX_DEPTH} deep (parentheses, NOT)")
        self.depth += 1
        try:
            return self._unary()
        finally:
            self.depth -= 1

    def _unary(self) -> Node:
        token = self.take()
        if token.kind == "NOT":
            nxt = self.peek()
            if nxt.kind not in ("word", "phrase", "(", "NOT"):
                raise self.error(nxt, "expected a search term after NOT")
            return Not(self.unary())
        if token.kind == "(":
            if self.peek().kind == ")":
                raise self.error(self.peek(), "empty parentheses")
            inner = self.or_expr()
            close = self.peek()
            if close.kind != ")":
                raise self.error(token, "'(' is never closed")
            self.take()
            return inner
        if token.field is not None and token.field in FILTER_FIELDS:
            value = token.value.strip()
            if not value:
                raise QuerySyntaxError(self.text, token.value_position, "empty filter value")
            name = "language" if token.field == "lang" else token.field
            return FieldFilter(name, value, token.position, token.value_position)
        return self.text_node(token)

    def text_node(self, token: _Token) -> Node:
        value = token.value
        if token.kind == "phrase":
            words = tokenize(value)
            if not words:
                raise self.error(token, "nothing to search for in the quotes")
            return words_node(words, token.field, token.position)
        prefix = value.endswith("*")
        core = value.rstrip("*") if prefix else value
        star = core.find("*")
        if star >= 0:
            raise QuerySyntaxError(
                self.text, token.value_position + star, "'*' may only end a word"
            )
        words = tokenize(core)
        if not words:
            raise self.error(token, f"nothing to search for in {value!r}")
        if prefix:
            if len(words) > 1:
                raise self.error(token, f"a prefix must be a single word, not {value!r}")
            return Term(words[0], token.field, True, token.position)
        return words_node(words, token.field, token.position)


def _hoisted(text: str, expr: Node) -> Parsed:
    """The parse with the filter fields joined by AND at the top level taken out as filters."""
    if isinstance(expr, FieldFilter):
        return Parsed(text=text, expr=None, filters=(expr,))
    if not isinstance(expr, And):
        return Parsed(text=text, expr=expr)
    filters = tuple(c for c in expr.children if isinstance(c, FieldFilter))
    rest = tuple(c for c in expr.children if not isinstance(c, FieldFilter))
    if not rest:
        return Parsed(text=text, expr=None, filters=filters)
    return Parsed(text=text, expr=rest[0] if len(rest) == 1 else And(rest), filters=filters)


def parse(text: str) -> Parsed:
    """Parse a search string; raise :class:`QuerySyntaxError` saying where it goes wrong.

    >>> parse("taiwan AND (strait OR NOT mao)").expr  # doctest: +ELLIPSIS
    And(children=(Term(token='taiwan', ...), Or(children=(Term(token='strait', ...), Not(...)))))
    >>> parse("taiwan OR )")
    Traceback (most recent call last):
    ...
    sinosoviet_docs.exceptions.QuerySyntaxError: bad query at column 11: expected a search \
term, found ')' in 'taiwan OR )'
    """
    if not isinstance(text, str):
        raise TypeError(f"a query must be a str, not {type(text).__name__}")
    s = straighten_quotes(text)
    if _PLAIN_WORDS.fullmatch(s):  # plain words: the tree the parser makes, made directly
        words = s.split(" ")
        if _OPERATORS.isdisjoint(words):
            nodes = _plain_nodes(words)
            if nodes is not None:
                return Parsed(text=text, expr=nodes[0] if len(nodes) == 1 else And(tuple(nodes)))
    return _Parser(text).parse()


def _plain_nodes(words: list[str]) -> list[Node] | None:
    """The nodes of plain words (each a word, a prefix ending in ``*`` or a hyphenated
    phrase), at their places in the search; None where the parser must say what is
    wrong (a word of no letters, a ``*`` inside a word, a prefix of several words)."""
    nodes: list[Node] = []
    at = 0
    for word in words:
        if "*" in word:
            core = word.rstrip("*")
            tokens = tokenize(core)
            if "*" in core or len(tokens) != 1:
                return None
            nodes.append(Term(tokens[0], None, True, at))
        else:
            tokens = tokenize(word)
            if not tokens:
                return None
            nodes.append(words_node(tokens, None, at))
        at += len(word) + 1
    return nodes


_OPERATORS = frozenset({"AND", "OR", "NOT"})
#: Words joined by single spaces, none holding white space, a parenthesis, a quote or
#: a field's colon (whether one is an operator is asked apart).
_WORD = r"[^\s" + re.escape(_SPECIAL + ":") + "]+"
_PLAIN_WORDS = re.compile(f"{_WORD}(?: {_WORD})*")


def period(name: str, value: str) -> tuple[PartialDate | None, PartialDate | None]:
    """The period of a ``year:`` or ``date:`` filter (``a``, ``a..b``, ``a..``, ``..b``).

    Raises DateParseError for a bad year or date.

    >>> [str(d) for d in period("year", "1958..1959")]
    ['1958', '1959']
    >>> period("date", "..1950-02")[0] is None
    True
    """
    start, sep, end = value.partition("..")
    if name == "year":
        for part in (start, end):
            if part and not (part.isascii() and part.isdecimal() and len(part) == 4):
                raise DateParseError(part, "a year is four digits")
        lo = PartialDate(year=int(start)) if start else None
        hi = PartialDate(year=int(end)) if end else None
        return lo, (hi if sep else lo)
    lo = PartialDate.parse(start) if start else None
    return lo, ((PartialDate.parse(end) if end else None) if sep else lo)


def filter_dates(parsed: Parsed, flt: FieldFilter) -> tuple[PartialDate | None, PartialDate | None]:
    """:func:`period`, a bad value raised as a QuerySyntaxError at its place in the query.

    >>> p = parse("year:1958..1959")
    >>> [str(d) for d in filter_dates(p, p.filters[0])]
    ['1958', '1959']
    """
    try:
        return period(flt.name, flt.value)
    except (DateParseError, ValueError) as exc:
        raise QuerySyntaxError(parsed.text, flt.value_position, str(exc)) from None
