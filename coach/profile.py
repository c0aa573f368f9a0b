"""Speaking-style profiles: target bands per metric, with why and source, and the word lists.

Profiles are TOML data. The bundled ones live in ``assets/profiles``; the user's own in
``<data folder>/profiles`` and take precedence by id. A malformed file raises
:class:`~coach.errors.ProfileError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.errors import ProfileError
from coach.metrics import METRICS
from coach.paths import bundled_profiles_dir, user_profiles_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_PROFILE = "leijun"
MAX_BOUND = 1_000_000.0
"""Largest band edge or tolerance accepted (every metric is a rate, share, count or duration)."""
MAX_WEIGHT = 1000.0
WORD_LISTS = (
    "hype", "jargon", "fillers", "crisis", "humble", "forward", "time_anchors", "people",
    "intensifiers", "hype_idioms",
)  # fmt: skip
DEFAULT_PROFILES = {"en": "leijun", "zh": "leijun-zh"}
"""The bundled profile for a talk in each language (a profile's ``language`` says which it fits)."""
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}


@dataclass(frozen=True)
class Target:
    """A metric's target band ``[low, high]`` with its weight in the overall score.

    ``tolerance`` is how far outside the band the score falls to 0 (same unit as the metric).
    """

    low: float
    high: float
    weight: float
    why: str
    source: str
    tolerance: float


@dataclass(frozen=True)
class WordList:
    """Words or phrases to find, and the advice shown on each hit."""

    items: tuple[str, ...]
    suggestion: str = ""


@dataclass(frozen=True)
class Profile:
    """A speaking style to compare against."""

    id: str
    name: str
    description: str
    source: str
    metrics: dict[str, Target]
    words: dict[str, WordList] = field(default_factory=dict)
    path: Path | None = None
    language: str = "en"
    """The language of the talks it judges: ``"en"`` or ``"zh"`` (word lists and bands differ)."""

    def word_list(self, name: str) -> WordList:
        """The named word list, empty when the profile has none."""
        return self.words.get(name, WordList(()))


def _expect(cond: bool, path: Path, key: str, expected: str) -> None:
    if not cond:
        raise ProfileError(f"Profile {path}: key '{key}' must be {expected}.")


def _number(
    table: dict[str, Any], key: str, path: Path, where: str, *, most: float = MAX_BOUND
) -> float:
    """A finite number from 0 to ``most`` (inf, nan, ±1e308 and negatives are refused)."""
    value = table.get(key)
    _expect(
        isinstance(value, (int, float)) and not isinstance(value, bool),
        path,
        f"{where}.{key}",
        "a number",
    )
    number = float(value)  # type: ignore[arg-type]
    _expect(math.isfinite(number), path, f"{where}.{key}", f"a finite number, not {value}")
    _expect(
        0.0 <= number <= most, path, f"{where}.{key}", f"between 0 and {most:,.0f}, not {value}"
    )
    return number


