"""Writing stores: nothing lost, one step, the tables plain clients read."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.store import _writer, open, save

from ..strategies import catalogues, document_dates
from .helpers import stored


@settings(max_examples=40, deadline=None)
@given(catalogues())
def test_load_save_open_save_again_gives_equal_catalogues(cat: ssd.Catalogue) -> None:
    with stored(cat) as store:
        assert store.to_catalogue() == cat
        assert list(store) == list(cat)
        with tempfile.TemporaryDirectory() as folder:
            again = Path(folder) / "again.sqlite"
            store.save(again)
            with open(again) as reopened:
                assert reopened.to_catalogue() == cat


def test_save_replaces_a_file_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    path.write_text("old")
    ssd.load().save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["a.sqlite"]
    with open(path) as store:
        assert len(store) == len(ssd.load())


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite"
    path.write_text("old")

    def half_then_fail(connection: sqlite3.Connection, _cat: ssd.Catalogue) -> None:
        connection.execute("INSERT INTO meta VALUES ('kind', 'half')")
        raise KeyboardInterrupt

    monkeypatch.setattr(_writer, "_write", half_then_fail)
    with pytest.raises(KeyboardInterrupt):
        save(ssd.load(), path)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.sqlite"]


def test_dump_writes_a_store_by_its_suffix(tmp_path: Path) -> None:
    for name in ("a.sqlite", "b.db", "c.sqlite3"):
        ssd.dump(ssd.load(), tmp_path / name)
        with open(tmp_path / name) as store:
            assert store.to_catalogue() == ssd.load()


def test_link_tables_and_plain_search_for_other_clients(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    ssd.load().save(path)
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "people", "places", "topics", "collections", "correspondence"} <= tables
    roles = {r[0] for r in db.execute("SELECT DISTINCT role FROM people")}
    assert roles <= {"author", "person"}
    assert "sender" in {r[0] for r in db.execute("SELECT DISTINCT role FROM correspondence")}
    # The plain table finds the Filippov telegrams under 'Stalin' and Wade-Giles under pinyin.
    filippov = {
        r[0]
        for r in db.execute(
            "SELECT docno FROM documents WHERE title LIKE '%Filippov%' AND year BETWEEN 1945 AND 1953"
        )
    }
    found = {
        r[0]
        for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'stalin'")
    }
    assert filippov
    assert filippov <= found
    version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert version == ("2",)
    db.close()


@settings(max_examples=30, deadline=None)
@given(catalogues(dates=document_dates()), st.sampled_from(["overlaps", "within"]))
def test_dates_of_every_kind_survive_the_store_and_filter_alike(
    cat: ssd.Catalogue, mode: str
) -> None:
    """Decades, seasons, ranges and open ranges load back equal, and a period filter keeps
    the same documents on the store as in memory (an open end reaches every day its side)."""
    with stored(cat) as store:
        assert store.to_catalogue() == cat
        for start, end in (("1950", "1952"), ("1955-06", None), (None, "1949")):
            expected = cat.query().between(start, end, mode=mode).ids()  # type: ignore[arg-type]
            assert expected == store.query().between(start, end, mode=mode).ids()  # type: ignore[arg-type]


def test_link_tables_hold_every_value_once_and_give_each_document_its_values(
    tmp_path: Path,
) -> None:
    cat = ssd.load()
    path = tmp_path / "a.sqlite"
    cat.save(path)
    db = sqlite3.connect(path)
    values = dict(db.execute("SELECT id, value FROM link_values"))
    assert len(set(values.values())) == len(values)
    keys = db.execute("SELECT key, value FROM link_values").fetchall()
    assert all(key == ssd._text.fold_name(value) for key, value in keys)
    for table, field in (
        ("places", "places"),
        ("topics", "topics"),
        ("collections", "collections"),
    ):
        held: dict[int, list[str]] = {}
        for docno, value in db.execute(
            f"SELECT docno, value FROM {table} ORDER BY docno, position"
        ):
            held.setdefault(docno, []).append(values[value])
        assert held == {
            d: list(getattr(doc, field)) for d, doc in enumerate(cat) if getattr(doc, field)
        }
    people: dict[int, list[tuple[str, str]]] = {}
    for docno, value, role in db.execute(
        "SELECT docno, value, role FROM people ORDER BY docno, position"
    ):
        people.setdefault(docno, []).append((values[value], role))
    expected = {
        d: [(a, "author") for a in doc.authors] + [(p, "person") for p in doc.people]
        for d, doc in enumerate(cat)
        if doc.authors or doc.people
    }
    assert people == expected
    db.close()


@given(st.lists(st.one_of(st.text(), st.integers(), st.none())))
def test_json_arrays_are_written_as_json_dumps_writes_them(values: list[object]) -> None:
    assert _writer._array(values) == json.dumps(values, ensure_ascii=False)


def test_writing_twice_the_documents_costs_about_twice_the_steps(tmp_path: Path) -> None:
    """Nothing in the build grows with the square of the catalogue (values, links, names)."""
    from tests.steps import steps

    def catalogue(first: int, n: int) -> ssd.Catalogue:
        return ssd.Catalogue(
            documents=[
                ssd.Document(
                    id=f"d{i}",
                    title=f"Telegram No. {i}, Mao Zedong to Stalin via Roshchin",
                    summary=f"About item {i} and the treaty.",
                    authors=(f"Writer {i}",),
                    topics=(f"Topic {i % 7}", f"Subject {i}"),
                    places=("Beijing",),
                )
                for i in range(first, first + n)
            ]
        )

    one = steps(lambda: save(catalogue(0, 200), tmp_path / "one.sqlite"))
    two = steps(lambda: save(catalogue(200, 400), tmp_path / "two.sqlite"))
    assert two / one < 2.3
