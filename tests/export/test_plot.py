"""Timeline plots with matplotlib."""

from __future__ import annotations

import re
import sys

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.dates import parse_date


def test_timeline_plot_draws_one_bar_per_period(bundled: ssd.Catalogue) -> None:
    """Timeline.plot draws a bar of each period's count, labelled by period."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    timeline = bundled.query().between("1950", "1959").timeline("year")
    ax = timeline.plot()
    heights = [int(bar.get_height()) for bar in ax.patches]
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    assert list(timeline.periods) == list(zip(labels, heights, strict=True))
    import matplotlib.pyplot as plt

    plt.close("all")


def test_timeline_plot_without_matplotlib_names_the_extra(
    bundled: ssd.Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib, plot says to install the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'sinosoviet-docs[plot]'")):
        bundled.query().timeline().plot()


def _plot(timeline: ssd.Timeline) -> object:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    return timeline.plot()


def test_timeline_plot_has_integer_ticks_and_axis_labels(bundled: ssd.Catalogue) -> None:
    """The count axis ticks are whole numbers (no 0.5), and both axes are labelled."""
    ax: object = _plot(bundled.query().between("1952", "1953").timeline("year"))
    import matplotlib.pyplot as plt

    ticks = list(ax.get_yticks())  # type: ignore[attr-defined]
    labels = (ax.get_xlabel(), ax.get_ylabel())  # type: ignore[attr-defined]
    plt.close("all")
    assert [] == [t for t in ticks if t != int(t)]
    assert ("year", "documents") == labels


def test_timeline_plot_thins_month_labels_and_widens_with_the_span(
    bundled: ssd.Catalogue,
) -> None:
    """Months over many years: every n-th label so they fit, in a figure as wide as allowed."""
    from sinosoviet_docs.export import plot

    timeline = bundled.query().timeline("month")
    ax: object = _plot(timeline)
    import matplotlib.pyplot as plt

    labels = [t.get_text() for t in ax.get_xticklabels()]  # type: ignore[attr-defined]
    width = ax.figure.get_size_inches()[0]  # type: ignore[attr-defined]
    plt.close("all")
    periods = [label for label, _ in timeline.periods]
    step = plot.label_step(len(periods), plot.figure_width(len(periods)))
    assert step > 1
    assert periods[::step] == labels
    assert plot.figure_width(len(periods)) == width
    assert len(labels) <= width * 2.5


def test_timeline_plot_title_says_what_is_not_shown() -> None:
    """Documents dated less precisely than a month, or undated, are not drawn on a monthly
    chart, and the title says how many."""
    docs = [
        ssd.Document(id="m", title="M", date=ssd.PartialDate(year=1950, month=2)),
        ssd.Document(id="y", title="Y", date=ssd.PartialDate(year=1950)),
        ssd.Document(id="u", title="U"),
    ]
    ax: object = _plot(ssd.Catalogue(documents=docs).query().timeline("month"))
    import matplotlib.pyplot as plt

    title = ax.get_title()  # type: ignore[attr-defined]
    bars = len(ax.patches)  # type: ignore[attr-defined]
    plt.close("all")
    assert (
        "documents per month (not shown: 1 dated less precisely than a month, 1 undated)",
        1,
    ) == (
        title,
        bars,
    )


def test_yearly_plot_title_counts_decades_and_ranges_apart() -> None:
    """On a yearly chart a decade and a range over years are not drawn, and the title says
    how many are dated less precisely than a year."""
    docs = [
        ssd.Document(id="y", title="Y", date=ssd.PartialDate(year=1955)),
        ssd.Document(id="d", title="D", date=parse_date("the 1950s")),
        ssd.Document(id="r", title="R", date=parse_date("1950-1953")),
    ]
    ax: object = _plot(ssd.Catalogue(documents=docs).query().timeline("year"))
    import matplotlib.pyplot as plt

    title = ax.get_title()  # type: ignore[attr-defined]
    bars = len(ax.patches)  # type: ignore[attr-defined]
    plt.close("all")
    assert ("documents per year (not shown: 2 dated less precisely than a year)", 1) == (
        title,
        bars,
    )
