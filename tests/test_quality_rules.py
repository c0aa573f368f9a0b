"""Every false positive and miss named in issue 13, with sentences written for these tests."""

from __future__ import annotations

import pytest

from coach.analysis.analyse import analyse
from coach.analysis.numbers import find_figures
from coach.coaching.feedback import make_tips
from coach.coaching.scoring import score_metrics
from coach.profile import load_profile
from coach.text import transcript_from_text


def figures(text: str) -> list[tuple[str, float]]:
    words = transcript_from_text(text).words
    return [(f.text, f.value) for f in find_figures(words) if f.kind == "figure"]


@pytest.mark.parametrize(
    "text",
    [
        "Tonight we show you the Series 7 sedan.",
        "Our supplier finally joined the Fortune Global 500 list.",
        "She teaches Economics 201 on Tuesdays.",
        "01 Where it all began",
        "We closed our fiscal 2019 books early.",
        "In her 2022 keynote she barely smiled.",
        "The bridge opened in 1958.",
        "The Magnificent Seven rode into town.",
    ],
)
def test_names_headings_and_years_are_not_figures(text: str) -> None:
    """Model names, ranked lists, course codes, section numbers and years are not figures."""
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lake now holds 12 parts per million of lead.", [("12 parts per million", 12.0)]),
        ("Orders reached less than one-fifth of the plan.", [("one-fifth", 0.2)]),
        ("About a third of the riders left.", [("a third", 1 / 3)]),
        ("Half of the panels cracked.", [("Half", 0.5)]),
        ("One in four drivers forgot.", [("One in four", 0.25)]),
        ("Bottles carry 10¢ deposits here.", [("10¢", 10.0)]),
        ("We could afford one hot meal a day.", [("one", 1.0)]),
        ("It took three and a half weeks.", [("three and a half", 3.5)]),
        ("Costs fell to $3.09 billion.", [("$3.09 billion", 3090000000.0)]),
    ],
)
def test_figures_that_count_with_exact_values(text: str, expected: list[tuple[str, float]]) -> None:
    """Units stay whole; fractions, ratios, cents and per-unit amounts count; values are exact."""
    assert figures(text) == expected


def test_huge_number_is_not_a_figure_and_does_not_overflow() -> None:
    """A 400-digit run is typing noise, not a figure, and never an OverflowError."""
    assert figures("We sold " + "9" * 400 + " units.") == []


def claims(text: str) -> list[tuple[str, str]]:
    a = analyse(transcript_from_text(text))
    return [(h["kind"], h["text"].strip(".,!?")) for h in a.details["hype"]]


@pytest.mark.parametrize(
    "text",
    [
        "This is not a groundbreaking plan, just a careful one.",
        "I did my best that winter.",
        "It was the best of summers and the worst of summers.",
        "Moving to Lyon was one of the best choices we ever made.",
        'The memo told staff to avoid the words "first" and "beyond" in ads.',
    ],
)
def test_hype_words_in_context_are_not_claims(text: str) -> None:
    """Negation, idioms, self-judgements and quoted mentions are not hype."""
    assert [k for k, _ in claims(text) if k == "hype"] == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The new lobby is absolutely dazzling.", "absolutely dazzling"),
        ("Sign-ups grew an astonishing 40% in May.", "astonishing"),
        ("Visitors were blown away by the view.", "blown away"),
        ("It is the most popular bakery in the world.", "most popular bakery in the world"),
        ("The garden looks gorgeous and the menu is fantastic.", "gorgeous"),
    ],
)
def test_hype_patterns_are_found(text: str, phrase: str) -> None:
    """Intensifier + adjective, praise words and superlatives with a record scope are hype."""
    assert any(phrase in t for k, t in claims(text) if k == "hype")


def test_corporate_jargon_is_found() -> None:
    """Earnings-call jargon from published buzzword lists is found."""
    text = (
        "We will drive operational excellence and agility through a top-down go-to-market plan, "
        "ride the secular change and grow cross referrals."
    )
    found = {t.lower() for k, t in claims(text) if k == "jargon"}
    assert {"operational excellence", "agility", "go-to-market", "secular change"} <= found
    assert any("cross referrals" in t for t in found)


def test_results_report_is_not_a_story_but_a_scene_is() -> None:
    """'I'm pleased to report that <Company>...' is no story; a dated event with a person is."""
    report = "I'm pleased to report that Brightline grew sales by 12% in the quarter."
    scene = "Two winters ago, my sister drove me to the bakery at dawn and we baked 300 rolls."
    a = analyse(transcript_from_text(report + " " + scene))
    assert [tuple(s) for s in a.details["stories"]] == [a.sentences[1]]


def test_story_opening_is_a_hook_and_close_skips_thanks() -> None:
    """A talk that opens on a scene has a hook; the close is the last real sentence."""
    text = (
        "Last spring, my coach and I ran along the river before sunrise. "
        + "We talked about the shop. " * 12
        + "We are still learning, and we will keep going. Thank you very much."
    )
    a = analyse(transcript_from_text(text))
    assert a.details["opening"]["story"]
    last = a.details["close"]["last"]
    assert " ".join(w.text for w in transcript_from_text(text).words[last[0] : last[1]]).startswith(
        "We are still learning"
    )


def test_self_question_without_question_mark_is_found() -> None:
    """A transcript that lost the '?' still has its self-question."""
    text = "We lost the lease in May. So why did we stay. Because the team believed in it."
    a = analyse(transcript_from_text(text))
    assert [q["text"] for q in a.details["questions"]] == ["So why did we stay."]


def tips_for(text: str) -> list[str]:
    transcript = transcript_from_text(text)
    a = analyse(transcript)
    results = score_metrics(a, load_profile())
    return [t.text + " " + t.action for t in make_tips(transcript, a, results)]


def test_tips_never_contradict_the_analysis() -> None:
    """With a question asked, no tip says none was; the close tip quotes the real last sentence;
    hype gets one tip listing every instance."""
    text = (
        "Our amazing new bakery opened. Why did I open it? It is incredible and fantastic. "
        + "The ovens are big. " * 30
        + "The bread is amazing. Thanks for listening."
    )
    tips = tips_for(text)
    assert not any("No question" in t for t in tips)
    hype_tips = [t for t in tips if "claims in all" in t]
    assert len(hype_tips) == 1 and "'incredible'" in hype_tips[0]
    close = [t for t in tips if t.startswith("Your close")]
    assert close and "The bread is amazing" in close[0]
