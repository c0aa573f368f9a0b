"""Accuracy and speed of each speech engine on real human voices and on the synthetic set.

Run: ``.venv/bin/python bench/transcribe.py [--engines whisper:base,whisper:tiny.en,sphinx]``.

Human speech: the public clips of ``tests/human`` (LibriVox, LibriSpeech, JFK, sample recordings
from speech projects; see tests/human/SOURCES.md), each transcribed as its own file, plus all of
them joined into one ≈ 2-minute reading with silent stretches (``tests.human.human_reading``).
Synthetic speech: espeak-ng rehearsals from ``tests.speech`` (three with no fillers, one with
questions, two with "um"/"uh"), and five more rehearsals with fillers in other voices and rates.

Printed per engine:

- ``WER human``: pooled word error rate over the human clips (jiwer, lower-case, no punctuation,
  number words as digits on both sides, "Mr" as "mister").
- ``WER read``: the same words transcribed as one joined reading (chunking and context at work).
- ``ins``: words the engine added on the joined reading; ``in sil``: words placed inside its
  silent stretches (≥ 2 s, where nothing was said); ``noise``: words heard in 8 s of room
  noise plus 10 s of digital silence (should be 0).
- ``figures``: figures said by a person (cards, "ten meters", "one two three") found as figures.
- ``pace``: mean and worst error of words per minute against the truth on the human clips of 5 s
  and longer, and on the joined reading. The truth is the reference words over the time they
  were spoken: from the first word's start to the last word's end as pocketsphinx aligns the
  reference text to the audio (forced alignment, independent of Whisper and of Coach's VAD; on
  the LibriSpeech clip it agrees with the published Montreal Forced Aligner times within 30 ms).
  ``vad`` is the worst error against the older truth, the words over the WebRTC VAD span, which
  also counts VAD padding and noise next to the voice (the JFK crowd). A clip whose words are
  not all in pocketsphinx's dictionary falls back to the VAD span (said on stderr). Words are
  counted as the references count them (a hyphenated "ill-disposed" is two).
- ``WER syn``: pooled WER on synthetic speech without fillers; ``fillers kept``: spoken "um"/"uh"
  kept on the two synthetic filler rehearsals; ``fillers unseen``: the same on five more
  (:data:`MORE_FILLERS`, written after the filler look and never tuned on; at most the number
  said counts per rehearsal); ``false``: fillers written where none were said (human clips,
  filler-free synthetic talks, and any beyond the number said in a rehearsal of the unseen set).
- ``human fillers``: on ``tests.human.FILLER_CLIPS`` (one man speaking freely, 71 s, his "um",
  "uh" and "hm" written down): ``found`` fillers written where he said one (any filler word for
  any other: word alignment with every filler as one token), ``false`` fillers written where he
  said none, and ``WER`` of his other words.
- ``RTF fresh``: (process start to words, model load included) / audio seconds for the joined
  human reading in a new Python process; ``RTF warm``: the same reading again, model loaded.
- ``same``: a second run on the joined reading gives the same words (deterministic decoding).
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import jiwer  # noqa: E402
import numpy as np  # noqa: E402
from text_to_num import alpha2digit  # noqa: E402

from coach.analysis.numbers import find_figures  # noqa: E402
from coach.analysis.pacing import words_per_minute  # noqa: E402
from coach.transcript.decode import load_audio  # noqa: E402
from coach.transcript.fillers import is_filler  # noqa: E402
from coach.transcript.transcribe import transcribe_samples  # noqa: E402
from coach.transcript.vad import speech_segments  # noqa: E402
from tests.human import CLIPS, FILLER_CLIPS, NOISE, aligned_words, human_reading  # noqa: E402
from tests.speech import (  # noqa: E402
    FILLERS,
    STANDARD_PARTS,
    build_rehearsal,
    filler_rehearsal,
    question_rehearsal,
    standard_rehearsal,
)

RATE = 16000


def normalise(text: str) -> str:
    """Lower-case words, number words as digits, "$5" as "5 dollars", no punctuation."""
    text = text.lower().replace("%", " percent")
    text = re.sub(r"\$(\d[\d,.]*)", r"\1 dollars", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^\w\s']", " ", text)
    text = re.sub(r"\bmr\b", "mister", text)
    text = alpha2digit(text, "en")
    return " ".join(text.split())


def synthetic() -> tuple[list, list, list]:
    """(speech without fillers, speech with fillers, more speech with fillers) from espeak-ng.

    The third set (other sentences, rates, an en-GB voice, a talk with "I'm" and "a" but no
    filler) was written after the filler look was built and is never tuned on: it shows how
    the look does on fillers it has not seen."""
    plain = [
        standard_rehearsal(),
        build_rehearsal(STANDARD_PARTS, rate=140, name="standard140"),
        build_rehearsal(STANDARD_PARTS, rate=200, name="standard200"),
        question_rehearsal(),
    ]
    fillers = [
        filler_rehearsal(),
        build_rehearsal(
            ("I think uh we should um try it", 0.5, "Well um the answer is uh yes and um no"),
            rate=160,
            name="fillers2",
        ),
    ]
    more = [
        build_rehearsal(parts, rate=rate, voice=voice, name=f"fillers-more{k}")
        for k, (parts, rate, voice) in enumerate(MORE_FILLERS)
    ]
    return plain, fillers, more


MORE_FILLERS: tuple[tuple[tuple[str | float, ...], int, str], ...] = (
    (("Last spring um our team shipped the new app", 0.6, "and uh it crashed on the first day",
      0.7, "so we uh rewrote the login code in a week"), 150, "gmw/en-us"),
    (("I want to uh tell you about a hard year", 0.5, "we lost um half of our users", 0.8,
      "and I asked myself um what went wrong"), 175, "gmw/en-us"),
    (("Um the price is now 99 dollars", 0.6, "that is uh a lot less than before", 0.6,
      "and our partners uh agreed to it"), 165, "gmw/en"),
    (("Our factory makes a thousand cars a day", 0.6, "I'm proud of a team that never gave up",
      0.7, "and I am grateful to all of you"), 165, "gmw/en-us"),
    (("So uh what did we do", 0.5, "we um went back to the users", 0.5, "and we um listened", 0.6,
      "uh that changed everything"), 140, "gmw/en-us"),
)  # fmt: skip


def vad_span(samples: np.ndarray) -> tuple[float, float]:
    """(start, end) of the VAD speech in ``samples``; (0, 0) when there is none."""
    segs = speech_segments(samples)
    return (segs[0][0], segs[-1][1]) if segs else (0.0, 0.0)


def wpm_over(n_words: int, span: tuple[float, float]) -> float:
    """Words per minute over ``span`` (0 when it is empty)."""
    return n_words / ((span[1] - span[0]) / 60) if span[1] > span[0] else 0.0


def span_wpm(n_words: int, samples: np.ndarray) -> float:
    """Words per minute over the VAD speech span of ``samples``."""
    return wpm_over(n_words, vad_span(samples))


@functools.cache
def truth_span(name: str) -> tuple[float, float]:
    """(first word start, last word end) of the human clip ``name`` with its text force-aligned
    to its audio, or its VAD speech span (said on stderr) when pocketsphinx cannot align them.
    Aligned once per run: every engine and the joined reading use the same truth."""
    clip = next(c for c in CLIPS if c.name == name)
    samples = load_audio(clip.path)[0]
    try:
        timed = aligned_words(samples, clip.text)
    except ValueError as exc:
        print(f"{name}: {exc}; VAD span used", file=sys.stderr)
        return vad_span(samples)
    return timed[0][1], timed[-1][2]


def spoken_wpm(transcript) -> float:  # type: ignore[no-untyped-def]
    """Coach's words per minute, counting words as the references do ("ill-disposed" is two)."""
    wpm = words_per_minute(transcript.words)
    return wpm * len(normalise(transcript.text).split()) / max(1, len(transcript.words))


