"""Timeline plots with matplotlib."""

from __future__ import annotations

import re
import sys

import pytest

import sinosoviet_docs as ssd


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
