"""History page: every saved session grouped by talk, progress across attempts, and a side-by-side
comparison of two sessions.

The table is one model/view pair (:class:`ui.models.SessionTreeModel` behind a sort/filter proxy),
so a thousand sessions cost no more widgets than ten. Searching the words said asks the store
(SQLite) for matching ids; everything else filters in the proxy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.progress import Comparison

from ..models import ID_ROLE, NO_TALK, SessionFilterProxy, SessionTreeModel
from ..pages.history_panels import ComparePanel, ProgressPanel

UNDO_MS = 10_000
SEARCH_DELAY_MS = 250
ALL_TALKS = str(QT_TRANSLATE_NOOP("HistoryPage", "All talks"))


class HistoryPage(QWidget):
    """All sessions: search, filter by talk, sort, rename, delete with undo, restore, compare."""

    open_session = Signal(int)
    """The user wants this session's Feedback page."""
    refreshed = Signal()
    compared = Signal(object)

    def __init__(self, store: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryPage")
        self.store = store
        self.settings = settings
        self.showing_trash = False
        self._shown_once = False
        self._last_deleted: list[int] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("HistoryPage", "Search titles and words said…")
        )
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.talk_filter = QComboBox()
        self.talk_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.trash_button = QPushButton(QCoreApplication.translate("HistoryPage", "Trash"))
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self.show_trash)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.talk_filter, 1)
        bar.addWidget(self.trash_button)

        self.model = SessionTreeModel(self)
        self.model.on_rename = self._rename
        self.model.on_move = self._move
        self.proxy = SessionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # widths from sample text, once: measuring every row's contents costs ~1 s at 1,000 rows
        bold = QFont(self.view.font())
        bold.setBold(True)  # talk rows are bold
        metrics = QFontMetrics(bold)
        samples = ("2026-12-31 23:59  ", "Investor pitch (12)  ", "", "Duration ", "wpm 000",
                   "Figures/min ", "best 100  ")  # fmt: skip
        for column, sample in enumerate(samples):
            if sample:
                indent = self.view.indentation() * 2 if column == 0 else 0  # tree branch space
                header.resizeSection(column, metrics.horizontalAdvance(sample) + indent + 16)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())

        self.open_button = QPushButton(QCoreApplication.translate("HistoryPage", "Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = QPushButton(QCoreApplication.translate("HistoryPage", "Rename"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.compare_button = QPushButton(QCoreApplication.translate("HistoryPage", "Compare"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.delete_button = QPushButton(QCoreApplication.translate("HistoryPage", "Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(QCoreApplication.translate("HistoryPage", "Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.import_folder_button = QPushButton(
            QCoreApplication.translate("HistoryPage", "Import a folder…")
        )
        self.import_folder_button.setToolTip(
            QCoreApplication.translate(
                "HistoryPage", "Score every recording and script in a folder"
            )
        )
        self.import_folder_button.clicked.connect(lambda: self.import_folder())
        self.class_dialog: Any = None
        self.count = QLabel("")
        actions = QHBoxLayout()
        for b in (
            self.open_button,
            self.rename_button,
            self.compare_button,
            self.delete_button,
            self.restore_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.import_folder_button)
        actions.addWidget(self.count)

        self.undo_bar = QWidget()
        self.undo_bar.setStyleSheet("background:#fbf0d9; color:#5c4813;")
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(8, 2, 8, 2)
        self.undo_label = QLabel("")
        self.undo_button = QPushButton(QCoreApplication.translate("HistoryPage", "Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        ub.addWidget(self.undo_label, 1)
        ub.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_MS)
        self.undo_timer.timeout.connect(self.undo_bar.hide)

        self.progress = ProgressPanel(store)
        self.compare = ComparePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.progress, QCoreApplication.translate("HistoryPage", "Progress"))
        self.tabs.addTab(self.compare, QCoreApplication.translate("HistoryPage", "Compare"))

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(bar)
        tv.addWidget(self.view, 1)
        tv.addLayout(actions)
        tv.addWidget(self.undo_bar)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        # keys on the table: Delete to trash, Enter to open; Ctrl+F anywhere on the page
        shortcuts = (
            (self.view, QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
            (self.view, QKeySequence(Qt.Key.Key_Return), self.open_selected),
            (self.view, QKeySequence(Qt.Key.Key_Enter), self.open_selected),
            (self, QKeySequence(QKeySequence.StandardKey.Find), self.search.setFocus),
        )
        for owner, keys, slot in shortcuts:
            shortcut = QShortcut(keys, owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        if self._shown_once:
            self.refresh()  # sessions saved, re-scored or renamed elsewhere since last time
        self._shown_once = True
        super().showEvent(event)

    # -- filling --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload sessions (or the trash) and talks from the store, keeping filters and selection."""
        selected = self.selected_ids()
        sessions = self.store.trash() if self.showing_trash else self.store.list()
        self.model.set_sessions(sessions)
        current = self.talk_filter.currentText()
        self.talk_filter.blockSignals(True)
        self.talk_filter.clear()
        all_talks = QCoreApplication.translate("HistoryPage", ALL_TALKS)
        self.talk_filter.addItem(all_talks)
        talks = sorted({s.talk for s in sessions}, key=str.lower)
        self.talk_filter.addItems([t or self._no_talk() for t in talks])
        self.talk_filter.setCurrentText(current if current in talks else all_talks)
        self.talk_filter.blockSignals(False)
        self.apply_filter()
        if selected:
            self.select_ids(selected)
        if self.progress.talk is None and sessions and not self.showing_trash:
            self.progress.show_talk(sessions[0].talk)  # the talk practised most recently
        self.refreshed.emit()

    def apply_filter(self) -> None:
        """Show sessions matching the search text (title or words said) and the chosen talk."""
        self.search_timer.stop()
        query = self.search.text().strip()
        talk = self.selected_talk_filter()
        ids: set[int] | None = None
        if query or talk is not None:
            if self.showing_trash:
                pool = [
                    s
                    for s in self.store.trash()
                    if (talk is None or s.talk == talk)
                    and (not query or query.lower() in s.title.lower())
                ]
            else:
                pool = self.store.list(talk=talk, query=query or None)
            ids = {s.id for s in pool}
        self.proxy.set_allowed(ids)
        self.view.expandAll()
        shown = self.shown_session_ids()
        count = (
            self.tr("{0} of {1} in the trash")
            if self.showing_trash
            else self.tr("{0} of {1} sessions")
        )
        self.count.setText(count.format(len(shown), self.model.session_count()))
        self._selection_changed()

    def selected_talk_filter(self) -> str | None:
        """The talk chosen in the filter (``None`` for all talks)."""
        text = self.talk_filter.currentText()
        if not text or text == QCoreApplication.translate("HistoryPage", ALL_TALKS):
            return None
        return "" if text == self._no_talk() else text

    @staticmethod
    def _no_talk() -> str:
        return QCoreApplication.translate("HistoryModel", NO_TALK)

    def shown_session_ids(self) -> list[int]:
        """Ids of the sessions visible, in view order (tests and keyboard use)."""
        out = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                out.append(self.proxy.index(r, 0, group).data(ID_ROLE))
        return out

    def show_trash(self, on: bool) -> None:
        """Switch between the sessions and the trash."""
        self.showing_trash = on
        self.delete_button.setVisible(not on)
        self.restore_button.setVisible(on)
        self.refresh()

    # -- selection ------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected sessions, in view order."""
        rows = self.view.selectionModel().selectedRows(0)
        ids = [self.proxy.mapToSource(i).data(ID_ROLE) for i in rows]
        return [i for i in ids if i is not None]

    def select_ids(self, ids: list[int]) -> None:
        """Select these sessions (others are deselected)."""
        sel = self.view.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for sid in ids:
            index = self.proxy.mapFromSource(self.model.index_of(sid))
            if index.isValid():
                sel.select(index, flags)
                if len(ids) == 1:
                    self.view.setCurrentIndex(index)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        trash = self.showing_trash
        self.open_button.setEnabled(len(ids) == 1 and not trash)
        self.rename_button.setEnabled(len(ids) == 1 and not trash)
        self.compare_button.setEnabled(len(ids) == 2 and not trash)
        self.delete_button.setEnabled(bool(ids))
        self.restore_button.setEnabled(bool(ids))
        index = self.view.currentIndex()
        talk = self.model.talk_at(self.proxy.mapToSource(index)) if index.isValid() else None
        if talk is not None and talk != self.progress.talk and not trash:
            self.progress.show_talk(talk)

    def _double_clicked(self, index: QModelIndex) -> None:
        sid = self.proxy.mapToSource(index).data(ID_ROLE)
        if sid is not None and not self.showing_trash and index.column() != 2:
            self.open_session.emit(int(sid))

    # -- actions --------------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the selected session's Feedback page."""
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_session.emit(ids[0])

    def rename_selected(self) -> None:
        """Start editing the selected session's title in place."""
        ids = self.selected_ids()
        if len(ids) == 1:
            index = self.proxy.mapFromSource(self.model.index_of(ids[0]).siblingAtColumn(2))
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def rename(self, session_id: int, title: str) -> bool:
        """Rename a session through the model (so the view updates in place)."""
        index = self.model.index_of(session_id).siblingAtColumn(2)
        return bool(self.model.setData(index, title, Qt.ItemDataRole.EditRole))

    def _rename(self, session_id: int, title: str) -> bool:
        return self._guard(
            QCoreApplication.translate("HistoryPage", "renaming the session"),
            lambda: self.store.rename(session_id, title),
        )

    def _move(self, session_id: int, talk: str) -> bool:
        if not self._guard(
            QCoreApplication.translate("HistoryPage", "moving the session"),
            lambda: self.store.set_talk(session_id, talk),
        ):
            return False

        def regroup() -> None:  # after the editor has committed: never reset a model mid-setData
            self.refresh()
            self.select_ids([session_id])

        QTimer.singleShot(0, regroup)
        return True

    def move_to_talk(self, session_id: int, talk: str) -> bool:
        """Move a session to another talk (the table regroups)."""
        index = self.model.index_of(session_id).siblingAtColumn(1)
        return bool(self.model.setData(index, talk, Qt.ItemDataRole.EditRole))

    def _guard(self, doing: str, action: Any) -> bool:
        """Run a store action; a failure is shown in two parts and the table reloaded."""
        from coach.errors import CoachError

        from ..errors import problem_for, show_problem

        try:
            action()
        except CoachError as exc:
            show_problem(self, problem_for(exc, doing=doing))
            self.refresh()
            return False
        return True

    def delete_selected(self) -> None:
        """Move the selected sessions to the trash; Undo brings them back."""
        ids = self.selected_ids()
        if not ids:
            return
        done = [
            sid
            for sid in ids
            if self._guard(
                QCoreApplication.translate("HistoryPage", "deleting"),
                lambda s=sid: self.store.delete(s),
            )
        ]
        if not done:
            return
        ids = done
        self._last_deleted = ids
        n = len(ids)
        self.undo_label.setText(
            QCoreApplication.translate(
                "HistoryPage", "Moved {0} session{1} to the trash (kept 30 days)."
            ).format(n, "s" if n != 1 else "")
        )
        self.undo_bar.show()
        self.undo_timer.start()
        self.refresh()

    def undo_delete(self) -> None:
        """Restore the sessions the last delete moved to the trash."""
        for sid in self._last_deleted:
            self._guard(
                QCoreApplication.translate("HistoryPage", "restoring"),
                lambda s=sid: self.store.restore(s),
            )
        restored, self._last_deleted = self._last_deleted, []
        self.undo_bar.hide()
        self.refresh()
        self.select_ids(restored)

    def restore_selected(self) -> None:
        """Bring the selected sessions back from the trash."""
        for sid in self.selected_ids():
            self._guard(
                QCoreApplication.translate("HistoryPage", "restoring"),
                lambda s=sid: self.store.restore(s),
            )
        self.refresh()

    def compare_selected(self) -> Comparison | None:
        """Compare the two selected sessions, older first."""
        ids = self.selected_ids()
        if len(ids) != 2:
            return None
        a, b = sorted(ids, key=lambda i: (self.store.get(i).created, i))
        comparison = self.store.compare(a, b)
        texts = [self.store.get(i).review.transcript.text for i in (a, b)]
        self.compare.show_comparison(comparison, *texts)
        self.tabs.setCurrentWidget(self.compare)
        self.compared.emit(comparison)
        return comparison

    def import_folder(self, folder: Path | None = None, *, workers: int | None = None) -> Any:
        """Score a folder of talks (asks which when ``folder`` is None) in the class table window."""
        from PySide6.QtWidgets import QFileDialog

        from ..pages.class_table import ClassTableDialog

        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, QCoreApplication.translate("HistoryPage", "Import a folder of talks")
            )
            if not chosen:
                return None
            folder = Path(chosen)
        dialog = ClassTableDialog(self.store, self.settings, Path(folder), self)
        dialog.open_session.connect(self.open_session.emit)
        dialog.batch_finished.connect(lambda _o: self.refresh())
        self.class_dialog = dialog
        dialog.show()
        dialog.start(workers=workers)
        return dialog
