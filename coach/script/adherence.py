"""Script adherence: how much of a planned script a rehearsal actually said.

Both sides are cut into comparable tokens: every number the engine finds
(:func:`coach.analysis.numbers.find_figures`) becomes one token holding its value, so "ten thousand" and
"10,000" match; every other word is lower-cased without punctuation. ``jiwer`` aligns the two
token lists and gives the word error rate; the alignment tells which planned figures were said,
changed or skipped and which passages were added or left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jiwer

from coach.analysis.numbers import find_figures
from coach.errors import InputError
from coach.text import norm, transcript_from_text
from coach.types import Figure, Transcript, Word

MIN_PASSAGE_WORDS = 3
FIGURE_WINDOW_WORDS = 3


@dataclass(frozen=True)
class FigureChange:
    """A planned figure that was said with a different value."""

    planned: Figure
    said: Figure


@dataclass(frozen=True)
class Adherence:
    """How a rehearsal followed its script.

    ``wer`` is the word error rate of the transcript against the script (0 = word for word; it
    can exceed 1 when much was added). ``said_share`` is the share 0-1 of script words said
    as written. Figures are the concrete ones (``kind == "figure"``) of the script; passages are
    runs of at least ``MIN_PASSAGE_WORDS`` words, quoted as written or as transcribed.
    """

    wer: float
    said_share: float
    script_words: int
    spoken_words: int
    figures_planned: tuple[Figure, ...]
    figures_kept: tuple[Figure, ...]
    figures_changed: tuple[FigureChange, ...]
    figures_skipped: tuple[Figure, ...]
    figures_added: tuple[Figure, ...]
    added_passages: tuple[str, ...]
    skipped_passages: tuple[str, ...]

    def summary(self) -> list[str]:
        """Short plain-English lines for the feedback page and the terminal."""
        lines = [
            f"You said {self.said_share * 100:.0f} % of the script word for word "
            f"(word error rate {self.wer * 100:.0f} %).",
            f"Planned figures: {len(self.figures_planned)}, said as planned "
            f"{len(self.figures_kept)}.",
        ]
        for f in self.figures_skipped:
            lines.append(f"Skipped figure: '{f.text}'.")
        for c in self.figures_changed:
            lines.append(f"Changed figure: planned '{c.planned.text}', said '{c.said.text}'.")
        for f in self.figures_added:
            lines.append(f"Added figure: '{f.text}'.")
        for p in self.added_passages:
            lines.append(f"Added: “{p}”")
        for p in self.skipped_passages:
            lines.append(f"Left out: “{p}”")
        return lines


def adherence_to_dict(result: Adherence) -> dict[str, Any]:
    """A JSON-ready form of ``result`` (figures as their text and value), for ``--json`` and PDFs."""

    def fig(f: Figure) -> dict[str, Any]:
        return {"text": f.text, "value": f.value, "unit": f.unit}

    return {
        "wer": round(result.wer, 4),
        "said_share": round(result.said_share, 4),
        "script_words": result.script_words,
        "spoken_words": result.spoken_words,
        "figures_planned": [fig(f) for f in result.figures_planned],
        "figures_kept": [fig(f) for f in result.figures_kept],
        "figures_changed": [
            {"planned": fig(c.planned), "said": fig(c.said)} for c in result.figures_changed
        ],
        "figures_skipped": [fig(f) for f in result.figures_skipped],
        "figures_added": [fig(f) for f in result.figures_added],
        "added_passages": list(result.added_passages),
        "skipped_passages": list(result.skipped_passages),
    }


@dataclass(frozen=True)
class _Tokens:
    tokens: list[str]
    words: list[tuple[int, int]]  # token -> half-open word range it came from
    figures: list[Figure]


def _tokens(words: Sequence[Word]) -> _Tokens:
    figures = find_figures(words)
    starts = {f.word_span[0]: f for f in figures}
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        fig = starts.get(i)
        if fig is not None and fig.word_span[1] > i:
            tokens.append(f"#{fig.value:g}")
            spans.append(fig.word_span)
            i = fig.word_span[1]
            continue
        token = norm(words[i].text).replace(",", "")
        for part in token.replace("—", " ").replace("-", " ").split():
            tokens.append(part)
            spans.append((i, i + 1))
        i += 1
    return _Tokens(tokens, spans, figures)


def _quote(words: Sequence[Word], spans: list[tuple[int, int]], a: int, b: int) -> str:
    first, last = spans[a][0], spans[b - 1][1]
    return " ".join(w.text for w in words[first:last])


def _same(a: Figure, b: Figure) -> bool:
    return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def _match_figures(
    planned: list[Figure],
    said: list[Figure],
    ref: _Tokens,
    hyp: _Tokens,
    ref_to_hyp: dict[int, int],
) -> tuple[list[Figure], list[FigureChange], list[Figure], set[int]]:
    """Pair planned with said figures: aligned and equal, equal nearby, aligned but different,
    equal anywhere; in that order, so one said figure never answers two planned ones."""
    ref_token_of = {span[0]: k for k, span in enumerate(ref.words)}
    said_at = {f.word_span[0]: i for i, f in enumerate(said)}
    aligned: dict[int, int | None] = {}  # planned index -> said index at its aligned token
    window: dict[int, tuple[int, int]] = {}  # planned index -> spoken word range around it
    for p, fig in enumerate(planned):
        k = ref_token_of.get(fig.word_span[0])
        if k is None or not hyp.words:
            continue
        a = ref_to_hyp.get(k)
        aligned[p] = said_at.get(hyp.words[a][0]) if a is not None else None
        if a is None:
            before = [ref_to_hyp[j] for j in range(k - 1, -1, -1) if j in ref_to_hyp][:1]
            a = before[0] + 1 if before else 0
        a = min(a, len(hyp.words) - 1)
        lo = hyp.words[max(0, a - FIGURE_WINDOW_WORDS)][0]
        hi = hyp.words[min(len(hyp.words) - 1, a + FIGURE_WINDOW_WORDS)][1]
        window[p] = (lo, hi)

    used: set[int] = set()
    result: dict[int, Figure | FigureChange] = {}

    def near(p: int) -> list[int]:
        lo, hi = window.get(p, (0, 0))
        return [i for i, s in enumerate(said) if s.word_span[0] < hi and s.word_span[1] > lo]

    passes = (
        lambda p: [i for i in [aligned.get(p)] if i is not None and _same(planned[p], said[i])],
        lambda p: [i for i in near(p) if _same(planned[p], said[i])],
        lambda p: [i for i in [aligned.get(p)] if i is not None],
        lambda p: [i for i, s in enumerate(said) if _same(planned[p], s)],
    )
    for n, candidates in enumerate(passes):
        for p, fig in enumerate(planned):
            if p in result:
                continue
            free = [i for i in candidates(p) if i not in used]
            if free:
                used.add(free[0])
                result[p] = FigureChange(fig, said[free[0]]) if n == 2 else fig
    kept = [r for r in result.values() if isinstance(r, Figure)]
    changed = [r for r in result.values() if isinstance(r, FigureChange)]
    missing = [fig for p, fig in enumerate(planned) if p not in result]
    order = {id(f): p for p, f in enumerate(planned)}
    kept.sort(key=lambda f: order[id(f)])
    changed.sort(key=lambda c: order[id(c.planned)])
    return kept, changed, missing, used


def adherence(
    script_text: str, transcript: Transcript, *, min_passage_words: int = MIN_PASSAGE_WORDS
) -> Adherence:
    """Compare a rehearsal's transcript with the script it followed.

    Parameters
    ----------
    script_text : str
        The planned talk (plain text or Markdown).
    transcript : Transcript
        What was said (from audio, or typed text).
    min_passage_words : int
        Shortest run of added or left-out words reported as a passage.

    Raises
    ------
    InputError
        The script has no words.
    """
    script_words = transcript_from_text(script_text).words
    ref = _tokens(script_words)
    if not ref.tokens:
        raise InputError("The script has no words to compare the rehearsal with.")
    spoken = transcript.words
    hyp = _tokens(spoken)
    out = jiwer.process_words(" ".join(ref.tokens), " ".join(hyp.tokens))
    chunks = out.alignments[0]

    ref_to_hyp: dict[int, int] = {}  # aligned (equal or substituted) token pairs
    equal = 0
    added: list[str] = []
    skipped: list[str] = []
    for c in chunks:
        if c.type in ("equal", "substitute"):
            for k in range(c.ref_end_idx - c.ref_start_idx):
                ref_to_hyp[c.ref_start_idx + k] = c.hyp_start_idx + k
            if c.type == "equal":
                equal += c.ref_end_idx - c.ref_start_idx
        elif c.type == "insert" and c.hyp_end_idx - c.hyp_start_idx >= min_passage_words:
            added.append(_quote(spoken, hyp.words, c.hyp_start_idx, c.hyp_end_idx))
        elif c.type == "delete" and c.ref_end_idx - c.ref_start_idx >= min_passage_words:
            skipped.append(_quote(script_words, ref.words, c.ref_start_idx, c.ref_end_idx))

    planned = [f for f in ref.figures if f.kind == "figure"]
    said_figures = [f for f in hyp.figures if f.kind == "figure"]
    kept, changed, missing, used = _match_figures(planned, said_figures, ref, hyp, ref_to_hyp)
    extra = [s for i, s in enumerate(said_figures) if i not in used]
    return Adherence(
        wer=float(out.wer),
        said_share=equal / len(ref.tokens),
        script_words=len(script_words),
        spoken_words=len(spoken),
        figures_planned=tuple(planned),
        figures_kept=tuple(kept),
        figures_changed=tuple(changed),
        figures_skipped=tuple(missing),
        figures_added=tuple(extra),
        added_passages=tuple(added),
        skipped_passages=tuple(skipped),
    )
