"""Query benchmarks: this library beside SQLite FTS5 (and tantivy, pandas), same data, same run.

    python benchmarks/bench_query.py 100000            # generates /tmp/bench/cat-100000.jsonl once
    python benchmarks/bench_query.py 16000 --queries 200
    python benchmarks/bench_query.py 1000000 --skip-pandas --skip-memory

Needs the ``benchmark`` extra (pandas, tantivy, msgspec; each side is skipped
when its package is missing); SQLite's FTS5 comes with Python's sqlite3 on
most builds. Measures, at N documents:

- loading the JSONL catalogue into the typed model (µs per document), beside
  ``json.loads`` alone and msgspec decoding the same shape into typed structs
  with validation;
- building every index (text, dates, values), beside FTS5's insert of the
  same text and tantivy's indexing of it in RAM;
- memory traced by tracemalloc per document, for documents and indexes;
- full-text top-10 over five mixes of distinct queries (rare words, common
  words, two-word AND, two-word phrases, four-letter prefixes), each query
  run once on a freshly loaded catalogue (so the first use of every word is
  counted, and checking the answers first leaves no parsed search behind),
  median and 95th percentile, beside FTS5 ``bm25`` with ``ORDER BY rank
  LIMIT 10`` and tantivy;
- a person + date-range filter against a pandas boolean mask.

Before timing, the answers are checked: the same ten FTS5 scores to 1e-4
relative and the same documents except inside a tie at the cut-off (the same
number of matches for prefixes, which FTS5 scores as one phrase), the same
number of matches in tantivy (which scores each field apart); the run stops
with an error if they disagree. ``--warm`` adds the old figures: one query
repeated, after its first use (labelled warm).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen  # noqa: E402
import tantivy_side  # noqa: E402

import sinosoviet_docs as ssd  # noqa: E402
from sinosoviet_docs._search import rewrite  # noqa: E402
from sinosoviet_docs._text import tokenize  # noqa: E402
from sinosoviet_docs.index import index_for  # noqa: E402

Scored = list[tuple[str, float]]


def rows_of(documents: Sequence[ssd.Document]) -> Iterator[tuple[str, str, str, str]]:
    """The four text columns of each document, as every engine gets them."""
    for d in documents:
        names = " ; ".join((*d.authors, *d.people, *d.places))
        yield d.title, d.summary or "", d.text or "", names


def fresh(path: Path) -> ssd.Catalogue:
    """The catalogue loaded again, its indexes built (nothing decoded per word yet)."""
    gc.collect()
    cat = ssd.load(path)
    cat.build_indexes()
    return cat


def forget() -> None:
    """Drop what checking the answers left in the process's caches (the parsed search
    strings, compiled regular expressions): each query is then timed as a new one."""
    rewrite.parsed.cache_clear()
    re.purge()


def memory(path: Path, n: int) -> None:
    """Bytes per document held by the documents and by the indexes, traced by tracemalloc."""
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
        f"({full / n:.0f} with every word decoded); together {(docs + built) / n:.0f} B/doc"
    )


def msgspec_load(path: Path) -> float | None:
    """Seconds msgspec takes to decode the file's documents into validated structs."""
    try:
        import msgspec
    except ImportError:
        return None

    class Doc(msgspec.Struct, forbid_unknown_fields=True):
        id: str
        title: str
        record_id: int | None = None
        summary: str | None = None
        text: str | None = None
        type: str | None = None
        languages: list[str] = []
        authors: list[str] = []
        people: list[str] = []
        places: list[str] = []
        topics: list[str] = []
        collections: list[str] = []
        date: str | None = None
        url: str | None = None
        rights: str | None = None

    data = path.read_bytes()
    lines = data.splitlines()[1:]
    decoder = msgspec.json.Decoder(Doc)
    start = time.perf_counter()
    for line in lines:
        decoder.decode(line)
    return time.perf_counter() - start


def agree(ours: Scored, theirs: Scored, what: str) -> None:
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


