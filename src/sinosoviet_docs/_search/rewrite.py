"""Rewriting a parsed search with the name authority: a person's other names, code names by year.

A name typed in a search becomes a :class:`~.nodes.Synonyms` group of the
name and the person's other names; a code name among them counts only in
documents of its years and not right after another person's forename
(:func:`code_name_count`, the one statement of that rule, used both by the
index and by the filters that scan documents).

>>> from sinosoviet_docs import PartialDate
>>> code_name_count(None, 1949, 1953, [["filippov"]], ["filippov"], frozenset())
0
>>> fields = [["ivan", "filippov"], ["filippov"]]
>>> code_name_count(PartialDate(year=1950), 1949, 1953, fields, ["filippov"], {"ivan"})
1
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._text import fold_name, tokenize
from ..dates import years_of
from .language import parse
from .nodes import (
    And,
    DatedPhrase,
    FieldFilter,
    Node,
    Not,
    Or,
    Parsed,
    Phrase,
    Synonyms,
    Term,
    words_node,
)
from .runs import count_runs

if TYPE_CHECKING:
    from ..dates import DateRange, PartialDate
    from ..models import Document

__all__ = [
    "CodeForm",
    "authority",
    "code_name_count",
    "expand_aliases",
    "in_years",
    "name_expansion",
    "parsed",
    "person_forms",
    "place_variants",
]


def authority(kind: str) -> Any:
    """The name authority ``"people"`` or ``"places"`` (its data is read on first use)."""
    from .. import names

    return getattr(names, kind)


def place_variants(name: str) -> tuple[str, ...]:
    """The place's other names; none for an unknown or ambiguous one."""
    try:
        return tuple(authority("places").variants(name))
    except LookupError:  # ambiguous: keep to what the user typed
        return ()


def in_years(date: PartialDate | DateRange | None, first: int, last: int) -> bool:
    """Whether a document's date lies in the years ``first``..``last`` (never when undated)."""
    years = years_of(date)
    return years is not None and first <= years[0] <= years[1] <= last


def code_name_count(
    date: PartialDate | DateRange | None,
    first: int,
    last: int,
    fields: Iterable[Sequence[Any]],
    run: Sequence[Any],
    qualifiers: Container[Any],
) -> int:
    """How often a code name occurs in the ``fields`` of a document of that ``date``:
    only in its years, and not right after one of the ``qualifiers``."""
    if not in_years(date, first, last):
        return 0
    return sum(count_runs(field, run, qualifiers) for field in fields)


@attrs.frozen
class CodeForm:
    """A form of a person's code name: it names them only in ``first``..``last``."""

    key: str  # folded (fold_name)
    first: int
    last: int
    qualifiers: frozenset[str]

    def found_in(self, doc: Document, names: Iterable[str], title: list[str]) -> bool:
        """Whether the document is of the code name's years and names it (not after a forename)."""
        if not in_years(doc.date, self.first, self.last):
            return False
        if any(fold_name(p) == self.key for p in names):
            return True
        run = self.key.split()
        return code_name_count(doc.date, self.first, self.last, (title,), run, self.qualifiers) > 0


@functools.lru_cache(maxsize=256)
def person_forms(name: str) -> tuple[tuple[str, ...], tuple[CodeForm, ...]]:
    """The name with the person's real names (good at any date), and their code-name forms.

    Forms the authority gives to several persons are left out; an unknown or
    ambiguous name gives only itself.
    """
    people = authority("people")
    pairs = people.dated_variants(name)
    if not pairs:
        return (name,), ()
    person = people.resolve(name)
    plain = [name]
    codes: list[CodeForm] = []
    for form, code in pairs:
        if code is None:
            plain.append(form)
        elif code.span is not None and fold_name(form):
            first, last = code.span
            codes.append(CodeForm(fold_name(form), first, last, people.qualifiers(person.id)))
    return tuple(dict.fromkeys(plain)), tuple(dict.fromkeys(codes))


def name_expansion(name: str) -> str:
    """How a person filter expands ``name`` (for a query's plan): the other names, code
    names with their years; a name the authority does not know is compared as printed.

    >>> print(name_expansion("Kovalev").split(";")[0])
    'Kovalev' names Ivan Kovalev
    """
    plain, codes = person_forms(name)
    person = authority("people").resolve(name) if len(plain) > 1 or codes else None
    if person is None:
        return f"{name!r} is compared as printed (the authority knows no one person of that name)"
    said = {fold_name(name), fold_name(person.name)}
    others = [form for form in plain[1:] if fold_name(form) not in said]
    text = f"{name!r} names {person.name}"
    if others:
        text += f"; also as {', '.join(others)}"
    spans = dict.fromkeys(f"{c.key} ({c.first}-{c.last})" for c in codes)
    if spans:
        text += f"; code names only in their years: {', '.join(spans)}"
    return text


def expand_aliases(node: Node) -> Node:
    """Each unfielded word or phrase that names a person also matches the person's other names.

    Real names match anywhere; code names only in documents of their years and
    not right after another person's forename (see :class:`~.nodes.DatedPhrase`).
    The word and its aliases form one :class:`~.nodes.Synonyms` group: the
    best of them scores, not their sum.
    """
    if isinstance(node, And | Or):
        return type(node)(tuple(expand_aliases(c) for c in node.children))
    if isinstance(node, Term | Phrase):
        if node.field is not None or (isinstance(node, Term) and node.prefix):
            return node
        words = (node.token,) if isinstance(node, Term) else node.tokens
        plain, codes = person_forms(" ".join(words))
        alternatives: list[Node] = [node]
        seen = {words}
        for variant in plain:
            tokens = tuple(tokenize(variant))
            if tokens and tokens not in seen:
                seen.add(tokens)
                alternatives.append(words_node(tokens, None, node.position))
        for code in codes:
            tokens = tuple(code.key.split())
            if tokens not in seen:
                seen.add(tokens)
                alternatives.append(
                    DatedPhrase(
                        tokens,
                        None,
                        node.position,
                        first=code.first,
                        last=code.last,
                        qualifiers=code.qualifiers,
                    )
                )
        return node if len(alternatives) == 1 else Synonyms(node, tuple(alternatives[1:]))
    if isinstance(node, Not):
        return Not(expand_aliases(node.child))
    assert isinstance(node, FieldFilter), node  # Synonyms come only from this expansion
    return node


@functools.lru_cache(maxsize=512)
def parsed(text: str, aliases: bool) -> tuple[Parsed, Node | None]:
    """A search string parsed (and its names expanded), cached: parsed nodes are immutable."""
    result = parse(text)
    if result.expr is None or not aliases:
        return result, result.expr
    return result, expand_aliases(result.expr)
