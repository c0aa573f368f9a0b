"""Real-time factor and word error rate of each speech engine on the synthetic rehearsals.

Run: ``.venv/bin/python bench/transcribe.py [--runs N]``. Audio is espeak-ng speech built by
``tests.speech`` (cached under tests/out/speech). RTF = (model load + transcription seconds) /
audio seconds, for the first file in a fresh process, and transcription only for the rest.
WER (jiwer) is on lower-cased words without punctuation, with number words turned into digits
on both sides (text2num), so "$199" and "one hundred ninety nine dollars" compare equal.
Also prints how many spoken "um"/"uh" fillers each engine kept, and CPU RTF (CPU seconds of
this process per audio second, all threads summed: on a busy machine wall RTF rises, this not).

"RTF long" is the whole set joined into one ~98 s recording, transcription only.

Goals here (2 cores): whisper base RTF ≤ 0.15, tiny.en ≤ 0.08, sphinx ≤ 0.5, model load included.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import jiwer  # noqa: E402
import numpy as np  # noqa: E402
from text_to_num import alpha2digit  # noqa: E402

from coach.transcript.decode import load_audio  # noqa: E402
from coach.transcript.transcribe import transcribe_samples, whisper_model  # noqa: E402
from tests.speech import (  # noqa: E402
    FILLERS,
    STANDARD_PARTS,
    build_rehearsal,
    filler_rehearsal,
    question_rehearsal,
    standard_rehearsal,
)

ENGINES = [("whisper", "base"), ("whisper", "tiny.en"), ("sphinx", None)]


def normalise(text: str) -> str:
    """Lower-case words, number words as digits, "$5" as "5 dollars", no punctuation."""
    text = text.lower().replace("%", " percent")
    text = re.sub(r"\$(\d[\d,.]*)", r"\1 dollars", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^\w\s']", " ", text)
    text = alpha2digit(text, "en")
    return " ".join(text.split())


def rehearsals() -> list:
    """The synthetic set: standard (rates 170, 140, 200), two with fillers, questions."""
    return [
        standard_rehearsal(),
        build_rehearsal(STANDARD_PARTS, rate=140, name="standard140"),
        build_rehearsal(STANDARD_PARTS, rate=200, name="standard200"),
        filler_rehearsal(),
        question_rehearsal(),
        build_rehearsal(
            ("I think uh we should um try it", 0.5, "Well um the answer is uh yes and um no"),
            rate=160,
            name="fillers2",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="whisper:base,whisper:tiny.en,sphinx")
    args = parser.parse_args()
    chosen = [tuple((e.split(":") + [None])[:2]) for e in args.engines.split(",")]
    set_ = rehearsals()
    audio = [(r, load_audio(r.path)[0]) for r in set_]
    total_audio = sum(len(s) / 16000 for _, s in audio)
    print(f"synthetic set: {len(set_)} files, {total_audio:.1f} s of espeak-ng speech, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    gap = np.zeros(16000, dtype=np.float32)
    joined = np.concatenate([part for _, s in audio for part in (s, gap)])
    print(f"{'engine':<16}{'load s':>8}{'RTF 1st+load':>14}{'RTF rest':>10}{'CPU RTF':>9}"
          f"{'WER %':>8}{'fillers':>9}{'RTF long':>10}")  # fmt: skip
    for engine, model in chosen:
        started = time.perf_counter()
        if engine == "whisper":
            whisper_model(model)
        if engine == "sphinx":
            from coach.transcript.transcribe import _sphinx_decoder

            _sphinx_decoder()
        load_s = time.perf_counter() - started
        refs, hyps = [], []
        first_rtf, rest_time, rest_audio = 0.0, 0.0, 0.0
        cpu_started = time.process_time()
        kept = truth_fillers = 0
        for i, (reh, samples) in enumerate(audio):
            t0 = time.perf_counter()
            tr = transcribe_samples(samples, engine=engine, model=model)
            spent = time.perf_counter() - t0
            seconds = len(samples) / 16000
            if i == 0:
                first_rtf = (spent + load_s) / seconds
            else:
                rest_time += spent
                rest_audio += seconds
            refs.append(normalise(reh.text))
            hyps.append(normalise(tr.text) or "<empty>")
            truth_fillers += sum(w in FILLERS for w in reh.words)
            kept += sum(re.sub(r"\W", "", w.text.lower()) in FILLERS for w in tr.words)
        cpu_rtf = (time.process_time() - cpu_started) / total_audio
        wer = jiwer.wer(refs, hyps) * 100
        # the whole set as one rehearsal (1 s between files): closer to a real talk's length,
        # where Whisper's fixed 30 s window is filled instead of padded
        t0 = time.perf_counter()
        transcribe_samples(joined, engine=engine, model=model)
        long_rtf = (time.perf_counter() - t0) / (len(joined) / 16000)
        name = f"{engine}:{model}" if model else engine
        print(f"{name:<16}{load_s:8.2f}{first_rtf:14.3f}{rest_time / rest_audio:10.3f}"
              f"{cpu_rtf:9.3f}{wer:8.1f}{kept:>6}/{truth_fillers}{long_rtf:10.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
