"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import sinosoviet_docs as ssd

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def bundled() -> ssd.Catalogue:
    """The bundled catalogue."""
    return ssd.load()


@pytest.fixture
def shared() -> Path:
    """The project's shared/ folder beside the repository.

    Without it a test skips, except under ``CI=true``: CI lays shared/ beside the
    clone, so there its absence is a failure, never a silent skip of the checks
    (the stale-catalogue check among them) that read it.
    """
    if not (SHARED / "catalogue").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but shared/ is not beside the repository ({SHARED})")
        pytest.skip("shared/ is not beside the repository")
    return SHARED
