"""Feedback page, read first: the summary with play buttons, playback that shows where you are,
charts that scroll with the wheel and fit above the fold, cards with their own metrics."""

from __future__ import annotations

import numpy as np
import pytest
from coach_ui.pages.feedback import FeedbackPage, safe_file_name
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from coach.coaching.review import review
from coach.coaching.summary import summarise
from coach.metrics import METRICS
from coach.transcript.decode import RATE, write_wav
from tests.timed_talk import talk_text, timed_transcript
from tests.ui.conftest import screenshot


@pytest.fixture()
def timed_page(qtbot, store, gui_settings, tmp_path):
    """A Feedback page at the default window size showing the second attempt of a talk that has
    a recording (a quiet tone as long as the talk, so playback runs)."""
    first = review(timed_transcript(talk_text(260, seed=11), wpm=215))
    rv = review(timed_transcript(talk_text(260, seed=5), wpm=150))
    duration = float(rv.transcript.duration_s or 0)
    t = np.arange(int(duration * RATE)) / RATE
    wav = tmp_path / "take.wav"
    write_wav(wav, (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32))
    store.save(first, title="First try", talk="Bakery")
    saved = store.save(rv, title="Rehearsal 2026-12-02 14:05", talk="Bakery", audio=wav)
    page = FeedbackPage(store, gui_settings)
    qtbot.addWidget(page)
    page.resize(1180 - 140, 780 - 60)  # the default window less sidebar, menu and status bar
    page.show()
    page.show_session(saved.id)
    qtbot.waitUntil(lambda: page.pauses_chart.canvas is not None, timeout=20_000)
    yield page, first
    page.stop_audio()


def test_summary_reads_first_with_a_button_per_step(timed_page):
    """The summary says what the engine's summary says; each step and the kept moment has a
    play button with its time; the change line names the last attempt."""
    page, first = timed_page
    expected = summarise(page.review, first)
    panel = page.summary
    assert panel.sentences.text() == expected.paragraph.replace("“", "“")
    assert 1 <= len(expected.steps) <= 3
    labels = [b.text() for b in panel.buttons]
    assert expected.keep is not None
    from coach.coaching.feedback import clock

    moments = [expected.keep.moment] + [s.moment for s in expected.steps]
    assert labels == [f"▶ {clock(m.at_s)}" for m in moments if m is not None]
    assert (
        panel.change.text() == expected.change and "Since the last attempt" in panel.change.text()
    )
    # the summary sits above the transcript in the reading column
    assert panel.mapTo(page, QPoint(0, 0)).y() < page.transcript.mapTo(page, QPoint(0, 0)).y()
    screenshot(page, "feedback_summary")


def test_a_step_button_centres_its_words_and_plays_from_there(qtbot, timed_page):
    """Clicking a step's ▶ selects its words in the middle of the transcript and plays there."""
    page, _first = timed_page
    steps = page.summary.summary.steps
    step = max(steps, key=lambda s: s.moment.at_s or 0)  # the latest: the view must scroll
    button = page.summary.buttons[1 + steps.index(step)]
    button.click()
    index = step.moment.word_index
    start, end = page.transcript.positions[index]
    assert page.transcript.textCursor().selectionStart() == start
    height = page.transcript.viewport().height()
    bar = page.transcript.verticalScrollBar()
    y = page.transcript.word_rect_centre_y(index)
    assert bar.value() > 0  # the view moved to it
    # in the middle, unless the end of the transcript stops the scrolling first
    assert abs(y - height / 2) < height / 6 or (bar.value() == bar.maximum() and y > height / 2)
    qtbot.waitUntil(lambda: page.player.position() > 0, timeout=10_000)
    assert page.player.position() / 1000 == pytest.approx(step.moment.at_s - 0.2, abs=1.5)


