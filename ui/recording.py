"""Microphone to WAV on disk, crash-safe, with a level for the meter.

:class:`WavSink` (Qt-free) writes 16 kHz mono 16-bit PCM to a WAV file as blocks arrive, flushing
each block to the OS, so a crash of the app loses nothing already captured. The header is written
first with zero sizes and fixed on :meth:`WavSink.close`; a small sidecar ``*.recording.json``
marks the file as in progress. :func:`unfinished_recordings` finds sidecars left by a dead app and
:func:`recover_recording` fixes such a file's header from the raw PCM on disk.

:class:`Recorder` drives a PortAudio input stream (:mod:`coach_ui.audio_backend`): its audio
callback only queues the block; a ~30 Hz timer on the GUI thread drains the queue into the sink,
a short ring buffer for the level meter and the listeners (the live transcriber's queue), and
turns the ring buffer into a level.
"""

from __future__ import annotations

import collections
import json
import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from coach.paths import data_dir

from .audio_backend import (
    AudioUnavailable,
    InputStream,
    PortAudioMissing,
    default_input,
    input_devices,
)
from .errors import Problem

RATE = 16000
CHANNELS = 1
SAMPLE_BYTES = 2
HEADER_BYTES = 44
SIDECAR_SUFFIX = ".recording.json"
STALL_S = 2.0
"""An open microphone that delivers nothing for this long (s) is treated as lost."""
QUIET_DBFS = -45.0
"""While recording, a peak level staying under this (dBFS) for :data:`QUIET_WINDOW_S` makes the
meter say "too quiet": 5 dB above the level below which transcription gives up
(``coach.transcript.level.MIN_PEAK_DBFS``), so the speaker hears of it while it still works."""
QUIET_WINDOW_S = 4.0


def recordings_dir() -> Path:
    """Where recordings are written while they run (the store copies them when saved)."""
    path = data_dir() / "recordings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _header(data_bytes: int) -> bytes:
    return (
        b"RIFF"
        + struct.pack("<I", min(0xFFFFFFFF, 36 + data_bytes))
        + b"WAVEfmt "
        + struct.pack(
            "<IHHIIHH",
            16,
            1,
            CHANNELS,
            RATE,
            RATE * CHANNELS * SAMPLE_BYTES,
            CHANNELS * SAMPLE_BYTES,
            8 * SAMPLE_BYTES,
        )
        + b"data"
        + struct.pack("<I", min(0xFFFFFFFF, data_bytes))
    )


def sidecar_for(wav: Path) -> Path:
    """The in-progress marker next to ``wav``."""
    return wav.with_name(wav.name + SIDECAR_SUFFIX)


