"""Query nodes: written back as text, they parse to the same query."""

from __future__ import annotations

from hypothesis import given

from sinosoviet_docs._search.language import parse
from sinosoviet_docs._search.nodes import FIELDS, Phrase, Term, describe, words_node

from ..strategies import search_strings


@given(search_strings)
def test_a_described_node_parses_back_to_itself(text: str) -> None:
    """describe() writes a node in the query language: parsing that gives the same text."""
    expr = parse(text).expr
    assert expr is not None
    written = describe(expr)
    again = parse(written).expr
    assert written == describe(again)


def test_words_make_a_term_or_a_phrase() -> None:
    """One word is a Term, several a Phrase, with the field and position given."""
    assert Term("mao", "title", False, 4) == words_node(["mao"], "title", 4)
    assert Phrase(("east", "wind"), None, 2) == words_node(["east", "wind"], None, 2)


def test_the_text_fields_are_named_once_in_their_stored_order() -> None:
    """Title, summary, body text and names, in the order the index stores them."""
    assert ("title", "summary", "text", "names") == FIELDS


def test_a_filter_field_is_written_back_with_quotes_when_it_needs_them() -> None:
    """A filter field inside an expression is written as typed, quoted around spaces."""
    expr = parse('taiwan OR to:"Mao Zedong" OR NOT from:stalin').expr
    assert '(taiwan OR to:"Mao Zedong" OR NOT from:stalin)' == describe(expr)
    assert describe(expr) == describe(parse(describe(expr)).expr)
