"""Word-list hits: hype adjectives, jargon and fillers, matched as whole words or phrases.

Lists come from the profile. Hyphens and spaces are the same to the matcher ("top-tier" finds
"top tier" and "top-tier"), case is ignored, and a phrase never spans a sentence end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from coach.text import ends_sentence, norm
from coach.types import Word


@dataclass(frozen=True)
class Hit:
    """A phrase found at the half-open word range ``span``."""

    phrase: str
    span: tuple[int, int]


def _parts(phrase: str) -> tuple[str, ...]:
    return tuple(p for p in phrase.lower().replace("-", " ").replace("’", "'").split() if p)


@lru_cache(maxsize=65536)
def _word_parts(text: str) -> tuple[tuple[str, ...], bool]:
    """The matchable parts of one written word, and whether it closes a clause."""
    pieces = tuple(p.strip(".,;:!?\"'") for p in _parts(norm(text))) or ("",)
    return pieces, ends_sentence(text) or text.endswith(",")


_Flat = tuple[list[str], list[int], list[bool]]
_last_flat: tuple[Sequence[Word], _Flat] | None = None


def _flatten(words: Sequence[Word]) -> _Flat:
    """Words split into parts (hyphens split), with each part's word index and clause ends.

    Several matchers run over the same transcript, so the last result is kept (read and replaced
    as one reference, so threads never see another transcript's parts).
    """
    global _last_flat
    last = _last_flat
    if last is not None and last[0] is words:
        return last[1]
    parts: list[str] = []
    owner: list[int] = []
    stops: list[bool] = []
    for i, w in enumerate(words):
        pieces, stop = _word_parts(w.text)
        parts.extend(pieces)
        owner.extend([i] * len(pieces))
        stops.extend([False] * (len(pieces) - 1))
        stops.append(stop)
    _last_flat = (words, (parts, owner, stops))
    return parts, owner, stops


class PhraseMatcher:
    """Finds phrases from a list in a word sequence, longest match first."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            parts = _parts(phrase)
            if parts:
                self._by_first.setdefault(parts[0], []).append((parts, phrase))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def find(self, words: Sequence[Word]) -> list[Hit]:
        """Non-overlapping hits, in order."""
        parts, owner, stops = _flatten(words)
        hits: list[Hit] = []
        k = 0
        while k < len(parts):
            matched = 0
            for option, phrase in self._by_first.get(parts[k], ()):
                n = len(option)
                if tuple(parts[k : k + n]) == option and not any(stops[k : k + n - 1]):
                    hits.append(Hit(phrase, (owner[k], owner[k + n - 1] + 1)))
                    matched = n
                    break
            k += matched or 1
        return hits


_LIKE_FILLER_AFTER = {
    "um",
    "uh",
    "totally",
    "literally",
    "so",
    "super",
    "really",
    "seriously",
    "basically",
}
_NUMBER_START = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "twenty", "thirty", "forty", "fifty", "a", "hundreds", "thousands", "half"}  # fmt: skip


def _is_filler_like(words: Sequence[Word], i: int) -> bool:
    """'like' is a filler when set off by commas ("it was, like, huge"), when it hedges a number
    or an intensifier ("like ten people", "like totally"), or after a bare conjunction ("and like
    the whole team"); "I like", "looks like", "like this" are verbs and comparisons."""
    before = words[i - 1] if i > 0 and words[i - 1].utterance == words[i].utterance else None
    if words[i].text.endswith(",") or (before is not None and before.text.endswith(",")):
        return True
    after = norm(words[i + 1].text) if i + 1 < len(words) else ""
    if after in _LIKE_FILLER_AFTER or after in _NUMBER_START or after[:1].isdigit():
        return not (
            after == "a" and before is not None and norm(before.text) not in {"and", "but", "so"}
        )
    return before is not None and norm(before.text) in {"and", "but", "so", "um", "uh"}


_YOU_KNOW_NOT_BEFORE = {
    "do",
    "did",
    "don't",
    "if",
    "as",
    "you",
    "now",
    "let",
    "will",
    "would",
    "should",
}
_YOU_KNOW_NOT_AFTER = {"what", "how", "why", "when", "where", "who", "that", "the", "it", "him", "her",
                       "them", "this", "about", "me", "us", "my", "your"}  # fmt: skip


def find_fillers(words: Sequence[Word], fillers: Iterable[str]) -> list[Hit]:
    """Fillers from the profile list, with context rules for "like", "you know" and "I mean"."""
    items = list(fillers)
    matcher = PhraseMatcher(items)
    out: list[Hit] = []
    for hit in matcher.find(words):
        a, b = hit.span
        before = (
            norm(words[a - 1].text)
            if a > 0 and words[a - 1].utterance == words[a].utterance
            else ""
        )
        after = (
            norm(words[b].text) if b < len(words) and not ends_sentence(words[b - 1].text) else ""
        )
        phrase = _parts(hit.phrase)
        if phrase == ("like",) and not _is_filler_like(words, a):
            continue
        if phrase == ("you", "know") and not words[b - 1].text.endswith(","):
            if before in _YOU_KNOW_NOT_BEFORE or after in _YOU_KNOW_NOT_AFTER:
                continue
        if phrase == ("i", "mean") and not words[b - 1].text.endswith(","):
            if before in {"what", "do", "did", "that's", "if"} or after in {
                "it",
                "that",
                "this",
                "to",
            }:
                continue
        out.append(hit)
    return out
