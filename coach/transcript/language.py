"""Which language a talk is in: a setting, or found from the audio (Whisper) or the script.

``--language auto`` (the default) asks Whisper's language identification which of the languages
Coach analyses (:data:`coach.cjk.LANGUAGES`) the first 30 s of speech is in, before transcribing,
so the right prompt and the right profile are used from the first word. Whisper's own detection
inside ``transcribe`` would run per chunk, with the English prompt already set, and can pick any
of its 99 languages. Typed text is judged by its script (:func:`coach.cjk.script_language`).
Sphinx has no detection: it transcribes English.
"""

from __future__ import annotations

import numpy as np

from coach.cjk import LANGUAGES
from coach.errors import InputError

CHOICES = ("auto", *LANGUAGES)


def check_choice(language: str | None) -> str:
    """The setting normalised (``None`` → ``"auto"``); an unknown value raises :class:`InputError`."""
    value = (language or "auto").strip().lower()
    aliases = {"cmn": "zh", "zh-cn": "zh", "zh_cn": "zh", "chinese": "zh", "mandarin": "zh",
               "english": "en", "en-us": "en", "en_us": "en", "en-gb": "en"}  # fmt: skip
    value = aliases.get(value, value)
    if value not in CHOICES:
        raise InputError(f"Unknown language {language!r}; choose {', '.join(CHOICES[1:])} or auto.")
    return value


def detect_audio_language(
    samples: np.ndarray, *, engine: str | None = None, model: str | None = None
) -> str:
    """``"zh"`` or ``"en"`` for 16 kHz mono speech, by Whisper's language identification.

    Only Coach's languages compete: the more probable of them wins. English-only models
    (``tiny.en``) and engines without detection answer ``"en"``.
    """
    from coach.transcript.transcribe import default_engine, whisper_model
    from coach.transcript.vad import speech_segments

    if (engine or default_engine()) != "whisper":
        return "en"
    whisper, lock, name = whisper_model(model)
    if name.endswith(".en"):
        return "en"
    audio = np.asarray(samples, dtype=np.float32).reshape(-1)
    segments = speech_segments(audio)
    if segments:  # listen to speech, not to the silence before it
        start = int(max(0.0, segments[0][0] - 0.2) * 16000)
        audio = audio[start : start + 30 * 16000]
    if len(audio) < 16000 // 2:
        return "en"
    with lock:
        _, _, probabilities = whisper.detect_language(audio)
    scores = dict(probabilities or [])
    return max(LANGUAGES, key=lambda code: scores.get(code, 0.0))
