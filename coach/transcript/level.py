"""Loudness: how loud a recording is, whether it can be heard at all, and scaling for the engine.

A quiet speaker (a laptop microphone across a table peaks near −45 dBFS) must be heard as well
as a close one: the VAD sees a level-corrected signal (:mod:`coach.transcript.stream`) and each
chunk reaches Whisper scaled to the same peak (:func:`normalised`). Below :data:`MIN_PEAK_DBFS`
nothing can be trusted and the user is told to move closer instead of getting "no speech".
"""

from __future__ import annotations

import numpy as np

from coach.errors import AudioInputError

MIN_PEAK_DBFS = -50.0
"""A recording whose peak stays below this level (dB re full scale) is too quiet to transcribe."""
CHUNK_PEAK_DBFS = -3.0
"""Peak each chunk is scaled to before the speech engine hears it."""
MAX_GAIN_DB = 40.0


def frame_rms(samples: np.ndarray, frame_len: int) -> np.ndarray:
    """RMS (float64) of each whole frame of ``frame_len`` samples; a partial last frame is left out."""
    n = len(samples) // frame_len
    frames = np.asarray(samples[: n * frame_len]).reshape(n, frame_len).astype(np.float64)
    return np.sqrt(np.mean(frames**2, axis=1))


def peak_dbfs(samples: np.ndarray) -> float:
    """Peak level in dB re full scale (−inf for digital silence)."""
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return 20.0 * float(np.log10(peak)) if peak > 0 else float("-inf")


def check_audible(samples: np.ndarray) -> None:
    """Raise :class:`AudioInputError` when the recording is too quiet to transcribe.

    Digital silence passes (it is simply empty); a signal whose peak stays under
    :data:`MIN_PEAK_DBFS` is refused with a sentence saying what to do.
    """
    level = peak_dbfs(samples)
    if np.isfinite(level) and level < MIN_PEAK_DBFS:
        shown = f"{level:.0f}".replace("-", "\u2212")
        raise AudioInputError(
            f"The recording is too quiet (peak {shown} dBFS): move closer to the microphone "
            "or raise its input level."
        )


def normalised(samples: np.ndarray) -> np.ndarray:
    """``samples`` scaled so their peak (99.9th percentile of |x|, so a click does not count) is
    :data:`CHUNK_PEAK_DBFS`, with at most :data:`MAX_GAIN_DB` of gain; silence is left alone."""
    x = np.asarray(samples, dtype=np.float32)
    if x.size == 0:
        return x
    peak = float(np.percentile(np.abs(x), 99.9))
    if peak <= 0:
        return x
    gain = min(10 ** (CHUNK_PEAK_DBFS / 20) / peak, 10 ** (MAX_GAIN_DB / 20))
    return np.clip(x * np.float32(gain), -1.0, 1.0)
