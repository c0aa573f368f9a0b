"""Analysis speed: words per second for a 10,000-word script (goal >= 50,000 words/s).

Builds a varied script of its own (figures in digits and words, hype, fillers, questions, stories),
runs the full review (analysis, scoring, tips) several times and prints the best and median rate.
The first run includes loading the syllable dictionary and is reported separately.
"""

from __future__ import annotations

import random
import statistics
import time

from coach.coaching.review import review
from coach.profile import load_profile
from coach.text import transcript_from_text

SENTENCES = [
    "Three years ago our team of 14 engineers moved into a small garage in the east of town.",
    "We shipped twelve thousand units in six weeks and returns fell to 2.5%.",
    "Do I really want to do this again?",
    "Um, the first prototype, you know, caught fire on a Tuesday night.",
    "Our world-class platform will leverage synergy across the ecosystem.",
    "That night my co-founder called me at 2 am and said we had 40 days of cash.",
    "We raised $3.2 billion and hired 1,500 people in 2023.",
    "Dozens of customers wrote to us, and hundreds of them asked for a refund.",
    "It was, like, the hardest week of our lives.",
    "What would you have done in our place?",
    "We are still far from where we want to be, and we will keep working.",
]


def make_script(n_words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < n_words:
        s = rng.choice(SENTENCES)
        out.append(s)
        count += len(s.split())
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def main() -> None:
    profile = load_profile()
    text = make_script(10_000)
    t0 = time.perf_counter()
    first = review(transcript_from_text(text), profile)
    cold = time.perf_counter() - t0
    n = first.analysis.word_count
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        review(transcript_from_text(text), profile)
        times.append(time.perf_counter() - t0)
    print(f"words: {n}")
    print(f"first run (loads the syllable dictionary): {cold:.3f} s = {n / cold:,.0f} words/s")
    print(
        f"warm runs: best {min(times):.3f} s = {n / min(times):,.0f} words/s, "
        f"median {statistics.median(times):.3f} s = {n / statistics.median(times):,.0f} words/s "
        f"(goal >= 50,000 words/s)"
    )


if __name__ == "__main__":
    main()
