"""A second, filler-only look at chunks where a filler may hide.

Unprompted Whisper writes what was meant, not what was said: "um" and "uh" vanish, into gaps
between words or into a neighbouring word whose time stretches over them ("we" lasting 0.4 s),
or become a short word ("our"). Prompting it with fillers brings them back but also rewrites real
speech and invents phrases ("Thank you very much."), so the words never come from a prompted pass.

A chunk is suspect when voiced audio with a pitch (VAD + YIN) lies between its words
(:func:`uncovered`). Only such chunks are decoded a second time with :data:`FILLER_PROMPT`, and
from that pass only filler tokens (:data:`FILLER_RE`) on voiced audio are taken: inside a suspect
stretch, or where no plain word was heard. It can add "um" and "uh", never change or add any other
word; fluent chunks cost nothing more (2 of the 9 chunks of the human reading get the second
pass). Fillers folded into a neighbouring word's time, or heard as "a" or "our", stay lost:
gating on long words instead sent every chunk of fluent reading through a second pass (twice the
time) and found no more of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def merge_spans(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sorted spans with overlapping ones joined."""
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def voiced_fraction(samples: np.ndarray, start_s: float, end_s: float) -> float:
    """Share of 10 ms frames in ``[start_s, end_s)`` with a pitch (0-1): "um" and "uh" are
    voiced throughout; breaths, clicks and noise that the VAD let through are not."""
    from coach.transcript.pitch import f0_track

    piece = normalised(samples[max(0, int(start_s * RATE)) : int(end_s * RATE)])
    _, f0 = f0_track(piece)
    return float(np.mean(~np.isnan(f0))) if f0.size else 0.0
