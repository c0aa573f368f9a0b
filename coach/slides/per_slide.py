"""Feedback per slide: time against a target, words and pace, figures said and shown, reading.

:func:`per_slide` cuts a timed review at the slide changes and measures each slide that was
shown. The thresholds are explained in ``docs/design/slides.md``:

* **read aloud**: the share of the slide's words that the speaker said as part of a run of at
  least :data:`READ_RUN_WORDS` slide words in a row, while the slide was up. At
  :data:`READ_ALOUD_SHARE` or more (on a slide with at least :data:`READ_MIN_WORDS` words) the
  slide was read rather than talked about.
* **figures shown but not said**: concrete figures in the slide's text that no figure said while
  the slide was up (± :data:`MARGIN_S`) matches in value.
* **number desert**: the slide spent at least half its time inside one of the talk's number
  deserts (≥ 60 s without a concrete figure, :mod:`coach.analysis.timing`).
* **lingered**: the one slide with the largest time over its target, when that is at least
  :data:`LINGER_RATIO` times the target.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from coach.analysis.numbers import find_figures
from coach.analysis.timing import clock
from coach.coaching.review import Review
from coach.slides.deck import Deck, SlideError
from coach.slides.times import SlideChange, visits
from coach.text import norm, transcript_from_text
from coach.types import Figure, Word

READ_RUN_WORDS = 3
"""Slide words count as read only inside a run of this many said in the same order."""
READ_ALOUD_SHARE = 0.6
"""A slide is read aloud when this share of its words was said in such runs."""
READ_MIN_WORDS = 8
"""Slides with fewer words (a title, one big number) are never called read aloud."""
MARGIN_S = 2.0
"""Speech this close before or after a slide's time still counts for reading and figures."""
LINGER_RATIO = 1.5
"""A slide up for this many times its target (or more) is the slide lingered on."""
DESERT_SHARE = 0.5
"""A slide is in a number desert when this share of its time lies inside one."""
FIGURE_TOLERANCE = 0.02
"""A said figure matches a shown one within this relative difference ("about 38%" for 37.6%)."""


@dataclass(frozen=True)
class SlideResult:
    """What happened while one slide was up (all visits to it together); times in seconds."""

    slide: int
    title: str
    visits: tuple[tuple[float, float], ...]
    target_s: float
    words: int
    wpm: float | None
    figures: tuple[str, ...]
    """Concrete figures said while the slide was up."""
    figures_shown: tuple[str, ...]
    figures_unsaid: tuple[str, ...]
    read_share: float | None
    """Share of the slide's words said word for word (0-1); ``None`` for a slide without text."""
    read_aloud: bool
    desert_s: float
    number_desert: bool
    lingered: bool = False

    @property
    def start_s(self) -> float:
        return self.visits[0][0]

    @property
    def end_s(self) -> float:
        return self.visits[-1][1]

    @property
    def time_s(self) -> float:
        return sum(b - a for a, b in self.visits)


@dataclass(frozen=True)
class SlideReport:
    """The per-slide feedback of one rehearsal with a deck."""

    deck_name: str
    slide_count: int
    slides: tuple[SlideResult, ...]
    skipped: tuple[int, ...]
    notices: tuple[str, ...] = ()

    @property
    def read_aloud(self) -> list[SlideResult]:
        return [s for s in self.slides if s.read_aloud]

    @property
    def lingered(self) -> SlideResult | None:
        return next((s for s in self.slides if s.lingered), None)

    def summary(self) -> list[str]:
        """Plain-text lines for the terminal: findings first, then one line per slide."""
        lines = [f"{len(self.slides)} of {self.slide_count} slides of {self.deck_name} shown."]
        lines += findings(self)
        for s in self.slides:
            said = ", ".join(f"'{f}'" for f in s.figures) or "none"
            line = (
                f"  {s.slide:>3}. {clock(s.start_s)}-{clock(s.end_s)}  {s.time_s:5.0f} s "
                f"(target {s.target_s:.0f} s)  {s.words} words"
                + (f", {s.wpm:.0f} wpm" if s.wpm else "")
                + f"; figures said: {said}"
            )
            marks = [
                "READ ALOUD" if s.read_aloud else "",
                "LINGERED" if s.lingered else "",
                "NUMBER DESERT" if s.number_desert else "",
            ]
            if s.figures_unsaid:
                marks.append("not said: " + ", ".join(f"'{f}'" for f in s.figures_unsaid))
            marks = [m for m in marks if m]
            lines.append(line + (f"  [{'; '.join(marks)}]" if marks else ""))
        return lines