def test_playback_marks_the_word_and_moves_the_playhead(qtbot, timed_page):
    """While playing, the word being said is marked and every chart's playhead follows."""
    page, _first = timed_page
    words = page.review.transcript.words
    page.seek(20.0, play=True)
    qtbot.waitUntil(lambda: page.transcript.current_word is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.player.position() > 21_000, timeout=10_000)
    at = page.player.position() / 1000
    current = page.transcript.current_word
    assert current is not None
    assert (words[current].start_s or 0) <= at + 0.5
    assert current + 1 == len(words) or (words[current + 1].start_s or 0) >= at - 0.5
    for chart in (page.pace_chart, page.figures_chart, page.pauses_chart):
        head = chart.playhead
        assert head is not None and head.at_s == pytest.approx(at, abs=0.6)
        x, top, bottom = head.x_for(head.at_s)
        assert 0 < x < chart.canvas.width() and top < bottom
    page.stop_audio()
    qtbot.waitUntil(lambda: page.transcript.current_word is None, timeout=5000)
    assert page.pace_chart.playhead.at_s is None


def test_charts_fit_above_the_fold_and_scroll_with_the_wheel(qtbot, timed_page):
    """At the default size the Pauses chart is fully visible; the wheel over a chart scrolls."""
    page, _first = timed_page
    viewport = page.side_scroll.viewport()
    bottom = page.pauses_chart.mapTo(viewport, QPoint(0, page.pauses_chart.height())).y()
    assert bottom <= viewport.height(), (bottom, viewport.height())
    bar = page.side_scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    canvas = page.figures_chart.canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    wheel = QWheelEvent(centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(canvas, wheel)
    assert bar.value() > 0


def test_trait_cards_show_only_their_own_metrics(timed_page):
    """Each card's metrics belong to its trait: the Pace card never shows pitch variety."""
    page, _first = timed_page
    assert page.trait_cards
    for card in page.trait_cards:
        assert all(METRICS[m.name].trait == card.trait for m in card.metrics)
        if card.shown_metric is not None:
            assert card.shown_metric in card.metrics
    pace = next(c for c in page.trait_cards if c.trait == "Pace")
    assert "Pitch" not in pace.toolTip()


def test_figures_timeline_hover_names_each_figure(timed_page):
    """Hovering a figure's marker gives its time and words."""
    page, _first = timed_page
    chart = page.figures_chart
    ax, xs, ys, texts = chart.figure.coach_hover[0]
    px, py = ax.transData.transform((xs[0], ys[0]))
    assert chart.hover_text(px + 2, py - 2) == texts[0]
    assert chart.hover_text(px + 40, py + 60) == "" or len(xs) > 1


def test_default_pdf_name_has_no_colon():
    """The suggested file name drops characters file systems refuse."""
    assert safe_file_name("Rehearsal 2026-12-02 14:05") == "Rehearsal 2026-12-02 14-05"
    assert safe_file_name('a/b\\c?*"<>|') == "a-b-c"
    assert safe_file_name("::") == "report"


def test_a_tip_jump_puts_the_word_in_the_middle(timed_page):
    """A tip about the middle of the talk shows its word mid-view, not on the last line."""
    page, _first = timed_page
    tips = page.review.feedback.tips
    n = len(page.review.transcript.words)
    tip = min(tips, key=lambda t: abs((t.word_index or 0) - n / 2))
    page.transcript.verticalScrollBar().setValue(0)
    page.jump_to_tip(tip)
    height = page.transcript.viewport().height()
    y = page.transcript.word_rect_centre_y(tip.word_index)
    assert abs(y - height / 2) < height / 8, (y, height)


def test_exported_pdf_opens_with_the_same_summary(qtbot, timed_page, tmp_path):
    """The PDF exported from the page starts with the summary the page shows, change line too."""
    import subprocess

    page, _first = timed_page
    task = page.export_to(tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert task.error is None, task.error
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "report.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = " ".join(first.split())
    summary = page.summary.summary
    assert summary.paragraph in flat
    assert summary.change is not None and summary.change in flat
