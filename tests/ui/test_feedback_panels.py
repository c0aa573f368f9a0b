"""Feedback page panels: script adherence of a stored rehearsal, and scoring it again."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.pages.feedback_panels import AdherencePanel, RescoreBox
from pytestqt.qtbot import QtBot

from coach.coaching.profile_builder import duplicate_profile, save_profile
from coach.coaching.review import review
from coach.paths import samples_dir
from coach.profile import load_profile
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text

SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"
SCRIPT = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


@pytest.fixture()
def store() -> SessionStore:
    s = SessionStore()
    yield s
    s.close()


def test_adherence_finds_a_skipped_figure(qtbot: QtBot, store: SessionStore) -> None:
    """A rehearsal that left out a sentence shows that figure skipped; no script, no panel."""
    said = SCRIPT.replace("In the first month, 1,200 people ordered. ", "")
    session = store.save(review(transcript_from_text(said)), talk="Bakery", script=SCRIPT)
    panel = AdherencePanel()
    qtbot.addWidget(panel)
    panel.resize(520, 200)
    with qtbot.waitSignal(panel.shown, timeout=5000) as got:
        panel.show_session(session)
    result = got.args[0]
    assert [f.text for f in result.figures_skipped] == ["1,200"]
    assert not panel.isHidden()
    assert "Skipped</span> “1,200”" in panel.text.text()
    assert "11 of 12 planned figures" in panel.text.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "feedback_adherence.png"))

    bare = store.save(review(transcript_from_text(said)), talk="Bakery")
    panel.show_session(bare)
    assert panel.isHidden() and panel.result is None


def test_rescore_with_another_profile(qtbot: QtBot, store: SessionStore) -> None:
    """Choosing a saved profile and pressing Score again re-judges the stored session."""
    strict = load_profile("leijun")
    strict = duplicate_profile(strict, name="Strict pace")
    save_profile(strict)
    session = store.save(review(transcript_from_text(SCRIPT)), talk="Bakery")
    box = RescoreBox(store)
    qtbot.addWidget(box)
    box.show_session(session)
    assert box.profile.currentData() == "leijun"
    box.profile.setCurrentIndex(box.profile.findData("strict-pace"))
    with qtbot.waitSignal(box.rescored, timeout=5000) as got:
        box.button.click()
    assert got.args == [session.id]
    again = store.get(session.id)
    assert again.profile_id == "strict-pace" and again.review.profile_name == "Strict pace"
