"""Page-capture parsing benchmark: a generated ~1 MB capture in each block layout.

    python benchmarks/bench_pages.py [--size 1000000] [--repeat 5]

Generates new-site collection, search and old-site dash captures of about
``--size`` characters (invented entries: dates in every printed form, titles,
summaries, every tenth entry without a summary, CRLF line ends in the search
capture) and reports the best time of ``--repeat`` parses, in seconds and in
MB/s, plus one pathological capture (a single 1 MB line) to show that no input
makes the parser backtrack.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sinosoviet_docs import parse_page

MONTHS = "January February March April May June July August September October November December"
WORDS = [
    "cable",
    "letter",
    "note",
    "harbor",
    "grain",
    "steel",
    "talks",
    "delegation",
    "minister",
    "treaty",
    "border",
    "visit",
]


def _date(rng: random.Random) -> str:
    month = rng.choice(MONTHS.split())
    year = rng.randint(1945, 1991)
    form = rng.random()
    if form < 0.6:
        return f"{month} {rng.randint(1, 28)}, {year}"
    if form < 0.8:
        return f"{month} {rng.randint(1, 28):02d}, {year}"
    if form < 0.95:
        return f"{month} {year}"
    return str(year)


def _entries(rng: random.Random, size: int) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    total = 0
    while total < size:
        title = " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(4, 10)))
        summary = None
        if len(out) % 10:
            summary = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + "."
        out.append((_date(rng), title, summary))
        total += len(title) + len(summary or "") + 40
    return out


def captures(size: int, seed: int = 1) -> dict[str, str]:
    """Invented captures of about ``size`` characters, by layout."""
    rng = random.Random(seed)
    entries = _entries(rng, size)
    blocks = ["Skip to content", "A Collection", "About it.", "Popular Documents"]
    for date, title, summary in entries:
        blocks += [date, title, *([summary] if summary else [])]
    new = "\n\n".join(blocks)
    search_blocks = ["Skip to content", "Results:", f"1 - {len(entries)} of {len(entries)}"]
    search = "\r\n\r\n".join(search_blocks + blocks[4:])
    dash = ["", "A Collection", "About it."]
    for date, title, summary in entries:
        dash += ["-", date, title, *([summary] if summary else [])]
    return {
        "new collection": new,
        "search (CRLF)": search,
        "old dash": "\n".join(dash),
        "one 1 MB line": "x" * size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for name, text in captures(args.size).items():
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = parse_page(text)
            best = min(best, time.perf_counter() - start)
        mb = len(text.encode("utf-8")) / 1e6
        print(
            f"{name:<16} {mb:5.2f} MB  {len(page.documents):6d} entries  "
            f"{best:6.3f} s  {mb / best:6.1f} MB/s  problems: {len(page.problems)}"
        )


if __name__ == "__main__":
    main()
