"""Chinese words and sentences: jieba segmentation, sentence ends, script detection, regrouping."""

from __future__ import annotations

from coach.cjk import display_width, fit, join_words, script_language
from coach.text import sentences, span_text, transcript_from_text
from coach.types import Transcript, Word
from coach.zh_text import regroup_timed, segment, simplified, spoken_chars


def test_script_decides_the_language() -> None:
    """Chinese characters make a text Chinese; a Chinese name in English text does not."""
    assert script_language("我们用了四分钟卖出一万台。") == "zh"
    assert script_language("We met 雷军 in Beijing and sold ten thousand phones.") == "en"
    assert script_language("小米SU7发布了，iPhone用户也来了。") == "zh"
    assert transcript_from_text("我们卖了一万台。").language == "zh"
    assert transcript_from_text("We sold ten thousand.").language == "en"


def test_segment_attaches_punctuation() -> None:
    """jieba words carry the punctuation after them, like English words do."""
    assert segment("我们用了4分钟，卖出一万台。") == [
        "我们",
        "用",
        "了",
        "4",
        "分钟，",
        "卖出",
        "一",
        "万台。",
    ]


def test_sentences_end_at_full_width_marks() -> None:
    """。！？ end sentences; a blank line does too; the text joins back without spaces."""
    t = transcript_from_text("那天早上我接到电话。为什么是我？我们被制裁了！\n\n我们离成功还很远")
    spans = sentences(t.words)
    assert [span_text(t.words, s) for s in spans] == [
        "那天早上我接到电话。",
        "为什么是我？",
        "我们被制裁了！",
        "我们离成功还很远",
    ]
    assert t.text == "那天早上我接到电话。为什么是我？我们被制裁了！我们离成功还很远"


def test_join_words_spaces_only_between_alphabetic_words() -> None:
    """No space between Chinese characters and digits; one around English words."""
    assert (
        join_words(["我们", "卖了", "10,000", "台", "iPhone", "Pro"])
        == "我们卖了10,000台 iPhone Pro"
    )
    assert join_words(["ten", "thousand", "phones."]) == "ten thousand phones."
    assert join_words(["fine.", "我们", "Then"]) == "fine. 我们 Then"  # English keeps its spaces


def test_spoken_characters() -> None:
    """Characters, digits one each, a Latin word one: what Mandarin pace counts."""
    assert spoken_chars("我们卖了2024台SU7，好！") == 5 + 4 + 1 + 1 + 1


def test_cjk_column_widths() -> None:
    """A Chinese character takes two terminal columns; fit pads and cuts by columns."""
    assert display_width("数字abc") == 7
    assert fit("数字", 6) == "数字  "
    assert display_width(fit("每100字的数字个数很多很多", 10)) == 10


def test_whisper_pieces_regroup_into_words_with_times() -> None:
    """Character pieces with times become jieba words spanning their characters' times."""
    pieces = [("我", 0.0, 0.2), ("們", 0.2, 0.4), ("賣", 0.4, 0.6), ("出", 0.6, 0.8),
              ("了", 0.8, 0.9), ("5", 0.9, 1.1), ("萬", 1.1, 1.3), ("台。", 1.3, 1.6)]  # fmt: skip
    t = Transcript(words=tuple(Word(p, s, e, 0) for p, s, e in pieces), language="zh")
    out = regroup_timed(t)
    assert [w.text for w in out.words] == ["我们", "卖出", "了", "5", "万台。"]
    assert (out.words[0].start_s, out.words[0].end_s) == (0.0, 0.4)
    assert (out.words[-1].start_s, out.words[-1].end_s) == (1.1, 1.6)
    assert simplified("謝謝大家") == "谢谢大家"


def test_whisper_decoding_loops_are_dropped() -> None:
    """ "请问问问问问…" after the last sentence (a Whisper loop) goes; 谢谢 and 好好好 stay."""
    pieces = ["分", "析。", "请", *["问"] * 30, "好", "好", "好", "谢", "谢"]
    t = Transcript(words=tuple(Word(p, i * 0.1, i * 0.1 + 0.1, 0) for i, p in enumerate(pieces)),
                   language="zh")  # fmt: skip
    assert regroup_timed(t).text == "分析。请好好好谢谢"
