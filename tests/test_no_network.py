"""With no network at all, the default commands still work: nothing Coach does by default goes online.

Each command runs in a new network namespace (``unshare -n``: only a loopback that is down), so
any attempt to reach a server fails. Skipped with the reason where namespaces are not allowed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from coach.transcript.decode import RATE, write_wav

ROOT = Path(__file__).resolve().parent.parent
MAIN = "import sys; from coach.cli.core import main; sys.exit(main(sys.argv[1:]))"


def _unshare_problem() -> str | None:
    if shutil.which("unshare") is None:
        return "the unshare command is not installed"
    try:
        probe = subprocess.run(
            ["unshare", "-n", "true"], capture_output=True, text=True, timeout=20
        )
    except OSError as exc:
        return f"unshare cannot run: {exc}"
    if probe.returncode != 0:
        return f"network namespaces are not allowed here: {probe.stderr.strip()}"
    return None


PROBLEM = _unshare_problem()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PROBLEM is not None, reason=PROBLEM or ""),
]


def offline(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``coach ARGS`` inside a namespace with no network (HF_HUB_OFFLINE is not preset)."""
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "PULSE_SERVER")}
    env["COACH_HOME"] = str(home)
    return subprocess.run(
        ["unshare", "-n", sys.executable, "-c", MAIN, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def test_the_namespace_has_no_network() -> None:
    """The sandbox is real: connecting anywhere fails inside it."""
    code = "import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)"
    proc = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True,
                          text=True, timeout=30)  # fmt: skip
    assert proc.returncode != 0 and "unreachable" in proc.stderr.lower(), proc.stderr


def test_analyze_recording_save_pdf_offline(tmp_path: Path, coach_home: Path) -> None:
    """A recording is transcribed, saved and written as a PDF with no network."""
    from tests.speech import synthesize

    speech = synthesize("Last year we sold ten thousand phones in four minutes")
    pad = np.zeros(RATE // 2, dtype=np.float32)
    rec = write_wav(tmp_path / "take.wav", np.concatenate([pad, speech, pad]))
    pdf = tmp_path / "take.pdf"
    proc = offline("analyze", str(rec), "--save", "--pdf", str(pdf), "--json", home=coach_home)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["id"] == 1 and data["engine"].startswith("whisper") and data["word_count"] >= 8
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert (coach_home / "audio" / "1.wav").read_bytes() == rec.read_bytes()


def test_demo_offline(coach_home: Path) -> None:
    """`coach demo` analyses the bundled recording with no network."""
    proc = offline("demo", home=coach_home)
    assert proc.returncode == 0, proc.stderr
    assert "match:" in proc.stdout and "engine whisper" in proc.stdout


def test_speak_out_offline(tmp_path: Path, coach_home: Path) -> None:
    """`coach speak --out` renders the model delivery with no network."""
    script = tmp_path / "s.txt"
    script.write_text("We sold 5,000 phones in the first week. Then we kept going.\n")
    out = tmp_path / "model.wav"
    proc = offline("speak", str(script), "--out", str(out), home=coach_home)
    assert proc.returncode == 0, proc.stderr
    info = soundfile.info(str(out))
    assert info.duration > 2.0 and "model.wav" in proc.stdout
