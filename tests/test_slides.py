"""coach.slides: decks (PDF, PPTX, bad ones), slide-time CSVs, pictures, per-slide feedback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from coach.coaching.review import review
from coach.errors import CoachError
from coach.profile import load_profile
from coach.slides.deck import MAX_SLIDES, SlideError, load_deck
from coach.slides.per_slide import (
    READ_ALOUD_SHARE,
    per_slide,
    read_share,
    slide_report_to_dict,
)
from coach.slides.render import libreoffice, pictures_note, slide_image
from coach.slides.times import SlideChange, parse_slide_times, read_slide_times, slide_times_csv
from coach.types import Pause, Transcript, Word
from tests.decks import SAID, TALK, make_pdf, make_pptx

# -- decks --------------------------------------------------------------------------------------


def test_pdf_deck_has_each_pages_text_and_title(tmp_path: Path) -> None:
    """A reportlab PDF opens with one slide per page, its title first and its bullets."""
    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    assert (deck.kind, len(deck)) == ("pdf", 3)
    assert [s.title for s in deck.slides] == [t for t, _ in TALK]
    assert "Returns fell by half after we fixed the sizes" in deck.slide(2).text
    assert deck.aspect == pytest.approx(960 / 540)
    assert not deck.notices


def test_pptx_deck_reads_text_and_speaker_notes(tmp_path: Path) -> None:
    """python-pptx gives every slide's title, body and notes; the notes join into a script."""
    notes = [" ".join(u) for u in SAID]
    deck = load_deck(make_pptx(tmp_path / "talk.pptx", TALK, notes=notes))
    assert (deck.kind, len(deck)) == ("pptx", 3)
    assert deck.slide(3).title == "Where we go next"
    assert "40% of orders now come from repeat customers" in deck.slide(3).text
    assert deck.slide(1).notes == notes[0]
    assert deck.notes_text.split("\n\n") == notes


def _one_line(exc: pytest.ExceptionInfo[CoachError]) -> str:
    text = str(exc.value)
    assert "\n" not in text and text.endswith(".")
    return text


