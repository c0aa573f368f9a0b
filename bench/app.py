"""Desktop app timings: start-up to a usable window, and Stop-to-feedback for a long rehearsal.

Run: ``.venv/bin/python bench/app.py [--minutes 10] [--model base] [--runs 3] [--shapes pauses,no,10]``.

Start-up: ``python -m coach_ui.app`` in a fresh process and data folder (offscreen, and under Xvfb
when ``xvfb-run`` is installed), wall time from launching the interpreter to the first turn of
the event loop after the window is shown. Goal ≤ 1 s.

Stop-to-feedback: three synthetic rehearsals (espeak-ng speech, tests/speech) -- about 2 minutes
with pauses, about 2 minutes whose last 60 s run on with no pause at all, and ``--minutes`` (10)
with pauses -- are each played in real time into a virtual PulseAudio microphone while the
Rehearse page records and transcribes them live; the clock runs from Stop to the Feedback page
showing the saved session. Goal ≤ 2 s for each. Also printed: how much audio was not yet
transcribed at Stop, the live transcriber's real-time factor, and how many of the saved
transcript's words the saved WAV gives when transcribed as a file (``coach analyze``; goal
≥ 98 %).
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


def shapes(minutes: float) -> list[tuple[str, object]]:
    """The three rehearsals Stop → feedback is timed on (espeak-ng speech, tests/speech)."""
    from tests.speech import STANDARD_PARTS, build_rehearsal

    def rounds(seconds: float) -> list[str | float]:
        parts: list[str | float] = []
        for i in range(max(1, math.ceil(seconds / 23.0))):
            parts.extend(([1.0] if i else []) + list(STANDARD_PARTS))
        return parts

    # The same sentences run together with no pause at all (no punctuation, no silence).
    flowing = " ".join(p for p in STANDARD_PARTS if isinstance(p, str)).replace(".", "")
    flowing = flowing.replace("?", "").replace(",", "")
    no_pause: list[str | float] = [*rounds(60), 1.0]
    for k in range(4):
        no_pause.extend(([0.0] if k else []) + [flowing])
    return [
        ("pauses", build_rehearsal(rounds(110), name="bench-pauses")),
        ("no pause in the last 60 s", build_rehearsal(no_pause, rate=190, name="bench-nopause")),
        (
            f"{minutes:g} minutes",
            build_rehearsal(rounds(minutes * 60), name=f"bench-{minutes:g}min"),
        ),
    ]


def _agreement(a: list[str], b: list[str]) -> float:
    import jiwer

    if not a or not b:
        return float(a == b)
    # Levenshtein alignment (difflib's matching blocks go astray on repeated sentences).
    hits = jiwer.process_words(" ".join(a), " ".join(b)).hits
    return hits / max(len(a), len(b))


def _words(text: str) -> list[str]:
    import re

    return re.sub(r"[^\w\s']", " ", text.lower()).split()


def bench_stop_to_feedback(minutes: float, model: str, only: set[str] | None = None) -> None:
    """Record each shape through a virtual microphone; time Stop → feedback, compare the saved
    transcript with the saved WAV transcribed as a file (what ``coach analyze`` does)."""
    from tests.ui.pulse import VirtualMic

    home = tempfile.mkdtemp(prefix="coach-bench-")
    mic = VirtualMic().start()
    os.environ.update(COACH_HOME=home, PULSE_SERVER=mic.env["PULSE_SERVER"],
                      XDG_RUNTIME_DIR=mic.env["XDG_RUNTIME_DIR"], HF_HUB_OFFLINE="1")  # fmt: skip
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from coach_ui import live as live_module
        from coach_ui.main_window import MainWindow
        from coach_ui.settings import Settings
        from PySide6.QtWidgets import QApplication

        from coach.store.sessions import SessionStore
        from coach.transcript.transcribe import transcribe_file

        finish_s: list[float] = []
        original_finish = live_module.LiveTranscriber.finish

        def timed_finish(self, **kw):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return original_finish(self, **kw)
            finally:
                finish_s.append(time.perf_counter() - began)

        live_module.LiveTranscriber.finish = timed_finish  # type: ignore[method-assign]
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

        for name, reh in shapes(minutes):
            if only and name.split()[0] not in only:
                continue
            ready.clear()
            finish_s.clear()
            win.go("rehearse")  # the Feedback page was shown; the microphone reopens here
            spin(lambda: page.recorder.state == "monitoring", 10)
            page.start_recording()
            player = mic.play(reh.path, wait=False)
            spin(lambda p=player: p.poll() is not None, reh.duration_s + 60)
            t_end = time.monotonic() + 0.5
            spin(lambda t=t_end: time.monotonic() > t, 2)
            transcriber = page.transcriber
            lag_s = transcriber.pending_s if transcriber else float("nan")
            page.stop_recording()
            spin(lambda: bool(ready), 600)
            session = store.get(ready[0])
            rv = win.pages["feedback"].review
            busy = transcriber.busy_s if transcriber else float("nan")
            from_file = transcribe_file(session.audio_path, model=model)
            same = _agreement(_words(rv.transcript.text), _words(from_file.text))
            out = ROOT / "tests" / "out" / "bench-app"
            out.mkdir(parents=True, exist_ok=True)
            stem = name.split()[0]
            (out / f"{stem}-live.txt").write_text(rv.transcript.text + "\n", encoding="utf-8")
            (out / f"{stem}-file.txt").write_text(from_file.text + "\n", encoding="utf-8")
            figures = sum(f.kind == "figure" for f in rv.analysis.figures)
            print(
                f"{name:<26} {reh.duration_s / 60:4.1f} min  Stop→feedback {page.stop_to_feedback_s:5.2f} s"
                f" (transcript ready {finish_s[0] if finish_s else float('nan'):4.2f} s)"
                f"  not transcribed at Stop {lag_s:4.1f} s  live RTF {busy / reh.duration_s:.3f}"
                f"  live = file words {same * 100:5.1f} %  {rv.analysis.word_count} words,"
                f" {figures} figures (truth {len(reh.figures)})",
                flush=True,
            )
        page.release()
        store.close()
    finally:
        mic.stop()
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the long shape")
    parser.add_argument("--shapes", default="", help="only these shapes: pauses,no,10")
    parser.add_argument("--model", default="base", help="Whisper model for live transcription")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-recording", action="store_true")
    args = parser.parse_args()
    if args.runs:
        bench_startup(args.runs)
    if not args.skip_recording:
        only = {x.strip() for x in args.shapes.split(",") if x.strip()} or None
        bench_stop_to_feedback(args.minutes, args.model, only)


if __name__ == "__main__":
    main()
