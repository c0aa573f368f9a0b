"""Where Coach keeps its files, with :mod:`platformdirs` names for each kind:

- data (sessions, recordings, scripts, your profiles): ``user_data_dir`` (``~/.local/share/coach``)
- settings (``settings.json``, ``window.json``): ``user_config_dir`` (``~/.config/coach``)
- logs: ``user_log_dir`` (``~/.local/state/coach/log``)
- cache (the joined Whisper base model, voice calibration): ``user_cache_dir`` (``~/.cache/coach``),
  shared by every data folder
- the data shipped with Coach (bundled profiles, samples, icons): package ``coach_assets``

``COACH_HOME`` makes one self-contained folder for data, settings and logs (tests and portable
installs use it); the model cache stays shared unless ``COACH_CACHE`` points elsewhere. Files
that older versions kept in the data folder (settings, logs, a per-folder model cache) are moved
to their new place once, on first use (:func:`migrate_old_layout`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

from coach.errors import ProfileError

APP_NAME = "coach"


@cache
def assets_dir() -> Path:
    """The folder of the data shipped with Coach (the ``coach_assets`` package).

    Found through :mod:`importlib.resources`, so it is the same in a source checkout (where the
    editable install maps ``coach_assets`` to ``assets/``) and in an installed wheel.
    """
    root = resources.files("coach_assets")
    path = Path(str(root))
    if not (path / "profiles").is_dir():
        raise ProfileError(
            f"Coach's bundled data is missing ({path}); reinstall with "
            "`pip install --force-reinstall presentation-coach`."
        )
    return path


def _folders() -> tuple[Path, Path, Path, Path]:
    """(data, config, logs, cache) as the environment says, not created."""
    home = os.environ.get("COACH_HOME")
    cache = os.environ.get("COACH_CACHE")
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return (
        Path(home) if home else Path(dirs.user_data_dir),
        Path(home) if home else Path(dirs.user_config_dir),
        Path(home) / "logs" if home else Path(dirs.user_log_dir),
        Path(cache) if cache else Path(dirs.user_cache_dir),
    )


def _ready(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    migrate_old_layout()
    return path


def data_dir() -> Path:
    """The user data folder (created on first use): ``$COACH_HOME`` or the platform's data dir."""
    return _ready(_folders()[0])


def config_dir() -> Path:
    """The settings folder: ``$COACH_HOME`` or the platform's config dir (created on first use)."""
    return _ready(_folders()[1])


def log_dir() -> Path:
    """The log folder: ``$COACH_HOME/logs`` or the platform's log dir (created on first use)."""
    return _ready(_folders()[2])


def cache_dir() -> Path:
    """The cache folder (rebuilt models, voice calibration): ``$COACH_CACHE`` or the platform's.

    One cache serves every data folder, so each ``COACH_HOME`` does not build its own 142 MB
    Whisper model.
    """
    return _ready(_folders()[3])


_MIGRATED: set[tuple[Path, ...]] = set()


def migrate_old_layout() -> list[tuple[Path, Path]]:
    """Move what older versions kept in the data folder to the config, log and cache folders.

    Before: ``<data>/settings.json`` (and ``settings.json.corrupt``, ``window.json``),
    ``<data>/logs/*`` and ``<data>/cache/*``. A file is moved only when its new place has none,
    so this runs once; an old cache entry the shared cache already holds is removed (it is a
    rebuilt copy). Checked once per process for each set of folders; never raises: a file that
    cannot be moved stays where it was.

    Returns
    -------
    list of (old, new)
        What was moved.
    """
    folders = _folders()
    if folders in _MIGRATED:
        return []
    _MIGRATED.add(folders)
    data, config, logs, cache = folders
    if not data.is_dir():
        return []
    old_logs, old_cache = data / "logs", data / "cache"
    plan: list[tuple[Path, Path]] = []
    if config != data:
        plan += [
            (data / n, config / n)
            for n in ("settings.json", "settings.json.corrupt", "window.json")
        ]
    if logs != old_logs and old_logs.is_dir():
        plan += [(p, logs / p.name) for p in sorted(old_logs.iterdir())]
    if cache != old_cache and old_cache.is_dir():
        plan += [(p, cache / p.name) for p in sorted(old_cache.iterdir())]
    moved: list[tuple[Path, Path]] = []
    for old, new in plan:
        try:
            if not old.exists():
                continue
            if new.exists():
                if old.parent == old_cache:
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                continue
            new.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(old), str(new))
            moved.append((old, new))
        except OSError:
            continue
    emptied = [old for old, new in ((old_logs, logs), (old_cache, cache)) if old != new]
    for folder in emptied:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return moved


def user_profiles_dir() -> Path:
    """Folder of the user's own profiles (``*.toml``)."""
    path = data_dir() / "profiles"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_profiles_dir() -> Path:
    """Folder of the profiles shipped with Coach."""
    return assets_dir() / "profiles"


def samples_dir() -> Path:
    """Folder of the bundled samples (demo script and audio)."""
    return assets_dir() / "samples"
