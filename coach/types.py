"""Core value types shared by the engine, the CLI and the app.

All are frozen dataclasses: the engine builds them, everything downstream only reads them. Times
are seconds from the start of the recording; they are ``None`` for typed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from coach.cjk import join_words

MarkKind = Literal[
    "figure", "vague", "date", "hype", "jargon", "filler", "question", "story", "long", "repeat"
]
Status = Literal["good", "close", "off"]


@dataclass(frozen=True)
class Word:
    """One spoken or written word as it appears, with punctuation attached.

    ``utterance`` numbers the sentence (text) or the stretch of speech between pauses (audio)
    the word belongs to.
    """

    text: str
    start_s: float | None = None
    end_s: float | None = None
    utterance: int = 0


@dataclass(frozen=True)
class Pause:
    """A silence between two stretches of speech."""

    start_s: float
    duration_s: float


@dataclass(frozen=True)
class Transcript:
    """What was said: the words in order, the pauses between utterances and where it came from.

    ``duration_s`` is the length of the recording (``None`` for text); ``engine`` names the speech
    engine (``"text"`` for typed text); ``punctuated`` tells whether sentence punctuation is
    reliable (typed text, Whisper) or absent (Sphinx).
    """

    words: tuple[Word, ...]
    pauses: tuple[Pause, ...] = ()
    duration_s: float | None = None
    engine: str = "text"
    language: str = "en"
    punctuated: bool = True
    pitch_spread: tuple[tuple[float, float], ...] = ()
    """Per speaking window: (window start s, F0 spread in semitones); empty for text."""

    @property
    def timed(self) -> bool:
        """True when every word carries start and end times."""
        return bool(self.words) and all(
            w.start_s is not None and w.end_s is not None for w in self.words
        )

    @property
    def text(self) -> str:
        """The words joined with single spaces (none next to a Chinese character)."""
        return join_words(w.text for w in self.words)


@dataclass(frozen=True)
class Figure:
    """One number said in the speech.

    ``kind`` is ``"figure"`` for a concrete number that counts toward the style, ``"vague"`` for
    "dozens" or "tens of millions", ``"date"`` for years and clock times. ``word_span`` is the
    half-open range of word indices in the transcript.
    """

    text: str
    value: float
    unit: str
    word_span: tuple[int, int]
    start_s: float | None = None
    end_s: float | None = None
    kind: Literal["figure", "vague", "date"] = "figure"


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the transcript (half-open word range) with the advice for it."""

    kind: MarkKind
    word_span: tuple[int, int]
    text: str
    advice: str = ""
    start_s: float | None = None


@dataclass(frozen=True)
class MetricResult:
    """One measured trait compared with the profile's target band.

    ``score`` is 0-100 (100 inside the band); ``status`` is ``"good"`` inside the band, ``"close"``
    near it and ``"off"`` far from it. ``trait`` groups metrics into the sub-scores shown to users.
    """

    name: str
    label: str
    value: float
    unit: str
    target_low: float
    target_high: float
    score: float
    status: Status
    weight: float
    trait: str
    why: str
    source: str = ""


@dataclass(frozen=True)
class Tip:
    """One piece of advice pointing at the speaker's own words.

    ``impact`` ranks tips (higher first); ``at_s`` is the time of ``quote`` when known.
    """

    text: str
    action: str
    quote: str = ""
    at_s: float | None = None
    metric: str = ""
    impact: float = 0.0
    word_index: int | None = None


@dataclass(frozen=True)
class Feedback:
    """The verdict: overall match 0-100, per-trait sub-scores 0-100 and ranked tips."""

    score: float
    trait_scores: dict[str, float] = field(default_factory=dict)
    tips: tuple[Tip, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything measured about one transcript, before comparison with a profile.

    ``values`` maps metric names to raw values (units in :data:`coach.metrics.METRICS`);
    ``details`` holds structured findings the tips and charts need (lists of hits, series).
    """

    word_count: int
    figures: tuple[Figure, ...]
    marks: tuple[Mark, ...]
    values: dict[str, float]
    sentences: tuple[tuple[int, int], ...]
    details: dict[str, Any] = field(default_factory=dict)
