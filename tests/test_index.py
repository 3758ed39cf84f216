"""Indexes and full text: every answer checked against a brute-force scan of the documents."""

from __future__ import annotations

import sinosoviet_docs as ssd
from sinosoviet_docs.index import index_for

from .search.counting import run_together


def test_build_indexes_is_shared_between_threads() -> None:
    """Threads querying a fresh catalogue at once build one index and get the same answers."""
    docs = [ssd.Document(id=f"d{i}", title=f"Taiwan telegram {i % 7}") for i in range(300)]
    cat = ssd.Catalogue(documents=docs)
    results: list[list[str]] = []
    indexes: list[object] = []

    def work() -> None:
        results.append(cat.search("taiwan 3").ids())
        indexes.append(index_for(cat).text)

    run_together(work)
    assert 6 == len(results)
    assert all(r == results[0] for r in results)
    assert all(i is indexes[0] for i in indexes)


def test_build_indexes_keeps_the_catalogue_equal() -> None:
    """Building indexes changes neither equality nor hash of a catalogue."""
    a = ssd.Catalogue(documents=[ssd.Document(id="x", title="Taiwan")])
    b = ssd.Catalogue(documents=[ssd.Document(id="x", title="Taiwan")])
    assert a.build_indexes() == b
    assert hash(a) == hash(b)


def test_catalogue_with_indexes_pickles() -> None:
    """A catalogue whose indexes are built pickles, and searches the same after."""
    import pickle

    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan strait")]).build_indexes()
    copy = pickle.loads(pickle.dumps(cat))
    assert cat == copy
    assert ["a"] == copy.search("strait").ids()