def findings(report: SlideReport) -> list[str]:
    """One sentence per finding worth acting on (read-aloud slides, lingering, unsaid figures)."""
    out = list(report.notices)
    for s in report.read_aloud:
        out.append(
            f"Slide {s.slide} was read aloud ({(s.read_share or 0) * 100:.0f}% of its words "
            "word for word): the audience reads faster than you speak; tell what the slide means."
        )
    if report.lingered is not None:
        s = report.lingered
        out.append(
            f"You lingered on slide {s.slide}: {s.time_s:.0f} s against a target of "
            f"{s.target_s:.0f} s."
        )
    for s in report.slides:
        if s.figures_unsaid:
            shown = ", ".join(f"'{f}'" for f in s.figures_unsaid)
            them = "them" if len(s.figures_unsaid) > 1 else "it"
            out.append(
                f"Slide {s.slide} shows {shown} but you did not say {them} while it was up: "
                "a figure lands when it is said."
            )
    deserts = [s.slide for s in report.slides if s.number_desert]
    if deserts:
        out.append("Slides in a number desert (a minute or more without a figure): "
                   + ", ".join(str(n) for n in deserts) + ".")  # fmt: skip
    if report.skipped:
        out.append("Slides not shown: " + ", ".join(str(n) for n in report.skipped[:30])
                   + (" …" if len(report.skipped) > 30 else "") + ".")  # fmt: skip
    return out


def _tokens(words: Sequence[Word]) -> list[str]:
    """Words as comparable tokens: lower case, no punctuation, each figure as its value."""
    starts = {f.word_span[0]: f for f in find_figures(words)}
    out: list[str] = []
    i = 0
    while i < len(words):
        fig = starts.get(i)
        if fig is not None and fig.word_span[1] > i:
            out.append(f"#{fig.value:g}")
            i = fig.word_span[1]
            continue
        out += norm(words[i].text).replace(",", "").replace("-", " ").split()
        i += 1
    return out


def read_share(
    slide_text: str, spoken: Sequence[Word], *, run_words: int = READ_RUN_WORDS
) -> float | None:
    """Share (0-1) of the slide's words that were said inside runs of ``run_words`` in order.

    Order-free across runs: bullets read in another order still count. ``None`` when the slide
    has no words.
    """
    slide = _tokens(transcript_from_text(slide_text).words)
    if not slide:
        return None
    said = _tokens(spoken)
    grams = {tuple(said[i : i + run_words]) for i in range(len(said) - run_words + 1)}
    covered = [False] * len(slide)
    for i in range(len(slide) - run_words + 1):
        if tuple(slide[i : i + run_words]) in grams:
            for k in range(i, i + run_words):
                covered[k] = True
    return sum(covered) / len(slide)


def slide_figures(text: str) -> list[Figure]:
    """Concrete figures on a slide; bare small whole numbers (slide numbers, steps) are not."""
    found = find_figures(transcript_from_text(text).words)
    return [
        f for f in found
        if f.kind == "figure" and (f.unit or abs(f.value) >= 100 or f.value != int(f.value))
    ]  # fmt: skip


def _inside(t: float | None, spans: Sequence[tuple[float, float]], margin: float = 0.0) -> bool:
    return t is not None and any(a - margin <= t < b + margin for a, b in spans)


def _overlap(spans: Sequence[tuple[float, float]], others: Sequence[Sequence[float]]) -> float:
    return sum(max(0.0, min(b, d) - max(a, c)) for a, b in spans for c, d in others)