class WavSink:
    """A WAV file being recorded: append PCM blocks, :meth:`close` fixes the header.

    Parameters
    ----------
    path
        WAV file to create (its folder is created).
    meta
        Extra facts stored in the sidecar (talk name, device), returned on recovery.
    """

    def __init__(self, path: Path, *, meta: dict[str, object] | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.data_bytes = 0
        self._file = open(self.path, "wb")  # noqa: SIM115 - kept open while recording
        self._file.write(_header(0))
        self._file.flush()
        info = {
            "pid": os.getpid(),
            "started": time.time(),
            "rate": RATE,
            "channels": CHANNELS,
            "sample_bytes": SAMPLE_BYTES,
            "header_bytes": HEADER_BYTES,
            **(meta or {}),
        }
        sidecar_for(self.path).write_text(json.dumps(info), encoding="utf-8")

    @property
    def duration_s(self) -> float:
        """Seconds of audio written so far."""
        return self.data_bytes / (RATE * CHANNELS * SAMPLE_BYTES)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran."""
        return self._file.closed

    def write(self, block: bytes) -> None:
        """Append PCM bytes and hand them to the OS (survives a crash of this process)."""
        if self._file.closed or not block:
            return
        self._file.write(block)
        self._file.flush()
        self.data_bytes += len(block)

    def close(self) -> Path:
        """Fix the header sizes, close the file and remove the sidecar; returns the path."""
        if not self._file.closed:
            if self.data_bytes % SAMPLE_BYTES:  # never leave half a sample
                self._file.truncate(HEADER_BYTES + self.data_bytes - self.data_bytes % SAMPLE_BYTES)
                self.data_bytes -= self.data_bytes % SAMPLE_BYTES
            self._file.seek(0)
            self._file.write(_header(self.data_bytes))
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        sidecar_for(self.path).unlink(missing_ok=True)
        return self.path


@dataclass(frozen=True)
class Unfinished:
    """A recording left behind by an app that stopped mid-recording."""

    wav: Path
    meta: dict[str, object]

    @property
    def duration_s(self) -> float:
        """Seconds of audio on disk."""
        size = self.wav.stat().st_size if self.wav.exists() else 0
        return max(0, size - HEADER_BYTES) / (RATE * CHANNELS * SAMPLE_BYTES)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def unfinished_recordings(folder: Path) -> list[Unfinished]:
    """Recordings under ``folder`` whose app died before stopping them (oldest first)."""
    found: list[Unfinished] = []
    if not folder.exists():
        return found
    for side in sorted(folder.rglob("*" + SIDECAR_SUFFIX)):
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if _alive(int(meta.get("pid", -1) or -1)):
            continue
        wav = side.with_name(side.name[: -len(SIDECAR_SUFFIX)])
        if wav.exists():
            found.append(Unfinished(wav, meta))
        else:
            side.unlink(missing_ok=True)
    return found


def recover_recording(item: Unfinished | Path) -> Path:
    """Make a valid WAV of an unfinished recording from the raw PCM on disk; returns its path."""
    wav = item.wav if isinstance(item, Unfinished) else Path(item)
    size = wav.stat().st_size
    data = max(0, size - HEADER_BYTES)
    data -= data % SAMPLE_BYTES
    with open(wav, "r+b") as f:
        f.truncate(HEADER_BYTES + data)
        f.seek(0)
        f.write(_header(data))
        f.flush()
        os.fsync(f.fileno())
    sidecar_for(wav).unlink(missing_ok=True)
    return wav


def discard_recording(item: Unfinished) -> None:
    """Forget an unfinished recording: delete it and its sidecar."""
    item.wav.unlink(missing_ok=True)
    sidecar_for(item.wav).unlink(missing_ok=True)


def level_dbfs(block: bytes) -> float:
    """Peak level of 16-bit PCM bytes in dB re full scale (-90 for silence)."""
    import numpy as np  # here, not at import: the window opens before numpy is needed

    if len(block) < 2:
        return -90.0
    x = np.frombuffer(block[: len(block) - len(block) % 2], dtype="<i2")
    peak = float(np.abs(x.astype(np.int32)).max()) / 32768.0 if x.size else 0.0
    return max(-90.0, 20.0 * float(np.log10(peak))) if peak > 0 else -90.0


class Recorder(QObject):
    """The microphone: monitor the level, record to a :class:`WavSink`, pause, resume, stop.

    Signals
    -------
    level(float)
        Peak input level in dBFS, about 30 times a second while the microphone is open.
    state_changed(str)
        ``"idle"``, ``"monitoring"``, ``"recording"``, ``"paused"``.
    failed(object)
        A :class:`~coach_ui.errors.Problem` when the device fails (missing, denied, unplugged); the
        recording so far is closed and kept.
    too_quiet(bool)
        True when, while recording, nothing louder than :data:`QUIET_DBFS` came in for
        :data:`QUIET_WINDOW_S`; False as soon as the level is back (or recording stops).
    """

    level = Signal(float)
    state_changed = Signal(str)
    failed = Signal(object)
    too_quiet = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: InputStream | None = None
        self.sink: WavSink | None = None
        self.lost_recording: Path | None = None
        self._last_block = time.monotonic()
        self.state = "idle"
        self.listeners: list[Callable[[bytes], None]] = []
        self._ring: collections.deque[bytes] = collections.deque(maxlen=8)
        self._loud_at = time.monotonic()  # last time the level reached QUIET_DBFS
        self.is_too_quiet = False
        self._timer = QTimer(self)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._emit_level)

    # devices

    @staticmethod
    def inputs() -> list[tuple[str, bytes]]:
        """Available microphones as ``(description, id)``, the system default first."""
        return input_devices()

    @staticmethod
    def default_input_id() -> bytes | None:
        """The id of the system's default microphone, if there is one."""
        return default_input()

    # monitoring and recording

    def open(self, device_id: bytes | None = None) -> bool:
        """Open the microphone (level only, nothing written); False with :attr:`failed` if none."""
        self._close_source()
        try:
            self._source = InputStream(device_id)
        except LookupError:
            self.failed.emit(
                Problem(
                    QCoreApplication.translate("Recorder", "No microphone was found."),
                    QCoreApplication.translate(
                        "Recorder",
                        "Plug in a microphone (or allow Coach to use it in your system's privacy "
                        "settings), then pick it in the list; or use File → Import audio….",
                    ),
                )
            )
            return False
        except AudioUnavailable as exc:
            self._fail_open(exc)
            return False
        self._last_block = time.monotonic() + 1.0  # grace while the stream starts
        self._timer.start()
        if self.state == "idle":
            self._set_state("monitoring")
        return True

    @property
    def device_name(self) -> str:
        """Description of the open microphone ('' when none)."""
        return self._source.name if self._source is not None else ""

    def start(self, wav: Path, *, device_id: bytes | None = None, meta: dict | None = None) -> None:
        """Start recording into ``wav`` (opening the microphone if needed)."""
        if self._source is None and not self.open(device_id):
            return
        self.sink = WavSink(wav, meta={"device": self.device_name, **(meta or {})})
        self._loud_at = time.monotonic()
        self._set_state("recording")

    def pause(self) -> None:
        """Stop writing (the meter keeps moving)."""
        if self.state == "recording":
            self._set_state("paused")

    def resume(self) -> None:
        """Write again after :meth:`pause`."""
        if self.state == "paused":
            self._set_state("recording")

    def stop(self) -> Path | None:
        """Finish the recording (header fixed); returns the WAV path, or None if none ran."""
        if self._source is not None:
            self._on_ready()  # drain what the device already delivered
        sink, self.sink = self.sink, None
        path = sink.close() if sink is not None else None
        self._set_state("monitoring" if self._source is not None else "idle")
        return path

    def close(self) -> None:
        """Stop recording (if running) and release the microphone."""
        if self.sink is not None:
            self.stop()
        self._close_source()
        self._set_state("idle")

    @property
    def recorded_s(self) -> float:
        """Seconds written to the current recording."""
        return self.sink.duration_s if self.sink is not None else 0.0

    # the audio callback only queues blocks (audio_backend.InputStream); the GUI thread drains

    def _on_ready(self) -> None:
        if self._source is None:
            return
        blocks = self._source.drain()
        if not blocks:
            return
        self._last_block = self._source.last_block
        block = b"".join(blocks)
        self._ring.append(block)
        if self.state == "recording" and self.sink is not None:
            self.sink.write(block)
            for listener in self.listeners:
                listener(block)

    def _emit_level(self) -> None:
        self._on_ready()
        self._check_source()
        if self._ring:
            db = max(level_dbfs(b) for b in self._ring)
            self._ring.clear()
            self.level.emit(db)
            now = time.monotonic()
            if db >= QUIET_DBFS or self.state != "recording":
                self._loud_at = now
            self._set_quiet(now - self._loud_at >= QUIET_WINDOW_S)

    def _set_quiet(self, quiet: bool) -> None:
        if quiet != self.is_too_quiet:
            self.is_too_quiet = quiet
            self.too_quiet.emit(quiet)

    # failures

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
            if state != "recording":
                self._set_quiet(False)

    def _close_source(self) -> None:
        self._timer.stop()
        source, self._source = self._source, None
        if source is not None:
            source.close()

    def _fail_open(self, exc: AudioUnavailable) -> None:
        self._close_source()
        self._set_state("idle")
        if isinstance(exc, PortAudioMissing):
            problem = Problem(
                str(exc),
                QCoreApplication.translate("Recorder", "Install it, then start Coach again."),
            )
        else:
            problem = Problem(
                QCoreApplication.translate(
                    "Recorder",
                    "Coach could not open the microphone (it is busy, or access was denied).",
                ),
                QCoreApplication.translate(
                    "Recorder",
                    "Allow Coach to use the microphone in your system's privacy settings, close "
                    "other programs that use it, then try again.",
                ),
                str(exc),
            )
        self.failed.emit(problem)

    def _check_source(self) -> None:
        if self._source is None:
            return
        silent_s = time.monotonic() - self._last_block
        if not self._source.active:
            self._lost_device(
                QCoreApplication.translate("Recorder", "The microphone stopped delivering sound.")
            )
        elif silent_s > STALL_S:
            # A device that vanished often just stops delivering, with no error at all.
            self._lost_device(
                QCoreApplication.translate("Recorder", "The microphone stopped delivering sound.")
            )

    def _lost_device(self, what: str) -> None:
        kept = self.recorded_s
        path = self.stop() if self.sink is not None else None
        self._close_source()
        self._set_state("idle")
        tail = f" The {kept:.0f} s recorded so far are kept." if path is not None else ""
        self.failed.emit(
            Problem(
                what + tail,
                QCoreApplication.translate(
                    "Recorder",
                    "Reconnect the microphone and pick it in the list, then record again",
                )
                + (
                    QCoreApplication.translate("Recorder", " or analyse what was kept.")
                    if path is not None
                    else "."
                ),
            )
        )
        self.lost_recording = path
