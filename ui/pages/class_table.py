"""Class table: a folder of talks scored in one go (History → "Import a folder…").

The batch (:func:`coach.batch.run.run_batch` on a local process pool) runs on a worker thread; this
window shows its progress, then the class table (sortable, failed talks with their error) and the
distribution of scores. Each scored talk is saved as a session by the batch's caller thread (one
writer), so double-clicking a row opens that talk's Feedback.
"""

from __future__ import annotations

import statistics
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..widgets.chart_canvas import ChartCanvas
from ..workers import run_task

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    ("file", str(QT_TRANSLATE_NOOP("ClassTableDialog", "File"))),
    ("match", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Match"))),
    ("duration_s", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Length"))),
    ("words", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Words"))),
    ("wpm", str(QT_TRANSLATE_NOOP("ClassTableDialog", "wpm"))),
    ("figures_per_100_words", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Figures/100 w"))),
    ("figures_per_min", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Figures/min"))),
    ("hype_per_100_words", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Hype/100 w"))),
    ("top_tip", str(QT_TRANSLATE_NOOP("ClassTableDialog", "Top tip"))),
)


def _shown(key: str, value: Any) -> str:
    from coach.coaching.feedback import clock

    if value is None:
        return "–"
    if key == "duration_s":
        return clock(value)
    if key in ("match", "wpm"):
        return f"{value:.0f}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class ClassTableDialog(QDialog):
    """Scores every talk in ``folder``, then shows the class table and the score distribution."""

    open_session = Signal(int)
    """The user wants this talk's Feedback page (its saved session id)."""
    batch_finished = Signal(object)
    """The :class:`coach.batch.run.BatchOutcome`, or the exception that stopped the batch."""

    def __init__(
        self, store: Any, settings: Any, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ClassTableDialog")
        self.setWindowTitle(
            QCoreApplication.translate("ClassTableDialog", "Class: {0}").format(folder.name)
        )
        self.resize(980, 680)
        self.store = store
        self.settings = settings
        self.folder = folder
        self.outcome: Any = None
        self.profile_name = ""
        self.task: Any = None
        self._stop = threading.Event()

        self.heading = QLabel(
            QCoreApplication.translate("ClassTableDialog", "Scoring the talks in {0} …").format(
                folder
            )
        )
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.status = QLabel(
            QCoreApplication.translate("ClassTableDialog", "Starting the workers…")
        )
        self.stop_button = QPushButton(QCoreApplication.translate("ClassTableDialog", "Stop"))
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ClassTableDialog", title) for _key, title in COLUMNS]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._double_clicked)
        self.chart = ChartCanvas("The score distribution appears when the talks are scored.")

        self.open_button = QPushButton(
            QCoreApplication.translate("ClassTableDialog", "Open feedback")
        )
        self.open_button.clicked.connect(self.open_selected)
        self.csv_button = QPushButton(
            QCoreApplication.translate("ClassTableDialog", "Save as CSV…")
        )
        self.csv_button.clicked.connect(self.choose_csv)
        self.summary = QLabel("")
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.csv_button)
        actions.addStretch(1)
        actions.addWidget(self.summary)
        for b in (self.open_button, self.csv_button):
            b.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 3)
        layout.addLayout(actions)
        layout.addWidget(self.chart, 2)

    # -- running --------------------------------------------------------------------------------

    def start(self, *, workers: int | None = None) -> Any:
        """Run the batch on a worker thread (a local process pool does the scoring)."""
        store, folder, stop = self.store, self.folder, self._stop
        profile_name = self.settings.get("default_profile") or None
        options = self.settings.transcription_options()
        engine = options.get("engine")  # every engine Coach has runs on this machine

        def work(report: Any) -> Any:
            from coach.batch.cache import ResultsCache
            from coach.batch.outputs import Outputs
            from coach.batch.run import LocalRunner, run_batch
            from coach.batch.work import make_job
            from coach.paths import data_dir
            from coach.profile import load_profile

            job = make_job(load_profile(profile_name), engine=engine, model=options.get("model"))
            outputs = Outputs(store=store)

            def progress(p: Any) -> None:
                left = "" if p.eta_s is None else f", about {round(p.eta_s)} s left"
                reused = f", {p.reused} already scored" if p.reused else ""
                failed = f", {p.failed} failed" if p.failed else ""
                report(
                    p.done / max(1, p.total), f"{p.done} of {p.total} talks{reused}{failed}{left}"
                )

            outcome = run_batch(
                [folder], job, runner=LocalRunner(workers),
                cache=ResultsCache(data_dir() / "batch-results.jsonl"),
                on_scored=outputs.write, reuse=outputs.has, progress=progress,
                should_stop=stop.is_set,
            )  # fmt: skip
            return outcome, job.profile.name

        self.task = run_task(work, with_progress=True, on_result=self._done,
                             on_error=self._failed, on_progress=self._progress, owner=self)  # fmt: skip
        return self.task

    def stop(self) -> None:
        """Ask the batch to stop; finished talks stay saved and are reused next time."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("ClassTableDialog", "Stopping…"))

    def _progress(self, done: float, message: str) -> None:
        self.bar.setValue(int(done * 1000))
        self.status.setText(message)

    def _failed(self, exc: BaseException) -> None:
        from ..errors import problem_for, show_problem

        self.stop_button.setEnabled(False)
        self.status.setText(
            QCoreApplication.translate("ClassTableDialog", "The import stopped: {0}").format(exc)
        )
        self.batch_finished.emit(exc)
        show_problem(
            self,
            problem_for(exc, doing=QCoreApplication.translate("Problem", "importing the folder")),
        )

    def _done(self, result: tuple[Any, str]) -> None:
        outcome, self.profile_name = result
        self.outcome = outcome
        self.stop_button.setEnabled(False)
        self.bar.setValue(1000)
        n, failed = len(outcome.items), outcome.failed
        if outcome.interrupted:
            self.status.setText(
                QCoreApplication.translate(
                    "ClassTableDialog",
                    "Stopped. Import the folder again to finish: scored talks are kept.",
                )
            )
        else:
            self.status.setText(f"Done: {n - failed} of {n} talks scored"
                                + (f", {failed} could not be scored (see their rows)." if failed else "."))  # fmt: skip
        self.heading.setText(
            QCoreApplication.translate("ClassTableDialog", "Class: {0}").format(self.folder)
        )
        self.fill(outcome)
        self.batch_finished.emit(outcome)

    # -- the table ------------------------------------------------------------------------------

    def fill(self, outcome: Any) -> None:
        """Show one row per talk (failed talks with their error) and the score distribution."""
        from coach.report.class_charts import score_distribution

        self.model.removeRows(0, self.model.rowCount())
        scores = []
        for item in outcome.items:
            row = item.row
            cells = []
            for key, _title in COLUMNS:
                value = getattr(row, key)
                if key == "top_tip" and row.failed:
                    value = f"Could not be scored: {row.error}"
                cell = QStandardItem(_shown(key, value))
                cell.setData(value if value is not None else -1.0, SORT_ROLE)
                cell.setData(item.outputs.get("session"), SESSION_ROLE)
                cell.setToolTip(row.error or str(value or ""))
                if row.failed:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                cells.append(cell)
            self.model.appendRow(cells)
            if row.match is not None:
                scores.append(row.match)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.chart.set_figure(
            score_distribution(scores, profile_name=self.profile_name, height_in=2.2)
        )
        self.summary.setText(
            f"{len(scores)} scored, {outcome.failed} failed"
            + (f", median {statistics.median(scores):.0f}" if scores else "")
        )
        self.csv_button.setEnabled(bool(outcome.items))
        self.open_button.setEnabled(bool(scores))

    def session_at(self, row: int) -> int | None:
        """The saved session of the talk shown in view row ``row`` (``None`` if it failed)."""
        value = self.proxy.index(row, 0).data(SESSION_ROLE)
        return None if value is None else int(value)

    def shown_files(self) -> list[str]:
        """File names in view order (tests and keyboard use)."""
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def _double_clicked(self, index: QModelIndex) -> None:
        sid = self.session_at(index.row())
        if sid is not None:
            self.open_session.emit(sid)
            parent = self.parentWidget()
            if parent is not None:  # bring the main window (now on Feedback) to the front
                parent.window().raise_()
                parent.window().activateWindow()

    def open_selected(self) -> None:
        """Open the selected talk's Feedback page."""
        rows = self.view.selectionModel().selectedRows(0)
        if rows:
            self._double_clicked(rows[0])

    def choose_csv(self) -> None:
        """Ask where to save the class table as CSV."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ClassTableDialog", "Save the class table"),
            str(self.folder.with_suffix(".csv")),
            QCoreApplication.translate("ClassTableDialog", "CSV (*.csv)"),
        )
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> Path | None:
        """Write the class table to ``path`` (a failure is shown in two parts)."""
        from coach.batch.table import write_csv
        from coach.errors import CoachError

        from ..errors import problem_for, show_problem

        try:
            return write_csv(self.outcome.rows, path)
        except CoachError as exc:
            show_problem(
                self,
                problem_for(
                    exc, doing=QCoreApplication.translate("Problem", "saving the class table")
                ),
            )
            return None

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self._stop.set()  # a running batch ends its workers; scored talks stay saved
        super().closeEvent(event)
