"""Reading and writing catalogues: round trips, strictness, errors with places, atomic writes."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import io as ssd_io
from sinosoviet_docs._convert import get_converter, unstructure_document

from .strategies import catalogues, document_dates


@given(catalogues())
def test_json_round_trip(cat: ssd.Catalogue) -> None:
    """loads(dumps(x)) == x for any valid catalogue."""
    assert cat == ssd.loads(ssd.dumps(cat))


@given(catalogues())
def test_jsonl_round_trip(cat: ssd.Catalogue) -> None:
    """The JSON Lines layout loses nothing either."""
    assert cat == ssd.loads(ssd.dumps(cat, format="jsonl"))


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_dump_load_file_round_trip(bundled: ssd.Catalogue, tmp_path: Path, suffix: str) -> None:
    """dump() then load() of a file gives back an equal catalogue, in both layouts."""
    path = tmp_path / f"out{suffix}"
    ssd.dump(bundled, path)
    assert bundled == ssd.load(path)


def test_jsonl_is_one_record_a_line(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """A .jsonl file has a header line and then one document a line."""
    path = tmp_path / "out.jsonl"
    ssd.dump(bundled, path)
    lines = path.read_text("utf-8").splitlines()
    assert 1 + len(bundled) == len(lines)
    assert [d.id for d in bundled] == [json.loads(line)["id"] for line in lines[1:]]


def test_partial_dates_stay_partial(tmp_path: Path) -> None:
    """A month-only date is written as EDTF and read back with month precision."""
    doc = ssd.Document(id="x", title="T", date=ssd.PartialDate.parse("December, 1959"))
    text = ssd.dumps(ssd.Catalogue(documents=[doc]))
    assert '"date": "1959-12"' in text
    assert "month" == ssd.loads(text)["x"].date.precision


@given(catalogues(dates=document_dates()))
def test_round_trip_of_every_precision_and_of_ranges(cat: ssd.Catalogue) -> None:
    """Dates of every precision and ranges (open ends too) are saved and loaded unchanged,
    in both layouts and through the converter that explains bad data."""
    assert cat == ssd.loads(ssd.dumps(cat))
    assert cat == ssd.loads(ssd.dumps(cat, format="jsonl"))
    for doc in cat:
        data = unstructure_document(doc)
        assert doc == get_converter().structure(data, ssd.Document)


def test_range_dates_are_edtf_intervals_at_schema_version_2() -> None:
    """A range is written as an EDTF interval, open ends as '..', in a version 2 file."""
    docs = [
        ssd.Document(id="a", title="T", date=ssd.DateRange.parse("1950-1953")),
        ssd.Document(id="b", title="T", date=ssd.DateRange.parse("1950/..")),
    ]
    data = json.loads(ssd.dumps(ssd.Catalogue(documents=docs)))
    assert 2 == data["schema_version"]
    assert ["1950/1953", "1950/.."] == [d["date"] for d in data["documents"]]


def test_bad_range_reported_with_path() -> None:
    """A range that ends before it starts is reported like any bad date, with its path."""
    error = _load_error(_catalogue_json(_document_json(), _document_json(date="1953/1950")))
    assert [
        "cannot read date '1953/1950': the start 1953 is after the end 1950 @ $.documents[1].date"
    ] == list(error.errors)


def test_version_1_files_still_load() -> None:
    """A file of schema version 1 (single dates only) loads as it did."""
    text = _catalogue_json(_document_json(), _document_json(id="d2", date="195X~"))
    assert 1 == json.loads(text)["schema_version"]
    cat = ssd.loads(text)
    assert ["195X~", "1950-02"] == [str(d.date) for d in cat]


def test_unknown_suffix_is_an_error(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """A file name that is neither .json nor .jsonl is refused, naming the suffix."""
    with pytest.raises(ssd.FormatError, match=r"'\.txt'"):
        ssd.dump(bundled, tmp_path / "out.txt")
    assert [] == list(tmp_path.iterdir())


def test_write_error_names_the_target(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """A write into a missing folder names the file asked for, not a temporary file."""
    target = tmp_path / "missing" / "out.json"
    with pytest.raises(FileNotFoundError) as info:
        ssd.dump(bundled, target)
    assert str(target) == info.value.filename


def _document_json(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": "d1", "title": "A title", "date": "1950-02"}
    data.update(changes)
    return data


def _catalogue_json(*documents: dict[str, Any]) -> str:
    return json.dumps(
        {
            "kind": "sinosoviet_docs.catalogue",
            "schema_version": 1,
            "collections": [],
            "documents": list(documents),
        }
    )


def _load_error(text: str) -> ssd.CatalogueLoadError:
    with pytest.raises(ssd.CatalogueLoadError) as info:
        ssd.loads(text)
    return info.value


def test_bad_date_reported_with_path() -> None:
    """An impossible date is reported with its document index and field."""
    docs = [_document_json(id=f"d{i}") for i in range(42)]
    docs[41]["date"] = "1950-02-30"
    error = _load_error(_catalogue_json(*docs))
    assert 1 == len(error.errors)
    assert "'1950-02-30'" in error.errors[0]
    assert error.errors[0].endswith("@ $.documents[41].date")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", None, "expected a string, found null @ $.documents[0].title"),
        ("title", 12, "expected a string, found an integer 12 @ $.documents[0].title"),
        ("people", "Stalin", "expected an array, found a string 'Stalin' @ $.documents[0].people"),
        (
            "record_id",
            "112088",
            "expected an integer, found a string '112088' @ $.documents[0].record_id",
        ),
        (
            "record_id",
            True,
            "expected an integer, found true @ $.documents[0].record_id",
        ),
        ("people", ["Stalin", None], "expected a string, found null @ $.documents[0].people[1]"),
        ("date", 1950, "expected an EDTF date string, found an integer 1950 @ $.documents[0].date"),
    ],
)
def test_wrong_types_are_reported_not_coerced(field: str, value: object, expected: str) -> None:
    """null, numbers and strings never turn into strings or character tuples."""
    error = _load_error(_catalogue_json(_document_json(**{field: value})))
    assert [expected] == list(error.errors)


def test_unknown_key_is_named() -> None:
    """A misspelt field is an error naming the key, not silently dropped."""
    error = _load_error(_catalogue_json(_document_json(titel="x")))
    assert ["unknown key 'titel' @ $.documents[0]"] == list(error.errors)


def test_missing_required_field_is_named() -> None:
    """A document without a title says which field is missing."""
    data = _document_json()
    del data["title"]
    error = _load_error(_catalogue_json(data))
    assert ["required field missing @ $.documents[0].title"] == list(error.errors)


def test_every_bad_field_is_reported() -> None:
    """All problems of a file come in one error, not just the first."""
    error = _load_error(
        _catalogue_json(_document_json(id="a", date="sometime"), _document_json(id="b", title=None))
    )
    assert 2 == len(error.errors)
    assert error.errors[0].endswith("@ $.documents[0].date")
    assert error.errors[1].endswith("@ $.documents[1].title")


def test_validator_errors_are_readable() -> None:
    """A value that breaks an invariant (a blank title) is reported in its own words."""
    error = _load_error(_catalogue_json(_document_json(title="   ")))
    assert ["title must not be empty or blank @ $.documents[0]"] == list(error.errors)


def test_duplicate_ids_are_an_error() -> None:
    """Two documents with one id make an invalid catalogue."""
    error = _load_error(_catalogue_json(_document_json(), _document_json()))
    assert "share the id 'd1'" in error.errors[0]


def test_popular_id_must_exist() -> None:
    """A collection's popular list may only name documents of the catalogue."""
    data = json.loads(_catalogue_json(_document_json()))
    data["collections"] = [{"slug": "c", "title": "C", "popular": ["nope"]}]
    error = _load_error(json.dumps(data))
    assert ["no document with id 'nope' @ $.collections[0].popular[0]"] == list(error.errors)