def parse_profile(data: dict[str, Any], path: Path) -> Profile:
    """Validate parsed TOML and build a :class:`Profile`; errors name ``path`` and the key."""
    head = data.get("profile")
    _expect(isinstance(head, dict), path, "profile", "a table with id and name")
    assert isinstance(head, dict)
    for key in ("id", "name"):
        _expect(
            isinstance(head.get(key), str) and bool(head.get(key)),
            path,
            f"profile.{key}",
            "a non-empty string",
        )
    metrics_table = data.get("metrics")
    _expect(
        isinstance(metrics_table, dict) and bool(metrics_table),
        path,
        "metrics",
        "a table of metric targets",
    )
    assert isinstance(metrics_table, dict)
    metrics: dict[str, Target] = {}
    for name, table in metrics_table.items():
        where = f"metrics.{name}"
        _expect(
            name in METRICS, path, where, "one of the known metrics: " + ", ".join(sorted(METRICS))
        )
        _expect(isinstance(table, dict), path, where, "a table with low, high, weight, why")
        low = _number(table, "low", path, where)
        high = _number(table, "high", path, where)
        _expect(low <= high, path, f"{where}.low", f"at most high ({high:g})")
        weight = _number(table, "weight", path, where, most=MAX_WEIGHT)
        why = table.get("why", "")
        _expect(
            isinstance(why, str) and bool(why.strip()),
            path,
            f"{where}.why",
            "a one-sentence reason",
        )
        source = table.get("source", "")
        _expect(isinstance(source, str), path, f"{where}.source", "a string")
        if "tolerance" in table:
            tolerance = _number(table, "tolerance", path, where)
            _expect(tolerance > 0, path, f"{where}.tolerance", "greater than zero")
        else:
            tolerance = max(high - low, abs(high) * 0.5, METRICS[name].min_tolerance)
        metrics[name] = Target(low, high, weight, why.strip(), source, tolerance)
    _expect(
        any(t.weight > 0 for t in metrics.values()),
        path,
        "metrics",
        "a table where at least one target has a weight above 0 (all weights are 0)",
    )
    words: dict[str, WordList] = {}
    words_table = data.get("words", {})
    _expect(isinstance(words_table, dict), path, "words", "a table of word lists")
    for name, table in words_table.items():
        where = f"words.{name}"
        _expect(name in WORD_LISTS, path, where, "one of: " + ", ".join(WORD_LISTS))
        _expect(isinstance(table, dict), path, where, "a table with items")
        items = table.get("items")
        _expect(
            isinstance(items, list) and all(isinstance(i, str) and i.strip() for i in items),
            path,
            f"{where}.items",
            "a list of non-empty strings",
        )
        suggestion = table.get("suggestion", "")
        _expect(isinstance(suggestion, str), path, f"{where}.suggestion", "a string")
        words[name] = WordList(tuple(i.strip().lower() for i in items), suggestion)
    language = head.get("language", "en")
    _expect(language in LANGUAGE_NAMES, path, "profile.language", "one of: en, zh")
    return Profile(
        language=language,
        id=head["id"],
        name=head["name"],
        description=str(head.get("description", "")),
        source=str(head.get("source", "")),
        metrics=metrics,
        words=words,
        path=path,
    )


def read_profile(path: Path) -> Profile:
    """Load one profile file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(f"Profile file {path} does not exist.") from None
    except OSError as exc:
        raise ProfileError(f"Profile file {path} cannot be read: {exc.strerror}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProfileError(f"Profile {path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"Profile {path} is not valid TOML: {exc}.") from None
    return parse_profile(data, path)


def profile_files() -> dict[str, Path]:
    """Profile id (file stem) -> file, the user's folder overriding the bundled one."""
    found: dict[str, Path] = {}
    for folder in (bundled_profiles_dir(), user_profiles_dir()):
        if folder.is_dir():
            for file in sorted(folder.glob("*.toml"), key=lambda f: f.stem):  # leijun, leijun-zh
                found[file.stem] = file
    return found


def list_profiles() -> list[Profile]:
    """Every loadable profile; unloadable user files are skipped (load them by name to see why)."""
    out = []
    for file in profile_files().values():
        try:
            out.append(read_profile(file))
        except ProfileError:
            continue
    return out


def default_profile_id(language: str | None) -> str:
    """The bundled profile for talks in ``language`` (``leijun`` for English, ``leijun-zh``)."""
    return DEFAULT_PROFILES.get(language or "en", DEFAULT_PROFILE)


def check_language(profile: Profile, language: str) -> None:
    """Raise :class:`ProfileError` when ``profile`` judges talks in another language.

    A Chinese talk scored with English word lists (or the reverse) would find no figures, hype
    or stories and give a meaningless score, so it is refused with one sentence saying what to do.
    """
    if language in LANGUAGE_NAMES and profile.language != language:
        want = LANGUAGE_NAMES[language]
        raise ProfileError(
            f"The profile '{profile.name}' is for {LANGUAGE_NAMES[profile.language]} talks but this "
            f"talk is in {want}; choose a {want} profile (e.g. --profile "
            f"{default_profile_id(language)}) or set the language with --language."
        )


def load_profile(name_or_path: str | Path | None = None) -> Profile:
    """A profile by id ("leijun"), by file path, or the default when ``None``.

    Raises
    ------
    ProfileError
        Unknown name, or a malformed file (the message names file, key and expectation).
    """
    if name_or_path is None:
        name_or_path = DEFAULT_PROFILE
    text = str(name_or_path)
    if text.endswith(".toml") or "/" in text or "\\" in text:
        return read_profile(Path(text).expanduser())
    files = profile_files()
    if text not in files:
        known = ", ".join(sorted(files)) or "none"
        raise ProfileError(f"Unknown profile '{text}' (known: {known}).")
    return read_profile(files[text])
