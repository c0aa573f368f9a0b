"""Rehearse page: pick the microphone, record (pause, resume, stop), watch a calm live view.

While recording, :class:`~coach_ui.recording.Recorder` writes the WAV on disk and feeds a
:class:`~coach_ui.live.LiveTranscriber`, so the transcript grows utterance by utterance and, on Stop,
only the last utterance is left to transcribe before the review is saved and shown. The live view
shows one pace cue, a running figure count and the transcript; the script (from the Script page)
sits beside it as a teleprompter that follows the voice (:class:`~coach_ui.widgets.teleprompter.
Teleprompter`). Coming back to the page after a take starts a clean view. Recordings can also be
imported from files (:meth:`RehearsePage.analyse_file`, with progress and a time estimate).

The page is built as rows in ``self.rows`` (devices, controls, cues) above ``self.split`` (live
transcript | teleprompter); more panels can go into the splitter with :meth:`add_side_panel`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.feedback import clock
from coach.types import Word

from ..analysis import analyse_and_save
from ..errors import Problem, problem_for, show_problem
from ..recording import Recorder, recordings_dir
from ..widgets.language_box import LanguageBox
from ..widgets.level_meter import LevelMeter
from ..widgets.live_view import LiveView
from ..widgets.slide_view import mount_slides
from ..widgets.teleprompter import Teleprompter
from ..workers import run_task


class _WordsBridge(QObject):
    """Carries words from the transcriber's thread to the GUI thread."""

    words = Signal(object)