def test_bad_decks_are_one_sentence_each(tmp_path: Path) -> None:
    """Encrypted, damaged, empty, page-less, wrong-kind and missing decks: one clear sentence."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(100, 100, "hidden")
    c.showPage()
    c.save()
    good = make_pdf(tmp_path / "good.pdf", TALK).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "old.ppt").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "fake.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    import pypdfium2 as pdfium

    pdfium.PdfDocument.new().save(str(tmp_path / "nopages.pdf"))
    cases = {
        "locked.pdf": "password",
        "cut.pdf": "damaged",
        "empty.pdf": "empty",
        "nopages.pdf": "no pages",
        "old.ppt": "save it as .pptx",
        "fake.pptx": "not a PowerPoint file",
        "missing.pdf": "There is no file",
    }
    for name, words in cases.items():
        with pytest.raises(SlideError) as exc:
            load_deck(tmp_path / name)
        assert words in _one_line(exc), name


def test_deck_without_text_opens_with_a_notice(tmp_path: Path) -> None:
    """A PPTX whose slides hold only pictures opens, and says what cannot be judged."""
    from pptx import Presentation

    prs = Presentation()
    for _ in range(2):
        prs.slides.add_slide(prs.slide_layouts[6])  # blank layout
    prs.save(str(tmp_path / "pictures.pptx"))
    deck = load_deck(tmp_path / "pictures.pptx")
    assert len(deck) == 2 and not deck.has_text
    assert len(deck.notices) == 1 and "no text" in deck.notices[0]


def test_very_long_and_too_long_decks(tmp_path: Path) -> None:
    """300 slides open with a notice; more than MAX_SLIDES are refused in one sentence."""
    deck = load_deck(
        make_pdf(tmp_path / "long.pdf", [(f"Slide {i}", ["text"]) for i in range(300)])
    )
    assert len(deck) == 300 and "300 slides" in deck.notices[0]
    many = [(f"S{i}", []) for i in range(MAX_SLIDES + 1)]
    with pytest.raises(SlideError) as exc:
        load_deck(make_pdf(tmp_path / "huge.pdf", many, size=(200, 100)))
    assert f"{MAX_SLIDES + 1:,} pages" in _one_line(exc)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    """A deck file over the size limit is refused without reading it (sparse file)."""
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(600_000_000)
    with pytest.raises(SlideError) as exc:
        load_deck(big)
    assert "600 MB" in _one_line(exc)


# -- pictures -----------------------------------------------------------------------------------


def test_pdf_pictures_are_rendered_once_and_cached(tmp_path: Path) -> None:
    """A page renders to a PNG of the asked width; asking again returns the cached file."""
    from PIL import Image

    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    first = slide_image(deck, 2, width_px=320)
    with Image.open(first) as im:
        assert im.size == (320, 180)
        assert im.getpixel((5, 5)) != im.getpixel((5, 170))  # the title band is drawn
    mtime = first.stat().st_mtime_ns
    assert slide_image(deck, 2, width_px=320) == first
    assert first.stat().st_mtime_ns == mtime
    assert pictures_note(deck) is None


def test_huge_page_and_huge_image_render_small(tmp_path: Path) -> None:
    """A 200-inch page holding a 4000x4000 picture still renders to a small thumbnail."""
    import numpy as np
    from PIL import Image
    from reportlab.pdfgen import canvas

    pic = tmp_path / "big.png"
    rng = np.random.default_rng(1)
    Image.fromarray(rng.integers(0, 255, (4000, 4000, 3), dtype=np.uint8)).save(pic)
    pdf = tmp_path / "poster.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(14400, 14400))
    c.drawImage(str(pic), 0, 0, 14400, 14400)
    c.showPage()
    c.save()
    deck = load_deck(pdf)
    with Image.open(slide_image(deck, 1, width_px=240)) as im:
        assert im.size == (240, 240)


def test_pptx_without_libreoffice_becomes_text_cards(tmp_path: Path, monkeypatch) -> None:
    """With no LibreOffice on PATH, a PPTX slide is a text card and the note says why."""
    from PIL import Image

    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    deck = load_deck(make_pptx(tmp_path / "talk.pptx", TALK))
    assert libreoffice() is None
    card = slide_image(deck, 1, width_px=400)
    assert card.name.endswith(".card.png")
    with Image.open(card) as im:
        assert im.size == (400, 225)
        assert len(im.getcolors(maxcolors=100000) or ()) > 2  # text was drawn on the card
    assert "LibreOffice is not installed" in (pictures_note(deck) or "")


@pytest.mark.slow
@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed")
def test_pptx_with_libreoffice_renders_the_slides(tmp_path: Path) -> None:
    """With LibreOffice, PPTX slides become real pictures (converted to PDF once)."""
    deck = load_deck(make_pptx(tmp_path / "talk.pptx", TALK))
    picture = slide_image(deck, 2, width_px=320)
    assert not picture.name.endswith(".card.png")
    assert pictures_note(deck) is None
    assert slide_image(deck, 3, width_px=320).parent == picture.parent


# -- slide times --------------------------------------------------------------------------------


def test_slide_times_csv_round_trip_and_errors(tmp_path: Path) -> None:
    """The CSV reads back what was written; bad rows name their line."""
    changes = (SlideChange(1, 0.0), SlideChange(2, 12.5), SlideChange(1, 20.0))
    path = tmp_path / "times.csv"
    path.write_text(slide_times_csv(changes), encoding="utf-8")
    assert read_slide_times(path, slide_count=3) == changes
    assert parse_slide_times("start_s,slide,note\n0,1,a\n3,1,b\n5,2,c\n") == (
        SlideChange(1, 0.0),
        SlideChange(2, 5.0),
    )
    bad = {
        "slide,start\n1,0\n": "header",
        "slide,start_s\n": "no rows",
        "slide,start_s\n1,0\n4,5\n": "line 3: there is no slide 4",
        "slide,start_s\n1,0\n2,x\n": "line 3: 'x' is not a time",
        "slide,start_s\n1,5\n2,3\n": "comes before",
        "slide,start_s\n1.5,0\n": "whole numbers",
    }
    for text, words in bad.items():
        with pytest.raises(SlideError) as exc:
            parse_slide_times(text, slide_count=3)
        assert words in str(exc.value), text


# -- per-slide feedback -------------------------------------------------------------------------


def _timed(parts: list[tuple[str, float]]) -> Transcript:
    """Words at 0.4 s each (0.35 s long) from (text, start_s) utterances."""
    words, pauses = [], []
    for u, (text, start) in enumerate(parts):
        t = start
        for w in text.split():
            words.append(Word(w, round(t, 2), round(t + 0.35, 2), u))
            t += 0.4
        pauses.append(Pause(round(t, 2), 0.5))
    return Transcript(tuple(words), tuple(pauses), duration_s=t + 1.0, engine="whisper")


def _talk() -> tuple[Transcript, list[SlideChange], list[int]]:
    """SAID spoken with one utterance every 5 s; slide 2 starts at 30 s, slide 3 at 55 s."""
    parts, t = [], 1.0
    starts = [0.0]
    for i, utterances in enumerate(SAID):
        if i:
            starts.append(t - 1.0)
        for u in utterances:
            parts.append((u, t))
            t += 5.0
        t += 5.0
    counts = [sum(len(u.split()) for u in us) for us in SAID]
    changes = [SlideChange(n, s) for n, s in zip((1, 2, 3), starts, strict=True)]
    return _timed(parts), changes, counts


def test_per_slide_words_figures_and_reading(tmp_path: Path) -> None:
    """Each slide gets its own words and figures; the read slide is flagged, the paraphrased
    one is not, and the figures shown but never said on slide 3 are listed."""
    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    transcript, changes, counts = _talk()
    rv = review(transcript, load_profile(None))
    report = per_slide(rv, deck, changes)
    assert [s.slide for s in report.slides] == [1, 2, 3]
    assert [s.words for s in report.slides] == counts
    assert [s.start_s for s in report.slides] == [c.start_s for c in changes]
    assert report.slides[1].end_s == changes[2].start_s
    one, two, three = report.slides
    assert two.read_aloud and (two.read_share or 0) >= 0.9
    assert not one.read_aloud and (one.read_share or 0) < 0.2
    assert not three.read_aloud
    assert {"5", "2", "4", "12"} <= set(two.figures)
    assert three.figures == () and three.figures_unsaid == ("40%", "3")
    assert two.figures_unsaid == ()
    total = report.slides[-1].end_s
    assert one.target_s == pytest.approx(total / 3, abs=0.1)
    data = slide_report_to_dict(report)
    assert [s["read_aloud"] for s in data["slides"]] == [False, True, False]
    assert set(data["slides"][0]) >= {"slide", "start_s", "end_s", "words", "figures", "read_aloud"}
    assert any("Slide 2 was read aloud" in f for f in data["findings"])


def test_lingered_slide_targets_and_going_back(tmp_path: Path) -> None:
    """Going back adds a visit; the slide far over its target is the one lingered on."""
    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    transcript, _, _ = _talk()
    rv = review(transcript, load_profile(None))
    end = transcript.duration_s or 0.0
    changes = [
        SlideChange(1, 0.0),
        SlideChange(2, 10.0),
        SlideChange(1, 14.0),
        SlideChange(3, 20.0),
    ]
    report = per_slide(rv, deck, changes, targets={3: 10.0})
    by = {s.slide: s for s in report.slides}
    assert by[1].visits == ((0.0, 10.0), (14.0, 20.0))
    assert by[1].time_s == pytest.approx(16.0)
    assert by[3].target_s == 10.0 and by[3].time_s == pytest.approx(end - 20.0)
    assert by[3].lingered and not by[1].lingered and report.lingered is by[3]


def test_number_desert_by_slide(tmp_path: Path) -> None:
    """A slide spoken for 90 s without a figure lies in a number desert; one with figures not."""
    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    parts = [(" ".join(SAID[1]), 1.0)]  # figures on slide 1 (deck slide 2 text)
    parts += [("we kept talking about the people we met and what they told us", 16.0 + 8.0 * i)
              for i in range(12)]  # fmt: skip
    rv = review(_timed(parts), load_profile(None))
    report = per_slide(rv, deck, [SlideChange(2, 0.0), SlideChange(1, 15.0)])
    by = {s.slide: s for s in report.slides}
    assert by[1].number_desert and by[1].desert_s > 60
    assert not by[2].number_desert


def test_read_share_threshold_separates_reading_from_paraphrase() -> None:
    """Word for word with one word in eight misheard stays above the threshold; sharing a few
    words with the slide stays far below it."""
    slide = "\n".join(TALK[1][1])
    words = slide.split()
    misheard = [Word("uh" if i % 8 == 3 else w) for i, w in enumerate(words)]
    assert (read_share(slide, misheard) or 0) >= READ_ALOUD_SHARE
    paraphrase = "our delivery got much faster and we fixed the sizes so fewer returns came back"
    assert (read_share(slide, [Word(w) for w in paraphrase.split()]) or 0) < 0.3


def test_per_slide_needs_times(tmp_path: Path) -> None:
    """A typed script has no word times: one sentence, no report."""
    from coach.text import transcript_from_text

    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    rv = review(transcript_from_text("We sold 5 phones."), load_profile(None))
    with pytest.raises(SlideError, match="needs a recording"):
        per_slide(rv, deck, [SlideChange(1, 0.0)])


# -- the store ----------------------------------------------------------------------------------


def test_slide_show_kept_with_the_session(tmp_path: Path, coach_home: Path) -> None:
    """The deck copy and the slide changes come back with the session and go with it."""
    from coach.slides.talk_decks import set_talk_deck, talk_deck
    from coach.store.sessions import SessionStore
    from coach.store.slide_shows import load_slide_show, save_slide_show, slide_report_for

    deck = load_deck(make_pdf(tmp_path / "talk.pdf", TALK))
    transcript, changes, counts = _talk()
    with SessionStore(coach_home / "sessions.db") as store:
        s = store.save(review(transcript, load_profile(None)), talk="Launch")
        kept = set_talk_deck("Launch", deck)
        save_slide_show(store, s.id, deck_file=kept, deck_name="talk.pdf", slide_count=3,
                        changes=changes)  # fmt: skip
        (tmp_path / "talk.pdf").unlink()  # the user's file may go; the kept copy stays
        show = load_slide_show(store, s.id)
        assert show is not None and show.changes == tuple(changes)
        assert talk_deck("Launch") == (kept, "talk.pdf")
        result = slide_report_for(store, store.get(s.id))
        assert result is not None and [r.words for r in result[0].slides] == counts
        assert result[1].name == "talk.pdf"
        store.delete(s.id)
        store.purge_trash(older_than_days=-1)
    conn = sqlite3.connect(coach_home / "sessions.db")
    assert conn.execute("SELECT count(*) FROM slide_changes").fetchone()[0] == 0
    conn.close()


def test_old_database_gains_the_slide_tables(coach_home: Path) -> None:
    """A schema-2 file migrates to schema 3 with empty slide tables; its sessions stay."""
    from coach.store.schema import SCHEMA_VERSION, connect, migrate
    from coach.store.sessions import SessionStore

    path = coach_home / "old.db"
    conn = connect(path)
    migrate(conn, path, target=2)
    conn.close()
    with SessionStore(path) as store:
        assert store.list() == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    assert conn.execute("SELECT count(*) FROM slide_shows").fetchone()[0] == 0
    conn.close()
    assert os.path.exists(path)
