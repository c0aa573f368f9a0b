"""The speech engines: one chunk of audio in, timed words out.

``whisper``
    faster-whisper, offline, int8 on CPU, word timestamps, one model instance per process. Decoding
    is deterministic (temperature 0, no random fallback) and the words come from an unprompted
    pass: a prompt that shows fillers makes Whisper invent stock phrases ("Thank you very much.")
    after real speech. The filler look (:mod:`coach.transcript.fillers`) decodes an English
    chunk again with such a prompt and takes only fillers from it, reusing the encoder output
    (:class:`SharedEncoder`); the two passes run side by side (:func:`whisper_passes`).
    Segments Whisper itself marks as unreliable are dropped (see :func:`reliable`).
``sphinx``
    pocketsphinx with SpeechRecognition's English model; always available, less accurate.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import TranscriptionError
from coach.transcript.decode import RATE, to_int16_bytes

ProgressFn = Callable[[float, str], None]
RawWord = tuple[str, float, float]

BEAM_SIZE = 5
"""Beam search, the default: kept for tiny.en (greedy: human WER 2.8 -> 5.6 %, a figure lost),
Mandarin (greedy: human CER 6.6 -> 9.8 %) and models not measured."""
GREEDY_MODELS = ("base",)
"""Whisper models decoded greedily on English: on the human reading of bench/transcribe.py beam 5
gave base the same pooled WER (2.2 %), one more inserted word and a fresh RTF of 0.120 vs 0.081."""


FILLER_BEAM = 2
"""Beam of the filler look (:mod:`coach.transcript.fillers`): prompted with fillers, greedy
decoding heard 4 of the 10 fillers of the two synthetic filler rehearsals, beams of 2, 3 and 5
all 10 (none on the human clips); 2 costs least."""


def beam_for(model: str, language: str | None) -> int:
    """The beam size for ``model`` on ``language``: 1 (greedy) only where it was measured to lose
    nothing, :data:`BEAM_SIZE` elsewhere."""
    return 1 if language == "en" and model in GREEDY_MODELS else BEAM_SIZE


COMPRESSION_RATIO_MAX = 2.4
"""A segment whose text gzip-compresses better than this is a repetition loop (Whisper's own test)."""
NO_SPEECH_PROB_MAX = 0.6
REPETITION_PENALTY = 1.1
"""Used only to decode a chunk again when Whisper looped on it (12 s of speech with no pause made
Whisper base repeat one phrase for 5 s and lose the chunk); always on, it raised the human WER
from 3 % to 12 %."""
LOGPROB_MIN = -1.0
"""Whisper's no-speech test: a segment is dropped when its no-speech probability is above
:data:`NO_SPEECH_PROB_MAX` and its average token log-probability below :data:`LOGPROB_MIN`."""
WORKERS = 2
"""Decodes one Whisper model runs at once (CTranslate2 workers; the weights are shared: a class
mode worker's peak memory went from 440 to 480 MB). A chunk's plain pass and filler look run
side by side: a decoding step is too small to use a second core, so on 2 cores the pair took
3.1 s instead of 4.4 s for 47 s of human reading (base; tiny.en 2.6 s instead of 4.1 s), with
the same words."""

_MODELS: dict[str, tuple[Any, threading.Lock]] = {}
_MODELS_LOCK = threading.Lock()
_RESOLVED: dict[str, tuple[str, str]] = {}  # model setting -> (label, source), once per process
_SPHINX: list[tuple[Any, threading.Lock]] = []
_SPHINX_SKIP = re.compile(r"^(<s>|</s>|<sil>|\[\w+\]|\+\+\w+\+\+)$", re.I)


def has_module(module: str) -> bool:
    """True when ``module`` can be imported (without importing it)."""
    return importlib.util.find_spec(module) is not None


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

    if not has_module("faster_whisper"):
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

            # COACH_CPU_THREADS: a batch worker process gets its share of the cores
            threads = int(os.environ.get("COACH_CPU_THREADS") or 0) or max(
                1, min(4, os.cpu_count() or 1)
            )
            try:
                instance = WhisperModel(
                    source,
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=threads,
                    num_workers=WORKERS,
                )
            except Exception as exc:  # damaged files: one sentence for the user
                raise TranscriptionError(
                    f"Whisper model {label!r} could not be loaded ({type(exc).__name__}); run "
                    f"`coach models` to check it, or use the bundled base or tiny.en."
                ) from exc
            instance.encode = SharedEncoder(instance.encode)
            _MODELS[source] = (instance, threading.Lock())
        instance, lock = _MODELS[source]
    return instance, lock, label


class SharedEncoder:
    """``WhisperModel.encode`` that keeps its last result: a chunk decoded twice (the plain pass,
    then the filler look of :mod:`coach.transcript.fillers`) runs the encoder, a third of a
    chunk's cost, once. The features are compared in full, so another window is encoded anew.
    Two passes running side by side ask at once: the second waits for the first's result."""

    def __init__(self, encode: Callable[[np.ndarray], Any]) -> None:
        self._encode = encode
        self._features: np.ndarray | None = None
        self._output: Any = None
        self._lock = threading.Lock()

    def __call__(self, features: np.ndarray) -> Any:
        with self._lock:
            last = self._features
            if last is not None and last.shape == features.shape and np.array_equal(last, features):
                return self._output
            self._output = self._encode(features)
            self._features = np.array(features, copy=True)
            return self._output


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


_CJK_PIECE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _cjk_break(before: str, piece: str) -> bool:
    """Chinese pieces come without spaces: keep them apart (regrouped into words later), except
    punctuation, which stays with the piece before it."""
    return bool(
        _CJK_PIECE.match(piece[:1]) or (_CJK_PIECE.match(before[-1:]) and piece[:1].isalnum())
    )


def reliable(segment: Any) -> bool:
    """Whisper's own tests on a decoded segment: not a repetition loop, not "no speech"."""
    if segment.compression_ratio > COMPRESSION_RATIO_MAX:
        return False
    return not (segment.no_speech_prob > NO_SPEECH_PROB_MAX and segment.avg_logprob < LOGPROB_MIN)


Pass = tuple[str | None, int]
"""One decoding pass of a chunk: (prompt or None, beam size)."""

_SIDE: list[ThreadPoolExecutor] = []


def _side_pool() -> ThreadPoolExecutor:
    with _MODELS_LOCK:
        if not _SIDE:
            _SIDE.append(ThreadPoolExecutor(WORKERS - 1, thread_name_prefix="coach-whisper-pass"))
        return _SIDE[0]


def whisper_passes(
    audio: np.ndarray,
    *,
    model: Any,
    lock: threading.Lock,
    language: str | None,
    passes: Sequence[Pass],
) -> list[list[RawWord]]:
    """Timed words of one chunk (≤ 30 s) for each pass, times in seconds from its first sample.

    The passes run side by side (:data:`WORKERS`), sharing the encoder output
    (:class:`SharedEncoder`); each gives the words it gives alone (see :func:`_decode`).
    """
    with lock:
        side: list[Future[list[RawWord]]] = [
            _side_pool().submit(_decode, audio, model, language, prompt, beam)
            for prompt, beam in passes[1:]
        ]
        try:
            first = [_decode(audio, model, language, *passes[0])] if passes else []
        finally:
            rest = [f.result() for f in side]  # never leave a pass running past the lock
    return first + rest


def _decode(
    audio: np.ndarray, model: Any, language: str | None, prompt: str | None, beam_size: int
) -> list[RawWord]:
    """Timed words of one pass over one chunk.

    One decoding pass at temperature 0: the same audio always gives the same words. When a
    segment loops (compression ratio above :data:`COMPRESSION_RATIO_MAX`) the chunk is decoded
    once more with :data:`REPETITION_PENALTY`, also deterministic. Segments that fail
    :func:`reliable` are dropped.
    """
    options: dict[str, Any] = {
        "language": language,
        "beam_size": beam_size,
        "temperature": 0.0,
        "word_timestamps": True,
        # Timestamp tokens stay on: without them Whisper base added 8 words to the human
        # reading and its WER rose from 3 % to 8 % (bench/transcribe.py).
        "without_timestamps": False,
        "condition_on_previous_text": False,
        "initial_prompt": prompt,
        "compression_ratio_threshold": COMPRESSION_RATIO_MAX,
        "log_prob_threshold": LOGPROB_MIN,
        "no_speech_threshold": NO_SPEECH_PROB_MAX,
        "vad_filter": False,
        # Room for 10 tokens a second (fast speech with punctuation and timestamps needs ~6):
        # a looping decode stops there instead of running to 448 tokens (5 s here).
        "max_new_tokens": int(10 * len(audio) / RATE) + 20,
    }
    segments = list(model.transcribe(audio, **options)[0])
    if any(seg.compression_ratio > COMPRESSION_RATIO_MAX for seg in segments):
        # A loop: decode once more, still deterministically, with repeats discouraged.
        options["repetition_penalty"] = REPETITION_PENALTY
        segments = list(model.transcribe(audio, **options)[0])
    pieces = [
        (w.word, w.start, w.end) for seg in segments if reliable(seg) for w in (seg.words or ())
    ]
    return rebuild_words(pieces)


def _sphinx_decoder() -> tuple[Any, threading.Lock]:
    """One pocketsphinx decoder per process, configured as ``recognize_sphinx`` configures it.

    ``Recognizer.recognize_sphinx`` reloads the ≈ 1 s language model on every call, which the
    live app (one call per chunk) cannot afford; the models and settings are the same.
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


def sphinx_chunk(audio: np.ndarray) -> list[RawWord]:
    """Timed words of one chunk from pocketsphinx (times from the chunk's first sample)."""
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
