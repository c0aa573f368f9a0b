"""The model delivery of a Chinese script: a Mandarin voice at the profile's characters per minute.

Like :func:`coach.voice.delivery.render_model_delivery`, but the pace is counted in characters
(:func:`coach.zh_text.spoken_chars`), the cuts follow Chinese figures (:mod:`coach.analysis.zh_numbers`)
and the voice is the first installed one that speaks Mandarin (espeak-ng's ``cmn``; Microsoft
Huihui on Windows; Ting-Ting on macOS). espeak-ng's Mandarin is robotic but says every figure.
The rate setting is found by synthesising and measuring (up to three passes), not by the English
calibration, whose words-per-minute factor does not hold for Chinese syllables.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Literal

import numpy as np

from coach.errors import VoiceError
from coach.voice.delivery import Chunk, PlacedPause, RenderResult
from coach.voice.tts import list_voices, synthesise, write_wav_atomic

MANDARIN_HINTS = ("cmn", "zh", "chinese", "mandarin", "huihui", "yaoyao", "kangkang", "ting-ting",
                  "tingting", "mei-jia", "sin-ji")  # fmt: skip
FIRST_RATE = 160
PACE_TOLERANCE = 0.06


def mandarin_voice(*, driver: str | None = None) -> str:
    """The id of an installed Mandarin voice.

    Raises
    ------
    VoiceError
        None is installed (the message says what to install).
    """
    for vid, name, languages in list_voices(driver=driver):
        label = " ".join([vid, name, *languages]).lower()
        if (
            any(h in label for h in MANDARIN_HINTS)
            and "yue" not in label
            and "cantonese" not in label
        ):
            return vid
    raise VoiceError(
        "No Mandarin voice is installed for the model delivery; install espeak-ng (it has the "
        "cmn voice) or a Chinese voice of your system's speech settings."
    )


def plan_zh_chunks(
    text: str, *, figure_pause_s: float = 0.6, paragraph_pause_s: float = 1.0
) -> tuple[list[Chunk], list[str]]:
    """Cut a Chinese script after the clause of each concrete figure and at each paragraph end."""
    from coach.analysis.zh_numbers import find_zh_figures
    from coach.text import paragraph_ends, transcript_from_text

    words = [w.text for w in transcript_from_text(text, language="zh").words]
    if not words:
        return [], []
    cuts: dict[int, tuple[float, Literal["figure", "paragraph"]]] = {}
    stops = "，。！？；：,.!?;:"
    for fig in find_zh_figures(transcript_from_text(text, language="zh").words):
        if fig.kind != "figure":
            continue
        last = fig.word_span[1] - 1
        # the pause starts at the end of the clause: "卖出了5万台，" then silence
        for k in range(last, min(last + 4, len(words))):
            if words[k][-1:] in stops:
                last = k
                break
        cuts[last] = (figure_pause_s, "figure")
    ends = [e for e in paragraph_ends(text) if e < len(words)]
    for end in ends:
        if cuts.get(end, (0.0, "figure"))[0] < paragraph_pause_s:
            cuts[end] = (paragraph_pause_s, "paragraph")
    chunks: list[Chunk] = []
    start = 0
    for last in sorted(cuts):
        if last >= len(words) - 1:
            break
        pause, kind = cuts[last]
        chunks.append(Chunk("".join(words[start : last + 1]), last, pause, kind))
        start = last + 1
    chunks.append(Chunk("".join(words[start:]), len(words) - 1, 0.0, "end"))
    return chunks, words


def render_zh_delivery(
    text: str,
    out_wav: str | Path,
    *,
    target_cpm: float,
    figure_pause_s: float = 0.6,
    paragraph_pause_s: float = 1.0,
    driver: str | None = None,
    voice: str | None = None,
    max_passes: int = 3,
) -> RenderResult:
    """Read a Chinese ``text`` aloud at ``target_cpm`` characters per minute, pausing after figures.

    ``RenderResult.word_count`` counts characters and ``planned_wpm``/``target_wpm`` are in
    characters per minute.
    """
    from coach.zh_text import spoken_chars

    began = time.perf_counter()
    if not 80.0 <= target_cpm <= 600.0:
        raise VoiceError(
            f"A pace of {target_cpm:g} characters per minute is out of range (80-600)."
        )
    chunks, words = plan_zh_chunks(
        text, figure_pause_s=figure_pause_s, paragraph_pause_s=paragraph_pause_s
    )
    chars = sum(spoken_chars(c.text) for c in chunks)
    if not chars:
        raise VoiceError("There is nothing to read aloud: the text has no words.")
    voice = voice or mandarin_voice(driver=driver)
    pause_total = sum(c.pause_s for c in chunks)
    budget_s = chars * 60.0 / target_cpm - pause_total
    if budget_s <= 0.2 * chars * 60.0 / target_cpm:
        raise VoiceError(
            f"The pauses ({pause_total:.1f} s) leave no time to speak at {target_cpm:.0f} characters per minute."
        )
    rate, passes = FIRST_RATE, 0
    with tempfile.TemporaryDirectory(prefix="coach-voice-") as tmp:
        while True:
            passes += 1
            pieces, sample_rate = synthesise([c.text for c in chunks], Path(tmp), rate=rate,
                                             driver=driver, voice=voice)  # fmt: skip
            speech_s = sum(p.size for p in pieces) / sample_rate
            planned = chars * 60.0 / (speech_s + pause_total)
            if abs(planned / target_cpm - 1.0) <= PACE_TOLERANCE or passes >= max_passes:
                break
            new_rate = int(np.clip(round(rate * speech_s / budget_s), 60, 450))
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
            placed.append(PlacedPause(at / sample_rate, gap / sample_rate, kind, chunk.last_word,
                                      words[chunk.last_word]))  # fmt: skip
            at += gap
    signal = np.concatenate(audio)
    out = Path(out_wav)
    write_wav_atomic(out, signal, sample_rate)
    return RenderResult(
        path=out, duration_s=signal.size / sample_rate, speech_s=speech_s, word_count=chars,
        target_wpm=float(target_cpm), planned_wpm=planned, rate_setting=rate,
        pauses=tuple(placed), sample_rate=sample_rate, driver=driver or "default", voice=voice,
        passes=passes, render_s=time.perf_counter() - began,
    )  # fmt: skip
