"""Name, title and citation reading: time against input length, to show it stays linear.

    python benchmarks/bench_names.py [--repeat 3]

Reads titles that repeat a name and citations that repeat "a: b, " at
doubling lengths, and prints the best of ``--repeat`` times with the time per
thousand characters: a parser that backtracks shows that figure growing with
the length; a linear one keeps it flat.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sinosoviet_docs import parse_citation, parse_correspondence, people


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    people.resolve("Stalin")  # load the authority before timing
    cases: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
        (
            "title",
            lambda n: "Telegram from " + "Mao Zedong, " * n + "to Stalin",
            parse_correspondence,
        ),
        ("citation", lambda n: "(" + "a: b, " * n + ")", parse_citation),
        ("name", lambda n: "Cde. " + "Filippov " * n + "[Stalin]", people.mentions),
    ]
    print(f"{'input':<9} {'chars':>8} {'seconds':>9} {'ms per 1k chars':>16}")
    for name, make, read in cases:
        for n in (250, 500, 1000, 2000, 4000, 8000):
            text = make(n)
            seconds = best_of(args.repeat, lambda text=text, read=read: read(text))
            print(f"{name:<9} {len(text):>8} {seconds:>9.4f} {seconds / len(text) * 1e6:>16.3f}")


if __name__ == "__main__":
    main()
