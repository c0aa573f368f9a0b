"""Every bad input of issue 15 and the bad-audio cases, one table: a clear line, the right exit code.

Each case runs the real ``coach`` entry point (``main``) in this process on real files in a fresh
data folder and checks: the exit code (0 success, 2 refused input, never 1), stderr (one line
starting ``coach:`` naming the problem, or argparse's usage and error line), no traceback, stdout
either readable text or strict RFC 8259 JSON, no ``.part`` file left, and what the case promises
on disk (nothing saved when refused, the folder not created, ...).
"""

from __future__ import annotations

import codecs
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from coach.cli.core import main
from coach.paths import bundled_profiles_dir
from coach.transcript.decode import RATE, write_wav

LEIJUN = (bundled_profiles_dir() / "leijun.toml").read_text(encoding="utf-8")
TALK = "Three years ago we were six people. We sold 5,000 phones in one week. Why did it work?\n"


def strict_json(text: str) -> object:
    """Parse as RFC 8259 JSON: NaN, Infinity and -Infinity are refused."""

    def refuse(name: str) -> object:
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@dataclass
class Case:
    """One row: files to make, the command, and what must hold afterwards."""

    name: str
    make: Callable[[Path], list[str]]  # creates files in the folder, returns argv
    code: int
    says: str = ""  # substring of stderr
    json_out: bool = False
    check: Callable[[Path, Path, str, str], None] | None = None  # (folder, home, out, err)
    setup_home: Callable[[Path], None] | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _text(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return write


def analyze(name: str, data: bytes | str, *more: str) -> Callable[[Path], list[str]]:
    return lambda folder: ["analyze", str(_text(name, data)(folder)), *more]


def profile_case(key: str, edit: Callable[[str], str]) -> Case:
    """A copy of the bundled profile with one edit: refused, naming the file and the key."""

    def make(folder: Path) -> list[str]:
        prof = folder / "shared.toml"
        prof.write_text(edit(LEIJUN), encoding="utf-8")
        return ["analyze", str(_text("t.txt", TALK)(folder)), "--profile", str(prof), "--json"]

    def check(folder: Path, home: Path, out: str, err: str) -> None:
        assert str(folder / "shared.toml") in err and f"'{key}'" in err, err

    return Case(f"profile {key}: {edit.__name__}", make, 2, check=check)


def _band(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    edit.__name__ = new
    return edit


def _all_weights_zero(text: str) -> str:
    import re

    return re.sub(r"(?m)^weight = .*$", "weight = 0", text)


def prints(*parts: str) -> Callable[[Path, Path, str, str], None]:
    def check(folder: Path, home: Path, out: str, err: str) -> None:
        for part in parts:
            assert part in out, (part, out[-2000:])

    return check


def _set_aside_and_audio_named(folder: Path, home: Path, out: str, err: str) -> None:
    moved = next(home.glob("sessions.db.corrupt-*"))
    assert str(moved) in err and moved.stat().st_size == 0
    assert "1 audio file(s) of sessions this database does not have" in out, out
    assert "1.wav" in out


def nothing_saved(folder: Path, home: Path, out: str, err: str) -> None:
    db = home / "sessions.db"
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def no_folder(path: str) -> Callable[[Path, Path, str, str], None]:
    def check(folder: Path, home: Path, out: str, err: str) -> None:
        assert not (folder / path).exists()

    return check


def wav(name: str, samples: np.ndarray) -> Callable[[Path], Path]:
    return lambda folder: write_wav(folder / name, samples.astype(np.float32))


def _speech(level_dbfs: float) -> np.ndarray:
    from tests.speech import synthesize

    s = synthesize("We sold five thousand phones in the first week")
    s = s / np.abs(s).max() * 10 ** (level_dbfs / 20)
    pad = np.zeros(RATE // 2, dtype=np.float32)
    return np.concatenate([pad, s.astype(np.float32), pad])


def saved_session(home: Path, title: str = "take", talk: str = "") -> None:
    """One saved session with audio in ``home`` (through the real CLI)."""
    wav_path = write_wav(home / "take.wav", np.zeros(RATE, dtype=np.float32))
    from coach.cli import sessions as cli_sessions
    from coach.coaching.review import review
    from coach.store.sessions import SessionStore
    from coach.text import transcript_from_text

    with SessionStore(home / "sessions.db") as store:  # closed, so nothing writes to it later
        args = type("A", (), {"save": True, "title": title, "talk": talk, "script": None,
                              "store": store})()  # fmt: skip
        cli_sessions._after_analyze(args, wav_path, review(transcript_from_text(TALK)))  # type: ignore[arg-type]


def _is_pdf(path: Path) -> None:
    assert path.read_bytes()[:5] == b"%PDF-"


def _title_is(home: Path, title: str) -> None:
    from coach.store.sessions import SessionStore

    assert [r.title for r in SessionStore(home / "sessions.db").list()] == [title]


def _save_text(home: Path, text: str) -> None:
    path = home / "talk.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["analyze", str(path), "--save"]) == 0


def _zero_byte_db(home: Path) -> None:
    saved_session(home)
    (home / "sessions.db").write_bytes(b"")
    for side in ("-wal", "-shm"):
        (home / f"sessions.db{side}").unlink(missing_ok=True)


def _partial_copy(home: Path) -> None:
    (home / "audio").mkdir(exist_ok=True)
    (home / "audio" / ".incoming-0123456789ab.wav.part").write_bytes(b"\0" * 2_500_000)


BIG = "9" * 309
ESC = "\x1b[31mRED\x1b[0m"

CASES: list[Case] = [
    # 1. tracebacks
    Case("309-digit number", analyze("big.txt", f"We sold {BIG} phones. Then we grew.", "--json"),
         0, json_out=True),
    Case("100,000-digit word", analyze("huge.txt", "We sold " + "9" * 100_000 + " phones.", "--json"),
         0, json_out=True),
    Case("spoken 30-digit trillion", analyze("tr.txt", "We lost " + "7" * 30 + " trillion dollars.",
                                             "--json"), 0, json_out=True),
    *[Case(f"sessions {a} huge id", lambda f, a=a: ["sessions", a, "9" * 23, *(["x"] if a == "rename"
          else [])], 2, says="here is no session") for a in ("show", "rename", "delete")],
    Case("--pdf with a 2,000-digit figure", lambda f: ["analyze", str(_text("big.txt", "We sold "
         + "9" * 2000 + " phones.")(f)), "--pdf", str(f / "big.pdf")], 0,
         check=lambda f, h, out, err: _is_pdf(f / "big.pdf")),
    Case("sessions show --json of a 309-digit figure", lambda f: ["sessions", "show", "1", "--json"],
         0, json_out=True, setup_home=lambda h: _save_text(h, f"We sold {BIG} phones.")),
    Case("sessions show id beyond SQLite", lambda f: ["sessions", "show", str(2**63)], 2,
         says="here is no session"),
    Case("speak --out existing folder", lambda f: ["speak", str(_text("s.txt", TALK)(f)), "--out",
         str((f / "outdir").mkdir() or f / "outdir")], 2, says="is a folder"),
    # 2. half-done work
    Case("--save --pdf into a missing folder", analyze("t.txt", TALK, "--save", "--talk", "X",
         "--pdf", "/nonexistent/out.pdf"), 2, says="/nonexistent does not exist",
         check=nothing_saved),
    Case("recording --pdf into a missing folder (before transcribing)",
         lambda f: ["analyze", str(wav("r.wav", np.zeros(RATE * 2))(f)), "--save", "--pdf",
                    str(f / "no" / "r.pdf")], 2, says="does not exist", check=nothing_saved),
    Case("--pdf names a folder", analyze("t.txt", TALK, "--pdf", "/tmp"), 2, says="is a folder"),
    Case("--pdf file name too long", lambda f: ["analyze", str(_text("t.txt", TALK)(f)), "--pdf",
         str(f / ("a" * 300 + ".pdf"))], 2, says="too long"),
    Case("--save with an unreadable --script", analyze("t.txt", TALK, "--save", "--script",
         "/nonexistent/script.txt"), 2, says="not found", check=nothing_saved),
    Case("--save --title ''", analyze("t.txt", TALK, "--save", "--title", ""), 2,
         says="--title cannot be empty", check=nothing_saved),
    # 3. invalid output: profiles
    profile_case("metrics.number_density.weight", _band("weight = 3.0", "weight = inf")),
    profile_case("metrics.number_density.weight", _band("weight = 3.0", "weight = nan")),
    profile_case("metrics.number_density.low", _band("low = 3.0", "low = -inf")),
    profile_case("metrics.number_density.high", _band("high = 12.0", "high = inf")),
    profile_case("metrics.number_density.high", _band("high = 12.0", "high = 1e308")),
    profile_case("metrics.number_density.low", _band("low = 3.0", "low = -1e308")),
    profile_case("metrics.number_density.low", _band("low = 3.0\nhigh = 12.0",
                                                     "low = -5.0\nhigh = -1.0")),
    profile_case("metrics.number_density.tolerance", _band("low = 3.0", "tolerance = inf\nlow = 3.0")),
    profile_case("metrics", _all_weights_zero),
    # 4. messages
    Case("UTF-16 LE script with BOM", analyze("u16.txt", TALK.encode("utf-16")), 0),
    Case("UTF-16 BE script with BOM", analyze("u16be.txt", codecs.BOM_UTF16_BE
                                              + TALK.encode("utf-16-be")), 0),
    Case("UTF-8 script with BOM", analyze("u8.txt", TALK.encode("utf-8-sig")), 0),
    Case("UTF-32 script", analyze("u32.txt", TALK.encode("utf-32")), 2, says="UTF-32"),
    Case("Windows-1252 script", analyze("w.txt", "Nous avons vendu cinq téléphones à Noël, ça coûte "
                                        "très cher à Müller.".encode("cp1252")), 2, says="Windows-1252"),
    Case("GBK script", analyze("g.txt", "我们卖出了五部手机，这是一个很长的句子，用来测试编码。".encode("gbk")),
         2, says="GBK"),
    Case("0-byte sessions.db", lambda f: ["sessions", "list"], 0, says="empty (0 bytes",
         setup_home=_zero_byte_db, check=_set_aside_and_audio_named),
    Case("list --query with no match", lambda f: ["sessions", "list", "--query", "zebra"], 0,
         setup_home=saved_session, check=prints("No sessions matching 'zebra'")),
    Case("speak a 100,000-character word", lambda f: ["speak", str(_text("w.txt", "Hello " + "a" *
         100_000 + " world.")(f)), "--out", str(f / "w.wav")], 2, says="100,000-character word"),
    Case("speak --wpm 0", lambda f: ["speak", str(_text("s.txt", TALK)(f)), "--wpm", "0", "--out",
         str(f / "s.wav")], 2, says="0 words per minute"),
    Case("speak --wpm nan", lambda f: ["speak", str(_text("s.txt", TALK)(f)), "--wpm", "nan",
         "--out", str(f / "s.wav")], 2, says="out of range"),
    Case("speak --out into a missing folder", lambda f: ["speak", str(_text("s.txt", TALK)(f)),
         "--out", str(f / "missing" / "x.wav")], 2, says="does not exist",
         check=no_folder("missing")),
    Case("profile build --out into a missing folder (same rule)", lambda f: ["profile", "build",
         str(_text("t.txt", TALK)(f)), "--name", "Mine", "--out", str(f / "missing3" / "m.toml")],
         2, says="does not exist", check=no_folder("missing3")),
    Case("--pdf into a missing folder (same rule)", analyze("t.txt", TALK, "--pdf", "missing2/x.pdf"),
         2, says="does not exist", check=no_folder("missing2")),
    Case("sessions rename ID ''", lambda f: ["sessions", "rename", "1", ""], 2,
         says="title cannot be empty", setup_home=saved_session),
    Case("partial copies mentioned with their size", lambda f: ["sessions", "list"], 0,
         setup_home=_partial_copy,
         check=prints("2.5 MB", ".incoming")),
    # 5. terminal safety
    Case("escape in profile name", lambda f: ["analyze", str(_text("t.txt", TALK)(f)), "--profile",
         str(_text("p.toml", LEIJUN.replace('name = "Lei Jun style"', 'name = "\\u001b[31mRED"', 1))(f))],
         0, check=prints("\\x1b[31mRED")),
    Case("escape in a title", lambda f: ["sessions", "list"], 0,
         setup_home=lambda h: saved_session(h, title=f"a{ESC}\rb", talk=f"t{ESC}"),
         check=prints("a\\x1b[31mRED\\x1b[0m\\x0db", "t\\x1b[31mRED")),
    Case("escape in the talk itself", analyze("e.txt", f"We sold 5 phones {ESC}. Bell \x07 here\x9b2J."),
         0, check=prints("\\x1b[31mRED")),
    Case("file name that is not UTF-8, saved", analyze("bad\udcff.txt", TALK, "--save", "--json"), 0,
         json_out=True, check=lambda f, h, out, err: _title_is(h, "bad\ufffd")),
    Case("escape in a file name", lambda f: ["analyze", str(f / f"{ESC}.txt")], 2,
         says="\\x1b[31mRED"),
    # existing bad-input cases
    Case("missing script", lambda f: ["analyze", str(f / "nope.txt")], 2, says="not found"),
    Case("empty script", analyze("e.txt", ""), 2, says="empty"),
    Case("script of punctuation", analyze("p.txt", "... --- !!!"), 2, says="no words"),
    Case("binary .txt", analyze("b.txt", b"\x00\x01\x02binary" * 50), 2, says="binary"),
    Case("unknown profile", analyze("t.txt", TALK, "--profile", "nobody"), 2, says="Unknown profile"),
    Case("folder as input", lambda f: ["analyze", str(f)], 2, says="folder"),
    # bad audio already handled
    Case("0-byte recording", analyze("empty.wav", b""), 2, says="empty (0 bytes)"),
    Case("text named .wav", analyze("fake.wav", b"just some text, not audio" * 40), 2,
         says="not a readable audio file"),
    Case("truncated WAV", lambda f: ["analyze", str(_truncated(f))], 2, says="truncated"),
    Case("pure silence: no speech", lambda f: ["analyze", str(wav("s.wav", np.zeros(RATE * 3))(f))],
         2, says="No speech found"),
    Case("faint speech: too quiet", lambda f: ["analyze", str(wav("q.wav", _speech(-60))(f))], 2,
         says="too quiet"),
    Case("noise: no speech", lambda f: ["analyze", str(wav("n.wav", np.random.default_rng(1)
         .uniform(-0.5, 0.5, RATE * 2))(f))], 2, says="No speech found"),
]  # fmt: skip


def _truncated(folder: Path) -> Path:
    path = write_wav(folder / "cut.wav", np.zeros(RATE * 5, dtype=np.float32) + 0.01)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_handled(
    case: Case, tmp_path: Path, coach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One clear sentence and exit 2 for a refused input, exit 0 otherwise; never a traceback."""
    if case.setup_home is not None:
        case.setup_home(coach_home)
        capsys.readouterr()
    argv = case.make(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refuses with usage and one error line
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == case.code, (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if not line.startswith(("usage:", " ", "["))]
    if case.code == 2:
        assert len(lines) == 1 and ("coach: " in lines[0] or "error:" in lines[0]), err
    assert case.says in err.replace(str(tmp_path), "<tmp>"), err  # the folder name holds the id
    if case.json_out:
        data = strict_json(out)
        assert isinstance(data, dict) and data["schema"] == 1
    assert "\x1b" not in out + err and "\x07" not in out + err and "\x9b" not in out + err
    for folder in (tmp_path, coach_home, coach_home / "audio"):
        if folder.is_dir():
            assert not [p for p in folder.glob(".*.part") if "incoming-0123" not in p.name]
    if case.check is not None:
        case.check(tmp_path, coach_home, out, err)


def test_later_failure_says_what_was_kept(
    tmp_path: Path, coach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDF folder vanishes during the save: the session is kept and the message says so."""
    from coach.store import audio_files
    from coach.store.sessions import SessionStore

    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    talk = _text("t.txt", TALK)(tmp_path)

    def remove_folder(phase: str) -> None:
        if phase == "committed":
            out_dir.rmdir()

    audio_files.PHASE_HOOK = remove_folder
    try:
        code = main(["analyze", str(talk), "--save", "--pdf", str(out_dir / "r.pdf"), "--json"])
    finally:
        audio_files.PHASE_HOOK = None
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("coach: Saved as session 1; the PDF could not be written: "), err
    assert len(err.strip().splitlines()) == 1
    assert strict_json(out)["id"] == 1  # type: ignore[index]
    assert [s.id for s in SessionStore().list()] == [1]


def test_a_bug_is_logged_and_named_in_one_line(
    coach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception that is not a CoachError exits 1 with one line; the traceback is in the log."""
    from coach.cli import core

    def register(sub: object) -> None:
        p = sub.add_parser("explode")  # type: ignore[attr-defined]
        p.set_defaults(func=lambda args: {}["no such key"])

    core.SUBCOMMANDS.append(register)
    try:
        code = main(["explode"])
    finally:
        core.SUBCOMMANDS.remove(register)
    err = capsys.readouterr().err
    log = coach_home / "logs" / "coach.log"
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "internal error (KeyError)" in err and str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "no such key" in text and "argv=['explode']" in text
