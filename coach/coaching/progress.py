"""Saved attempts and how they compare: the records the store hands out, and what improved.

These are plain frozen dataclasses with no database code; :mod:`coach.store.sessions` builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.coaching.review import Review
from coach.metrics import METRICS, metric_label

Verdict = Literal["better", "worse", "same", "new", "gone"]


@dataclass(frozen=True)
class SessionSummary:
    """One row of the history table (no transcript loaded). Times in seconds, score 0-100.

    ``deleted`` is the ISO-8601 UTC time the session went to the trash, else ``None``.
    """

    id: int
    created: str
    title: str
    talk: str
    duration_s: float | None
    wpm: float | None
    figures_per_min: float | None
    number_density: float | None
    score: float
    engine: str
    profile_id: str
    deleted: str | None = None


@dataclass(frozen=True)
class Session:
    """A saved rehearsal: who said what, how it scored, and where its recording is.

    ``created`` is ISO-8601 UTC; ``audio_path`` is absolute (``None`` for a typed script).
    """

    id: int
    created: str
    title: str
    talk: str
    profile_id: str
    profile_name: str
    engine: str
    duration_s: float | None
    audio_path: Path | None
    script: str | None
    notes: str
    score: float
    review: Review
    deleted: str | None = None


@dataclass(frozen=True)
class MetricChange:
    """One metric in two sessions, judged by distance from the band (of the later session)."""

    name: str
    label: str
    unit: str
    value1: float | None
    value2: float | None
    target_low: float
    target_high: float
    verdict: Verdict


@dataclass(frozen=True)
class Comparison:
    """Two sessions side by side: overall score and each metric."""

    first: SessionSummary
    second: SessionSummary
    score_change: float
    metrics: tuple[MetricChange, ...]

    def improved(self) -> list[str]:
        """Names of the metrics that moved toward their band."""
        return [m.name for m in self.metrics if m.verdict == "better"]

    def worsened(self) -> list[str]:
        """Names of the metrics that moved away from their band."""
        return [m.name for m in self.metrics if m.verdict == "worse"]


def distance_from_band(value: float, low: float, high: float) -> float:
    """How far ``value`` lies outside ``[low, high]`` (0 inside), in the metric's unit."""
    return max(low - value, 0.0, value - high)


def metric_changes(
    first: dict[str, tuple[float, tuple[float, float]]],
    second: dict[str, tuple[float, tuple[float, float]]],
    *,
    language: str = "en",
) -> tuple[MetricChange, ...]:
    """Judge each metric's move from ``first`` to ``second`` (name -> (value, (low, high))).

    ``language`` is the talk's: a Chinese talk's rates are labelled per character.

    A metric is "better" when the second value is closer to the band, "same" when equally far
    (both inside counts as same); bands come from ``second`` when it has the metric.
    """
    changes = []
    for name in METRICS:
        a, b = first.get(name), second.get(name)
        if a is None and b is None:
            continue
        low, high = b[1] if b is not None else a[1]  # type: ignore[index]
        verdict: Verdict
        if a is None:
            verdict = "new"
        elif b is None:
            verdict = "gone"
        else:
            d1, d2 = distance_from_band(a[0], low, high), distance_from_band(b[0], low, high)
            tol = 1e-9 + 1e-6 * max(abs(a[0]), abs(b[0]))
            verdict = "same" if abs(d1 - d2) <= tol else ("better" if d2 < d1 else "worse")
        changes.append(
            MetricChange(
                name=name,
                label=metric_label(name, language)[0],
                unit=metric_label(name, language)[1],
                value1=a[0] if a else None,
                value2=b[0] if b else None,
                target_low=low,
                target_high=high,
                verdict=verdict,
            )
        )
    return tuple(changes)
