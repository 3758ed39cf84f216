"""Reading the authority files: through the converter, with every bad field named; lazily."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.names import PeopleAuthority, PlaceAuthority
from sinosoviet_docs.names._authority import _file_words


def test_a_malformed_authority_file_names_the_field(tmp_path: Path) -> None:
    """A record without a name raises AuthorityLoadError naming file and field."""
    path = tmp_path / "people.json"
    path.write_text(json.dumps({"people": [{"id": "x"}]}), encoding="utf-8")
    with pytest.raises(ssd.AuthorityLoadError) as caught:
        PeopleAuthority(path=path).resolve("x")
    assert f"{path}: $.people[0].name: expected a non-empty string" == str(caught.value)


def test_an_authority_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    """Broken JSON raises AuthorityLoadError with the line, and is also a ValueError."""
    path = tmp_path / "places.json"
    path.write_text('{"places": [\n oops ]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"places.json: line 2: not JSON"):
        len(PlaceAuthority(path=path))


def test_import_does_not_read_the_authority() -> None:
    """`import sinosoviet_docs` leaves the people and places files unread."""
    code = (
        "import sinosoviet_docs as s; "
        "print(s.people._records is None and s.places._records is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "True" == out.stdout.strip()


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "people.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_bad_field_is_named_with_its_path(tmp_path: Path) -> None:
    """Each bad value gives one line: file, path in the file, what was expected there."""
    person = {
        "id": "x",
        "name": "X",
        "order": "north",
        "born": "1900",
        "code_names": [{"name": "Y", "years": "1952/1948"}],
        "spellings": ["a", ""],
    }
    path = _write(tmp_path, {"people": [person]})
    with pytest.raises(ssd.AuthorityLoadError) as caught:
        len(PeopleAuthority(path=path))
    assert [
        f"{path}: $.people[0].born: expected a year (integer) or null, found a string '1900'",
        f"{path}: $.people[0].spellings: expected a list of non-empty strings, "
        "found an array ['a', '']",
        f"{path}: $.people[0].code_names[0].years: code-name years must be 'YYYY' or "
        "'YYYY/YYYY', not '1952/1948'",
        f"{path}: $.people[0].order: expected 'western' or 'eastern', found a string 'north'",
    ] == str(caught.value).splitlines()


def test_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    """A misspelt key never vanishes silently: the file is refused, naming the key."""
    path = _write(tmp_path, {"people": [{"id": "x", "name": "X", "spelings": ["Y"]}]})
    with pytest.raises(ssd.AuthorityLoadError, match=r"\$\.people\[0\]: unknown key 'spelings'"):
        len(PeopleAuthority(path=path))


def test_a_file_without_its_list_says_what_was_expected(tmp_path: Path) -> None:
    """A places file without "places" names the missing list."""
    path = tmp_path / "places.json"
    path.write_text('{"sources": "here"}', encoding="utf-8")
    with pytest.raises(ssd.AuthorityLoadError) as caught:
        len(PlaceAuthority(path=path))
    assert f"{path}: $.places: expected a list" == str(caught.value)


def test_order_eastern_puts_the_family_name_first(tmp_path: Path) -> None:
    """ "order": "eastern" in the file is family_first on the record; the default is western."""
    path = _write(
        tmp_path,
        {
            "people": [
                {"id": "a", "name": "Li Wei", "order": "eastern"},
                {"id": "b", "name": "Ivan Li"},
            ]
        },
    )
    authority = PeopleAuthority(path=path)
    assert (True, False) == (authority["a"].family_first, authority["b"].family_first)


def test_two_records_with_one_id_are_refused() -> None:
    """Ids are unique within an authority."""
    twice = [ssd.Place(id="x", name="A"), ssd.Place(id="x", name="B")]
    with pytest.raises(ssd.AuthorityLoadError, match="two place records share the id 'x'"):
        len(PlaceAuthority(twice))


def test_mentions_of_a_text_seen_before_still_depend_on_the_date_given() -> None:
    """A text's scan is kept, but whether a code name counts is settled by each call's date."""
    authority = PeopleAuthority()
    text = "Semenov to Zhou Enlai"
    for year, expected in ((1952, ["Joseph Stalin", "Zhou Enlai"]), (1965, ["Zhou Enlai"])) * 2:
        found = authority.mentions(text, date=ssd.PartialDate(year=year))
        assert [p.name for p in found] == expected
    assert [p.name for p in authority.mentions(text, date=None)] == ["Zhou Enlai"]
    cable = "Cable, Terebin to F. Kuznetsov"
    assert [p.name for p in authority.mentions(cable, date=ssd.PartialDate(year=1948))] == [
        "Andrei Orlov",
        "Joseph Stalin",
    ]
    assert "Joseph Stalin" not in [
        p.name for p in authority.mentions(cable, date=ssd.PartialDate(year=1965))
    ]


def test_the_scans_an_authority_keeps_are_bounded() -> None:
    from sinosoviet_docs.names import _authority

    authority = PeopleAuthority()
    for n in range(_authority._SCANS_KEPT + 10):
        authority.mentions(f"Letter {n} from Mao Zedong")
    assert 0 < len(authority._scans) <= _authority._SCANS_KEPT


def test_a_long_text_is_scanned_but_its_scan_not_kept() -> None:
    """A full text is read for mentions each time; only short texts' scans are kept, so
    the authority does not hold whole documents."""
    from sinosoviet_docs.names import _authority

    authority = PeopleAuthority()
    long_text = "Mao Zedong met Stalin. " + "Nothing more was said. " * 40
    assert len(long_text) > _authority._SCANNED_TEXT
    assert [p.name for p in authority.mentions(long_text)] == ["Mao Zedong", "Joseph Stalin"]
    assert long_text not in authority._scans
    authority.mentions("Mao Zedong to Stalin")
    assert "Mao Zedong to Stalin" in authority._scans


def _asked_at_once(authority: PeopleAuthority, name: str, threads: int) -> list[object]:
    """What ``threads`` threads, started together, each get from ``authority.resolve``."""
    import threading

    start = threading.Barrier(threads)
    answers: list[object] = []

    def ask() -> None:
        start.wait()
        try:
            answers.append(authority.resolve(name))
        except BaseException as exc:
            answers.append(exc)

    running = [threading.Thread(target=ask) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return answers


def test_threads_using_a_fresh_authority_at_once_read_it_once() -> None:
    """Several threads asking a fresh authority at the same moment all get the answer;
    none sees the records half indexed or indexes them twice."""
    for _ in range(5):
        answers = _asked_at_once(PeopleAuthority(), "Chou En-lai", 4)
        assert [getattr(p, "name", p) for p in answers] == ["Zhou Enlai"] * 4


def test_a_bundled_file_that_is_not_json_is_an_authority_error_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check of a name's words against the bundled file reports a broken file as the
    reading of it does: AuthorityLoadError with the file and line."""
    from sinosoviet_docs.names import _authority

    monkeypatch.setattr(_authority, "read_bundled", lambda name: ("{broken", f"bundled:{name}"))
    with pytest.raises(ssd.AuthorityLoadError, match=r"bundled:.*: line 1: not JSON"):
        PeopleAuthority().resolve("important")


