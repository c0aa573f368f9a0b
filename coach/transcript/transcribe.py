"""Speech to timed words: causal chunking → speech engine per chunk → :class:`Transcript`.

The file path (:func:`transcribe_samples`, :func:`transcribe_file`) and the app's live
transcriber (``coach_ui.live``) run the same steps: a :class:`~coach.transcript.stream.SpeechStream`
decides voice activity and chunk cuts frame by frame, a :class:`ChunkDecoder` turns each chunk
into words, and :func:`assemble` builds the transcript. A recording transcribed live therefore
gives the words the saved file gives (see docs/design/audio-pipeline.md).

Engines: ``whisper`` (default; bundled models ``base`` and ``tiny.en``) and ``sphinx`` (see
:mod:`coach.transcript.engines`). Nothing here uses the network.

Pauses come from the VAD on the audio, never from engine word times, which smear into silences;
word times are clamped into the utterance that holds them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from coach.errors import TranscriptionError
from coach.transcript.decode import RATE, load_audio
from coach.transcript.engines import (
    FILLER_BEAM,
    Pass,
    beam_for,
    has_module,
    rebuild_words,
    sphinx_chunk,
    whisper_model,
    whisper_passes,
)
from coach.transcript.fillers import (
    FILLER_PROMPT,
    add_fillers,
    unconfirmed_stock,
    word_key,
)
from coach.transcript.level import check_audible, normalised
from coach.transcript.pitch import pitch_spread_windows
from coach.transcript.stream import Chunk, SpeechStream, plan_chunks
from coach.transcript.vad import pauses_between
from coach.types import Pause, Transcript, Word

__all__ = [
    "ENGINES",
    "ChunkDecoder",
    "assemble",
    "available_engines",
    "default_engine",
    "engine_label",
    "rebuild_words",
    "transcribe_file",
    "transcribe_samples",
    "whisper_model",
]

ENGINES = ("whisper", "sphinx")
MIN_PAUSE_S = 0.3
SILENCE_MARGIN_S = 0.15
"""A word with no voiced frame within this distance (s) of its span was heard in silence."""

ProgressFn = Callable[[float, str], None]
RawWord = tuple[str, float, float]


def available_engines() -> list[str]:
    """Engines installed here, best first (all offline)."""
    from coach.transcript.models import bundled_available

    out = []
    if has_module("faster_whisper") and (bundled_available("base") or bundled_available("tiny.en")):
        out.append("whisper")
    if has_module("speech_recognition") and has_module("pocketsphinx"):
        out.append("sphinx")
    return out


def default_engine() -> str:
    """The best offline engine installed: ``whisper`` when present, else ``sphinx``."""
    engines = available_engines()
    if not engines:
        raise TranscriptionError(
            "No offline speech engine is installed; run `pip install 'presentation-coach[whisper]'`."
        )
    return engines[0]


def engine_label(engine: str | None = None, model: str | None = None) -> str:
    """The label a transcript gets, e.g. ``"whisper:base"`` or ``"sphinx"``."""
    engine = engine or default_engine()
    if engine != "whisper":
        return engine
    from coach.transcript.models import BUNDLED, DEFAULT_MODEL, resolve_model

    name = model or DEFAULT_MODEL
    return f"whisper:{name if name in BUNDLED else resolve_model(name)[0]}"


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise TranscriptionError(f"Unknown speech engine {engine!r}; choose whisper or sphinx.")


class ChunkDecoder:
    """Turns the chunks of a :class:`SpeechStream` into timed words with one engine.

    Parameters
    ----------
    engine, model, language
        As for :func:`transcribe_samples`. The Whisper model is loaded here.
    """

    def __init__(
        self,
        *,
        engine: str | None = None,
        model: str | None = None,
        language: str | None = "en",
        progress: ProgressFn | None = None,
    ) -> None:
        self.engine = engine or default_engine()
        _check_engine(self.engine)
        self.language = language
        self.label = self.engine
        self._run: Callable[[np.ndarray], tuple[list[RawWord], list[RawWord]]]
        self._fillers = False  # the filler look knows English "um" and "uh" only
        if self.engine == "whisper":
            whisper, lock, name = whisper_model(model, progress=progress)
            self.label = f"whisper:{name}"
            spoken = "en" if name.endswith(".en") else language
            self._fillers = spoken == "en"
            passes: list[Pass] = [(None, beam_for(name, spoken))]
            if self._fillers:
                passes.append((FILLER_PROMPT, FILLER_BEAM))

            def run(audio: np.ndarray) -> tuple[list[RawWord], list[RawWord]]:
                plain, *look = whisper_passes(
                    audio, model=whisper, lock=lock, language=spoken, passes=passes
                )
                return plain, look[0] if look else []

            self._run = run
        else:
            if not (has_module("speech_recognition") and has_module("pocketsphinx")):
                raise TranscriptionError(
                    "The sphinx engine needs SpeechRecognition and pocketsphinx installed."
                )
            self._run = lambda audio: (sphinx_chunk(audio), [])
        self._previous: list[RawWord] = []  # the last words of the chunk before

    def words(self, stream: SpeechStream, chunk: Chunk, *, commit: bool = True) -> list[RawWord]:
        """Words of ``chunk`` (times in seconds of the recording), in order.

        With ``commit=False`` the decoder does not remember them as the previous chunk's words
        (a tentative decode; :meth:`commit` takes them later).

        The chunk is decoded with :data:`~coach.transcript.stream.PAD_S` of audio on each side,
        scaled to a fixed peak; a word is kept when its middle lies inside the chunk and some
        frame the VAD calls speech lies within :data:`SILENCE_MARGIN_S` of it. English chunks get
        a second, filler-only look (Whisper only; see :mod:`coach.transcript.fillers`), which
        also checks the plain pass's stock phrases ("I'll see you next time"): one the look did
        not hear there is dropped.
        """
        audio = stream.samples
        lo, hi = chunk.window(stream.n_samples)
        offset = lo / RATE
        end = chunk.end_s
        runs = stream.voiced_runs(lo / RATE, hi / RATE)
        piece = normalised(audio[lo:hi])
        plain, look = self._run(piece)
        got: list[RawWord] = []
        leading = True
        for text, s, e in plain:
            s, e = s + offset, e + offset
            mid = (s + e) / 2
            inside = chunk.start_s <= mid < end or (chunk.final and mid >= end)
            # The two decodes of a word across the cut can both put its middle in the other
            # chunk (the chunk before: "his" at 9.92-10.12 s, after a cut at 9.84 s; this one:
            # 9.54-10.04 s). A word across the start is ours when the chunk before kept no word
            # at that time (it may have heard it otherwise: "deserved" there, "observed" here).
            across = (
                leading
                and mid < chunk.start_s < e
                and not any(s < pe and ps < e for _, ps, pe in self._previous)
            )
            if not inside and not across:
                continue
            if not any(a - SILENCE_MARGIN_S <= e and s <= b + SILENCE_MARGIN_S for a, b in runs):
                continue  # heard in silence: Whisper filling a gap with stock phrases
            if leading and _repeats(text, s, e, self._previous):
                continue  # the last words of the chunk before, heard again in the overlap
            leading = False
            got.append((text, s, e))
        if self._fillers and got:
            prompted = [(text, s + offset, e + offset) for text, s, e in look]
            invented = unconfirmed_stock(got, prompted)
            got = [w for i, w in enumerate(got) if i not in invented]
            got = add_fillers(got, prompted, runs, chunk.start_s, end)
        if got and commit:
            self._previous = got[-3:]
        return got

    def commit(self, words: Sequence[RawWord]) -> None:
        """Take ``words`` (from ``words(..., commit=False)``) as the last chunk's words."""
        if words:
            self._previous = list(words[-3:])


