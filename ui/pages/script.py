"""Script studio: write or paste a talk and see, as you type, what Coach would say about it.

Linting runs off the GUI thread (:func:`coach_ui.workers.run_task`) a moment after the last keystroke;
results for text that has changed since are dropped. Marks are drawn as extra selections, so the
text itself is never reformatted and undo stays clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QPalette,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from coach.script.lint import LintMark, ScriptLint, lint_script
from coach.script.talk_scripts import load_script, save_script, scripted_talks

from ..workers import run_task

LINT_DELAY_MS = 400
INK = "#1f2933"
KIND_NAMES = {
    "hype": str(QT_TRANSLATE_NOOP("ScriptPage", "Hype")),
    "jargon": str(QT_TRANSLATE_NOOP("ScriptPage", "Jargon")),
    "filler": str(QT_TRANSLATE_NOOP("ScriptPage", "Filler")),
    "long": str(QT_TRANSLATE_NOOP("ScriptPage", "Long sentence")),
    "question": str(QT_TRANSLATE_NOOP("ScriptPage", "Question")),
    "story": str(QT_TRANSLATE_NOOP("ScriptPage", "Story line")),
    "figure": str(QT_TRANSLATE_NOOP("ScriptPage", "Figure")),
    "desert": str(QT_TRANSLATE_NOOP("ScriptPage", "Number desert")),
}
# background marks first, so underlines stay visible on top of them
DRAW_ORDER = ("desert", "long", "story", "figure", "question", "filler", "jargon", "hype")
PLACEHOLDER = str(
    QT_TRANSLATE_NOOP(
        "ScriptPage",
        "Write or paste your talk here, or open a .txt or .md file.\n\n"
        "As you type, Coach underlines hype and jargon (hover for a plainer way to say it), shades "
        "long stretches without a number, marks long sentences, counts your questions and story "
        "lines, and projects how long the talk will take.",
    )
)


DARK_SHADES = {"long": "#4a4020", "desert": "#4a3325", "figure": "#1d4a32",
               "question": "#7fb2e5", "story": "#b794f4"}  # fmt: skip
"""The dark theme's shades and ink: the editor draws its own (light) text over them."""


