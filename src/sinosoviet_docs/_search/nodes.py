"""The nodes of a parsed search, one union of every kind, and writing them back as text.

>>> describe(words_node(("east", "wind"), "title", 0))
'title:"east wind"'
>>> describe(Synonyms(Term("filippov"), (Term("stalin"),)))
'SYNONYMS(filippov, stalin)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Literal, Union

import attrs

from .._choices import choices

__all__ = [
    "FIELDS",
    "FIELD_NUMBER",
    "FILTER_FIELDS",
    "ROLE_FIELDS",
    "And",
    "DatedPhrase",
    "FieldFilter",
    "Node",
    "Not",
    "Or",
    "Parsed",
    "Phrase",
    "Synonyms",
    "Term",
    "TextField",
    "describe",
    "field_filters",
    "map_filters",
    "only_filters",
    "words_node",
]

#: A field of the text index.
TextField = Literal["title", "summary", "text", "names"]
#: The text fields, in the order the index stores them.
FIELDS: tuple[str, ...] = choices(TextField)
#: A text field's number in :data:`FIELDS`.
FIELD_NUMBER = {name: number for number, name in enumerate(FIELDS)}
#: The fields that filter instead of searching text.
FILTER_FIELDS = (
    "collection",
    "date",
    "from",
    "lang",
    "language",
    "person",
    "place",
    "to",
    "topic",
    "type",
    "via",
    "with",
    "year",
)
#: The filter fields that read a message's or a conversation's roles
#: (:attr:`~sinosoviet_docs.Document.correspondence`), with the roles each reads.
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "from": ("senders",),
    "to": ("recipients",),
    "via": ("intermediaries",),
    "with": ("participants", "senders", "recipients"),
}


@attrs.frozen
class Term:
    """One folded token; ``prefix`` matches every token that starts with it."""

    token: str
    field: str | None = None
    prefix: bool = False
    position: int = 0


@attrs.frozen
class Phrase:
    """Tokens that must follow each other in one field."""

    tokens: tuple[str, ...]
    field: str | None = None
    position: int = 0


@attrs.frozen
class DatedPhrase(Phrase):
    """A code name in a search: it counts only in documents dated ``first``..``last``
    (by year; never in undated ones) and not right after one of ``qualifiers``
    (another person's forename or an initial: "Vladimir Semenov" is no code name).
    """

    first: int = 0
    last: int = 0
    qualifiers: frozenset[str] = frozenset()


@attrs.frozen
class And:
    """Every child matches (a ``Not`` child excludes)."""

    children: tuple[Node, ...]


@attrs.frozen
class Or:
    """At least one child matches."""

    children: tuple[Node, ...]


@attrs.frozen
class Not:
    """The child does not match."""

    child: Node


@attrs.frozen
class Synonyms:
    """The word as ``typed`` and other names for the same thing (a person's ``aliases``).

    A document scores one of them, never their sum: the typed word's score
    where it holds it, else :data:`~sinosoviet_docs.index.ALIAS_WEIGHT` times
    the best alias score capped at the typed word's lowest score, so naming
    someone several ways adds nothing and alias-only matches rank below typed
    ones. The query language has no syntax for it: name expansion makes it.
    """

    typed: Node
    aliases: tuple[Node, ...]

    @property
    def children(self) -> tuple[Node, ...]:
        """The typed form, then the aliases."""
        return (self.typed, *self.aliases)


@attrs.frozen
class FieldFilter:
    """A filter field such as ``type:Telegram``; positions are offsets in the query.

    Joined to the rest of a search by AND at the top level, a filter field is
    taken out of the expression into :attr:`Parsed.filters` (and run like the
    :class:`~sinosoviet_docs.Query` method of the same name). Anywhere else
    (under OR or NOT) it stays a node of the expression: it matches, with a
    score of 0, the documents the filter keeps, so ``from:stalin (to:mao OR
    to:zhou)`` and ``NOT type:Telegram`` combine like words. An executor
    answers it from ``name`` and ``value`` alone: ``name`` is one of
    :data:`FILTER_FIELDS` (``lang`` spelt ``language``), ``value`` as typed,
    except that a ``collection:`` value is the collection's slug.
    The role fields (:data:`ROLE_FIELDS`) match the names the title gives
    each role, resolved through the name authority with the document's date
    (so a 1950 "Filippov" is Stalin; a 1945 one is not).
    """

    name: str
    value: str
    position: int = 0
    value_position: int = 0


Node = Union[Term, Phrase, DatedPhrase, And, Or, Not, Synonyms, FieldFilter]  # noqa: UP007 - a runtime alias for Python 3.10


@attrs.frozen
class Parsed:
    """A parsed search string: the full-text expression (or None) and the filters."""

    text: str
    expr: Node | None
    filters: tuple[FieldFilter, ...] = ()


def words_node(words: Sequence[str], field: str | None, position: int) -> Term | Phrase:
    """One folded word as a :class:`Term`, several as a :class:`Phrase`.

    >>> words_node(["mao"], None, 3)
    Term(token='mao', field=None, prefix=False, position=3)
    """
    if len(words) == 1:
        return Term(words[0], field, False, position)
    return Phrase(tuple(words), field, position)


def describe(node: Node | None) -> str:
    """A node written back in the query language (for a query's plan).

    >>> describe(Or((Term("stal", prefix=True), Not(Term("mao")))))
    '(stal* OR NOT mao)'
    """
    if node is None:
        return "(everything)"
    if isinstance(node, Term):
        field = f"{node.field}:" if node.field else ""
        return f"{field}{node.token}{'*' if node.prefix else ''}"
    if isinstance(node, Phrase):
        field = f"{node.field}:" if node.field else ""
        return f'{field}"{" ".join(node.tokens)}"'
    if isinstance(node, FieldFilter):
        value = node.value
        shown = f'"{value}"' if any(c.isspace() or c in '()"' for c in value) else value
        return f"{node.name}:{shown}"
    if isinstance(node, Not):
        return f"NOT {describe(node.child)}"
    if isinstance(node, Synonyms):
        return "SYNONYMS(" + ", ".join(describe(c) for c in node.children) + ")"
    joiner = " AND " if isinstance(node, And) else " OR "
    return "(" + joiner.join(describe(c) for c in node.children) + ")"


def field_filters(node: Node | None) -> Iterator[FieldFilter]:
    """The filter fields inside an expression, in order.

    >>> [f.value for f in field_filters(Or((FieldFilter("to", "mao"), Term("x"))))]
    ['mao']
    """
    if isinstance(node, FieldFilter):
        yield node
    elif isinstance(node, And | Or | Synonyms):
        for child in node.children:
            yield from field_filters(child)
    elif isinstance(node, Not):
        yield from field_filters(node.child)


def only_filters(node: Node) -> bool:
    """Whether an expression is made of filter fields alone (no word to score).

    >>> only_filters(Or((FieldFilter("to", "mao"), Not(FieldFilter("to", "zhou")))))
    True
    >>> only_filters(And((FieldFilter("to", "mao"), Term("taiwan"))))
    False
    """
    if isinstance(node, FieldFilter):
        return True
    if isinstance(node, And | Or):
        return all(only_filters(c) for c in node.children)
    if isinstance(node, Not):
        return only_filters(node.child)
    return False


def map_filters(node: Node, change: Callable[[FieldFilter], FieldFilter]) -> Node:
    """The expression with each filter field replaced by ``change(field)``.

    >>> map_filters(Not(FieldFilter("to", "mao")), lambda f: FieldFilter(f.name, "x"))
    Not(child=FieldFilter(name='to', value='x', position=0, value_position=0))
    """
    if isinstance(node, FieldFilter):
        return change(node)
    if isinstance(node, And | Or):
        return type(node)(tuple(map_filters(c, change) for c in node.children))
    if isinstance(node, Not):
        return Not(map_filters(node.child, change))
    return node
