"""Pitch (F0) with numpy: a YIN estimator, pitch variety per speaking window, rising ends.

Lively speakers move their voice over several semitones; a stretch where the pitch stays within
a narrow band sounds monotone. We estimate F0 every 10 ms on speech (YIN's cumulative mean
normalised difference, de Cheveigné & Kawahara 2002), convert voiced frames to semitones and
take the 10th-90th percentile spread per window.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coach.transcript.decode import RATE

HOP_S = 0.01
FMIN_HZ = 70.0
FMAX_HZ = 400.0
MONOTONE_ST = 3.0
"""Windows whose F0 spread (10th-90th percentile) stays below this many semitones are monotone."""

_WINDOW = 400  # 25 ms integration window at 16 kHz
_NFFT = 1024
_BLOCK = 250
"""Frames per batch: each temporary stays near 2 MB. With 4000 (33-65 MB temporaries, which
glibc maps afresh on every call) the 60 s last utterance of a take cost 0.15-0.37 s here and
1.2 s in the app after Stop, mostly page faults; with 250, 0.09 s. Rows are independent, so
the values are the same."""


def f0_track(
    samples: np.ndarray,
    *,
    rate: int = RATE,
    fmin_hz: float = FMIN_HZ,
    fmax_hz: float = FMAX_HZ,
    threshold: float = 0.15,
    floor_dbfs: float = -45.0,
) -> tuple[np.ndarray, np.ndarray]:
    """F0 every 10 ms, with NaN for unvoiced or silent frames.

    Parameters
    ----------
    samples
        Mono float32 signal at ``rate`` Hz.
    fmin_hz, fmax_hz
        Search range of F0 in Hz.
    threshold
        YIN dip threshold: lower is stricter about what counts as voiced.
    floor_dbfs
        Frames quieter than this RMS level are unvoiced.

    Returns
    -------
    times_s, f0_hz
        Frame start times in seconds and F0 in Hz (NaN where unvoiced).
    """
    x = np.asarray(samples, dtype=np.float32).reshape(-1)
    hop = int(rate * HOP_S)
    tau_min = int(rate / fmax_hz)
    tau_max = int(rate / fmin_hz)
    length = _WINDOW + tau_max
    n = (len(x) - length) // hop + 1 if len(x) >= length else 0
    f0 = np.full(max(n, 0), np.nan, dtype=np.float32)
    floor = 10 ** (floor_dbfs / 20)
    taus = np.arange(tau_max + 1)
    for first in range(0, max(n, 0), _BLOCK):
        count = min(_BLOCK, n - first)
        idx = (first + np.arange(count))[:, None] * hop + np.arange(length)[None, :]
        frames = x[idx].astype(np.float64)
        head = frames[:, :_WINDOW]
        rms = np.sqrt(np.mean(head**2, axis=1))
        spec = np.conj(np.fft.rfft(head, _NFFT)) * np.fft.rfft(frames, _NFFT)
        r = np.fft.irfft(spec, _NFFT)[:, : tau_max + 1]
        energy = np.concatenate([np.zeros((count, 1)), np.cumsum(frames**2, axis=1)], axis=1)
        e_tau = energy[:, taus + _WINDOW] - energy[:, taus]
        d = np.maximum(energy[:, _WINDOW : _WINDOW + 1] + e_tau - 2 * r, 0.0)
        cum = np.cumsum(d[:, 1:], axis=1)
        cmnd = np.ones_like(d)
        cmnd[:, 1:] = d[:, 1:] * taus[1:] / np.maximum(cum, 1e-12)
        search = cmnd[:, tau_min:]
        below = search < threshold
        has = below.any(axis=1)
        pos = np.argmax(below, axis=1)
        # Walk down to the bottom of the first dip below the threshold.
        rows = np.arange(count)
        for _ in range(search.shape[1]):
            nxt = np.minimum(pos + 1, search.shape[1] - 1)
            step = has & (search[rows, nxt] < search[rows, pos])
            if not step.any():
                break
            pos = np.where(step, nxt, pos)
        # Parabolic interpolation around the dip for sub-sample lag.
        lo = np.maximum(pos - 1, 0)
        hi = np.minimum(pos + 1, search.shape[1] - 1)
        a, b, c = search[rows, lo], search[rows, pos], search[rows, hi]
        denom = a - 2 * b + c
        shift = np.where(np.abs(denom) > 1e-12, 0.5 * (a - c) / np.where(denom == 0, 1, denom), 0.0)
        lag = tau_min + pos + np.clip(shift, -1, 1)
        voiced = has & (rms >= floor)
        f0[first : first + count] = np.where(voiced, rate / lag, np.nan)
    times = np.arange(max(n, 0)) * HOP_S
    return times, f0


def _semitones(f0: np.ndarray) -> np.ndarray:
    """Voiced F0 values in semitones relative to 100 Hz (NaNs dropped)."""
    voiced = f0[np.isfinite(f0)]
    return 12.0 * np.log2(voiced / 100.0)


def spread_st(f0: np.ndarray, *, low_pct: float = 10, high_pct: float = 90) -> float:
    """F0 spread of voiced frames in semitones (percentile range); NaN with < 30 voiced frames."""
    st = _semitones(f0)
    if st.size < 30:
        return float("nan")
    lo, hi = np.percentile(st, [low_pct, high_pct])
    return float(hi - lo)


Tracks = dict[tuple[float, float], tuple[np.ndarray, np.ndarray]]
"""F0 tracks of utterances by ``(start_s, end_s)``: see :func:`track_utterances`."""


def track_utterances(
    samples: np.ndarray,
    segments: Sequence[tuple[float, float]],
    tracks: Tracks,
    *,
    rate: int = RATE,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The F0 track of each utterance (times in seconds of ``samples``), computed once.

    ``tracks`` keeps them by the utterance's exact bounds, so the live transcriber can track the
    utterances the speaker has finished while recording and leave only the last one for Stop: an
    utterance whose bounds changed since (speech resumed within a pause) is simply tracked anew.
    """
    out = []
    for start, end in segments:
        key = (float(start), float(end))
        if key not in tracks:
            lo, hi = int(start * rate), int(end * rate)
            t, f = f0_track(samples[lo:hi], rate=rate)
            tracks[key] = (t + start, f)
        out.append(tracks[key])
    return out


