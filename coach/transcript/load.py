"""Any input path to a :class:`~coach.types.Transcript`: a script is read, a recording transcribed.

The CLI, the app and the profile builder all load their inputs through here.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from coach.errors import AudioInputError, InputError
from coach.types import Transcript

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# Byte-order marks: the ones read, then the ones only named (UTF-32 before UTF-16: FF FE 00 00).
_READ_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
              (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_NAMED_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"))
QUIET_DBFS = -45.0
"""A recording whose loudest 30 ms stays below this level (dB re full scale) is called too quiet."""
SILENT_DBFS = -100.0


# Encodings a script is likely saved in, and how to name them (one-byte Western ones look alike).
_WESTERN = "a one-byte European encoding such as Windows-1252, Windows-1250 or Latin-1"
_ENCODINGS = {
    "cp1252": _WESTERN, "latin_1": _WESTERN, "iso8859_15": _WESTERN, "mac_roman": _WESTERN,
    "cp1250": _WESTERN, "cp1251": "Windows-1251 (Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)", "gb18030": "GBK/GB18030 (Chinese)", "big5": "Big5 (Chinese)",
    "shift_jis": "Shift-JIS (Japanese)", "euc_jp": "EUC-JP (Japanese)", "euc_kr": "EUC-KR (Korean)",
}  # fmt: skip


def _encoding_name(data: bytes) -> str:
    """A guess at a non-UTF-8 file's encoding, for the refusal message."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=list(_ENCODINGS)).best()
    if best is None:
        return "an encoding Coach does not know"
    return _ENCODINGS.get(best.encoding, best.encoding)


def _decode_script(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused by name."""
    for bom, name in _NAMED_BOMS:
        if data.startswith(bom):
            raise InputError(f"{path} is {name} text, which Coach does not read; save it as UTF-8.")
    codec = next((c for bom, c in _READ_BOMS if data.startswith(bom)), None)
    if codec is None and b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file, not text; give a .txt or .md script.")
    try:
        return data.decode(codec or "utf-8-sig")
    except UnicodeDecodeError as exc:
        if codec == "utf-16":
            raise InputError(f"{path} starts as UTF-16 text but is damaged at byte "
                             f"{exc.start}; save it again as UTF-8.") from None  # fmt: skip
        raise InputError(
            f"{path} is not UTF-8 text (bad byte at position {exc.start}; it looks like "
            f"{_encoding_name(data)}); save it as UTF-8."
        ) from None


def read_text_file(path: Path) -> str:
    """Read a script, refusing missing, empty and binary files.

    UTF-8, UTF-8 with a byte-order mark and UTF-16 with a byte-order mark are read; other
    encodings are refused with their (guessed) name.
    """
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
    text = _decode_script(path, data)
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
        peak = _loudest_dbfs(path)
        # Digital silence (a muted input) is "no speech"; a faint signal is "too quiet".
        if peak is not None and SILENT_DBFS < peak < QUIET_DBFS:
            raise AudioInputError(
                f"{path.name} is too quiet to hear speech (its loudest moment is {peak:.0f} dBFS); "
                "record closer to the microphone or turn the input level up."
            )
        raise AudioInputError(
            f"No speech found in {path.name} ({transcript.duration_s or 0:.1f} s of audio)."
        )
    return transcript


def _loudest_dbfs(path: Path) -> float | None:
    """The level of the loudest 30 ms of a recording (dB re full scale), read again."""
    import numpy as np

    from coach.transcript.decode import load_audio
    from coach.transcript.level import frame_rms

    try:
        samples, _ = load_audio(path)
    except AudioInputError:
        return None
    rms = frame_rms(samples, 480)
    if rms.size == 0:
        return None
    return float(20 * np.log10(max(float(rms.max()), 1e-10)))


def _detect_file_language(path: Path, *, engine: str | None, model: str | None) -> str:
    """``"zh"`` or ``"en"`` for a recording (see :func:`coach.transcript.language.detect_audio_language`)."""
    from coach.transcript.decode import load_audio
    from coach.transcript.language import detect_audio_language
    from coach.transcript.transcribe import default_engine

    if (engine or default_engine()) != "whisper":
        return "en"
    samples, _ = load_audio(path)
    return detect_audio_language(samples, engine=engine, model=model)
