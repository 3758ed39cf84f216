"""Documents per year in a collection, drawn with matplotlib and saved as a PNG.

Run:  python examples/timeline_plot.py [--collection SLUG] [--out FILE]

Needs the plot extra: pip install 'sinosoviet-docs[plot]'.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import matplotlib

import sinosoviet_docs as ssd

matplotlib.use("Agg")  # draw to a file; no screen needed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", default="sino-soviet-split-1960-1984")
    parser.add_argument("--out", type=Path, help="the PNG to write")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="timeline-")) / "timeline.png"

    timeline = ssd.load().query().in_collection(args.collection).timeline("year")
    print(timeline)
    ax = timeline.plot()
    ax.figure.tight_layout()
    ax.figure.savefig(out, dpi=100)
    print(f"saved {out}")


if __name__ == "__main__":
    main()
