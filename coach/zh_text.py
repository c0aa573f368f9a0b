"""Chinese text to words: jieba segmentation for typed scripts and for Whisper's character pieces.

Chinese is written without spaces, so a "word" of a Chinese transcript is a jieba token with the
punctuation that follows it attached (``"台，"``), the way an English word keeps its comma. The
rate metrics of a Chinese talk count characters (字), the unit Mandarin speech-rate studies use:
:func:`spoken_chars` counts Chinese characters and digits one each and an alphabetic word as one.

jieba (MIT) loads its 5 MB dictionary on first use (about 1 s; its cache goes to Coach's cache
folder); :func:`segment` is the only door to it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from coach.cjk import ZH_CLOSERS, ZH_SENTENCE_END, has_han, is_han
from coach.types import Transcript, Word

_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|>\s?|\d+[.)]\s+)")
_END = re.compile(f"[{re.escape(ZH_SENTENCE_END)}]+[{re.escape(ZH_CLOSERS)}]*$")
_FULL_WIDTH = str.maketrans({",": "，", "?": "？", "!": "！", ":": "：", ";": "；"})
_ASCII_PUNCT = re.compile(r"[?!;]|(?<!\d)[,:]|[,:](?!\d)")
_JIEBA_LOCK = threading.Lock()
_jieba: list[Any] = []


def _tokenizer() -> Any:
    with _JIEBA_LOCK:
        if not _jieba:
            import logging

            import jieba

            from coach.paths import cache_dir

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            try:
                folder = cache_dir()
                folder.mkdir(parents=True, exist_ok=True)
                tk.tmp_dir = str(folder)
            except OSError:
                pass  # jieba falls back to the system temp folder
            tk.initialize()
            _jieba.append(tk)
        return _jieba[0]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or is_han(ch)


@lru_cache(maxsize=4096)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(t for t in _tokenizer().lcut(text, HMM=True) if t.strip())


def segment(text: str) -> list[str]:
    """jieba tokens of ``text`` with punctuation attached to the token before it.

    Spaces are dropped; punctuation that opens a sentence (a quote mark) attaches to the token
    after it. ``"我们用了4分钟，卖出一万台。"`` → ``["我们", "用", "了", "4", "分钟，", ...]``.
    """
    out: list[str] = []
    lead = ""
    for token in _segment_cached(text):
        if not any(_is_word_char(ch) for ch in token):
            if out and token[0] not in "“‘「『（(《【":
                out[-1] += token
            else:
                lead += token
            continue
        out.append(lead + token)
        lead = ""
    if lead and out:
        out[-1] += lead
    return out


def ends_zh_sentence(token: str) -> bool:
    """True when a written word closes a Chinese sentence (。！？ or ! ? …, closing quotes allowed)."""
    return bool(_END.search(token))


def transcript_from_zh_text(text: str) -> Transcript:
    """Split a typed Chinese script (plain or Markdown) into jieba words and sentences.

    Sentences end at 。！？ (and ! ? …), at a blank line and after a Markdown heading, as in
    :func:`coach.text.transcript_from_text`; ``Word.utterance`` numbers them.
    """
    words: list[Word] = []
    utterance = 0
    open_sentence = False
    for line in text.splitlines():
        stripped = _MD_PREFIX.sub("", line).strip()
        heading = line.lstrip().startswith("#")
        if not stripped or (heading and open_sentence):
            if open_sentence:
                utterance += 1
                open_sentence = False
            if not stripped:
                continue
        for token in segment(stripped):
            words.append(Word(token, utterance=utterance))
            open_sentence = True
            if ends_zh_sentence(token):
                utterance += 1
                open_sentence = False
        if heading and open_sentence:
            utterance += 1
            open_sentence = False
    return Transcript(words=tuple(words), engine="text", language="zh", punctuated=True)


def spoken_chars(text: str) -> int:
    """Characters as a listener hears them: each Chinese character or digit one, each Latin word one."""
    count = 0
    in_latin = False
    for ch in text:
        if is_han(ch) or ch.isdigit():
            count += 1
            in_latin = False
        elif ch.isascii() and ch.isalpha():
            if not in_latin:
                count += 1
            in_latin = True
        else:
            in_latin = False
    return count


def char_times(words: Sequence[Word]) -> list[tuple[float, float]]:
    """One ``(start_s, end_s)`` per spoken character of timed ``words``, spread evenly in each word.

    Pace counts these instead of words (see :func:`spoken_chars`).
    """
    out: list[tuple[float, float]] = []
    for w in words:
        if w.start_s is None or w.end_s is None:
            continue
        n = spoken_chars(w.text)
        if n == 0:
            continue
        step = (w.end_s - w.start_s) / n
        out.extend((w.start_s + k * step, w.start_s + (k + 1) * step) for k in range(n))
    return out


@lru_cache(maxsize=1)
def _to_simplified() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC's t2s tables; Whisper sometimes writes traditional)."""
    return _to_simplified().convert(text) if has_han(text) else text


LOOP_REPEATS = 4
"""A Chinese piece said this many times in a row is a Whisper decoding loop, not speech."""


def drop_repetition_loops(words: Sequence[Word]) -> tuple[Word, ...]:
    """Whisper's pieces without decoding loops ("请问问问问问…" after a sentence, seen on a 4 s
    clip about one run in three): a run of :data:`LOOP_REPEATS` or more identical Chinese pieces
    is dropped. Speech repeats a syllable twice or three times (谢谢, 好好好), not four."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].text == words[i].text:
            j += 1
        if not (j - i >= LOOP_REPEATS and has_han(words[i].text)):
            out.extend(words[i:j])
        i = j
    return tuple(out)


def regroup_timed(transcript: Transcript) -> Transcript:
    """Whisper's Chinese pieces (a character or two each, with times) regrouped into jieba words.

    Within each utterance the pieces are joined and segmented; a word starts when its first
    character is said and ends when its last one is, each piece's time shared evenly among its
    characters. Traditional characters become simplified ones (Whisper base switches to
    traditional in some chunks), so figures, word lists and profiles see one script. Pauses,
    utterance numbers and everything else stay as they were.
    """
    words = transcript.words
    if not words or not transcript.timed:
        return transcript
    out: list[Word] = []
    words = drop_repetition_loops(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].utterance == words[i].utterance:
            j += 1
        group = words[i:j]
        text = ""
        times: list[tuple[float, float]] = []
        for w in group:
            piece = simplified(w.text)
            if len(piece) != len(w.text):  # a conversion that changes length: keep the original
                piece = w.text
            if text and piece[:1].isascii() and piece[:1].isalnum() and text[-1:].isascii():
                if text[-1:].isalpha() and piece[:1].isalpha():
                    piece = " " + piece
            start, end = float(w.start_s or 0.0), float(w.end_s or 0.0)
            step = (end - start) / max(len(piece), 1)
            times.extend((start + k * step, start + (k + 1) * step) for k in range(len(piece)))
            text += piece
        if has_han(text):  # Chinese punctuation in Chinese text, but 1,999 and 19:30 stay
            text = _ASCII_PUNCT.sub(lambda m: m.group().translate(_FULL_WIDTH), text)
        pos = 0
        for token in segment(text):
            at = text.find(token, pos)
            if at < 0:  # segment() dropped a space; find the token from where we are
                at = pos
            first, last = at, min(at + len(token), len(times)) - 1
            out.append(
                Word(token, round(times[first][0], 3), round(times[last][1], 3), group[0].utterance)
            )
            pos = at + len(token)
        i = j
    from dataclasses import replace

    return replace(transcript, words=tuple(out), language="zh")
