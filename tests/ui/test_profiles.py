"""Profiles page: targets with why and source, a validated edit of a copy, and a profile built
from two reference texts and then used to score a session."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.pages.profiles import ProfilesPage
from coach_ui.settings import Settings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.coaching.review import review
from coach.metrics import METRICS
from coach.profile import load_profile
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from tests.test_profile_builder import DENSE, STORY

SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"


@pytest.fixture()
def page(qtbot: QtBot) -> ProfilesPage:
    p = ProfilesPage(None, Settings())
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    return p


def test_bundled_targets_are_shown_read_only(page: ProfilesPage) -> None:
    """Lei Jun's every target shows its band, why and source; it cannot be saved over."""
    leijun = load_profile("leijun")
    assert page.current() is not None and page.current().id == "leijun"
    assert set(page.form.rows) == set(leijun.metrics)
    row = page.form.rows["wpm"]
    assert (row.low.value(), row.high.value()) == (130.0, 165.0)
    assert row.why.text() == leijun.metrics["wpm"].why and row.why.isReadOnly()
    assert "PowerPoint Speaker Coach" in row.source.text()
    assert not page.save_button.isEnabled()
    assert "read-only" in page.form.origin.text()


def test_duplicate_edit_validate_and_save(page: ProfilesPage, qtbot: QtBot) -> None:
    """A copy's invalid band blocks saving with a reason; a valid edit is saved and reloads."""
    page.duplicate("Slower Lei Jun")
    assert page.save_button.isEnabled()
    wpm = page.form.rows["wpm"]
    wpm.low.setValue(180)  # above high 165
    assert not page.save_button.isEnabled()
    assert "Pace: low 180 is above high 165" in page.form.problems.text()
    wpm.low.setValue(110)
    wpm.high.setValue(140)
    page.form.rows["number_density"].weight.setValue(5)
    assert page.save_button.isEnabled() and page.form.problems.text() == ""
    with qtbot.waitSignal(page.profiles_changed, timeout=2000):
        page.save_button.click()
    saved = load_profile("slower-lei-jun")
    assert (saved.metrics["wpm"].low, saved.metrics["wpm"].high) == (110.0, 140.0)
    assert saved.metrics["number_density"].weight == 5.0
    assert saved.metrics["flesch"] == load_profile("leijun").metrics["flesch"]
    assert page.current() is not None and page.current().id == "slower-lei-jun"
    assert page.form.rows["wpm"].why.isReadOnly() is False  # the user's own: editable
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "profiles.png"))


def test_build_from_two_texts_and_score_with_it(
    page: ProfilesPage, qtbot: QtBot, tmp_path: Path
) -> None:
    """Two reference texts give a proposed profile; kept, it scores a session (rescore too)."""
    a, b = tmp_path / "launch.txt", tmp_path / "garage.md"
    a.write_text(DENSE, encoding="utf-8")
    b.write_text(STORY, encoding="utf-8")
    page.tabs.setCurrentIndex(1)
    page.add_references([a, b])
    page.build_name.setText("Garage keynote")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "profiles_build_tab.png"))
    with qtbot.waitSignal(page.built, timeout=20000) as got:
        page.build_button.click()
    proposed = got.args[0]
    assert proposed.path is None and proposed.name == "Garage keynote"
    density = page.form.rows["number_density"]
    assert density.why.text().startswith("Measured from 2 reference files")
    assert "launch.txt" in density.source.text()
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "profiles_built.png"))
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save_button.click()

    built = load_profile("garage-keynote")
    assert (
        built.metrics["number_density"].low > load_profile("leijun").metrics["number_density"].low
    )
    plain = transcript_from_text(
        "We believe in great products and we work hard on quality every single day for you."
    )
    assert (
        review(transcript_from_text(DENSE), built).feedback.score
        > review(plain, built).feedback.score
    )
    store = SessionStore()
    sid = store.save(review(plain), title="Plain take").id
    rescored = store.rescore(sid, "garage-keynote")
    assert (
        rescored.profile_id == "garage-keynote" and rescored.review.profile_name == "Garage keynote"
    )
    assert {m.name for m in rescored.review.metrics} <= set(METRICS)
    store.close()


def test_whole_why_lines_a_listed_copy_and_a_readable_duplicate_dialog(
    page: ProfilesPage, qtbot: QtBot
) -> None:
    """Every why shows whole at 1280x720; Duplicate… lists the copy at once; its dialog is wide
    enough for its title."""
    page.resize(1280 - 140, 720 - 60)
    QApplication.processEvents()
    for row in page.form.rows.values():
        assert row.why.fully_shown(), row.name
        assert row.why.height() >= row.why.fontMetrics().height()
    long_why = max(page.form.rows.values(), key=lambda r: len(r.why.text()))
    assert long_why.why.height() > 1.5 * long_why.why.fontMetrics().height()  # it wrapped
    page.ask_duplicate()
    dialog = page.duplicate_ask
    assert dialog is not None and dialog.isVisible()
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 200
    before = page.list.count()
    dialog.setTextValue("Calmer Lei Jun")
    dialog.accept()
    assert page.list.count() == before + 1
    assert page.list.currentItem().text() == "Calmer Lei Jun  (not saved)"
    assert page.editing is not None and page.editing.name == "Calmer Lei Jun"
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "profiles_copy_listed.png"))
