"""Slide decks: a PDF or PowerPoint file read into its slides' text (and speaker notes).

:func:`load_deck` opens a deck and reads every slide's text; pictures are made separately and
lazily by :mod:`coach.slides.render`, so opening a 100-slide deck takes a few hundredths of a
second. Every problem a user can fix (wrong format, password, damage, no pages, too big) is one
:class:`SlideError` sentence; a deck that opens but cannot be judged fully (no text, very many
slides) opens with a sentence in :attr:`Deck.notices`.

pdfium is not thread-safe, so every call into it holds :data:`PDFIUM_LOCK`.
"""

from __future__ import annotations

import hashlib
import re
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.errors import InputError

PDFIUM_LOCK = threading.RLock()
"""Held around every pdfium call: the library keeps global state and is not thread-safe."""

MAX_SLIDES = 1000
"""Decks with more slides are refused (no talk shows a thousand slides)."""
MANY_SLIDES = 150
"""Decks with more slides open with a notice: per-slide feedback only covers slides shown."""
MAX_DECK_MB = 500.0
"""Deck files larger than this are refused before they are read."""
DECK_SUFFIXES = (".pdf", ".pptx")


class SlideError(InputError):
    """A slide deck or a slide-times file cannot be used (the message says why and what to do)."""


@dataclass(frozen=True)
class Slide:
    """One slide: 1-based ``number``, its ``title`` (first line), all its ``text`` and notes."""

    number: int
    title: str
    text: str
    notes: str = ""


@dataclass(frozen=True)
class Deck:
    """A slide deck read from ``path``.

    ``digest`` is the SHA-1 of the file (it names cached pictures and kept copies); ``aspect`` is
    width / height of the first slide; ``notices`` are sentences for the user about what the deck
    lacks (no text, very many slides).
    """

    path: Path
    kind: Literal["pdf", "pptx"]
    slides: tuple[Slide, ...]
    digest: str
    aspect: float = 16 / 9
    notices: tuple[str, ...] = ()
    label: str = ""
    """The name the user knows the deck by, when ``path`` is a kept copy."""

    @property
    def name(self) -> str:
        """The file name, as the user knows the deck."""
        return self.label or self.path.name

    def __len__(self) -> int:
        return len(self.slides)

    def slide(self, number: int) -> Slide:
        """Slide ``number`` (1-based)."""
        if not 1 <= number <= len(self.slides):
            raise SlideError(f"{self.name} has no slide {number}; it has {len(self.slides)}.")
        return self.slides[number - 1]

    @property
    def has_text(self) -> bool:
        """True when at least one slide carries text."""
        return any(s.text.strip() for s in self.slides)

    @property
    def notes_text(self) -> str:
        """The speaker notes of every slide, one paragraph per slide with notes."""
        return "\n\n".join(s.notes.strip() for s in self.slides if s.notes.strip())


def file_digest(path: Path) -> str:
    """SHA-1 of a file's bytes, as hex."""
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _title(text: str) -> str:
    first = text.split("\n", 1)[0] if text else ""
    return first[:120]


def _check_file(path: Path) -> None:
    if not path.exists():
        raise SlideError(f"There is no file {path}; check the name and the folder.")
    if path.is_dir():
        raise SlideError(f"{path} is a folder; choose a PDF or PowerPoint (.pptx) file.")
    suffix = path.suffix.lower()
    if suffix not in DECK_SUFFIXES:
        hint = (
            "save it as .pptx or export it as PDF"
            if suffix in (".ppt", ".key", ".odp", ".pps", ".ppsx", ".pptm")
            else "choose a PDF or PowerPoint (.pptx) file"
        )
        raise SlideError(
            f"Coach opens slides from PDF or .pptx files; {path.name} is not one: {hint}."
        )
    try:
        size_mb = path.stat().st_size / 1e6
    except OSError as exc:
        raise SlideError(f"Cannot read {path}: {exc.strerror}.") from None
    if size_mb == 0:
        raise SlideError(f"{path.name} is empty (0 bytes); export the slides again.")
    if size_mb > MAX_DECK_MB:
        raise SlideError(
            f"{path.name} is {size_mb:,.0f} MB, more than the {MAX_DECK_MB:.0f} MB Coach opens; "
            "export it with compressed pictures (or as PDF) and open that."
        )


def _pageless(path: Path) -> bool:
    """True for a PDF whose page tree says it has no pages and that has no page objects."""
    with open(path, "rb") as fh:
        head = fh.read(4_000_000)
    return (
        head.startswith(b"%PDF")
        and re.search(rb"/Count\s*0\b", head) is not None
        and re.search(rb"/Type\s*/Page(?![a-zA-Z])", head) is None
    )