def test_schema_version_is_checked() -> None:
    """A file of another schema version is refused with the version found."""
    data = json.loads(_catalogue_json())
    data["schema_version"] = 99
    error = _load_error(json.dumps(data))
    assert (
        "expected schema_version 1 or 2 (the versions this library reads), "
        "found an integer 99 @ $.schema_version" == error.errors[0]
    )


def test_invalid_json_says_where() -> None:
    """Broken JSON names the line and column."""
    error = _load_error('{"kind": ')
    assert error.errors[0].startswith("invalid JSON at line 1, column 10")


def test_file_name_in_message(tmp_path: Path) -> None:
    """Errors from a file start with the file's name."""
    path = tmp_path / "broken.json"
    path.write_text(_catalogue_json(_document_json(date="1950-13")), "utf-8")
    with pytest.raises(ssd.CatalogueLoadError) as info:
        ssd.load(path)
    assert str(path) == info.value.source
    assert str(info.value).startswith(f"{path}: ")


def test_jsonl_errors_name_the_line(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """In a .jsonl file a bad record is reported with its line number and field."""
    path = tmp_path / "cat.jsonl"
    ssd.dump(bundled, path)
    lines = path.read_text("utf-8").splitlines()
    record = json.loads(lines[5])
    record["date"] = "February 30, 1950"
    lines[5] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(ssd.CatalogueLoadError) as info:
        ssd.load(path)
    assert 6 == info.value.line
    assert str(info.value).startswith(f"{path}: line 6: ")
    assert info.value.errors[0].endswith("@ $.date")


def test_jsonl_broken_json_names_the_line(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """Broken JSON on a line of a .jsonl file gives that line's number."""
    path = tmp_path / "cat.jsonl"
    ssd.dump(bundled, path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json}\n")
    with pytest.raises(ssd.CatalogueLoadError) as info:
        ssd.load(path)
    assert len(bundled) + 2 == info.value.line
    assert f"invalid JSON at line {len(bundled) + 2}" in str(info.value)


def test_dump_is_atomic(
    bundled: ssd.Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupted write leaves the old file whole and no temporary file behind."""
    path = tmp_path / "cat.jsonl"
    ssd.dump(bundled, path)
    before = path.read_bytes()

    def failing_lines(cat: ssd.Catalogue) -> Any:
        yield "{}\n"
        raise KeyboardInterrupt

    monkeypatch.setattr(ssd_io, "_jsonl_lines", failing_lines)
    with pytest.raises(KeyboardInterrupt):
        ssd.dump(bundled, path)
    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_dump_keeps_file_mode(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """Replacing a file keeps its permissions; a new file is readable by others."""
    path = tmp_path / "cat.json"
    ssd.dump(bundled, path)
    assert 0o644 == path.stat().st_mode & 0o777
    path.chmod(0o600)
    ssd.dump(bundled, path)
    assert 0o600 == path.stat().st_mode & 0o777


def test_bundled_load_is_shared() -> None:
    """load() with no argument reads the bundled file once and shares the result."""
    assert ssd.load() is ssd.load()


@given(catalogues())
def test_fast_path_agrees_with_converter(cat: ssd.Catalogue) -> None:
    """The fast document reader builds exactly what the cattrs converter builds."""
    from sinosoviet_docs._convert import document_reader, get_converter, unstructure_document

    read = document_reader()
    for doc in cat:
        data = json.loads(json.dumps(unstructure_document(doc)))
        assert get_converter().structure(data, ssd.Document) == read(data, "$") == doc


def test_repeated_values_are_shared_within_a_load(bundled: ssd.Catalogue) -> None:
    """Equal collection tuples and equal dates of one load are one object each."""
    cat = ssd.loads(ssd.dumps(bundled))
    by_collections: dict[tuple[str, ...], set[int]] = {}
    by_date: dict[str, set[int]] = {}
    for doc in cat:
        by_collections.setdefault(doc.collections, set()).add(id(doc.collections))
        by_date.setdefault(str(doc.date), set()).add(id(doc.date))
    assert all(1 == len(ids) for ids in by_collections.values())
    assert all(1 == len(ids) for ids in by_date.values())
    assert any(
        len(d.collections) and d.collections is e.collections
        for d in cat
        for e in cat
        if d is not e
    )


def test_gc_is_restored_after_loading(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """Loading pauses the garbage collector and switches it back on, even after an error."""
    import gc

    path = tmp_path / "bad.json"
    path.write_text("{", "utf-8")
    with pytest.raises(ssd.CatalogueLoadError):
        ssd.load(path)
    assert gc.isenabled()
    ssd.loads(ssd.dumps(bundled))
    assert gc.isenabled()


def test_bad_popular_document_is_reported_once(bundled: ssd.Catalogue) -> None:
    """A popular document with a bad field gives its own error, not a second dangling-id one."""
    data = json.loads(ssd.dumps(bundled))
    popular_id = data["collections"][0]["popular"][0]
    record = next(d for d in data["documents"] if d["id"] == popular_id)
    record["date"] = "1952-02-30"
    error = _load_error(json.dumps(data))
    assert 1 == len(error.errors)
    assert error.errors[0].endswith(".date")


def test_to_data_and_from_data_round_trip_every_record(bundled: ssd.Catalogue) -> None:
    """to_data gives what the catalogue files hold; from_data reads it back to equal records."""
    doc = bundled["112088"]
    col = bundled.collection("sino-soviet-alliance-1950-1959")
    assert bundled == ssd.from_data(ssd.to_data(bundled), ssd.Catalogue)
    assert doc == ssd.from_data(ssd.to_data(doc), ssd.Document)
    assert col.ref() == ssd.from_data(ssd.to_data(col.ref()), ssd.CollectionRef)
    assert json.loads(ssd.dumps(bundled)) == ssd.to_data(bundled)


def test_from_data_names_the_bad_field() -> None:
    """A record that cannot be read raises CatalogueLoadError saying what is wrong."""
    with pytest.raises(ssd.CatalogueLoadError, match="rank must be a positive integer"):
        ssd.from_data({"collection": "c", "rank": 0}, ssd.Popularity)


# -- hostile input -------------------------------------------------------------------------

SEPARATORS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_unicode_line_separator_survives_dumps_and_loads(fmt: ssd_io.Format) -> None:
    """A title holding U+2028, U+2029, U+0085 (and the rest) reads back from the string."""
    docs = [ssd.Document(id="a", title=f"T{SEPARATORS}x"), ssd.Document(id="b", title="B")]
    cat = ssd.Catalogue(documents=docs)
    assert cat == ssd.loads(ssd.dumps(cat, format=fmt))


def test_a_repeated_key_is_an_error_naming_it() -> None:
    """{"title": "A", "title": "B"} does not keep B silently."""
    text = _catalogue_json(_document_json()).replace(
        '"title": "A title"', '"title": "A", "title": "B"'
    )
    assert ["repeated key 'title' @ $.documents[0]"] == list(_load_error(text).errors)


def test_two_documents_keys_are_an_error() -> None:
    """A second top-level documents array is refused, not read instead of the first."""
    text = _catalogue_json(_document_json())[:-1] + ', "documents": []}'
    assert ["repeated key 'documents' @ $"] == list(_load_error(text).errors)


def test_a_repeated_key_in_jsonl_names_the_line(bundled: ssd.Catalogue) -> None:
    """In JSON Lines the line of the object is named as well."""
    lines = ssd.dumps(bundled, format="jsonl").splitlines()
    lines[3] = lines[3].replace('{"id":', '{"title": "x", "id":', 1)
    error = _load_error("\n".join(lines))
    assert (4, ["line 4: repeated key 'title' @ $"]) == (error.line, list(error.errors))


def test_deep_nesting_is_a_load_error_with_its_place(tmp_path: Path) -> None:
    """100,000 nested arrays raise CatalogueLoadError naming file, line and column."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    with pytest.raises(
        ssd.CatalogueLoadError, match=r"deep\.json: invalid JSON at line 1, column 201"
    ):
        ssd.load(path)


def test_a_huge_number_is_a_load_error_with_its_place() -> None:
    """A record id of 5,000 digits is no bare ValueError."""
    error = _load_error(
        _catalogue_json(_document_json()).replace('"d1",', '"d1", "record_id": ' + "1" * 5000 + ",")
    )
    assert "5000 digits" in error.errors[0]
    assert "line 1, column" in error.errors[0]


def test_an_escaped_lone_surrogate_is_refused_with_its_field() -> None:
    """ "\\ud800" would load and then fail on saving: it is refused on loading, with its path."""
    error = _load_error(_catalogue_json(_document_json(title="\ud800")))
    assert error.errors[0].endswith("@ $.documents[0].title")


@pytest.mark.parametrize("text", ["a\x00", "\ud800"])
def test_a_string_that_is_no_text_is_refused(text: str) -> None:
    """loads of a str with NUL or a lone surrogate raises CatalogueLoadError with the line."""
    with pytest.raises(ssd.CatalogueLoadError, match="line 2, character"):
        ssd.loads('{"kind": 1}\n' + text)


@pytest.mark.parametrize(
    ("encoding", "found"), [("latin-1", r"b'\\xe9' at line 1, byte offset"), ("utf-16", "UTF-16")]
)
def test_a_file_in_another_encoding_names_the_file(
    tmp_path: Path, encoding: str, found: str
) -> None:
    """A Latin-1 or UTF-16 catalogue raises CatalogueLoadError naming the file, not a bare error."""
    path = tmp_path / "old.json"
    text = _catalogue_json(_document_json(title="Café")).replace("\\u00e9", "é")
    path.write_bytes(text.encode(encoding))
    with pytest.raises(
        ssd.CatalogueLoadError, match=rf"old\.json: expected UTF-8 text, found .*{found}"
    ):
        ssd.load(path)


def test_bad_bytes_in_a_jsonl_file_name_line_and_offset(
    bundled: ssd.Catalogue, tmp_path: Path
) -> None:
    """A JSONL file is decoded line by line, and the error says which line and byte."""
    path = tmp_path / "c.jsonl"
    ssd.dump(bundled, path)
    data = path.read_bytes().split(b"\n")
    offset = len(b"\n".join(data[:2])) + 1
    data[2] = b"\xff" + data[2]
    path.write_bytes(b"\n".join(data))
    with pytest.raises(ssd.CatalogueLoadError, match=rf"line 3, byte offset {offset}"):
        ssd.load(path)


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_schema_version_must_be_the_integer(version: str) -> None:
    """true and 1.0 equal 1 in Python, but are not the schema version 1."""
    text = _catalogue_json().replace('"schema_version": 1', f'"schema_version": {version}')
    assert "@ $.schema_version" in _load_error(text).errors[0]


def test_duplicate_ids_in_json_name_both_places() -> None:
    """The second document with an id is named by its path, and the first too."""
    error = _load_error(
        _catalogue_json(_document_json(), _document_json(id="d2"), _document_json())
    )
    assert [
        "two documents share the id 'd1' (the first is $.documents[0]) @ $.documents[2].id"
    ] == list(error.errors)


def test_duplicate_ids_in_jsonl_name_the_line(bundled: ssd.Catalogue) -> None:
    """The JSONL error ends with a line, not a bare '@ $'."""
    lines = ssd.dumps(bundled, format="jsonl").splitlines()
    lines.append(lines[1])
    error = _load_error("\n".join(lines))
    first = bundled.documents[0].id
    assert (
        len(lines),
        [f"line {len(lines)}: two documents share the id {first!r} (the first on line 2) @ $.id"],
    ) == (error.line, list(error.errors))


@pytest.mark.parametrize("value", [None, 5, ["{}"]])
def test_loads_of_a_non_text_is_an_argument_type_error(value: object) -> None:
    """loads(None) names the argument, and is a TypeError of the library."""
    with pytest.raises(ssd.ArgumentTypeError, match=r"^text: expected catalogue text") as caught:
        ssd.loads(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert "text" == caught.value.argument


def test_dump_through_a_symlink_writes_the_target(bundled: ssd.Catalogue, tmp_path: Path) -> None:
    """The link stays a link and its target gets the new text."""
    target = tmp_path / "real.json"
    target.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    ssd.dump(bundled, link)
    assert link.is_symlink()
    assert bundled == ssd.load(target)
    assert ["link.json", "real.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_dump_onto_a_directory_names_it_not_the_temporary_file(
    bundled: ssd.Catalogue, tmp_path: Path
) -> None:
    """The error names the directory given and no temporary file is left."""
    target = tmp_path / "out.json"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        ssd.dump(bundled, target)
    assert (str(target), None) == (caught.value.filename, caught.value.filename2)
    assert ["out.json"] == [p.name for p in tmp_path.iterdir()]


def _with_separators(cat: ssd.Catalogue) -> ssd.Catalogue:
    """The catalogue with every Unicode line separator in each document's title and summary."""
    docs = [
        attrs.evolve(d, title=f"{d.title}{SEPARATORS}", summary=f"{SEPARATORS}{d.summary or ''}")
        for d in cat.documents
    ]
    return attrs.evolve(cat, documents=docs, collections=())


@given(catalogues().map(_with_separators), st.sampled_from(["json", "jsonl"]))
def test_round_trip_with_every_line_separator(cat: ssd.Catalogue, fmt: ssd_io.Format) -> None:
    """loads(dumps(x)) == x in both layouts when strings hold U+2028, U+0085, \\r ..."""
    assert cat == ssd.loads(ssd.dumps(cat, format=fmt))


@given(
    st.text(max_size=60)
    | st.binary(max_size=60)
    | catalogues(max_documents=2)
    .map(ssd.dumps)
    .flatmap(lambda text: st.integers(0, len(text)).map(lambda cut: text[:cut] + text[cut + 1 :]))
)
def test_loads_raises_only_catalogue_load_error(text: str | bytes) -> None:
    """Any text or bytes, or a catalogue with one character cut out: a catalogue or
    CatalogueLoadError."""
    with contextlib.suppress(ssd.CatalogueLoadError):
        ssd.loads(text)


def _lines_or_problem(lines: Any) -> tuple[list[str], str]:
    got: list[str] = []
    try:
        got.extend(lines)
    except ssd_io.TextProblem as exc:
        return got, str(exc)
    return got, ""


@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [b"a", b"\xc3\xa9", b"\xe9", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80"]
            ),
            max_size=4,
        ).map(b"".join),
        max_size=8,
    ),
    st.integers(1, 12),
    st.booleans(),
)
def test_text_lines_decode_as_decode_lines(
    lines: list[bytes], block: int, last_newline: bool
) -> None:
    """Block decoding of a JSONL file gives the lines, and the first problem, of one at a time."""
    import io

    from sinosoviet_docs._decode import decode_lines

    data = b"\n".join(lines) + (b"\n" if last_newline else b"")
    expected = _lines_or_problem(decode_lines(io.BytesIO(data)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ssd_io, "_BLOCK", block)
        assert expected == _lines_or_problem(ssd_io._text_lines(io.BytesIO(data)))


def test_a_range_read_for_one_date_field_is_not_taken_for_another() -> None:
    """An interval is a document's date but no upload date, even after the same text as a date."""
    header = {"kind": "sinosoviet_docs.catalogue", "schema_version": 2}
    lines = [
        header,
        {"id": "a", "title": "A", "date": "1950/1953"},
        {"id": "b", "title": "B", "uploaded": "1950/1953"},
    ]
    with pytest.raises(ssd.CatalogueLoadError) as caught:
        ssd.loads("".join(json.dumps(line) + "\n" for line in lines))
    assert ["line 3: " in e and "$.uploaded" in e for e in caught.value.errors] == [True]


def test_a_repeated_key_in_a_jsonl_header_is_named_by_loads_as_by_load(tmp_path: Path) -> None:
    """loads() of JSON Lines whose header repeats a key names the key and the line."""
    text = ssd.dumps(ssd.Catalogue(documents=[ssd.Document(id="a", title="A")]), format="jsonl")
    header, rest = text.split("\n", 1)
    bad = header.replace('{"kind": ', '{"kind": "x", "kind": ', 1) + "\n" + rest
    assert bad != text
    path = tmp_path / "bad.jsonl"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ssd.CatalogueLoadError) as from_file:
        ssd.load(path)
    with pytest.raises(ssd.CatalogueLoadError) as from_text:
        ssd.loads(bad)
    assert "repeated key 'kind'" in str(from_file.value)
    assert "repeated key 'kind'" in str(from_text.value)
