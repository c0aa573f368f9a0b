"""A second, filler-only look at every chunk of English speech.

Unprompted Whisper writes what was meant, not what was said: "um" and "uh" vanish, into gaps
between words or into a neighbouring word whose time stretches over them ("and" lasting 0.46 s),
or become a short word ("our"). Prompting it with fillers brings them back but also rewrites real
speech and invents phrases ("Thank you very much."), so the words never come from a prompted pass.

Each chunk is therefore decoded twice: the plain pass gives the words; a second pass prompted
with :data:`FILLER_PROMPT` (beam :data:`~coach.transcript.engines.FILLER_BEAM`, run beside the
plain pass on the same encoder output, see :func:`~coach.transcript.engines.whisper_passes`) is
read for filler tokens (:data:`FILLER_RE`) only, and :func:`add_fillers` puts them among the words both passes
heard. It adds "um" and "uh" and never changes or adds any other word.

The second pass is also a second opinion on Whisper's stock phrases ("I'll see you next time",
"thanks for watching", "subscribe"): it hears the same audio with other context, so a phrase the
plain pass invented over real speech is rarely invented again there. :func:`unconfirmed_stock`
finds the plain pass's stock phrases the second pass did not hear at that place; those words
are dropped. ("um and that should be all" came out as "and I'll see you next time" on a man's
free speech, while the second pass heard "and I should be".)

Why every chunk: gating the second look on signs of a hidden filler (voiced audio between words,
a short word stretched into the next) still sent 8 of the 9 chunks of fluent human reading
through it, saved no measurable time, and missed fillers folded into a misheard word ("we uh
rewrote" heard as "we are erode"). Figures are in docs/design/audio-pipeline.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

RawWord = tuple[str, float, float]

FILLER_PROMPT = "Um, so, uh, I think, um, we should, uh, start."
FILLER_RE = re.compile(r"^(u+m+|u+h+|u+hm+|e+r+m+|a+h+m*|h?m{2,}|h+m+)$", re.I)


def is_filler(text: str) -> bool:
    """True for "um", "Uh,", "erm", "hmm" and the like."""
    return bool(FILLER_RE.match(re.sub(r"[^\w]", "", text)))


def add_fillers(
    got: Sequence[RawWord],
    prompted: Sequence[RawWord],
    runs: Sequence[tuple[float, float]],
    start: float,
    end: float,
) -> list[RawWord]:
    """The plain pass's words ``got`` plus the fillers of the ``prompted`` pass, in time order.

    Only filler tokens are taken from ``prompted``, never a word, and only those with their
    middle inside ``[start, end)`` and on speech (overlapping the VAD's ``runs``). Each goes
    where the prompted pass put it among the words both passes heard (its time is moved between
    those words when the two passes disagree on it); a filler the plain pass already heard
    there is not added twice.
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


STOCK_PHRASES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"(?<!\S)(?:{pattern})(?!\S)"), core)
    for pattern, core in (
        (r"(?:(?:ill|well|i will|we will) )?see you (?:next time|soon|later|in the next \w+)"
         r"|(?:ill|well) see you", ("see", "you")),
        (r"thanks? (?:you )?(?:so much |very much )?for watching", ("watching",)),
        (r"thank you(?: so much| very much)?|thanks", ("thank",)),
        (r"(?:please )?(?:like and )?subscribe(?: to (?:my|our|the) channel)?", ("subscribe",)),
        (r"(?:bye )*(?:good)?bye(?:bye)?", ("bye",)),
    )
)  # fmt: skip
"""Phrases Whisper is known to invent (video subtitles end with them; openai/whisper discussion
#679), as patterns over whole :func:`word_key` words joined by spaces, each with the words a
second opinion must also hear (inside a word is enough: "thank" in "thanks", "bye" in
"goodbye")."""

CONFIRM_S = 1.0
"""How far (s) around a stock phrase the second pass's words are looked at."""


def unconfirmed_stock(got: Sequence[RawWord], second: Sequence[RawWord]) -> set[int]:
    """Indices of the words of ``got`` that form a stock phrase (:data:`STOCK_PHRASES`) whose
    core words ``second`` (another decoding of the same audio) does not have within
    :data:`CONFIRM_S` of it. Where ``second`` has no word at all near the phrase it gives no
    opinion, and the phrase stays."""
    text = " ".join(word_key(t) or "_" for t, _, _ in got)
    starts = [m.start() for m in re.finditer(r"\S+", text)]  # where each word begins in ``text``
    out: set[int] = set()
    for pattern, core in STOCK_PHRASES:
        for m in pattern.finditer(text):
            first = starts.index(m.start())
            last = first + m.group().count(" ")
            if out.intersection(range(first, last + 1)):
                continue  # part of a phrase found by an earlier pattern
            lo, hi = got[first][1] - CONFIRM_S, got[last][2] + CONFIRM_S
            near = [word_key(t) for t, s, e in second if s < hi and e > lo]
            if near and not all(any(c in k for k in near) for c in core):
                out.update(range(first, last + 1))
    return out


def word_key(text: str) -> str:
    """``text`` lower-cased without punctuation, to compare the words of two passes."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