def _pdf_slides(path: Path) -> tuple[list[Slide], float]:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            if _pageless(path):  # pdfium refuses a well-formed PDF with no pages
                raise SlideError(f"{path.name} has no pages; export the slides again.") from None
            if "password" in str(exc).lower():
                raise SlideError(
                    f"{path.name} is protected by a password; export a copy without the password "
                    "and open that."
                ) from None
            raise SlideError(
                f"{path.name} is damaged or is not a PDF; export the slides as PDF again."
            ) from None
        try:
            count = len(doc)
            if count == 0:
                raise SlideError(f"{path.name} has no pages; export the slides again.")
            if count > MAX_SLIDES:
                raise SlideError(
                    f"{path.name} has {count:,} pages; Coach opens decks of up to {MAX_SLIDES:,} "
                    "slides: split it into the parts you present."
                )
            width, height = doc[0].get_size()
            slides = []
            for i in range(count):
                page = doc[i]
                try:
                    textpage = page.get_textpage()
                    text = _clean(textpage.get_text_bounded())
                    textpage.close()
                except pdfium.PdfiumError:
                    text = ""  # an unreadable page still counts as a slide, without text
                finally:
                    page.close()
                slides.append(Slide(i + 1, _title(text), text))
        finally:
            doc.close()
    aspect = width / height if width > 0 and height > 0 else 16 / 9
    return slides, aspect


def _shape_texts(shapes: object) -> list[str]:
    out: list[str] = []
    for shape in shapes:  # type: ignore[attr-defined]
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            out.append(shape.text_frame.text)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                out.append(" ".join(cell.text for cell in row.cells))
        elif hasattr(shape, "shapes"):  # a group
            out += _shape_texts(shape.shapes)
    return out


def _pptx_slides(path: Path) -> tuple[list[Slide], float]:
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        prs = Presentation(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SlideError(
            f"{path.name} is damaged or is not a PowerPoint file; save it again as .pptx "
            "(or export the slides as PDF)."
        ) from None
    except Exception as exc:  # noqa: BLE001 - lxml and zip errors of a mangled package
        raise SlideError(
            f"{path.name} could not be read as PowerPoint ({type(exc).__name__}); save it again "
            "as .pptx or export the slides as PDF."
        ) from None
    raw = list(prs.slides)
    if not raw:
        raise SlideError(f"{path.name} has no slides; add some or open another deck.")
    if len(raw) > MAX_SLIDES:
        raise SlideError(
            f"{path.name} has {len(raw):,} slides; Coach opens decks of up to {MAX_SLIDES:,}: "
            "split it into the parts you present."
        )
    slides = []
    for i, s in enumerate(raw):
        title_shape = s.shapes.title
        title = _clean(title_shape.text_frame.text) if title_shape is not None else ""
        text = _clean("\n".join(_shape_texts(s.shapes)))
        notes = ""
        if s.has_notes_slide and s.notes_slide.notes_text_frame is not None:
            notes = s.notes_slide.notes_text_frame.text.strip()
        slides.append(Slide(i + 1, title.split("\n")[0] or _title(text), text, notes))
    width, height = prs.slide_width or 16, prs.slide_height or 9  # EMU
    return slides, float(width) / float(height)


def load_deck(path: str | Path) -> Deck:
    """Read a PDF or PowerPoint deck: every slide's text, title and (PowerPoint) speaker notes.

    Raises
    ------
    SlideError
        Missing, empty, unsupported, password-protected, damaged, page-less or oversized files,
        each with one sentence.
    """
    path = Path(path).expanduser()
    _check_file(path)
    kind: Literal["pdf", "pptx"] = "pdf" if path.suffix.lower() == ".pdf" else "pptx"
    slides, aspect = _pdf_slides(path) if kind == "pdf" else _pptx_slides(path)
    notices = []
    if not any(s.text for s in slides):
        notices.append(
            f"{path.name} has no text on its slides, so Coach cannot tell whether you read them "
            "aloud or which figures they show; time, words and figures said per slide still work."
        )
    if len(slides) > MANY_SLIDES:
        notices.append(
            f"{path.name} has {len(slides)} slides; pictures are made as you reach them and "
            "the per-slide feedback lists only the slides you show."
        )
    aspect = min(4.0, max(0.25, aspect))  # a freak page size must not make a 1-pixel strip
    return Deck(path.resolve(), kind, tuple(slides), file_digest(path), aspect, tuple(notices))
