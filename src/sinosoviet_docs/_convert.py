"""The one cattrs converter that turns records into JSON-ready data and back.

Private: :mod:`sinosoviet_docs.io` is the public face. The rules are listed in
:func:`configure_converter`.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Collection as Collection_
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._fields import shared_fields
from .dates import DateRange, PartialDate, parse_edtf
from .exceptions import AuthorityLoadError, CatalogueError, CatalogueLoadError, DateParseError
from .models import (
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    Conflict,
    Document,
    Popularity,
    Provenance,
)

if TYPE_CHECKING:  # cattrs is imported with the converter: valid data never needs it
    import cattrs

__all__ = [
    "CATALOGUE_KIND",
    "READABLE_VERSIONS",
    "SCHEMA_VERSION",
    "catalogue_from_parts",
    "document_reader",
    "format_errors",
    "get_converter",
    "structure_authority_file",
    "structure_document",
    "structure_header",
    "unstructure_catalogue",
    "unstructure_document",
    "unstructure_header",
]

#: Version of the JSON layout written by :func:`unstructure_catalogue`. Version 2 lets a
#: document's ``date`` be an EDTF interval (``"1950/1953"``); files of version 1, whose
#: document dates are all single dates, are read as they always were.
SCHEMA_VERSION = 2
#: The versions :func:`structure_header` accepts.
READABLE_VERSIONS = (1, 2)
#: Marks a JSON object as a catalogue of this library (and a JSONL file's header line).
CATALOGUE_KIND = "sinosoviet_docs.catalogue"

T = TypeVar("T")

_JSON_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    dict: "an object",
    list: "an array",
    float: "a number",
}


class WrongTypeError(TypeError):
    """A JSON value of the wrong type; the message names the expected and found types."""

    def __init__(self, expected: str, value: object) -> None:
        self.expected = expected
        self.value = value
        super().__init__(f"expected {expected}, found {_describe(value)}")


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if type(value) is bool:
        return "true" if value else "false"
    name = _JSON_NAMES.get(type(value), type(value).__name__)
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{name} {text}"


def _strict_str(value: object, _type: object) -> str:
    if type(value) is not str:
        raise WrongTypeError("a string", value)
    return value


def _strict_int(value: object, _type: object) -> int:
    if type(value) is not int:
        raise WrongTypeError("an integer", value)
    return value


def _strict_bool(value: object, _type: object) -> bool:
    if type(value) is not bool:
        raise WrongTypeError("true or false", value)
    return value


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _edtf_hook(parse: Callable[[str], T]) -> Callable[[object, object], T]:
    def hook(value: object, _type: object) -> T:
        if type(value) is not str:
            raise WrongTypeError("an EDTF date string", value)
        return parse(value)

    return hook


def _is_date_union(type_: Any) -> bool:
    """Whether ``type_`` is a document's date, ``PartialDate | DateRange`` (or ``| None``)."""
    args = set(typing.get_args(type_)) - {type(None)}
    return args == {PartialDate, DateRange}


def _unstructure_date(value: PartialDate | DateRange | None) -> str | None:
    return None if value is None else str(value)


