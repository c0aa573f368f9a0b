"""``coach speak`` (coach/cli/speak.py): real espeak-ng speech through the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import soundfile

ROOT = Path(__file__).resolve().parent.parent
# the installed ``coach`` script's entry point (``python -m coach.cli.core`` would not see plugins: its
# __main__ module is not the coach.cli.core that cli_speak registers with)
MAIN = "import sys; from coach.cli.core import main; sys.exit(main(sys.argv[1:]))"


def _coach(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_HOME": str(home), "PULSE_SERVER": "unix:/nonexistent/pulse/native"}
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_speak_out_writes_wav_and_prints_summary(tmp_path: Path) -> None:
    """--out writes a 16-bit WAV and prints one line with duration, planned pace and pauses."""
    script = tmp_path / "talk.txt"
    script.write_text(
        "Last year we sold 10,000 phones in 4 minutes.\n\nThank you all.\n", encoding="utf-8"
    )
    out = tmp_path / "model.wav"
    done = _coach("speak", str(script), "--profile", "leijun", "--out", str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "model.wav:" in lines[0] and "wpm planned (target 148)" in lines[0]
    assert "pauses: 1 after figures, 1 at paragraph ends" in lines[0]
    info = soundfile.info(str(out))
    assert info.subtype == "PCM_16" and info.duration > 3.0


def test_speak_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    """A missing script, bad pause or no sound output: one stderr line, exit code 2."""
    script = tmp_path / "talk.txt"
    script.write_text("We sold 300 phones.\n", encoding="utf-8")
    for args, needle in [
        (("speak", str(tmp_path / "nope.txt")), "File not found"),
        (
            ("speak", str(script), "--figure-pause", "-1", "--out", str(tmp_path / "x.wav")),
            "Pauses",
        ),
        (("speak", str(script)), "no sound output"),
    ]:
        done = _coach(*args, home=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        errors = [line for line in done.stderr.splitlines() if line.startswith("coach:")]
        assert len(errors) == 1 and needle in errors[0], done.stderr
        assert "Traceback" not in done.stderr
