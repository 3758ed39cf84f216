"""Hypothesis strategies for every model type, partial dates included."""

from __future__ import annotations

import calendar

import attrs
from hypothesis import strategies as st

from sinosoviet_docs import (
    Catalogue,
    CatalogueInfo,
    Collection,
    CollectionRef,
    Conflict,
    DateRange,
    Document,
    PartialDate,
    Popularity,
    Provenance,
)

# Text as the archive has it: accents, curly quotes, Cyrillic, CJK, NBSP, brackets.
_ALPHABET = st.sampled_from(
    [
        *list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:'\"[]()-/"),
        "ü",
        "é",
        "’",
        "“",
        "”",
        "\xa0",
        "Ж",
        "д",
        "毛",
        "泽",
        "东",
        "\n",
        "\t",
        "\\",
    ]
)
text = st.text(_ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
optional_text = st.none() | text
texts = st.lists(text, max_size=3).map(tuple)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    """Any valid partial date: year, month or day precision, with or without qualifiers."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    month = day = None
    if precision != "year":
        month = draw(st.integers(1, 12))
    if precision == "day":
        assert month is not None
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(
        year=year,
        month=month,
        day=day,
        approximate=draw(st.booleans()),
        uncertain=draw(st.booleans()),
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """A valid range; either end may be open, but not both."""
    a = draw(partial_dates(min_year=1900, max_year=2000))
    b = draw(partial_dates(min_year=1900, max_year=2000))
    start, end = (a, b) if a.earliest <= b.latest else (b, a)
    shape = draw(st.sampled_from(["closed", "open-start", "open-end"]))
    if shape == "open-start":
        return DateRange(start=None, end=end)
    if shape == "open-end":
        return DateRange(start=start, end=None)
    return DateRange(start=start, end=end)


slugs = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,3}", fullmatch=True)

provenances = st.builds(
    Provenance,
    source=text,
    urls=st.lists(text, max_size=2).map(tuple),
    note=optional_text,
    retrieved=st.none() | st.datetimes().map(lambda d: d.isoformat()),
    page=st.none() | st.integers(0, 2000),
    position=st.none() | st.integers(0, 100),
)
conflicts = st.builds(
    Conflict, field=st.sampled_from(["date", "title", "type"]), values=texts, sources=texts
)


@st.composite
def documents(draw: st.DrawFn, id: str | None = None) -> Document:
    """A document with any mix of known and unknown facts (no popularity: see catalogues)."""
    title = draw(text)
    date = draw(st.none() | partial_dates(min_year=1900, max_year=2000))
    record_id = draw(st.none() | st.integers(1, 10**7))
    return Document(
        id=id or Document.make_id(title=title, date=date, record_id=record_id),
        title=title,
        record_id=record_id,
        date=date,
        dates_printed=draw(texts),
        summary=draw(optional_text),
        type=draw(
            st.none() | st.sampled_from(["Telegram", "Memorandum of Conversation", "Letter"])
        ),
        languages=draw(
            st.lists(st.sampled_from(["Russian", "Chinese", "English"]), max_size=2).map(tuple)
        ),
        authors=draw(texts),
        people=draw(texts),
        places=draw(texts),
        topics=draw(texts),
        source=draw(optional_text),
        original_archive=draw(optional_text),
        text=draw(optional_text),
        uploaded=draw(st.none() | partial_dates(min_year=2000, max_year=2030)),
        collections=draw(st.lists(slugs, max_size=2, unique=True).map(tuple)),
        url=draw(optional_text),
        credits=draw(optional_text),
        rights=draw(optional_text),
        classification=draw(optional_text),
        donors=draw(texts),
        contributors=draw(texts),
        related=draw(texts),
        provenance=draw(st.lists(provenances, max_size=2).map(tuple)),
        conflicts=draw(st.lists(conflicts, max_size=2).map(tuple)),
    )


collection_refs = st.builds(
    CollectionRef,
    title=text,
    slug=slugs,
    kind=st.sampled_from(["collection", "resource-guide"]),
    period=st.none() | date_ranges(),
)

infos = st.builds(
    CatalogueInfo,
    title=text,
    built=st.none() | st.dates().map(str),
    sources=texts,
    note=optional_text,
)


@st.composite
def catalogues(draw: st.DrawFn, max_documents: int = 12) -> Catalogue:
    """A consistent catalogue: unique ids and slugs, popular lists matching popularity."""
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), max_size=max_documents, unique=True
        )
    )
    docs = {i: draw(documents(id=i)) for i in ids}
    collection_slugs = draw(st.lists(slugs, max_size=3, unique=True))
    specs = []
    for slug in collection_slugs:
        popular = draw(st.lists(st.sampled_from(ids), max_size=5, unique=True)) if ids else []
        ranked = draw(st.booleans())
        for position, doc_id in enumerate(popular, start=1):
            doc = docs[doc_id]
            entry = Popularity(collection=slug, rank=position if ranked else None)
            docs[doc_id] = attrs.evolve(doc, popularity=(*doc.popularity, entry))
        specs.append((slug, popular))
    collections = tuple(
        Collection(
            slug=slug,
            title=draw(text),
            kind=draw(st.sampled_from(["collection", "resource-guide"])),
            description=draw(optional_text),
            period=draw(st.none() | date_ranges()),
            related=tuple(draw(st.lists(collection_refs, max_size=2))),
            resource_guide=draw(st.none() | collection_refs),
            popular=tuple(docs[i] for i in popular),
            archive_id=draw(st.none() | st.integers(1, 500)),
            url=draw(optional_text),
            authors=draw(texts),
            date=draw(st.none() | partial_dates(min_year=2000, max_year=2030)),
            provenance=tuple(draw(st.lists(provenances, max_size=1))),
        )
        for slug, popular in specs
    )
    return Catalogue(documents=tuple(docs.values()), collections=collections, info=draw(infos))

# -- names issue: titles and citations in the archive's shapes, jumbled -----------------------

# Pieces of titles: head words, markers, names in several spellings, brackets and quotes,
# so that generated titles reach every branch of the correspondence grammar.
_title_piece = st.sampled_from(
    [
        "Ciphered Telegram",
        "Cable",
        "Memorandum of Conversation",
        "between",
        "from",
        "to",
        "via",
        "for",
        "and",
        "with",
        ",",
        ":",
        "No. 709",
        "Filippov [Stalin]",
        "Feng Xi (Stalin)",
        "Mao Zedong's",
        "Cde.",
        "the",
        "Soviet Ambassador",
        "[via Terebin]",
        "(",
        "]",
        "'",
        "‘",
        "’",
        "Beijing",
        "Kuznetsov",
        "Peng",
        "Nobody",
        "\xa0",
        "毛泽东",
        "Хрущёв",
    ]
)
titles = st.lists(_title_piece, max_size=14).map(" ".join)

_citation_piece = st.sampled_from(
    [
        "APRF",
        "AP RF",
        "AVPRF",
        "RGANI.",
        "f. 45",
        "op. 1",
        "d. 342",
        "ll. 1-33",
        "Fond 059a",
        "Papka 11",
        "Collection 52.",
        "Sheets 43.",
        ",",
        ";",
        "and",
        "PRC FMA 109-00834-01",
        "vol. 7",
        "(Beijing: Renmin, 1999)",
        "Translated by Somebody.",
        "Contributed by Nobody.",
        "copy in a library",
        "(",
        ")",
    ]
)
citation_texts = st.lists(_citation_piece, max_size=12).map(" ".join)
