"""Audio in: decode any common audio file to 16 kHz mono float32 samples.

PyAV (FFmpeg) decodes WAV, FLAC, AIFF, MP3, M4A, OGG/Opus and the audio track of video files, and
resamples to 16 kHz mono while it streams, so a two-hour file is held once, as float32
(≈ 230 MB per hour), never as a second full-rate copy.
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from coach.errors import AudioInputError

RATE = 16000
"""Sample rate (Hz) of every signal the engine works on."""

MIN_DURATION_S = 0.1
"""Shorter decoded audio is refused as empty."""

ProgressFn = Callable[[float, str], None]


def load_audio(
    path: str | Path, *, rate: int = RATE, progress: ProgressFn | None = None
) -> tuple[np.ndarray, float]:
    """Decode an audio file to mono float32 samples in [-1, 1] at ``rate`` Hz.

    Parameters
    ----------
    path
        Any file FFmpeg can read (WAV, FLAC, AIFF, MP3, M4A, OGG, ...), any rate and channel count.
    rate
        Output sample rate in Hz.
    progress
        Optional ``(done_fraction, message)`` callback, called while decoding long files.

    Returns
    -------
    samples, duration_s
        The signal and its length in seconds.

    Raises
    ------
    AudioInputError
        Missing, empty, non-audio, corrupt or truncated files, with one sentence saying which.
    """
    import av

    p = Path(path)
    name = p.name
    if not p.exists():
        raise AudioInputError(f"{name}: no such file.")
    if p.is_dir():
        raise AudioInputError(f"{name} is a folder, not an audio file.")
    if p.stat().st_size == 0:
        raise AudioInputError(f"{name} is empty (0 bytes); record or export the audio again.")
    _check_wav_complete(p, name)
    try:
        container = av.open(str(p), mode="r")
    except (av.error.FFmpegError, OSError, UnicodeDecodeError, ValueError) as exc:
        raise AudioInputError(
            f"{name} is not a readable audio file ({_reason(exc)}); use WAV, FLAC, MP3, M4A or OGG."
        ) from None
    with container:
        if not container.streams.audio:
            raise AudioInputError(f"{name} has no audio track.")
        stream = container.streams.audio[0]
        declared_s = _declared_duration_s(container, stream)
        # Keep the channels and average them ourselves: FFmpeg's mono downmix adds channels at
        # 0.707 each, which clips loud stereo recordings. Interleaved ("flt"), not planar: PyAV
        # reads planes through AVFrame.data, which holds 8 pointers, and crashed the process on
        # files with 8 or more channels.
        resampler = av.AudioResampler(format="flt", rate=rate)
        # Preallocate from the declared length so long files are not copied when they grow.
        capacity = int((declared_s or 60.0) * rate * 1.02) + rate
        buffer = np.zeros(capacity, dtype=np.float32)
        filled = 0
        last_report = 0.0

        def put(chunk: np.ndarray) -> None:
            nonlocal buffer, filled
            if filled + chunk.size > buffer.size:
                grown = np.zeros(max(buffer.size * 2, filled + chunk.size), dtype=np.float32)
                grown[:filled] = buffer[:filled]
                buffer = grown
            buffer[filled : filled + chunk.size] = chunk
            filled += chunk.size

        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    put(_mono(out.to_ndarray(), len(out.layout.channels)))
                if progress is not None and declared_s and declared_s > 120:
                    done = filled / rate / declared_s
                    if done - last_report >= 0.05:
                        last_report = done
                        progress(min(done, 1.0), "decoding audio")
            for out in resampler.resample(None):
                put(_mono(out.to_ndarray(), len(out.layout.channels)))
        except (av.error.FFmpegError, ValueError) as exc:
            got_s = filled / rate
            raise AudioInputError(
                f"{name} is damaged or truncated: decoding failed after {got_s:.1f} s ({_reason(exc)})."
            ) from None
    duration_s = filled / rate
    if duration_s < MIN_DURATION_S:
        raise AudioInputError(f"{name} holds no audio ({duration_s:.2f} s decoded).")
    if declared_s and declared_s > 2.0 and duration_s < 0.9 * declared_s:
        raise AudioInputError(
            f"{name} is truncated: its header promises {declared_s:.1f} s but only "
            f"{duration_s:.1f} s could be decoded."
        )
    # Shrink in place (realloc) rather than copying: a long recording is held once.
    buffer.resize(filled, refcheck=False)
    samples = buffer
    np.clip(samples, -1.0, 1.0, out=samples)
    return samples, duration_s


def _mono(packed: np.ndarray, channels: int) -> np.ndarray:
    """Average the interleaved samples of a decoded frame (``channels`` per instant) to mono."""
    flat = packed.reshape(-1).astype(np.float32, copy=False)
    if channels <= 1:
        return flat
    return (
        flat[: flat.size - flat.size % channels]
        .reshape(-1, channels)
        .mean(axis=1, dtype=np.float32)
    )


def _check_wav_complete(path: Path, name: str) -> None:
    """Refuse a RIFF/WAVE file whose data chunk is shorter than its header says (cut-off copy)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return
    pos = 12
    while pos + 8 <= len(head):
        chunk_id, size = head[pos : pos + 4], int.from_bytes(head[pos + 4 : pos + 8], "little")
        if chunk_id == b"data":
            available = path.stat().st_size - (pos + 8)
            # 0 and 0xFFFFFFFF mean "unknown length" (streamed recordings); those are fine.
            if 0 < size < 0xFFFFFFFF and available < 0.98 * size:
                raise AudioInputError(
                    f"{name} is truncated: it holds {100 * available / size:.0f} % of the audio "
                    "its header announces; copy or export it again."
                )
            return
        pos += 8 + size + (size & 1)


def _declared_duration_s(container: object, stream: object) -> float | None:
    """Length the file header announces, in seconds, or ``None`` when it does not say."""
    duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if duration and time_base:
        return float(duration * time_base)
    c_duration = getattr(container, "duration", None)
    if c_duration:
        return float(c_duration) / 1_000_000
    return None


def _reason(exc: BaseException) -> str:
    """A short lower-case reason from an FFmpeg error, without the file path it repeats."""
    text = str(getattr(exc, "strerror", None) or exc).strip().rstrip(".")
    text = text.split(":")[0] if "Errno" in text else text
    return text[:1].lower() + text[1:] if text else "unknown error"


def write_wav(path: str | Path, samples: np.ndarray, rate: int = RATE) -> Path:
    """Write mono float samples in [-1, 1] as a 16-bit PCM WAV file.

    Parameters
    ----------
    path
        Target file (parent folders are created).
    samples
        Mono signal, float in [-1, 1] or int16.
    rate
        Sample rate in Hz.
    """
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    data = np.asarray(samples)
    if data.dtype != np.int16:
        data = (np.clip(data.astype(np.float32), -1.0, 1.0) * 32767.0).round().astype("<i2")
    with wave.open(str(p), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(rate))
        out.writeframes(data.astype("<i2").tobytes())
    return p


def to_int16_bytes(samples: np.ndarray) -> bytes:
    """Little-endian 16-bit PCM bytes of a float signal in [-1, 1] (what VAD and Sphinx take)."""
    return (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
