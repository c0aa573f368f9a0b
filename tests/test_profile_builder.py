"""Profiles built from reference texts, duplicated, validated and written as TOML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coach.coaching.profile_builder import (
    build_profile,
    duplicate_profile,
    profile_id_for,
    profile_to_toml,
    proposed_band,
    save_profile,
)
from coach.coaching.review import review
from coach.errors import ProfileError
from coach.profile import list_profiles, load_profile, read_profile
from coach.text import transcript_from_text

DENSE = (
    "Today we launch a new phone. It weighs 168 grams. It costs 399 dollars. Last year we sold "
    "12 million phones, and my team worked 80 hours a week. Why do we do this? Because 3 out of "
    "4 of you told us the battery was too small. So we made it 20 percent bigger. Thank you.\n"
)
STORY = (
    "In 2007 we had 1 idea and 2 engineers. That night in the garage, my friend asked: can we "
    "do it? We built it in 9 months. It holds 5,000 songs and runs 10 hours on one charge. We "
    "are still learning. Thank you.\n"
)
PLAIN = (
    "We believe in great products. Our team works hard on quality, and customers love what we "
    "make. We will keep listening and keep improving, because that is what matters most to us "
    "and to the people we serve every single day of the week.\n"
)


@pytest.fixture()
def refs(tmp_path: Path) -> list[Path]:
    a, b = tmp_path / "dense.txt", tmp_path / "story.md"
    a.write_text(DENSE, encoding="utf-8")
    b.write_text(STORY, encoding="utf-8")
    return [a, b]


def test_bands_surround_the_references(refs: list[Path]) -> None:
    """Each measured metric's band contains every reference's value and says where it came from."""
    profile = build_profile(refs, name="Keynote style")
    assert profile.id == "keynote-style" and profile.path is None
    base = load_profile("leijun")
    for path in refs:
        values = review(transcript_from_text(path.read_text()), base).analysis.values
        for name in ("number_density", "words_per_sentence", "flesch", "story_share"):
            t = profile.metrics[name]
            assert t.low <= values[name] <= t.high, name
            assert t.why.startswith("Measured from 2 reference files")
            assert "dense.txt" in t.source and "story.md" in t.source
    # weights come from Lei Jun; timed metrics cannot be measured from text and keep his band
    assert profile.metrics["number_density"].weight == base.metrics["number_density"].weight
    assert profile.metrics["wpm"].low == base.metrics["wpm"].low
    assert "needs a recording" in profile.metrics["wpm"].why


def test_built_profile_saves_reloads_and_scores(refs: list[Path], tmp_path: Path) -> None:
    """A saved profile reads back identical, is listed, and scores its own style above plain talk."""
    saved = save_profile(build_profile(refs, name="Keynote style"))
    assert saved.path is not None and saved.path.parent.name == "profiles"
    assert read_profile(saved.path).metrics == saved.metrics
    assert "keynote-style" in [p.id for p in list_profiles()]
    own = review(transcript_from_text(DENSE), load_profile("keynote-style")).feedback.score
    other = review(transcript_from_text(PLAIN), load_profile("keynote-style")).feedback.score
    assert own > other + 10
    with pytest.raises(ProfileError, match="already exists"):
        save_profile(saved)


def test_toml_escaping_round_trips(tmp_path: Path) -> None:
    """Quotes, backslashes, newlines and non-Latin text survive writing and reading back."""
    base = load_profile("leijun")
    tricky = 'He said "10 x" \\ then\nleft\t— 雷军'
    target = replace(base.metrics["wpm"], why=tricky, low=101.5, high=150.0)
    copy = replace(
        duplicate_profile(base, name='My "copy"\nline'),
        metrics={**base.metrics, "wpm": target},
    )
    saved = save_profile(copy, tmp_path / "x.toml")
    assert saved.metrics["wpm"].why == tricky
    assert saved.metrics["wpm"].low == 101.5
    assert saved.name == 'My "copy"\nline'
    assert saved.words == base.words
    assert profile_to_toml(copy).splitlines()[0].startswith('# My "copy" line:')


def test_invalid_edits_are_refused(tmp_path: Path) -> None:
    """A band with low above high, or the bundled profile's id, is refused with a clear message."""
    base = load_profile("leijun")
    bad = replace(base.metrics["wpm"], low=200.0, high=100.0)
    with pytest.raises(ProfileError, match="wpm.low"):
        save_profile(replace(base, metrics={**base.metrics, "wpm": bad}), tmp_path / "b.toml")
    with pytest.raises(ProfileError, match="comes with Coach"):
        save_profile(duplicate_profile(base, name="leijun"))
    with pytest.raises(ProfileError, match="letter or digit"):
        profile_id_for("!!!")


def test_proposed_band_clips_to_possible_values() -> None:
    """Shares stay within 0-100 % and single values still get a usable band."""
    assert proposed_band([100.0, 90.0], "story_share")[1] == 100.0
    low, high = proposed_band([0.0], "hype_rate")
    assert low == 0.0 and high > 0.0
    assert proposed_band([140.0, 160.0], "wpm") == (110.0, 190.0)


@pytest.mark.slow
def test_recording_reference_measures_pace(tmp_path: Path) -> None:
    """A recorded reference (espeak speech, Whisper) gives pace bands around its measured pace."""
    from tests.speech import standard_rehearsal

    reh = standard_rehearsal()
    profile = build_profile([reh.path], name="Robot voice", model="base")
    wpm = profile.metrics["wpm"]
    assert wpm.why.startswith("Measured from 1 reference file")
    assert wpm.low < reh.wpm < wpm.high
    assert profile.metrics["pause_ratio"].why.startswith("Measured from 1 reference file")
