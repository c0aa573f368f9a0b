"""A horizontal input level meter (dBFS) with a slowly falling peak mark."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0


class LevelMeter(QWidget):
    """Shows the microphone level: green while speech is healthy, amber loud, red clipping."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = FLOOR_DB
        self.peak_db = FLOOR_DB
        self.warning = ""
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        self.setToolTip(
            QCoreApplication.translate(
                "LevelMeter", "Microphone level: speak so the bar reaches the green zone"
            )
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 16)

    def set_level(self, db: float) -> None:
        """Show a new level (dB re full scale); the peak mark falls 1 dB per update."""
        self.db = max(FLOOR_DB, min(0.0, db))
        self.peak_db = max(self.db, self.peak_db - 1.0)
        self.update()

    def set_warning(self, text: str) -> None:
        """Show ``text`` (e.g. "too quiet") over the bar; '' removes it."""
        self.warning = text
        self.setToolTip(
            QCoreApplication.translate("LevelMeter", "Microphone level: {0}").format(text)
            if text
            else QCoreApplication.translate(
                "LevelMeter", "Microphone level: speak so the bar reaches the green zone"
            )
        )
        self.setAccessibleDescription(text)
        self.update()

    def reset(self) -> None:
        """Back to silence."""
        self.db = self.peak_db = FLOOR_DB
        self.update()

    def _x(self, db: float) -> float:
        return (db - FLOOR_DB) / -FLOOR_DB * self.width()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self.height()
        # Copy colours out of a palette we hold: a brush reference into a temporary palette
        # outlives it in PySide and crashed the interpreter.
        palette = self.palette()
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        mark = QColor(palette.color(QPalette.ColorRole.Text))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(track)
        p.drawRoundedRect(QRectF(0, 0, self.width(), h), 3, 3)
        colour = QColor("#3f9c6b")
        if self.db > -3:
            colour = QColor("#c53030")
        elif self.db > -12:
            colour = QColor("#d69e2e")
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(0, 0, self._x(self.db), h), 3, 3)
        p.setBrush(mark)
        p.drawRect(QRectF(max(0.0, self._x(self.peak_db) - 2), 0, 2, h))
        if self.warning:
            p.setPen(QColor("#c53030"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.warning)
        p.end()
