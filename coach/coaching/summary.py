"""The report in a few plain sentences: how it went, what to keep, what to do next, what changed.

Feedback research on presentation coaching found that a few selected points help and dense
dashboards do worst, so the Feedback page and page 1 of the PDF open with this summary; the
trait cards, charts and the full tip list follow for those who want them. Everything here is a
pure function of a :class:`~coach.coaching.review.Review` (and the previous attempt's, when
there is one), so the app and the PDF say exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.coaching import zh_summary as zh
from coach.coaching.feedback import clock, quote
from coach.coaching.review import Review
from coach.coaching.zh_feedback import zh_quote
from coach.metrics import METRICS
from coach.types import MetricResult, Tip

MAX_STEPS = 3
KEEP_WORDS = 18
"""A kept moment is quoted up to this many words."""
CHANGE_MIN_POINTS = 5.0
"""A metric whose score moved less than this since the last attempt is not worth a mention."""


@dataclass(frozen=True)
class Moment:
    """A place in the rehearsal: a quote, its time (``None`` for typed text) and first word."""

    quote: str
    at_s: float | None
    word_index: int | None


@dataclass(frozen=True)
class Keep:
    """The strongest moment, quoted, and why it works."""

    moment: Moment
    reason: str
    language: str = "en"

    @property
    def text(self) -> str:
        """One sentence: "Keep “…” (0:12): a figure that landed with a pause after it."."""
        if self.language == "zh":
            return zh.keep_text(self.moment.quote, self.moment.at_s, self.reason)
        at = f" ({clock(self.moment.at_s)})" if self.moment.at_s is not None else ""
        return f"Keep “{self.moment.quote}”{at}: {self.reason}."


@dataclass(frozen=True)
class NextStep:
    """One thing to do next time, and the moment in the rehearsal it is about."""

    action: str
    detail: str
    moment: Moment | None
    metric: str
    tip: Tip


@dataclass(frozen=True)
class Summary:
    """The few lines a speaker reads first (see the module docstring)."""

    sentences: tuple[str, ...]
    keep: Keep | None
    steps: tuple[NextStep, ...]
    change: str | None

    @property
    def paragraph(self) -> str:
        """The sentences as one paragraph (no space after a Chinese sentence's full stop)."""
        out = ""
        for sentence in self.sentences:
            out += ("" if not out or out[-1] in "。！？" else " ") + sentence
        return out

    @property
    def text(self) -> str:
        """The whole summary as plain text, one line per part (for the terminal and tests)."""
        lines = [self.paragraph]
        if self.keep is not None:
            lines.append(self.keep.text)
        lines += [f"{i}. {s.action}" for i, s in enumerate(self.steps, 1)]
        if self.change:
            lines.append(self.change)
        return "\n".join(lines)


def summarise(review: Review, previous: Review | None = None) -> Summary:
    """Two or three sentences on how it went, the moment to keep, up to three next steps and,
    against ``previous`` (the last attempt of the same talk), what changed in one line."""
    return Summary(
        sentences=tuple(s for s in (_verdict(review), _best(review), _worst(review)) if s),
        keep=strongest_moment(review),
        steps=next_steps(review),
        change=change_line(review, previous) if previous is not None else None,
    )


# -- how it went -------------------------------------------------------------------------------


def _figures(review: Review) -> int:
    return sum(f.kind == "figure" for f in review.analysis.figures)


def _units(review: Review) -> str:
    """What the counts count: characters for Mandarin (``word_count`` is characters there)."""
    return "characters" if review.transcript.language == "zh" else "words"


def _length(review: Review) -> str:
    t = review.transcript
    if t.timed and t.duration_s:
        return clock(t.duration_s)
    return f"{review.analysis.word_count} {_units(review)}"


def _zh(review: Review) -> bool:
    return review.transcript.language == "zh"


def _verdict(review: Review) -> str:
    if _zh(review):
        return zh.verdict(review)
    score = review.feedback.score
    on = sum(m.status == "good" for m in review.metrics)
    how = "a close match to" if score >= 85 else "partly in" if score >= 60 else "far from"
    t = review.transcript
    if t.timed and t.duration_s:
        wpm = review.analysis.values.get("wpm", 0.0)
        what = f"This {clock(t.duration_s)} take at {wpm:.0f} {_units(review)} a minute"
    else:
        what = f"This {review.analysis.word_count}-{_units(review)[:-1]} text"
    return (
        f"{what} is {how} {review.profile_name}: {score:.0f} of 100, "
        f"{on} of {len(review.metrics)} measures on target."
    )


def _metric(review: Review, name: str) -> MetricResult | None:
    return review.metric(name)


def _best(review: Review) -> str:
    """What went well, as one concrete sentence about the best trait."""
    scores = review.feedback.trait_scores
    good = [t for t, s in scores.items() if s >= 80]
    if not good:
        return ""
    v = review.analysis.values
    d = review.analysis.details
    # a trait the style cares about most wins a tie: numbers, then plain words, stories, pace
    order = ("Numbers", "Plain words", "Stories", "Questions", "Pauses", "Pace", "Opening",
             "Close", "Fillers", "Voice")  # fmt: skip
    good.sort(key=lambda t: (-scores[t], order.index(t) if t in order else 99))
    for trait in good:
        line = _best_line(review, trait, v, d)
        if line:
            return line
    return ""


def _best_line(review: Review, trait: str, v: dict[str, float], d: dict[str, object]) -> str:
    if _zh(review):
        return zh.best_line(review, trait, v, d)
    n = review.analysis.word_count
    if trait == "Numbers" and _figures(review):
        return f"Your figures carry it: {_figures(review)} in {_length(review)}."
    if trait == "Plain words":
        hype = len(d.get("hype") or [])  # type: ignore[arg-type]
        return (f"Your words were plain: {hype} hype or jargon words in {n} {_units(review)}." if hype
                else "Your words were plain: no hype and no jargon.")  # fmt: skip
    if trait == "Stories" and "story_share" in v:
        return f"You told it as a story: {v['story_share']:.0f}% of sentences say what happened."
    if trait == "Questions":
        k = len(d.get("questions") or [])  # type: ignore[arg-type]
        return f"You asked {k} honest question{'s' if k != 1 else ''}." if k else ""
    if trait == "Pauses" and "figures_landed" in v and _figures(review):
        return f"Your pauses worked: {v['figures_landed']:.0f}% of figures had a pause after them."
    if trait == "Pace" and v.get("wpm"):
        return f"Your pace sat in the band at {v['wpm']:.0f} {_units(review)} a minute."
    if trait == "Opening":
        return "Your opening hooks: it starts with a problem, a question or a figure."
    if trait == "Close":
        return "Your close is humble and looks ahead."
    if trait == "Fillers":
        k = len(d.get("fillers") or [])  # type: ignore[arg-type]
        return f"Hardly a filler: {k} in {n} {_units(review)}." if k else "Not one filler."
    if trait == "Voice" and "pitch_spread_st" in v:
        return f"Your voice moved: {v['pitch_spread_st']:.1f} semitones of pitch variety."
    return ""


def _worst(review: Review) -> str:
    """The one thing that cost the most, as one concrete sentence."""
    tips = review.feedback.tips
    if not tips:
        return (
            zh.ALL_GOOD
            if _zh(review)
            else "Every measure is inside its band: keep rehearsing it this way."
        )
    m = _metric(review, tips[0].metric)
    if _zh(review):
        return zh.worst_line(review, m)
    if m is None:
        return ""
    d = review.analysis.details
    if m.name == "number_desert_s" and d.get("deserts"):
        start, end = max(d["deserts"], key=lambda x: x[1] - x[0])
        return f"From {clock(start)} to {clock(end)} there was no figure."
    if m.name in ("number_density", "figures_per_min"):
        k = _figures(review)
        return f"Only {k} figure{'s' if k != 1 else ''} in {_length(review)}: too few to prove the point."
    if m.name in ("wpm", "articulation_wpm"):
        speed = "fast" if m.value > m.target_high else "slow"
        return (f"You spoke too {speed}: {m.value:.0f} {_units(review)} a minute against "
                f"{m.target_low:.0f}-{m.target_high:.0f}.")  # fmt: skip
    if m.name == "figures_landed" and d.get("unlanded"):
        k = len(d["unlanded"])
        return f"{k} figure{'s' if k != 1 else ''} ran straight on with no pause to land."
    if m.name == "hype_rate" and d.get("hype"):
        first, k = _bare(d["hype"][0]["text"]), len(d["hype"])
        if k == 1:
            return f"Hype where proof should be: “{first}”."
        return f"Hype where proof should be: {k} words such as “{first}”."
    if m.name == "filler_rate" and d.get("fillers"):
        k = len(d["fillers"])
        return (
            f"{k} filler{'s' if k != 1 else ''} in {review.analysis.word_count} {_units(review)}."
        )
    low, high = m.target_low, m.target_high
    return f"{m.label} was {_value(m)} against a target of {low:g}-{high:g}."


def _bare(text: str) -> str:
    return text.strip(" ,.;:!?\"'“”‘’()")


def _value(m: MetricResult) -> str:
    shown = f"{m.value:.0f}" if abs(m.value) >= 10 or m.unit == "%" else f"{m.value:.1f}"
    if not m.unit:
        return shown
    return f"{shown}{m.unit}" if m.unit in ("%",) or m.unit.startswith("/") else f"{shown} {m.unit}"


# -- what to keep ------------------------------------------------------------------------------


def strongest_moment(review: Review) -> Keep | None:
    """The sentence that shows the style best: landed figures, a story, an honest question, and
    no hype or filler. ``None`` when no sentence earns a place."""
    a, words = review.analysis, review.transcript.words
    if not a.sentences or not words:
        return None
    timed = review.transcript.timed
    unlanded = {round(float(t), 2) for t, _text in a.details.get("unlanded") or []}
    figures = [f for f in a.figures if f.kind == "figure"]
    stories = [tuple(s) for s in a.details.get("stories") or []]
    questions = [q for q in a.details.get("questions") or [] if q.get("self")]
    bad = [m.word_span for m in a.marks if m.kind in ("hype", "jargon", "filler", "repeat")]
    long = [tuple(s) for s in a.details.get("long_sentences") or []]
    best: tuple[float, tuple[int, int], str] | None = None
    for start, end in a.sentences:
        if end <= start:
            continue

        def inside(span: Sequence[int], s: int = start, e: int = end) -> bool:
            return s <= span[0] < e

        figs = [f for f in figures if inside(f.word_span)]
        landed = [f for f in figs if timed and round(float(f.start_s or 0.0), 2) not in unlanded]
        story = any(s[0] < end and start < s[1] for s in stories)
        asked = any(inside(q["span"]) for q in questions)
        score = 3.0 * len(landed) + 2.0 * (len(figs) - len(landed)) + 2.0 * story + 2.0 * asked
        score -= 3.0 * sum(inside(b) for b in bad) + 2.0 * ((start, end) in long)
        if score <= 0 or (best is not None and score <= best[0]):
            continue
        if landed and story:
            reason = "a figure told as part of a story, with a pause after it"
        elif landed:
            reason = "a figure that landed, with a pause after it"
        elif figs and story:
            reason = "a figure told as part of a story"
        elif figs:
            reason = "a concrete figure that proves the point"
        elif asked:
            reason = "an honest question that pulls the audience in"
        else:
            reason = "a story told as a scene"
        best = (score, (start, end), reason)
    if best is None:
        return None
    (start, end), reason = best[1], best[2]
    if _zh(review):  # cut by characters, with no space before the ellipsis
        said = zh_quote(words, (start, end), limit=zh.KEEP_CHARS)
        return Keep(
            Moment(said, words[start].start_s, start), zh.KEEP_REASONS.get(reason, reason), "zh"
        )
    moment = Moment(quote(words, (start, end), limit=KEEP_WORDS), words[start].start_s, start)
    return Keep(moment, reason)


# -- what to do next ---------------------------------------------------------------------------


def _moment(review: Review, tip: Tip) -> Moment | None:
    words = review.transcript.words
    index = tip.word_index
    if index is None and tip.at_s is not None:
        index = next((i for i, w in enumerate(words) if (w.end_s or 0.0) >= tip.at_s), None)
    if index is None and tip.at_s is None:
        return None
    at = tip.at_s
    if at is None and index is not None and 0 <= index < len(words):
        at = words[index].start_s
    short = " ".join(tip.quote.split()[:8]) + (" …" if len(tip.quote.split()) > 8 else "")
    return Moment(short.replace("… …", "…"), at, index)


def next_steps(review: Review, *, limit: int = MAX_STEPS) -> tuple[NextStep, ...]:
    """The first ``limit`` tips, one per metric, as steps that point at their moment."""
    steps: list[NextStep] = []
    seen: set[str] = set()
    for tip in review.feedback.tips:
        family = METRICS[tip.metric].trait if tip.metric in METRICS else tip.metric
        if family in seen:
            continue
        seen.add(family)
        steps.append(NextStep(tip.action, tip.text, _moment(review, tip), tip.metric, tip))
        if len(steps) == limit:
            break
    return tuple(steps)


# -- what changed ------------------------------------------------------------------------------


def change_line(review: Review, previous: Review) -> str:
    """One line: the score then and now, and the two measures that moved most."""
    a, b = round(previous.feedback.score), round(review.feedback.score)
    delta = b - a
    head = (f"Since the last attempt: {a:.0f} → {b:.0f} "
            f"({'up' if delta > 0 else 'down'} {abs(delta):.0f})" if delta
            else f"Since the last attempt: {b:.0f} again")  # fmt: skip
    before = {m.name: m for m in previous.metrics}
    moved = [
        (m, before[m.name])
        for m in review.metrics
        if m.name in before and abs(m.score - before[m.name].score) >= CHANGE_MIN_POINTS
    ]
    moved.sort(key=lambda pair: -abs(pair[0].score - pair[1].score))
    if _zh(review):
        return zh.change_line(review, previous, moved[:2])
    parts = []
    for now, then in moved[:2]:
        verdict = "better" if now.score > then.score else "worse"
        then_number = _value(then).split(" ")[0].split("/")[0].rstrip("%")
        parts.append(f"{now.label.lower()} {then_number} → {_value(now)} ({verdict})")
    tail = "; " + ", ".join(parts) if parts else "; no measure moved by much"
    return head + tail + "."
