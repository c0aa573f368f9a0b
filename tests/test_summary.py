"""coach/coaching/summary.py: the plain sentences, the moment to keep and the next steps."""

from __future__ import annotations

import re

from coach.coaching.review import Review, review
from coach.coaching.summary import change_line, next_steps, strongest_moment, summarise
from coach.paths import samples_dir
from coach.text import norm, transcript_from_text
from tests.timed_talk import talk_text, timed_transcript

DEMO = (samples_dir() / "demo.txt").read_text(encoding="utf-8")
# the sample says "not a revolutionary idea" (negated: no hype); this one makes the claim
HYPED = DEMO.replace("This is not a revolutionary idea.", "This is a revolutionary idea.")


def test_typed_text_reads_in_two_or_three_sentences() -> None:
    """A verdict with the score, then what went well and what cost most; no 'since last time'."""
    rv = review(transcript_from_text(HYPED))
    s = summarise(rv)
    assert 2 <= len(s.sentences) <= 3
    assert all(x.endswith(".") for x in s.sentences)
    assert f"{rv.feedback.score:.0f} of 100" in s.sentences[0]
    assert "144-word text" in s.sentences[0]
    assert s.change is None
    figures = sum(f.kind == "figure" for f in rv.analysis.figures)
    assert f"Your figures carry it: {figures} in" in " ".join(s.sentences)
    # the one tip is about 'revolutionary': the last sentence names it, without punctuation
    assert rv.feedback.tips[0].metric == "hype_rate"
    assert s.sentences[-1] == "Hype where proof should be: “revolutionary”."


def test_the_moment_to_keep_is_a_clean_sentence_with_a_figure() -> None:
    """The kept quote is a sentence of the talk, carries a figure and no hype or filler."""
    rv = review(transcript_from_text(DEMO))
    keep = strongest_moment(rv)
    assert keep is not None and keep.moment.word_index is not None
    words = rv.transcript.words
    start = keep.moment.word_index
    said = " ".join(w.text for w in words[start : start + len(keep.moment.quote.split())])
    assert said == keep.moment.quote
    span = next(s for s in rv.analysis.sentences if s[0] == start)
    assert any(
        span[0] <= f.word_span[0] < span[1] for f in rv.analysis.figures if f.kind == "figure"
    )
    for m in rv.analysis.marks:
        if m.kind in ("hype", "jargon", "filler"):
            assert not span[0] <= m.word_span[0] < span[1]
    assert "figure" in keep.reason and keep.text.startswith("Keep “")


def test_next_steps_are_the_top_tips_one_per_trait_with_their_moment() -> None:
    """At most three steps, in tip order, each pointing at the words its tip quotes."""
    rv = review(timed_transcript(talk_text(420, seed=5), wpm=150))
    steps = next_steps(rv)
    assert 1 <= len(steps) <= 3
    actions = [t.action for t in rv.feedback.tips]
    assert [actions.index(s.action) for s in steps] == sorted(
        actions.index(s.action) for s in steps
    )
    assert len({s.metric for s in steps}) == len(steps)
    words = rv.transcript.words
    for step in steps:
        tip = next(
            t for t in rv.feedback.tips if t.action == step.action and t.metric == step.metric
        )
        assert step.moment is not None and step.moment.at_s == tip.at_s
        i = step.moment.word_index
        assert i is not None and norm(words[i].text) == norm(step.moment.quote.split()[0])


def test_a_fast_talk_is_told_it_ran_fast() -> None:
    """When pace costs most, the sentence says too fast with the wpm and the band."""
    rv = review(timed_transcript(DEMO + "\n\n" + DEMO, wpm=240))  # no hype: pace costs most
    assert rv.feedback.tips[0].metric in ("wpm", "articulation_wpm")
    m = rv.metric(rv.feedback.tips[0].metric)
    assert m is not None
    assert (f"You spoke too fast: {m.value:.0f} words a minute against "
            f"{m.target_low:.0f}-{m.target_high:.0f}.") in summarise(rv).sentences  # fmt: skip


