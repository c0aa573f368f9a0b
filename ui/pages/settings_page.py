"""Settings page: microphone, speech engine, Whisper model folder, default profile, data folder,
theme. The form is generated from :data:`ui.settings.SETTINGS`; every change is saved at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.paths import data_dir

from ..settings import BY_NAME, ONLINE_ENGINES, SETTINGS, Settings

PRIVACY_NOTICE = (
    "This engine sends your recordings over the internet to an online speech service, "
    "which may keep them under its own terms. Coach's other engines never leave this "
    "computer.\n\nUse the online engine anyway?"
)
ENGINE_LABELS = {
    "whisper": str(QT_TRANSLATE_NOOP("SettingsPage", "Whisper (offline, accurate)")),
    "sphinx": str(QT_TRANSLATE_NOOP("SettingsPage", "Sphinx (offline, fast, rough)")),
}
THEME_LABELS = {
    "system": str(QT_TRANSLATE_NOOP("SettingsPage", "Follow the system")),
    "light": str(QT_TRANSLATE_NOOP("SettingsPage", "Light")),
    "dark": str(QT_TRANSLATE_NOOP("SettingsPage", "Dark")),
}
LANGUAGE_LABELS = {
    "auto": str(QT_TRANSLATE_NOOP("SettingsPage", "Auto (from the speech or the script)")),
    "en": str(QT_TRANSLATE_NOOP("SettingsPage", "English")),
    "zh": "中文",
}
MODEL_LABELS = {
    "base": str(QT_TRANSLATE_NOOP("SettingsPage", "base (bundled, accurate)")),
    "tiny.en": str(QT_TRANSLATE_NOOP("SettingsPage", "tiny.en (bundled, faster)")),
    "folder": str(QT_TRANSLATE_NOOP("SettingsPage", "From the model folder")),
}


_FORCED_PALETTE = False


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1f2329",
        QPalette.ColorRole.WindowText: "#e4e7eb",
        QPalette.ColorRole.Base: "#16191d",
        QPalette.ColorRole.AlternateBase: "#23272e",
        QPalette.ColorRole.Text: "#e4e7eb",
        QPalette.ColorRole.Button: "#2a2f36",
        QPalette.ColorRole.ButtonText: "#e4e7eb",
        QPalette.ColorRole.Highlight: "#2f5d8a",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2a2f36",
        QPalette.ColorRole.ToolTipText: "#e4e7eb",
        QPalette.ColorRole.PlaceholderText: "#8796a8",
        QPalette.ColorRole.Link: "#7fb2e5",
        QPalette.ColorRole.Light: "#3a4049",
        QPalette.ColorRole.Midlight: "#30353d",
        QPalette.ColorRole.Mid: "#3d434c",
        QPalette.ColorRole.Dark: "#121418",
        QPalette.ColorRole.Shadow: "#0b0c0e",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):  # fmt: skip
        palette.setColor(disabled, role, QColor("#6b7480"))
    palette.setColor(disabled, QPalette.ColorRole.Button, QColor("#24282e"))
    return palette


def apply_theme(theme: str) -> None:
    """Switch the running app to the light, dark or system colour scheme.

    Asks the platform first (Qt 6.8+); where the platform cannot switch (no desktop theme, or
    an older Qt) a light or dark palette is set directly.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    global _FORCED_PALETTE
    if theme == "dark" and hints.colorScheme() != Qt.ColorScheme.Dark:
        app.setPalette(_dark_palette())
        _FORCED_PALETTE = True
    elif _FORCED_PALETTE:
        app.setPalette(QPalette())  # back to the platform's palette
        _FORCED_PALETTE = False
    # A widget with a style sheet keeps the palette it was polished with (the sidebar stayed
    # white in the dark theme): set each sheet again so it takes the new palette.
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def _microphones() -> list[tuple[str, str]]:
    """(id, description) of the microphones PortAudio sees; empty without a sound system."""
    from ..audio_backend import input_devices

    return [(dev_id.decode(errors="replace"), desc) for desc, dev_id in input_devices()]


