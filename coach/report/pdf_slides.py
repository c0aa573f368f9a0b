"""The "Slides" section of the PDF report: findings, then a grid of slide thumbnails with marks.

Each cell shows one slide shown in the rehearsal: its picture (cached by
:mod:`coach.slides.render`), its time against the target, words per minute, the figures said, and
the marks in colour: read aloud, figures shown but not said, lingered, number desert. The same
report as the Feedback page's strip and the CLI's ``slides`` (:mod:`coach.slides.per_slide`).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, Spacer

from coach.analysis.timing import clock
from coach.report.fonts import rich
from coach.report.pdf_style import RULE, STATUS_COLOURS, Ctx, table
from coach.report.zh_words import t
from coach.slides.deck import Deck
from coach.slides.per_slide import SlideReport, SlideResult, findings

COLUMNS = 4
MAX_CELLS = 120
"""Longer rehearsals list the first this many slides in the grid (the findings cover all)."""


def _cell_lines(s: SlideResult) -> list[str]:
    off, close = STATUS_COLOURS["off"], STATUS_COLOURS["close"]
    over = s.time_s / s.target_s if s.target_s else 1.0
    when = f"<b>{clock(s.time_s)}</b> of {clock(s.target_s)}"
    if over >= 1.5:
        when = f'<font color="{off}">{when}</font>'
    lines = [
        f"<b>{s.slide}</b> {rich(s.title[:34])}",
        when + (f" · {s.wpm:.0f} wpm" if s.wpm else "") + f" · {s.words} words",
        f"Figures said: {len(s.figures)}"
        + (f" ({rich(', '.join(s.figures[:3]))})" if s.figures else ""),
    ]
    if s.read_aloud:
        lines.append(
            f'<font color="{off}"><b>Read aloud</b></font> ({(s.read_share or 0) * 100:.0f}%)'
        )
    if s.figures_unsaid:
        lines.append(
            f'<font color="{off}"><b>Not said</b></font>: ' + rich(", ".join(s.figures_unsaid[:3]))
        )
    if s.lingered:
        lines.append(f'<font color="{close}"><b>Lingered</b></font>')
    if s.number_desert:
        lines.append(f'<font color="{close}"><b>Number desert</b></font>')
    return lines


def _picture(deck: Deck, number: int, width_pt: float) -> Flowable | None:
    if not deck.path.is_file():
        return None
    from coach.slides.render import THUMB_PX, slide_image

    try:
        path = slide_image(deck, number, width_px=THUMB_PX)
    except Exception:  # noqa: BLE001 - a slide that cannot be drawn still gets its numbers
        return None
    height = width_pt / deck.aspect
    return Image(str(path), width=width_pt, height=height)


def slides_section(c: Ctx, slides: tuple[SlideReport, Deck] | None) -> list[Flowable]:
    """The Slides section for a rehearsal given with a deck (nothing without one)."""
    if slides is None:
        return []
    report, deck = slides
    out: list[Flowable] = [
        c.p(t("Slides"), "h2"),
        c.p(f"{len(report.slides)} of {report.slide_count} slides of {rich(report.deck_name)} "
            "shown; time on each slide against an even share of the talk.", "small"),
    ]  # fmt: skip
    for sentence in findings(report):
        out.append(c.p("• " + rich(sentence), "tip"))
    out.append(Spacer(1, 4))
    width = (c.width - 0.3 * cm * (COLUMNS - 1)) / COLUMNS
    cells: list[Any] = []
    for s in report.slides[:MAX_CELLS]:
        pic = _picture(deck, s.slide, width - 0.2 * cm)
        text = c.p("<br/>".join(_cell_lines(s)), "cell")
        cells.append([pic, text] if pic is not None else [text])
    rows = [cells[i : i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
    if rows:
        rows[-1] += [""] * (COLUMNS - len(rows[-1]))
        out.append(table(rows, [width] * COLUMNS, ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)))
    if len(report.slides) > MAX_CELLS:
        out.append(c.p(f"… and {len(report.slides) - MAX_CELLS} more slides.", "small"))
    return out


def session_slides(store: Any, session: Any) -> tuple[SlideReport, Deck] | None:
    """The per-slide report and deck of a stored session, for :func:`slides_section`."""
    from coach.store.slide_shows import slide_report_for

    return slide_report_for(store, session)
