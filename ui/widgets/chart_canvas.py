"""Embed a matplotlib Figure from :mod:`coach.report.charts` in a widget (matplotlib loaded lazily)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ChartCanvas(QWidget):
    """A slot for one chart: a quiet placeholder until :meth:`set_figure` gets a Figure."""

    def __init__(self, placeholder: str = "Drawing chart…", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Any = None
        self.canvas: Any = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel(placeholder)
        self._label.setMinimumHeight(120)
        self._box.addWidget(self._label)

    def set_figure(self, figure: Any) -> None:
        """Show ``figure`` (a ``matplotlib.figure.Figure``), replacing what was there."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.clear()
        self._label.hide()
        self.figure = figure
        self.canvas = FigureCanvasQTAgg(figure)
        width, height = figure.get_size_inches()
        self.canvas.setMinimumHeight(int(height * 80))
        self._box.addWidget(self.canvas)

    def set_message(self, text: str) -> None:
        """Show a line of text instead of a chart."""
        self.clear()
        self._label.setText(text)
        self._label.show()

    def clear(self) -> None:
        """Remove the chart."""
        if self.canvas is not None:
            self._box.removeWidget(self.canvas)
            self.canvas.setParent(None)
            self.canvas.deleteLater()
        self.canvas = None
        self.figure = None
