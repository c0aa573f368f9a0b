"""History page: sessions grouped by talk, search, sort, rename, trash with undo, progress, compare."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.models import SORT_ROLE, SessionFilterProxy, SessionTreeModel
from coach_ui.pages.history import HistoryPage
from coach_ui.settings import Settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coach.coaching.progress import SessionSummary
from coach.coaching.review import review
from coach.paths import samples_dir
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from coach.types import Pause, Transcript, Word

SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"
DEMO = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


def timed(text: str, wpm: float) -> Transcript:
    """The words of ``text`` spoken evenly at ``wpm`` with a 0.6 s pause after each clause."""
    words, pauses, clock = [], [], 0.0
    step = 60.0 / wpm
    for w in transcript_from_text(text).words:
        words.append(Word(w.text, clock, clock + step * 0.8, w.utterance))
        clock += step
        if w.text.endswith((".", "?", "!", ",")):
            pauses.append(Pause(clock, 0.6))
            clock += 0.6
    return Transcript(tuple(words), tuple(pauses), clock + 0.5, "whisper:base")


@pytest.fixture()
def store() -> SessionStore:
    """Three attempts at the bakery talk (fast and vague, then better) and one pitch draft."""
    s = SessionStore()
    vague = DEMO.replace("40 percent", "a lot").replace("600", "many")
    s.save(review(timed(vague, 230)), title="First try", talk="Bakery story")
    s.save(review(timed(DEMO.replace("revolutionary", "amazing"), 170)), title="Second",
           talk="Bakery story")  # fmt: skip
    s.save(review(timed(DEMO, 150)), title="Third", talk="Bakery story")
    s.save(review(transcript_from_text("Our app is seamless. We grew 3 times.")), title="Draft",
           talk="Investor pitch")  # fmt: skip
    yield s
    s.close()


@pytest.fixture()
def page(qtbot: QtBot, store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> HistoryPage:
    monkeypatch.setattr(
        "coach_ui.errors._NON_BLOCKING", True
    )  # problem boxes open without blocking
    p = HistoryPage(store, Settings())
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    return p


def ids_by_title(store: SessionStore) -> dict[str, int]:
    return {s.title: s.id for s in store.list()}


def test_grouped_filtered_and_sorted(page: HistoryPage, store: SessionStore) -> None:
    """Talk rows hold their attempts; search finds titles and words said; sorting by score works."""
    ids = ids_by_title(store)
    assert page.proxy.rowCount() == 2  # two talks
    assert sorted(page.shown_session_ids()) == sorted(ids.values())
    page.search.setText("landlord")  # a word said only in the bakery talk
    page.apply_filter()
    assert sorted(page.shown_session_ids()) == sorted(
        ids[t] for t in ("First try", "Second", "Third")
    )
    assert page.count.text() == "3 of 4 sessions"
    page.search.setText("draft")  # a title
    page.apply_filter()
    assert page.shown_session_ids() == [ids["Draft"]]
    page.search.setText("")
    page.talk_filter.setCurrentText("Investor pitch")
    assert page.shown_session_ids() == [ids["Draft"]]
    page.talk_filter.setCurrentText("All talks")

    page.view.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # score
    bakery = [i for i in page.shown_session_ids() if i != ids["Draft"]]
    scores = {s.id: s.score for s in store.list()}
    assert [scores[i] for i in bakery] == sorted(scores[i] for i in bakery)
    assert scores[ids["First try"]] < scores[ids["Third"]]


def test_rename_delete_undo_restore(page: HistoryPage, store: SessionStore, qtbot: QtBot) -> None:
    """Rename in place; delete goes to the trash with undo; the trash view restores."""
    ids = ids_by_title(store)
    page.rename(ids["Draft"], "Pitch v1")
    assert store.get(ids["Draft"]).title == "Pitch v1"
    index = page.proxy.mapFromSource(page.model.index_of(ids["Draft"]).siblingAtColumn(2))
    assert index.data() == "Pitch v1"

    page.select_ids([ids["Second"], ids["Third"]])
    page.delete_button.click()
    assert sorted(s.id for s in store.trash()) == sorted([ids["Second"], ids["Third"]])
    assert page.undo_bar.isVisible() and "2 sessions" in page.undo_label.text()
    page.undo_button.click()
    assert store.trash() == [] and sorted(page.selected_ids()) == sorted(
        [ids["Second"], ids["Third"]]
    )

    page.select_ids([ids["First try"]])
    page.activateWindow()
    page.view.setFocus()
    qtbot.keyClick(page.view.viewport(), Qt.Key.Key_Delete)  # the Delete key trashes too
    assert [s.id for s in store.trash()] == [ids["First try"]]
    page.trash_button.click()  # show the trash
    assert page.shown_session_ids() == [ids["First try"]]
    page.select_ids([ids["First try"]])
    page.restore_button.click()
    assert page.shown_session_ids() == []
    page.trash_button.click()
    assert len(page.shown_session_ids()) == 4

    # edit the talk cell: the session moves to the other group
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        assert page.move_to_talk(ids["Draft"], "Bakery story")
    assert store.get(ids["Draft"]).talk == "Bakery story"
    assert page.proxy.rowCount() == 1 and page.selected_ids() == [ids["Draft"]]

    # another window trashed a session meanwhile: renaming it explains and reloads the table
    store.delete(ids["Second"])
    assert not page.rename(ids["Second"], "Late rename")
    box = page.findChild(QMessageBox, "problemBox")
    assert box is not None and "in the trash" in box.text()
    box.close()
    assert ids["Second"] not in page.shown_session_ids()
    store.restore(ids["Second"])

    with qtbot.waitSignal(page.open_session, timeout=1000) as opened:
        page.select_ids([ids["Third"]])
        page.open_button.click()
    assert opened.args == [ids["Third"]]


def test_progress_and_compare(page: HistoryPage, store: SessionStore, qtbot: QtBot) -> None:
    """The progress chart follows the chosen metric with its band; compare shows what moved."""
    ids = ids_by_title(store)
    page.select_ids([ids["Third"]])
    assert page.progress.talk == "Bakery story"
    page.refresh()  # e.g. coming back to the page: the selection stays
    assert page.selected_ids() == [ids["Third"]]
    with qtbot.waitSignal(page.progress.drawn, timeout=5000):
        page.progress.metric_box.setCurrentIndex(page.progress.metric_box.findData("wpm"))
    points = page.progress.points()
    assert len(points) == 3 and points[0][1] > points[-1][1]  # slowed down toward the band
    assert page.progress.band(points) == (130.0, 165.0)
    assert page.progress.canvas is not None
    assert (
        "3 attempts" in page.progress.caption.text() and "130-165" in page.progress.caption.text()
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let the new chart canvas get its size and draw
    page.grab().save(str(SHOTS / "history.png"))

    page.select_ids([ids["Third"], ids["First try"]])
    with qtbot.waitSignal(page.compared, timeout=2000) as got:
        page.compare_button.click()
    comparison = got.args[0]
    assert comparison.first.id == ids["First try"] and comparison.second.id == ids["Third"]
    assert "wpm" in comparison.improved()
    rows = {page.compare.model.change(r).name: r for r in range(page.compare.model.rowCount())}
    verdict = page.compare.model.index(rows["wpm"], 4).data()
    assert verdict == "improved"
    assert "Improved:" in page.compare.headline.text() and "Pace" in page.compare.headline.text()
    # both transcripts, with what changed marked: "a lot" was said first, "40 percent" later
    assert (
        "line-through" in page.compare.first_text.toHtml()
        or "a lot" in page.compare.first_text.toPlainText()
    )
    assert "a lot" in page.compare.first_text.toPlainText()
    assert "40 percent" in page.compare.second_text.toPlainText()
    page.grab().save(str(SHOTS / "history_compare.png"))


def test_thousand_sessions_in_one_model() -> None:
    """1,000 sessions live in one model (no widget per row), group by talk and sort by score."""
    rows = [
        SessionSummary(
            i,
            f"2026-01-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
            f"Take {i}",
            f"Talk {i % 7}",
            60.0 + i,
            140.0,
            8.0,
            5.0,
            float(i * 37 % 100),
            "text",
            "leijun",
        )  # fmt: skip
        for i in range(1000)
    ]
    model = SessionTreeModel()
    model.set_sessions(rows)
    proxy = SessionFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(6, Qt.SortOrder.DescendingOrder)
    assert model.session_count() == 1000 and proxy.rowCount() == 7
    group = proxy.index(0, 0)
    scores = [proxy.index(r, 6, group).data(SORT_ROLE) for r in range(proxy.rowCount(group))]
    assert scores == sorted(scores, reverse=True) and len(scores) in (142, 143)
    proxy.set_allowed({5, 12})
    shown = [
        proxy.index(r, 0, proxy.index(g, 0)).data(Qt.ItemDataRole.UserRole + 2)
        for g in range(proxy.rowCount())
        for r in range(proxy.rowCount(proxy.index(g, 0)))
    ]
    assert sorted(shown) == [5, 12]


def test_compare_fits_at_1280x720_and_reads_in_arrow_order(
    page: HistoryPage, store: SessionStore, qtbot: QtBot
) -> None:
    """At 1280x720 (less the sidebar) every column shows whole with no horizontal scrolling;
    the headline names first → second like its scores; punctuation alone is no change."""
    from coach_ui.pages.history_panels import word_diff_html

    page.resize(1280 - 140, 720 - 60)
    ids = ids_by_title(store)
    page.select_ids([ids["Third"], ids["First try"]])
    with qtbot.waitSignal(page.compared, timeout=2000):
        page.compare_button.click()
    QApplication.processEvents()
    headline = page.compare.headline.text()
    assert "First try</b> → <b>Third</b>: score" in headline
    table, model = page.compare.table, page.compare.model
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        for col in (1, 2, 3, 4):
            text = str(model.index(row, col).data())
            assert metrics.horizontalAdvance(text) + 6 <= table.columnWidth(col), (text, col)
    density = next(r for r in range(model.rowCount()) if model.change(r).name == "number_density")
    assert model.index(density, 2).data().endswith("/100 words")
    assert table.viewport().width() >= sum(table.columnWidth(c) for c in range(5)) - 1
    page.grab().save(str(SHOTS / "history_compare_1280x720.png"))

    old, new = word_diff_html("Two years ago, our bakery closed.", "Two years ago our bakery shut.")
    assert "line-through'>ago" not in old and "line-through'>closed.</span>" in old
    assert "font-weight:600'>shut.</span>" in new and "600'>ago" not in new
