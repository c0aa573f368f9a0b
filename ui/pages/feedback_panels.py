"""Two parts of the Feedback page: script adherence, and scoring a session again with another
profile. Each takes a stored :class:`coach.coaching.progress.Session` and does its work off the GUI thread.

Mount them on the Feedback page::

    self.rescore = RescoreBox(store)          # profile chooser + "Score again"
    self.rescore.rescored.connect(self.show_session)
    self.adherence = AdherencePanel()         # hidden when the session has no script
    ...
    # in show_session(session_id), after loading self.session:
    self.rescore.show_session(self.session)
    self.adherence.show_session(self.session)
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.script.adherence import Adherence, adherence

from ..workers import run_task

GOOD, CLOSE, OFF = "#2f855a", "#b7791f", "#c53030"


def adherence_html(result: Adherence) -> str:
    """The adherence of one rehearsal as short HTML: the share said, then each figure's fate."""
    share = result.said_share * 100
    colour = GOOD if share >= 85 else (CLOSE if share >= 60 else OFF)
    planned = len(result.figures_planned)
    kept = len(result.figures_kept)
    parts = [
        f"<b>Script adherence</b>: you said <b style='color:{colour}'>{share:.0f} %</b> of the "
        f"script word for word (word error rate {result.wer * 100:.0f} %); "
        f"{kept} of {planned} planned figures as planned."
    ]
    items = []
    for f in result.figures_skipped:
        items.append(f"<span style='color:{OFF}'>Skipped</span> “{html.escape(f.text)}”")
    for c in result.figures_changed:
        items.append(
            f"<span style='color:{CLOSE}'>Changed</span> “{html.escape(c.planned.text)}” → "
            f"“{html.escape(c.said.text)}”"
        )
    for f in result.figures_added:
        items.append(f"Added figure “{html.escape(f.text)}”")
    for p in result.skipped_passages:
        items.append(f"Left out: <i>{html.escape(_short(p))}</i>")
    for p in result.added_passages:
        items.append(f"Added: <i>{html.escape(_short(p))}</i>")
    if items:
        parts.append(
            "<ul style='margin-top:2px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        )
    return "".join(parts)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AdherencePanel(QWidget):
    """How the rehearsal followed its script (hidden for sessions without a script)."""

    shown = Signal(object)
    """The :class:`coach.script.adherence.Adherence` now on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Adherence | None = None
        self._session_id: int | None = None
        self._task: Any = None
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setObjectName("adherenceText")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.text)
        self.hide()

    def show_session(self, session: Any) -> None:
        """Compare ``session``'s transcript with its script, on a worker thread."""
        self._session_id = session.id
        self.result = None
        script = session.script
        if not script or not str(script).strip():
            self.hide()
            return
        transcript = session.review.transcript
        sid = session.id
        self.text.setText(
            QCoreApplication.translate("AdherencePanel", "Comparing with the script…")
        )
        self.show()
        self._task = run_task(
            lambda: adherence(str(script), transcript),
            on_result=lambda result: self._done(sid, result),
            on_error=lambda exc: self._failed(sid, exc),
            owner=self,
        )

    def _done(self, session_id: int, result: Adherence) -> None:
        if session_id != self._session_id:
            return  # another session is on screen now
        self.result = result
        self.text.setText(adherence_html(result))
        self.shown.emit(result)

    def _failed(self, session_id: int, exc: BaseException) -> None:
        if session_id == self._session_id:
            self.text.setText(
                QCoreApplication.translate(
                    "AdherencePanel", "Could not compare with the script: {0}"
                ).format(html.escape(str(exc)))
            )


class RescoreBox(QWidget):
    """Choose another profile and score the stored transcript again (no new transcription)."""

    rescored = Signal(int)
    """The session id, now scored with the chosen profile."""
    failed = Signal(str)

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session: Any = None
        self._task: Any = None
        self.profile = QComboBox()
        self.profile.setToolTip(
            QCoreApplication.translate(
                "RescoreBox", "Score this rehearsal against another speaking-style profile"
            )
        )
        self.button = QPushButton(QCoreApplication.translate("RescoreBox", "Score again"))
        self.button.clicked.connect(self.rescore)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(QCoreApplication.translate("RescoreBox", "Profile:")))
        row.addWidget(self.profile)
        row.addWidget(self.button)
        self.refresh_profiles()

    def refresh_profiles(self) -> None:
        """Reload the profile list (profiles may have been built or edited)."""
        from coach.profile import list_profiles

        current = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in list_profiles():
            self.profile.addItem(p.name, p.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(current)))
        self.profile.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.refresh_profiles()
        super().showEvent(event)

    def show_session(self, session: Any) -> None:
        """Offer re-scoring for ``session``, its current profile selected."""
        self.session = session
        if self.profile.findData(session.profile_id) < 0:
            self.refresh_profiles()
        self.profile.setCurrentIndex(max(0, self.profile.findData(session.profile_id)))
        self.button.setEnabled(session.deleted is None)

    def rescore(self) -> None:
        """Score the session again with the chosen profile on a worker; :attr:`rescored` follows."""
        if self.session is None:
            return
        sid, profile_id = self.session.id, self.profile.currentData()
        store = self.store
        self.button.setEnabled(False)
        self._task = run_task(
            lambda: store.rescore(sid, profile_id),
            on_result=lambda _session: self._done(sid),
            on_error=self._failed,
            owner=self,
        )

    def _done(self, session_id: int) -> None:
        self.button.setEnabled(True)
        self.rescored.emit(session_id)

    def _failed(self, exc: BaseException) -> None:
        from ..errors import problem_for, show_problem

        self.button.setEnabled(True)
        self.failed.emit(str(exc))
        if self.isVisible():
            show_problem(
                self,
                problem_for(
                    exc, doing=QCoreApplication.translate("Problem", "scoring the session again")
                ),
            )
