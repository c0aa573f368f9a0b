"""The reading part of the Feedback page: the summary a speaker reads first, and the trait cards.

:class:`SummaryPanel` shows a :class:`coach.coaching.summary.Summary` (the same sentences page 1
of the PDF prints): how it went, the moment to keep, up to three next steps each with a button
that plays its moment, and what changed since the previous attempt. :class:`TraitCard` is one
trait's sub-score with the metrics of that trait only.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.feedback import clock
from coach.coaching.summary import Moment, Summary
from coach.metrics import METRICS

from ..i18n import meaning, metric
from ..i18n import unit as unit_text

STATUS_COLOUR = {"good": "#3f9c6b", "close": "#d69e2e", "off": "#c53030"}


def status_for(score: float) -> str:
    """'good', 'close' or 'off' for a 0-100 score (the same cut-offs as the metrics)."""
    return "good" if score >= 80 else "close" if score >= 50 else "off"


def value_text(value: float, unit: str) -> str:
    """A metric value with its unit ("148 wpm", "12%", "1.4 /100 words")."""
    shown = f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
    if not unit:
        return shown
    shown_unit = unit_text(unit)
    return f"{shown}{shown_unit}" if unit in ("%",) else f"{shown} {shown_unit}"


def _wrapped(text: str = "", *, rich: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class SummaryPanel(QFrame):
    """How it went, what to keep, next steps with play buttons, what changed."""

    play_moment = Signal(object)
    """A :class:`coach.coaching.summary.Moment` to play (or show, for typed text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.summary: Summary | None = None
        self.playable = False
        self.buttons: list[QPushButton] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 8)
        box.setSpacing(4)
        self.sentences = _wrapped()
        self.sentences.setObjectName("summarySentences")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self.sentences.setFont(font)
        box.addWidget(self.sentences)
        self.keep_row = QHBoxLayout()
        self.keep = _wrapped()
        self.keep_row.addWidget(self.keep, 1)
        box.addLayout(self.keep_row)
        self.steps_title = QLabel(QCoreApplication.translate("SummaryPanel", "<b>Next time</b>"))
        box.addWidget(self.steps_title)
        self.steps = QVBoxLayout()
        self.steps.setSpacing(2)
        box.addLayout(self.steps)
        self.change = _wrapped()
        self.change.setObjectName("summaryChange")
        self.change.setStyleSheet("color: palette(placeholder-text)")
        box.addWidget(self.change)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Wrapped labels report their height at their narrowest; in its scroll area the panel
        # is sized by heightForWidth at its real width instead (no gaps, no clipping).
        hint = super().minimumSizeHint()
        return QSize(hint.width(), 40)

    def _button(self, moment: Moment | None, playable: bool) -> QPushButton:
        at = moment.at_s if moment is not None else None
        text = (
            f"▶ {clock(at)}"
            if playable and at is not None
            else QCoreApplication.translate("SummaryPanel", "Show")
        )
        button = QPushButton(text)
        button.setToolTip(
            QCoreApplication.translate("SummaryPanel", "Play this moment")
            if playable
            else QCoreApplication.translate("SummaryPanel", "Show these words")
        )
        button.setEnabled(moment is not None)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _c=False, m=moment: self.play_moment.emit(m))
        self.buttons.append(button)
        return button

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.summary is not None:
            self.show_summary(self.summary, playable=self.playable)  # quotes in the new grey

    def show_summary(self, summary: Summary, *, playable: bool) -> None:
        """Show ``summary``; ``playable`` when the session has a recording to play."""
        self.summary = summary
        self.playable = playable
        palette = self.palette()  # rich text has no palette(): take the colour by name
        muted = QColor(palette.color(QPalette.ColorRole.PlaceholderText)).name()
        for b in self.buttons:
            b.setParent(None)
            b.deleteLater()
        self.buttons = []
        while self.steps.count():
            item = self.steps.takeAt(0)
            row = item.layout() if item is not None else None
            while row is not None and row.count():
                inner = row.takeAt(0)
                widget = inner.widget() if inner is not None else None
                if widget is not None:
                    widget.setParent(None)
                    widget.deleteLater()
        self.sentences.setText(html.escape(summary.paragraph))
        if summary.keep is not None:
            at = (
                f" ({clock(summary.keep.moment.at_s)})"
                if summary.keep.moment.at_s is not None
                else ""
            )
            self.keep.setText(
                QCoreApplication.translate("SummaryPanel", "<b>Keep</b> “{0}”{1}: {2}.").format(
                    html.escape(summary.keep.moment.quote), at, html.escape(summary.keep.reason)
                )
            )
            self.keep_row.addWidget(self._button(summary.keep.moment, playable))
        self.keep.setVisible(summary.keep is not None)
        self.steps_title.setVisible(bool(summary.steps))
        for i, step in enumerate(summary.steps, 1):
            where = ""
            if step.moment is not None and step.moment.quote:
                quote = html.escape(step.moment.quote)
                where = f" <span style='color: {muted}'>“{quote}”</span>"
            text = _wrapped(f"<b>{i}.</b>&nbsp;{html.escape(step.action)}{where}")
            text.setToolTip(step.detail)
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(self._button(step.moment, playable), 0, Qt.AlignmentFlag.AlignTop)
            self.steps.addLayout(row)
        self.change.setText(html.escape(summary.change or ""))
        self.change.setVisible(bool(summary.change))


