"""Slide decks made for the tests (reportlab writes PDFs, python-pptx writes PPTX), and a rehearsal
that goes with the three-slide talk.

The talk (:data:`TALK`) has three slides. On slide 1 the speaker *paraphrases* the slide, on
slide 2 they *read it word for word*, on slide 3 they talk about something else and never say the
slide's figures ("40%", "3 new cities"). :func:`slide_rehearsal` speaks it with espeak-ng
(tests.speech) with known silences between the slides, and returns the slide-change times in the
middle of those silences, so every word's slide is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SlideSpec = tuple[str, Sequence[str]]
"""(title, bullet lines)"""

TALK: list[SlideSpec] = [
    ("Why we started", [
        "Customers waited too long for deliveries",
        "Small shops could not compete with big chains",
        "Nobody measured what people actually wanted",
    ]),
    ("What changed in one year", [
        "We cut delivery time from 5 days to 2 days",
        "Returns fell by half after we fixed the sizes",
        "Our team grew from 4 people to 12 people",
    ]),
    ("Where we go next", [
        "40% of orders now come from repeat customers",
        "Next we open 3 new cities",
    ]),
]  # fmt: skip

SAID: list[list[str]] = [
    [  # slide 1: paraphrased
        "Three years ago my sister ran a tiny shoe shop in our town",
        "Her customers kept asking why a parcel took a week to arrive",
        "The big chains were faster and she could not match them",
        "So we set out to learn what shoppers really cared about",
    ],
    [  # slide 2: read word for word, title included
        "What changed in one year",
        "We cut delivery time from 5 days to 2 days",
        "Returns fell by half after we fixed the sizes",
        "Our team grew from 4 people to 12 people",
    ],
    [  # slide 3: about something else; the slide's figures are never said
        "Next year we want to reach more towns like ours",
        "We will hire local people who know their neighbours",
        "And we will keep listening to every complaint we get",
    ],
]

GAP_S = 2.0
"""Silence between slides; the slide changes sit in its middle."""


def make_pdf(
    path: Path, slides: Sequence[SlideSpec], *, size: tuple[float, float] = (960, 540)
) -> Path:
    """A PDF deck: one page per slide, title in bold and one bullet per line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=size)
    w, h = size
    for title, bullets in slides:
        c.setFillColorRGB(0.12, 0.2, 0.35)
        c.rect(0, h - 110, w, 110, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 40)
        c.drawString(50, h - 75, title)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.setFont("Helvetica", 26)
        for i, line in enumerate(bullets):
            c.drawString(70, h - 180 - i * 56, "• " + line)
        c.showPage()
    c.save()
    return path


def make_pptx(
    path: Path, slides: Sequence[SlideSpec], *, notes: Sequence[str] | None = None
) -> Path:
    """A PPTX deck with a title and a bullet body per slide, and speaker notes when given."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for i, (title, bullets) in enumerate(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0] if bullets else ""
        for line in bullets[1:]:
            body.add_paragraph().text = line
        if notes is not None and i < len(notes):
            slide.notes_slide.notes_text_frame.text = notes[i]
    prs.save(str(path))
    return path


@dataclass(frozen=True)
class SlideRehearsal:
    """The three-slide talk spoken by espeak-ng, with its slide changes and per-slide truth."""

    path: Path
    changes: tuple[tuple[int, float], ...]
    """(slide, start_s) in the middle of the silence before each slide (0.0 for the first)."""
    words: tuple[int, ...]
    """Written words said on each slide."""
    duration_s: float


def slide_rehearsal() -> SlideRehearsal:
    """Speak :data:`SAID` with :data:`GAP_S` of silence between slides (cached WAV)."""
    from tests.speech import build_rehearsal

    parts: list[str | float] = []
    for i, utterances in enumerate(SAID):
        if i:
            parts.append(GAP_S)
        for u in utterances:
            parts += [u, 0.45]
        parts.pop()
    reh = build_rehearsal(parts, name="slides-talk", rate=170)
    changes = [(1, 0.0)]
    k = 0
    for i in range(1, len(SAID)):
        k += len(SAID[i - 1])
        before, after = reh.utterances[k - 1], reh.utterances[k]
        changes.append((i + 1, round((before.end_s + after.start_s) / 2, 2)))
    words = tuple(sum(len(u.split()) for u in utterances) for utterances in SAID)
    return SlideRehearsal(reh.path, tuple(changes), words, reh.duration_s)
