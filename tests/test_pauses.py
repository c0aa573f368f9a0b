"""Pause counts, pause ratio and whether figures get a pause to land."""

from __future__ import annotations

import pytest

from coach.analysis.pauses import landing_pause, long_pauses, pause_ratio, pauses_at_least
from coach.types import Figure, Pause

PAUSES = [Pause(2.0, 0.35), Pause(5.0, 1.2), Pause(9.0, 0.25), Pause(12.0, 2.0)]


def test_filters_by_length() -> None:
    """Pauses below the floor are ignored; long pauses start at 1 s."""
    assert len(pauses_at_least(PAUSES, min_pause_s=0.3)) == 3
    assert [p.start_s for p in long_pauses(PAUSES)] == [5.0, 12.0]


def test_pause_ratio_clips_to_span() -> None:
    """Pause time inside the span over span length, in percent."""
    # span 0-13 s: 0.35 + 1.2 + 1.0 (clipped) = 2.55 s of 13 s
    assert pause_ratio(PAUSES, (0.0, 13.0)) == pytest.approx(2.55 / 13 * 100)
    assert pause_ratio(PAUSES, (3.0, 3.0)) == 0.0


def _figure(end_s: float) -> Figure:
    return Figure("5,000", 5000, "", (0, 1), start_s=end_s - 0.5, end_s=end_s)


def test_landing_pause() -> None:
    """A ≥ 0.4 s pause within 1 s after a figure lets it land; a short or late one does not."""
    assert landing_pause(_figure(4.3), PAUSES) == Pause(5.0, 1.2)
    assert landing_pause(_figure(1.8), PAUSES) is None  # next pause is 0.35 s
    assert landing_pause(_figure(10.5), PAUSES) is None  # 1.5 s until the pause
    assert landing_pause(Figure("3", 3, "", (0, 1)), PAUSES) is None  # untimed
