"""ui/pages/feedback.py: the verdict of a stored session, its transcript, tips and model delivery."""

from __future__ import annotations

import wave

import pytest
from coach_ui.pages.feedback import FeedbackPage, status_for
from coach_ui.widgets.transcript_view import HIGHLIGHT

from coach.coaching.review import review
from coach.text import transcript_from_text

SCRIPT = (
    "Um, we are the best, most revolutionary company in the world. Last year we sold 5,000 "
    "phones. Why does this matter to you? Because each phone costs only 199 dollars."
)


@pytest.fixture()
def page(qtbot, store, gui_settings):
    """A Feedback page showing a typed-script session."""
    p = FeedbackPage(store, gui_settings)
    qtbot.addWidget(p)
    saved = store.save(review(transcript_from_text(SCRIPT)), title="Draft", talk="Launch",
                       script=SCRIPT)  # fmt: skip
    p.show_session(saved.id)
    p.resize(1100, 760)
    p.show()
    return p


def test_header_traits_and_highlights_follow_the_review(page):
    """Score, one card per trait with its colour, and each highlighted word carries its advice."""
    rv = page.review
    assert f"{rv.feedback.score:.0f}" in page.score_label.text()
    cards = {c.trait: c for c in page.trait_cards}
    assert set(cards) == set(rv.feedback.trait_scores)
    for trait, card in cards.items():
        assert card.status == status_for(rv.feedback.trait_scores[trait])
    kinds = {m.kind for m in rv.analysis.marks if m.kind in HIGHLIGHT}
    assert {"figure", "hype", "filler", "question"} <= kinds
    for mark in rv.analysis.marks:
        if mark.kind not in HIGHLIGHT or not mark.advice:
            continue
        start, _end = page.transcript.positions[mark.word_span[0]]
        cursor = page.transcript.textCursor()
        cursor.setPosition(start + 1)
        assert cursor.charFormat().toolTip().endswith(mark.advice)
    # A typed script has no recording: nothing to play, the rest works.
    assert not page.play_button.isEnabled() and page.export_button.isEnabled()


def test_clicking_a_word_selects_it(page):
    """A click on a word (its link) selects exactly that word."""
    words = page.review.transcript.words
    i = next(i for i, w in enumerate(words) if w.text.startswith("5,000"))
    page.transcript.anchorClicked.emit(f"word:{i}")
    assert page.transcript.textCursor().selectedText() == words[i].text


@pytest.mark.slow
def test_hear_model_delivery_renders_the_script(qtbot, page):
    """The button reads the session's script aloud into a WAV and plays it."""
    task = page.hear_model_delivery()
    qtbot.waitUntil(lambda: task.done, timeout=120_000)
    assert task.error is None, task.error
    with wave.open(str(page.model_wav)) as w:
        assert w.getnframes() / w.getframerate() > 5.0
    assert page.player.source() == page.model_wav
    qtbot.waitUntil(lambda: page.player.position() > 0, timeout=10_000)  # sound goes out


def test_the_score_is_never_squeezed_by_a_long_title(qtbot, store, gui_settings):
    """A Mandarin take's three-line title beside the score leaves room for any score (it was
    clipped to "9" and half a "7" in the Mandarin rehearsal's screenshot)."""
    from dataclasses import replace

    from coach.types import Word

    typed = transcript_from_text("我们用了70多天，跑了12个城市，拜访了300家门店。" * 4)
    words = tuple(
        Word(w.text, i * 0.3, i * 0.3 + 0.25, w.utterance) for i, w in enumerate(typed.words)
    )
    rv = review(
        replace(typed, words=words, duration_s=len(words) * 0.3 + 0.5, engine="whisper:base")
    )
    page = FeedbackPage(store, gui_settings)
    qtbot.addWidget(page)
    page.show_session(store.save(rv, title="Rehearsal", talk="发布会").id)
    for width in (1280, 900):
        page.resize(width, 800)
        page.show()
        qtbot.waitUntil(lambda: page.score_label.width() > 0)
        widest = page.score_label.fontMetrics().horizontalAdvance("100")
        assert page.score_label.contentsRect().width() >= widest, width
