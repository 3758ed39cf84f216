"""docs/store.md's DuckDB example runs (with duckdb and pyarrow; under CI=true they must be there)."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def _duckdb_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if "import duckdb" in b)


def test_the_duckdb_example_runs(tmp_path: Path) -> None:
    for module in ("duckdb", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{module} must be installed in CI (pip install -e '.[dev]')")
            pytest.skip(f"{module} is not installed")
    exec(compile(_duckdb_example(), str(DOC), "exec"), {"folder": tmp_path})
    assert (tmp_path / "documents.parquet").exists()
