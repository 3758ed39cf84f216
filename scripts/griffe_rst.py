"""A griffe extension for the docs build: our reST-flavoured docstrings as Markdown.

The docstrings are written for the terminal and for doctest: ``>>>`` examples
and reST roles (:class:`Query`). mkdocstrings renders docstrings as Markdown,
where a doctest line such as ``>>> x[0]`` would read as a link and a role as
stray punctuation. This extension, loaded by ``mkdocs.yml``, fences every
doctest block as ``pycon`` and turns ``:role:`target``` into ```target```.
It changes only what the site shows, never the source.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`~?([^`]+)`")


def markdown_docstring(text: str) -> str:
    """The docstring with doctest blocks fenced and reST roles made code spans."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block: list[str] = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
                i += 1
            out.extend([f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"])
            continue
        out.append(_ROLE.sub(lambda m: f"`{m[1]}`", line))
        i += 1
    return "\n".join(out)


class RstToMarkdown(griffe.Extension):
    """Rewrite each object's docstring for Markdown rendering."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
