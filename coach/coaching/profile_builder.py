"""Make new profiles: measured from reference talks, or copied from another and edited.

``build_profile`` measures each reference (a transcript as ``.txt``/``.md`` or a recording) with
the same analysis a rehearsal gets and proposes a target band per metric around the figures it
found. ``save_profile`` writes a profile as TOML in the format of ``assets/profiles/leijun.toml``
(read back by :func:`coach.profile.read_profile`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

from coach.analysis.analyse import analyse
from coach.errors import InputError, ProfileError
from coach.metrics import METRICS
from coach.paths import bundled_profiles_dir, user_profiles_dir
from coach.profile import DEFAULT_PROFILE, Profile, Target, load_profile, parse_profile

BAND_MARGIN = 0.20
"""Each band is the references' min-max range widened by this share of their mean on each side."""

ProgressFn = Callable[[float, str], None]

# The highest value a metric can take (percentages, counts "of 3"); unlisted ones are open-ended
_CEILINGS = {"%": 100.0, "of 3": 3.0, "of 1": 1.0}
_FLESCH_MAX = 121.22


def profile_id_for(name: str) -> str:
    """A file-safe id from a profile name: "Steve Jobs 2007" -> "steve-jobs-2007"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:
        raise ProfileError(f"Profile name {name!r} needs at least one letter or digit.")
    return slug


def _ceiling(metric: str) -> float:
    if metric == "flesch":
        return _FLESCH_MAX
    return _CEILINGS.get(METRICS[metric].unit, math.inf)


def proposed_band(values: Sequence[float], metric: str) -> tuple[float, float]:
    """A target band around measured values of ``metric``.

    The band is the min-max range of ``values`` widened by ``BAND_MARGIN`` (20 %) of their mean on
    each side, and by at least a quarter of the metric's ``min_tolerance`` so one reference or
    identical references still give a usable band; it is clipped to what the metric can take
    (0 and up, at most 100 % for shares). Ends are rounded to 2 decimals.
    """
    if not values:
        raise ValueError("proposed_band needs at least one value")
    margin = max(BAND_MARGIN * abs(mean(values)), METRICS[metric].min_tolerance / 4)
    low = max(0.0, min(values) - margin)
    high = min(_ceiling(metric), max(values) + margin)
    return round(low, 2), round(high, 2)


def _default_tolerance(metric: str, low: float, high: float) -> float:
    # the same rule parse_profile applies when a file gives no tolerance
    return round(max(high - low, abs(high) * 0.5, METRICS[metric].min_tolerance), 2)


def build_profile(
    files: Sequence[str | Path],
    *,
    name: str,
    description: str = "",
    base: Profile | None = None,
    engine: str | None = None,
    model: str | None = None,
    progress: ProgressFn | None = None,
) -> Profile:
    """Measure reference talks and propose a profile around their figures.

    Parameters
    ----------
    files : sequence of paths
        Transcripts (``.txt``, ``.md``) or recordings of the speaker to sound like.
    name : str
        Display name; the id is derived from it (:func:`profile_id_for`).
    base : Profile, optional
        Where weights, word lists and the bands of metrics the references cannot measure
        (timed ones, for text references) come from; default Lei Jun style.
    engine, model : str, optional
        Speech engine and Whisper model for recordings.
    progress : callable, optional
        Called with (share done 0-1, message).

    Returns
    -------
    Profile
        Not yet saved (``path`` is ``None``); see :func:`save_profile`.

    Raises
    ------
    InputError, AudioInputError, TranscriptionError
        A reference cannot be read, decoded or transcribed.
    ProfileError
        No files, or a name without letters or digits.
    """
    from coach.transcript.load import load_transcript

    if not files:
        raise ProfileError("Give at least one reference transcript or recording.")
    if not name.strip():
        raise ProfileError("Give the new profile a name.")
    profile_id = profile_id_for(name)
    base = base or load_profile(DEFAULT_PROFILE)
    paths = [Path(f) for f in files]
    measured: list[dict[str, float]] = []
    for n, path in enumerate(paths):
        if progress:
            progress(n / len(paths), f"Measuring {path.name}")
        transcript = load_transcript(path, engine=engine, model=model)
        if not transcript.words:
            raise InputError(f"{path.name} has no words in it: nothing to measure.")
        measured.append(analyse(transcript, profile=base).values)
    if progress:
        progress(1.0, "Proposing bands")

    names = ", ".join(p.name for p in paths)
    count = f"{len(paths)} reference file{'s' if len(paths) != 1 else ''}"
    metrics: dict[str, Target] = {}
    for metric, spec in METRICS.items():
        values = [v[metric] for v in measured if metric in v and math.isfinite(v[metric])]
        base_target = base.metrics.get(metric)
        weight = base_target.weight if base_target else 1.0
        if values:
            low, high = proposed_band(values, metric)
            unit = f" {spec.unit}" if spec.unit else ""
            why = (
                f"Measured from {count}: mean {mean(values):.3g}{unit}, "
                f"range {min(values):.3g}-{max(values):.3g}; band widened by "
                f"{BAND_MARGIN:.0%} of the mean."
            )
            source = f"coach profile build, {date.today().isoformat()}: {names}"
            metrics[metric] = Target(
                low, high, weight, why, source, _default_tolerance(metric, low, high)
            )
        elif base_target:
            metrics[metric] = replace(
                base_target,
                why=f"Not measurable from {count} (needs a recording); kept from {base.name}: "
                + base_target.why,
                source=f"{base.name}: {base_target.source}",
            )
    return Profile(
        id=profile_id,
        name=name.strip(),
        description=description or f"Built from {count}: {names}.",
        source=f"Measured by coach from {names}",
        metrics=metrics,
        words=dict(base.words),
        path=None,
    )


def duplicate_profile(profile: Profile, *, name: str) -> Profile:
    """A copy of ``profile`` under a new name and id, ready to edit and save."""
    return replace(
        profile,
        id=profile_id_for(name),
        name=name.strip(),
        description=profile.description,
        source=f"Copy of {profile.name}. " + profile.source,
        metrics=dict(profile.metrics),
        words=dict(profile.words),
        path=None,
    )


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, with quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_number(value: float, key: str) -> str:
    if not math.isfinite(value):
        raise ProfileError(f"Profile value {key} must be a finite number, not {value}.")
    return repr(float(value))


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The TOML-shaped data of ``profile`` (what :func:`coach.profile.parse_profile` reads)."""
    return {
        "profile": {
            "id": profile.id,
            "name": profile.name,
            "description": profile.description,
            "source": profile.source,
        },
        "metrics": {
            name: {
                "low": t.low,
                "high": t.high,
                "weight": t.weight,
                "tolerance": t.tolerance,
                "why": t.why,
                "source": t.source,
            }
            for name, t in profile.metrics.items()
        },
        "words": {
            name: {"items": list(wl.items), "suggestion": wl.suggestion}
            for name, wl in profile.words.items()
        },
    }


