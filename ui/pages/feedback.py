"""Feedback page: one saved session's verdict, charts, highlighted transcript and tips.

The header gives the profile match (0-100) and a card per trait with its sub-score against the
profile's band, coloured by status, with a one-line meaning. Charts come from :mod:`coach.report.charts`
(the same figures the PDF uses), built on a worker so the page appears at once. Clicking a word
plays the recording from there; clicking a tip jumps the transcript and the audio to it.
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.cjk import join_words
from coach.coaching.feedback import clock
from coach.metrics import METRICS, TRAITS

from ..errors import problem_for, show_problem
from ..pages.feedback_panels import AdherencePanel, RescoreBox
from ..widgets.chart_canvas import ChartCanvas
from ..widgets.transcript_view import TranscriptView, legend_html
from ..workers import run_task

STATUS_COLOUR = {"good": "#3f9c6b", "close": "#d69e2e", "off": "#c53030"}


def status_for(score: float) -> str:
    """'good', 'close' or 'off' for a 0-100 score (the same cut-offs as the metrics)."""
    return "good" if score >= 80 else "close" if score >= 50 else "off"


def _value(value: float, unit: str) -> str:
    shown = f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit in ("%",) else f"{shown} {unit}"


class TraitCard(QFrame):
    """One trait: sub-score, its weakest metric against the band, and what that means."""

    def __init__(self, trait: str, score: float, metrics: list[Any]) -> None:
        super().__init__()
        self.setObjectName("traitCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        status = status_for(score)
        colour = STATUS_COLOUR[status]
        self.setStyleSheet(f"QFrame#traitCard {{ border-left: 5px solid {colour}; }}")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 6, 4)
        box.setSpacing(1)
        name = QCoreApplication.translate("Traits", trait)  # Chinese under a Chinese locale
        head = QLabel(f"<b>{html.escape(name)}</b> &nbsp;<span style='color:{colour}; "
                      f"font-size:large'><b>{score:.0f}</b></span>")  # fmt: skip
        box.addWidget(head)
        worst = min(metrics, key=lambda m: m.score) if metrics else None
        if worst is not None:
            band = f"{worst.target_low:g}–{worst.target_high:g}"
            line = QLabel(
                f"{html.escape(QCoreApplication.translate('Metrics', worst.label))}: "
                f"<b>{html.escape(_value(worst.value, worst.unit))}</b>"
                + self.tr(" (target {0})").format(band)
            )
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setWordWrap(True)
            box.addWidget(line)
            meaning = QLabel(
                html.escape(METRICS[worst.name].meaning if worst.name in METRICS else worst.why)
            )
            meaning.setTextFormat(Qt.TextFormat.RichText)
            meaning.setWordWrap(True)
            meaning.setStyleSheet("color: palette(placeholder-text)")
            box.addWidget(meaning)
        self.setToolTip(
            "\n".join(
                f"{m.label}: {_value(m.value, m.unit)} (target {m.target_low:g}–{m.target_high:g}),"
                f" score {m.score:.0f}. {m.why}"
                for m in metrics
            )
        )
        self.trait = trait
        self.score = score
        self.status = status


class FeedbackPage(QWidget):
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
        self.audio_output: Any = None
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

        self.traits_box = QGridLayout()
        self.traits_box.setSpacing(6)
        root.addLayout(self.traits_box)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QSplitter(Qt.Orientation.Vertical)
        tw = QWidget()
        tl = QVBoxLayout(tw)
        tl.setContentsMargins(0, 0, 0, 0)
        legend = QLabel(legend_html() + " &nbsp; " + self.tr("Click a word to hear it."))
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
        left.setSizes([380, 220])
        split.addWidget(left)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        charts = QWidget()
        cl = QVBoxLayout(charts)
        # score again with another profile, and how the rehearsal followed its script
        self.rescore = RescoreBox(self.store)
        self.rescore.rescored.connect(self._rescored)
        self.rescore.setEnabled(False)
        cl.addWidget(self.rescore)
        self.adherence = AdherencePanel()
        cl.addWidget(self.adherence)
        self.pace_chart = ChartCanvas("Pace chart")
        self.figures_chart = ChartCanvas("Figures timeline")
        self.pauses_chart = ChartCanvas("Pauses chart")
        for c in (self.pace_chart, self.figures_chart, self.pauses_chart):
            cl.addWidget(c)
        cl.addStretch(1)
        scroll.setWidget(charts)
        split.addWidget(scroll)
        split.setSizes([560, 520])
        root.addWidget(split, 1)
        self._enable(False)

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
        self.score_label.setToolTip(f"{rv.profile_name} match, 0-100")
        zh = rv.transcript.language == "zh"  # Chinese talks count characters
        facts = [f"{rv.analysis.word_count} {'characters' if zh else 'words'}"]
        if rv.transcript.duration_s:
            facts.append(clock(rv.transcript.duration_s))
        wpm = rv.analysis.values.get("wpm")
        if wpm:
            facts.append(f"{wpm:.0f} {'chars/min' if zh else 'wpm'}")
        figs = sum(f.kind == "figure" for f in rv.analysis.figures)
        facts.append(f"{figs} figures")
        title = html.escape(s.title or f"Session {s.id}")
        talk = f" · {html.escape(s.talk)}" if s.talk else ""
        self.title_label.setText(
            self.tr("<b>{0} match</b> out of 100").format(html.escape(rv.profile_name))
            + f"<br>{title}{talk}<br>"
            f"<span>{' · '.join(facts)} · {html.escape(rv.transcript.engine)}</span>"
        )
        self._fill_traits()
        self.transcript.show_transcript(rv.transcript.words, rv.analysis.marks)
        self._fill_tips()
        self._enable(True)
        self.rescore.setEnabled(True)
        self.rescore.show_session(s)
        self.adherence.show_session(s)
        self._draw_charts()

    def _rescored(self, session_id: int) -> None:
        self.show_session(session_id)
        self.status.emit(f"Scored again with {self.review.profile_name}.")

    def _fill_traits(self) -> None:
        while self.traits_box.count():
            item = self.traits_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.trait_cards = []
        rv = self.review
        by_trait: dict[str, list[Any]] = {}
        for m in rv.metrics:
            by_trait.setdefault(m.trait, []).append(m)
        traits = [t for t in TRAITS if t in rv.feedback.trait_scores]
        columns = 5 if len(traits) > 4 else max(1, len(traits))
        for i, trait in enumerate(traits):
            card = TraitCard(trait, rv.feedback.trait_scores[trait], by_trait.get(trait, []))
            self.traits_box.addWidget(card, i // columns, i % columns)
            self.trait_cards.append(card)

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

            return pace_chart(rv), figures_timeline(rv), pauses_chart(rv)

        def show(figs: tuple[Any, Any, Any]) -> None:
            if rv is not self.review:
                return  # another session was opened meanwhile
            for canvas, fig in zip(
                (self.pace_chart, self.figures_chart, self.pauses_chart), figs, strict=True
            ):
                canvas.set_figure(fig)

        def fail(exc: BaseException) -> None:
            for c in (self.pace_chart, self.figures_chart, self.pauses_chart):
                c.set_message(problem_for(exc, doing="drawing the charts").what)

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

    # audio

    def _audio_path(self) -> Path | None:
        path = getattr(self.session, "audio_path", None)
        return Path(path) if path is not None and Path(path).exists() else None

    def _ensure_player(self) -> Any:
        if self.player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self.audio_output = QAudioOutput(self)
            self.player = QMediaPlayer(self)
            self.player.setAudioOutput(self.audio_output)
            self.player.playbackStateChanged.connect(self._playback_changed)
        return self.player

    def _load(self, path: Path) -> Any:
        player = self._ensure_player()
        url = QUrl.fromLocalFile(str(path))
        if player.source() != url:
            player.setSource(url)
        return player

    def play_from_word(self, index: int) -> None:
        """Play the recording from word ``index``."""
        words = self.review.transcript.words if self.review else ()
        if 0 <= index < len(words) and words[index].start_s is not None:
            self.seek(float(words[index].start_s), play=True)

    def seek(self, at_s: float, *, play: bool = True) -> None:
        """Move the recording to ``at_s`` seconds (and play)."""
        path = self._audio_path()
        if path is None:
            self.status.emit("This session has no recording to play.")
            return
        player = self._load(path)
        player.setPosition(int(max(0.0, at_s - 0.2) * 1000))
        if play:
            player.play()
        self.status.emit(f"Playing from {clock(at_s)}")

    def toggle_play(self) -> None:
        """Play or pause the recording."""
        path = self._audio_path()
        if path is None:
            return
        player = self._load(path)
        from PySide6.QtMultimedia import QMediaPlayer

        if player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            player.pause()
        else:
            player.play()

    def stop_audio(self) -> None:
        """Stop playback (another session is shown, or the window closes)."""
        if self.player is not None:
            self.player.stop()

    def _playback_changed(self, state: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("❚❚  Pause") if playing else self.tr("▶  Play"))

    # actions

    def _again(self) -> None:
        if self.session is not None:
            self.rehearse_again.emit(self.session.talk or "", self.session.script or "")

    def choose_export(self) -> None:
        """Ask where to save the PDF report, then write it."""
        if self.session is None:
            return
        name = (self.session.title or f"session-{self.session.id}").replace("/", "-") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export PDF", str(Path.home() / name), "PDF (*.pdf)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Any:
        """Write the session's PDF report to ``path`` on a worker; returns the task."""
        session, rv = self.session, self.review
        self.status.emit(f"Exporting {path.name}…")

        def work() -> Path:
            from coach.report.pdf import export_pdf

            return export_pdf(rv, path, session=session)

        return run_task(
            work,
            on_result=lambda out: self.status.emit(f"Saved the report to {out}"),
            on_error=lambda exc: show_problem(self, problem_for(exc, doing="exporting the PDF")),
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
        self.status.emit("Preparing the model delivery…")

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
            player.setSource(QUrl.fromLocalFile(str(result.path)))
            player.play()
            self.status.emit(
                f"Model delivery: {result.planned_wpm:.0f} wpm, pauses after figures "
                "(play the recording again with Play)."
            )

        def fail(exc: BaseException) -> None:
            self.model_button.setEnabled(True)
            show_problem(self, problem_for(exc, doing="reading the script aloud"))

        return run_task(work, on_result=done, on_error=fail, owner=self)
