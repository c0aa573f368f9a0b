"""Desktop app timings: start-up to a usable window, and Stop-to-feedback for a long rehearsal.

Run: ``.venv/bin/python bench/app.py [--minutes 5] [--model base] [--runs 3]``.

Start-up: ``python -m coach_ui.app`` in a fresh process and data folder (offscreen, and under Xvfb
when ``xvfb-run`` is installed), wall time from launching the interpreter to the first turn of
the event loop after the window is shown. Goal ≤ 1 s.

Stop-to-feedback: a synthetic rehearsal of ``--minutes`` (espeak-ng speech, tests/speech) is
played in real time into a virtual PulseAudio microphone while the Rehearse page records it and
transcribes it live; the clock runs from Stop to the Feedback page showing the saved session.
Goal ≤ 2 s for any length. Also prints how far the live transcriber lagged at Stop and its
real-time factor.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def startup_once(platform: str, wrapper: list[str]) -> float:
    """Seconds from launching ``python -m coach_ui.app`` to its first event-loop turn."""
    home = tempfile.mkdtemp(prefix="coach-bench-")
    env = {**os.environ, "COACH_HOME": home, "COACH_STARTUP_REPORT": "1",
           "QT_QPA_PLATFORM": platform}  # fmt: skip
    began = time.perf_counter()
    proc = subprocess.Popen(
        [*wrapper, sys.executable, "-m", "coach_ui.app", "--no-recovery"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        start_new_session=True,  # xvfb-run, Xvfb and the app end together below
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("startup_s="):
                return time.perf_counter() - began
        raise RuntimeError("the app did not report start-up")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        shutil.rmtree(home, ignore_errors=True)


def bench_startup(runs: int) -> None:
    """Print median start-up time offscreen and under Xvfb."""
    setups = [("offscreen", [])]
    if shutil.which("xvfb-run"):
        setups.append(("xcb", ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]))
    for platform, wrapper in setups:
        if platform == "xcb":
            # xvfb-run itself starts an X server (~0.3-1 s): time the app, not the server.
            times = [startup_once(platform, wrapper) for _ in range(runs)]
            base = [_xvfb_overhead(wrapper) for _ in range(runs)]
            value = statistics.median(times) - statistics.median(base)
            print(f"start-up ({platform}, Xvfb start subtracted): {value:.2f} s "
                  f"(runs {', '.join(f'{t:.2f}' for t in times)}; Xvfb {statistics.median(base):.2f} s)")  # fmt: skip
        else:
            times = [startup_once(platform, wrapper) for _ in range(runs)]
            print(f"start-up ({platform}): median {statistics.median(times):.2f} s "
                  f"(runs {', '.join(f'{t:.2f}' for t in times)})")  # fmt: skip


def _xvfb_overhead(wrapper: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run([*wrapper, "true"], check=True, timeout=60)
    return time.perf_counter() - began


def long_rehearsal(minutes: float):  # type: ignore[no-untyped-def]
    """The standard rehearsal repeated to about ``minutes`` long, with pauses between rounds."""
    from tests.speech import STANDARD_PARTS, build_rehearsal

    one = 22.0
    rounds = max(1, math.ceil(minutes * 60 / (one + 1.0)))
    parts: list[str | float] = []
    for i in range(rounds):
        if i:
            parts.append(1.0)
        parts.extend(STANDARD_PARTS)
    return build_rehearsal(parts, name=f"bench{rounds}")


def bench_stop_to_feedback(minutes: float, model: str) -> None:
    """Record a long rehearsal through a virtual microphone and time Stop → feedback."""
    from tests.ui.pulse import VirtualMic

    reh = long_rehearsal(minutes)
    home = tempfile.mkdtemp(prefix="coach-bench-")
    mic = VirtualMic().start()
    os.environ.update(COACH_HOME=home, PULSE_SERVER=mic.env["PULSE_SERVER"],
                      XDG_RUNTIME_DIR=mic.env["XDG_RUNTIME_DIR"], HF_HUB_OFFLINE="1")  # fmt: skip
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from coach_ui.main_window import MainWindow
        from coach_ui.settings import Settings
        from PySide6.QtWidgets import QApplication

        from coach.store.sessions import SessionStore

        app = QApplication.instance() or QApplication([])
        settings = Settings()
        settings.set("whisper_model", model)
        store = SessionStore()
        win = MainWindow(store, settings, check_recovery=False)
        win.show()
        page = win.rehearse
        ready: list[int] = []
        page.session_ready.connect(ready.append)

        def spin(until, timeout_s: float) -> None:  # type: ignore[no-untyped-def]
            deadline = time.monotonic() + timeout_s
            while not until():
                if time.monotonic() > deadline:
                    raise TimeoutError("timed out")
                app.processEvents()
                time.sleep(0.005)

        spin(lambda: page.recorder.state == "monitoring", 10)
        page.start_recording()
        player = mic.play(reh.path, wait=False)
        spin(lambda: player.poll() is not None, reh.duration_s + 60)
        t_end = time.monotonic() + 0.5
        spin(lambda: time.monotonic() > t_end, 2)
        transcriber = page.transcriber
        lag_s = transcriber.pending_s if transcriber else float("nan")
        page.stop_recording()
        spin(lambda: bool(ready), 300)
        rv = win.pages["feedback"].review
        busy = transcriber.busy_s if transcriber else float("nan")
        print(
            f"Stop-to-feedback for a {reh.duration_s / 60:.1f}-minute rehearsal (whisper {model}): "
            f"{page.stop_to_feedback_s:.2f} s; audio not yet transcribed at Stop {lag_s:.1f} s; "
            f"live transcription RTF {busy / reh.duration_s:.3f}; "
            f"{rv.analysis.word_count} words, {sum(f.kind == 'figure' for f in rv.analysis.figures)}"
            f" figures (truth {len(reh.figures)}), score {rv.feedback.score:.0f}"
        )
        page.release()
        store.close()
    finally:
        mic.stop()
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--model", default="base", help="Whisper model for live transcription")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-recording", action="store_true")
    args = parser.parse_args()
    bench_startup(args.runs)
    if not args.skip_recording:
        bench_stop_to_feedback(args.minutes, args.model)


if __name__ == "__main__":
    main()
