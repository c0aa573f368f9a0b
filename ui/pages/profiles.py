"""Profiles page: see each target with its why and source, copy a profile and edit its bands and
weights in a validated form, or build a new profile from reference talks of a speaker.

Bundled profiles are read-only; copies and built profiles are saved as TOML in the user's profile
folder (:func:`coach.coaching.profile_builder.save_profile`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach.errors import CoachError
from coach.paths import user_profiles_dir
from coach.profile import Profile, list_profiles

from ..pages.profile_form import ProfileForm, is_bundled
from ..workers import run_task


class DuplicateDialog(QInputDialog):
    """Ask the name of a copy; wide enough that its title and the name show whole (a plain
    QInputDialog shrinks to "Duplic…profile")."""

    def __init__(self, parent: QWidget, source_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DuplicateDialog", "Duplicate profile"))
        self.setLabelText(QCoreApplication.translate("DuplicateDialog", "Name of the copy:"))
        self.setTextValue(f"My {source_name}")
        self.setInputMode(QInputDialog.InputMode.TextInput)
        metrics = self.fontMetrics()
        self.wide = max(360, metrics.horizontalAdvance(self.textValue()) + 80,
                        metrics.horizontalAdvance(self.windowTitle()) + 200)  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # QInputDialog sets its own minimum size here
        self.setMinimumWidth(self.wide)
        self.resize(max(self.width(), self.wide), self.height())


def duplicate_dialog(parent: QWidget, source_name: str) -> DuplicateDialog:
    """The dialog asking the name of a copy of ``source_name`` (not shown yet)."""
    return DuplicateDialog(parent, source_name)


class ProfilesPage(QWidget):
    """Browse, duplicate, edit, build and delete speaking-style profiles."""

    profiles_changed = Signal()
    """A profile was saved or deleted: profile choosers elsewhere should reload."""
    built = Signal(object)
    """A profile was built from references (not saved yet)."""
    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfilesPage")
        self.store = store
        self.settings = settings
        self.profiles: list[Profile] = []
        self.editing: Profile | None = None
        self.unsaved: Profile | None = None
        self.duplicate_ask: QInputDialog | None = None
        self._task: Any = None

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._chosen)
        self.duplicate_button = QPushButton(
            QCoreApplication.translate("ProfilesPage", "Duplicate…")
        )
        self.duplicate_button.clicked.connect(self.ask_duplicate)
        self.delete_button = QPushButton(QCoreApplication.translate("ProfilesPage", "Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.folder_button = QPushButton(QCoreApplication.translate("ProfilesPage", "Open folder"))
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_profiles_dir())))
        )
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(QCoreApplication.translate("ProfilesPage", "<b>Profiles</b>")))
        lv.addWidget(self.list, 1)
        for b in (self.duplicate_button, self.delete_button, self.folder_button):
            lv.addWidget(b)

        self.form = ProfileForm()
        self.save_button = QPushButton(QCoreApplication.translate("ProfilesPage", "Save profile"))
        self.save_button.clicked.connect(lambda: self.save())
        self.form.validity_changed.connect(self._update_save)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        targets = QWidget()
        tv = QVBoxLayout(targets)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.form, 1)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        tv.addLayout(row)

        build = QWidget()
        bv = QVBoxLayout(build)
        intro = QLabel(
            QCoreApplication.translate(
                "ProfilesPage",
                "Choose transcripts (.txt, .md) or recordings of a speaker you want to sound like. "
                "Coach measures each one the way it measures your rehearsals and proposes a target "
                "band around their figures (their range widened by 20 % of the average). Metrics "
                "that need a recording keep Lei Jun's band when you give only texts.",
            )
        )
        intro.setWordWrap(True)
        self.ref_list = QListWidget()
        add = QPushButton(QCoreApplication.translate("ProfilesPage", "Add files…"))
        add.clicked.connect(self.choose_references)
        remove = QPushButton(QCoreApplication.translate("ProfilesPage", "Remove"))
        remove.clicked.connect(lambda: self.ref_list.takeItem(self.ref_list.currentRow()))
        self.build_name = QLineEdit()
        self.build_name.setPlaceholderText(
            QCoreApplication.translate("ProfilesPage", "Name, e.g. My favourite keynote speaker")
        )
        self.build_button = QPushButton(
            QCoreApplication.translate("ProfilesPage", "Measure and propose")
        )
        self.build_button.clicked.connect(self.build)
        self.build_status = QLabel("")
        self.build_status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        bv.addWidget(intro)
        bv.addWidget(self.ref_list, 1)
        bv.addLayout(buttons)
        bv.addWidget(QLabel(QCoreApplication.translate("ProfilesPage", "Name of the new profile:")))
        bv.addWidget(self.build_name)
        bv.addWidget(self.build_button)
        bv.addWidget(self.build_status)

        self.tabs = QTabWidget()
        self.tabs.addTab(targets, QCoreApplication.translate("ProfilesPage", "Targets"))
        self.tabs.addTab(build, QCoreApplication.translate("ProfilesPage", "Build from references"))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([230, 870])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()

    # -- list -----------------------------------------------------------------------------------

    def reload(self, select_id: str | None = None, *, unsaved: Profile | None = None) -> None:
        """Reload the profiles from disk and select ``select_id`` (else the first); an
        ``unsaved`` copy is listed at the end, selected, until it is saved or dropped."""
        self.profiles = list_profiles()
        if unsaved is not None:
            self.profiles.append(unsaved)
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.profiles:
            tag = "not saved" if p.path is None else "bundled" if is_bundled(p) else "yours"
            item = QListWidgetItem(f"{p.name}  ({tag})")
            item.setToolTip(p.description)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [p.id for p in self.profiles]
        row = len(self.profiles) - 1 if unsaved is not None else (
            ids.index(select_id) if select_id in ids else 0
        )  # fmt: skip
        if self.profiles:
            self.list.setCurrentRow(row)
            self._chosen(row)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.profiles):
            p = self.profiles[row]
            self.show_profile(p, editable=not is_bundled(p))

    def current(self) -> Profile | None:
        """The profile selected in the list."""
        row = self.list.currentRow()
        return self.profiles[row] if 0 <= row < len(self.profiles) else None

    def show_profile(self, profile: Profile, *, editable: bool) -> None:
        """Show a profile in the form (``editable`` for the user's own and unsaved ones)."""
        self.editing = profile if editable else None
        self.form.show_profile(profile, editable=editable)
        self.delete_button.setEnabled(editable and profile.path is not None)
        self.message.setText("")
        self._update_save(self.form.validate())
        self.tabs.setCurrentIndex(0)

    def _update_save(self, ok: bool) -> None:
        self.save_button.setEnabled(ok and self.editing is not None)

    # -- actions --------------------------------------------------------------------------------

    def ask_duplicate(self) -> None:
        """Ask a name and make an editable copy of the selected profile."""
        source = self.current()
        if source is None:
            return
        dialog = duplicate_dialog(self, source.name)
        self.duplicate_ask = dialog
        dialog.textValueSelected.connect(
            lambda name: self.duplicate(name) if name.strip() else None
        )
        dialog.open()

    def duplicate(self, name: str) -> Profile | None:
        """An unsaved, editable copy of the selected profile named ``name``."""
        from coach.coaching.profile_builder import duplicate_profile

        source = self.current()
        if source is None:
            return None
        try:
            copy = duplicate_profile(source, name=name)
        except CoachError as exc:
            self._fail(str(exc))
            return None
        self.unsaved = copy
        self.reload(select_id=None, unsaved=copy)
        self.message.setText(
            QCoreApplication.translate(
                "ProfilesPage", "A copy, not saved yet: edit bands and weights, then save."
            )
        )
        return copy

    def save(self) -> Profile | None:
        """Validate and save the profile in the form; returns it as read back."""
        from coach.coaching.profile_builder import profile_id_for, save_profile

        if self.editing is None:
            return None
        if not self.form.validate():
            self._fail(self.form.problems_found()[0])
            return None
        profile = self.form.edited()
        try:
            if self.editing.path is None:
                profile = replace(profile, id=profile_id_for(profile.name))
                saved = save_profile(profile)
            else:
                saved = save_profile(profile, self.editing.path, overwrite=True)
        except CoachError as exc:
            self._fail(str(exc))
            return None
        self.unsaved = None
        self.reload(select_id=saved.id)
        self.message.setText(
            QCoreApplication.translate("ProfilesPage", "Saved “{0}” to {1}.").format(
                saved.name, saved.path
            )
        )
        self.profiles_changed.emit()
        self.saved.emit(saved)
        return saved

    def delete_current(self) -> None:
        """Delete the selected user profile after confirmation."""
        p = self.current()
        if p is None or is_bundled(p) or p.path is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ProfilesPage", "Delete profile"),
            QCoreApplication.translate("ProfilesPage", "Delete the profile “{0}”?").format(p.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(p)

    def delete(self, profile: Profile) -> None:
        """Remove a user profile file."""
        if profile.path is not None and not is_bundled(profile):
            profile.path.unlink(missing_ok=True)
        self.reload()
        self.profiles_changed.emit()

    def choose_references(self) -> None:
        """Ask for reference transcripts or recordings."""
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Reference talks",
            "",
            "Transcripts and recordings (*.txt *.md *.wav *.mp3 *.m4a *.ogg *.flac *.opus);;"
            "All files (*)",
        )
        self.add_references([Path(f) for f in files])

    def add_references(self, files: list[Path]) -> None:
        """Add files to the reference list."""
        present = {self.ref_list.item(i).text() for i in range(self.ref_list.count())}
        for f in files:
            if str(f) not in present:
                self.ref_list.addItem(str(f))

    def references(self) -> list[Path]:
        """The reference files chosen."""
        return [Path(self.ref_list.item(i).text()) for i in range(self.ref_list.count())]

    def build(self) -> None:
        """Measure the references on a worker and show the proposed profile to edit and keep."""
        from coach.coaching.profile_builder import build_profile

        files = self.references()
        name = self.build_name.text().strip()
        if not files or not name:
            self._fail("Add at least one reference file and name the new profile.")
            return
        options: dict[str, Any] = {}
        try:
            options = dict(self.settings.transcription_options())
        except AttributeError:
            options = {}
        self.build_button.setEnabled(False)
        self.build_status.setText(QCoreApplication.translate("ProfilesPage", "Measuring…"))

        def work(progress: Any) -> Profile:
            return build_profile(files, name=name, progress=progress, **options)

        self._task = run_task(
            work,
            with_progress=True,
            on_progress=self._build_progress,
            on_result=self._built,
            on_error=self._build_failed,
        )

    def _build_progress(self, done: float, message: str) -> None:
        if shiboken6.isValid(self):
            self.build_status.setText(f"{message} ({done:.0%})")

    def _built(self, profile: Profile) -> None:
        if not shiboken6.isValid(self):
            return  # the page closed while the references were measured
        self.build_button.setEnabled(True)
        self.build_status.setText(
            QCoreApplication.translate(
                "ProfilesPage",
                "Proposed “{0}”: check the bands on the Targets tab and save to keep it.",
            ).format(profile.name)
        )
        self.show_profile(profile, editable=True)
        self.message.setText(
            QCoreApplication.translate(
                "ProfilesPage", "Proposed from your references, not saved yet."
            )
        )
        self.built.emit(profile)

    def _build_failed(self, exc: BaseException) -> None:
        from ..errors import problem_for, show_problem

        if not shiboken6.isValid(self):
            return
        self._fail(str(exc))
        if self.isVisible():
            show_problem(
                self,
                problem_for(exc, doing=QCoreApplication.translate("Problem", "building a profile")),
            )

    def _fail(self, text: str) -> None:
        self.build_button.setEnabled(True)
        self.message.setText(text)
        if self.tabs.currentIndex() == 1:
            self.build_status.setText(text)
        self.failed.emit(text)
