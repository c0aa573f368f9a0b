"""The coach command: JSON contract, readable summary, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli.core import main

DEMO = Path("assets/samples/demo.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=120
    )


def test_analyze_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with the keys later issues rely on."""
    assert main(["analyze", str(DEMO), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("word_count", "numbers", "number_density", "hype_words", "fillers", "questions", "score",
                "metrics", "tips", "transcript"):  # fmt: skip
        assert key in data, key
    assert data["word_count"] > 100
    first = data["numbers"][0]
    assert set(first) >= {"text", "value", "start_s", "end_s"} and first["start_s"] is None
    assert {"value", "target_low", "target_high", "score"} <= set(data["metrics"]["number_density"])
    assert 0 <= data["score"] <= 100
    assert all(isinstance(t, str) for t in data["tips"])
    values = [n["value"] for n in data["numbers"]]
    assert 1200 in values and 600 in values


def test_analyze_human_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json the output is a readable summary with the score and figures."""
    assert main(["analyze", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "Lei Jun style match:" in out and "Figures (" in out and "'1,200'" in out


def test_python_dash_m_and_demo() -> None:
    """`python -m coach demo --text` analyses the bundled sample script."""
    result = run("demo", "--text")
    assert result.returncode == 0, result.stderr
    assert "Lei Jun style match" in result.stdout


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "missing.txt", "File not found"),
        (b"", "empty.txt", "is empty"),
        (b"   \n\n  ", "blank.md", "is empty"),
        (b"\x00\x01\x02binary\x00", "data.txt", "binary"),
        ("caf\u00e9 ok".encode("latin-1"), "latin.txt", "not UTF-8"),
    ],
)
def test_bad_input_one_line_exit_2(
    tmp_path: Path, content: bytes | None, name: str, message: str
) -> None:
    """Missing, empty, binary and non-UTF-8 files: one line on stderr, exit code 2."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_profile_exit_2() -> None:
    """An unknown profile name is one line and exit 2."""
    result = run("analyze", str(DEMO), "--profile", "nobody")
    assert result.returncode == 2 and "Unknown profile 'nobody'" in result.stderr
    assert result.stderr.count("\n") == 1
