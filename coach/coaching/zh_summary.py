"""The summary of a Chinese talk, in Chinese: the same choices as :mod:`coach.coaching.summary`.

A Chinese talk gets Chinese tips (:mod:`coach.coaching.zh_feedback`), so the few sentences read
first say the same things in the same language: how it went, what went well, what cost most,
why the kept moment works and what changed since the last attempt. Counts are characters (字).
"""

from __future__ import annotations

from coach.analysis.timing import clock
from coach.coaching.review import Review
from coach.types import MetricResult

KEEP_CHARS = 32
"""A kept moment of a Chinese talk is quoted up to this many characters."""

METRICS_ZH = {
    "number_density": "每100字的数字", "figures_per_min": "每分钟的数字",
    "number_desert_s": "最长的无数字时段", "figures_landed": "说完停顿的数字",
    "hype_rate": "每100字的夸大和黑话", "words_per_sentence": "每句字数", "long_sentence_share": "长句",
    "flesch": "易读度", "story_share": "故事句", "self_questions": "每1000字的提问",
    "opening_hook": "开场亮点", "close_humble": "谦虚收尾", "filler_rate": "每100字的口头禅",
    "repetition_rate": "每100字的无意重复", "wpm": "语速", "articulation_wpm": "发音语速",
    "pace_variability": "语速变化", "pitch_spread_st": "音高变化", "monotone_share": "平淡时段",
    "pause_ratio": "停顿时间", "long_pauses_per_min": "每分钟长停顿",
}  # fmt: skip
"""Metric labels of a Chinese talk (the CLI's Chinese labels, by metric name)."""

UNITS_ZH = {
    "%": "%", "s": "秒", "/min": "次/分钟", "/100 chars": "/100字", "/1000 chars": "/1000字",
    "chars": "字", "chars/min": "字/分钟", "semitones": "个半音", "of 3": "/3", "of 1": "/1",
}  # fmt: skip

KEEP_REASONS = {
    "a figure told as part of a story, with a pause after it": "故事里讲出的数字，说完还停了一下",
    "a figure that landed, with a pause after it": "数字说完停了一下，让它落了地",
    "a figure told as part of a story": "在故事里讲出的数字",
    "a concrete figure that proves the point": "一个具体数字证明了观点",
    "an honest question that pulls the audience in": "一个真诚的问题，把听众拉了进来",
    "a story told as a scene": "把故事讲成了一个场景",
}
"""Why the kept moment works (the English reasons of ``strongest_moment``)."""


def _figures(review: Review) -> int:
    return sum(f.kind == "figure" for f in review.analysis.figures)


def _length(review: Review) -> str:
    t = review.transcript
    if t.timed and t.duration_s:
        return clock(t.duration_s)
    return f"{review.analysis.word_count}字"


def value(m: MetricResult) -> str:
    """The metric's value with its unit, as Chinese text reads it: "4.2/100字", "12秒"."""
    shown = f"{m.value:.0f}" if abs(m.value) >= 10 or m.unit == "%" else f"{m.value:.1f}"
    return shown + UNITS_ZH.get(m.unit, m.unit)


def verdict(review: Review) -> str:
    """ "这段0:55的排练每分钟223字，与…很接近：98分（满分100），20项指标中16项达标。"."""
    score = review.feedback.score
    on = sum(m.status == "good" for m in review.metrics)
    how = "很接近" if score >= 85 else "部分接近" if score >= 60 else "相差较远"
    t = review.transcript
    if t.timed and t.duration_s:
        wpm = review.analysis.values.get("wpm", 0.0)
        what = f"这段{clock(t.duration_s)}的排练每分钟{wpm:.0f}字"
    else:
        what = f"这段{review.analysis.word_count}字的文字"
    return (
        f"{what}，与{review.profile_name}{how}：{score:.0f}分（满分100），"
        f"{len(review.metrics)}项指标中{on}项达标。"
    )


