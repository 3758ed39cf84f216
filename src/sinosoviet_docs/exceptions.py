"""The library's exceptions.

Every error raised on purpose by :mod:`sinosoviet_docs` derives from
:class:`SinosovietDocsError`, and each one is also the matching built-in
exception, so ``except KeyError`` or ``except ValueError`` keeps working for
callers who do not know this library.

Errors keep their inputs as attributes and build their message from them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "AmbiguousNameError",
    "ArgumentTypeError",
    "AuthorityLoadError",
    "CatalogueError",
    "CatalogueLoadError",
    "CollectionNotFoundError",
    "DateParseError",
    "DocumentNotFoundError",
    "FormatError",
    "LoadWarning",
    "MergeConflictError",
    "MissingExtraError",
    "PageParseError",
    "QuerySyntaxError",
    "RisParseError",
    "ScrapeLoadError",
    "SinosovietDocsError",
    "UnknownArchiveError",
    "UnsupportedDateError",
]


class SinosovietDocsError(Exception):
    """Base class of every error this library raises on purpose."""


def _quote(value: object, limit: int = 80) -> str:
    """The repr of ``value``, cut to about ``limit`` characters with "..." when longer.

    >>> len(_quote("x" * 200)), _quote("x" * 200)[-5:] == "x...'"
    (80, True)
    """
    shown = repr(value)
    if len(shown) <= limit:
        return shown
    return (
        shown[: limit - 4] + "..." + shown[-1] if isinstance(value, str) else shown[:limit] + "..."
    )


class ArgumentTypeError(SinosovietDocsError, TypeError):
    """A public function or constructor given a value of the wrong type.

    ``argument`` names the parameter, ``expected`` what it takes, ``got`` the value given.

    >>> str(ArgumentTypeError("languages", "a tuple of str", "Russian"))
    "languages must be a tuple of str, not str 'Russian'"
    """

    def __init__(self, argument: str, expected: str, got: object) -> None:
        self.argument = argument
        self.expected = expected
        self.got = got
        super().__init__(f"{argument} must be {expected}, not {type(got).__name__} {_quote(got)}")


class DateParseError(SinosovietDocsError, ValueError):
    """A date string that is empty, malformed or names an impossible day.

    ``text`` keeps the whole input; the message quotes at most about 80 characters of it.

    >>> str(DateParseError("February 30, 1950", "day is out of range for month"))
    "cannot read date 'February 30, 1950': day is out of range for month"
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read date {_quote(text)}: {reason}")


class UnsupportedDateError(DateParseError):
    """A date this library refuses on purpose: before the common era, year 0, or after 9999.

    EDTF writes such years ``-1985``, ``0000`` and ``Y170000002``; the
    archive has no use for them, so they are refused rather than misread.

    >>> str(UnsupportedDateError("-1985", "signed years (before the common era) are not supported"))
    "cannot read date '-1985': signed years (before the common era) are not supported"
    """