def configure_converter(c: cattrs.Converter) -> None:
    """Register every hook of the library's converter on ``c``.

    The rules:

    - Strings, integers and booleans are taken only as themselves: ``null``
      is not the string ``"None"``, ``12`` is not ``"12"``, ``true`` is not ``1``.
    - A tuple field takes only a JSON array (a string is not a tuple of characters).
    - :class:`PartialDate` and :class:`DateRange` are EDTF strings (``"1950-02"``,
      ``"1950~"``, ``"1950/1959"``); a bad one is reported with its reason. A
      field that may hold either (a document's ``date``) is a range when its
      string has a slash (see :func:`~sinosoviet_docs.dates.parse_edtf`).
    - Records are JSON objects; an unknown key is an error that names the key
      (``forbid_extra_keys``: a misspelt field must never vanish silently).
    - Unstructuring leaves out fields at their default value (``None``, ``()``)
      so files stay small; loading restores them, so nothing is lost.
    - ``Collection.popular`` is written as document ids and resolved against
      the catalogue's documents on loading (see :func:`catalogue_from_parts`).
    - The names records (``Person``, ``CodeName``, ``Place`` and the people and
      places files) are read only, with their files' rules: names and
      spellings are non-empty strings, years are integers (``born_printed``
      and ``died_printed`` lists of them), a code name's
      ``years`` is ``"YYYY"`` or ``"YYYY/YYYY"``, and a person's ``order``
      (``"western"`` or ``"eastern"``) is read into ``family_first``.
    """
    c.register_structure_hook(str, _strict_str)
    c.register_structure_hook(int, _strict_int)
    c.register_structure_hook(bool, _strict_bool)
    c.register_structure_hook(PartialDate, _edtf_hook(PartialDate.from_edtf))
    c.register_unstructure_hook(PartialDate, str)
    c.register_structure_hook(DateRange, _edtf_hook(DateRange.from_edtf))
    c.register_unstructure_hook(DateRange, str)
    c.register_structure_hook_func(_is_date_union, _edtf_hook(parse_edtf))
    c.register_unstructure_hook_func(_is_date_union, _unstructure_date)
    c.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(c, t))
    # Each record's code is generated when the converter first meets the record (or a
    # subclass of it), not here: reading the people file needs three of the twenty.
    readings, writings = _records()
    c.register_structure_hook_factory(
        lambda t: _record_of(t, readings) is not None,
        lambda t: _reading_hook(c, *_record_of(t, readings) or ()),
    )
    c.register_unstructure_hook_factory(
        lambda t: _record_of(t, writings) is not None,
        lambda t: _writing_hook(c, *_record_of(t, writings) or ()),
    )


#: Record class -> the cattrs overrides of its fields.
_Records = dict[type, dict[str, Any]]


def _records() -> tuple[_Records, _Records]:
    """The records the converter reads, and those it writes, with their field overrides."""
    from cattrs.gen import override

    catalogue: _Records = {
        cls: {}
        for cls in (Popularity, Provenance, Conflict, CollectionRef, CatalogueInfo, Document)
    }
    catalogue[Collection] = {"popular": override(omit=True)}
    return {**catalogue, **_names_rules()}, catalogue


def _record_of(type_: Any, records: _Records) -> tuple[type, dict[str, Any]] | None:
    """The record whose hook ``type_`` takes, with its overrides: itself or its nearest
    base, as a hook registered for a class is taken by its subclasses."""
    if not attrs.has(type_) or not isinstance(type_, type):
        return None
    cls = next((cls for cls in type_.__mro__ if cls in records), None)
    return None if cls is None else (cls, records[cls])


def _tuple_hook(c: cattrs.Converter, type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    item_type = typing.get_args(type_)[0]
    item_hook = c.get_structure_hook(item_type)

    def hook(value: object, _type: object) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise WrongTypeError("an array", value)
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(item_hook(item, item_type))
            except Exception as exc:  # collected and re-raised as one group below
                note = IterableValidationNote(f"Structuring @ index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(out)

    return hook


def _writing_hook(
    c: cattrs.Converter, cls: type[Any], overrides: dict[str, Any]
) -> Callable[[Any], Any]:
    from cattrs.gen import make_dict_unstructure_fn

    return make_dict_unstructure_fn(cls, c, _cattrs_omit_if_default=True, **overrides)


def _reading_hook(
    c: cattrs.Converter, cls: type[Any], overrides: dict[str, Any]
) -> Callable[[object, object], Any]:
    from cattrs.gen import make_dict_structure_fn

    structure = make_dict_structure_fn(cls, c, _cattrs_forbid_extra_keys=True, **overrides)

    def structure_record(value: object, _type: object) -> Any:
        if not isinstance(value, dict):
            raise WrongTypeError("an object", value)
        return structure(value, cls)

    return structure_record


# -- the names authority files ---------------------------------------------------------------


def _text(value: object, _type: object = None) -> str:
    if type(value) is not str or not value.strip():
        raise WrongTypeError("a non-empty string", value)
    return value


def _optional_text(value: object, _type: object = None) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object, _type: object = None) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str and v.strip() for v in value):
        raise WrongTypeError("a list of non-empty strings", value)
    return tuple(value)


