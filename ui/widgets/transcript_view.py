"""The transcript with its highlights: figures, hype, fillers, questions, each with advice.

Words are inserted one by one with their own character format, so each is a link (click to play
from there), highlighted marks carry their advice as a tooltip, and :meth:`TranscriptView.show_word`
can select any word by index.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from coach.cjk import needs_space
from coach.text import ends_sentence
from coach.types import Mark, Word

HIGHLIGHT = {
    "figure": ("#c6f0d5", str(QT_TRANSLATE_NOOP("TranscriptView", "Figure"))),
    "vague": ("#fbe7b5", str(QT_TRANSLATE_NOOP("TranscriptView", "Vague amount"))),
    "hype": ("#ffd8b8", str(QT_TRANSLATE_NOOP("TranscriptView", "Hype word"))),
    "jargon": ("#ffd8b8", str(QT_TRANSLATE_NOOP("TranscriptView", "Jargon"))),
    "filler": ("#ffc9c9", str(QT_TRANSLATE_NOOP("TranscriptView", "Filler"))),
    "question": ("#cfe3ff", str(QT_TRANSLATE_NOOP("TranscriptView", "Question"))),
}
"""Background colour and legend name of each highlighted kind (others are not coloured)."""

_PRIORITY = ("filler", "hype", "jargon", "figure", "vague", "question")


class TranscriptView(QTextBrowser):
    """Read-only transcript; emits :attr:`word_clicked` with the word's index."""

    word_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.viewport().installEventFilter(self)
        self.positions: list[tuple[int, int]] = []
        self.kinds: list[str | None] = []
        self.current_word: int | None = None
        """The word being played (highlighted), if any."""
        self._shown: tuple[Sequence[Word], Sequence[Mark]] = ((), ())
        self._starts: list[float] = []
        self.setAccessibleName("Transcript")

    def show_transcript(self, words: Sequence[Word], marks: Sequence[Mark] = ()) -> None:
        """Show ``words`` with ``marks`` highlighted (advice as tooltip)."""
        self._shown = (words, marks)
        self._starts = [float(w.start_s) if w.start_s is not None else -1.0 for w in words]
        self.current_word = None
        self.setExtraSelections([])
        kind_of: list[str | None] = [None] * len(words)
        advice_of: list[str] = [""] * len(words)
        rank = {k: i for i, k in enumerate(_PRIORITY)}
        for mark in sorted(marks, key=lambda m: -rank.get(m.kind, 99)):
            if mark.kind not in HIGHLIGHT:
                continue
            for i in range(max(0, mark.word_span[0]), min(len(words), mark.word_span[1])):
                kind_of[i] = mark.kind
                label = QCoreApplication.translate("TranscriptView", HIGHLIGHT[mark.kind][1])
                advice_of[i] = f"{label}: {mark.advice}" if mark.advice else label
        self.clear()
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        text_colour = self._text_colour()
        self.positions = []
        plain = QTextCharFormat()
        plain.setForeground(text_colour)
        last_utt = words[0].utterance if words else 0
        for i, word in enumerate(words):
            if i:
                gap = "\n" if word.utterance != last_utt and word.text[:1].isupper() else " "
                if not needs_space(words[i - 1].text, word.text):  # Chinese: no spaces
                    gap = (
                        "\n"
                        if word.utterance != last_utt and ends_sentence(words[i - 1].text)
                        else ""
                    )
                # a space between two highlighted words of one mark stays highlighted
                same = kind_of[i] is not None and kind_of[i] == kind_of[i - 1]
                cursor.insertText(
                    gap,
                    self._format(kind_of[i], advice_of[i], None) if same and gap == " " else plain,
                )
            last_utt = word.utterance
            start = cursor.position()
            cursor.insertText(word.text, self._format(kind_of[i], advice_of[i], i))
            self.positions.append((start, cursor.position()))
        cursor.endEditBlock()
        self.kinds = kind_of
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _format(self, kind: str | None, advice: str, index: int | None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if kind is not None:
            fmt.setBackground(QColor(HIGHLIGHT[kind][0]))
            fmt.setForeground(QColor("#1a1a1a"))
            fmt.setToolTip(advice)
        else:
            fmt.setForeground(self._text_colour())
        if index is not None:
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"word:{index}")
            fmt.setFontUnderline(False)
        return fmt

    def _text_colour(self) -> QColor:
        palette = self.palette()  # held: colours copied out of a temporary palette dangle
        return QColor(palette.color(QPalette.ColorRole.Text))

    def show_word(self, index: int) -> None:
        """Select word ``index`` and scroll it to the middle of the view."""
        if not 0 <= index < len(self.positions):
            return
        start, end = self.positions[index]
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centre_on(index)

    def centre_on(self, index: int) -> None:
        """Scroll so word ``index`` sits in the middle of the view (not on its last line)."""
        if not 0 <= index < len(self.positions):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[index][0])
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def word_rect_centre_y(self, index: int) -> int:
        """Vertical centre of word ``index`` in viewport pixels (tests use it)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[index][0])
        return self.cursorRect(cursor).center().y()

    def index_at_time(self, at_s: float) -> int | None:
        """The word being said at ``at_s`` seconds: the last one started by then."""
        i = bisect.bisect_right(self._starts, at_s) - 1
        return i if i >= 0 and self._starts[i] >= 0 else None

    def highlight_word(self, index: int | None, *, follow: bool = True) -> None:
        """Mark word ``index`` as the one being played (``None`` clears it); with ``follow``,
        scroll when it leaves the middle third of the view."""
        if index == self.current_word:
            return
        self.current_word = index
        if index is None or not 0 <= index < len(self.positions):
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[index][0])
        cursor.setPosition(self.positions[index][1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        palette = self.palette()
        fmt.setBackground(QColor(palette.color(QPalette.ColorRole.Highlight)))
        fmt.setForeground(QColor(palette.color(QPalette.ColorRole.HighlightedText)))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt
        self.setExtraSelections([selection])
        if follow:
            y = self.word_rect_centre_y(index)
            height = self.viewport().height()
            if not height / 3 <= y <= 2 * height / 3:
                self.centre_on(index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.positions:
            # plain words carry the palette's text colour: draw them again in the new one
            value = self.verticalScrollBar().value()
            current = self.current_word
            self.show_transcript(*self._shown)
            self.verticalScrollBar().setValue(value)
            self.highlight_word(current, follow=False)

    def word_at_time(self, words: Sequence[Word], at_s: float) -> int:
        """Index of the word spoken at (or just after) ``at_s`` seconds."""
        for i, w in enumerate(words):
            if w.end_s is not None and w.end_s >= at_s:
                return i
        return max(0, len(words) - 1)

    def tooltip_at(self, pos: object) -> str:
        """The advice under a viewport position ('' when none)."""
        cursor = self.cursorForPosition(pos)  # type: ignore[arg-type]
        return cursor.charFormat().toolTip()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.viewport() and event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())  # type: ignore[attr-defined]
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(obj, event)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("word:"):
            index = int(text.split(":", 1)[1])
            self.show_word(index)
            self.word_clicked.emit(index)


def legend_html() -> str:
    """One line naming the highlight colours."""
    shown = ("figure", "hype", "filler", "question", "vague")
    return " ".join(
        f'<span style="background:{HIGHLIGHT[k][0]}; color:#1a1a1a">&nbsp;'
        f"{QCoreApplication.translate('TranscriptView', HIGHLIGHT[k][1])}&nbsp;</span>"
        for k in shown
    )
