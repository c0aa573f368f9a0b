"""Speech to timed words: VAD utterances → speech engine per chunk → :class:`Transcript`.

Engines
-------
``whisper``
    faster-whisper, offline, int8 on CPU, beam 5, word timestamps; bundled models ``base``
    (default) and ``tiny.en`` (see :mod:`coach.transcript.models`). One model instance per process,
    reused (the app calls :func:`transcribe_samples` on each finished utterance).
``sphinx``
    SpeechRecognition's ``recognize_sphinx`` (pocketsphinx, model in the wheel); word times from
    the decoder's segments. Always available, lower accuracy, no punctuation.
``google``
    SpeechRecognition's free online engine; only when asked for by name. It returns no word
    times, so words are spread over their utterance in proportion to their length.

Pauses come from the VAD on the audio (:mod:`coach.transcript.vad`), never from engine word times, which
smear into silences; word times are clamped into the utterance that holds them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import TranscriptionError
from coach.transcript.decode import RATE, load_audio, to_int16_bytes
from coach.transcript.pitch import pitch_spread_windows
from coach.transcript.vad import pauses_between, speech_segments
from coach.types import Pause, Transcript, Word

ENGINES = ("whisper", "sphinx", "google")
MAX_CHUNK_S = 28.0
"""Utterances are grouped into chunks up to this long (Whisper's window is 30 s)."""
PAD_S = 0.5
"""Audio kept on both sides of a chunk (s) so word edges are not clipped."""
TAIL_S = 0.5
"""Silence appended to each chunk (s): Whisper tends to drop a sentence that ends the audio."""
MIN_PAUSE_S = 0.3
FILLER_PROMPT = "So, um, I, uh, think that, um, we should, uh, start. Um, yeah."
"""Whisper drops fillers unless its prompt shows them being written down."""
ZH_PROMPT = "以下是普通话的句子。"
"""For Mandarin: the English prompt made Whisper base answer in English; this one keeps simplified
characters and punctuation (measured in bench/transcribe_zh.py)."""
_CJK_PIECE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

ProgressFn = Callable[[float, str], None]
RawWord = tuple[str, float, float]

_MODELS: dict[str, tuple[Any, threading.Lock]] = {}
_MODELS_LOCK = threading.Lock()
_RESOLVED: dict[str, tuple[str, str]] = {}  # model setting -> (label, source), once per process
_SPHINX_SKIP = re.compile(r"^(<s>|</s>|<sil>|\[\w+\]|\+\+\w+\+\+)$", re.I)


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def available_engines() -> list[str]:
    """Engines installed here, best first (``google`` needs the network when used)."""
    from coach.transcript.models import bundled_available

    out = []
    if _has("faster_whisper") and (bundled_available("base") or bundled_available("tiny.en")):
        out.append("whisper")
    if _has("speech_recognition") and _has("pocketsphinx"):
        out.append("sphinx")
    if _has("speech_recognition"):
        out.append("google")
    return out


def default_engine() -> str:
    """The best offline engine installed: ``whisper`` when present, else ``sphinx``."""
    offline = [e for e in available_engines() if e != "google"]
    if not offline:
        raise TranscriptionError(
            "No offline speech engine is installed; run `pip install 'presentation-coach[whisper]'`."
        )
    return offline[0]


def engine_label(engine: str | None = None, model: str | None = None) -> str:
    """The label a transcript gets, e.g. ``"whisper:base"`` or ``"sphinx"``."""
    engine = engine or default_engine()
    if engine != "whisper":
        return engine
    from coach.transcript.models import BUNDLED, DEFAULT_MODEL, resolve_model

    name = model or DEFAULT_MODEL
    return f"whisper:{name if name in BUNDLED else resolve_model(name)[0]}"


# --- Whisper -----------------------------------------------------------------------------------


def whisper_model(
    model: str | None = None, *, progress: ProgressFn | None = None
) -> tuple[Any, threading.Lock, str]:
    """The process-wide faster-whisper model for ``model`` (loaded on first call).

    Returns
    -------
    model, lock, label
        The ``WhisperModel``, the lock to hold while transcribing with it, and its label.
    """
    from coach.transcript.models import resolve_model

    if not _has("faster_whisper"):
        raise TranscriptionError(
            "The whisper engine is not installed; run `pip install 'presentation-coach[whisper]'` "
            "or use --engine sphinx."
        )
    with _MODELS_LOCK:
        key = model or ""
        if key not in _RESOLVED:
            _RESOLVED[key] = resolve_model(model, progress=progress)
        label, source = _RESOLVED[key]
        if source not in _MODELS:
            from faster_whisper import WhisperModel

            if progress is not None:
                progress(0.0, f"loading Whisper {label}")
            # COACH_CPU_THREADS: a batch worker process gets its share of the cores
            threads = int(os.environ.get("COACH_CPU_THREADS") or 0) or max(
                1, min(4, os.cpu_count() or 1)
            )
            try:
                instance = WhisperModel(
                    source, device="cpu", compute_type="int8", cpu_threads=threads
                )
            except Exception as exc:  # hub errors, damaged files: one sentence for the user
                raise TranscriptionError(
                    f"Whisper model {label!r} could not be loaded ({type(exc).__name__}); use the "
                    "bundled base or tiny.en, or connect to the internet to download it."
                ) from exc
            _MODELS[source] = (instance, threading.Lock())
        instance, lock = _MODELS[source]
    return instance, lock, label


def rebuild_words(pieces: Sequence[RawWord]) -> list[RawWord]:
    """Join Whisper word pieces into spoken words.

    A piece without a leading space continues the previous word; so do figure tails that Whisper
    sometimes emits as separate words (``"5"`` + ``",000"``, ``"85"`` + ``"%"``), and a lone
    currency sign is glued to the number after it.
    """
    out: list[list[Any]] = []
    glue_next = False
    for text, start, end in pieces:
        stripped = text.strip()
        if not stripped:
            continue
        continues = bool(out) and (
            (not text[:1].isspace() and not _cjk_break(out[-1][0], stripped))
            or glue_next
            or (re.match(r"^[,.]\d", stripped) is not None and out[-1][0][-1:].isdigit())
            or (stripped in {"%", "'s"} and out[-1][0][-1:].isdigit())
        )
        if continues:
            out[-1][0] += stripped
            out[-1][2] = max(out[-1][2], end)
        else:
            out.append([stripped, start, end])
        glue_next = stripped in {"$", "€", "£", "¥"}
    return [(t, float(s), float(e)) for t, s, e in out]


def _cjk_break(before: str, piece: str) -> bool:
    """Chinese pieces come without spaces: keep them apart (regrouped into words later), except
    punctuation, which stays with the piece before it."""
    return bool(
        _CJK_PIECE.match(piece[:1]) or (_CJK_PIECE.match(before[-1:]) and piece[:1].isalnum())
    )


def _whisper_chunk(
    audio: np.ndarray, *, model: Any, lock: threading.Lock, language: str | None, prompt: str
) -> list[RawWord]:
    with lock:
        segments, _info = model.transcribe(
            audio,
            language=language,
            beam_size=5,
            # One fallback at most: faster-whisper's default retries at six temperatures when a
            # chunk decodes with low confidence (espeak voices often do), which cost up to 8 s
            # on a 28 s chunk here; 0.0 then 0.5 kept the same WER and bounds the worst case.
            temperature=(0.0, 0.5),
            word_timestamps=True,
            condition_on_previous_text=False,
            initial_prompt=prompt,
            vad_filter=False,
        )
        pieces = [(w.word, w.start, w.end) for seg in segments for w in (seg.words or ())]
    return rebuild_words(pieces)


# --- Sphinx and Google (SpeechRecognition) -------------------------------------------------------


_SPHINX: list[tuple[Any, threading.Lock]] = []


def _sphinx_decoder() -> tuple[Any, threading.Lock]:
    """One pocketsphinx decoder per process, configured as ``recognize_sphinx`` configures it.

    ``Recognizer.recognize_sphinx`` reloads the ≈ 1 s language model on every call, which the
    live app (one call per utterance) cannot afford; the models and settings are the same.
    """
    with _MODELS_LOCK:
        if not _SPHINX:
            import pocketsphinx
            import speech_recognition as sr

            data = Path(sr.__file__).resolve().parent / "pocketsphinx-data" / "en-US"
            if not data.is_dir():
                raise TranscriptionError(
                    f"Sphinx's English model is missing ({data}); reinstall SpeechRecognition."
                )
            decoder = pocketsphinx.Decoder(
                hmm=str(data / "acoustic-model"),
                lm=str(data / "language-model.lm.bin"),
                dict=str(data / "pronounciation-dictionary.dict"),
                logfn=os.devnull,
            )
            _SPHINX.append((decoder, threading.Lock()))
        return _SPHINX[0]


def _sphinx_chunk(audio: np.ndarray) -> list[RawWord]:
    decoder, lock = _sphinx_decoder()
    words: list[RawWord] = []
    with lock:
        decoder.start_utt()
        decoder.process_raw(to_int16_bytes(audio), False, True)
        decoder.end_utt()
        for seg in decoder.seg():
            token = re.sub(r"\(\d+\)$", "", seg.word)
            if _SPHINX_SKIP.match(token):
                continue
            words.append((token, seg.start_frame / 100.0, (seg.end_frame + 1) / 100.0))
    return words


def _google_chunk(audio: np.ndarray, language: str | None) -> list[RawWord]:
    import speech_recognition as sr

    data = sr.AudioData(to_int16_bytes(audio), RATE, 2)
    try:
        text = sr.Recognizer().recognize_google(data, language=language or "en-US")
    except sr.UnknownValueError:
        return []
    except sr.RequestError as exc:
        raise TranscriptionError(
            f"Google speech recognition is unreachable ({exc}); use --engine whisper or sphinx offline."
        ) from None
    tokens = str(text).split()
    if not tokens:
        return []
    # No word times from this engine: spread words over the chunk by their length.
    span = len(audio) / RATE
    weights = np.array([len(t) + 1 for t in tokens], dtype=float)
    edges = np.concatenate(([0.0], np.cumsum(weights))) / weights.sum() * span
    return [(t, float(a), float(b)) for t, a, b in zip(tokens, edges[:-1], edges[1:], strict=True)]


# --- Chunking and assembly ----------------------------------------------------------------------


def chunk_segments(
    segments: Sequence[tuple[float, float]], *, max_chunk_s: float = MAX_CHUNK_S
) -> list[tuple[float, float]]:
    """Group consecutive utterances into chunks no longer than ``max_chunk_s`` (s).

    An utterance longer than ``max_chunk_s`` on its own is cut into equal pieces.
    """
    chunks: list[tuple[float, float]] = []
    for start, end in segments:
        if chunks and end - chunks[-1][0] <= max_chunk_s:
            chunks[-1] = (chunks[-1][0], end)
            continue
        n = max(1, int(np.ceil((end - start) / max_chunk_s)))
        step = (end - start) / n
        chunks.extend((start + i * step, start + (i + 1) * step) for i in range(n))
    return chunks


def _uncovered(
    segments: Sequence[tuple[float, float]],
    words: Sequence[RawWord],
    *,
    min_speech_s: float = 0.6,
) -> list[tuple[float, float]]:
    """Runs of consecutive utterances (≥ ``min_speech_s`` long) that no word falls in."""
    mids = np.array([(s + e) / 2 for _, s, e in words]) if words else np.zeros(0)
    runs: list[tuple[float, float]] = []
    previous_missed = False
    for start, end in segments:
        missed = end - start >= min_speech_s and not (
            ((mids >= start - 0.2) & (mids <= end + 0.2)).any()
        )
        if missed and previous_missed:
            runs[-1] = (runs[-1][0], end)
        elif missed:
            runs.append((start, end))
        previous_missed = missed
    return runs


def _place(
    raw: Sequence[RawWord], segments: Sequence[tuple[float, float]]
) -> list[tuple[str, float, float, int]]:
    """Give each word the utterance nearest its middle and clamp its times into it."""
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
    # Keep times monotonic after clamping.
    for i in range(1, len(placed)):
        t, s, e, k = placed[i]
        if s < placed[i - 1][1]:
            s = placed[i - 1][1]
            placed[i] = (t, s, max(e, s), k)
    return placed


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
        ``"whisper"``, ``"sphinx"`` or ``"google"``; ``None`` picks :func:`default_engine`.
    model
        Whisper model: ``"base"``, ``"tiny.en"``, a folder, or a name to download.
    offset_s
        Added to every time (s), for utterances cut from a longer recording.
    language
        Spoken language code (``None`` lets Whisper detect it).
    first_utterance
        Number given to the first VAD utterance (``Word.utterance``).
    progress
        ``(done_fraction, message)`` callback.

    Returns
    -------
    Transcript
        Words with times and utterance numbers, VAD pauses ≥ 0.3 s, duration, engine label,
        punctuation flag and pitch spread per speaking window. No speech gives no words.
    """
    engine = engine or default_engine()
    if engine not in ENGINES:
        raise TranscriptionError(
            f"Unknown speech engine {engine!r}; choose whisper, sphinx or google."
        )
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    duration_s = len(samples) / RATE
    report = progress or (lambda _f, _m: None)
    segments = speech_segments(samples)
    if not segments:  # silence is a valid result: no words, nothing to load
        return Transcript(
            words=(),
            duration_s=round(duration_s, 3),
            engine=engine_label(engine, model),
            language=language or "auto",
            punctuated=engine != "sphinx",
        )
    label = engine
    run: Callable[[np.ndarray, str], list[RawWord]]
    if engine == "whisper":
        whisper, lock, name = whisper_model(model, progress=progress)
        label = f"whisper:{name}"
        whisper_language = "en" if name.endswith(".en") else language

        def run(audio: np.ndarray, prompt: str) -> list[RawWord]:
            return _whisper_chunk(
                audio, model=whisper, lock=lock, language=whisper_language, prompt=prompt
            )

    elif engine == "sphinx":
        if not (_has("speech_recognition") and _has("pocketsphinx")):
            raise TranscriptionError(
                "The sphinx engine needs SpeechRecognition and pocketsphinx installed."
            )

        def run(audio: np.ndarray, prompt: str) -> list[RawWord]:
            return _sphinx_chunk(audio)

    else:

        def run(audio: np.ndarray, prompt: str) -> list[RawWord]:
            return _google_chunk(audio, language)

    raw: list[RawWord] = []
    chunks = chunk_segments(segments)
    total_s = sum(b - a for a, b in chunks) or 1.0
    done_s = 0.0
    ends = [0.0] + [b for _, b in chunks]
    starts = [a for a, _ in chunks] + [len(samples) / RATE]
    tail_zeros = np.zeros(int(TAIL_S * RATE), dtype=np.float32)
    for i, (a, b) in enumerate(chunks):
        # Pad with real audio, but never into the neighbouring chunks (their words would repeat).
        lo = max(0, int(max(a - PAD_S, ends[i]) * RATE))
        hi = min(len(samples), int(min(b + PAD_S, starts[i + 1]) * RATE))
        tail = " ".join(w for w, _, _ in raw[-30:])
        prompt = f"{FILLER_PROMPT} {tail}".strip()
        if language == "zh":
            prompt = ZH_PROMPT + "".join(w for w, _, _ in raw[-30:])
        report(done_s / total_s, "transcribing")
        got = [
            (text, s + lo / RATE, e + lo / RATE)
            for text, s, e in run(np.concatenate([samples[lo:hi], tail_zeros]), prompt)
        ]
        # Whisper sometimes stops early and skips the last sentences of a window: hear the
        # utterances that got no words again, on their own.
        inside = [seg for seg in segments if a <= seg[0] and seg[1] <= b]
        for ra, rb in _uncovered(inside, got):
            rlo = max(0, int(max(ra - PAD_S, a - PAD_S) * RATE))
            rhi = min(len(samples), int(min(rb + PAD_S, b + PAD_S) * RATE))
            again = run(np.concatenate([samples[rlo:rhi], tail_zeros]), prompt)
            got.extend((text, s + rlo / RATE, e + rlo / RATE) for text, s, e in again)
        got.sort(key=lambda w: w[1])
        raw.extend(got)
        done_s += b - a
    report(1.0, "transcribing")
    placed = _place(raw, segments) if segments else []
    words = tuple(
        Word(text, round(s + offset_s, 3), round(e + offset_s, 3), k + first_utterance)
        for text, s, e, k in placed
    )
    pauses = tuple(
        Pause(round(start + offset_s, 3), dur)
        for start, dur in pauses_between(segments, min_pause_s=MIN_PAUSE_S)
    )
    spread = tuple((round(t + offset_s, 3), v) for t, v in pitch_spread_windows(samples, segments))
    return Transcript(
        words=words,
        pauses=pauses,
        duration_s=round(duration_s, 3),
        engine=label,
        language=language or "auto",
        punctuated=engine != "sphinx",
        pitch_spread=spread,
    )


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
        The file cannot be decoded (one sentence saying why).
    TranscriptionError
        The engine or its model is missing or failed.
    """
    engine = engine or default_engine()
    if engine not in ENGINES:
        raise TranscriptionError(
            f"Unknown speech engine {engine!r}; choose whisper, sphinx or google."
        )

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
