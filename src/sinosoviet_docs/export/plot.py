"""Timeline plots with matplotlib (an optional extra, imported when called).

>>> figure_width(12), figure_width(600)
(4.0, 16.0)
>>> label_step(10, 4.0), label_step(120, 16.0)
(1, 3)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ._extras import require

if TYPE_CHECKING:
    from ..query import Timeline

__all__ = ["figure_width", "label_step", "plot_timeline"]

#: Inches a bar takes when the figure follows the span, and the figure's bounds.
_INCHES_PER_BAR = 0.3
_MIN_WIDTH, _MAX_WIDTH = 4.0, 16.0
#: Labels an inch of axis holds: year labels upright, month labels turned on end.
_LABELS_PER_INCH = 2.5


def figure_width(periods: int) -> float:
    """The width in inches of a figure of ``periods`` bars: it follows the span, within bounds."""
    return min(_MAX_WIDTH, max(_MIN_WIDTH, _INCHES_PER_BAR * periods))


def label_step(periods: int, width: float) -> int:
    """Label every n-th period so that the labels fit a ``width``-inch axis without overlap."""
    room = max(1, int(width * _LABELS_PER_INCH))
    return max(1, math.ceil(periods / room))


def plot_timeline(timeline: Timeline, ax: Any = None) -> Any:
    """A bar chart of a :class:`~sinosoviet_docs.query.Timeline` with matplotlib; the Axes.

    The figure is as wide as the span needs (within 4 to 16 inches); period
    labels are thinned to every n-th so that they do not overlap; the count
    axis has integer ticks; both axes are labelled. Documents dated less
    precisely than the unit (a year or a season on a monthly chart; a decade,
    a winter or a range over years on a yearly one), and undated ones, are
    not drawn; the chart's title says how many there are ("1 dated less
    precisely than a month"). Needs ``pip install 'sinosoviet-docs[plot]'``.
    """
    plt = require("matplotlib.pyplot", "plot")
    ticker = require("matplotlib.ticker", "plot")
    labels = [label for label, _ in timeline.periods]
    if ax is None:
        _figure, ax = plt.subplots(figsize=(figure_width(len(labels)), 3.0))
    ax.bar(range(len(labels)), [count for _, count in timeline.periods])
    width = float(ax.figure.get_size_inches()[0])
    step = label_step(len(labels), width)
    shown = range(0, len(labels), step)
    crowded = timeline.unit == "month" or len(shown) > 8
    ax.set_xticks(list(shown), [labels[i] for i in shown], rotation=90 if crowded else 0)
    ax.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.set_xlabel(timeline.unit)
    ax.set_ylabel("documents")
    apart = []
    if timeline.too_coarse:
        apart.append(f"{len(timeline.too_coarse)} dated less precisely than a {timeline.unit}")
    if timeline.undated:
        apart.append(f"{len(timeline.undated)} undated")
    title = f"documents per {timeline.unit}"
    ax.set_title(f"{title} (not shown: {', '.join(apart)})" if apart else title)
    return ax
