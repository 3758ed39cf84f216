"""The info, list, show and check commands: what the catalogue holds."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from .. import Catalogue, Collection, Document, to_data
from .._terminal import Columns, emit, terminal_width
from .._terminal import print_json as _print_json
from ._shared import _command, _output_format


def _collection_summary(cat: Catalogue, col: Collection) -> dict[str, Any]:
    return {
        "slug": col.slug,
        "title": col.title,
        "kind": col.kind,
        "period": None if col.period is None else str(col.period),
        "documents_known": len(cat.documents_in(col.slug)),
        "popular": [doc.id for doc in col.popular],
    }


def _in_no_collection(cat: Catalogue) -> int:
    """How many documents belong to none of the catalogue's collections."""
    known = {col.slug for col in cat.collections}
    return sum(1 for doc in cat if known.isdisjoint(doc.collections))


def _info(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    fmt = _output_format(args)
    records = [_collection_summary(cat, col) for col in cat.collections]
    columns = Columns(
        headers=("collection", "title", "period", "kind", "known", "popular"), flex=1, wrap=True
    )
    rows = [
        (
            r["slug"],
            r["title"],
            r["period"] or "",
            r["kind"],
            str(r["documents_known"]),
            str(len(r["popular"])),
        )
        for r in records
    ]
    outside = _in_no_collection(cat)
    if fmt != "table":
        data = {
            "info": to_data(cat.info),
            "documents": len(cat),
            "documents_in_no_collection": outside,
            "collections": records,
        }
        emit(out, fmt, columns, rows, records, data=data)
        return
    print(cat.info.title, file=out)
    if cat.info.built:
        print(f"built {cat.info.built}; {len(cat)} documents", file=out)
    if cat.info.note:
        print(textwrap.fill(cat.info.note, terminal_width(out)), file=out)
    print(file=out)
    emit(out, fmt, columns, rows)
    print(f"\n{outside} of the {len(cat)} documents are in none of these collections.", file=out)
    print("'known' counts the documents this catalogue holds, not the collection's size.", file=out)


def _list(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    fmt = _output_format(args)
    q = cat.query()
    if args.collection:
        q = q.in_collection(args.collection)
    if args.start or args.end:
        q = q.between(args.start, args.end, mode="within" if args.within else "overlaps")
    docs = list(q)
    columns = Columns(headers=("date", "type", "id", "title"), flex=3)
    rows = [(d.date_display, d.type or "", d.id, d.title) for d in docs]
    emit(out, fmt, columns, rows, [to_data(d) for d in docs] if fmt != "table" else None)
    if fmt == "table":
        print(f"{len(docs)} documents", file=out)


def _show(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    doc = cat.find(args.id)
    data = to_data(doc)
    if args.json:
        _print_json(data, out)
        return
    from ..export import cite, stable_url

    for field in Document.__attrs_attrs__:
        if field.name == "provenance":
            _print_provenance(doc, bundled=args.catalogue is None, out=out)
            continue
        value = getattr(doc, field.name)
        print(f"{field.name + ':':<18}{_plain(to_data(value))}", file=out)
    print(f"{'address:':<18}{stable_url(doc) or '(unknown)'}", file=out)
    print(f"{'who to whom:':<18}{_who_to_whom(doc)}", file=out)
    print(f"{'cite as:':<18}{cite(doc)}", file=out)


_ARCHIVE_HOST = "digitalarchive.wilsoncenter.org"


def _who_to_whom(doc: Document) -> str:
    """Who wrote to whom (or who talked), as the title says; "(not said)" otherwise."""
    corr = doc.correspondence
    if corr is None:
        return "(not said)"
    if corr.kind == "conversation":
        return "conversation: " + ", ".join(corr.participants)
    text = f"{', '.join(corr.senders) or '(sender not said)'} to "
    text += ", ".join(corr.recipients) or "(recipient not said)"
    if corr.intermediaries:
        text += " via " + ", ".join(corr.intermediaries)
    return text


def _print_provenance(doc: Document, *, bundled: bool, out: TextIO) -> None:
    """Where the facts were seen, one line each: archive addresses, never a test copy's.

    Addresses on the archive are printed as https without a query; addresses on
    other hosts (test copies of the site) are counted, not shown. The bundled
    catalogue's build files mean nothing to a reader and are not named.
    """
    from urllib.parse import urlsplit, urlunsplit

    print(f"{'provenance:':<18}{len(doc.provenance) or '(none known)'}", file=out)
    for entry in doc.provenance:
        shown: list[str] = []
        elsewhere = 0
        for url in entry.urls:
            parts = urlsplit(url)
            if parts.netloc.lower() == _ARCHIVE_HOST:
                shown.append(urlunsplit(("https", _ARCHIVE_HOST, parts.path, "", "")))
            else:
                elsewhere += 1
        print(f"  - {entry.note or 'the record'}", file=out)
        if not bundled:
            print(f"    from {entry.source}", file=out)
        for url in dict.fromkeys(shown):
            print(f"    seen at {url}", file=out)
        if elsewhere:
            print(f"    and at {elsewhere} address(es) on a test copy of the site", file=out)
        if entry.retrieved:
            print(f"    retrieved {entry.retrieved}", file=out)


def _add_check(commands: Any, parents: dict[str, argparse.ArgumentParser]) -> None:
    _command(
        commands,
        parents,
        "check",
        _check,
        help="titles, names and citations the names tools could not read, counted",
    )


def _check(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    found = cat.names.check()
    if args.json:
        _print_json(found.as_dict(), out)
        return
    print(found, file=out)


def _plain(value: Any) -> str:
    if value is None:
        return "(unknown)"
    if isinstance(value, list):
        if not value:
            return "(none known)"
        return "; ".join(
            _plain(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)
            for v in value
        )
    return str(value)
