"""Coaching quality on real speeches: precision and recall per finding, and the style ranking.

Reads the hand-labelled corpus in ``bench/corpus`` (one ``.txt`` speech and one ``.toml`` label
file per speech; the format is described in ``bench/corpus/README.md``), reviews every speech
with Coach as typed text and prints:

- precision and recall for concrete figures (a hit must overlap a labelled figure *and* carry
  its exact value), hype, jargon, story sentences and question sentences;
- how often Coach's close is the labelled last real sentence;
- Spearman's rank correlation between Coach's Lei Jun match and the hand ranking of the speeches
  by fit to the style, and the gap between the mean scores of the top three and bottom three.

``--misses`` also lists every false positive and every miss. Run: ``python bench/quality.py``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from coach.coaching.review import review
from coach.profile import load_profile
from coach.text import transcript_from_text
from coach.types import Word

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CORPUS = Path(__file__).with_name("corpus")
KINDS = ("figures", "hype", "jargon", "stories", "questions")


@dataclass
class Tally:
    """True positives and misses for one finding, with examples for the miss list."""

    tp_found: int = 0
    found: int = 0
    tp_labelled: int = 0
    labelled: int = 0
    false_pos: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp_labelled / self.labelled if self.labelled else 1.0


@dataclass(frozen=True)
class Speech:
    """One labelled speech: its text, labels and hand rank (1 = best fit to the style)."""

    name: str
    text: str
    labels: dict[str, Any]

    @property
    def rank(self) -> int:
        return int(self.labels["fit_rank"])


def load_corpus(folder: Path = CORPUS) -> list[Speech]:
    """Every ``<name>.toml`` with its ``<name>.txt`` in ``folder``, by name."""
    out = []
    for toml_path in sorted(folder.glob("*.toml")):
        labels = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        text = toml_path.with_suffix(".txt").read_text(encoding="utf-8")
        out.append(Speech(toml_path.stem, text, labels))
    return out


def word_offsets(text: str, words: tuple[Word, ...]) -> list[tuple[int, int]]:
    """Character range of each transcript word in ``text`` (words are verbatim, in order)."""
    spans = []
    cursor = 0
    for w in words:
        at = text.find(w.text, cursor)
        if at < 0:
            raise ValueError(f"word {w.text!r} not found after offset {cursor}")
        spans.append((at, at + len(w.text)))
        cursor = at + len(w.text)
    return spans


def find_labels(text: str, items: list[str], *, where: str) -> list[tuple[int, int]]:
    """Character ranges of labelled phrases, searched in order (a phrase said twice is listed
    twice); word boundaries are respected so 'One' does not match inside 'Someone'."""
    out = []
    cursor = 0
    for item in items:
        pattern = re.escape(item)
        if item[:1].isalnum():
            pattern = r"(?<![\w])" + pattern
        if item[-1:].isalnum():
            pattern += r"(?![\w])"
        m = re.compile(pattern).search(text, cursor)
        if m is None:
            raise ValueError(f"{where}: label {item!r} not found after offset {cursor}")
        out.append((m.start(), m.end()))
        cursor = m.start() + 1
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _chars(offsets: list[tuple[int, int]], span: tuple[int, int]) -> tuple[int, int]:
    return offsets[span[0]][0], offsets[span[1] - 1][1]


def _sentence_of(offsets: list[tuple[int, int]], sentences: list[tuple[int, int]], at: int) -> int:
    """Index of the sentence that holds character ``at`` (the last one starting at or before)."""
    best = 0
    for k, s in enumerate(sentences):
        if _chars(offsets, s)[0] <= at:
            best = k
    return best


def _match_spans(
    found: list[tuple[tuple[int, int], str]],
    labelled: list[tuple[int, int]],
    label_text: list[str],
    tally: Tally,
    where: str,
) -> None:
    used: set[int] = set()
    for span, shown in found:
        tally.found += 1
        hit = [k for k, lab in enumerate(labelled) if _overlap(span, lab)]
        if hit:
            tally.tp_found += 1
            used.update(hit)
        else:
            tally.false_pos.append(f"{where}: {shown!r}")
    tally.labelled += len(labelled)
    tally.tp_labelled += len(used)
    tally.missed += [f"{where}: {label_text[k]!r}" for k in range(len(labelled)) if k not in used]


def evaluate(speech: Speech, tallies: dict[str, Tally], close: Tally) -> float:
    """Add one speech's hits and misses to ``tallies``; return Coach's Lei Jun match."""
    transcript = transcript_from_text(speech.text)
    words = transcript.words
    offsets = word_offsets(speech.text, words)
    rv = review(transcript, load_profile())
    a = rv.analysis
    sentences = list(a.sentences)
    text = speech.text
    lab = speech.labels
    name = speech.name

    # figures: overlap and the exact value
    fig_labels = lab.get("figures", [])
    fig_spans = find_labels(text, [f[0] for f in fig_labels], where=name)
    fig_values = [Decimal(f[1]) for f in fig_labels]
    t = tallies["figures"]
    used: set[int] = set()
    for f in a.figures:
        if f.kind != "figure":
            continue
        span = _chars(offsets, f.word_span)
        t.found += 1
        match = next(
            (
                k
                for k, lab_span in enumerate(fig_spans)
                if k not in used
                and _overlap(span, lab_span)
                and Decimal(repr(f.value)) == fig_values[k]
            ),
            None,
        )
        if match is None:
            t.false_pos.append(f"{name}: {f.text!r} = {f.value!r}")
        else:
            t.tp_found += 1
            used.add(match)
    t.labelled += len(fig_spans)
    t.tp_labelled += len(used)
    t.missed += [
        f"{name}: {fig_labels[k][0]!r} = {fig_labels[k][1]}"
        for k in range(len(fig_spans))
        if k not in used
    ]

    # hype and jargon: overlapping phrases
    for kind in ("hype", "jargon"):
        items = lab.get(kind, [])
        hits = [
            (_chars(offsets, tuple(h["span"])), h["text"])
            for h in a.details.get("hype", [])
            if h["kind"] == kind
        ]
        _match_spans(hits, find_labels(text, items, where=name), items, tallies[kind], name)

    # stories and questions: whole sentences, labelled by their first words
    for kind, found_spans in (
        ("stories", [tuple(s) for s in a.details.get("stories", [])]),
        ("questions", [tuple(q["span"]) for q in a.details.get("questions", [])]),
    ):
        items = lab.get(kind, [])
        starts = find_labels(text, items, where=name)
        labelled = {_sentence_of(offsets, sentences, s[0]) for s in starts}
        found_idx = {_sentence_of(offsets, sentences, _chars(offsets, s)[0]) for s in found_spans}
        t = tallies[kind]
        t.found += len(found_idx)
        t.tp_found += len(found_idx & labelled)
        t.labelled += len(labelled)
        t.tp_labelled += len(found_idx & labelled)
        t.false_pos += [
            f"{name}: {' '.join(w.text for w in words[slice(*sentences[k])])[:90]!r}"
            for k in sorted(found_idx - labelled)
        ]
        t.missed += [
            f"{name}: {' '.join(w.text for w in words[slice(*sentences[k])])[:90]!r}"
            for k in sorted(labelled - found_idx)
        ]

    # the close: the sentence Coach calls the close against the labelled last real sentence
    close_label = lab.get("close", "")
    if close_label:
        at = text.rfind(close_label)
        want = _sentence_of(offsets, sentences, at)
        detail = a.details.get("close", {})
        span = detail.get("last") or detail.get("span")
        got = _sentence_of(offsets, sentences, _chars(offsets, (span[0], span[0] + 1))[0])
        close.labelled += 1
        close.found += 1
        if got == want:
            close.tp_labelled += 1
            close.tp_found += 1
        else:
            shown = " ".join(w.text for w in words[slice(*sentences[got])])[:70]
            close.missed.append(f"{name}: Coach's close starts {shown!r}")
    return rv.feedback.score


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""

    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        out = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list false positives and misses")
    args = parser.parse_args(argv)
    speeches = load_corpus()
    tallies = {k: Tally() for k in KINDS}
    close = Tally()
    scores: dict[str, float] = {}
    for s in speeches:
        scores[s.name] = evaluate(s, tallies, close)
    words = sum(len(s.text.split()) for s in speeches)
    print(f"Corpus: {len(speeches)} speeches, {words} words (bench/corpus)\n")
    print(f"{'finding':<11} {'precision':>9} {'recall':>7} {'found':>6} {'labelled':>9}")
    for kind in KINDS:
        t = tallies[kind]
        print(f"{kind:<11} {t.precision:>9.2f} {t.recall:>7.2f} {t.found:>6} {t.labelled:>9}")
    both = Tally(
        tp_found=tallies["hype"].tp_found + tallies["jargon"].tp_found,
        found=tallies["hype"].found + tallies["jargon"].found,
        tp_labelled=tallies["hype"].tp_labelled + tallies["jargon"].tp_labelled,
        labelled=tallies["hype"].labelled + tallies["jargon"].labelled,
    )
    print(
        f"{'hype+jargon':<11} {both.precision:>9.2f} {both.recall:>7.2f} {both.found:>6} {both.labelled:>9}"
    )
    print(
        f"{'close':<11} {close.tp_labelled} of {close.labelled} closes are the last real sentence\n"
    )

    ordered = sorted(speeches, key=lambda s: s.rank)
    print(f"{'rank':>4}  {'speech':<24} {'Lei Jun match':>13}")
    for s in ordered:
        print(f"{s.rank:>4}  {s.name:<24} {scores[s.name]:>13.1f}")
    rho = spearman([-s.rank for s in ordered], [scores[s.name] for s in ordered])
    top = [scores[s.name] for s in ordered[:3]]
    bottom = [scores[s.name] for s in ordered[-3:]]
    gap = sum(top) / 3 - sum(bottom) / 3
    print(f"\nSpearman rho (Coach's match vs hand ranking): {rho:.2f}")
    print(
        f"Top-3 mean {sum(top) / 3:.1f} - bottom-3 mean {sum(bottom) / 3:.1f} = gap {gap:.1f} points"
    )
    if args.misses:
        for kind, t in [*tallies.items(), ("close", close)]:
            if t.false_pos:
                print(f"\n{kind}: false positives ({len(t.false_pos)})")
                print("\n".join("  " + x for x in t.false_pos))
            if t.missed:
                print(f"\n{kind}: missed ({len(t.missed)})")
                print("\n".join("  " + x for x in t.missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
