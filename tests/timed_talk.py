"""Timed talks without audio, for layout tests and benches of charts and the PDF.

``talk_text(n_words, seed=...)`` writes a talk from varied sentences (figures, questions,
fillers, hype, stories); ``timed_transcript(text, wpm=...)`` gives every word a start and end time
at a pace that drifts slowly around ``wpm``, with pauses after sentences. The times are made up
but consistent, which is all a chart or a page layout needs.
"""

from __future__ import annotations

import math
import random

from coach.text import transcript_from_text
from coach.types import Pause, Transcript, Word

SENTENCES = (
    "In {y} we had {n} customers and {m} of them came back every week.",
    "Our team of {s} people shipped {n} orders in {d} days.",
    "Do we really want to keep doing this?",
    "Um, the problem was, you know, basically the cost.",
    "This is a revolutionary and world-class platform that will disrupt everything.",
    "My sister Mei said we should listen to our neighbours first.",
    "We cut waste from {n} loaves to {s} loaves a day.",
    "Then the rent went up by {p} percent and the bank said no.",
    "So we sat down at the kitchen table and counted everything again.",
    "Nobody believed a small shop could do it, and honestly neither did I.",
    "What would you have done in our place?",
    "The oven broke twice that winter and we baked at night.",
    "Every morning we opened the door and waited for the first customer.",
    "We learned more from the people who complained than from anyone else.",
    "It took us {d} months and {n} dollars to get the recipe right.",
    "We are still learning, and we still make mistakes.",
)


def talk_text(n_words: int, *, seed: int = 7) -> str:
    """A talk of about ``n_words`` words in paragraphs, reproducible from ``seed``."""
    rnd = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < n_words:
        sentence = rnd.choice(SENTENCES).format(
            y=rnd.randint(2015, 2024), n=rnd.randint(20, 5000), m=rnd.randint(2, 19),
            s=rnd.randint(2, 12), d=rnd.randint(2, 30), p=rnd.randint(5, 60),
        )  # fmt: skip
        out.append(sentence)
        count += len(sentence.split())
        if rnd.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def timed_transcript(text: str, *, wpm: float = 150.0, seed: int = 3) -> Transcript:
    """``text`` as a timed transcript near ``wpm``, with 0.35-1.8 s pauses after sentences."""
    rnd = random.Random(seed)
    words: list[Word] = []
    pauses: list[Pause] = []
    t = 0.6
    for w in transcript_from_text(text).words:
        drift = 1.0 + 0.2 * math.sin(t / 40.0)
        length = 60.0 / wpm * drift * 0.8 * (0.6 + 0.08 * len(w.text.strip(".,?!")))
        words.append(Word(w.text, round(t, 3), round(t + length, 3), w.utterance))
        t += length + 0.02
        if w.text[-1:] in ".?!":
            gap = rnd.choice((0.35, 0.5, 0.7, 0.9, 1.3, 1.8))
            pauses.append(Pause(round(t, 3), gap))
            t += gap
    return Transcript(tuple(words), tuple(pauses), duration_s=round(t + 0.5, 2), engine="whisper")
