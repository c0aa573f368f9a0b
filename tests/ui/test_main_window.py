"""ui/main_window.py: pages, navigation signals, import with progress, geometry, screenshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from coach_ui.main_window import PAGES, MainWindow, Placeholder
from coach_ui.pages.import_audio import talk_name_for
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from coach.coaching.review import review
from coach.text import transcript_from_text
from tests.speech import standard_rehearsal
from tests.ui.conftest import screenshot

SCRIPT = (
    "Last year we sold 5,000 phones in the first week. Why does this matter? "
    "Because each phone costs only 199 dollars. We thank every one of you."
)


@pytest.fixture()
def window(qtbot, store, gui_settings):
    """The main window on a fresh store, shown offscreen at a fixed size."""
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    yield win
    win.rehearse.release()


def test_every_page_is_mounted_and_reachable(window):
    """The sidebar lists the six pages and each one is the real page, not a placeholder."""
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        label for _n, label, _m, _c in PAGES
    ]
    for name, *_ in PAGES:
        page = window.go(name)
        assert window.current_page == name
        assert not isinstance(page, Placeholder), name


def test_navigation_signals_open_sessions_and_scripts(qtbot, window, store):
    """open_session shows Feedback for a stored session; rehearse_script fills the teleprompter."""
    saved = store.save(review(transcript_from_text(SCRIPT)), title="Typed", talk="Launch")
    window.open_session.emit(saved.id)
    assert window.current_page == "feedback"
    feedback = window.pages["feedback"]
    assert feedback.session.id == saved.id
    assert f"{saved.review.feedback.score:.0f}" in feedback.score_label.text()

    feedback.again_button.click()  # Rehearse again: same talk
    assert window.current_page == "rehearse"
    assert window.rehearse.talk.text() == "Launch"

    script_page = window.go("script")
    script_page.rehearse_script.emit(SCRIPT, "Keynote")
    assert window.current_page == "rehearse"
    assert window.rehearse.prompter.isVisible()
    assert "5,000 phones" in window.rehearse.prompter.toPlainText()
    assert window.rehearse.talk.text() == "Keynote"


def test_window_geometry_is_remembered(qtbot, store, gui_settings):
    """Size set in one run comes back in the next."""
    first = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 540)  # inside the 800x600 offscreen screen, above the minimum size
    qtbot.wait(50)
    first.close()
    second = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 540)
    second.rehearse.release()


@pytest.mark.slow
def test_dropped_recording_is_analysed_then_every_page_screenshotted(qtbot, window, tmp_path):
    """A dropped audio file goes through the progress dialog to Feedback; the PDF export works."""
    reh = standard_rehearsal()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(reh.path))])
    drop = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.rehearse.set_script(SCRIPT, "Keynote")  # the teleprompter holds another talk
    with qtbot.waitSignal(window.rehearse.session_ready, timeout=90_000):
        window.dropEvent(drop)
        ask = window.import_ask  # the import asks first: a new talk named after the file
        assert ask.isVisible()
        assert ask.talk.currentText() == talk_name_for(reh.path)
        assert ask.script.currentData() == "none" and ask.title.text() == reh.path.stem
        ask.accept()
        assert window.rehearse.import_dialog.isVisible()
        assert "left)" in window.rehearse.import_dialog.labelText()  # an estimate at once
    assert not window.rehearse.import_dialog.isVisible()
    assert window.current_page == "feedback"
    feedback = window.pages["feedback"]
    # not the teleprompter's talk and script: no "Script adherence 6 %"
    assert feedback.session.talk == talk_name_for(reh.path) and feedback.session.script is None
    figures = {f.value for f in feedback.review.analysis.figures if f.kind == "figure"}
    assert {5000.0, 2e6, 3000.0} <= figures
    qtbot.waitUntil(lambda: feedback.figures_chart.canvas is not None, timeout=20_000)

    # A tip click selects its words in the transcript.
    tip_row = next(
        i for i in range(feedback.tips.count())
        if feedback.tips.item(i).data(Qt.ItemDataRole.UserRole) is not None
    )  # fmt: skip
    feedback._tip_clicked(feedback.tips.item(tip_row))
    assert feedback.transcript.textCursor().hasSelection()

    out = tmp_path / "report.pdf"
    task = feedback.export_to(out)
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert f"{feedback.review.feedback.score:.0f}" in text

    for name, *_ in PAGES:
        window.go(name)
        qtbot.wait(100)
        screenshot(window, f"page-{name}")
    assert Path(screenshot(window.rehearse.meter, "level-meter")).exists()


def test_coach_gui_subcommand_is_registered():
    """`coach gui --help` works without a display and without importing Qt in the engine."""
    out = subprocess.run(
        [sys.executable, "-m", "coach", "gui", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--record" in out


def test_microphone_chosen_in_settings_is_used_for_rehearsal(qtbot, mic, window, gui_settings):
    """Picking the virtual microphone on the Settings page selects it on the Rehearse page."""
    window.go("rehearse")
    qtbot.waitUntil(lambda: window.rehearse.recorder.state == "monitoring", timeout=10_000)
    gui_settings.set("microphone", "coach_mic")
    assert window.rehearse.mic.currentData() == "coach_mic"
    assert window.rehearse.recorder.state == "monitoring"
    window.go("history")  # leaving the page closes the microphone
    assert window.rehearse.recorder.state == "idle"


def test_selected_page_has_no_focus_rectangle(qtbot, window):
    """With the keyboard focus on the sidebar, the selected page is drawn exactly as without it
    (the default delegate draws a focus frame there)."""
    from PySide6.QtWidgets import QApplication, QStyledItemDelegate

    window.activateWindow()
    window.go("history")
    window.stack.setFocus()
    QApplication.processEvents()
    unfocused = window.sidebar.grab().toImage()
    window.sidebar.setFocus()
    QApplication.processEvents()
    assert window.sidebar.hasFocus()
    focused = window.sidebar.grab().toImage()
    assert focused == unfocused
    window.sidebar.setItemDelegate(QStyledItemDelegate(window.sidebar))  # the default look
    QApplication.processEvents()
    assert window.sidebar.grab().toImage() != unfocused