def mark_format(kind: str, *, dark: bool = False) -> QTextCharFormat:
    """How a mark of ``kind`` is drawn in the editor (``dark``: for the dark theme)."""
    if dark:
        fmt = mark_format(kind)
        if kind in ("long", "desert", "figure"):
            fmt.setBackground(QColor(DARK_SHADES[kind]))
            fmt.clearForeground()
        elif kind in ("question", "story"):
            fmt.setForeground(QColor(DARK_SHADES[kind]))
            if kind == "question":
                fmt.setUnderlineColor(QColor(DARK_SHADES[kind]))
        return fmt
    fmt = QTextCharFormat()
    wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
    if kind in ("hype", "jargon"):
        fmt.setUnderlineStyle(wavy)
        fmt.setUnderlineColor(QColor("#c53030"))
    elif kind == "filler":
        fmt.setUnderlineStyle(wavy)
        fmt.setUnderlineColor(QColor("#d69e2e"))
    elif kind == "long":
        fmt.setBackground(QColor("#fff3c4"))
        fmt.setForeground(QColor(INK))  # dark text on the pale shade, in a dark theme too
    elif kind == "desert":
        fmt.setBackground(QColor("#f8e3d6"))
        fmt.setForeground(QColor(INK))
    elif kind == "figure":
        fmt.setBackground(QColor("#d5eddf"))
        fmt.setForeground(QColor(INK))
        fmt.setFontWeight(600)
    elif kind == "question":
        fmt.setForeground(QColor("#2f5d8a"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#2f5d8a"))
    elif kind == "story":
        fmt.setForeground(QColor("#6b46c1"))
    fmt.setProperty(QTextFormat.Property.UserProperty, kind)
    return fmt


def _clock(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


class ScriptEditor(QPlainTextEdit):
    """The script text with lint marks; hovering a mark shows its advice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: tuple[LintMark, ...] = ()
        self.setPlaceholderText(QCoreApplication.translate("ScriptPage", PLACEHOLDER))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.viewport().installEventFilter(self)

    def set_marks(self, marks: tuple[LintMark, ...]) -> None:
        """Draw ``marks`` (character spans of the current text).

        Where marks overlap, their formats are merged (a hype word inside a long sentence keeps
        both the underline and the shading): Qt would otherwise let the last selection win.
        """
        self.marks = marks
        length = len(self.toPlainText())
        valid = [m for m in marks if 0 <= m.start < m.end <= length and m.kind in DRAW_ORDER]
        edges = sorted({e for m in valid for e in (m.start, m.end)})
        palette = self.palette()
        dark = QColor(palette.color(QPalette.ColorRole.Base)).lightness() < 128
        formats = {kind: mark_format(kind, dark=dark) for kind in DRAW_ORDER}
        selections = []
        for a, b in zip(edges, edges[1:], strict=False):
            covering = sorted(
                {m.kind for m in valid if m.start <= a and m.end >= b}, key=DRAW_ORDER.index
            )
            if not covering:
                continue
            fmt = QTextCharFormat()
            for kind in covering:
                fmt.merge(formats[kind])
            fmt.setProperty(QTextFormat.Property.UserProperty, ",".join(covering))
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        # Qt 6.12 skips a selection that directly follows one with a background; listing them
        # from the end backwards draws every one (segments never overlap, so order is free)
        self.setExtraSelections(selections[::-1])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.marks:
            self.set_marks(self.marks)  # shades for the new theme

    def kinds_at(self, position: int) -> list[str]:
        """The kinds of mark drawn at character ``position`` (as the editor shows them)."""
        for sel in self.extraSelections():
            c = sel.cursor
            if c.selectionStart() <= position < c.selectionEnd():
                value = sel.format.property(QTextFormat.Property.UserProperty)
                return str(value).split(",") if value else []
        return []

    def tooltip_at(self, position: int) -> str:
        """The advice of every mark covering character ``position`` (empty when none)."""
        lines = []
        for m in self.marks:
            if m.start <= position < m.end and m.kind != "figure":
                quote = m.text if len(m.text) <= 60 else m.text[:57] + "…"
                lines.append(
                    f"<b>{QCoreApplication.translate('ScriptPage', KIND_NAMES[m.kind])}</b>: “{quote}”<br>{m.advice}"
                )
        return "<br><br>".join(lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.cursorForPosition(event.pos()).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


class ScriptPage(QWidget):
    """Write a talk, see it linted live, save it with its talk and rehearse it."""

    rehearse_script = Signal(str, str)
    """(script text, talk name): open the Rehearse page with this script as teleprompter."""
    linted = Signal(object)
    """A :class:`coach.script.lint.ScriptLint` was drawn for the current text."""
    failed = Signal(str)

    def __init__(self, store: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScriptPage")
        self.store = store
        self.settings = settings
        self.lint: ScriptLint | None = None
        self._generation = 0
        self._task: Any = None

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Talk:")))
        self.talk = QComboBox()
        self.talk.setEditable(True)
        self.talk.setMinimumWidth(240)
        edit = self.talk.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Name of the talk, e.g. Launch keynote"))
        self.refresh_talks()
        self.talk.setCurrentText("")
        self.talk.activated.connect(lambda _i: self.load_talk(self.talk.currentText()))
        top.addWidget(self.talk, 1)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.clicked.connect(self.choose_file)
        self.save_button = QPushButton(self.tr("Save with talk"))
        self.save_button.clicked.connect(lambda: self.save())
        self.rehearse_button = QPushButton(self.tr("Rehearse this script"))
        self.rehearse_button.setDefault(True)
        self.rehearse_button.clicked.connect(self.rehearse)
        for b in (self.open_button, self.save_button, self.rehearse_button):
            top.addWidget(b)

        self.editor = ScriptEditor()
        self.editor.textChanged.connect(self._text_changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LINT_DELAY_MS)
        self.timer.timeout.connect(self.run_lint)

        side = QWidget()
        side.setMinimumWidth(230)
        grid = QGridLayout(side)
        self.stats: dict[str, QLabel] = {}
        rows = (
            ("duration", str(QT_TRANSLATE_NOOP("ScriptPage", "Projected length"))),
            ("words", str(QT_TRANSLATE_NOOP("ScriptPage", "Words"))),
            ("figures", str(QT_TRANSLATE_NOOP("ScriptPage", "Figures"))),
            ("questions", str(QT_TRANSLATE_NOOP("ScriptPage", "Questions"))),
            ("stories", str(QT_TRANSLATE_NOOP("ScriptPage", "Story lines"))),
            ("hype", str(QT_TRANSLATE_NOOP("ScriptPage", "Hype and jargon"))),
            ("long", str(QT_TRANSLATE_NOOP("ScriptPage", "Long sentences"))),
            ("deserts", str(QT_TRANSLATE_NOOP("ScriptPage", "Number deserts"))),
            ("score", str(QT_TRANSLATE_NOOP("ScriptPage", "Match (text only)"))),
        )
        for r, (key, label) in enumerate(rows):
            grid.addWidget(QLabel(QCoreApplication.translate("ScriptPage", label)), r, 0)
            value = QLabel("–")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setObjectName(f"stat_{key}")
            grid.addWidget(value, r, 1)
            self.stats[key] = value
        legend = QLabel(
            self.tr(
                "<p style='line-height:140%'>"
                "<span style='text-decoration: underline wavy #c53030'>hype / jargon</span> "
                "(hover for advice)<br>"
                "<span style='background:#d5eddf; color:#1f2933'><b>figure</b></span><br>"
                "<span style='background:#f8e3d6; color:#1f2933'>number desert</span><br>"
                "<span style='background:#fff3c4; color:#1f2933'>long sentence</span><br>"
                "<span style='color:#2f5d8a; text-decoration: underline'>question</span><br>"
                "<span style='color:#6b46c1'>story line</span></p>",
            )
        )
        legend.setWordWrap(True)
        grid.addWidget(legend, len(rows), 0, 1, 2)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(self.status_label, len(rows) + 1, 0, 1, 2)
        grid.setRowStretch(len(rows) + 2, 1)

        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        changed = getattr(settings, "changed", None)
        if changed is not None:
            changed.connect(self._setting_changed)

    def _setting_changed(self, name: str, _value: Any) -> None:
        if name in ("default_profile", "pace_wpm") and self.text().strip():
            self.run_lint()  # judged against another profile or pace now

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.refresh_talks()  # talks rehearsed since the page was last shown
        super().showEvent(event)

    # -- text -----------------------------------------------------------------------------------

    def text(self) -> str:
        """The script as typed."""
        return self.editor.toPlainText()

    def set_script(self, text: str, *, talk: str | None = None) -> None:
        """Replace the script (and the talk name); linting follows."""
        if talk is not None:
            self.talk.setCurrentText(talk)
        self.editor.set_marks(())  # a new document: old spans mean nothing in it
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.status_label.setText("")

    def _text_changed(self) -> None:
        self._generation += 1
        # The drawn marks move with the text as you type (their cursors follow the edits), so
        # nothing flickers; only the tooltips wait for the next lint, as their offsets are stale.
        self.editor.marks = ()
        self.timer.start()

    def run_lint(self) -> None:
        """Lint the current text on a worker thread; the newest text wins."""
        self.timer.stop()
        text = self.text()
        generation = self._generation
        if not text.strip():
            self.lint = None
            self._show_stats(None)
            return
        profile_id = self._setting("default_profile", "leijun")
        pace = self._setting("pace_wpm", 0) or None

        def work() -> ScriptLint:
            from coach.profile import load_profile

            return lint_script(text, profile=load_profile(profile_id), pace_wpm=pace)

        self._task = run_task(
            work,
            on_result=lambda result: self._linted(generation, result),
            on_error=lambda exc: self._lint_failed(generation, exc),
        )

    def _setting(self, name: str, default: Any) -> Any:
        try:
            return self.settings[name]
        except (KeyError, TypeError):
            return default

    def _linted(self, generation: int, result: ScriptLint) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the text changed while this ran; a newer lint is on its way
        self.lint = result
        self.editor.set_marks(result.marks)
        self._show_stats(result)
        self.linted.emit(result)

    def _lint_failed(self, generation: int, exc: BaseException) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.status_label.setText(self.tr("Could not check the script: {0}").format(exc))
            self.failed.emit(str(exc))

    def _show_stats(self, lint: ScriptLint | None) -> None:
        if lint is None:
            for label in self.stats.values():
                label.setText("–")
            return
        s = self.stats
        s["duration"].setText(
            self.tr("{0} at {1:.0f} wpm").format(_clock(lint.projected_s), lint.pace_wpm)
        )
        s["words"].setText(f"{lint.words:,}")
        s["figures"].setText(str(lint.figures))
        s["questions"].setText(str(lint.questions))
        s["stories"].setText(str(lint.stories))
        s["hype"].setText(str(lint.hype))
        s["long"].setText(str(lint.long_sentences))
        s["deserts"].setText(
            str(lint.deserts) + (f" (> {lint.desert_words} words)" if lint.deserts else "")
        )
        s["score"].setText(f"{lint.review.feedback.score:.0f}/100")
        s["score"].setToolTip(
            self.tr(
                "Match with {0} for what a script can show; pace, pauses and voice come from the rehearsal.",
            ).format(lint.review.profile_name)
        )

    # -- files and talks ------------------------------------------------------------------------

    def refresh_talks(self) -> None:
        """Fill the talk list from the store and the saved scripts."""
        current = self.talk.currentText()
        names: list[str] = []
        if self.store is not None:
            try:
                names = list(self.store.talks())
            except Exception:  # noqa: BLE001 - a damaged store must not block writing
                names = []
        for name in scripted_talks():
            if name not in names:
                names.append(name)
        self.talk.blockSignals(True)
        self.talk.clear()
        self.talk.addItems(names)
        self.talk.setCurrentText(current)
        self.talk.blockSignals(False)

    def load_talk(self, talk: str) -> bool:
        """Show the saved script of ``talk``; False when it has none (the text stays).

        The script saved with the talk wins; otherwise the script of the talk's latest rehearsal.
        """
        script = load_script(talk) if talk.strip() else None
        if script is None and talk.strip():
            script = self._session_script(talk)
        if script is None:
            self.status_label.setText(
                self.tr("No saved script for “{0}” yet: write one and save it.").format(talk)
            )
            return False
        self.set_script(script, talk=talk)
        self.status_label.setText(self.tr("Opened the script of “{0}”.").format(talk))
        return True

    def _session_script(self, talk: str) -> str | None:
        """The script of the newest rehearsal of ``talk`` that had one."""
        from coach.errors import CoachError

        if self.store is None:
            return None
        try:
            for summary in self.store.list(talk=talk, limit=20):
                script = self.store.get(summary.id).script
                if script:
                    return str(script)
        except CoachError:
            return None
        return None

    def choose_file(self) -> None:
        """Ask for a .txt/.md file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a script"),
            "",
            self.tr("Scripts (*.txt *.md *.markdown);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Load a script file; a bad file is reported and leaves the editor as it was."""
        from coach.errors import CoachError
        from coach.transcript.load import read_text_file

        try:
            text = read_text_file(path)
        except CoachError as exc:
            self._report(str(exc), "Choose a UTF-8 .txt or .md file with your talk in it.")
            return False
        self.set_script(text, talk=self.talk.currentText() or path.stem)
        self.status_label.setText(self.tr("Opened {0}.").format(path.name))
        return True

    def save(self) -> Path | None:
        """Save the script with its talk; returns the file, or None when nothing was saved."""
        from coach.errors import CoachError

        talk = self.talk.currentText().strip()
        if not talk:
            self._report("Name the talk first", "Type a talk name above, then save again.")
            return None
        try:
            path = save_script(talk, self.text())
        except (CoachError, OSError) as exc:
            self._report(f"Could not save the script: {exc}", "Check the data folder is writable.")
            return None
        self.editor.document().setModified(False)
        self.status_label.setText(self.tr("Saved with “{0}”.").format(talk))
        self.refresh_talks()
        return path

    def rehearse(self) -> None:
        """Save (when the talk has a name) and ask the window to rehearse this script."""
        text = self.text()
        if not text.strip():
            self._report("The script is empty", "Write or open a script before rehearsing it.")
            return
        talk = self.talk.currentText().strip()
        if talk:
            self.save()
        self.rehearse_script.emit(text, talk)

    def _report(self, what: str, advice: str) -> None:
        self.status_label.setText(f"{what}: {advice}")
        self.failed.emit(f"{what}: {advice}")
        if self.isVisible():
            from ..errors import Problem, show_problem

            show_problem(self, Problem(what, advice))
