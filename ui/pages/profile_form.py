"""The profile editor form: every target of a profile as a row of validated editors.

Used by the Profiles page; invalid values (a band upside down, a negative weight, no reason)
are marked in red with one sentence each, and :meth:`ProfileForm.edited` returns the profile as
entered.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from coach.metrics import METRICS
from coach.paths import bundled_profiles_dir
from coach.profile import Profile, Target

from ..i18n import meaning, metric, unit

INVALID_STYLE = "background:#f9e0e0; color:#1f2933;"
MAX_VALUE = 1_000_000.0


def is_bundled(profile: Profile) -> bool:
    """True for a profile shipped with Coach (read-only here)."""
    return profile.path is not None and profile.path.parent == bundled_profiles_dir()


class WhyEdit(QTextEdit):
    """One sentence of plain text, wrapped and as tall as it needs: the whole "why" shows,
    never cut at the box's edge as a one-line field cut it."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        self.setPlainText(text)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        """The sentence (line breaks become spaces: a why is one sentence)."""
        return " ".join(self.toPlainText().split())

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # one sentence: Enter does not break the line
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        height = int(doc.size().height()) + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def fully_shown(self) -> bool:
        """True when every line of the text is inside the box (tests use it)."""
        return self.document().size().height() <= self.viewport().height() + 1


class TargetRow:
    """The editors of one metric's target: band, weight and why."""

    def __init__(self, name: str, target: Target) -> None:
        self.name = name
        self.target = target
        spec = METRICS[name]
        self.label = QLabel(f"<b>{metric(spec.label)}</b>")
        self.label.setToolTip(meaning(spec.meaning))
        self.low = self._spin(target.low)
        self.high = self._spin(target.high)
        self.unit = QLabel(unit(spec.unit))
        self.weight = self._spin(target.weight, step=0.5)
        self.why = WhyEdit(target.why)
        self.why.setToolTip(target.why)
        self.source = QLabel(QCoreApplication.translate("TargetRow", "Source: ") + target.source)
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(placeholder-text); font-size:11px;")
        self.source.setToolTip(target.source)

    @staticmethod
    def _spin(value: float, *, step: float = 1.0) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(2)
        spin.setRange(-MAX_VALUE, MAX_VALUE)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setFixedWidth(92)
        return spin

    def widgets(self) -> tuple[QWidget, ...]:
        """The editors in column order."""
        return (self.label, self.low, self.high, self.unit, self.weight, self.why, self.source)

    def set_editable(self, on: bool) -> None:
        """Allow or forbid editing (bundled profiles are read-only)."""
        for w in (self.low, self.high, self.weight):
            w.setReadOnly(not on)
            w.setButtonSymbols(
                QDoubleSpinBox.ButtonSymbols.UpDownArrows
                if on
                else QDoubleSpinBox.ButtonSymbols.NoButtons
            )
        self.why.setReadOnly(not on)

    def problem(self) -> str:
        """What is wrong with the values entered ("" when they are valid)."""
        label = METRICS[self.name].label
        if self.low.value() > self.high.value():
            return f"{label}: low {self.low.value():g} is above high {self.high.value():g}."
        if self.weight.value() < 0:
            return f"{label}: the weight must be zero or more."
        if not self.why.text().strip():
            return f"{label}: say in one sentence why this target matters."
        return ""

    def value(self) -> Target:
        """The edited target."""
        return replace(
            self.target,
            low=self.low.value(),
            high=self.high.value(),
            weight=self.weight.value(),
            why=self.why.text().strip(),
        )


class ProfileForm(QWidget):
    """A profile's header and every target as one row of editors."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: Profile | None = None
        self.rows: dict[str, TargetRow] = {}
        self.name = QLineEdit()
        self.name.setPlaceholderText(
            QCoreApplication.translate("ProfileForm", "Name of this profile")
        )
        self.name.textChanged.connect(lambda _t: self.validate())
        self.description = QLabel("")
        self.description.setWordWrap(True)
        self.origin = QLabel("")
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("color: palette(placeholder-text);")
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color:#c53030;")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.grid = QGridLayout()
        self._new_grid()
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.description)
        layout.addWidget(self.origin)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.problems)

    def _new_grid(self) -> None:
        # a fresh host widget each time: the scroll area deletes the old one with its editors
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.setColumnStretch(5, 1)
        self.grid.setColumnMinimumWidth(0, 230)
        self.grid.setVerticalSpacing(2)
        self.grid.setSizeConstraint(QGridLayout.SizeConstraint.SetMinimumSize)
        self.scroll_area.setWidget(host)

    def show_profile(self, profile: Profile, *, editable: bool) -> None:
        """Show ``profile``; ``editable`` allows changing name, bands, weights and reasons."""
        self.profile = profile
        self._new_grid()
        heads = (
            QCoreApplication.translate("ProfileForm", "Metric"),
            QCoreApplication.translate("ProfileForm", "Low"),
            QCoreApplication.translate("ProfileForm", "High"),
            QCoreApplication.translate("ProfileForm", "Unit"),
            QCoreApplication.translate("ProfileForm", "Weight"),
        )
        for c, head in enumerate(heads):
            self.grid.addWidget(QLabel(f"<b>{head}</b>"), 0, c)
        self.rows = {}
        for r, (name, target) in enumerate(profile.metrics.items()):
            row = TargetRow(name, target)
            row.set_editable(editable)
            line = 1 + 3 * r
            for c, w in enumerate(row.widgets()[:5]):
                self.grid.addWidget(w, line, c)
            self.grid.addWidget(row.why, line + 1, 0, 1, 6)
            self.grid.addWidget(row.source, line + 2, 0, 1, 6)
            self.grid.setRowMinimumHeight(line + 2, row.source.sizeHint().height() + 6)
            for spin in (row.low, row.high, row.weight):
                spin.valueChanged.connect(lambda _v: self.validate())
            row.why.textChanged.connect(self.validate)
            self.rows[name] = row
        self.grid.setRowStretch(3 * len(self.rows) + 1, 1)
        self.name.setText(profile.name)
        self.name.setReadOnly(not editable)
        self.description.setText(profile.description)
        where = self.tr("comes with Coach (read-only: duplicate it to edit)")
        if profile.path is None:
            where = self.tr("is not saved yet")
        elif not is_bundled(profile):
            where = self.tr("is yours, saved in {0}").format(profile.path)
        self.origin.setText(
            QCoreApplication.translate("ProfileForm", "Source: {0}\nThis profile {1}.").format(
                profile.source, where
            )
        )
        self.validate()

    def problems_found(self) -> list[str]:
        """Every problem in the entered values, one sentence each."""
        found = [p for p in (row.problem() for row in self.rows.values()) if p]
        if self.profile is not None and not self.name.text().strip():
            found.insert(0, "Give the profile a name.")
        return found

    def validate(self) -> bool:
        """Mark invalid rows, list the problems; True when everything is valid."""
        for row in self.rows.values():
            bad = bool(row.problem())
            for w in (row.low, row.high, row.weight, row.why):
                w.setStyleSheet(INVALID_STYLE if bad else "")
        found = self.problems_found()
        self.problems.setText("\n".join(found))
        ok = not found
        self.validity_changed.emit(ok)
        return ok

    def edited(self) -> Profile:
        """The profile with the values entered (not validated: see :meth:`validate`)."""
        assert self.profile is not None
        metrics = {name: row.value() for name, row in self.rows.items()}
        return replace(self.profile, name=self.name.text().strip(), metrics=metrics)
