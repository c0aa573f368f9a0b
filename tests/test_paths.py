"""coach/paths.py: data, settings, logs and cache in the user's folders, and the one-time move."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach import paths


@pytest.fixture()
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with XDG folders and no COACH_HOME/COACH_CACHE, as a user's desktop has."""
    for kind in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    monkeypatch.delenv("COACH_HOME")
    monkeypatch.delenv("COACH_CACHE")
    monkeypatch.setattr(paths, "_MIGRATED", set())
    return tmp_path


def test_each_kind_of_file_has_its_platform_folder(xdg: Path) -> None:
    """Data, settings, logs and cache land in the XDG data, config, state and cache folders."""
    assert paths.data_dir() == xdg / "data" / "coach"
    assert paths.config_dir() == xdg / "config" / "coach"
    assert paths.log_dir() == xdg / "state" / "coach" / "log"
    assert paths.cache_dir() == xdg / "cache" / "coach"
    assert all(p.is_dir() for p in (paths.data_dir(), paths.config_dir(), paths.log_dir()))


def test_old_settings_logs_and_cache_move_once(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files an older Coach kept in the data folder move to their new folders, once, intact."""
    old = xdg / "data" / "coach"
    (old / "logs").mkdir(parents=True)
    (old / "cache" / "whisper-base").mkdir(parents=True)
    (old / "settings.json").write_text('{"theme": "dark"}')
    (old / "window.json").write_text('{"w": 900}')
    (old / "logs" / "coach.log").write_text("an old warning\n")
    (old / "cache" / "whisper-base" / "model.bin").write_bytes(b"\x01" * 1000)
    (old / "sessions.db").write_bytes(b"SQLite format 3\x00")

    moved = paths.migrate_old_layout()

    config, logs, cache = (
        xdg / "config" / "coach",
        xdg / "state" / "coach" / "log",
        xdg / "cache" / "coach",
    )
    assert (config / "settings.json").read_text() == '{"theme": "dark"}'
    assert (config / "window.json").read_text() == '{"w": 900}'
    assert (logs / "coach.log").read_text() == "an old warning\n"
    assert (cache / "whisper-base" / "model.bin").read_bytes() == b"\x01" * 1000
    assert {new for _, new in moved} == {
        config / "settings.json",
        config / "window.json",
        logs / "coach.log",
        cache / "whisper-base",
    }
    assert sorted(p.name for p in old.iterdir()) == ["sessions.db"]  # data stays where it was

    # Once moved, a file of the same name appearing again is not moved over the new one.
    (old / "settings.json").write_text('{"theme": "light"}')
    monkeypatch.setattr(paths, "_MIGRATED", set())
    assert paths.migrate_old_layout() == []
    assert (config / "settings.json").read_text() == '{"theme": "dark"}'


def test_the_model_cache_is_shared_by_data_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two COACH_HOMEs use one cache; an old per-folder copy goes (the shared one is kept)."""
    shared = tmp_path / "shared-cache"
    monkeypatch.setenv("COACH_CACHE", str(shared))
    (shared / "whisper-base").mkdir(parents=True)
    (shared / "whisper-base" / "model.bin").write_bytes(b"new")
    seen = set()
    for name in ("a", "b"):
        home = tmp_path / name
        (home / "cache" / "whisper-base").mkdir(parents=True)
        (home / "cache" / "whisper-base" / "model.bin").write_bytes(b"old copy")
        monkeypatch.setenv("COACH_HOME", str(home))
        seen.add(paths.cache_dir())
        assert not (home / "cache").exists()
        # With COACH_HOME, settings and logs stay in that one folder (portable installs, tests).
        assert paths.config_dir() == home and paths.log_dir() == home / "logs"
    assert seen == {shared}
    assert (shared / "whisper-base" / "model.bin").read_bytes() == b"new"
