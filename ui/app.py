"""Start Coach's desktop app: ``coach gui``, ``coach-gui`` or ``python -m coach_ui.app``.

One instance runs at a time: a second start brings the running window to the front (handing it
the recording to import, if any) and exits (see :mod:`coach_ui.desktop`).

Heavy modules (matplotlib, Whisper) are imported only when first needed, so the window is usable
within a fraction of a second. ``--record`` starts recording at once (used by the crash tests and
handy from a launcher); ``--import FILE`` (or just ``FILE``, as the desktop entry passes it)
analyses a recording. With ``COACH_QUIT_AFTER_SHOW=1`` the app quits once its window is on screen
and prints what it showed (install checks use it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()


def build_window(*, check_recovery: bool = True) -> object:
    """Create the store, settings and main window (a QApplication must exist)."""
    from coach.store.sessions import SessionStore

    from .main_window import MainWindow
    from .settings import Settings

    settings = Settings()
    try:
        from .pages.settings_page import apply_theme

        apply_theme(str(settings["theme"]))
    except ImportError:
        pass
    store = SessionStore()
    return MainWindow(store, settings, check_recovery=check_recovery)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    parser = argparse.ArgumentParser(prog="coach-gui", description="Coach desktop app")
    parser.add_argument("--record", action="store_true", help="start recording at once")
    parser.add_argument("file", nargs="?", help="a recording to analyse at start")
    parser.add_argument("--import", dest="import_path", help="analyse this recording at start")
    parser.add_argument("--no-recovery", action="store_true", help="do not offer crash recovery")
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    import_path = args.import_path or args.file
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:  # a core-only install: one line, no traceback
        from coach.cli.gui import GUI_MISSING

        print(f"coach-gui: {GUI_MISSING}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .desktop import SingleInstance, app_icon
    from .errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Coach")
    app.setOrganizationName("Coach")
    QGuiApplication.setDesktopFileName("coach")  # the dock finds coach.desktop and its icon
    QGuiApplication.setWindowIcon(app_icon())
    instance = SingleInstance(parent=app)
    request = {"import": str(Path(import_path).resolve())} if import_path else {}
    if not instance.claim(request):
        if instance.answer == "ok":
            print("Coach is already running: its window was brought to the front.", flush=True)
            return 0
        print(
            "coach-gui: Coach is already running but did not answer; close it (or end it in your "
            "task manager) and start Coach again.",
            file=sys.stderr,
        )
        return 2
    install_excepthook()
    from .i18n import install_translator

    install_translator(app)  # Chinese when the system locale is Chinese
    window = build_window(check_recovery=not args.no_recovery)
    instance.activated.connect(window.bring_to_front)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    if os.environ.get("COACH_QUIT_AFTER_SHOW"):

        def shown_then_quit() -> None:
            w: Any = window
            icon = "yes" if not w.windowIcon().isNull() else "no"
            print(f"window shown: {w.windowTitle()!r}, visible={w.isVisible()}, icon={icon}")
            app.quit()

        QTimer.singleShot(0, shown_then_quit)
    if os.environ.get("COACH_STARTUP_REPORT"):
        QTimer.singleShot(
            0, lambda: print(f"startup_s={time.perf_counter() - STARTED:.3f}", flush=True)
        )
    if args.record:
        QTimer.singleShot(200, window.rehearse.start_recording)  # type: ignore[attr-defined]
    if import_path:
        QTimer.singleShot(0, lambda: window.import_audio(Path(import_path)))  # type: ignore[attr-defined]
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
