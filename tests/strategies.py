"""Hypothesis strategies for every model type, partial dates included."""

from __future__ import annotations

import calendar
import datetime
import random

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


@st.composite
def any_dates(
    draw: st.DrawFn, *, qualified: bool = True, min_year: int = 1, max_year: int = 9999
) -> PartialDate:
    """Any valid PartialDate of every precision (century to day), leap days and qualifiers.

    A decade or century starts within ``min_year``..``max_year``; a winter
    may end in the year after ``max_year``.
    """
    precision = draw(st.sampled_from(["century", "decade", "year", "season", "month", "day"]))
    flags = {
        "approximate": draw(st.booleans()) if qualified else False,
        "uncertain": draw(st.booleans()) if qualified else False,
    }
    if precision in ("century", "decade"):
        step = 100 if precision == "century" else 10
        first = max(1, -(-min_year // step))
        last = max(first, max_year // step)
        return PartialDate(year=draw(st.integers(first, last)) * step, span=precision, **flags)
    if precision == "season":
        season = draw(st.sampled_from(["spring", "summer", "autumn", "winter"]))
        top = min(max_year, 9998) if season == "winter" else max_year
        return PartialDate(year=draw(st.integers(min_year, top)), season=season, **flags)
    year = draw(st.integers(min_year, max_year))
    month = None if precision == "year" else draw(st.integers(1, 12))
    day = None
    if precision == "day":
        assert month is not None
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year=year, month=month, day=day, **flags)


@st.composite
def any_ranges(draw: st.DrawFn, *, min_year: int = 1, max_year: int = 9999) -> DateRange:
    """Any valid DateRange: ends of every precision, either end (not both) open."""
    ends = any_dates(min_year=min_year, max_year=max_year)
    start = draw(st.none() | ends)
    end = draw(st.none() | ends)
    if start is None and end is None:
        end = draw(ends)
    if start is not None and end is not None and start.earliest > end.latest:
        start, end = end, start
    return DateRange(start=start, end=end)


def document_dates(
    min_year: int = 1900, max_year: int = 2000
) -> st.SearchStrategy[PartialDate | DateRange | None]:
    """What a document's date may be: none, a date of any precision, or a range."""
    return (
        st.none()
        | any_dates(min_year=min_year, max_year=max_year)
        | any_ranges(min_year=min_year, max_year=max_year)
    )


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
def documents(
    draw: st.DrawFn,
    id: str | None = None,
    dates: st.SearchStrategy[PartialDate | DateRange | None] | None = None,
) -> Document:
    """A document with any mix of known and unknown facts (no popularity: see catalogues).

    ``dates`` draws its date (default: none, or a year, month or day).
    """
    title = draw(text)
    if dates is None:
        dates = st.none() | partial_dates(min_year=1900, max_year=2000)
    date = draw(dates)
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
def catalogues(
    draw: st.DrawFn,
    max_documents: int = 12,
    dates: st.SearchStrategy[PartialDate | DateRange | None] | None = None,
) -> Catalogue:
    """A consistent catalogue: unique ids and slugs, popular lists matching popularity.

    ``dates`` draws the documents' dates, as in :func:`documents`.
    """
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), max_size=max_documents, unique=True
        )
    )
    docs = {i: draw(documents(id=i, dates=dates)) for i in ids}
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


# -- searchable catalogues: realistic words, so that searches hit something --------------

SEARCH_PEOPLE = (
    "Mao Zedong",
    "Joseph Stalin",
    "Filippov",
    "Zhou Enlai",
    "N. S. Khrushchev",
    "Liu Shaoqi",
    "Anastas Mikoyan",
    "Pavel Yudin",
    # Code names with years and the real names that look like them (review item 1.6).
    "Semenov",
    "Vladimir Semenov",
    "Kuznetsov",
    "F. Kuznetsov",
    "Filippov [Stalin]",
)
SEARCH_PLACES = ("Beijing", "Moscow", "Lüshun", "Lushun", "Taiwan", "Dalian")
SEARCH_WORDS = (
    "telegram",
    "cable",
    "conversation",
    "memorandum",
    "Taiwan",
    "strait",
    "alliance",
    "treaty",
    "Lüshun",
    "LUSHUN",
    "port",
    "east",
    "wind",
    "Mao’s",
    "Mao's",
    "“reunification”",
    "Stalin",
    "Stalinism",
    "Filippov",
    "the",
    "to",
    "of",
    "and",
    "Zhou",
    "Khrushchev",
    "Café",
)
SEARCH_TYPES = ("Telegram", "Memorandum of Conversation", "Letter", "telegram")
SEARCH_TOPICS = (
    "China--Foreign relations--Soviet Union",
    "Korean War, 1950-1953",
    "Nuclear weapons",
)
SEARCH_LANGUAGES = ("Russian", "Chinese", "English")
SEARCH_COLLECTIONS = ("alliance", "split", "border")


