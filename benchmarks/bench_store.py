"""Store benchmarks: a SQLite store side by side with raw SQLite FTS5 on the same file, one run.

    python benchmarks/bench_store.py 100000          # generates /tmp/bench/cat-100000.jsonl once
    python benchmarks/bench_store.py 16000 --queries 200
    python benchmarks/bench_store.py 1000000 --queries 50 --skip-cli

Measures, at N synthetic documents (``benchmarks/gen.py``):

- building the store (``ssd.store.save``) against inserting the same rows into
  one FTS5 table directly, and the two files' sizes;
- in one process, ``ssd.open(path)`` plus a first full-text top-10 against
  ``sqlite3.connect(path)`` plus the equivalent raw FTS5 query on the same file;
- a fresh ``sinosoviet-docs search WORD --catalogue store`` (our bytecode kept, as
  an installed package has it) against a fresh
  ``python -c 'import attrs, cattrs, dateutil.parser'`` (the dependencies'
  own import: the floor) and against the JSONL catalogue;
- per mix (rare words, common words, two-word AND, phrases, prefixes), distinct
  queries each run once on a freshly opened store: median and p95 against raw
  FTS5 (``ORDER BY rank LIMIT 10``) on a fresh connection to the same file, the two
  taking turns going first (the second would find the pages the first read cached).

Every top-10 of the mixes is first checked against the raw FTS5 answer (the
same documents outside a tie at the cut-off; prefixes excepted, which FTS5
scores as one phrase where we score each word it expands to).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen  # noqa: E402
from bench_query import agree  # noqa: E402

import sinosoviet_docs as ssd  # noqa: E402
from sinosoviet_docs.store import save  # noqa: E402

T = TypeVar("T")
RAW_TOP = "SELECT rowid, -rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT 10"


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def raw_fts(cat: ssd.Catalogue, path: Path) -> None:
    """The same text inserted into one FTS5 table directly (the build and size floor)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, summary, text, names)")
    db.executemany(
        "INSERT INTO docs(rowid, title, summary, text, names) VALUES (?, ?, ?, ?, ?)",
        (
            (i, d.title, d.summary, d.text, " ; ".join((*d.authors, *d.people, *d.places)))
            for i, d in enumerate(cat.documents)
        ),
    )
    db.commit()
    db.close()


def vocabulary(path: Path) -> list[tuple[str, int]]:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, 'row')")
    rows = [(t, n) for t, n in db.execute("SELECT term, doc FROM temp.v") if t.isalpha()]
    db.close()
    return rows


def mixes(path: Path, cat: ssd.Catalogue, count: int) -> dict[str, list[tuple[str, str]]]:
    """(our search, raw FTS5 MATCH) per mix, ``count`` distinct of each."""
    rng = random.Random(1)
    vocab = vocabulary(path)
    by_df = sorted(vocab, key=lambda p: p[1])
    rare = [t for t, n in by_df if n >= 2][: max(count * 5, 100)]
    common = [t for t, _ in by_df[-max(count, 50) :]]
    medium = [t for t, n in by_df if len(cat) * 0.005 <= n <= len(cat) * 0.05]
    out: dict[str, list[tuple[str, str]]] = {}
    out["rare word"] = [(t, f'"{t}"') for t in rng.sample(rare, min(count, len(rare)))]
    out["common word"] = [(t, f'"{t}"') for t in common[-count:]]
    pairs = {(rng.choice(common), rng.choice(medium)) for _ in range(count * 3)}
    out["two-word AND"] = [(f"{a} {b}", f'"{a}" AND "{b}"') for a, b in list(pairs)[:count]]
    phrases: dict[str, None] = {}
    docs = cat.documents
    while len(phrases) < count:
        words = ssd._text.tokenize(docs[rng.randrange(len(docs))].summary or "")
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            phrases[f"{words[i]} {words[i + 1]}"] = None
    out["phrase"] = [(f'"{p}"', f'"{p}"') for p in phrases]
    prefixes = sorted({t[:4] for t, _ in vocab if len(t) > 5})
    out["prefix"] = [(f"{p}*", f'"{p}"*') for p in rng.sample(prefixes, min(count, len(prefixes)))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--data", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument(
        "--queries-only", action="store_true", help="reuse the store written before; time queries"
    )
    args = parser.parse_args()
    n = args.count
    source = args.data / f"cat-{n}.jsonl"
    if not source.exists():
        gen.write(n, source)
    print(
        f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cpus"
    )
    cat = ssd.load(source)
    store = args.data / f"cat-{n}.sqlite"
    plain = args.data / f"cat-{n}-fts5.sqlite"
    if not args.queries_only:
        store.unlink(missing_ok=True)
        measure_build(cat, store, plain, n, args.skip_cli, source)
    query_mixes(cat, store, args.queries)


