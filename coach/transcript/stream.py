"""One causal front end for every recording: level, voice activity and where to cut chunks.

The app transcribes while the speaker talks and a file is transcribed at once; both feed their
samples, in whatever blocks, to a :class:`SpeechStream`, which decides everything frame by frame
(30 ms) from the audio seen so far. So a recording gives the same voice-activity decisions and the
same chunk cuts whether it arrived live or from a file, and the same words come out of the engine.

Level
    Each frame goes to the VAD with a gain that brings the loudest frame heard so far up to
    :data:`TARGET_RMS_DBFS`; until something louder than :data:`ASSUMED_RMS_DBFS` is heard the
    gain assumes that level, so a quiet speaker (−45 dBFS peak) is heard as a normal one and the
    room noise before the first word is not blown up by 40 dB. Whisper gets each chunk scaled
    on its own (:func:`coach.transcript.level.normalised`).
Chunks
    A chunk closes in the middle of the first pause of at least :data:`CUT_PAUSE_S` once it holds
    :data:`TARGET_CHUNK_S` of audio; a stretch with no such pause is cut at its quietest 30 ms
    once it reaches :data:`MAX_CHUNK_S`, so a speaker who never pauses does not stall the live
    transcript and never leaves more than :data:`MAX_CHUNK_S` to transcribe after Stop.
    Chunks overlap by :data:`PAD_S` of audio on each side when decoded; a word belongs to the
    chunk that holds its middle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from coach.transcript.decode import RATE
from coach.transcript.level import frame_rms
from coach.transcript.vad import FRAME_S, segments_from_frames, spectral_flatness

TARGET_RMS_DBFS = -18.0
"""Level (RMS of a 30 ms frame, dB re full scale) the loudest frame so far is brought to."""
ASSUMED_RMS_DBFS = -42.0
"""Loudest frame assumed before anything louder is heard: caps the gain at 24 dB."""
FLOOR_DBFS = -50.0
"""Frames quieter than this after the gain are never speech."""
TARGET_CHUNK_S = 8.0
MAX_CHUNK_S = 12.0
CUT_PAUSE_S = 0.45
PAD_S = 0.3
"""Audio decoded on each side of a chunk beyond its cuts (s)."""
QUIET_SEARCH_S = 3.0
"""A forced cut looks for the quietest frame in this much audio before the limit (s)."""
VOICE_OVER_FLOOR_DB = 12.0
"""A voice is heard where a 10 ms frame is this much louder than the recording's noise floor."""
BRIDGED_GAP_S = 0.15
"""A quieter stretch this short does not end a word: the closure of a stop (the p of "gospel")
or the dip before a final consonant (the z of "was")."""

_FRAME = int(RATE * FRAME_S)


@dataclass(frozen=True)
class Chunk:
    """A stretch to transcribe: ``[start_s, end_s)`` between two cuts; ``final`` ends the audio."""

    start_s: float
    end_s: float
    final: bool = False

    def window(self, n_samples: int) -> tuple[int, int]:
        """Sample range to decode: the chunk plus :data:`PAD_S` on each side, inside the audio."""
        lo = max(0, int(round((self.start_s - PAD_S) * RATE)))
        hi = min(n_samples, int(round((self.end_s + PAD_S) * RATE)))
        return lo, hi