def _repeats(text: str, start: float, end: float, previous: Sequence[RawWord]) -> bool:
    """True when a word at a chunk's start is one of the previous chunk's last words: same
    text, times within 0.3 s (Whisper's word times wander that much around a cut)."""
    return any(
        word_key(text) == word_key(t) and start < e + 0.3 and s < end + 0.3 for t, s, e in previous
    )


def _place(
    raw: Sequence[RawWord], segments: Sequence[tuple[float, float]]
) -> list[tuple[str, float, float, int]]:
    """Give each word the utterance nearest its middle and clamp its times into it."""
    if not segments:
        return [(t, s, e, 0) for t, s, e in raw]
    starts = np.array([s for s, _ in segments])
    ends = np.array([e for _, e in segments])
    placed = []
    for text, start, end in raw:
        mid = (start + end) / 2
        dist = np.maximum(starts - mid, 0) + np.maximum(mid - ends, 0)
        k = int(np.argmin(dist))
        s = float(min(max(start, starts[k]), ends[k]))
        e = float(min(max(end, s), ends[k]))
        placed.append((text, s, e, k))
    for i in range(1, len(placed)):  # keep times monotonic after clamping
        t, s, e, k = placed[i]
        if s < placed[i - 1][1]:
            s = placed[i - 1][1]
            placed[i] = (t, s, max(e, s), k)
    return placed


def _to_the_voice(
    stream: SpeechStream,
    segments: Sequence[tuple[float, float]],
    placed: list[tuple[str, float, float, int]],
) -> None:
    """Start each utterance's first word where the voice starts and end its last word where the
    voice stops (:meth:`SpeechStream.onsets`, :meth:`SpeechStream.voice_ends`): Whisper gives the
    first word the silence before it and ends the last one early."""
    onsets = stream.onsets(segments)
    for i, (text, s, e, k) in enumerate(placed):
        if (i == 0 or placed[i - 1][3] != k) and s < onsets[k] < e:
            placed[i] = (text, onsets[k], e, k)
    last = [i for i, w in enumerate(placed) if i + 1 == len(placed) or placed[i + 1][3] != w[3]]
    ends = stream.voice_ends([(placed[i][2], segments[placed[i][3]][1]) for i in last])
    for i, end in zip(last, ends, strict=True):
        text, s, e, k = placed[i]
        placed[i] = (text, s, max(e, end), k)


