"""Shared fixtures."""

from __future__ import annotations

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
    """The project's shared/ folder beside the repository (skips when it is absent)."""
    if not (SHARED / "catalogue").is_dir():
        pytest.skip("shared/ is not beside the repository")
    return SHARED
