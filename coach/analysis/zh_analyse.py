"""Measure a Chinese transcript: the same metric names as English, counted per character.

:func:`coach.analysis.analyse.analyse` hands a transcript with ``language == "zh"`` here. The
values keep the catalogue's names so scoring, history, charts and the PDF work unchanged, but a
"word" of the English rates is a character (字) here, the unit Mandarin speech-rate studies use:
``number_density`` is figures per 100 characters, ``wpm`` characters per minute,
``words_per_sentence`` characters per sentence; there is no Flesch score for Chinese.
:func:`coach.metrics.metric_label` gives the labels and units for each language.
"""

from __future__ import annotations

from typing import Any

from coach.analysis.zh_numbers import find_zh_figures
from coach.analysis.zh_rhetoric import (
    LONG_SENTENCE_CHARS,
    ZhMatcher,
    edge_span,
    find_zh_fillers,
    find_zh_questions,
    hype_matcher,
    sentence_chars,
    zh_repeats,
    zh_story_sentences,
)
from coach.profile import Profile
from coach.text import sentences, span_text
from coach.types import Analysis, Mark, MarkKind, Transcript, Word
from coach.zh_text import char_times, spoken_chars

EDGE_SHARE = 0.10
QUESTION_MIN_CHARS = 400
"""A short clip with one question is not "too many": count over 400 characters at least."""

ADVICE = {
    "figure": "具体数字：说完停半秒，让它落地。",
    "vague": "模糊的数量：知道确切数字就说出来。",
    "date": "日期或时间：它撑起故事，但不算一个数字。",
    "question": "一个问题：问完停一下，让听众想一想。",
    "story": "故事句：谁、什么时候、发生了什么。",
    "unlanded": "数字说完就接着往下讲了：停半秒，让它落地。",
}


def _per(count: float, total: float, unit: float) -> float:
    return count * unit / total if total else 0.0


def _char_words(words: tuple[Word, ...]) -> list[Word]:
    """One timed pseudo-word per spoken character, so the pace functions count characters."""
    return [Word("字", s, e) for s, e in char_times(words)]


