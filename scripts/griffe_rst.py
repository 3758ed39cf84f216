"""A griffe extension for the docs build: our reST-flavoured docstrings as Markdown.

The docstrings are written for the terminal and for doctest: ``>>>`` examples
and reST roles (:class:`Query`). mkdocstrings renders docstrings as Markdown,
where a doctest line such as ``>>> x[0]`` would read as a link and a role as
stray punctuation. This extension, loaded by ``mkdocs.yml``, fences every
doctest block as ``pycon`` (without its ``# doctest:`` directives, which are
for the test runner), turns ``:role:`target``` into ```target``` and
definition lists into lists.
Module and class constants documented Sphinx-style, by ``#:`` comment lines
above them, get those lines as their docstring. It changes only what the
site shows, never the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(~?)([^`]+)`")
_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")
_BULLET = re.compile(r"\s*(?:[-*+]|\d+\.)\s")


def markdown_docstring(text: str, link: Callable[[str], str | None] = lambda _: None) -> str:
    """The docstring with doctest blocks fenced and reST roles made code spans.

    ``link`` maps a role's target to the identifier of the object it names, or
    to None; a role with an identifier becomes an optional cross-reference
    (a link where the object is rendered, plain code elsewhere). A ``~``
    target shows its last part, as in Sphinx.

    A reST definition list (a term, its definition indented under it) becomes
    a Markdown list of "term: definition", nested where the reST one is.

    >>> rst = "Policies:\\n\\n``left``\\n    the first wins\\n``right``\\n    the last"
    >>> print(markdown_docstring(rst))
    Policies:
    <BLANKLINE>
    - ``left``: the first wins
    - ``right``: the last
    >>> print(markdown_docstring("Raises :class:`sinosoviet_docs.DateParseError`."))
    Raises `sinosoviet_docs.DateParseError`.
    >>> print(markdown_docstring("See :meth:`~ssd.Query.sort`.", link=lambda t: t.upper()))
    See <autoref identifier="SSD.QUERY.SORT" optional>`sort`</autoref>.
    """
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    after_definition = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block: list[str] = []
            while i < len(lines) and lines[i].strip():
                shown = lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i]
                i += 1
                if shown.startswith((">>>", "...")):
                    bare = _DIRECTIVE.sub("", shown)
                    if bare != shown and bare.strip() == "...":
                        continue  # a continuation line that only held the directive
                    shown = bare
                block.append(shown)
            out.extend([f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"])
            continue
        depth = _indent(line)
        if (
            (i == 0 or not lines[i - 1].strip() or after_definition)
            and line.strip()
            and not _BULLET.match(line)
            and not line.rstrip().endswith("::")
            and i + 1 < len(lines)
            and lines[i + 1].strip()
            and not lines[i + 1].lstrip().startswith(">>>")
            and _indent(lines[i + 1]) >= depth + 3
        ):
            definition: list[str] = []
            i += 1
            while i < len(lines) and lines[i].strip() and _indent(lines[i]) > depth:
                definition.append(lines[i].strip())
                i += 1
            item = f"{line.strip()}: {' '.join(definition)}"
            out.append(" " * (-(-depth // 4) * 4) + "- " + _code_spans(item, link))
            after_definition = True
            continue
        after_definition = False
        out.append(_code_spans(line, link))
        i += 1
    return "\n".join(out)


def _code_spans(text: str, link: Callable[[str], str | None]) -> str:
    def span(m: re.Match[str]) -> str:
        shown = m[2].rsplit(".", 1)[-1] if m[1] else m[2]
        identifier = link(m[2])
        if identifier is None:
            return f"`{shown}`"
        return f'<autoref identifier="{identifier}" optional>`{shown}`</autoref>'

    return _ROLE.sub(span, text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def comment_docstring(lines: list[str], lineno: int) -> str | None:
    """The ``#:`` comment lines just above line ``lineno`` (1-based), as text.

    >>> comment_docstring(["#: The bundled people.", "#: Read on first use.", "people = 1"], 3)
    'The bundled people.\\nRead on first use.'
    >>> comment_docstring(["# an ordinary comment", "x = 1"], 2) is None
    True
    """
    found: list[str] = []
    i = lineno - 2
    while i >= 0 and lines[i].lstrip().startswith("#:"):
        found.append(lines[i].lstrip()[2:].strip())
        i -= 1
    return "\n".join(reversed(found)) if found else None


def identifier(obj: griffe.Object, target: str) -> str | None:
    """The path of the object a role in ``obj``'s docstring names, or None.

    Names resolve as Python would see them in ``obj``'s module (``Query``,
    ``PartialDate.latest``, ``.loaders.Page``); an alias gives its target's
    path, the one the rendered object is registered under.
    """
    try:
        if target.startswith("."):
            module = obj.module
            base = module if module.is_init_module else module.parent
            path = (base.path if base is not None else "") + target
        else:
            head, dot, rest = target.partition(".")
            path = target if head == obj.package.name else obj.resolve(head) + dot + rest
        found = obj.modules_collection[path]
        if found.is_module and found.name in found.members:
            found = found.members[found.name]  # the package's `merge` is the function
        return found.final_target.path if found.is_alias else found.path
    except (
        KeyError,
        griffe.NameResolutionError,
        griffe.AliasResolutionError,
        griffe.CyclicAliasError,
    ):
        return None


class RstToMarkdown(griffe.Extension):
    """Rewrite every docstring of the package for Markdown rendering, once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._rewrite(pkg)

    def _rewrite(self, obj: griffe.Object) -> None:
        if obj.docstring is None and obj.is_attribute and obj.lineno is not None:
            text = comment_docstring(obj.module.lines, obj.lineno)
            if text is not None:
                obj.docstring = griffe.Docstring(text, lineno=obj.lineno - 1, parent=obj)
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(
                obj.docstring.value, lambda target: identifier(obj, target)
            )
        for member in obj.members.values():
            if not member.is_alias:
                self._rewrite(member)
