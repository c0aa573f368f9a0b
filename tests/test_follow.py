"""coach/script/follow.py: a teleprompter's idea of where the speaker is in the script."""

from __future__ import annotations

import re

import pytest

from coach.paths import samples_dir
from coach.script.follow import (
    DEFAULT_WORDS_PER_S,
    ScriptFollower,
    VoiceClock,
    predict_position,
)
from coach.types import Word

SCRIPT = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


def spoken(text: str, *, start_s: float = 0.0, per_word_s: float = 0.35) -> list[Word]:
    """What a recogniser hands over for ``text``: lower case, no punctuation, timed words."""
    out = []
    for i, token in enumerate(re.sub(r"[^\w\s%,']", " ", text).split()):
        t = start_s + i * per_word_s
        out.append(Word(token.lower().strip(","), t, t + per_word_s * 0.8))
    return out


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def word_index(follower: ScriptFollower, needle: str) -> int:
    """Index of the first script word that starts ``needle`` (a run of script words)."""
    target = needle.split()
    texts = [w.text for w in follower.words]
    for i in range(len(texts)):
        if texts[i : i + len(target)] == target:
            return i
    raise AssertionError(needle)


def test_reading_the_script_sentence_by_sentence_reaches_the_end() -> None:
    """Every batch moves the place on; at the end every word is said and nothing skipped."""
    f = ScriptFollower(SCRIPT)
    last = 0
    t = 0.0
    for sentence in sentences(SCRIPT):
        state = f.hear(spoken(sentence, start_s=t))
        t += 5
        assert state.position > last and not state.off_script
        last = state.position
    assert state.position == len(f.words)
    assert all(state.said) and state.skipped == ()


def test_numbers_said_as_words_match_digits_in_the_script() -> None:
    """'twelve hundred' heard for '1,200' and 'forty percent' for '40 percent' keep the place."""
    f = ScriptFollower(SCRIPT)
    f.hear(spoken("Two years ago our little bakery almost closed"))
    state = f.hear(spoken("the landlord raised the rent by forty percent and we had three weeks"))
    assert state.position == word_index(f, "to find the money.")
    assert not state.skipped


def test_a_skipped_sentence_is_shown_and_cleared_when_said_after_all() -> None:
    """Jumping a sentence marks exactly its words skipped; going back to say it clears the mark."""
    f = ScriptFollower(SCRIPT)
    for s in sentences(SCRIPT)[:8]:
        f.hear(spoken(s))
    skipped = "In the first month, 1,200 people ordered."
    state = f.hear(spoken("We built a simple order page in 4 days."))
    state = f.hear(spoken("Waste fell from 90 loaves to 12."))
    a = word_index(f, skipped)
    assert state.skipped == ((a, a + len(skipped.split())),)
    assert not any(state.said[a : a + len(skipped.split())])
    state = f.hear(spoken(skipped))
    assert state.skipped == ()
    assert all(state.said[a : a + len(skipped.split())])


def test_off_script_holds_the_place_and_resumes() -> None:
    """Words that are not in the script hold the place; back on script the place moves on."""
    f = ScriptFollower(SCRIPT)
    f.hear(spoken("Two years ago our little bakery almost closed."))
    here = f.position
    state = f.hear(spoken("sorry let me grab some water quickly before going on"))
    assert state.off_script and state.position == here and not state.skipped
    state = f.hear(spoken("The landlord raised the rent by 40 percent"))
    assert not state.off_script and state.position > here and not state.skipped


def test_misheard_words_do_not_count_as_a_skip() -> None:
    """Two words the recogniser got wrong inside a sentence are passed, not skipped."""
    f = ScriptFollower(SCRIPT)
    state = f.hear(spoken("Two years ago our little baker's almost closed the landlord raced"
                          " the rent by 40 percent"))  # fmt: skip
    assert state.skipped == ()
    assert state.position == word_index(f, "and we had 3 weeks")


def test_a_common_phrase_far_ahead_does_not_pull_the_place() -> None:
    """'we still' appears later in the script; heard alone near the start it is not trusted."""
    f = ScriptFollower(SCRIPT)
    f.hear(spoken("Two years ago our little bakery almost closed."))
    here = f.position
    state = f.hear(spoken("and we still"))
    assert state.position == here and state.off_script


def test_predicted_place_moves_with_voice_and_holds_in_silence() -> None:
    """The provisional cursor moves at the speaker's rate, holds without voice or off script."""
    f = ScriptFollower(SCRIPT)
    state = f.hear(spoken("Two years ago our little bakery almost closed."))
    assert predict_position(state, 0.0) == state.position
    assert predict_position(state, 2.0, words_per_s=3.0) == state.position + 6
    assert predict_position(state, 60.0, words_per_s=3.0) == state.position + 25
    off = f.hear(spoken("something else entirely about my cat and the weather"))
    assert predict_position(off, 2.0) == off.position


def test_the_speakers_rate_is_learnt_from_what_was_heard() -> None:
    """After a few sentences the rate is the heard words per second, not the default."""
    f = ScriptFollower(SCRIPT)
    assert f.words_per_s == DEFAULT_WORDS_PER_S
    t = 0.0
    for s in sentences(SCRIPT)[:4]:
        batch = spoken(s, start_s=t, per_word_s=0.5)
        f.hear(batch)
        t = (batch[-1].end_s or 0) + 1.0
    assert f.words_per_s == pytest.approx(2.0, rel=0.15)


def test_voice_clock_counts_only_loud_stretches() -> None:
    """Levels above the threshold count as voice, silence does not."""
    clock = VoiceClock(threshold_db=-40)
    for i in range(100):  # 0-3.3 s at 30 Hz: voice for the first half, silence after
        clock.add(i / 30, -20.0 if i < 50 else -70.0)
    assert clock.voiced_between(0.0, 1.0) == pytest.approx(1.0, abs=0.05)
    assert clock.voiced_between(2.0, 3.3) == 0.0
    assert clock.now_s == pytest.approx(99 / 30)
