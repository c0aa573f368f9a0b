"""Model delivery: a script read aloud at the profile's pace, with pauses that let figures land.

The script is cut into chunks that end after each concrete figure (with its noun: "10,000 phones")
and at each paragraph end. The chunks are synthesised by :mod:`coach.voice.tts`, their leading and
trailing silence is trimmed, and exact silences (``figure_pause_s``, ``paragraph_pause_s``) go
between them. Pace is words per minute over the whole delivery, first word to last, pauses
included (what a rehearsal's pace measures). The first rate comes from the calibration; the render
then corrects it from the measured chunk durations until the pace is within 1.5 % of the target.

Qt-free API for the app: :func:`render_model_delivery` (whole script or a passage; run it off the
GUI thread), :func:`passage_for_word` (the sentence of a "let the figure land" tip),
:func:`speak_tips` (spoken coaching), :func:`play` / :class:`Playback` (speakers, with stop),
:func:`tts_available` / :func:`missing_tts_message` (no engine installed).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import numpy as np

from coach.errors import VoiceError
from coach.types import Tip
from coach.voice.tts import (
    RATE_RANGE,
    Calibration,
    calibrate,
    check_speakable,
    check_tts,
    install_hint,
    missing_tts_message,
    synthesise,
    tts_available,
    write_wav_atomic,
)

__all__ = [
    "Calibration",
    "Playback",
    "PlacedPause",
    "RenderResult",
    "calibrate",
    "check_tts",
    "install_hint",
    "missing_tts_message",
    "passage_for_word",
    "plan_chunks",
    "play",
    "render_model_delivery",
    "speak_tips",
    "target_wpm_for",
    "tips_script",
    "tts_available",
]

DEFAULT_WPM = 140.0
"""Pace used when the profile has no ``wpm`` target (words per minute)."""

FIGURE_PAUSE_S = 0.6
PARAGRAPH_PAUSE_S = 1.0
_CLAUSE_REACH = 1  # a figure's pause moves to a clause end at most this many words later
PACE_TOLERANCE = 0.015
"""Relative pace error (of the target) at which the render stops correcting its rate."""


@dataclass(frozen=True)
class PlacedPause:
    """A silence the render put into the delivery.

    ``start_s`` is where the silence begins in the WAV; ``after_word`` the index of the last word
    before it (in the words of :func:`coach.text.transcript_from_text`), ``after_text`` that word.
    """

    start_s: float
    duration_s: float
    kind: Literal["figure", "paragraph"]
    after_word: int
    after_text: str


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_model_delivery` wrote.

    ``planned_wpm`` is the pace of the written WAV (words over first-to-last-speech time, pauses
    included); ``speech_s`` the time spent speaking, ``duration_s`` the whole file. ``passes`` counts
    synthesis rounds (1 when the calibration was already right); ``render_s`` the wall time.
    """

    path: Path
    duration_s: float
    speech_s: float
    word_count: int
    target_wpm: float
    planned_wpm: float
    rate_setting: int
    pauses: tuple[PlacedPause, ...]
    sample_rate: int
    driver: str
    voice: str
    passes: int
    render_s: float

    def summary(self) -> str:
        """One line for the CLI: file, length, pace and pauses."""
        figs = sum(p.kind == "figure" for p in self.pauses)
        paras = sum(p.kind == "paragraph" for p in self.pauses)
        return (
            f"{self.path.name}: {self.duration_s:.1f} s, {self.word_count} words at "
            f"{self.planned_wpm:.0f} wpm planned (target {self.target_wpm:.0f}), "
            f"pauses: {figs} after figures, {paras} at paragraph ends"
        )


@dataclass(frozen=True)
class Chunk:
    """One stretch synthesised in one go, and the silence that follows it (seconds).

    ``last_word`` indexes the words of :func:`coach.text.transcript_from_text`; ``kind`` says why
    the chunk ends: after a figure, at a paragraph end, or at the end of the text.
    """

    text: str
    last_word: int
    pause_s: float
    kind: Literal["figure", "paragraph", "end"]


def target_wpm_for(profile: str | Path | None = None) -> float:
    """The pace to render at: the middle of the profile's ``wpm`` band, else :data:`DEFAULT_WPM`."""
    from coach.profile import load_profile

    metric = load_profile(profile).metrics.get("wpm")
    if metric is None:
        return DEFAULT_WPM
    return (float(metric.low) + float(metric.high)) / 2.0


