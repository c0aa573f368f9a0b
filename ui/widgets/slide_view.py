"""The slides on the Rehearse page: the current slide big, the next one small, keys to move.

:class:`SlidePanel` opens a deck (PDF or PowerPoint) on a worker, shows slide pictures made off
the GUI thread by :class:`SlidePictures` (cached on disk by :mod:`coach.slides.render`), and
moves on with → / ← , Page Down / Page Up (what presenter clickers send) and Space. While a
recording runs, every change is noted with the second of the recording it happened at; when the
rehearsal is saved, :meth:`SlidePanel.times_saver` keeps those changes and the deck with the
session. A deck belongs to a talk, like its script: typing a talk's name brings its deck back.

Mount it on the Rehearse page with :func:`mount_slides`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.analysis.timing import clock
from coach.slides.deck import Deck
from coach.slides.render import SLIDE_PX, THUMB_PX
from coach.slides.times import SlideChange

from ..errors import problem_for, show_problem
from ..workers import run_task

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up)


class SlidePictures(QObject):
    """Pictures of one deck's slides, made on a one-thread pool and kept as QPixmaps."""

    ready = Signal(int, int)
    """(slide number, width in pixels) has a picture now."""

    _pool: QThreadPool | None = None

    def __init__(self, deck: Deck, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deck = deck
        self._pixmaps: dict[tuple[int, int], QPixmap] = {}
        self._pending: set[tuple[int, int]] = set()

    @classmethod
    def pool(cls) -> QThreadPool:
        """One thread for all slide pictures, so they never hold up transcription."""
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(1)
        return cls._pool

    def get(self, number: int, width: int) -> QPixmap | None:
        """The picture if made, else ``None`` (and it is asked for: :attr:`ready` follows)."""
        key = (number, width)
        if key in self._pixmaps:
            return self._pixmaps[key]
        self.request(number, width)
        return None

    def request(self, number: int, width: int) -> None:
        """Make the picture in the background (once)."""
        key = (number, width)
        if key in self._pixmaps or key in self._pending or not 1 <= number <= len(self.deck):
            return
        self._pending.add(key)
        deck = self.deck

        def work() -> QImage:
            from coach.slides.render import slide_image

            return QImage(str(slide_image(deck, number, width_px=width)))

        def done(image: QImage) -> None:
            self._pending.discard(key)
            self._pixmaps[key] = QPixmap.fromImage(image)
            self.ready.emit(number, width)

        run_task(work, on_result=done, on_error=lambda _e: self._pending.discard(key),
                 pool=self.pool(), owner=self)  # fmt: skip


class SlideLabel(QLabel):
    """A slide picture scaled to fit, keeping its aspect ratio."""

    def __init__(self, placeholder: str = "") -> None:
        super().__init__(placeholder)
        self._source: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(80, 45))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background:#20252b; color:#d9e2ec; border-radius:4px")

    def set_picture(self, pixmap: QPixmap | None, text: str = "") -> None:
        self._source = pixmap
        if pixmap is None:
            self.setPixmap(QPixmap())
            self.setText(text)
        self._fit()

    def has_picture(self) -> bool:
        return self._source is not None and not self._source.isNull()

    def _fit(self) -> None:
        if self._source is not None and not self._source.isNull():
            self.setPixmap(
                self._source.scaled(
                    self.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()


class SlidePanel(QWidget):
    """Current and next slide, the slide keys, and the slide changes of the running recording."""

    deck_opened = Signal(object)
    """A deck was opened (the :class:`~coach.slides.deck.Deck`)."""
    slide_changed = Signal(int)
    """The slide on screen is now this number."""
    notes_as_script = Signal(str)
    """The user wants the speaker notes as the script."""

    def __init__(
        self, recorder: Any = None, store: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self.store = store
        self.deck: Deck | None = None
        self.pictures: SlidePictures | None = None
        self.current = 0
        self.changes: list[SlideChange] = []
        self.talk = ""
        self.open_task: Any = None
        self._recording = False
        self._build()
        self._shortcuts: list[QShortcut] = []
        for keys, slot in ((NEXT_KEYS, self.next_slide), (PREVIOUS_KEYS, self.previous_slide)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setEnabled(False)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)
        if recorder is not None:
            recorder.state_changed.connect(self._on_recorder)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._show_position)

    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.open_button = QPushButton(QCoreApplication.translate("SlidePanel", "Open slides…"))
        self.open_button.setToolTip(
            QCoreApplication.translate(
                "SlidePanel", "Show a PDF or PowerPoint deck while you rehearse"
            )
        )
        self.open_button.clicked.connect(self.choose_deck)
        self.notes_button = QPushButton(QCoreApplication.translate("SlidePanel", "Notes → script"))
        self.notes_button.setToolTip(
            QCoreApplication.translate(
                "SlidePanel", "Use the deck's speaker notes as the script (teleprompter)"
            )
        )
        self.notes_button.clicked.connect(self._use_notes)
        self.notes_button.hide()
        self.position = QLabel(
            QCoreApplication.translate(
                "SlidePanel", "Rehearse with your slides (PDF or PowerPoint)."
            )
        )
        self.position.setObjectName("slidePosition")
        self.position.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.position.setFont(bold)
        head.addWidget(self.open_button)
        head.addWidget(self.notes_button)
        head.addWidget(self.position, 1)
        box.addLayout(head)
        self.slide_view = SlideLabel("Open a deck to see your slides here.")
        self.slide_view.setAccessibleName("Current slide")
        box.addWidget(self.slide_view, 5)
        self.next_row = QWidget()
        below = QHBoxLayout(self.next_row)
        below.setContentsMargins(0, 0, 0, 0)
        self.next_view = SlideLabel("")
        self.next_view.setAccessibleName("Next slide")
        self.next_view.setFixedSize(QSize(176, 99))
        self.next_view.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.next_label = QLabel("")
        self.next_label.setWordWrap(True)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        below.addWidget(self.next_view)
        below.addWidget(self.next_label, 1)
        self.next_row.setFixedHeight(99)
        box.addWidget(self.next_row)
        self.notice = QLabel("")
        self.notice.setObjectName("slideNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#8a5a00")
        self.notice.hide()
        box.addWidget(self.notice)
        self._filler = QWidget()  # keeps the button at the top while there is no deck
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        box.addWidget(self._filler, 1)
        self._show_empty()

    def _show_empty(self) -> None:
        self.slide_view.set_picture(None, "")
        self.slide_view.hide()
        self._filler.show()
        self.next_row.hide()
        self.setMaximumWidth(250)  # no deck: just the button, the live view keeps the room

    def _make_room(self) -> None:
        """With a deck, the slide takes about half the width of the splitter it sits in."""
        self.setMaximumWidth(16777215)
        self.slide_view.show()
        self._filler.hide()
        split = self.parentWidget()
        if isinstance(split, QSplitter) and split.count() > 1:
            total = sum(split.sizes()) or split.width()
            others = [
                i for i in range(1, split.count()) if (w := split.widget(i)) and w.isVisible()
            ]
            rest = total // 2 // max(1, len(others))
            split.setSizes(
                [total - rest * len(others)]
                + [rest if i in others else 0 for i in range(1, split.count())]
            )

    # opening

    def choose_deck(self) -> None:
        """Ask for a deck file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SlidePanel", "Open slides"),
            "",
            QCoreApplication.translate(
                "SlidePanel", "Slides (*.pdf *.pptx);;PDF (*.pdf);;PowerPoint (*.pptx)"
            ),
        )
        if path:
            self.open_deck(path)

    def open_deck(self, path: Any, *, label: str = "", keep: bool = True) -> Any:
        """Open a deck on a worker; :attr:`deck_opened` follows (or one dialog on failure)."""
        self.position.setText(QCoreApplication.translate("SlidePanel", "Opening the slides…"))
        talk = self.talk

        def work() -> Deck:
            from coach.slides.deck import load_deck
            from coach.slides.talk_decks import open_kept, set_talk_deck

            deck = open_kept(path, label) if label else load_deck(path)
            if keep and talk:
                set_talk_deck(talk, deck)
            return deck

        def failed(exc: BaseException) -> None:
            self.position.setText(
                QCoreApplication.translate("SlidePanel", "The slides could not be opened.")
            )
            show_problem(
                self,
                problem_for(exc, doing=QCoreApplication.translate("Problem", "opening the slides")),
            )

        self.open_task = run_task(work, on_result=self.show_deck, on_error=failed, owner=self)
        return self.open_task

    def show_deck(self, deck: Deck) -> None:
        """Show ``deck`` from its first slide (the recording keeps its own changes)."""
        from coach.slides.render import pictures_note

        self.deck = deck
        self.pictures = SlidePictures(deck, self)
        self.pictures.ready.connect(self._picture_ready)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        notes = [n for n in (*deck.notices, pictures_note(deck)) if n]
        self.notice.setText(" ".join(notes))
        self.notice.setVisible(bool(notes))
        self.notes_button.setVisible(bool(deck.notes_text))
        self.next_row.show()
        self._make_room()
        self.current = 0
        self.go_to(1)
        self.deck_opened.emit(deck)

    def set_talk(self, talk: str) -> None:
        """The talk being rehearsed: bring back its kept deck (if it has one and it is not shown)."""
        self.talk = talk.strip()
        if not self.talk or self._recording:
            return
        from coach.slides.talk_decks import talk_deck

        kept = talk_deck(self.talk)
        if kept is not None and (self.deck is None or self.deck.path != kept[0].resolve()):
            self.open_deck(kept[0], label=kept[1], keep=False)

    # moving

    def next_slide(self) -> None:
        """Show the next slide (→, Page Down, Space, a clicker's forward button)."""
        self.go_to(self.current + 1)

    def previous_slide(self) -> None:
        """Show the previous slide (←, Page Up, a clicker's back button)."""
        self.go_to(self.current - 1)

    def go_to(self, number: int) -> None:
        """Show slide ``number``; during a recording the change is noted with its time."""
        if self.deck is None or not 1 <= number <= len(self.deck) or number == self.current:
            return
        self.current = number
        if self._recording and self.recorder is not None:
            at = round(float(self.recorder.recorded_s), 2)
            if self.changes and self.changes[-1].start_s >= at:
                self.changes[-1] = SlideChange(number, self.changes[-1].start_s)
            else:
                self.changes.append(SlideChange(number, at))
            if len(self.changes) >= 2 and self.changes[-1].slide == self.changes[-2].slide:
                self.changes.pop()  # went forward and straight back within one audio block
        self._show_current()
        self.slide_changed.emit(number)

    def _show_current(self) -> None:
        deck, pics = self.deck, self.pictures
        if deck is None or pics is None:
            return
        slide = deck.slide(self.current)
        pix = pics.get(self.current, SLIDE_PX)
        if pix is None:
            self.slide_view.set_picture(None, f"{slide.title or 'Slide'}\n\n(making the picture…)")
        else:
            self.slide_view.set_picture(pix)
        if self.current < len(deck):
            nxt = deck.slide(self.current + 1)
            small = pics.get(nxt.number, THUMB_PX)
            self.next_view.set_picture(small, "" if small else "…")
            self.next_label.setText(
                QCoreApplication.translate("SlidePanel", "<b>Next</b>: {0}. {1}").format(
                    nxt.number, html.escape(nxt.title)
                )
            )
            pics.request(nxt.number, SLIDE_PX)  # ready before the speaker moves on
        else:
            self.next_view.set_picture(None, "end")
            self.next_label.setText(QCoreApplication.translate("SlidePanel", "<b>Last slide</b>"))
        self._show_position()

    def _picture_ready(self, number: int, _width: int) -> None:
        if number in (self.current, self.current + 1):
            self._show_current()

    def _show_position(self) -> None:
        if self.deck is None:
            return
        text = f"Slide {self.current} / {len(self.deck)}"
        if self._recording and self.changes and self.recorder is not None:
            on = float(self.recorder.recorded_s) - self.changes[-1].start_s
            text += f"  ·  {clock(on)} on this slide"
        self.position.setText(text)

    # recording

    def _on_recorder(self, state: str) -> None:
        if state == "recording" and not self._recording:
            self._recording = True
            self.changes = [SlideChange(self.current, 0.0)] if self.deck is not None else []
            self._timer.start()
        elif state in ("monitoring", "idle"):
            self._recording = False
            self._timer.stop()
        self._show_position()

    def times_saver(self, talk: str = "") -> Callable[[int], int]:
        """A function for the worker that saves the rehearsal: keeps the deck and slide changes
        with session ``id`` (and returns the id), the deck as ``talk``'s deck. Reads the panel
        now, on the GUI thread."""
        deck, changes, store = self.deck, list(self.changes), self.store

        def keep(session_id: int) -> int:
            if deck is None or not changes:
                return session_id
            from coach.slides.talk_decks import keep_deck, set_talk_deck
            from coach.store.slide_shows import save_slide_show

            kept = set_talk_deck(talk, deck) if talk else keep_deck(deck)
            save_slide_show(store, session_id, deck_file=kept, deck_name=deck.name,
                            slide_count=len(deck), changes=changes)  # fmt: skip
            return session_id

        return keep

    def with_slide_times(self, save: Callable[..., int], talk: str = "") -> Callable[..., int]:
        """``save`` (which returns a session id) followed by :meth:`times_saver`, for the worker."""
        keep = self.times_saver(talk)
        return lambda *args, **kwargs: keep(save(*args, **kwargs))

    def _use_notes(self) -> None:
        if self.deck is not None and self.deck.notes_text:
            self.notes_as_script.emit(self.deck.notes_text)


def mount_slides(page: Any, split: Any) -> SlidePanel:
    """Put a :class:`SlidePanel` first in the Rehearse page's splitter and wire it to the page:
    its recorder (slide times), its Talk field (the talk's deck) and its teleprompter (notes)."""
    panel = SlidePanel(page.recorder, page.store)
    split.insertWidget(0, panel)
    split.setStretchFactor(0, 3)
    debounce = QTimer(panel)
    debounce.setSingleShot(True)
    debounce.setInterval(400)
    debounce.timeout.connect(lambda: panel.set_talk(page.talk.text()))
    page.talk.textChanged.connect(lambda _t: debounce.start())

    def notes_to_script(text: str) -> None:
        page.set_script(text, page.talk.text())
        panel.notice.setText(
            QCoreApplication.translate(
                "SlideView", "The speaker notes are the script now (teleprompter on the right)."
            )
        )
        panel.notice.show()

    panel.notes_as_script.connect(notes_to_script)
    return panel
