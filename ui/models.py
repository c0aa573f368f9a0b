"""Qt item models over the engine's records: sessions grouped by talk, and metric comparisons.

Models hold the frozen records the store hands out (:class:`coach.coaching.progress.SessionSummary`) and
format them; they never query the database themselves, so a page can refill them from a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from coach.coaching.progress import MetricChange, SessionSummary

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Session id of a row (``None`` for a talk group row)."""

COLUMNS = (
    str(QT_TRANSLATE_NOOP("HistoryModel", "Date")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "Talk")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "Title")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "Duration")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "wpm")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "Figures/min")),
    str(QT_TRANSLATE_NOOP("HistoryModel", "Score")),
)
NO_TALK = str(QT_TRANSLATE_NOOP("HistoryModel", "(no talk)"))

Index = QModelIndex | QPersistentModelIndex


def format_date(iso: str) -> str:
    """ISO-8601 UTC time as local "2026-11-29 14:05"."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def format_duration(seconds: float | None) -> str:
    """Seconds as m:ss ("" when unknown, e.g. a typed script)."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def _num(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:.{digits}f}"


@dataclass
class _Group:
    talk: str
    sessions: list[SessionSummary] = field(default_factory=list)
    shown: list[tuple[str, ...]] = field(default_factory=list)  # display text, per session


def _display(s: SessionSummary) -> tuple[str, ...]:
    return (
        format_date(s.created),
        s.talk,
        s.title or QCoreApplication.translate("HistoryModel", "Session {0}").format(s.id),
        format_duration(s.duration_s),
        _num(s.wpm),
        _num(s.figures_per_min, 1),
        _num(s.score),
    )


