"""Real human speech with known transcripts (see SOURCES.md beside this file for origins).

API
---
``CLIPS``
    Every clip as :class:`HumanClip` (name, FLAC path, spoken text, figures said in it).
``FILLER_CLIPS``
    Spontaneous speech by one person, with the "um", "uh" and "hm" said written down: filler
    recall on a human voice (kept apart from ``CLIPS``, whose readers say none).
``NOISE``
    8 s of room noise with no speech in it.
``human_reading()``
    All clips joined into one ≈ 2-minute "rehearsal" with pauses of known length, a long silent
    stretch in the middle and silence at the end (where Whisper likes to invent "thank you"),
    as a 16 kHz WAV under ``tests/out/human/`` with its truth (:class:`HumanReading`).
``scaled(samples, peak_dbfs)``
    The same signal with its peak at ``peak_dbfs`` (quiet-speaker tests).
``aligned_words(samples, text)``
    When each word of ``text`` was said, by forced alignment (pocketsphinx's US English model):
    a timing truth that owes nothing to Whisper or to Coach's voice detection.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.transcript.decode import RATE, load_audio
from tests.speech import publish_wav

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE.parent / "out" / "human"


@dataclass(frozen=True)
class HumanClip:
    """One recording of a person and what they said (lower case, no punctuation)."""

    name: str
    path: Path
    text: str
    figures: tuple[float, ...] = ()

    @property
    def words(self) -> list[str]:
        """The spoken words."""
        return self.text.split()


def _clip(name: str, text: str, figures: tuple[float, ...] = ()) -> HumanClip:
    return HumanClip(name, HERE / "clips" / f"{name}.flac", text, figures)


CLIPS: tuple[HumanClip, ...] = (
    _clip("austen-0870", "and mister john dashwood had then leisure to consider how much there "
          "might be prudently in his power to do for them"),
    _clip("austen-0880", "he was not an ill disposed young man"),
    _clip("austen-0890", "unless to be rather cold hearted and rather selfish is to be ill disposed"),
    _clip("austen-0920", "had he married a more a amiable woman he might have been made still "
          "more respectable than he was"),
    _clip("austen-0930", "he might even have been made amiable himself"),
    _clip("jfk-inaugural", "and so my fellow americans ask not what your country can do for you "
          "ask what you can do for your country"),
    _clip("librispeech-1272-128104-0000", "mister quilter is the apostle of the middle classes "
          "and we are glad to welcome his gospel"),
    _clip("crocodile-three-voices", "and so it begins this is what a crocodile sounds like it's "
          "like meditating in the water and it's like ladies and gentlemen please fasten your "
          "seat belts we are expecting some turbulence thank you"),
    _clip("go-forward", "go forward ten meters", (10,)),
    _clip("cards-001", "ten of clubs", (10,)),
    _clip("cards-002", "four queen of clubs", (4,)),
    _clip("cards-003", "seven of clubs", (7,)),
    _clip("cards-004", "five five", (5, 5)),
    _clip("cards-005", "eight of spades four of clubs seven of hearts", (8, 4, 7)),
    _clip("forever", "feels like these days go on forever"),
    _clip("one-two-three", "one two three", (1, 2, 3)),
)  # fmt: skip

FILLER_CLIPS: tuple[HumanClip, ...] = (
    _clip("mfa-acoustic-corpus", "this is the acoustic corpus i'm talking pretty fast here there's "
          "nothing going else going on we're just you know there's some speech errors but who cares "
          "um this is me talking really slow and slightly lower in intensity uh we're just saying "
          "some words and here's some more words words words words um and that should be all "
          "thanks"),
    _clip("mfa-cold-corpus", "uh so this is the sick corpus uh i have a cold so i probably sound "
          "quite different than the uh acoustic corpus um the recording environment is also quite "
          "different and i'm saying a bunch of different words that i did not say in the original "
          "one uh and here's a long pause and i think this is probably good alright thanks"),
    _clip("mfa-uhum", "montreal forced uh um uh hm hm um forced aligner"),
    _clip("mfa-crossword", "but um montreal but um but montreal forced aligner"),
)  # fmt: skip

NOISE = HERE / "noise" / "room-noise.flac"


@functools.cache
def _lexicon() -> frozenset[str]:
    """The words pocketsphinx's US English dictionary can align."""
    from pocketsphinx import get_model_path

    with open(Path(get_model_path()) / "en-us" / "cmudict-en-us.dict", encoding="utf-8") as lex:
        return frozenset(line.split(maxsplit=1)[0].split("(")[0] for line in lex if line.strip())


