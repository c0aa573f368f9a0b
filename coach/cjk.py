"""Chinese (and other CJK) characters: which script a text is in, how wide it prints, how words join.

Imports nothing from Coach, so the value types, the text helpers, the CLI tables and the PDF can all
use it. Chinese words carry no spaces between them: :func:`join_words` puts a space only between
two words that both end and start in an alphabetic script, so ``["我们", "卖了", "10,000", "台"]``
joins as ``"我们卖了10,000台"`` and ``["ten", "thousand"]`` as ``"ten thousand"``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

LANGUAGES = ("en", "zh")
"""Talk languages Coach analyses; ``"auto"`` picks one of these."""

ZH_SENTENCE_END = "。！？!?…"
ZH_CLAUSE_PUNCT = "，、；：,;:"
ZH_CLOSERS = "”’」』）)》〉】\"'"
CJK_PUNCT = "。！？，、；：「」『』（）《》〈〉【】“”‘’…—·～％"


def is_han(ch: str) -> bool:
    """True for a Chinese character (CJK unified ideographs, extensions, compatibility forms)."""
    o = ord(ch)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FFFF or ch == "〇")  # fmt: skip


def is_cjk(ch: str) -> bool:
    """True for a CJK character or CJK punctuation (ideographs, kana, hangul, full-width forms)."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF or ch in CJK_PUNCT)  # fmt: skip


def has_han(text: str) -> bool:
    """True when ``text`` holds at least one Chinese character."""
    return not text.isascii() and any(is_han(ch) for ch in text)


def script_language(text: str, *, min_share: float = 0.3) -> str:
    """``"zh"`` when Chinese characters make up at least ``min_share`` of the letters, else ``"en"``.

    Letters are Chinese characters plus alphabetic runs counted one per word, so an English
    product name inside a Chinese talk does not tip the balance, and neither does a quoted
    Chinese name inside an English one.
    """
    han = sum(1 for ch in text if is_han(ch))
    if not han:
        return "en"
    latin_words = sum(
        1 for token in "".join(ch if ch.isascii() and ch.isalpha() else " " for ch in text).split()
    )
    return "zh" if han / (han + latin_words) >= min_share else "en"


def _wide(ch: str) -> bool:
    return is_cjk(ch) or unicodedata.east_asian_width(ch) in ("W", "F")


def needs_space(before: str, after: str) -> bool:
    """Whether two written words are separated by a space.

    None between two Chinese characters or between a Chinese character and a digit ("卖了",
    "10,000", "台" → "卖了10,000台"); one everywhere else, so English words, and English next to
    Chinese ("8. 我们", "iPhone 用户"), keep theirs.
    """
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    if a in ",.:" and before[-2:-1].isdigit() and b.isdigit():
        return False  # 1,999 or 19:30 cut in two by the segmenter
    return not ((_wide(a) and (_wide(b) or b.isdigit())) or (_wide(b) and a.isdigit()))


def join_words(texts: Iterable[str]) -> str:
    """Join written words with a space where :func:`needs_space` says so."""
    out: list[str] = []
    prev = ""
    for text in texts:
        if not text:
            continue
        if prev and needs_space(prev, text):
            out.append(" ")
        out.append(text)
        prev = text
    return "".join(out)


def char_width(ch: str) -> int:
    """Terminal columns of one character: 2 for wide and full-width East Asian forms, 0 for marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (a Chinese character takes two)."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def fit(text: str, width: int, *, align: str = "<") -> str:
    """``text`` cut to ``width`` columns (with "…") and padded to exactly ``width`` columns."""
    if display_width(text) > width:
        cut: list[str] = []
        used = 0
        for ch in text:
            w = char_width(ch)
            if used + w > width - 1:
                break
            cut.append(ch)
            used += w
        text = "".join(cut) + "…"
    pad = " " * max(0, width - display_width(text))
    return pad + text if align == ">" else text + pad
