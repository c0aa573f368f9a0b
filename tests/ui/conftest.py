"""GUI test fixtures: a virtual PulseAudio microphone for the whole run, and screenshots.

The daemon starts before the first GUI test (Qt's audio backend connects once per process, so it
must find PulseAudio from the start) and stops after the last one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.pulse import VirtualMic, available

SCREENSHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def virtual_mic():
    """Start a user-mode PulseAudio with a virtual microphone; PULSE_SERVER points at it."""
    if not available():
        yield None
        return
    mic = VirtualMic().start()
    saved = {k: os.environ.get(k) for k in ("PULSE_SERVER", "XDG_RUNTIME_DIR")}
    os.environ["PULSE_SERVER"] = mic.env["PULSE_SERVER"]
    os.environ["XDG_RUNTIME_DIR"] = mic.env["XDG_RUNTIME_DIR"]
    yield mic
    mic.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture()
def mic(virtual_mic):
    """The virtual microphone (skips when PulseAudio is not installed)."""
    if virtual_mic is None:
        pytest.skip("PulseAudio is not installed")
    return virtual_mic


@pytest.fixture()
def gui_settings(coach_home):
    """Settings in the test's data folder, with the fast Whisper model for live transcription."""
    from coach_ui.settings import Settings

    settings = Settings(Path(coach_home) / "settings.json")
    settings.set("whisper_model", "tiny.en")
    return settings


@pytest.fixture()
def store(coach_home):
    """A session store in the test's data folder."""
    from coach.store.sessions import SessionStore

    s = SessionStore(Path(coach_home) / "sessions.db")
    yield s
    s.close()


def screenshot(widget, name: str) -> Path:
    """Save ``widget`` as ``tests/out/screenshots/<name>.png`` and return the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path
