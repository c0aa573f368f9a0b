"""End to end through a real (virtual) microphone: record, stop, and read the feedback."""

from __future__ import annotations

import time

import pytest
from coach_ui.main_window import MainWindow

from tests.speech import standard_rehearsal
from tests.ui.conftest import screenshot

pytestmark = pytest.mark.slow


@pytest.fixture()
def window(qtbot, store, gui_settings):
    """The main window on a fresh store, shown offscreen."""
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.rehearse.release()


def test_record_stop_feedback_matches_what_was_played(qtbot, mic, window):
    """Speech played into the microphone comes back as a saved session with the right numbers."""
    reh = standard_rehearsal()
    page = window.rehearse
    qtbot.waitUntil(lambda: page.recorder.state == "monitoring", timeout=10_000)
    assert page.mic.count() >= 2  # "System default" plus the virtual microphone

    page.set_script(reh.text, "Launch")  # the teleprompter beside the live view
    began = time.monotonic()
    page.start_recording()
    assert page.recorder.state == "recording"
    qtbot.wait(200)
    player = mic.play(reh.path, wait=False)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=90_000)
    qtbot.wait(700)
    # Transcription ran while "speaking": most utterances are on screen before Stop.
    qtbot.waitUntil(lambda: len(page._live_words) >= 20, timeout=10_000)
    assert page.figures_count.text() != "Figures: 0"
    assert "wpm" in page.pace_cue.text()
    screenshot(window, "rehearse-recording")

    with qtbot.waitSignal(page.session_ready, timeout=60_000) as saved:
        page.stop_recording()
        recorded_wall_s = time.monotonic() - began
    session_id = saved.args[0]
    assert window.current_page == "feedback"
    feedback = window.pages["feedback"]
    rv = feedback.review
    assert feedback.session.id == session_id
    assert (feedback.session.talk, feedback.session.script) == ("Launch", reh.text)

    # Nothing was lost: the file is as long as the recording ran, and holds all that was played.
    assert rv.transcript.duration_s == pytest.approx(recorded_wall_s, abs=0.5)
    assert rv.transcript.duration_s > reh.duration_s
    figures = {f.value for f in rv.analysis.figures if f.kind == "figure"}
    truth = {f.value for f in reh.figures}
    assert len(figures & truth) >= len(truth) - 2, (figures, truth)
    assert rv.analysis.values["wpm"] == pytest.approx(reh.wpm, rel=0.12)
    long_pauses = [p for p in rv.transcript.pauses if p.duration_s >= 1.0]
    assert len(long_pauses) == sum(d >= 1.0 for _, d in reh.pauses)
    # The header shows the stored verdict, and each trait has a card.
    assert f"{rv.feedback.score:.0f}" in feedback.score_label.text()
    assert len(feedback.trait_cards) == len(rv.feedback.trait_scores)
    assert feedback.tips.count() >= 1
    assert feedback.session.audio_path is not None and feedback.session.audio_path.exists()
    # The temporary recording was handed to the store and removed.
    assert not list((feedback.session.audio_path.parent.parent / "recordings").glob("*.wav"))

    qtbot.waitUntil(lambda: feedback.pace_chart.canvas is not None, timeout=20_000)
    # Clicking a tip or a word cues the audio there.
    first_figure = next(f for f in rv.analysis.figures if f.kind == "figure")
    feedback.transcript.word_clicked.emit(first_figure.word_span[0])
    qtbot.waitUntil(
        lambda: feedback.player is not None and feedback.player.position() > 0, timeout=10_000
    )
    screenshot(window, "feedback")