class _KeyErrorMessage(SinosovietDocsError, KeyError):
    """A KeyError whose ``str()`` is its message, not the repr of its key."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class DocumentNotFoundError(_KeyErrorMessage):
    """No document, or more than one, answers to this id or key.

    ``candidates`` are the ids of the closest documents (for an unknown key)
    or of every document the key names (for an ``ambiguous`` one); the
    message lists the first five.
    """

    def __init__(
        self, document_id: str, candidates: Sequence[str] = (), *, ambiguous: bool = False
    ) -> None:
        self.document_id = document_id
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        shown = ", ".join(self.candidates[:5]) + _and_more(len(self.candidates) - 5)
        if ambiguous:
            message = f"{document_id!r} names {len(self.candidates)} documents: {shown}"
        else:
            message = f"no document with id {document_id!r} in this catalogue"
            if self.candidates:
                message += f"; the closest: {shown}"
        super().__init__(message)


class CollectionNotFoundError(_KeyErrorMessage):
    """No collection with this slug or title is in the catalogue."""

    def __init__(self, key: str, known: Sequence[str] = ()) -> None:
        self.key = key
        self.known = tuple(known)
        hint = f"; known slugs: {', '.join(self.known)}" if self.known else ""
        super().__init__(f"no collection with slug or title {key!r}{hint}")


class FormatError(SinosovietDocsError, ValueError):
    """A file name whose suffix names no catalogue format (``.json``, ``.jsonl``).

    >>> str(FormatError("out.txt"))
    "cannot tell the format of 'out.txt' from its suffix '.txt'; expected '.json' or '.jsonl'"
    """

    def __init__(self, path: str) -> None:
        import os.path

        self.path = path
        suffix = os.path.splitext(path)[1]
        super().__init__(
            f"cannot tell the format of {path!r} from its suffix {suffix!r}; "
            "expected '.json' or '.jsonl'"
        )


class CatalogueError(SinosovietDocsError, ValueError):
    """A catalogue whose parts contradict each other (duplicate ids, dangling references)."""


@attrs.frozen
class _Location:
    """Where in a source a problem is: ``a.ris, record 2, line 14`` or ``a.db, row 3, column x``."""

    source: str
    record: int | None = None
    line: int | None = None
    row: int | None = None
    column: str | None = None

    def render(self) -> str:
        where = self.source
        for label, value in (
            ("record", self.record),
            ("line", self.line),
            ("row", self.row),
            ("column", self.column),
        ):
            if value is not None:
                where += f", {label} {value}"
        return where


def _and_more(count: int, things: str = "") -> str:
    """`` (and 3 more problems)`` after the first of several problems; empty for none more."""
    return f" (and {count} more{things})" if count > 0 else ""


class CatalogueLoadError(SinosovietDocsError, ValueError):
    """A catalogue file (or string) that cannot be read.

    ``errors`` holds one line per problem, each ending with the path of the
    field (``@ $.documents[41].date``); ``source`` names the file, and
    ``line`` the JSONL line of the first problem when there is one.
    """

    def __init__(
        self,
        errors: Sequence[str],
        *,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        self.errors = tuple(errors)
        self.source = source
        self.line = line
        where = _Location(source or "<string>").render()
        if len(self.errors) == 1:
            message = f"{where}: {self.errors[0]}"
        else:
            shown = "\n  ".join(self.errors[:50])
            more = len(self.errors) - 50
            tail = f"\n  ... and {more} more" if more > 0 else ""
            message = f"{where}: {len(self.errors)} problems\n  {shown}{tail}"
        super().__init__(message)


class PageParseError(SinosovietDocsError, ValueError):
    """A page capture with text the parser cannot place (raised with ``strict=True``).

    ``line`` is the 1-based line of the first problem, ``expected`` says what
    should have stood there and ``found`` what did; ``problems`` holds every
    problem of the page (:class:`~sinosoviet_docs.loaders.LoadProblem` records).

    >>> str(PageParseError("an entry's date", "Hello", line=7, source="page.txt"))
    "page.txt, line 7: expected an entry's date, found 'Hello'"
    """

    def __init__(
        self,
        expected: str,
        found: str | None,
        *,
        line: int | None = None,
        source: str | None = None,
        problems: Sequence[object] = (),
    ) -> None:
        self.expected = expected
        self.found = found
        self.line = line
        self.source = source
        self.problems = tuple(problems)
        where = _Location(source or "<page>", line=line).render()
        tail = f", found {found!r}" if found is not None else ""
        more = _and_more(len(self.problems) - 1, " problems")
        super().__init__(f"{where}: expected {expected}{tail}{more}")


class ScrapeLoadError(SinosovietDocsError, ValueError):
    """A row of a scrape table that cannot be read (raised with ``strict=True``).

    ``row`` is the 1-based data row (the CSV header and SQLite ``rowid`` aside),
    ``column`` the column at fault, ``problems`` every problem found.

    >>> str(ScrapeLoadError("not a JSON array", row=3, column="authors", source="a.db"))
    'a.db, row 3, column authors: not a JSON array'
    """

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        source: str | None = None,
        problems: Sequence[object] = (),
    ) -> None:
        self.reason = message
        self.row = row
        self.column = column
        self.source = source
        self.problems = tuple(problems)
        where = _Location(source or "<scrape>", row=row, column=column).render()
        more = _and_more(len(self.problems) - 1, " problems")
        super().__init__(f"{where}: {message}{more}")


class RisParseError(SinosovietDocsError, ValueError):
    """A malformed RIS record: ``record`` is its 1-based number, ``line`` the line at fault.

    >>> str(RisParseError("a tag line 'XX  - value'", record=2, line=14, source="a.ris"))
    "a.ris, record 2, line 14: expected a tag line 'XX  - value'"
    """

    def __init__(
        self,
        expected: str,
        *,
        record: int | None = None,
        line: int | None = None,
        source: str | None = None,
    ) -> None:
        self.expected = expected
        self.record = record
        self.line = line
        self.source = source
        where = _Location(source or "<ris>", record=record, line=line).render()
        super().__init__(f"{where}: expected {expected}")


class LoadWarning(UserWarning):
    """A non-strict loader kept going past problems; each is also in the loader's report."""


