"""Transcription while the speaker talks, so feedback is ready moments after Stop.

:class:`LiveTranscriber` is Qt-free. The recorder feeds it PCM blocks (cheap: bytes are appended
under a lock); its own thread pushes the new audio through the engine's
:class:`~coach.transcript.stream.SpeechStream` and decodes each chunk the stream closes with the
engine's :class:`~coach.transcript.transcribe.ChunkDecoder`: the very steps
:func:`coach.transcript.transcribe.transcribe_samples` runs on a file. So the transcript saved
after Stop is the one ``coach analyze`` gives on the saved WAV. A chunk closes at a pause or,
for a speaker who does not pause, at the quietest moment within 12 s, so on Stop at most one
short chunk is left to transcribe.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from coach.transcript.decode import RATE
from coach.transcript.pitch import Tracks
from coach.transcript.stream import PAD_S
from coach.types import Transcript, Word

UtteranceFn = Callable[[Sequence[Word]], None]


class LiveTranscriber:
    """Transcribe a growing recording chunk by chunk on a background thread.

    Parameters
    ----------
    engine, model
        As for :func:`coach.transcript.transcribe.transcribe_samples`.
    language
        ``"en"``, ``"zh"`` or ``"auto"``: Whisper identifies the language of the first chunk,
        as ``coach analyze --language auto`` does on a file's first speech.
    on_words
        Called from the worker thread with each batch of new words (marshal to the GUI).
    poll_s
        How often the worker looks for new audio, in seconds.
    """

    def __init__(
        self,
        *,
        engine: str | None = None,
        model: str | None = None,
        language: str | None = "en",
        on_words: UtteranceFn | None = None,
        poll_s: float = 0.25,
    ) -> None:
        self.engine = engine
        self.model = model
        self.language = language
        self.on_words = on_words
        self.poll_s = poll_s
        self._pcm = bytearray()  # received, not yet pushed to the stream
        self._received = 0  # bytes received in all
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._closed = threading.Event()  # the worker pushed everything and closed the stream
        self._done = threading.Event()
        self._decoded_s = 0.0  # audio transcribed so far (end of the last decoded chunk)
        self._raw: list[tuple[str, float, float]] = []
        self._words: list[Word] = []
        self._stream: Any = None
        self._decoder: Any = None
        self._queue: list[Any] = []  # chunks closed but not yet decoded
        self._tentative: tuple[Any, list[tuple[str, float, float]]] | None = None
        self._pitch: Tracks = {}  # F0 tracks of the utterances already finished
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
            self._received += len(block)
        self._wake.set()

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
            return max(0.0, (self._received // 2) / RATE - self._decoded_s)

    # finishing

    def finish(self, *, timeout_s: float = 600.0) -> Transcript:
        """Transcribe what is left and return the whole recording's :class:`Transcript`.

        Raises the worker's exception if transcription failed, and
        :class:`~coach.errors.AudioInputError` when the recording is too quiet to be heard.
        """
        from coach.transcript.level import check_audible
        from coach.transcript.pitch import pitch_spread_windows
        from coach.transcript.transcribe import assemble

        self._stopping.set()
        self._wake.set()
        if not self._thread.is_alive() and not self._done.is_set():
            self._thread.start()
        # Pitch needs only the audio: measure it here while the worker transcribes the last
        # chunk (Whisper releases the GIL).
        self._closed.wait(timeout_s)
        pitch = None
        if self.error is None and self._stream is not None:
            check_audible(self._stream.samples)
            segments = self._stream.segments()
            pitch = pitch_spread_windows(self._stream.samples, segments, tracks=self._pitch)
        self._done.wait(timeout_s)
        if self.error is not None:
            raise self.error
        if self._decoder is None:  # auto, and no chunk was ever decoded
            self._choose_language(self._stream)
        transcript = assemble(
            self._stream,
            self._raw,
            label=self._decoder.label,
            language=self.language,
            punctuated=self._decoder.engine != "sphinx",
            pitch=pitch,
        )
        if self.language == "zh":  # as coach.transcript.load does for a file
            from coach.zh_text import regroup_timed

            transcript = regroup_timed(transcript)
        return transcript

    def cancel(self) -> None:
        """Stop the worker without finishing (the recording was discarded)."""
        self._stopping.set()
        with self._lock:
            self._pcm.clear()
        self._wake.set()

    # worker

    def _run(self) -> None:
        try:
            self._warm_up()
            while True:
                stopping = self._stopping.is_set()
                self._step(final=stopping)
                if stopping:
                    break
                self._wake.wait(self.poll_s)
                self._wake.clear()
        except BaseException as exc:  # noqa: BLE001 - reported by finish()
            self.error = exc
        finally:
            self._closed.set()
            self._done.set()

    def _warm_up(self) -> None:
        from coach.transcript.stream import SpeechStream
        from coach.transcript.transcribe import ChunkDecoder

        self._stream = SpeechStream()
        if self.language not in ("en", "zh"):  # auto: decided on the first chunk's audio
            self._decoder = None
            ChunkDecoder(engine=self.engine, model=self.model, language="en")  # loads the model
        else:
            self._decoder = ChunkDecoder(
                engine=self.engine, model=self.model, language=self.language
            )
            self.engine = self._decoder.engine
        # Load the analysis modules and their word tables now, not after Stop.
        from coach.coaching.review import review
        from coach.text import transcript_from_text

        review(transcript_from_text("We sold 5,000 phones. Why? Because it works."))

    def _step(self, *, final: bool) -> None:
        """Push the new audio, decode every chunk whose audio is all here."""
        with self._lock:  # the stream keeps the audio from here on (float32, 230 MB per hour)
            end = len(self._pcm) - len(self._pcm) % 2
            data = bytes(self._pcm[:end])
            del self._pcm[:end]
        stream = self._stream
        if data:
            samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
            self._queue.extend(stream.push(samples))
        if final:
            self._queue.extend(stream.close())
            self._closed.set()
        while self._queue:
            chunk = self._queue[0]
            _, hi = chunk.window(stream.n_samples)
            if not final and hi < int(round((chunk.end_s + PAD_S) * RATE)):
                break  # the overlap after the cut has not arrived yet
            self._queue.pop(0)
            if self._decoder is None:
                self._choose_language(stream)
            before = self._tentative
            if before is not None and (before[0].start_s, before[0].end_s) == (
                chunk.start_s,
                chunk.end_s,
            ):
                # Decoded during the pause: the same audio, decoded the same way. A chunk that is
                # not the last keeps only the words whose middle lies before its cut.
                raw = [w for w in before[1] if chunk.final or (w[1] + w[2]) / 2 < chunk.end_s]
                self._decoder.commit(raw)
            else:
                began = time.perf_counter()
                raw = self._decoder.words(stream, chunk)
                self.busy_s += time.perf_counter() - began
            self._tentative = None
            self._publish(raw)
            with self._lock:
                self._decoded_s = chunk.end_s
            if not final:
                self._track_pitch(stream)
        if not final and not self._queue and self._decoder is not None:
            # The speaker paused: decode what Stop would leave, in case Stop comes now.
            chunk = stream.tentative()
            if chunk is not None and (self._tentative is None or self._tentative[0] != chunk):
                began = time.perf_counter()
                self._tentative = (chunk, self._decoder.words(stream, chunk, commit=False))
                self.busy_s += time.perf_counter() - began

    def _track_pitch(self, stream: Any) -> None:
        """Track the pitch of the utterances that ended over a second ago, so that Stop leaves
        only the last one (the whole pitch of a 2-minute take took 1.1-1.7 s after Stop)."""
        from coach.transcript.pitch import track_utterances

        settled = stream.n_samples / RATE - 1.0
        done = [seg for seg in stream.segments() if seg[1] <= settled]
        track_utterances(stream.samples, done, self._pitch)

    def _choose_language(self, stream: Any) -> None:
        """``auto``: Whisper's language identification on the speech so far picks the decoder."""
        from coach.transcript.language import detect_audio_language
        from coach.transcript.transcribe import ChunkDecoder

        self.language = detect_audio_language(stream.samples, engine=self.engine, model=self.model)
        self._decoder = ChunkDecoder(engine=self.engine, model=self.model, language=self.language)
        self.engine = self._decoder.engine

    def _publish(self, raw: list[tuple[str, float, float]]) -> None:
        """Record a decoded chunk's words and hand them to :attr:`on_words`."""
        if raw:
            new = [Word(t, round(s, 3), round(e, 3), 0) for t, s, e in raw]
            if self.language == "zh":  # Whisper's character pieces as jieba words
                from coach.zh_text import regroup_timed

                new = list(regroup_timed(Transcript(words=tuple(new))).words)
            with self._lock:
                self._raw.extend(raw)
                self._words.extend(new)
            if self.on_words is not None:
                self.on_words(new)


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
