"""The text index's storage: postings with BM25 impacts, and a forward index of token positions.

Every document's fields are stored in the order of :data:`~.nodes.FIELDS`;
``field_starts[len(FIELDS) * docno + field]`` is where a field begins in the
forward index and the next entry where it ends.
"""

from __future__ import annotations

import bisect
import importlib
import re
import sys
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import add, and_, eq, floordiv, ge, mod, not_, truediv
from typing import TYPE_CHECKING, cast

from .._text import tokenize
from .bm25 import impacts, length_norms, weight
from .filters import find
from .nodes import FIELD_NUMBER, FIELDS
from .topk import highest

if TYPE_CHECKING:
    from ..models import Document

__all__ = ["TextIndex", "intersect"]

_WIDTH = len(FIELDS)
_TITLE = FIELD_NUMBER["title"]
_CAP = 255  # the largest count a posting holds; larger ones are kept apart
# From how many documents a phrase searches their bytes before reading their tokens:
# compiling the search costs about what reading a dozen documents' tokens does.
_SEARCHED_FROM = 16
# How many times longer than the candidates a list must be for an intersection to probe it
# by bisection, and a run's rarest token's list be for its documents to be searched alone.
_PROBED_BEYOND = 16
_SEARCHED_BEYOND = 10
# How many times more items a list must have than those to be placed in it for them to be
# placed by bisection (a probe costs about what testing eight items' membership does).
_PLACED_BEYOND = 8


def _count_python(mapping: dict[int, int], iterable: Iterable[int]) -> None:
    for item in iterable:
        mapping[item] = mapping.get(item, 0) + 1


def _c_counter() -> Callable[[dict[int, int], Iterable[int]], None]:
    """The C helper behind collections.Counter, without Counter's per-call overhead."""
    try:
        found: Callable[[dict[int, int], Iterable[int]], None]
        found = importlib.import_module("_collections")._count_elements
    except (ImportError, AttributeError):  # pragma: no cover - Pythons without it
        return _count_python
    return found


_count_elements = _c_counter()


def _drain(calls: Iterable[object]) -> None:
    """Run an iterator of calls to the end (at C speed), keeping nothing."""
    deque(calls, maxlen=0)


def _names_text(doc: Document) -> str | None:
    names = (*doc.authors, *doc.people, *doc.places)
    return " ; ".join(names) if names else None


def intersect(
    lists: Sequence[Sequence[int]], *, positions: bool = True
) -> tuple[list[int], list[list[int]]]:
    """The document numbers in every list, ascending, and where each is in each list
    (without ``positions``, nowhere: empty lists).

    Each list holds ascending document numbers. The shortest list gives the
    candidates; each other list, from the shortest up, keeps those it holds.
    A list over sixteen times longer than the candidates is probed by
    bisection: ``O(m log n)`` for ``m`` candidates and ``n`` postings, and
    nothing else of it is read. A shorter one is read whole and met with a
    set, ``O(m + n)``: a posting put in or looked up in a set costs about a
    sixteenth of a bisection's probe. Either way every step is a C call over
    the lists (no Python code per posting or per candidate).

    >>> intersect([[1, 4, 6, 9], [2, 4, 9]])
    ([4, 9], [[1, 3], [1, 2]])
    """
    if not lists:
        return [], []
    order = sorted(range(len(lists)), key=lambda at: len(lists[at]))
    found: Sequence[int] = lists[order[0]]  # made a list only once narrowed
    where: list[Sequence[int]] = [[] for _ in lists]
    if positions:
        where[order[0]] = range(len(found))
    done = [order[0]]
    bisect_left = bisect.bisect_left
    for at in order[1:]:
        docnos = lists[at]
        kept: list[int] = []  # which candidates this list holds
        spots: list[int] = []
        where[at] = spots
        if len(docnos) <= _PROBED_BEYOND * len(found):
            both = set(found).intersection(docnos)
            if not positions:
                found = sorted(both)
                continue
            if both:
                common = sorted(both)
                kept = _places(found, common, both)
                spots += _places(docnos, common, both)
        else:  # one bisection per candidate, each a C call
            at_most = repeat(len(docnos) - 1)
            probed = list(map(bisect_left, repeat(docnos), found))
            held = list(map(eq, map(docnos.__getitem__, map(min, probed, at_most)), found))
            kept = list(compress(range(len(found)), held))
            spots += compress(probed, held)
        if len(kept) < len(found):
            found = list(map(found.__getitem__, kept))
            for other in done if positions else ():
                where[other] = list(map(where[other].__getitem__, kept))
        done.append(at)
    return list(found), [list(spots) for spots in where] if positions else [[] for _ in lists]


