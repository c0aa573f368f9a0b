"""The History page's lower half: progress across attempts and two sessions side by side.

:class:`ProgressPanel` charts the score or one metric over the attempts of a talk with its band
(query and figure built on a worker thread); :class:`ComparePanel` shows a store comparison metric
by metric and both transcripts with what changed marked.
"""

from __future__ import annotations

import html
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.progress import Comparison, SessionSummary
from coach.metrics import METRICS
from coach.text import norm

from ..i18n import metric
from ..models import ComparisonModel, format_date
from ..widgets.chart_canvas import is_dark
from ..workers import run_task


class ProgressPanel(QWidget):
    """A chart of the score or one metric across the attempts of a talk, with the target band."""

    drawn = Signal()
    """The chart and caption now show the current talk and metric."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._generation = 0
        self._task: Any = None
        self.talk: str | None = None
        self.canvas: Any = None
        self.figure: Any = None
        self.metric_box = QComboBox()
        self.metric_box.addItem(
            QCoreApplication.translate("ProgressPanel", "Overall score"),
            "score",
        )
        for name, spec in METRICS.items():
            self.metric_box.addItem(metric(spec.label), name)
        self.metric_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.caption = QLabel(
            QCoreApplication.translate(
                "ProgressPanel", "Choose a talk or a session to see its progress."
            )
        )
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("ProgressPanel", "Show:")))
        top.addWidget(self.metric_box)
        top.addWidget(self.caption, 1)
        self.box = QVBoxLayout(self)
        self.box.addLayout(top)

    def show_talk(self, talk: str | None) -> None:
        """Chart the attempts of ``talk`` (``None``: nothing chosen yet)."""
        self.talk = talk
        self.refresh()

    def points(self) -> list[tuple[SessionSummary, float]]:
        """The (session, value) pairs charted, oldest first."""
        return _points(self.store, self.talk, self.metric_box.currentData())

    def band(self, points: list[tuple[SessionSummary, float]]) -> tuple[float, float] | None:
        """The target band of the chosen metric in the latest attempt's profile."""
        return _band(points, self.metric_box.currentData())

    def refresh(self) -> None:
        """Redraw the chart for the current talk and metric.

        The database query and the figure are built on a worker thread; only the canvas is made
        here. :attr:`drawn` follows; a result for an older choice is dropped.
        """
        self._generation += 1
        generation = self._generation
        talk, metric, label = (
            self.talk,
            self.metric_box.currentData(),
            self.metric_box.currentText(),
        )
        store = self.store

        def work() -> tuple[Any, list[tuple[SessionSummary, float]], Any]:
            from coach.report.charts import progress_chart

            points = _points(store, talk, metric) if talk is not None else []
            band = _band(points, metric)
            pairs = [(_when(s.created), v) for s, v in points]
            fig = progress_chart(pairs, metric=metric, band=band, height_in=2.6)
            return fig, points, band

        def done(result: tuple[Any, list[tuple[SessionSummary, float]], Any]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._drawn(talk, label, *result)

        self._task = run_task(
            work,
            on_result=done,
            on_error=lambda exc: self._failed(exc) if shiboken6.isValid(self) else None,
        )

    def _failed(self, exc: BaseException) -> None:
        self.caption.setText(
            QCoreApplication.translate(
                "ProgressPanel", "The progress chart could not be drawn: {0}"
            ).format(exc)
        )

    def _drawn(
        self,
        talk: str | None,
        label: str,
        fig: Any,
        points: list[tuple[SessionSummary, float]],
        band: tuple[float, float] | None,
    ) -> None:
        self._show_figure(fig)
        name = talk or "No talk"
        if talk is None:
            self.caption.setText(
                QCoreApplication.translate(
                    "ProgressPanel", "Choose a talk or a session to see its progress."
                )
            )
        elif not points:
            self.caption.setText(
                QCoreApplication.translate(
                    "ProgressPanel", "“{0}”: {1} was not measured yet."
                ).format(name, label)
            )
        else:
            first, last = points[0][1], points[-1][1]
            band_text = f"; target {band[0]:g}-{band[1]:g}" if band else ""
            self.caption.setText(
                QCoreApplication.translate(
                    "ProgressPanel", "“{0}”, {1} attempts: {2} {3:.3g} → {4:.3g}{5}."
                ).format(name, len(points), label, first, last, band_text)
            )
        self.drawn.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.figure is not None:
            from coach.report.chart_theme import themed

            themed(self.figure, dark=is_dark(self))
            if self.canvas is not None:
                self.canvas.draw_idle()

    def _show_figure(self, fig: Any) -> None:
        from coach.report.chart_theme import themed

        from ..widgets.chart_canvas import page_canvas

        themed(fig, dark=is_dark(self))
        if self.canvas is not None:
            self.box.removeWidget(self.canvas)
            self.canvas.setParent(None)
            self.canvas.deleteLater()
        self.figure = fig  # built without pyplot, so nothing global to close
        self.canvas = page_canvas(fig)
        # at least the height the margins were laid out for (inches), or labels get clipped
        self.canvas.setMinimumHeight(int(fig.get_figheight() * fig.dpi))
        self.box.addWidget(self.canvas, 1)


def _points(store: Any, talk: str | None, metric: str) -> list[tuple[SessionSummary, float]]:
    return list(store.trend(talk=talk, metric=metric))


def _band(points: list[tuple[SessionSummary, float]], metric: str) -> tuple[float, float] | None:
    if metric == "score" or not points:
        return None
    from coach.errors import CoachError
    from coach.profile import load_profile

    try:
        target = load_profile(points[-1][0].profile_id).metrics.get(metric)
    except CoachError:
        return None
    return (target.low, target.high) if target else None


def _when(iso: str) -> Any:
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso


class ComparePanel(QWidget):
    """Two sessions side by side: score change, metric by metric, and both transcripts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.headline = QLabel(
            QCoreApplication.translate("ComparePanel", "Select two sessions and press Compare.")
        )
        self.headline.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # values, band and change always whole; the metric name takes what is left (elided,
        # full name in its tooltip): no horizontal scrolling at normal sizes
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.first_text = QTextBrowser()
        self.second_text = QTextBrowser()
        texts = QSplitter()
        for title_, browser in (("First", self.first_text), ("Second", self.second_text)):
            holder = QWidget()
            v = QVBoxLayout(holder)
            v.setContentsMargins(0, 0, 0, 0)
            label = QLabel(title_)
            label.setObjectName(f"{title_.lower()}_title")
            v.addWidget(label)
            v.addWidget(browser)
            texts.addWidget(holder)
        self.first_title = self._title_of(texts, 0)
        self.second_title = self._title_of(texts, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(texts)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([550, 450])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)

    @staticmethod
    def _title_of(texts: QSplitter, index: int) -> QLabel:
        holder = texts.widget(index)
        label = holder.findChild(QLabel) if holder is not None else None
        assert label is not None, "each side of the compare view has a title"
        return label

    def show_comparison(self, comparison: Comparison, first_text: str, second_text: str) -> None:
        """Fill the panel from a store comparison and the two transcripts."""
        self.comparison = comparison
        a, b = comparison.first, comparison.second
        better = [METRICS[n].label for n in comparison.improved()]
        worse = [METRICS[n].label for n in comparison.worsened()]
        change = round(b.score) - round(a.score)
        arrow = "up" if change > 0 else ("down" if change < 0 else "unchanged")
        # first → second, like the scores after it
        parts = [
            f"<b>{html.escape(a.title or 'Session ' + str(a.id))}</b> → "
            f"<b>{html.escape(b.title or 'Session ' + str(b.id))}</b>: score {a.score:.0f} → "
            f"{b.score:.0f} ({arrow}{f' {abs(change):.0f}' if change else ''})."
        ]
        if better:
            parts.append(
                "<span style='color:#2f855a'>Improved: "
                + html.escape(", ".join(better))
                + ".</span>"
            )
        if worse:
            parts.append(
                "<span style='color:#c53030'>Slipped: " + html.escape(", ".join(worse)) + ".</span>"
            )
        self.headline.setText(" ".join(parts))
        self.model.set_changes(comparison.metrics)
        self.table.resizeColumnsToContents()
        self._fit_table()
        for label, s in ((self.first_title, a), (self.second_title, b)):
            if label is not None:
                label.setText(f"{format_date(s.created)} · {s.title or 'Session ' + str(s.id)}")
        old_html, new_html = word_diff_html(first_text, second_text)
        self.first_text.setHtml(old_html)
        self.second_text.setHtml(new_html)

    def table_width(self) -> int:
        """Width the table needs to show every column whole (metric names at full length)."""
        header = self.table.horizontalHeader()
        metric = max([self.table.sizeHintForColumn(0), header.sectionSizeHint(0)], default=0)
        rest = sum(header.sectionSize(c) for c in range(1, self.model.columnCount()))
        return (
            metric
            + rest
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )

    def _fit_table(self) -> None:
        """Give the table the room its columns need, the transcripts the rest."""
        total = sum(self.split.sizes()) or self.split.width()
        want = min(self.table_width(), int(total * 0.62))
        self.split.setSizes([want, max(0, total - want)])


def word_diff_html(first: str, second: str) -> tuple[str, str]:
    """Both transcripts as HTML: words only in the first struck out in red, words only in the
    second in green, so what changed between two attempts stands out."""
    import difflib

    a, b = first.split(), second.split()
    left: list[str] = []
    right: list[str] = []
    # words compare without case or punctuation: "ago" and "ago," are the same word
    matcher = difflib.SequenceMatcher(a=[norm(w) for w in a], b=[norm(w) for w in b],
                                      autojunk=False)  # fmt: skip
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old = html.escape(" ".join(a[i1:i2]))
        new = html.escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<span style='color:#c53030; text-decoration:line-through'>{old}</span>")
        if new:
            right.append(f"<span style='color:#2f855a; font-weight:600'>{new}</span>")
    return " ".join(left), " ".join(right)
