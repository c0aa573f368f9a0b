"""A real microphone without hardware: a user-mode PulseAudio with a null sink.

A remap source on the sink's monitor is the default microphone (Qt lists only non-monitor
sources); a low-latency keep-alive stream into the sink stops the null sink from running in 2 s
blocks, which would lose the first 1-2 s of a capture. :meth:`VirtualMic.play` "speaks" a WAV
into the microphone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SINK = "coach_sink"
SOURCE = "coach_mic"


class VirtualMic:
    """A running PulseAudio daemon; ``env`` holds the variables clients need."""

    def __init__(self) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="coach-pulse-"))
        self.env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(self.runtime),
            "PULSE_SERVER": f"unix:{self.runtime}/pulse/native",
            "HOME": str(self.runtime),
        }
        self.keep_alive: subprocess.Popen[bytes] | None = None

    def _run(self, *args: str, timeout_s: float = 20.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=timeout_s, check=False
        )

    def start(self) -> VirtualMic:
        """Start the daemon, make coach_mic the default source and start the keep-alive."""
        self._run(
            "pulseaudio", "--daemonize=yes", "-n", "--exit-idle-time=-1", "--use-pid-file=yes",
            "--disallow-exit", "--log-target=stderr",
            "--load=module-native-protocol-unix auth-anonymous=1",
            f"--load=module-null-sink sink_name={SINK} rate=16000 channels=1",
            f"--load=module-remap-source master={SINK}.monitor source_name={SOURCE}",
            "--load=module-always-sink",
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while self._run("pactl", "info").returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError("PulseAudio did not start")
            time.sleep(0.1)
        self._run("pactl", "set-default-source", SOURCE)
        self._run("pactl", "set-default-sink", SINK)
        self.keep_alive = subprocess.Popen(
            ["pacat", "--playback", f"--device={SINK}", "--latency-msec=20", "--rate=16000",
             "--channels=1", "--format=s16le", "/dev/zero"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2.2)  # the sink leaves its 2 s block mode
        return self

    def play(self, wav: Path, *, wait: bool = True) -> subprocess.Popen[bytes]:
        """Play ``wav`` into the virtual microphone."""
        proc = subprocess.Popen(
            ["paplay", "--latency-msec=100", f"--device={SINK}", str(wav)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if wait:
            proc.wait(timeout=600)
        return proc

    def stop(self) -> None:
        """Stop the keep-alive and the daemon; remove the runtime folder."""
        if self.keep_alive is not None:
            self.keep_alive.terminate()
            self.keep_alive.wait(timeout=5)
        self._run("pulseaudio", "--kill")
        pid_file = self.runtime / "pulse" / "pid"
        with contextlib.suppress(ValueError, OSError, IndexError):  # already gone
            os.kill(int(pid_file.read_text().split()[0]), 15)
        shutil.rmtree(self.runtime, ignore_errors=True)


def available() -> bool:
    """True when the PulseAudio tools are installed."""
    return all(shutil.which(t) for t in ("pulseaudio", "pactl", "pacat", "paplay"))
