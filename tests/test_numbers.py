"""Figures: what counts as a concrete number, what is vague, what is a date."""

from __future__ import annotations

import pytest

from coach.analysis.numbers import find_figures
from coach.text import transcript_from_text
from coach.types import Word


def figs(text: str, kind: str = "figure") -> list[tuple[str, float]]:
    words = transcript_from_text(text).words
    return [(f.text, f.value) for f in find_figures(words) if f.kind == kind]


def values(text: str) -> list[float]:
    return [v for _, v in figs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We shipped 4,800 bikes in 9 days.", [4800, 9]),
        ("twelve thousand signups in six minutes", [12000, 6]),
        ("The pilot cost 2.75 dollars per unit.", [2.75]),
        ("We raised $4.5 billion last spring.", [4.5e9]),
        ("They lent us 20 billion dollars.", [20e9]),
        ("Returns fell to 3% and then 1.5%.", [3, 1.5]),
        ("We now have 2.4 million riders.", [2.4e6]),
        ("a hundred and sixty volunteers", [160]),
        ("two point five million downloads", [2.5e6]),
        ("forty-four stores", [44]),
        ("sixty five percent of the class", [65]),
        ("It took us 350,000 test kilometres.", [350000]),
        ("A 12-week sprint and a ten-person crew", [12, 10]),
        ("We paid €300 for the stand.", [300]),
    ],
)
def test_concrete_figures_and_values(text: str, expected: list[float]) -> None:
    """Digits, words, money, percent, magnitudes and decimals give the right values."""
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "It was our first launch and the fifth prototype.",
        "She was the 3rd hire and the 21st speaker.",
        "This is one of the hardest problems.",
        "No one came, and we met them one by one.",
        "Someone told me anyone can do it.",
        "One day the phone rang.",
        "We love one another.",
    ],
)
def test_not_figures(text: str) -> None:
    """Ordinals and 'one' as pronoun or idiom are not figures."""
    assert figs(text) == []


def test_one_counts_when_it_measures_something() -> None:
    """A lone 'one' with a unit is a figure; in one day (a duration) too."""
    assert values("We built it in one week.") == [1]
    assert values("We sold out in one day.") == [1]


def test_ranges_count_each_end() -> None:
    """'three or four' and '10-15' are two figures each."""
    assert values("three or four trucks") == [3, 4]
    assert values("between 10-15 engineers") == [10, 15]
    assert values("five to seven hours") == [5, 7]


def test_vague_amounts_are_reported_separately() -> None:
    """Dozens, hundreds of, tens of millions are vague, not figures."""
    text = "Dozens of riders wrote in, hundreds of them angry, and it cost tens of millions."
    assert figs(text) == []
    assert [t for t, _ in figs(text, "vague")] == ["Dozens", "hundreds", "tens of millions"]


def test_years_and_clock_times_are_dates() -> None:
    """Years and times are dates and never counted as figures."""
    text = "In 2021 we started. By 7 pm on March 3 we had 900 orders, and at 23:30 the site fell."
    assert values(text) == [3, 900]
    dates = [t for t, _ in figs(text, "date")]
    assert dates == ["2021", "7 pm", "23:30"]
    assert values("Back in nineteen ninety eight, life was slower.") == []
    assert figs("Back in nineteen ninety eight, life was slower.", "date")[0][1] == 1998


def test_year_like_numbers_with_nouns_are_figures() -> None:
    """2000 people is a crowd, not a year."""
    assert values("We hired 2000 people.") == [2000]


def test_whisper_split_pieces_are_rebuilt() -> None:
    """Word pieces '5' ',000' come back as one figure of 5000."""
    words = [Word("We"), Word("sold"), Word("5"), Word(",000"), Word("units.")]
    found = [f for f in find_figures(words) if f.kind == "figure"]
    assert [(f.value, f.word_span) for f in found] == [(5000, (2, 4))]


def test_spelled_and_digit_figures_agree() -> None:
    """Sphinx-style words and Whisper-style digits give the same figures."""
    assert values("ten billion dollars over ten years") == values("$10 billion over 10 years")


def test_figures_carry_word_times() -> None:
    """With timings, a figure carries the start of its first word and end of its last."""
    words = [Word("ten", 1.0, 1.2), Word("thousand", 1.2, 1.6), Word("orders", 1.6, 2.0)]
    (f,) = find_figures(words)
    assert (f.start_s, f.end_s, f.word_span, f.unit) == (1.0, 1.6, (0, 2), "orders")


def test_punctuation_separates_numbers() -> None:
    """'two, three' said with a comma is two separate figures, not 23."""
    assert values("We tried two, three, four designs.") == [2, 3, 4]
