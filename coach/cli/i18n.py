"""The command line in the user's language: Chinese when the locale is Chinese, English otherwise.

An equivalent of gettext without compiled catalogues: :func:`tr` looks an English message up in
:data:`ZH` when :func:`ui_language` says the locale is Chinese (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` starting with ``zh``, the order gettext reads them), and returns it
unchanged otherwise, so English stays the default and a missing entry shows English. Messages with
values are format strings: ``tr("Figures ({n}): ").format(n=3)``. The summary, trait names and
metric labels are translated; error sentences from the engine stay English for now.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

ZH: dict[str, str] = {
    # summary of `coach analyze`
    "Coach feedback for {source}": "Coach 对 {source} 的反馈",
    "Coach feedback": "Coach 反馈",
    "{n} words": "{n} 个词",
    "{n} characters": "{n} 个字",
    ", {length} long, engine {engine}": "，时长 {length}，识别引擎 {engine}",
    "{profile} match: {score}/100   ({facts})": "{profile} 匹配度：{score}/100   （{facts}）",
    "Metrics (value | target band | score):": "指标（数值 | 目标区间 | 得分）：",
    "Figures ({n}): ": "数字（{n}）：",
    "Vague amounts ({n}): ": "模糊数量（{n}）：",
    "Hype and jargon ({n}): ": "夸大和黑话（{n}）：",
    "Tips, most important first:": "建议（最重要的在前）：",
    # traits
    "Numbers": "数字", "Pace": "语速", "Pauses": "停顿", "Plain words": "大白话",
    "Stories": "故事", "Questions": "提问", "Opening": "开场", "Close": "收尾", "Fillers": "口头禅",
    "Voice": "声音",
    # metric labels (coach.metrics)
    "Figures per 100 words": "每100词的数字", "Figures per 100 characters": "每100字的数字",
    "Figures per minute": "每分钟的数字", "Longest stretch without a figure": "最长的无数字时段",
    "Figures that land": "说完停顿的数字", "Hype and jargon per 100 words": "每100词的夸大和黑话",
    "Hype and jargon per 100 characters": "每100字的夸大和黑话", "Words per sentence": "每句词数",
    "Characters per sentence": "每句字数", "Long sentences": "长句",
    "Reading ease (Flesch)": "易读度（Flesch）", "Story sentences": "故事句",
    "Questions per 1,000 words": "每1000词的提问", "Questions per 1,000 characters": "每1000字的提问",
    "Opening hooks": "开场亮点", "Humble close": "谦虚收尾", "Fillers per 100 words": "每100词的口头禅",
    "Fillers per 100 characters": "每100字的口头禅",
    "Accidental repeats per 100 words": "每100词的无意重复",
    "Accidental repeats per 100 characters": "每100字的无意重复", "Articulation rate": "发音语速",
    "Pace variety": "语速变化", "Pitch variety": "音高变化", "Monotone stretches": "平淡时段",
    "Time in pauses": "停顿时间", "Long pauses per minute": "每分钟长停顿",
    # the parser
    "Coach: rehearse a talk and compare it with a speaking-style profile, offline.":
        "Coach：排练演讲，并离线对照演讲风格给出反馈。",
    "analyse a script (.txt/.md) or a recording": "分析讲稿（.txt/.md）或录音",
    "analyse the bundled sample rehearsal": "分析自带的示例排练",
}  # fmt: skip


def ui_language(env: Mapping[str, str] | None = None) -> str:
    """``"zh"`` when the locale is Chinese, else ``"en"`` (the first locale variable set wins)."""
    env = os.environ if env is None else env
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").split(":")[0].strip()
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def tr(message: str, *, language: str | None = None) -> str:
    """``message`` in the user's language (English when there is no translation)."""
    if (language or ui_language()) != "zh":
        return message
    return ZH.get(message, message)
