"""Lint a script while it is written: the marks the Script studio draws, with character offsets.

The script is analysed like any typed transcript (:func:`coach.coaching.review.review`); this module only
turns the findings into spans of the original text (hype and jargon with their suggestion, long
sentences, fillers, questions, story lines, figures, number deserts) and projects how long the
talk will take at the profile's pace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.coaching.review import Review, review
from coach.profile import Profile, default_profile_id, load_profile
from coach.text import transcript_from_text
from coach.types import Word

DEFAULT_PACE_WPM = 150.0
DESERT_FALLBACK_S = 60.0
_EDGE_PUNCT = "\"'“”‘’()[]{}«»…,;:.!?*_`~—–"
LINT_KINDS = ("hype", "jargon", "filler", "long", "question", "story", "figure", "desert")


@dataclass(frozen=True)
class LintMark:
    """A span of the script text (``start``/``end`` character offsets, end exclusive)."""

    kind: str
    start: int
    end: int
    text: str
    advice: str = ""


@dataclass(frozen=True)
class ScriptLint:
    """What the Script studio shows about a script.

    ``pace_wpm`` is the pace the duration is projected at; ``projected_s`` the spoken length in
    seconds; ``desert_words`` the run of words without a figure that counts as a number desert.
    """

    review: Review
    marks: tuple[LintMark, ...]
    words: int
    sentences: int
    figures: int
    questions: int
    stories: int
    hype: int
    long_sentences: int
    deserts: int
    pace_wpm: float
    projected_s: float
    desert_words: int

    def of_kind(self, kind: str) -> list[LintMark]:
        """The marks of one kind, in text order."""
        return [m for m in self.marks if m.kind == kind]


def word_offsets(text: str, words: Sequence[Word]) -> list[tuple[int, int]]:
    """Character ``(start, end)`` of each word of ``transcript_from_text(text)`` in ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        at = text.find(w.text, pos)
        if at < 0:  # cannot happen for words split from this text; stay in order regardless
            at = pos
        out.append((at, at + len(w.text)))
        pos = at + len(w.text)
    return out


def profile_pace_wpm(profile: Profile) -> float:
    """The middle of the profile's pace band, or 150 wpm when it has none."""
    target = profile.metrics.get("wpm")
    return (target.low + target.high) / 2 if target else DEFAULT_PACE_WPM


def lint_script(
    text: str, *, profile: Profile | None = None, pace_wpm: float | None = None
) -> ScriptLint:
    """Analyse a script and place every finding on its text.

    Parameters
    ----------
    text : str
        The script as typed (plain text or Markdown).
    profile : Profile, optional
        Word lists and pace to use; default Lei Jun style.
    pace_wpm : float, optional
        Pace for the projected duration, words per minute; default the middle of the profile's
        wpm band.

    Returns
    -------
    ScriptLint
        Marks in text order; a number desert is a run of words without a concrete figure longer
        than the profile's ``number_desert_s`` limit at that pace (60 s when it has none).
    """
    transcript = transcript_from_text(text)
    if profile is None or profile.language != transcript.language:
        # a Chinese script is judged by the Chinese profile (and the reverse)
        profile = load_profile(default_profile_id(transcript.language))
    pace = pace_wpm if pace_wpm and pace_wpm > 0 else profile_pace_wpm(profile)
    rv = review(transcript, profile)
    words = transcript.words
    offsets = word_offsets(text, words)
    marks: list[LintMark] = []

    def add(kind: str, span: tuple[int, int], advice: str) -> None:
        a, b = span
        if a >= b or b > len(offsets):
            return
        start, end = offsets[a][0], offsets[b - 1][1]
        if kind in ("hype", "jargon", "filler"):
            # mark the words, not the comma or quote stuck to them
            while end > start and text[end - 1] in _EDGE_PUNCT:
                end -= 1
            while start < end and text[start] in _EDGE_PUNCT:
                start += 1
        marks.append(LintMark(kind, start, end, text[start:end], advice))

    for m in rv.analysis.marks:
        if m.kind == "figure":
            add("figure", m.word_span, m.advice)
        elif m.kind in ("hype", "jargon", "filler", "long", "question", "story"):
            add(m.kind, m.word_span, m.advice)

    desert_target = profile.metrics.get("number_desert_s")
    desert_s = desert_target.high if desert_target and desert_target.high > 0 else DESERT_FALLBACK_S
    # pace counts characters in Chinese: convert to words at this script's characters per word
    per_word = rv.analysis.word_count / len(words) if transcript.language == "zh" and words else 1.0
    desert_words = max(20, round(pace * desert_s / 60.0 / per_word))
    figure_starts = sorted(f.word_span[0] for f in rv.analysis.figures if f.kind == "figure")
    figure_ends = sorted(f.word_span[1] for f in rv.analysis.figures if f.kind == "figure")
    edges = list(zip([0, *figure_ends], [*figure_starts, len(words)], strict=True))
    deserts = [(a, b) for a, b in edges if b - a > desert_words]
    for a, b in deserts:
        minutes = (b - a) * per_word / pace
        unit = "characters" if transcript.language == "zh" else "words"
        add(
            "desert",
            (a, b),
            f"{round((b - a) * per_word)} {unit} (about {minutes:.1f} min) without a figure: "
            "add a number that proves the point.",
        )
    marks.sort(key=lambda m: (m.start, LINT_KINDS.index(m.kind)))
    details = rv.analysis.details
    return ScriptLint(
        review=rv,
        marks=tuple(marks),
        words=len(words),
        sentences=len(rv.analysis.sentences),
        figures=len(figure_starts),
        questions=len(details.get("questions", [])),
        stories=len(details.get("stories", [])),
        hype=len(details.get("hype", [])),
        long_sentences=len(details.get("long_sentences", [])),
        deserts=len(deserts),
        pace_wpm=pace,
        projected_s=len(words) * per_word / pace * 60.0,
        desert_words=desert_words,
    )
