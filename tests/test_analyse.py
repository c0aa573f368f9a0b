"""The analyser as a whole: text and speech alike, and arbitrary input never crashes it."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coach.analysis.analyse import analyse
from coach.coaching.review import review
from coach.metrics import METRICS
from coach.text import transcript_from_text
from coach.types import Transcript, Word


def test_text_gives_every_untimed_metric() -> None:
    """Typed text measures every metric that needs no timing, and none that does."""
    a = analyse(
        transcript_from_text("We sold 40 bikes in 2 days. Why? I asked my team that night.")
    )
    untimed = {k for k, spec in METRICS.items() if not spec.timed}
    assert set(a.values) == untimed
    assert a.values["number_density"] == pytest.approx(2 / 14 * 100)


def test_unpunctuated_speech_uses_utterances_as_sentences() -> None:
    """Speech without punctuation treats each utterance as a sentence."""
    words = [
        Word(w, utterance=u)
        for u, line in enumerate(["we sold forty bikes", "in two days"])
        for w in line.split()
    ]
    a = analyse(Transcript(tuple(words), engine="sphinx", punctuated=False))
    assert a.sentences == ((0, 4), (4, 7))
    assert a.values["words_per_sentence"] == 3.5
    assert [f.value for f in a.figures] == [40, 2]


def test_empty_transcript() -> None:
    """No words gives zeros and no tips, not an error."""
    rv = review(Transcript(()))
    assert rv.analysis.word_count == 0 and rv.feedback.tips == ()


_TOKENS = [
    "one", "two", "a", "hundred", "thousand", "point", "five", "and", "of", "tens", "dozens", "first",
    "like", "you", "know", "um", "i", "mean", "we", "best", "top-tier", "$3.2", "10,000", ",000", "85%",
    "19:00", "2024", "1990s", "twenty-one", "six-person", "?", ".", ",", "-", "billion", "dollars",
    "per", "cent", "o'clock", "pm", "nineteen", "ninety", "oh", "点", "\n\n", "#", "*",
]  # fmt: skip
_words = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_TOKENS), max_size=80).map(" ".join),
)


@settings(max_examples=150, deadline=None)
@given(_words)
@example("º𠀀0")  # Mandarin: a symbol with no spoken character before a figure
def test_arbitrary_text_never_crashes(text: str) -> None:
    """Any text (digits, symbols, punctuation soup) analyses without an exception.

    Figure spans index the transcript's words (for Mandarin `word_count` counts characters).
    """
    rv = review(transcript_from_text(text))
    assert 0 <= rv.feedback.score <= 100
    for f in rv.analysis.figures:
        assert 0 <= f.word_span[0] < f.word_span[1] <= len(rv.transcript.words)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda s: s.strip()), max_size=60))
def test_arbitrary_timed_words_never_crash(tokens: list[str]) -> None:
    """Timed words with any text analyse without an exception, timed metrics included."""
    words = tuple(
        Word(t.strip(), i * 0.35, i * 0.35 + 0.3, utterance=i // 7) for i, t in enumerate(tokens)
    )
    rv = review(
        Transcript(words, duration_s=len(words) * 0.35 + 1, engine="test", punctuated=False)
    )
    assert 0 <= rv.feedback.score <= 100


def test_one_question_in_a_short_clip_is_not_too_many() -> None:
    """Question density is counted over at least 250 words, so a 40-word clip with one question is fine."""
    text = "We sold 40 bikes in 2 days. " * 4 + "Why did it work? " + "We asked 12 riders. " * 4
    rv = review(transcript_from_text(text))
    assert rv.analysis.values["self_questions"] == pytest.approx(1000 / 250)
    assert rv.metric("self_questions").status == "good"
