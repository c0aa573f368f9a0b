"""The results cache: talks already scored with the same settings are not scored again.

One small JSON-lines file (default ``data_dir()/batch-results.jsonl``, beside the sessions it resumes). Each line is one finished
talk: its key (SHA-256 of the file's bytes and of the settings), its class-table numbers, and what
was done with it (the PDF written, the session saved). The full review is not kept, so the file
stays small (≈ 0.5 KB a talk). Lines are appended and flushed one at a time, so an interrupted run
leaves every finished talk on record; a torn last line is ignored. Failed talks are not recorded:
they are tried again next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from coach import __version__
from coach.batch.work import BatchJob

MAX_ENTRIES = 20_000
"""Older entries beyond this are dropped when the file is rewritten."""


def settings_key(job: BatchJob) -> str:
    """A fingerprint of everything that changes a talk's result: profile, engine, model, version."""
    profile = asdict(job.profile)
    profile.pop("path", None)
    data = {
        "coach": __version__,
        "profile": profile,
        "engine": job.engine,
        "model": job.model,
        "language": job.language,
    }
    blob = json.dumps(data, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def talk_key(content_sha256: str, settings: str) -> str:
    """The cache key of one file's content scored with one set of settings."""
    return f"{content_sha256}:{settings}"


class ResultsCache:
    """Finished talks by key; ``None`` as path keeps everything in memory (``--fresh`` runs)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        if path is not None and path.exists():
            self._read(path)

    def _read(self, path: Path) -> None:
        lines = 0
        with contextlib.suppress(OSError), path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                lines += 1
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a line torn by a kill mid-write
                if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                    self.entries[entry["key"]] = entry
        if lines > 2 * max(len(self.entries), 1000) or len(self.entries) > MAX_ENTRIES:
            self._rewrite()

    def _rewrite(self) -> None:
        assert self.path is not None
        keep = list(self.entries.values())[-MAX_ENTRIES:]
        self.entries = {e["key"]: e for e in keep}
        tmp = self.path.with_suffix(".tmp")
        with contextlib.suppress(OSError):
            with tmp.open("w", encoding="utf-8") as f:
                for entry in keep:
                    f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            os.replace(tmp, self.path)

    def get(self, key: str) -> dict[str, Any] | None:
        """The finished entry for ``key`` (``row`` and ``outputs``), if any."""
        return self.entries.get(key)

    def put(self, key: str, row: dict[str, Any], outputs: dict[str, Any]) -> None:
        """Record a finished talk (appended to the file at once)."""
        entry = {"key": key, "row": row, "outputs": outputs}
        self.entries[key] = entry
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
                f.flush()
        except OSError:
            pass  # the cache only saves time; a read-only cache folder must not fail the batch
