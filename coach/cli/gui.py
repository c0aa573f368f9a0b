"""The ``coach gui`` subcommand: starts the desktop app (Qt is imported only when it runs)."""

from __future__ import annotations

import argparse
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


def register(sub: Any) -> None:
    """Add ``gui`` to the ``coach`` parser."""
    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("path", nargs="?", help="a recording to analyse at start")
    p.add_argument("--record", action="store_true", help="start recording at once")
    p.set_defaults(func=cmd_gui)


cli.SUBCOMMANDS.append(register)