def _places(ascending: Sequence[int], items: list[int], held: set[int]) -> list[int]:
    """Where each of ``items`` (ascending, all in ``ascending``; ``held`` the same as a
    set) is in ``ascending``: a bisection for each of few items, else one pass.

    >>> _places([2, 3, 5, 7, 11, 13, 17, 19, 23], [5, 23], {5, 23})
    [2, 8]
    """
    if _PLACED_BEYOND * len(items) < len(ascending):
        return list(map(bisect.bisect_left, repeat(ascending), items))
    return list(compress(range(len(ascending)), map(held.__contains__, ascending)))


def _split(packed: array[int], typecode: str) -> tuple[array[int], array[int]]:
    """The document numbers (an array of ``typecode``) and the counts (bytes) of postings
    packed as ``docno << 8 | count``: the bytes of the postings taken apart by slicing, at
    C speed, with no Python code per posting.

    >>> _split(array("I", [3 << 8 | 2, 70_000 << 8 | 255]), "I")
    (array('I', [3, 70000]), array('B', [2, 255]))
    """
    size = packed.itemsize
    if sys.byteorder == "big":  # read as little-endian: the count is each posting's first byte
        packed = array(packed.typecode, packed)
        packed.byteswap()
    raw = packed.tobytes()
    docs = array(typecode)
    width = docs.itemsize
    spread = bytearray(len(packed) * width)
    for byte in range(min(width, size - 1)):  # the number's bytes, lowest first
        spread[byte::width] = raw[byte + 1 :: size]
    docs.frombytes(spread)
    if sys.byteorder == "big":
        docs.byteswap()
    # Reading bytes in over-allocates: slices are allocated to size.
    return docs[:], array("B", raw[::size])[:]


def _impact_list(w: float, tfs: Sequence[int], norms: Iterable[float]) -> list[float]:
    """``w * tf / (tf + norm)`` for each count and length norm (BM25's impact of a term of
    weight ``w``, :func:`~.bm25.impacts`), every step a C call.

    >>> _impact_list(2.0, [1, 3], [1.0, 1.0])
    [1.0, 1.5]
    """
    return list(map(truediv, map(w.__mul__, tfs), map(add, tfs, norms)))


_TEXT_OF: dict[str, Callable[[Document], str | None]] = {
    "title": lambda d: d.title,
    "summary": lambda d: d.summary,
    "text": lambda d: d.text,
    "names": _names_text,
}
#: What each text field of a document reads, in the order of FIELDS.
_FIELD_TEXTS = tuple(_TEXT_OF[field] for field in FIELDS)


