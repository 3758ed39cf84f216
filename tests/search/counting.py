"""Counting how often plans run, to hold that a query runs once."""

from __future__ import annotations

import pytest

from sinosoviet_docs._search.planner import Hits, MemoryExecutor, Plan


def count_plan_runs(monkeypatch: pytest.MonkeyPatch) -> list[Plan]:
    """The plans run by any in-memory executor from now on (in this test), in order."""
    runs: list[Plan] = []
    real = MemoryExecutor.run

    def counted(self: MemoryExecutor, plan: Plan) -> Hits:
        runs.append(plan)
        return real(self, plan)

    monkeypatch.setattr(MemoryExecutor, "run", counted)
    return runs
