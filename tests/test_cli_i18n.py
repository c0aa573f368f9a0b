"""The command line speaks Chinese under a Chinese locale and English otherwise."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from coach.cjk import display_width
from coach.cli.i18n import ZH, tr, ui_language
from coach.metrics import METRICS, TRAITS, ZH_LABELS


def run(env_lang: str, *args: str) -> str:
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "LANG": env_lang}
    done = subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_locale_picks_the_language() -> None:
    """LANGUAGE, LC_ALL, LC_MESSAGES, LANG are read in gettext's order; English is the default."""
    assert ui_language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert ui_language({"LANG": "zh_TW.UTF-8"}) == "zh"
    assert ui_language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert ui_language({"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}) == "zh"
    assert ui_language({}) == "en"
    assert tr("Tips, most important first:", language="en") == "Tips, most important first:"
    assert tr("Tips, most important first:", language="zh") == "建议（最重要的在前）："


def test_every_label_and_trait_has_a_chinese_name() -> None:
    """No metric label, Chinese-unit label or trait prints in English under a Chinese locale."""
    names = [spec.label for spec in METRICS.values()] + [label for label, _ in ZH_LABELS.values()]
    missing = [n for n in [*names, *TRAITS] if n not in ZH]
    assert not missing, missing


def test_summary_in_chinese_with_aligned_columns(tmp_path: Path) -> None:
    """`coach analyze` under zh_CN prints Chinese headings; the band column still lines up."""
    script = tmp_path / "talk.txt"
    script.write_text("We sold 10,000 phones in 4 minutes. Why? Because the price was right.\n")
    out = run("zh_CN.UTF-8", "analyze", str(script)).splitlines()
    assert out[0] == "Coach 对 talk.txt 的反馈" and display_width(out[1]) == display_width(out[0])
    assert "匹配度" in out[2] and "指标（数值 | 目标区间 | 得分）：" in out
    rows = [line for line in out if line.startswith(("  ok ", "  ~  ", "  !! "))]
    assert len({display_width(line[: line.index("[")]) for line in rows}) == 1
    english = run("C.UTF-8", "analyze", str(script))
    assert "Lei Jun style match" in english and "匹配度" not in english
    assert "排练演讲" in run("zh_CN.UTF-8", "--help")
    talk = tmp_path / "zh.txt"
    talk.write_text("三年前我们遇到了危机。我问自己，还要不要继续？我们用了70多天，卖出了5万台。\n")
    zh = run("zh_CN.UTF-8", "analyze", str(talk)).splitlines()
    rows = [line for line in zh if line.startswith(("  ok ", "  ~  ", "  !! "))]
    assert any("/100字" in line for line in rows) and not any("chars" in line for line in rows)
    assert len({display_width(line[: line.index("[")]) for line in rows}) == 1  # units in columns


def fail(env_lang: str, *args: str, cwd: Path) -> str:
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "LANG": env_lang}
    done = subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=cwd)  # fmt: skip
    assert done.returncode == 2 and not done.stdout, done
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    return done.stderr


def test_errors_in_chinese_under_a_chinese_locale(tmp_path: Path) -> None:
    """The sentences a user meets most are Chinese under a Chinese locale, with the same values;
    English elsewhere, and a sentence the table does not know stays English rather than garbled."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    cases = [
        (("analyze", "missing.txt"), "找不到文件：missing.txt。", "File not found: missing.txt."),
        (("analyze", "empty.txt"), "是空的", "is empty"),
        (("analyze", "bin.txt"), "二进制文件", "binary file"),
        (
            ("analyze", "empty.txt", "--profile", "nope"),
            "没有风格档案“nope”",
            "Unknown profile 'nope'",
        ),
    ]
    for args, chinese, english in cases:
        assert chinese in fail("zh_CN.UTF-8", *args, cwd=tmp_path), args
        assert english in fail("C.UTF-8", *args, cwd=tmp_path), args


def test_every_error_pattern_fills_its_values() -> None:
    """Each Chinese error sentence keeps every value of the English one (no lost file names)."""
    from coach.cli.i18n import ERRORS, tr_error

    assert tr_error("Something nobody translated.", language="zh") == "Something nobody translated."
    for pattern, chinese in ERRORS:
        groups = re.compile(pattern).groups
        assert all(f"\\{i}" in chinese for i in range(1, groups + 1)), (pattern, chinese)
