"""Any input path to a :class:`~coach.types.Transcript`: a script is read, a recording transcribed.

The CLI, the app and the profile builder all load their inputs through here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coach.errors import AudioInputError, InputError
from coach.types import Transcript

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def read_text_file(path: Path) -> str:
    """Read a script as UTF-8 text, refusing missing, empty, binary and non-UTF-8 files."""
    if not path.exists():
        raise InputError(f"File not found: {path}.")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a text or audio file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from None
    if not data.strip():
        raise InputError(f"{path} is empty: there is nothing to analyse.")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file, not text; give a .txt or .md script.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8."
        ) from None
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{path} has no words in it: there is nothing to analyse.")
    return text


def load_transcript(
    path: Path,
    *,
    engine: str | None = None,
    model: str | None = None,
    progress: Callable[[float, str], None] | None = None,
    language: str | None = "auto",
) -> Transcript:
    """A transcript from a script (``.txt``/``.md``) or a recording (any other file).

    ``language`` is ``"en"``, ``"zh"`` or ``"auto"`` (the script of typed text, Whisper's language
    identification for audio: :mod:`coach.transcript.language`); the transcript carries it.
    """
    from coach.transcript.language import check_choice

    language = check_choice(language)
    if path.suffix.lower() in TEXT_SUFFIXES:
        from coach.text import transcript_from_text

        return transcript_from_text(read_text_file(path), language=language)
    if not path.exists():
        raise InputError(f"File not found: {path}.")
    from coach.transcript.transcribe import transcribe_file

    if language == "auto":
        language = _detect_file_language(path, engine=engine, model=model)
    transcript = transcribe_file(
        path, engine=engine, model=model, progress=progress, language=language
    )
    if language == "zh":
        from coach.zh_text import regroup_timed

        transcript = regroup_timed(transcript)
    if not transcript.words:
        raise AudioInputError(
            f"No speech found in {path.name} ({transcript.duration_s or 0:.1f} s of audio)."
        )
    return transcript


def _detect_file_language(path: Path, *, engine: str | None, model: str | None) -> str:
    """``"zh"`` or ``"en"`` for a recording (see :func:`coach.transcript.language.detect_audio_language`)."""
    from coach.transcript.decode import load_audio
    from coach.transcript.language import detect_audio_language
    from coach.transcript.transcribe import default_engine

    if (engine or default_engine()) != "whisper":
        return "en"
    samples, _ = load_audio(path)
    return detect_audio_language(samples, engine=engine, model=model)
