"""The charts of a review, drawn once with matplotlib for both the app and the PDF.

Every function returns a :class:`matplotlib.figure.Figure` built directly (no pyplot, so no global
figure state shared between threads) and never shows or saves it. The app wraps the figure in a
``FigureCanvasQTAgg``; the PDF calls :func:`to_flowable`. Colours are opaque and the type is
sized for print (8-9 pt at the default 6.6 in width), so the screen and the paper look alike.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

from coach.analysis.pacing import pace_at_edges
from coach.analysis.pauses import LONG_PAUSE_S
from coach.coaching.feedback import clock
from coach.metrics import METRICS
from coach.report.fonts import cjk_families
from coach.report.zh_words import speaking, t

if TYPE_CHECKING:
    from coach.coaching.review import Review

WIDTH_IN = 6.6
"""Default figure width in inches: the text width of an A4 or Letter page with 2 cm margins."""
DESERT_WORDS = 150
"""For typed text, a run of this many words without a figure counts as a number desert (about a
minute of speech at 150 wpm, the profile's 60 s desert limit)."""

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
LINE = "#2f5d8a"
BAND = "#d5eddf"
BAND_EDGE = "#3f9c6b"
FIGURE = "#c05621"
DESERT = "#f8e3d6"
PAUSE = "#8796a8"
LONG = "#b54708"
GOOD = "#3f9c6b"
CLOSE = "#d69e2e"
OFF = "#c53030"
CLOSE_ZONE = "#fbf0d9"
OFF_ZONE = "#f9e0e0"
FONT = ["DejaVu Sans", *cjk_families()]  # Chinese labels fall back to an installed CJK font
LEGEND_FONT = {"family": FONT, "size": 7.5}


def _figure(
    height_in: float, *, width_in: float = WIDTH_IN, left_in: float = 0.7
) -> tuple[Figure, Axes]:
    """A white figure with one calm, lightly gridded axes.

    Margins are fixed in inches (title and legend on top, time labels below) rather than left to
    constrained layout, which doubled the drawing time.
    """
    fig = Figure(figsize=(width_in, height_in), dpi=100, facecolor="white")
    fig.subplots_adjust(left=left_in / width_in, right=1 - 0.15 / width_in,
                        bottom=0.5 / height_in, top=1 - 0.38 / height_in)  # fmt: skip
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
    ax.tick_params(colors=MUTED, labelsize=8, labelcolor=INK)
    ax.grid(True, axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def _title(ax: Axes, text: str, titled: bool = True) -> None:
    if not titled:
        return
    text = t(text)
    family = None if text.isascii() else FONT
    weight = "bold" if family is None else "normal"  # no bold CJK face: no font warning
    ax.set_title(text, loc="left", fontsize=9.5, color=INK, fontweight=weight, pad=8, family=family)


def _label(ax: Axes, *, x: str = "", y: str = "") -> None:
    if x:
        ax.set_xlabel(t(x), fontsize=8.5, color=MUTED, family=FONT)
    if y:
        ax.set_ylabel(t(y), fontsize=8.5, color=MUTED, family=FONT)


TIME_STEPS_S = (5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800)


def _time_axis(ax: Axes, end_s: float) -> None:
    """Seconds on the x axis, ticked at round minutes or seconds and labelled as m:ss."""
    step = next((s for s in TIME_STEPS_S if end_s / s <= 10), 3600)
    ax.xaxis.set_major_locator(MultipleLocator(step))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: clock(v)))
    _label(ax, x="time (m:ss)")


