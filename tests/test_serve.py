"""The web catalogue: a store served by Datasette, driven by a real headless Chromium.

Needs the ``serve`` extra, selenium, and Debian's chromium and chromium-driver
(``.ci/run`` installs them). Outside CI a missing piece skips the browser test
with the reason; under ``CI=true`` it fails instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.serve import metadata_for, prepare, store_for

_IN_CI = os.environ.get("CI") == "true"


def _missing() -> str | None:
    for module in ("datasette", "selenium"):
        if importlib.util.find_spec(module) is None:
            return f"the Python package {module!r} is not installed (pip install -e '.[dev]')"
    for program in ("chromium", "chromedriver"):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install chromium chromium-driver)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    missing = _missing()
    if missing is not None:
        if _IN_CI:
            pytest.fail(f"the browser test must run in CI, but {missing}")
        pytest.skip(missing)
    port = _free_port()
    argv = prepare(None, port, cache=tmp_path_factory.mktemp("cache"))
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"datasette stopped: {process.stderr.read().decode()}")  # type: ignore[union-attr]
                time.sleep(0.1)
        yield f"{base}/archive"
    finally:
        process.terminate()
        process.wait(10)
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        # Offline: every host but this machine fails to resolve, so the pages must
        # work with nothing fetched from a CDN.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()


SHOTS = Path(tempfile.gettempdir()) / "sinosoviet-docs-screenshots"


def _shot(driver: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_a_facet_click_narrows_the_table(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/documents")
    link = browser.find_element(By.CSS_SELECTOR, "#facet-type li a")
    value = link.text
    link.click()
    _shot(browser, "facet-type")
    assert "type=" in browser.current_url
    assert "where type = " in browser.page_source
    count = sum(1 for d in ssd.load() if d.type == value)
    assert f"{count:,} row" in browser.page_source


def test_a_full_text_search_finds_the_filippov_telegrams_under_stalin(
    server: str, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/documents")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("Stalin")
    box.submit()
    _shot(browser, "search-stalin")
    assert "_search=Stalin" in browser.current_url
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "td.col-title")]
    assert any("Filippov" in t for t in titles)


def test_a_document_row_shows_its_citation(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    doc = ssd.load()["112088"]
    docno = list(ssd.load()).index(doc)
    browser.get(f"{server}/documents/{docno}")
    _shot(browser, "document-112088")
    cell = browser.find_element(By.CSS_SELECTOR, "td.col-citation")
    assert cell.text == doc.cite()


def test_the_json_api_answers(server: str) -> None:
    rows = _get(f"{server}/documents.json?_search=ammunitions&_shape=array&_col=id")
    assert [r["id"] for r in rows] == ["1952-12-27-telegram-from-stalin-to-mao-zedong"]
    between = _get(
        f"{server}/messages_between.json?first=Mao+Zedong&second=Joseph+Stalin&_shape=array"
    )
    assert between
    assert all("Mao" in r["title"] or "Stalin" in r["title"] for r in between)
    meta = _get(f"{server.rsplit('/', 1)[0]}/-/metadata.json")
    assert meta["source_url"] == ssd.models.ARCHIVE_URL
    assert "licence" not in meta
    assert "license" not in meta


def test_the_store_is_reused_by_content(tmp_path: Path) -> None:
    first = store_for(None, tmp_path)
    stamp = first.stat().st_mtime_ns
    assert store_for(None, tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
    other = tmp_path / "cat.jsonl"
    ssd.dump(ssd.Catalogue(documents=[ssd.Document(id="a", title="A")]), other)
    assert store_for(other, tmp_path) != first
    assert store_for(first) == first


def test_metadata_has_facets_search_and_canned_queries() -> None:
    meta = metadata_for(ssd.load(), "archive")
    table = meta["databases"]["archive"]["tables"]["documents"]
    assert table["facets"] == [
        {"array": "collections"},
        "type",
        {"array": "people"},
        {"array": "places"},
        "year",
    ]
    assert set(meta["databases"]["archive"]["queries"]) == {
        "messages_between",
        "person_in_period",
    }
    assert "Rights are as each document states" in meta["about"]
