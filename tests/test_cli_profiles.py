"""The `coach profile list|show|build` commands, run in-process on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.cli.core import main
from coach.paths import samples_dir


def test_list_show_build_and_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Build a profile from two texts, see it listed and shown, then analyse with it."""
    a = tmp_path / "one.txt"
    a.write_text("We sold 10,000 phones in 3 days. Why? The price was 99 dollars. Thank you.\n")
    b = samples_dir() / "demo.txt"
    assert main(["profile", "build", str(a), str(b), "--name", "Demo voice"]) == 0
    out = capsys.readouterr().out
    assert "Saved profile 'Demo voice' (demo-voice)" in out

    assert main(["profile", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert any(line.startswith("leijun ") and "bundled" in line for line in listing)
    assert any(line.startswith("demo-voice ") and "yours" in line for line in listing)

    assert main(["profile", "show", "demo-voice"]) == 0
    shown = capsys.readouterr().out
    assert "Figures per 100 words (number_density)" in shown
    assert "why: Measured from 2 reference files" in shown

    assert main(["analyze", str(b), "--profile", "demo-voice"]) == 0
    assert "Demo voice match:" in capsys.readouterr().out


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown profile, missing reference and a taken name each exit 2 with one stderr line."""
    assert main(["profile", "show", "nobody"]) == 2
    assert capsys.readouterr().err.strip().startswith("coach: Unknown profile 'nobody'")
    assert main(["profile", "build", str(tmp_path / "missing.txt"), "--name", "X"]) == 2
    assert "File not found" in capsys.readouterr().err
    ref = tmp_path / "r.txt"
    ref.write_text("It costs 5 dollars.\n")
    assert main(["profile", "build", str(ref), "--name", "Lei Jun"]) == 0
    assert main(["profile", "build", str(ref), "--name", "Lei Jun"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already exists" in err[0]


def test_list_never_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No profile at all, or none readable, is one error sentence and exit 2, not an empty list."""
    import coach.cli.profiles
    import coach.profile

    empty = tmp_path / "bundled"
    empty.mkdir()
    monkeypatch.setattr(coach.profile, "bundled_profiles_dir", lambda: empty)
    monkeypatch.setattr(coach.cli.profiles, "bundled_profiles_dir", lambda: empty)
    assert main(["profile", "list"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("coach: No speaking-style profiles were found") and err.count("\n") == 1

    from coach.paths import user_profiles_dir

    (user_profiles_dir() / "broken.toml").write_text("name = [unclosed\n", encoding="utf-8")
    assert main(["profile", "list"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("coach: None of the 1 profile file(s) can be read (")
    assert err.count("\n") == 1