def fillers_in(words) -> int:  # type: ignore[no-untyped-def]
    return sum(re.sub(r"\W", "", w.text.lower()) in FILLERS for w in words)


def figures_found(words, truth: tuple[float, ...]) -> int:  # type: ignore[no-untyped-def]
    values = [f.value for f in find_figures(words) if f.kind == "figure"]
    hits = 0
    for value in truth:
        if value in values:
            values.remove(value)
            hits += 1
    return hits


def human_fillers(engine: str, model: str | None) -> tuple[int, int, int, float]:
    """(fillers found, fillers said, fillers written where none was said, WER of the other
    words %) on the free speech of ``FILLER_CLIPS``."""

    def tokens(text: str) -> str:
        return " ".join("<filler>" if is_filler(w) else w for w in normalise(text).split())

    found = said = false = 0
    refs, hyps = [], []
    for clip in FILLER_CLIPS:
        tr = transcribe_samples(load_audio(clip.path)[0], engine=engine, model=model)
        ref, hyp = tokens(clip.text), tokens(tr.text)
        out = jiwer.process_words(ref, hyp or "<empty>")
        for piece in out.alignments[0]:
            r = out.references[0][piece.ref_start_idx : piece.ref_end_idx].count("<filler>")
            h = out.hypotheses[0][piece.hyp_start_idx : piece.hyp_end_idx].count("<filler>")
            said += r
            found += r if piece.type == "equal" else 0
            false += 0 if piece.type == "equal" else h
        refs.append(" ".join(w for w in ref.split() if w != "<filler>"))
        hyps.append(" ".join(w for w in hyp.split() if w != "<filler>") or "<empty>")
    return found, said, false, jiwer.wer(refs, hyps) * 100


