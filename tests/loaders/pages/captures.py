"""The page-capture fixtures and the helpers their tests share."""

from __future__ import annotations

from pathlib import Path

import sinosoviet_docs as ssd

PAGES = Path(__file__).parents[2] / "data" / "pages"
SEED = "000_476309a05a576595.txt"
ARCHIVE = "https://digitalarchive.wilsoncenter.org"

# "²".isdigit() is true but int("²") fails; int("١٢") reads 12. Neither is a number here.
UNICODE_NUMBERS = ["²", "³⁴", "①", "١٢", "9²"]

BROKEN = """Skip to content

A Name

About it.

Popular Documents

July 5, 1950

A title

A summary.

A stray paragraph nobody can place.

1958

Another title"""


def parse(name: str, url: str | None = None, *, strict: bool = True) -> ssd.Page:
    return ssd.parse_page((PAGES / name).read_text("utf-8"), url=url, strict=strict, source=name)


def entries(page: ssd.Page) -> list[tuple[str, str, str | None]]:
    return [(str(d.date), d.title, d.summary) for d in page.documents]
