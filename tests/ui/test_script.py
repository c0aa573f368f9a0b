"""Script studio: live lint marks, number deserts, saving with the talk, rehearsing a script."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.pages.script import ScriptPage
from coach_ui.settings import Settings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from coach.paths import samples_dir
from coach.script.talk_scripts import load_script
from coach.store.sessions import SessionStore

SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"
DEMO = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


@pytest.fixture()
def page(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> ScriptPage:
    monkeypatch.setattr(
        "coach_ui.errors._NON_BLOCKING", True
    )  # problem boxes open without blocking
    store = SessionStore()
    p = ScriptPage(store, Settings())
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    yield p
    store.close()


def test_typing_a_hype_word_underlines_it_with_advice(page: ScriptPage, qtbot: QtBot) -> None:
    """After typing stops, the hype word is marked and its tooltip carries the suggestion."""
    text = "We sold 300 bikes in 2 weeks. Our bike is revolutionary. Why did it work?"
    with qtbot.waitSignal(page.linted, timeout=5000) as got:
        page.editor.insertPlainText(text)  # as if typed or pasted
    lint = got.args[0]
    assert page.lint is lint
    at = text.index("revolutionary")
    hype = lint.of_kind("hype")
    assert [(m.start, m.text) for m in hype] == [(at, "revolutionary")]  # not its full stop
    assert "hype" in page.editor.kinds_at(at + 3)
    assert "figure" in page.editor.kinds_at(text.index("300"))
    assert page.editor.kinds_at(text.index("Our")) == []  # ("We sold … in 2 weeks" is a story)
    assert "say the figure that proves it" in page.editor.tooltip_at(at + 3)
    assert page.stats["questions"].text() == "1"
    assert page.stats["figures"].text() == "2"

    # typing before it: the underline moves with the word at once, no flicker while re-checking
    cursor = page.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Hello. ")
    assert "hype" in page.editor.kinds_at(at + 7 + 3)
    assert page.editor.tooltip_at(at + 7 + 3) == ""  # advice waits for the new lint
    # Wait on the state, not on `linted`: a signal that fired before a wait began is never seen.
    qtbot.waitUntil(lambda: "say the figure" in page.editor.tooltip_at(at + 7 + 3), timeout=5000)


def test_number_desert_and_projected_length(page: ScriptPage, qtbot: QtBot) -> None:
    """A long stretch without figures is shaded; the length is projected at the profile pace."""
    filler = "We care about our customers and we listen to them every single day. " * 14
    text = "We served 40 towns. " + filler + "Now we serve 90 towns."
    with qtbot.waitSignal(page.linted, timeout=5000) as got:
        page.set_script(text)
    lint = got.args[0]
    deserts = lint.of_kind("desert")
    assert len(deserts) == 1 and lint.deserts == 1
    # the stretch between the two figures, "40" and "90"
    assert deserts[0].start == text.index("40") + 3
    assert deserts[0].text.endswith("Now we serve")
    assert "desert" in page.editor.kinds_at(text.index("listen"))
    assert lint.pace_wpm == pytest.approx(147.5)  # middle of Lei Jun's 130-165 wpm band
    minutes, seconds = divmod(round(lint.words / 147.5 * 60), 60)
    assert page.stats["duration"].text() == f"{minutes}:{seconds:02d} at 148 wpm"


def test_only_the_newest_text_is_drawn(page: ScriptPage, qtbot: QtBot) -> None:
    """A lint for text that changed meanwhile is dropped; the newest text's lint is drawn."""
    page.set_script("It was amazing.")
    page.run_lint()  # starts a lint for the old text
    with qtbot.waitSignal(page.linted, timeout=5000) as got:
        page.set_script("We sold 5 cakes.")
    assert got.args[0].words == 4 and got.args[0].hype == 0
    assert [m.kind for m in page.editor.marks] == ["figure"]


def test_save_with_talk_and_rehearse(page: ScriptPage, qtbot: QtBot, tmp_path: Path) -> None:
    """A script opened from a file is saved with its talk and sent to the Rehearse page."""
    src = tmp_path / "bakery.md"
    src.write_text(DEMO, encoding="utf-8")
    assert page.open_file(src)
    assert page.text() == DEMO and page.talk.currentText() == "bakery"
    page.talk.setCurrentText("Bakery story")
    with qtbot.waitSignal(page.rehearse_script, timeout=2000) as sent:
        page.rehearse_button.click()
    assert sent.args == [DEMO, "Bakery story"]
    assert load_script("Bakery story") == DEMO
    page.set_script("")
    assert page.load_talk("Bakery story") and page.text() == DEMO
    # a talk rehearsed with a script (saved with its session) reopens that script too
    from coach.coaching.review import review
    from coach.text import transcript_from_text

    page.store.save(review(transcript_from_text("We sold 3 cakes.")), talk="Cakes",
                    script="We sold 3 cakes today.")  # fmt: skip
    assert page.load_talk("Cakes") and page.text() == "We sold 3 cakes today."
    assert not page.load_talk("Nothing yet") and page.text() == "We sold 3 cakes today."

    binary = tmp_path / "song.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    with qtbot.waitSignal(page.failed, timeout=2000) as failed:
        assert not page.open_file(binary)
    assert "binary" in failed.args[0] and page.text() == "We sold 3 cakes today."
    box = page.findChild(QMessageBox, "problemBox")
    assert box is not None and "binary" in box.text() and "UTF-8" in box.informativeText()
    box.close()

    with qtbot.waitSignal(page.linted, timeout=5000):
        page.set_script(DEMO + "\nThis is a world-class, seamless platform.\n", talk="Bakery")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "script.png"))


def test_closing_the_page_while_linting_is_harmless(qtbot: QtBot) -> None:
    """A lint that finishes after its page was deleted is dropped without an error."""
    page = ScriptPage(None, Settings())
    page.set_script("It was amazing. We sold 5 cakes.")
    page.run_lint()
    task = page._task
    page.deleteLater()
    # The lint may finish before a waitSignal would connect (it then never fires for the wait):
    # wait on the task's state, which is set whenever its result arrived.
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert task.error is None
