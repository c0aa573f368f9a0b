"""The chart module: what each figure shows, that it needs no pyplot, and its PNG/PDF helpers."""

from __future__ import annotations

import functools
import io
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from coach.coaching.review import Review, review
from coach.report import charts
from coach.text import transcript_from_text
from tests.timed_talk import talk_text, timed_transcript

ROOT = Path(__file__).resolve().parent.parent
DEMO = (ROOT / "assets/samples/demo.txt").read_text()


@functools.cache
def timed_review() -> Review:
    return review(timed_transcript(talk_text(900), wpm=150))


@functools.cache
def text_review() -> Review:
    return review(transcript_from_text(DEMO))


def spans(ax, colour: str) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """(x0, x1, y0, y1) of the filled spans drawn in ``colour``, each in its own coordinates
    (data along the spanned axis, 0-1 across it)."""
    return [
        (p.get_x(), p.get_x() + p.get_width(), p.get_y(), p.get_y() + p.get_height())
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_facecolor() == to_rgba(colour)
    ]


PLAIN = " ".join(["We talked about the plan and what it means for everyone here."] * 22)


def test_pace_chart_draws_series_and_profile_band() -> None:
    """The pace line is the analysis' pace series and the shaded band is the profile's wpm band."""
    rv = timed_review()
    fig = charts.pace_chart(rv)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    line = next(ln for ln in ax.lines if ln.get_label() == "your pace")
    pace = rv.analysis.details["pace"]
    assert np.allclose(line.get_xdata(), [p[0] for p in pace])
    assert np.allclose(line.get_ydata(), [p[1] for p in pace])
    band = rv.metric("wpm")
    assert band is not None
    assert [sp[2:] for sp in spans(ax, charts.BAND)] == [
        pytest.approx((band.target_low, band.target_high))
    ]
    assert ax.get_xlim()[1] >= rv.transcript.duration_s - 1  # type: ignore[operator]


def test_charts_for_typed_text_say_why_they_are_empty() -> None:
    """Pace and pauses need timing: for typed text they return a figure with a plain note."""
    for make in (charts.pace_chart, charts.pauses_chart):
        fig = make(text_review())
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert any("need a recording" in t or "needs a recording" in t for t in texts), texts
        assert not fig.axes[0].lines


def test_figures_timeline_marks_each_figure_and_desert_in_time() -> None:
    """Markers sit at each concrete figure's start time; deserts are the analysis' deserts."""
    rv = review(timed_transcript(DEMO + "\n\n" + PLAIN + "\n\n" + DEMO, wpm=150))
    assert rv.analysis.details["deserts"], "the plain middle should be a number desert"
    fig = charts.figures_timeline(rv)
    ax = fig.axes[0]
    marker = next(ln for ln in ax.lines if ln.get_marker() == "o")
    expected = [f.start_s for f in rv.analysis.figures if f.kind == "figure"]
    assert np.allclose(marker.get_xdata(), expected)
    deserts = spans(ax, charts.DESERT)
    assert len(deserts) == len(rv.analysis.details["deserts"])
    for (x0, x1, _, _), (a, b) in zip(sorted(deserts), rv.analysis.details["deserts"], strict=True):
        assert (x0, x1) == pytest.approx((a, b))


def test_figures_timeline_uses_word_position_for_text() -> None:
    """For typed text the axis is word position and long figure-free runs are shaded."""
    rv = review(transcript_from_text(DEMO + "\n\n" + PLAIN + "\n\nWe sold 40 cakes."))
    fig = charts.figures_timeline(rv)
    ax = fig.axes[0]
    marker = next(ln for ln in ax.lines if ln.get_marker() == "o")
    positions = [f.word_span[0] for f in rv.analysis.figures if f.kind == "figure"]
    assert list(marker.get_xdata()) == positions
    assert "word position" in ax.get_xlabel()
    deserts = spans(ax, charts.DESERT)
    assert deserts == [pytest.approx((a, b, 0, 1)) for a, b in
                       charts.word_deserts(positions, len(rv.transcript.words))]  # fmt: skip
    assert len(deserts) == 1 and deserts[0][1] - deserts[0][0] >= charts.DESERT_WORDS


def test_word_deserts_counts_edges() -> None:
    """Runs from the start, between figures and to the end count when long enough."""
    assert charts.word_deserts([200, 250], 500, min_words=150) == [(0.0, 200), (250, 500.0)]
    assert charts.word_deserts([], 100, min_words=150) == []


