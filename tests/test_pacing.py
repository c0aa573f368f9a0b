"""Words per minute, articulation rate and pace over time from timed words."""

from __future__ import annotations

import pytest

from coach.analysis.pacing import (
    articulation_wpm,
    pace_at_edges,
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


def test_edge_windows_cover_the_start_and_end_of_the_talk() -> None:
    """A 3:35 talk: full windows span 0:15-3:15; shorter edge windows reach 5 s from each end."""
    words = [Word("w", 0.5 + i * 0.4, 0.5 + i * 0.4 + 0.3) for i in range(535)]  # 0:00.5-3:34
    full = pace_over_time(words)
    edges = pace_at_edges(words)
    first, last = words[0].start_s or 0, words[-1].end_s or 0
    assert full[0][0] == pytest.approx(first + 15) and full[-1][0] <= last - 15
    head = [e for e in edges if e[0] < full[0][0]]
    tail = [e for e in edges if e[0] > full[-1][0]]
    assert [e[2] for e in head] == [10.0, 15.0, 20.0, 25.0]
    assert head[0][0] == pytest.approx(first + 5) and tail[-1][0] == pytest.approx(last - 5)
    for _centre, wpm, _width in edges:  # a steady 150 wpm stays 150 at the edges
        assert wpm == pytest.approx(150, abs=12)
    # only the chart uses them: the variability metric still sees the full windows alone
    assert pace_at_edges(words[:40]) == []  # a talk of one window has no edges