def _random_document(rng: random.Random, id: str) -> Document:
    """One searchable document drawn with ``rng`` (cheaper than a draw per field)."""

    def sentence() -> str:
        return " ".join(rng.choices(SEARCH_WORDS + SEARCH_PEOPLE, k=rng.randint(1, 10)))

    def some(pool: tuple[str, ...], most: int) -> tuple[str, ...]:
        return tuple(rng.sample(pool, rng.randint(0, most)))

    date = None
    if rng.random() < 0.85:
        year = rng.randint(1948, 1962)
        precision = rng.choice(["year", "month", "day"])
        month = None if precision == "year" else rng.randint(1, 12)
        day = None
        if month is not None and precision == "day":
            day = rng.randint(1, calendar.monthrange(year, month)[1])
        date = PartialDate(year=year, month=month, day=day)
    return Document(
        id=id,
        title=sentence(),
        date=date,
        summary=sentence() if rng.random() < 0.7 else None,
        text=sentence() if rng.random() < 0.4 else None,
        type=rng.choice((None, *SEARCH_TYPES)),
        languages=some(SEARCH_LANGUAGES, 2),
        authors=some(SEARCH_PEOPLE, 1),
        people=some(SEARCH_PEOPLE, 3),
        places=some(SEARCH_PLACES, 2),
        topics=some(SEARCH_TOPICS, 2),
        collections=some(SEARCH_COLLECTIONS, 2),
    )


@st.composite
def searchable_catalogues(draw: st.DrawFn, max_documents: int = 14) -> Catalogue:
    """A catalogue of searchable documents in three collections (documents drawn from a seed)."""
    count = draw(st.integers(0, max_documents))
    rng = random.Random(draw(st.integers(0, 2**32)))
    docs = [_random_document(rng, f"d{i}") for i in range(count)]
    collections = tuple(Collection(slug=s, title=s.title()) for s in SEARCH_COLLECTIONS)
    return Catalogue(documents=docs, collections=collections)


_query_words = st.sampled_from(
    [
        "taiwan",
        "Lushun",
        "lüshun",
        "stalin",
        "mao",
        "filippov",
        "telegram",
        "the",
        "cafe",
        "east",
        "wind",
        "reunification",
        "nothing",
    ]
)
_query_atoms = st.one_of(
    _query_words,
    _query_words.map(lambda w: w[:3] + "*"),
    st.tuples(_query_words, _query_words).map(lambda p: f'"{p[0]} {p[1]}"'),
    st.tuples(st.sampled_from(["title", "summary", "text", "names"]), _query_words).map(
        lambda p: f"{p[0]}:{p[1]}"
    ),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, children).map(lambda p: f"{p[0]} {p[1]}"),
        st.tuples(children, children).map(lambda p: f"({p[0]} OR {p[1]})"),
        st.tuples(children, children).map(lambda p: f"{p[0]} AND NOT {p[1]}"),
    )


#: Search strings of the full-text language (no filter fields).
search_strings = st.recursive(_query_atoms, _combine, max_leaves=4)
#: Plain words joined by AND or OR: the top-k fast path.
plain_searches = st.lists(_query_words, min_size=1, max_size=3).flatmap(
    lambda ws: st.sampled_from([" ".join(ws), " OR ".join(ws)])
)
#: Synonym groups of folded words (the first as typed, then its aliases), for the top-k
#: path of name expansion: one to three groups of one to three distinct words.
synonym_groups = st.lists(
    st.lists(
        st.sampled_from(["taiwan", "lushun", "stalin", "mao", "filippov", "the", "nothing"]),
        min_size=1,
        max_size=3,
        unique=True,
    ).map(tuple),
    min_size=1,
    max_size=3,
)


# -- page captures ---------------------------------------------------------------------------

_MONTHS = [calendar.month_name[m] for m in range(1, 13)]


@st.composite
def printed_dates(draw: st.DrawFn) -> str:
    """A listing date as the archive prints it: "July 5, 1950", "July 05, 1950", "December, 1959", "1958"."""
    year = draw(st.integers(1940, 1995))
    month = draw(st.integers(1, 12))
    form = draw(st.sampled_from(["day", "padded", "month", "month-comma", "year"]))
    if form in ("day", "padded"):
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        shown = f"{day:02d}" if form == "padded" else str(day)
        return f"{_MONTHS[month - 1]} {shown}, {year}"
    if form == "month":
        return f"{_MONTHS[month - 1]} {year}"
    if form == "month-comma":
        return f"{_MONTHS[month - 1]}, {year}"
    return str(year)