# ----------------------------------------------------------------------------------------------
# rendering


def plan_chunks(
    text: str,
    *,
    figure_pause_s: float = FIGURE_PAUSE_S,
    paragraph_pause_s: float = PARAGRAPH_PAUSE_S,
) -> list[Chunk]:
    """Cut ``text`` after each concrete figure and at each paragraph end.

    The cut after a figure includes its noun ("10,000 phones") and moves to the end of the clause
    when that comes one word later ("in 9 cities worldwide."), so the pause still starts within the
    1 s after the figure that :mod:`coach.analysis.pauses` counts as landing. A paragraph end takes the
    longer of the two pauses. Words are those of :func:`coach.text.transcript_from_text`.
    """
    from coach.analysis.numbers import figures_only, find_figures
    from coach.text import norm, paragraph_ends, transcript_from_text

    words = transcript_from_text(text).words
    if not words:
        return []
    cuts: dict[int, tuple[float, Literal["figure", "paragraph"]]] = {}
    figures = figures_only(find_figures(words))
    starts = {f.word_span[0] for f in figures}
    for fig in figures:
        last, nxt = fig.word_span[1] - 1, fig.word_span[1]
        # "10,000 phones" lands as one phrase: pause after the noun, not between number and noun
        noun_follows = nxt < len(words) and fig.unit.isalpha() and norm(words[nxt].text) == fig.unit
        if noun_follows and words[last].text[-1:].isalnum():
            last = nxt
        # and a clause that ends within a few words ends with it: "in 9 cities worldwide."
        for k in range(last + 1, min(last + 1 + _CLAUSE_REACH, len(words))):
            if k in starts or not words[last].text[-1:].isalnum():
                break
            if not words[k].text[-1:].isalnum():
                last = k
                break
        cuts[last] = (figure_pause_s, "figure")
    for end in paragraph_ends(text):
        if end in cuts and cuts[end][0] >= paragraph_pause_s:
            continue
        cuts[end] = (paragraph_pause_s, "paragraph")
    chunks: list[Chunk] = []
    start = 0
    for last in sorted(cuts):
        if last >= len(words) - 1:
            break
        pause, kind = cuts[last]
        chunks.append(Chunk(" ".join(w.text for w in words[start : last + 1]), last, pause, kind))
        start = last + 1
    chunks.append(Chunk(" ".join(w.text for w in words[start:]), len(words) - 1, 0.0, "end"))
    return chunks


