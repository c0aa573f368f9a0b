"""Embed a matplotlib Figure from :mod:`coach.report.charts` in a widget (matplotlib loaded lazily).

The canvas follows the app's theme (the figure is recoloured by
:func:`coach.report.chart_theme.themed` when the palette is dark), lets the mouse wheel scroll
the page it sits on instead of swallowing it, shows the chart's hover texts as tooltips, and draws
a playhead over charts whose x axis is the recording's time (:meth:`ChartCanvas.set_playhead`).
"""

from __future__ import annotations

import functools
import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

HOVER_PX = 8.0
"""A hover text shows when the mouse is this close to its point (pixels)."""
PLAYHEAD = "#c53030"


def is_dark(widget: QWidget) -> bool:
    """True when ``widget`` is drawn with a dark palette."""
    palette = widget.palette()  # held: a colour taken from a temporary palette dangles
    return QColor(palette.color(QPalette.ColorRole.Window)).lightness() < 128


@functools.cache
def _canvas_class() -> type:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class PageCanvas(FigureCanvasQTAgg):
        """A chart that passes the mouse wheel on to the scroll area around it."""

        def wheelEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
            # matplotlib takes the wheel for itself; hand it to the scroll area around us
            # (explicitly: Qt does not pass synthesised wheel events on to parents)
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QAbstractScrollArea):
                parent = parent.parentWidget()
            if parent is None:
                event.ignore()
                return
            QApplication.sendEvent(parent.verticalScrollBar(), event)

    return PageCanvas


def page_canvas(figure: Any) -> Any:
    """A Qt canvas for ``figure`` that lets the mouse wheel scroll the page around it."""
    return _canvas_class()(figure)


class PlayheadOverlay(QWidget):
    """A thin vertical line over a chart's axes at a time in seconds."""

    def __init__(self, chart: ChartCanvas) -> None:
        super().__init__(chart.canvas)
        self.chart = chart
        self.at_s: float | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def x_for(self, at_s: float) -> tuple[float, float, float] | None:
        """(x, top, bottom) in widget pixels of time ``at_s`` on the chart's axes."""
        fig = self.chart.figure
        canvas = self.chart.canvas
        if fig is None or canvas is None or not fig.axes:
            return None
        ax = fig.axes[0]
        ratio = float(getattr(canvas, "device_pixel_ratio", 1.0) or 1.0)
        x, _ = ax.transData.transform((at_s, 0.0))
        bbox = ax.get_window_extent()
        height = fig.bbox.height
        if not math.isfinite(x):
            return None
        return x / ratio, (height - bbox.y1) / ratio, (height - bbox.y0) / ratio

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        if self.at_s is None:
            return
        place = self.x_for(self.at_s)
        if place is None:
            return
        x, top, bottom = place
        p = QPainter(self)
        p.setPen(QPen(QColor(PLAYHEAD), 2))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.end()


class ChartCanvas(QWidget):
    """A slot for one chart: a quiet placeholder until :meth:`set_figure` gets a Figure."""

    def __init__(self, placeholder: str = "Drawing chart…", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Any = None
        self.canvas: Any = None
        self.playhead: PlayheadOverlay | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel(placeholder)
        self._label.setMinimumHeight(120)
        self._box.addWidget(self._label)

    def set_figure(self, figure: Any) -> None:
        """Show ``figure`` (a ``matplotlib.figure.Figure``), replacing what was there."""
        from coach.report.chart_theme import themed

        self.clear()
        self._label.hide()
        self.figure = themed(figure, dark=is_dark(self))
        self.canvas = _canvas_class()(figure)
        _width, height = figure.get_size_inches()
        self.canvas.setMinimumHeight(int(height * 80))
        self.canvas.setMouseTracking(True)
        self.canvas.installEventFilter(self)
        self._box.addWidget(self.canvas)
        if getattr(figure, "coach_time_axis", False):
            self.playhead = PlayheadOverlay(self)
            self.playhead.resize(self.canvas.size())
            self.playhead.show()
        if getattr(figure, "coach_hover", None):
            self.canvas.mpl_connect("motion_notify_event", self._hover)
        # the canvas resizes the figure to this panel: keep legends inside it
        from coach.report.charts import fit_legends

        self.canvas.mpl_connect("resize_event", lambda _event: fit_legends(figure))

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
        self.playhead = None

    # -- playhead and hover -------------------------------------------------------------------

    def set_playhead(self, at_s: float | None) -> None:
        """Draw the playhead at ``at_s`` seconds (``None`` hides it); charts without a time axis
        ignore it."""
        if self.playhead is not None and self.playhead.at_s != at_s:
            self.playhead.at_s = at_s
            self.playhead.update()

    def hover_text(self, x_px: float, y_px: float) -> str:
        """The hover text of the point nearest to matplotlib display position (x, y), if close."""
        best, text = HOVER_PX, ""
        for ax, xs, ys, texts in getattr(self.figure, "coach_hover", []):
            for x, y, t in zip(xs, ys, texts, strict=False):
                px, py = ax.transData.transform((x, y))
                d = math.hypot(px - x_px, py - y_px)
                if d <= best:
                    best, text = d, t
        return text

    def _hover(self, event: Any) -> None:
        text = self.hover_text(event.x, event.y)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.canvas and event.type() == QEvent.Type.Resize and self.playhead is not None:
            self.playhead.resize(event.size())  # type: ignore[attr-defined]
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange and self.figure is not None:
            from coach.report.chart_theme import themed

            themed(self.figure, dark=is_dark(self))
            if self.canvas is not None:
                self.canvas.draw_idle()
        super().changeEvent(event)
