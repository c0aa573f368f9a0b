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

# Under pytest-xdist each worker's Whisper gets its share of the cores, as a batch worker does:
# two workers each running two decoding threads on two cores starve the real-time tests' audio.
_WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 0)
if _WORKERS > 1:
    os.environ.setdefault("COACH_CPU_THREADS", str(max(1, (os.cpu_count() or 1) // _WORKERS)))


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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`make test` runs two workers) every test that plays sound into the
    virtual microphone runs in one worker, one after another (each worker has its own PulseAudio,
    but two live transcriptions at once would starve each other of the two cores). They and the
    other slow tests go first, so the long real-time group is not what the run waits for at the
    end."""
    mic = [item for item in items if "mic" in getattr(item, "fixturenames", ())]
    for item in mic:
        item.add_marker(pytest.mark.xdist_group("microphone"))
    grouped = {id(item) for item in mic}
    slow = [i for i in items if id(i) not in grouped and i.get_closest_marker("slow")]
    first = grouped | {id(item) for item in slow}
    items[:] = mic + slow + [item for item in items if id(item) not in first]
