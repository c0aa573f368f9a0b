"""Every page in the light and the dark theme at 1280x720, screenshotted for docs/pages.md; the
dark theme reaches the sidebar, the transcript and the charts; everything fits 1280x720 and
works at 200 % scaling (QT_SCALE_FACTOR=2, in a child process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from coach_ui.main_window import PAGES, MainWindow
from coach_ui.pages.settings_page import apply_theme
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from coach.coaching.review import review
from coach.paths import samples_dir
from coach.text import transcript_from_text
from coach.transcript.decode import RATE, write_wav
from tests.timed_talk import talk_text, timed_transcript
from tests.ui.conftest import SCREENSHOTS, screenshot

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 720)
DEMO = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


def lightness(colour: QColor) -> int:
    return QColor(colour).lightness()


def fill_store(store, tmp_path: Path) -> int:
    """Two attempts at a talk (the second with a recording) and a typed draft; returns the id of
    the recorded session."""
    first = review(timed_transcript(talk_text(260, seed=11), wpm=210))
    second = review(timed_transcript(talk_text(280, seed=5), wpm=150))
    t = np.arange(int(float(second.transcript.duration_s or 0) * RATE)) / RATE
    wav = write_wav(tmp_path / "take.wav", (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32))
    store.save(first, title="First try", talk="Bakery story")
    store.save(review(transcript_from_text(DEMO)), title="Draft", talk="Bakery story")
    return store.save(second, title="Second try", talk="Bakery story", audio=wav).id


@pytest.fixture()
def window(qtbot, store, gui_settings, tmp_path):
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    win.session_id = fill_store(store, tmp_path)
    yield win
    apply_theme("light")
    win.rehearse.release()


def show_everything(qtbot, win) -> None:
    """Put something on every page: a session on Feedback, a script on the teleprompter."""
    win.open_session.emit(win.session_id)
    feedback = win.pages["feedback"]
    qtbot.waitUntil(lambda: feedback.pauses_chart.canvas is not None, timeout=20_000)
    win.rehearse.set_script(DEMO, "Bakery story")
    script = win.go("script")
    script.editor.setPlainText(DEMO)  # type: ignore[attr-defined]
    history = win.go("history")
    history.select_ids([win.session_id])  # type: ignore[attr-defined]


def test_every_page_in_both_themes(qtbot, window):
    """Light then dark: a screenshot of each page; in dark the sidebar, the transcript's words
    and the charts are dark too (they stayed white before)."""
    show_everything(qtbot, window)
    feedback = window.pages["feedback"]
    for theme in ("light", "dark"):
        apply_theme(theme)
        QApplication.processEvents()
        for name, *_ in PAGES:
            window.go(name)
            qtbot.wait(150)
            path = screenshot(window, f"page-{name}-{theme}")
            assert path.exists()
        # a screenshot of the microphone list at its natural width
    apply_theme("dark")
    QApplication.processEvents()
    window.go("feedback")
    qtbot.wait(100)
    sidebar = window.sidebar.palette()
    assert lightness(sidebar.color(QPalette.ColorRole.Base)) < 80
    shot = window.sidebar.grab().toImage()
    assert QColor(shot.pixel(5, shot.height() - 5)).lightness() < 80  # drawn dark, not white
    view = feedback.transcript
    plain = next(i for i, k in enumerate(view.kinds) if k is None)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions[plain][0] + 1)
    assert lightness(cursor.charFormat().foreground().color()) > 170  # light words on dark
    for chart in (feedback.pace_chart, feedback.figures_chart, feedback.pauses_chart):
        r, g, b, _a = chart.figure.get_facecolor()
        assert max(r, g, b) < 0.2, chart.figure
    apply_theme("light")
    QApplication.processEvents()
    r, g, b, _a = feedback.pace_chart.figure.get_facecolor()
    assert min(r, g, b) > 0.95
    assert lightness(cursor.charFormat().foreground().color()) < 90


def test_every_page_fits_1280x720(qtbot, window):
    """No page asks for more than 1280x720: the window can be that small and nothing is cut."""
    show_everything(qtbot, window)
    for name, *_ in PAGES:
        window.go(name)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= SIZE[0] and hint.height() <= SIZE[1], (name, hint)


SCALED = r"""
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from coach.store.sessions import SessionStore
from coach_ui.main_window import MainWindow, PAGES
from coach_ui.settings import Settings
from coach_ui.pages.import_audio import ImportDialog
from coach_ui.pages.profiles import DuplicateDialog
sys.path.insert(0, os.environ["ROOT"])
from tests.ui.test_pages_themes import fill_store
out = Path(os.environ["OUT"])
store = SessionStore()
settings = Settings()
win = MainWindow(store, settings, check_recovery=False)
sid = fill_store(store, out)
win.resize(1280, 720)
win.show()
win.open_session.emit(sid)
import time
feedback = win.pages["feedback"]
deadline = time.monotonic() + 30
while feedback.pauses_chart.canvas is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
bad = []
for name, *_ in PAGES:
    win.go(name)
    for _ in range(20):
        app.processEvents()
    hint = win.minimumSizeHint()
    if hint.width() > 1280 or hint.height() > 720:
        bad.append((name, hint.width(), hint.height()))
    win.grab().save(str(out / f"page-{name}-200pct.png"))
for dialog in (ImportDialog(Path("/tmp/launch keynote.mp3"), ["Bakery story"], win),
               DuplicateDialog(win, "Lei Jun style")):
    dialog.show()
    app.processEvents()
    if dialog.width() > 1280 or dialog.height() > 720:
        bad.append((type(dialog).__name__, dialog.width(), dialog.height()))
    dialog.grab().save(str(out / f"{type(dialog).__name__}-200pct.png"))
print("ratio", win.devicePixelRatio())
print("bad", bad)
win.rehearse.release()
"""


def test_every_page_and_dialog_at_200_percent(tmp_path):
    """With QT_SCALE_FACTOR=2 every page and dialog still fits a 1280x720 (logical) window; the
    screenshots are drawn at twice the pixels."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen",
           "ROOT": str(ROOT), "OUT": str(SCREENSHOTS), "COACH_HOME": str(tmp_path)}  # fmt: skip
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", SCALED], env=env, capture_output=True,
                          text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ratio 2.0" in done.stdout
    assert "bad []" in done.stdout, done.stdout
    from PIL import Image

    with Image.open(SCREENSHOTS / "page-feedback-200pct.png") as shot:
        assert shot.size == (2560, 1440)