@pytest.mark.parametrize("make", [PeopleAuthority, PlaceAuthority])
def test_a_word_of_no_string_of_the_file_names_nobody_unread(
    make: type[PeopleAuthority] | type[PlaceAuthority],
) -> None:
    """A word no string of the bundled file holds resolves to nobody without the records
    being read; once read, the same word still names nobody."""
    fresh = make()
    assert fresh.resolve("important") is None
    assert fresh.variants("ammunitions") == ()
    assert fresh._records is None
    assert len(fresh) > 0  # now read
    assert fresh.resolve("important") is None
    assert fresh.variants("ammunitions") == ()


def test_a_name_is_still_read_and_resolved() -> None:
    """A word of the file reads the records: a name, a gloss and a heading resolve as before."""
    for name, canonical in [
        ("stalin", "Joseph Stalin"),
        ("Cde. X [Stalin]", "Joseph Stalin"),
        ("Chou, En-lai", "Zhou Enlai"),
    ]:
        found = PeopleAuthority().resolve(name)
        assert found is not None
        assert canonical == found.name


@pytest.mark.parametrize("make", [PeopleAuthority, PlaceAuthority])
def test_every_form_ends_in_a_word_of_the_file(
    make: type[PeopleAuthority] | type[PlaceAuthority],
) -> None:
    """What the shortcut relies on: the last word of every indexed form, and every family
    name, is a word of a string of the bundled file."""
    authority = make()
    len(authority)
    words = _file_words(authority._rules.bundled)
    assert {key[-1] for key in authority._alias} <= words
    family = getattr(authority._rules, "_family", {})
    assert set(family) <= words
    assert "important" not in words
