"""Voice activity detection: where speech is, and the pauses between.

WebRTC's VAD (``webrtcvad-wheels``) classifies 30 ms frames; an energy floor keeps near-digital
silence out, short voiced blips are dropped and gaps shorter than ``min_gap_s`` are bridged, so
what remains are utterances separated by real pauses. Pauses are measured here, on the audio,
because ASR word timestamps smear into silences.
"""

from __future__ import annotations

import numpy as np

from coach.transcript.decode import RATE, to_int16_bytes
from coach.transcript.level import frame_rms

FRAME_S = 0.03
"""Length of one VAD frame in seconds (webrtcvad takes 10, 20 or 30 ms)."""

_VAD_RATES = (8000, 16000, 32000, 48000)
_BLOCK_FRAMES = 2000  # one minute of frames converted to PCM at a time


def voiced_frames(
    samples: np.ndarray,
    *,
    rate: int = RATE,
    aggressiveness: int = 2,
    floor_dbfs: float = -50.0,
) -> np.ndarray:
    """Per-frame speech decisions (one bool per 30 ms frame).

    Parameters
    ----------
    samples
        Mono float32 signal in [-1, 1].
    rate
        Sample rate in Hz: 8000, 16000, 32000 or 48000.
    aggressiveness
        WebRTC mode 0 (keeps most) to 3 (drops most non-speech).
    floor_dbfs
        Frames quieter than this RMS level (dB re full scale) are never speech.
    """
    import webrtcvad

    if rate not in _VAD_RATES:
        raise ValueError(f"VAD needs 8, 16, 32 or 48 kHz audio, got {rate} Hz")
    vad = webrtcvad.Vad(aggressiveness)
    frame_len = int(rate * FRAME_S)
    n_frames = len(samples) // frame_len
    decisions = np.zeros(n_frames, dtype=bool)
    floor = 10 ** (floor_dbfs / 20)
    for first in range(0, n_frames, _BLOCK_FRAMES):
        last = min(n_frames, first + _BLOCK_FRAMES)
        block = samples[first * frame_len : last * frame_len]
        rms = frame_rms(block, frame_len)
        pcm = to_int16_bytes(block)
        step = frame_len * 2
        for i in range(last - first):
            if rms[i] >= floor:
                decisions[first + i] = vad.is_speech(pcm[i * step : (i + 1) * step], rate)
    return decisions


def speech_segments(
    samples: np.ndarray,
    *,
    rate: int = RATE,
    aggressiveness: int = 2,
    min_gap_s: float = 0.25,
    min_speech_s: float = 0.15,
    floor_dbfs: float = -50.0,
    max_flatness: float = 0.3,
) -> list[tuple[float, float]]:
    """Stretches of speech (utterances) as ``(start_s, end_s)`` in seconds.

    Parameters
    ----------
    samples
        Mono float32 signal in [-1, 1].
    rate
        Sample rate in Hz.
    aggressiveness
        WebRTC VAD mode 0-3.
    min_gap_s
        Silences shorter than this are not pauses; the speech on both sides is joined.
    min_speech_s
        Voiced stretches shorter than this (clicks, breaths) are dropped.
    floor_dbfs
        Frames quieter than this are silence whatever the VAD says.
    max_flatness
        Stretches with a flatter spectrum (see :func:`spectral_flatness`) are noise, not speech.

    Returns
    -------
    list of (start_s, end_s)
        Sorted, non-overlapping; empty when there is no speech.
    """
    frames = voiced_frames(samples, rate=rate, aggressiveness=aggressiveness, floor_dbfs=floor_dbfs)
    segments = segments_from_frames(frames, min_gap_s=min_gap_s, min_speech_s=min_speech_s)
    # WebRTC calls loud broadband noise speech (a corrupt file decodes to hiss): drop stretches
    # whose spectrum is as flat as noise. Speech sits near 0.001-0.1, white noise near 0.56.
    return [
        (a, b)
        for a, b in segments
        if spectral_flatness(samples[int(a * rate) : int(b * rate)]) <= max_flatness
    ]


def spectral_flatness(samples: np.ndarray, *, frame: int = 512) -> float:
    """Median spectral flatness (geometric / arithmetic mean of power, 0-1) of the louder frames.

    Tonal and voiced sound is near 0; white noise is about 0.56.
    """
    n = len(samples) // frame
    if n == 0:
        return 0.0
    window = np.hanning(frame)
    flat = np.empty(0)
    energies = np.empty(0)
    for first in range(0, n, 2000):  # bounded batches for long stretches
        block = samples[first * frame : min(n, first + 2000) * frame].reshape(-1, frame) * window
        power = np.abs(np.fft.rfft(block, axis=1))[:, 1:] ** 2 + 1e-12
        flat = np.concatenate(
            [flat, np.exp(np.mean(np.log(power), axis=1)) / np.mean(power, axis=1)]
        )
        energies = np.concatenate([energies, np.mean(block**2, axis=1)])
    loud = energies > energies.max() * 1e-3
    return float(np.median(flat[loud])) if loud.any() else 0.0


def segments_from_frames(
    frames: np.ndarray,
    *,
    frame_s: float = FRAME_S,
    min_gap_s: float = 0.25,
    min_speech_s: float = 0.15,
) -> list[tuple[float, float]]:
    """Turn per-frame decisions into utterances (see :func:`speech_segments`)."""
    if frames.size == 0 or not frames.any():
        return []
    padded = np.concatenate(([False], frames.astype(bool), [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    # Drop isolated blips first, so a click inside a pause does not split it in two.
    blip = max(1, round(0.06 / frame_s))
    runs = [r for r in runs if r[1] - r[0] >= blip]
    merged: list[list[int]] = []
    for a, b in runs:
        if merged and (a - merged[-1][1]) * frame_s < min_gap_s:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [
        (round(a * frame_s, 3), round(b * frame_s, 3))
        for a, b in merged
        if (b - a) * frame_s >= min_speech_s
    ]


def pauses_between(
    segments: list[tuple[float, float]], *, min_pause_s: float = 0.3
) -> list[tuple[float, float]]:
    """Silences between utterances as ``(start_s, duration_s)``, keeping those ≥ ``min_pause_s``."""
    out: list[tuple[float, float]] = []
    for (_, end_a), (start_b, _) in zip(segments, segments[1:], strict=False):
        gap = start_b - end_a
        if gap >= min_pause_s:
            out.append((round(end_a, 3), round(gap, 3)))
    return out
