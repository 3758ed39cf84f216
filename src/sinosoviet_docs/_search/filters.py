"""What indexed filters keep: selections of document numbers, the date index, value indexes.

Also the predicates of filters that have no index (a role in a message's
title, an archive in the source citation), so every filter of a query is
made here.

>>> find([1, 4, 9], 4), find([1, 4, 9], 5), contains([1, 4, 9], 9)
(1, -1, True)
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from .._text import fold_name, tokenize
from ..dates import _bounds, _end_of, _start_of
from .facets import raw_values
from .language import period
from .nodes import FIELD_NUMBER, ROLE_FIELDS, And, FieldFilter, Node, Not, Or
from .rewrite import name_expansion, person_forms, place_variants
from .runs import count_runs

if TYPE_CHECKING:
    import datetime

    from ..dates import DateRange, PartialDate
    from ..index import CatalogueIndex
    from ..models import Document
    from .postings import TextIndex

__all__ = [
    "FIELD_METHODS",
    "DateIndex",
    "Filter",
    "Selection",
    "archive_filter",
    "between_label",
    "contains",
    "date_filter",
    "expression_test",
    "field_filter",
    "find",
    "person_filter",
    "role_filter",
    "title_mentions",
    "value_filter",
    "value_index",
    "value_select",
]


def find(docnos: Sequence[int], d: int) -> int:
    """The position of ``d`` in the ascending ``docnos``, or -1 if it is not there."""
    i = bisect.bisect_left(docnos, d)
    return i if i < len(docnos) and docnos[i] == d else -1


def contains(docnos: Sequence[int], d: int) -> bool:
    """Whether the ascending ``docnos`` hold ``d``."""
    return find(docnos, d) >= 0


@attrs.frozen
class Selection:
    """The documents an indexed filter keeps.

    ``size`` bounds their number, :meth:`docnos` lists them ascending and
    ``contains`` tests one. A range filter also gives ``docno_range``,
    document numbers outside of which nothing matches, and ``exact``, a
    sub-range in which everything within ``docno_range`` matches, so
    intersecting with it costs two bisections and a test only near its ends.

    >>> Selection.of([2, 5]).narrow([1, 2, 3, 5])
    [2, 5]
    """

    size: int
    listing: Callable[[], Sequence[int]]
    contains: Callable[[int], bool]
    docno_range: tuple[int, int] | None = None
    exact: tuple[int, int] | None = None

    @classmethod
    def of(cls, docnos: Sequence[int]) -> Selection:
        """A selection of an ascending sequence of document numbers."""
        return cls(len(docnos), lambda: docnos, lambda d: contains(docnos, d))

    def docnos(self) -> Sequence[int]:
        """The document numbers kept, ascending."""
        return self.listing()

    def narrow(self, docnos: Sequence[int]) -> list[int]:
        """The ascending ``docnos`` that this (range) selection keeps."""
        if self.docno_range is None or self.exact is None:
            return [d for d in docnos if self.contains(d)]
        lo, hi = self.docno_range
        a, b = self.exact
        i, j = bisect.bisect_left(docnos, lo), bisect.bisect_left(docnos, hi)
        k, m = bisect.bisect_left(docnos, a, i, j), bisect.bisect_left(docnos, b, i, j)
        test = self.contains
        k, m = max(i, min(k, j)), max(i, min(m, j))
        return (
            [d for d in docnos[i:k] if test(d)]
            + list(docnos[k:m])
            + [d for d in docnos[m:j] if test(d)]
        )


class DateIndex:
    """First and last possible day (as ordinals) of the dated documents, in catalogue order.

    An open end of a range is the first (or last) day a date can have, so it
    overlaps every period on its open side and is within only an open one.
    """

    def __init__(self, documents: Sequence[Document]) -> None:
        early = array("i")
        late = array("i")
        for doc in documents:
            if doc.date is None:
                break  # undated documents come last in a catalogue
            early.append(_start_of(doc.date).toordinal())
            late.append(_end_of(doc.date).toordinal())
        self.dated = len(early)
        self.early = early
        self.late = late
        #: The most days any one document's date may span.
        self.widest = max((b - a for a, b in zip(early, late, strict=True)), default=0)

    def select(self, lo: int, hi: int, *, within: bool) -> Selection:
        """Dated documents overlapping (or within) the days ``lo..hi`` (ordinals)."""
        early, late = self.early, self.late
        end = bisect.bisect_right(early, hi)
        if within:
            # early >= lo; late <= hi is sure while early <= hi - widest.
            start = bisect.bisect_left(early, lo)
            exact = (start, max(start, min(end, bisect.bisect_right(early, hi - self.widest))))

            def test(d: int) -> bool:
                return d < self.dated and lo <= early[d] and late[d] <= hi

        else:
            # early <= hi; late >= lo is sure once early >= lo.
            start = bisect.bisect_left(early, lo - self.widest)
            exact = (min(end, bisect.bisect_left(early, lo)), end)

            def test(d: int) -> bool:
                return d < self.dated and early[d] <= hi and late[d] >= lo

        start = min(start, end)
        selection = Selection(max(0, end - start), list, test, (start, end), exact)

        def listing() -> Sequence[int]:
            return selection.narrow(range(start, end))

        return attrs.evolve(selection, listing=listing)


def value_index(documents: Sequence[Document], field: str) -> dict[str, array[int]]:
    """Folded value -> ascending document numbers, for a value field."""
    values_of = raw_values(field)
    building: dict[str, list[int]] = {}
    folded: dict[str, str] = {}  # raw value -> folded, computed once per value
    for docno, doc in enumerate(documents):
        for raw in values_of(doc):
            key = folded.get(raw)
            if key is None:
                key = folded[raw] = fold_name(raw)
            docnos = building.setdefault(key, [])
            if not docnos or docnos[-1] != docno:
                docnos.append(docno)
    return {key: array("I", docnos) for key, docnos in building.items()}


@attrs.frozen
class Filter:
    """One filter of a query: a label for its plan, a test of one document, how an
    index answers it (None: scan with ``keep``) and a ``note`` for the plan (how a
    name was expanded)."""

    label: str
    keep: Callable[[Document], bool]
    select: Callable[[CatalogueIndex], Selection] | None = None
    note: str = ""


def value_filter(label: str, field: str, values: Sequence[str]) -> Filter:
    """Documents with one of ``values`` (compared folded) in a value field."""
    values_of = raw_values(field)
    keys = tuple(dict.fromkeys(fold_name(v) for v in values))

    def keep(doc: Document) -> bool:
        return any(fold_name(v) in keys for v in values_of(doc))

    return Filter(label, keep, value_select(field, keys))


def date_filter(
    label: str,
    lo: PartialDate | DateRange | datetime.date | None,
    hi: PartialDate | DateRange | datetime.date | None,
    *,
    within: bool,
) -> Filter:
    """Documents dated in (or, ``within``, entirely inside) the period ``lo``..``hi``.

    A period that ends before it starts raises ValueError now, not when run.
    """
    first_day, last_day = _bounds(lo, hi)

    def keep(doc: Document) -> bool:
        if doc.date is None:
            return False
        return doc.date.within(lo, hi) if within else doc.date.overlaps(lo, hi)

    first, last = first_day.toordinal(), last_day.toordinal()

    def select(index: CatalogueIndex) -> Selection:
        return index.dates.select(first, last, within=within)

    return Filter(label, keep, select)


def person_filter(label: str, name: str) -> Filter:
    """Documents involving a person under any of their names (see :meth:`Query.involving`)."""
    plain, found_codes = person_forms(name)
    keys = tuple(dict.fromkeys(fold_name(n) for n in plain if fold_name(n)))
    runs = [k.split() for k in keys]
    codes = tuple(c for c in found_codes if c.key not in keys)

    def keep(doc: Document) -> bool:
        names = (*doc.authors, *doc.people)
        if any(fold_name(p) in keys for p in names):
            return True
        title = tokenize(doc.title)
        if any(count_runs(title, run) for run in runs):
            return True
        return any(c.found_in(doc, names, title) for c in codes)

    def select(index: CatalogueIndex) -> Selection:
        postings = [index.person(key) for key in keys]
        if len(postings) == 1 and not codes:
            return Selection.of(postings[0])
        found = {d for p in postings for d in p}
        docs = index.documents
        for code in codes:
            found.update(d for d in index.person(code.key) if keep(docs[d]))
        return Selection.of(sorted(found))

    return Filter(label, keep, select)


def value_select(field: str, keys: tuple[str, ...]) -> Callable[[CatalogueIndex], Selection]:
    """How an index answers a filter on the folded values ``keys`` of a value field."""

    def select(index: CatalogueIndex) -> Selection:
        values = index.values(field)
        postings = [values[k] for k in keys if k in values]
        if len(postings) == 1:
            return Selection.of(postings[0])
        return Selection.of(sorted({d for p in postings for d in p}))

    return select


def title_mentions(text: TextIndex, name: str, known: Sequence[Sequence[int]] = ()) -> list[int]:
    """Documents whose title holds the tokens of ``name`` in a row, ascending.

    Documents in any of the ``known`` postings are left out without reading
    their titles (the caller has them already).
    """
    tids = [text.term_id(t) for t in tokenize(name)]
    if not tids or any(t is None for t in tids):
        return []
    present = [t for t in tids if t is not None]
    lists = sorted((text.title_docnos(t) for t in set(present)), key=len)
    candidates = set(lists[0])
    for postings in known:
        candidates.difference_update(postings)
    pattern = array(text.forward.typecode, present)
    found: list[int] = []
    for d in sorted(candidates):
        if all(contains(other, d) for other in lists[1:]) and count_runs(
            text.segment(d, FIELD_NUMBER["title"]), pattern
        ):
            found.append(d)
    return found


def role_filter(field: str, name: str) -> Callable[[Document], bool]:
    """A predicate keeping documents whose title gives ``name`` a role of the role ``field``.

    ``field`` is a key of :data:`~.nodes.ROLE_FIELDS` (``from``: senders,
    ``to``: recipients, ``via``: intermediaries, ``with``: participants,
    senders or recipients), as read by :attr:`Document.correspondence` (code
    names by the document's year). ``name`` is resolved once through the
    authority (an ambiguous name raises
    :class:`~sinosoviet_docs.AmbiguousNameError` at once); a name that is no
    known person ("CPSU Central Committee") is compared as printed, ignoring
    case and accents.
    """
    from ..correspondence import correspondence_of
    from ..names import name_tokens, people

    roles = ROLE_FIELDS[field]
    person = people.resolve(name)
    wanted = person.name if person is not None else None
    folded = name_tokens(name)

    def keep(doc: Document) -> bool:
        found = correspondence_of(doc.title, doc.date)
        if found is None:
            return False
        names = [n for role in roles for n in getattr(found, role)]
        if wanted is not None:
            return wanted in names
        return any(name_tokens(n) == folded for n in names)

    return keep


#: The :class:`~sinosoviet_docs.Query` method each filter field of the search
#: language stands for (the dates' is ``between``).
FIELD_METHODS = {
    "type": "of_type",
    "person": "involving",
    "place": "at",
    "topic": "about",
    "language": "in_language",
    "collection": "in_collection",
    "from": "sent_by",
    "to": "sent_to",
    "via": "sent_via",
    "with": "with_person",
}


def between_label(
    lo: PartialDate | DateRange | datetime.date | None,
    hi: PartialDate | DateRange | datetime.date | None,
    mode: str,
) -> str:
    """The label of a date filter, as :meth:`Query.between` is called."""

    def show(value: PartialDate | DateRange | datetime.date | None) -> str:
        return "None" if value is None else repr(str(value))

    return f"between({show(lo)}, {show(hi)}, mode={mode!r})"


@functools.lru_cache(maxsize=256)
def field_filter(name: str, value: str) -> Filter:
    """The filter a filter field of the search language stands for.

    ``name`` is one of :data:`~.nodes.FILTER_FIELDS` (``language``, not
    ``lang``); a ``collection`` value must be a collection's slug. Raises what
    the filter's method raises (a bad date: DateParseError or ValueError; an
    ambiguous name for a role: AmbiguousNameError).

    >>> field_filter("type", "Telegram").label
    "of_type('Telegram')"
    >>> field_filter("year", "1950..1951").label
    "between('1950', '1951', mode='overlaps')"
    """
    if name in ("year", "date"):
        lo, hi = period(name, value)
        return date_filter(between_label(lo, hi, "overlaps"), lo, hi, within=False)
    label = f"{FIELD_METHODS[name]}({value!r})"
    if name in ROLE_FIELDS:
        return Filter(label, role_filter(name, value), note=name_expansion(value))
    if name == "person":
        return attrs.evolve(person_filter(label, value), note=name_expansion(value))
    values = (value, *place_variants(value)) if name == "place" else (value,)
    return value_filter(label, name, values)


def expression_test(node: Node) -> Callable[[Document], bool]:
    """A test of one document for an expression of filter fields alone (see
    :func:`~.nodes.only_filters`): AND, OR and NOT of what each filter keeps.

    >>> from .nodes import FieldFilter, Not
    >>> from ..models import Document
    >>> expression_test(Not(FieldFilter("type", "Letter")))(Document(id="x", title="T"))
    True
    """
    if isinstance(node, FieldFilter):
        return field_filter(node.name, node.value).keep
    if isinstance(node, Not):
        inner = expression_test(node.child)
        return lambda doc: not inner(doc)
    assert isinstance(node, And | Or), node
    tests = [expression_test(c) for c in node.children]
    if isinstance(node, And):
        return lambda doc: all(t(doc) for t in tests)
    return lambda doc: any(t(doc) for t in tests)


def archive_filter(archive: str) -> tuple[str, Callable[[Document], bool]]:
    """The code of ``archive`` and a predicate keeping documents citing it (for queries)."""
    from ..citations import archive_code

    code = archive_code(archive)

    def keep(doc: Document) -> bool:
        return any(ref.archive == code for ref in doc.archival_references)

    return code, keep
