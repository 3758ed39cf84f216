"""Archive citations: abbreviated, spelled and translated forms; FMA numbers; publications; credits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs.citations import ArchivalReference, parse_citation, split_credits
from sinosoviet_docs.exceptions import ArgumentTypeError

from .strategies import citation_texts


def _fields(ref: ArchivalReference) -> tuple[str | None, ...]:
    return (ref.archive, ref.fond, ref.opis, ref.delo, ref.papka, ref.pages)


def test_the_issues_example_gives_two_references() -> None:
    """Abbreviated APRF and spelled AVPRF parts, joined by ';', give two references."""
    refs = parse_citation(
        "APRF, f. 45, op. 1, d. 342, l. 78; AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80"
    )
    assert [
        ("APRF", "45", "1", "342", None, "78"),
        ("AVPRF", "059a", "5a", "5", "11", "80"),
    ] == [_fields(r) for r in refs]


def test_three_archives_joined_by_semicolon_and() -> None:
    """'...; and RGASPI, ...' is a third reference; leading zeros are kept as printed."""
    refs = parse_citation(
        "APRF, f. 45, op. 1, d. 342, l. 78; AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, "
        "List 80; and RGASPI, f. 558, op. 11, d. 342, ll. 0078."
    )
    assert ("RGASPI", "558", "11", "342", None, "0078") == _fields(refs[2])


def test_archives_joined_by_and_without_semicolon() -> None:
    """'List 60 and AVPRF, ...' cuts before the second archive."""
    refs = parse_citation(
        "APRF, Fond 45, Opis 1, Delo 336, List 60 and AVPRF, Fond 059a, Opis 5a, Delo 5, "
        "Papka 11, List 26"
    )
    assert ["APRF", "AVPRF"] == [r.archive for r in refs]
    assert "APRF, Fond 45, Opis 1, Delo 336, List 60" == refs[0].raw


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Fond 45, Opis 1, Delo 340, List 82", (None, "45", "1", "340", None, "82")),
        ("APRF, Fond 45, Opis 1, Delo 340, List 82.", ("APRF", "45", "1", "340", None, "82")),
        ("AP RF, f. 45, op. 1, d. 334, l. 141", ("APRF", "45", "1", "334", None, "141")),
        (
            "RGANI. Collection 52. Inventory 1. File 498. Sheets 43.",
            ("RGANI", "52", "1", "498", None, "43"),
        ),
        ("TsKhSD, f. 5, op. 30, d. 335, ll. 1-5", ("TsKhSD", "5", "30", "335", None, "1-5")),
        ("GARF, f. 5446, op. 1, d. 12", ("GARF", "5446", "1", "12", None, None)),
        ("TsAMO, f. 5, op. 918795, d. 122, ll. 1-2", ("TsAMO", "5", "918795", "122", None, "1-2")),
    ],
)
def test_abbreviated_spelled_and_translated_forms(
    text: str, fields: tuple[str | None, ...]
) -> None:
    """f./Fond/Collection, op./Opis/Inventory, d./Delo/File, l./List/Sheets all read."""
    assert fields == _fields(parse_citation(text)[0])


def test_spelled_archive_name_with_abbreviation_and_note() -> None:
    """A spelled archive name is coded; what follows the sheets is kept as a note."""
    (ref,) = parse_citation(
        "Archive of the President of the Russian Federation (APRF), f. 52, op. 1, d. 499, "
        "ll. 1-33, copy in Volkogonov Collection, Manuscript Division, Library of Congress"
    )
    assert ("APRF", "52", "1", "499", None, "1-33") == _fields(ref)
    assert "copy in Volkogonov Collection, Manuscript Division, Library of Congress" == ref.note


def test_chinese_foreign_ministry_file_number() -> None:
    """'PRC FMA 109-00834-01' is a Foreign Ministry file."""
    (ref,) = parse_citation("PRC FMA 109-00834-01")
    assert ("archive", "PRC FMA", "109-00834-01") == (ref.kind, ref.archive, ref.file)
    assert "PRC FMA 109-00834-01" == ref.shelfmark


def test_published_collected_works() -> None:
    """A collected-works volume is a published reference with its volume and pages."""
    (ref,) = parse_citation(
        "Mao Zedong wenji (Collected Writings of Mao Zedong), vol. 7 (Beijing: Renmin "
        "chubanshe, 1999), 321-335."
    )
    assert ("published", "7", "321-335") == (ref.kind, ref.volume, ref.pages)


def test_unknown_source_is_kept_raw() -> None:
    """A citation naming no known archive or publication is kept whole as 'other'."""
    text = "Hoover Institution Archive, Teimuraz Stepanov-Mamaladze Papers: Notepad 15.05.1989."
    assert (ArchivalReference(raw=text),) == parse_citation(text)


def test_credits_are_split_off() -> None:
    """'Translated by' and 'Contributed by' sentences come back apart from the citation."""
    text = "AP RF, f. 45, op. 1, d. 334, l. 141. Translated by Gary Goldberg. Contributed by X Y."
    assert (
        "AP RF, f. 45, op. 1, d. 334, l. 141.",
        ("Translated by Gary Goldberg.", "Contributed by X Y."),
    ) == split_credits(text)


def test_credits_do_not_become_references() -> None:
    """parse_citation ignores the credits (split_credits returns them)."""
    refs = parse_citation("APRF, f. 52, op. 1, d. 499. Translated by Vladislav M. Zubok.")
    assert ["APRF"] == [r.archive for r in refs]


def test_empty_citation_gives_nothing() -> None:
    """An empty or blank citation gives no references."""
    assert () == parse_citation("  ")


def test_archive_code_accepts_any_form_and_rejects_unknown() -> None:
    """archive_code normalises names; an unknown one raises UnknownArchiveError (LookupError)."""
    assert "AVPRF" == ssd.archive_code("AVP RF")
    with pytest.raises(LookupError, match="unknown archive 'KGB'; known: APRF"):
        ssd.archive_code("KGB")


def _cat() -> ssd.Catalogue:
    return ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="A", source="APRF, f. 45, op. 1, d. 342, l. 78"),
            ssd.Document(id="b", title="B", source="AVPRF, Fond 059a; and AP RF, f. 3"),
            ssd.Document(id="c", title="C", source="RGANI. Collection 52. File 498."),
            ssd.Document(id="d", title="D"),
        ]
    )


def test_from_archive_query() -> None:
    """q.from_archive('APRF') keeps documents citing APRF in any spelling."""
    assert ["a", "b"] == _cat().query().from_archive("AP RF").ids()


def test_from_archive_unknown_raises_at_once() -> None:
    """An unknown archive raises when the query is built, not when it runs."""
    with pytest.raises(ssd.UnknownArchiveError):
        _cat().query().from_archive("Nowhere")


def test_facet_helpers_by_archive_and_fond() -> None:
    """archives_of and fonds_of give the facet values of a document."""
    docs = list(_cat())
    assert [("APRF",), ("AVPRF", "APRF"), ("RGANI",), ()] == [ssd.archives_of(d) for d in docs]
    assert ("AVPRF f. 059a", "APRF f. 3") == ssd.fonds_of(docs[1])


@given(citation_texts)
def test_parsing_never_raises_or_loses_words(text: str) -> None:
    """Every word of the citation (credits and joining 'and' aside) is in some reference."""
    citation, _credits = split_credits(text)
    refs = parse_citation(text)
    kept = set(re.findall(r"\w+", " ".join(r.raw for r in refs)))
    assert set(re.findall(r"\w+", citation)) - {"and"} <= kept


def test_pathological_citation_is_kept_whole() -> None:
    """A 30,000-character citation of colons and commas is kept as one raw reference.

    How its reading time grows with its length is measured by benchmarks/bench_names.py.
    """
    text = "(" + "a: b, " * 5000 + ")"
    assert [("other", text)] == [(r.kind, r.raw) for r in parse_citation(text)]


def test_parse_citation_of_none_names_the_argument() -> None:
    """A missing citation is the library's TypeError."""
    with pytest.raises(ssd.ArgumentTypeError):
        ssd.parse_citation(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [None, 5, b"APRF, f. 45"])
def test_parse_citation_refuses_what_is_not_text(text: object) -> None:
    with pytest.raises(ArgumentTypeError, match=r"^text: expected a str"):
        parse_citation(text)  # type: ignore[arg-type]


def test_cutting_a_citation_reads_each_character_a_bounded_number_of_times() -> None:
    """Before each archive name only the white space before it is read back ("APRF, "
    8,000 times was quadratic): the characters looked at grow as the text does."""
    from sinosoviet_docs import citations

    looked: list[int] = []
    real = citations._and_before

    def counting(text: str, start: int, end: int) -> bool:
        k = end
        while k > start and text[k - 1].isspace():
            k -= 1
        looked.append(end - k + 4)
        return real(text, start, end)

    for n in (1000, 2000):
        looked.clear()
        citations._and_before = counting  # type: ignore[assignment]
        try:
            parts = citations._parts("APRF, " * n)
        finally:
            citations._and_before = real  # type: ignore[assignment]
        assert 1 == len(parts)
        assert n - 1 == len(looked)  # every archive name after the first is looked back from
        assert sum(looked) <= 6 * n
