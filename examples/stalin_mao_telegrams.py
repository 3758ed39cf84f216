"""Every telegram between Stalin and Mao Zedong in the catalogue: a table and files for Zotero.

Run:  python examples/stalin_mao_telegrams.py [--out DIR] [--catalogue FILE]

Prints the documents as a table and writes stalin-mao.json (CSL-JSON for
Zotero and pandoc), stalin-mao.ris, stalin-mao.bib and stalin-mao.csv into DIR
(a new temporary folder when not given). No network, no optional extras.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import sinosoviet_docs as ssd

QUESTION = '(telegram OR cable) person:Stalin person:"Mao Zedong"'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the exported files")
    parser.add_argument("--catalogue", help="a catalogue file instead of the bundled one")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="stalin-mao-"))
    out.mkdir(parents=True, exist_ok=True)

    cat = ssd.load(args.catalogue)
    q = cat.search(QUESTION).sort("date")
    print(f"{len(q)} documents match {QUESTION!r}\n")
    for row in q.to_records():
        print(f"{row['date_display'] or 'undated':<20} {row['title']}")

    for fmt, name in [
        ("csl-json", "stalin-mao.json"),
        ("ris", "stalin-mao.ris"),
        ("bibtex", "stalin-mao.bib"),
        ("csv", "stalin-mao.csv"),
    ]:
        q.export(fmt, out / name)  # type: ignore[arg-type]
    print(f"\nwrote {', '.join(sorted(p.name for p in out.iterdir()))} to {out}")
    first = q.first()
    if first is not None:
        print("\ncite the first as:\n" + first.cite())


if __name__ == "__main__":
    main()