def _year(value: object, _type: object = None) -> int | None:
    if value is not None and type(value) is not int:
        raise WrongTypeError("a year (integer) or null", value)
    return value


def _years_list(value: object, _type: object = None) -> tuple[int, ...]:
    if type(value) is not list or not all(type(v) is int for v in value):
        raise WrongTypeError("a list of years (integers)", value)
    return tuple(value)


def _order(value: object, _type: object = None) -> bool:
    if value not in ("western", "eastern") or type(value) is not str:
        raise WrongTypeError("'western' or 'eastern'", value)
    return value == "eastern"


def _names_rules() -> dict[type, dict[str, Any]]:
    """The records of the names files, each with the overrides of its fields."""
    from cattrs.gen import override

    from .names._records import (
        CodeName,
        PeopleFile,
        Person,
        Place,
        PlacesFile,
        check_years,
    )

    def years(value: object, _type: object) -> str | None:
        found = _optional_text(value)
        check_years(found)
        return found

    text, optional, texts, year, years_list = (
        override(struct_hook=h) for h in (_text, _optional_text, _texts, _year, _years_list)
    )
    # One rule per field name, for every record of the names files.
    rules = {
        "id": text,
        "name": text,
        "heading": optional,
        "kind": optional,
        "within": optional,
        "note": optional,
        "sources": optional,
        "born": year,
        "died": year,
        "born_printed": years_list,
        "died_printed": years_list,
        "years": override(struct_hook=years),
        "spellings": texts,
        "misspellings": texts,
        "addressed_as": texts,
        "correspondents": texts,
        "roles": texts,
        "family": texts,
        "family_first": override(rename="order", struct_hook=_order),
    }
    found: dict[type, dict[str, Any]] = {}
    for cls in (CodeName, Person, Place):
        names = {f.name for f in attrs.fields(cls)}
        found[cls] = {k: v for k, v in rules.items() if k in names}
    found[PeopleFile] = {"shared_family_names": texts}
    found[PlacesFile] = {}
    return found


def _authority_message(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):  # a required field: say what belongs there
        return "expected a non-empty string" if type_ is str else "expected a list"
    return _format_exception(exc, type_)


def structure_authority_file(data: object, cls: type[T], where: str) -> T:
    """A people or places file from JSON data; raises AuthorityLoadError naming every bad field.

    Each problem is a line ``"<where>: $.people[3].name: expected a non-empty string"``.
    """
    try:
        result: T = get_converter().structure(data, cls)
    except Exception as exc:
        lines = []
        for line in format_errors(exc, "$", _authority_message):
            message, _, path = line.rpartition(" @ ")
            # cattrs names the attribute in paths; the file's key is "order".
            path = path.replace(".family_first", ".order")
            lines.append(f"{where}: {path}: {message}")
        raise AuthorityLoadError("\n".join(lines)) from None
    return result


def make_converter() -> cattrs.Converter:
    """Build a converter with every hook of the library (see get_converter)."""
    import cattrs

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(c)
    return c


@functools.cache
def get_converter() -> cattrs.Converter:
    """The library's converter, built on first use.

    Building it generates code for every record class (about 10 ms): loading
    valid data goes through the fast path below and never needs it, so
    ``import sinosoviet_docs`` and ``load()`` of the bundled catalogue do not pay.
    """
    return make_converter()


# -- error messages -----------------------------------------------------------------------


def _format_exception(exc: BaseException, type_: type | None) -> str:
    import cattrs
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(exc, WrongTypeError | DateParseError | CatalogueError):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        return f"unknown key {keys}" if len(exc.extra_fields) == 1 else f"unknown keys {keys}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ValueError | TypeError) and str(exc):
        # attrs validators and Literal checks: their own words are the clearest.
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def format_errors(
    exc: BaseException,
    path: str = "$",
    format_exception: Callable[[BaseException, type | None], str] = _format_exception,
) -> list[str]:
    """Turn a cattrs error (group) into one readable line per bad field, each with its path."""
    import cattrs
    from cattrs.errors import ClassValidationError, IterableValidationError

    if isinstance(exc, ClassValidationError | IterableValidationError):
        return cattrs.transform_error(exc, path=path, format_exception=format_exception)
    return [f"{format_exception(exc, None)} @ {path}"]


