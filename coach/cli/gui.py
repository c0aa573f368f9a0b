"""``coach gui`` starts the desktop app (Qt is imported only when it runs); ``coach
install-desktop`` adds Coach to the desktop's application menu (``--remove`` takes it out).

The menu entry is a freedesktop ``coach.desktop`` file in ``$XDG_DATA_HOME/applications`` and the
icon goes into the ``hicolor`` theme under ``$XDG_DATA_HOME/icons``, so the menu, dock and task
switcher show it; the app names the same desktop file (``QGuiApplication.setDesktopFileName``).
Nothing is written outside the user's own folders.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.errors import CoachError

GUI_MISSING = (
    "The desktop app needs PySide6, which is not installed; run "
    "`pip install 'presentation-coach[gui]'` (or use the `coach` command without it)."
)


def cmd_gui(args: argparse.Namespace) -> int:
    """coach gui: open the desktop app."""
    import importlib
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        raise CoachError(GUI_MISSING)
    try:
        # Imported by name so the engine (and mypy's view of it) never depends on Qt.
        gui_main = importlib.import_module("coach_ui.app").main
    except ImportError as exc:
        raise CoachError(
            f"The desktop app is not installed ({exc.name or exc}); run "
            "`pip install 'presentation-coach[gui]'`."
        ) from None
    argv = ["--record"] if args.record else []
    if args.path:
        argv += ["--import", args.path]
    return int(gui_main(argv))


DESKTOP_ID = "coach"


def _xdg_data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def gui_command() -> list[str]:
    """The command that starts the app from this installation (absolute paths)."""
    here = Path(sys.executable).parent
    for name in ("coach-gui", "coach-gui.exe"):
        if (here / name).is_file():
            return [str(here / name)]
    found = shutil.which("coach-gui")
    return [found] if found else [sys.executable, "-m", "coach_ui.app"]


def desktop_entry(command: list[str]) -> str:
    """The text of ``coach.desktop`` for ``command`` (a recording to open is passed as %f)."""

    def quote(arg: str) -> str:
        if all(c.isalnum() or c in "/._-+" for c in arg):
            return arg
        escaped = (
            arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        )
        return f'"{escaped}"'

    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=Coach",
            "GenericName=Presentation coach",
            "Comment=Rehearse a talk and get offline feedback on your speaking style",
            "Exec=" + " ".join(quote(a) for a in command) + " %f",
            f"TryExec={command[0]}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "Categories=Education;",
            "Keywords=presentation;speech;rehearsal;talk;public speaking;",
            "MimeType=audio/x-wav;audio/wav;audio/flac;audio/ogg;audio/mpeg;audio/mp4;",
            "StartupNotify=true",
            "",
        ]
    )


def desktop_files(data_home: Path | None = None) -> dict[Path, Path | None]:
    """Where each file goes (target -> bundled source; None for the generated desktop entry)."""
    from coach.paths import assets_dir

    home = data_home or _xdg_data_home()
    icons = assets_dir() / "icons"
    theme = home / "icons" / "hicolor"
    files: dict[Path, Path | None] = {
        home / "applications" / f"{DESKTOP_ID}.desktop": None,
        theme / "scalable" / "apps" / f"{DESKTOP_ID}.svg": icons / "coach.svg",
    }
    for png in sorted(icons.glob("coach-*.png")):
        size = png.stem.split("-")[1]
        files[theme / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"] = png
    return files


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the change where its tools are installed (best effort)."""
    for cmd in (
        ["update-desktop-database", "-q", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")],
    ):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, capture_output=True, check=False, timeout=30)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    """coach install-desktop [--remove]"""
    home = _xdg_data_home()
    files = desktop_files(home)
    if args.remove:
        removed = [path for path in files if path.exists()]
        for path in removed:
            path.unlink()
        _refresh_caches(home)
        print(f"Removed Coach from the application menu ({len(removed)} files).")
        return 0
    if sys.platform == "win32" or sys.platform == "darwin":
        raise CoachError(
            "install-desktop writes a freedesktop menu entry (Linux and BSD desktops); on this "
            "system start the app with `coach gui`."
        )
    command = gui_command()
    try:
        for target, source in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if source is None:
                target.write_text(desktop_entry(command), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
    except OSError as exc:
        raise CoachError(
            f"Could not write the menu entry ({exc.strerror or exc}: {exc.filename}); check that "
            f"{home} is writable."
        ) from None
    _refresh_caches(home)
    for target in files:
        print(f"wrote {target}")
    print(f"Coach is in your application menu; it starts `{' '.join(command)}`.")
    return 0


def register(sub: Any) -> None:
    """Add ``gui`` and ``install-desktop`` to the ``coach`` parser."""
    p = sub.add_parser(
        "install-desktop", help="add Coach (menu entry and icon) to your desktop's app menu"
    )
    p.add_argument("--remove", action="store_true", help="take the menu entry and icon out")
    p.set_defaults(func=cmd_install_desktop)

    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("path", nargs="?", help="a recording to analyse at start")
    p.add_argument("--record", action="store_true", help="start recording at once")
    p.set_defaults(func=cmd_gui)


cli.SUBCOMMANDS.append(register)
