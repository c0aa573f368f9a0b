"""Shared fixtures: every test gets its own Coach data folder (COACH_HOME)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def coach_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point COACH_HOME at a fresh folder so tests never touch the user's real data."""
    home = tmp_path_factory.mktemp("coach_home")
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return home
