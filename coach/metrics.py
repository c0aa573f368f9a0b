"""The catalogue of metrics Coach measures: label, unit and the trait each one feeds.

Profiles give each metric a target band; this table says what the numbers mean. Metrics marked
``timed`` need word timings (audio) and are skipped for typed text.
"""

from __future__ import annotations

from dataclasses import dataclass

TRAITS = (
    "Numbers",
    "Pace",
    "Pauses",
    "Plain words",
    "Stories",
    "Questions",
    "Opening",
    "Close",
    "Fillers",
    "Voice",
)

TRAITS_ZH = {
    "Numbers": "数字", "Pace": "语速", "Pauses": "停顿", "Plain words": "大白话", "Stories": "故事",
    "Questions": "提问", "Opening": "开场", "Close": "收尾", "Fillers": "口头禅", "Voice": "声音",
}  # fmt: skip
"""Each trait's Chinese name (the CLI, the report and the app's translation use the same)."""


@dataclass(frozen=True)
class MetricSpec:
    """What one metric measures. ``min_tolerance`` keeps a narrow band from scoring too harshly."""

    label: str
    unit: str
    trait: str
    timed: bool = False
    min_tolerance: float = 1.0
    meaning: str = ""


METRICS: dict[str, MetricSpec] = {
    "number_density": MetricSpec("Figures per 100 words", "/100 words", "Numbers", min_tolerance=2.0,
                                 meaning="How often a concrete number backs up what you say."),
    "figures_per_min": MetricSpec("Figures per minute", "/min", "Numbers", timed=True, min_tolerance=2.0,
                                  meaning="Concrete numbers per minute of talk."),
    "number_desert_s": MetricSpec("Longest stretch without a figure", "s", "Numbers", timed=True,
                                  min_tolerance=60.0, meaning="The longest time the audience hears no number."),
    "figures_landed": MetricSpec("Figures that land", "%", "Pauses", timed=True, min_tolerance=30.0,
                                 meaning="Share of figures followed by a short pause so they sink in."),
    "hype_rate": MetricSpec("Hype and jargon per 100 words", "/100 words", "Plain words", min_tolerance=1.0,
                            meaning="Superlatives and jargon instead of proof."),
    "words_per_sentence": MetricSpec("Words per sentence", "words", "Plain words", min_tolerance=8.0,
                                     meaning="Short sentences are easy to follow by ear."),
    "long_sentence_share": MetricSpec("Long sentences", "%", "Plain words", min_tolerance=20.0,
                                      meaning="Share of sentences over 25 words."),
    "flesch": MetricSpec("Reading ease (Flesch)", "", "Plain words", min_tolerance=25.0,
                         meaning="Higher is plainer; 60-80 is everyday speech."),
    "story_share": MetricSpec("Story sentences", "%", "Stories", min_tolerance=15.0,
                              meaning="Share of sentences that tell what happened to someone, when."),
    "self_questions": MetricSpec("Questions per 1,000 words", "/1000 words", "Questions", min_tolerance=4.0,
                                 meaning="Honest questions you ask yourself or the audience."),
    "opening_hook": MetricSpec("Opening hooks", "of 3", "Opening", min_tolerance=1.0,
                               meaning="A crisis, a question or a figure in the first tenth."),
    "close_humble": MetricSpec("Humble close", "of 1", "Close", min_tolerance=1.0,
                               meaning="Ending humbly or with a call forward, not a superlative."),
    "filler_rate": MetricSpec("Fillers per 100 words", "/100 words", "Fillers", min_tolerance=2.0,
                              meaning="Um, uh, you know, basically, filler 'like'."),
    "repetition_rate": MetricSpec("Accidental repeats per 100 words", "/100 words", "Fillers",
                                  min_tolerance=1.0, meaning="Phrases said twice in a row by accident."),
    "wpm": MetricSpec("Pace", "wpm", "Pace", timed=True, min_tolerance=30.0,
                      meaning="Words per minute from first to last word."),
    "articulation_wpm": MetricSpec("Articulation rate", "wpm", "Pace", timed=True, min_tolerance=30.0,
                                   meaning="Words per minute while actually speaking."),
    "pace_variability": MetricSpec("Pace variety", "%", "Pace", timed=True, min_tolerance=10.0,
                                   meaning="How much your pace changes across the talk."),
    "pitch_spread_st": MetricSpec("Pitch variety", "semitones", "Voice", timed=True, min_tolerance=3.0,
                                  meaning="How much your voice rises and falls."),
    "monotone_share": MetricSpec("Monotone stretches", "%", "Voice", timed=True, min_tolerance=20.0,
                                 meaning="Share of speaking windows with a flat voice."),
    "pause_ratio": MetricSpec("Time in pauses", "%", "Pauses", timed=True, min_tolerance=10.0,
                              meaning="Share of the talk spent in pauses of 0.3 s or more."),
    "long_pauses_per_min": MetricSpec("Long pauses per minute", "/min", "Pauses", timed=True,
                                      min_tolerance=2.0, meaning="Pauses over 1 s, per minute."),
}  # fmt: skip


# A Chinese talk keeps the metric names but counts characters (字) where English counts words.
ZH_LABELS: dict[str, tuple[str, str]] = {
    "number_density": ("Figures per 100 characters", "/100 chars"),
    "hype_rate": ("Hype and jargon per 100 characters", "/100 chars"),
    "words_per_sentence": ("Characters per sentence", "chars"),
    "self_questions": ("Questions per 1,000 characters", "/1000 chars"),
    "filler_rate": ("Fillers per 100 characters", "/100 chars"),
    "repetition_rate": ("Accidental repeats per 100 characters", "/100 chars"),
    "wpm": ("Pace", "chars/min"),
    "articulation_wpm": ("Articulation rate", "chars/min"),
}


def metric_label(name: str, language: str = "en") -> tuple[str, str]:
    """``(label, unit)`` of metric ``name`` for a talk in ``language`` ("en" or "zh")."""
    if language == "zh" and name in ZH_LABELS:
        return ZH_LABELS[name]
    spec = METRICS[name]
    return spec.label, spec.unit
