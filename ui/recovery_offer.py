"""Crash recovery for the main window: offer what a crashed recording or save left on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from .recording import (
    Unfinished,
    discard_recording,
    recordings_dir,
    recover_recording,
    unfinished_recordings,
)


class RecoveryMixin:
    """Gives :class:`~coach_ui.main_window.MainWindow` its start-up recovery offer."""

    store: Any
    rehearse: Any

    def go(self, name: str) -> Any:  # provided by MainWindow
        raise NotImplementedError

    def unfinished(self) -> list[Unfinished]:
        """Recordings left behind by an app that died mid-recording."""
        return unfinished_recordings(recordings_dir())

    def offer_recovery(self) -> None:
        """Ask whether to recover and analyse what a crash left behind (one item per start)."""
        for item in self.unfinished():
            answer = self._ask_recover(
                QCoreApplication.translate(
                    "MainWindow",
                    "Coach stopped during a recording ({0:.0f} s were saved to disk).",
                ).format(item.duration_s),
                QCoreApplication.translate(
                    "MainWindow", "Recover it and analyse it now? Discard deletes it."
                ),
            )
            if answer == "recover":
                self.recover_and_analyse(item)
                return  # one at a time; the next start offers the rest
            if answer == "discard":
                discard_recording(item)
        recovered = getattr(self.store, "recovered_audio", None)
        for path in recovered() if recovered is not None else []:
            answer = self._ask_recover(
                QCoreApplication.translate(
                    "MainWindow", "A recording whose saving was interrupted was found ({0})."
                ).format(path.name),
                QCoreApplication.translate("MainWindow", "Analyse it now? Discard deletes it."),
            )
            if answer == "recover":
                self.go("rehearse")
                self.rehearse.analyse_file(
                    path,
                    title=QCoreApplication.translate("MainWindow", "Recovered {0}").format(
                        path.stem
                    ),
                    delete_after=True,
                )
                return
            if answer == "discard":
                path.unlink(missing_ok=True)

    def _ask_recover(self, what: str, question: str) -> str:
        box = QMessageBox(self)  # type: ignore[call-overload]
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Recover recording"))
        box.setText(what)
        box.setInformativeText(question)
        recover = box.addButton(
            QCoreApplication.translate("MainWindow", "Recover and analyse"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("MainWindow", "Later"), QMessageBox.ButtonRole.RejectRole
        )
        discard = box.addButton(
            QCoreApplication.translate("MainWindow", "Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.exec()
        clicked = box.clickedButton()
        return "recover" if clicked is recover else "discard" if clicked is discard else "later"

    def recover_and_analyse(self, item: Unfinished) -> Path:
        """Fix the recording's header from the raw audio and analyse it like an import."""
        wav = recover_recording(item)
        talk = str(item.meta.get("talk", "") or "")
        self.go("rehearse")
        self.rehearse.analyse_file(
            wav,
            talk=talk,
            title=QCoreApplication.translate("MainWindow", "Recovered {0}").format(wav.stem),
            delete_after=True,
        )
        return wav
