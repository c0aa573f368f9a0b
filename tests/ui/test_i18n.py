"""The app speaks Chinese under a Chinese locale (Qt translations) and English otherwise."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from coach_ui.i18n import install_translator, remove_translator
from coach_ui.pages.feedback import FeedbackPage
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel

from coach.coaching.review import review
from coach.text import transcript_from_text
from tests.ui.conftest import screenshot

TALK = "三年前，我们遇到了一场危机。我问自己，还要不要继续？\n\n我们用了70多天，卖出了5万台。\n\n我们离成功还很远，谢谢大家！"
I18N = Path(__file__).resolve().parents[2] / "assets" / "i18n"


@pytest.fixture()
def chinese():
    """The Chinese translation installed for one test, English again afterwards."""
    app = QApplication.instance()
    assert install_translator(app, QLocale("zh_CN"))
    yield
    remove_translator(app)


def page_for(qtbot, store, settings, text: str) -> FeedbackPage:
    page = FeedbackPage(store, settings)
    qtbot.addWidget(page)
    saved = store.save(review(transcript_from_text(text)), title="发布会彩排", talk="发布会")
    page.show_session(saved.id)
    page.resize(1200, 800)
    page.show()
    return page


def test_feedback_page_in_chinese(qtbot, store, gui_settings, chinese):
    """Buttons, headings, trait cards and metric labels are Chinese; the talk is judged in Chinese."""
    page = page_for(qtbot, store, gui_settings, TALK)
    assert page.export_button.text() == "导出 PDF…"
    assert page.again_button.text() == "再练一遍"
    assert "匹配度" in page.title_label.text() and "字" in page.title_label.text()
    heads = [c.findChildren(QLabel)[0].text() for c in page.trait_cards]
    assert any("数字" in h for h in heads) and not any("Numbers" in h for h in heads)
    assert any(
        "每100字的数字" in label.text()
        for c in page.trait_cards
        for label in c.findChildren(QLabel)
    )
    assert page.tips.count() and all(any("\u4e00" <= ch <= "\u9fff" for ch in page.tips.item(i).text())
               for i in range(page.tips.count()))  # fmt: skip
    screenshot(page, "feedback-zh-locale")


def test_english_stays_the_default(qtbot, store, gui_settings):
    """Without a Chinese locale nothing is translated."""
    app = QApplication.instance()
    assert not install_translator(app, QLocale("en_US"))
    page = page_for(qtbot, store, gui_settings, "We sold 5,000 phones. Why? It works.")
    assert page.export_button.text() == "Export PDF…"
    assert "match</b> out of 100" in page.title_label.text()


def test_compiled_translation_matches_its_source(tmp_path):
    """The shipped .qm is what pyside6-lrelease makes of the .ts (run `make translations`)."""
    import shutil

    tool = shutil.which("pyside6-lrelease") or str(
        Path(__file__).resolve().parents[2] / ".venv/bin/pyside6-lrelease"
    )
    out = tmp_path / "zh.qm"
    subprocess.run(
        [tool, str(I18N / "coach_zh_CN.ts"), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == (I18N / "coach_zh_CN.qm").read_bytes()
    assert 'type="unfinished"' not in (I18N / "coach_zh_CN.ts").read_text(encoding="utf-8")
