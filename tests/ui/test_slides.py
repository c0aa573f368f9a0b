"""Rehearsing with slides in the app: keys move the slides while speech plays into the virtual
microphone; the saved session's slide changes and its per-slide strip match what happened."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from coach_ui.main_window import MainWindow
from PySide6.QtCore import Qt

from tests.decks import SAID, TALK, make_pdf, make_pptx
from tests.speech import build_rehearsal
from tests.ui.conftest import screenshot


@pytest.fixture()
def window(qtbot, store, gui_settings):
    """The main window on a fresh store, shown offscreen."""
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.rehearse.release()


def _open(qtbot, panel, path: Path) -> None:
    with qtbot.waitSignal(panel.deck_opened, timeout=10_000):
        panel.open_deck(path)
    qtbot.waitUntil(panel.slide_view.has_picture, timeout=10_000)


def test_keys_and_clicker_move_the_slides(qtbot, window, tmp_path: Path) -> None:
    """→ / Space / Page Down go forward, ← / Page Up go back, whichever widget has focus;
    typing in the Talk field still types; a 100-slide deck shows its first slide quickly."""
    page = window.rehearse
    panel = page.slides
    deck = make_pdf(tmp_path / "long.pdf", [(f"Slide {i}", ["a line"]) for i in range(1, 101)])
    began = time.perf_counter()
    _open(qtbot, panel, deck)
    opened_s = time.perf_counter() - began
    assert panel.position.text().startswith("Slide 1 / 100")
    page.live.setFocus()
    for key, expected in [
        (Qt.Key.Key_Right, 2), (Qt.Key.Key_Space, 3), (Qt.Key.Key_PageDown, 4),
        (Qt.Key.Key_Left, 3), (Qt.Key.Key_PageUp, 2),
    ]:  # fmt: skip
        qtbot.keyClick(page.live, key)
        assert panel.current == expected, key
    page.talk.setFocus()
    qtbot.keyClicks(page.talk, "a b")
    qtbot.keyClick(page.talk, Qt.Key.Key_Left)
    assert page.talk.text() == "a b" and panel.current == 2  # the field kept its keys
    qtbot.keyClick(page.record_button, Qt.Key.Key_PageDown)
    assert panel.current == 3
    # Not a timing test (bench/slides.py measures that): the deck must not block the window.
    assert opened_s < 10


def test_notes_become_the_teleprompter_script(qtbot, window, tmp_path: Path) -> None:
    """A PowerPoint deck's speaker notes go to the teleprompter with one click."""
    page = window.rehearse
    notes = [" ".join(u) for u in SAID]
    page.talk.setText("Launch")
    _open(qtbot, page.slides, make_pptx(tmp_path / "talk.pptx", TALK, notes=notes))
    assert page.slides.notes_button.isVisible()
    page.slides.notes_button.click()
    assert page.script == "\n\n".join(notes)
    assert page.prompter.isVisible() and notes[1] in page.prompter.toPlainText()


@pytest.mark.slow
def test_rehearsal_with_slides_end_to_end(qtbot, mic, window, tmp_path: Path) -> None:
    """Slides change by key presses between spoken parts; the saved changes are the moments of
    the presses, each slide gets its own words, slide 2 (read word for word) is flagged and
    slide 1 (paraphrased) is not, and the Feedback strip shows it."""
    page = window.rehearse
    panel = page.slides
    qtbot.waitUntil(lambda: page.recorder.state == "monitoring", timeout=10_000)
    page.set_script("\n\n".join(" ".join(u) for u in SAID), "Launch")  # teleprompter too
    _open(qtbot, panel, make_pdf(tmp_path / "talk.pdf", TALK))
    assert page.prompter.isVisible() and page.live.isVisible()
    parts = [build_rehearsal([x for u in us for x in (u, 0.45)][:-1], name=f"slide{i}")
             for i, us in enumerate(SAID, 1)]  # fmt: skip
    page.start_recording()
    assert page.recorder.state == "recording"
    pressed: list[float] = [0.0]
    for i, part in enumerate(parts):
        if i:
            qtbot.wait(500)  # silence, then the press
            pressed.append(page.recorder.recorded_s)
            qtbot.keyClick(page.live, (Qt.Key.Key_Right, Qt.Key.Key_PageDown)[i - 1])
            assert panel.current == i + 1
            qtbot.wait(300)
        player = mic.play(part.path, wait=False)
        qtbot.waitUntil(lambda p=player: p.poll() is not None, timeout=60_000)
        if i == 1:
            screenshot(window, "rehearse-slides")
    qtbot.wait(700)
    assert [c.slide for c in panel.changes] == [1, 2, 3]
    for change, at in zip(panel.changes, pressed, strict=True):
        assert change.start_s == pytest.approx(at, abs=0.25)

    with qtbot.waitSignal(page.session_ready, timeout=90_000) as saved:
        page.stop_recording()
    feedback = window.go("feedback")
    strip = feedback.slide_strip
    qtbot.waitUntil(lambda: strip.report is not None, timeout=30_000)
    report = strip.report
    from coach.store.slide_shows import load_slide_show

    show = load_slide_show(page.store, saved.args[0])
    assert show is not None and show.changes == tuple(panel.changes)
    assert show.deck_name == "talk.pdf" and show.deck_path is not None
    truth = [sum(len(u.split()) for u in us) for us in SAID]
    for s, n in zip(report.slides, truth, strict=True):
        assert abs(s.words - n) <= max(3, n * 0.15), (s.slide, s.words, n)
        assert s.start_s == pytest.approx(pressed[s.slide - 1], abs=0.25)
    assert [s.read_aloud for s in report.slides] == [False, True, False]
    assert report.slides[2].figures_unsaid == ("40%", "3")
    assert [c.colour for c in strip.cards][1] == "#c53030"
    qtbot.waitUntil(lambda: all(c.picture.pixmap() and not c.picture.pixmap().isNull()
                                for c in strip.cards), timeout=20_000)  # fmt: skip
    assert "Slide 2 was read aloud" in strip.summary.text()
    screenshot(strip, "feedback-slide-strip")
    screenshot(window, "feedback-slides")
    # Clicking a card plays the recording from when that slide came up. (The first seek of a
    # freshly loaded recording is lost by FeedbackPage.seek, as for word clicks: click twice.)
    qtbot.mouseClick(strip.cards[2], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: feedback.player is not None and feedback.player.position() > 0, timeout=10_000
    )
    qtbot.mouseClick(strip.cards[2], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: feedback.player.position() / 1000 >= pressed[2] - 0.5, timeout=10_000)
