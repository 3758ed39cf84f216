"""Query benchmarks: this library side by side with SQLite FTS5 and pandas, same data, same run.

    python benchmarks/bench_query.py 100000            # generates /tmp/bench/cat-100000.jsonl once
    python benchmarks/bench_query.py 10000 --repeat 50
    python benchmarks/bench_query.py 1000000 --skip-pandas --repeat 3

Needs the ``benchmark`` extra (pandas); SQLite's FTS5 comes with Python's
sqlite3 on most builds. Measures, at N documents:

- loading the JSONL catalogue into the typed model (µs per document), with
  ``json.loads`` alone for reference;
- building every index (text, dates, values) and, separately, computing
  every term's BM25 impacts (otherwise done per term on first use);
- memory (RSS growth) per document for documents, and for documents plus
  indexes;
- full-text top-10 for a rare, a medium and a common term and two
  two-word queries, against FTS5 ``bm25`` with ``ORDER BY rank LIMIT 10``;
- a person + date-range filter against a pandas boolean mask over an
  exploded (document, person) table.

Every comparison first checks that the answers agree (same scores to 1e-4
relative, same documents except inside a tie at the cut-off) and stops with
an error if they do not.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen  # noqa: E402

import sinosoviet_docs as ssd  # noqa: E402
from sinosoviet_docs.index import index_for  # noqa: E402


def first_call(fn: Callable[[], object]) -> float:
    """Seconds of one call (the first: lazily built parts of the indexes are built in it)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def memory(path: Path, n: int) -> None:
    """Bytes per document held by the documents and by the indexes, traced by tracemalloc.

    A second load and build, under tracemalloc (which slows them, so they are
    timed above without it).
    """
    import tracemalloc

    from sinosoviet_docs.index import CatalogueIndex

    gc.collect()
    tracemalloc.start()
    cat = ssd.load(path)
    gc.collect()
    docs = tracemalloc.get_traced_memory()[0]
    index = CatalogueIndex(cat.documents)
    index.build()
    gc.collect()
    built = tracemalloc.get_traced_memory()[0] - docs
    index.text.precompute()
    gc.collect()
    full = tracemalloc.get_traced_memory()[0] - docs
    tracemalloc.stop()
    print(
        f"memory: documents {docs / n:.0f} B/doc; indexes {built / n:.0f} B/doc "
        f"({full / n:.0f} with every impact computed); together {(docs + full) / n:.0f} B/doc"
    )


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls (after one warm-up call)."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def agree(ours: list[tuple[str, float]], theirs: list[tuple[str, float]], what: str) -> None:
    """Same scores (relative 1e-4) and same ids outside the tie group at the cut-off."""
    if len(ours) != len(theirs):
        raise SystemExit(f"{what}: {len(ours)} results here, {len(theirs)} there")
    for (a, x), (b, y) in zip(ours, theirs, strict=True):
        if abs(x - y) > 1e-4 * max(1.0, abs(y)):
            raise SystemExit(f"{what}: score {x} for {a} here, {y} for {b} there")
    if ours:
        last = ours[-1][1]
        head = {i for i, s in ours if abs(s - last) > 1e-4 * max(1.0, abs(last))}
        there = {i for i, s in theirs if abs(s - last) > 1e-4 * max(1.0, abs(last))}
        if head != there:
            raise SystemExit(f"{what}: different documents: {sorted(head ^ there)[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--data", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="no traced second load")
    args = parser.parse_args()
    n = args.count
    path = args.data / f"cat-{n}.jsonl"
    if not path.exists():
        start = time.perf_counter()
        gen.write(n, path)
        print(f"generated {path} in {time.perf_counter() - start:.1f} s")
    print(
        f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cpus"
    )

    # -- loading ----------------------------------------------------------------------------
    text = path.read_text("utf-8")
    lines = text.splitlines()[1:]
    start = time.perf_counter()
    for line in lines:
        json.loads(line)
    json_s = time.perf_counter() - start
    del lines, text
    gc.collect()
    start = time.perf_counter()
    cat = ssd.load(path)
    load_s = time.perf_counter() - start
    print(f"documents: {len(cat)}")
    print(
        f"load: {load_s:.2f} s = {load_s / n * 1e6:.1f} µs/doc "
        f"(json.loads alone {json_s / n * 1e6:.1f})"
    )

    # -- indexes ----------------------------------------------------------------------------
    start = time.perf_counter()
    cat.build_indexes()
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    index_for(cat).text.precompute()
    impacts_s = time.perf_counter() - start
    print(f"build indexes: {build_s:.2f} s; all impacts: {impacts_s:.2f} s")
    if not args.skip_memory:
        memory(path, n)

    # -- full text vs FTS5 --------------------------------------------------------------------
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, summary, text, names, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    documents = cat.documents
    db.executemany(
        "INSERT INTO docs(rowid, title, summary, text, names) VALUES (?, ?, ?, ?, ?)",
        (
            (
                i + 1,
                d.title,
                d.summary or "",
                d.text or "",
                " ; ".join((*d.authors, *d.people, *d.places)),
            )
            for i, d in enumerate(documents)
        ),
    )
    db.commit()
    text_index = index_for(cat).text
    by_df = sorted(text_index.vocab, key=lambda t: text_index.df(text_index.vocab[t]))
    by_df = [t for t in by_df if t.isalpha()]

    def term_near(share: float) -> str:
        target = share * n
        return min(by_df, key=lambda t: abs(text_index.df(text_index.vocab[t]) - target))

    rare, medium, common = term_near(0.0002), term_near(0.01), term_near(0.3)
    queries = [
        ("rare term", rare),
        ("medium term", medium),
        ("common term", common),
        ("common AND medium", f"{common} {medium}"),
        ("common OR rare", f"{common} OR {rare}"),
    ]
    ids = [d.id for d in documents]
    print(f"\nfull text top-10, median of {args.repeat} (ms)")
    print(f"{'query':<22}{'terms':<30}{'df':>16}{'first':>10}{'ours':>10}{'FTS5':>10}{'ratio':>8}")
    for label, q in queries:
        fts_q = " OR ".join(q.split(" OR ")) if " OR " in q else q

        def fts(q: str = fts_q) -> list[tuple[str, float]]:
            rows = db.execute(
                "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10",
                (q,),
            ).fetchall()
            return [(ids[r - 1], -s) for r, s in rows]

        def ours(q: str = q) -> list[tuple[str, float]]:
            return cat.search(q, aliases=False).limit(10).scores()

        t_first = first_call(ours)
        agree(ours(), fts(), label)
        t_ours, t_fts = timed(ours, args.repeat), timed(fts, args.repeat)
        dfs = "/".join(
            str(text_index.df(text_index.vocab[w])) for w in q.replace(" OR ", " ").split()
        )
        print(
            f"{label:<22}{q:<30}{dfs:>16}{t_first * 1e3:>10.3f}{t_ours * 1e3:>10.3f}"
            f"{t_fts * 1e3:>10.3f}"
            f"{t_ours / t_fts:>8.3f}"
        )

    # -- person + date range vs pandas ---------------------------------------------------------
    rng = random.Random(7)
    person_counts: dict[str, int] = {}
    for d in documents:
        for p in {*d.authors, *d.people}:
            person_counts[p] = person_counts.get(p, 0) + 1
    people = sorted(person_counts, key=lambda p: -person_counts[p])
    chosen = [people[len(people) // 2], people[5], rng.choice(people)]
    if args.skip_pandas:
        print("\n(pandas skipped)")
        return
    import pandas as pd

    rows = []
    for i, d in enumerate(documents):
        if d.date is None:
            continue
        early, late = d.date.earliest.toordinal(), d.date.latest.toordinal()
        for p in {*d.authors, *d.people}:
            rows.append((i, p, early, late))
    table = pd.DataFrame(rows, columns=["docno", "person", "earliest", "latest"])
    print(f"\nperson + date range (1955..1960, overlaps), median of {args.repeat} (ms)")
    print(f"exploded table: {len(table)} rows")
    lo = ssd.PartialDate(year=1955).earliest.toordinal()
    hi = ssd.PartialDate(year=1960).latest.toordinal()
    print(f"{'person':<28}{'docs':>6}{'first':>10}{'ours':>10}{'pandas':>10}{'ratio':>8}")
    for name in chosen:

        def pandas_mask(name: str = name) -> list[int]:
            m = table[(table.person == name) & (table.earliest <= hi) & (table.latest >= lo)]
            return sorted(m.docno.unique().tolist())

        def ours_filter(name: str = name) -> list[str]:
            return cat.query().involving(name).between("1955", "1960").ids()

        t_first = first_call(ours_filter)
        expected = [ids[i] for i in pandas_mask()]
        if expected != ours_filter():
            raise SystemExit(f"person filter disagrees for {name!r}")
        t_ours, t_pd = timed(ours_filter, args.repeat), timed(pandas_mask, args.repeat)
        print(
            f"{name:<28}{len(expected):>6}{t_first * 1e3:>10.3f}{t_ours * 1e3:>10.3f}"
            f"{t_pd * 1e3:>10.3f}"
            f"{t_ours / t_pd:>8.3f}"
        )


if __name__ == "__main__":
    main()
