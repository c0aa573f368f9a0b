"""Start Coach's desktop app: ``coach gui``, ``coach-gui`` or ``python -m coach_ui.app``.

Heavy modules (matplotlib, Whisper) are imported only when first needed, so the window is usable
within a fraction of a second. ``--record`` starts recording at once (used by the crash tests and
handy from a launcher); ``--import FILE`` analyses a recording.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

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
    parser.add_argument("--import", dest="import_path", help="analyse this recording at start")
    parser.add_argument("--no-recovery", action="store_true", help="do not offer crash recovery")
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Coach")
    app.setOrganizationName("Coach")
    QGuiApplication.setDesktopFileName("coach")
    install_excepthook()
    from .i18n import install_translator

    install_translator(app)  # Chinese when the system locale is Chinese
    window = build_window(check_recovery=not args.no_recovery)
    window.show()  # type: ignore[attr-defined]
    if os.environ.get("COACH_STARTUP_REPORT"):
        QTimer.singleShot(
            0, lambda: print(f"startup_s={time.perf_counter() - STARTED:.3f}", flush=True)
        )
    if args.record:
        QTimer.singleShot(200, window.rehearse.start_recording)  # type: ignore[attr-defined]
    if args.import_path:
        QTimer.singleShot(0, lambda: window.import_audio(Path(args.import_path)))  # type: ignore[attr-defined]
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
