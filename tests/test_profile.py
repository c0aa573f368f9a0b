"""Profiles: the bundled Lei Jun profile, user profiles, and clear errors for malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.errors import ProfileError
from coach.metrics import METRICS
from coach.paths import bundled_profiles_dir
from coach.profile import list_profiles, load_profile

LEIJUN = (bundled_profiles_dir() / "leijun.toml").read_text(encoding="utf-8")


def test_leijun_profile_targets_every_metric_with_why_and_source() -> None:
    """Every catalogue metric has a band, weight, why and source in the default profile."""
    p = load_profile()
    assert p.id == "leijun"
    assert set(p.metrics) == set(METRICS)
    for name, t in p.metrics.items():
        assert t.low <= t.high, name
        assert t.why and t.source, name
    assert p.metrics["wpm"].low >= 100 and p.metrics["wpm"].high <= 165
    assert {"hype", "jargon", "fillers"} <= set(p.words)


def test_user_profile_in_data_folder_is_found(coach_home: Path) -> None:
    """A profile saved in the user data folder loads by id and is listed."""
    folder = coach_home / "profiles"
    folder.mkdir(exist_ok=True)
    (folder / "calm.toml").write_text(
        LEIJUN.replace('id = "leijun"', 'id = "calm"'), encoding="utf-8"
    )
    assert load_profile("calm").id == "calm"
    assert {"leijun", "calm"} <= {p.id for p in list_profiles()}


def test_profile_by_path(tmp_path: Path) -> None:
    """A profile can be given as a file path."""
    f = tmp_path / "mine.toml"
    f.write_text(LEIJUN, encoding="utf-8")
    assert load_profile(str(f)).path == f


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "low = 3.0\nhigh = 12.0",
            'low = "three"\nhigh = 12.0',
            "metrics.number_density.low' must be a number",
        ),
        (
            "low = 3.0\nhigh = 12.0",
            "low = 13.0\nhigh = 12.0",
            "metrics.number_density.low' must be at most high",
        ),
        ("[metrics.wpm]", "[metrics.speed]", "metrics.speed' must be one of the known metrics"),
        (
            '[profile]\nid = "leijun"',
            '[profile]\nid = ""',
            "profile.id' must be a non-empty string",
        ),
        ("[words.jargon]", "[words.slang]", "words.slang' must be one of"),
    ],
)
def test_malformed_profile_names_file_key_and_expectation(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Errors name the file, the key and what was expected."""
    assert old in LEIJUN
    f = tmp_path / "bad.toml"
    f.write_text(LEIJUN.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(str(f))
    assert str(f) in str(err.value)
    assert message in str(err.value)


def test_invalid_toml_and_unknown_name(tmp_path: Path) -> None:
    """Broken TOML and an unknown profile name give one clear sentence."""
    f = tmp_path / "broken.toml"
    f.write_text("[profile\nid=", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(str(f))
    with pytest.raises(ProfileError, match="Unknown profile 'nobody'.*leijun"):
        load_profile("nobody")