def assemble(
    stream: SpeechStream,
    raw: Sequence[RawWord],
    *,
    label: str,
    language: str | None,
    punctuated: bool,
    offset_s: float = 0.0,
    first_utterance: int = 0,
    pitch: Sequence[tuple[float, float]] | None = None,
) -> Transcript:
    """The :class:`Transcript` of a whole stream from its words: utterances, pauses, pitch."""
    segments = stream.segments()
    placed = _place(sorted(raw, key=lambda w: w[1]), segments)
    if segments:
        _to_the_voice(stream, segments, placed)
    words = tuple(
        Word(text, round(s + offset_s, 3), round(e + offset_s, 3), k + first_utterance)
        for text, s, e, k in placed
    )
    pauses = tuple(
        Pause(round(start + offset_s, 3), dur)
        for start, dur in pauses_between(segments, min_pause_s=MIN_PAUSE_S)
    )
    if pitch is None:
        pitch = pitch_spread_windows(stream.samples, segments) if segments else []
    return Transcript(
        words=words,
        pauses=pauses if words else (),
        duration_s=round(stream.n_samples / RATE, 3),
        engine=label,
        language=language or "auto",
        punctuated=punctuated,
        pitch_spread=tuple((round(t + offset_s, 3), v) for t, v in pitch) if words else (),
    )


def transcribe_samples(
    samples: np.ndarray,
    *,
    engine: str | None = None,
    model: str | None = None,
    offset_s: float = 0.0,
    language: str | None = "en",
    first_utterance: int = 0,
    progress: ProgressFn | None = None,
) -> Transcript:
    """Transcribe 16 kHz mono float32 samples into a timed :class:`Transcript`.

    Parameters
    ----------
    samples
        The signal, 16 kHz mono float32 in [-1, 1].
    engine
        ``"whisper"`` or ``"sphinx"``; ``None`` picks :func:`default_engine`.
    model
        Whisper model: ``"base"``, ``"tiny.en"``, a folder, or a model fetched with
        ``coach models download``.
    offset_s
        Added to every time (s), for audio cut from a longer recording.
    language
        Spoken language code (``None`` lets Whisper detect it).
    first_utterance
        Number given to the first VAD utterance (``Word.utterance``).
    progress
        ``(done_fraction, message)`` callback; the fraction only grows.

    Returns
    -------
    Transcript
        Words with times and utterance numbers, VAD pauses ≥ 0.3 s, duration, engine label,
        punctuation flag and pitch spread per speaking window. Silence gives no words.

    Raises
    ------
    AudioInputError
        The recording is too quiet to be heard (peak below −50 dBFS).
    """
    engine = engine or default_engine()
    _check_engine(engine)
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    check_audible(samples)
    report = progress or (lambda _f, _m: None)
    stream, chunks = plan_chunks(samples)
    if not chunks:  # silence is a valid result: no words, nothing to load
        return assemble(stream, [], label=engine_label(engine, model), language=language,
                        punctuated=engine != "sphinx", offset_s=offset_s)  # fmt: skip
    report(0.0, "loading the speech model")
    decoder = ChunkDecoder(engine=engine, model=model, language=language)
    total_s = sum(c.end_s - c.start_s for c in chunks) or 1.0
    done_s = 0.0
    raw: list[RawWord] = []
    for chunk in chunks:
        report(done_s / total_s, "transcribing")
        raw.extend(decoder.words(stream, chunk))
        done_s += chunk.end_s - chunk.start_s
    report(1.0, "transcribing")
    return assemble(stream, raw, label=decoder.label, language=language,
                    punctuated=engine != "sphinx", offset_s=offset_s,
                    first_utterance=first_utterance)  # fmt: skip


def transcribe_file(
    path: str | Path,
    *,
    engine: str | None = None,
    model: str | None = None,
    progress: ProgressFn | None = None,
    language: str | None = "en",
) -> Transcript:
    """Decode an audio file and transcribe it (see :func:`transcribe_samples`).

    Raises
    ------
    AudioInputError
        The file cannot be decoded or is too quiet (one sentence saying why).
    TranscriptionError
        The engine or its model is missing or failed.
    """
    engine = engine or default_engine()
    _check_engine(engine)

    def decode_progress(done: float, message: str) -> None:
        if progress is not None:
            progress(0.1 * done, message)

    def asr_progress(done: float, message: str) -> None:
        if progress is not None:
            progress(0.1 + 0.9 * done, message)

    samples, _ = load_audio(path, progress=decode_progress)
    return transcribe_samples(
        samples, engine=engine, model=model, language=language, progress=asr_progress
    )
