"""Charts in the app's dark theme: the same figures, recoloured after they are built.

:mod:`coach.report.charts` draws every chart once, in print colours on white, for the PDF and
the app alike. The app's dark theme swaps each of those colours for its dark counterpart on the
finished figure (backgrounds, text, grid, bands, lines), and back again when the theme changes,
so there is still one drawing code path and the paper never turns dark.
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from coach.report import charts as c

DARK_BACKGROUND = "#16191d"
"""The dark palette's base colour (the app's text areas)."""

LIGHT_TO_DARK = {
    "#ffffff": DARK_BACKGROUND,
    c.INK: "#e4e7eb",
    c.MUTED: "#9aa5b1",
    c.GRID: "#2e343c",
    c.LINE: "#7fb2e5",
    c.BAND: "#1d3a2a",
    c.BAND_EDGE: "#4fb982",
    c.FIGURE: "#f0914f",
    c.DESERT: "#4a3325",
    c.PAUSE: "#8c9bb0",
    c.LONG: "#e8863f",
    c.GOOD: "#4fb982",
    c.CLOSE: "#e0b04a",
    c.OFF: "#e05a5a",
    c.CLOSE_ZONE: "#3a3120",
    c.OFF_ZONE: "#3d2226",
}
"""Each print colour of :mod:`coach.report.charts` and its dark-theme counterpart."""
DARK_TO_LIGHT = {v: k for k, v in LIGHT_TO_DARK.items()}


def is_dark(fig: Figure) -> bool:
    """True when ``fig`` is in dark colours now."""
    return bool(getattr(fig, "coach_dark", False))


def themed(fig: Figure, *, dark: bool) -> Figure:
    """Recolour ``fig`` in place for a dark (or back to the light) theme and return it."""
    if is_dark(fig) == dark:
        return fig
    table = LIGHT_TO_DARK if dark else DARK_TO_LIGHT

    def swap(colour: Any) -> Any:
        rgba = to_rgba(colour)
        new = table.get(to_hex(rgba, keep_alpha=False))
        return colour if new is None else to_rgba(new, rgba[3])

    def swap_all(colours: Any) -> Any:
        return [swap(x) for x in colours] if len(colours) else colours

    fig.set_facecolor(swap(fig.get_facecolor()))
    for artist in fig.findobj():
        if isinstance(artist, Axes):
            artist.set_facecolor(swap(artist.get_facecolor()))
        elif isinstance(artist, Text):
            artist.set_color(swap(artist.get_color()))
        elif isinstance(artist, Line2D):
            artist.set_color(swap(artist.get_color()))
            for get, put in ((artist.get_markerfacecolor, artist.set_markerfacecolor),
                             (artist.get_markeredgecolor, artist.set_markeredgecolor)):  # fmt: skip
                value = get()
                if not isinstance(value, str) or value not in ("none", "auto"):
                    put(swap(value))
        elif isinstance(artist, Patch):
            artist.set_facecolor(swap(artist.get_facecolor()))
            artist.set_edgecolor(swap(artist.get_edgecolor()))
        elif isinstance(artist, Collection):
            artist.set_facecolor(swap_all(artist.get_facecolor()))
            artist.set_edgecolor(swap_all(artist.get_edgecolor()))
    fig.coach_dark = dark  # type: ignore[attr-defined]
    return fig
