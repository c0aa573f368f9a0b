"""Compare measured values with a profile's bands: a 0-100 score per metric, per trait, overall."""

from __future__ import annotations

from collections.abc import Sequence

from coach.metrics import METRICS, TRAITS, metric_label
from coach.profile import Profile, Target
from coach.types import Analysis, MetricResult, Status

CLOSE_SCORE = 60.0


def band_score(value: float, target: Target) -> float:
    """100 inside ``[low, high]``, falling linearly to 0 at ``tolerance`` outside the band."""
    if target.low <= value <= target.high:
        return 100.0
    distance = target.low - value if value < target.low else value - target.high
    return max(0.0, 100.0 * (1.0 - distance / target.tolerance))


def status_of(score: float) -> Status:
    """ "good" inside the band, "close" when near it, "off" when far."""
    if score >= 100.0:
        return "good"
    return "close" if score >= CLOSE_SCORE else "off"


def score_metrics(analysis: Analysis, profile: Profile) -> list[MetricResult]:
    """Every metric that both the profile targets and the analysis measured, in catalogue order."""
    results = []
    language = str(analysis.details.get("language", "en"))
    for name, spec in METRICS.items():
        target = profile.metrics.get(name)
        if target is None or name not in analysis.values:
            continue
        value = float(analysis.values[name])
        score = band_score(value, target)
        label, unit = metric_label(name, language)
        results.append(
            MetricResult(
                name=name,
                label=label,
                value=value,
                unit=unit,
                target_low=target.low,
                target_high=target.high,
                score=round(score, 1),
                status=status_of(score),
                weight=target.weight,
                trait=spec.trait,
                why=target.why,
                source=target.source,
            )
        )
    return results


def _weighted(results: Sequence[MetricResult]) -> float | None:
    total = sum(r.weight for r in results)
    if total <= 0:
        return None
    return sum(r.score * r.weight for r in results) / total


def trait_scores(results: Sequence[MetricResult]) -> dict[str, float]:
    """Weighted mean score per trait, for the traits that have at least one measured metric."""
    out = {}
    for trait in TRAITS:
        score = _weighted([r for r in results if r.trait == trait])
        if score is not None:
            out[trait] = round(score, 1)
    return out


def overall_score(results: Sequence[MetricResult]) -> float:
    """The "Lei Jun match": weighted mean of all metric scores, 0-100."""
    score = _weighted(results)
    return round(score, 1) if score is not None else 0.0
