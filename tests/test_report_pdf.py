"""The feedback PDF read back with pdftotext/pdffonts and rendered with pdftoppm.

Renders of every generated report land in ``tests/out/pdf/`` (PNG, 60 dpi) for a human to look at.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coach.cli.core import main
from coach.coaching.review import Review, review, review_from_dict, review_to_dict
from coach.errors import ExportError
from coach.report import charts
from coach.report.pdf import export_pdf, export_session_pdf, render_pdf, top_tips_heading
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from tests.timed_talk import talk_text, timed_transcript

ROOT = Path(__file__).resolve().parent.parent
DEMO = (ROOT / "assets/samples/demo.txt").read_text()
OUT = ROOT / "tests/out/pdf"
LONG_TOKEN = "Supercalifragilistic" * 15  # 300 characters with no place to break
NASTY = (
    "Our plan <b>was bold</b> & R&D said <draft> is fine; 5 < 7 and 9 > 8. "
    "我们用了三年时间，卖出了1000台手机。 Then we sold 40 cakes. " + LONG_TOKEN + " "
    + " ".join(["and the line goes on without a break"] * 40) + "."
)  # fmt: skip


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext, reading order)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font used."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows]


def render(path: Path, name: str) -> list[Path]:
    """Render every page at 60 dpi into tests/out/pdf/<name>-N.png and return the files."""
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(OUT / name)], check=True)
    return sorted(OUT.glob(f"{name}-*.png"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def colour_pixels(png: Path, colour: str) -> int:
    rgb = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3).astype(int)
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(rgb - target).sum(axis=1) <= 6).sum())


@functools.cache
def long_review() -> Review:
    """A 30-minute talk of about 4,300 words with made-up but consistent timings."""
    return review(timed_transcript(talk_text(4300), wpm=150))


def test_text_only_report_has_every_section(tmp_path: Path) -> None:
    """A typed script gets page 1 (score, traits, top tips), figures, metrics, tips, transcript."""
    # the sample scores 100 with no tip; a closing paragraph of hype gives the report tips to list
    flawed = DEMO + "\n\nOur revolutionary, world-class platform will leverage synergies.\n"
    rv = review(transcript_from_text(flawed))
    assert rv.feedback.tips
    out = export_pdf(rv, tmp_path / "demo.pdf", title="Bakery talk")
    pages = pdf_pages(out)
    first = pages[0]
    for needle in ("Bakery talk", "Lei Jun style match", f"{rv.feedback.score:.0f}", "Duration",
                   "typed text", "Profile", "How it went", top_tips_heading(min(3, len(rv.feedback.tips)))):  # fmt: skip
        assert needle in first, needle
    assert squash(rv.feedback.tips[0].text) in squash(first)
    whole = "\n".join(pages)
    for heading in ("Figures", "Every metric", "Transcript"):
        assert heading in whole
    assert "Pace over time" not in whole and "Pauses" not in whole  # no timing, no such charts
    for m in rv.metrics:
        assert squash(m.label) in squash(whole), m.label
    for f in rv.analysis.figures:
        assert squash(f.text.strip(",.")) in squash(whole)
    assert squash("Two years ago our little bakery almost closed.") in squash(whole)
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in page
        assert "Coach feedback · Bakery talk" in page
    render(out, "text-only")


def test_user_text_prints_as_typed_with_embedded_fonts(tmp_path: Path) -> None:
    """Markup, ampersands, Chinese and a very long line in the transcript print literally."""
    rv = review(transcript_from_text(NASTY))
    out = export_pdf(rv, tmp_path / "nasty.pdf", title="<i>Plan</i> & 计划")
    whole = "\n".join(pdf_pages(out))
    for literal in ("<b>was bold</b>", "R&D", "<draft>", "5 < 7 and 9 > 8", "<i>Plan</i> & 计划"):
        assert literal in whole, literal
    assert "我们用了三年时间，卖出了1000台手机。" in squash(whole)
    assert LONG_TOKEN in squash(whole)
    assert squash("and the line goes on without a break.") in squash(whole)
    fonts = pdf_fonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    names = " ".join(name for name, _ in fonts)
    assert "DejaVuSans" in names and "WenQuanYi" in names and "Helvetica" not in names
    pngs = render(out, "markup")
    # the long token must wrap inside the page: no ink in the right margin of any page
    for png in pngs:
        ink = np.asarray(Image.open(png).convert("L"))
        margin = ink[: int(ink.shape[0] * 0.9), -int(ink.shape[1] * 0.08) :]
        assert margin.min() > 200, f"text ran into the right margin on {png.name}"


def test_long_timed_transcript_flows_over_pages(tmp_path: Path) -> None:
    """A 30-minute talk: pace, figures and pauses charts, and a transcript over several pages."""
    rv = long_review()
    out = export_pdf(rv, tmp_path / "long.pdf", title="Thirty minutes")
    pages = pdf_pages(out)
    assert len(pages) >= 8
    whole = "\n".join(pages)
    for heading in ("Pace over time", "Figures", "Pauses", "Every metric", "More tips",
                    "Transcript"):  # fmt: skip
        assert heading in whole
    assert re.search(r"\[\d+:\d\d\]", pages[0]) or "At " in pages[0]  # tips carry timestamps
    assert f"{rv.analysis.values['wpm']:.0f} words per minute" in whole
    words = rv.transcript.words
    transcript_pages = [i for i, p in enumerate(pages) if squash(words[-1].text) in squash(p)]
    assert transcript_pages and transcript_pages[-1] == len(pages) - 1
    last_words = squash(" ".join(w.text for w in words[-12:]))
    assert last_words in squash(pages[-1] + pages[-2])
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in page
    pngs = render(out, "thirty-minutes")
    assert len(pngs) == len(pages)
    chart_page = next(p for p, text in zip(pngs, pages, strict=True) if "Pace over time" in text)
    assert colour_pixels(chart_page, charts.BAND) > 500  # the wpm band is drawn
    assert colour_pixels(chart_page, charts.FIGURE) > 100  # figure markers


def test_page_sizes() -> None:
    """A4 and Letter by setting; anything else is a clear error."""
    rv = review(transcript_from_text(DEMO))
    sizes = {}
    for size in ("A4", "Letter"):
        data = render_pdf(rv, page_size=size)
        path = OUT / f"size-{size}.pdf"
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        sizes[size] = pdf_info(path)["Page size"].split("pts")[0].split()
    assert sizes["A4"][0:3:2] == ["595.276", "841.89"]
    assert sizes["Letter"][0:3:2] == ["612", "792"]
    with pytest.raises(ExportError, match="A4 or Letter"):
        render_pdf(rv, page_size="A5")


def test_session_report_shows_progress_changes_and_adherence(tmp_path: Path) -> None:
    """A stored second attempt with a script adds progress, what changed, and script adherence."""
    store = SessionStore(tmp_path / "s.db")
    script = DEMO
    first = review(timed_transcript(DEMO.replace("40 percent", "a lot"), wpm=190))
    said = DEMO.replace("600 loaves", "700 loaves").replace("Thank you for coming", "Thanks")
    second = review(timed_transcript(said, wpm=150))
    store.save(first, title="Take 1", talk="Bakery", script=script)
    s2 = store.save(second, title="Take 2", talk="Bakery", script=script)
    out = export_session_pdf(store, s2.id, tmp_path / "take2.pdf", page_size="Letter")
    whole = "\n".join(pdf_pages(out))
    assert "Take 2" in whole and "Bakery" in whole
    for heading in ("Script adherence", "Progress", "What changed since last time"):
        assert heading in whole
    assert f"Match {first.feedback.score:.0f} → {second.feedback.score:.0f}" in whole
    assert "“600 loaves”" in whole or "600" in whole.split("Script adherence")[1]
    assert "700" in whole.split("Script adherence")[1]  # the changed figure is reported
    render(out, "session")
    # a first attempt has no earlier one: no progress sections
    only = export_session_pdf(store, 1, tmp_path / "take1.pdf")
    text = "\n".join(pdf_pages(only))
    assert "What changed since last time" not in text and "Progress" not in text


def test_missing_folder_and_read_only_folder_leave_nothing(tmp_path: Path) -> None:
    """Unwritable targets raise one clear ExportError and leave no file, not even a temp one."""
    rv = review(transcript_from_text(DEMO))
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(rv, tmp_path / "missing" / "r.pdf")
    assert not (tmp_path / "missing").exists()
    with pytest.raises(ExportError, match="is a folder"):
        export_pdf(rv, tmp_path)
    ro = tmp_path / "ro"
    ro.mkdir()
    mounted = False
    if os.geteuid() == 0:  # root ignores permission bits: use a read-only filesystem instead
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(ro)],
                                 capture_output=True).returncode == 0  # fmt: skip
        if not mounted:
            pytest.skip("running as root without permission to mount a read-only folder")
    else:
        ro.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="read-only|permission denied") as err:
            export_pdf(rv, ro / "r.pdf")
        assert str(ro / "r.pdf") in str(err.value)
        assert list(ro.iterdir()) == []
    finally:
        if mounted:
            subprocess.run(["umount", str(ro)], check=True)
        ro.chmod(0o700)


def test_full_disk_keeps_the_old_report(tmp_path: Path) -> None:
    """On a full disk the export fails with a clear sentence; the earlier report stays intact."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a tiny filesystem")
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(small)],
                      capture_output=True).returncode:  # fmt: skip
        pytest.skip("cannot mount a tmpfs here")
    try:
        target = small / "report.pdf"
        target.write_bytes(b"%PDF old report")
        with pytest.raises(ExportError, match="disk is full"):
            export_pdf(long_review(), target)
        assert target.read_bytes() == b"%PDF old report"
        assert [p.name for p in small.iterdir()] == ["report.pdf"]
    finally:
        subprocess.run(["umount", str(small)], check=True)


