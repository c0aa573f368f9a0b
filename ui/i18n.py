"""The app in the user's language: Qt translations, Chinese when the system locale is Chinese.

Strings are marked with ``self.tr(...)`` (context: the class) or listed here with
``QT_TRANSLATE_NOOP`` (trait names and metric labels come from the engine, so ``lupdate`` cannot
see them where they are shown). ``make translations`` (or the commands in the Makefile) runs
``pyside6-lupdate`` into ``assets/i18n/coach_zh_CN.ts`` and ``pyside6-lrelease`` into the ``.qm``
the app loads. English needs no file: it is the source text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from coach.paths import assets_dir

TRAITS = [
    QT_TRANSLATE_NOOP("Traits", "Numbers"),
    QT_TRANSLATE_NOOP("Traits", "Pace"),
    QT_TRANSLATE_NOOP("Traits", "Pauses"),
    QT_TRANSLATE_NOOP("Traits", "Plain words"),
    QT_TRANSLATE_NOOP("Traits", "Stories"),
    QT_TRANSLATE_NOOP("Traits", "Questions"),
    QT_TRANSLATE_NOOP("Traits", "Opening"),
    QT_TRANSLATE_NOOP("Traits", "Close"),
    QT_TRANSLATE_NOOP("Traits", "Fillers"),
    QT_TRANSLATE_NOOP("Traits", "Voice"),
]
METRIC_LABELS = [
    QT_TRANSLATE_NOOP("Metrics", "Figures per 100 words"),
    QT_TRANSLATE_NOOP("Metrics", "Figures per 100 characters"),
    QT_TRANSLATE_NOOP("Metrics", "Figures per minute"),
    QT_TRANSLATE_NOOP("Metrics", "Longest stretch without a figure"),
    QT_TRANSLATE_NOOP("Metrics", "Figures that land"),
    QT_TRANSLATE_NOOP("Metrics", "Hype and jargon per 100 words"),
    QT_TRANSLATE_NOOP("Metrics", "Hype and jargon per 100 characters"),
    QT_TRANSLATE_NOOP("Metrics", "Words per sentence"),
    QT_TRANSLATE_NOOP("Metrics", "Characters per sentence"),
    QT_TRANSLATE_NOOP("Metrics", "Long sentences"),
    QT_TRANSLATE_NOOP("Metrics", "Reading ease (Flesch)"),
    QT_TRANSLATE_NOOP("Metrics", "Story sentences"),
    QT_TRANSLATE_NOOP("Metrics", "Questions per 1,000 words"),
    QT_TRANSLATE_NOOP("Metrics", "Questions per 1,000 characters"),
    QT_TRANSLATE_NOOP("Metrics", "Opening hooks"),
    QT_TRANSLATE_NOOP("Metrics", "Humble close"),
    QT_TRANSLATE_NOOP("Metrics", "Fillers per 100 words"),
    QT_TRANSLATE_NOOP("Metrics", "Fillers per 100 characters"),
    QT_TRANSLATE_NOOP("Metrics", "Accidental repeats per 100 words"),
    QT_TRANSLATE_NOOP("Metrics", "Accidental repeats per 100 characters"),
    QT_TRANSLATE_NOOP("Metrics", "Pace"),
    QT_TRANSLATE_NOOP("Metrics", "Articulation rate"),
    QT_TRANSLATE_NOOP("Metrics", "Pace variety"),
    QT_TRANSLATE_NOOP("Metrics", "Pitch variety"),
    QT_TRANSLATE_NOOP("Metrics", "Monotone stretches"),
    QT_TRANSLATE_NOOP("Metrics", "Time in pauses"),
    QT_TRANSLATE_NOOP("Metrics", "Long pauses per minute"),
]

_installed: list[QTranslator] = []


def translation_file(locale: QLocale) -> str | None:
    """The ``.qm`` file for ``locale``, or None for English (and languages without one)."""
    if locale.language() != QLocale.Language.Chinese:
        return None
    path = assets_dir() / "i18n" / "coach_zh_CN.qm"
    return str(path) if path.is_file() else None


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> bool:
    """Load the translation for ``locale`` (default: the system's) into ``app``; True if loaded.

    Call before the windows are built: ``tr()`` runs when a widget is made.
    """
    remove_translator(app)
    path = translation_file(locale or QLocale.system())
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(path):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def remove_translator(app: QCoreApplication) -> None:
    """Back to English (the source text)."""
    while _installed:
        app.removeTranslator(_installed.pop())
