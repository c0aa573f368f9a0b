"""The talks a batch scores: files and folders (searched recursively) to a sorted list of inputs."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.errors import InputError
from coach.transcript.load import TEXT_SUFFIXES

AUDIO_SUFFIXES = frozenset(
    {".wav", ".flac", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".aiff", ".aif",
     ".wma", ".webm", ".mp4", ".mkv", ".mov"}
)  # fmt: skip
"""Recordings picked up inside a folder (FFmpeg reads more; name such a file directly)."""
SCRIPT_SUFFIXES = frozenset(TEXT_SUFFIXES)
TalkFrom = Literal["file", "folder"]


@dataclass(frozen=True)
class TalkFile:
    """One input of a batch: where it is and how it is named in the class table.

    ``name`` is the path relative to the folder it was found in (or the file name when the file
    was given directly); ``root`` is that folder.
    """

    path: Path
    name: str
    root: Path

    @property
    def is_script(self) -> bool:
        """True for a typed script (read, not transcribed)."""
        return self.path.suffix.lower() in SCRIPT_SUFFIXES

    def talk(self, talk_from: TalkFrom = "file") -> str:
        """The talk this file is an attempt at: its file name without suffix, or its folder's name."""
        if talk_from == "folder":
            return self.path.parent.name or self.path.stem
        return self.path.stem


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):  # symlinked folders are not followed
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in sorted(filenames):
            suffix = Path(name).suffix.lower()
            if not _hidden(name) and (suffix in AUDIO_SUFFIXES or suffix in SCRIPT_SUFFIXES):
                yield Path(dirpath) / name


def find_talks(paths: Sequence[str | Path]) -> list[TalkFile]:
    """The recordings and scripts in ``paths``, each once, in a stable order.

    A folder is searched recursively for audio and ``.txt``/``.md`` files (hidden files and
    folders are skipped); a file named directly is always taken, whatever its suffix, so a bad
    file shows up as a failed row rather than silently missing.

    Raises
    ------
    InputError
        A path does not exist, or nothing Coach can read was found.
    """
    out: list[TalkFile] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise InputError(f"{path}: no such file or folder.")
        if path.is_dir():
            found = [(p, p.relative_to(path).as_posix()) for p in _walk(path)]
            root = path
        else:
            found = [(path, path.name)]
            root = path.parent
        for p, name in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(TalkFile(path=p, name=name, root=root))
    if not out:
        shown = ", ".join(str(p) for p in paths) or "(nothing given)"
        raise InputError(
            f"No recordings or scripts found in {shown}; Coach reads audio files "
            "(.wav, .mp3, .m4a, …) and .txt/.md scripts."
        )
    return out


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes (hex); it names a talk in the results cache."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
