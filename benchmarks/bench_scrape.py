"""Scrape-table benchmark: load generated SQLite (and CSV) tables of 16k and 100k rows.

    python benchmarks/bench_scrape.py [--rows 16150 100000] [--csv] [--dir /tmp/bench]

Writes tables in the public scraper's layout (every column, JSON arrays,
invented content: dates in the archive's printed forms, full texts of 200-600
words, summaries, people, places, subjects) once per size into ``--dir``, then
times :func:`sinosoviet_docs.load_scrape` (best of ``--repeat``) and reports
seconds, rows per second and the peak Python memory traced while loading.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sinosoviet_docs import load_scrape
from sinosoviet_docs.loaders.scrape import COLUMNS

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
PEOPLE = [f"Person{i}, Invented, 1900-1970" for i in range(500)]
PLACES = [f"Place{i}" for i in range(100)]
SUBJECTS = [f"Subject{i}--Foreign relations--Other{i % 7}" for i in range(200)]


def _row(rng: random.Random, n: int) -> tuple[object, ...]:
    month = rng.choice(MONTHS.split())
    year = rng.randint(1945, 1991)
    form = rng.random()
    if form < 0.8:
        date = f"{month} {rng.randint(1, 28)}, {year}"
    elif form < 0.95:
        date = f"{month} {year}"
    else:
        date = str(year)
    record_id = 100000 + n
    uploaded = f"20{rng.randint(10, 23)}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"
    values = {
        "document_url": f"https://digitalarchive.wilsoncenter.org/document/{record_id}",
        "page_number": n // 20,
        "page_position": n % 20,
        "original_publication_date": date,
        "title": " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(4, 10))),
        "credits": "Translated by Nobody.",
        "text_body": " ".join(rng.choice(WORDS) for _ in range(rng.randint(200, 600))),
        "summary": " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))),
        "authors": json.dumps(rng.sample(PEOPLE, 1)),
        "associated_places": json.dumps(rng.sample(PLACES, 2)),
        "subjects_discussed": json.dumps(rng.sample(SUBJECTS, 3)),
        "associated_people_orgs": json.dumps(rng.sample(PEOPLE, 3)),
        "document_contributors": json.dumps(["Invented Foundation"]),
        "source": f"Invented Archive, f. {n % 90}, op. 1, d. {n}",
        "original_upload_date": uploaded,
        "original_archive_title": "Invented Archive",
        "language": json.dumps([rng.choice(["Russian", "Chinese", "English"])]),
        "rights": "Invented rights statement.",
        "record_id": str(record_id),
        "original_classification": rng.choice(["Secret", "Top Secret", ""]),
        "donors": json.dumps(["Imaginary Foundation"]),
        "scraped_at": "2024-01-02T03:04:05",
    }
    return tuple(values[c] for c in COLUMNS)


def make_sqlite(path: Path, rows: int, seed: int = 1) -> Path:
    """A scrape database of ``rows`` invented rows (written once)."""
    if path.exists():
        return path
    rng = random.Random(seed)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    with conn:
        types = {"page_number": "INTEGER", "page_position": "INTEGER"}
        spec = ", ".join(f"{c} {types.get(c, 'TEXT')}" for c in COLUMNS)
        conn.execute(f"CREATE TABLE documents ({spec}, PRIMARY KEY (document_url))")
        marks = ", ".join("?" for _ in COLUMNS)
        conn.executemany(
            f"INSERT INTO documents VALUES ({marks})", (_row(rng, n) for n in range(rows))
        )
    conn.close()
    tmp.rename(path)
    return path


def make_csv(db: Path) -> Path:
    """The CSV export of a database (written once)."""
    path = db.with_suffix(".csv")
    if not path.exists():
        conn = sqlite3.connect(db)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(conn.execute("SELECT * FROM documents ORDER BY rowid"))
        conn.close()
    return path


def bench(path: Path, repeat: int) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        cat = load_scrape(path)
        best = min(best, time.perf_counter() - start)
    del cat
    tracemalloc.start()
    cat = load_scrape(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = path.stat().st_size / 1e6
    print(
        f"{path.name:<22} {len(cat):7d} rows  {mb:7.1f} MB  {best:6.2f} s  "
        f"{len(cat) / best:8.0f} rows/s  peak traced {peak / 1e6:7.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[16150, 100000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--csv", action="store_true", help="also time the CSV exports")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    for rows in args.rows:
        db = make_sqlite(args.dir / f"scrape-{rows}.db", rows)
        bench(db, args.repeat)
        if args.csv:
            bench(make_csv(db), args.repeat)


if __name__ == "__main__":
    main()
