"""RIS: Zotero's manuscript and letter mapping, the archive's own records, malformed files."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from tests.strategies import number_texts

RIS = Path(__file__).parents[1] / "data" / "ris"


def test_zotero_manuscript_fields() -> None:
    """Title, author, date, abstract, language, type, location, keywords and address."""
    doc = ssd.load_ris(RIS / "zotero.ris")["900020"]
    assert "Memorandum of a Conversation between Orlov and Wen" == doc.title
    assert (("Orlov, Ivan",), "1944-05-19") == (doc.authors, str(doc.date))
    assert "Orlov and Wen discuss invented harbor fees." == doc.summary
    assert (("Russian",), "Memorandum of Conversation") == (doc.languages, doc.type)
    assert "Invented Archive, f. 3, op. 2, d. 1, ll. 5-9" == doc.source
    assert ("China--Foreign relations--Soviet Union", "Harbors--China") == doc.topics
    assert "https://digitalarchive.wilsoncenter.org/document/900020" == doc.url


def test_digital_archive_name_makes_cy_the_original_archive() -> None:
    """With DB naming the Digital Archive, CY is the original archive, not a place."""
    doc = ssd.load_ris(RIS / "zotero.ris")["900020"]
    assert ("Invented Archive of Harbor Affairs", ()) == (doc.original_archive, doc.places)


def test_translator_credit_and_note_continuation() -> None:
    """A4 is a contributor, a 'Translated by' note the credits, a continued note stays whole."""
    doc = ssd.load_ris(RIS / "zotero.ris")["900020"]
    assert ("Nobody, Translator",) == doc.contributors
    assert "Translated by Nobody Translator." == doc.credits
    assert "N1: An invented note that runs\nover two lines." in (doc.provenance[0].note or "")


def test_access_date_is_the_retrieval_time() -> None:
    """Y2 becomes the provenance's retrieval time, as given."""
    doc = ssd.load_ris(RIS / "zotero.ris")["900020"]
    assert "2024/02/03/10:00:00" == doc.provenance[0].retrieved


def test_year_only_date_and_split_languages() -> None:
    """'1958///' is year-precise; 'Chinese; Russian' is two languages; unknown tags are kept."""
    doc = next(d for d in ssd.load_ris(RIS / "zotero.ris") if d.record_id is None)
    assert ("1958", "year") == (str(doc.date), doc.date.precision if doc.date else None)
    assert ("Chinese", "Russian") == doc.languages
    assert "DP: Wilson Center Digital Archive" in (doc.provenance[0].note or "")


def test_archive_served_generic_record() -> None:
    """T1, A1, Y1 with a month and N2 (the older tags) are read."""
    doc = ssd.load_ris(RIS / "served.ris")["900021"]
    assert ("Cable, Kirov to Lin", ("Kirov",), "1950-02") == (doc.title, doc.authors, str(doc.date))
    assert "Kirov asks Lin for an invented timetable." == doc.summary


def test_letter_recipient_place_archive_rights() -> None:
    """A letter: A2 recipient among the people, CY a place, DB another archive, CR rights."""
    doc = next(d for d in ssd.load_ris(RIS / "served.ris") if d.title.startswith("Letter"))
    assert (("Kirov, Pavel",), ("Harbin",)) == (doc.people, doc.places)
    assert ("Invented Provincial Archive", "Invented rights statement.") == (
        doc.original_archive,
        doc.rights,
    )
    assert "A2 (recipients): Kirov, Pavel" in (doc.provenance[0].note or "")


def test_approximate_date_part() -> None:
    """'circa' in the fourth date part makes the date approximate."""
    cat = ssd.loads_ris("TY  - MANSCPT\nTI  - A\nDA  - 1950/02//circa\nER  -\n")
    assert "1950-02~" == str(cat.documents[0].date)


def test_missing_er_is_an_error_with_record_and_line() -> None:
    """A record without 'ER  -' names its record number and first line."""
    text = "TY  - GEN\nTI  - A\nER  -\n\nTY  - GEN\nTI  - B\nTY  - GEN\n"
    with pytest.raises(
        ssd.RisParseError, match=r"record 2, line 7: expected 'ER  -' closing the record before"
    ):
        ssd.loads_ris(text)


def test_text_before_first_record_is_an_error() -> None:
    """Text that is not 'TY  -' where a record should start is an error with its line."""
    with pytest.raises(ssd.RisParseError, match=r"record 1, line 2: expected 'TY  - <type>'"):
        ssd.loads_ris("\nhello\n")


