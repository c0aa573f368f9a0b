"""Playing a session's recording on the Feedback page, and showing where playback is.

:class:`PlayerMixin` gives :class:`~coach_ui.pages.feedback.FeedbackPage` its player (PortAudio,
:class:`coach_ui.audio_backend.Player`): play, pause, seek (a seek asked for while the file still
decodes holds, the player keeps its position), and, while the recording plays, the word being said marked in the transcript and the playhead
moved on the charts (:meth:`PlayerMixin.show_position`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from coach.coaching.feedback import clock

POSITION_MS = 33
"""How often (ms) the playhead follows playback: about 30 times a second."""


class PlayerMixin:
    """Audio for a page that has ``session``, ``transcript``, ``play_button``, ``status`` and
    the three chart canvases."""

    session: Any
    review: Any
    player: Any
    transcript: Any
    play_button: Any
    status: Any
    pace_chart: Any
    figures_chart: Any
    pauses_chart: Any
    _position_timer: Any = None

    def _audio_path(self) -> Path | None:
        path = getattr(self.session, "audio_path", None)
        return Path(path) if path is not None and Path(path).exists() else None

    def _ensure_player(self) -> Any:
        if self.player is None:
            from ..audio_backend import Player

            owner: Any = self  # a QWidget: the mixin sits on one
            self.player = Player(owner)
            self.player.playing.connect(self._playback_changed)
            self.player.failed.connect(self.status.emit)
            # the backend has no position signal: poll it while sound goes out
            self._position_timer = QTimer(owner)
            self._position_timer.setInterval(POSITION_MS)
            self._position_timer.timeout.connect(self._follow_position)
        return self.player

    def _playing_session(self) -> bool:
        path = self._audio_path()
        return self.player is not None and path is not None and self.player.source() == path

    def _follow_position(self) -> None:
        """Follow playback: mark the word being said, move the playhead on the charts."""
        if self.player is None or not self._playing_session():
            return  # the model delivery is playing, not the rehearsal
        self.show_position(self.player.position() / 1000.0)

    def show_position(self, at_s: float | None) -> None:
        """Mark the word said at ``at_s`` seconds and put the charts' playhead there."""
        index = self.transcript.index_at_time(at_s) if at_s is not None else None
        self.transcript.highlight_word(index)
        for chart in (self.pace_chart, self.figures_chart, self.pauses_chart):
            chart.set_playhead(at_s)

    def _load(self, path: Path) -> Any:
        player = self._ensure_player()
        if player.source() != Path(path):
            player.set_source(Path(path))
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
            self.status.emit(
                QCoreApplication.translate("PlayerMixin", "This session has no recording to play.")
            )
            return
        player = self._load(path)
        player.set_position(int(max(0.0, at_s - 0.2) * 1000))
        if play:
            player.play()
        self.status.emit(
            QCoreApplication.translate("PlayerMixin", "Playing from {0}").format(clock(at_s))
        )

    def toggle_play(self) -> None:
        """Play or pause the recording."""
        path = self._audio_path()
        if path is None:
            return
        player = self._load(path)
        if player.is_playing():
            player.pause()
        else:
            player.play()

    def stop_audio(self) -> None:
        """Stop playback (another session is shown, or the window closes)."""
        if self.player is not None:
            self.player.stop()
            self.show_position(None)

    def _playback_changed(self, playing: bool) -> None:
        self.play_button.setText(
            QCoreApplication.translate("FeedbackPage", "❚❚  Pause")
            if playing
            else QCoreApplication.translate("FeedbackPage", "▶  Play")
        )
        if self._position_timer is not None:
            if playing:
                self._position_timer.start()
            else:
                self._position_timer.stop()
        if not playing and self.player is not None and self._playing_session():
            at_end = self.player.position() == 0
            self.show_position(None if at_end else self.player.position() / 1000.0)