def aligned_words(samples: np.ndarray, text: str) -> list[tuple[str, float, float]]:
    """``(word, start_s, end_s)`` for each word of ``text`` (lower case, no punctuation) as
    pocketsphinx force-aligns it to 16 kHz ``samples``.

    On LibriSpeech 1272-128104-0000 the span (0.53-5.49 s) agrees within 30 ms with the published
    Montreal Forced Aligner times (0.50-5.51 s).

    Raises
    ------
    ValueError
        A word is not in the dictionary, or the alignment does not cover every word.
    """
    from pocketsphinx import Decoder

    unknown = [w for w in text.split() if w not in _lexicon()]
    if unknown:
        raise ValueError(f"{', '.join(unknown)} not in pocketsphinx's dictionary")
    decoder = Decoder(samprate=RATE, bestpath=False, loglevel="FATAL")
    decoder.set_align_text(text)
    decoder.start_utt()
    decoder.process_raw((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()
    timed = [
        (s.word.split("(")[0], s.start_frame / 100, (s.end_frame + 1) / 100)
        for s in decoder.seg()
        if not s.word.startswith(("<", "["))
    ]
    if len(timed) != len(text.split()):
        raise ValueError(f"pocketsphinx aligned {len(timed)} of {len(text.split())} words")
    return timed


def scaled(samples: np.ndarray, peak_dbfs: float) -> np.ndarray:
    """``samples`` with the peak moved to ``peak_dbfs`` (dB re full scale)."""
    peak = float(np.max(np.abs(samples))) or 1.0
    return (samples * (10 ** (peak_dbfs / 20) / peak)).astype(np.float32)


@dataclass(frozen=True)
class HumanReading:
    """The clips joined into one recording, with where each clip sits (s)."""

    path: Path
    text: str
    spans: tuple[tuple[str, float, float], ...]
    duration_s: float
    silences: tuple[tuple[float, float], ...]
    """Stretches (start_s, end_s) with no speech, at least 2 s long."""

    @property
    def words(self) -> list[str]:
        """Every spoken word, in order."""
        return self.text.split()


@functools.cache
def human_reading(
    *, gap_s: float = 0.8, long_gap_s: float = 4.0, tail_s: float = 3.0, clips: int | None = None
) -> HumanReading:
    """All clips (or the first ``clips``) in order with ``gap_s`` of digital silence between, a
    ``long_gap_s`` silence after the fifth clip and ``tail_s`` at the end; written once per
    session."""
    chosen = CLIPS[:clips] if clips else CLIPS
    pieces: list[np.ndarray] = [np.zeros(int(RATE * 1.0), dtype=np.float32)]
    spans: list[tuple[str, float, float]] = []
    silences: list[tuple[float, float]] = []
    t = 1.0
    for i, clip in enumerate(chosen):
        samples, duration = load_audio(clip.path)
        pieces.append(samples)
        spans.append((clip.name, round(t, 3), round(t + duration, 3)))
        t += duration
        gap = long_gap_s if i == 4 else gap_s
        if i == len(chosen) - 1:
            gap = tail_s
        if gap >= 2.0:
            silences.append((round(t, 3), round(t + gap, 3)))
        pieces.append(np.zeros(int(round(RATE * gap)), dtype=np.float32))
        t += gap
    audio = np.concatenate(pieces)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"human-reading-{gap_s:g}-{long_gap_s:g}-{tail_s:g}-{len(chosen)}.wav"
    if not path.exists():
        publish_wav(path, audio)
    return HumanReading(
        path=path,
        text=" ".join(c.text for c in chosen),
        spans=tuple(spans),
        duration_s=round(len(audio) / RATE, 3),
        silences=tuple(silences),
    )
