"""The main window: a sidebar of pages, menus, status bar, drag-and-drop import, crash recovery.

Pages
-----
Each page is a ``QWidget`` built as ``Page(store, settings, parent=None)``: Rehearse
(:mod:`coach_ui.pages.rehearse`), Feedback (:mod:`coach_ui.pages.feedback`), History, Script, Profiles and
Settings (:mod:`coach_ui.pages.history`, ``script``, ``profiles``, ``settings_page``). Pages other than
Rehearse are built the first time they are shown, which keeps start-up fast.

Navigation signals (emit them on the window; ``self.window()`` from a page)
---------------------------------------------------------------------------
``open_session(int)``
    Show the Feedback page for this session id.
``rehearse_script(str, str)``
    (script text, talk name): go to Rehearse with the script as teleprompter and the talk set.
``show_page(str)``
    Switch to a page by name: "rehearse", "feedback", "history", "script", "profiles",
    "settings".
``sessions_changed()``
    A session was saved, renamed or deleted: lists should refresh.

The window also connects the pages' own signals when it builds them: ``HistoryPage.open_session``,
``ScriptPage.rehearse_script``, ``FeedbackPage.rehearse_again``, ``RehearsePage.session_ready``,
and ``failed(str)`` of any page (shown in the status bar).
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from coach.paths import config_dir, data_dir

from .desktop import app_icon
from .errors import Problem, show_problem
from .pages.rehearse import RehearsePage
from .recovery_offer import RecoveryMixin

AUDIO_SUFFIXES = {
    ".wav",
    ".flac",
    ".mp3",
    ".m4a",
    ".ogg",
    ".opus",
    ".aiff",
    ".aif",
    ".webm",
    ".mp4",
}
AUDIO_FILTER = "Audio (" + " ".join("*" + s for s in sorted(AUDIO_SUFFIXES)) + ");;All files (*)"

PAGES: tuple[tuple[str, str, str, str], ...] = (
    (
        "rehearse",
        str(QT_TRANSLATE_NOOP("MainWindow", "Rehearse")),
        ".pages.rehearse",
        "RehearsePage",
    ),
    (
        "feedback",
        str(QT_TRANSLATE_NOOP("MainWindow", "Feedback")),
        ".pages.feedback",
        "FeedbackPage",
    ),
    ("history", str(QT_TRANSLATE_NOOP("MainWindow", "History")), ".pages.history", "HistoryPage"),
    ("script", str(QT_TRANSLATE_NOOP("MainWindow", "Script")), ".pages.script", "ScriptPage"),
    (
        "profiles",
        str(QT_TRANSLATE_NOOP("MainWindow", "Profiles")),
        ".pages.profiles",
        "ProfilesPage",
    ),
    (
        "settings",
        str(QT_TRANSLATE_NOOP("MainWindow", "Settings")),
        ".pages.settings_page",
        "SettingsPage",
    ),
)
"""(name, sidebar label, module, class) of each page, in sidebar order."""


def geometry_file() -> Path:
    """Where the window remembers its size and place (the user's config folder)."""
    return config_dir() / "window.json"


class Placeholder(QWidget):
    """Stands in for a page whose module is not there (yet)."""

    def __init__(self, label: str, reason: str = "") -> None:
        super().__init__()
        box = QVBoxLayout(self)
        text = QLabel(self.tr("<h2>{0}</h2><p>This page is not available in this build.</p><p style='color:gray'>{1}</p>").format(label, reason))  # fmt: skip
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        box.addWidget(text)


class _NoFocusDelegate(QStyledItemDelegate):
    """Draws list items without the keyboard-focus rectangle (the selection shows the page)."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Any) -> None:
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)


class MainWindow(RecoveryMixin, QMainWindow):
    """Coach's main window (see the module docstring for its signals)."""

    open_session = Signal(int)
    rehearse_script = Signal(str, str)
    show_page = Signal(str)
    sessions_changed = Signal()

    def __init__(self, store: Any, settings: Any, *, check_recovery: bool = True) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.setWindowTitle(self.tr("Coach"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.pages: dict[str, QWidget] = {}
        self._index: dict[str, int] = {}
        self._build()
        self._menus()
        self.open_session.connect(self._open_session)
        self.rehearse_script.connect(self._rehearse_script)
        self.show_page.connect(self.go)
        self.restore_geometry()
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        if getattr(store, "notice", None):
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(str(store.notice)))
        if getattr(settings, "notice", ""):
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(str(settings.notice)))
        if check_recovery:
            QTimer.singleShot(300, self.offer_recovery)

    # layout

    def _build(self) -> None:
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(140)
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 9px 12px; }")
        # no dotted focus rectangle around the selected page. (A style-sheet "outline: 0" on the
        # list did the same but made captured audio drop blocks: tests/ui/test_recovery.py.)
        self.sidebar.setItemDelegate(_NoFocusDelegate(self.sidebar))
        self.stack = QStackedWidget()
        for i, (name, label, _module, _cls) in enumerate(PAGES):
            self.sidebar.addItem(QCoreApplication.translate("MainWindow", label))
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
            self._index[name] = i
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self.rehearse: RehearsePage = self.page("rehearse")  # type: ignore[assignment]
        self.sidebar.setCurrentRow(0)

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built on first use."""
        if name in self.pages:
            return self.pages[name]
        i = self._index[name]
        _name, label, module, cls = PAGES[i]
        try:
            page_cls = getattr(importlib.import_module(module, __package__), cls)
            widget = page_cls(self.store, self.settings)
        except (ImportError, AttributeError) as exc:
            widget = Placeholder(label, f"{type(exc).__name__}: {exc}")
        holder = self.stack.widget(i)
        box = holder.layout() if holder is not None else None
        assert box is not None, "every page holder is made with a layout"
        box.addWidget(widget)
        self.pages[name] = widget
        self._connect(name, widget)
        return widget

    def _connect(self, name: str, page: QWidget) -> None:
        def link(signal_name: str, slot: Callable[..., Any]) -> None:
            signal = getattr(page, signal_name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(slot)

        link("session_ready", self._session_saved)
        link("open_session", self.open_session.emit)
        link("rehearse_script", self.rehearse_script.emit)
        link("rehearse_again", self.rehearse_script_again)
        link("busy", self._busy)
        link("status", lambda text: self.statusBar().showMessage(text, 8000))
        link("failed", lambda text: self.statusBar().showMessage(text, 10000))
        link("notice_shown", lambda text: self.statusBar().showMessage(text, 10000))
        if name == "history":
            self.sessions_changed.connect(lambda: getattr(page, "refresh", lambda: None)())

    def _row_changed(self, row: int) -> None:
        name = PAGES[row][0]
        self.page(name)
        self.stack.setCurrentIndex(row)

    def go(self, name: str) -> QWidget:
        """Switch to page ``name`` and return it."""
        widget = self.page(name)
        self.sidebar.setCurrentRow(self._index[name])
        return widget

    @property
    def current_page(self) -> str:
        """Name of the page on screen."""
        return PAGES[self.stack.currentIndex()][0]

    # menus

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            file,
            self.tr("&Import audio…"),
            self.choose_import,
            QKeySequence.StandardKey.Open,
        )
        self.export_action = self._action(
            file,
            self.tr("&Export PDF…"),
            self._export,
            "Ctrl+E",
        )
        file.addSeparator()
        self._action(
            file,
            self.tr("&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
        )
        rec = bar.addMenu(self.tr("&Record"))
        self._action(
            rec,
            self.tr("&Record"),
            self._record,
            "Ctrl+R",
        )
        self._action(
            rec,
            self.tr("&Pause / Resume"),
            self.rehearse.toggle_pause,
            "Ctrl+Space",
        )
        self._action(
            rec,
            self.tr("&Stop and analyse"),
            self.rehearse.stop_recording,
            "Ctrl+.",
        )
        view = bar.addMenu(self.tr("&View"))
        for i, (name, label, _m, _c) in enumerate(PAGES):
            self._action(
                view,
                QCoreApplication.translate("MainWindow", label),
                lambda n=name: self.go(n),
                f"Ctrl+{i + 1}",
            )
        view.addSeparator()
        self._action(
            view,
            self.tr("&Full screen"),
            self._toggle_full_screen,
            QKeySequence.StandardKey.FullScreen,
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Coach"), self._about, None)

    def _action(self, menu: Any, text: str, slot: Callable[..., Any], keys: Any) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _record(self) -> None:
        self.go("rehearse")
        self.rehearse.start_recording()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _about(self) -> None:
        from coach import __version__

        QMessageBox.about(
            self,
            "About Coach",
            f"<b>Coach {__version__}</b><p>Rehearse a talk and compare it with a speaking-style "
            f"profile, offline. Your data: {data_dir()}</p>",
        )

    # navigation slots

    def _open_session(self, session_id: int) -> None:
        page = self.go("feedback")
        page.show_session(int(session_id))  # type: ignore[attr-defined]

    def _session_saved(self, session_id: int) -> None:
        self.sessions_changed.emit()
        self.open_session.emit(int(session_id))

    def _rehearse_script(self, text: str, talk: str) -> None:
        self.go("rehearse")
        self.rehearse.set_script(text, talk)

    def rehearse_script_again(self, talk: str, script: str) -> None:
        """Rehearse the same talk again (from the Feedback page)."""
        self._rehearse_script(script, talk)

    def _busy(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _export(self) -> None:
        page = self.pages.get("feedback")
        if page is None or getattr(page, "session", None) is None:
            self.statusBar().showMessage(
                self.tr("Open a session's feedback first, then export it."),
                6000,
            )
            return
        page.choose_export()  # type: ignore[attr-defined]

    # import

    def choose_import(self) -> None:
        """File → Import audio…"""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a recording"),
            str(Path.home()),
            AUDIO_FILTER,
        )
        if path:
            self.import_audio(Path(path))

    def bring_to_front(self, request: dict | None = None) -> None:
        """Show the window on top (a second start of Coach asked); import its recording, if any."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        path = (request or {}).get("import")
        if path:
            self.import_audio(Path(str(path)))

    def import_audio(self, path: Path) -> QDialog:
        """Ask the talk, title and script of an audio file, then analyse it and show its
        feedback; returns the (window-modal, already open) dialog."""
        from .pages.import_audio import ask

        self.go("rehearse")
        path = Path(path)
        dialog = ask(self, path, self.store)

        def accepted() -> None:
            choice = dialog.choice()
            self.rehearse.analyse_file(
                path, talk=choice.talk, title=choice.title, script=choice.script
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        self.import_ask = dialog
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(Path(u.toLocalFile()).suffix.lower() in AUDIO_SUFFIXES for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in AUDIO_SUFFIXES:
                self.import_audio(path)
                event.acceptProposedAction()
                return

    # geometry

    def restore_geometry(self) -> None:
        """Put the window where it was last time (a sensible size the first time)."""
        try:
            data = json.loads(geometry_file().read_text(encoding="utf-8"))
            ok = self.restoreGeometry(base64.b64decode(data["geometry"]))
        except (OSError, ValueError, KeyError, TypeError):
            ok = False
        if not ok:
            self.resize(1180, 780)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Never larger than the screen's free area (a 1280x720 laptop, or 200 % scaling)."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        if self.width() > free.width() or self.height() > free.height():
            self.resize(min(self.width(), free.width()), min(self.height(), free.height()))

    def save_geometry(self) -> None:
        """Remember size and place for the next start."""
        data = {"geometry": base64.b64encode(bytes(self.saveGeometry().data())).decode()}
        with contextlib.suppress(OSError):
            geometry_file().write_text(json.dumps(data), encoding="utf-8")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.rehearse.recorder.state in ("recording", "paused"):
            answer = QMessageBox.question(
                self,
                self.tr("Recording in progress"),
                self.tr("A recording is running. Stop it and analyse it before quitting?"),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Yes:
                self.rehearse.stop_recording()
                event.ignore()
                self.statusBar().showMessage(
                    self.tr("Analysing; quit again once the feedback shows.")
                )
                return
        self.save_geometry()
        self.rehearse.release()
        feedback = self.pages.get("feedback")
        if feedback is not None:
            feedback.stop_audio()  # type: ignore[attr-defined]
        super().closeEvent(event)


def problem_box(parent: QWidget, what: str, next_step: str) -> None:
    """Show a two-part message (used by pages that only have text)."""
    show_problem(parent, Problem(what, next_step))
