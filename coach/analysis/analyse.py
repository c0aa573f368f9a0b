"""Measure a transcript: every metric of the catalogue, the highlight marks and the findings.

This is the one place that runs the individual analysers (figures, word lists, rhetoric, plain
language, and the timed metrics when words carry times) and gathers their results into an
:class:`~coach.types.Analysis`. Comparing with a profile's bands happens later, in scoring.
"""

from __future__ import annotations

from typing import Any

from coach.analysis.english_hype import find_claims_english
from coach.analysis.english_numbers import TIME_UNITS
from coach.analysis.numbers import find_figures
from coach.analysis.phrases import PhraseMatcher, find_fillers
from coach.analysis.plain import LONG_SENTENCE_WORDS, flesch_reading_ease
from coach.analysis.rhetoric import (
    accidental_repeats,
    anaphora,
    edge_span,
    find_questions,
    last_real_sentence,
    story_sentences,
)
from coach.profile import Profile, default_profile_id, load_profile
from coach.text import sentences, span_text
from coach.types import Analysis, Mark, MarkKind, Transcript

EDGE_SHARE = 0.10
_EDGE_PUNCT = "\"'“”‘’()[]{}«»…,;:.!?*_`~—–- "
"""Stripped from the ends of a quoted hit: "industry-leading," is quoted as industry-leading."""
QUESTION_MIN_WORDS = 250


def _per(count: float, total: float, unit: float) -> float:
    return count * unit / total if total else 0.0