def pitch_spread_windows(
    samples: np.ndarray,
    segments: Sequence[tuple[float, float]],
    *,
    rate: int = RATE,
    window_s: float = 10.0,
    hop_s: float = 5.0,
    min_voiced_s: float = 1.0,
    tracks: Tracks | None = None,
) -> list[tuple[float, float]]:
    """F0 spread (semitones) per speaking window.

    Parameters
    ----------
    samples
        Mono signal at ``rate`` Hz.
    segments
        Speech utterances ``(start_s, end_s)`` from the VAD; F0 is only read inside them.
    window_s, hop_s
        Window length and step in seconds; a talk shorter than one window gets one window.
    min_voiced_s
        Windows with less voiced speech than this are skipped.
    tracks
        F0 tracks already computed (:func:`track_utterances`); new ones are added to it.

    Returns
    -------
    list of (window start s, spread in semitones)
    """
    if not segments:
        return []
    each = track_utterances(samples, segments, {} if tracks is None else tracks, rate=rate)
    times = np.concatenate([t for t, _ in each])
    f0 = np.concatenate([f for _, f in each])
    first, last = segments[0][0], segments[-1][1]
    starts = np.arange(first, max(first, last - window_s) + 1e-9, hop_s)
    out = []
    for w0 in starts:
        inside = (times >= w0) & (times < w0 + window_s)
        voiced = f0[inside]
        if np.isfinite(voiced).sum() * HOP_S < min_voiced_s:
            continue
        value = spread_st(voiced)
        if np.isfinite(value):
            out.append((round(float(w0), 3), round(value, 2)))
    return out


def monotone_stretches(
    spread: Sequence[tuple[float, float]],
    *,
    window_s: float = 10.0,
    threshold_st: float = MONOTONE_ST,
) -> list[tuple[float, float]]:
    """Merge windows with spread below ``threshold_st`` into ``(start_s, end_s)`` stretches."""
    out: list[list[float]] = []
    for start, value in spread:
        if value >= threshold_st:
            continue
        end = start + window_s
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(round(a, 3), round(b, 3)) for a, b in out]


def rising_end(
    samples: np.ndarray,
    start_s: float,
    end_s: float,
    *,
    rate: int = RATE,
    tail_s: float = 0.3,
    rise_st: float = 2.0,
) -> bool:
    """True when the utterance ``[start_s, end_s]`` ends with rising pitch (question intonation).

    Compares the median F0 of the last ``tail_s`` seconds of voiced speech with the median of the
    voiced speech before it; a rise of at least ``rise_st`` semitones counts.
    """
    lo, hi = max(0, int(start_s * rate)), min(len(samples), int(end_s * rate))
    _, f0 = f0_track(samples[lo:hi], rate=rate)
    voiced = np.flatnonzero(np.isfinite(f0))
    if voiced.size < 20:
        return False
    tail_frames = int(tail_s / HOP_S)
    last = voiced[-1]
    tail = f0[voiced[voiced > last - tail_frames]]
    body = f0[voiced[(voiced <= last - tail_frames) & (voiced > last - 4 * tail_frames)]]
    if tail.size < 5 or body.size < 5:
        return False
    rise = 12.0 * np.log2(np.median(tail) / np.median(body))
    return bool(rise >= rise_st)