class SettingsPage(QWidget):
    """Every setting in one form; changes are validated and saved immediately."""

    notice_shown = Signal(str)

    def __init__(self, store: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self.store = store
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        title = QLabel(QCoreApplication.translate("SettingsPage", "<h2>Settings</h2>"))
        layout.addWidget(title)
        self.notice = QLabel(settings.notice)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background:#fbf0d9; border:1px solid #d69e2e; padding:6px; color:#5c4813;"
        )
        self.notice.setVisible(bool(settings.notice))
        layout.addWidget(self.notice)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for setting in SETTINGS:
            if setting.name == "online_consent":
                continue  # asked for when the online engine is chosen
            editor = self._editor(setting.name)
            help_text = QCoreApplication.translate("Settings", setting.help) if setting.help else ""
            editor.setToolTip(help_text)
            self.editors[setting.name] = editor
            form.addRow(QCoreApplication.translate("Settings", setting.label), editor)
            if setting.help:
                hint = QLabel(help_text)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(placeholder-text); font-size:11px;")
                hint.setMinimumWidth(420)
                form.addRow("", hint)

        folder = QHBoxLayout()
        self.data_label = QLabel(str(data_dir()))
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = QPushButton(QCoreApplication.translate("SettingsPage", "Open folder"))
        open_button.clicked.connect(self.open_data_folder)
        folder.addWidget(self.data_label, 1)
        folder.addWidget(open_button)
        form.addRow(QCoreApplication.translate("SettingsPage", "Data folder"), folder)
        hint = QLabel(
            QCoreApplication.translate(
                "SettingsPage",
                "Sessions, recordings, scripts and your profiles live here. Set COACH_HOME before "
                "starting Coach to use another folder.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text); font-size:11px;")
        hint.setMinimumWidth(420)
        form.addRow("", hint)
        holder = QWidget()
        holder.setLayout(form)
        holder.setMaximumWidth(860)
        layout.addWidget(holder)
        layout.addStretch(1)
        settings.changed.connect(self._external_change)

    # -- editors --------------------------------------------------------------------------------

    def _editor(self, name: str) -> QWidget:
        setting = BY_NAME[name]
        value = self.settings[name]
        if name == "microphone":
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("SettingsPage", "System default"), "")
            for dev_id, desc in _microphones():
                combo.addItem(desc, dev_id)
            if value and combo.findData(value) < 0:
                combo.addItem(
                    QCoreApplication.translate("SettingsPage", "{0} (not connected)").format(value),
                    value,
                )
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _i: self._store(name, combo.currentData()))
            return combo
        if name == "default_profile":
            from coach.profile import list_profiles

            combo = QComboBox()
            for p in list_profiles():
                combo.addItem(p.name, p.id)
            if combo.findData(value) < 0:
                combo.addItem(
                    QCoreApplication.translate("SettingsPage", "{0} (missing)").format(value), value
                )
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _i: self._store(name, combo.currentData()))
            return combo
        if name == "model_folder":
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            edit = QLineEdit(value)
            edit.setPlaceholderText(
                QCoreApplication.translate(
                    "SettingsPage", "Folder with model.bin, e.g. a faster-whisper small model"
                )
            )
            edit.editingFinished.connect(lambda: self._store(name, edit.text().strip()))
            browse = QPushButton(QCoreApplication.translate("SettingsPage", "Choose…"))
            browse.clicked.connect(lambda: self._choose_model_folder(edit))
            box.addWidget(edit, 1)
            box.addWidget(browse)
            row.setProperty("line_edit", edit)
            return row
        if setting.choices is not None:
            labels = {"engine": ENGINE_LABELS, "theme": THEME_LABELS, "whisper_model": MODEL_LABELS,
                      "language": LANGUAGE_LABELS}  # fmt: skip
            combo = QComboBox()
            for choice in setting.choices:
                shown = labels.get(name, {}).get(choice, choice)
                combo.addItem(QCoreApplication.translate("SettingsPage", shown), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _i: self._store(name, combo.currentData()))
            return combo
        if setting.type is bool:
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(lambda on: self._store(name, bool(on)))
            return check
        if setting.type is int:
            spin = QSpinBox()
            spin.setRange(0, 400)
            spin.setValue(int(value))
            spin.setSpecialValueText(QCoreApplication.translate("SettingsPage", "Profile's pace"))
            spin.valueChanged.connect(lambda v: self._store(name, int(v)))
            return spin
        edit = QLineEdit(str(value))
        edit.editingFinished.connect(lambda: self._store(name, edit.text()))
        return edit

    def refresh_profiles(self) -> None:
        """Reload the default-profile choices (profiles may have been built or deleted)."""
        from coach.profile import list_profiles

        combo = self.editors.get("default_profile")
        if not isinstance(combo, QComboBox):
            return
        value = self.settings["default_profile"]
        combo.blockSignals(True)
        combo.clear()
        for p in list_profiles():
            combo.addItem(p.name, p.id)
        if combo.findData(value) < 0:
            combo.addItem(
                QCoreApplication.translate("SettingsPage", "{0} (missing)").format(value), value
            )
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.refresh_profiles()
        super().showEvent(event)

    def _choose_model_folder(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("SettingsPage", "Whisper model folder"), edit.text()
        )
        if folder:
            edit.setText(folder)
            self._store("model_folder", folder)

    def _store(self, name: str, value: Any) -> None:
        if name == "engine" and value in ONLINE_ENGINES and not self.settings["online_consent"]:
            if not self.confirm_online():
                self._show_value("engine", self.settings["engine"])
                return
            self.settings.set("online_consent", True)
        if name == "model_folder" and value:
            from pathlib import Path

            if not (Path(value).expanduser() / "model.bin").is_file():
                self.show_notice(
                    f"{value} holds no model.bin: choose the folder of a faster-whisper model."
                )
                return
        try:
            self.settings.set(name, value)
        except ValueError as exc:
            self.show_notice(str(exc))
            return
        if name == "theme":
            apply_theme(value)

    def confirm_online(self) -> bool:
        """Ask before audio may leave the computer (tests replace this)."""
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("SettingsPage", "Send recordings over the internet?"),
            PRIVACY_NOTICE,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_value(self, name: str, value: Any) -> None:
        editor = self.editors.get(name)
        if isinstance(editor, QComboBox):
            editor.blockSignals(True)
            editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.blockSignals(False)
        elif isinstance(editor, QCheckBox):
            editor.blockSignals(True)
            editor.setChecked(bool(value))
            editor.blockSignals(False)
        elif isinstance(editor, QSpinBox):
            editor.blockSignals(True)
            editor.setValue(int(value))
            editor.blockSignals(False)
        elif editor is not None:
            edit = editor.property("line_edit") or editor
            if isinstance(edit, QLineEdit):
                edit.setText(str(value))

    def _external_change(self, name: str, value: Any) -> None:
        self._show_value(name, value)

    def show_notice(self, text: str) -> None:
        """Show a sentence above the form (and tell the window)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice_shown.emit(text)

    def open_data_folder(self) -> bool:
        """Open the data folder in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
