"""What a non-strict loader reports instead of dropping input silently.

Every loader keeps going past input it cannot read (unless ``strict=True``)
and records one :class:`LoadProblem` per problem: where it is (file, line or
row, column) and what was expected there. The loaders that return a plain
:class:`~sinosoviet_docs.Catalogue` also issue one
:class:`~sinosoviet_docs.exceptions.LoadWarning` per source with problems, so
that nothing is skipped unseen; :func:`~sinosoviet_docs.load_scrape_report`
returns the problems as data.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import attrs

from ..exceptions import LoadWarning, _and_more, _Location
from ..models import Catalogue

__all__ = ["LoadProblem", "LoadReport", "warn_problems"]


@attrs.frozen(kw_only=True)
class LoadProblem:
    """One piece of input a loader could not read as expected.

    ``line`` is a 1-based line of a text file (page captures, RIS), ``row`` a
    1-based data row of a table (scrape databases, CSV) and ``column`` its
    column; ``message`` says what was expected, ``text`` is the input found
    there, as given.

    >>> str(LoadProblem(source="a.db", row=3, column="authors", message="not a JSON array"))
    'a.db, row 3, column authors: not a JSON array'
    """

    source: str
    message: str
    line: int | None = None
    row: int | None = None
    column: str | None = None
    text: str | None = None

    def __str__(self) -> str:
        where = _Location(self.source, line=self.line, row=self.row, column=self.column).render()
        found = ""
        if self.text is not None:
            shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
            found = f" (found {shown!r})"
        return f"{where}: {self.message}{found}"


@attrs.frozen(kw_only=True)
class LoadReport:
    """A loaded catalogue and the problems met on the way (empty when all went well)."""

    catalogue: Catalogue
    problems: tuple[LoadProblem, ...] = ()
    rows: int = 0


def warn_problems(source: str, problems: Sequence[LoadProblem], *, stacklevel: int = 3) -> None:
    """Issue one :class:`LoadWarning` naming how many problems ``source`` had and the first."""
    if not problems:
        return
    first = problems[0]
    more = _and_more(len(problems) - 1)
    warnings.warn(
        f"{source}: {len(problems)} problem(s) kept going past: {first}{more}",
        LoadWarning,
        stacklevel=stacklevel,
    )