def _message(fig: Figure, ax: Axes, text: str) -> Figure:
    """Turn an empty chart into a quiet note saying why it is empty."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(False)
    ax.text(0.5, 0.5, t(text), ha="center", va="center", fontsize=9, color=MUTED,
            transform=ax.transAxes, family=FONT)  # fmt: skip
    return fig


def _band(ax: Axes, low: float, high: float, label: str) -> None:
    ax.axhspan(low, high, color=BAND, zorder=0, label=label)
    for y in (low, high):
        ax.axhline(y, color=BAND_EDGE, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)


def _legend(ax: Axes, *, ncol: int = 3) -> None:
    ax.legend(loc="upper right", frameon=False, ncol=ncol, labelcolor=INK, prop=LEGEND_FONT,
              bbox_to_anchor=(1.0, 1.16), handlelength=1.6, columnspacing=1.1)  # fmt: skip
    fit_legends(ax.get_figure())


def fit_legends(fig: Any) -> None:
    """Shrink legend text (to 70 % at most) so no legend runs off the figure's left edge.

    A legend sits right-aligned above its axes at a fixed font size; the app's chart canvas
    resizes the figure to its panel, where a one-row legend (four entries, a Mandarin unit) ran
    off the left edge. The canvas calls this again on every resize.
    """
    for ax in getattr(fig, "axes", ()):
        legend = ax.get_legend()
        if legend is None or not legend.get_texts():
            continue
        texts = legend.get_texts()
        base = getattr(legend, "coach_fontsize", None) or texts[0].get_fontsize()
        legend.coach_fontsize = base
        size = base
        while True:  # half a point at a time: text is only part of a legend's width
            for text in texts:
                text.set_fontsize(size)
            if legend.get_window_extent().x0 >= 0 or size - 0.5 < base * 0.7:
                break
            size -= 0.5


def _duration(review: Review) -> float:
    t = review.transcript
    ends = [w.end_s for w in t.words if w.end_s is not None]
    return max([t.duration_s or 0.0, *ends, 1.0])


def pace_chart(review: Review, *, titled: bool = True, height_in: float = 2.4) -> Figure:
    """Words per minute over the talk, with the profile's wpm band shaded.

    Uses ``review.analysis.details["pace"]`` (window centre s, wpm); a typed text gets a figure
    that says pace needs a recording.
    """
    speaking(review.transcript.language)
    fig, ax = _figure(height_in)
    _title(ax, "Pace over time", titled)
    pace = review.analysis.details.get("pace") or []
    if not review.transcript.timed or not pace:
        return _message(fig, ax, "Pace needs a recording: typed text has no timing.")
    band = review.metric("wpm")
    zh = review.transcript.language == "zh"  # Chinese pace counts characters
    unit = t("chars/min" if zh else "wpm")
    if band is not None:
        _band(ax, band.target_low, band.target_high,
              t("target {0}-{1} {2}").format(f"{band.target_low:.0f}", f"{band.target_high:.0f}", unit))  # fmt: skip
    xs = [float(p[0]) for p in pace]
    ys = [float(p[1]) for p in pace]
    ax.plot(xs, ys, color=LINE, linewidth=1.8, marker="o" if len(xs) < 30 else None,
            markersize=3, label=t("your pace"), zorder=3)  # fmt: skip
    # the full windows leave the first and last half-window empty: shorter windows fill them,
    # drawn dashed so nobody mistakes their noisier values for the same measure
    edges = pace_at_edges(review.transcript.words)
    head = [(c, w) for c, w, _n in edges if c < xs[0]]
    tail = [(c, w) for c, w, _n in edges if c > xs[-1]]
    for i, part in enumerate((head + [(xs[0], ys[0])], [(xs[-1], ys[-1])] + tail)):
        if len(part) > 1:
            ax.plot([c for c, _ in part], [w for _, w in part], color=LINE, linewidth=1.2,
                    linestyle=(0, (3, 2)), marker="o", markersize=2.5, markerfacecolor="white",
                    zorder=3, label=t("edges: shorter window") if i == 0 or not head else None)  # fmt: skip
            ys = [*ys, *(w for _, w in part)]
    overall = review.analysis.values.get("wpm")
    if overall:
        ax.axhline(overall, color=MUTED, linewidth=0.9, linestyle=":", zorder=2,
                   label=t("average {0} {1}").format(f"{overall:.0f}", unit))  # fmt: skip
    lows = [*ys, band.target_low if band else min(ys)]
    highs = [*ys, band.target_high if band else max(ys)]
    ax.set_ylim(max(0.0, min(lows) - 25), max(highs) + 25)
    ax.set_xlim(0, _duration(review))
    _time_axis(ax, _duration(review))
    _label(ax, y="characters per minute" if zh else "words per minute")
    _legend(ax, ncol=4)
    _on_time_axis(fig)
    return fig


def _figure_positions(review: Review) -> tuple[list[float], list[str], bool]:
    """(positions, texts, timed) of the concrete figures: seconds when timed, else word index."""
    figs = [f for f in review.analysis.figures if f.kind == "figure"]
    timed = review.transcript.timed and all(f.start_s is not None for f in figs)
    xs = [float(f.start_s if timed else f.word_span[0]) for f in figs]  # type: ignore[arg-type]
    return xs, [f.text.strip(" ,.;:!?") for f in figs], timed


def word_deserts(
    positions: Sequence[float], total_words: int, *, min_words: int = DESERT_WORDS
) -> list[tuple[float, float]]:
    """Runs of at least ``min_words`` words with no figure, as (first word, end word) pairs."""
    edges = [0.0, *sorted(positions), float(total_words)]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b - a >= min_words]


def figures_timeline(review: Review, *, titled: bool = True, height_in: float = 1.9) -> Figure:
    """Each concrete figure as a marker along the talk, with number deserts shaded.

    The axis is time for a recording (deserts from ``details["deserts"]``) and word position for
    typed text (deserts are runs of :data:`DESERT_WORDS` words without a figure).
    """
    speaking(review.transcript.language)
    fig, ax = _figure(height_in)
    _title(ax, "Figures along the talk", titled)
    xs, texts, timed = _figure_positions(review)
    n_words = len(review.transcript.words)
    end = _duration(review) if timed else float(max(n_words, 1))
    if timed:
        deserts = [(float(a), float(b)) for a, b in review.analysis.details.get("deserts") or []]
    else:
        deserts = word_deserts(xs, n_words)
    for i, (a, b) in enumerate(deserts):
        ax.axvspan(a, b, color=DESERT, zorder=0, label=t("no figure (desert)") if i == 0 else None)
    if xs:
        ax.vlines(xs, 0, 1, color=FIGURE, linewidth=1.4, zorder=3)
        ax.plot(xs, [1] * len(xs), "o", color=FIGURE, markersize=4.5, zorder=4,
                label=t("{0} figures").format(len(xs)))  # fmt: skip
        figs = [f for f in review.analysis.figures if f.kind == "figure"]
        chosen = sorted(_labelled(xs, figs, end), key=lambda i: xs[i])
        for k, i in enumerate(chosen):
            text = texts[i]
            short = text if len(text) <= 16 else text[:15] + "…"
            # labels at the ends of the axis lean inwards instead of running off the chart
            align = "left" if xs[i] < 0.06 * end else "right" if xs[i] > 0.94 * end else "center"
            ax.text(xs[i], 1.12 + 0.32 * (k % 2), short, ha=align, va="bottom", fontsize=6.5,
                    color=INK, family=FONT, zorder=5, clip_on=False)  # fmt: skip
        when = [clock(x) if timed else t("word {0}").format(int(x) + 1) for x in xs]
        hover_points(
            fig, ax, xs, [1.0] * len(xs), [f"{w}: {t}" for w, t in zip(when, texts, strict=True)]
        )
    else:
        ax.text(0.5, 0.5, t("No concrete figure in this talk."), ha="center", va="center",
                fontsize=9, color=MUTED, transform=ax.transAxes, family=FONT)  # fmt: skip
    ax.set_ylim(0, 1.9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    ax.set_xlim(0, end)
    if timed:
        _time_axis(ax, _duration(review))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
        _label(ax, x="word position (typed text)")
    if deserts or xs:
        ax.legend(loc="upper right", frameon=False, ncol=2, labelcolor=INK, prop=LEGEND_FONT,
                  bbox_to_anchor=(1.0, 1.25))  # fmt: skip
    if timed:
        _on_time_axis(fig)
    return fig


MAX_LABELS = 8
"""The figures timeline names at most this many figures; the rest show on hover (app) or in the
table below it (PDF)."""


def _labelled(xs: Sequence[float], figs: Sequence[Any], end: float) -> list[int]:
    """Indices of the figures worth a label: money and percentages first, then the biggest
    numbers, keeping labels apart so they never overlap."""

    def weight(i: int) -> tuple[bool, float]:
        f = figs[i] if i < len(figs) else None
        return (f is not None and f.unit in {"$", "€", "£", "¥", "%"},
                float(f.value) if f is not None else 0.0)  # fmt: skip

    gap = end / (MAX_LABELS * 1.6)
    chosen: list[int] = []
    for i in sorted(range(len(xs)), key=weight, reverse=True):
        # two label rows: a neighbour on the other row may sit closer
        if all(abs(xs[i] - xs[j]) >= gap for j in chosen):
            chosen.append(i)
        if len(chosen) == MAX_LABELS:
            break
    return chosen


def hover_points(
    fig: Figure, ax: Axes, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str]
) -> None:
    """Attach ``texts`` to points of ``ax`` (data coordinates) for the app to show on hover."""
    points = list(getattr(fig, "coach_hover", []))
    points.append((ax, list(xs), list(ys), list(texts)))
    fig.coach_hover = points  # type: ignore[attr-defined]


def _on_time_axis(fig: Figure) -> None:
    """Mark a chart whose x axis is the recording's time (the app draws a playhead on it)."""
    fig.coach_time_axis = True  # type: ignore[attr-defined]


