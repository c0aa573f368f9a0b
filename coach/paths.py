"""Where Coach keeps its files: the user data folder (profiles, sessions), the cache (models)
and the data shipped with it (bundled profiles and samples, package ``coach_assets``).

``COACH_HOME`` overrides the data folder, which tests and portable installs use.
"""

from __future__ import annotations

import os
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
    return assets_dir() / "profiles"


def samples_dir() -> Path:
    """Folder of the bundled samples (demo script and audio)."""
    return assets_dir() / "samples"


def log_dir() -> Path:
    """The folder for logs (tracebacks of bugs): ``$COACH_HOME/logs`` or the platform's log dir."""
    home = os.environ.get("COACH_HOME")
    path = (
        Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path
