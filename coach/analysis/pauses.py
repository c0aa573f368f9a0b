"""Pauses measured on the audio: how many, how long, and whether figures get room to land.

Pause lists come from the VAD (``Transcript.pauses``), not from ASR word times. A figure
"lands" when the speaker stops for at least ``landing_pause_s`` within ``within_s`` after it,
which gives the audience a beat to register the number.
"""

from __future__ import annotations

from collections.abc import Sequence

from coach.types import Figure, Pause

LONG_PAUSE_S = 1.0
LANDING_PAUSE_S = 0.4
LANDING_WITHIN_S = 1.0


def pauses_at_least(pauses: Sequence[Pause], *, min_pause_s: float = 0.3) -> list[Pause]:
    """Pauses of at least ``min_pause_s`` seconds, in order."""
    return [p for p in pauses if p.duration_s >= min_pause_s]


def long_pauses(pauses: Sequence[Pause], *, min_pause_s: float = LONG_PAUSE_S) -> list[Pause]:
    """Pauses of at least ``min_pause_s`` (1 s by default), which listeners notice as breaks."""
    return pauses_at_least(pauses, min_pause_s=min_pause_s)


def pause_ratio(
    pauses: Sequence[Pause], span: tuple[float, float], *, min_pause_s: float = 0.3
) -> float:
    """Percent of the speech span ``(start_s, end_s)`` spent in pauses ≥ ``min_pause_s``."""
    length = span[1] - span[0]
    if length <= 0:
        return 0.0
    total = 0.0
    for p in pauses_at_least(pauses, min_pause_s=min_pause_s):
        start, end = max(p.start_s, span[0]), min(p.start_s + p.duration_s, span[1])
        total += max(0.0, end - start)
    return total / length * 100.0


def landing_pause(
    figure: Figure,
    pauses: Sequence[Pause],
    *,
    min_pause_s: float = LANDING_PAUSE_S,
    within_s: float = LANDING_WITHIN_S,
) -> Pause | None:
    """The pause that lets ``figure`` land: ≥ ``min_pause_s`` starting within ``within_s`` after it."""
    end = figure.end_s if figure.end_s is not None else figure.start_s
    if end is None:
        return None
    for p in pauses:
        if p.duration_s >= min_pause_s and end - 0.05 <= p.start_s <= end + within_s:
            return p
    return None
