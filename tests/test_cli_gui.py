"""coach/cli/gui.py: `coach install-desktop` and what a core-only install says for the app."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from coach.cli.core import main
from coach.paths import assets_dir


def test_install_desktop_writes_a_valid_entry_and_icons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The menu entry starts this installation's app and names an icon that is installed."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == 0
    entry = tmp_path / "applications" / "coach.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Name"] == "Coach" and desktop["Type"] == "Application"
    command = shlex.split(desktop["Exec"])
    assert command[-1] == "%f" and os.access(command[0], os.X_OK)
    assert Path(command[0]).parent == Path(sys.executable).parent  # this venv's coach-gui
    assert desktop["Icon"] == "coach"
    theme = tmp_path / "icons" / "hicolor"
    svg = theme / "scalable" / "apps" / "coach.svg"
    assert svg.read_bytes() == (assets_dir() / "icons" / "coach.svg").read_bytes()
    for size in (32, 64, 256):
        with Image.open(theme / f"{size}x{size}" / "apps" / "coach.png") as png:
            assert png.size == (size, size)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout

    assert main(["install-desktop", "--remove"]) == 0
    assert not entry.exists() and not svg.exists()
    assert "Removed Coach from the application menu (5 files)." in capsys.readouterr().out


def test_core_only_install_names_what_to_install(tmp_path: Path) -> None:
    """Without PySide6, `coach gui` and `coach-gui` print one line with the pip command, exit 2."""
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # as in an install without the gui extra\n"
        "from coach.cli.core import main\n"
        "from coach_ui.app import main as gui_main\n"
        "print(main(['gui']), gui_main([]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "2 2"
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and all("pip install 'presentation-coach[gui]'" in ln for ln in lines)
    assert "Traceback" not in done.stderr