def render_model_delivery(
    text: str,
    out_wav: str | Path,
    *,
    target_wpm: float,
    figure_pause_s: float = FIGURE_PAUSE_S,
    paragraph_pause_s: float = PARAGRAPH_PAUSE_S,
    driver: str | None = None,
    voice: str | None = None,
    max_passes: int = 3,
) -> RenderResult:
    """Read ``text`` aloud into a 16-bit mono WAV at ``target_wpm``, pausing after figures.

    Parameters
    ----------
    text
        The script or a passage of it (plain text or Markdown; blank lines end paragraphs).
    out_wav
        WAV file to write (replaced atomically).
    target_wpm
        Pace in words per minute over the whole delivery, pauses included.
    figure_pause_s, paragraph_pause_s
        Silence after each concrete figure and at each paragraph end, in seconds.
    driver, voice
        pyttsx3 driver name and voice id; ``None`` takes the platform defaults.

    Returns
    -------
    RenderResult
        Pace, duration and the exact pauses placed.

    Raises
    ------
    VoiceError
        No speech engine (message names what to install), nothing to say, or synthesis failed.
    """
    began = time.perf_counter()
    if not 40.0 <= target_wpm <= 400.0:
        raise VoiceError(f"A pace of {target_wpm:g} words per minute is out of range (40-400).")
    if not (0.0 <= figure_pause_s <= 10.0 and 0.0 <= paragraph_pause_s <= 10.0):
        raise VoiceError("Pauses must be between 0 and 10 seconds.")
    chunks = plan_chunks(text, figure_pause_s=figure_pause_s, paragraph_pause_s=paragraph_pause_s)
    if not chunks:
        raise VoiceError("There is nothing to read aloud: the text has no words.")
    from coach.text import transcript_from_text

    words = transcript_from_text(text).words
    check_speakable([w.text for w in words])
    n_words = len(words)
    pause_total = sum(c.pause_s for c in chunks)
    cal = calibrate(driver=driver, voice=voice)
    budget_s = n_words * 60.0 / target_wpm - pause_total  # speaking time the pace leaves
    if budget_s <= 0.2 * n_words * 60.0 / target_wpm:
        raise VoiceError(
            f"The pauses ({pause_total:.1f} s) leave no time to speak at {target_wpm:.0f} wpm; "
            "shorten the pauses or raise the pace."
        )
    rate = _clip_rate(n_words * 60.0 / budget_s / cal.factor)
    passes = 0
    texts = [c.text for c in chunks]
    with tempfile.TemporaryDirectory(prefix="coach-voice-") as tmp:
        while True:
            passes += 1
            pieces, sample_rate = synthesise(
                texts, Path(tmp), rate=rate, driver=driver, voice=voice
            )
            speech_s = sum(p.size for p in pieces) / sample_rate
            planned = n_words * 60.0 / (speech_s + pause_total)
            if abs(planned / target_wpm - 1.0) <= PACE_TOLERANCE or passes >= max_passes:
                break
            # duration follows 1/rate closely, so scale the rate by the measured overshoot
            new_rate = _clip_rate(rate * speech_s / budget_s)
            if new_rate == rate:
                break
            rate = new_rate
    audio: list[np.ndarray] = []
    placed: list[PlacedPause] = []
    at = 0
    for chunk, piece in zip(chunks, pieces, strict=True):
        audio.append(piece)
        at += piece.size
        if chunk.pause_s > 0:
            gap = int(round(chunk.pause_s * sample_rate))
            audio.append(np.zeros(gap, dtype=np.float32))
            kind: Literal["figure", "paragraph"] = (
                "figure" if chunk.kind == "figure" else "paragraph"
            )
            placed.append(
                PlacedPause(
                    at / sample_rate,
                    gap / sample_rate,
                    kind,
                    chunk.last_word,
                    words[chunk.last_word].text,
                )
            )
            at += gap
    signal = np.concatenate(audio)
    out = Path(out_wav)
    write_wav_atomic(out, signal, sample_rate)
    return RenderResult(
        path=out,
        duration_s=signal.size / sample_rate,
        speech_s=speech_s,
        word_count=n_words,
        target_wpm=float(target_wpm),
        planned_wpm=planned,
        rate_setting=rate,
        pauses=tuple(placed),
        sample_rate=sample_rate,
        driver=cal.driver,
        voice=cal.voice,
        passes=passes,
        render_s=time.perf_counter() - began,
    )


def passage_for_word(text: str, word_index: int) -> str:
    """The sentence of ``text`` holding word ``word_index`` (for "let the figure land" tips)."""
    from coach.text import sentences, span_text, transcript_from_text

    words = transcript_from_text(text).words
    if not 0 <= word_index < len(words):
        raise VoiceError(f"Word {word_index} is not in the script ({len(words)} words).")
    for span in sentences(words):
        if span[0] <= word_index < span[1]:
            return span_text(words, span)
    return words[word_index].text  # pragma: no cover - sentences() covers every word


def tips_script(tips: Sequence[Tip], *, count: int = 3) -> str:
    """The text spoken for coaching: the first ``count`` tips (already ranked), one paragraph each."""
    parts = []
    for tip in list(tips)[:count]:
        line = tip.text.strip()
        if tip.action.strip():
            line = f"{line.rstrip('.')}. {tip.action.strip()}"
        parts.append(line)
    return "\n\n".join(parts)


def speak_tips(
    tips: Sequence[Tip], *, count: int = 3, target_wpm: float = DEFAULT_WPM, wait: bool = True
) -> Playback:
    """Read the top ``count`` tips aloud on the speakers (spoken coaching).

    Raises
    ------
    VoiceError
        No speech engine, no tips, or no sound output.
    """
    script = tips_script(tips, count=count)
    if not script:
        raise VoiceError("There are no tips to read aloud.")
    from coach.paths import cache_dir

    wav = cache_dir() / "spoken-tips.wav"  # replaced on each call
    render_model_delivery(script, wav, target_wpm=target_wpm)
    return play(wav, wait=wait)


