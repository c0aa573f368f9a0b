"""Voice activity detection finds utterances and the pauses between them on real speech."""

from __future__ import annotations

import numpy as np
import pytest

from coach.transcript.decode import load_audio
from coach.transcript.vad import pauses_between, segments_from_frames, speech_segments
from tests.speech import standard_rehearsal


@pytest.fixture(scope="module")
def rehearsal():
    """The standard rehearsal and its decoded samples."""
    reh = standard_rehearsal()
    samples, _ = load_audio(reh.path)
    return reh, samples


def test_utterances_match_truth(rehearsal) -> None:
    """Each synthesised utterance is found with start and end within 60 ms."""
    reh, samples = rehearsal
    segments = speech_segments(samples)
    assert len(segments) == len(reh.utterances)
    for (start, end), truth in zip(segments, reh.utterances, strict=True):
        assert start == pytest.approx(truth.start_s, abs=0.06)
        assert end == pytest.approx(truth.end_s, abs=0.06)


def test_pauses_match_inserted_silences(rehearsal) -> None:
    """Pauses come out where the silences were inserted, with their lengths within 60 ms."""
    reh, samples = rehearsal
    pauses = pauses_between(speech_segments(samples), min_pause_s=0.3)
    assert len(pauses) == len(reh.pauses)
    for (start, dur), (t_start, t_dur) in zip(pauses, reh.pauses, strict=True):
        assert start == pytest.approx(t_start, abs=0.06)
        assert dur == pytest.approx(t_dur, abs=0.06)


def test_min_pause_filters_short_gaps(rehearsal) -> None:
    """Only gaps at least min_pause_s long are reported as pauses."""
    reh, samples = rehearsal
    pauses = pauses_between(speech_segments(samples), min_pause_s=1.0)
    assert all(d >= 1.0 for _, d in pauses)
    assert len(pauses) == sum(d >= 1.0 for _, d in reh.pauses) == 2


def test_silence_and_hum_have_no_speech() -> None:
    """Digital silence and a quiet steady hum give no utterances."""
    assert speech_segments(np.zeros(16000 * 3, dtype=np.float32)) == []
    t = np.arange(16000 * 3) / 16000
    hum = (0.002 * np.sin(2 * np.pi * 50 * t)).astype(np.float32)
    assert speech_segments(hum) == []


def test_frames_merge_short_gaps_and_drop_blips() -> None:
    """Gaps under min_gap_s are bridged; a lone 30 ms blip is not an utterance."""
    frames = np.zeros(100, dtype=bool)
    frames[10:30] = True  # 0.3-0.9 s
    frames[33:50] = True  # gap of 90 ms: bridged
    frames[70] = True  # blip
    frames[80:95] = True  # after a 0.9 s gap
    segments = segments_from_frames(frames, min_gap_s=0.25)
    assert segments == [(0.3, 1.5), (2.4, 2.85)]
    assert pauses_between(segments, min_pause_s=0.3) == [(1.5, 0.9)]


def test_other_rates_are_accepted(rehearsal) -> None:
    """VAD runs at 8 kHz too and finds the same number of utterances."""
    reh, samples = rehearsal
    tel = samples[::2].copy()
    assert len(speech_segments(tel, rate=8000)) == len(reh.utterances)
    with pytest.raises(ValueError):
        speech_segments(samples, rate=22050)


def test_white_noise_is_not_speech(rehearsal) -> None:
    """Loud hiss (what a corrupt file decodes to) is dropped; speech mixed with quiet hiss is kept."""
    reh, samples = rehearsal
    rng = np.random.default_rng(3)
    hiss = rng.uniform(-0.9, 0.9, len(samples)).astype(np.float32)
    assert speech_segments(hiss) == []
    noisy = samples + 0.003 * hiss
    assert len(speech_segments(noisy)) == len(reh.utterances)