def test_pauses_chart_has_a_bar_per_pause_and_flags_long_ones() -> None:
    """Every pause is one bar as tall as it lasted; pauses of 1 s or more get the warning colour."""
    rv = timed_review()
    ax = charts.pauses_chart(rv).axes[0]
    bars = {}
    for coll in ax.collections:
        if isinstance(coll, LineCollection):
            colour = tuple(coll.get_colors()[0])
            bars[colour] = [(seg[0][0], seg[1][1] - seg[0][1]) for seg in coll.get_segments()]
    drawn = sorted(b for group in bars.values() for b in group)
    assert drawn == [pytest.approx((p.start_s, p.duration_s)) for p in rv.transcript.pauses]
    long = bars[to_rgba(charts.LONG)]
    assert len(long) == sum(p.duration_s >= 1.0 for p in rv.transcript.pauses) > 0
    assert all(length >= 1.0 for _, length in long)


def test_progress_chart_takes_store_trend(tmp_path: Path) -> None:
    """The store's trend output plots as is: one point per attempt, dates as labels, band shaded."""
    from coach.store.sessions import SessionStore

    store = SessionStore(tmp_path / "s.db")
    for text in (DEMO, DEMO.replace("40 percent", "a lot"), DEMO + " Thank you."):
        store.save(review(transcript_from_text(text)), title="t", talk="bakery")
    points = store.trend(talk="bakery", metric="number_density")
    fig = charts.progress_chart(points, metric="number_density", band=(3.0, 12.0))
    ax = fig.axes[0]
    line = next(ln for ln in ax.lines if ln.get_marker() == "o" and len(ln.get_xdata()) == 3)
    assert list(line.get_ydata()) == [v for _, v in points]
    assert "Figures per 100 words" in ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert all(labels) and all(any(ch.isdigit() for ch in lab) for lab in labels)
    assert [s[2:] for s in spans(ax, charts.BAND)] == [pytest.approx((3.0, 12.0))]
    empty = charts.progress_chart([], metric="score")
    assert "No earlier attempts" in empty.axes[0].texts[0].get_text()


def test_trait_chart_bars_are_the_sub_scores() -> None:
    """One bar per trait, as long as its sub-score, coloured by how close it is to the band."""
    rv = timed_review()
    ax = charts.trait_chart(rv).axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() < 1]
    scores = list(rv.feedback.trait_scores.values())
    assert sorted(b.get_width() for b in bars) == pytest.approx(sorted(scores))
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == list(rv.feedback.trait_scores)[::-1] or names == list(rv.feedback.trait_scores)


def test_save_png_and_flowable_resolution(tmp_path: Path) -> None:
    """PNGs are written at the asked dpi (150 by default) and the flowable keeps the aspect."""
    fig = charts.pace_chart(timed_review())
    path = charts.save_png(fig, tmp_path / "pace.png")
    with Image.open(path) as im:
        w, h = im.size
    assert (w, h) == (round(fig.get_figwidth() * 150), round(fig.get_figheight() * 150))
    flow = charts.to_flowable(fig, width_pt=400)
    fw, fh = flow.wrap(500, 800)
    assert fw == 400 and fh == pytest.approx(400 * fig.get_figheight() / fig.get_figwidth())


def test_charts_render_the_same_in_threads() -> None:
    """Figures built in worker threads render exactly like ones built alone (no shared state)."""
    rv = timed_review()
    makers = [charts.pace_chart, charts.figures_timeline, charts.pauses_chart, charts.trait_chart]
    alone = [charts.png_bytes(make(rv), dpi=60) for make in makers]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda make: charts.png_bytes(make(rv), dpi=60), makers * 2))
    assert together == alone * 2
    # and the pace chart really shows the band colour
    pixels = np.asarray(Image.open(io.BytesIO(alone[0])).convert("RGB")).reshape(-1, 3)
    band = tuple(int(charts.BAND[i : i + 2], 16) for i in (1, 3, 5))
    assert (pixels == band).all(axis=1).sum() > 1000


