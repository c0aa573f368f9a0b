"""Timed metrics gathered for a transcript: pace, pauses, figures in time, pitch variety."""

from __future__ import annotations

import pytest

from coach.analysis.numbers import find_figures
from coach.analysis.timing import clock, number_deserts, timed_analysis
from coach.types import Pause, Transcript, Word
from tests.speech import standard_rehearsal, transcript_of

KEYS = {
    "duration_s", "speaking_s", "wpm", "articulation_wpm", "pace_variability", "pause_ratio",
    "long_pauses_per_min", "figures_per_min", "number_desert_s", "figures_landed",
    "pitch_spread_st", "monotone_share",
}  # fmt: skip


def _transcript() -> Transcript:
    """120 s, 2 words per second, a figure at 10 s (pause after it) and at 100 s (none)."""
    words = [Word(f"w{i}", i * 0.5, i * 0.5 + 0.4) for i in range(240)]
    words[20] = Word("5,000", 10.0, 10.4)
    words[200] = Word("$3", 100.0, 100.4)
    pauses = (Pause(10.5, 0.6), Pause(50.0, 1.5), Pause(80.0, 0.3))
    spread = tuple((float(t), 2.0 if t < 60 else 6.0) for t in range(0, 110, 10))
    return Transcript(tuple(words), pauses, 125.0, "whisper:base", pitch_spread=spread)


def test_values_on_known_transcript() -> None:
    """Every value matches what the hand-built transcript implies."""
    tr = _transcript()
    figures = [f for f in find_figures(tr.words) if f.kind == "figure"]
    assert [f.value for f in figures] == [5000, 3]
    res = timed_analysis(tr, figures)
    v = res.values
    assert set(v) == KEYS
    assert v["duration_s"] == 125.0
    assert v["wpm"] == pytest.approx(240 / 119.9 * 60, abs=0.1)
    assert v["speaking_s"] == pytest.approx(119.9 - 2.4, abs=0.01)
    assert v["articulation_wpm"] == pytest.approx(240 / (119.9 - 2.4) * 60, abs=0.1)
    assert v["pause_ratio"] == pytest.approx(2.4 / 119.9 * 100, abs=0.1)
    assert v["long_pauses_per_min"] == pytest.approx(1 / 119.9 * 60, abs=0.01)
    assert v["figures_per_min"] == pytest.approx(2 / 119.9 * 60, abs=0.01)
    assert v["number_desert_s"] == pytest.approx(90.0)
    assert v["figures_landed"] == 50.0
    assert v["pitch_spread_st"] == 2.0
    assert v["monotone_share"] == pytest.approx(600 / 11, abs=0.1)
    assert res.details["deserts"] == [(10.0, 100.0)]
    assert res.details["figure_times"] == [(10.0, "5,000"), (100.0, "$3")]
    assert res.details["monotone"] == [(0.0, 60.0)]
    assert res.details["pauses"] == [(10.5, 0.6), (50.0, 1.5), (80.0, 0.3)]
    assert len(res.details["pace"]) > 10  # type: ignore[arg-type]
    assert [m.text for m in res.marks] == ["$3"] and "1:40" in res.marks[0].advice


def test_no_words_gives_only_duration() -> None:
    """Silence is a valid result: a duration and zero rates, no crash."""
    res = timed_analysis(Transcript((), (), 3.0, "whisper:base"), [])
    assert res.values == {"duration_s": 3.0, "speaking_s": 0.0, "wpm": 0.0, "articulation_wpm": 0.0}


def test_deserts_and_clock() -> None:
    """Span edges count as figure-free stretches; clock formats m:ss and h:mm:ss."""
    longest, deserts = number_deserts([], (0.0, 75.0))
    assert longest == 75.0 and deserts == [(0.0, 75.0)]
    assert clock(134) == "2:14" and clock(3725) == "1:02:05" and clock(5.4) == "0:05"


@pytest.mark.slow
def test_real_rehearsal_timeline() -> None:
    """On real speech, figure times fall inside the utterances that said them."""
    reh = standard_rehearsal()
    tr = transcript_of(reh, "whisper", "base")
    figures = [f for f in find_figures(tr.words) if f.kind == "figure"]
    res = timed_analysis(tr, figures)
    truth = {f.value: f for f in reh.figures}
    matched = [(t, text) for t, text in res.details["figure_times"] if text]  # type: ignore[attr-defined]
    assert len(matched) >= 4
    for f in figures:
        if f.value in truth:
            assert truth[f.value].start_s - 0.1 <= f.start_s <= truth[f.value].end_s
    assert res.values["wpm"] == pytest.approx(reh.wpm, rel=0.1)
    assert res.values["number_desert_s"] < 10
