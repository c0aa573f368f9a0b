"""Sound in and out through PortAudio (``sounddevice``), not QtMultimedia.

QtMultimedia lives in PySide6-Addons (439 MB, 204 MB of it Qt WebEngine that Coach never uses);
PortAudio does the same two jobs for a few hundred kilobytes (see docs/design/packaging.md):

- :class:`InputStream`: 16 kHz mono 16-bit capture from a microphone. Its PortAudio callback (an
  audio thread) only appends the block to a queue; the Recorder drains it on the GUI thread. A
  device that cannot run at 16 kHz is opened at its own rate and resampled here.
- :class:`Player`: plays a recording (any format :func:`coach.transcript.decode.load_audio`
  reads) from a position, pauses, stops; it decodes on a thread and emits :attr:`Player.playing`.
- :func:`input_devices` / :func:`default_input`: the microphones, as ``(description, id)``.

On Linux, PortAudio reaches PulseAudio or PipeWire through ALSA's ``pulse``/``default`` devices
(Debian: ``libportaudio2``, ``libasound2-plugins``); on Windows and macOS the sounddevice wheel
brings PortAudio itself. PortAudio reads the device list once, so it is read again whenever no
stream is open (a microphone plugged in later shows up).

Through ALSA, PortAudio sees one ``pulse`` device, not the sound server's microphones. So when
PulseAudio (or PipeWire's pulse server) runs, the microphones listed are its sources (from
``pactl``), with the source name as id, as QtMultimedia listed them; one is opened through the
``pulse`` device with ``PULSE_SOURCE`` naming it, which the ALSA plugin's client reads.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

RATE = 16000
BUFFER_S = 0.5
"""Input latency asked of PortAudio: how long the callback may be late without losing audio."""
PLAY_RATE = 22050
"""Playback decodes to this rate (mono): speech sounds as it was recorded."""

_open_streams = 0
_lock = threading.Lock()


class AudioUnavailable(Exception):
    """The sound device could not be opened (busy, access denied, gone)."""


class PortAudioMissing(AudioUnavailable):
    """PortAudio itself is not installed (Linux without libportaudio2); the message says how."""


def _sd() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # "PortAudio library not found"
        raise PortAudioMissing(
            "Sound input and output need PortAudio, which is not installed "
            "(on Debian/Ubuntu: `sudo apt install libportaudio2`)."
        ) from exc
    return sounddevice


def _rescan() -> Any:
    """sounddevice with a fresh device list when no stream is open (PortAudio lists once)."""
    sd = _sd()
    with _lock:
        if _open_streams == 0:
            with contextlib.suppress(Exception):
                sd._terminate()
                sd._initialize()
    return sd


def _device_id(info: dict[str, Any], hostapis: Any) -> bytes:
    return f"{hostapis[info['hostapi']]['name']}:{info['name']}".encode()


def _pactl(*args: str) -> str:
    try:
        done = subprocess.run(
            ["pactl", *args], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def pulse_sources() -> list[tuple[str, bytes]]:
    """The sound server's microphones as ``(description, source name)``, default first.

    Empty when PortAudio has no ALSA ``pulse`` device or ``pactl`` is missing or fails. Monitors
    of outputs are left out (they record what the computer plays, not a voice).
    """
    if shutil.which("pactl") is None:
        return []
    try:
        sd = _sd()
        if not any(d["name"] == "pulse" for d in sd.query_devices()):
            return []
    except Exception:  # noqa: BLE001 - no PortAudio: no way to open them either
        return []
    found: list[tuple[str, str]] = []
    try:
        for src in json.loads(_pactl("-f", "json", "list", "sources") or "[]"):
            if src.get("monitor_of_sink", "n/a") in ("n/a", None, ""):
                found.append((str(src.get("description") or src["name"]), str(src["name"])))
    except (ValueError, KeyError, TypeError, AttributeError):  # an old pactl without JSON
        for line in _pactl("list", "short", "sources").splitlines():
            parts = line.split("\t")
            if len(parts) > 1 and not parts[1].endswith(".monitor"):
                found.append((parts[1], parts[1]))
    default = _pactl("get-default-source").strip()
    found.sort(key=lambda item: item[1] != default)
    return [(desc, name.encode()) for desc, name in found]


def input_devices() -> list[tuple[str, bytes]]:
    """Microphones as ``(description, id)``, the system default first; empty without any."""
    try:
        sd = _rescan()
        pulse = pulse_sources()
        if pulse:
            return pulse
        devices, hostapis = sd.query_devices(), sd.query_hostapis()
        default = sd.default.device[0]
    except Exception:  # noqa: BLE001 - no sound system is "no microphones"
        return []
    found = [
        (i, str(d["name"]), _device_id(d, hostapis))
        for i, d in enumerate(devices)
        if d["max_input_channels"] > 0
    ]
    found.sort(key=lambda item: item[0] != default)
    return [(name, dev_id) for _, name, dev_id in found]


def default_input() -> bytes | None:
    """The id of the system's default microphone, or None when there is none."""
    inputs = input_devices()
    return inputs[0][1] if inputs else None