def analyse(transcript: Transcript, *, profile: Profile | None = None) -> Analysis:
    """Measure ``transcript`` against the word lists of ``profile`` (default: Lei Jun).

    Returns
    -------
    Analysis
        ``values`` holds each metric of :data:`coach.metrics.METRICS` that applies (timed metrics
        only when every word has times); ``marks`` the highlight spans; ``details`` the findings
        (hype hits with suggestions, fillers, questions, opening and close cues, repeats, and for
        audio the pace series, pauses and number deserts).
    """
    profile = profile or load_profile(default_profile_id(transcript.language))
    if transcript.language == "zh":
        from coach.analysis.zh_analyse import analyse_zh

        return analyse_zh(transcript, profile=profile)
    words = transcript.words
    n = len(words)
    spans = sentences(words, punctuated=transcript.punctuated)
    marks: list[Mark] = []

    def mark(kind: MarkKind, span: tuple[int, int], advice: str = "") -> None:
        marks.append(Mark(kind, span, span_text(words, span), advice, words[span[0]].start_s))

    figures = find_figures(words)
    concrete = [f for f in figures if f.kind == "figure"]
    for f in figures:
        advice = {
            "figure": "A concrete figure: let it land with a short pause.",
            "vague": "A vague amount: say the exact number if you know it.",
            "date": "A date or time: it anchors the story but does not count as a figure.",
        }[f.kind]
        mark(f.kind, f.word_span, advice)

    # hype and jargon, read in context, with the profile's suggestion on every hit
    hype_hits: list[dict[str, Any]] = []
    claims = find_claims_english(
        words,
        hype=profile.word_list("hype").items,
        jargon=profile.word_list("jargon").items,
        intensifiers=profile.word_list("intensifiers").items,
        idioms=profile.word_list("hype_idioms").items,
    )
    for claim in claims:
        suggestion = profile.word_list(claim.kind).suggestion
        mark(claim.kind, claim.span, suggestion)  # type: ignore[arg-type]
        hype_hits.append(
            {
                "kind": claim.kind,
                "text": span_text(words, claim.span).strip(_EDGE_PUNCT),
                "phrase": claim.phrase,
                "span": list(claim.span),
                "start_s": words[claim.span[0]].start_s,
                "suggestion": suggestion,
            }
        )
    hype_hits.sort(key=lambda h: h["span"][0])

    filler_list = profile.word_list("fillers")
    fillers = find_fillers(words, filler_list.items)
    for hit in fillers:
        mark("filler", hit.span, filler_list.suggestion)

    questions = find_questions(words, spans, punctuated=transcript.punctuated)
    for q in questions:
        mark("question", q.span, "A question: pause after it and let the audience think.")
    self_questions = [q for q in questions if q.self_directed]

    stories = story_sentences(
        words,
        spans,
        time_anchors=profile.word_list("time_anchors").items,
        people=profile.word_list("people").items,
        dates=[f for f in figures if f.kind == "date"],
        # a duration ("after the first 6 months") says when if something happened
        durations=[f for f in concrete if f.unit in TIME_UNITS],
    )
    for s in stories:
        mark("story", s, "A story line: who, when, what happened.")

    long_spans = [s for s in spans if s[1] - s[0] > LONG_SENTENCE_WORDS]
    for s in long_spans:
        mark("long", s, f"{s[1] - s[0]} words in one sentence: split it in two.")

    devices = anaphora(words, spans)
    repeats = accidental_repeats(words, skip=devices)
    for r in repeats:
        mark("repeat", r.again, f"You said '{r.phrase}' twice in a row: say it once.")

    # opening: crisis, question, figure, or a story or scene in the first tenth
    opening = edge_span(n, spans, share=EDGE_SHARE, end=False)
    crisis = PhraseMatcher(profile.word_list("crisis").items).find(words[: opening[1]])
    open_q = [q for q in questions if q.span[0] < opening[1]]
    open_fig = [f for f in concrete if f.word_span[0] < opening[1]]
    open_story = [s for s in stories if s[0] < opening[1]]
    opening_hooks = {
        "crisis": [h.phrase for h in crisis],
        "question": [span_text(words, q.span) for q in open_q],
        "figure": [f.text for f in open_fig],
        "story": [span_text(words, s) for s in open_story],
    }
    # close: the last real sentences (thanks and sign-offs skipped), humble or forward-looking,
    # with no superlative in the very last one
    last_k = last_real_sentence(words, spans)
    if last_k is None:
        closing = edge_span(n, spans, share=EDGE_SHARE, end=True)
        last_span = closing
    else:
        last_span = spans[last_k]
        closing = (spans[max(0, last_k - 1)][0], last_span[1])
    tail = words[closing[0] : closing[1]]
    humble = PhraseMatcher(profile.word_list("humble").items).find(tail)
    forward = PhraseMatcher(profile.word_list("forward").items).find(tail)
    close_hype = [h for h in hype_hits if last_span[0] <= h["span"][0] < last_span[1]]
    close_value = (1.0 if (humble or forward) else 0.0) * (0.5 if close_hype else 1.0)

    sentence_count = len(spans)
    values: dict[str, float] = {
        "number_density": _per(len(concrete), n, 100),
        "hype_rate": _per(len(hype_hits), n, 100),
        "words_per_sentence": n / sentence_count if sentence_count else 0.0,
        "long_sentence_share": _per(len(long_spans), sentence_count, 100),
        "flesch": flesch_reading_ease(words, spans),
        "story_share": _per(len(stories), sentence_count, 100),
        # a short clip with one question is not "too many questions": count over 250 words at least
        "self_questions": _per(len(questions), max(n, QUESTION_MIN_WORDS), 1000),
        "opening_hook": float(min(3, sum(1 for v in opening_hooks.values() if v))),
        "close_humble": close_value,
        "filler_rate": _per(len(fillers), n, 100),
        "repetition_rate": _per(len(repeats), n, 100),
    }
    details: dict[str, Any] = {
        "hype": hype_hits,
        "fillers": [
            {
                "text": span_text(words, h.span),
                "span": list(h.span),
                "start_s": words[h.span[0]].start_s,
            }
            for h in fillers
        ],  # fmt: skip
        "questions": [
            {
                "text": span_text(words, q.span),
                "span": list(q.span),
                "self": q.self_directed,
                "start_s": words[q.span[0]].start_s,
            }
            for q in questions
        ],  # fmt: skip
        "self_question_count": len(self_questions),
        "stories": [list(s) for s in stories],
        "long_sentences": [list(s) for s in long_spans],
        "anaphora": [{"text": span_text(words, d)[:120], "span": list(d)} for d in devices],
        "repeats": [
            {"phrase": r.phrase, "span": list(r.again), "start_s": words[r.again[0]].start_s}
            for r in repeats
        ],  # fmt: skip
        "opening": {"span": list(opening), **opening_hooks},
        "close": {
            "span": list(closing),
            "last": list(last_span),
            "humble": [h.phrase for h in humble],
            "forward": [h.phrase for h in forward],
            "hype": [h["text"] for h in close_hype],
        },
    }
    if transcript.timed:
        from coach.analysis.timing import timed_analysis

        timed = timed_analysis(transcript, concrete)
        values.update(timed.values)
        details.update(timed.details)
        marks.extend(timed.marks)
    marks.sort(key=lambda m: (m.word_span[0], m.kind))
    return Analysis(
        word_count=n,
        figures=tuple(figures),
        marks=tuple(marks),
        values=values,
        sentences=tuple(spans),
        details=details,
    )
