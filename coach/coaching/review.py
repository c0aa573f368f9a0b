"""One call from a transcript to the full verdict, and its JSON form.

``review(transcript, profile)`` runs analysis, scoring and tips and bundles them in a
:class:`Review`, the object the CLI prints, the store saves, the app shows and the PDF renders.
``review_to_dict``/``review_from_dict`` are the one JSON shape used by ``--json`` and the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from coach.analysis.analyse import analyse
from coach.cjk import join_words
from coach.coaching.feedback import make_feedback
from coach.coaching.scoring import score_metrics
from coach.profile import Profile, check_language, default_profile_id, load_profile
from coach.types import (
    Analysis,
    Feedback,
    Figure,
    Mark,
    MetricResult,
    Pause,
    Tip,
    Transcript,
    Word,
)

JSON_SCHEMA = 1
"""Version of the ``--json`` shape (the ``schema`` key); raised when a key changes meaning or
goes away, not when one is added. See the README."""


@dataclass(frozen=True)
class Review:
    """A transcript with everything Coach found in it, judged against one profile."""

    transcript: Transcript
    analysis: Analysis
    metrics: tuple[MetricResult, ...]
    feedback: Feedback
    profile_id: str
    profile_name: str

    def metric(self, name: str) -> MetricResult | None:
        """The scored metric called ``name``, if it was measured and targeted."""
        return next((m for m in self.metrics if m.name == name), None)


def review(transcript: Transcript, profile: Profile | None = None) -> Review:
    """Analyse ``transcript`` and judge it against ``profile`` (default: Lei Jun style in the
    transcript's language). A profile for another language raises :class:`ProfileError`."""
    profile = profile or load_profile(default_profile_id(transcript.language))
    check_language(profile, transcript.language)
    analysis = analyse(transcript, profile=profile)
    results = score_metrics(analysis, profile)
    return Review(
        transcript=transcript,
        analysis=analysis,
        metrics=tuple(results),
        feedback=make_feedback(transcript, analysis, results),
        profile_id=profile.id,
        profile_name=profile.name,
    )


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def review_to_dict(rv: Review) -> dict[str, Any]:
    """The JSON object of the CLI contract (stable keys; see README), plus what the store needs.

    Keys: schema (:data:`JSON_SCHEMA`), word_count, numbers, number_density, hype_words, fillers, questions, score, metrics,
    tips, transcript; for audio also duration_s, wpm, articulation_wpm, pauses, pace, words,
    engine. ``_review`` holds the lossless form used by :func:`review_from_dict`.
    """
    t, a = rv.transcript, rv.analysis
    details = a.details
    values = a.values
    out: dict[str, Any] = {
        "schema": JSON_SCHEMA,
        "profile": rv.profile_id,
        "profile_name": rv.profile_name,
        "engine": t.engine,
        "language": t.language,
        "word_count": a.word_count,
        "score": rv.feedback.score,
        "trait_scores": dict(rv.feedback.trait_scores),
        "numbers": [
            {
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "start_s": _r(f.start_s),
                "end_s": _r(f.end_s),
            }
            for f in a.figures
            if f.kind == "figure"
        ],  # fmt: skip
        "vague_numbers": [
            {"text": f.text, "start_s": _r(f.start_s)} for f in a.figures if f.kind == "vague"
        ],
        "dates": [
            {"text": f.text, "value": f.value, "start_s": _r(f.start_s)}
            for f in a.figures
            if f.kind == "date"
        ],
        "number_density": round(values.get("number_density", 0.0), 3),
        "hype_words": [
            {
                "text": h["text"],
                "kind": h["kind"],
                "suggestion": h["suggestion"],
                "start_s": _r(h["start_s"]),
            }
            for h in details.get("hype", [])
        ],
        "fillers": [
            {"text": h["text"], "start_s": _r(h["start_s"])} for h in details.get("fillers", [])
        ],
        "questions": [
            {"text": q["text"], "self": q["self"], "start_s": _r(q["start_s"])}
            for q in details.get("questions", [])
        ],
        "metrics": {
            m.name: {
                "label": m.label,
                "value": round(m.value, 3),
                "unit": m.unit,
                "target_low": m.target_low,
                "target_high": m.target_high,
                "score": m.score,
                "status": m.status,
                "trait": m.trait,
                "why": m.why,
            }
            for m in rv.metrics
        },  # fmt: skip
        "tips": [join_words([tip.text, tip.action]) for tip in rv.feedback.tips],
        "tip_details": [
            {
                "text": tip.text,
                "action": tip.action,
                "quote": tip.quote,
                "at_s": _r(tip.at_s),
                "metric": tip.metric,
            }
            for tip in rv.feedback.tips
        ],
        "transcript": t.text,
    }
    if t.timed:
        out.update(
            {
                "duration_s": _r(t.duration_s),
                "wpm": _r(values.get("wpm"), 1),
                "articulation_wpm": _r(values.get("articulation_wpm"), 1),
                "figures_per_min": _r(values.get("figures_per_min"), 2),
                "pauses": [
                    {"start_s": _r(p.start_s), "duration_s": _r(p.duration_s)} for p in t.pauses
                ],
                "pace": [{"t_s": _r(p[0], 1), "wpm": _r(p[1], 1)} for p in details.get("pace", [])],
                "words": [
                    {"text": w.text, "start_s": _r(w.start_s), "end_s": _r(w.end_s)}
                    for w in t.words
                ],
            }
        )
    out["_review"] = _lossless(rv)
    return out


def _lossless(rv: Review) -> dict[str, Any]:
    t = rv.transcript
    return {
        "version": 1,
        "profile_id": rv.profile_id,
        "profile_name": rv.profile_name,
        "transcript": {
            "words": [[w.text, w.start_s, w.end_s, w.utterance] for w in t.words],
            "pauses": [[p.start_s, p.duration_s] for p in t.pauses],
            "duration_s": t.duration_s,
            "engine": t.engine,
            "language": t.language,
            "punctuated": t.punctuated,
            "pitch_spread": [list(p) for p in t.pitch_spread],
        },
        "analysis": {
            "word_count": rv.analysis.word_count,
            "figures": [asdict(f) for f in rv.analysis.figures],
            "marks": [asdict(m) for m in rv.analysis.marks],
            "values": rv.analysis.values,
            "sentences": [list(s) for s in rv.analysis.sentences],
            "details": rv.analysis.details,
        },
        "metrics": [asdict(m) for m in rv.metrics],
        "feedback": {
            "score": rv.feedback.score,
            "trait_scores": rv.feedback.trait_scores,
            "tips": [asdict(tip) for tip in rv.feedback.tips],
        },
    }


def transcript_from_dict(data: dict[str, Any]) -> Transcript:
    """Rebuild a :class:`Transcript` from the ``_review.transcript`` object."""
    return Transcript(
        words=tuple(Word(w[0], w[1], w[2], int(w[3])) for w in data["words"]),
        pauses=tuple(Pause(float(p[0]), float(p[1])) for p in data["pauses"]),
        duration_s=data.get("duration_s"),
        engine=data.get("engine", "text"),
        language=data.get("language", "en"),
        punctuated=bool(data.get("punctuated", True)),
        pitch_spread=tuple((float(a), float(b)) for a, b in data.get("pitch_spread", [])),
    )


def review_from_dict(data: dict[str, Any]) -> Review:
    """Rebuild a :class:`Review` from :func:`review_to_dict` output (or its ``_review`` part)."""
    data = data.get("_review", data)
    an = data["analysis"]

    def span(x: Any) -> tuple[int, int]:
        return (int(x[0]), int(x[1]))

    analysis = Analysis(
        word_count=an["word_count"],
        figures=tuple(Figure(**{**f, "word_span": span(f["word_span"])}) for f in an["figures"]),
        marks=tuple(Mark(**{**m, "word_span": span(m["word_span"])}) for m in an["marks"]),
        values={k: float(v) for k, v in an["values"].items()},
        sentences=tuple(span(s) for s in an["sentences"]),
        details=an["details"],
    )
    fb = data["feedback"]
    return Review(
        transcript=transcript_from_dict(data["transcript"]),
        analysis=analysis,
        metrics=tuple(MetricResult(**m) for m in data["metrics"]),
        feedback=Feedback(
            fb["score"], dict(fb["trait_scores"]), tuple(Tip(**tip) for tip in fb["tips"])
        ),
        profile_id=data["profile_id"],
        profile_name=data["profile_name"],
    )
