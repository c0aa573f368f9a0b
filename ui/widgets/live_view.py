"""The Rehearse page's live view: a pace cue, a running figure count and the words so far.

Fed with the live transcriber's batches of words (:meth:`LiveView.add_words`); emptied for the
next take with :meth:`LiveView.reset`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from coach.types import Word

PACE_WINDOW_S = 20.0
"""The pace cue looks at this much of the latest speech (s)."""


class LiveView:
    """The cue labels (for the page's cue row) and the live transcript (for its splitter)."""

    def __init__(self, parent: QWidget) -> None:
        self.words: list[Word] = []
        self.pace_band: tuple[float, float] | None = None
        self.pace_cue = QLabel(QCoreApplication.translate("LiveView", "Pace: —"))
        self.pace_cue.setObjectName("paceCue")
        self.figures_count = QLabel(QCoreApplication.translate("LiveView", "Figures: 0"))
        self.figures_count.setObjectName("figuresCount")
        cue_font = QFont(parent.font())
        cue_font.setPointSizeF(cue_font.pointSizeF() * 1.4)
        for label in (self.pace_cue, self.figures_count):
            label.setFont(cue_font)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMargin(6)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(
            QCoreApplication.translate(
                "LiveView", "Your words appear here, one utterance at a time, as you speak."
            )
        )
        self.text.setAccessibleName("Live transcript")
        lf = QFont(parent.font())
        lf.setPointSizeF(lf.pointSizeF() * 1.15)
        self.text.setFont(lf)

    def use_profile(self, name: str | None) -> None:
        """Judge the pace against the wpm band of profile ``name`` (none when it cannot load)."""
        try:
            from coach.profile import load_profile

            target = load_profile(name).metrics.get("wpm")
        except Exception:  # noqa: BLE001 - a bad profile is reported when analysing
            target = None
        self.pace_band = (target.low, target.high) if target is not None else None

    def cue_row(self) -> QHBoxLayout:
        """The pace cue and figure count side by side."""
        row = QHBoxLayout()
        row.addWidget(self.pace_cue)
        row.addWidget(self.figures_count)
        return row

    def reset(self) -> None:
        """Nothing said yet."""
        self.words = []
        self.text.clear()
        self.pace_cue.setText(QCoreApplication.translate("LiveView", "Pace: —"))
        self.pace_cue.setStyleSheet("")
        self.figures_count.setText(QCoreApplication.translate("LiveView", "Figures: 0"))

    def add_words(self, words: Sequence[Word]) -> None:
        """Show the next words heard; update the figure count and the pace cue."""
        if not words:
            return
        self.words.extend(words)
        from ..live import recent_wpm
        from .language_box import live_counts  # Chinese: no spaces, paced in characters

        _, found, paced, unit = live_counts(self.words)
        self.text.appendPlainText(live_counts(words)[0])
        self.text.ensureCursorVisible()
        figures = [f for f in found if f.kind == "figure"]
        self.figures_count.setText(
            QCoreApplication.translate("LiveView", "Figures: {0}").format(len(figures))
        )
        wpm = recent_wpm(paced, window_s=PACE_WINDOW_S)
        if wpm <= 0:
            return
        cue, colour = "good", "#3f9c6b"
        if self.pace_band is not None:
            low, high = self.pace_band
            if wpm < low:
                cue, colour = "too slow", "#d69e2e"
            elif wpm > high:
                cue, colour = "too fast", "#c53030"
        self.pace_cue.setText(
            QCoreApplication.translate("LiveView", "Pace: {0} ({1:.0f} {2})").format(cue, wpm, unit)
        )
        self.pace_cue.setStyleSheet(f"color: {colour}")
