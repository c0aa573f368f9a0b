"""ui/live.py: utterance-by-utterance transcription that ends in the same transcript shape."""

from __future__ import annotations

import time

import pytest
from coach_ui.live import LiveTranscriber, recent_wpm

from coach.transcript.decode import load_audio
from coach.transcript.vad import pauses_between, speech_segments
from coach.types import Word
from tests.speech import standard_rehearsal


@pytest.mark.slow
def test_words_arrive_per_utterance_and_finish_matches_the_whole_file():
    """Fed at twice real time, words arrive in several batches; pauses equal the file's VAD."""
    reh = standard_rehearsal()
    samples, _ = load_audio(reh.path)
    batches: list[list[Word]] = []
    live = LiveTranscriber(engine="whisper", model="tiny.en", on_words=batches.append).start()
    block = 1600  # 0.1 s
    for i in range(0, len(samples), block):
        live.feed_samples(samples[i : i + block])
        time.sleep(0.05)
    # On a busy machine the worker may lag behind the feed: let it catch up on the utterances
    # that have ended (what is left is the last one, for finish()); speed is for bench/, not here.
    deadline = time.monotonic() + 120
    while live.pending_s > 6.0 and time.monotonic() < deadline:
        time.sleep(0.1)
    words_before_stop = len(live.words)
    transcript = live.finish()
    assert len(batches) >= 3  # utterance by utterance, not all at Stop
    assert words_before_stop >= 0.5 * len(transcript.words)
    assert transcript.duration_s == pytest.approx(len(samples) / 16000, abs=0.01)
    expected = pauses_between(speech_segments(samples), min_pause_s=0.3)
    assert [(p.start_s, p.duration_s) for p in transcript.pauses] == [
        (round(s, 3), d) for s, d in expected
    ]
    starts = [w.start_s for w in transcript.words]
    assert starts == sorted(starts) and transcript.engine == "whisper:tiny.en"
    # Words sit in the utterances the VAD found (numbered on the whole file).
    assert max(w.utterance for w in transcript.words) == len(expected)
    text = transcript.text.lower()
    assert "phones" in text and "questions" in text


def test_recent_pace_uses_only_the_last_stretch_of_speech():
    """Pace over the last 20 s ignores a slow start; too little speech gives 0."""
    slow = [Word("w", i * 1.0, i * 1.0 + 0.5) for i in range(30)]  # 60 wpm for 30 s
    fast = [Word("w", 30 + i * 0.4, 30 + i * 0.4 + 0.3) for i in range(50)]  # 150 wpm for 20 s
    assert recent_wpm(slow + fast) == pytest.approx(150, rel=0.05)
    assert recent_wpm(fast[:5]) == 0.0
