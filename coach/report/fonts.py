"""Fonts for the PDF report: DejaVu Sans embedded, WenQuanYi Micro Hei for CJK runs.

reportlab's built-in Helvetica is neither embedded nor able to draw non-Latin text, so every
paragraph uses DejaVu Sans; runs of characters DejaVu lacks (Chinese, Japanese, Korean) switch to
WenQuanYi Micro Hei. :func:`rich` is the one door for user text into reportlab markup: it escapes
``<``, ``>`` and ``&`` so a transcript prints exactly as typed.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coach.errors import ExportError

BODY, CJK = "CoachSans", "CoachCJK"
SYSTEM_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_CJK_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
)
_FONT_LOCK = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


def _dejavu_dirs() -> list[Path]:
    """The system DejaVu folder, then the copy matplotlib ships (same fonts, any platform)."""
    import matplotlib

    return [SYSTEM_DEJAVU, Path(matplotlib.get_data_path()) / "fonts" / "ttf"]


def is_cjk(ch: str) -> bool:
    """True for a Chinese, Japanese or Korean character (ideographs, kana, hangul, full-width)."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF)  # fmt: skip


def _register_dejavu() -> None:
    folder = next((d for d in _dejavu_dirs() if (d / "DejaVuSans.ttf").is_file()), None)
    if folder is None:
        raise ExportError(
            "The DejaVu Sans font is missing; install the Debian package fonts-dejavu-core "
            "(apt-get install fonts-dejavu-core)."
        )
    styles = {"": "", "-Bold": "-Bold", "-Oblique": "-Oblique", "-BoldOblique": "-BoldOblique"}
    for suffix, stem in styles.items():
        face = folder / f"DejaVuSans{stem}.ttf"
        pdfmetrics.registerFont(
            TTFont(BODY + suffix, str(face if face.is_file() else folder / "DejaVuSans.ttf"))
        )
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=BODY + "-Bold", italic=BODY + "-Oblique",
        boldItalic=BODY + "-BoldOblique",
    )  # fmt: skip
    _coverage[BODY] = frozenset(pdfmetrics.getFont(BODY).face.charToGlyph)


def _register_cjk() -> None:
    face = next((p for p in _CJK_FILES if p.is_file()), None)
    if face is None:
        raise ExportError(
            "The text has Chinese, Japanese or Korean characters but the WenQuanYi Micro Hei "
            "font is missing; install the Debian package fonts-wqy-microhei."
        )
    pdfmetrics.registerFont(TTFont(CJK, str(face), subfontIndex=0))
    # one face for all styles: bold or italic CJK text prints in the regular weight
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
    _coverage[CJK] = frozenset(pdfmetrics.getFont(CJK).face.charToGlyph)


def register_fonts(*, cjk: bool = False) -> None:
    """Register DejaVu Sans (and, with ``cjk``, WenQuanYi Micro Hei) with reportlab, once.

    Raises
    ------
    ExportError
        When the font files are missing; the message names the Debian package to install.
    """
    with _FONT_LOCK:
        if BODY not in _coverage:
            _register_dejavu()
        if cjk and CJK not in _coverage:
            _register_cjk()


def needs_cjk(texts: Sequence[str]) -> bool:
    """True when any of ``texts`` holds a Chinese, Japanese or Korean character."""
    return any(is_cjk(ch) for text in texts if not text.isascii() for ch in text)


def rich(text: str) -> str:
    """``text`` escaped for reportlab markup, with runs DejaVu cannot draw set in the CJK font."""
    if text.isascii():
        return escape(text)
    body, cjk = _coverage.get(BODY, frozenset()), _coverage.get(CJK)
    out: list[str] = []
    run: list[str] = []
    in_cjk = False
    for ch in text:
        wants = cjk is not None and ord(ch) not in body and ord(ch) in cjk and not ch.isspace()
        if wants != in_cjk and run:
            out.append(f'<font name="{CJK}">{escape("".join(run))}</font>' if in_cjk
                       else escape("".join(run)))  # fmt: skip
            run = []
        in_cjk = wants
        run.append(ch)
    if run:
        out.append(f'<font name="{CJK}">{escape("".join(run))}</font>' if in_cjk
                   else escape("".join(run)))  # fmt: skip
    return "".join(out)