def test_missing_cjk_font_names_the_package() -> None:
    """Without the CJK font, Chinese text fails with a sentence naming the Debian package."""
    code = (
        "from pathlib import Path\n"
        "import coach.report.fonts as f\n"
        "f.cjk_font_candidates = lambda: [Path('/nonexistent/wqy.ttc')]\n"
        "from coach.report.pdf import render_pdf\n"
        "from coach.coaching.review import review\n"
        "from coach.text import transcript_from_text\n"
        "from coach.errors import ExportError\n"
        "try:\n"
        "    render_pdf(review(transcript_from_text('我们卖出了1000台手机。')))\n"
        "except ExportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "fonts-wqy-microhei" in out.stdout, out.stderr


def test_cjk_font_found_beyond_the_debian_path() -> None:
    """Without the Debian WenQuanYi path, fontconfig or matplotlib still finds a Chinese font."""
    code = (
        "from pathlib import Path\n"
        "import coach.report.fonts as f\n"
        "f._CJK_FILES = (Path('/nonexistent/wqy.ttc'),)\n"
        "font = f.find_cjk_font()\n"
        "print(font.face.name if font else 'none', len(f.cjk_font_candidates()), f.cjk_families())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "none" not in out.stdout.split()[0], out.stdout
    assert "WenQuanYi Micro Hei" in out.stdout  # the family matplotlib falls back to in charts


def test_cli_analyze_and_sessions_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`coach analyze FILE --pdf` and `coach sessions export ID --pdf` write reports; bad paths exit 2."""
    script = tmp_path / "talk.txt"
    script.write_text(NASTY, encoding="utf-8")
    assert main(["analyze", str(script), "--pdf", str(tmp_path / "a.pdf"), "--save",
                 "--talk", "Plan"]) == 0  # fmt: skip
    assert f"pdf: {tmp_path / 'a.pdf'}" in capsys.readouterr().out
    assert "<b>was bold</b>" in "\n".join(pdf_pages(tmp_path / "a.pdf"))
    assert main(["sessions", "export", "1", "--pdf", str(tmp_path / "s.pdf"),
                 "--page-size", "letter"]) == 0  # fmt: skip
    assert pdf_info(tmp_path / "s.pdf")["Page size"].split()[0] == "612"
    capsys.readouterr()
    assert main(["sessions", "export", "1", "--pdf", str(tmp_path / "no" / "s.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]


# -- a 5-minute synthesised rehearsal -------------------------------------------------------------

UTTERANCES = (
    "Two years ago our little bakery almost closed",
    "The landlord raised the rent by 40 percent",
    "We had 3 weeks to find the money",
    "Do I really want to keep doing this",
    "We baked 600 loaves a day and threw away 90 of them",
    "That is 15 percent of our flour going into the bin",
    "My sister Mei asked what if we bake to order",
    "We built a simple order page in 4 days",
    "In the first month 1200 people ordered",
    "Waste fell from 90 loaves to 12",
    "We paid the rent and we hired 2 bakers",
    "This is a revolutionary and world class idea",
    "Um so basically we listened to our neighbours",
    "Every morning we opened the door and waited for the first customer",
    "Nobody believed a small shop could do it",
    "We are still learning and we still make mistakes",
)


def five_minute_parts() -> list[str | float]:
    """Utterances in a shuffled order with 0.4-1.6 s pauses, about 5 minutes at rate 170."""
    rnd = random.Random(5)
    parts: list[str | float] = []
    seconds = 0.0
    while seconds < 300:
        text = rnd.choice(UTTERANCES)
        if parts and parts[-2:][0] == text:
            continue
        if parts:
            gap = rnd.choice((0.4, 0.6, 0.9, 1.2, 1.6))
            parts.append(gap)
            seconds += gap
        parts.append(text)
        seconds += len(text.split()) / 190 * 60
    return parts


@functools.cache
def rehearsal_review() -> Review:
    """The 5-minute rehearsal transcribed by Whisper tiny.en (cached in tests/out by audio hash)."""
    from tests.speech import build_rehearsal

    reh = build_rehearsal(five_minute_parts(), rate=170, name="five-minutes")
    digest = hashlib.sha256(reh.path.read_bytes()).hexdigest()[:16]
    cache = OUT / f"five-minutes-{digest}-tiny.en.json"
    if cache.exists():
        return review_from_dict(json.loads(cache.read_text()))
    from coach.transcript.transcribe import transcribe_file

    rv = review(transcribe_file(reh.path, engine="whisper", model="tiny.en"))
    OUT.mkdir(parents=True, exist_ok=True)
    part = cache.with_name(f"{cache.name}.{os.getpid()}.part")  # other test workers may read it
    part.write_text(json.dumps(review_to_dict(rv)["_review"]))
    os.replace(part, cache)
    return rv


@pytest.mark.slow
def test_five_minute_synthesised_rehearsal(tmp_path: Path) -> None:
    """A real spoken rehearsal (espeak-ng, Whisper): charts, figures and timestamps in the PDF."""
    rv = rehearsal_review()
    assert rv.transcript.timed and (rv.transcript.duration_s or 0) > 280
    out = export_pdf(rv, tmp_path / "five.pdf", title="Bakery rehearsal")
    pages = pdf_pages(out)
    whole = "\n".join(pages)
    for heading in ("Pace over time", "Figures", "Pauses", "Every metric", "Transcript"):
        assert heading in whole
    assert re.search(r"Duration\s+[45]:\d\d", pages[0])
    said = squash(whole).replace(",", "")
    spoken = ("40", "600", "90", "15", "1200", "12")
    assert sum(f in said for f in spoken) >= 5
    for f in rv.analysis.figures:
        assert squash(f.text.strip(",.")).replace(",", "") in said
    stamps = re.findall(r"\[(\d+):(\d\d)\]", whole)
    assert stamps and max(int(m) * 60 + int(s) for m, s in stamps) > 240
    pngs = render(out, "five-minutes")
    chart_page = next(p for p, text in zip(pngs, pages, strict=True) if "Pace over time" in text)
    assert colour_pixels(chart_page, charts.BAND) > 500


def test_page_one_reads_first_and_tips_are_never_repeated(tmp_path: Path) -> None:
    """Page 1 has the summary and as many next steps as it says; 'More tips' lists the others
    once, numbered on; no heading ends a page; figures are green as in the app."""
    from coach.coaching.summary import summarise

    rv = long_review()
    previous = review(timed_transcript(talk_text(4000, seed=9), wpm=190))
    out = export_pdf(rv, tmp_path / "long.pdf", title="Thirty minutes", previous=previous)
    pages = pdf_pages(out)
    first = squash(pages[0])
    summary = summarise(rv, previous)
    for sentence in summary.sentences:
        assert squash(sentence) in first, sentence
    assert summary.keep is not None and squash(summary.keep.text) in first
    assert summary.change is not None and squash(summary.change) in first
    n = len(summary.steps)
    assert n == 3 and squash("Next steps: the three most important tips") in first
    for i, step in enumerate(summary.steps, 1):
        at = first.index(squash(step.tip.text))
        assert f"{i}." in first[at - 12 : at]  # "3.[25:37]Your close …"
    whole = "\n".join(pages)
    rest = whole[whole.index("More tips") :]
    for step in summary.steps:
        assert squash(step.tip.text) not in squash(rest)
    others = [t for t in rv.feedback.tips if t not in [s.tip for s in summary.steps]]
    at = squash(rest).index(squash(others[0].text))
    assert f"{n + 1}." in squash(rest)[max(0, at - 12) : at]
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        body = [ln for ln in lines if not ln.startswith(("Coach feedback", "Page "))]
        assert body[-1] not in ("Every metric", "More tips", "Transcript", "Figures", "Pauses",
                                "Pace over time", "Script adherence"), page[-200:]  # fmt: skip
    pngs = render(out, "thirty-minutes-summary")
    transcript_page = next(p for p, t in zip(pngs, pages, strict=True) if "Transcript" in t)
    assert colour_pixels(transcript_page, "#c6f0d5") > 200  # the app's figure green
    assert colour_pixels(transcript_page, "#cfe3f6") == 0  # not the old blue


def test_top_tips_heading_counts() -> None:
    """The heading says how many tips follow."""
    from coach.report.pdf import top_tips_heading

    assert top_tips_heading(3) == "Next steps: the three most important tips"
    assert top_tips_heading(2) == "Next steps: the two most important tips"
    assert top_tips_heading(1) == "Next step: the most important tip"


ZH_TALK = (
    "三年前的一个晚上，我接到一个电话，工厂停工了。那一刻我问自己，还要不要做下去？\n\n"
    "我们用了70多天，跑了12个城市。27分钟，我们卖出了5万台。我们的产品是史上最强的，遥遥领先。\n\n"
    "我们离成功还很远，谢谢大家！"
)


def test_a_chinese_talk_gets_a_chinese_report(tmp_path: Path) -> None:
    """The report of a Chinese talk speaks Chinese: headings, table heads, notes, the footer and
    the page numbers; only names (Coach, the engine) stay as they are. English stays English."""
    rv = review(transcript_from_text(ZH_TALK))
    assert rv.transcript.language == "zh"
    out = export_pdf(rv, tmp_path / "zh.pdf", title="发布会彩排")
    text = "\n".join(pdf_pages(out))
    squashed = "".join(text.split())
    for heading in ("整体情况", "全部指标", "文字记录", "指标", "为什么", "第1页，共2页"):
        assert heading in squashed, heading
    english = [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ("Coach",)]
    assert not english, english
    assert pdf_fonts(out) and all(embedded == "yes" for _name, embedded in pdf_fonts(out))
    again = export_pdf(review(transcript_from_text("We sold 5,000 phones. Why? Thanks.")),
                       tmp_path / "en.pdf")  # fmt: skip
    en = "\n".join(pdf_pages(again))
    assert "How it went" in en and "Every metric" in en and not re.search(r"[\u4e00-\u9fff]", en)
