"""History page and Script studio speed (goal: every GUI-thread step well under 100 ms).

History: stores 1,000 sessions over five talks in a fresh temporary folder (one reviewed demo
rehearsal saved 1,000 times), then times building the page, a full refresh, a search of the words
said, a talk filter, sorting by score and the progress chart of one talk with 200 attempts
(built on a worker thread, timed until shown). Script studio: times ``lint_script`` (runs on a
worker thread) and drawing its marks in the editor (GUI thread) for a 3,000-word script. Prints
the median of repeated runs.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_SESSIONS = 1000
TALKS = ["Bakery", "Investors", "Town hall", "Launch", "Wedding"]


def timed(label: str, fn: Callable[[], object], *, runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"{label:<44} {statistics.median(times):8.1f} ms  (median of {runs})")


def main() -> None:
    home = tempfile.mkdtemp(prefix="coach-bench-pages-")
    os.environ["COACH_HOME"] = home
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from coach_ui.pages.history import HistoryPage
    from coach_ui.pages.script import ScriptEditor
    from coach_ui.settings import Settings

    from coach.coaching.review import review
    from coach.paths import samples_dir
    from coach.script.lint import lint_script
    from coach.store.sessions import SessionStore
    from coach.text import transcript_from_text

    demo = (samples_dir() / "demo.txt").read_text(encoding="utf-8")
    store = SessionStore(Path(home) / "sessions.db")
    rv = review(transcript_from_text(demo))
    t0 = time.perf_counter()
    for i in range(N_SESSIONS):
        store.save(rv, title=f"Take {i}", talk=TALKS[i % len(TALKS)])
    print(f"stored {N_SESSIONS} sessions in {time.perf_counter() - t0:.1f} s (setup)")

    page: HistoryPage | None = None

    def build() -> None:
        nonlocal page
        page = HistoryPage(store, Settings())

    timed("History: build page (1,000 sessions)", build, runs=3)
    assert page is not None
    page.resize(1100, 720)
    page.show()
    app.processEvents()
    timed("History: refresh from the store", page.refresh)

    def search() -> None:
        page.search.setText("landlord")
        page.apply_filter()

    timed("History: search words said", search)
    page.search.setText("")

    def talk() -> None:
        page.talk_filter.setCurrentText("Launch")

    timed("History: filter one talk", talk, runs=1)
    page.talk_filter.setCurrentText("All talks")

    def sort() -> None:
        page.view.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        page.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)

    timed("History: sort by score (twice)", sort)

    def chart() -> None:
        loop = QEventLoop()
        page.progress.drawn.connect(loop.quit)
        page.progress.show_talk("Bakery")  # query and figure on a worker, canvas here
        loop.exec()
        page.progress.drawn.disconnect(loop.quit)

    timed("History: progress chart of 200 attempts (until drawn)", chart)
    print(f"History: rows shown {len(page.shown_session_ids())}")

    script = (demo + "\n\n") * 20
    lint = lint_script(script)
    print(f"Script: {lint.words} words, {len(lint.marks)} marks")
    timed("Script: lint_script (worker thread)", lambda: lint_script(script))
    editor = ScriptEditor()
    editor.setPlainText(script)
    timed("Script: draw marks (GUI thread)", lambda: editor.set_marks(lint.marks))
    store.close()


if __name__ == "__main__":
    main()
