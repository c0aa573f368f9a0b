"""Speaking pace from timed words: words per minute, articulation rate, pace over time.

``wpm`` counts words over the speech span (first word start to last word end), so leading and
trailing silence do not dilute it. Articulation rate removes the pauses inside that span: it is
how fast the speaker talks while talking. Pace over time uses sliding windows to show rushing
and dragging.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coach.types import Pause, Word


def speech_span(words: Sequence[Word]) -> tuple[float, float] | None:
    """``(first word start, last word end)`` in seconds, or ``None`` without timed words."""
    timed = [w for w in words if w.start_s is not None and w.end_s is not None]
    if not timed:
        return None
    return float(timed[0].start_s), float(max(w.end_s for w in timed))  # type: ignore[arg-type, type-var]


def words_per_minute(words: Sequence[Word]) -> float:
    """Words divided by the speech span in minutes (0 when there is no span)."""
    span = speech_span(words)
    if span is None or span[1] - span[0] <= 0:
        return 0.0
    return len(words) / ((span[1] - span[0]) / 60.0)


def pause_time_s(
    pauses: Sequence[Pause], *, min_pause_s: float = 0.25, within: tuple[float, float] | None = None
) -> float:
    """Total seconds of pauses at least ``min_pause_s`` long, clipped to ``within`` when given."""
    total = 0.0
    for p in pauses:
        if p.duration_s < min_pause_s:
            continue
        start, end = p.start_s, p.start_s + p.duration_s
        if within is not None:
            start, end = max(start, within[0]), min(end, within[1])
        total += max(0.0, end - start)
    return total


def articulation_wpm(
    words: Sequence[Word], pauses: Sequence[Pause], *, min_pause_s: float = 0.25
) -> float:
    """Words per minute of speaking time: the speech span minus pauses ≥ ``min_pause_s``."""
    span = speech_span(words)
    if span is None:
        return 0.0
    speaking = (span[1] - span[0]) - pause_time_s(pauses, min_pause_s=min_pause_s, within=span)
    return len(words) / (speaking / 60.0) if speaking > 0 else 0.0


def pace_over_time(
    words: Sequence[Word], *, window_s: float = 30.0, hop_s: float = 5.0, min_window_s: float = 10.0
) -> list[tuple[float, float]]:
    """Words per minute in sliding windows, as ``(window centre s, wpm)``.

    A word counts in a window when its midpoint falls inside. Windows run across the speech span;
    a talk shorter than two windows gets windows of half its length (at least ``min_window_s``),
    and one shorter than two of those gets a single window covering all of it.
    """
    span = speech_span(words)
    if span is None:
        return []
    mids = _midpoints(words)
    first, last = span
    window_s, hop_s = _windows(span, window_s, hop_s, min_window_s)
    if last - first < 2 * window_s:
        return [(round((first + last) / 2, 2), round(words_per_minute(words), 1))]
    out = []
    start = first
    while start + window_s <= last + 1e-9:
        count = int(((mids >= start) & (mids < start + window_s)).sum())
        out.append((round(start + window_s / 2, 2), round(count / window_s * 60.0, 1)))
        start += hop_s
    return out


def _midpoints(words: Sequence[Word]) -> np.ndarray:
    return np.array(
        [(w.start_s + w.end_s) / 2 for w in words if w.start_s is not None and w.end_s is not None]
    )


def _windows(
    span: tuple[float, float], window_s: float, hop_s: float, min_window_s: float
) -> tuple[float, float]:
    """The window and hop :func:`pace_over_time` uses for a talk spanning ``span``."""
    first, last = span
    if last - first < 2 * window_s:
        window_s = max(min_window_s, (last - first) / 2)
        hop_s = min(hop_s, window_s / 2)
    return window_s, hop_s


def pace_at_edges(
    words: Sequence[Word], *, window_s: float = 30.0, hop_s: float = 5.0, min_window_s: float = 10.0
) -> list[tuple[float, float, float]]:
    """The pace at the start and end of a talk, where :func:`pace_over_time` has no full window.

    Windows anchored at the first word (and at the last) grow from ``min_window_s`` in steps of
    ``hop_s`` up to the full window, so together with :func:`pace_over_time` (same arguments)
    the pace line covers the whole talk. Returns ``(window centre s, wpm, window length s)``,
    in time order; empty when the talk has a single window.
    """
    span = speech_span(words)
    if span is None:
        return []
    first, last = span
    window_s, hop_s = _windows(span, window_s, hop_s, min_window_s)
    if last - first < 2 * window_s:
        return []
    mids = _midpoints(words)
    widths = np.arange(min_window_s, window_s - 1e-9, hop_s)
    head, tail = [], []
    for w in widths:
        count = int(((mids >= first) & (mids < first + w)).sum())
        head.append((round(first + w / 2, 2), round(count / w * 60.0, 1), round(float(w), 2)))
        count = int(((mids > last - w) & (mids <= last)).sum())
        tail.append((round(last - w / 2, 2), round(count / w * 60.0, 1), round(float(w), 2)))
    return head + tail[::-1]


def pace_variability(pace: Sequence[tuple[float, float]]) -> float:
    """Coefficient of variation of windowed wpm, in percent (0 for fewer than two windows)."""
    values = np.array([v for _, v in pace], dtype=float)
    if values.size < 2 or values.mean() <= 0:
        return 0.0
    return float(values.std() / values.mean() * 100.0)
