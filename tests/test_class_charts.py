"""The class score distribution: one bar per 10-point band, counted right, coloured by status."""

from __future__ import annotations

from matplotlib.colors import to_hex

from coach.report.charts import CLOSE, GOOD, OFF, png_bytes
from coach.report.class_charts import score_distribution


def test_bars_count_the_talks_in_each_band_and_mark_the_median() -> None:
    """Scores 45, 62, 66, 83, 100 → bands 40, 60 (2), 80, 90 (100 joins the top band)."""
    fig = score_distribution([45, 62, 66, 83, 100], profile_name="Lei Jun style")
    ax = fig.axes[0]
    bars = {round(p.get_x()): (p.get_height(), to_hex(p.get_facecolor())) for p in ax.patches}
    heights = {x: h for x, (h, _c) in bars.items() if h}
    assert heights == {40: 1, 60: 2, 80: 1, 90: 1}
    assert bars[40][1] == OFF.lower() and bars[60][1] == CLOSE.lower()
    assert bars[80][1] == GOOD.lower()
    assert [t.get_text().strip() for t in ax.texts] == ["median 66"]
    assert ax.get_title(loc="left") == "Lei Jun style match across the class"
    assert png_bytes(fig).startswith(b"\x89PNG")


def test_no_scores_is_a_quiet_message() -> None:
    """A class where nothing scored says so instead of drawing empty axes."""
    fig = score_distribution([])
    assert [t.get_text() for t in fig.axes[0].texts] == ["No talk was scored yet."]
