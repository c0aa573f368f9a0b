"""Under a Chinese locale every page of the app speaks Chinese: no English left on a visible label,
button, tab, heading, placeholder, tooltip, menu or table header (issue 16, UI language)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from coach_ui.i18n import install_translator, remove_translator
from coach_ui.main_window import PAGES, MainWindow
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from coach.coaching.review import review
from coach.text import transcript_from_text
from coach.transcript.decode import RATE, write_wav
from tests.ui.conftest import screenshot

TALK = (
    "三年前的一个晚上，我接到一个电话，工厂停工了。那一刻我问自己，还要不要做下去？"
    "我们用了70多天，跑了12个城市。27分钟，我们卖出了5万台。我们离成功还很远，谢谢大家！"
)
ALLOWED = {
    # names: the product, engines, formats, units and keys a Chinese user sees as they are
    "Coach", "Whisper", "whisper", "Sphinx", "sphinx", "PDF", "PPTX", "CSV", "JSON", "WAV", "MP3",
    "OGG", "FLAC", "M4A", "Ctrl", "Space", "Shift", "Esc", "PgUp", "PgDn", "Enter", "Flesch",
    "base", "tiny", "en", "small", "medium", "large", "auto", "zh", "wpm", "min", "dB", "dBFS",
    "txt", "md", "pdf", "pptx", "csv", "json", "wav", "mp3", "ogg", "flac", "m4a", "webm", "opus",
    "aac", "wma", "Qt", "PySide", "espeak", "ng", "faster", "model", "bin", "Lei", "Jun", "style",
    "leijun", "COACH_HOME", "HOME", "XDG", "Xiaomi", "TED", "Yoodli", "PowerPoint", "Speaker",
    "LibreOffice", "PortAudio", "PulseAudio", "Null", "Output", "Monitor", "Remapped",
}  # fmt: skip


def _profile_texts() -> list[str]:
    """What profiles say in their own words (description, why, source): data, not the app's text."""
    from coach.profile import list_profiles

    out: list[str] = []
    for p in list_profiles():
        out += [p.description, p.source]
        out += [t for target in p.metrics.values() for t in (target.why, target.source)]
    return sorted((t for t in out if t), key=len, reverse=True)


PROFILE_TEXTS = _profile_texts()


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&\w+;", " ", text)
    for data in PROFILE_TEXTS:
        text = text.replace(data, " ")
    return " ".join(w for w in text.split() if "/" not in w)  # paths are the user's


def english_words(text: str) -> list[str]:
    """Latin words of two letters or more that are not names from :data:`ALLOWED`."""
    return [w for w in re.findall(r"[A-Za-z_]{2,}", _plain(text)) if w not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every user-facing string of the visible widgets under ``root``."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = type(w).__name__
        if w.toolTip():
            out.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QLabel | QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            out.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QHeaderView) and w.model() is not None:
            for c in range(w.count()):
                head = w.model().headerData(c, w.orientation())
                if isinstance(head, str):
                    out.append((f"{name} header", head))
        elif isinstance(w, QMenu):
            out += [(name, a.text()) for a in w.actions()]
    return out


@pytest.fixture()
def chinese_window(qtbot, store, gui_settings, tmp_path):
    """The main window built under the Chinese translation, a Chinese take in the store."""
    app = QApplication.instance()
    assert install_translator(app, QLocale("zh_CN"))
    rv = review(transcript_from_text(TALK))
    t = np.arange(RATE * 3) / RATE
    wav = write_wav(tmp_path / "take.wav", (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32))
    store.save(rv, title="第一次", talk="发布会")
    sid = store.save(rv, title="第二次", talk="发布会", audio=wav).id
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.session_id = sid
    yield win
    win.rehearse.release()
    remove_translator(app)


def test_every_page_speaks_chinese(qtbot, chinese_window):
    """Each page, filled with a Chinese talk, shows no English word outside the names allowed."""
    win = chinese_window
    win.open_session.emit(win.session_id)
    feedback = win.pages["feedback"]
    qtbot.waitUntil(lambda: feedback.pauses_chart.canvas is not None, timeout=20_000)
    win.rehearse.set_script(TALK, "发布会")
    win.go("script").editor.setPlainText(TALK)  # type: ignore[attr-defined]
    win.go("history").select_ids([win.session_id])  # type: ignore[attr-defined]
    english: list[str] = []
    for name, *_ in PAGES:
        page = win.go(name)
        QApplication.processEvents()
        page.layout().activate()  # a label changed by a late signal is laid out before the shot
        for where, text in visible_texts(page):
            if english_words(text):
                english.append(f"{name}/{where}: {text!r}")
        screenshot(win, f"page-{name}-zh")
    menus = [a.text() for a in win.menuBar().actions()]
    menus += [a.text() for m in win.menuBar().findChildren(QMenu) for a in m.actions()]
    english += [f"menu: {t!r}" for t in menus if english_words(t.replace("&", ""))]
    english += [f"sidebar: {win.sidebar.item(i).text()!r}" for i in range(win.sidebar.count())
                if english_words(win.sidebar.item(i).text())]  # fmt: skip
    assert not english, "\n".join(english)
