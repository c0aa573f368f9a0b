"""Hype, jargon and fillers: word-list hits with context rules."""

from __future__ import annotations

from coach.analysis.phrases import PhraseMatcher, find_fillers
from coach.profile import load_profile
from coach.text import transcript_from_text

PROFILE = load_profile()


def hits(text: str, kind: str) -> list[str]:
    words = transcript_from_text(text).words
    matcher = PhraseMatcher(PROFILE.word_list(kind).items)
    return [
        " ".join(w.text for w in words[a:b]).strip(".,")
        for a, b in (h.span for h in matcher.find(words))
    ]


def fillers(text: str) -> list[str]:
    words = transcript_from_text(text).words
    found = find_fillers(words, PROFILE.word_list("fillers").items)
    return [" ".join(w.text for w in words[h.span[0] : h.span[1]]).strip(",.") for h in found]


def test_hype_words_found_with_hyphen_and_space_forms() -> None:
    """'top-tier', 'top tier', 'world-class' and 'game-changing' are hype."""
    text = "Our top-tier team built a world-class, game-changing app. Top tier support too."
    assert hits(text, "hype") == ["top-tier", "world-class", "game-changing", "Top tier"]


def test_hype_claims_with_first_and_beyond() -> None:
    """'world's first' and 'beyond expectations' are claims; a plain 'first time' is not."""
    assert hits("It is the world's first folding scooter, beyond expectations.", "hype") == [
        "world's first",
        "beyond expectations",
    ]
    assert hits("The first time I rode it, I fell off.", "hype") == []


def test_jargon_found() -> None:
    """Corporate jargon from the profile list is found, case-insensitively."""
    text = "We leverage synergies to Empower a holistic paradigm shift."
    assert hits(text, "jargon") == [
        "leverage",
        "synergies",
        "Empower",
        "holistic",
        "paradigm shift",
    ]


def test_hype_never_spans_sentences() -> None:
    """A phrase does not match across a full stop."""
    assert hits("We came in second. To none of us it mattered.", "hype") == []


def test_every_hype_hit_gets_a_suggestion() -> None:
    """The profile gives a suggestion for hype and jargon hits."""
    assert "figure" in PROFILE.word_list("hype").suggestion
    assert PROFILE.word_list("jargon").suggestion


def test_plain_fillers() -> None:
    """um, uh, basically, literally are always fillers."""
    assert fillers("Um, we basically ran out of uh money, literally.") == [
        "Um",
        "basically",
        "uh",
        "literally",
    ]


def test_like_only_when_filler() -> None:
    """'like' is a filler when set off or hedging a number, not as a verb or comparison."""
    assert fillers("I like this bike and it looks like a toy.") == []
    assert fillers("It was, like, the worst week.") == ["like"]
    assert fillers("We had like forty people waiting.") == ["like"]
    assert fillers("And like the whole team quit.") == ["like"]


def test_you_know_and_i_mean() -> None:
    """'you know' and 'I mean' are fillers unless they are the verb phrases."""
    assert fillers("We were, you know, tired.") == ["you know"]
    assert fillers("Do you know the way? You know what I mean.") == []
    assert fillers("It hurt, I mean, a lot.") == ["I mean"]
