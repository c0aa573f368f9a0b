"""Transcription while the speaker talks, so feedback is ready moments after Stop.

:class:`LiveTranscriber` is Qt-free. The recorder feeds it PCM blocks (cheap: bytes are appended
under a lock); its own thread looks at the audio not yet transcribed, finds utterances that have
ended (the VAD sees at least ``min_silence_s`` of silence after them) and transcribes them with
:func:`coach.transcript.transcribe.transcribe_samples` at their offset. On :meth:`LiveTranscriber.finish`
only the last utterance is left to transcribe; the pauses (VAD), utterance numbers and pitch are
then measured once on the whole recording, exactly as for an imported file.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import numpy as np

from coach.transcript.decode import RATE
from coach.types import Pause, Transcript, Word

UtteranceFn = Callable[[Sequence[Word]], None]


class LiveTranscriber:
    """Transcribe a growing recording utterance by utterance on a background thread.

    Parameters
    ----------
    engine, model
        Speech engine and Whisper model, as for :func:`coach.transcript.transcribe.transcribe_samples`.
    on_words
        Called from the worker thread with each batch of new words (marshal to the GUI).
    min_silence_s
        Silence after speech that marks an utterance as finished, in seconds.
    max_chunk_s
        Audio transcribed at once at most, in seconds, even without a pause.
    poll_s
        How often the worker looks for finished utterances, in seconds.
    language
        ``"en"``, ``"zh"`` or ``"auto"``: Whisper identifies the language of the first utterance.
    """

    def __init__(
        self,
        *,
        engine: str | None = None,
        model: str | None = None,
        on_words: UtteranceFn | None = None,
        min_silence_s: float = 0.5,
        max_chunk_s: float = 20.0,
        poll_s: float = 0.25,
        language: str = "en",
    ) -> None:
        self.engine = engine
        self.language = language  # "en", "zh" or "auto" (decided on the first utterance)
        self.model = model
        self.on_words = on_words
        self.min_silence_s = min_silence_s
        self.max_chunk_s = max_chunk_s
        self.poll_s = poll_s
        self._pcm = bytearray()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._cursor = 0  # samples already transcribed
        self._words: list[Word] = []
        self._label = ""
        self.error: BaseException | None = None
        self.busy_s = 0.0  # time spent transcribing, s
        self._thread = threading.Thread(target=self._run, name="live-transcriber", daemon=True)

    # feeding (any thread)

    def start(self) -> LiveTranscriber:
        """Start the worker thread (it loads the speech model first)."""
        self._thread.start()
        return self

    def feed(self, block: bytes) -> None:
        """Append 16 kHz mono 16-bit PCM bytes."""
        with self._lock:
            self._pcm += block

    def feed_samples(self, samples: np.ndarray) -> None:
        """Append float32 samples in [-1, 1] (for imported audio and tests)."""
        from coach.transcript.decode import to_int16_bytes

        self.feed(to_int16_bytes(samples))

    @property
    def words(self) -> list[Word]:
        """Words transcribed so far (a copy)."""
        with self._lock:
            return list(self._words)

    @property
    def pending_s(self) -> float:
        """Seconds of audio received but not yet transcribed."""
        with self._lock:
            return (len(self._pcm) // 2 - self._cursor) / RATE

    def samples(self) -> np.ndarray:
        """Everything received so far as float32."""
        with self._lock:
            data = bytes(self._pcm[: len(self._pcm) - len(self._pcm) % 2])
        return np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0

    # finishing

    def finish(self, *, timeout_s: float = 600.0) -> Transcript:
        """Transcribe what is left and return the whole recording's :class:`Transcript`.

        Raises the worker's exception if transcription failed.
        """
        self._stopping.set()
        self._wake.set()
        # Pauses and pitch need only the audio, not the words: measure them on this thread
        # while the worker transcribes the last utterance (Whisper releases the GIL).
        samples = self.samples()
        measured = _measure(samples)
        if self._thread.is_alive() or not self._done.is_set():
            if not self._thread.is_alive() and not self._done.is_set():
                self._thread.start()
            self._done.wait(timeout_s)
        if self.error is not None:
            raise self.error
        return self.assemble(samples=samples, measured=measured)

    def cancel(self) -> None:
        """Stop the worker without finishing (the recording was discarded)."""
        self._stopping.set()
        with self._lock:
            self._pcm.clear()
            self._cursor = 0
        self._wake.set()

    def assemble(
        self,
        *,
        samples: np.ndarray | None = None,
        measured: tuple[list[tuple[float, float]], list[tuple[float, float]]] | None = None,
    ) -> Transcript:
        """The transcript of all audio received: live words plus pauses, utterances, pitch."""
        from coach.transcript.transcribe import MIN_PAUSE_S, engine_label
        from coach.transcript.vad import pauses_between

        if samples is None:
            samples = self.samples()
        segments, pitch = measured if measured is not None else _measure(samples)
        words = self.words
        if segments:
            starts = np.array([s for s, _ in segments])
            ends = np.array([e for _, e in segments])
            placed = []
            for w in words:
                mid = ((w.start_s or 0.0) + (w.end_s or 0.0)) / 2
                dist = np.maximum(starts - mid, 0) + np.maximum(mid - ends, 0)
                placed.append(Word(w.text, w.start_s, w.end_s, int(np.argmin(dist))))
            words = placed
        return Transcript(
            words=tuple(words),
            pauses=tuple(
                Pause(round(start, 3), dur)
                for start, dur in pauses_between(segments, min_pause_s=MIN_PAUSE_S)
            ),
            duration_s=round(len(samples) / RATE, 3),
            engine=self._label or engine_label(self.engine, self.model),
            language=self.language if self.language in ("en", "zh") else "en",
            punctuated=self.engine != "sphinx",
            pitch_spread=tuple(pitch),
        )

    # worker

    def _run(self) -> None:
        try:
            self._warm_up()
            while True:
                stopping = self._stopping.is_set()
                if not self._step(final=stopping) and stopping:
                    break
                if not stopping:
                    self._wake.wait(self.poll_s)
                    self._wake.clear()
        except BaseException as exc:  # noqa: BLE001 - reported by finish()
            self.error = exc
        finally:
            self._done.set()

    def _warm_up(self) -> None:
        from coach.transcript.transcribe import default_engine, whisper_model

        self.engine = self.engine or default_engine()
        if self.engine == "whisper":
            _, _, name = whisper_model(self.model)
            self._label = f"whisper:{name}"
        else:
            self._label = self.engine
        # Load the analysis modules and their word tables now, not after Stop.
        from coach.coaching.review import review
        from coach.text import transcript_from_text

        review(transcript_from_text("We sold 5,000 phones. Why? Because it works."))

    def _step(self, *, final: bool) -> bool:
        """Transcribe the next finished stretch; False when there was nothing to do."""
        from coach.transcript.vad import speech_segments

        with self._lock:
            total = len(self._pcm) // 2
            start = self._cursor
            data = bytes(self._pcm[start * 2 : total * 2])
        pending = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
        length_s = len(pending) / RATE
        if length_s < 0.3:
            return False
        segments = speech_segments(pending)
        if final:
            cut_s = length_s
        else:
            done = [s for s in segments if s[1] <= length_s - self.min_silence_s]
            if done:
                end = done[-1][1]
                later = [s for s in segments if s[0] > end]
                cut_s = (end + later[0][0]) / 2 if later else end + self.min_silence_s / 2
                cut_s = min(cut_s, length_s)
                if cut_s > self.max_chunk_s and len(done) > 1:
                    # Too much at once (the worker fell behind): take whole utterances only.
                    fit = [s for s in done if s[1] <= self.max_chunk_s] or done[:1]
                    cut_s = fit[-1][1] + 0.1
            elif length_s > self.max_chunk_s:
                cut_s = length_s  # one very long utterance: take it as it is
            elif not segments and length_s > 5.0:
                cut_s = length_s - 0.5  # silence only: skip it, keep a margin
            else:
                return False
        cut = int(cut_s * RATE)
        new_words: list[Word] = []
        if segments and any(s[0] < cut_s for s in segments):
            from coach.transcript.transcribe import transcribe_samples

            began = time.perf_counter()
            if self.language not in ("en", "zh"):
                from coach.transcript.language import detect_audio_language

                self.language = detect_audio_language(
                    pending[:cut], engine=self.engine, model=self.model
                )
            part = transcribe_samples(
                pending[:cut],
                engine=self.engine,
                model=self.model,
                offset_s=start / RATE,
                language=self.language,
            )
            if self.language == "zh":
                from coach.zh_text import regroup_timed

                part = regroup_timed(part)
            self.busy_s += time.perf_counter() - began
            new_words = list(part.words)
        with self._lock:
            self._words.extend(new_words)
            self._cursor = start + cut
        if new_words and self.on_words is not None:
            self.on_words(new_words)
        return True


def _measure(
    samples: np.ndarray,
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """VAD utterances and pitch spread windows of the whole recording."""
    from coach.transcript.pitch import pitch_spread_windows
    from coach.transcript.vad import speech_segments

    segments = speech_segments(samples)
    return segments, pitch_spread_windows(samples, segments)


def recent_wpm(words: Sequence[Word], *, window_s: float = 20.0, min_span_s: float = 6.0) -> float:
    """Pace over the last ``window_s`` seconds of speech (words per minute); 0 if too little."""
    from coach.analysis.pacing import speech_span, words_per_minute

    timed = [w for w in words if w.start_s is not None and w.end_s is not None]
    if not timed:
        return 0.0
    last = float(timed[-1].end_s or 0.0)
    recent = [w for w in timed if (w.start_s or 0.0) >= last - window_s]
    span = speech_span(recent)
    if span is None or span[1] - span[0] < min_span_s:
        return 0.0
    return words_per_minute(recent)
