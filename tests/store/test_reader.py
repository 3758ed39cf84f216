"""Opening stores: a catalogue's read-only members, typed errors, many readers."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.export import export

from .helpers import stored


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "archive.sqlite"
    ssd.load().save(path)
    return path


def test_a_stored_catalogue_behaves_like_the_catalogue(store_path: Path) -> None:
    cat = ssd.load()
    with ssd.open(store_path) as store:
        assert len(store) == len(cat)
        assert "112088" in store
        assert "nope" not in store
        assert cat["112088"] in store
        assert store["112088"] == cat["112088"]
        assert store.get("nope") is None
        with pytest.raises(ssd.DocumentNotFoundError):
            store.document("nope")
        assert store.collections == cat.collections
        assert store.info == cat.info
        slug = cat.collections[0].slug
        assert store.documents_in(slug) == cat.documents_in(slug)
        assert store.documents[0] == cat.documents[0]
        assert store.documents[-1] == cat.documents[-1]
        assert list(store.documents[2:5]) == list(cat.documents[2:5])
        assert "documents=" in repr(store)
        assert store.names.check().documents == cat.names.check().documents


@pytest.mark.parametrize("format", ["csl-json", "bibtex", "ris", "csv", "jsonl"])
def test_every_export_is_the_same(store_path: Path, format: str) -> None:
    with ssd.open(store_path) as store:
        assert export(store, format) == export(ssd.load(), format)  # type: ignore[arg-type]
        q = store.search("stalin").limit(5)
        assert q.export(format) == ssd.load().search("stalin").limit(5).export(format)  # type: ignore[arg-type]


def test_opened_read_only(store_path: Path) -> None:
    with ssd.open(store_path) as store, pytest.raises(sqlite3.OperationalError):
        store.connection.raw.execute("DELETE FROM documents")


def test_many_readers_at_once(store_path: Path) -> None:
    expected = ssd.load().search("mao").ids()
    stores = [ssd.open(store_path) for _ in range(3)]
    found: list[list[str]] = []

    def read(store: ssd.StoredCatalogue) -> None:
        for _ in range(3):
            found.append(store.search("mao").ids())

    threads = [threading.Thread(target=read, args=(s,)) for s in stores for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert found == [expected] * 18


def test_a_foreign_file_is_a_typed_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(ssd.StoreError, match=r"other\.sqlite: not a sinosoviet_docs store"):
        ssd.open(path)


def test_a_corrupt_file_is_a_typed_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is no database" * 100)
    with pytest.raises(ssd.StoreError, match=r"broken\.db"):
        ssd.open(path)


def _copy_with_schema(store_path: Path, path: Path, version: str) -> None:
    """A copy of the store at ``path`` whose meta says it is of schema ``version``."""
    path.write_bytes(store_path.read_bytes())
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.commit()
    db.close()


def test_a_newer_schema_is_refused(tmp_path: Path, store_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    _copy_with_schema(store_path, path, "99")
    with pytest.raises(ssd.StoreError, match=r"newer\.sqlite: store schema 99 is newer"):
        ssd.open(path)


@pytest.mark.parametrize("version", ["", "two", "²", "-1"])
def test_a_schema_version_that_is_no_number_is_refused_as_such(
    tmp_path: Path, store_path: Path, version: str
) -> None:
    path = tmp_path / "odd.sqlite"
    _copy_with_schema(store_path, path, version)
    with pytest.raises(
        ssd.StoreError, match=r"odd\.sqlite: store schema .* is not a schema version"
    ):
        ssd.open(path)


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"missing\.sqlite"):
        ssd.open(tmp_path / "missing.sqlite")


def test_an_empty_catalogue_stores_and_opens() -> None:
    with stored(ssd.Catalogue()) as store:
        assert len(store) == 0
        assert store.search("mao").ids() == []
        assert store.query().ids() == []
        assert list(store) == []


def test_an_older_schema_is_refused_with_the_advice_to_build_it_again(
    tmp_path: Path, store_path: Path
) -> None:
    path = tmp_path / "older.sqlite"
    _copy_with_schema(store_path, path, "1")
    with pytest.raises(ssd.StoreError, match=r"older\.sqlite: store schema 1 is older") as caught:
        ssd.open(path)
    assert "build the store again" in str(caught.value)


@pytest.mark.parametrize("name", ["a b.sqlite", "odd #?%&=;[].sqlite", "Lüshun 旅顺.sqlite"])
def test_a_store_opens_by_any_name_by_a_relative_path_and_through_a_link(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Characters a URI reserves, letters outside ASCII, a relative path and a symbolic
    link all name the file they name."""
    folder = tmp_path / "sub dir"
    folder.mkdir()
    target = folder / name
    target.write_bytes(store_path.read_bytes())
    link = tmp_path / f"link to {name}"
    link.symlink_to(target)
    monkeypatch.chdir(folder)
    for path in (target, Path(name), link, f"../{link.name}"):
        with ssd.open(path) as store:
            assert len(ssd.load()) == len(store)
            assert ["121559"] == store.search('"east wind"').ids()
    with ssd.open(link, writable=True) as store:
        assert len(ssd.load()) == len(store)


def test_a_dot_dot_after_a_link_names_what_the_system_names(
    store_path: Path, tmp_path: Path
) -> None:
    """``link/../x.sqlite`` is the ``x.sqlite`` beside the link's target, as the system
    reads the path, not the one beside the link."""
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "x.sqlite").write_bytes(store_path.read_bytes())
    other = tmp_path / "other"
    other.mkdir()
    (other / "link").symlink_to(real / "sub")
    small = ssd.Catalogue(documents=list(ssd.load().documents[:3]))
    small.save(other / "x.sqlite")  # the file a textual reading of ".." would open
    path = other / "link" / ".." / "x.sqlite"
    with ssd.open(path) as store:
        assert len(store) == len(ssd.load())


def test_a_store_missing_a_table_raises_store_error_naming_it(
    store_path: Path, tmp_path: Path
) -> None:
    """A store that lost a table of its schema says so, with the file, on the query that
    needs it, instead of an SQLite error."""
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(store_path.read_bytes())
    db = sqlite3.connect(path)
    db.execute("DROP TABLE search_terms")
    db.commit()
    db.close()
    with ssd.open(path) as store:
        assert ["121559"] == store.search('"east wind"').ids()  # what needs no vocabulary
        with pytest.raises(ssd.StoreError, match=r"damaged\.sqlite: the store cannot be read"):
            store.search("stal*").ids()
