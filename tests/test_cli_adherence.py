"""`coach analyze --script`: the adherence summary and its JSON form, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli.core import main
from coach.paths import samples_dir

SCRIPT = samples_dir() / "demo.txt"


@pytest.fixture()
def said(tmp_path: Path) -> Path:
    text = SCRIPT.read_text(encoding="utf-8")
    text = text.replace("40 percent", "fifty percent").replace(
        "In the first month, 1,200 people ordered. ", ""
    )
    path = tmp_path / "said.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_names_skipped_and_changed_figures(
    said: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text report ends with what was left out and what changed."""
    assert main(["analyze", str(said), "--script", str(SCRIPT)]) == 0
    out = capsys.readouterr().out
    tail = out[out.index("Script adherence:") :]
    assert "Skipped figure: '1,200'." in tail
    assert "Changed figure: planned '40 percent', said 'fifty percent'." in tail
    assert "Left out: “In the first month, 1,200 people ordered.”" in tail


def test_json_has_an_adherence_object(said: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json carries the adherence numbers; without --script there is none."""
    assert main(["analyze", str(said), "--script", str(SCRIPT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["adherence"]["figures_skipped"] == [
        {"text": "1,200", "value": 1200.0, "unit": "people"}
    ]
    assert 0.0 < data["adherence"]["wer"] < 0.1
    assert main(["analyze", str(said), "--json"]) == 0
    assert "adherence" not in json.loads(capsys.readouterr().out)
