"""Growth benchmark: how each parser's time grows when an adversarial input doubles.

    python benchmarks/bench_growth.py [--start 500] [--doublings 6] [--repeat 3]

For every case an input of ``--start`` units (lines, records, copies,
nesting levels) is doubled ``--doublings`` times; each size is parsed
``--repeat`` times and the best time kept. The table shows the time at the
largest size and the ratio of each doubling to the one before: about 2 is
linear, about 4 quadratic. The cases are the inputs a hostile-input review
found quadratic (repeated RIS tags, continuation lines, copies of one record,
merging copies, a citation of repeated archive names) and the ones whose
parsers could recurse (nested JSON, nested queries).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import sinosoviet_docs as ssd
from sinosoviet_docs.exceptions import SinosovietDocsError

_RECORD = "TY  - MANSCPT\nTI  - A title\nUR  - https://digitalarchive.wilsoncenter.org/document/5\n"


def _ris_titles(n: int) -> Callable[[], object]:
    text = "TY  - MANSCPT\n" + "".join(f"TI  - Title {i}\n" for i in range(n)) + "ER  - \n"
    return lambda: ssd.loads_ris(text)


def _ris_continuations(n: int) -> Callable[[], object]:
    text = "TY  - MANSCPT\nTI  - A\nAB  - first\n" + "a continued line\n" * n + "ER  - \n"
    return lambda: ssd.loads_ris(text)


def _ris_copies(n: int) -> Callable[[], object]:
    text = (_RECORD + "ER  - \n") * n
    return lambda: ssd.loads_ris(text)


def _scrape_copies(n: int, folder: Path) -> Callable[[], object]:
    path = folder / f"copies-{n}.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "record_id", "document_url"])
    writer.writerows([["A title", "5", "https://x.org/document/5"]] * n)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return lambda: ssd.load_scrape_report(path)


def _merge_copies(n: int) -> Callable[[], object]:
    cats = [
        ssd.Catalogue(
            documents=[
                ssd.Document(
                    id="5",
                    title="A title",
                    record_id=5,
                    provenance=(ssd.Provenance(source=f"copy {i}"),),
                )
            ]
        )
        for i in range(n)
    ]
    return lambda: ssd.merge(*cats)


def _citation(n: int) -> Callable[[], object]:
    text = "APRF, " * n
    return lambda: ssd.parse_citation(text)


def _json_nesting(n: int) -> Callable[[], object]:
    text = "[" * n

    def read() -> object:
        try:
            return ssd.loads(text)
        except SinosovietDocsError as exc:
            return exc

    return read


def _long_capture(n: int) -> Callable[[], object]:
    entry = "July 5, 1950\n\nCable from A to B\n\nA asks B.\n\n"
    text = "Skip to content\n\nA Name\n\nAbout it.\n\nPopular Documents\n\n" + entry * n
    return lambda: ssd.parse_page(text)


def _query_nesting(n: int) -> Callable[[], object]:
    cat = ssd.load()
    text = "taiwan OR " * n + "treaty"

    def search() -> object:
        try:
            return cat.query().search(text).ids()
        except (SinosovietDocsError, RecursionError) as exc:
            return exc

    return search


def _best(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=500, help="units of the first input")
    parser.add_argument("--doublings", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Callable[[int], Callable[[], object]], int]] = [
            ("loads_ris: repeated TI lines", _ris_titles, 1),
            ("loads_ris: continuation lines", _ris_continuations, 4),
            ("loads_ris: copies of one record", _ris_copies, 1),
            ("load_scrape: copies of one row", lambda n: _scrape_copies(n, Path(folder)), 1),
            ("merge: copies of one record", _merge_copies, 1),
            ("parse_citation: 'APRF, ' repeated", _citation, 1),
            ("loads: nested JSON arrays", _json_nesting, 4),
            ("parse_page: entries of a capture", _long_capture, 1),
            ("search: 'taiwan OR ' repeated", _query_nesting, 1),
        ]
        sizes = [args.start * 2**k for k in range(args.doublings + 1)]
        print(f"{'case':40} {'units':>8} {'seconds':>9}  ratio per doubling")
        for name, make, scale in cases:
            times = [_best(make(size * scale), args.repeat) for size in sizes]
            ratios = " ".join(f"{b / a:4.1f}" if a > 0 else "   -" for a, b in pairwise(times))
            print(f"{name:40} {sizes[-1] * scale:>8} {times[-1]:9.4f}  {ratios}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
