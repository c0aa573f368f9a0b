"""Playing a session's recording on the Feedback page, and showing where playback is.

:class:`PlayerMixin` gives :class:`~coach_ui.pages.feedback.FeedbackPage` its QMediaPlayer:
play, pause, seek (a seek asked for while the file still loads is applied once it has loaded),
and, while the recording plays, the word being said marked in the transcript and the playhead
moved on the charts (:meth:`PlayerMixin.show_position`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl

from coach.coaching.feedback import clock


class PlayerMixin:
    """Audio for a page that has ``session``, ``transcript``, ``play_button``, ``status`` and
    the three chart canvases."""

    session: Any
    review: Any
    player: Any
    audio_output: Any
    transcript: Any
    play_button: Any
    status: Any
    pace_chart: Any
    figures_chart: Any
    pauses_chart: Any
    _pending_seek_ms: int | None

    def _audio_path(self) -> Path | None:
        path = getattr(self.session, "audio_path", None)
        return Path(path) if path is not None and Path(path).exists() else None

    def _ensure_player(self) -> Any:
        if self.player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            owner: Any = self  # a QWidget: the mixin sits on one
            self.audio_output = QAudioOutput(owner)
            self.player = QMediaPlayer(owner)
            self.player.setAudioOutput(self.audio_output)
            self.player.playbackStateChanged.connect(self._playback_changed)
            self.player.positionChanged.connect(self._position_changed)
            self.player.mediaStatusChanged.connect(self._media_status)
        return self.player

    def _media_status(self, status: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
        if status in loaded and self._pending_seek_ms is not None and self.player is not None:
            # a seek asked for while the file was still loading was dropped by the player
            self.player.setPosition(self._pending_seek_ms)
            self._pending_seek_ms = None

    def _playing_session(self) -> bool:
        path = self._audio_path()
        return (self.player is not None and path is not None
                and self.player.source() == QUrl.fromLocalFile(str(path)))  # fmt: skip

    def _position_changed(self, ms: int) -> None:
        """Follow playback: mark the word being said, move the playhead on the charts."""
        if not self._playing_session():
            return  # the model delivery is playing, not the rehearsal
        self.show_position(ms / 1000.0)

    def show_position(self, at_s: float | None) -> None:
        """Mark the word said at ``at_s`` seconds and put the charts' playhead there."""
        index = self.transcript.index_at_time(at_s) if at_s is not None else None
        self.transcript.highlight_word(index)
        for chart in (self.pace_chart, self.figures_chart, self.pauses_chart):
            chart.set_playhead(at_s)

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
        from PySide6.QtMultimedia import QMediaPlayer

        ms = int(max(0.0, at_s - 0.2) * 1000)
        player.setPosition(ms)
        ready = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia,
                 QMediaPlayer.MediaStatus.EndOfMedia)  # fmt: skip
        self._pending_seek_ms = None if player.mediaStatus() in ready else ms
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
        self.play_button.setText("❚❚  Pause" if playing else "▶  Play")
        if state == QMediaPlayer.PlaybackState.StoppedState:
            self.show_position(None)
