"""Chinese figures: values, units, vague amounts, dates and the numerals that are only words."""

from __future__ import annotations

import pytest

from coach.analysis.zh_numbers import find_zh_figures
from coach.text import transcript_from_text
from coach.types import Figure


def figures(text: str) -> list[Figure]:
    return find_zh_figures(transcript_from_text(text, language="zh").words)


def found(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, round(f.value, 4), f.kind) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("四分钟卖出一万台。", [("四分钟", 4, "figure"), ("一万台", 10000, "figure")]),
        ("我们招了1.5万名员工。", [("1.5万名", 15000, "figure")]),
        ("前后投了3千万。", [("3千万", 3e7, "figure")]),
        ("两百人的团队加班了六个星期。", [("两百人", 200, "figure"), ("六个", 6, "figure")]),
        ("营收一千二百亿元。", [("一千二百亿元", 1.2e11, "figure")]),
        ("毛利率提高了百分之十七。", [("百分之十七", 17, "figure")]),
        ("故障率降到了0.5%。", [("0.5%", 0.5, "figure")]),
        ("三分之一的订单来自海外。", [("三分之一", 0.3333, "figure")]),
        ("价格便宜了5倍。", [("5倍", 5, "figure")]),
        ("成本降了一点五万。", [("一点五万", 15000, "figure")]),
        ("增长了3个百分点。", [("3个百分点", 3, "figure")]),
        ("我们融资了两个亿。", [("两个亿", 2e8, "figure")]),
        ("24小时有人值班。", [("24小时", 24, "figure")]),
    ],
)
def test_concrete_figures_have_their_values(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    """Chinese numerals, digits and mixed forms are figures with the value said."""
    assert found(text) == expected


def test_units_and_currency() -> None:
    """Money reads as ¥ or $, percentages as %, a measure word as the unit."""
    by_text = {
        f.text: f.unit for f in figures("一台卖1999元，海外卖300美元，良率98%，交付了8000辆。")
    }
    assert by_text == {"1999元": "¥", "300美元": "$", "98%": "%", "8000辆": "辆"}


@pytest.mark.parametrize(
    ("text", "vague_text", "value"),
    [
        ("门口排了20多万人。", "20多万人", 200000),
        ("十几个工程师住在工地。", "十几个", 10),
        ("我们干了10余年。", "10余年", 10),
        ("他三十来岁就当了厂长。", "三十来岁", 30),
        ("现场来了上万人。", "上万人", 10000),
        ("几万台机器在等零件。", "几万台", 10000),
        ("成本在三千亿元左右。", "三千亿元左右", 3e11),
        ("大约500个网点。", "500个", 500),
        ("三个多月没回家。", "三个多月", 3),
        ("三四线城市卖得最好。", "三四", 3),
    ],
)
def test_vague_amounts(text: str, vague_text: str, value: float) -> None:
    """多 / 余 / 来 / 几 / 上 / 左右 / 大约 and neighbouring numerals are vague, not figures."""
    got = figures(text)
    vague = [f for f in got if f.kind == "vague"]
    assert [f.text for f in vague] == [vague_text]
    assert vague[0].value == pytest.approx(value)
    assert not [f for f in got if f.kind == "figure" and f.text == vague_text]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2024年7月19日晚上8点，我们开了发布会。", ["2024年", "7月19日", "8点"]),
        ("二〇二一年，一切从零开始。", ["二〇二一年"]),
        ("那天早上7点多，电话响了。", ["7点多"]),
        ("下午三点半，测试车出发了。", ["三点半"]),
        ("发布会19:30开始。", ["19:30"]),
        ("90年代的时候，我还在读书。", ["90年代"]),
        ("十二月份，工厂投产。", ["十二月份"]),
        ("80后的工程师挑大梁。", ["80后"]),
    ],
)
def test_dates_and_clock_times(text: str, dates: list[str]) -> None:
    """Years, month-days and clock times are dates, never concrete figures."""
    got = figures(text)
    assert [f.text for f in got if f.kind == "date"] == dates
    assert not [f for f in got if f.kind == "figure"]


@pytest.mark.parametrize(
    "text",
    [
        "第一次做车，我们都很紧张。",  # ordinal
        "我们一起努力，一定能做好。",  # adverbs
        "这件事十分重要，千万不要放弃。",
        "万一失败了，这是唯一的机会。",
        "这是最好的产品之一，我们统一了标准。",
        "九死一生，三心二意都不行。",  # idioms
        "我们在四川开了店，百度也来了。",  # names
        "我一个人去了工厂，见到一个工程师。",  # 一个 is the article "a"
    ],
)
def test_numerals_that_are_words(text: str) -> None:
    """Ordinals, adverbs, idioms, names and the article 一个 are not figures."""
    assert [f.text for f in figures(text) if f.kind == "figure"] == []


def test_lone_one_counts_before_a_unit() -> None:
    """一年, 一公里, 一个月 measure something; 一个人 does not."""
    got = [
        f.text
        for f in figures("我们花了一年，跑了一公里，等了一个月，来了一个人。")
        if f.kind == "figure"
    ]
    assert got == ["一年", "一公里", "一个月"]


def test_figures_keep_word_spans_and_times() -> None:
    """A figure jieba cut in two ("一", "万台") is one figure over both words, with their times."""
    from coach.types import Transcript, Word

    words = (
        Word("卖出", 0.0, 0.4),
        Word("一", 0.4, 0.6),
        Word("万台", 0.6, 1.0),
        Word("手机。", 1.0, 1.5),
    )
    (fig,) = find_zh_figures(Transcript(words=words, language="zh").words)
    assert (fig.text, fig.value, fig.word_span, fig.start_s, fig.end_s) == (
        "一万台",
        10000,
        (1, 3),
        0.4,
        1.0,
    )
