"""The text index's storage: postings with BM25 impacts, and a forward index of token positions.

Every document's fields are stored in the order of :data:`~.nodes.FIELDS`;
``field_starts[len(FIELDS) * docno + field]`` is where a field begins in the
forward index and the next entry where it ends.
"""

from __future__ import annotations

import bisect
import importlib
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
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
    lists: Sequence[tuple[Sequence[int], int]], *, positions: bool = True
) -> tuple[list[int], list[list[int]]]:
    """The document numbers in every list, ascending, and where each is in each list
    (without ``positions``, nowhere: empty lists).

    A list is ``(keys, shift)``: ascending keys, document ``d`` being the key
    whose ``key >> shift`` is ``d`` (packed postings, or document numbers with
    shift 0). The shortest list gives the candidates; each other list, from
    the shortest up, keeps those it holds. A list over four times longer than
    the candidates is probed by bisection from where the last probe ended (a
    skip over everything before it): ``O(m log n)`` for ``m`` candidates and
    ``n`` postings, and nothing else of it is read. A shorter one is read
    whole and met with a set, ``O(m + n)`` at C speed.

    >>> intersect([([1, 4, 6, 9], 0), ([2 << 8 | 1, 4 << 8 | 3, 9 << 8 | 1], 8)])
    ([4, 9], [[1, 3], [1, 2]])
    """
    if not lists:
        return [], []
    order = sorted(range(len(lists)), key=lambda at: len(lists[at][0]))
    walked, shift = lists[order[0]]
    found = list(walked) if shift == 0 else [key >> shift for key in walked]
    where: list[list[int]] = [[] for _ in lists]
    if positions:
        where[order[0]] = list(range(len(found)))
    done = [order[0]]
    bisect_left = bisect.bisect_left
    for at in order[1:]:
        keys, shift = lists[at]
        kept: list[int] = []  # which candidates this list holds
        spots = where[at] if positions else []
        if len(keys) <= 4 * len(found):
            docnos = keys if shift == 0 else [key >> shift for key in keys]
            both = set(found).intersection(docnos)
            if not positions:
                found = sorted(both)
                continue
            if both:
                kept = [i for i, d in enumerate(found) if d in both]
                spots += [bisect_left(docnos, found[i]) for i in kept]
        else:
            size = len(keys)
            lo = 0
            for i, d in enumerate(found):
                lo = bisect_left(keys, d << shift, lo)
                if lo == size:
                    break
                if keys[lo] >> shift == d:
                    kept.append(i)
                    spots.append(lo)
        if len(kept) < len(found):
            found = [found[i] for i in kept]
            for other in done if positions else ():
                previous = where[other]
                where[other] = [previous[i] for i in kept]
        done.append(at)
    return found, where


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
        # One array per term of (docno << shift | tf): ascending by document, decoded per
        # term on first use. Each document's postings are appended in one pass at C speed.
        encoded: list[array[int]] = []
        titles: list[array[int]] = []  # per term: the documents with it in their title
        # Up to 16 million documents a posting fits 32 bits (8 for the count, larger
        # counts kept in ``overflow``); beyond, 64 bits with 16 for the count.
        shift, typecode = (8, "I") if n < 1 << 24 else (16, "Q")
        cap = (1 << shift) - 1
        overflow: dict[tuple[int, int], int] = {}  # (tid, docno) -> tf for tf >= cap
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
                            tid = vocab[term] = len(encoded)
                            encoded.append(array(typecode))
                            titles.append(array("I"))
                        ids[i] = tid
            tids = cast("list[int]", ids)
            counts: dict[int, int] = {}
            _count_elements(counts, tids)
            if len(tokens) >= cap:  # a huge document: counts that do not fit
                for tid, count in counts.items():
                    if count >= cap:
                        overflow[(tid, docno)] = count
                        counts[tid] = cap
            key = docno << shift
            _drain(map(append, map(encoded.__getitem__, counts), map(key.__or__, counts.values())))
            forward.extend(tids)
            start, end = field_starts[title_at - 1] - base, field_starts[title_at] - base
            if end > start:
                _drain(map(append, map(titles.__getitem__, set(tids[start:end])), repeat(docno)))
            lengths.append(len(tokens))
        # Appending over-allocates: keep exact copies (a slice is allocated to size), one
        # term at a time so that the build's peak memory hardly grows.
        for lists in (encoded, titles):
            for tid, postings in enumerate(lists):
                lists[tid] = postings[:]
        self.n = n
        self.vocab = vocab
        self.avgdl = sum(lengths) / n if n else 0.0
        self.knorm = length_norms(lengths)
        self._encoded: list[array[int] | None] = list(encoded)
        self._overflow = overflow
        self._shift = shift
        self._docnos: list[array[int] | None] = [None] * len(vocab)
        self._impacts: list[array[float] | None] = [None] * len(vocab)
        # Token ids fit in 16 bits for most catalogues: halve the forward index then.
        self.forward: array[int] = array("H", forward) if len(vocab) < 65536 else forward
        self.field_starts = field_starts
        self._order: list[array[int] | None] = [None] * len(vocab)
        self._sorted_terms: list[str] | None = None
        self._best: dict[int, list[int]] = {}
        self._titles = titles
        self.documents = documents  # for the dates of code names (DatedPhrase)

    def df(self, tid: int) -> int:
        """How many documents hold term ``tid``."""
        encoded = self._encoded[tid]
        if encoded is not None:
            return len(encoded)
        docnos = self._docnos[tid]  # stored before the encoded postings were dropped
        assert docnos is not None
        return len(docnos)

    def docnos(self, tid: int) -> array[int]:
        """The document numbers (ascending) holding term ``tid``."""
        return self.decoded(tid)[0]

    def impacts(self, tid: int) -> array[float]:
        """The BM25 impacts of term ``tid``, in the order of :meth:`docnos`."""
        return self.decoded(tid)[1]

    def decoded(self, tid: int) -> tuple[array[int], array[float]]:
        """The postings of term ``tid``: document numbers and impacts (decoded on first use)."""
        docnos, impacts = self._docnos[tid], self._impacts[tid]
        if docnos is None or impacts is None:
            self._decode(tid)
            docnos, impacts = self._docnos[tid], self._impacts[tid]
            assert docnos is not None
            assert impacts is not None
        return docnos, impacts

    def _decode(self, tid: int) -> None:
        # Computed once per term on first use; two threads may both compute it, and
        # both arrays are complete before they are stored, so readers never see half.
        # The packed postings are dropped only after both are stored.
        encoded = self._encoded[tid]
        if encoded is None:  # another thread has decoded this term
            return
        shift, cap = self._shift, (1 << self._shift) - 1
        norms = self.knorm
        w = weight(len(encoded), self.n)
        # impacts(): w * tf / (tf + norm), written out in one pass over the packed postings.
        found = [w * (tf := e & cap) / (tf + norms[e >> shift]) for e in encoded]
        docnos = array("I", [e >> shift for e in encoded])
        if self._overflow:
            for i, d in enumerate(docnos):
                big = self._overflow.get((tid, d))
                if big is not None:
                    found[i] = w * big / (big + norms[d])
        self._impacts[tid] = array("f", found)
        self._docnos[tid] = docnos
        self._encoded[tid] = None

    def _keys(self, tid: int) -> tuple[Sequence[int], int]:
        """The term's postings as :func:`intersect` reads them: packed, or decoded."""
        encoded = self._encoded[tid]
        if encoded is not None:
            return encoded, self._shift
        docnos = self._docnos[tid]  # stored before the packed postings were dropped
        assert docnos is not None
        return docnos, 0

    def common(self, tids: Sequence[int]) -> list[int]:
        """The documents (ascending) holding every term of ``tids``, found without decoding."""
        return intersect([self._keys(t) for t in tids], positions=False)[0]

    def common_impacts(self, tids: Sequence[int]) -> tuple[list[int], list[list[float]]]:
        """The documents (ascending) holding every term of ``tids``, and each term's impact
        in each of them: computed for those documents only (the same 32-bit values as
        decoding would give)."""
        views = [self._keys(t) for t in tids]
        docnos, where = intersect(views)
        if not docnos:
            return [], [[] for _ in tids]
        return docnos, [
            self._impacts_at(tid, keys, shift, spots)
            for tid, (keys, shift), spots in zip(tids, views, where, strict=True)
        ]

    def _impacts_at(
        self, tid: int, keys: Sequence[int], shift: int, spots: Sequence[int]
    ) -> list[float]:
        if shift == 0:  # decoded: the impacts were stored before the packed postings dropped
            found = self._impacts[tid]
            assert found is not None
            return [found[i] for i in spots]
        cap = (1 << shift) - 1
        norms, overflow = self.knorm, self._overflow
        w = weight(len(keys), self.n)
        values = []
        for i in spots:
            e = keys[i]
            tf = e & cap
            if tf == cap and overflow:
                tf = overflow.get((tid, e >> shift), tf)
            values.append(w * tf / (tf + norms[e >> shift]))
        return array("f", values).tolist()

    def score_counts(self, counts: dict[int, int]) -> dict[int, float]:
        """BM25 scores of a pseudo-term (a phrase) from its count in each document holding it."""
        norms = self.knorm
        scores = impacts(len(counts), self.n, ((tf, norms[d]) for d, tf in counts.items()))
        return dict(zip(counts, scores, strict=True))

    def title_docnos(self, tid: int) -> Sequence[int]:
        """The documents (ascending) whose title holds term ``tid``."""
        return self._titles[tid]

    def precompute(self) -> None:
        """Decode every term's postings and impacts now (otherwise done per term on first use)."""
        for tid in range(len(self._encoded)):
            self._decode(tid)

    def count(self, token: str) -> int:
        """How many documents hold the folded ``token`` (read without decoding its postings)."""
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
