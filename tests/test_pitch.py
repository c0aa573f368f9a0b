"""F0 estimation, pitch spread, monotone stretches and rising ends."""

from __future__ import annotations

import numpy as np
import pytest

from coach.transcript.pitch import (
    f0_track,
    monotone_stretches,
    pitch_spread_windows,
    rising_end,
    spread_st,
    track_utterances,
)
from tests.speech import synthesize

RATE = 16000


def _voice(f0_hz: np.ndarray) -> np.ndarray:
    """A buzzy harmonic tone following the F0 contour ``f0_hz`` (one value per sample)."""
    phase = 2 * np.pi * np.cumsum(f0_hz) / RATE
    return (0.15 * sum(np.sin(k * phase) / k for k in range(1, 7))).astype(np.float32)


@pytest.mark.parametrize("f0", [85.0, 120.0, 210.0, 340.0])
def test_f0_of_steady_tone(f0) -> None:
    """A steady harmonic tone is measured within 1 % and counted as voiced throughout."""
    _, track = f0_track(_voice(np.full(RATE, f0)))
    assert np.isfinite(track).mean() > 0.95
    assert np.nanmedian(track) == pytest.approx(f0, rel=0.01)


def test_noise_and_silence_are_unvoiced() -> None:
    """White noise and silence give no F0."""
    rng = np.random.default_rng(1)
    _, noise = f0_track((0.1 * rng.standard_normal(RATE)).astype(np.float32))
    _, quiet = f0_track(np.zeros(RATE, dtype=np.float32))
    assert np.isfinite(noise).mean() < 0.05
    assert not np.isfinite(quiet).any()


def test_spread_of_glide_and_flat_tone() -> None:
    """An octave glide spreads ≈ 9.6 semitones (10th-90th pct); a flat tone under 0.5."""
    t = np.arange(2 * RATE) / (2 * RATE)
    _, glide = f0_track(_voice(100 * 2**t))
    _, flat = f0_track(_voice(np.full(2 * RATE, 150.0)))
    assert spread_st(glide) == pytest.approx(9.6, abs=0.8)
    assert spread_st(flat) < 0.5


def test_windows_flag_monotone_stretch() -> None:
    """A flat 12 s stretch after a lively 12 s one is flagged, the lively one is not."""
    t = np.arange(12 * RATE) / RATE
    lively = _voice(140 * 2 ** (0.5 * np.sin(2 * np.pi * 0.7 * t)))
    flat = _voice(np.full(12 * RATE, 140.0))
    signal = np.concatenate([lively, flat])
    spread = pitch_spread_windows(signal, [(0.0, 24.0)], window_s=6.0, hop_s=6.0)
    assert [round(s) for s, _ in spread] == [0, 6, 12, 18]
    assert spread[0][1] > 6 and spread[3][1] < 1
    assert monotone_stretches(spread, window_s=6.0) == [(12.0, 24.0)]


def test_utterances_tracked_once_give_the_same_windows() -> None:
    """Pitch tracked utterance by utterance while recording gives the windows a whole file
    gives; a tracked utterance is not tracked again, one whose bounds moved is."""
    t = np.arange(30 * RATE) / RATE
    signal = _voice(150 * 2 ** (0.3 * np.sin(2 * np.pi * 0.4 * t)))
    signal[int(9.5 * RATE) : int(10.5 * RATE)] = 0.0
    signal[int(19.5 * RATE) : int(20.5 * RATE)] = 0.0
    final = [(0.0, 9.5), (10.5, 19.5), (20.5, 30.0)]
    tracks: dict = {}
    track_utterances(signal, [(0.0, 9.5), (10.5, 14.0)], tracks)  # mid-recording
    first = tracks[(0.0, 9.5)]
    live = pitch_spread_windows(signal, final, tracks=tracks)
    assert live == pitch_spread_windows(signal, final)
    assert tracks[(0.0, 9.5)] is first
    assert set(tracks) == {(0.0, 9.5), (10.5, 14.0), (10.5, 19.5), (20.5, 30.0)}
    assert len(live) >= 4


def test_real_speech_has_plausible_spread() -> None:
    """espeak-ng speech is voiced in places and spreads a few semitones."""
    speech = synthesize("Our team of 80 engineers answered 3000 questions from users", rate=170)
    _, track = f0_track(speech)
    assert 0.3 < np.isfinite(track).mean() < 0.95
    assert 1.0 < spread_st(track) < 12.0


def test_rising_end() -> None:
    """A tone that rises at the end reads as a question; falling and flat ones do not."""
    n = RATE
    body = np.full(n, 120.0)
    rise = np.linspace(120, 180, RATE // 2)
    fall = np.linspace(120, 90, RATE // 2)
    up = _voice(np.concatenate([body, rise]))
    down = _voice(np.concatenate([body, fall]))
    assert rising_end(up, 0.0, len(up) / RATE)
    assert not rising_end(down, 0.0, len(down) / RATE)
    statement = synthesize("We learned to listen.", rate=160)
    assert not rising_end(statement, 0.0, len(statement) / RATE)