def best_line(review: Review, trait: str, v: dict[str, float], d: dict[str, object]) -> str:
    """What went well in ``trait``, one concrete sentence ("" when there is nothing to say)."""
    n, k_fig = review.analysis.word_count, _figures(review)
    lists = {key: d.get(key) or [] for key in ("hype", "questions", "fillers")}
    count = {key: len(items) for key, items in lists.items() if isinstance(items, list)}
    if trait == "Numbers" and k_fig:
        return f"数字撑起了整场：{_length(review)}里讲了{k_fig}个数字。"
    if trait == "Plain words":
        hype = count.get("hype", 0)
        return (
            f"用词朴实：{n}字里只有{hype}处夸大或黑话。"
            if hype
            else "用词朴实：没有夸大，也没有黑话。"
        )
    if trait == "Stories" and "story_share" in v:
        return f"你是在讲故事：{v['story_share']:.0f}%的句子讲的是发生过的事。"
    if trait == "Questions" and count.get("questions"):
        return f"你提了{count['questions']}个真诚的问题。"
    if trait == "Pauses" and "figures_landed" in v and k_fig:
        return f"停顿用得好：{v['figures_landed']:.0f}%的数字说完停了一下。"
    if trait == "Pace" and v.get("wpm"):
        return f"语速正好在目标范围内：每分钟{v['wpm']:.0f}字。"
    if trait == "Opening":
        return "开场抓人：一开口就是难题、问题或数字。"
    if trait == "Close":
        return "收尾谦虚，并且看向下一步。"
    if trait == "Fillers":
        k = count.get("fillers", 0)
        return f"几乎没有口头禅：{n}字里只有{k}个。" if k else "一个口头禅也没有。"
    if trait == "Voice" and "pitch_spread_st" in v:
        return f"声音有起伏：音高变化{v['pitch_spread_st']:.1f}个半音。"
    return ""


def worst_line(review: Review, m: MetricResult | None) -> str:
    """What cost the most (the first tip's metric ``m``), one concrete sentence."""
    if m is None:
        return ""
    d = review.analysis.details
    deserts, unlanded, hype, fillers = (
        d.get(key) or [] for key in ("deserts", "unlanded", "hype", "fillers")
    )
    if m.name == "number_desert_s" and deserts:
        start, end = max(deserts, key=lambda x: x[1] - x[0])
        return f"从{clock(start)}到{clock(end)}，一个数字也没有。"
    if m.name in ("number_density", "figures_per_min"):
        return f"{_length(review)}里只有{_figures(review)}个数字，不足以证明观点。"
    if m.name in ("wpm", "articulation_wpm"):
        speed = "快" if m.value > m.target_high else "慢"
        return (f"语速太{speed}了：每分钟{m.value:.0f}字，目标是{m.target_low:.0f}到"
                f"{m.target_high:.0f}字。")  # fmt: skip
    if m.name == "figures_landed" and unlanded:
        return f"有{len(unlanded)}个数字说完就接着往下讲，没有停一下让它落地。"
    if m.name == "hype_rate" and hype:
        first = str(hype[0]["text"]).strip(" ,.;:!?\"'“”‘’()，。；：！？、")
        if len(hype) == 1:
            return f"该拿证据的地方用了夸大的词：“{first}”。"
        return f"该拿证据的地方用了{len(hype)}处夸大或黑话，比如“{first}”。"
    if m.name == "filler_rate" and fillers:
        return f"{review.analysis.word_count}字里有{len(fillers)}个口头禅。"
    label = METRICS_ZH.get(m.name, m.label)
    return f"{label}是{value(m)}，目标是{m.target_low:g}到{m.target_high:g}。"


ALL_GOOD = "每项指标都在目标范围内：照这样继续练。"


def keep_text(quote: str, at_s: float | None, reason: str) -> str:
    """ "保留“…”（0:12）：…。" (``reason`` already in Chinese, from :data:`KEEP_REASONS`)."""
    at = f"（{clock(at_s)}）" if at_s is not None else ""
    return f"保留“{quote}”{at}：{reason}。"


def change_line(
    review: Review, previous: Review, moved: list[tuple[MetricResult, MetricResult]]
) -> str:
    """ "和上次相比：92 → 96（提高4）；…"; ``moved`` are the (now, then) pairs worth a mention."""
    a, b = round(previous.feedback.score), round(review.feedback.score)
    delta = b - a
    head = (f"和上次相比：{a:.0f} → {b:.0f}（{'提高' if delta > 0 else '下降'}{abs(delta):.0f}分）"
            if delta else f"和上次相比：还是{b:.0f}分")  # fmt: skip
    parts = [
        f"{METRICS_ZH.get(now.name, now.label)} {value(then)} → {value(now)}"
        f"（{'更好' if now.score > then.score else '更差'}）"
        for now, then in moved
    ]
    return head + ("；" + "，".join(parts) if parts else "；各项变化不大") + "。"
