"""ui/pages/import_audio.py: the import asks talk, title and script; progress says time left."""

from __future__ import annotations

from pathlib import Path

import pytest
from coach_ui.pages.import_audio import Estimate, ImportDialog, talk_name_for

from coach.script.talk_scripts import save_script
from tests.ui.conftest import screenshot


def test_defaults_are_a_new_talk_named_after_the_file_and_no_script(qtbot) -> None:
    """Talk: new, from the file name; title: the file's stem; script: none."""
    dialog = ImportDialog(Path("/music/launch_keynote-v2.mp3"), ["Bakery", "Investor pitch"])
    qtbot.addWidget(dialog)
    dialog.show()
    choice = dialog.choice()
    assert (choice.talk, choice.title, choice.script) == (
        "Launch keynote v2", "launch_keynote-v2", None,
    )  # fmt: skip
    talks = [dialog.talk.itemText(i) for i in range(dialog.talk.count())]
    assert talks == ["Launch keynote v2", "Bakery", "Investor pitch"]
    screenshot(dialog, "import_dialog")


def test_an_earlier_talk_can_bring_its_saved_script(qtbot, tmp_path) -> None:
    """Choosing a talk with a saved script offers it; a talk without one does not."""
    save_script("Bakery", "We sold 40 cakes. Thank you.")
    dialog = ImportDialog(tmp_path / "take.wav", ["Bakery", "Investor pitch"])
    qtbot.addWidget(dialog)
    talk_item = dialog.script.model().item(1)
    assert not talk_item.isEnabled()  # the new talk has no script yet
    dialog.talk.setCurrentText("Bakery")
    assert talk_item.isEnabled()
    dialog.script.setCurrentIndex(1)
    assert dialog.choice().script == "We sold 40 cakes. Thank you."
    dialog.talk.setCurrentText("Investor pitch")
    assert dialog.choice().script is None and dialog.script.currentIndex() == 0
    script = tmp_path / "plan.md"
    script.write_text("# Plan\n\nWe grew 3 times.", encoding="utf-8")
    dialog.set_script_file(script)
    assert dialog.choice().script == "# Plan\n\nWe grew 3 times."


def test_name_from_a_file_with_no_letters() -> None:
    """A file named only with separators still gets a talk name."""
    assert talk_name_for(Path("__.wav")) == "Imported talk"


def test_estimate_starts_from_the_audio_length_then_follows_progress() -> None:
    """Before progress: audio length times the assumed rate; then the measured rate."""
    est = Estimate(100.0, rtf=0.3)
    t0 = est.began
    assert est.left_s(0.0, now=t0) == pytest.approx(30.0)
    assert est.text(0.0, now=t0) == "about 0:30 left"
    assert est.left_s(0.25, now=t0 + 10) == pytest.approx(30.0)  # 10 s for a quarter
    assert est.left_s(0.5, now=t0 + 10) == pytest.approx(10.0)
    assert est.text(0.98, now=t0 + 10) == "less than 5 s left"
    assert Estimate(None).text(0.0) == ""
