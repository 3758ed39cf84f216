"""The tantivy side of the query benchmark: the same documents in a RAM index, the same queries.

Used by ``bench_query.py`` when the ``tantivy`` package (``benchmark`` extra)
is installed. tantivy scores each field apart (BM25 per field, summed), so its
scores are not FTS5's: what is checked before timing is that it finds the same
number of documents, not the same ten.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

FIELDS = ("title", "summary", "text", "names")


def available() -> bool:
    """Whether tantivy can be imported."""
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


class TantivySide:
    """A RAM tantivy index of the four text fields, from (title, summary, text, names) rows."""

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("docno", stored=True, indexed=False, fast=True)
        for name in FIELDS:
            builder.add_text_field(name, stored=False, tokenizer_name="default")
        schema = builder.build()
        start = time.perf_counter()
        self.index = tantivy.Index(schema)  # no path: in RAM
        writer = self.index.writer(heap_size=200_000_000, num_threads=1)
        for docno, row in enumerate(rows):
            fields: dict[str, Any] = {"docno": [docno]}
            for name, value in zip(FIELDS, row, strict=True):
                if value:
                    fields[name] = [value]
            writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.build_seconds = time.perf_counter() - start
        self.searcher = self.index.searcher()

    def _query(self, q: str) -> Any:
        """Our query syntax in tantivy's: words joined by AND, or a quoted phrase."""
        if not q.startswith('"'):
            q = " AND ".join(q.split())
        return self.index.parse_query(q, list(FIELDS))

    def prefix_query(self, prefix: str) -> Any:
        """A ``prefix*`` query over every field (a disjunction of per-field regex queries)."""
        import tantivy

        schema = self.index.schema
        return tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.regex_query(schema, name, f"{prefix}.*"))
                for name in FIELDS
            ]
        )

    def parse(self, q: str) -> Any:
        """The tantivy query for one of ours."""
        if q.endswith("*") and " " not in q and not q.startswith('"'):
            return self.prefix_query(q[:-1])
        return self._query(q)

    def top10(self, q: str) -> list[int]:
        """The docnos of the ten best, parsing included."""
        found = self.searcher.search(self.parse(q), 10)
        return [self.searcher.doc(address)["docno"][0] for _, address in found.hits]

    def count(self, q: str) -> int:
        """How many documents match ``q``."""
        return int(self.searcher.search(self.parse(q), 1, count=True).count)
