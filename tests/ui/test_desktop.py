"""ui/desktop.py: the window's icon, and one running app at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from coach_ui.desktop import SingleInstance, server_name
from coach_ui.main_window import MainWindow

from tests.ui.conftest import screenshot

ROOT = Path(__file__).resolve().parents[2]


def _env(coach_home: Path) -> dict[str, str]:
    return {**os.environ, "COACH_HOME": str(coach_home), "QT_QPA_PLATFORM": "offscreen"}


def test_window_shows_coachs_icon(qtbot, store, gui_settings, tmp_path):
    """The main window carries the bundled icon, at menu and dock sizes."""
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    icon = win.windowIcon()
    assert not icon.isNull()
    for size in (32, 256):
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        # The bubble's white centre and the blue corner frame are there.
        assert image.pixelColor(size // 2, size // 2 - size // 8).name() in ("#ffffff", "#f2a541")
        assert image.pixelColor(size // 10, size // 2).name() == "#1f6f8b"
    path = tmp_path / "icon.png"
    assert icon.pixmap(128, 128).save(str(path))
    screenshot(win, "main-window-with-icon")


def test_second_start_raises_the_running_window(qtbot, store, gui_settings, coach_home):
    """A second `coach-gui` hands over to the running app (its window comes up) and exits."""
    guard = SingleInstance()
    assert guard.claim()
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    guard.activated.connect(win.bring_to_front)
    win.showMinimized()
    qtbot.waitUntil(win.isMinimized)
    try:
        with qtbot.waitSignal(guard.activated, timeout=30_000) as asked:
            second = subprocess.Popen(
                [sys.executable, "-m", "coach_ui.app", "--no-recovery"],
                cwd=ROOT, env=_env(coach_home), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        assert asked.args == [{}]
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert "already running" in out and "brought to the front" in out
        assert not win.isMinimized() and win.isVisible()
    finally:
        guard.close()


def test_a_recording_given_to_a_second_start_goes_to_the_running_app(qtbot, coach_home, tmp_path):
    """`coach-gui talk.wav` while Coach runs passes the file (absolute path) to the running app."""
    guard = SingleInstance()
    assert guard.claim()
    talk = tmp_path / "talk.wav"
    talk.write_bytes(b"RIFF")
    try:
        with qtbot.waitSignal(guard.activated, timeout=30_000) as asked:
            second = subprocess.Popen(
                [sys.executable, "-m", "coach_ui.app", "talk.wav"],
                cwd=tmp_path, env=_env(coach_home), stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
        assert asked.args == [{"import": str(talk)}]
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        assert second.returncode == 0
    finally:
        guard.close()


def test_a_crashed_app_does_not_block_the_next_start(qtbot, coach_home):
    """The socket a killed app leaves behind is taken over by the next start."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from coach_ui.desktop import SingleInstance\n"
        "guard = SingleInstance()\n"
        "print('first' if guard.claim() else 'second', flush=True)\n"
        "app.exec()\n"
    )
    first = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=_env(coach_home), stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "first"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    guard = SingleInstance()
    try:
        assert guard.claim() and guard.server is not None and guard.server.isListening()
        assert guard.name == server_name()
    finally:
        guard.close()


@pytest.mark.parametrize("other", ["elsewhere"])
def test_each_data_folder_has_its_own_app(tmp_path, monkeypatch, other):
    """Two data folders (COACH_HOME) are two apps: the socket name follows the folder."""
    name = server_name()
    monkeypatch.setenv("COACH_HOME", str(tmp_path / other))
    assert server_name() != name
