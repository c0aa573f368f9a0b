"""Shared fixtures: every test gets its own Coach data folder (COACH_HOME).

The cache (the joined Whisper base model, the voice calibration) is one folder for the whole test
run (COACH_CACHE), as it is one folder for all of a user's data folders: built once per run, never
the user's own cache.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (a test that fails at random is a failing
# test); COACH_HYPOTHESIS=explore draws new ones, to hunt for cases worth keeping as @example.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("COACH_HYPOTHESIS", "ci"))


@pytest.fixture(scope="session")
def coach_cache(tmp_path_factory: pytest.TempPathFactory):
    """One cache folder for the test run."""
    return tmp_path_factory.mktemp("coach_cache")


@pytest.fixture(autouse=True)
def coach_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, coach_cache
):
    """Point COACH_HOME at a fresh folder so tests never touch the user's real data."""
    home = tmp_path_factory.mktemp("coach_home")
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.setenv("COACH_CACHE", str(coach_cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return home