def pauses_chart(review: Review, *, titled: bool = True, height_in: float = 2.2) -> Figure:
    """Every pause as a bar (a vertical line) at its start time, its height the length in seconds.

    Pauses of :data:`coach.analysis.pauses.LONG_PAUSE_S` or more are drawn in the warning colour; concrete
    figures are ticked along the bottom so the reader sees whether figures got a pause.
    """
    speaking(review.transcript.language)
    fig, ax = _figure(height_in)
    _title(ax, "Pauses", titled)
    pauses = review.transcript.pauses
    if not review.transcript.timed:
        return _message(fig, ax, "Pauses need a recording: typed text has no timing.")
    if not pauses:
        return _message(fig, ax, "No pauses were found in this recording.")
    # one LineCollection per kind, not a Rectangle per pause: a 30-minute talk has ~400 pauses
    width_pt = 2.2 if len(pauses) < 120 else 1.2
    short = [p for p in pauses if p.duration_s < LONG_PAUSE_S]
    long = [p for p in pauses if p.duration_s >= LONG_PAUSE_S]
    for group, colour, label in (
        (short, PAUSE, t("pause ({0})").format(len(short))),
        (long, LONG, t("{0} s or longer ({1})").format(f"{LONG_PAUSE_S:g}", len(long))),
    ):
        if group:
            ax.vlines([p.start_s for p in group], 0, [p.duration_s for p in group], color=colour,
                      linewidth=width_pt, label=label, zorder=3)  # fmt: skip
    ax.axhline(LONG_PAUSE_S, color=LONG, linewidth=0.8, linestyle=(0, (4, 3)), zorder=2)
    xs, _texts, timed = _figure_positions(review)
    top = max(p.duration_s for p in pauses)
    if xs and timed:
        ax.plot(xs, [-0.04 * top * 1.2] * len(xs), "|", color=FIGURE, markersize=7,
                label=t("figure said"), clip_on=False, zorder=4)  # fmt: skip
    ax.set_ylim(-0.08 * top * 1.2, top * 1.2)
    ax.set_xlim(0, _duration(review))
    _time_axis(ax, _duration(review))
    _label(ax, y="length (s)")
    _legend(ax)
    hover_points(fig, ax, [p.start_s for p in pauses], [p.duration_s for p in pauses],
                 [t("{0}: pause of {1} s").format(clock(p.start_s), f"{p.duration_s:.1f}") for p in pauses])  # fmt: skip
    _on_time_axis(fig)
    return fig