class TextIndex:
    """Postings with BM25 impacts, and a forward index of token positions.

    >>> from sinosoviet_docs import Catalogue, Document
    >>> docs = [Document(id="a", title="Mao to Stalin"), Document(id="b", title="Stalin")]
    >>> ti = TextIndex(Catalogue(documents=docs).documents)
    >>> list(ti.postings("stalin")[0]), ti.field_count(0, "title", "mao")
    ([0, 1], 1)
    """

    def __init__(self, documents: Sequence[Document]) -> None:
        n = len(documents)
        vocab: dict[str, int] = {}
        vocab_get = vocab.get
        # Per term, ascending by document: its postings packed as (docno << 8 | count),
        # each document's appended in one pass at C speed; counts of 255 and more are
        # kept in ``overflow``. Once built, they are taken apart (see _split).
        packed: list[array[int]] = []
        packing = "I" if n <= 1 << 24 else "Q"
        titles: list[array[int]] = []  # per term: the documents with it in their title
        overflow: dict[tuple[int, int], int] = {}  # (tid, docno) -> tf for tf >= _CAP
        forward = array("I")
        field_starts = array("I", [0])
        lengths = array("I")
        append = array.append
        title_at = _TITLE - _WIDTH  # the title's entry, counted back from this document's end
        for docno, doc in enumerate(documents):
            tokens: list[str] = []
            base = len(forward)
            for text_of in _FIELD_TEXTS:
                part = text_of(doc)
                if part:
                    tokens += tokenize(part)
                field_starts.append(base + len(tokens))
            ids = list(map(vocab_get, tokens))
            if None in ids:  # new terms
                for i, tid in enumerate(ids):
                    if tid is None:
                        term = tokens[i]
                        tid = vocab_get(term)
                        if tid is None:
                            tid = vocab[term] = len(packed)
                            packed.append(array(packing))
                            titles.append(array("I"))
                        ids[i] = tid
            tids = cast("list[int]", ids)
            counts: dict[int, int] = {}
            _count_elements(counts, tids)
            if len(tokens) >= _CAP:  # a huge document: counts that do not fit
                for tid, count in counts.items():
                    if count >= _CAP:
                        overflow[(tid, docno)] = count
                        counts[tid] = _CAP
            key = docno << 8
            _drain(map(append, map(packed.__getitem__, counts), map(key.__or__, counts.values())))
            forward.extend(tids)
            start, end = field_starts[title_at - 1] - base, field_starts[title_at] - base
            if end > start:
                _drain(map(append, map(titles.__getitem__, set(tids[start:end])), repeat(docno)))
            lengths.append(len(tokens))
        # Per term: the documents holding it (16-bit numbers up to 65,536 documents) and
        # its count in each, taken apart one term at a time so that the build's peak
        # memory hardly grows. Appending over-allocates: titles are copied to size.
        typecode = "H" if n <= 1 << 16 else "I" if n <= 1 << 32 else "Q"
        docs_of: list[array[int]] = []
        counts_of: list[array[int]] = []
        for tid, postings in enumerate(packed):
            docs, tfs = _split(postings, typecode)
            docs_of.append(docs)
            counts_of.append(tfs)
            titles[tid] = titles[tid][:]
        del packed
        self.n = n
        self.vocab = vocab
        self.avgdl = sum(lengths) / n if n else 0.0
        self.knorm = length_norms(lengths)
        self._docs = docs_of
        # A term's counts are dropped once its impacts are computed from them.
        self._counts: list[array[int] | None] = list(counts_of)
        self._overflow = overflow
        self._impacts: list[array[float] | None] = [None] * len(vocab)
        # Token ids fit in 16 bits for most catalogues: halve the forward index then.
        self.forward: array[int] = array("H", forward) if len(vocab) < 65536 else forward
        self.field_starts = field_starts
        # Where each document's tokens begin in the forward index's bytes, and (last) where
        # the last one's end: the ranges a phrase's bytes are searched in.
        size = self.forward.itemsize
        wide = len(forward) * size >= 1 << 32
        self._byte_starts = array("Q" if wide else "I", map(size.__mul__, field_starts[::_WIDTH]))
        self._order: list[array[int] | None] = [None] * len(vocab)
        self._sorted_terms: list[str] | None = None
        self._best: dict[int, list[int]] = {}
        self._titles = titles
        self.documents = documents  # for the dates of code names (DatedPhrase)

    def df(self, tid: int) -> int:
        """How many documents hold term ``tid``."""
        return len(self._docs[tid])

    def docnos(self, tid: int) -> array[int]:
        """The document numbers (ascending) holding term ``tid``."""
        return self._docs[tid]

    def impacts(self, tid: int) -> array[float]:
        """The BM25 impacts of term ``tid``, in the order of :meth:`docnos`."""
        return self.decoded(tid)[1]

    def decoded(self, tid: int) -> tuple[array[int], array[float]]:
        """The postings of term ``tid``: document numbers and impacts (computed on first use)."""
        impacts = self._impacts[tid]
        if impacts is None:
            self._decode(tid)
            impacts = self._impacts[tid]
            assert impacts is not None
        return self._docs[tid], impacts

    def _decode(self, tid: int) -> None:
        # Computed once per term on first use; two threads may both compute it, and the
        # array is complete before it is stored, so readers never see half. The counts
        # are dropped only after the impacts are stored.
        counts = self._counts[tid]
        if counts is None:  # another thread has computed this term's impacts
            return
        docs = self._docs[tid]
        tfs = self._exact_counts(tid, docs, counts)
        found = _impact_list(weight(len(docs), self.n), tfs, map(self.knorm.__getitem__, docs))
        self._impacts[tid] = array("f", found)
        self._counts[tid] = None

    def common(self, tids: Sequence[int]) -> list[int]:
        """The documents (ascending) holding every term of ``tids``, found without impacts."""
        return intersect([self._docs[t] for t in tids], positions=False)[0]

    def common_impacts(self, tids: Sequence[int]) -> tuple[list[int], list[list[float]]]:
        """The documents (ascending) holding every term of ``tids``, and each term's impact
        in each of them: computed for those documents only (the same 32-bit values as
        decoding would give)."""
        docnos, where = intersect([self._docs[t] for t in tids])
        if not docnos:
            return [], [[] for _ in tids]
        return docnos, [
            self._impacts_at(tid, spots) for tid, spots in zip(tids, where, strict=True)
        ]

    def _impacts_at(self, tid: int, spots: Sequence[int]) -> list[float]:
        counts = self._counts[tid]
        if counts is None:  # decoded: the impacts were stored before the counts dropped
            stored = self._impacts[tid]
            assert stored is not None
            return [stored[i] for i in spots]
        docs = self._docs[tid]
        held = list(map(docs.__getitem__, spots))
        tfs = self._exact_counts(tid, held, list(map(counts.__getitem__, spots)))
        found = _impact_list(weight(len(docs), self.n), tfs, map(self.knorm.__getitem__, held))
        return array("f", found).tolist()

    def _exact_counts(self, tid: int, docs: Sequence[int], tfs: Sequence[int]) -> Sequence[int]:
        """The counts ``tfs`` of term ``tid`` in ``docs``, with those too large for a
        posting (kept apart) put back."""
        if not self._overflow or _CAP not in tfs:
            return tfs
        get = self._overflow.get
        return [tf if tf < _CAP else get((tid, d), tf) for d, tf in zip(docs, tfs, strict=True)]

    def run_candidates(
        self, tids: Sequence[int], field: int | None
    ) -> tuple[list[int], dict[int, int] | None]:
        """Documents (ascending) that may hold the token ids ``tids`` in a row in ``field``
        (None: in one field, not across a field's start), every one that does among
        them; and, where they were searched by bytes, the run's count in each of them,
        which are then exactly those holding it (None: their tokens are for the caller
        to read).

        Few documents holding every token are the candidates as they are. Of more, the
        run's bytes are searched (:meth:`_counted`). Where the rarest token is over ten
        times rarer than the others, its documents are searched so at once: a search
        costs about ten postings met in a set, less than intersecting the others.
        """
        lists = sorted((self._docs[t] for t in set(tids)), key=len)
        rarest = lists[0]
        if len(tids) > 1 and len(rarest) >= _SEARCHED_FROM:
            if len(lists) > 1 and len(lists[1]) > _SEARCHED_BEYOND * len(rarest):
                counts = self._counted(tids, rarest, field)
                return list(counts), counts
            found = intersect(lists, positions=False)[0]
            if len(found) >= _SEARCHED_FROM:
                counts = self._counted(tids, found, field)
                return list(counts), counts
        else:
            found = intersect(lists, positions=False)[0]
        return found, None

    def _counted(
        self, run: Sequence[int], docnos: Sequence[int], field: int | None
    ) -> dict[int, int]:
        """How often the token ids ``run`` occur in a row in ``field`` (None: in one field,
        not across a field's start) of each of ``docnos`` holding them (ascending).

        The bytes of the run are searched in each document's bytes, then again after
        each match, until none is left: a match counts where a token starts and (for
        all fields) ends before the next field starts. Every step is a C call over the
        documents still searched, so the cost is one search per document and one per
        match, and nothing in Python per document.
        """
        forward, size = self.forward, self.forward.itemsize
        search = re.compile(re.escape(array(forward.typecode, run).tobytes())).search
        if field is None:
            starts: Sequence[int] = self._byte_starts
            lo = list(map(starts.__getitem__, docnos))
            hi = list(map(starts.__getitem__, map((1).__add__, docnos)))
        else:
            starts = self.field_starts
            at = list(map((_WIDTH).__mul__, docnos))
            lo = list(map(size.__mul__, map(starts.__getitem__, map(field.__add__, at))))
            hi = list(map(size.__mul__, map(starts.__getitem__, map((field + 1).__add__, at))))
        breaks, length = self.field_starts, len(run)
        counts: dict[int, int] = {}
        docs, ends, found = docnos, hi, list(map(search, repeat(forward), lo, hi))
        while True:
            docs, ends = list(compress(docs, found)), list(compress(ends, found))
            if not docs:
                break
            places = list(map(re.Match.start, filter(None, found)))
            runs = map(not_, map(mod, places, repeat(size)))  # where a token starts
            if field is None:  # and not across a field's start: the next one is past its end
                tokens = list(map(floordiv, places, repeat(size)))
                own = list(map((_WIDTH).__mul__, docs))  # the document's own field starts
                after = map(
                    bisect.bisect_right,
                    repeat(breaks),
                    tokens,
                    map((1).__add__, own),
                    map((_WIDTH).__add__, own),
                )
                following = map(breaks.__getitem__, after)
                runs = map(and_, runs, map(ge, following, map(length.__add__, tokens)))
            _count_elements(counts, compress(docs, runs))
            found = list(map(search, repeat(forward), map((1).__add__, places), ends))
        return dict(sorted(counts.items()))

    def score_counts(self, counts: dict[int, int]) -> dict[int, float]:
        """BM25 scores of a pseudo-term (a phrase) from its count in each document holding it."""
        norms = self.knorm
        scores = impacts(len(counts), self.n, ((tf, norms[d]) for d, tf in counts.items()))
        return dict(zip(counts, scores, strict=True))

    def title_docnos(self, tid: int) -> Sequence[int]:
        """The documents (ascending) whose title holds term ``tid``."""
        return self._titles[tid]

    def precompute(self) -> None:
        """Compute every term's impacts now (otherwise done per term on first use)."""
        for tid in range(len(self._docs)):
            self._decode(tid)

    def count(self, token: str) -> int:
        """How many documents hold the folded ``token`` (read without computing impacts)."""
        tid = self.vocab.get(token)
        return 0 if tid is None else self.df(tid)

    def term_id(self, token: str) -> int | None:
        """The id of a folded token, or None if no document has it."""
        return self.vocab.get(token)

    def postings(self, token: str) -> tuple[Sequence[int], Sequence[float]]:
        """Document numbers (ascending) holding ``token``, and the impacts there."""
        tid = self.vocab.get(token)
        if tid is None:
            return (), ()
        return self.docnos(tid), self.impacts(tid)

    def impact_order(self, tid: int) -> Sequence[int]:
        """Positions in the term's postings by falling impact, ties by document number."""
        order = self._order[tid]
        if order is None:
            found = self.impacts(tid)
            # sorted() is stable even with reverse=True: equal impacts keep document order.
            order = array("I", sorted(range(len(found)), key=found.__getitem__, reverse=True))
            self._order[tid] = order  # a complete array, set in one step: safe to share
        return order

    def best(self, tid: int, k: int) -> list[int]:
        """Positions in the term's postings of its ``k`` highest impacts, highest first,
        ties by document: a selection (:func:`~.topk.highest`), kept per term for the
        largest ``k`` asked, so that asking again reads no posting."""
        kept = self._best.get(tid)
        if kept is None or (len(kept) < k and len(kept) < self.df(tid)):
            kept = self._best[tid] = highest(self.impacts(tid), k)  # complete, then shared
        return kept[:k]

    def expand_prefix(self, prefix: str) -> list[int]:
        """The ids of all tokens that start with ``prefix``, in alphabetical order."""
        terms = self._sorted_terms
        if terms is None:
            terms = self._sorted_terms = sorted(self.vocab)
        start = bisect.bisect_left(terms, prefix)
        found: list[int] = []
        for term in terms[start:]:
            if not term.startswith(prefix):
                break
            found.append(self.vocab[term])
        return found

    def segment(self, docno: int, field: int) -> Sequence[int]:
        """The token ids of one field (its number in FIELDS) of one document, in order."""
        at = _WIDTH * docno + field
        return self.forward[self.field_starts[at] : self.field_starts[at + 1]]

    def field_count(self, docno: int, field: str, token: str) -> int:
        """How often ``token`` occurs in ``field`` of document ``docno``."""
        tid = self.vocab.get(token)
        if tid is None:
            return 0
        return list(self.segment(docno, FIELD_NUMBER[field])).count(tid)

    def lookup(self, tid: int, docno: int) -> float | None:
        """The impact of term ``tid`` in document ``docno``, or None if it is not there."""
        i = find(self.docnos(tid), docno)
        return None if i < 0 else self.impacts(tid)[i]
