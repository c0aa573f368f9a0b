"""Synthetic rehearsals with known truth, for tests of everything that listens.

Real speech from espeak-ng (through pyttsx3), one utterance at a time, joined with silences of
known length (numpy), so the truth is exact: where each utterance starts and ends, where the
pauses are, which figures were said and roughly when, and the true words per minute.

API
---
``synthesize(text, *, rate=170, voice="gmw/en-us") -> np.ndarray``
    One utterance as 16 kHz mono float32, leading/trailing silence trimmed (cached on disk).
``build_rehearsal(parts, *, rate=170, name=None) -> Rehearsal``
    ``parts`` mixes strings (utterances) and numbers (silences in seconds). Returns the truth
    and a 16 kHz mono WAV under ``tests/out/speech/`` (``Rehearsal.path``), cached by content.
``standard_rehearsal()``, ``filler_rehearsal()``, ``question_rehearsal()``
    Ready-made rehearsals (≈ 20-30 s), built once per session.

Figures are written as digits in the script (``"5000 phones"``, ``"$10 billion"``); espeak says
them as words. ``Rehearsal.figures`` lists ``FigureTruth(value, start_s, end_s, text)`` where the
times bound the utterance that holds the figure. ``Rehearsal.wpm`` counts written words
("5000" is one word) over the span from first speech to last speech.

Tests use it as::

    from tests.speech import standard_rehearsal
    reh = standard_rehearsal()
    transcript = transcribe_file(reh.path, engine="whisper")
    assert abs(transcript_wpm - reh.wpm) < 0.1 * reh.wpm
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.transcript.decode import RATE, load_audio, write_wav

OUT_DIR = Path(__file__).resolve().parent.parent / "out" / "speech"
_LOCK = threading.Lock()


def publish_wav(path: Path, samples: np.ndarray) -> None:
    """Write a cached WAV so that no other process sees it half-written: the suite runs in
    several worker processes (pytest-xdist) that may build the same file at the same moment."""
    part = path.with_name(f"{path.stem}.{os.getpid()}.part.wav")
    write_wav(part, samples)
    os.replace(part, path)


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_FIGURE_RE = re.compile(r"\$?(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion))?", re.I)


@dataclass(frozen=True)
class UtteranceTruth:
    """One synthesised utterance: its text, written words and where it sits in the file (s)."""

    text: str
    words: tuple[str, ...]
    start_s: float
    end_s: float


@dataclass(frozen=True)
class FigureTruth:
    """A figure said in the rehearsal; ``start_s``/``end_s`` bound the utterance holding it."""

    value: float
    text: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Rehearsal:
    """A synthetic rehearsal on disk and the truth about it."""

    path: Path
    duration_s: float
    utterances: tuple[UtteranceTruth, ...]
    pauses: tuple[tuple[float, float], ...]
    """Inserted silences between utterances as (start_s, duration_s)."""
    figures: tuple[FigureTruth, ...]
    rate: int

    @property
    def words(self) -> tuple[str, ...]:
        """All written words in order."""
        return tuple(w for u in self.utterances for w in u.words)

    @property
    def text(self) -> str:
        """The whole script, one utterance after another."""
        return " ".join(u.text for u in self.utterances)

    @property
    def speech_span_s(self) -> float:
        """Seconds from the first speech to the end of the last."""
        return self.utterances[-1].end_s - self.utterances[0].start_s

    @property
    def wpm(self) -> float:
        """True words per minute over the speech span."""
        return len(self.words) / self.speech_span_s * 60.0


def figures_in(text: str) -> list[tuple[float, str]]:
    """Figures written as digits in ``text``: ``[(value, as written)]`` ("2 million" → 2e6)."""
    out = []
    for m in _FIGURE_RE.finditer(text):
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= _SCALES[m.group(2).lower()]
        out.append((value, m.group(0)))
    return out


_RENDER = """
import sys, threading, pyttsx3
text, path, rate, voice = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
engine = pyttsx3.init()
done = threading.Event()
engine.connect("finished-utterance", lambda name, completed: done.set())
engine.setProperty("rate", rate)
engine.setProperty("voice", voice)
engine.save_to_file(text, path)
engine.runAndWait()
sys.exit(0 if done.wait(120) else 1)
"""


def _render(text: str, path: Path, *, rate: int, voice: str) -> None:
    """Speak ``text`` into a 22.05 kHz WAV through pyttsx3, in a process of its own.

    espeak-ng keeps state from one utterance to the next inside a process: the same sentence
    came out different (by a few samples, and heard differently by Whisper) depending on what
    was synthesised before it, so the test audio depended on the order the tests ran in. A
    fresh process per utterance makes every utterance the same on every machine."""
    path.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", _RENDER, text, str(path), str(rate), voice],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if result.returncode != 0 or not path.exists():
        raise RuntimeError(f"pyttsx3 did not write {path.name}: {result.stderr.strip()[-300:]}")


def _trim(samples: np.ndarray, *, threshold: float = 0.005) -> np.ndarray:
    """Cut leading and trailing silence (10 ms frames below ``threshold`` peak)."""
    hop = RATE // 100
    n = len(samples) // hop
    peaks = np.abs(samples[: n * hop]).reshape(n, hop).max(axis=1)
    loud = np.flatnonzero(peaks > threshold)
    if loud.size == 0:
        return samples[:0]
    return samples[loud[0] * hop : (loud[-1] + 1) * hop].copy()


def synthesize(text: str, *, rate: int = 170, voice: str = "gmw/en-us") -> np.ndarray:
    """One utterance of espeak-ng speech as 16 kHz mono float32, silence trimmed (cached)."""
    key = hashlib.sha1(json.dumps([text, rate, voice]).encode()).hexdigest()[:16]
    cached = OUT_DIR / "utt" / f"{key}.wav"
    with _LOCK:
        if not cached.exists():
            raw = OUT_DIR / "utt" / f"{key}.{os.getpid()}.22k.wav"
            raw.parent.mkdir(parents=True, exist_ok=True)
            _render(text, raw, rate=rate, voice=voice)
            samples, _ = load_audio(raw)
            publish_wav(cached, _trim(samples))
            raw.unlink()
    samples, _ = load_audio(cached)
    return samples


def build_rehearsal(
    parts: Sequence[str | float],
    *,
    rate: int = 170,
    name: str | None = None,
    lead_s: float = 0.5,
    tail_s: float = 0.5,
    voice: str = "gmw/en-us",
) -> Rehearsal:
    """Synthesise utterances joined by silences into one WAV and return it with its truth.

    Parameters
    ----------
    parts
        Strings are utterances (one sentence, no commas, so espeak adds no pauses inside);
        numbers are silences in seconds. Consecutive strings get no silence between them.
    rate
        pyttsx3 rate setting (espeak speaks ≈ 1.1× this many words per minute).
    name
        File stem under ``tests/out/speech/`` (defaults to a content hash).
    lead_s, tail_s
        Silence before the first and after the last utterance, in seconds.
    """
    chunks: list[np.ndarray] = [np.zeros(int(lead_s * RATE), dtype=np.float32)]
    utterances: list[UtteranceTruth] = []
    pauses: list[tuple[float, float]] = []
    figures: list[FigureTruth] = []
    cursor = len(chunks[0])
    pending_gap = 0.0
    for part in parts:
        if isinstance(part, (int, float)):
            silence = np.zeros(int(round(float(part) * RATE)), dtype=np.float32)
            chunks.append(silence)
            if utterances:
                pending_gap += len(silence) / RATE
            cursor += len(silence)
            continue
        speech = synthesize(part, rate=rate, voice=voice)
        start, end = cursor / RATE, (cursor + len(speech)) / RATE
        if utterances and pending_gap > 0:
            pauses.append((round(utterances[-1].end_s, 3), round(start - utterances[-1].end_s, 3)))
        pending_gap = 0.0
        utterances.append(UtteranceTruth(part, tuple(part.split()), round(start, 3), round(end, 3)))
        for value, written in figures_in(part):
            figures.append(FigureTruth(value, written, round(start, 3), round(end, 3)))
        chunks.append(speech)
        cursor += len(speech)
    chunks.append(np.zeros(int(tail_s * RATE), dtype=np.float32))
    signal = np.concatenate(chunks)
    key = hashlib.sha1(json.dumps([list(parts), rate, voice, lead_s, tail_s]).encode()).hexdigest()
    path = OUT_DIR / f"{name or 'rehearsal'}-{key[:10]}.wav"
    with _LOCK:
        if not path.exists():
            publish_wav(path, signal)
    return Rehearsal(
        path=path,
        duration_s=len(signal) / RATE,
        utterances=tuple(utterances),
        pauses=tuple(pauses),
        figures=tuple(figures),
        rate=rate,
    )


STANDARD_PARTS: tuple[str | float, ...] = (
    "Last year we sold 5000 phones in the first week",
    0.5,
    "By March that number had grown to 2 million",
    1.2,
    "Why does this matter to you",
    0.7,
    "Because each phone costs only 199 dollars",
    0.45,
    "Our team of 80 engineers answered 3000 questions from users",
    1.5,
    "We are still learning and we thank every one of you",
)
"""≈ 22 s at rate 170: 6 figures, one question, pauses of 0.45-1.5 s."""

FILLER_PARTS: tuple[str | float, ...] = (
    "So um we started the company in a small room",
    0.6,
    "and uh the first product was um not very good",
    0.8,
    "but uh we listened to users and uh fixed it",
)
"""≈ 10 s with six fillers ("um" × 2... see :data:`FILLERS`)."""

FILLERS = ("um", "uh")

QUESTION_PARTS: tuple[str | float, ...] = (
    "What did we learn from this",
    0.8,
    "We learned to listen",
    0.8,
    "Do you know how long it took",
    0.8,
    "It took 3 years",
)


@functools.cache
def standard_rehearsal(rate: int = 170) -> Rehearsal:
    """The standard figure-rich rehearsal (built once per session)."""
    return build_rehearsal(STANDARD_PARTS, rate=rate, name=f"standard{rate}")


@functools.cache
def filler_rehearsal() -> Rehearsal:
    """A rehearsal with "um"/"uh" fillers, to measure how many an engine keeps."""
    return build_rehearsal(FILLER_PARTS, rate=160, name="fillers")


@functools.cache
def question_rehearsal() -> Rehearsal:
    """Alternating questions and answers without punctuation cues in the audio."""
    return build_rehearsal(QUESTION_PARTS, rate=160, name="questions")


@functools.cache
def transcript_of(rehearsal: Rehearsal, engine: str, model: str | None = None):  # type: ignore[no-untyped-def]
    """The transcript of ``rehearsal`` by ``engine``/``model``, computed once per session."""
    from coach.transcript.transcribe import transcribe_file

    return transcribe_file(rehearsal.path, engine=engine, model=model)
