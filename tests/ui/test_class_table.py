"""History → Import a folder…: the batch runs off the GUI thread, the class table sorts, the
score chart is drawn, a row opens that talk's Feedback, and a second import reuses the talks."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from coach_ui.main_window import MainWindow
from coach_ui.pages.class_table import ClassTableDialog
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.batch.table import read_csv
from tests.batch_class import BAD, MODEL, SCRIPTS, make_class
from tests.ui.conftest import screenshot


@pytest.fixture()
def window(qtbot: QtBot, store, gui_settings):  # type: ignore[no-untyped-def]
    gui_settings.set("whisper_model", MODEL)
    win = MainWindow(store, gui_settings, check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    yield win
    win.rehearse.release()


def _import(qtbot: QtBot, window: MainWindow, folder: Path) -> ClassTableDialog:
    history = window.go("history")
    with qtbot.waitSignal(history.refreshed, timeout=120_000):  # refreshed after the batch
        dialog = history.import_folder(folder, workers=2)  # type: ignore[attr-defined]
        assert dialog.task is not None and not dialog.task.done  # off the GUI thread
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=5000)
    return dialog


def test_import_a_folder_shows_a_sortable_class_table_and_opens_feedback(
    qtbot: QtBot, window: MainWindow, store, tmp_path: Path
) -> None:
    klass = make_class(tmp_path / "class")
    dialog = _import(qtbot, window, klass.root)
    qtbot.addWidget(dialog)
    assert not dialog.outcome.interrupted
    assert "3 of 5 talks scored, 2 could not be scored" in dialog.status.text()

    # sorted by match, best first; failed talks (no match) last
    files = dialog.shown_files()
    assert sorted(files) == sorted([*klass.good, *BAD]) and set(files[-2:]) == set(BAD)
    matches = [dialog.proxy.index(r, 1).data(Qt.ItemDataRole.UserRole + 2) for r in range(3)]
    assert matches == sorted(matches, reverse=True) and all(m > 0 for m in matches)
    broken = files.index(BAD[0])
    assert "binary" in dialog.proxy.index(broken, 8).data()
    assert dialog.session_at(broken) is None

    # clicking the header sorts by file name
    header = dialog.view.horizontalHeader()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    qtbot.waitUntil(lambda: dialog.shown_files()[0] in (sorted(files)[0], sorted(files)[-1]))
    assert dialog.shown_files() in (sorted(files), sorted(files, reverse=True))

    # the chart counts every scored talk once
    fig = dialog.chart.figure
    assert fig is not None and sum(p.get_height() for p in fig.axes[0].patches) == 3

    # every scored talk was saved once, by the caller; a row opens its Feedback
    sessions = store.list()
    assert sorted(s.title for s in sessions) == ["alice", "bob", "clip"]
    row = dialog.shown_files().index("clip.wav")
    sid = dialog.session_at(row)
    assert sid is not None
    with qtbot.waitSignal(window.open_session, timeout=5000) as opened:
        dialog._double_clicked(dialog.proxy.index(row, 2))
    assert opened.args == [sid]
    feedback = window.pages["feedback"]
    qtbot.waitUntil(lambda: getattr(feedback, "session", None) is not None, timeout=10_000)
    assert feedback.session.id == sid and window.current_page == "feedback"  # type: ignore[attr-defined]

    out = dialog.save_csv(tmp_path / "class.csv")
    assert out is not None and len(read_csv(out)) == 5
    QApplication.processEvents()  # let the chart canvas get its size and draw
    screenshot(dialog, "class_table")


def test_a_second_import_reuses_scored_talks_and_saves_nothing_twice(
    qtbot: QtBot, window: MainWindow, store, tmp_path: Path
) -> None:
    root = tmp_path / "scripts"
    root.mkdir()
    for name, text in SCRIPTS.items():
        (root / Path(name).name).write_text(text, encoding="utf-8")
    first = _import(qtbot, window, root)
    assert len(store.list()) == 2 and not first.outcome.failed
    first.close()
    second = _import(qtbot, window, root)
    assert all(i.reused for i in second.outcome.items)
    assert len(store.list()) == 2
    assert [second.session_at(r) for r in range(2)] != [None, None]
    second.close()
