"""coach batch: the class table as CSV read back, exit codes, PDFs, saved sessions, Ctrl+C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.batch.table import read_csv
from coach.cli.core import main
from coach.store.sessions import SessionStore
from tests.batch_class import BAD, MODEL, SCRIPTS, make_class


def test_csv_reads_back_as_the_json_table_and_exit_code_says_some_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mixed folder: exit 1, CSV and JSON agree row by row; a re-run reuses the good talks."""
    klass = make_class(tmp_path / "class")
    out = tmp_path / "class.csv"
    code = main(["batch", str(klass.root), "--model", MODEL, "--workers", "2", "--csv", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "2 of 5 talks could not be scored" in captured.err and "Traceback" not in captured.err
    assert "FAILED" in captured.out and "mean Lei Jun style match" in captured.out
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == (
        "file,talk,duration_s,words,wpm,figures_per_100_words,figures_per_min,"
        "hype_per_100_words,match,top_tip,error"
    )
    rows = {r.file: r for r in read_csv(out)}
    assert sorted(rows) == sorted([*klass.good, *BAD])

    assert main(["batch", str(klass.root), "--model", MODEL, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["talks"] == 5 and data["failed"] == 2 and data["profile"] == "leijun"
    for item in data["rows"]:
        row = rows[item["file"]]
        for key, value in item.items():
            assert getattr(row, key) == value, (item["file"], key)
    assert rows["clip.wav"].duration_s == pytest.approx(klass.clip_duration_s, abs=0.1)
    assert rows[BAD[0]].error and rows["alice.txt"].talk == "alice"


def test_csv_cells_are_inert_in_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name starting with '=' is written quoted as text and read back unchanged."""
    (tmp_path / "=HYPERLINK(1).txt").write_text(SCRIPTS["alice.txt"], encoding="utf-8")
    out = tmp_path / "t.csv"
    assert main(["batch", str(tmp_path), "--csv", str(out)]) == 0
    capsys.readouterr()
    assert "\n'=HYPERLINK(1).txt," in out.read_text(encoding="utf-8")
    assert read_csv(out)[0].file == "=HYPERLINK(1).txt"


def test_pdfs_and_saved_sessions_are_written_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--pdf-dir writes a readable report per talk; --save keeps each once, talk from the folder."""
    root = tmp_path / "course"
    for name, text in [("week1/ann.txt", SCRIPTS["alice.txt"]), ("week2/ann.md", SCRIPTS["week2/bob.md"])]:  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    pdfs = tmp_path / "pdfs"
    args = ["batch", str(root), "--pdf-dir", str(pdfs), "--save", "--talk-from", "folder"]
    assert main(args) == 0
    capsys.readouterr()
    assert sorted(p.name for p in pdfs.iterdir()) == ["week1__ann.pdf", "week2__ann.pdf"]
    text = subprocess.run(["pdftotext", str(pdfs / "week1__ann.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "ann" in text and "12 engineers" in text
    with SessionStore() as store:
        sessions = store.list()
        assert sorted(s.talk for s in sessions) == ["week1", "week2"]
        assert {s.title for s in sessions} == {"ann"}

    assert main(args) == 0  # everything reused: no second copy of any session
    capsys.readouterr()
    with SessionStore() as store:
        assert len(store.list()) == 2
        (pdfs / "week2__ann.pdf").unlink()
        assert main(args) == 0  # the missing PDF is made again, and that talk saved again
        capsys.readouterr()
        assert (pdfs / "week2__ann.pdf").is_file() and len(store.list()) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:9"], "leave out --workers"),
        (["--profile", "nobody"], "Unknown profile"),
    ],
)
def test_errors_that_stop_the_whole_batch_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """A bad option or an unreachable scheduler is one line on stderr and exit 2."""
    (tmp_path / "a.txt").write_text(SCRIPTS["alice.txt"], encoding="utf-8")
    assert main(["batch", str(tmp_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_empty_folder_or_an_unsupported_language_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No talks found is exit 2; --language passes through only when the engine supports it."""
    from coach.batch.work import language_supported

    assert main(["batch", str(tmp_path)]) == 2
    assert "No recordings or scripts found" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text(SCRIPTS["alice.txt"], encoding="utf-8")
    assert main(["batch", str(tmp_path), "--language", "en"]) == 0
    capsys.readouterr()
    if not language_supported():
        assert main(["batch", str(tmp_path), "--language", "zh"]) == 2
        assert "not supported by this Coach yet" in capsys.readouterr().err


def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(tmp_path: Path) -> None:
    """SIGINT to the whole process group: exit 130, one message, no traceback; re-run reuses."""
    klass = make_class(tmp_path / "class", clips=4)
    cache = Path(os.environ["COACH_HOME"]) / "batch-results.jsonl"
    cmd = [sys.executable, "-m", "coach", "batch", str(klass.root), "--model", MODEL,
           "--workers", "1"]  # fmt: skip
    # A suite started in the background of a shell without job control inherits SIGINT ignored,
    # and so would the batch: give it the default disposition, as a terminal's command has.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:  # wait for a finished clip
        if cache.exists() and _clips_done(cache):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "stopped after" in err and "run the same command again" in err
    assert "Traceback" not in err and "leaked" not in err and out == ""
    done_before = len(cache.read_text(encoding="utf-8").splitlines())

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1  # the two bad talks
    assert f"{done_before} reused" in again.stderr.replace("\r", "\n")
    assert "clip4.wav" in again.stdout and "FAILED" in again.stdout


def _clips_done(cache: Path) -> bool:
    """True once the results cache holds at least one spoken clip (it has a duration)."""
    lines = cache.read_text(encoding="utf-8").splitlines()
    return any(json.loads(x)["row"].get("duration_s") for x in lines if x.endswith("}"))


def test_scheduler_option_runs_on_a_cluster_started_with_dask_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dask scheduler` + `dask worker` as docs/design/batch.md shows, then --scheduler ADDRESS."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "67108864", "MALLOC_MMAP_THRESHOLD_": "33554432"}
    procs = [
        subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0",
                          "--dashboard-address", ":0", "--scheduler-file", str(info)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env),
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        procs.append(subprocess.Popen(
            [str(dask), "worker", address, "--nworkers", "1", "--nthreads", "1",
             "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        ))  # fmt: skip
        for name, text in SCRIPTS.items():
            (tmp_path / "talks" / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "talks" / name).write_text(text, encoding="utf-8")
        (tmp_path / "talks" / "bad.txt").write_bytes(b"\x00\x01")
        code = main(["batch", str(tmp_path / "talks"), "--scheduler", address, "--json"])
        captured = capsys.readouterr()
        assert code == 1, captured.err
        data = json.loads(captured.out)
        rows = {r["file"]: r for r in data["rows"]}
        assert rows["alice.txt"]["words"] and rows["week2/bob.md"]["match"]
        assert "bad.txt" in rows["bad.txt"]["error"] and "note:" not in captured.err
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)
