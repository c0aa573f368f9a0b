"""A second, filler-only look at voiced audio that got no word.

Unprompted Whisper writes what was meant, not what was said: "um" and "uh" vanish. Prompting it
with fillers brings them back but also rewrites real speech and invents phrases, so the words
never come from a prompted pass. Instead, the voiced stretches (VAD) of a chunk that no word
covers are cut out, joined with silence and heard once more with a filler prompt; from that pass
only filler tokens (:data:`FILLER_RE`) that fall inside such a stretch are kept. It cannot change
or add any other word, and it costs one extra engine call only for chunks that have such gaps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
EDGE_S = 0.08
"""Audio kept around each stretch (s)."""
SPACER_S = 0.6
"""Silence between stretches in the joined audio (s)."""


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


def voiced_fraction(samples: np.ndarray, start_s: float, end_s: float) -> float:
    """Share of 10 ms frames in ``[start_s, end_s)`` with a pitch (0-1): "um" and "uh" are
    voiced throughout; breaths, clicks and noise that the VAD let through are not."""
    from coach.transcript.pitch import f0_track

    piece = normalised(samples[max(0, int(start_s * RATE)) : int(end_s * RATE)])
    _, f0 = f0_track(piece)
    return float(np.mean(~np.isnan(f0))) if f0.size else 0.0


def filler_look(
    samples: np.ndarray,
    stretches: Sequence[tuple[float, float]],
    decode: Callable[[np.ndarray, str], list[RawWord]],
) -> list[RawWord]:
    """Fillers heard in ``stretches`` (s, in ``samples``); times in the same seconds.

    ``decode(audio, prompt)`` runs the engine on a short signal and returns timed words.
    """
    if not stretches:
        return []
    parts: list[np.ndarray] = []
    placed: list[tuple[float, float, float]] = []  # (start in joined, end in joined, source start)
    spacer = np.zeros(int(SPACER_S * RATE), dtype=np.float32)
    t = SPACER_S
    parts.append(spacer)
    for a, b in stretches:
        lo = max(0, int((a - EDGE_S) * RATE))
        hi = min(len(samples), int((b + EDGE_S) * RATE))
        piece = samples[lo:hi]
        parts.extend([piece, spacer])
        placed.append((t, t + len(piece) / RATE, lo / RATE))
        t += len(piece) / RATE + SPACER_S
    heard = decode(normalised(np.concatenate(parts)), FILLER_PROMPT)
    found: list[RawWord] = []
    for text, s, e in heard:
        mid = (s + e) / 2
        for start, end, source in placed:
            if start <= mid <= end and is_filler(text):
                shift = source - start
                found.append((text, max(s + shift, source), min(e + shift, source + end - start)))
                break
    return found
