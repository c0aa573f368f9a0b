"""The command line in the user's language: Chinese when the locale is Chinese, English otherwise.

An equivalent of gettext without compiled catalogues: :func:`tr` looks an English message up in
:data:`ZH` when :func:`ui_language` says the locale is Chinese (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` starting with ``zh``, the order gettext reads them), and returns it
unchanged otherwise, so English stays the default and a missing entry shows English. Messages with
values are format strings: ``tr("Figures ({n}): ").format(n=3)``. The summary, trait names and
metric labels are translated, and so are the error sentences users meet most (missing, empty,
binary or non-UTF-8 files, unknown profiles and sessions, silent or too quiet recordings, missing
models, folders that do not exist): :func:`tr_error` matches the English sentence against
:data:`ERRORS` and fills the Chinese one with the same values; a sentence it does not know stays
English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from coach.metrics import TRAITS_ZH

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
    **TRAITS_ZH,
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


ERRORS: list[tuple[str, str]] = [
    (
        r"There is no file (.+); check the name and the folder\.",
        r"没有文件 \1；请检查文件名和文件夹。",
    ),
    (r"File not found: (.+)\.", r"找不到文件：\1。"),
    (r"(.+): no such file\.", r"\1：没有这个文件。"),
    (r"(.+) is empty: there is nothing to analyse\.", r"\1 是空的：没有可分析的内容。"),
    (
        r"(.+) has no words in it: there is nothing to analyse\.",
        r"\1 里没有文字：没有可分析的内容。",
    ),
    (r"(.+) is a folder; give a text or audio file\.", r"\1 是文件夹；请给一个文字稿或音频文件。"),
    (r"(.+) is a folder, not an audio file\.", r"\1 是文件夹，不是音频文件。"),
    (
        r"(.+) looks like a binary file, not text; give a \.txt or \.md script\.",
        r"\1 看起来是二进制文件，不是文字；请给一个 .txt 或 .md 讲稿。",
    ),
    (
        r"(.+) is (.+) text, which Coach does not read; save it as UTF-8\.",
        r"\1 是 \2 编码的文字，Coach 读不了；请另存为 UTF-8。",
    ),
    (
        r"(.+) is empty \(0 bytes\); record or export the audio again\.",
        r"\1 是空的（0 字节）；请重新录制或导出音频。",
    ),
    (r"(.+) has no audio track\.", r"\1 没有音轨。"),
    (r"No speech found in (.+) \(([\d.]+) s of audio\)\.", r"\1 里没有听到说话（\2 秒音频）。"),
    (
        r"The recording is too quiet \(peak (.+) dBFS\): move closer to the microphone or raise its "
        r"input level\.",
        r"录音太小声（峰值 \1 dBFS）：请靠近麦克风，或调高它的输入音量。",
    ),
    (r"Unknown profile '(.+)' \(known: (.+)\)\.", r"没有风格档案“\1”（现有：\2）。"),
    (
        r"There is no session (.+); 'coach sessions list' shows them\.",
        r"没有会话 \1；用 “coach sessions list” 查看全部会话。",
    ),
    (r"Session (.+) is in the trash; restore it first\.", r"会话 \1 在回收站里；请先恢复它。"),
    (r"Session (.+) is not in the trash\.", r"会话 \1 不在回收站里。"),
    (
        r"The folder (.+) does not exist; choose an existing folder\.",
        r"文件夹 \1 不存在；请选择一个已有的文件夹。",
    ),
    (
        r"The folder (.+) does not exist, so the (.+) cannot be written there; .+",
        r"文件夹 \1 不存在，无法在那里写入\2；请先创建它，或选择一个已有的文件夹。",
    ),
    (r"Cannot read (.+): (.+)\.", r"无法读取 \1：\2。"),
    (
        r"--title cannot be empty; give a few words or leave it out\.",
        r"--title 不能为空；写几个字，或者不加这个选项。",
    ),
    (
        r"Language '(.+)' is not supported by this Coach yet .*",
        r"这个版本的 Coach 还不支持语言“\1”。",
    ),
    (
        r"The Whisper model '(.+)' is not installed; .*",
        r"没有安装 Whisper 模型“\1”；请联网运行一次 coach models download \1（转写本身从不联网）。",
    ),
    (
        r"No speaking-style profiles were found .*",
        r"找不到任何风格档案；请重新安装 Coach 或修复档案文件。",
    ),
]
"""(English sentence as a regular expression, Chinese sentence) for :func:`tr_error`."""


def tr_unit(unit: str, *, language: str | None = None) -> str:
    """A metric's unit in the user's language ("/100 chars" → "/100字")."""
    if (language or ui_language()) != "zh":
        return unit
    from coach.coaching.zh_summary import UNITS_ZH

    return UNITS_ZH.get(unit, unit)


def tr_error(message: str, *, language: str | None = None) -> str:
    """An error sentence in the user's language: Chinese when :data:`ERRORS` knows it."""
    if (language or ui_language()) != "zh":
        return message
    for pattern, chinese in ERRORS:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            return match.expand(chinese)
    return message


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
