"""Fonts for the PDF report: DejaVu Sans embedded, a CJK font for Chinese runs.

reportlab's built-in Helvetica is neither embedded nor able to draw non-Latin text, so every
paragraph uses DejaVu Sans; runs of characters DejaVu lacks (Chinese, Japanese, Korean) switch to
a CJK font found by :func:`find_cjk_font`: the Debian WenQuanYi Micro Hei path first, then any
font fontconfig says covers Chinese (``fc-list :lang=zh``), then the fonts matplotlib's font
manager knows by name (Noto Sans CJK, Source Han Sans, Microsoft YaHei, PingFang …), so macOS and
Windows machines and other Linux distributions find theirs. A font reportlab cannot embed
(PostScript-outline OpenType) is skipped. :func:`rich` is the one door for user text into reportlab markup: it escapes
``<``, ``>`` and ``&`` so a transcript prints exactly as typed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
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
CJK_FAMILIES = (
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", "SimHei", "SimSun", "Droid Sans Fallback", "AR PL UMing CN",
    "Arial Unicode MS",
)  # fmt: skip
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


def _fc_list_chinese() -> list[Path]:
    """Font files fontconfig says cover Chinese (empty without fontconfig)."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()})


def _matplotlib_cjk() -> list[Path]:
    """Font files of the CJK families matplotlib's font manager knows."""
    from matplotlib import font_manager

    by_name = {f.name: Path(f.fname) for f in font_manager.fontManager.ttflist}
    return [by_name[name] for name in CJK_FAMILIES if name in by_name]


def cjk_font_candidates() -> list[Path]:
    """Font files that may draw Chinese, best first (see the module docstring)."""
    seen: list[Path] = []
    for path in [*_CJK_FILES, *_fc_list_chinese(), *_matplotlib_cjk()]:
        if path.is_file() and path not in seen and path.suffix.lower() in (".ttf", ".ttc", ".otf"):
            seen.append(path)
    return seen


def find_cjk_font() -> TTFont | None:
    """The first candidate reportlab can embed that has Chinese characters, loaded, or None."""
    for path in cjk_font_candidates():
        try:
            font = TTFont(CJK, str(path), subfontIndex=0)
        except Exception:  # noqa: BLE001 - CFF outlines, damaged files: try the next one
            continue
        if ord("中") in font.face.charToGlyph:
            return font
    return None


def cjk_families() -> list[str]:
    """Installed CJK font families matplotlib can fall back to (for chart labels)."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in CJK_FAMILIES if name in names]


def _register_cjk() -> None:
    font = find_cjk_font()
    if font is None:
        raise ExportError(
            "The text has Chinese, Japanese or Korean characters but no font for them was "
            "found; install one (Debian: fonts-wqy-microhei; or Noto Sans CJK)."
        )
    pdfmetrics.registerFont(font)
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
    return _runs(text, escape)


def cjk_markup(markup: str) -> str:
    """Reportlab ``markup`` (already escaped) with the CJK runs of its text set in the CJK font:
    for the report's own Chinese words, written around values that :func:`rich` escaped."""
    if markup.isascii() or CJK not in _coverage:
        return markup
    parts = re.split(r"(<[^>]*>)", markup)
    return "".join(part if part.startswith("<") else _runs(part, str) for part in parts)


def _runs(text: str, escape: Callable[[str], str]) -> str:
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