def _point_label(x: Any) -> str:
    """A short label for one attempt: its date and time, or the label given."""
    x = getattr(x, "created", x)  # a stored SessionSummary or Session
    if isinstance(x, str):
        try:
            x = datetime.fromisoformat(x).astimezone()
        except ValueError:
            return x
    if isinstance(x, datetime):
        return x.strftime("%d %b\n%H:%M")
    if isinstance(x, date):
        return x.strftime("%d %b")
    return str(x)


def metric_label(metric: str) -> str:
    """The axis label of ``metric``: its catalogue label and unit, or the overall match."""
    if metric in ("score", "match", "overall"):
        return t("match score (0-100)")
    spec = METRICS.get(metric)
    if spec is None:
        return metric
    return f"{spec.label} ({spec.unit})" if spec.unit else spec.label


def progress_chart(
    points: Sequence[Any],
    *,
    metric: str = "score",
    band: tuple[float, float] | None = None,
    height_in: float = 2.3,
    titled: bool = True,
    language: str = "en",
) -> Figure:
    """One metric (or the overall ``"score"``) across the attempts of a talk, with its band.

    ``points`` are ``(when, value)`` pairs, oldest first, where ``when`` is a datetime, a date, an
    ISO-8601 string, a label, or a stored session summary (``SessionStore.trend`` output as is);
    objects with ``created`` and ``value`` attributes work too. ``band`` is the
    target ``(low, high)``; for the score it defaults to the in-band zone 100.
    """
    speaking(language)
    fig, ax = _figure(height_in)
    _title(ax, "Progress across attempts", titled)
    pairs: list[tuple[Any, float]] = []
    for p in points:
        if isinstance(p, tuple | list):
            pairs.append((p[0], float(p[1])))
        else:
            when = getattr(p, "created", None) or getattr(p, "when", None) or ""
            pairs.append((when, float(p.value)))
    if not pairs:
        return _message(fig, ax, "No earlier attempts of this talk yet.")
    if band is not None:
        _band(ax, band[0], band[1],
              t("target {0}").format(f"{band[0]:g}" + (f"-{band[1]:g}" if band[1] != band[0] else "")))  # fmt: skip
    xs = list(range(1, len(pairs) + 1))
    ys = [v for _, v in pairs]
    ax.plot(xs, ys, color=LINE, linewidth=1.8, marker="o", markersize=4, zorder=3,
            label=metric_label(metric))  # fmt: skip
    ax.plot(xs[-1:], ys[-1:], "o", color=FIGURE, markersize=7, zorder=4, label=t("this attempt"))
    for x, y in zip(xs, ys, strict=False):
        ax.annotate(f"{y:.0f}" if abs(y) >= 10 else f"{y:.1f}", (x, y), textcoords="offset points",
                    xytext=(0, 6), ha="center", fontsize=7, color=INK)  # fmt: skip
    ax.set_xticks(xs)
    step = max(1, len(xs) // 10)
    ax.set_xticklabels(
        [_point_label(w) if i % step == 0 or i == len(xs) - 1 else "" for i, (w, _) in
         enumerate(pairs)], fontsize=7)  # fmt: skip
    ax.set_xlim(0.5, len(xs) + 0.5)
    low = min([*ys, band[0] if band else min(ys)])
    high = max([*ys, band[1] if band else max(ys)])
    if metric in ("score", "match", "overall"):
        # keep the 0-100 scale honest: a one-point change should look like one point
        ax.set_ylim(max(0.0, min(low, 100.0) - 20.0), 105.0)
    else:
        pad = max((high - low) * 0.2, 1.0)
        ax.set_ylim(low - pad if low - pad > 0 or low < 0 else 0, high + pad)
    _label(ax, x="attempt", y=metric_label(metric))
    _legend(ax)
    return fig


def trait_chart(review: Review, *, titled: bool = True, height_in: float | None = None) -> Figure:
    """The trait sub-scores (0-100) as bars against the zones: in band, close, off."""
    traits = list(review.feedback.trait_scores.items())
    speaking(review.transcript.language)
    fig, ax = _figure(height_in or 1.0 + 0.25 * max(len(traits), 2), left_in=1.0)
    _title(ax, t("{0}: sub-scores").format(review.profile_name), titled)
    if not traits:
        return _message(fig, ax, "No trait was measured.")
    ax.axvspan(0, 60, color=OFF_ZONE, zorder=0, label=t("off (<60)"))
    ax.axvspan(60, 100, color=CLOSE_ZONE, zorder=0, label=t("close (60-99)"))
    ax.axvline(100, color=BAND_EDGE, linewidth=1.2, zorder=1, label=t("in band (100)"))
    ys = list(range(len(traits)))[::-1]
    colours = [GOOD if s >= 100 else CLOSE if s >= 60 else OFF for _, s in traits]
    ax.barh(ys, [s for _, s in traits], height=0.58, color=colours, zorder=3)
    for y, (_, s) in zip(ys, traits, strict=False):
        ax.text(min(s, 100) + 1.5, y, f"{s:.0f}", va="center", fontsize=7.5, color=INK, zorder=4)
    ax.set_yticks(ys)
    ax.set_yticklabels([t(name) for name, _ in traits], fontsize=8, family=FONT)
    ax.set_xlim(0, 108)
    ax.grid(True, axis="x", color=GRID, linewidth=0.8)
    ax.grid(False, axis="y")
    _label(ax, x="sub-score (100 = every metric inside its band)")
    _legend(ax)
    return fig


def png_bytes(fig: Figure, *, dpi: int = 150) -> bytes:
    """The figure as PNG bytes at ``dpi`` dots per inch (white background)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def save_png(fig: Figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Write the figure as a PNG at ``dpi`` dots per inch and return the path."""
    path = Path(path)
    path.write_bytes(png_bytes(fig, dpi=dpi))
    return path


def to_flowable(fig: Figure, *, width_pt: float | None = None, dpi: int = 170) -> Any:
    """A reportlab flowable drawing the figure ``width_pt`` points wide (aspect kept).

    The figure is rendered at ``dpi`` straight to raw RGB pixels, which reportlab compresses once;
    going through PNG would compress, decompress and compress again.
    """
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    w_in, h_in = fig.get_size_inches()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="rgba", dpi=dpi, facecolor="white")
    data = buffer.getvalue()
    # Agg truncates the pixel size; find the width that divides the buffer exactly
    columns = next(w for w in (int(w_in * dpi), round(w_in * dpi), int(w_in * dpi) + 1)
                   if w and len(data) % (4 * w) == 0)  # fmt: skip
    size = (columns, len(data) // (4 * columns))
    pixels = Image.frombuffer("RGBA", size, data, "raw", "RGBA", 0, 1).convert("RGB")
    width = width_pt or w_in * 72.0
    height = width * h_in / w_in

    class ChartImage(Flowable):
        """A fixed-size raster of one chart."""

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            self.canv.drawImage(ImageReader(pixels), 0, 0, width, height)

    return ChartImage()
