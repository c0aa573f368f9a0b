"""Feedback page: one saved session, read first, then the detail for those who want it.

The header gives the profile match (0-100). The left column reads top to bottom: the summary
(:class:`~coach_ui.pages.feedback_report.SummaryPanel`: how it went, what to keep, up to three
next steps each with a button that plays its moment, what changed since the last attempt), the
highlighted transcript and every tip. The right column scrolls: pace, figures and pauses charts
from :mod:`coach.report.charts` (the same figures the PDF uses, built on a worker), script
adherence, a card per trait and scoring again with another profile; more panels can be added
with :meth:`FeedbackPage.add_panel`. While the recording plays, the word being said is marked in
the transcript and a playhead moves on the charts; a tip or a step puts its words in the middle
of the transcript and plays from there.
"""

from __future__ import annotations

import html
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.cjk import join_words
from coach.coaching.feedback import clock
from coach.coaching.scoring import trait_scores
from coach.metrics import TRAITS

from ..errors import problem_for, show_problem
from ..i18n import unit
from ..pages.feedback_panels import AdherencePanel, RescoreBox
from ..pages.feedback_player import PlayerMixin
from ..pages.feedback_report import (
    STATUS_COLOUR,
    SummaryPanel,
    TraitCard,
    group_by_trait,
    status_for,
)
from ..widgets.chart_canvas import ChartCanvas
from ..widgets.slide_strip import SlideStrip
from ..widgets.transcript_view import TranscriptView, legend_html
from ..workers import run_task

__all__ = ["FeedbackPage", "TraitCard", "safe_file_name", "status_for"]

SCREEN_HEIGHTS_IN = {"pace": 1.9, "figures": 1.6, "pauses": 1.7}
"""Chart heights on screen (inches at 80 px each): the three fit above the fold at the default
window size; the PDF draws them taller."""


def safe_file_name(title: str) -> str:
    """``title`` as a file name every system accepts: no colon, slash or other reserved mark."""
    name = re.sub(r'[\\/:*?"<>|]+', "-", title).strip(" .-")
    return name or "report"


class _WidthWatchingScroll(QScrollArea):
    """A scroll area that calls back when its width changes (its content's height follows)."""

    def __init__(self, on_width: Any) -> None:
        super().__init__()
        self._on_width = on_width

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._on_width()


