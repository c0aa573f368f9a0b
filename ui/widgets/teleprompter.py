"""A teleprompter that follows the voice: the script scrolls as the speaker goes.

The place in the script comes from :class:`coach.script.follow.ScriptFollower`, fed with the live
transcriber's words (``on_words``). Those arrive one utterance at a time, after the speaker
pauses, so between them a provisional cursor moves on at the speaker's own rate while the
microphone hears a voice (``on_level``) and holds while it is silent or the speaker is off
script (:func:`coach.script.follow.predict_position`). Words said are greyed, skipped passages
struck through in amber, the current word is marked and kept a third of the way down the view.

For measurements :attr:`Teleprompter.reached_at` keeps, per script word, the monotonic time the
cursor first reached it, and :attr:`Teleprompter.confirmed_at` when heard words confirmed it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from coach.script.follow import FollowState, ProvisionalCursor, ScriptFollower, VoiceClock
from coach.text import paragraph_ends
from coach.types import Word

SKIPPED = "#b7791f"
TICK_MS = 100


class Teleprompter(QTextBrowser):
    """The script, following the speaker; see the module docstring."""

    moved = Signal(int)
    """The cursor (provisional or heard) reached this script word."""
    status = Signal(str)
    """A short line for the page: off script, skipped passages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Teleprompter")
        self.follower: ScriptFollower | None = None
        self._script = ""
        self.state: FollowState | None = None
        self.voice = VoiceClock()
        self.guide: ProvisionalCursor | None = None
        self.position = 0
        """The word the cursor is on (provisional between batches)."""
        self.reached_at: dict[int, float] = {}
        self.confirmed_at: dict[int, float] = {}
        self.positions: list[tuple[int, int]] = []
        self._shown: list[str] = []
        self._following = False
        self._armed = False  # words are taken from start() until the next reset()
        self.status_text = ""
        """The last status line (off script, skipped)."""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- the script ---------------------------------------------------------------------------

    def set_script(self, text: str) -> None:
        """Show ``text`` from the start, nothing said yet."""
        self._script = text
        self.follower = ScriptFollower(text) if text.strip() else None
        self._render(text)
        self.reset()

    def _render(self, text: str) -> None:
        self.clear()
        self.positions = []
        if self.follower is None:
            return
        ends = set(paragraph_ends(text))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        for i, w in enumerate(self.follower.words):
            start = cursor.position()
            cursor.insertText(w.text, plain)
            self.positions.append((start, cursor.position()))
            cursor.insertText("\n\n" if i in ends else " ", plain)
        cursor.endEditBlock()
        self._shown = ["pending"] * len(self.positions)

    def reset(self) -> None:
        """Back to the start: nothing said, cursor on the first word, not following."""
        self.stop()
        self._armed = False
        if self.follower is not None:
            self.follower = ScriptFollower(self._script)
        self.state = self.follower.state() if self.follower is not None else None
        self.voice = VoiceClock()
        self.guide = (ProvisionalCursor(self.follower, self.voice)
                       if self.follower is not None else None)  # fmt: skip
        self.position = 0
        self.reached_at = {}
        self.confirmed_at = {}
        self._apply_states([False] * len(self.positions), ())
        self._mark_current()
        self.verticalScrollBar().setValue(0)
        self._say("")

    def _say(self, text: str) -> None:
        self.status_text = text
        self.status.emit(text)

    # -- following ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start following (a recording began)."""
        if self.follower is None:
            return
        self._following = True
        self._armed = True
        self._timer.start()

    def stop(self) -> None:
        """Stop following (the recording stopped); what was said stays marked."""
        self._following = False
        self._timer.stop()

    @property
    def following(self) -> bool:
        """True while a recording is followed."""
        return self._following

    def on_level(self, at_s: float, level_db: float) -> None:
        """The microphone level ``level_db`` (dBFS) at recording time ``at_s`` (s)."""
        if self._following:
            self.voice.add(at_s, level_db)

    def on_words(self, words: Sequence[Word]) -> None:
        """The next words the live transcriber heard."""
        if self.follower is None or not self._armed or not words:
            return  # the last words of a take arrive after Stop: they still count
        self.state = self.follower.hear(words)
        if self.guide is not None:
            self.guide.heard(self.state)
        now = time.monotonic()
        for i in range(self.state.position):
            self.confirmed_at.setdefault(i, now)
        self._apply_states(self.state.said, self.state.skipped)
        self._move(self.state.position, now)
        if self.state.off_script:
            self._say("Off script: holding your place.")
        elif self.state.skipped:
            n = sum(b - a for a, b in self.state.skipped)
            self._say(f"Skipped {n} word{'s' if n != 1 else ''} (struck through).")
        else:
            self._say("")

    def _tick(self) -> None:
        if self.guide is None:
            return
        ahead = self.guide.position()
        if ahead != self.position and (ahead > self.position or self._settled_back(ahead)):
            self._move(ahead, time.monotonic())

    def _settled_back(self, ahead: int) -> bool:
        """A pause may move the cursor back a few words to the sentence it ran past."""
        return self.state is not None and ahead >= self.state.position

    def _move(self, position: int, now: float) -> None:
        """Put the cursor on word ``position`` (it may go back after a correction)."""
        for i in range(self.position, position):
            self.reached_at.setdefault(i, now)
        self.position = position
        self._mark_current()
        self.moved.emit(position)

    # -- drawing ------------------------------------------------------------------------------

    def _apply_states(self, said: Sequence[bool], skipped: Sequence[tuple[int, int]]) -> None:
        """Grey the words said, strike the skipped ones; only changed words are redrawn."""
        states = ["said" if s else "pending" for s in said]
        for a, b in skipped:
            for i in range(a, b):
                states[i] = "skipped"
        palette = self.palette()
        muted = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
        text = QColor(palette.color(QPalette.ColorRole.Text))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for i, new in enumerate(states):
            if i < len(self._shown) and self._shown[i] == new:
                continue
            fmt = QTextCharFormat()
            fmt.setForeground(muted if new == "said" else text)
            fmt.setFontStrikeOut(new == "skipped")
            fmt.setBackground(QColor("#fbe7b5") if new == "skipped" else QColor(0, 0, 0, 0))
            if new == "skipped":
                fmt.setForeground(QColor("#5c4813"))
            cursor.setPosition(self.positions[i][0])
            cursor.setPosition(self.positions[i][1], QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor.endEditBlock()
        self._shown = states

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.positions:
            said = [state == "said" for state in self._shown]
            skipped = self.state.skipped if self.state is not None else ()
            self._shown = ["redraw"] * len(self.positions)  # every word in the new colours
            self._apply_states(said, skipped)
            self._mark_current()

    def word_state(self, index: int) -> str:
        """'pending', 'said' or 'skipped' as drawn for script word ``index``."""
        return self._shown[index]

    def _mark_current(self) -> None:
        if not self.positions:
            self.setExtraSelections([])
            return
        index = min(self.position, len(self.positions) - 1)
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[index][0])
        cursor.setPosition(self.positions[index][1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        palette = self.palette()
        fmt.setBackground(QColor(palette.color(QPalette.ColorRole.Highlight)))
        fmt.setForeground(QColor(palette.color(QPalette.ColorRole.HighlightedText)))
        fmt.setFontWeight(QFont.Weight.Bold)
        selection.format = fmt
        self.setExtraSelections([selection])
        self._keep_in_view(index)

    def _keep_in_view(self, index: int) -> None:
        """Scroll so the current word sits a third of the way down."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[index][0])
        y = self.cursorRect(cursor).center().y()
        target = self.viewport().height() // 3
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + y - target)

    def current_word_y(self) -> int:
        """Vertical centre of the current word in viewport pixels (tests use it)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions[min(self.position, len(self.positions) - 1)][0])
        return self.cursorRect(cursor).center().y()