# -- catalogues ---------------------------------------------------------------------------


def unstructure_document(doc: Document) -> dict[str, Any]:
    """A document as a JSON-ready dict (fields at their default left out)."""
    result: dict[str, Any] = get_converter().unstructure(doc, Document)
    return result


def structure_document(value: object, path: str = "$") -> Document:
    """A document from JSON data; raises CatalogueLoadError listing every bad field.

    For one document; to read many, make a :func:`document_reader`, which is
    faster and shares repeated values between the documents.
    """
    return _read_document(_fast_reader(Document), value, path)


_FAST_READERS: dict[type, Callable[[Any], Any]] = {}


def _fast_reader(cls: type[T]) -> Callable[[Any], T]:
    """The fast path for ``cls`` without sharing of values (made once, on first use)."""
    reader = _FAST_READERS.get(cls)
    if reader is None:
        reader = _FAST_READERS[cls] = _fast_record(cls)
    return reader


def structure_record(value: object, cls: type[T]) -> T:
    """Any record from JSON data: the fast path, else the converter (which raises)."""
    try:
        return _fast_reader(cls)(value)
    except Exception:  # any doubt: let the converter decide and explain
        pass
    result: T = get_converter().structure(value, cls)
    return result


def document_reader() -> Callable[[object, str], Document]:
    """A function ``read(value, path)`` for the documents of one load.

    Valid data takes a fast path; anything it does not accept goes through the
    cattrs converter, which gives the same result for valid data and detailed
    messages (raised as :class:`CatalogueLoadError`) for bad data. Within one
    reader, equal values of the fields in :data:`_SHARED` (types, names,
    topics, dates, rights statements ...) are one object, which saves memory
    and the time of parsing each date string again.
    """
    fast = _fast_record(Document, _Memos())

    def read(value: object, path: str = "$") -> Document:
        return _read_document(fast, value, path)

    return read


def _read_document(fast: Callable[[Any], Document], value: object, path: str) -> Document:
    try:
        return fast(value)
    except Exception:  # any doubt: let the converter decide and explain
        pass
    try:
        return get_converter().structure(value, Document)
    except Exception as exc:
        raise CatalogueLoadError(format_errors(exc, path)) from None


# -- the fast path for loading many documents ----------------------------------------------
#
# Loading a 100k-document file spends most of its time in structuring. The
# checks below accept exactly what the converter accepts for valid input (the
# same strict types), skip cattrs' per-field bookkeeping, and raise at the first
# doubt, after which the converter runs again and reports every problem.

#: Fields whose values repeat across documents: one object per distinct value per load.
_SHARED: dict[type, frozenset[str]] = {
    Document: shared_fields(),
    Provenance: frozenset({"source", "note", "retrieved"}),
    Popularity: frozenset({"collection"}),
}


@attrs.define
class _Memos:
    """The values seen so far in one load, by kind, so equal values become one object.

    Dates are kept apart by the parser of their field's type: the same text
    may be a document's date and yet no upload date (``"1950/1953"``).
    """

    strings: dict[str, str] = attrs.field(factory=dict)
    tuples: dict[tuple[Any, ...], tuple[Any, ...]] = attrs.field(factory=dict)
    dates: dict[Callable[[str], Any], dict[str, Any]] = attrs.field(factory=dict)


class _NotFast(Exception):
    """The fast path does not take this value; the converter will."""


def _fast_check(type_: Any, memos: _Memos | None, share: bool) -> Callable[[Any], Any]:
    """The check of one field of type ``type_``: its value, else :class:`_NotFast` (or the
    error of a date or record); equal values are one object when ``share`` and ``memos``."""
    args = typing.get_args(type_)
    optional = type(None) in args and not _is_date_union(type_)
    inner = next((a for a in args if a is not type(None)), type_) if optional else type_
    if inner is str or inner is int:
        strings = memos.strings if memos is not None and share and inner is str else None
        return _exact_check(inner, optional, strings)
    if inner in (PartialDate, DateRange) or _is_date_union(inner):
        parse = {PartialDate: PartialDate.from_edtf, DateRange: DateRange.from_edtf}.get(
            inner, parse_edtf
        )
        dates = memos.dates.setdefault(parse, {}) if memos is not None and share else None
        return _date_check(parse, optional or _is_date_union(inner), dates)
    if _is_homogeneous_tuple(inner) and typing.get_args(inner)[0] is str:
        if memos is None:
            return _str_tuple_check(None, None)
        return _str_tuple_check(memos.tuples if share else None, memos.strings)
    check = _fast_check_plain(inner, memos)
    if optional:
        return lambda v: None if v is None else check(v)
    return check


