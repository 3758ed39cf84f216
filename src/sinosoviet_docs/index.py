"""Indexes over a catalogue's documents, built once per catalogue and shared by its queries.

A catalogue is immutable, so its indexes never go stale: they are built on
first use (or at once with :meth:`Catalogue.build_indexes`), kept in a private
slot of the catalogue, and read by any number of threads at the same time.
Each part is built under a lock the first time it is needed; afterwards
queries only read it.

Documents are numbered by their position in the catalogue, which is
chronological (undated documents last), so "ties broken by date" is "lower
number first".

The parts:

- :class:`TextIndex`: an inverted index over title, summary, body text and
  names (authors, people, places), with BM25 impacts precomputed per posting
  and a forward index of token ids that gives every token's position (for
  phrases and field prefixes).
- :class:`DateIndex`: the first and last possible day of each dated document
  as ordinals, sorted, for range filters by bisection.
- value indexes: folded value -> document numbers for type, collection,
  topic, place, language and person (authors and people).

BM25 follows SQLite FTS5's ``bm25()`` with every column weighted 1, so the two
rank alike: for a term in a document, ``impact = idf * (K1 + 1) * tf / (tf +
K1 * (1 - B + B * dl / avgdl))`` with ``K1 = 1.2``, ``B = 0.75``, ``tf`` the
term's count in the document (all fields), ``dl`` the document's length in
tokens (all fields), ``avgdl`` the mean length, and ``idf = log((N - df + 0.5)
/ (df + 0.5))``, or ``1e-6`` where that is not positive. Impacts are stored as
32-bit floats; a document's score is the sum of its terms' impacts.

A :class:`~._querylang.Synonyms` group (a name and the person's other names)
is not a sum: a document holding the word as typed scores that word's score,
one found through aliases alone ``ALIAS_WEIGHT`` (0.8) times its best alias
score, capped at the typed word's lowest score in the catalogue; so naming a
person several ways adds nothing, and no alias-only match outranks a typed one.
"""

from __future__ import annotations

import bisect
import heapq
import importlib
import math
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeAlias, cast

import attrs

from ._gc import paused_gc
from ._querylang import Node, Not, Or, Phrase, Synonyms, Term
from ._text import fold_name, tokenize

if TYPE_CHECKING:
    from .models import Catalogue, Document


def _count_python(mapping: dict[str, int], iterable: Iterable[str]) -> None:
    for item in iterable:
        mapping[item] = mapping.get(item, 0) + 1


def _counter() -> Callable[[dict[str, int], Iterable[str]], None]:
    """The C helper behind collections.Counter, without Counter's per-call overhead."""
    try:
        found: Callable[[dict[str, int], Iterable[str]], None]
        found = importlib.import_module("_collections")._count_elements
    except (ImportError, AttributeError):  # pragma: no cover - Pythons without it
        return _count_python
    return found


_count_elements = _counter()


__all__ = [
    "ALIAS_WEIGHT",
    "FIELDS",
    "K1",
    "B",
    "CatalogueIndex",
    "DateIndex",
    "DatedPhrase",
    "Selection",
    "TextIndex",
    "build_indexes",
    "index_for",
]

#: BM25 term-frequency saturation.
K1 = 1.2
#: BM25 length normalisation.
B = 0.75
#: What a match through an alias alone counts, against one of the word as typed.
ALIAS_WEIGHT = 0.8
#: The fields of the text index, in the order they are stored.
FIELDS = ("title", "summary", "text", "names")
_FIELD_NUMBER = {name: number for number, name in enumerate(FIELDS)}
# Bounds are compared with a little room, so that rounding in a sum taken in another
# order never prunes a document that ties or beats the k-th best.
_SLACK = 1 + 1e-9


def idf(df: int, n: int) -> float:
    """FTS5's inverse document frequency: ``log((n - df + 0.5) / (df + 0.5))``, at least 1e-6.

    >>> round(idf(1, 100), 3), idf(90, 100)
    (4.195, 1e-06)
    """
    value = math.log((n - df + 0.5) / (df + 0.5))
    return value if value > 0 else 1e-6


