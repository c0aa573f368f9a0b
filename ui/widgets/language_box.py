"""The language of a talk: a combo box remembered per talk, and the live counts that depend on it.

A talk practised before keeps the language of its last session; a new talk starts from the
"Talk language" setting. ``auto`` lets Whisper identify the language of the first utterance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from coach.types import Figure, Word

LANGUAGES = (
    (str(QT_TRANSLATE_NOOP("LanguageBox", "Auto")), "auto"),
    (str(QT_TRANSLATE_NOOP("LanguageBox", "English")), "en"),
    ("中文", "zh"),
)


class LanguageBox(QComboBox):
    """Auto / English / 中文, with the language code as each item's data."""

    def __init__(self, code: str = "auto", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for name, value in LANGUAGES:
            self.addItem(QCoreApplication.translate("LanguageBox", name), value)
        self.setAccessibleName("Language")
        self.setToolTip(
            QCoreApplication.translate(
                "LanguageBox",
                "The language of this talk (auto: detected from the speech or the script)",
            )
        )
        self.set_code(code)

    def set_code(self, code: str) -> None:
        """Select ``"auto"``, ``"en"`` or ``"zh"`` (anything else selects auto)."""
        self.setCurrentIndex(max(self.findData(code), 0))

    def code(self) -> str:
        """The selected language code."""
        return str(self.currentData() or "auto")

    def recall(self, store: Any, talk: str) -> None:
        """Take the language of ``talk``'s last session in ``store``, if it has one."""
        try:
            last = store.list(talk=talk, limit=1) if talk else []
            if last:
                self.set_code(store.get(last[0].id).review.transcript.language)
        except Exception:  # noqa: BLE001 - a store problem shows when saving, not here
            return

    def profile_for(self, profile_id: str | None) -> Any:
        """``profile_id`` loaded, or the Lei Jun profile of this talk's language if it differs."""
        from coach.profile import default_profile_id, load_profile

        profile = load_profile(profile_id or None)
        if self.code() in ("en", "zh") and profile.language != self.code():
            profile = load_profile(default_profile_id(self.code()))
        return profile


def live_counts(words: Sequence[Word]) -> tuple[str, list[Figure], list[Word], str]:
    """For the live view: the new text, the figures so far, the words pace counts, its unit.

    Chinese speech is joined without spaces and paced in characters per minute.
    """
    from coach.cjk import join_words, script_language

    said = join_words(w.text for w in words)
    if script_language(said) == "zh":
        from coach.analysis.zh_numbers import find_zh_figures
        from coach.zh_text import char_times

        paced = [Word("字", s, e) for s, e in char_times(words)]
        return said, find_zh_figures(words), paced, "chars/min"
    from coach.analysis.numbers import find_figures

    return said, find_figures(words), list(words), "wpm"
