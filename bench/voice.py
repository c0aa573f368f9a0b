"""Model delivery: calibration factor, render speed, achieved pace and pause accuracy.

Run: ``.venv/bin/python bench/voice.py``. Uses a fresh COACH_HOME, so the calibration is measured
(not read from the cache). The bundled demo script is rendered at the default profile's pace, then
transcribed back with Whisper tiny.en: achieved wpm = words heard / (last word end - first word
start). Pauses are measured in the WAV as runs of samples below the trim level, at each placed
pause. Render speed is wall seconds per minute of rendered audio (worker start-up included).

Goals: achieved pace within ±5 % of the target; every pause ≥ its set length.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-voice-")
os.environ["COACH_CACHE"] = os.path.join(os.environ["COACH_HOME"], "cache")  # fresh calibration

import numpy as np  # noqa: E402

from coach.paths import samples_dir  # noqa: E402
from coach.voice import delivery as voice  # noqa: E402
from coach.voice import tts  # noqa: E402
from coach.voice.tts import quiet_runs, speech_span_s  # noqa: E402


def main() -> None:
    """Print the figures."""
    from coach.text import transcript_from_text
    from coach.transcript.transcribe import transcribe_file

    began = time.perf_counter()
    cal = tts.calibrate(refresh=True)
    cal_s = time.perf_counter() - began
    points = ", ".join(f"rate {r} -> {w:.1f} wpm" for r, w in cal.points)
    print(f"calibration ({cal.driver}, voice {cal.voice}): factor {cal.factor:.3f} wpm per rate unit, "
          f"spread {cal.spread * 100:.1f} %, {cal_s:.2f} s  [{points}]")  # fmt: skip

    target = voice.target_wpm_for()
    text = (samples_dir() / "demo.txt").read_text(encoding="utf-8")
    out = Path(os.environ["COACH_HOME"]) / "demo-model.wav"
    result = voice.render_model_delivery(text, out, target_wpm=target)
    minutes = result.duration_s / 60.0
    print(f"render demo.txt ({result.word_count} words, {len(result.pauses)} pauses): "
          f"{result.duration_s:.1f} s audio in {result.render_s:.2f} s = "
          f"{result.render_s / minutes:.2f} s per minute of speech, {result.passes} pass(es), "
          f"rate setting {result.rate_setting}")  # fmt: skip

    heard = transcribe_file(out, engine="whisper", model="tiny.en")
    words = [w for w in heard.words if any(c.isalnum() for c in w.text)]
    heard_wpm = len(words) * 60.0 / (words[-1].end_s - words[0].start_s)
    audio_wpm = len(transcript_from_text(text).words) * 60.0 / speech_span_s(out)
    print(f"pace: target {target:.1f} wpm, planned {result.planned_wpm:.1f} "
          f"({(result.planned_wpm / target - 1) * 100:+.1f} %), from audio span {audio_wpm:.1f} "
          f"({(audio_wpm / target - 1) * 100:+.1f} %), heard by Whisper tiny.en {heard_wpm:.1f} "
          f"({(heard_wpm / target - 1) * 100:+.1f} %; {len(words)} words heard vs "
          f"{result.word_count} written)")  # fmt: skip

    runs = quiet_runs(out)
    errors = []
    for p in result.pauses:
        measured = max(
            (length for start, length in runs if abs(start - p.start_s) < 0.05), default=0.0
        )
        errors.append(measured - p.duration_s)
    err = np.array(errors)
    print(f"pauses: {len(err)} placed ({sum(p.kind == 'figure' for p in result.pauses)} after "
          f"figures); measured silence minus set length: min {err.min() * 1000:+.0f} ms, "
          f"median {np.median(err) * 1000:+.0f} ms, max {err.max() * 1000:+.0f} ms; "
          f"all >= set: {bool((err >= 0).all())}")  # fmt: skip

    for wpm in (110.0, 150.0, 190.0):
        r = voice.render_model_delivery(text, out, target_wpm=wpm)
        got = r.word_count * 60.0 / speech_span_s(out)
        print(f"target {wpm:.0f} wpm: from audio {got:.1f} ({(got / wpm - 1) * 100:+.1f} %), "
              f"{r.passes} pass(es), {r.render_s:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
