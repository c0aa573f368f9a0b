"""Hype and jargon in English speech, read in context.

A word from the profile's hype or jargon list is a claim only when it is used: not when it is
negated ("This is not a revolutionary idea"), part of an idiom ("I tried my best", "the best of
times", "one of the best decisions I ever made") or mentioned rather than used (an article
warning against the words "first" and "beyond"). Beyond the lists, two patterns catch praise no
list can hold: an intensifier before an adjective ("absolutely breathtaking", "so incredibly
proud") and a superlative with a boast's scope ("the most successful studio in the world",
"the greatest adventure man has ever embarked on"). Adjectives and superlatives come from
:mod:`coach.analysis.english_nlp`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.analysis.english_nlp import tag_english
from coach.analysis.phrases import PhraseMatcher
from coach.text import ends_sentence, norm
from coach.types import Word

NEGATORS = {
    "not", "never", "no", "hardly", "nor", "neither", "without", "nothing", "isn't", "wasn't",
    "aren't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "cannot", "nobody",
}  # fmt: skip
# A superlative is a boast when it claims a record: "... in the world", "... of all time"
SCOPES = (
    ("in", "the", "world"), ("in", "history"), ("of", "all", "time"), ("ever",), ("on", "earth"),
    ("on", "the", "planet"), ("in", "the", "industry"), ("in", "the", "history"),
    ("in", "man's", "history"), ("in", "our", "history"), ("in", "the", "market"),
)  # fmt: skip
MENTION_CUES = {"word", "words", "term", "terms", "adjective", "adjectives", "phrase", "phrases"}
_QUOTES = "\"'“”‘’«»"
LOOKBACK_WORDS = 3
SCOPE_REACH_WORDS = 7


@dataclass(frozen=True)
class Claim:
    """A hype or jargon phrase at the half-open word range ``span``."""

    kind: str  # "hype" or "jargon"
    span: tuple[int, int]
    phrase: str


def _clause_end(word: Word) -> bool:
    return ends_sentence(word.text) or word.text.rstrip(_QUOTES + ")").endswith((",", ";", ":"))


def _negated(words: Sequence[Word], lows: Sequence[str], start: int) -> bool:
    """A negator in the same clause, at most a few words before ``start``."""
    for k in range(start - 1, max(-1, start - 1 - LOOKBACK_WORDS), -1):
        if _clause_end(words[k]):
            return False
        if lows[k] in NEGATORS or lows[k].endswith("n't"):
            return True
    return False


def _mentioned(words: Sequence[Word], lows: Sequence[str], span: tuple[int, int]) -> bool:
    """Mention, not use: a quoted word or slogan ('"first"', 'the "year of breakthrough"') or one
    named as a word ("the word beyond")."""
    a, b = span
    first, last = words[a].text, words[b - 1].text
    if first[:1] in _QUOTES and last.rstrip(".,;:!?)").endswith(tuple(_QUOTES)) and b - a <= 3:
        return True
    if any(lows[k] in MENTION_CUES for k in range(max(0, a - 3), a)):
        return True
    opened = 0
    for k in range(a - 1, max(-1, a - 13), -1):
        text = words[k].text
        if ends_sentence(text) and k < a - 1:
            break
        if text.rstrip(".,;:!?").endswith(("”", '"')) and not text.startswith(("“", '"')):
            return False  # a quotation closed before the hit
        if text.startswith(("“", '"')):
            opened += 1
            break
    return opened > 0


def _self_judgement(lows: Sequence[str], start: int) -> bool:
    """'one of the best decisions I ever made': a speaker judging their own past, not a boast."""
    window = lows[start + 1 : start + 8]
    for k, w in enumerate(window[:-1]):
        if w in {"i", "we", "i've", "we've", "i'd", "we'd"} and window[k + 1] in {
            "ever", "have", "had", "made", "did", "took", "'ve",
        }:  # fmt: skip
            return True
    return False


def _scope_end(lows: Sequence[str], words: Sequence[Word], start: int) -> int | None:
    """End of a record-claim scope that starts within reach after ``start`` in the sentence."""
    for k in range(start, min(len(lows), start + SCOPE_REACH_WORDS)):
        for scope in SCOPES:
            if tuple(lows[k : k + len(scope)]) == scope:
                return k + len(scope)
        if ends_sentence(words[k].text):
            return None
    return None


def find_claims_english(
    words: Sequence[Word],
    *,
    hype: Iterable[str],
    jargon: Iterable[str],
    intensifiers: Iterable[str] = (),
    idioms: Iterable[str] = (),
) -> list[Claim]:
    """Hype and jargon used as claims in ``words``, in order, without overlaps.

    Parameters
    ----------
    words : sequence of Word
        Transcript words.
    hype, jargon : iterable of str
        The profile's word lists (phrases allowed; hyphen and space are the same).
    intensifiers : iterable of str
        Adverbs that turn the adjective after them into praise ("absolutely", "incredibly").
    idioms : iterable of str
        Phrases in which a hype word is not a claim ("tried my best", "the best of").
    """
    lows = [norm(w.text) for w in words]
    tags = tag_english(words)
    boost = set(intensifiers)
    idiom_words: set[int] = set()
    for h in PhraseMatcher(idioms).find(words):
        idiom_words.update(range(*h.span))
    found: list[Claim] = []
    for kind, items in (("hype", hype), ("jargon", jargon)):
        found += [Claim(kind, h.span, h.phrase) for h in PhraseMatcher(items).find(words)]
    n = len(words)
    for i in range(n - 1):
        nxt = tags[i + 1].tag
        if lows[i] in boost and nxt in {"JJ", "JJS"} and not _clause_end(words[i]):
            found.append(Claim("hype", (i, i + 2), f"{lows[i]} {lows[i + 1]}"))
        superlative = tags[i].tag == "JJS" or (lows[i] == "most" and nxt == "JJ")
        one_of = lows[i : i + 3] == ["one", "of", "the"] and i + 3 < n and tags[i + 3].tag == "JJ"
        if superlative or one_of:
            end = _scope_end(lows, words, i + 1)
            if end is not None:
                found.append(Claim("hype", (i, end), " ".join(lows[i:end])))
    found.sort(key=lambda c: (c.span[0], -(c.span[1] - c.span[0])))
    out: list[Claim] = []
    for c in found:
        a, b = c.span
        if out and a < out[-1].span[1]:
            continue  # inside a longer claim already kept
        if c.kind == "hype" and (
            _negated(words, lows, a)
            or idiom_words.intersection(range(a, b))
            or _self_judgement(lows, a)
        ):
            continue
        if _mentioned(words, lows, c.span):
            continue
        out.append(c)
    return out