def _exact_check(
    type_: type, optional: bool, strings: dict[str, str] | None
) -> Callable[[Any], Any]:
    """A string or integer taken only as itself (bool is not int); one object per string."""
    if strings is not None:
        intern = strings.setdefault

        def shared_string(v: Any) -> Any:
            if type(v) is str:
                return intern(v, v)
            if v is None and optional:
                return None
            raise _NotFast

        return shared_string

    def exact(v: Any) -> Any:
        if type(v) is type_ or (v is None and optional):
            return v
        raise _NotFast

    return exact


def _date_check(
    parse: Callable[[str], Any], optional: bool, dates: dict[str, Any] | None
) -> Callable[[Any], Any]:
    """An EDTF string parsed by ``parse``, each distinct string once per load."""
    memo: dict[str, Any] = {} if dates is None else dates

    def date(v: Any) -> Any:
        if type(v) is str:
            try:
                return memo[v]
            except KeyError:
                found = parse(v)
                if dates is not None:
                    memo[v] = found
                return found
        if v is None and optional:
            return None
        raise _NotFast

    return date


def _str_tuple_check(
    tuples: dict[tuple[Any, ...], tuple[Any, ...]] | None, strings: dict[str, str] | None
) -> Callable[[Any], Any]:
    """An array of strings as a tuple; equal tuples (and their strings) one object per load."""

    def strs(v: Any) -> Any:
        if type(v) is not list:
            raise _NotFast
        found = tuple(v)
        if tuples is not None:
            known = tuples.get(found)
            if known is not None:
                return known
        for item in found:
            if type(item) is not str:
                raise _NotFast
        if strings is None:
            return found
        intern = strings.setdefault
        result = tuple([intern(s, s) for s in found])
        if tuples is not None:
            tuples[found] = result
        return result

    return strs


def _fast_check_plain(type_: Any, memos: _Memos | None) -> Callable[[Any], Any]:
    args = typing.get_args(type_)
    if typing.get_origin(type_) is typing.Literal:
        allowed = frozenset(args)
        return lambda v: v if type(v) is str and v in allowed else _not_fast()
    if _is_homogeneous_tuple(type_):
        check_item = _fast_check(args[0], memos, share=True)
        return lambda v: tuple(map(check_item, v)) if type(v) is list else _not_fast()
    if attrs.has(type_):
        return _fast_record(type_, memos)
    raise TypeError(f"no fast check for {type_!r}")


def _not_fast() -> Any:
    raise _NotFast


def _fast_record(cls: type[T], memos: _Memos | None = None) -> Callable[[Any], T]:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(typing.cast(Any, cls))
    shared = _SHARED.get(cls, frozenset())
    checks = {f.name: _fast_check(hints[f.name], memos, f.name in shared) for f in fields if f.init}
    required = frozenset(f.name for f in fields if f.init and f.default is attrs.NOTHING)

    def structure(value: Any) -> T:
        if type(value) is not dict:
            raise _NotFast
        kwargs = {key: checks[key](item) for key, item in value.items()}  # unknown: KeyError
        if not required <= kwargs.keys():
            raise _NotFast
        return cls(**kwargs)

    return structure


def unstructure_header(cat: Catalogue) -> dict[str, Any]:
    """Everything of a catalogue but its documents: the first line of a JSONL file."""
    collections = []
    for col in cat.collections:
        data: dict[str, Any] = get_converter().unstructure(col, Collection)
        if col.popular:
            data["popular"] = [doc.id for doc in col.popular]
        collections.append(data)
    return {
        "kind": CATALOGUE_KIND,
        "schema_version": SCHEMA_VERSION,
        "info": get_converter().unstructure(cat.info, CatalogueInfo),
        "collections": collections,
    }