@attrs.frozen
class DatedPhrase(Phrase):
    """A code name in a search: it counts only in documents dated ``first``..``last``
    (by year; never in undated ones) and not right after one of ``qualifiers``
    (another person's forename or an initial: "Vladimir Semenov" is no code name).
    """

    first: int = 0
    last: int = 0
    qualifiers: frozenset[str] = frozenset()


def _names_text(doc: Document) -> str | None:
    names = (*doc.authors, *doc.people, *doc.places)
    return " ; ".join(names) if names else None


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
        # One array per term of (docno << shift | tf): ascending by document, one append
        # per posting while building (the hot loop), decoded per term on first use.
        encoded: list[array[int]] = []
        appenders: list[Callable[[int], None]] = []  # encoded[tid].append, looked up once
        titles: list[array[int]] = []  # per term: the documents with it in their title
        # Up to 16 million documents a posting fits 32 bits (8 for the count, larger
        # counts kept in ``overflow``); beyond, 64 bits with 16 for the count.
        shift, typecode = (8, "I") if n < 1 << 24 else (16, "Q")
        cap = (1 << shift) - 1
        overflow: dict[tuple[int, int], int] = {}  # (tid, docno) -> tf for tf >= cap
        forward = array("I")
        bounds = array("I", [0])
        lengths = array("I")
        for docno, doc in enumerate(documents):
            tokens: list[str] = []
            base = len(forward)
            for part in (doc.title, doc.summary, doc.text, _names_text(doc)):
                if part:
                    tokens += tokenize(part)
                bounds.append(base + len(tokens))
            counts: dict[str, int] = {}
            _count_elements(counts, tokens)
            key = docno << shift
            looked_up = list(map(vocab_get, counts))
            if None not in looked_up and len(tokens) < cap:
                tids = cast("list[int]", looked_up)
            else:  # new terms, or a huge document
                tids = []
                for term, count in counts.items():
                    tid = vocab_get(term)
                    if tid is None:
                        tid = vocab[term] = len(encoded)
                        encoded.append(array(typecode))
                        appenders.append(encoded[-1].append)
                        titles.append(array("I"))
                    if count >= cap:
                        overflow[(tid, docno)] = count
                        counts[term] = cap
                    tids.append(tid)
            for tid, value in zip(tids, map(key.__or__, counts.values()), strict=True):
                appenders[tid](value)
            forward.extend(map(vocab.__getitem__, tokens))
            for tid in set(forward[base : bounds[-4]]):  # the title's distinct words
                titles[tid].append(docno)
            lengths.append(len(tokens))
        self.n = n
        self.vocab = vocab
        self.avgdl = sum(lengths) / n if n else 0.0
        avgdl = self.avgdl or 1.0
        self.knorm = array("d", [K1 * (1 - B + B * dl / avgdl) for dl in lengths])
        self._encoded: list[array[int] | None] = list(encoded)
        self._overflow = overflow
        self._shift = shift
        self._docs: list[array[int] | None] = [None] * len(vocab)
        self._impacts: list[array[float] | None] = [None] * len(vocab)
        # Token ids fit in 16 bits for most catalogues: halve the forward index then.
        self.forward: array[int] = array("H", forward) if len(vocab) < 65536 else forward
        self.bounds = bounds
        self._order: list[array[int] | None] = [None] * len(vocab)
        self._sorted_terms: list[str] | None = None
        self._titles = titles
        self._documents = documents  # for the dates of code names (DatedPhrase)

    def df(self, tid: int) -> int:
        """How many documents hold term ``tid``."""
        encoded = self._encoded[tid]
        if encoded is not None:
            return len(encoded)
        docs = self._docs[tid]  # stored before the encoded postings were dropped
        assert docs is not None
        return len(docs)

    def docs(self, tid: int) -> array[int]:
        """The documents (ascending) holding term ``tid``."""
        docs = self._docs[tid]
        if docs is None:
            self._decode(tid)
            docs = self._docs[tid]
            assert docs is not None
        return docs

    def impacts(self, tid: int) -> array[float]:
        """The BM25 impacts of term ``tid``, in the order of :meth:`docs`."""
        impacts = self._impacts[tid]
        if impacts is None:
            self._decode(tid)
            impacts = self._impacts[tid]
            assert impacts is not None
        return impacts

    def _decode(self, tid: int) -> None:
        # Computed once per term on first use; two threads may both compute it, and
        # both arrays are complete before they are stored, so readers never see half.
        # The packed postings are dropped only after both are stored.
        encoded = self._encoded[tid]
        if encoded is None:  # another thread has decoded this term
            return
        shift, cap = self._shift, (1 << self._shift) - 1
        docs = array("I", [e >> shift for e in encoded])
        tfs = [e & cap for e in encoded]
        if self._overflow:
            for i, d in enumerate(docs):
                tfs[i] = self._overflow.get((tid, d), tfs[i])
        w = idf(len(docs), self.n) * (K1 + 1)
        knorm = self.knorm
        impacts = array("f", [w * tf / (tf + knorm[d]) for d, tf in zip(docs, tfs, strict=True)])
        self._impacts[tid] = impacts
        self._docs[tid] = docs
        self._encoded[tid] = None

    def title_docs(self, tid: int) -> Sequence[int]:
        """The documents (ascending) whose title holds term ``tid``."""
        return self._titles[tid]

    def precompute(self) -> None:
        """Decode every term's postings and impacts now (otherwise done per term on first use)."""
        for tid in range(len(self._encoded)):
            self._decode(tid)

    # -- reading -------------------------------------------------------------------------

    def term_id(self, token: str) -> int | None:
        """The id of a folded token, or None if no document has it."""
        return self.vocab.get(token)

    def postings(self, token: str) -> tuple[Sequence[int], Sequence[float]]:
        """Document numbers (ascending) holding ``token``, and the impacts there."""
        tid = self.vocab.get(token)
        if tid is None:
            return (), ()
        return self.docs(tid), self.impacts(tid)

    def impact_order(self, tid: int) -> Sequence[int]:
        """Positions in the term's postings by falling impact, ties by document number."""
        order = self._order[tid]
        if order is None:
            impacts = self.impacts(tid)
            # sorted() is stable even with reverse=True: equal impacts keep document order.
            order = array("I", sorted(range(len(impacts)), key=impacts.__getitem__, reverse=True))
            self._order[tid] = order  # a complete array, set in one step: safe to share
        return order

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
        """The token ids of one field of one document, in order."""
        base = 4 * docno + field
        return self.forward[self.bounds[base] : self.bounds[base + 1]]

    def field_count(self, docno: int, field: str, token: str) -> int:
        """How often ``token`` occurs in ``field`` of document ``docno``."""
        tid = self.vocab.get(token)
        if tid is None:
            return 0
        return list(self.segment(docno, _FIELD_NUMBER[field])).count(tid)

    def lookup(self, tid: int, docno: int) -> float | None:
        """The impact of term ``tid`` in document ``docno``, or None if it is not there."""
        docs = self.docs(tid)
        i = bisect.bisect_left(docs, docno)
        if i < len(docs) and docs[i] == docno:
            return self.impacts(tid)[i]
        return None

    def _score(self, tf: int, df: int, docno: int) -> float:
        return idf(df, self.n) * (K1 + 1) * tf / (tf + self.knorm[docno])

    # -- matching --------------------------------------------------------------------------

    def matches(self, node: Node) -> dict[int, float]:
        """Every document matching ``node``, with its BM25 score (0 for a pure NOT)."""
        if isinstance(node, Term):
            return self._term(node)
        if isinstance(node, DatedPhrase):
            return self._dated(node)
        if isinstance(node, Phrase):
            tids = [self.vocab.get(t) for t in node.tokens]
            if any(t is None for t in tids):
                return {}
            fields = range(4) if node.field is None else (_FIELD_NUMBER[node.field],)
            return self._sequence([t for t in tids if t is not None], fields)
        if isinstance(node, Synonyms):
            return self._synonyms(node)
        if isinstance(node, Or):
            acc: dict[int, float] = {}
            get = acc.get
            for child in node.children:
                for d, s in self.matches(child).items():
                    acc[d] = get(d, 0.0) + s
            return acc
        if isinstance(node, Not):
            excluded = self.matches(node.child)
            return {d: 0.0 for d in range(self.n) if d not in excluded}
        positives = [c for c in node.children if not isinstance(c, Not)]
        negatives = [c.child for c in node.children if isinstance(c, Not)]
        if positives:
            found: list[dict[int, float]] = [self.matches(c) for c in positives]
            smallest: dict[int, float] = min(found, key=len)
            common = set(smallest)
            for m in found:
                common.intersection_update(m)
            result = {d: sum(m[d] for m in found) for d in sorted(common)}
        else:
            result = dict.fromkeys(range(self.n), 0.0)
        for child in negatives:
            for d in self.matches(child):
                result.pop(d, None)
        return result

    def _synonyms(self, node: Synonyms) -> dict[int, float]:
        """Dis-max of the alternatives: a document holding the word as typed scores that;
        one found through aliases alone scores ``ALIAS_WEIGHT`` times the best alias
        score, capped at the lowest score of the typed word (so it ranks below all of them).
        """
        typed = self.matches(node.typed)
        floor = min(typed.values()) if typed else None
        best: dict[int, float] = {}
        get = best.get
        for alias in node.aliases:
            for d, s in self.matches(alias).items():
                if d not in typed:
                    old = get(d)
                    if old is None or s > old:
                        best[d] = s
        result = dict(typed)
        for d, s in best.items():
            result[d] = _alias_score(s, floor)
        return result

    def _term(self, node: Term) -> dict[int, float]:
        if node.prefix:
            tids = self.expand_prefix(node.token)
        else:
            tid = self.vocab.get(node.token)
            tids = [] if tid is None else [tid]
        acc: dict[int, float] = {}
        get = acc.get
        for tid in tids:
            if node.field is None:
                for d, s in zip(self.docs(tid), self.impacts(tid), strict=True):
                    acc[d] = get(d, 0.0) + s
            else:
                for d, s in self._sequence([tid], (_FIELD_NUMBER[node.field],)).items():
                    acc[d] = get(d, 0.0) + s
        return acc

    def _dated(self, node: DatedPhrase) -> dict[int, float]:
        """Documents of the node's years holding its tokens in a row, not after a qualifier."""
        found = [self.vocab.get(t) for t in node.tokens]
        tids = [t for t in found if t is not None]
        if not tids or len(tids) != len(found):
            return {}
        fields = range(4) if node.field is None else (_FIELD_NUMBER[node.field],)
        bad = {self.vocab[w] for w in node.qualifiers if w in self.vocab}
        size = len(tids)
        counts: dict[int, int] = {}
        for d in self.docs(min(tids, key=self.df)):
            date = self._documents[d].date
            if date is None or not node.first <= date.year <= node.last:
                continue
            tf = 0
            for field in fields:
                seg = list(self.segment(d, field))
                for i in range(len(seg) - size + 1):
                    if seg[i : i + size] == tids and (i == 0 or seg[i - 1] not in bad):
                        tf += 1
            if tf:
                counts[d] = tf
        df = len(counts)
        return {d: self._score(tf, df, d) for d, tf in counts.items()}

    def _sequence(self, tids: list[int], fields: Iterable[int]) -> dict[int, float]:
        """Documents where the tokens ``tids`` follow each other in one of ``fields``."""
        fields = tuple(fields)
        rarest = min(tids, key=self.df)
        others = [self.docs(t) for t in set(tids) if t != rarest]
        pattern = array(self.forward.typecode, tids)
        size = len(tids)
        counts: dict[int, int] = {}
        for d in self.docs(rarest):
            if not all(_contains(docs, d) for docs in others):
                continue
            tf = 0
            for field in fields:
                seg = self.segment(d, field)
                if len(seg) < size:
                    continue
                i = -1
                first = tids[0]
                try:
                    while True:
                        i = seg.index(first, i + 1)
                        if seg[i : i + size] == pattern:
                            tf += 1
                except ValueError:
                    pass
            if tf:
                counts[d] = tf
        df = len(counts)
        return {d: self._score(tf, df, d) for d, tf in counts.items()}

    # -- top k for plain terms ---------------------------------------------------------------

    def top_terms(
        self,
        tokens: Sequence[str],
        *,
        conjunctive: bool,
        k: int,
        accept: Callable[[int], bool] | None = None,
    ) -> list[tuple[float, int]]:
        """The ``k`` best (score, docno) for plain terms joined by AND or OR, best first.

        Fagin's threshold algorithm over impact-ordered postings: walk every
        term's postings from the highest impact down, score each new
        document fully by looking it up in the other postings, and stop as
        soon as the k-th best score beats the sum of the impacts at the
        current depth (no unseen document can reach it).
        """
        tids = [self.vocab.get(t) for t in tokens]
        if conjunctive and any(t is None for t in tids):
            return []
        present = [t for t in tids if t is not None]
        if not present or k <= 0:
            return []
        if len(present) == 1:
            return self._top_one(present[0], k, accept)
        lists = [(self.docs(t), self.impacts(t), self.impact_order(t)) for t in present]
        if conjunctive:
            return self._top_and(lists, k, accept)
        seen: set[int] = set()
        heap: list[tuple[float, int]] = []  # (score, -docno): the worst kept is heap[0]
        depth = 0
        while True:
            threshold = 0.0
            active = False
            for docs, impacts, order in lists:
                if depth >= len(order):
                    continue
                active = True
                pos = order[depth]
                threshold += impacts[pos]
                d = docs[pos]
                if d in seen:
                    continue
                seen.add(d)
                score = self._full_score(lists, d, conjunctive)
                if score is None or (accept is not None and not accept(d)):
                    continue
                item = (score, -d)
                if len(heap) < k:
                    heapq.heappush(heap, item)
                elif item > heap[0]:
                    heapq.heapreplace(heap, item)
            if not active or (len(heap) == k and heap[0][0] > threshold * _SLACK):
                break
            depth += 1
        return [(s, -negd) for s, negd in sorted(heap, reverse=True)]

    def top_groups(
        self,
        groups: Sequence[Sequence[str]],
        *,
        conjunctive: bool,
        k: int,
        accept: Callable[[int], bool] | None = None,
    ) -> list[tuple[float, int]]:
        """The ``k`` best (score, docno) for synonym groups of plain words joined by AND or OR.

        A group is the word as typed followed by its aliases, scored as a
        :class:`~._querylang.Synonyms` node. The threshold algorithm as in
        :meth:`top_terms`; a group's bound at a depth is the max of its
        words' (weighted, capped) impacts there.
        """
        if all(len(g) == 1 for g in groups):
            tokens = [g[0] for g in groups]
            return self.top_terms(tokens, conjunctive=conjunctive, k=k, accept=accept)
        lists = self._group_lists(groups, conjunctive)
        if not lists or k <= 0:
            return []
        seen: set[int] = set()
        heap: list[tuple[float, int]] = []  # (score, -docno): the worst kept is heap[0]
        depth = 0
        while True:
            threshold = 0.0
            active = False
            for _, alternatives in lists:
                bound = 0.0
                for docs, impacts, order, cap in alternatives:
                    if depth >= len(order):
                        continue
                    active = True
                    pos = order[depth]
                    impact = impacts[pos]
                    bound = max(bound, impact if cap is None else ALIAS_WEIGHT * min(impact, cap))
                    d = docs[pos]
                    if d in seen:
                        continue
                    seen.add(d)
                    score = self._group_score(lists, d, conjunctive)
                    if score is None or (accept is not None and not accept(d)):
                        continue
                    item = (score, -d)
                    if len(heap) < k:
                        heapq.heappush(heap, item)
                    elif item > heap[0]:
                        heapq.heapreplace(heap, item)
                threshold += bound
            if not active or (len(heap) == k and heap[0][0] > threshold * _SLACK):
                break
            depth += 1
        return [(s, -negd) for s, negd in sorted(heap, reverse=True)]

    def score_groups(
        self, groups: Sequence[Sequence[str]], candidates: Iterable[int], *, conjunctive: bool
    ) -> dict[int, float]:
        """Scores of the given documents for synonym groups of plain words, by lookup."""
        lists = self._group_lists(groups, conjunctive)
        result: dict[int, float] = {}
        if lists:
            for d in candidates:
                score = self._group_score(lists, d, conjunctive)
                if score is not None:
                    result[d] = score
        return result

    def _group_lists(self, groups: Sequence[Sequence[str]], conjunctive: bool) -> list[_Group]:
        """Per group: the typed word's floor, and the postings, impacts, impact order and
        cap of each of its indexed words (groups with none are left out; for AND, all)."""
        lists: list[_Group] = []
        for typed, *aliases in groups:
            present: list[_Alternative] = []
            floor: float | None = None
            tid = self.vocab.get(typed)
            if tid is not None:
                impacts = self.impacts(tid)
                floor = min(impacts)
                present.append((self.docs(tid), impacts, self.impact_order(tid), None))
            for alias in aliases:
                tid = self.vocab.get(alias)
                if tid is not None:
                    # An alias-only match counts ALIAS_WEIGHT * min(impact, floor).
                    cap = math.inf if floor is None else floor
                    present.append((self.docs(tid), self.impacts(tid), self.impact_order(tid), cap))
            if present:
                lists.append((floor, present))
            elif conjunctive:
                return []
        return lists

    @staticmethod
    def _group_score(lists: list[_Group], d: int, conjunctive: bool) -> float | None:
        """Sum over the groups of each one's score in ``d`` (see :meth:`_synonyms`); None if
        ``d`` matches no group (or, for AND, misses one)."""
        score = 0.0
        matched = False
        for floor, alternatives in lists:
            typed: float | None = None
            best: float | None = None
            for docs, impacts, _, cap in alternatives:
                i = bisect.bisect_left(docs, d)
                if i < len(docs) and docs[i] == d:
                    if cap is None:
                        typed = impacts[i]
                    elif best is None or impacts[i] > best:
                        best = impacts[i]
            if typed is not None:
                score += typed
            elif best is not None:
                score += _alias_score(best, floor)
            elif conjunctive:
                return None
            else:
                continue
            matched = True
        return score if matched else None

    def _top_and(
        self,
        lists: list[tuple[array[int], array[float], Sequence[int]]],
        k: int,
        accept: Callable[[int], bool] | None,
    ) -> list[tuple[float, int]]:
        """Top k for AND: walk the rarest term by impact, look the others up, and stop
        when its impact plus the others' highest impacts cannot beat the k-th best."""
        docs, impacts, order = min(lists, key=lambda x: len(x[0]))
        best_others = sum(x[1][x[2][0]] for x in lists) - impacts[order[0]]
        heap: list[tuple[float, int]] = []
        for pos in order:
            if len(heap) == k and heap[0][0] > (impacts[pos] + best_others) * _SLACK:
                break
            d = docs[pos]
            score = self._full_score(lists, d, True)
            if score is None or (accept is not None and not accept(d)):
                continue
            item = (score, -d)
            if len(heap) < k:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
        return [(s, -negd) for s, negd in sorted(heap, reverse=True)]

    def _top_one(
        self, tid: int, k: int, accept: Callable[[int], bool] | None
    ) -> list[tuple[float, int]]:
        docs, impacts = self.docs(tid), self.impacts(tid)
        found: list[tuple[float, int]] = []
        for pos in self.impact_order(tid):
            d = docs[pos]
            if accept is None or accept(d):
                found.append((impacts[pos], d))
                if len(found) == k:
                    break
        return found

    @staticmethod
    def _full_score(
        lists: list[tuple[array[int], array[float], Sequence[int]]], d: int, conjunctive: bool
    ) -> float | None:
        score = 0.0
        for docs, impacts, _ in lists:
            i = bisect.bisect_left(docs, d)
            if i < len(docs) and docs[i] == d:
                score += impacts[i]
            elif conjunctive:
                return None
        return score


