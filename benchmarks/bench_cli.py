"""A fresh command line against a store, beside the dependencies' own import, one run.

    python benchmarks/bench_cli.py 100000 --data /tmp/bench
    python benchmarks/bench_cli.py 16000 --runs 15 --word stalin
    python benchmarks/bench_cli.py 100000 --compare /tmp/old/src   # another checkout beside

Times, interleaved (one run of each in turn, ``--runs`` rounds, medians):

- ``python -c 'import attrs, cattrs, dateutil.parser'``: the floor;
- ``python -m sinosoviet_docs search WORD --catalogue cat-N.sqlite`` for each
  word (by default the most frequent word of fewer than 5% of the documents,
  as ``bench_store.py`` takes, and ``stalin``, a word that may name a person);
- ``python -c 'import sinosoviet_docs as ssd; ssd.load()'`` (the bundled catalogue);
- with ``--compare SRC``, the same commands run on the library in ``SRC`` too (another
  checkout's ``src``), interleaved with these.

The store is the one ``bench_store.py`` writes (``cat-N.sqlite`` in the data
folder). Every command's output is checked first: each run of a command
prints the same bytes.

The library's modules are compiled once, as an installed package's are: their
bytecode is kept under ``DATA/pycache`` (``PYTHONPYCACHEPREFIX``) even when
``PYTHONDONTWRITEBYTECODE`` is set, since the dependencies of the floor are
read from their own bytecode. ``--source`` compiles every module on every
run instead.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def frequent_word(store: Path) -> str:
    """The most frequent word of fewer than 5% of the documents (as bench_store.py)."""
    db = sqlite3.connect(store)
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, 'row')")
    (n,) = db.execute("SELECT count(*) FROM documents").fetchone()
    rows = [(t, d) for t, d in db.execute("SELECT term, doc FROM temp.v") if t.isalpha()]
    db.close()
    return next(t for t, d in sorted(rows, key=lambda p: -p[1]) if d < n * 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--data", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--word", action="append", help="a search word (repeatable)")
    parser.add_argument(
        "--source", action="store_true", help="keep no bytecode: compile on every run"
    )
    parser.add_argument(
        "--compare", type=Path, metavar="SRC", help="also run the library in SRC (a src folder)"
    )
    args = parser.parse_args()
    store = args.data / f"cat-{args.count}.sqlite"
    if not store.exists():
        raise SystemExit(f"{store} is missing: run bench_store.py {args.count} first")
    words = args.word or [frequent_word(store), "stalin"]
    env = {**os.environ}
    if args.source:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(args.data / "pycache")
    trees = (
        {"": ROOT / "src"} if args.compare is None else {"": ROOT / "src", " (SRC)": args.compare}
    )
    floor_argv = [sys.executable, "-c", "import attrs, cattrs, dateutil.parser"]
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "floor: import attrs, cattrs, dateutil.parser": (floor_argv, env)
    }
    for label, src in trees.items():
        tree = {**env, "PYTHONPATH": str(src)}
        for word in words:
            argv = [sys.executable, "-m", "sinosoviet_docs", "search", word, "--catalogue"]
            name = f"search {word} --catalogue cat-{args.count}.sqlite{label}"
            commands[name] = ([*argv, str(store)], tree)
        load = [sys.executable, "-c", "import sinosoviet_docs as ssd; ssd.load()"]
        commands[f"import sinosoviet_docs; load(){label}"] = (load, tree)

    outputs = {
        name: subprocess.run(argv, env=tree, check=True, capture_output=True).stdout
        for name, (argv, tree) in commands.items()
    }
    for name in commands:
        twin = name.removesuffix(" (SRC)")
        if twin != name and outputs[twin] != outputs[name]:
            raise SystemExit(f"{name}: prints other bytes than the library here does")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (argv, tree) in commands.items():
            start = time.perf_counter()
            done = subprocess.run(argv, env=tree, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
            if done.stdout != outputs[name]:
                raise SystemExit(f"{name}: the output changed between runs")

    kept = "compiled on every run" if args.source else "bytecode kept"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each, {kept}")
    floor = statistics.median(times[next(iter(commands))])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:<58}{median * 1e3:>8.1f} ms{median / floor:>7.2f}x")


if __name__ == "__main__":
    main()