def _find_input(sd: Any, device_id: bytes | None) -> tuple[int, dict[str, Any], str | None] | None:
    """(PortAudio index, its info, PulseAudio source to ask for or None) for ``device_id``."""
    devices, hostapis = sd.query_devices(), sd.query_hostapis()
    inputs = [(i, d) for i, d in enumerate(devices) if d["max_input_channels"] > 0]
    for i, d in inputs:
        if device_id and _device_id(d, hostapis) == device_id:
            return i, d, None
    if device_id:
        pulse = next(((i, d) for i, d in inputs if d["name"] == "pulse"), None)
        if pulse is not None and device_id in {dev for _, dev in pulse_sources()}:
            return pulse[0], pulse[1], device_id.decode()
    default = sd.default.device[0]
    for i, d in inputs:
        if i == default:
            return i, d, None
    return (inputs[0][0], inputs[0][1], None) if inputs else None


@contextlib.contextmanager
def _pulse_source(name: str | None) -> Any:
    """``PULSE_SOURCE=name`` while a stream opens (the ALSA pulse plugin reads it then)."""
    if name is None:
        yield
        return
    saved = os.environ.get("PULSE_SOURCE")
    os.environ["PULSE_SOURCE"] = name
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PULSE_SOURCE", None)
        else:
            os.environ["PULSE_SOURCE"] = saved


class _Resampler:
    """Stateful linear resampling of int16 mono blocks from ``rate_in`` to :data:`RATE`."""

    def __init__(self, rate_in: float) -> None:
        self.step = rate_in / RATE
        self.pos = 0.0  # where the next output sample falls, in input samples
        self.tail = np.zeros(0, dtype=np.float32)

    def __call__(self, block: bytes) -> bytes:
        x = np.concatenate((self.tail, np.frombuffer(block, dtype="<i2").astype(np.float32)))
        if self.step > 1.5:  # downsampling: average over the step first (a crude low-pass)
            k = int(round(self.step))
            smooth = np.convolve(x, np.ones(k, dtype=np.float32) / k, mode="same")
        else:
            smooth = x
        stop = len(x) - 1
        at = np.arange(self.pos, stop, self.step)
        out = np.interp(at, np.arange(len(x)), smooth) if len(at) else np.zeros(0)
        next_pos = self.pos + len(at) * self.step
        keep = int(next_pos) - 1 if len(at) else 0
        keep = max(0, min(keep, len(x)))
        self.tail = x[keep:]
        self.pos = next_pos - keep
        return np.clip(out, -32768, 32767).astype("<i2").tobytes()


class InputStream:
    """An open microphone delivering 16 kHz mono 16-bit blocks into :attr:`blocks`.

    Raises
    ------
    LookupError
        No microphone at all.
    AudioUnavailable
        PortAudio is missing, or the device could not be opened (busy, access denied).
    """

    def __init__(self, device_id: bytes | None = None) -> None:
        global _open_streams
        sd = _rescan()
        found = _find_input(sd, device_id)
        if found is None:
            raise LookupError("no microphone")
        index, info, source = found
        self.name = source or str(info["name"])
        self.blocks: collections.deque[bytes] = collections.deque()
        self.last_block = 0.0  # time.monotonic() of the newest block (0: none yet)
        self.failed = False
        self.overflows = 0  # blocks the device dropped because the callback came too late
        self._resample: _Resampler | None = None
        self._stream: Any = None
        for rate in (RATE, float(info["default_samplerate"])):
            try:
                with _pulse_source(source):
                    self._stream = sd.RawInputStream(
                        samplerate=rate,
                        channels=1,
                        dtype="int16",
                        device=index,
                        # 50 ms blocks in a 0.5 s buffer: the callback needs the GIL, and a C call
                        # holding it (a model loading) must not make the device drop audio.
                        blocksize=int(rate) // 20,
                        latency=BUFFER_S,
                        callback=self._callback,
                        finished_callback=self._finished,
                    )
                self._resample = None if rate == RATE else _Resampler(rate)
                break
            except Exception as exc:  # noqa: BLE001 - PortAudioError and ALSA's ValueErrors
                error = exc
        if self._stream is None:
            raise AudioUnavailable(str(error))
        with _lock:
            _open_streams += 1
        try:
            self._stream.start()
        except Exception as exc:  # noqa: BLE001
            self.close()
            raise AudioUnavailable(str(exc)) from exc

    def _callback(self, data: Any, frames: int, when: Any, status: Any) -> None:
        import time

        # Audio thread: copy only. deque.append is atomic, the GUI thread pops.
        if status.input_overflow:
            self.overflows += 1
        block = bytes(data)
        self.blocks.append(self._resample(block) if self._resample is not None else block)
        self.last_block = time.monotonic()

    def _finished(self) -> None:
        self.failed = not getattr(self, "_closing", False)

    def drain(self) -> list[bytes]:
        """Every block captured since the last call, oldest first."""
        out = []
        while self.blocks:
            out.append(self.blocks.popleft())
        return out

    @property
    def active(self) -> bool:
        """False once the device stopped (unplugged, error)."""
        return self._stream is not None and bool(self._stream.active) and not self.failed

    def close(self) -> None:
        """Stop and release the device (safe to call twice)."""
        global _open_streams
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self._closing = True
        with contextlib.suppress(Exception):
            stream.abort()
        with contextlib.suppress(Exception):
            stream.close()
        with _lock:
            _open_streams -= 1