def fresh_rtf(engine: str, model: str | None, path: Path, seconds: float) -> float:
    """(start of a new process → transcript) / audio seconds, model load and imports included."""
    code = (
        "import time; t0 = time.perf_counter()\n"
        "from coach.transcript.transcribe import transcribe_file\n"
        f"transcribe_file({str(path)!r}, engine={engine!r}, model={model!r})\n"
        "print(time.perf_counter() - t0)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    total = time.perf_counter() - began  # interpreter start-up included
    float(out.stdout.strip().splitlines()[-1])  # the child finished and said how long it took
    return total / seconds


def reading_truth_wpm(reading) -> float:  # type: ignore[no-untyped-def]
    """Words per minute of the joined reading: its words over the span from the first clip's
    aligned start to the last clip's aligned end (VAD spans where a clip cannot be aligned)."""
    (first, at_first, _), (last, at_last, _) = reading.spans[0], reading.spans[-1]
    return wpm_over(
        len(reading.words), (at_first + truth_span(first)[0], at_last + truth_span(last)[1])
    )


def bench_engine(engine: str, model: str | None) -> str:
    clips = [(c, load_audio(c.path)[0]) for c in CLIPS]
    reading = human_reading()
    reading_audio, _ = load_audio(reading.path)
    rtf_fresh = fresh_rtf(engine, model, reading.path, reading.duration_s)

    refs, hyps, found, said = [], [], 0, 0
    pace_errors: list[float] = []
    vad_errors: list[float] = []
    false_fillers = 0
    for clip, samples in clips:
        tr = transcribe_samples(samples, engine=engine, model=model)
        refs.append(normalise(clip.text))
        hyps.append(normalise(tr.text) or "<empty>")
        found += figures_found(tr.words, clip.figures)
        said += len(clip.figures)
        false_fillers += fillers_in(tr.words)
        if len(samples) / RATE >= 5.0 and tr.words:
            truth = wpm_over(len(clip.words), truth_span(clip.name))
            pace_errors.append(spoken_wpm(tr) / truth - 1)
            vad_errors.append(spoken_wpm(tr) / span_wpm(len(clip.words), samples) - 1)
    wer_human = jiwer.wer(refs, hyps) * 100

    t0 = time.perf_counter()
    tr_read = transcribe_samples(reading_audio, engine=engine, model=model)
    rtf_warm = (time.perf_counter() - t0) / reading.duration_s
    again = transcribe_samples(reading_audio, engine=engine, model=model)
    same = [w.text for w in again.words] == [w.text for w in tr_read.words]
    out = jiwer.process_words(normalise(reading.text), normalise(tr_read.text) or "<empty>")
    wer_read = out.wer * 100
    in_silence = sum(
        any(a <= ((w.start_s or 0) + (w.end_s or 0)) / 2 <= b for a, b in reading.silences)
        for w in tr_read.words
    )
    read_pace = spoken_wpm(tr_read) / reading_truth_wpm(reading) - 1
    noise, _ = load_audio(NOISE)
    heard = len(transcribe_samples(noise, engine=engine, model=model).words)
    heard += len(
        transcribe_samples(np.zeros(10 * RATE, dtype=np.float32), engine=engine, model=model).words
    )

    plain, with_fillers, more_fillers = synthetic()
    s_refs, s_hyps = [], []
    for reh in plain:
        tr = transcribe_samples(load_audio(reh.path)[0], engine=engine, model=model)
        s_refs.append(normalise(reh.text))
        s_hyps.append(normalise(tr.text) or "<empty>")
        false_fillers += fillers_in(tr.words)
    wer_syn = jiwer.wer(s_refs, s_hyps) * 100
    kept = truth_fillers = 0
    for reh in with_fillers:
        tr = transcribe_samples(load_audio(reh.path)[0], engine=engine, model=model)
        truth_fillers += sum(w in FILLERS for w in reh.words)
        kept += fillers_in(tr.words)
    kept_more = truth_more = 0
    for reh in more_fillers:
        tr = transcribe_samples(load_audio(reh.path)[0], engine=engine, model=model)
        truth = sum(w in FILLERS for w in reh.words)
        truth_more += truth
        written = fillers_in(tr.words)
        kept_more += min(written, truth)
        false_fillers += max(0, written - truth)

    h_found, h_said, h_false, h_wer = human_fillers(engine, model)

    mean_pace = float(np.mean(np.abs(pace_errors))) * 100 if pace_errors else float("nan")
    worst_pace = float(np.max(np.abs(pace_errors))) * 100 if pace_errors else float("nan")
    worst_vad = float(np.max(np.abs(vad_errors))) * 100 if vad_errors else float("nan")
    name = f"{engine}:{model}" if model else engine
    return (
        f"{name:<14}{wer_human:7.1f}{wer_read:7.1f}{out.insertions:5d}{in_silence:7d}{heard:6d}"
        f"{found:>5}/{said:<3}{mean_pace:6.1f}{worst_pace:6.1f}{worst_vad:5.1f}{read_pace * 100:+7.1f}"
        f"{wer_syn:7.1f}{kept:>5}/{truth_fillers:<3}{kept_more:>5}/{truth_more:<3}{false_fillers:5d}"
        f"{h_found:>5}/{h_said:<3}{h_false:6d}{h_wer:6.1f}"
        f"{rtf_fresh:8.3f}{rtf_warm:7.3f}  {'yes' if same else 'NO'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="whisper:base,whisper:tiny.en,sphinx")
    args = parser.parse_args()
    chosen = [tuple((e.split(":") + [None])[:2]) for e in args.engines.split(",")]
    reading = human_reading()
    speech_s = sum(load_audio(c.path)[1] for c in CLIPS)
    print(f"human set: {len(CLIPS)} clips, {speech_s:.1f} s of real voices; joined reading "
          f"{reading.duration_s:.1f} s; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"{'engine':<14}{'WER':>7}{'WER':>7}{'ins':>5}{'in':>7}{'noise':>6}{'figures':>9}"
          f"{'pace %':>17}{'read':>7}{'WER':>7}{'fillers':>9}{'fillers':>9}{'false':>5}"
          f"{'human fillers':>21}{'RTF':>8}{'RTF':>7}  same")  # fmt: skip
    print(f"{'':<14}{'human':>7}{'read':>7}{'':>5}{'sil':>7}{'':>6}{'':>9}"
          f"{'mean':>6}{'worst':>6}{'vad':>5}{'pace%':>7}{'syn':>7}{'kept':>9}{'unseen':>9}{'':>5}"
          f"{'found':>9}{'false':>6}{'WER':>6}{'fresh':>8}{'warm':>7}")  # fmt: skip
    for engine, model in chosen:
        print(bench_engine(str(engine), model), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
