"""`coach analyze REC --slides DECK --slide-times CSV` and `coach slides …`, run in-process on a
rehearsal spoken by espeak-ng and transcribed by Whisper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli.core import main
from tests.decks import SAID, TALK, make_pdf, make_pptx, slide_rehearsal

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, object]:
    """The three-slide talk as a WAV, its PDF deck and the slide-times CSV."""
    folder = tmp_path_factory.mktemp("slides")
    reh = slide_rehearsal()
    deck = make_pdf(folder / "talk.pdf", TALK)
    times = folder / "times.csv"
    times.write_text(
        "slide,start_s\n" + "".join(f"{s},{t}\n" for s, t in reh.changes), encoding="utf-8"
    )
    return reh.path, deck, times, reh


def test_json_has_one_object_per_slide(spoken, capsys: pytest.CaptureFixture[str]) -> None:
    """Times, words, figures said and the read-aloud finding match what was spoken."""
    wav, deck, times, reh = spoken
    args = ["analyze", str(wav), "--slides", str(deck), "--slide-times", str(times), "--json"]
    assert main([*args, "--model", "tiny.en"]) == 0
    data = json.loads(capsys.readouterr().out)
    slides = data["slides"]
    assert [s["slide"] for s in slides] == [1, 2, 3]
    starts = [t for _, t in reh.changes]
    assert [s["start_s"] for s in slides] == starts
    assert [s["end_s"] for s in slides] == [*starts[1:], pytest.approx(reh.duration_s, abs=0.05)]
    for s, truth in zip(slides, reh.words, strict=True):
        assert abs(s["words"] - truth) <= max(2, truth * 0.1), (s["slide"], s["words"], truth)
    # read word for word on slide 2, paraphrased on slide 1, about something else on slide 3
    assert [s["read_aloud"] for s in slides] == [False, True, False]
    assert slides[1]["read_share"] >= 0.75 and slides[0]["read_share"] < 0.2
    said_2 = {f.lower() for f in slides[1]["figures"]}
    assert {"5", "2", "4", "12"} & said_2 or {"five", "two", "four", "twelve"} & said_2
    assert slides[2]["figures"] == [] and slides[2]["figures_unsaid"] == ["40%", "3"]
    assert any("Slide 2 was read aloud" in f for f in data["slide_report"]["findings"])


def test_summary_lists_slides(spoken, capsys: pytest.CaptureFixture[str]) -> None:
    """The terminal report ends with one line per slide and its marks."""
    wav, deck, times, _ = spoken
    args = ["analyze", str(wav), "--slides", str(deck), "--slide-times", str(times)]
    assert main([*args, "--model", "tiny.en"]) == 0
    tail = capsys.readouterr().out.split("Slides:", 1)[1]
    assert "3 of 3 slides of talk.pdf shown." in tail
    assert "READ ALOUD" in tail.splitlines()[-2] and "not said: '40%', '3'" in tail


def test_bad_inputs_fail_before_transcribing(
    spoken, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad deck or times: exit 2, one line on stderr, no traceback, nothing transcribed."""
    wav, deck, times, _ = spoken
    (tmp_path / "bad.csv").write_text("slide,start_s\n1,0\n9,4\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    script = tmp_path / "talk.txt"
    script.write_text("We sold 5 phones.", encoding="utf-8")
    w, d, t = str(wav), str(deck), str(times)
    cases = [
        ([w, "--slides", d], "needs both --slides"),
        ([w, "--slides", d, "--slide-times", str(tmp_path / "bad.csv")], "no slide 9"),
        ([w, "--slides", str(tmp_path / "broken.pdf"), "--slide-times", t], "damaged"),
        ([str(script), "--slides", d, "--slide-times", t], "not a typed script"),
    ]
    for argv, words in cases:
        assert main(["analyze", *argv]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("coach: ") and words in err and "\n" not in err, err
        assert "Traceback" not in err


def test_slides_info_and_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`coach slides info` lists the slides; `coach slides notes` prints notes as a script."""
    notes = [" ".join(u) for u in SAID]
    pptx = make_pptx(tmp_path / "talk.pptx", TALK, notes=notes)
    assert main(["slides", "info", str(pptx), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["slide_count"] == 3 and info["slides"][1]["title"] == "What changed in one year"
    assert main(["slides", "notes", str(pptx)]) == 0
    assert capsys.readouterr().out.strip().split("\n\n") == notes
    assert main(["slides", "notes", str(make_pdf(tmp_path / "t.pdf", TALK))]) == 2
    assert "no speaker notes" in capsys.readouterr().err


def test_times_of_a_saved_rehearsal_read_back(
    spoken, coach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`analyze --save --slides` keeps the deck and times; `coach slides times ID` prints the CSV
    that --slide-times reads, and the session's PDF has a Slides section (read back with
    pdftotext)."""
    import subprocess

    from coach.coaching.review import review
    from coach.slides.times import SlideChange, read_slide_times
    from coach.store.sessions import SessionStore
    from coach.store.slide_shows import load_slide_show
    from coach.text import transcript_from_text

    wav, deck_path, times, reh = spoken
    # `analyze --save --slides` keeps the deck and the times with the session
    args = ["analyze", str(wav), "--slides", str(deck_path), "--slide-times", str(times)]
    assert main([*args, "--save", "--model", "tiny.en", "--json"]) == 0
    sid = json.loads(capsys.readouterr().out)["id"]
    with SessionStore(coach_home / "sessions.db") as store:
        show = load_slide_show(store, sid)
        assert show is not None and show.deck_name == "talk.pdf" and show.slide_count == 3
        assert show.changes == tuple(SlideChange(*c) for c in reh.changes)
        assert show.deck_path is not None and show.deck_path.read_bytes() == deck_path.read_bytes()
        typed = store.save(review(transcript_from_text("A typed script.")))
    assert main(["slides", "times", str(sid)]) == 0
    out = coach_home / "back.csv"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    assert read_slide_times(out) == read_slide_times(times)
    assert main(["slides", "times", str(typed.id)]) == 2
    assert "without slides" in capsys.readouterr().err
    pdf = coach_home / "report.pdf"
    assert main(["sessions", "export", str(sid), "--pdf", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    section = text[text.index("Slides\n") :]
    assert "3 of 3 slides of talk.pdf shown" in section
    assert "Slide 2 was read aloud" in section and "Read aloud" in section
    assert "Not said: 40%, 3" in section