def measure_build(
    cat: ssd.Catalogue, store: Path, plain: Path, n: int, skip_cli: bool, source: Path
) -> None:
    """Building, size, open plus a first search, and a fresh command line."""
    build = seconds(lambda: save(cat, store))
    raw_build = seconds(lambda: raw_fts(cat, plain))
    size, raw_size = store.stat().st_size, plain.stat().st_size
    print(f"\n{n} documents")
    print(f"build: store {build:.2f} s, raw FTS5 {raw_build:.2f} s, ratio {build / raw_build:.2f}")
    print(
        f"size: store {size / 1e6:.1f} MB, raw FTS5 {raw_size / 1e6:.1f} MB, "
        f"ratio {size / raw_size:.2f}"
    )

    word = next(t for t, d in sorted(vocabulary(store), key=lambda p: -p[1]) if d < n * 0.05)
    ours_open, raw_open = [], []
    for _ in range(21):
        ours_open.append(
            seconds(lambda: ssd.open(store).search(word, aliases=False).limit(10).ids())
        )
        raw_open.append(
            seconds(lambda: sqlite3.connect(store).execute(RAW_TOP, (f'"{word}"',)).fetchall())
        )
    a, b = statistics.median(ours_open), statistics.median(raw_open)
    print(
        f"open + first top-10 ({word!r}): store {a * 1e3:.2f} ms, "
        f"raw FTS5 {b * 1e3:.2f} ms, ratio {a / b:.2f}"
    )

    if not skip_cli:
        floor = [sys.executable, "-c", "import attrs, cattrs, dateutil.parser"]
        cli = [sys.executable, "-m", "sinosoviet_docs", "search", word, "--catalogue"]
        # Our modules' bytecode is kept, as an installed package's is (the floor's
        # dependencies are read from theirs); `bench_cli.py --source` times the other case.
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(source.parent / "pycache")

        def fresh(argv: list[str], times: int = 7) -> float:
            runs = [
                seconds(lambda: subprocess.run(argv, env=env, check=True, capture_output=True))
                for _ in range(times)
            ]
            return statistics.median(runs)

        fresh([*cli, str(store)], times=1)  # compiles the modules once
        f, s = fresh(floor), fresh([*cli, str(store)])
        j = fresh([*cli, str(source)], times=1)
        print(
            f"fresh CLI search: store {s * 1e3:.0f} ms, import floor {f * 1e3:.0f} ms "
            f"(ratio {s / f:.2f}); JSONL {j:.1f} s"
        )


def query_mixes(cat: ssd.Catalogue, store: Path, count: int) -> None:
    """Each mix's queries, each once on a freshly opened store, against raw FTS5."""
    print(f"\nqueries, each once on a freshly opened store ({count} per mix; ms)")
    print(f"{'mix':<14}{'median':>9}{'raw':>9}{'ratio':>7}{'p95':>9}{'raw':>9}{'ratio':>7}")
    ssd.open(store).search("warm", aliases=False).limit(10).ids()  # imports done once
    for mix, queries in mixes(store, cat, count).items():
        ours_t, raw_t = [], []
        for i, (text, match) in enumerate(queries):

            def ours(text: str = text) -> Any:
                with ssd.open(store) as opened:
                    return opened.search(text, aliases=False).limit(10)._hits()

            def plain(match: str = match) -> list[tuple[int, float]]:
                db = sqlite3.connect(store)
                try:
                    return db.execute(RAW_TOP, (match,)).fetchall()
                finally:
                    db.close()

            # Whichever runs second finds the file's pages in the cache the first read:
            # the two take turns going first.
            if i % 2:
                raw, r_t = timed(plain)
                hits, o_t = timed(ours)
            else:
                hits, o_t = timed(ours)
                raw, r_t = timed(plain)
            ours_t.append(o_t)
            raw_t.append(r_t)
            if mix != "prefix":
                scores = hits.scores or {}
                found = [(str(d), scores[d]) for d in hits.page]
                agree(found, [(str(d), s) for d, s in raw], f"{mix} {text!r}")
        m, rm, p, rp = (
            statistics.median(ours_t),
            statistics.median(raw_t),
            p95(ours_t),
            p95(raw_t),
        )
        print(
            f"{mix:<14}{m * 1e3:>9.2f}{rm * 1e3:>9.2f}{m / rm:>7.2f}"
            f"{p * 1e3:>9.2f}{rp * 1e3:>9.2f}{p / rp:>7.2f}"
        )


if __name__ == "__main__":
    main()
