"""Typed text to a :class:`Transcript`, and the word-level helpers every analyser shares.

A word keeps its punctuation as written ("minutes," stays "minutes,") so the transcript can be
shown as typed; analysers look at :func:`norm` of a word. Sentences of typed text become
utterances, so text and speech are analysed by the same code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from coach.cjk import join_words, script_language
from coach.types import Transcript, Word

_PUNCT = "\"'“”‘’()[]{}«»…,;:.!?*_`~—–-"
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|>\s?|\d+[.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?…。！？]+[\"'”’)\]」』）]*$")


@lru_cache(maxsize=65536)
def norm(token: str) -> str:
    """Lower-case a word and strip surrounding punctuation ("Minutes," -> "minutes")."""
    return token.strip(_PUNCT).lower().replace("’", "'")


@lru_cache(maxsize=65536)
def ends_sentence(token: str) -> bool:
    """True when a written word closes a sentence (., !, ?), allowing for common abbreviations."""
    if not _SENTENCE_END.search(token):
        return False
    if token.endswith("."):
        bare = token.rstrip(".").lower().strip(_PUNCT)
        if bare in _ABBREVIATIONS or re.fullmatch(r"[a-z]", bare) or re.fullmatch(r"\d+", bare):
            # "Mr." or a lone initial; a number followed by "." still ends a sentence below
            return bool(re.fullmatch(r"\d+", bare))
    return True


def transcript_from_text(text: str, *, language: str = "auto") -> Transcript:
    """Split typed text (plain or Markdown) into words and sentences.

    Parameters
    ----------
    text : str
        The script or transcript. Blank lines end a paragraph and a sentence; Markdown heading,
        list and quote markers are dropped.
    language : str
        ``"en"``, ``"zh"`` (jieba words, see :mod:`coach.zh_text`) or ``"auto"``: Chinese when
        Chinese characters make up most of the text (:func:`coach.cjk.script_language`).

    Returns
    -------
    Transcript
        Untimed words, ``engine="text"``, ``punctuated=True``; ``Word.utterance`` numbers sentences.
    """
    if (script_language(text) if language == "auto" else language) == "zh":
        from coach.zh_text import transcript_from_zh_text

        return transcript_from_zh_text(text)
    words: list[Word] = []
    utterance = 0
    open_sentence = False
    for line in text.splitlines():
        stripped = _MD_PREFIX.sub("", line).strip()
        if not stripped:
            # paragraph break: the next word starts a new sentence
            if open_sentence:
                utterance += 1
                open_sentence = False
            continue
        if line.lstrip().startswith("#") and open_sentence:
            utterance += 1
            open_sentence = False
        for token in stripped.split():
            if not token.strip(_PUNCT) and not any(c.isalnum() for c in token):
                continue  # a lone dash or bullet is not a word
            words.append(Word(token, utterance=utterance))
            open_sentence = True
            if ends_sentence(token):
                utterance += 1
                open_sentence = False
        if line.lstrip().startswith("#") and open_sentence:
            utterance += 1  # a heading is a sentence of its own
            open_sentence = False
    return Transcript(words=tuple(words), engine="text", punctuated=True)


def paragraph_ends(text: str) -> list[int]:
    """Indices of the last word of each paragraph of ``text`` (as tokenised by transcript_from_text)."""
    ends: list[int] = []
    count = 0
    for block in re.split(r"\n\s*\n", text):
        n = len(transcript_from_text(block).words)
        if n:
            count += n
            ends.append(count - 1)
    return ends


SENTENCE_GAP_S = 1.5


def sentences(words: Sequence[Word], *, punctuated: bool = True) -> list[tuple[int, int]]:
    """Half-open word ranges of sentences, in order.

    Typed text: its sentences (``Word.utterance``). Unpunctuated speech (Sphinx): its utterances,
    the stretches between pauses. Punctuated speech (Whisper): sentence punctuation, because a
    speaker often pauses mid-sentence ("Why does this matter ... to you?"); a silence of
    :data:`SENTENCE_GAP_S` or more still ends a sentence that lost its full stop.
    """
    timed = bool(words) and words[0].start_s is not None
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(words) + 1):
        if i == len(words):
            cut = True
        elif punctuated and timed:
            prev, word = words[i - 1], words[i]
            gap = (word.start_s or 0.0) - (prev.end_s or 0.0)
            cut = ends_sentence(prev.text) or (
                word.utterance != prev.utterance and gap >= SENTENCE_GAP_S
            )
        else:
            cut = words[i].utterance != words[start].utterance or (
                punctuated and ends_sentence(words[i - 1].text)
            )
        if cut:
            spans.append((start, i))
            start = i
    return spans


def span_text(words: Sequence[Word], span: tuple[int, int]) -> str:
    """The words of a half-open range joined by spaces (no space next to a Chinese character)."""
    return join_words(w.text for w in words[span[0] : span[1]])
