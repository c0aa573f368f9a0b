"""Scripts kept with their talk: one Markdown file per talk in ``<data folder>/scripts``.

A talk is the name that groups rehearsals in the session store; its script is what the speaker
plans to say. Files are plain UTF-8 so the user can open and edit them in any editor.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from coach.errors import InputError
from coach.paths import data_dir


def scripts_dir() -> Path:
    """Folder of the talks' scripts (created on first use)."""
    path = data_dir() / "scripts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def script_path(talk: str) -> Path:
    """The file holding the script of ``talk``: a readable slug plus a short hash of the name.

    The hash keeps two talks whose names differ only in punctuation or case apart.
    """
    name = talk.strip()
    if not name:
        raise InputError("Give the talk a name before saving its script.")
    slug = re.sub(r"[^\w]+", "-", name.lower(), flags=re.UNICODE).strip("-")[:60] or "talk"
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return scripts_dir() / f"{slug}-{digest}.md"


def save_script(talk: str, text: str) -> Path:
    """Write the script of ``talk`` (atomically) and return its file."""
    path = script_path(talk)
    tmp = path.with_name(path.name + ".tmp")
    header = f"<!-- coach talk: {talk.strip()} -->\n"
    tmp.write_text(header + text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def load_script(talk: str) -> str | None:
    """The saved script of ``talk``, or ``None`` when it has none."""
    try:
        path = script_path(talk)
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, InputError):
        return None
    first, _, rest = raw.partition("\n")
    return rest if first.startswith("<!-- coach talk:") else raw


def scripted_talks() -> list[str]:
    """Names of the talks with a saved script, most recently saved first."""
    found = []
    for path in sorted(scripts_dir().glob("*.md"), key=lambda p: -p.stat().st_mtime):
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
        m = re.match(r"<!-- coach talk: (.*) -->$", first.rstrip("\n"))
        if m:
            found.append(m.group(1))
    return found
