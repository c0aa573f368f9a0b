"""Run work off the GUI thread and hear back on it.

:func:`run_task` puts a function on the global ``QThreadPool`` and calls back on the GUI thread
with its result or its exception; progress reported by the function arrives there too. A
:class:`Task` is the handle: its ``progress``/``finished``/``failed`` signals fire on the GUI
thread, and the function itself never touches widgets.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[float, str], None]

_LIVE: set[Task] = set()  # tasks in flight, kept alive until they report back


class Task(QObject):
    """Handle of one background call; signals are delivered on the GUI thread."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def _settle(self, _value: object) -> None:
        self.done = True
        _LIVE.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn
        self._with_progress = with_progress

    def run(self) -> None:  # Qt override, runs on a pool thread
        task = self._task

        def report(done: float, msg: str = "") -> None:
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                task.progress.emit(float(done), str(msg))

        try:
            result = self._fn(report) if self._with_progress else self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            exc.__coach_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            task.error = exc
            with contextlib.suppress(RuntimeError):
                task.failed.emit(exc)
            return
        task.result = result
        with contextlib.suppress(RuntimeError):
            task.finished.emit(result)


def run_task(
    fn: Callable[..., Any],
    *,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: ProgressFn | None = None,
    with_progress: bool = False,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run ``fn()`` (or ``fn(progress)`` when ``with_progress``) on a pool thread.

    ``on_result``/``on_error``/``on_progress`` are called on the GUI thread. The function must
    not touch widgets; it may call ``progress(done_fraction, message)`` from its thread. With an
    ``owner`` (the page that asked), callbacks are skipped once it has been deleted.
    """
    task = Task()

    def guarded(fn: Callable[..., None]) -> Callable[..., None]:
        if owner is None:
            return fn

        def call(*args: Any) -> None:
            if shiboken6.isValid(owner):
                fn(*args)

        return call

    if on_result is not None:
        task.finished.connect(guarded(on_result))
    if on_error is not None:
        task.failed.connect(guarded(on_error))
    if on_progress is not None:
        task.progress.connect(guarded(on_progress))
    # Connected last so the user's callbacks run before the task lets go of itself.
    task.finished.connect(task._settle)
    task.failed.connect(task._settle)
    _LIVE.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task, fn, with_progress))
    return task
