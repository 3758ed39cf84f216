"""Counting how often plans run, and running work in threads at once: a query runs once."""

from __future__ import annotations

import threading
from collections.abc import Callable

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


def run_together(work: Callable[[], None], count: int = 6) -> None:
    """Run ``work`` in ``count`` threads released at the same moment; wait for them all."""
    start = threading.Barrier(count)

    def released() -> None:
        start.wait()
        work()

    threads = [threading.Thread(target=released) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