class Player(QObject):
    """Plays one recording at a time from any position (decoded to mono on a thread).

    Signals
    -------
    playing(bool)
        True when sound starts, False when it pauses, stops or reaches the end.
    failed(str)
        The file could not be decoded or no sound output could be opened.
    """

    playing = Signal(bool)
    failed = Signal(str)
    _loaded = Signal(int, object)  # (generation, samples) from the decoding thread
    _ended = Signal(int)  # stream number, from PortAudio's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: Path | None = None
        self._samples: np.ndarray | None = None
        self._frame = 0
        self._stream: Any = None
        self._stream_no = 0
        self._want_play = False
        self._generation = 0
        self._loaded.connect(self._on_loaded, _queued())
        self._ended.connect(self._on_ended, _queued())

    def source(self) -> Path | None:
        """The file loaded (None before :meth:`set_source`)."""
        return self._source

    def set_source(self, path: Path) -> None:
        """Load ``path`` (decoded on a thread); stops what was playing."""
        self.stop()
        self._source = Path(path)
        self._samples = None
        self._generation += 1
        generation = self._generation

        def decode() -> None:
            from coach.transcript.decode import load_audio

            try:
                samples, _ = load_audio(path, rate=PLAY_RATE)
            except Exception as exc:  # noqa: BLE001 - reported to the page
                result: tuple[Any, ...] = ("failed", f"{Path(path).name} cannot be played: {exc}")
            else:
                result = ("loaded", generation, samples)
            try:
                if result[0] == "failed":
                    self.failed.emit(result[1])
                else:
                    self._loaded.emit(result[1], result[2])
            except RuntimeError:
                pass  # the player was deleted (its page closed) while the file was decoding

        threading.Thread(target=decode, daemon=True, name="coach-decode").start()

    def _on_loaded(self, generation: int, samples: np.ndarray) -> None:
        if generation != self._generation:
            return  # another file was chosen meanwhile
        self._samples = samples
        if self._want_play:
            self.play()

    def set_position(self, ms: int) -> None:
        """Move to ``ms`` milliseconds (playing goes on from there)."""
        self._frame = max(0, int(ms * PLAY_RATE / 1000))

    def position(self) -> int:
        """The position in milliseconds."""
        return int(self._frame * 1000 / PLAY_RATE)

    def is_playing(self) -> bool:
        """True while sound is going out (or about to, once the file is decoded)."""
        return self._stream is not None or self._want_play

    def play(self) -> None:
        """Play from the current position (as soon as the file is decoded)."""
        self._want_play = True
        if self._samples is None or self._stream is not None:
            return
        if self._frame >= len(self._samples):
            self._frame = 0
        self._open_stream()

    def pause(self) -> None:
        """Stop the sound, keeping the position."""
        was = self.is_playing()
        self._want_play = False
        self._stop_stream()
        if was:
            self.playing.emit(False)

    def stop(self) -> None:
        """Stop and go back to the start."""
        self.pause()
        self._frame = 0

    def _open_stream(self) -> None:
        global _open_streams
        self._stream_no += 1
        number = self._stream_no

        def ended() -> None:  # PortAudio's thread; the page may be gone by then
            with contextlib.suppress(RuntimeError):
                self._ended.emit(number)

        try:
            stream = _sd().OutputStream(
                samplerate=PLAY_RATE,
                channels=1,
                dtype="float32",
                callback=self._callback,
                finished_callback=ended,
            )
            stream.start()
        except Exception as exc:  # noqa: BLE001 - no output device, no PortAudio
            self._want_play = False
            self.failed.emit(
                QCoreApplication.translate(
                    "Player", "No sound output could be opened ({0})."
                ).format(exc)
            )
            return
        with _lock:
            _open_streams += 1
        self._stream = stream
        self.playing.emit(True)

    def _callback(self, out: np.ndarray, frames: int, when: Any, status: Any) -> None:
        samples = self._samples
        start = self._frame
        chunk = samples[start : start + frames] if samples is not None else samples
        n = 0 if chunk is None else len(chunk)
        if n:
            out[:n, 0] = chunk
        out[n:, 0] = 0
        self._frame = start + n
        if n < frames:
            raise _callback_stop()

    def _on_ended(self, number: int) -> None:
        if number == self._stream_no and self._stream is not None:  # reached the end
            self._want_play = False
            self._stop_stream()
            self.playing.emit(False)

    def _stop_stream(self) -> None:
        global _open_streams
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self._stream_no += 1  # its finished callback is no longer news
        with contextlib.suppress(Exception):
            stream.abort()
        with contextlib.suppress(Exception):
            stream.close()
        with _lock:
            _open_streams -= 1


def _queued() -> Any:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection


def _callback_stop() -> BaseException:
    return _sd().CallbackStop()
