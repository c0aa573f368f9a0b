"""Settings: declared once, only changes saved, survive a restart, a corrupt file falls back."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.pages.settings_page import SettingsPage
from coach_ui.settings import SETTINGS, Settings, settings_path
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"


def test_only_changes_are_saved_and_survive_a_restart() -> None:
    """A changed value is written alone, read back by a new instance, and reset removes it."""
    s = Settings()
    assert {x.name: s[x.name] for x in SETTINGS} == {x.name: x.default for x in SETTINGS}
    assert not settings_path().exists()
    s.set("theme", "dark")
    s.set("pace_wpm", 150)
    assert json.loads(settings_path().read_text()) == {"pace_wpm": 150, "theme": "dark"}
    again = Settings()  # the app restarted
    assert again["theme"] == "dark" and again["pace_wpm"] == 150 and again.notice == ""
    again.reset("theme")
    assert json.loads(settings_path().read_text()) == {"pace_wpm": 150}
    with pytest.raises(ValueError, match="Theme"):
        again.set("theme", "purple")
    with pytest.raises(ValueError):
        again.set("pace_wpm", "fast")


def test_corrupt_file_falls_back_with_a_notice() -> None:
    """Broken JSON gives defaults, a notice, and the damaged file kept aside; bad values too."""
    path = settings_path()
    path.write_text('{"theme": "dark", ', encoding="utf-8")
    s = Settings()
    assert s["theme"] == "system"
    assert "damaged" in s.notice and "default settings" in s.notice
    assert path.with_name("settings.json.corrupt").exists() and not path.exists()
    path.write_text(json.dumps({"theme": 3, "engine": "sphinx", "future": 1}), encoding="utf-8")
    s = Settings()
    assert s["engine"] == "sphinx" and s["theme"] == "system"
    assert "Theme" in s.notice


def test_page_saves_changes_and_asks_before_online_engine(qtbot: QtBot) -> None:
    """Choosing the online engine needs consent; declining keeps the offline one."""
    settings_path().write_text("not json", encoding="utf-8")
    settings = Settings()
    page = SettingsPage(None, settings)
    qtbot.addWidget(page)
    page.resize(900, 620)
    page.show()
    assert page.notice.isVisible() and "damaged" in page.notice.text()

    theme = page.editors["theme"]
    with qtbot.waitSignal(settings.changed, timeout=2000) as changed:
        theme.setCurrentIndex(theme.findData("dark"))  # type: ignore[attr-defined]
    assert changed.args == ["theme", "dark"]
    assert Settings()["theme"] == "dark"
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 80  # the app turned dark (a palette where the platform cannot)

    engine = page.editors["engine"]
    assert engine.findData("google") == -1  # type: ignore[attr-defined]  # no engine sends audio
    engine.setCurrentIndex(engine.findData("sphinx"))  # type: ignore[attr-defined]
    assert Settings().transcription_options() == {"engine": "sphinx", "model": None}
    engine.setCurrentIndex(engine.findData("whisper"))  # type: ignore[attr-defined]
    assert settings.transcription_options() == {"engine": "whisper", "model": "base"}

    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # deliver the palette change before drawing
    page.grab().save(str(SHOTS / "settings.png"))
    theme.setCurrentIndex(theme.findData("system"))  # type: ignore[attr-defined]
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