def per_slide(
    rv: Review,
    deck: Deck,
    changes: Sequence[SlideChange],
    *,
    targets: Mapping[int, float] | None = None,
    total_target_s: float | None = None,
) -> SlideReport:
    """Measure each slide shown in a timed rehearsal.

    Parameters
    ----------
    rv
        The reviewed rehearsal (needs word times).
    deck
        The deck that was shown.
    changes
        When each slide came up, in order (:mod:`coach.slides.times`).
    targets
        Planned seconds per slide number; slides without one get the even share.
    total_target_s
        Planned length of the talk in seconds (default: the rehearsal's own length from the
        first slide change); the even share is this divided by the number of slides shown.

    Raises
    ------
    SlideError
        The rehearsal has no word times, or the changes name slides the deck does not have.
    """
    t = rv.transcript
    if not t.timed:
        raise SlideError("Per-slide feedback needs a recording (word times), not a typed script.")
    if not changes:
        raise SlideError("There are no slide changes to measure; show at least one slide.")
    for c in changes:
        deck.slide(c.slide)
    end = max(
        float(t.duration_s or 0.0), max((w.end_s or 0.0) for w in t.words), changes[-1].start_s
    )
    shown = visits(changes, end)
    even = (total_target_s or max(end - changes[0].start_s, 1e-6)) / max(1, len(shown))
    said_figures = [f for f in rv.analysis.figures if f.kind == "figure" and f.start_s is not None]
    deserts = [tuple(d) for d in rv.analysis.details.get("deserts", [])]
    results: list[SlideResult] = []
    for number in sorted(shown):
        spans = shown[number]
        slide = deck.slide(number)
        words = [w for w in t.words if _inside(w.start_s, spans)]
        near = [w for w in t.words if _inside(w.start_s, spans, MARGIN_S)]
        speaking = sum(
            max(0.0, max(w.end_s or 0 for w in ws) - min(w.start_s or 0 for w in ws))
            for a, b in spans
            if (ws := [w for w in words if a <= (w.start_s or 0) < b])
        )
        figs = [f for f in said_figures if _inside(f.start_s, spans)]
        figs_near = [f for f in said_figures if _inside(f.start_s, spans, MARGIN_S)]
        shown_figs = slide_figures(slide.text)
        unsaid = [
            f.text for f in shown_figs
            if not any(abs(f.value - s.value) <= FIGURE_TOLERANCE * max(abs(f.value), 1e-9)
                       for s in figs_near)
        ]  # fmt: skip
        share = read_share(slide.text, near)
        n_slide_words = len(slide.text.split())
        time_s = sum(b - a for a, b in spans)
        desert_s = _overlap(spans, deserts)
        results.append(
            SlideResult(
                slide=number,
                title=slide.title,
                visits=tuple((round(a, 2), round(b, 2)) for a, b in spans),
                target_s=round(float((targets or {}).get(number, even)), 1),
                words=len(words),
                wpm=round(len(words) / speaking * 60.0, 1)
                if len(words) >= 3 and speaking > 0
                else None,
                figures=tuple(f.text for f in figs),
                figures_shown=tuple(f.text for f in shown_figs),
                figures_unsaid=tuple(unsaid),
                read_share=None if share is None else round(share, 3),
                read_aloud=share is not None
                and n_slide_words >= READ_MIN_WORDS
                and share >= READ_ALOUD_SHARE,
                desert_s=round(float(desert_s), 1),
                number_desert=time_s > 0 and desert_s >= DESERT_SHARE * time_s,
            )
        )
    over = [(r.time_s / r.target_s, r.slide) for r in results if r.target_s > 0]
    if len(results) >= 2 and over and max(over)[0] >= LINGER_RATIO:
        worst = max(over)[1]
        results = [r if r.slide != worst else _with_lingered(r) for r in results]
    skipped = tuple(s.number for s in deck.slides if s.number not in shown)
    return SlideReport(deck.name, len(deck.slides), tuple(results), skipped, deck.notices)


def _with_lingered(r: SlideResult) -> SlideResult:
    return SlideResult(**{**{f: getattr(r, f) for f in r.__dataclass_fields__}, "lingered": True})


def slide_report_to_dict(report: SlideReport) -> dict[str, Any]:
    """The report as plain JSON-ready data: ``slides`` holds one object per slide shown."""
    slides = []
    for s in report.slides:
        d = asdict(s)
        d["visits"] = [list(v) for v in s.visits]
        d.update(start_s=s.start_s, end_s=s.end_s, time_s=round(s.time_s, 2))
        for key in ("figures", "figures_shown", "figures_unsaid"):
            d[key] = list(d[key])
        slides.append(d)
    return {
        "deck": report.deck_name,
        "slide_count": report.slide_count,
        "slides": slides,
        "skipped": list(report.skipped),
        "findings": findings(report),
    }