def unstructure_catalogue(cat: Catalogue) -> dict[str, Any]:
    """A whole catalogue as one JSON-ready dict."""
    data = unstructure_header(cat)
    data["documents"] = [unstructure_document(doc) for doc in cat.documents]
    return data


_HEADER_KEYS = {"kind", "schema_version", "info", "collections"}


def structure_header(
    value: object, *, documents_key: bool
) -> tuple[CatalogueInfo, list[tuple[dict[str, Any], list[object]]], list[str]]:
    """Check a catalogue's top level; return its info, raw collections and the problems found.

    ``documents_key`` says whether a ``documents`` array belongs at the top
    (JSON) or not (a JSONL header line).
    """
    errors: list[str] = []
    if not isinstance(value, dict):
        raise CatalogueLoadError([f"expected a JSON object, found {_describe(value)} @ $"])
    allowed = _HEADER_KEYS | ({"documents"} if documents_key else set())
    for key in sorted(set(value) - allowed, key=str):
        errors.append(f"unknown key {key!r} @ $")
    if value.get("kind") != CATALOGUE_KIND:
        errors.append(
            f"expected kind {CATALOGUE_KIND!r}, found {_describe(value.get('kind'))} @ $.kind"
        )
    version = value.get("schema_version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # true and 1.0 are not 1
        readable = " or ".join(str(v) for v in READABLE_VERSIONS)
        errors.append(
            f"expected schema_version {readable} (the versions this library reads), "
            f"found {_describe(version)} @ $.schema_version"
        )
    info = CatalogueInfo()
    if "info" in value:
        try:
            info = structure_record(value["info"], CatalogueInfo)
        except Exception as exc:
            errors.extend(format_errors(exc, "$.info"))
    raw_collections: list[tuple[dict[str, Any], list[object]]] = []
    collections = value.get("collections", [])
    if not isinstance(collections, list):
        errors.append(f"expected an array, found {_describe(collections)} @ $.collections")
        collections = []
    for index, item in enumerate(collections):
        path = f"$.collections[{index}]"
        if not isinstance(item, dict):
            errors.append(f"expected an object, found {_describe(item)} @ {path}")
            continue
        rest = dict(item)
        popular = rest.pop("popular", [])
        if not isinstance(popular, list):
            errors.append(
                f"expected an array of document ids, found {_describe(popular)} @ {path}.popular"
            )
            popular = []
        raw_collections.append((rest, popular))
    return info, raw_collections, errors


def catalogue_from_parts(
    info: CatalogueInfo,
    raw_collections: Sequence[tuple[Mapping[str, Any], Sequence[object]]],
    documents: Sequence[Document],
    errors: list[str],
    unreadable: Collection_[str] = frozenset(),
) -> Catalogue:
    """Assemble a catalogue, resolving popular-document ids; raise if ``errors`` is not empty.

    ``unreadable`` holds the ids of documents whose own errors are already in
    ``errors``: a collection naming one of them is not reported again.
    """
    by_id = {doc.id: doc for doc in documents}
    collections: list[Collection] = []
    for index, (data, popular_ids) in enumerate(raw_collections):
        path = f"$.collections[{index}]"
        try:
            col = structure_record(dict(data), Collection)
        except Exception as exc:
            errors.extend(format_errors(exc, path))
            continue
        popular: list[Document] = []
        for position, doc_id in enumerate(popular_ids):
            where = f"{path}.popular[{position}]"
            if type(doc_id) is not str:
                errors.append(f"expected a document id, found {_describe(doc_id)} @ {where}")
            elif doc_id not in by_id:
                if doc_id not in unreadable:
                    errors.append(f"no document with id {doc_id!r} @ {where}")
            else:
                popular.append(by_id[doc_id])
        collections.append(attrs.evolve(col, popular=tuple(popular)))
    if errors:
        raise CatalogueLoadError(errors)
    try:
        return Catalogue(documents=documents, collections=tuple(collections), info=info)
    except CatalogueError as exc:
        raise CatalogueLoadError([f"{exc} @ $"]) from None
