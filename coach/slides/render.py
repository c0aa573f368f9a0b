"""Pictures of slides, made on demand and cached as PNG files.

A PDF page is rendered with pdfium (pypdfium2). A PowerPoint deck is converted to PDF once with
LibreOffice headless when it is installed (``soffice``), then rendered the same way; without
LibreOffice, or when the conversion fails, each slide becomes a *text card*: its title and text
on a plain card, and :func:`pictures_note` says why. Pictures are cached under
``cache_dir()/slides/<deck digest>/`` so each is made once; callers run :func:`slide_image` off
the GUI thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import Any

from coach.paths import cache_dir
from coach.slides.deck import PDFIUM_LOCK, Deck

THUMB_PX = 240
"""Width of the thumbnails in strips and reports, pixels."""
SLIDE_PX = 960
"""Width of the big current-slide picture, pixels."""
MAX_PIXELS = 6_000_000
"""No picture has more pixels than this, whatever the page size says."""
CONVERT_TIMEOUT_S = 180.0

_CONVERT_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()


def deck_cache(deck: Deck) -> Path:
    """The folder of ``deck``'s cached pictures (created on first use)."""
    path = cache_dir() / "slides" / deck.digest[:20]
    path.mkdir(parents=True, exist_ok=True)
    return path


def libreoffice() -> str | None:
    """The LibreOffice command (``soffice`` or ``libreoffice``) when installed, else ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert_lock(digest: str) -> threading.Lock:
    with _LOCKS_LOCK:
        return _CONVERT_LOCKS.setdefault(digest, threading.Lock())


def pptx_as_pdf(deck: Deck) -> Path | None:
    """The PDF LibreOffice makes of a PowerPoint deck (cached), or ``None`` without LibreOffice.

    A failed or mismatched conversion (page count differs from the slide count) is remembered
    with a ``failed`` marker so it is not retried on every slide.
    """
    folder = deck_cache(deck)
    out, failed = folder / "deck.pdf", folder / "convert.failed"
    soffice = libreoffice()
    if soffice is None:
        return None
    with _convert_lock(deck.digest):
        if out.exists():
            return out
        if failed.exists():
            return None
        with tempfile.TemporaryDirectory(prefix="coach-lo-") as tmp:
            src = Path(tmp) / f"deck{deck.path.suffix.lower()}"
            shutil.copyfile(deck.path, src)
            profile = Path(tmp) / "profile"  # a private profile: no clash with a running Office
            try:
                subprocess.run(
                    [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                     "--norestore", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                    capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False,
                    env={**os.environ, "HOME": tmp},
                )  # fmt: skip
            except (OSError, subprocess.TimeoutExpired):
                failed.write_text("conversion did not finish\n")
                return None
            made = Path(tmp) / "deck.pdf"
            if not made.exists() or _page_count(made) != len(deck.slides):
                failed.write_text("no PDF, or its pages do not match the slides\n")
                return None
            part = folder / ".deck.pdf.part"
            shutil.copyfile(made, part)
            os.replace(part, out)
    return out


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(pdf))
        except pdfium.PdfiumError:
            return -1
        try:
            return len(doc)
        finally:
            doc.close()


def pictures_note(deck: Deck) -> str | None:
    """A sentence when slides show as text cards instead of pictures, else ``None``."""
    if deck.kind == "pdf":
        return None
    if libreoffice() is None:
        return (
            "LibreOffice is not installed, so PowerPoint slides show as text cards; install "
            "LibreOffice or export the deck as PDF to see the slides themselves."
        )
    if (deck_cache(deck) / "convert.failed").exists():
        return (
            "LibreOffice could not convert this deck, so its slides show as text cards; export "
            "it as PDF to see the slides themselves."
        )
    return None


def _render_pdf_page(pdf: Path, index: int, width_px: int, out: Path) -> bool:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(pdf))
        except pdfium.PdfiumError:
            return False
        try:
            page = doc[index]
            w, h = page.get_size()
            if w <= 0 or h <= 0:
                return False
            scale = width_px / w
            tall = min(h * scale, 4.0 * width_px)  # a freak page height is cut to 4:1
            scale = min(scale, tall / h)
            if (w * scale) * (h * scale) > MAX_PIXELS:
                scale = (MAX_PIXELS / (w * h)) ** 0.5
            image = page.render(scale=scale, may_draw_forms=True).to_pil()
            page.close()
        except pdfium.PdfiumError:
            return False
        finally:
            doc.close()
    _save_png(image, out)
    return True


def _save_png(image: object, out: Path) -> None:
    part = out.with_name(f".{out.name}.{threading.get_ident()}.part")
    image.save(part, format="PNG")  # type: ignore[attr-defined]
    os.replace(part, out)


def _font(size: int, *, bold: bool = False) -> Any:
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default()


def text_card(deck: Deck, number: int, width_px: int, out: Path) -> None:
    """Draw slide ``number`` as a plain card with its title and text, saved as PNG to ``out``."""
    from PIL import Image, ImageDraw

    slide = deck.slide(number)
    height = max(1, int(round(width_px / deck.aspect)))
    image = Image.new("RGB", (width_px, height), "#f7f7f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        [0, 0, width_px - 1, height - 1], outline="#9aa5b1", width=max(1, width_px // 240)
    )
    pad = max(4, width_px // 24)
    title_px, body_px = max(8, width_px // 22), max(7, width_px // 36)
    y = pad
    title = slide.title or f"Slide {number}"
    draw.text((pad, y), title[:60], fill="#1f2933", font=_font(title_px, bold=True))
    y += int(title_px * 1.6)
    chars = max(10, int((width_px - 2 * pad) / (body_px * 0.55)))
    body = slide.text.split("\n", 1)[1] if slide.text.startswith(slide.title) else slide.text
    font = _font(body_px)
    for para in body.split("\n"):
        for line in textwrap.wrap(para, chars) or [""]:
            if y + body_px * 2.6 > height:
                draw.text((pad, y), "…", fill="#3e4c59", font=font)
                break
            draw.text((pad, y), line, fill="#3e4c59", font=font)
            y += int(body_px * 1.35)
        else:
            continue
        break
    note = f"{number}  ·  text card"
    draw.text(
        (pad, height - pad - body_px), note, fill="#7b8794", font=_font(max(6, body_px * 4 // 5))
    )
    _save_png(image, out)


def slide_image(deck: Deck, number: int, *, width_px: int = THUMB_PX) -> Path:
    """A PNG picture of slide ``number`` about ``width_px`` wide (cached; may take a while).

    PDF pages are rendered; PowerPoint slides are rendered from LibreOffice's PDF when it is
    installed, else drawn as text cards (see :func:`pictures_note`). A page pdfium cannot draw
    becomes a text card too.
    """
    deck.slide(number)  # validates the number
    width_px = max(16, min(int(width_px), 4000))
    folder = deck_cache(deck)
    out, card = folder / f"{number}-{width_px}.png", folder / f"{number}-{width_px}.card.png"
    if out.exists():
        return out
    pdf = deck.path if deck.kind == "pdf" else pptx_as_pdf(deck)
    if pdf is not None and _render_pdf_page(pdf, number - 1, width_px, out):
        return out
    if not card.exists():  # named apart: installing LibreOffice later brings the pictures
        text_card(deck, number, width_px, card)
    return card