class SpeechStream:
    """Feed samples (any block size); get the same chunks as if the audio came all at once.

    Parameters
    ----------
    target_chunk_s, max_chunk_s, cut_pause_s
        Chunk lengths and the pause that may end a chunk, in seconds (see module notes).
    aggressiveness
        WebRTC VAD mode 0-3.
    """

    def __init__(
        self,
        *,
        target_chunk_s: float = TARGET_CHUNK_S,
        max_chunk_s: float = MAX_CHUNK_S,
        cut_pause_s: float = CUT_PAUSE_S,
        aggressiveness: int = 2,
    ) -> None:
        import webrtcvad

        self._vad = webrtcvad.Vad(aggressiveness)
        self._target = int(round(target_chunk_s / FRAME_S))
        self._max = int(round(max_chunk_s / FRAME_S))
        self._cut_pause = max(1, int(round(cut_pause_s / FRAME_S)))
        self._buffer = np.zeros(RATE * 60, dtype=np.float32)
        self.n_samples = 0
        self._voiced: list[bool] = []
        self._rms: list[float] = []
        self._ref_rms = 10 ** (ASSUMED_RMS_DBFS / 20)
        self._chunk_start = 0  # frame index of the open chunk's first frame
        self._first_voiced: int | None = None  # in the open chunk
        self._last_voiced = -1
        self.closed = False
        self._segments: tuple[tuple[int, float, float, float], list[tuple[float, float]]] | None = (
            None
        )
        self._flatness: dict[tuple[float, float], float] = {}  # per utterance, by its bounds
        self._threshold: tuple[int, float] | None = None  # (frames seen, voice threshold)

    # -- input -----------------------------------------------------------------------------

    def push(self, samples: np.ndarray) -> list[Chunk]:
        """Append mono float32 samples at 16 kHz; returns the chunks this audio completed."""
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        if self.closed:
            raise ValueError("the stream is closed")
        if self.n_samples + data.size > self._buffer.size:
            grown = np.zeros(max(self._buffer.size * 2, self.n_samples + data.size), np.float32)
            grown[: self.n_samples] = self._buffer[: self.n_samples]
            self._buffer = grown
        self._buffer[self.n_samples : self.n_samples + data.size] = data
        self.n_samples += data.size
        out: list[Chunk] = []
        n_frames = self.n_samples // _FRAME
        first = len(self._voiced)
        if n_frames > first:
            self._frames(first, n_frames)
            for i in range(first, n_frames):
                chunk = self._step(i)
                if chunk is not None:
                    out.append(chunk)
        return out

    def close(self) -> list[Chunk]:
        """End of the recording: the last chunk, if it holds speech.

        It ends where a pause cut would (half a cut pause after the last voiced frame), not at
        the last sample, so the silence before Stop does not change it (see :meth:`tentative`).
        """
        self.closed = True
        chunk = self._last_chunk()
        self._first_voiced = None
        return [chunk] if chunk is not None else []

    def tentative(self) -> Chunk | None:
        """The chunk :meth:`close` would return if the recording ended now, once the speaker has
        paused for :data:`CUT_PAUSE_S` and its audio (with padding) is all here; else None.

        While nobody speaks it stays the same, so the live transcriber can decode it during the
        pause and, if Stop comes before more speech, use that result: the same audio decoded the
        same way, hence the words a file gives.
        """
        if (
            self._first_voiced is None
            or len(self._voiced) - 1 - self._last_voiced < self._cut_pause
        ):
            return None
        chunk = self._last_chunk()
        if chunk is None or self.n_samples < int(round((chunk.end_s + PAD_S) * RATE)):
            return None
        return chunk

    def _last_chunk(self) -> Chunk | None:
        if self._first_voiced is None:
            return None
        end = min(self.n_samples / RATE, (self._last_voiced + 1 + self._cut_pause // 2) * FRAME_S)
        return Chunk(round(self._chunk_start * FRAME_S, 3), round(end, 3), final=True)

    # -- results ---------------------------------------------------------------------------

    @property
    def samples(self) -> np.ndarray:
        """Every sample pushed so far (a view, not a copy)."""
        return self._buffer[: self.n_samples]

    @property
    def voiced(self) -> np.ndarray:
        """Per-frame speech decisions so far."""
        return np.array(self._voiced, dtype=bool)

    def segments(
        self, *, min_gap_s: float = 0.25, min_speech_s: float = 0.15, max_flatness: float = 0.3
    ) -> list[tuple[float, float]]:
        """Utterances ``(start_s, end_s)`` from the frames so far (see ``vad.speech_segments``).

        Remembered until more audio arrives: the live transcriber and :func:`assemble` both ask.
        """
        key = (len(self._voiced), min_gap_s, min_speech_s, max_flatness)
        if self._segments is not None and self._segments[0] == key:
            return list(self._segments[1])
        segments = segments_from_frames(self.voiced, min_gap_s=min_gap_s, min_speech_s=min_speech_s)
        audio = self.samples
        for a, b in segments:  # the live transcriber asks after every chunk: measure each once
            if (a, b) not in self._flatness:
                self._flatness[(a, b)] = spectral_flatness(audio[int(a * RATE) : int(b * RATE)])
        kept = [(a, b) for a, b in segments if self._flatness[(a, b)] <= max_flatness]
        self._segments = (key, kept)
        return list(kept)

    def onsets(self, segments: Sequence[tuple[float, float]]) -> list[float]:
        """Where the voice starts in each utterance (s): its first 10 ms frame at least
        :data:`VOICE_OVER_FLOOR_DB` over the noise floor, or the utterance's start when none is.

        An utterance begins up to a few hundred ms before the voice (VAD smoothing), and Whisper
        gives a chunk's first word the silence before it, so the first word's start is moved
        here.
        """
        threshold = self._voice_threshold()
        out = []
        for a, b in segments:
            loud = np.flatnonzero(self._levels(a, b) >= threshold)
            out.append(round(a + int(loud[0]) / 100, 3) if loud.size else a)
        return out

    def voice_ends(self, spans: Sequence[tuple[float, float]]) -> list[float]:
        """For each ``(from_s, until_s)``, where the voice heard at ``from_s`` stops (s): the end
        of the last 10 ms frame at least :data:`VOICE_OVER_FLOOR_DB` over the noise floor before
        a quieter stretch longer than :data:`BRIDGED_GAP_S`, no later than ``until_s``;
        ``from_s`` when no frame is that loud that soon.

        Whisper ends the last word before a pause early (by up to 0.74 s on the human clips), so
        that word's end is moved here. Searching on from the word, not back from the utterance's
        end, keeps the end out of noise that follows the voice (the crowd after JFK's "country").
        """
        threshold = self._voice_threshold()
        gap = round(BRIDGED_GAP_S * 100)  # quiet frames bridged
        out = []
        for a, b in spans:
            loud = np.flatnonzero(self._levels(a, b) >= threshold)
            if not loud.size or loud[0] > gap:
                out.append(a)
                continue
            breaks = np.flatnonzero(np.diff(loud) - 1 > gap)
            last = int(loud[breaks[0]] if breaks.size else loud[-1])
            out.append(round(min(b, a + (last + 1) / 100), 3))
        return out

    def _voice_threshold(self) -> float:
        """RMS :data:`VOICE_OVER_FLOOR_DB` over the noise floor: the 10th percentile of the 30 ms
        frame levels, digital silence left out (it says nothing about the room). Remembered
        until more audio arrives: :func:`~coach.transcript.transcribe.assemble` asks twice."""
        if self._threshold is not None and self._threshold[0] == len(self._rms):
            return self._threshold[1]
        levels = np.array(self._rms)
        heard = levels[levels > 1e-5]  # -100 dBFS
        threshold = (
            float(np.percentile(heard, 10)) * 10 ** (VOICE_OVER_FLOOR_DB / 20)
            if heard.size
            else float("inf")
        )
        self._threshold = (len(self._rms), threshold)
        return threshold

    def _levels(self, start_s: float, end_s: float) -> np.ndarray:
        """RMS of each whole 10 ms frame from ``start_s`` up to ``end_s``."""
        lo, hi = int(round(start_s * RATE)), min(self.n_samples, int(round(end_s * RATE)))
        return frame_rms(self._buffer[lo : max(lo, hi)], RATE // 100)

    def voiced_runs(self, start_s: float, end_s: float) -> list[tuple[float, float]]:
        """Voiced stretches (s) whose frames lie in ``[start_s, end_s)`` (no smoothing)."""
        # Only frames wholly inside the range: live, the frame across ``end_s`` may not exist yet.
        lo, hi = int(np.ceil(start_s / FRAME_S)), min(len(self._voiced), int(end_s / FRAME_S))
        frames = np.array(self._voiced[lo:hi], dtype=np.int8)
        if not frames.any():
            return []
        edges = np.flatnonzero(np.diff(np.concatenate(([0], frames, [0]))))
        return [
            ((lo + a) * FRAME_S, (lo + b) * FRAME_S)
            for a, b in zip(edges[::2], edges[1::2], strict=True)
        ]

    # -- frame by frame --------------------------------------------------------------------

    def _frames(self, first: int, last: int) -> None:
        audio = self._buffer[first * _FRAME : last * _FRAME]
        block = audio.reshape(-1, _FRAME)
        rms = frame_rms(audio, _FRAME)
        floor = 10 ** (FLOOR_DBFS / 20)
        target = 10 ** (TARGET_RMS_DBFS / 20)
        for k in range(block.shape[0]):
            self._ref_rms = max(self._ref_rms, float(rms[k]))
            gain = min(max(target / self._ref_rms, 1.0), 10 ** (40 / 20))
            voiced = False
            if rms[k] * gain >= floor:
                pcm = (np.clip(block[k] * gain, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
                voiced = self._vad.is_speech(pcm, RATE)
            self._voiced.append(bool(voiced))
            self._rms.append(float(rms[k]))

    def _step(self, i: int) -> Chunk | None:
        if self._voiced[i]:
            if self._first_voiced is None:
                self._first_voiced = i
            self._last_voiced = i
        elif self._first_voiced is None:
            # Nothing said in the open chunk yet: let it start shortly before the next speech.
            self._chunk_start = max(self._chunk_start, i - self._cut_pause)
            return None
        elif i - self._last_voiced == self._cut_pause and (
            self._last_voiced + 1 - self._chunk_start >= self._target
        ):
            return self._cut(self._last_voiced + 1 + self._cut_pause // 2, i)
        if self._first_voiced is not None and i + 1 - self._chunk_start >= self._max:
            lo = max(self._chunk_start + 3, i + 1 - int(round(QUIET_SEARCH_S / FRAME_S)))
            # 210 ms smoothing: the closure of a "p" or "t" inside a word (50-100 ms of near
            # silence) must not win over the gap between two words ("ill-di|sposed" was cut).
            level = np.convolve(np.array(self._rms[lo - 3 : i + 1]), np.ones(7) / 7, "valid")
            return self._cut(lo + int(np.argmin(level)), i)
        return None

    def _cut(self, frame: int, now: int) -> Chunk:
        chunk = Chunk(round(self._chunk_start * FRAME_S, 3), round(frame * FRAME_S, 3))
        self._chunk_start = frame
        # Only frames up to ``now``: later ones may already be known when a block arrived at
        # once, and looking at them would make the cuts depend on block sizes.
        later = [k for k in range(frame, now + 1) if self._voiced[k]]
        self._first_voiced = later[0] if later else None
        return chunk


def plan_chunks(samples: np.ndarray) -> tuple[SpeechStream, list[Chunk]]:
    """Run a whole recording through a :class:`SpeechStream`; returns it and all its chunks."""
    stream = SpeechStream()
    chunks = stream.push(samples)
    return stream, chunks + stream.close()