class FeedbackPage(PlayerMixin, QWidget):
    """Shows one session; emits navigation requests for the main window."""

    rehearse_again = Signal(str, str)
    """(talk, script) to rehearse the same talk again."""
    status = Signal(str)
    """A status-bar message."""

    def __init__(self, store: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.session: Any = None
        self.review: Any = None
        self.player: Any = None
        self.trait_cards: list[TraitCard] = []
        self.charts_task: Any = None
        self.model_wav: Path | None = None
        self._build()

    # layout

    def _build(self) -> None:
        root = QVBoxLayout(self)
        head = QHBoxLayout()
        self.score_label = QLabel("—")
        self.score_label.setObjectName("scoreLabel")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 3.0)
        big.setBold(True)
        self.score_label.setFont(big)
        # room for "100" whatever the title beside it wraps to (a wrapped title squeezed it)
        self.score_label.setMinimumWidth(QFontMetrics(big).horizontalAdvance("100") + 6)
        self.score_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        head.addWidget(self.score_label)
        self.title_label = QLabel(
            self.tr("No session yet. Record a rehearsal or open one from History.")
        )
        self.title_label.setWordWrap(True)
        head.addWidget(self.title_label, 1)
        self.play_button = QPushButton(self.tr("▶  Play"))
        self.play_button.setToolTip(
            self.tr("Play or pause the recording (click a word to start there)")
        )
        self.play_button.clicked.connect(self.toggle_play)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.clicked.connect(self.choose_export)
        self.again_button = QPushButton(self.tr("Rehearse again"))
        self.again_button.clicked.connect(self._again)
        self.model_button = QPushButton(self.tr("Hear model delivery"))
        self.model_button.setToolTip(
            self.tr("Hear your script read at the profile's pace, pausing after figures")
        )
        self.model_button.clicked.connect(self.hear_model_delivery)
        for b in (self.play_button, self.export_button, self.again_button, self.model_button):
            head.addWidget(b)
        root.addLayout(head)

        self.slide_strip = SlideStrip(self.store)  # per-slide marks; hidden without slides
        self.slide_strip.seek_requested.connect(lambda at: self.seek(at, play=True))
        root.addWidget(self.slide_strip)

        split = QSplitter(Qt.Orientation.Horizontal)
        column = QWidget()  # the reading column: summary first, then transcript and tips
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        self.summary = SummaryPanel()
        self.summary.play_moment.connect(self.play_moment)
        # in a scroll area as tall as the summary, but never more than ~45 % of the page:
        # a small window (1280x720, 200 % scaling) still shows transcript and tips
        self.summary_scroll = _WidthWatchingScroll(self._fit_summary)
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary_scroll.setWidget(self.summary)
        cv.addWidget(self.summary_scroll)
        left = QSplitter(Qt.Orientation.Vertical)
        cv.addWidget(left, 1)
        tw = QWidget()
        tl = QVBoxLayout(tw)
        tl.setContentsMargins(0, 0, 0, 0)
        legend = QLabel(legend_html() + " &nbsp; " + self.tr("Click a word to hear it."))
        legend.setWordWrap(True)
        tl.addWidget(legend)
        self.transcript = TranscriptView()
        self.transcript.word_clicked.connect(self.play_from_word)
        tl.addWidget(self.transcript, 1)
        left.addWidget(tw)
        tipw = QWidget()
        tipl = QVBoxLayout(tipw)
        tipl.setContentsMargins(0, 0, 0, 0)
        tipl.addWidget(QLabel(self.tr("<b>Tips</b>, most important first (click one to go there)")))
        self.tips = QListWidget()
        self.tips.setWordWrap(True)
        self.tips.setAccessibleName("Tips")
        self.tips.itemActivated.connect(self._tip_clicked)
        self.tips.itemClicked.connect(self._tip_clicked)
        tipl.addWidget(self.tips, 1)
        left.addWidget(tipw)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        split.addWidget(column)

        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        panels = QWidget()
        self.panels = QVBoxLayout(panels)
        self.pace_chart = ChartCanvas("Pace chart")
        self.figures_chart = ChartCanvas("Figures timeline")
        self.pauses_chart = ChartCanvas("Pauses chart")
        for c in (self.pace_chart, self.figures_chart, self.pauses_chart):
            self.panels.addWidget(c)
        self.adherence = AdherencePanel()
        self.panels.addWidget(self.adherence)
        self.panels.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "FeedbackPage", "<b>Every trait</b> (hover a card for all its measures)"
                )
            )
        )
        self.traits_box = QGridLayout()
        self.traits_box.setSpacing(6)
        self.panels.addLayout(self.traits_box)
        # score again with another profile
        self.rescore = RescoreBox(self.store)
        self.rescore.rescored.connect(self._rescored)
        self.rescore.setEnabled(False)
        self.panels.addWidget(self.rescore)
        self.panels.addStretch(1)
        self.side_scroll.setWidget(panels)
        split.addWidget(self.side_scroll)
        split.setSizes([560, 520])
        root.addWidget(split, 1)
        self._enable(False)

    def _fit_summary(self) -> None:
        """The summary's height: all of it when it fits in 45 % of the page, else scrolled."""
        width = self.summary_scroll.viewport().width() or self.summary.sizeHint().width()
        need = self.summary.heightForWidth(width)
        need = need if need > 0 else self.summary.sizeHint().height()
        cap = max(120, int(self.height() * 0.5))
        self.summary_scroll.setFixedHeight(min(need + 2, cap))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_summary()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_summary)  # once the columns have their widths

    def add_panel(self, widget: QWidget, *, after: QWidget | None = None) -> None:
        """Add a panel to the right column (after ``after``, else after the charts)."""
        anchor = after if after is not None else self.pauses_chart
        self.panels.insertWidget(self.panels.indexOf(anchor) + 1, widget)

    def _enable(self, on: bool) -> None:
        for b in (self.export_button, self.again_button, self.model_button):
            b.setEnabled(on)
        self.play_button.setEnabled(on and self._audio_path() is not None)

    # showing a session

    def show_session(self, session_id: int) -> None:
        """Load session ``session_id`` from the store and show it."""
        self.stop_audio()
        self.session = self.store.get(int(session_id))
        self.review = self.session.review
        rv, s = self.review, self.session
        fb = rv.feedback
        colour = STATUS_COLOUR[status_for(fb.score)]
        self.score_label.setText(f"<span style='color:{colour}'>{fb.score:.0f}</span>")
        self.score_label.setToolTip(
            QCoreApplication.translate("FeedbackPage", "{0} match, 0-100").format(rv.profile_name)
        )
        zh = rv.transcript.language == "zh"  # Chinese talks count characters
        count = self.tr("{0} characters") if zh else self.tr("{0} words")
        facts = [count.format(rv.analysis.word_count)]
        if rv.transcript.duration_s:
            facts.append(clock(rv.transcript.duration_s))
        wpm = rv.analysis.values.get("wpm")
        if wpm:
            facts.append(f"{wpm:.0f} {unit('chars/min' if zh else 'wpm')}")
        figs = sum(f.kind == "figure" for f in rv.analysis.figures)
        facts.append(self.tr("{0} figures").format(figs))
        engine = rv.transcript.engine
        facts.append(self.tr("typed text") if engine == "text" else engine)
        title = html.escape(s.title or self.tr("Session {0}").format(s.id))
        talk = f" · {html.escape(s.talk)}" if s.talk else ""
        self.title_label.setText(
            self.tr("<b>{0} match</b> out of 100").format(html.escape(rv.profile_name))
            + f"<br>{title}{talk}<br>"
            f"<span>{html.escape(' · '.join(facts))}</span>"
        )
        self._fill_traits()
        self._fill_summary()
        self.transcript.show_transcript(rv.transcript.words, rv.analysis.marks)
        self._fill_tips()
        self._enable(True)
        self.rescore.setEnabled(True)
        self.rescore.show_session(s)
        self.adherence.show_session(s)
        self.slide_strip.show_session(s)
        self._draw_charts()

    def _rescored(self, session_id: int) -> None:
        self.show_session(session_id)
        self.status.emit(
            QCoreApplication.translate("FeedbackPage", "Scored again with {0}.").format(
                self.review.profile_name
            )
        )

    def _fill_traits(self) -> None:
        while self.traits_box.count():
            item = self.traits_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.trait_cards = []
        rv = self.review
        by_trait = group_by_trait(rv.metrics)
        # grouped by the catalogue's traits, so a session stored before a trait was split
        # shows each metric under its trait now
        scores = trait_scores([replace(m, trait=t) for t, ms in by_trait.items() for m in ms])
        traits = [t for t in TRAITS if t in scores]
        columns = 2
        for i, trait in enumerate(traits):
            card = TraitCard(trait, scores[trait], by_trait.get(trait, []))
            self.traits_box.addWidget(card, i // columns, i % columns)
            self.trait_cards.append(card)

    def _fill_summary(self) -> None:
        from coach.coaching.summary import summarise
        from coach.errors import CoachError

        previous = None
        try:
            before = self.store.previous_attempt(self.session.id)
            previous = before.review if before is not None else None
        except CoachError:
            previous = None  # a session in the trash has no "last attempt"
        self.summary.show_summary(
            summarise(self.review, previous), playable=self._audio_path() is not None
        )
        self._fit_summary()

    def _fill_tips(self) -> None:
        self.tips.clear()
        for i, tip in enumerate(self.review.feedback.tips, 1):
            when = f"[{clock(tip.at_s)}] " if tip.at_s is not None else ""
            if when and re.search(r"\b\d+:\d\d\b", tip.text):
                when = ""  # the tip already says when
            item = QListWidgetItem(f"{i}. {when}{join_words([tip.text, tip.action])}")
            item.setData(Qt.ItemDataRole.UserRole, i - 1)
            if tip.quote:
                item.setToolTip(f"“{tip.quote}”")
            self.tips.addItem(item)
        if not self.review.feedback.tips:
            self.tips.addItem(self.tr("Nothing to fix against this profile: well done."))

    def _draw_charts(self) -> None:
        for c in (self.pace_chart, self.figures_chart, self.pauses_chart):
            c.set_message("Drawing chart…")
        rv = self.review

        def build() -> tuple[Any, Any, Any]:
            from coach.report.charts import figures_timeline, pace_chart, pauses_chart

            h = SCREEN_HEIGHTS_IN
            return (pace_chart(rv, height_in=h["pace"]),
                    figures_timeline(rv, height_in=h["figures"]),
                    pauses_chart(rv, height_in=h["pauses"]))  # fmt: skip

        def show(figs: tuple[Any, Any, Any]) -> None:
            if rv is not self.review:
                return  # another session was opened meanwhile
            for canvas, fig in zip(
                (self.pace_chart, self.figures_chart, self.pauses_chart), figs, strict=True
            ):
                canvas.set_figure(fig)

        def fail(exc: BaseException) -> None:
            for c in (self.pace_chart, self.figures_chart, self.pauses_chart):
                c.set_message(
                    problem_for(
                        exc, doing=QCoreApplication.translate("Problem", "drawing the charts")
                    ).what
                )

        self.charts_task = run_task(build, on_result=show, on_error=fail, owner=self)

    # navigation inside the session

    def _tip_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is None or self.review is None:
            return
        tip = self.review.feedback.tips[int(index)]
        self.jump_to_tip(tip)

    def jump_to_tip(self, tip: Any) -> None:
        """Show the tip's words in the transcript and cue the audio there."""
        words = self.review.transcript.words
        word = tip.word_index
        if word is None and tip.at_s is not None:
            word = self.transcript.word_at_time(words, tip.at_s)
        if word is not None:
            self.transcript.show_word(int(word))
        at = tip.at_s
        if at is None and word is not None and 0 <= word < len(words):
            at = words[word].start_s
        if at is not None and self._audio_path() is not None:
            self.seek(float(at), play=True)

    def play_moment(self, moment: Any) -> None:
        """A summary button: put the moment's words in the middle and play from there."""
        if moment is None or self.review is None:
            return
        if moment.word_index is not None:
            self.transcript.show_word(int(moment.word_index))
        if moment.at_s is not None and self._audio_path() is not None:
            self.seek(float(moment.at_s), play=True)

    # actions

    def _again(self) -> None:
        if self.session is not None:
            self.rehearse_again.emit(self.session.talk or "", self.session.script or "")

    def choose_export(self) -> None:
        """Ask where to save the PDF report, then write it."""
        if self.session is None:
            return
        name = safe_file_name(self.session.title or f"session-{self.session.id}") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("FeedbackPage", "Export PDF"),
            str(Path.home() / name),
            QCoreApplication.translate("FeedbackPage", "PDF (*.pdf)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Any:
        """Write the session's PDF report to ``path`` on a worker; returns the task."""
        session, rv = self.session, self.review
        slides = self.slide_strip.result  # (report, deck) when rehearsed with slides
        self.status.emit(
            QCoreApplication.translate("FeedbackPage", "Exporting {0}…").format(path.name)
        )

        store = self.store

        def work() -> Path:
            from coach.errors import StoreError
            from coach.report.pdf import export_pdf, export_session_pdf

            try:  # with the last attempt, progress and adherence, like the page shows
                return export_session_pdf(store, session.id, path)
            except StoreError:  # e.g. a session in the trash has no "last attempt"
                return export_pdf(rv, path, session=session, slides=slides)

        return run_task(
            work,
            on_result=lambda out: self.status.emit(
                QCoreApplication.translate("FeedbackPage", "Saved the report to {0}").format(out)
            ),
            on_error=lambda exc: show_problem(
                self,
                problem_for(exc, doing=QCoreApplication.translate("Problem", "exporting the PDF")),
            ),
            owner=self,
        )

    def hear_model_delivery(self) -> Any:
        """Render the script (or what was said) at the profile's pace and play it."""
        if self.session is None:
            return None
        text = self.session.script or self.review.transcript.text
        profile = self.review.profile_id
        out = Path(tempfile.gettempdir()) / f"coach-model-{self.session.id}.wav"
        self.model_button.setEnabled(False)
        self.status.emit(
            QCoreApplication.translate("FeedbackPage", "Preparing the model delivery…")
        )

        def work() -> Any:
            from coach.voice.delivery import render_model_delivery, target_wpm_for

            try:
                wpm = target_wpm_for(profile)
            except Exception:  # noqa: BLE001 - a removed profile falls back to the default pace
                wpm = target_wpm_for(None)
            return render_model_delivery(text, out, target_wpm=wpm)

        def done(result: Any) -> None:
            self.model_button.setEnabled(True)
            self.model_wav = Path(result.path)
            player = self._ensure_player()
            player.set_source(Path(result.path))
            player.play()
            self.status.emit(
                QCoreApplication.translate(
                    "FeedbackPage",
                    "Model delivery: {0:.0f} wpm, pauses after figures (play the recording again with Play).",
                ).format(result.planned_wpm)
            )

        def fail(exc: BaseException) -> None:
            self.model_button.setEnabled(True)
            show_problem(
                self,
                problem_for(
                    exc, doing=QCoreApplication.translate("Problem", "reading the script aloud")
                ),
            )

        return run_task(work, on_result=done, on_error=fail, owner=self)
