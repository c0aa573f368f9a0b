"""Script lint: findings placed on the exact characters of the typed script."""

from __future__ import annotations

from coach.profile import load_profile
from coach.script.lint import lint_script, word_offsets
from coach.text import transcript_from_text


def test_marks_point_at_the_typed_characters() -> None:
    """Hype, figures and questions map to their own characters, Markdown heading included."""
    text = "# Launch\n\nWe sold  300 bikes.\nIt is truly revolutionary!\n\nWhy did it work?"
    lint = lint_script(text)
    spans = {(m.kind, m.text) for m in lint.marks}
    assert ("hype", "revolutionary") in spans  # the word, not its "!"
    assert ("figure", "300") in spans
    assert ("question", "Why did it work?") in spans
    for m in lint.marks:
        assert text[m.start : m.end] == m.text
    assert lint.hype == 1 and lint.questions == 1 and lint.figures == 1


def test_projection_and_deserts_follow_the_pace() -> None:
    """Duration is words over pace; a desert is longer than the profile's limit at that pace."""
    body = "We listen to our customers every day and we learn from them. " * 12
    text = f"We have 12 stores. {body}We opened 3 more."
    slow = lint_script(text, pace_wpm=100)
    assert slow.projected_s == slow.words / 100 * 60
    assert slow.desert_words == 100 and slow.deserts == 1  # 60 s at 100 wpm
    fast = lint_script(text, pace_wpm=200)
    assert fast.desert_words == 200 and fast.deserts == 0
    default = lint_script(text)
    wpm = load_profile().metrics["wpm"]
    assert default.pace_wpm == (wpm.low + wpm.high) / 2


def test_word_offsets_survive_repeated_words() -> None:
    """Repeated words get their own offsets, in order."""
    text = "go go  go\nstop"
    words = transcript_from_text(text).words
    assert word_offsets(text, words) == [(0, 2), (3, 5), (7, 9), (10, 14)]
