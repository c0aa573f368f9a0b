"""`coach speak` with a Chinese script: a Mandarin voice, paced in characters per minute."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.cli.core import main
from coach.voice.tts import list_voices, speech_span_s
from coach.voice.zh_delivery import mandarin_voice, plan_zh_chunks, render_zh_delivery
from coach.zh_text import spoken_chars

SCRIPT = "三年前，我们遇到了一场危机。\n\n我们用了70多天，卖出了5万台，价格是1999元。\n\n我们离成功还很远，谢谢大家！\n"


def test_chunks_pause_after_figure_clauses_and_paragraphs() -> None:
    """Cuts come after the clause holding a figure and at paragraph ends; text has no spaces."""
    chunks, _ = plan_zh_chunks(SCRIPT)
    assert [(c.text, c.kind) for c in chunks] == [
        ("三年前，", "figure"),
        ("我们遇到了一场危机。", "paragraph"),
        ("我们用了70多天，卖出了5万台，", "figure"),
        ("价格是1999元。", "paragraph"),
        ("我们离成功还很远，谢谢大家！", "end"),
    ]


def test_mandarin_delivery_at_the_profile_pace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """espeak-ng's cmn voice reads the script at the leijun-zh pace within 10 %."""
    if not any("cmn" in vid for vid, _, _ in list_voices()):
        pytest.skip("espeak-ng's Mandarin voice is not installed")
    assert "cmn" in mandarin_voice()
    result = render_zh_delivery(SCRIPT, tmp_path / "zh.wav", target_cpm=235)
    chars = spoken_chars(SCRIPT)
    measured = chars * 60.0 / speech_span_s(result.path)
    assert measured == pytest.approx(235, rel=0.10)
    assert [p.kind for p in result.pauses].count("figure") == 2
    script = tmp_path / "讲稿.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    assert main(["speak", str(script), "--out", str(tmp_path / "cli.wav")]) == 0
    line = capsys.readouterr().out
    assert "characters at" in line and "chars/min planned (target 235)" in line
