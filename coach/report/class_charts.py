"""Charts of a whole class (many talks scored at once), drawn with matplotlib like every chart.

Built the same way as :mod:`coach.report.charts` (a bare :class:`~matplotlib.figure.Figure`, no
pyplot), so the app shows them on a Qt canvas and a report could print them.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from coach.report.charts import CLOSE, GOOD, INK, MUTED, OFF, _figure, _label, _message, _title

BIN_WIDTH = 10
"""Width of a score bin (points of the 0-100 match)."""
GOOD_FROM = 80.0
CLOSE_FROM = 50.0
"""Same cut-offs as a metric's good / close / off."""


def _colour(low: float) -> str:
    return GOOD if low >= GOOD_FROM else CLOSE if low >= CLOSE_FROM else OFF


def score_distribution(
    scores: Sequence[float],
    *,
    profile_name: str = "",
    titled: bool = True,
    height_in: float = 2.4,
    width_in: float = 6.6,
) -> Figure:
    """How many talks scored in each 10-point band of the 0-100 match, with the median marked.

    Parameters
    ----------
    scores
        One match score (0-100) per scored talk; failed talks are left out by the caller.
    profile_name
        Named in the title ("Lei Jun style match").

    Returns
    -------
    Figure
        Bars coloured like the metric statuses (good from 80, close from 50, off below).
    """
    fig, ax = _figure(height_in, width_in=width_in)
    what = f"{profile_name} match" if profile_name else "Match"
    _title(ax, f"{what} across the class", titled)
    values = [min(100.0, max(0.0, float(s))) for s in scores]
    if not values:
        return _message(fig, ax, "No talk was scored yet.")
    edges = list(range(0, 100 + BIN_WIDTH, BIN_WIDTH))
    counts = [0] * (len(edges) - 1)
    for value in values:
        counts[min(len(counts) - 1, int(value // BIN_WIDTH))] += 1  # 100 joins the top bin
    lefts = edges[:-1]
    ax.bar(lefts, counts, width=BIN_WIDTH * 0.92, align="edge",
           color=[_colour(x) for x in lefts], edgecolor="white")  # fmt: skip
    median = statistics.median(values)
    ax.axvline(median, color=INK, linewidth=1.2, linestyle="--")
    top = max(counts) * 1.3
    ax.text(median, top, f" median {median:.0f} ", fontsize=8, color=INK, va="top",
            ha="right" if median > 60 else "left",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
    ax.set_xlim(0, 100)
    ax.set_ylim(0, top)
    ax.set_xticks(edges)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _label(ax, x=f"{what} (0-100)", y="talks")
    ax.legend(
        handles=[Patch(color=GOOD, label="good (80+)"), Patch(color=CLOSE, label="close (50-79)"),
                 Patch(color=OFF, label="off (<50)")],
        loc="upper left", fontsize=7.5, frameon=False, labelcolor=MUTED,
    )  # fmt: skip
    return fig
