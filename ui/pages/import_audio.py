"""Importing a recording: a small dialog asks which talk, title and script, then the file is
transcribed and analysed with a progress dialog that says how long is left.

Without asking, an import used to take whatever talk and script the teleprompter held, and a
talk's unrelated script then reported "Script adherence 6 %". The defaults here are safe: a new
talk named after the file, the file's name as title, and no script.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.feedback import clock

NO_SCRIPT = "none"
TALK_SCRIPT = "talk"
FILE_SCRIPT = "file"
WHISPER_RTF_GUESS = 0.35
"""Seconds of work per second of audio assumed before the first progress report (Whisper base
on two busy cores, from ``bench/transcribe.py``); the estimate then follows the real progress."""


@dataclass(frozen=True)
class ImportChoice:
    """What the user chose for an imported recording."""

    talk: str
    title: str
    script: str | None


def talk_name_for(path: Path) -> str:
    """A talk name from a file name: "launch_keynote-v2.mp3" → "Launch keynote v2"."""
    name = path.stem.replace("_", " ").replace("-", " ").strip()
    name = " ".join(name.split())
    return name[:1].upper() + name[1:] if name else "Imported talk"


class ImportDialog(QDialog):
    """Talk (default: a new talk named after the file), title and script (default: none)."""

    def __init__(self, path: Path, talks: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import a recording"))
        self.setMinimumWidth(460)
        self._script_file: Path | None = None
        box = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "ImportDialog", "<b>{0}</b> will be transcribed and scored on this computer."
            ).format(self.path.name)
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.talk = QComboBox()
        self.talk.setEditable(True)
        self.talk.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.new_talk = talk_name_for(self.path)
        self.talk.addItem(self.new_talk)
        for t in talks:
            if t and t != self.new_talk:
                self.talk.addItem(t)
        self.talk.setCurrentIndex(0)
        self.talk.setToolTip(
            QCoreApplication.translate(
                "ImportDialog",
                "A new talk named after the file, or an earlier talk to compare with",
            )
        )
        self.talk.currentTextChanged.connect(lambda _t: self._talk_changed())
        form.addRow(QCoreApplication.translate("ImportDialog", "Talk"), self.talk)
        self.title = QLineEdit(self.path.stem)
        form.addRow(QCoreApplication.translate("ImportDialog", "Title"), self.title)
        self.script = QComboBox()
        self.script.addItem(QCoreApplication.translate("ImportDialog", "None"), NO_SCRIPT)
        self.script.addItem(
            QCoreApplication.translate("ImportDialog", "The talk's saved script"), TALK_SCRIPT
        )
        self.script.addItem(QCoreApplication.translate("ImportDialog", "From a file…"), FILE_SCRIPT)
        self.script.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "Only with a script does the feedback show script adherence"
            )
        )
        self.script.activated.connect(self._script_chosen)
        form.addRow(QCoreApplication.translate("ImportDialog", "Script"), self.script)
        box.addLayout(form)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text)")
        box.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ImportDialog", "Import")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self._talk_changed()

    def _talk_changed(self) -> None:
        from coach.script.talk_scripts import load_script

        has = bool(load_script(self.talk.currentText().strip()))
        item = self.script.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(has)
        if not has and self.script.currentData() == TALK_SCRIPT:
            self.script.setCurrentIndex(0)

    def _script_chosen(self, _index: int) -> None:
        if self.script.currentData() != FILE_SCRIPT:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportDialog", "Script of this talk"),
            str(self.path.parent),
            QCoreApplication.translate("ImportDialog", "Scripts (*.txt *.md)"),
        )
        if name:
            self.set_script_file(Path(name))
        else:
            self.script.setCurrentIndex(0)

    def set_script_file(self, path: Path) -> None:
        """Use the script in ``path`` (the 'From a file…' choice)."""
        self._script_file = Path(path)
        self.script.setCurrentIndex(2)
        self.note.setText(
            QCoreApplication.translate("ImportDialog", "Script: {0}").format(self._script_file.name)
        )

    def choice(self) -> ImportChoice:
        """The talk, title and script entered (the script read from where it was chosen)."""
        from coach.script.talk_scripts import load_script

        talk = self.talk.currentText().strip()
        mode = self.script.currentData()
        script: str | None = None
        if mode == TALK_SCRIPT:
            script = load_script(talk)
        elif mode == FILE_SCRIPT and self._script_file is not None:
            script = self._script_file.read_text(encoding="utf-8", errors="replace")
        return ImportChoice(talk, self.title.text().strip() or self.path.stem, script or None)


class Estimate:
    """Time left for a job reporting fractions done: from the audio length first, then from
    the real rate of progress."""

    def __init__(self, audio_s: float | None, *, rtf: float = WHISPER_RTF_GUESS) -> None:
        self.began = time.monotonic()
        self.guess_s = audio_s * rtf if audio_s else None

    def left_s(self, done: float, *, now: float | None = None) -> float | None:
        """Seconds left when ``done`` (0-1) of the work is done; ``None`` when unknown."""
        elapsed = (now if now is not None else time.monotonic()) - self.began
        if done >= 0.05 and elapsed > 1.0:
            return max(0.0, elapsed * (1.0 - done) / done)
        if self.guess_s is not None:
            return max(0.0, self.guess_s - elapsed)
        return None

    def text(self, done: float, *, now: float | None = None) -> str:
        """ "about 0:40 left", or "" when nothing can be said yet."""
        left = self.left_s(done, now=now)
        if left is None:
            return ""
        return "less than 5 s left" if left < 5 else f"about {clock(left)} left"


def progress_dialog(parent: QWidget, path: Path) -> tuple[QProgressDialog, Estimate]:
    """A window-modal progress dialog for importing ``path`` and its time estimate."""
    from coach.store.audio_files import audio_duration_s

    estimate = Estimate(audio_duration_s(path))
    dialog = QProgressDialog(
        QCoreApplication.translate("ImportAudio", "Transcribing {0}…").format(path.name),
        "",
        0,
        1000,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("ImportAudio", "Import audio"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)
    first = estimate.text(0.0)
    if first:
        dialog.setLabelText(
            QCoreApplication.translate("ImportAudio", "Transcribing {0}… ({1})").format(
                path.name, first
            )
        )
    return dialog, estimate


def show_progress(dialog: QProgressDialog, estimate: Estimate, path: Path, done: float,
                  message: str) -> None:  # fmt: skip
    """Move the bar forward (never back) and say what is happening and how long is left."""
    dialog.setValue(max(dialog.value(), int(done * 1000)))
    left = estimate.text(dialog.value() / 1000)
    what = message or "working"
    dialog.setLabelText(f"{path.name}: {what}…" + (f" ({left})" if left else ""))


def ask(parent: QWidget, path: Path, store: Any) -> ImportDialog:
    """The import dialog for ``path``, listing the talks in ``store`` (not shown yet)."""
    talks = list(store.talks()) if hasattr(store, "talks") else []
    return ImportDialog(path, talks, parent)


def run_import(
    page: Any,
    path: Path,
    *,
    talk: str,
    title: str,
    delete_after: bool,
    script: str | None,
) -> None:
    """The Rehearse page's import: transcribe in the talk's language, analyse and save ``path``
    off the GUI thread, with a progress dialog and a time estimate; the page shows the result."""
    from ..analysis import analyse_and_save
    from ..workers import run_task

    options = page.settings.transcription_options()
    dialog, estimate = progress_dialog(page, path)
    dialog.show()
    page.import_dialog = dialog
    page._sync_buttons("busy")
    page.busy.emit(QCoreApplication.translate("ImportAudio", "Transcribing {0}…").format(path.name))
    language = page.talk_language()

    def transcript_fn_with(progress: Any) -> Any:
        from coach.transcript.load import load_transcript

        return lambda: load_transcript(
            path,
            engine=options.get("engine"),
            model=options.get("model"),
            progress=progress,
            language=language,
        )

    store, profile = page.store, page.settings["default_profile"]

    def work(progress: Any) -> int:
        return analyse_and_save(
            store,
            transcript_fn=transcript_fn_with(progress),
            profile_name=profile,
            audio=path,
            talk=talk,
            title=title or path.stem,
            script=script,
            delete_audio=delete_after,
        )  # fmt: skip

    def finished(session_id: int) -> None:
        dialog.close()
        page._saved(session_id)

    def failed(exc: BaseException) -> None:
        dialog.close()
        page._failed(exc, None)

    run_task(
        work,
        with_progress=True,
        on_progress=lambda done, message: show_progress(dialog, estimate, path, done, message),
        on_result=finished,
        on_error=failed,
        owner=page,
    )
