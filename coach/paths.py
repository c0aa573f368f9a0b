"""Where Coach keeps its files: the user data folder (profiles, sessions) and the cache (models).

``COACH_HOME`` overrides both, which tests and portable installs use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "coach"
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


def data_dir() -> Path:
    """The user data folder (created on first use): ``$COACH_HOME`` or the platform's data dir."""
    home = os.environ.get("COACH_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """The cache folder for rebuilt models: ``$COACH_HOME/cache`` or the platform's cache dir."""
    home = os.environ.get("COACH_HOME")
    path = (
        Path(home) / "cache"
        if home
        else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_profiles_dir() -> Path:
    """Folder of the user's own profiles (``*.toml``)."""
    path = data_dir() / "profiles"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_profiles_dir() -> Path:
    """Folder of the profiles shipped with Coach."""
    return ASSETS_DIR / "profiles"


def samples_dir() -> Path:
    """Folder of the bundled samples (demo script and audio)."""
    return ASSETS_DIR / "samples"