def mixes(cat: ssd.Catalogue, count: int, seed: int) -> dict[str, list[str]]:
    """The distinct queries of each mix, drawn from the catalogue's own words."""
    text = index_for(cat).text
    n = text.n
    rng = random.Random(seed)
    words = [w for w in text.vocab if w.isalpha() and len(w) > 1]
    by_df = sorted(words, key=lambda w: (-text.df(text.vocab[w]), w))
    rank = {w: r for r, w in enumerate(by_df)}

    def sample(pool: Sequence[str]) -> list[str]:
        pool = sorted(set(pool))
        return rng.sample(pool, min(count, len(pool)))

    rare = [w for w in words if 0.0001 * n <= text.df(text.vocab[w]) <= 0.0005 * n]
    pairs: set[str] = set()
    middle = by_df[200:2000]
    while len(pairs) < count and len(middle) > 1:
        a, b = rng.sample(middle, 2)
        pairs.add(f"{a} {b}")
    phrases: set[str] = set()
    for doc in cat.documents:
        for field in (doc.title, doc.summary):
            tokens = tokenize(field or "")
            for a, b in itertools.pairwise(tokens):
                if a != b and 200 <= rank.get(a, -1) < 5000 and 200 <= rank.get(b, -1) < 5000:
                    phrases.add(f'"{a} {b}"')
        if len(phrases) >= 20 * count:
            break
    prefixes = {w[:4] + "*" for w in words if len(w) >= 5}
    return {
        "rare single words": sample(rare),
        "common single words": sample(by_df[:200]),
        "two-word AND (ranks 200-2000)": sample(sorted(pairs)),
        "phrases (ranks 200-5000)": sample(sorted(phrases)),
        "prefixes (four letters and *)": sample(sorted(prefixes)),
    }


def top10(cat: ssd.Catalogue) -> Callable[[str], Scored]:
    """Our top ten for a query, through the public API (parsing included)."""
    return lambda q: cat.search(q, aliases=False).limit(10).scores()


def summary(seconds: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ms = sorted(s * 1e3 for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def clock(fn: Callable[[str], object], queries: Sequence[str]) -> list[float]:
    """Seconds of one call of ``fn`` per query, each query once."""
    times = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="distinct queries per mix")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--skip-tantivy", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="no traced second load")
    parser.add_argument("--load-runs", type=int, default=3, help="runs of each loader, best kept")
    parser.add_argument("--warm", type=int, default=0, help="also time repeats of one query")
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
    # Each side runs --load-runs times, in turn, and its best run counts: on a busy machine
    # the figures side by side then come from the same quiet moments.
    lines = path.read_text("utf-8").splitlines()[1:]
    json_runs, msgspec_runs, load_runs = [], [], []
    for _ in range(args.load_runs):
        start = time.perf_counter()
        for line in lines:
            json.loads(line)
        json_runs.append(time.perf_counter() - start)
        msgspec_runs.append(msgspec_load(path))
        gc.collect()
        start = time.perf_counter()
        cat = ssd.load(path)
        load_runs.append(time.perf_counter() - start)
    del lines
    json_s, load_s = min(json_runs), min(load_runs)
    msgspec_s = None if None in msgspec_runs else min(filter(None, msgspec_runs))
    n = len(cat)
    print(f"documents: {n}")
    line = f"load: {load_s / n * 1e6:.1f} µs/doc (json.loads alone {json_s / n * 1e6:.1f}"
    if msgspec_s is not None:
        line += f"; msgspec structs {msgspec_s / n * 1e6:.1f}: ours / msgspec "
        line += f"{load_s / msgspec_s:.2f}"
    print(line + f"; best of {args.load_runs})")

    # -- indexes ----------------------------------------------------------------------------
    start = time.perf_counter()
    cat.build_indexes()
    build_s = time.perf_counter() - start
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, summary, text, names, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    documents = cat.documents
    start = time.perf_counter()
    db.executemany(
        "INSERT INTO docs(rowid, title, summary, text, names) VALUES (?, ?, ?, ?, ?)",
        ((i + 1, *row) for i, row in enumerate(rows_of(documents))),
    )
    db.commit()
    fts_s = time.perf_counter() - start
    tantivy = None
    if not args.skip_tantivy and tantivy_side.available():
        tantivy = tantivy_side.TantivySide(rows_of(documents))
    line = f"build indexes: {build_s:.2f} s; FTS5 insert {fts_s:.2f} s: ours / FTS5 "
    line += f"{build_s / fts_s:.2f}"
    if tantivy is not None:
        line += f"; tantivy {tantivy.build_seconds:.2f} s"
    print(line)
    if not args.skip_memory:
        memory(path, n)

    # -- distinct full-text queries -----------------------------------------------------------
    ids = [d.id for d in documents]

    def fts(q: str) -> Scored:
        rows = db.execute(
            "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (q,)
        ).fetchall()
        return [(ids[r - 1], -s) for r, s in rows]

    def fts_count(q: str) -> int:
        return int(db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (q,)).fetchone()[0])

    chosen = mixes(cat, args.queries, args.seed)
    checker = cat  # warm by now: used only to check answers
    print(
        f"\nfull-text top-10, {args.queries} distinct queries per mix, each once on a fresh "
        "catalogue (ms)"
    )
    head = f"{'mix':<32}{'ours med/p95':>16}{'FTS5 med/p95':>16}{'ours/FTS5':>12}"
    if tantivy is not None:
        head += f"{'tantivy med/p95':>18}{'ours/tantivy':>14}"
    print(head)
    for label, queries in chosen.items():
        prefix = label.startswith("prefixes")
        for q in queries:
            if prefix:
                if len(checker.search(q, aliases=False)) != fts_count(q):
                    raise SystemExit(f"{label}: {q!r} matches a different number of documents")
            else:
                agree(checker.search(q, aliases=False).limit(10).scores(), fts(q), f"{label} {q}")
            if tantivy is not None and tantivy.count(q) != fts_count(q):
                raise SystemExit(f"{label}: tantivy finds a different number for {q!r}")
        cat = checker = None  # type: ignore[assignment]
        cat = fresh(path)
        forget()
        ours = clock(top10(cat), queries)
        theirs = clock(fts, queries)
        (om, op), (fm, fp) = summary(ours), summary(theirs)
        row = f"{label:<32}{om:>8.2f}/{op:<7.2f}{fm:>8.2f}/{fp:<7.2f}"
        row += f"{om / fm:>6.2f}/{op / fp:<5.2f}"
        if tantivy is not None:
            (tm, tp) = summary(clock(tantivy.top10, queries))
            row += f"{tm:>10.2f}/{tp:<7.2f}{om / tm:>7.1f}/{op / tp:<6.1f}"
        print(row)
        checker = cat

    if args.warm:
        print(f"\nwarm: one query repeated {args.warm} times after its first use, median (ms)")
        for label, queries in chosen.items():
            q = queries[0]
            cat.search(q, aliases=False).limit(10).scores()
            ours_w = statistics.median(clock(top10(cat), [q] * args.warm))
            fts_w = statistics.median(clock(fts, [q] * args.warm))
            print(f"{label:<32}{q:<28}{ours_w * 1e3:>8.3f}{fts_w * 1e3:>8.3f}")

    # -- person + date range vs pandas ---------------------------------------------------------
    if args.skip_pandas:
        return
    person_filter(cat, args.queries)


