"""ui/workers.py: work runs off the GUI thread and reports back on it."""

from __future__ import annotations

import threading
import time

import pytest
from coach_ui.workers import run_task

from coach.errors import AudioInputError


def _long_text() -> str:
    from coach.paths import samples_dir

    return (samples_dir() / "demo.txt").read_text(encoding="utf-8") * 12


def test_event_loop_keeps_turning_during_a_long_analysis(qtbot):
    """A real analysis of a long script runs while GUI timers keep firing without long gaps."""
    from PySide6.QtCore import QTimer

    from coach.coaching.review import review
    from coach.text import transcript_from_text

    transcript = transcript_from_text(_long_text())
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work():
        seen["thread"] = threading.get_ident()
        began = time.perf_counter()
        rv = review(transcript)
        while time.perf_counter() - began < 0.6:  # keep it long enough to measure
            rv = review(transcript)
        return rv

    task = run_task(
        work, on_result=lambda rv: seen.setdefault("result_thread", threading.get_ident())
    )
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    timer.stop()
    assert seen["thread"] != gui and seen["result_thread"] == gui
    assert task.result.analysis.word_count > 1000
    assert len(ticks) >= 10
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, f"the event loop stalled for {max(gaps):.2f} s"


def test_errors_and_progress_come_back_on_the_gui_thread(qtbot):
    """An exception in the worker reaches on_error; progress reaches on_progress, in order."""
    gui = threading.get_ident()
    progress: list[tuple[float, str, bool]] = []
    errors: list[BaseException] = []

    def work(report):
        report(0.5, "half way")
        raise AudioInputError("bad.wav is empty (0 bytes); record again.")

    task = run_task(
        work,
        with_progress=True,
        on_progress=lambda d, m: progress.append((d, m, threading.get_ident() == gui)),
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert progress == [(0.5, "half way", True)]
    assert isinstance(errors[0], AudioInputError)
    assert task.done and task.error is errors[0]


@pytest.mark.parametrize("n", [8])
def test_many_tasks_all_report(qtbot, n):
    """Tasks started together each report exactly once, even when nobody keeps their handles."""
    results: list[int] = []
    for i in range(n):
        run_task(lambda i=i: i * i, on_result=results.append)
    qtbot.waitUntil(lambda: len(results) == n, timeout=10_000)
    assert sorted(results) == [i * i for i in range(n)]
