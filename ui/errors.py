"""Errors in two parts (what happened, what to do) and the last-resort exception hook.

Every message the app shows goes through :func:`show_problem`. :func:`problem_for` turns an
exception into a :class:`Problem`: a :class:`~coach.errors.CoachError` already says what to do in
its one sentence; anything else is a bug, logged with its traceback. :func:`install_excepthook`
logs uncaught exceptions to the user log folder and shows one dialog, never a storm of them.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coach.errors import (
    AudioInputError,
    CoachError,
    ExportError,
    StoreError,
    TranscriptionError,
    VoiceError,
)
from coach.paths import log_dir as _user_log_dir

log = logging.getLogger("coach.ui")


@dataclass(frozen=True)
class Problem:
    """A message for the user: ``what`` happened and what to do ``next``."""

    what: str
    next: str
    detail: str = ""


_NEXT = {
    AudioInputError: str(
        QT_TRANSLATE_NOOP(
            "Problem", "Check the file plays in another program, or record the talk again."
        )
    ),
    TranscriptionError: str(
        QT_TRANSLATE_NOOP(
            "Problem", "Choose another speech engine or model in Settings and try again."
        )
    ),
    StoreError: str(
        QT_TRANSLATE_NOOP(
            "Problem", "Check the disk has space and the data folder is writable, then try again."
        )
    ),
    ExportError: str(
        QT_TRANSLATE_NOOP("Problem", "Choose another folder or file name and export again.")
    ),
    VoiceError: str(
        QT_TRANSLATE_NOOP(
            "Problem", "Install espeak-ng (or your system's speech voices) and try again."
        )
    ),
}


def log_dir() -> Path:
    """The folder for the app's log files: the user's log folder (``$COACH_HOME/logs`` when set)."""
    return _user_log_dir()


def setup_logging() -> Path:
    """Log warnings and errors of the app to ``logs/coach.log``; returns the file."""
    path = log_dir() / "coach.log"
    root = logging.getLogger("coach")
    for h in list(root.handlers):
        if isinstance(h, logging.FileHandler):
            if Path(h.baseFilename) == path:
                return path
            root.removeHandler(h)  # the data folder moved (tests, portable installs)
            h.close()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def problem_for(exc: BaseException, *, doing: str = "") -> Problem:
    """The two-part message for ``exc`` raised while ``doing`` (e.g. "analysing the recording")."""
    if isinstance(exc, CoachError):
        from coach.cli.i18n import tr_error  # the engine's sentences users meet most, translated

        what = tr_error(str(exc).strip()) or type(exc).__name__
        for kind, advice in _NEXT.items():
            if isinstance(exc, kind):
                return Problem(what, QCoreApplication.translate("Problem", advice))
        return Problem(
            what, QCoreApplication.translate("Problem", "Fix what the message says and try again.")
        )
    trace = getattr(exc, "__coach_traceback__", "") or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    log.error("Unexpected error%s: %s\n%s", f" while {doing}" if doing else "", exc, trace)
    what = (
        QCoreApplication.translate("Problem", "Something went wrong while {0} ({1}: {2}).").format(
            doing, type(exc).__name__, exc
        )
        if doing
        else QCoreApplication.translate("Problem", "Something went wrong ({0}: {1}).").format(
            type(exc).__name__, exc
        )
    )
    return Problem(
        what,
        QCoreApplication.translate(
            "Problem",
            "Your recordings are safe. Try again; if it keeps happening, send {0} to the developers.",
        ).format(log_dir()),
        trace,
    )


def show_problem(parent: object, problem: Problem, *, title: str = "Coach") -> None:
    """Show ``problem`` in a modal box: what happened in bold, what to do below it."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    box = QMessageBox(parent if isinstance(parent, QWidget) else None)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(problem.what)
    box.setInformativeText(problem.next)
    if problem.detail:
        box.setDetailedText(problem.detail)
    box.setObjectName("problemBox")
    if _NON_BLOCKING:
        _OPEN.append(box)  # keep it alive while it is on screen
        box.finished.connect(lambda _r: _OPEN.remove(box) if box in _OPEN else None)
        box.open()
    else:
        box.exec()


_OPEN: list[object] = []


_NON_BLOCKING = False
"""Tests set this so message boxes do not block the event loop."""


class ExceptionHook:
    """``sys.excepthook`` for the app: log every uncaught exception, show at most one dialog."""

    def __init__(self, *, min_interval_s: float = 5.0) -> None:
        self.min_interval_s = min_interval_s
        self._last_shown = -1e9
        self._showing = False
        self.count = 0

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.count += 1
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.error("Uncaught exception:\n%s", text)
        sys.stderr.write(text)
        now = time.monotonic()
        if self._showing or now - self._last_shown < self.min_interval_s:
            return
        self._last_shown = now
        self._showing = True
        try:
            show_problem(
                None,
                Problem(
                    QCoreApplication.translate(
                        "Problem", "Coach hit an unexpected error ({0}: {1})."
                    ).format(kind.__name__, exc),
                    QCoreApplication.translate(
                        "Problem",
                        "Your recordings are safe. The details are logged in {0}; "
                        "restart Coach if something stops responding.",
                    ).format(log_dir()),
                    text,
                ),
            )
        finally:
            self._showing = False


def install_excepthook() -> ExceptionHook:
    """Install :class:`ExceptionHook` as ``sys.excepthook`` (after :func:`setup_logging`)."""
    setup_logging()
    hook = ExceptionHook()
    sys.excepthook = hook
    return hook
