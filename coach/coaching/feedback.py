"""Tips: the few changes that would move the score most, each pointing at the speaker's own words.

A tip is written only for a metric outside its band, and ranked by the points it costs the
overall score (weight x shortfall). Every tip quotes what was said (with its time when known)
and says what to do instead; there is no generic advice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from coach.coaching.scoring import overall_score, trait_scores
from coach.metrics import METRICS
from coach.text import span_text
from coach.types import Analysis, Feedback, MetricResult, Tip, Transcript, Word

MAX_TIPS = 7
QUOTE_WORDS = 12


def clock(seconds: float | None) -> str:
    """'2:14' for 134 s; '' when unknown."""
    if seconds is None:
        return ""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def quote(words: Sequence[Word], span: Sequence[int], *, limit: int = QUOTE_WORDS) -> str:
    """The words of ``span`` shortened to ``limit`` words with an ellipsis."""
    a, b = int(span[0]), int(span[1])
    text = span_text(words, (a, min(b, a + limit)))
    return text + (" …" if b - a > limit else "")


def _at(seconds: float | None) -> str:
    return f"At {clock(seconds)} you said" if seconds is not None else "You said"


class _TipWriter:
    """One method per metric; each returns tips for that metric or nothing."""

    def __init__(self, transcript: Transcript, analysis: Analysis) -> None:
        self.t = transcript
        self.words = transcript.words
        self.a = analysis
        self.d = analysis.details

    def _start(self, index: int) -> float | None:
        return self.words[index].start_s if 0 <= index < len(self.words) else None

    def _tip(
        self,
        r: MetricResult,
        text: str,
        action: str,
        span: Sequence[int] | None,
        share: float = 1.0,
    ) -> Tip:
        q = quote(self.words, span) if span is not None else ""
        at = self._start(int(span[0])) if span is not None else None
        return Tip(text, action, q, at, r.name, r.weight * (100 - r.score) * share,
                   int(span[0]) if span is not None else None)  # fmt: skip

    def _figure_free_stretch(self) -> tuple[int, int] | None:
        """The longest run of sentences with no concrete figure, as a word span."""
        has_fig = {f.word_span[0] for f in self.a.figures if f.kind == "figure"}
        best: tuple[int, int] | None = None
        run_start = None
        for a, b in [*self.a.sentences, (len(self.words), len(self.words))]:
            if a == b or any(a <= i < b for i in has_fig):
                if run_start is not None and (best is None or a - run_start > best[1] - best[0]):
                    best = (run_start, a)
                run_start = None
            elif run_start is None:
                run_start = a
        return best

    def number_density(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return []
        stretch = self._figure_free_stretch()
        if stretch is None:
            return []
        where = (
            f" from {clock(self._start(stretch[0]))}" if self._start(stretch[0]) is not None else ""
        )
        return [self._tip(r, f"{stretch[1] - stretch[0]} words{where} carry no figure, starting with "
                             f"'{quote(self.words, stretch)}'.",
                          "Back that claim with a number: how many, how much, how fast, how long.", stretch)]  # fmt: skip

    figures_per_min = number_density

    def number_desert_s(self, r: MetricResult) -> list[Tip]:
        deserts = self.d.get("deserts") or []
        if not deserts:
            return self.number_density(r)
        start, end = max(deserts, key=lambda d: d[1] - d[0])
        index = next((i for i, w in enumerate(self.words) if (w.start_s or 0) >= start), 0)
        # a desert runs from one figure to the next: quote the words after the figure
        for f in sorted(self.a.figures, key=lambda f: f.word_span[0]):
            if f.kind == "figure" and f.word_span[0] <= index < f.word_span[1]:
                index = f.word_span[1]
        return [self._tip(r, f"From {clock(start)} to {clock(end)} ({end - start:.0f} s) no figure is said, "
                             f"beginning '{quote(self.words, (index, index + QUOTE_WORDS))}'.",
                          "Put one concrete number in that stretch.", (index, index + QUOTE_WORDS))]  # fmt: skip

    def figures_landed(self, r: MetricResult) -> list[Tip]:
        rushed = self.d.get("unlanded") or []
        if not rushed:
            return []
        by_time = {f.start_s: f for f in self.a.figures if f.kind == "figure"}

        def weight(item: Sequence[object]) -> tuple[bool, float]:
            # the figure that matters most: money or a percentage first, then the biggest number
            f = by_time.get(item[0])  # type: ignore[call-overload]
            return (f is not None and f.unit in {"$", "€", "£", "¥", "%"}, f.value if f else 0.0)

        t_s, text = max(rushed, key=weight)
        index = by_time[t_s].word_span[0] if t_s in by_time else None
        span = (index, index + 6) if index is not None else None
        tip = self._tip(r, f"At {clock(t_s)} you said '{text}' and went straight on "
                           f"({len(rushed)} figures rushed like this).",
                        "Let the figure land: stop for half a second right after it.", span)  # fmt: skip
        return [tip]

    def hype_rate(self, r: MetricResult) -> list[Tip]:
        hits = self.d.get("hype") or []
        if not hits:
            return []
        first = hits[0]
        listed = ", ".join(f"'{h['text'].strip('.,;:!?')}'" for h in hits[:5])
        more = f" and {len(hits) - 5} more" if len(hits) > 5 else ""
        return [self._tip(r, f"{_at(first['start_s'])} '{first['text']}'; "
                             f"{len(hits)} claims in all: {listed}{more}.",
                          first["suggestion"], first["span"])]  # fmt: skip

    def filler_rate(self, r: MetricResult) -> list[Tip]:
        hits = self.d.get("fillers") or []
        if not hits:
            return []
        counts: dict[str, int] = {}
        for h in hits:
            key = h["text"].lower().strip(",.")
            counts[key] = counts.get(key, 0) + 1
        top = ", ".join(f"'{k}' {v}x" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:3])
        first = hits[0]
        a = first["span"][0]
        span = (max(0, a - 4), a + 6)
        return [self._tip(r, f"{len(hits)} fillers ({top}); the first {clock(first['start_s']) or ''} in "
                             f"'{quote(self.words, span)}'.".replace("  ", " "),
                          "Pause silently where you would say a filler.", span)]  # fmt: skip

    def repetition_rate(self, r: MetricResult) -> list[Tip]:
        reps = self.d.get("repeats") or []
        if not reps:
            return []
        first = reps[0]
        return [self._tip(r, f"{_at(first['start_s'])} '{first['phrase']}' twice in a row.",
                          "Say it once, then pause; repeats sound unsure.", first["span"])]  # fmt: skip

    def words_per_sentence(self, r: MetricResult) -> list[Tip]:
        if not self.a.sentences:
            return []
        longest = max(self.a.sentences, key=lambda s: s[1] - s[0])
        if r.value < r.target_low:
            return []  # short sentences are not a fault worth a tip in this style
        return [self._tip(r, f"Your longest sentence runs {longest[1] - longest[0]} words: "
                             f"'{quote(self.words, longest)}'.",
                          "Split it into two or three sentences of under 18 words.", longest)]  # fmt: skip

    long_sentence_share = words_per_sentence

    def flesch(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return []
        from coach.analysis.plain import syllables

        long_words = sorted(
            {w.text.strip(".,;:!?\"'").lower() for w in self.words if syllables(w.text) >= 4}
        )
        if not long_words:
            return []
        first = next(
            i for i, w in enumerate(self.words) if w.text.strip(".,;:!?\"'").lower() in long_words
        )
        return [self._tip(r, "Long words make the talk hard to follow by ear: "
                             + ", ".join(f"'{w}'" for w in long_words[:4]) + ".",
                          "Swap each for the short word you would use in conversation.", (first, first + 1))]  # fmt: skip

    def story_share(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return []
        fig_sentence = next(
            (s for s in self.a.sentences
             if any(s[0] <= f.word_span[0] < s[1] for f in self.a.figures if f.kind == "figure")),
            self.a.sentences[0] if self.a.sentences else None,
        )  # fmt: skip
        if fig_sentence is None:
            return []
        return [self._tip(r, f"Only {r.value:.0f}% of sentences tell a story. After "
                             f"'{quote(self.words, fig_sentence)}', say what happened behind it.",
                          "Tell it as a scene: when it was, who was there, what went wrong.", fig_sentence)]  # fmt: skip

    def self_questions(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high or not self.a.sentences:
            return []
        asked = self.d.get("questions") or []
        if asked:
            q = asked[0]
            return [self._tip(r, f"Only {len(asked)} question(s), such as '{q['text']}'.",
                              "Ask one more honest question where the story turns, then answer it.",
                              q["span"])]  # fmt: skip
        opening = self.d.get("opening") or {"span": [0, 0]}
        a = int(opening["span"][1]) if opening["span"][1] < len(self.words) else 0
        span = next((s for s in self.a.sentences if s[0] >= a), self.a.sentences[0])
        return [self._tip(r, f"No question is asked. At '{quote(self.words, span)}' the audience "
                             "only listens.",
                          "Ask the question you asked yourself at the time, then answer it with a figure.", span)]  # fmt: skip

    def opening_hook(self, r: MetricResult) -> list[Tip]:
        span = (self.d.get("opening") or {}).get("span")
        if not span or span[1] <= span[0]:
            return []
        return [self._tip(r, f"You open with '{quote(self.words, span)}': no crisis, question or figure.",
                          "Open with the problem you faced, a question, or one striking figure.", span)]  # fmt: skip

    def close_humble(self, r: MetricResult) -> list[Tip]:
        close = self.d.get("close") or {}
        span = close.get("last") or close.get("span")
        if not span or span[1] <= span[0]:
            return []
        hype = close.get("hype") or []
        problem = f"it ends on '{hype[0]}'" if hype else "it is neither humble nor looks ahead"
        return [self._tip(r, f"Your close '{quote(self.words, span)}' — {problem}.",
                          "End humbly (what is still ahead of you) or with the next step.", span)]  # fmt: skip

    def _pace_peak(self, r: MetricResult) -> list[Tip]:
        pace = self.d.get("pace") or []
        too_fast = r.value > r.target_high
        if pace:
            t_s, wpm = (max if too_fast else min)(pace, key=lambda p: p[1])
            index = next((i for i, w in enumerate(self.words) if (w.start_s or 0) >= t_s), 0)
            span = (index, index + QUOTE_WORDS)
            where = f" and {wpm:.0f} wpm from {clock(t_s)} ('{quote(self.words, span)}')"
        else:
            span, where = (0, QUOTE_WORDS), ""
        verb = "Slow down" if too_fast else "Pick up the pace"
        return [self._tip(r, f"Your pace was {r.value:.0f} wpm overall{where}; "
                             f"the target is {r.target_low:.0f}-{r.target_high:.0f}.",
                          f"{verb}: aim for about {(r.target_low + r.target_high) / 2:.0f} wpm.", span)]  # fmt: skip

    wpm = _pace_peak

    def articulation_wpm(self, r: MetricResult) -> list[Tip]:
        return []  # the pace tip speaks of pace (wpm); articulation rate is shown, not coached

    def _longest_run(self) -> tuple[int, int, float] | None:
        """The longest stretch of speech with no pause: (first word, end word, seconds)."""
        timed = [
            (i, w)
            for i, w in enumerate(self.words)
            if w.start_s is not None and w.end_s is not None
        ]
        if not timed:
            return None
        cuts = sorted(p.start_s for p in self.t.pauses)
        best: tuple[int, int, float] | None = None
        start = 0
        for k in range(1, len(timed) + 1):
            at_end = k == len(timed)
            broken = not at_end and any(
                (timed[k - 1][1].end_s or 0) - 0.05 <= c <= (timed[k][1].start_s or 0) + 0.05
                for c in cuts
            )
            if at_end or broken:
                length = (timed[k - 1][1].end_s or 0) - (timed[start][1].start_s or 0)
                if best is None or length > best[2]:
                    best = (timed[start][0], timed[k - 1][0] + 1, length)
                start = k
        return best

    def _longest_pause(self, r: MetricResult) -> list[Tip]:
        pauses = self.d.get("pauses") or []
        if not pauses:
            return []
        earned = self._after_figure_or_question()
        loose = [p for p in pauses if not any(abs(p[0] - t) <= 1.0 for t in earned)]
        if not loose:
            return []  # every long pause follows a figure or a question: that is the rule
        start, length = max(loose, key=lambda p: p[1])
        index = next((i for i, w in enumerate(self.words) if (w.start_s or 0) >= start), 0)
        return [self._tip(r, f"At {clock(start)} you paused {length:.1f} s before "
                             f"'{quote(self.words, (index, index + 8))}'.",
                          "Pause after a figure or a question, not in the middle of a sentence.", (index, index + 8))]  # fmt: skip

    def _after_figure_or_question(self) -> list[float]:
        """End times of figures and questions: a pause right after them is the one we ask for."""
        ends = [f.end_s for f in self.a.figures if f.kind == "figure" and f.end_s is not None]
        for q in self.d.get("questions") or []:
            last = self.words[int(q["span"][1]) - 1]
            if last.end_s is not None:
                ends.append(last.end_s)
        return ends

    def pause_ratio(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return self._longest_pause(r)
        run = self._longest_run()
        if run is None:
            return []
        a, b, length = run
        return [self._tip(r, f"Only {r.value:.0f}% of your talk is pauses; from {clock(self._start(a))} you "
                             f"spoke {length:.0f} s without one, in '{quote(self.words, (a, b))}'.",
                          "Pause after every figure and every question.", (a, b))]  # fmt: skip

    def long_pauses_per_min(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return self._longest_pause(r)
        target = next((q for q in self.d.get("questions") or []), None)
        figure = next((f for f in self.a.figures if f.kind == "figure"), None)
        if target is not None:
            span, what = target["span"], "question"
        elif figure is not None:
            span, what = figure.word_span, "figure"
        else:
            return []
        return [self._tip(r, f"You never stop for a full second. After the {what} "
                             f"'{quote(self.words, span)}' the room needs a moment.",
                          "Hold one full second of silence after your key figure or question.", span)]  # fmt: skip

    def monotone_share(self, r: MetricResult) -> list[Tip]:
        flat = self.d.get("monotone") or []
        if not flat:
            return []
        start, end = max(flat, key=lambda s: s[1] - s[0])
        index = next((i for i, w in enumerate(self.words) if (w.start_s or 0) >= start), 0)
        return [self._tip(r, f"From {clock(start)} to {clock(end)} your voice stays flat, in "
                             f"'{quote(self.words, (index, index + 10))}'.",
                          "Lift your voice on the figure and drop it at the end of the sentence.",
                          (index, index + 10))]  # fmt: skip

    pitch_spread_st = monotone_share

    def pace_variability(self, r: MetricResult) -> list[Tip]:
        return self._pace_peak(r) if r.value > r.target_high else []


def make_tips(
    transcript: Transcript, analysis: Analysis, results: Sequence[MetricResult]
) -> list[Tip]:
    """At most :data:`MAX_TIPS` tips for the metrics outside their band, biggest impact first."""
    if not transcript.words:
        return []
    if analysis.details.get("language") == "zh":  # Chinese talk: tips in Chinese
        from coach.coaching.zh_feedback import make_zh_tips

        return make_zh_tips(transcript, analysis, results)
    writer = _TipWriter(transcript, analysis)
    tips: list[Tip] = []
    seen_quotes: set[str] = set()
    for r in sorted(results, key=lambda r: -r.weight * (100 - r.score)):
        if r.status == "good" or r.name not in METRICS:
            continue
        method: Callable[[MetricResult], list[Tip]] | None = getattr(writer, r.name, None)
        if method is None:
            continue
        for tip in method(r):
            if tip.text in seen_quotes:
                continue
            seen_quotes.add(tip.text)
            tips.append(tip)
    tips.sort(key=lambda t: -t.impact)
    return tips[:MAX_TIPS]


_PRAISE = {
    "number_density": "Concrete figures back your claims",
    "story_share": "You tell what happened, to whom and when",
    "self_questions": "You ask honest questions",
    "hype_rate": "Plain words: no hype or jargon to distract",
    "opening_hook": "Your opening hooks the audience",
    "close_humble": "Your close is humble or looks ahead",
    "words_per_sentence": "Short sentences, easy to follow by ear",
}


def praise(analysis: Analysis, results: Sequence[MetricResult]) -> list[str]:
    """What to keep: one line per strong trait, quoting the speaker where the analysis can."""
    d = analysis.details
    out = []
    for r in results:
        if r.status != "good" or r.name not in _PRAISE:
            continue
        example = ""
        if r.name == "number_density":
            figs = [f.text for f in analysis.figures if f.kind == "figure"][:2]
            example = " (" + ", ".join(f"'{t}'" for t in figs) + ")" if figs else ""
        elif r.name == "self_questions" and d.get("questions"):
            example = f" ('{d['questions'][0]['text']}')"
        out.append(_PRAISE[r.name] + example + ": keep it.")
    return out


def make_feedback(
    transcript: Transcript, analysis: Analysis, results: Sequence[MetricResult]
) -> Feedback:
    """Overall score, trait sub-scores and ranked tips."""
    return Feedback(
        score=overall_score(results),
        trait_scores=trait_scores(results),
        tips=tuple(make_tips(transcript, analysis, results)),
    )
