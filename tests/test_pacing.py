"""Words per minute, articulation rate and pace over time from timed words."""

from __future__ import annotations

import pytest

from coach.analysis.pacing import (
    articulation_wpm,
    pace_over_time,
    pace_variability,
    speech_span,
    words_per_minute,
)
from coach.types import Pause, Word


def _words(times: list[float], length_s: float = 0.3) -> list[Word]:
    return [Word(f"w{i}", t, t + length_s) for i, t in enumerate(times)]


def test_wpm_uses_the_speech_span() -> None:
    """60 words spread over 30 s of speech are 120 wpm, whatever silence surrounds them."""
    words = _words([10 + i * 0.5 for i in range(60)], length_s=0.5)
    assert speech_span(words) == (10.0, 40.0)
    assert words_per_minute(words) == pytest.approx(120.0)


def test_articulation_excludes_pauses() -> None:
    """Removing a 10 s pause from a 30 s span raises the rate to words / 20 s."""
    words = _words([i * 0.5 for i in range(20)] + [20 + i * 0.5 for i in range(20)], length_s=0.5)
    pauses = [Pause(10.0, 10.0), Pause(5.0, 0.1)]  # the 0.1 s gap is below the floor
    assert words_per_minute(words) == pytest.approx(40 / 30 * 60)
    assert articulation_wpm(words, pauses) == pytest.approx(40 / 20 * 60)


def test_pace_over_time_shows_speeding_up() -> None:
    """A talk that doubles its speed halfway shows a rising windowed pace and high variability."""
    slow = [i * 1.0 for i in range(60)]  # 60 wpm for 60 s
    fast = [60 + i * 0.5 for i in range(120)]  # 120 wpm for 60 s
    pace = pace_over_time(_words(slow + fast, length_s=0.2), window_s=30, hop_s=5)
    assert pace[0][1] == pytest.approx(60, abs=2)
    assert pace[-1][1] == pytest.approx(120, abs=2)
    assert pace[0][0] == pytest.approx(15.1, abs=0.2)
    assert pace_variability(pace) > 20


def test_short_talk_gets_shorter_windows_and_steady_pace() -> None:
    """A steady 24 s talk gets windows shorter than 30 s and near-zero variability."""
    words = _words([i * 0.4 for i in range(60)], length_s=0.3)
    pace = pace_over_time(words)
    assert len(pace) >= 2
    assert all(v == pytest.approx(150, abs=10) for _, v in pace)
    assert pace_variability(pace) < 5


def test_untimed_words_give_nothing() -> None:
    """Typed text has no span, no pace."""
    words = [Word("hello"), Word("there")]
    assert speech_span(words) is None
    assert words_per_minute(words) == 0.0
    assert pace_over_time(words) == []