def analyse_zh(transcript: Transcript, *, profile: Profile) -> Analysis:
    """Measure a Chinese ``transcript`` against the word lists of ``profile`` (see module doc).

    Returns
    -------
    Analysis
        As :func:`coach.analysis.analyse.analyse`; ``word_count`` counts spoken characters and
        ``details["language"]`` is ``"zh"``.
    """
    words = transcript.words
    n_words = len(words)
    chars = sum(spoken_chars(w.text) for w in words)
    spans = sentences(words, punctuated=transcript.punctuated)
    marks: list[Mark] = []

    def mark(kind: MarkKind, span: tuple[int, int], advice: str = "") -> None:
        marks.append(Mark(kind, span, span_text(words, span), advice, words[span[0]].start_s))

    figures = find_zh_figures(words)
    concrete = [f for f in figures if f.kind == "figure"]
    for f in figures:
        mark(f.kind, f.word_span, ADVICE[f.kind])

    hype_hits: list[dict[str, Any]] = []
    for kind in ("hype", "jargon"):
        wl = profile.word_list(kind)
        matcher = hype_matcher(wl.items) if kind == "hype" else ZhMatcher(wl.items)
        for hit in matcher.find(words, spans):
            mark(kind, hit.span, wl.suggestion)
            hype_hits.append(
                {
                    "kind": kind,
                    "text": hit.phrase,
                    "phrase": hit.phrase,
                    "span": list(hit.span),
                    "start_s": words[hit.span[0]].start_s,
                    "suggestion": wl.suggestion,
                }
            )
    hype_hits.sort(key=lambda h: h["span"][0])

    fillers = find_zh_fillers(words)
    filler_advice = profile.word_list("fillers").suggestion
    for hit in fillers:
        mark("filler", hit.span, filler_advice)

    questions = find_zh_questions(words, spans, lexical=transcript.engine != "text")
    for q in questions:
        mark("question", q.span, ADVICE["question"])

    stories = zh_story_sentences(
        words,
        spans,
        time_anchors=profile.word_list("time_anchors").items,
        people=profile.word_list("people").items,
        dates=[f for f in figures if f.kind == "date"],
    )
    for s in stories:
        mark("story", s, ADVICE["story"])

    lengths = sentence_chars(words, spans)
    long_spans = [s for s, c in zip(spans, lengths, strict=True) if c > LONG_SENTENCE_CHARS]
    for s, c in zip(spans, lengths, strict=True):
        if c > LONG_SENTENCE_CHARS:
            mark("long", s, f"一句话{c}个字：拆成两句。")

    repeats = zh_repeats(words)
    for r in repeats:
        mark("repeat", r.again, f"“{r.phrase}”连说了两遍：说一遍就好。")

    opening = edge_span(words, spans, share=EDGE_SHARE, end=False)
    crisis = ZhMatcher(profile.word_list("crisis").items).find(words[: opening[1]])
    open_q = [q for q in questions if q.span[0] < opening[1]]
    open_fig = [f for f in concrete if f.word_span[0] < opening[1]]
    opening_hooks = {
        "crisis": [h.phrase for h in crisis],
        "question": [span_text(words, q.span) for q in open_q],
        "figure": [f.text for f in open_fig],
    }
    closing = edge_span(words, spans, share=EDGE_SHARE, end=True)
    tail = words[closing[0] :]
    humble = ZhMatcher(profile.word_list("humble").items).find(tail)
    forward = ZhMatcher(profile.word_list("forward").items).find(tail)
    close_hype = [h for h in hype_hits if h["span"][0] >= closing[0]]
    close_value = (1.0 if (humble or forward) else 0.0) * (0.5 if close_hype else 1.0)

    sentence_count = len(spans)
    values: dict[str, float] = {
        "number_density": _per(len(concrete), chars, 100),
        "hype_rate": _per(len(hype_hits), chars, 100),
        "words_per_sentence": chars / sentence_count if sentence_count else 0.0,
        "long_sentence_share": _per(len(long_spans), sentence_count, 100),
        "story_share": _per(len(stories), sentence_count, 100),
        "self_questions": _per(len(questions), max(chars, QUESTION_MIN_CHARS), 1000),
        "opening_hook": float(sum(1 for v in opening_hooks.values() if v)),
        "close_humble": close_value,
        "filler_rate": _per(len(fillers), chars, 100),
        "repetition_rate": _per(len(repeats), chars, 100),
    }

    def hits(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {"text": span_text(words, h.span), "span": list(h.span), "start_s": words[h.span[0]].start_s}
            for h in items
        ]  # fmt: skip

    details: dict[str, Any] = {
        "language": "zh",
        "hype": hype_hits,
        "fillers": hits(fillers),
        "questions": [
            {
                "text": span_text(words, q.span),
                "span": list(q.span),
                "self": q.self_directed,
                "start_s": words[q.span[0]].start_s,
            }
            for q in questions
        ],  # fmt: skip
        "self_question_count": sum(1 for q in questions if q.self_directed),
        "stories": [list(s) for s in stories],
        "long_sentences": [list(s) for s in long_spans],
        "anaphora": [],
        "repeats": [
            {"phrase": r.phrase, "span": list(r.again), "start_s": words[r.again[0]].start_s}
            for r in repeats
        ],  # fmt: skip
        "opening": {"span": list(opening), **opening_hooks},
        "close": {
            "span": list(closing),
            "humble": [h.phrase for h in humble],
            "forward": [h.phrase for h in forward],
            "hype": [h["text"] for h in close_hype],
        },
    }
    if transcript.timed and n_words:
        values.update(_timed_zh(transcript, concrete, details, marks))
    marks.sort(key=lambda m: (m.word_span[0], m.kind))
    return Analysis(
        word_count=chars,
        figures=tuple(figures),
        marks=tuple(marks),
        values=values,
        sentences=tuple(spans),
        details=details,
    )


def _timed_zh(
    transcript: Transcript, concrete: list[Any], details: dict[str, Any], marks: list[Mark]
) -> dict[str, float]:
    """The timed metrics, with pace counted in characters per minute."""
    from coach.analysis.pacing import (
        articulation_wpm,
        pace_over_time,
        pace_variability,
        words_per_minute,
    )
    from coach.analysis.timing import timed_analysis

    timed = timed_analysis(transcript, concrete)
    values = dict(timed.values)
    details.update(timed.details)
    for m in timed.marks:  # figures that run on: the same marks, advice in Chinese
        marks.append(Mark(m.kind, m.word_span, m.text, ADVICE["unlanded"], m.start_s))
    per_char = _char_words(transcript.words)
    if per_char:
        pace = pace_over_time(per_char)
        values["wpm"] = round(words_per_minute(per_char), 1)
        values["articulation_wpm"] = round(articulation_wpm(per_char, transcript.pauses), 1)
        details["pace"] = pace
        if len(pace) >= 2:
            values["pace_variability"] = round(pace_variability(pace), 1)
    return values