def person_filter(cat: ssd.Catalogue, count: int) -> None:
    """Distinct persons + 1955..1960, ours against a pandas mask over an exploded table."""
    import pandas as pd

    documents = cat.documents
    ids = [d.id for d in documents]
    rows = []
    for i, d in enumerate(documents):
        if d.date is None:
            continue
        early, late = d.date.earliest.toordinal(), d.date.latest.toordinal()
        for p in {*d.authors, *d.people}:
            rows.append((i, p, early, late))
    table = pd.DataFrame(rows, columns=["docno", "person", "earliest", "latest"])
    lo = ssd.PartialDate(year=1955).earliest.toordinal()
    hi = ssd.PartialDate(year=1960).latest.toordinal()
    people = sorted({p for d in documents for p in (*d.authors, *d.people)})
    chosen = random.Random(5).sample(people, min(count, len(people)))

    def pandas_mask(name: str) -> list[int]:
        m = table[(table.person == name) & (table.earliest <= hi) & (table.latest >= lo)]
        return sorted(m.docno.unique().tolist())

    def ours(name: str) -> list[str]:
        return cat.query().involving(name).between("1955", "1960").ids()

    ours_t = clock(ours, chosen)
    for name in chosen:
        if [ids[i] for i in pandas_mask(name)] != ours(name):
            raise SystemExit(f"person filter disagrees for {name!r}")
    (om, op), (pm, pp) = summary(ours_t), summary(clock(pandas_mask, chosen))
    print(f"\nperson + 1955..1960, {len(chosen)} distinct persons (ms; {len(table)} table rows)")
    print(f"ours {om:.3f}/{op:.3f}, pandas {pm:.3f}/{pp:.3f}: ours / pandas {om / pm:.2f}")


if __name__ == "__main__":
    main()
