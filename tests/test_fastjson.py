"""The ``fast`` extra: msgspec's reading gives the catalogues and errors of json's, exactly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs import io as ssd_io
from sinosoviet_docs._fastjson import AVAILABLE, FastJsonReader
from sinosoviet_docs._json import JsonProblem, JsonReader

from .strategies import catalogues

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="needs the fast extra (msgspec)")

BAD = Path(__file__).parent / "data" / "bad"


def _outcome(fn: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "value", fn()
    except (JsonProblem, ssd.CatalogueLoadError) as exc:
        return type(exc).__name__, str(exc)


def _both(fn: Callable[[], Any]) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """``fn``'s outcome with json's reader, then with msgspec's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ssd_io, "_reader_class", lambda: JsonReader)
        slow = _outcome(fn)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ssd_io, "_reader_class", lambda: FastJsonReader)
        fast = _outcome(fn)
    return slow, fast


def test_the_loaders_read_with_msgspec_where_it_is_installed() -> None:
    assert FastJsonReader is ssd_io._reader_class()


def test_importing_the_library_imports_no_msgspec() -> None:
    """msgspec is imported when a file is first read, never by ``import sinosoviet_docs``."""
    import subprocess
    import sys

    code = "import sys, sinosoviet_docs; print('msgspec' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "False" == found.stdout.strip()


@given(catalogues(), st.sampled_from(["json", "jsonl"]))
def test_catalogues_load_the_same(cat: ssd.Catalogue, fmt: ssd_io.Format) -> None:
    """Every catalogue reads back equal, through either reader."""
    text = ssd.dumps(cat, format=fmt)
    slow, fast = _both(lambda: ssd.loads(text))
    assert ("value", cat) == slow == fast


@pytest.mark.parametrize(
    "path", sorted(p for p in BAD.iterdir() if p.suffix in (".json", ".jsonl")), ids=str
)
def test_bad_files_give_the_same_errors(path: Path) -> None:
    """Each file of the bad-input corpus fails the same way with msgspec as with json."""
    slow, fast = _both(lambda: ssd.load(path))
    assert "CatalogueLoadError" == slow[0]
    assert slow == fast


_KEYS = st.sampled_from(["id", "title", "a", "a:b", "\\u003a", "é"])
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.sampled_from('ab:"\\é\u2028\x01')),
)
# Objects as lists of pairs, so that keys can repeat.
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(st.tuples(_KEYS, inner), max_size=4).map(lambda pairs: ("object", pairs))
    ),
    max_leaves=12,
)


def _write(value: Any) -> str:
    if type(value) is tuple:
        pairs = ", ".join(f"{json.dumps(k)}: {_write(v)}" for k, v in value[1])
        return "{" + pairs + "}"
    if type(value) is list:
        return "[" + ", ".join(_write(v) for v in value) + "]"
    return json.dumps(value)


_TEXTS = st.one_of(
    _VALUES.map(_write),
    _VALUES.map(_write).map(lambda t: t.replace(":", "\\u003a", 1)),
    _VALUES.map(_write).flatmap(lambda t: st.integers(0, len(t)).map(lambda i: t[:i])),
    st.sampled_from(
        [
            "NaN",
            "[1e400]",
            '"\\ud800"',
            "9" * 4400,
            "[" * 3000,
            '{"a": 1} x',
            "-0",
            '{"a": 1, "a": "\\u003a"}',
        ]
    ),
)


@given(_TEXTS)
def test_any_text_reads_as_json_reads_it(text: str) -> None:
    """The same value, or the same problem at the same place, for any JSON text or near one."""
    assert _outcome(lambda: JsonReader().parse(text)) == _outcome(
        lambda: FastJsonReader().parse(text)
    )