class TraitCard(QFrame):
    """One trait: its sub-score, its weakest metric against the band, and what that means.

    Only the trait's own metrics are used (``metrics`` is filtered by the catalogue's trait, so
    a stored session from before the Voice trait existed shows pitch under Voice, not Pace).
    """

    def __init__(self, trait: str, score: float, metrics: list[Any]) -> None:
        super().__init__()
        self.setObjectName("traitCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        metrics = [m for m in metrics if _trait_of(m) == trait]
        self.metrics = metrics
        status = status_for(score)
        colour = STATUS_COLOUR[status]
        self.setStyleSheet(f"QFrame#traitCard {{ border-left: 5px solid {colour}; }}")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 6, 4)
        box.setSpacing(1)
        name = QCoreApplication.translate("Traits", trait)  # Chinese under a Chinese locale
        head = QLabel(f"<b>{html.escape(name)}</b> &nbsp;<span style='color:{colour}; "
                      f"font-size:large'><b>{score:.0f}</b></span>")  # fmt: skip
        box.addWidget(head)
        worst = min(metrics, key=lambda m: m.score) if metrics else None
        self.shown_metric = worst
        if worst is not None:
            band = f"{worst.target_low:g}–{worst.target_high:g}"
            line = _wrapped(
                f"{html.escape(QCoreApplication.translate('Metrics', worst.label))}: "
                f"<b>{html.escape(value_text(worst.value, worst.unit))}</b>"
                + self.tr(" (target {0})").format(band)
            )
            box.addWidget(line)
            explained = _wrapped(
                html.escape(
                    meaning(METRICS[worst.name].meaning) if worst.name in METRICS else worst.why
                )
            )
            explained.setStyleSheet("color: palette(placeholder-text)")
            box.addWidget(explained)
        box.addStretch(1)
        self.setToolTip(
            "\n".join(
                self.tr("{0}: {1} (target {2}–{3}), score {4}. {5}").format(
                    metric(m.label),
                    value_text(m.value, m.unit),
                    f"{m.target_low:g}",
                    f"{m.target_high:g}",
                    f"{m.score:.0f}",
                    m.why,
                )
                for m in metrics
            )
        )
        self.trait = trait
        self.score = score
        self.status = status


def _trait_of(metric: Any) -> str:
    spec = METRICS.get(metric.name)
    return spec.trait if spec is not None else str(metric.trait)


def group_by_trait(metrics: Any) -> dict[str, list[Any]]:
    """Metrics grouped under their catalogue trait."""
    out: dict[str, list[Any]] = {}
    for m in metrics:
        out.setdefault(_trait_of(m), []).append(m)
    return out