def test_nothing_to_fix_says_so_and_offers_no_step() -> None:
    """A text with every measure in band gets the keep-going sentence and no steps."""
    rv = review(transcript_from_text(DEMO.replace("This is not a revolutionary idea. ", "")))
    assert not rv.feedback.tips
    s = summarise(rv)
    assert s.sentences[-1] == "Every measure is inside its band: keep rehearsing it this way."
    assert s.steps == ()


def test_change_since_last_attempt_names_score_and_the_measures_that_moved() -> None:
    """One line: the scores as shown, up or down, and the measures whose score moved most."""
    before = review(timed_transcript(talk_text(300, seed=11), wpm=240))
    after = review(timed_transcript(talk_text(300, seed=11), wpm=150))
    line = change_line(after, before)
    a, b = round(before.feedback.score), round(after.feedback.score)
    assert line.startswith(f"Since the last attempt: {a} → {b} (up {b - a})")
    assert "pace" in line and "(better)" in line and line.endswith(".")
    assert change_line(after, after) == (
        f"Since the last attempt: {b} again; no measure moved by much."
    )
    assert summarise(after, before).change == line


ZH_TALK = (
    "三年前的一个晚上，我接到一个电话，工厂停工了。那一刻我问自己，还要不要做下去？"
    "我们用了70多天，跑了12个城市。27分钟，我们卖出了5万台。我们离成功还很远，谢谢大家！"
)


def _zh_take(text: str, seconds_per_word: float) -> Review:
    """``text`` as a timed Mandarin take, one jieba word every ``seconds_per_word``."""
    from dataclasses import replace

    from coach.types import Word

    typed = transcript_from_text(text)
    assert typed.language == "zh"
    step = seconds_per_word
    words = tuple(
        Word(w.text, i * step, i * step + step * 0.8, w.utterance)
        for i, w in enumerate(typed.words)
    )
    return review(replace(typed, words=words, duration_s=len(words) * step + 0.5, engine="whisper"))


def _latin(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", text)


def test_mandarin_summary_is_chinese_and_counts_characters() -> None:
    """A Mandarin take's summary is in Chinese, as its tips are: pace and counts in characters,
    the kept moment and its reason, and the line on what changed since the last attempt."""
    rv = _zh_take(ZH_TALK, 0.3)
    s = summarise(rv)
    said = s.paragraph
    assert "。 " not in said  # no space between Chinese sentences
    assert f"每分钟{rv.analysis.values['wpm']:.0f}字" in said
    assert said.startswith("这段0:") and "分（满分100）" in said
    assert s.keep is not None and s.keep.text.startswith("保留“")
    assert not _latin(said) and not _latin(s.keep.text), (said, s.keep.text)
    assert all(not _latin(step.action) for step in s.steps)
    slow = _zh_take(ZH_TALK, 0.9)  # a third of the pace: far below the band
    line = summarise(rv, slow).change
    assert line is not None and line.startswith("和上次相比：") and not _latin(line), line
    typed = summarise(review(transcript_from_text(ZH_TALK)))
    assert re.match(r"这段\d+字的文字", typed.sentences[0]) and not _latin(
        " ".join(typed.sentences)
    )


def test_english_summary_stays_english() -> None:
    """The Chinese sentences are for Chinese talks only; English sentences keep their spaces,
    also after a time ("… 11 in 0:54. 9 figures ran …")."""
    s = summarise(review(transcript_from_text(HYPED)))
    assert not re.search(r"[\u4e00-\u9fff]", s.text)
    assert s.paragraph == " ".join(s.sentences)
    from coach.coaching.summary import Summary

    two = Summary(
        ("Your figures carry it: 11 in 0:54.", "9 figures ran straight on."), None, (), None
    )
    assert two.paragraph == "Your figures carry it: 11 in 0:54. 9 figures ran straight on."