# ----------------------------------------------------------------------------------------------
# speakers


class Playback:
    """A sound file playing through an external player; :meth:`stop` ends it, :meth:`wait` joins it.

    On Windows (``winsound``) ``playing`` is always False and ``stop()`` silences all sound.
    """

    def __init__(
        self,
        proc: subprocess.Popen[bytes] | None,
        path: Path,
        timeout_s: float,
        err: IO[bytes] | None,
    ) -> None:
        self._proc = proc
        self._err = err
        self._path = path
        self._timeout_s = timeout_s
        self._stopped = False

    @property
    def playing(self) -> bool:
        """True while the player runs."""
        return self._proc is not None and self._proc.poll() is None

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until playback ends.

        Raises
        ------
        VoiceError
            The player failed, or did not finish within ``timeout_s`` (default: the sound's
            length plus 10 s; it is stopped then).
        """
        if self._proc is None:
            return
        try:
            self._proc.wait(timeout=self._timeout_s if timeout_s is None else timeout_s)
        except subprocess.TimeoutExpired:
            self.stop()
            raise VoiceError(
                "Playback did not finish in time; the sound output may be stuck."
            ) from None
        if self._proc.returncode != 0 and not self._stopped and self._err is not None:
            raise VoiceError(f"Could not play sound: {_player_error(self._proc, self._err)}.")

    def stop(self) -> None:
        """End playback now (no error if it already ended)."""
        self._stopped = True
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        elif self._proc is None and sys.platform == "win32":
            import winsound

            winsound.PlaySound(None, 0)


def _players() -> list[list[str]]:
    if sys.platform == "darwin":
        candidates = [["afplay"]]
    else:
        candidates = [["paplay"], ["pw-play"], ["aplay", "-q"], ["play", "-q"]]
    return [c for c in candidates if shutil.which(c[0])]


def _player_error(proc: subprocess.Popen[bytes], err: IO[bytes]) -> str:
    """Last line the player wrote to ``err`` (its stderr file), or its exit code."""
    err.seek(0)
    text = err.read().decode(errors="replace").strip()
    name = Path(str(proc.args[0] if isinstance(proc.args, list) else proc.args)).name
    return f"{name}: {text.splitlines()[-1] if text else f'exit {proc.returncode}'}"


def play(wav: str | Path, *, wait: bool = True) -> Playback:
    """Play a sound file on the default sound output (paplay, pw-play, aplay or sox on Linux).

    With ``wait`` the call returns when playback ends; otherwise it returns a running
    :class:`Playback` whose ``stop()`` ends it.

    Raises
    ------
    VoiceError
        The file is missing, or no player could reach a sound output (no sound card or server):
        players that cannot give up within 0.5 s; one that hangs is stopped after the sound's
        length plus 10 s.
    """
    import soundfile

    path = Path(wav)
    if not path.is_file():
        raise VoiceError(f"{path.name}: no such sound file.")
    try:
        timeout_s = float(soundfile.info(str(path)).duration) + 10.0
    except RuntimeError:
        raise VoiceError(f"{path.name} is not a readable sound file.") from None
    if sys.platform == "win32":
        import winsound

        flags = winsound.SND_FILENAME | (0 if wait else winsound.SND_ASYNC)
        winsound.PlaySound(str(path), flags)
        return Playback(None, path, timeout_s, None)
    players = _players()
    if not players:
        raise VoiceError(
            "No audio player found: install pulseaudio-utils (paplay) or alsa-utils (aplay)."
        )
    failures = []
    for cmd in players:
        err = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the player
        # a file, not a pipe: a chatty player cannot block on a full pipe
        proc = subprocess.Popen(
            [*cmd, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        # a player that cannot reach a sound output gives up at once; one that plays keeps running
        try:
            proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            handle = Playback(proc, path, timeout_s, err)
            if wait:
                handle.wait()
            return handle
        if proc.returncode == 0:
            return Playback(proc, path, timeout_s, err)
        failures.append(_player_error(proc, err))
        err.close()
    raise VoiceError(
        f"Could not play sound: no sound output is available ({'; '.join(failures)}); "
        "write a WAV file instead (coach speak --out model.wav)."
    )


def _clip_rate(rate: float) -> int:
    return int(min(max(round(rate), RATE_RANGE[0]), RATE_RANGE[1]))