class SessionTreeModel(QAbstractItemModel):
    """Sessions under one row per talk; columns :data:`COLUMNS`.

    Top-level rows are talks (internal id 0); a session row's internal id is its group row + 1.
    ``SORT_ROLE`` gives raw values for sorting (group rows sort by their latest or best value);
    the title of a session is editable and calls ``on_rename(session_id, title) -> bool``; its
    talk too, calling ``on_move(session_id, talk) -> bool``.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self.on_rename: Callable[[int, str], bool] | None = None
        self.on_move: Callable[[int, str], bool] | None = None

    # -- filling --------------------------------------------------------------------------------

    def set_sessions(self, sessions: Sequence[SessionSummary]) -> None:
        """Replace every row; talks keep the order of their newest session."""
        groups: dict[str, _Group] = {}
        for s in sessions:
            group = groups.setdefault(s.talk, _Group(s.talk))
            group.sessions.append(s)
            group.shown.append(_display(s))  # formatted once, not on every paint
        self.beginResetModel()
        self._groups = list(groups.values())
        self.endResetModel()

    def session_count(self) -> int:
        """Number of sessions held."""
        return sum(len(g.sessions) for g in self._groups)

    def summary(self, index: Index) -> SessionSummary | None:
        """The session at ``index`` (``None`` for a talk row)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].sessions[index.row()]

    def talk_at(self, index: Index) -> str | None:
        """The talk of the row at ``index`` (group or session)."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._groups[index.row()].talk
        return self._groups[index.internalId() - 1].talk

    def index_of(self, session_id: int) -> QModelIndex:
        """The index (column 0) of a session, invalid when it is not shown."""
        for g, group in enumerate(self._groups):
            for r, s in enumerate(group.sessions):
                if s.id == session_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    # -- the model interface --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # bounds checked by hand: hasIndex() goes back through rowCount() and costs 3x more
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self._groups[parent.row()].sessions):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].sessions)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryModel", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.internalId() != 0 and index.column() in (1, 2):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        s = self.summary(index)
        if s is None or role != Qt.ItemDataRole.EditRole or index.column() not in (1, 2):
            return False
        if index.column() == 1:
            talk = str(value).strip()
            # regrouping is the page's job: it reloads after the store moved the session
            return talk != s.talk and self.on_move is not None and self.on_move(s.id, talk)
        title = str(value).strip()
        if title == s.title:
            return False
        if self.on_rename is not None and not self.on_rename(s.id, title):
            return False  # the store refused; the page has told the user why
        group = self._groups[index.internalId() - 1]
        group.sessions[index.row()] = _replace_title(s, title)
        group.shown[index.row()] = _display(group.sessions[index.row()])
        self.dataChanged.emit(index, index)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId() - 1]
        s = group.sessions[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return group.shown[index.row()][col]
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.EditRole:
            return (s.talk, s.title)[col - 1] if col in (1, 2) else group.shown[index.row()][col]
        if role == SORT_ROLE:
            return _sort_key(
                (
                    s.created,
                    s.talk.lower(),
                    s.title.lower(),
                    s.duration_s,
                    s.wpm,
                    s.figures_per_min,
                    s.score,
                )[col]  # fmt: skip
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("HistoryModel", "{0}: {1}, profile {2}").format(
                s.title or QCoreApplication.translate("HistoryModel", "Session {0}").format(s.id),
                s.engine,
                s.profile_id,
            )
        return None

    def _group_data(self, g: _Group, col: int, role: int) -> Any:
        latest = g.sessions[0]
        best = max(x.score for x in g.sessions)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return format_date(latest.created)
            if col == 1:
                return f"{g.talk or QCoreApplication.translate('HistoryModel', NO_TALK)}  ({len(g.sessions)})"
            if col == 6:
                return QCoreApplication.translate("HistoryModel", "best {0}").format(f"{best:.0f}")
            return ""
        if role == SORT_ROLE:
            return _sort_key(
                (latest.created, g.talk.lower(), g.talk.lower(), None, None, None, best)[col]
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("HistoryModel", "{0} attempts at {1}").format(
                len(g.sessions),
                g.talk or QCoreApplication.translate("HistoryModel", "no named talk"),
            )
        return None


def _replace_title(s: SessionSummary, title: str) -> SessionSummary:
    from dataclasses import replace

    return replace(s, title=title)


def _sort_key(value: Any) -> Any:
    # None sorts below every number; strings and numbers never meet in one column
    if value is None:
        return float("-inf")
    return value


class SessionFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and keeps sessions whose id is in :attr:`allowed` (``None``: all).

    Talk rows stay while any of their sessions does. Sorting uses Qt's own comparison of the
    ``SORT_ROLE`` values (numbers, or lower-case text), which keeps 1,000 rows quick.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.allowed: set[int] | None = None
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)

    def set_allowed(self, ids: set[int] | None) -> None:
        """Show only these session ids (``None`` shows every session)."""
        self.beginFilterChange()
        self.allowed = ids
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not source_parent.isValid():
            return self.allowed is None  # a talk row: kept by recursion when a child matches
        sid = self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE)
        return self.allowed is None or sid in self.allowed


VERDICT_COLOURS = {
    "better": "#2f855a",
    "worse": "#c53030",
    "same": "#616e7c",
    "new": "#2f5d8a",
    "gone": "#616e7c",
}
VERDICT_WORDS = {
    "better": "improved",
    "worse": "slipped",
    "same": "same",
    "new": "new",
    "gone": "not measured",
}


class ComparisonModel(QAbstractTableModel):
    """Metric by metric: first value, second value, target band and whether it improved."""

    HEADERS = (
        str(QT_TRANSLATE_NOOP("ComparisonModel", "Metric")),
        str(QT_TRANSLATE_NOOP("ComparisonModel", "First")),
        str(QT_TRANSLATE_NOOP("ComparisonModel", "Second")),
        str(QT_TRANSLATE_NOOP("ComparisonModel", "Target")),
        str(QT_TRANSLATE_NOOP("ComparisonModel", "Change")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MetricChange] = []

    def set_changes(self, changes: Sequence[MetricChange]) -> None:
        """Show these metric changes, those that moved first."""
        order = {"worse": 0, "better": 1, "new": 2, "gone": 3, "same": 4}
        self.beginResetModel()
        self._rows = sorted(changes, key=lambda c: order[c.verdict])
        self.endResetModel()

    def change(self, row: int) -> MetricChange:
        """The metric change on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ComparisonModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            unit = f" {c.unit}" if c.unit and not c.unit.startswith("/") else c.unit
            return (
                c.label,
                "-" if c.value1 is None else f"{c.value1:.3g}{unit}",
                "-" if c.value2 is None else f"{c.value2:.3g}{unit}",
                f"{c.target_low:g}-{c.target_high:g}",
                VERDICT_WORDS[c.verdict],
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return c.label
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QBrush(QColor(VERDICT_COLOURS[c.verdict]))
        if role == Qt.ItemDataRole.FontRole and col == 4 and c.verdict in ("better", "worse"):
            font = QFont()
            font.setBold(True)
            return font
        return None
