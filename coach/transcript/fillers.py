"""A second, filler-only look at chunks where a filler may hide.

Unprompted Whisper writes what was meant, not what was said: "um" and "uh" vanish, into gaps
between words or into a neighbouring word whose time stretches over them ("and" lasting 0.46 s),
or become a short word ("our"). Prompting it with fillers brings them back but also rewrites real
speech and invents phrases ("Thank you very much."), so the words never come from a prompted pass.

A chunk is suspect when voiced audio with a pitch (VAD + YIN) lies between its words
(:func:`uncovered`) or a short word stretches into the next one (:func:`stretched`). Such a
chunk is decoded a second time with :data:`FILLER_PROMPT` (beam
:data:`~coach.transcript.engines.FILLER_BEAM`, reusing the plain pass's encoder output), and
from that pass only filler tokens (:data:`FILLER_RE`) on voiced audio are taken, placed among the
words both passes heard (``ChunkDecoder._with_fillers``). It adds "um" and "uh" and never changes
or adds any other word. Measured (bench/transcribe.py, Whisper base): 10 of the 10 fillers of the
synthetic set kept (2 before), none written on 16 human clips and 4 synthetic talks without
fillers, the same words as before; fluent human reading sends 8 of its 9 chunks through the
second look, so the fresh real-time factor went from 0.081-0.088 to 0.118.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

from coach.transcript.decode import RATE
from coach.transcript.level import normalised

RawWord = tuple[str, float, float]

FILLER_PROMPT = "Um, so, uh, I think, um, we should, uh, start."
FILLER_RE = re.compile(r"^(u+m+|u+h+|u+hm+|e+r+m+|a+h+m*|h?m{2,}|h+m+)$", re.I)
MIN_VOICED = 0.6
"""Stretches with a pitch in fewer of their frames than this are not heard again."""
MIN_GAP_S = 0.15
MAX_GAP_S = 1.5
"""Uncovered voiced stretches shorter or longer than these (s) are not heard again."""
SHORT_WORD = 3
STRETCHED_S = 0.3
"""A word of at most :data:`SHORT_WORD` letters that lasts longer than this (s) and runs straight
into the next word may have swallowed a filler ("and uh fixed" heard as a 0.46 s "and")."""
JOINED_S = 0.1
"""Words closer than this (s) run into each other: no pause where the speaker lengthened."""


def is_filler(text: str) -> bool:
    """True for "um", "Uh,", "erm", "hmm" and the like."""
    return bool(FILLER_RE.match(re.sub(r"[^\w]", "", text)))


def uncovered(
    runs: Sequence[tuple[float, float]],
    words: Sequence[RawWord],
    *,
    margin_s: float = 0.05,
) -> list[tuple[float, float]]:
    """Parts of the voiced ``runs`` (s) that no word covers, ``MIN_GAP_S``-``MAX_GAP_S`` long.

    Runs closer than 0.1 s are joined first; each word covers its span widened by ``margin_s``.
    """
    merged: list[list[float]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] < 0.1:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    covers = sorted((s - margin_s, e + margin_s) for _, s, e in words)
    out: list[tuple[float, float]] = []
    for a, b in merged:
        pieces = [(a, b)]
        for cs, ce in covers:
            nxt = []
            for pa, pb in pieces:
                if ce <= pa or cs >= pb:
                    nxt.append((pa, pb))
                    continue
                if cs > pa:
                    nxt.append((pa, cs))
                if ce < pb:
                    nxt.append((ce, pb))
            pieces = nxt
        out.extend(p for p in pieces if MIN_GAP_S <= p[1] - p[0] <= MAX_GAP_S)
    return out


def stretched(words: Sequence[RawWord]) -> list[tuple[float, float]]:
    """Spans of short words (``SHORT_WORD`` letters or fewer) that last over ``STRETCHED_S`` and
    are followed by another word within ``JOINED_S``: a filler folded into a function word's
    time. A word before a pause is left alone (speakers lengthen the end of a phrase)."""
    out = []
    for (text, s, e), (_, nxt, _) in zip(words, words[1:], strict=False):
        letters = re.sub(r"[^\w]", "", text)
        if 0 < len(letters) <= SHORT_WORD and e - s > STRETCHED_S and nxt - e < JOINED_S:
            out.append((s, e))
    return out


def add_fillers(
    got: Sequence[RawWord],
    prompted: Sequence[RawWord],
    runs: Sequence[tuple[float, float]],
    start: float,
    end: float,
) -> list[RawWord]:
    """The plain pass's words ``got`` plus the fillers of the ``prompted`` pass, in time order.

    Only filler tokens are taken from ``prompted``, never a word, and only those on voiced audio
    (overlapping ``runs``) with their middle inside ``[start, end)``. Each goes where the prompted
    pass put it among the words both passes heard (its time is moved between those words when
    the two passes disagree on it); a filler the plain pass already heard there is not added
    twice.
    """
    words = [w for w in prompted if not is_filler(w[0])]
    matcher = SequenceMatcher(
        None, [word_key(w[0]) for w in words], [word_key(w[0]) for w in got], autojunk=False
    )
    same = {i + k: j + k for i, j, n in matcher.get_matching_blocks() for k in range(n)}
    known = [(s, e) for t, s, e in got if is_filler(t)]
    out = list(got)
    plain_fillers: dict[tuple[int, int], int] = {}  # per slot between shared words
    seen = 0  # prompted words before the current token
    for text, s, e in prompted:
        if not is_filler(text):
            seen += 1
            continue
        mid = (s + e) / 2
        if not start <= mid < end:
            continue
        if not any(a <= e and s <= b for a, b in runs):
            continue  # a filler in silence is Whisper's, not the speaker's
        before = [same[i] for i in range(seen) if i in same]
        after = [same[i] for i in range(seen, len(words)) if i in same]
        lo = got[before[-1]][1] + 0.001 if before else start
        hi = got[after[0]][1] if after else end
        if lo < hi and not lo <= s < hi:  # the two passes disagree on its time
            s = min(max(s, lo), hi - 0.002)
            e = min(max(e, s + 0.001), hi)
        slot = (before[-1] + 1 if before else 0, after[0] if after else len(got))
        if slot not in plain_fillers:
            plain_fillers[slot] = sum(is_filler(t) for t, _, _ in got[slot[0] : slot[1]])
        if plain_fillers[slot] > 0:  # the plain pass heard this filler already
            plain_fillers[slot] -= 1
            continue
        if any(s < ke and ks < e for ks, ke in known):
            continue
        out.append((text, s, e))
        known.append((s, e))
    return sorted(out, key=lambda w: w[1])


def word_key(text: str) -> str:
    """``text`` lower-cased without punctuation, to compare the words of two passes."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def voiced_fraction(samples: np.ndarray, start_s: float, end_s: float) -> float:
    """Share of 10 ms frames in ``[start_s, end_s)`` with a pitch (0-1): "um" and "uh" are
    voiced throughout; breaths, clicks and noise that the VAD let through are not."""
    from coach.transcript.pitch import f0_track

    piece = normalised(samples[max(0, int(start_s * RATE)) : int(end_s * RATE)])
    _, f0 = f0_track(piece)
    return float(np.mean(~np.isnan(f0))) if f0.size else 0.0
