"""The audio files of the session store: staged copies, orphans, stale parts, durations.

A recording is copied to ``audio/.incoming-*.part``, flushed to disk and renamed to
``audio/incoming-*`` before the transaction that names it ``audio/<id>.<ext>``; see
:mod:`coach.store.sessions` for the whole save.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from coach.errors import StoreError

STALE_PART_S = 3600.0
"""Partial copies older than this (seconds) are left by a killed save and removed on open."""

# Fault injection for the crash tests: called with the name of each step of a save.
PHASE_HOOK: Callable[[str], None] | None = None


def phase(name: str) -> None:
    if PHASE_HOOK is not None:
        PHASE_HOOK(name)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stage_audio(audio_dir: Path, audio: Path) -> Path:
    """Copy ``audio`` into ``audio_dir`` under a temporary name, flushed to disk."""
    source = Path(audio)
    if not source.is_file():
        raise StoreError(f"Audio file {source} does not exist, so the session was not saved.")
    token = uuid.uuid4().hex[:12]
    ext = source.suffix.lower() or ".audio"
    part = audio_dir / f".incoming-{token}{ext}.part"
    done = audio_dir / f"incoming-{token}{ext}"
    try:
        phase("copy")
        with open(source, "rb") as src, open(part, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        phase("copied")
        os.replace(part, done)
        fsync_dir(audio_dir)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise StoreError(f"Could not copy {source} into {audio_dir}: {exc.strerror}.") from None
    phase("staged")
    return done


def set_aside_orphan(audio_dir: Path, name: str) -> None:
    """An ``<id>.*`` file left by a save killed before commit must not be overwritten."""
    stem = name.split(".")[0]
    for old in audio_dir.glob(f"{stem}.*"):
        old.rename(audio_dir / f"recovered-{uuid.uuid4().hex[:8]}-{old.name}")


def orphan_kind(path: Path) -> str:
    """What an audio file no session owns is, from its name (see :meth:`recovered_audio`).

    ``"interrupted"``: a complete copy whose save was stopped before it was recorded;
    ``"moved"``: set aside so a new session with the same number could be saved;
    ``"unlisted"``: ``<id>.<ext>`` of a session the current database does not have (the
    database was set aside or replaced); ``"other"``: a file Coach did not put there.
    """
    name = path.name
    if name.startswith("incoming-"):
        return "interrupted"
    if name.startswith("recovered-"):
        return "moved"
    if name.split(".")[0].isdigit():
        return "unlisted"
    return "other"


def partial_copies(audio_dir: Path) -> list[tuple[Path, int]]:
    """Unfinished copies (``.incoming-*.part``) in ``audio_dir`` with their size in bytes.

    Left by a save killed while copying (or written by a save running right now); removed when
    a store is opened :data:`STALE_PART_S` after they were last written.
    """
    found = []
    for part in sorted(audio_dir.glob(".incoming-*.part")):
        try:
            found.append((part, part.stat().st_size))
        except OSError:
            continue
    return found


def clean_stale_parts(audio_dir: Path) -> None:
    """Remove partial copies (the user still has the original) older than an hour."""
    cutoff = datetime.now(timezone.utc).timestamp() - STALE_PART_S
    for part in audio_dir.glob(".incoming-*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            continue


def audio_duration_s(path: Path) -> float | None:
    """The length of an audio file from its header, when soundfile can read it."""
    try:
        import soundfile

        return float(soundfile.info(str(path)).duration)
    except Exception:
        return None
