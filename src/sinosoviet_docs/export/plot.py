"""Timeline plots with matplotlib (an optional extra, imported when called)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._extras import require

if TYPE_CHECKING:
    from ..query import Timeline

__all__ = ["plot_timeline"]


def plot_timeline(timeline: Timeline, ax: Any = None) -> Any:
    """A bar chart of a :class:`~sinosoviet_docs.query.Timeline` with matplotlib; the Axes.

    Documents dated too coarsely for the unit, and undated ones, are not
    drawn; the chart's title says how many there are. Needs
    ``pip install 'sinosoviet-docs[plot]'``.
    """
    plt = require("matplotlib.pyplot", "plot")
    if ax is None:
        _figure, ax = plt.subplots(figsize=(max(4.0, 0.3 * len(timeline.periods)), 3.0))
    labels = [label for label, _ in timeline.periods]
    ax.bar(range(len(labels)), [count for _, count in timeline.periods])
    crowded = timeline.unit == "month" or len(labels) > 8
    ax.set_xticks(range(len(labels)), labels, rotation=90 if crowded else 0)
    ax.set_ylabel("documents")
    apart = []
    if timeline.too_coarse:
        apart.append(f"{len(timeline.too_coarse)} dated only to the year")
    if timeline.undated:
        apart.append(f"{len(timeline.undated)} undated")
    title = f"documents per {timeline.unit}"
    ax.set_title(f"{title} (not shown: {', '.join(apart)})" if apart else title)
    return ax
