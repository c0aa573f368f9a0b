"""Decks kept with their talk, like its script: a copy in ``<data folder>/decks``.

The copy is named by the file's SHA-1 (``<digest>.pdf``), so a deck edited later is a new file
and the sessions rehearsed with the old one still find theirs. ``talks.json`` in the same folder
maps a talk's name to its current deck copy and the name the user knows it by.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from coach.paths import data_dir
from coach.slides.deck import Deck, SlideError, load_deck


def decks_dir() -> Path:
    """Folder of the kept decks (created on first use)."""
    path = data_dir() / "decks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def keep_deck(deck: Deck) -> Path:
    """Copy ``deck``'s file into :func:`decks_dir` (once per content) and return the copy."""
    target = decks_dir() / f"{deck.digest[:20]}{deck.path.suffix.lower()}"
    if target.exists() or deck.path == target:
        return target
    part = target.with_name(f".{target.name}.part")
    try:
        shutil.copyfile(deck.path, part)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SlideError(f"Could not keep a copy of {deck.name} ({exc.strerror}).") from None
    return target


def _index_path() -> Path:
    return decks_dir() / "talks.json"


def _index() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_index_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, OSError):
        return {}  # a damaged index only forgets which deck goes with which talk
    return data if isinstance(data, dict) else {}


def set_talk_deck(talk: str, deck: Deck) -> Path:
    """Keep ``deck`` as the deck of ``talk`` and return the kept copy."""
    kept = keep_deck(deck)
    name = talk.strip()
    if not name:
        return kept
    index = _index()
    index[name] = {"file": kept.name, "name": deck.name}
    part = _index_path().with_name(".talks.json.part")
    part.write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(part, _index_path())
    return kept


def talk_deck(talk: str) -> tuple[Path, str] | None:
    """The kept deck of ``talk`` and the file name the user knows it by, or ``None``."""
    entry = _index().get(talk.strip())
    if not entry:
        return None
    path = decks_dir() / str(entry.get("file", ""))
    return (path, str(entry.get("name", path.name))) if path.is_file() else None


def open_kept(path: Path, name: str) -> Deck:
    """Load a kept copy, showing the user's own file name for it."""
    deck = load_deck(path)
    notices = tuple(n.replace(path.name, name) for n in deck.notices)
    return Deck(deck.path, deck.kind, deck.slides, deck.digest, deck.aspect, notices, name)
