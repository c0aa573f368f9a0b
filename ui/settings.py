"""The app's settings: each declared once with its type, default and label.

Stored as JSON in ``config_dir()/settings.json`` (the user's config folder); only values that differ from their default are
written, so a new default reaches users who never changed that setting. A file that cannot be
read falls back to defaults, is kept aside as ``settings.json.corrupt`` and leaves a one-sentence
:attr:`Settings.notice` for the window to show; single values of the wrong type are dropped the
same way.

Usage::

    settings = Settings()            # loads, never raises for a bad file
    settings["engine"]               # "whisper"
    settings.set("theme", "dark")    # validates, saves, emits changed("theme", "dark")
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from coach.paths import config_dir

ONLINE_ENGINES: tuple[str, ...] = ()
"""Engines that send audio off the computer (none now; the consent below guards any added)."""


@dataclass(frozen=True)
class Setting:
    """One setting: its key, Python type, default, label on the Settings page and help text.

    ``choices`` restricts a string setting to those values (``None``: free text).
    """

    name: str
    type: type
    default: Any
    label: str
    help: str = ""
    choices: tuple[str, ...] | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("microphone", str, "", str(QT_TRANSLATE_NOOP("Settings", "Microphone")),
            str(QT_TRANSLATE_NOOP("Settings", "The input to record from; empty means the system's default microphone."))),
    Setting("engine", str, "whisper", str(QT_TRANSLATE_NOOP("Settings", "Speech engine")),
            str(QT_TRANSLATE_NOOP("Settings", "Whisper and Sphinx run on this computer; your audio never leaves it.")),
            ("whisper", "sphinx")),
    Setting("online_consent", bool, False, str(QT_TRANSLATE_NOOP("Settings", "Allow the online engine")),
            str(QT_TRANSLATE_NOOP("Settings", "You agreed that recordings may be sent to an online speech service."))),
    Setting("whisper_model", str, "base", str(QT_TRANSLATE_NOOP("Settings", "Whisper model")),
            str(QT_TRANSLATE_NOOP("Settings", "base is accurate, tiny.en is faster; 'folder' uses the model folder below.")),
            ("base", "tiny.en", "folder")),
    Setting("model_folder", str, "", str(QT_TRANSLATE_NOOP("Settings", "Model folder")),
            str(QT_TRANSLATE_NOOP("Settings", "A faster-whisper model folder (with model.bin) for a bigger Whisper model."))),
    Setting("default_profile", str, "leijun", str(QT_TRANSLATE_NOOP("Settings", "Default profile")),
            str(QT_TRANSLATE_NOOP("Settings", "The speaking style new rehearsals are compared with."))),
    Setting("language", str, "auto", str(QT_TRANSLATE_NOOP("Settings", "Talk language")),
            str(QT_TRANSLATE_NOOP("Settings", "The language new talks are given in; auto detects it from the speech or the script.")),
            ("auto", "en", "zh")),
    Setting("theme", str, "system", str(QT_TRANSLATE_NOOP("Settings", "Theme")), str(QT_TRANSLATE_NOOP("Settings", "Colours of the app.")),
            ("system", "light", "dark")),
    Setting("pace_wpm", int, 0, str(QT_TRANSLATE_NOOP("Settings", "Script pace (wpm)")),
            str(QT_TRANSLATE_NOOP("Settings", "Pace used to project a script's duration; 0 means the profile's target pace."))),
)  # fmt: skip

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def settings_path() -> Path:
    """Where the settings live: ``<config folder>/settings.json`` (``$COACH_HOME`` when set)."""
    return config_dir() / "settings.json"


def _valid(setting: Setting, value: Any) -> bool:
    if setting.type is int and isinstance(value, bool):
        return False
    if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
        return True
    if not isinstance(value, setting.type):
        return False
    return setting.choices is None or value in setting.choices


class Settings(QObject):
    """The current settings, loaded from ``path`` (default :func:`settings_path`)."""

    changed = Signal(str, object)
    """(name, new value) after :meth:`set` stored a different value."""

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or settings_path()
        self.notice = ""
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self._set_aside(f"it could not be read ({exc.__class__.__name__})")
            return
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            self._set_aside(f"it is not valid JSON (line {exc.lineno})")
            return
        if not isinstance(data, dict):
            self._set_aside("it does not hold a table of settings")
            return
        dropped = []
        for name, value in data.items():
            setting = BY_NAME.get(name)
            if setting is None:
                continue  # a setting from another version: ignored, and dropped on next save
            if _valid(setting, value):
                self._values[name] = value
            else:
                dropped.append(setting.label)
        if dropped:
            self.notice = (
                "Some settings had values Coach cannot use and are back to their defaults: "
                + ", ".join(dropped)
                + "."
            )

    def _set_aside(self, why: str) -> None:
        kept = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, kept)
            where = f" The damaged file was kept as {kept.name}."
        except OSError:
            where = ""
        self.notice = (
            f"Your settings file was damaged ({why}); Coach started with default settings.{where}"
        )

    def __getitem__(self, name: str) -> Any:
        return self.get(name)

    def get(self, name: str) -> Any:
        """The current value of setting ``name`` (its default when never changed)."""
        setting = BY_NAME.get(name)
        if setting is None:
            raise KeyError(f"No setting called {name!r}")
        return self._values.get(name, setting.default)

    def is_default(self, name: str) -> bool:
        """True when ``name`` has its default value."""
        return name not in self._values

    def set(self, name: str, value: Any) -> None:
        """Change a setting, save the file and emit :attr:`changed` if the value differs.

        Raises
        ------
        KeyError
            Unknown setting.
        ValueError
            A value of the wrong type or outside the setting's choices.
        """
        setting = BY_NAME.get(name)
        if setting is None:
            raise KeyError(f"No setting called {name!r}")
        if not _valid(setting, value):
            raise ValueError(f"{setting.label}: {value!r} is not a valid value.")
        if value == self.get(name):
            return
        if value == setting.default:
            self._values.pop(name, None)
        else:
            self._values[name] = value
        self.save()
        self.changed.emit(name, value)

    def reset(self, name: str) -> None:
        """Put ``name`` back to its default."""
        self.set(name, BY_NAME[name].default)

    def save(self) -> None:
        """Write the changed values (atomically: a crash leaves the old file or the new one)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self._values, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)

    def transcription_options(self) -> dict[str, str | None]:
        """``engine`` and ``model`` keyword arguments for :func:`coach.transcript.transcribe.transcribe_file`.

        The online engine is only used after the user agreed to the privacy notice; otherwise
        the default offline engine is chosen.
        """
        engine = self.get("engine")
        if engine in ONLINE_ENGINES and not self.get("online_consent"):
            engine = None
        model: str | None = None
        if engine in (None, "whisper"):
            choice = self.get("whisper_model")
            model = self.get("model_folder") or None if choice == "folder" else choice
        return {"engine": engine, "model": model}