def validate_profile(profile: Profile) -> Profile:
    """Check ``profile`` with the same rules as a loaded file; raises :class:`ProfileError`."""
    where = profile.path or Path(f"{profile.id or 'new profile'}.toml")
    return replace(parse_profile(profile_to_dict(profile), where), path=profile.path)


def profile_to_toml(profile: Profile) -> str:
    """The TOML text of ``profile``, in the layout of the bundled profiles."""
    data = profile_to_dict(profile)
    title = " ".join(profile.name.split())  # a comment must stay on one line
    lines = [f"# {title}: written by coach. Edit bands and weights freely.", ""]
    lines.append("[profile]")
    for key, value in data["profile"].items():
        lines.append(f"{key} = {toml_string(value)}")
    for name, table in data["metrics"].items():
        lines += ["", f"[metrics.{name}]"]
        for key in ("low", "high", "weight", "tolerance"):
            lines.append(f"{key} = {_toml_number(table[key], f'metrics.{name}.{key}')}")
        lines.append(f"why = {toml_string(table['why'])}")
        lines.append(f"source = {toml_string(table['source'])}")
    for name, table in data["words"].items():
        lines += ["", f"[words.{name}]"]
        if table["suggestion"]:
            lines.append(f"suggestion = {toml_string(table['suggestion'])}")
        lines.append("items = [")
        lines += [f"  {toml_string(item)}," for item in table["items"]]
        lines.append("]")
    return "\n".join(lines) + "\n"


def user_profile_path(profile: Profile) -> Path:
    """Where :func:`save_profile` puts ``profile`` by default: the user's profile folder."""
    return user_profiles_dir() / f"{profile.id}.toml"


def save_profile(
    profile: Profile, path: str | Path | None = None, *, overwrite: bool = False
) -> Profile:
    """Validate and write ``profile`` as TOML; returns it as read back from the file.

    Parameters
    ----------
    path : path, optional
        Target file; default ``<data folder>/profiles/<id>.toml``.
    overwrite : bool
        Replace an existing file (otherwise a :class:`ProfileError` says it exists).

    Raises
    ------
    ProfileError
        Invalid values, an existing file without ``overwrite``, or a write failure.
    """
    from coach.profile import read_profile

    validate_profile(profile)
    if path is None and (bundled_profiles_dir() / f"{profile.id}.toml").exists():
        raise ProfileError(
            f"The name '{profile.name}' is taken by a profile that comes with Coach; choose another."
        )
    target = Path(path) if path is not None else user_profile_path(profile)
    if target.exists() and not overwrite:
        raise ProfileError(f"{target} already exists; choose another name or overwrite it.")
    text = profile_to_toml(profile)
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        raise ProfileError(f"Cannot write profile {target}: {exc.strerror}.") from None
    return read_profile(target)
