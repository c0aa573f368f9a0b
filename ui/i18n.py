"""The app in the user's language: Qt translations, Chinese when the system locale is Chinese.

Strings are marked with ``self.tr(...)`` (context: the class) or listed here with
``QT_TRANSLATE_NOOP`` (trait names and metric labels come from the engine, so ``lupdate`` cannot
see them where they are shown). ``make translations`` (or the commands in the Makefile) runs
``pyside6-lupdate`` into ``assets/i18n/coach_zh_CN.ts`` and ``pyside6-lrelease`` into the ``.qm``
the app loads. English needs no file: it is the source text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
MEANINGS = [
    QT_TRANSLATE_NOOP("Meanings", "How often a concrete number backs up what you say."),
    QT_TRANSLATE_NOOP("Meanings", "Concrete numbers per minute of talk."),
    QT_TRANSLATE_NOOP("Meanings", "The longest time the audience hears no number."),
    QT_TRANSLATE_NOOP("Meanings", "Share of figures followed by a short pause so they sink in."),
    QT_TRANSLATE_NOOP("Meanings", "Superlatives and jargon instead of proof."),
    QT_TRANSLATE_NOOP("Meanings", "Short sentences are easy to follow by ear."),
    QT_TRANSLATE_NOOP("Meanings", "Share of sentences over 25 words."),
    QT_TRANSLATE_NOOP("Meanings", "Higher is plainer; 60-80 is everyday speech."),
    QT_TRANSLATE_NOOP("Meanings", "Share of sentences that tell what happened to someone, when."),
    QT_TRANSLATE_NOOP("Meanings", "Honest questions you ask yourself or the audience."),
    QT_TRANSLATE_NOOP("Meanings", "A crisis, a question or a figure in the first tenth."),
    QT_TRANSLATE_NOOP("Meanings", "Ending humbly or with a call forward, not a superlative."),
    QT_TRANSLATE_NOOP("Meanings", "Um, uh, you know, basically, filler 'like'."),
    QT_TRANSLATE_NOOP("Meanings", "Phrases said twice in a row by accident."),
    QT_TRANSLATE_NOOP("Meanings", "Words per minute from first to last word."),
    QT_TRANSLATE_NOOP("Meanings", "Words per minute while actually speaking."),
    QT_TRANSLATE_NOOP("Meanings", "How much your pace changes across the talk."),
    QT_TRANSLATE_NOOP("Meanings", "How much your voice rises and falls."),
    QT_TRANSLATE_NOOP("Meanings", "Share of speaking windows with a flat voice."),
    QT_TRANSLATE_NOOP("Meanings", "Share of the talk spent in pauses of 0.3 s or more."),
    QT_TRANSLATE_NOOP("Meanings", "Pauses over 1 s, per minute."),
]
UNITS = [
    QT_TRANSLATE_NOOP("Units", "%"),
    QT_TRANSLATE_NOOP("Units", "/100 chars"),
    QT_TRANSLATE_NOOP("Units", "/100 words"),
    QT_TRANSLATE_NOOP("Units", "/1000 chars"),
    QT_TRANSLATE_NOOP("Units", "/1000 words"),
    QT_TRANSLATE_NOOP("Units", "/min"),
    QT_TRANSLATE_NOOP("Units", "chars"),
    QT_TRANSLATE_NOOP("Units", "chars/min"),
    QT_TRANSLATE_NOOP("Units", "of 1"),
    QT_TRANSLATE_NOOP("Units", "of 3"),
    QT_TRANSLATE_NOOP("Units", "s"),
    QT_TRANSLATE_NOOP("Units", "semitones"),
    QT_TRANSLATE_NOOP("Units", "words"),
    QT_TRANSLATE_NOOP("Units", "wpm"),
]


def meaning(text: str) -> str:
    """A metric's one-line meaning (``coach.metrics``) in the app's language."""
    return QCoreApplication.translate("Meanings", text)


def unit(text: str) -> str:
    """A metric's unit ("/100 words", "wpm", "of 3") in the app's language."""
    return QCoreApplication.translate("Units", text) if text else text


def metric(label: str) -> str:
    """A metric's label in the app's language."""
    return QCoreApplication.translate("Metrics", label)


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
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (OK, Cancel, …), when shipped
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load("qtbase_zh_CN", folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True


def remove_translator(app: QCoreApplication) -> None:
    """Back to English (the source text)."""
    while _installed:
        app.removeTranslator(_installed.pop())
