"""The report's own words in Chinese, for the charts and the PDF of a Chinese talk.

A report is about one talk, so it speaks the talk's language (``transcript.language``): a Chinese
talk gets Chinese headings, labels and legends, an English one stays exactly as it was. The
chart and PDF code writes English; :func:`t` looks each phrase up here while a Chinese report is
being drawn (:func:`speaking`), and templates keep their ``{0}`` places. A phrase missing from
:data:`ZH` stays English.
"""

from __future__ import annotations

from contextvars import ContextVar

from coach.metrics import TRAITS_ZH

LANGUAGE: ContextVar[str] = ContextVar("report_language", default="en")

ZH: dict[str, str] = {
    # charts
    "Pace over time": "语速变化",
    "Pace needs a recording: typed text has no timing.": "语速要看录音：文字稿没有时间信息。",
    "target {0}-{1} {2}": "目标 {0}–{1} {2}",
    "target {0}": "目标 {0}",
    "chars/min": "字/分钟",
    "wpm": "词/分钟",
    "your pace": "你的语速",
    "edges: shorter window": "两端：窗口较短",
    "average {0} {1}": "平均 {0} {1}",
    "characters per minute": "每分钟字数",
    "words per minute": "每分钟词数",
    "time (m:ss)": "时间（分:秒）",
    "Figures along the talk": "数字分布",
    "no figure (desert)": "没有数字（荒漠）",
    "{0} figures": "{0} 个数字",
    "word {0}": "第{0}词",
    "No concrete figure in this talk.": "这场演讲没有具体数字。",
    "word position (typed text)": "词的位置（文字稿）",
    "Pauses": "停顿",
    "Pauses need a recording: typed text has no timing.": "停顿要看录音：文字稿没有时间信息。",
    "No pauses were found in this recording.": "这段录音里没有停顿。",
    "pause ({0})": "停顿（{0}）",
    "{0} s or longer ({1})": "{0} 秒及以上（{1}）",
    "figure said": "说出数字",
    "length (s)": "时长（秒）",
    "{0}: pause of {1} s": "{0}：停顿 {1} 秒",
    "Progress across attempts": "历次练习的进步",
    "No earlier attempts of this talk yet.": "这场演讲还没有以前的练习。",
    "this attempt": "这一次",
    "attempt": "练习",
    "match score (0-100)": "匹配度（0–100）",
    "{0}: sub-scores": "{0}：各项得分",
    "No trait was measured.": "没有测量到任何特点。",
    "off (<60)": "偏离（<60）",
    "close (60-99)": "接近（60–99）",
    "in band (100)": "达标（100）",
    "sub-score (100 = every metric inside its band)": "分项得分（100 = 每项指标都在目标范围内）",
    **TRAITS_ZH,
    # the PDF
    "Rehearsal feedback": "排练反馈",
    "Talk": "演讲", "Title": "标题", "Date": "日期", "Duration": "时长", "Profile": "风格档案",
    "Characters": "字数", "Words": "词数",
    "{0} (speech engine {1})": "{0}（语音识别引擎 {1}）",
    "{0} (typed text)": "{0}（文字稿）",
    "How it went": "整体情况",
    "Next step: the most important tip": "下一步：最重要的一条建议",
    "Next steps: the {0} most important tips": "下一步：最重要的 {0} 条建议",
    "Your words: “{0}”": "你的原话：“{0}”",
    "Average {0} {1} per minute": "平均每分钟 {0} {1}",
    "characters": "字",
    "words": "词",
    "Figures": "数字",
    "Vague amounts (say the exact number): ": "模糊数量（说出确切数字）：",
    "Metric": "指标", "Value": "数值", "Band": "目标区间", "Score": "得分", "Why": "为什么",
    "Every metric": "全部指标",
    "More tips": "更多建议",
    "Transcript": "文字记录",
    "Highlighted: ": "标注：",
    "Script adherence": "与讲稿的吻合度",
    "Progress": "进步",
    "What changed since last time": "和上次相比",
    "Last time": "上次", "Now": "这次", "Score change": "得分变化",
    "Page {0} of {1}": "第 {0} 页，共 {1} 页",
    "Coach feedback · {0} · {1}": "Coach 反馈 · {0} · {1}",
    "{0} match:": "{0} 匹配度：",
    "({0} of {1} metrics inside their band)": "（{1} 项指标中 {0} 项达标）",
    "Sub-scores by trait": "各项特点得分",
    "figure": "数字", "vague amount": "模糊数量", "hype": "夸大", "jargon": "黑话",
    "filler": "口头禅", "question": "提问", "hype or jargon": "夸大或黑话",
    "good": "达标", "close": "接近", "off": "偏离",
    "Said word for word": "逐字说出", "Word error rate": "词错误率",
    "{0}% of the script": "讲稿的 {0}%", "{0} in the script, {1} said": "讲稿 {0}，说了 {1}",
    "{0} planned, {1} said as planned": "计划 {0} 个，按计划说出 {1} 个",
    "Skipped figures": "跳过的数字", "Changed figures": "改动的数字", "Added figures": "新增的数字",
    "Left out": "漏掉的内容", "Added": "新增的内容", "planned “{0}”, said “{1}”": "计划“{0}”，实际说“{1}”",
    " … and {0} more": " … 还有 {0} 个",
    "Match {0} → {1} ({2} points).": "匹配度 {0} → {1}（{2} 分）。", "same": "不变",
    "Slides": "幻灯片",
}  # fmt: skip


def t(text: str) -> str:
    """``text`` in the language of the report being drawn (English when not in :data:`ZH`)."""
    return ZH.get(text, text) if LANGUAGE.get() == "zh" else text


def speaking(language: str | None) -> None:
    """Draw what follows in ``language`` ("zh" for Chinese; anything else is English)."""
    LANGUAGE.set("zh" if language == "zh" else "en")
