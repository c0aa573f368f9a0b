"""coach analyze --save and coach sessions …: ids, listing, trash, rescore, compare, trend, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from coach.cli.core import main
from coach.store.sessions import SessionStore

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "assets/samples/demo.txt"
FLAT = (
    "Our product is a revolutionary, world-class solution. It is a game-changing and disruptive "
    "platform. It delivers unparalleled value. Basically it is the ultimate ecosystem."
)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def run_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_analyze_save_prints_id_and_keeps_script(capsys: pytest.CaptureFixture[str]) -> None:
    """--save stores the attempt and adds its id to JSON and human output."""
    data = run_json(capsys, "analyze", str(DEMO), "--save", "--talk", "Bakery", "--title", "T1")
    assert isinstance(data, dict) and data["id"] == 1 and "_review" not in data
    out = run_text(capsys, "analyze", str(DEMO), "--save", "--talk", "Bakery")
    assert out.rstrip().splitlines()[-1] == "id: 2"
    s = SessionStore().get(1)
    assert (s.title, s.talk, s.script) == ("T1", "Bakery", DEMO.read_text())
    assert SessionStore().get(2).title == "demo"
    run_text(capsys, "analyze", str(DEMO))  # without --save nothing is kept
    assert len(SessionStore().list()) == 2


def test_analyze_save_with_script_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--script attaches the named script instead of the analysed text."""
    script = tmp_path / "plan.md"
    script.write_text("# The plan\nSay 600 loaves.")
    data = run_json(capsys, "analyze", str(DEMO), "--save", "--script", str(script))
    assert isinstance(data, dict)
    assert SessionStore().get(data["id"]).script == "# The plan\nSay 600 loaves."


def test_list_show_rename_delete_restore(capsys: pytest.CaptureFixture[str]) -> None:
    """The everyday commands agree with the store, in JSON and readable form."""
    run_json(capsys, "analyze", str(DEMO), "--save", "--talk", "Bakery", "--title", "first")
    rows = run_json(capsys, "sessions", "list")
    assert isinstance(rows, list) and [r["title"] for r in rows] == ["first"]
    assert rows[0]["talk"] == "Bakery" and rows[0]["score"] > 0
    shown = run_json(capsys, "sessions", "show", "1")
    assert isinstance(shown, dict)
    assert shown["id"] == 1 and "600 loaves" in shown["transcript"] and shown["metrics"]
    text = run_text(capsys, "sessions", "show", "1")
    assert "Session 1: first" in text and "Lei Jun style match" in text
    assert "renamed" not in run_text(capsys, "sessions", "list")
    run_text(capsys, "sessions", "rename", "1", "renamed take")
    assert "renamed take" in run_text(capsys, "sessions", "list", "--talk", "Bakery")
    assert "restore 1" in run_text(capsys, "sessions", "delete", "1")
    assert run_json(capsys, "sessions", "list") == []
    assert "renamed take" in run_text(capsys, "sessions", "list", "--trash")
    run_text(capsys, "sessions", "restore", "1")
    assert len(run_json(capsys, "sessions", "list")) == 1  # type: ignore[arg-type]


def test_rescore_compare_and_trend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rescore switches profile; compare names what improved; trend lists values in order."""
    flat = tmp_path / "flat.txt"
    flat.write_text(FLAT)
    run_json(capsys, "analyze", str(flat), "--save", "--talk", "Pitch")
    run_json(capsys, "analyze", str(DEMO), "--save", "--talk", "Pitch")
    out = run_text(capsys, "sessions", "compare", "1", "2")
    improved = next(line for line in out.splitlines() if line.startswith("Improved:"))
    assert "Figures per 100 words" in improved and "Hype and jargon" in improved
    cmp = run_json(capsys, "sessions", "compare", "1", "2")
    assert isinstance(cmp, dict) and "number_density" in cmp["improved"]
    assert cmp["score_change"] > 0
    trend = run_json(capsys, "sessions", "trend", "--talk", "Pitch", "--metric", "number_density")
    assert isinstance(trend, list) and [p["id"] for p in trend] == [1, 2]
    assert trend[0]["value"] < trend[1]["value"]
    assert "over 2 attempt(s)" in run_text(capsys, "sessions", "trend", "--talk", "Pitch")
    edited = (
        (ROOT / "assets/profiles/leijun.toml").read_text().replace('id = "leijun"', 'id = "picky"')
    )
    edited = edited.replace(
        "[metrics.number_density]\nlow = 3.0\nhigh = 12.0",
        "[metrics.number_density]\nlow = 20.0\nhigh = 30.0",
    )
    assert "low = 20.0" in edited
    (tmp_path / "picky.toml").write_text(edited)
    res = run_json(capsys, "sessions", "rescore", "2", "--profile", str(tmp_path / "picky.toml"))
    assert (
        isinstance(res, dict) and res["profile"] == "picky" and res["score"] < res["score_before"]
    )


def test_errors_are_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Missing ids, a bad metric, no audio to transcribe, a non-numeric id: one line, exit 2."""
    for args in (["sessions", "show", "42"], ["sessions", "trend", "--metric", "charm"],
                 ["sessions", "restore", "42"]):  # fmt: skip
        assert main(args) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("coach: ") and len(err.splitlines()) == 1, err
    run_json(capsys, "analyze", str(DEMO), "--save")
    assert main(["sessions", "retranscribe", "1", "--engine", "whisper"]) == 2
    assert "no stored audio" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["sessions", "show", "abc"])
    assert info.value.code == 2
    assert "not a session id" in capsys.readouterr().err


def test_corrupt_database_notice_on_stderr(coach_home: Path) -> None:
    """A damaged database is reported on stderr with where it went, and the command still works."""
    (coach_home / "sessions.db").write_bytes(b"\x00garbage" * 500)
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "sessions", "list", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    moved = next(coach_home.glob("sessions.db.corrupt-*"))
    assert str(moved) in proc.stderr and moved.read_bytes() == b"\x00garbage" * 500


def test_save_audio_file_copies_recording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The store hook copies a recording into the data folder under the session id."""
    from coach.cli import sessions as cli_sessions
    from coach.coaching.review import review
    from coach.text import transcript_from_text

    wav = tmp_path / "take.wav"
    sf.write(wav, np.zeros(8000, dtype=np.float32), 16000)
    args = type("Args", (), {"save": True, "title": None, "talk": "Bakery", "script": None})()
    extra = cli_sessions._after_analyze(args, wav, review(transcript_from_text(FLAT)))  # type: ignore[arg-type]
    assert extra == {"id": 1}
    s = SessionStore().get(1)
    assert s.audio_path is not None and s.audio_path.name == "1.wav"
    assert s.audio_path.read_bytes() == wav.read_bytes() and s.title == "take"
    assert s.script is None and s.duration_s == pytest.approx(0.5)