def test_missing_title_is_an_error() -> None:
    """A record without TI/T1 is an error naming the record."""
    with pytest.raises(ssd.RisParseError, match=r"record 1, line 1: expected a title"):
        ssd.loads_ris("TY  - GEN\nAU  - X\nER  -\n")


def test_malformed_date_is_an_error_with_its_line() -> None:
    """A date that is no date names the record and the DA line."""
    with pytest.raises(ssd.RisParseError, match=r"record 1, line 3: expected a real date"):
        ssd.loads_ris("TY  - MANSCPT\nTI  - A\nDA  - 1950/13/01\nER  -\n")


def test_ris_error_is_a_value_error() -> None:
    """RisParseError is also a ValueError."""
    with pytest.raises(ValueError, match="expected 'TY"):
        ssd.loads_ris("XX")


def test_reads_what_the_exporter_writes(bundled: ssd.Catalogue) -> None:
    """The library's RIS writer and this reader agree on titles, dates, types and addresses."""
    docs = list(bundled)
    cat = ssd.loads_ris(ssd.to_ris(docs))
    assert [(d.title, d.date, d.type, d.record_id) for d in docs] == [
        (d.title, d.date, d.type, d.record_id) for d in cat
    ]


def test_second_value_of_a_single_tag_is_kept_in_the_note() -> None:
    """A second title or abstract is not dropped: it goes to the provenance note."""
    cat = ssd.loads_ris("TY  - MANSCPT\nTI  - A\nT1  - B\nAB  - S\nN2  - S\nER  -\n")
    doc = cat.documents[0]
    assert ("A", "S") == (doc.title, doc.summary)
    assert "T1: B" == doc.provenance[0].note


@pytest.mark.parametrize("number", ["²", "①", "³⁴", "١٢", "9²"])
def test_unicode_digits_in_the_address_give_no_record_id(number: str) -> None:
    """UR .../document/² (or /document/١٢) gives no record id; the address is kept."""
    url = f"https://digitalarchive.wilsoncenter.org/document/{number}"
    (doc,) = ssd.loads_ris(f"TY  - GEN\nTI  - A\nUR  - {url}\nER  -\n")
    assert (None, url) == (doc.record_id, doc.url)


@pytest.mark.parametrize("date", ["1958/0²", "1958/٠٢/", "¹⁹⁵⁸/02/01", "1958/02/①"])
@pytest.mark.parametrize("tag", ["PY", "DA"])
def test_unicode_digits_in_a_date_are_an_error_with_its_line(tag: str, date: str) -> None:
    """A date part written with other digits raises RisParseError naming record and line."""
    with pytest.raises(
        ssd.RisParseError, match=r"record 1, line 3: expected a date as YYYY/MM/DD/"
    ):
        ssd.loads_ris(f"TY  - GEN\nTI  - A\n{tag}  - {date}\nER  -\n")


@given(number_texts, st.sampled_from(["UR", "DA"]))
def test_numbers_of_any_digits_are_read_only_in_ascii(number: str, tag: str) -> None:
    """A record id or date part of Unicode digits is never read as a number: the address
    gives no record id, the date raises RisParseError; ASCII digits are read."""
    ascii_number = number.isascii() and number.isdecimal()
    if tag == "UR":
        (doc,) = ssd.loads_ris(
            f"TY  - GEN\nTI  - A\nUR  - https://x.org/document/{number}\nER  -\n"
        )
        assert ((int(number) or None) if ascii_number else None) == doc.record_id
        return
    text = f"TY  - GEN\nTI  - A\nDA  - 1958/{number}/\nER  -\n"
    if ascii_number and int(number) <= 12:
        (doc,) = ssd.loads_ris(text)
        assert (int(number) or None) == (doc.date.month if doc.date else -1)
    else:
        with pytest.raises(ssd.RisParseError, match="record 1, line 3"):
            ssd.loads_ris(text)


