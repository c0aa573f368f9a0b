"""Rehearse page: pick the microphone, record (pause, resume, stop), watch a calm live view.

While recording, :class:`~coach_ui.recording.Recorder` writes the WAV on disk and feeds a
:class:`~coach_ui.live.LiveTranscriber`, so the transcript grows utterance by utterance and, on Stop,
only the last utterance is left to transcribe before the review is saved and shown. The live view
shows one pace cue, a running figure count and the transcript; the script (from the Script page)
can sit beside it as a teleprompter. Recordings can also be imported from files.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coach.coaching.feedback import clock
from coach.types import Word

from ..analysis import analyse_and_save
from ..errors import Problem, problem_for, show_problem
from ..recording import Recorder, recordings_dir
from ..widgets.level_meter import LevelMeter
from ..workers import run_task

PACE_WINDOW_S = 20.0
"""The pace cue looks at this much of the latest speech (s)."""


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
        self._live_words: list[Word] = []
        self._quiet = False
        self._pace_band: tuple[float, float] | None = None
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
        top.addWidget(QLabel("Microphone"))
        self.mic = QComboBox()
        self.mic.setMinimumWidth(220)
        self.mic.setAccessibleName("Microphone")
        self.mic.currentIndexChanged.connect(self._mic_chosen)
        top.addWidget(self.mic, 1)
        self.meter = LevelMeter()
        top.addWidget(self.meter, 2)
        top.addSpacing(12)
        top.addWidget(QLabel("Talk"))
        self.talk = QLineEdit()
        self.talk.setPlaceholderText("Which talk is this? (e.g. Launch keynote)")
        self.talk.setAccessibleName("Talk")
        top.addWidget(self.talk, 2)
        root.addLayout(top)

        controls = QHBoxLayout()
        self.record_button = QPushButton("●  Record")
        self.record_button.setObjectName("recordButton")
        self.record_button.setToolTip("Start recording (Ctrl+R)")
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
        self.pause_button = QPushButton("Pause")
        self.pause_button.setMinimumHeight(56)
        self.pause_button.setToolTip("Pause or resume (Ctrl+Space)")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton("■  Stop")
        self.stop_button.setMinimumHeight(56)
        self.stop_button.setToolTip("Stop and get feedback (Ctrl+.)")
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

        cues = QHBoxLayout()
        self.pace_cue = QLabel("Pace: —")
        self.pace_cue.setObjectName("paceCue")
        self.figures_count = QLabel("Figures: 0")
        self.figures_count.setObjectName("figuresCount")
        cue_font = QFont(self.font())
        cue_font.setPointSizeF(cue_font.pointSizeF() * 1.4)
        for label in (self.pace_cue, self.figures_count):
            label.setFont(cue_font)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMargin(6)
            cues.addWidget(label)
        cues.addStretch(1)
        self.state_label = QLabel("Ready. Press Record (Ctrl+R) and start speaking.")
        cues.addWidget(self.state_label)
        root.addLayout(cues)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.live = QPlainTextEdit()
        self.live.setReadOnly(True)
        self.live.setPlaceholderText(
            "Your words appear here, one utterance at a time, as you speak."
        )
        self.live.setAccessibleName("Live transcript")
        lf = QFont(self.font())
        lf.setPointSizeF(lf.pointSizeF() * 1.15)
        self.live.setFont(lf)
        split.addWidget(self.live)
        self.prompter = QTextBrowser()
        self.prompter.setAccessibleName("Teleprompter")
        pf = QFont(self.font())
        pf.setPointSizeF(pf.pointSizeF() * 1.6)
        self.prompter.setFont(pf)
        self.prompter.hide()
        split.addWidget(self.prompter)
        root.addWidget(split, 1)

        self._sync_buttons("idle")

    # microphone

    def refresh_microphones(self) -> None:
        """Fill the microphone list, selecting the one in Settings (or the default)."""
        wanted = str(self.settings["microphone"] or "")
        self.mic.blockSignals(True)
        self.mic.clear()
        self.mic.addItem("System default", "")
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
        QTimer.singleShot(0, self.start_monitoring)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if self.recorder.state == "monitoring":
            self.recorder.close()  # the microphone stays closed while another page is shown
            self.meter.reset()

    def _on_level(self, db: float) -> None:
        self.meter.set_level(db)

    # script

    def set_script(self, text: str, talk: str = "") -> None:
        """Show ``text`` as a teleprompter beside the live view and remember it for the session."""
        self.script = text.strip() or None
        if talk:
            self.talk.setText(talk)
        if self.script:
            self.prompter.setPlainText(self.script)
            self.prompter.show()
        else:
            self.prompter.hide()

    # recording

    def _profile_band(self) -> tuple[float, float] | None:
        try:
            from coach.profile import load_profile

            target = load_profile(self.settings["default_profile"] or None).metrics.get("wpm")
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
        ).start()
        self._live_words = []
        self._pace_band = self._profile_band()
        self.live.clear()
        self.pace_cue.setText("Pace: —")
        self.pace_cue.setStyleSheet("")
        self.figures_count.setText("Figures: 0")
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
        self._clock.start()

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
        wav = self.recorder.stop()
        self._clock.stop()
        self._tick()
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
        self.state_label.setText("Finishing the transcript…")
        self.busy.emit("Analysing the rehearsal…")
        self._sync_buttons("busy")
        # Read the widgets here, on the GUI thread; the worker only gets plain values.
        store, profile = self.store, self.settings["default_profile"]
        talk, script = self.talk.text().strip(), self.script
        title = "Rehearsal " + datetime.now().strftime("%Y-%m-%d %H:%M")
        run_task(
            lambda: analyse_and_save(
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
        self.state_label.setText("Saved. Press Record (Ctrl+R) to rehearse again.")
        self.busy.emit("")
        self._sync_buttons(self.recorder.state)
        self.session_ready.emit(int(session_id))

    def _failed(self, exc: BaseException, wav: Path | None) -> None:
        self.stop_clicked_at = None
        self.busy.emit("")
        self._sync_buttons(self.recorder.state)
        self.state_label.setText("The rehearsal could not be analysed.")
        problem = problem_for(exc, doing="analysing the rehearsal")
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
            "recording": "Recording… speak naturally.",
            "paused": "Paused. Press Resume (Ctrl+Space) to go on.",
            "monitoring": "Ready. Press Record (Ctrl+R) and start speaking.",
            "idle": "No microphone open.",
        }.get(state)
        if text and self.stop_clicked_at is None:
            self.state_label.setText(text)
        self.pause_button.setText("Resume" if state == "paused" else "Pause")

    def _sync_buttons(self, state: str) -> None:
        recording = state in ("recording", "paused")
        self.record_button.setEnabled(not recording and state != "busy")
        self.record_button.setText(
            "●  Recording" if state == "recording" else "❚❚  Paused" if state == "paused"
            else "Analysing…" if state == "busy" else "●  Record"
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

    def _on_words(self, words: Sequence[Word]) -> None:
        if not words:
            return
        self._live_words.extend(words)
        self.live.appendPlainText(" ".join(w.text for w in words))
        self.live.ensureCursorVisible()
        from coach.analysis.numbers import find_figures

        from ..live import recent_wpm

        figures = [f for f in find_figures(self._live_words) if f.kind == "figure"]
        self.figures_count.setText(f"Figures: {len(figures)}")
        wpm = recent_wpm(self._live_words, window_s=PACE_WINDOW_S)
        if wpm <= 0:
            return
        cue, colour = "good", "#3f9c6b"
        if self._pace_band is not None:
            low, high = self._pace_band
            if wpm < low:
                cue, colour = "too slow", "#d69e2e"
            elif wpm > high:
                cue, colour = "too fast", "#c53030"
        self.pace_cue.setText(f"Pace: {cue} ({wpm:.0f} wpm)")
        self.pace_cue.setStyleSheet(f"color: {colour}")

    # importing

    def analyse_file(
        self, path: Path, *, talk: str = "", title: str = "", delete_after: bool = False
    ) -> None:
        """Transcribe, analyse and save an audio file with a progress dialog."""
        options = self.settings.transcription_options()
        dialog = QProgressDialog(f"Transcribing {path.name}…", "", 0, 1000, self)
        dialog.setWindowTitle("Import audio")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        dialog.show()
        self.import_dialog = dialog
        self._sync_buttons("busy")
        self.busy.emit(f"Transcribing {path.name}…")

        def transcript_fn_with(progress: Any) -> Any:
            from coach.transcript.transcribe import transcribe_file

            return lambda: transcribe_file(
                path, engine=options.get("engine"), model=options.get("model"), progress=progress
            )

        store, profile, script = self.store, self.settings["default_profile"], self.script
        talk = talk or self.talk.text().strip()

        def work(progress: Any) -> int:
            return analyse_and_save(
                store,
                transcript_fn=transcript_fn_with(progress),
                profile_name=profile,
                audio=path,
                talk=talk,
                title=title or path.stem,
                script=script,
                delete_audio=delete_after,
            )

        def progress(done: float, message: str) -> None:
            dialog.setValue(int(done * 1000))
            if message:
                dialog.setLabelText(f"{path.name}: {message}…")

        def finished(session_id: int) -> None:
            dialog.close()
            self._saved(session_id)

        def failed(exc: BaseException) -> None:
            dialog.close()
            self._failed(exc, None)

        run_task(
            work,
            with_progress=True,
            on_progress=progress,
            on_result=finished,
            on_error=failed,
            owner=self,
        )

    def release(self) -> None:
        """Close the microphone (window closing); a running recording is stopped and kept."""
        if self.recorder.state in ("recording", "paused"):
            self.recorder.stop()
        if self.transcriber is not None:
            self.transcriber.cancel()
            self.transcriber = None
        self.recorder.close()