# One alternative of a synonym group in the top-k path: postings, impacts, impact order,
# and None for the word as typed or, for an alias, the typed word's floor (inf: none).
_Alternative: TypeAlias = "tuple[array[int], array[float], Sequence[int], float | None]"
# A synonym group: the lowest score of the typed word (None: it is nowhere), alternatives.
_Group: TypeAlias = "tuple[float | None, list[_Alternative]]"


def _alias_score(best: float, floor: float | None) -> float:
    """A match through aliases alone: ALIAS_WEIGHT times the best alias score, capped at
    the lowest score of the word as typed (so it ranks below every typed match)."""
    return ALIAS_WEIGHT * (best if floor is None else min(best, floor))


def _contains(docs: Sequence[int], d: int) -> bool:
    i = bisect.bisect_left(docs, d)
    return i < len(docs) and docs[i] == d


@attrs.frozen
class Selection:
    """The documents an indexed filter keeps.

    ``size`` bounds their number, ``docnos()`` lists them ascending and
    ``contains`` tests one. A range filter also gives ``span``, document
    numbers outside of which nothing matches, and ``exact``, a sub-range in
    which everything within ``span`` matches, so intersecting with it costs
    two bisections and a test only near its ends.
    """

    size: int
    docnos: Callable[[], Sequence[int]]
    contains: Callable[[int], bool]
    span: tuple[int, int] | None = None
    exact: tuple[int, int] | None = None

    @classmethod
    def of(cls, docnos: Sequence[int]) -> Selection:
        """A selection of an ascending sequence of document numbers."""
        return cls(len(docnos), lambda: docnos, lambda d: _contains(docnos, d))

    def narrow(self, docnos: Sequence[int]) -> list[int]:
        """The ascending ``docnos`` that this (range) selection keeps."""
        if self.span is None or self.exact is None:
            return [d for d in docnos if self.contains(d)]
        lo, hi = self.span
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
    """First and last possible day (as ordinals) of the dated documents, in catalogue order."""

    def __init__(self, documents: Sequence[Document]) -> None:
        early = array("i")
        late = array("i")
        for doc in documents:
            if doc.date is None:
                break  # undated documents come last in a catalogue
            early.append(doc.date.earliest.toordinal())
            late.append(doc.date.latest.toordinal())
        self.dated = len(early)
        self.early = early
        self.late = late
        self.span = max((b - a for a, b in zip(early, late, strict=True)), default=0)

    def select(self, lo: int, hi: int, *, within: bool) -> Selection:
        """Dated documents overlapping (or within) the days ``lo..hi`` (ordinals)."""
        early, late = self.early, self.late
        end = bisect.bisect_right(early, hi)
        if within:
            # early >= lo; late <= hi is sure while early <= hi - span.
            start = bisect.bisect_left(early, lo)
            exact = (start, max(start, min(end, bisect.bisect_right(early, hi - self.span))))

            def contains(d: int) -> bool:
                return d < self.dated and lo <= early[d] and late[d] <= hi

        else:
            # early <= hi; late >= lo is sure once early >= lo.
            start = bisect.bisect_left(early, lo - self.span)
            exact = (min(end, bisect.bisect_left(early, lo)), end)

            def contains(d: int) -> bool:
                return d < self.dated and early[d] <= hi and late[d] >= lo

        start = min(start, end)
        selection = Selection(max(0, end - start), list, contains, (start, end), exact)

        def docnos() -> Sequence[int]:
            return selection.narrow(range(start, end))

        return attrs.evolve(selection, docnos=docnos)


