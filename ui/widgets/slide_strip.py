"""The per-slide strip on the Feedback page: one card per slide shown, with its marks.

Each card has the slide's thumbnail (framed red when the slide was read aloud or shows a figure
that was not said, amber when lingered on or in a number desert), its time against the target,
words per minute, figures said, and a line per mark. Above the strip, the findings in sentences.
The report and the thumbnails are made on a worker; clicking a card plays the recording from
the moment that slide came up.

Mount it on the Feedback page::

    self.slide_strip = SlideStrip(store)       # hidden for sessions without slides
    self.slide_strip.seek_requested.connect(self.seek)
    ...
    self.slide_strip.show_session(self.session)
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.analysis.timing import clock
from coach.slides.per_slide import SlideReport, SlideResult, findings

from ..errors import problem_for
from ..workers import run_task
from .slide_view import SlidePictures

RED, AMBER, GREEN, MUTED = "#c53030", "#b7791f", "#2f855a", "#616e7c"
CARD_W = 196


def card_colour(s: SlideResult) -> str:
    """Red for reading aloud or an unsaid figure, amber for lingering or a desert, else green."""
    if s.read_aloud or s.figures_unsaid:
        return RED
    if s.lingered or s.number_desert:
        return AMBER
    return GREEN


def card_lines(s: SlideResult) -> list[str]:
    """The card's text lines as HTML, marks last."""
    over = s.time_s / s.target_s if s.target_s else 1.0
    tcol = RED if over >= 1.5 else AMBER if over >= 1.2 else "inherit"
    lines = [
        f"<b>{s.slide}</b>&nbsp; {html.escape(s.title[:40]) or '<i>untitled</i>'}",
        f"<span style='color:{tcol}'><b>{clock(s.time_s)}</b></span> of {clock(s.target_s)} target",
        f"{s.words} words" + (f", {s.wpm:.0f} wpm" if s.wpm else ""),
        f"figures said: {len(s.figures)}"
        + (f" ({html.escape(', '.join(s.figures[:3]))})" if s.figures else ""),
    ]
    if s.read_aloud:
        lines.append(f"<b style='color:{RED}'>Read aloud</b> ({(s.read_share or 0) * 100:.0f}%)")
    if s.figures_unsaid:
        shown = html.escape(", ".join(s.figures_unsaid[:3]))
        lines.append(f"<b style='color:{RED}'>Not said</b>: {shown}")
    if s.lingered:
        lines.append(f"<b style='color:{AMBER}'>Lingered</b>")
    if s.number_desert:
        lines.append(f"<b style='color:{AMBER}'>Number desert</b>")
    return lines


class SlideCard(QFrame):
    """One slide of the strip; a click asks to play from when it came up."""

    clicked = Signal(float)

    def __init__(self, result: SlideResult) -> None:
        super().__init__()
        self.result = result
        self.setObjectName("slideCard")
        self.setFixedWidth(CARD_W)
        colour = card_colour(result)
        self.colour = colour
        self.setStyleSheet(
            f"QFrame#slideCard {{ border: 1px solid palette(mid); border-top: 5px solid {colour};"
            " border-radius: 4px }"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            QCoreApplication.translate("SlideCard", "Play from {0}, when slide {1} came up").format(
                clock(result.start_s), result.slide
            )
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(2)
        self.picture = QLabel("…")
        self.picture.setFixedSize(CARD_W - 10, int((CARD_W - 10) * 9 / 16))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background:#eef1f4; color:#616e7c")
        box.addWidget(self.picture)
        self.text = QLabel("<br>".join(card_lines(result)))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.text, 1)

    def set_picture(self, pixmap: QPixmap) -> None:
        self.picture.setPixmap(
            pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(float(self.result.start_s))
        super().mousePressEvent(event)


class SlideStrip(QWidget):
    """Findings and the strip of slide cards for one stored session (hidden without slides)."""

    seek_requested = Signal(float)
    """Play the recording from this second."""
    shown = Signal()
    """The strip has been filled for the current session."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: SlideReport | None = None
        self.result: tuple[SlideReport, Any] | None = None
        """The shown session's (report, deck), for the PDF; ``None`` without slides."""
        self.cards: list[SlideCard] = []
        self.pictures: SlidePictures | None = None
        self.task: Any = None
        self._session: Any = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("")
        self.summary.setObjectName("slideFindings")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFixedHeight(CARD_W * 9 // 16 + 150)
        self.row_widget = QWidget()
        self.row = QHBoxLayout(self.row_widget)
        self.row.setContentsMargins(2, 2, 2, 2)
        self.row.addStretch(1)
        self.scroller.setWidget(self.row_widget)
        box.addWidget(self.scroller)
        self.hide()

    def show_session(self, session: Any) -> Any:
        """Fill the strip for ``session`` on a worker (hide it when it had no slides)."""
        self._session = session
        self.report = self.result = None
        store = self.store

        def work() -> Any:
            from coach.store.slide_shows import slide_report_for

            return slide_report_for(store, session)

        def done(result: Any) -> None:
            if session is not self._session:
                return  # another session was opened meanwhile
            if result is None:
                self._clear()
                self.hide()
            else:
                self._fill(*result)
            self.shown.emit()

        def failed(exc: BaseException) -> None:
            if session is self._session:
                self._clear()
                what = problem_for(
                    exc, doing=QCoreApplication.translate("Problem", "measuring the slides")
                ).what
                self.summary.setText(
                    QCoreApplication.translate("SlideStrip", "<b>Slides</b>: {0}").format(
                        html.escape(what)
                    )
                )
                self.show()
                self.shown.emit()

        self.task = run_task(work, on_result=done, on_error=failed, owner=self)
        return self.task

    def _clear(self) -> None:
        for card in self.cards:
            self.row.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _fill(self, report: SlideReport, deck: Any) -> None:
        self._clear()
        self.report, self.result = report, (report, deck)
        head = (
            f"<b>Slides</b>: {len(report.slides)} of {report.slide_count} shown "
            f"({html.escape(report.deck_name)}). Click a slide to hear it."
        )
        items = "".join(f"<li>{html.escape(f)}</li>" for f in findings(report))
        self.summary.setText(head + (f"<ul style='margin:0'>{items}</ul>" if items else ""))
        for i, result in enumerate(report.slides):
            card = SlideCard(result)
            card.clicked.connect(self.seek_requested)
            self.row.insertWidget(i, card)
            self.cards.append(card)
        self.pictures = None
        if Path(deck.path).is_file():
            from coach.slides.render import THUMB_PX

            self.pictures = SlidePictures(deck, self)
            self.pictures.ready.connect(self._picture_ready)
            for result in report.slides:
                self.pictures.request(result.slide, THUMB_PX)
        self.show()

    def _picture_ready(self, number: int, width: int) -> None:
        if self.pictures is None:
            return
        pix = self.pictures.get(number, width)
        for card in self.cards:
            if card.result.slide == number and pix is not None:
                card.set_picture(pix)
