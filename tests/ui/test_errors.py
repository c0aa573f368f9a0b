"""ui/errors.py: two-part messages, logged bugs, one dialog for a storm of exceptions."""

from __future__ import annotations

import coach_ui.errors as errors
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from coach.errors import AudioInputError, TranscriptionError


def test_expected_errors_say_what_happened_and_what_to_do():
    """A CoachError keeps its sentence as 'what' and gets advice for its kind as 'next'."""
    p = errors.problem_for(AudioInputError("take.wav is empty (0 bytes)."))
    assert p.what == "take.wav is empty (0 bytes)."
    assert "record" in p.next.lower()
    p = errors.problem_for(TranscriptionError("Whisper model 'x' could not be loaded."))
    assert "Settings" in p.next


def test_bugs_are_logged_with_their_traceback(coach_home):
    """An unexpected exception is written to the log with its traceback and named to the user."""
    errors.setup_logging()
    try:
        {}["missing"]
    except KeyError as exc:
        p = errors.problem_for(exc, doing="opening the session")
    assert "opening the session" in p.what and "KeyError" in p.what
    assert "Traceback" in p.detail
    log = (errors.log_dir() / "coach.log").read_text(encoding="utf-8")
    assert "KeyError" in log and "opening the session" in log


def test_exception_hook_shows_one_dialog_for_a_storm(qtbot, monkeypatch, coach_home):
    """Ten uncaught exceptions in a row give one dialog and ten log entries."""
    monkeypatch.setattr(errors, "_NON_BLOCKING", True)
    hook = errors.ExceptionHook()
    errors.setup_logging()
    for i in range(10):
        try:
            raise RuntimeError(f"boom {i}")
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)
    boxes = [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]  # fmt: skip
    assert len(boxes) == 1
    assert "boom 0" in boxes[0].text() and boxes[0].informativeText()
    assert hook.count == 10
    log = (errors.log_dir() / "coach.log").read_text(encoding="utf-8")
    assert log.count("Uncaught exception") == 10
    for box in boxes:
        box.close()


@pytest.mark.parametrize("bad", [None])
def test_show_problem_without_parent(qtbot, monkeypatch, bad):
    """A problem shown with no parent window still opens a box with both parts."""
    monkeypatch.setattr(errors, "_NON_BLOCKING", True)
    errors.show_problem(bad, errors.Problem("No microphone was found.", "Plug one in."))
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert (box.text(), box.informativeText()) == ("No microphone was found.", "Plug one in.")
    box.close()