_PLURALS = {
    "collection": "collections",
    "topic": "topics",
    "place": "places",
    "language": "languages",
}


def _values(doc: Document, field: str) -> Iterable[str]:
    if field == "person":
        return (*doc.authors, *doc.people)
    if field == "type":
        return () if doc.type is None else (doc.type,)
    value: tuple[str, ...] = getattr(doc, _PLURALS[field])
    return value


VALUE_FIELDS = ("type", "collection", "topic", "place", "language", "person")


class CatalogueIndex:
    """All indexes of one catalogue; each part is built on first use, once."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self._lock = threading.RLock()
        self._text: TextIndex | None = None
        self._dates: DateIndex | None = None
        self._values: dict[str, dict[str, array[int]]] = {}
        self._people: dict[str, Sequence[int]] = {}

    @property
    def text(self) -> TextIndex:
        """The full-text index (built now if it is not yet)."""
        if self._text is None:
            with self._lock:
                if self._text is None:
                    with paused_gc():
                        self._text = TextIndex(self.documents)
        return self._text

    @property
    def dates(self) -> DateIndex:
        """The date index (built now if it is not yet)."""
        if self._dates is None:
            with self._lock:
                if self._dates is None:
                    self._dates = DateIndex(self.documents)
        return self._dates

    def values(self, field: str) -> dict[str, array[int]]:
        """Folded value -> ascending document numbers, for a value field."""
        index = self._values.get(field)
        if index is None:
            with self._lock:
                index = self._values.get(field)
                if index is None:
                    building: dict[str, list[int]] = {}
                    folded: dict[str, str] = {}  # raw value -> folded, computed once per value
                    for docno, doc in enumerate(self.documents):
                        for raw in _values(doc, field):
                            key = folded.get(raw)
                            if key is None:
                                key = folded[raw] = fold_name(raw)
                            docs = building.setdefault(key, [])
                            if not docs or docs[-1] != docno:
                                docs.append(docno)
                    index = {key: array("I", docs) for key, docs in building.items()}
                    self._values[field] = index
        return index

    def __getstate__(self) -> dict[str, object]:
        # A pickled catalogue carries no indexes: they are rebuilt on first use.
        return {"documents": self.documents}

    def __setstate__(self, state: dict[str, object]) -> None:
        documents = state["documents"]
        assert isinstance(documents, tuple)
        self.__init__(documents)  # type: ignore[misc]

    def person(self, key: str) -> Sequence[int]:
        """Documents with the folded name ``key`` as author, in ``people`` or in the title.

        Kept per name once asked (at most 10,000 names; then started afresh).
        """
        found = self._people.get(key)
        if found is None:
            postings = self.values("person").get(key, array("I"))
            extra = title_mentions(self.text, key, (postings,))
            found = postings if not extra else array("I", sorted({*postings, *extra}))
            if len(self._people) >= 10_000:
                self._people = {}
            self._people[key] = found
        return found

    def build(self) -> None:
        """Build every part now."""
        _ = self.text, self.dates
        for field in VALUE_FIELDS:
            self.values(field)


_LOCK = threading.Lock()


def index_for(catalogue: Catalogue) -> CatalogueIndex:
    """The catalogue's indexes, made (empty, parts built lazily) on first use."""
    box = catalogue._indexes
    index = box.get("index")
    if index is None:
        with _LOCK:
            index = box.get("index")
            if index is None:
                index = box["index"] = CatalogueIndex(catalogue.documents)
    assert isinstance(index, CatalogueIndex)
    return index


def build_indexes(catalogue: Catalogue) -> None:
    """Build every index of the catalogue now instead of on first use."""
    index_for(catalogue).build()


def title_mentions(text: TextIndex, name: str, known: Sequence[Sequence[int]] = ()) -> list[int]:
    """Documents whose title holds the tokens of ``name`` in a row, ascending.

    Documents in any of the ``known`` postings are left out without reading
    their titles (the caller has them already).
    """
    tids = [text.term_id(t) for t in tokenize(name)]
    if not tids or any(t is None for t in tids):
        return []
    present = [t for t in tids if t is not None]
    lists = sorted((text.title_docs(t) for t in set(present)), key=len)
    candidates = set(lists[0])
    for postings in known:
        candidates.difference_update(postings)
    size = len(present)
    found: list[int] = []
    for d in sorted(candidates):
        if all(_contains(other, d) for other in lists[1:]):
            seg = list(text.segment(d, 0))
            if any(seg[i : i + size] == present for i in range(len(seg) - size + 1)):
                found.append(d)
    return found
