"""Timed metrics of a spoken rehearsal, gathered in one place for :mod:`coach.analysis.analyse`.

Everything here needs word times and VAD pauses (``Transcript.timed``): pace, pauses, where the
figures fall in time, whether they land, and pitch variety. Value keys and units:

=====================  =====================================================================
``duration_s``         length of the recording, s
``speaking_s``         speech span minus pauses ≥ 0.25 s, s
``wpm``                words / speech span, words per minute
``articulation_wpm``   words / speaking time, words per minute
``pace_variability``   coefficient of variation of windowed wpm (30 s, shorter for short talks), %
``pause_ratio``        share of the speech span spent in pauses ≥ 0.3 s, %
``long_pauses_per_min`` pauses ≥ 1 s per minute of speech span
``figures_per_min``    concrete figures per minute of speech span
``number_desert_s``    longest stretch without a figure (span edges count), s
``figures_landed``     figures followed by a ≥ 0.4 s pause within 1 s, %
``pitch_spread_st``    median F0 spread (10th-90th percentile) per 10 s window, semitones
``monotone_share``     windows with spread below 3 semitones, %
=====================  =====================================================================

``pace_variability`` is absent for talks under 20 s, ``figures_landed`` without figures, and the
pitch keys when no window had enough voiced speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from coach.analysis.pacing import (
    articulation_wpm,
    pace_over_time,
    pace_variability,
    pause_time_s,
    speech_span,
    words_per_minute,
)
from coach.analysis.pauses import landing_pause, long_pauses, pause_ratio, pauses_at_least
from coach.transcript.pitch import MONOTONE_ST, monotone_stretches
from coach.types import Figure, Mark, Transcript

DESERT_S = 60.0
"""Stretches longer than this without a concrete figure are listed as number deserts."""


@dataclass(frozen=True)
class TimedAnalysis:
    """Timed metric values (keys in the module docstring), their series and marks."""

    values: dict[str, float] = field(default_factory=dict)
    details: dict[str, object] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)


def clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time in seconds, as tips quote it: 134 → ``"2:14"``."""
    total = int(round(max(0.0, seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def number_deserts(
    times_s: Sequence[float], span: tuple[float, float], *, min_desert_s: float = DESERT_S
) -> tuple[float, list[tuple[float, float]]]:
    """Longest gap between figures (span start and end count as edges) and all gaps ≥ ``min_desert_s``.

    Returns
    -------
    longest_s, deserts
        The longest stretch in seconds and the ``(start_s, end_s)`` stretches at least
        ``min_desert_s`` long.
    """
    edges = [span[0], *sorted(t for t in times_s if span[0] <= t <= span[1]), span[1]]
    gaps = [(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    longest = max((b - a for a, b in gaps), default=0.0)
    deserts = [(round(a, 2), round(b, 2)) for a, b in gaps if b - a >= min_desert_s]
    return longest, deserts


def _at(figure: Figure) -> float:
    """Start time of a timed figure in seconds."""
    return float(figure.start_s or 0.0)


def timed_analysis(transcript: Transcript, figures: Sequence[Figure]) -> TimedAnalysis:
    """Measure pace, pauses, figures in time and pitch variety of a timed transcript.

    Parameters
    ----------
    transcript
        A transcript with word times (``transcript.timed``) and VAD pauses.
    figures
        Numbers found in its words (:func:`coach.analysis.numbers.find_figures`); only ``kind="figure"``
        counts toward figure rate, deserts and landing.

    Returns
    -------
    TimedAnalysis
        ``values`` (see module docstring), ``details`` (``pace``, ``pauses``, ``figure_times``,
        ``deserts``, ``monotone``, ``long_pauses``, ``unlanded``) and ``marks`` for figures that
        run on without a pause.
    """
    words = transcript.words
    span = speech_span(words)
    duration = float(transcript.duration_s or (span[1] if span else 0.0))
    values: dict[str, float] = {"duration_s": round(duration, 2)}
    details: dict[str, object] = {
        "pace": [],
        "pauses": [],
        "figure_times": [],
        "deserts": [],
        "monotone": [],
    }
    if span is None or span[1] <= span[0]:
        values.update(speaking_s=0.0, wpm=0.0, articulation_wpm=0.0)
        return TimedAnalysis(values=values, details=details, marks=[])
    length = span[1] - span[0]
    minutes = length / 60.0
    pauses = pauses_at_least(transcript.pauses, min_pause_s=0.3)
    pace = pace_over_time(words)
    concrete = [f for f in figures if f.kind == "figure" and f.start_s is not None]
    times = [_at(f) for f in concrete]
    longest, deserts = number_deserts(times, span)
    landed = [landing_pause(f, transcript.pauses) is not None for f in concrete]
    values.update(
        speaking_s=round(
            length - pause_time_s(transcript.pauses, min_pause_s=0.25, within=span), 2
        ),
        wpm=round(words_per_minute(words), 1),
        articulation_wpm=round(articulation_wpm(words, transcript.pauses), 1),
        pause_ratio=round(pause_ratio(transcript.pauses, span), 1),
        long_pauses_per_min=round(len(long_pauses(transcript.pauses)) / minutes, 2),
        figures_per_min=round(len(concrete) / minutes, 2),
        number_desert_s=round(longest, 1),
    )
    if len(pace) >= 2:
        values["pace_variability"] = round(pace_variability(pace), 1)
    if concrete:
        values["figures_landed"] = round(100.0 * sum(landed) / len(concrete), 1)
    spreads = [v for _, v in transcript.pitch_spread]
    monotone = monotone_stretches(transcript.pitch_spread)
    if spreads:
        values["pitch_spread_st"] = round(float(np.median(spreads)), 2)
        values["monotone_share"] = round(
            100.0 * sum(v < MONOTONE_ST for v in spreads) / len(spreads), 1
        )
    marks = [
        Mark(
            kind="figure",
            word_span=f.word_span,
            text=f.text,
            advice=f"At {clock(_at(f))} '{f.text}' runs straight on: pause for half a "
            "second after a figure so it lands.",
            start_s=f.start_s,
        )
        for f, ok in zip(concrete, landed, strict=True)
        if not ok
    ]
    details.update(
        pace=pace,
        pauses=[(p.start_s, p.duration_s) for p in pauses],
        long_pauses=[(p.start_s, p.duration_s) for p in long_pauses(transcript.pauses)],
        figure_times=[(round(_at(f), 2), f.text) for f in concrete],
        deserts=deserts,
        monotone=monotone,
        unlanded=[
            (round(_at(f), 2), f.text) for f, ok in zip(concrete, landed, strict=True) if not ok
        ],
    )
    return TimedAnalysis(values=values, details=details, marks=marks)