class RehearsePage(QWidget):
    """Record a rehearsal or import one; emits :attr:`session_ready` with the saved session id."""

    session_ready = Signal(int)
    """A rehearsal was analysed and saved: show its feedback."""
    busy = Signal(str)
    """A status-bar message ('' when idle)."""

    def __init__(self, store: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.recorder = Recorder(self)
        self.recorder.level.connect(self._on_level)
        self.recorder.state_changed.connect(self._on_state)
        self.recorder.failed.connect(self._on_device_problem)
        self.recorder.too_quiet.connect(
            lambda quiet: self.meter.set_warning("too quiet: move closer" if quiet else "")
        )
        self.transcriber: Any = None  # a ui.live.LiveTranscriber while recording
        self.wav: Path | None = None
        self.script: str | None = None
        self.stop_clicked_at: float | None = None
        self.stop_to_feedback_s: float | None = None
        self._bridge = _WordsBridge(self)
        self._bridge.words.connect(self._on_words)
        self._quiet = False
        self._stale = False  # the live view still shows the last take
        self._build()
        changed = getattr(settings, "changed", None)
        if changed is not None:  # the Settings page picked another microphone
            changed.connect(self._setting_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(200)
        self._clock.timeout.connect(self._tick)

    # layout

    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("RehearsePage", "Microphone")))
        self.mic = QComboBox()
        self.mic.setMinimumWidth(220)
        # as wide as the longest device name ("Remapped Monitor of Null Output"), never clipped
        self.mic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mic.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.mic.setAccessibleName("Microphone")
        self.mic.currentIndexChanged.connect(self._mic_chosen)
        top.addWidget(self.mic)
        self.meter = LevelMeter()
        self.meter.setMinimumWidth(120)
        top.addWidget(self.meter, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(QCoreApplication.translate("RehearsePage", "Talk")))
        self.talk = QLineEdit()
        self.talk.setPlaceholderText(
            QCoreApplication.translate("RehearsePage", "Which talk is this? (e.g. Launch keynote)")
        )
        self.talk.setAccessibleName("Talk")
        self.talk.editingFinished.connect(self._talk_chosen)
        top.addWidget(self.talk, 2)
        self.language = LanguageBox(str(self.settings["language"]))  # remembered per talk
        top.addWidget(self.language)
        root.addLayout(top)
        self.rows = root

        controls = QHBoxLayout()
        self.record_button = QPushButton(QCoreApplication.translate("RehearsePage", "●  Record"))
        self.record_button.setObjectName("recordButton")
        self.record_button.setToolTip(
            QCoreApplication.translate("RehearsePage", "Start recording (Ctrl+R)")
        )
        self.record_button.setMinimumHeight(56)
        self.record_button.setMinimumWidth(180)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.record_button.setFont(big)
        self.record_button.setStyleSheet(
            "QPushButton#recordButton { background:#c53030; color:white; border-radius:8px;"
            " padding:6px 18px } QPushButton#recordButton:disabled { background:#8c2a2a; color:#f3dede }"
        )
        self.record_button.clicked.connect(self.start_recording)
        self.pause_button = QPushButton(QCoreApplication.translate("RehearsePage", "Pause"))
        self.pause_button.setMinimumHeight(56)
        self.pause_button.setToolTip(
            QCoreApplication.translate("RehearsePage", "Pause or resume (Ctrl+Space)")
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(QCoreApplication.translate("RehearsePage", "■  Stop"))
        self.stop_button.setMinimumHeight(56)
        self.stop_button.setToolTip(
            QCoreApplication.translate("RehearsePage", "Stop and get feedback (Ctrl+.)")
        )
        self.stop_button.clicked.connect(self.stop_recording)
        self.elapsed = QLabel("0:00")
        self.elapsed.setObjectName("elapsed")
        clock_font = QFont(self.font())
        clock_font.setPointSizeF(clock_font.pointSizeF() * 3.2)
        clock_font.setBold(True)
        self.elapsed.setFont(clock_font)
        self.elapsed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.elapsed.setAccessibleName("Elapsed time")
        controls.addWidget(self.record_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)
        controls.addWidget(self.elapsed)
        root.addLayout(controls)

        self.live_view = LiveView(self)
        self.pace_cue = self.live_view.pace_cue
        self.figures_count = self.live_view.figures_count
        self.live = self.live_view.text
        cues = self.live_view.cue_row()
        cues.addStretch(1)
        self.state_label = QLabel(
            QCoreApplication.translate(
                "RehearsePage", "Ready. Press Record (Ctrl+R) and start speaking."
            )
        )
        cues.addWidget(self.state_label)
        root.addLayout(cues)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.live)
        prompter = QWidget()
        pv = QVBoxLayout(prompter)
        pv.setContentsMargins(0, 0, 0, 0)
        self.prompter_status = QLabel("")
        self.prompter_status.setObjectName("prompterStatus")
        self.prompter_status.hide()
        pv.addWidget(self.prompter_status)
        self.prompter = Teleprompter()
        pf = QFont(self.font())
        pf.setPointSizeF(pf.pointSizeF() * 1.6)
        self.prompter.setFont(pf)
        self.prompter.status.connect(self._prompter_says)
        pv.addWidget(self.prompter, 1)
        self.prompter_box = prompter
        prompter.hide()
        split.addWidget(prompter)
        self.split = split
        self.slides = mount_slides(self, split)  # the deck, its keys and slide times
        root.addWidget(split, 1)

        self._sync_buttons("idle")

    # microphone

    def refresh_microphones(self) -> None:
        """Fill the microphone list, selecting the one in Settings (or the default)."""
        wanted = str(self.settings["microphone"] or "")
        self.mic.blockSignals(True)
        self.mic.clear()
        self.mic.addItem(QCoreApplication.translate("RehearsePage", "System default"), "")
        for desc, dev_id in Recorder.inputs():
            self.mic.addItem(desc, dev_id.decode(errors="replace"))
        self.mic.setCurrentIndex(max(0, self.mic.findData(wanted)))
        self.mic.blockSignals(False)

    def _setting_changed(self, name: str, _value: object) -> None:
        if name == "microphone" and self.mic.currentData() != self.settings["microphone"]:
            self.refresh_microphones()
            if self.recorder.state == "monitoring":
                self.recorder.open(self._device_id())

    def _device_id(self) -> bytes | None:
        data = self.mic.currentData()
        return str(data).encode() if data else None

    def _mic_chosen(self, _index: int) -> None:
        value = str(self.mic.currentData() or "")
        if value != self.settings["microphone"]:
            self.settings.set("microphone", value)
        if self.recorder.state == "monitoring":
            self.recorder.open(self._device_id())

    def start_monitoring(self) -> None:
        """Open the microphone so the meter moves (called when the page is shown)."""
        if self.recorder.state == "idle":
            if self.mic.count() == 0:
                self.refresh_microphones()
            self._quiet = True  # no dialog just for opening the page without a microphone
            try:
                self.recorder.open(self._device_id())
            finally:
                self._quiet = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and self.recorder.state not in ("recording", "paused"):
            self.reset_live_view()
        QTimer.singleShot(0, self.start_monitoring)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if self.recorder.state == "monitoring":
            self.recorder.close()  # the microphone stays closed while another page is shown
            self.meter.reset()

    def _on_level(self, db: float) -> None:
        self.meter.set_level(db)
        if self.prompter.following:
            self.prompter.on_level(self.recorder.recorded_s, db)

    def _prompter_says(self, text: str) -> None:
        self.prompter_status.setText(text)
        self.prompter_status.setVisible(bool(text))

    def add_side_panel(self, widget: QWidget) -> None:
        """Add a panel beside the live transcript and the teleprompter (e.g. slides)."""
        self.split.addWidget(widget)

    # script

    def set_script(self, text: str, talk: str = "") -> None:
        """Show ``text`` as a teleprompter beside the live view and remember it for the session."""
        self.script = text.strip() or None
        if talk:
            self.talk.setText(talk)
        self.prompter.set_script(self.script or "")
        self.prompter_box.setVisible(bool(self.script))

    # recording

    def talk_language(self) -> str:
        """The chosen language of this talk: ``"auto"``, ``"en"`` or ``"zh"``."""
        return self.language.code()

    def _talk_chosen(self) -> None:
        self.language.recall(self.store, self.talk.text().strip())

    def _profile_band(self) -> tuple[float, float] | None:
        try:
            target = self.language.profile_for(self.settings["default_profile"]).metrics.get("wpm")
        except Exception:  # noqa: BLE001 - a bad profile is reported when analysing
            return None
        return (target.low, target.high) if target is not None else None

    def start_recording(self) -> None:
        """Start a new recording (Ctrl+R)."""
        if self.recorder.state in ("recording", "paused") or self.stop_clicked_at is not None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.wav = recordings_dir() / f"rehearsal-{stamp}.wav"
        from ..live import LiveTranscriber

        options = self.settings.transcription_options()
        self.transcriber = LiveTranscriber(
            engine=options.get("engine"),
            model=options.get("model"),
            on_words=self._bridge.words.emit,
            language=self.talk_language(),
        ).start()
        self.reset_live_view()
        self.live_view.pace_band = self._profile_band()  # the talk language's profile
        self.recorder.listeners = [self.transcriber.feed]
        self.recorder.start(
            self.wav,
            device_id=self._device_id(),
            meta={"talk": self.talk.text().strip(), "script": bool(self.script)},
        )
        if self.recorder.state != "recording":
            self.transcriber.cancel()
            self.transcriber = None
            return
        self.prompter.start()
        self._clock.start()

    def reset_live_view(self) -> None:
        """A clean live view: no transcript, pace or figures from the last take, clock at 0:00,
        teleprompter back at the start."""
        self._stale = False
        self.live_view.reset()
        self.elapsed.setText("0:00")
        self.prompter.reset()
        if self.recorder.state == "monitoring":
            self.state_label.setText(
                QCoreApplication.translate(
                    "RehearsePage", "Ready. Press Record (Ctrl+R) and start speaking."
                )
            )

    def toggle_pause(self) -> None:
        """Pause or resume the recording (Space)."""
        if self.recorder.state == "recording":
            self.recorder.pause()
        elif self.recorder.state == "paused":
            self.recorder.resume()

    def stop_recording(self) -> None:
        """Stop, finish the transcript, analyse and save; :attr:`session_ready` follows."""
        if self.recorder.state not in ("recording", "paused"):
            return
        self.stop_clicked_at = time.perf_counter()
        self._tick()  # the clock shows the take's length while it is analysed, not 0:00
        self._clock.stop()
        self.prompter.stop()
        wav = self.recorder.stop()
        if wav is None:
            return
        self._finish(wav)

    def _finish(self, wav: Path) -> None:
        transcriber = self.transcriber
        self.transcriber = None
        self.recorder.listeners = []
        if transcriber is None:
            self.stop_clicked_at = None
            return
        self.state_label.setText(
            QCoreApplication.translate("RehearsePage", "Finishing the transcript…")
        )
        self.busy.emit(QCoreApplication.translate("RehearsePage", "Analysing the rehearsal…"))
        self._sync_buttons("busy")
        # Read the widgets here, on the GUI thread; the worker only gets plain values.
        store, profile = self.store, self.settings["default_profile"]
        talk, script = self.talk.text().strip(), self.script
        title = self.tr("Rehearsal {0}").format(datetime.now().strftime("%Y-%m-%d %H:%M"))
        save = self.slides.with_slide_times(analyse_and_save, talk)  # keeps the slide changes
        run_task(
            lambda: save(
                store,
                transcript_fn=transcriber.finish,
                profile_name=profile,
                audio=wav,
                talk=talk,
                title=title,
                script=script,
                delete_audio=True,
            ),
            on_result=self._saved,
            on_error=lambda exc: self._failed(exc, wav),
            owner=self,
        )

    def _saved(self, session_id: int) -> None:
        if self.stop_clicked_at is not None:
            self.stop_to_feedback_s = time.perf_counter() - self.stop_clicked_at
        self.stop_clicked_at = None
        self._stale = True  # a clean view when the speaker comes back for the next take
        self.state_label.setText(
            QCoreApplication.translate(
                "RehearsePage", "Saved. Press Record (Ctrl+R) to rehearse again."
            )
        )
        self.busy.emit("")
        self._sync_buttons(self.recorder.state)
        self.session_ready.emit(int(session_id))

    def _failed(self, exc: BaseException, wav: Path | None) -> None:
        self.stop_clicked_at = None
        self.busy.emit("")
        self._sync_buttons(self.recorder.state)
        self.state_label.setText(
            QCoreApplication.translate("RehearsePage", "The rehearsal could not be analysed.")
        )
        problem = problem_for(
            exc, doing=QCoreApplication.translate("Problem", "analysing the rehearsal")
        )
        if wav is not None and wav.exists():
            problem = Problem(
                problem.what, problem.next + f" The recording is kept at {wav}.", problem.detail
            )
        show_problem(self, problem)

    def _tick(self) -> None:
        self.elapsed.setText(clock(self.recorder.recorded_s))

    def _on_state(self, state: str) -> None:
        self._sync_buttons(state)
        text = {
            "recording": self.tr("Recording… speak naturally."),
            "paused": self.tr("Paused. Press Resume (Ctrl+Space) to go on."),
            "monitoring": self.tr("Ready. Press Record (Ctrl+R) and start speaking."),
            "idle": self.tr("No microphone open."),
        }.get(state)
        if text and self.stop_clicked_at is None:
            self.state_label.setText(text)
        self.pause_button.setText(
            QCoreApplication.translate("RehearsePage", "Resume")
            if state == "paused"
            else QCoreApplication.translate("RehearsePage", "Pause")
        )

    def _sync_buttons(self, state: str) -> None:
        recording = state in ("recording", "paused")
        self.record_button.setEnabled(not recording and state != "busy")
        self.record_button.setText(
            QCoreApplication.translate("RehearsePage", "●  Recording") if state == "recording" else QCoreApplication.translate("RehearsePage", "❚❚  Paused") if state == "paused"
            else QCoreApplication.translate("RehearsePage", "Analysing…") if state == "busy" else QCoreApplication.translate("RehearsePage", "●  Record")
        )  # fmt: skip
        self.pause_button.setEnabled(recording)
        self.stop_button.setEnabled(recording)
        self.mic.setEnabled(not recording and state != "busy")

    def _on_device_problem(self, problem: Problem) -> None:
        if self._quiet:
            self.state_label.setText(f"{problem.what} {problem.next}")
            self.state_label.setWordWrap(True)
            return
        self._clock.stop()
        lost = self.recorder.lost_recording
        self.recorder.lost_recording = None
        if lost is not None and self.transcriber is not None:
            self.stop_clicked_at = time.perf_counter()
            self._finish(lost)  # analyse what was kept
        elif self.transcriber is not None:
            self.transcriber.cancel()
            self.transcriber = None
        show_problem(self, problem)

    # live view

    @property
    def _live_words(self) -> list[Word]:
        return self.live_view.words

    def _on_words(self, words: Sequence[Word]) -> None:
        if words:
            self.live_view.add_words(words)
            self.prompter.on_words(words)

    # importing

    def analyse_file(
        self,
        path: Path,
        *,
        talk: str = "",
        title: str = "",
        delete_after: bool = False,
        script: str | None = None,
    ) -> None:
        """Transcribe, analyse and save an audio file with a progress dialog and a time estimate.

        ``talk``, ``title`` and ``script`` are what the import dialog asked (an empty talk and no
        script by default: an import never borrows the teleprompter's talk or script).
        """
        from .import_audio import run_import

        run_import(self, path, talk=talk, title=title, delete_after=delete_after, script=script)

    def release(self) -> None:
        """Close the microphone (window closing); a running recording is stopped and kept."""
        if self.recorder.state in ("recording", "paused"):
            self.recorder.stop()
        if self.transcriber is not None:
            self.transcriber.cancel()
            self.transcriber = None
        self.recorder.close()
