"""Slides: how fast a deck opens, and where the read-aloud share falls.

1. Opening (goal: a 100-slide deck shows its first slide in < 2 s, the GUI never blocked):
   ``load_deck`` and the first big picture for 100- and 300-slide PDFs and a 100-slide PPTX,
   all thumbnails (made in the background in the app), the same again from the cache, and, with
   Qt, the time from ``SlidePanel.open_deck`` to the first picture on screen plus the longest
   stall of the GUI thread meanwhile. With LibreOffice installed, the PPTX → PDF conversion too.
2. Read aloud (``coach.slides.per_slide.read_share``, threshold ``READ_ALOUD_SHARE``): the share
   for a slide read word for word with 0-30 % of its words misheard (random, 200 trials), read in
   part (title only, one bullet, two bullets), and paraphrased.

Run: ``.venv/bin/python bench/slides.py`` (numbers depend on the machine's load; say so).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.slides.deck import load_deck  # noqa: E402
from coach.slides.per_slide import READ_ALOUD_SHARE, read_share  # noqa: E402
from coach.slides.render import SLIDE_PX, THUMB_PX, libreoffice, slide_image  # noqa: E402
from coach.types import Word  # noqa: E402
from tests.decks import TALK, make_pdf, make_pptx  # noqa: E402

GOAL_S = 2.0


def _deck_specs(n: int) -> list[tuple[str, list[str]]]:
    return [(f"Part {i}: what we learned", [f"We shipped {1000 + i} orders in {i % 9 + 2} days",
             "Customers told us what they wanted", "We fixed the sizes and returns fell"])
            for i in range(1, n + 1)]  # fmt: skip


def _time(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def opening(folder: Path) -> None:
    print("Opening decks (engine, fresh cache):")
    for kind, n in (("pdf", 100), ("pdf", 300), ("pptx", 100)):
        path = folder / f"deck{n}.{kind}"
        (make_pdf if kind == "pdf" else make_pptx)(path, _deck_specs(n))
        t_load, deck = _time(lambda p=path: load_deck(p))
        t_first, _ = _time(lambda d=deck: slide_image(d, 1, width_px=SLIDE_PX))
        t_thumbs, _ = _time(
            lambda d=deck: [slide_image(d, k, width_px=THUMB_PX) for k in range(1, len(d) + 1)]
        )
        t_cached, _ = _time(
            lambda d=deck: [slide_image(d, k, width_px=THUMB_PX) for k in range(1, len(d) + 1)]
        )
        first = t_load + t_first
        print(f"  {n:>3}-slide {kind.upper():<4} load {t_load:6.3f} s, first slide {t_first:6.3f} s "
              f"-> shown after {first:5.3f} s ({first / GOAL_S:.2f} of the {GOAL_S:.0f} s goal); "
              f"all {n} thumbnails {t_thumbs:5.2f} s, again from cache {t_cached:5.3f} s")  # fmt: skip
    if libreoffice():
        pptx = folder / "talk.pptx"
        make_pptx(pptx, TALK)
        t_conv, _ = _time(lambda: slide_image(load_deck(pptx), 1, width_px=THUMB_PX))
        print(f"  LibreOffice: 3-slide PPTX converted and first slide drawn in {t_conv:.2f} s "
              "(once per deck, in the background)")  # fmt: skip
    else:
        print("  LibreOffice not installed: PPTX slides are text cards.")


def opening_in_the_app(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coach_ui.widgets.slide_view import SlidePanel
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    path = folder / "app100.pdf"
    make_pdf(path, _deck_specs(100))
    panel = SlidePanel()
    panel.resize(960, 640)
    panel.show()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e9
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    last[0] = clock.nsecsElapsed() / 1e9
    panel.open_deck(path)
    while not panel.slide_view.has_picture() and time.perf_counter() - start < 30:
        app.processEvents()
    shown = time.perf_counter() - start
    timer.stop()
    print(f"App: 100-slide PDF from open_deck to the first slide on screen {shown:.3f} s "
          f"({shown / GOAL_S:.2f} of the goal); longest GUI-thread stall meanwhile "
          f"{max(gaps, default=0) * 1000:.0f} ms over {len(gaps)} ticks")  # fmt: skip


def _misheard(words: list[str], rate: float, rnd: random.Random) -> list[Word]:
    return [Word("uh" if rnd.random() < rate else w) for w in words]


def read_aloud() -> None:
    rnd = random.Random(17)
    print(f"\nRead-aloud share (threshold {READ_ALOUD_SHARE:.2f}), slide = its title and bullets:")
    for title, bullets in TALK:
        text = "\n".join([title, *bullets])
        words = text.split()
        cells = []
        for rate in (0.0, 0.05, 0.10, 0.20, 0.30):
            shares = [read_share(text, _misheard(words, rate, rnd)) or 0.0 for _ in range(200)]
            above = sum(s >= READ_ALOUD_SHARE for s in shares) / len(shares)
            cells.append(f"{rate:4.0%} misheard: median {statistics.median(shares):.2f}, "
                         f"flagged {above:4.0%}")  # fmt: skip
        print(f"  '{title}' read word for word\n    " + "\n    ".join(cells))
        parts = {
            "title only": title,
            "one bullet": bullets[0],
            "title + one bullet": f"{title} {bullets[0]}",
            "two of the bullets": f"{bullets[0]} {bullets[1]}",
        }
        for label, said in parts.items():
            share = read_share(text, [Word(w) for w in said.split()]) or 0.0
            print(
                f"    read {label:<20} {share:.2f} ({'flagged' if share >= READ_ALOUD_SHARE else 'not flagged'})"
            )
    from tests.decks import SAID

    for i in (0, 2):
        text = "\n".join([TALK[i][0], *TALK[i][1]])
        said = " ".join(SAID[i]).split()
        print(f"  slide {i + 1} paraphrased (tests/decks.py): "
              f"{read_share(text, [Word(w) for w in said]) or 0:.2f}")  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["COACH_HOME"] = home
        folder = Path(home) / "decks-in"
        folder.mkdir()
        opening(folder)
        try:
            opening_in_the_app(folder)
        except ImportError:
            print("App: PySide6 not installed, skipped.")
        read_aloud()


if __name__ == "__main__":
    main()
