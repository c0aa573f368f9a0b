"""Chinese hype, jargon, questions, stories, fillers and repeats, and the whole review."""

from __future__ import annotations

import pytest

from coach.analysis.zh_rhetoric import (
    find_zh_fillers,
    find_zh_questions,
    hype_matcher,
    is_question_text,
    zh_repeats,
)
from coach.coaching.review import review
from coach.errors import ProfileError
from coach.profile import load_profile
from coach.text import sentences, span_text, transcript_from_text


@pytest.fixture(scope="module")
def zh_profile():  # type: ignore[no-untyped-def]
    return load_profile("leijun-zh")


def hits(text: str, kind: str, profile) -> list[str]:  # type: ignore[no-untyped-def]
    t = transcript_from_text(text, language="zh")
    rv = review(t, profile)
    return [h["text"] for h in rv.analysis.details["hype"] if h["kind"] == kind]


def test_hype_words(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """Absolute claims are hype; the longest entry wins."""
    text = "这是史上最强的手机，性能遥遥领先，做工极致，全球第一。"
    assert hits(text, "hype", zh_profile) == ["史上最强", "遥遥领先", "极致", "全球第一"]


def test_zui_and_diyi_guards(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """最后, 最近 and 第一次 are everyday words; 最强 and 第一名 are boasts."""
    assert hits("最后我们决定试一试，最近第一次拿到了订单。", "hype", zh_profile) == []
    assert hits("我们拿了第一名，是最快的车。", "hype", zh_profile) == ["第一", "最"]
    matcher = hype_matcher(["最"])
    words = transcript_from_text("最终结果最好。", language="zh").words
    assert [h.phrase for h in matcher.find(words)] == ["最"]


def test_jargon_words(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """互联网黑话 is jargon with the plain-words suggestion."""
    text = "我们要赋能渠道，打通全链路，形成闭环，提升颗粒度，对齐底层逻辑，沉淀用户心智。"
    assert hits(text, "jargon", zh_profile) == [
        "赋能", "打通", "全链路", "闭环", "颗粒度", "对齐", "底层逻辑", "沉淀", "用户心智"
    ]  # fmt: skip
    rv = review(transcript_from_text(text), zh_profile)
    assert rv.analysis.details["hype"][0]["suggestion"] == "换成你跟邻居说话时用的大白话。"


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("你们真的准备好了吗", True),
        ("为什么偏偏是我们", True),
        ("难道我们就这样放弃", True),
        ("还要不要继续做下去", True),
        ("那么怎么才能活下来", True),
        ("这件事到底值多少钱呢", True),
        ("我们还在路上呢", False),
        ("我们做了什么大家都知道", False),
        ("今天天气很好", False),
    ],
)
def test_spoken_question_cues(sentence: str, asked: bool) -> None:
    """Unpunctuated speech: 吗, 呢 with a question word, 为什么/怎么/难道, A-not-A."""
    assert is_question_text(sentence) is asked


def test_questions_in_text_and_speech() -> None:
    """Typed text trusts ？; speech also uses the cues; 我问自己 makes a self-question."""
    t = transcript_from_text("我问自己，还要不要继续。他们问：这值得吗？我们开始吧。")
    spans = sentences(t.words)
    typed = find_zh_questions(t.words, spans, lexical=False)
    assert [span_text(t.words, q.span) for q in typed] == [
        "我问自己，还要不要继续。",
        "他们问：这值得吗？",
    ]
    assert [q.self_directed for q in typed] == [True, False]
    spoken = find_zh_questions(t.words, spans, lexical=True)
    assert len(spoken) == 2


def test_stories(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """First person plus a time anchor, a date or a person is a story line."""
    text = "三年前的那天晚上，我在工厂等零件。2021年，我们的团队只有8个人。产品很好用。我们很努力。"
    rv = review(transcript_from_text(text), zh_profile)
    told = [span_text(rv.transcript.words, tuple(s)) for s in rv.analysis.details["stories"]]
    assert told == ["三年前的那天晚上，我在工厂等零件。", "2021年，我们的团队只有8个人。"]


def test_fillers_and_repeats() -> None:
    """嗯 and 呃 alone, 那个 set off by a comma; words said twice in a row."""
    t = transcript_from_text(
        "嗯，我们那个，做了一个决定。呃，这个产品很好。我们我们必须干。", language="zh"
    )
    assert [h.phrase for h in find_zh_fillers(t.words)] == ["嗯", "那个", "呃"]
    assert [r.phrase for r in zh_repeats(t.words)] == ["我们"]


def test_chinese_review_opening_close_and_score(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """A talk with a crisis opening and a humble close scores both; tips are Chinese."""
    text = (
        "三年前，我们遇到了一场危机，工厂停工了。我问自己，还要不要继续？\n\n"
        "我们用了70多天，跑了12个城市，卖出了5万台。\n\n"
        "这款产品史上最强，遥遥领先。\n\n"
        "我们离成功还很远，谢谢大家。"
    )
    rv = review(transcript_from_text(text))
    assert rv.profile_id == "leijun-zh" and rv.transcript.language == "zh"
    assert rv.analysis.details["opening"]["crisis"] == ["危机"]
    assert "离成功还很远" in rv.analysis.details["close"]["humble"]
    assert rv.metric("number_density") is not None
    assert rv.metric("number_density").unit == "/100 chars"  # type: ignore[union-attr]
    assert rv.metric("flesch") is None
    assert rv.feedback.tips and all("“" in tip.text for tip in rv.feedback.tips[:2])
    assert rv.feedback.tips[0].action == "去掉这个说法，直接说证明它的数字。"


def test_profile_language_mismatch_is_one_sentence(zh_profile) -> None:  # type: ignore[no-untyped-def]
    """An English profile on a Chinese talk (or the reverse) is refused with advice."""
    with pytest.raises(ProfileError, match="for English talks but this talk is in Chinese"):
        review(transcript_from_text("我们卖了一万台。"), load_profile("leijun"))
    with pytest.raises(ProfileError, match="--profile leijun"):
        review(transcript_from_text("We sold ten thousand phones."), zh_profile)
