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
  names (authors, people, places): per word, the documents holding it (an
  array of 16-bit numbers up to 65,536 documents, else 32-bit) and its count
  in each (a byte), their BM25 impacts computed on a word's first use (or,
  for an AND, for the documents holding every word only), and a forward
  index of token ids that gives every token's position (for phrases, whose
  tokens' bytes are searched in it, and field prefixes).
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

A :class:`~sinosoviet_docs._search.nodes.Synonyms` group (a name and the
person's other names) is not a sum: a document holding the word as typed
scores that word's score, one found through aliases alone ``ALIAS_WEIGHT``
(0.8) times its best alias score, capped at the typed word's lowest score in
the catalogue; so naming a person several ways adds nothing, and no
alias-only match outranks a typed one.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._gc import paused_gc
from ._search.bm25 import ALIAS_WEIGHT, K1, B, idf
from ._search.filters import DateIndex, Selection, title_mentions, value_index
from ._search.nodes import FIELDS, DatedPhrase
from ._search.planner import MemoryExecutor
from ._search.postings import TextIndex

if TYPE_CHECKING:
    from .models import Catalogue, Document
    from .store import StoredCatalogue

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
    "idf",
    "index_for",
]

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
        #: Runs query plans over these indexes.
        self.executor = MemoryExecutor(self)

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
                    index = self._values[field] = value_index(self.documents, field)
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


def index_for(catalogue: Catalogue | StoredCatalogue) -> CatalogueIndex:
    """The catalogue's indexes, made (empty, parts built lazily) on first use (a store's own)."""
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