def test_chart_module_never_loads_pyplot_or_qt() -> None:
    """Building every chart imports neither pyplot (global state) nor Qt."""
    code = (
        "import sys\n"
        "from coach.report import charts\n"
        "from coach.coaching.review import review\n"
        "from coach.text import transcript_from_text\n"
        "rv = review(transcript_from_text('We sold 40 cakes in 3 days. Was it worth it?'))\n"
        "for f in (charts.pace_chart, charts.figures_timeline, charts.pauses_chart,"
        " charts.trait_chart):\n"
        "    charts.png_bytes(f(rv))\n"
        "bad = [m for m in sys.modules if m.startswith(('matplotlib.pyplot', 'PySide6'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_lines_are_opaque() -> None:
    """Every drawn colour is opaque, so the PDF and screen show the same picture."""
    for make in (charts.pace_chart, charts.figures_timeline, charts.pauses_chart):
        ax = make(timed_review()).axes[0]
        for artist in [*ax.patches, *ax.lines]:
            assert artist.get_alpha() in (None, 1.0)
        for coll in ax.collections:
            if isinstance(coll, LineCollection):
                assert all(c[3] == 1.0 for c in coll.get_colors())


def test_pace_line_reaches_both_ends_with_marked_edge_windows() -> None:
    """Dashed shorter windows carry the pace line to 5 s from the first and last word."""
    rv = timed_review()
    ax = charts.pace_chart(rv).axes[0]
    edge = [ln for ln in ax.lines if ln.get_linestyle() == "--" and ln.get_color() == charts.LINE]
    assert edge and edge[0].get_label() == "edges: shorter window"
    xs = sorted(x for ln in edge for x in ln.get_xdata())
    words = rv.transcript.words
    assert xs[0] == pytest.approx((words[0].start_s or 0) + 5, abs=0.01)
    assert xs[-1] == pytest.approx(max(w.end_s or 0 for w in words) - 5, abs=0.01)


def test_figures_timeline_labels_a_few_and_offers_every_figure_on_hover() -> None:
    """Many figures: at most MAX_LABELS labels, none overlapping; hover text for each figure."""
    rv = timed_review()
    figs = [f for f in rv.analysis.figures if f.kind == "figure"]
    assert len(figs) > charts.MAX_LABELS
    fig = charts.figures_timeline(rv)
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text()]
    assert 3 <= len(labels) <= charts.MAX_LABELS
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, a in enumerate(boxes):
        assert a.x0 >= 0 and a.x1 <= fig.bbox.width  # inside the figure
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    money = [f for f in figs if f.unit in {"$", "%"}]
    assert (
        any(t.get_text() == money[0].text.strip(" ,.;:!?")[:16] for t in labels)
        or len(money) > charts.MAX_LABELS
    )
    (_ax, xs, _ys, texts), *_ = fig.coach_hover  # type: ignore[attr-defined]
    assert len(texts) == len(figs) and xs == [f.start_s for f in figs]
    assert texts[0].endswith(figs[0].text.strip(" ,.;:!?"))


def test_dark_theme_recolours_and_comes_back_exactly() -> None:
    """themed() swaps white for the dark base and ink for light text, and back byte for byte."""
    from coach.report.chart_theme import DARK_BACKGROUND, themed

    for make in (charts.pace_chart, charts.figures_timeline, charts.pauses_chart):
        fig = make(timed_review())
        before = charts.png_bytes(fig, dpi=60)
        themed(fig, dark=True)
        assert fig.get_facecolor() == to_rgba(DARK_BACKGROUND)
        assert fig.axes[0].get_facecolor() == to_rgba(DARK_BACKGROUND)
        title = next(t for t in fig.findobj(Text) if t.get_text() == fig.axes[0].get_title("left"))
        assert np.mean(to_rgba(title.get_color())[:3]) > 0.8  # light text on dark
        legend = fig.axes[0].get_legend()
        assert all(np.mean(to_rgba(t.get_color())[:3]) > 0.5 for t in legend.get_texts())
        themed(fig, dark=False)
        assert charts.png_bytes(fig, dpi=60) == before


def test_legends_stay_inside_the_figure() -> None:
    """No legend runs off the figure's edge (the pace legend's first entries were cut off in
    the app's 5-inch panel, in English and more so with a Mandarin take's longer unit)."""
    from dataclasses import replace

    from coach.types import Word

    typed = transcript_from_text("我们用了70多天，跑了12个城市，拜访了300家门店。" * 12)
    words = tuple(
        Word(w.text, i * 0.3, i * 0.3 + 0.25, w.utterance) for i, w in enumerate(typed.words)
    )
    zh = review(replace(typed, words=words, duration_s=len(words) * 0.3 + 0.5, engine="whisper"))
    for rv in (timed_review(), zh):
        for chart in (charts.pace_chart, charts.figures_timeline, charts.pauses_chart):
            fig = chart(rv)
            legend = fig.axes[0].get_legend()
            if legend is None:
                continue
            for width_in in (charts.WIDTH_IN, 5.0):  # the PDF's width, the app's panel
                fig.set_size_inches(width_in, fig.get_size_inches()[1])
                charts.fit_legends(fig)  # as the app's canvas does on resize
                box = legend.get_window_extent()
                where = (chart.__name__, rv.transcript.language, width_in)
                assert box.x0 >= 0 and box.x1 <= fig.bbox.width, where


def test_a_chinese_talks_charts_speak_chinese() -> None:
    """Titles, axis labels, legends and messages of a Chinese talk's charts are Chinese; an
    English talk's charts drawn next are English again."""
    import re

    zh = review(
        transcript_from_text("三年前我们遇到了危机。我问自己，还要不要继续？我们卖出了5万台。")
    )
    figs = [charts.pace_chart(zh), charts.figures_timeline(zh), charts.pauses_chart(zh),
            charts.trait_chart(zh), charts.progress_chart([], language="zh")]  # fmt: skip
    words = []
    for fig in figs:
        for text in fig.findobj(Text):
            words += re.findall(r"[A-Za-z]{2,}", text.get_text())
    assert not words, words
    en = charts.pace_chart(review(transcript_from_text("We sold 5 phones.")))
    assert any("Pace over time" in t.get_text() for t in en.findobj(Text))