class MergeConflictError(SinosovietDocsError, ValueError):
    """Two sources disagree about a field of one document (``on_conflict="raise"``).

    >>> str(MergeConflictError("112088", "date", ("1950-05-13", "1950-05-14")))
    "document '112088': sources disagree on date: '1950-05-13' vs '1950-05-14'"
    """

    def __init__(self, document_id: str, field: str, values: Sequence[str]) -> None:
        self.document_id = document_id
        self.field = field
        self.values = tuple(values)
        shown = " vs ".join(repr(v if len(v) <= 60 else v[:57] + "...") for v in self.values)
        super().__init__(f"document {document_id!r}: sources disagree on {field}: {shown}")


class QuerySyntaxError(SinosovietDocsError, ValueError):
    """A search string that cannot be read; ``position`` is the 0-based offset of the problem.

    >>> str(QuerySyntaxError("taiwan OR )", 10, "unexpected ')'"))
    "bad query at column 11: unexpected ')' in 'taiwan OR )'"
    """

    def __init__(self, query: str, position: int, reason: str) -> None:
        self.query = query
        self.position = position
        self.reason = reason
        super().__init__(f"bad query at column {position + 1}: {reason} in {query!r}")

    def pointer(self) -> str:
        """The query and a caret under the offending position, on two lines.

        >>> print(QuerySyntaxError("a OR", 4, "expected a term").pointer())
        a OR
            ^
        """
        return f"{self.query}\n{' ' * self.position}^"


class MissingExtraError(SinosovietDocsError, ImportError):
    """An optional dependency is missing; the message names the extra to install.

    >>> str(MissingExtraError("pandas", "pandas"))
    "this needs the optional package 'pandas': pip install 'sinosoviet-docs[pandas]'"
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"this needs the optional package {module!r}: pip install 'sinosoviet-docs[{extra}]'",
            name=module,
        )


class AmbiguousNameError(SinosovietDocsError, LookupError):
    """A name that fits several persons (or places) of the authority.

    ``name`` is the name asked for; ``candidates`` the canonical names it may mean.

    >>> str(AmbiguousNameError("Peng", ["Peng Dehuai", "Peng Zhen"]))
    "'Peng' may be any of: Peng Dehuai, Peng Zhen"
    """

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(f"{name!r} may be any of: {', '.join(self.candidates)}")

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class AuthorityLoadError(SinosovietDocsError, ValueError):
    """A people or places file that cannot be read; the message names the file and field."""


class UnknownArchiveError(SinosovietDocsError, LookupError):
    """An archive name that is none of the known archives; ``known`` lists their codes."""

    def __init__(self, name: str, known: Sequence[str] = ()) -> None:
        self.name = name
        self.known = tuple(known)
        hint = f"; known: {', '.join(self.known)}" if self.known else ""
        super().__init__(f"unknown archive {name!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