# Titles and summaries: words that never read as a listing date or a layout marker.
_entry_word = st.sampled_from(
    [
        "Cable",
        "Letter",
        "Note",
        "Orlov",
        "Wen",
        "harbor",
        "grain",
        "[Petrov]",
        "“quotes”",
        "No.",
        "7",
        "talks",
    ]
)
entry_texts = st.lists(_entry_word, min_size=2, max_size=8).map(" ".join)
page_entries = st.tuples(printed_dates(), entry_texts, st.none() | entry_texts)

# Digits that are not ASCII, drawn on purpose: "²".isdigit() is true but int("²") fails,
# and int("١٩٥٨") reads 1958. Loaders must take neither for a number.
unicode_digits = st.one_of(
    st.sampled_from(["²", "³", "¹", "⁹", "①", "١", "٣", "𝟠"]),
    st.characters(categories=["Nd", "No"]),
)
# What stands where a number is expected: ASCII digits mixed with other digits.
number_texts = st.lists(unicode_digits | st.sampled_from("0123456789"), min_size=1, max_size=4).map(
    "".join
)

# Addresses of every kind whose numeric parts (record id, page, collection id) are number_texts.
page_urls = st.builds(
    lambda path, number: "https://digitalarchive.wilsoncenter.org" + path.format(number),
    st.sampled_from(
        [
            "/document/{}",
            "/search?page={}",
            "/topics/a-b?page={}",
            "/collection/{}/a-b",
            "/collection/301/a-b/{}",
        ]
    ),
    number_texts,
)

# Any text at all, with the characters that matter to the parser over-represented.
capture_texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *"ab -•\n\r\xa0,:1950",
                "Popular Documents",
                "Skip to content",
                "Citation",
                "Record ID",
                "Document Information",
                "July 5, 1950",
                "1 - 20 of 3",
                "1 - 2 of ²",
                "July ², 1950",
                "\n\n",
                "English HTML",
                "“",
                '"',
            ]
        ),
        unicode_digits,
    ),
    max_size=80,
).map("".join)

# -- titles and citations in the archive's shapes, jumbled --------------------------------

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


def own_bounds(date: PartialDate) -> tuple[datetime.date, datetime.date]:
    """First and last day a year, month or day date (or a decade, a century) may be,
    worked out here from its parts with :mod:`calendar`, not by the library."""
    assert date.season is None
    if date.span is not None:
        years = {"decade": 10, "century": 100}[date.span]
        return datetime.date(date.year, 1, 1), datetime.date(date.year + years - 1, 12, 31)
    if date.month is None:
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    if date.day is None:
        last = calendar.monthrange(date.year, date.month)[1]
        return datetime.date(date.year, date.month, 1), datetime.date(date.year, date.month, last)
    day = datetime.date(date.year, date.month, date.day)
    return day, day


def _day(d: datetime.date) -> PartialDate:
    return PartialDate(year=d.year, month=d.month, day=d.day)


def dates_at_edges(lo: datetime.date, hi: datetime.date) -> list[PartialDate]:
    """Dates that sit on the edges of the period ``lo``..``hi``: the day before each bound,
    the bound, the day after; and dates that start on the same day but end apart (the
    day, its month, its year, its decade), at each bound's month and year."""
    one = datetime.timedelta(days=1)
    days = {lo - one, lo, lo + one, hi - one, hi, hi + one}
    out = [_day(d) for d in sorted(days)]
    for bound in (lo, hi):
        for d in (bound.replace(day=1), bound.replace(month=1, day=1)):
            out.append(_day(d))
        out.append(PartialDate(year=bound.year, month=bound.month))
        out.append(PartialDate(year=bound.year))
        out.append(PartialDate(year=bound.year - bound.year % 10, span="decade"))
    return list(dict.fromkeys(out))


@st.composite
def edge_periods(draw: st.DrawFn) -> tuple[datetime.date, datetime.date]:
    """A period whose bounds often fall on a month's or a year's first or last day."""
    year = draw(st.integers(1948, 1962))

    def bound() -> datetime.date:
        y = year + draw(st.integers(0, 2))
        m = draw(st.integers(1, 12))
        last = calendar.monthrange(y, m)[1]
        day = draw(st.sampled_from([1, 2, last - 1, last]) | st.integers(1, last))
        return datetime.date(y, m, day)

    a, b = bound(), bound()
    return (a, b) if a <= b else (b, a)


@st.composite
def edge_catalogues(draw: st.DrawFn) -> tuple[Catalogue, datetime.date, datetime.date]:
    """A period and a catalogue of documents dated on its edges (see :func:`dates_at_edges`),
    some documents sharing a first day with others, shuffled, with an undated one."""
    lo, hi = draw(edge_periods())
    dates: list[PartialDate | None] = [*dates_at_edges(lo, hi), None]
    chosen = draw(st.lists(st.sampled_from(dates), min_size=1, max_size=20))
    docs = [Document(id=f"d{i:02d}", title=f"T{i % 3}", date=d) for i, d in enumerate(chosen)]
    return Catalogue(documents=draw(st.permutations(docs))), lo, hi