def test_undecodable_file_is_a_ris_parse_error(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 raise RisParseError naming the file, line and byte offset."""
    path = tmp_path / "bin.ris"
    path.write_bytes(b"TY  - GEN\nTI  - caf\xe9\nER  -\n")
    with pytest.raises(
        ssd.RisParseError,
        match=r"bin\.ris, line 2: expected UTF-8 text, found b'\\xe9' at byte offset 19",
    ):
        ssd.load_ris(path)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://digitalarchive.wilsoncenter.org/document/112088#top", 112088),
        ("https://digitalarchive.wilsoncenter.org/document/110385.pdf?v=eda1d0de", 110385),
        ("https://wilson-center-digital-archive.dvincitest.com/node/98504", None),
    ],
)
def test_record_id_from_the_address_as_the_page_loader_reads_it(
    url: str, expected: int | None
) -> None:
    """UR gives the record id by the same rules as page addresses (fragment, .pdf, no node)."""
    (doc,) = ssd.loads_ris(f"TY  - GEN\nTI  - A\nUR  - {url}\nER  -\n")
    assert expected == doc.record_id


# -- hostile records -----------------------------------------------------------------------


def test_a_second_date_is_kept_in_the_note() -> None:
    """A second DA or PY does not vanish: the first is the date, the others are in the note."""
    (doc,) = ssd.loads_ris(
        "TY  - MANSCPT\nTI  - A\nDA  - 1950\nDA  - 1951\nPY  - 1952\nPY  - 1953\nER  - \n"
    )
    assert ("1950", ("1950", "1952")) == (str(doc.date), doc.dates_printed)
    assert "DA: 1951; PY: 1953" == doc.provenance[0].note


def test_a_byte_order_mark_and_a_lone_surrogate() -> None:
    """A leading BOM is dropped; a lone surrogate in a str is a RisParseError at its line."""
    assert 1 == len(ssd.loads_ris("\ufeffTY  - GEN\nTI  - A\nER  - \n"))
    with pytest.raises(
        ssd.RisParseError, match=r"<ris>, line 2: expected text, found a lone surrogate"
    ):
        ssd.loads_ris("TY  - GEN\nTI  - \ud800\nER  - \n")


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (
            b"TY  - GEN\nTI  - A\x00\nER  - \n",
            "line 2: expected text, found a NUL character at byte offset 17",
        ),
        (
            "TY  - GEN\nTI  - Café\nER  - \n".encode("utf-16"),
            "line 1: expected UTF-8 text, found a UTF-16",
        ),
        (
            "TY  - GEN\nTI  - Café\nER  - \n".encode("latin-1"),
            r"line 2: expected UTF-8 text, found b'\\xe9'",
        ),
    ],
)
def test_a_file_that_is_no_utf8_text_names_file_line_and_offset(
    tmp_path: Path, data: bytes, found: str
) -> None:
    """A NUL, a UTF-16 file or Latin-1 bytes raise RisParseError naming the file and place."""
    path = tmp_path / "other.ris"
    path.write_bytes(data)
    with pytest.raises(ssd.RisParseError, match=rf"other\.ris, {found}"):
        ssd.load_ris(path)


def test_a_record_id_of_five_thousand_digits_is_none() -> None:
    """An address with 5,000 digits gives no record id, not Python's integer-digit error."""
    (doc,) = ssd.loads_ris(
        "TY  - GEN\nTI  - A\nUR  - https://x.org/document/" + "1" * 5000 + "\nER  - \n"
    )
    assert doc.record_id is None


def _record(body: str, copies: int = 1) -> str:
    return f"TY  - MANSCPT\n{body}ER  - \n" * copies


def test_repeated_titles_cost_linear_steps() -> None:
    """Thousands of TI lines: each extra title is noted once, without a search per title."""
    from tests.steps import growth

    def make(n: int) -> Any:
        text = _record("".join(f"TI  - T{i}\n" for i in range(n)))
        return lambda: ssd.loads_ris(text)

    assert growth(make, 300) < 2.3
    (doc,) = ssd.loads_ris(_record("TI  - A\nTI  - B\nT1  - B\n"))
    assert "TI: B" == doc.provenance[0].note


def test_continuation_lines_are_joined_in_order() -> None:
    """Continuation lines make one value, blank ones aside (their cost: bench_growth.py)."""
    (doc,) = ssd.loads_ris(_record("TI  - A\nAB  - first\n" + "more\n\n" * 3))
    assert "first\nmore\nmore\nmore" == doc.summary


def test_copies_of_one_record_merge_in_linear_steps() -> None:
    """8,000 copies of a record cost about twice 4,000, and keep every copy's provenance."""
    from tests.steps import growth

    def make(n: int) -> Any:
        text = _record("TI  - A\nUR  - https://x.org/document/5\n", n)
        return lambda: ssd.loads_ris(text)

    assert growth(make, 200) < 2.3
    (doc,) = ssd.loads_ris(_record("TI  - A\nUR  - https://x.org/document/5\n", 50))
    assert 50 == len(doc.provenance)


def test_a_date_dateutil_cannot_read_is_a_ris_parse_error() -> None:
    """One bad PY value is a RisParseError naming its record and line."""
    with pytest.raises(ssd.RisParseError, match="record 1, line 3"):
        ssd.loads_ris("TY  - GEN\nTI  - A\nPY  - 19970902090807197090209080710h\nER  - \n")


_TAGS = st.sampled_from(
    ["TY", "ER", "TI", "T1", "AU", "DA", "PY", "UR", "KW", "LA", "N1", "ID", "XX", "ty", "T", "1A"]
)
_RIS_VALUES = st.text(max_size=20) | st.sampled_from(
    ["1950/02//", "1950/02/30/", "0000///", "https://x.org/document/12", "²", "١٩٥٠", ""]
)
_RIS_LINES = st.one_of(
    st.tuples(_TAGS, st.sampled_from(["  - ", " - ", "  -", "- "]), _RIS_VALUES).map("".join),
    st.text(max_size=20),
)


@given(st.lists(_RIS_LINES, max_size=25).map("\n".join))
def test_loads_ris_raises_only_ris_parse_error(text: str) -> None:
    """Tag lines and noise in any order, any Unicode, separators and NUL included: a
    catalogue or RisParseError."""
    with contextlib.suppress(ssd.RisParseError):
        ssd.loads_ris(text)


def test_bt_is_a_manuscripts_title_only_and_id_names_a_record_without_address() -> None:
    """BT titles a MANSCPT without TI (not a GEN); ID is the id when no address gives one."""
    (doc,) = ssd.loads_ris("TY  - MANSCPT\nBT  - Book title\nID  - my-id\nER  - \n")
    assert ("Book title", "my-id", None) == (doc.title, doc.id, doc.record_id)
    with pytest.raises(ssd.RisParseError, match="expected a title"):
        ssd.loads_ris("TY  - GEN\nBT  - Book title\nER  - \n")
    (doc,) = ssd.loads_ris(
        "TY  - GEN\nTI  - A\nID  - my-id\nUR  - https://x.org/document/7\nER  - \n"
    )
    assert ("7", 7) == (doc.id, doc.record_id)


def test_the_record_type_comes_first_in_the_note() -> None:
    """A record of another type than MANSCPT says so before the other notes."""
    (doc,) = ssd.loads_ris("TY  - LETTER\nTI  - A\nN1  - a note\nER  - \n")
    assert "RIS type LETTER; N1: a note" == doc.provenance[0].note


def test_a_missing_ty_names_the_next_record_number() -> None:
    """After two good records, a stray line is said to be where record 3 should start."""
    good = "TY  - GEN\nTI  - A\nER  - \n"
    with pytest.raises(
        ssd.RisParseError,
        match=r"record 3, line 7: expected 'TY  - <type>' starting record 3, found 'stray'",
    ):
        ssd.loads_ris(good * 2 + "stray\n")


def test_one_space_before_the_hyphen_is_tolerated() -> None:
    """'TI - value' (one space, as some exports write) is a tag line like 'TI  - value'."""
    (doc,) = ssd.loads_ris("TY - GEN\nTI - A title\nER  - \n")
    assert "A title" == doc.title


@pytest.mark.parametrize("tag", ["1A", "ЖY"])
def test_a_tag_must_start_with_an_ascii_capital_letter(tag: str) -> None:
    """'1A  - x' and 'ЖY  - x' are no tag lines: they continue the value before them."""
    (doc,) = ssd.loads_ris(f"TY  - GEN\nTI  - A\n{tag}  - x\nER  - \n")
    assert f"A\n{tag}  - x" == doc.title


def test_blank_lines_after_ty_are_skipped_and_stray_ones_reported_cut() -> None:
    """A blank line before the first tag is nothing; a stray line there is an error quoting
    its first 40 characters."""
    (doc,) = ssd.loads_ris("TY  - GEN\n\nTI  - A\nER  - \n")
    assert "A" == doc.title
    stray = "x" * 39 + "yz"
    with pytest.raises(ssd.RisParseError, match=rf"found '{'x' * 39}y'$"):
        ssd.loads_ris(f"TY  - GEN\n{stray}\nER  - \n")
    with pytest.raises(ssd.RisParseError, match=rf"starting record 1, found '{'x' * 39}y'$"):
        ssd.loads_ris(f"{stray}\n")


@pytest.mark.parametrize("date", ["19970902090807197090209080710h", "１９５０", "1950\x00"])
def test_a_date_no_reader_takes_is_a_ris_parse_error(date: str) -> None:
    """A date that once crashed dateutil, or in other digits, is a problem of the record."""
    with pytest.raises(ssd.RisParseError, match="line 3"):
        ssd.loads_ris(f"TY  - MANSCPT\nTI  - A title\nDA  - {date}\nER  - \n")
