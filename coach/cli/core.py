"""The ``coach`` command line: analyse a script or recording, run the demo, manage sessions.

Expected problems (missing file, bad audio, unknown profile) print one line on stderr and exit 2;
anything else is a bug: its traceback goes to the log (:func:`coach.paths.log_dir`), one line on
stderr points there, and the exit code is 1. Everything printed passes through
:func:`coach.cli.output.safe_terminal`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coach import __version__
from coach.cjk import display_width, fit, join_words
from coach.cli.output import dump_json, log_bug, one_line, safe_terminal, unescaped
from coach.coaching.feedback import clock
from coach.errors import CoachError
from coach.paths import samples_dir
from coach.transcript.load import TEXT_SUFFIXES, load_transcript

EXIT_USAGE = 2
EXIT_BUG = 1
EXIT_INTERRUPTED = 130


_bar_open = False  # a progress bar line is on stderr and not yet ended


def _end_bar() -> None:
    """End an unfinished progress bar line so the next message starts on its own line."""
    global _bar_open
    if _bar_open:
        unescaped(sys.stderr).write("\n")
        sys.stderr.flush()
        _bar_open = False


def _progress_printer(enabled: bool) -> Callable[[float, str], None] | None:
    """One progress bar on stderr that only moves forward (None when not ``enabled``)."""
    if not enabled:
        return None
    shown = [0.0]

    def show(done: float, message: str) -> None:
        global _bar_open
        done = shown[0] = max(shown[0], min(1.0, done))
        width = 30
        filled = int(width * max(0.0, min(1.0, done)))
        unescaped(sys.stderr).write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done * 100:3.0f}% "
            f"{one_line(message)[:40]:<40}"
        )
        _bar_open = True
        if done >= 1.0:
            _end_bar()
        sys.stderr.flush()

    return show


def format_review(rv: Any, *, source: str = "") -> str:
    """A readable summary of a :class:`~coach.coaching.review.Review` for the terminal."""
    t, a, fb = rv.transcript, rv.analysis, rv.feedback
    lines = []
    from coach.cli.i18n import tr, tr_unit  # the user's language (Chinese locale: Chinese)

    title = (
        tr("Coach feedback for {source}").format(source=one_line(source))
        if source
        else tr("Coach feedback")
    )
    lines += [title, "=" * display_width(title)]
    words = tr("{n} characters" if t.language == "zh" else "{n} words").format(n=a.word_count)
    if t.timed and t.duration_s:
        words += tr(", {length} long, engine {engine}").format(
            length=clock(t.duration_s), engine=t.engine
        )
    lines.append(tr("{profile} match: {score}/100   ({facts})").format(
        profile=one_line(rv.profile_name), score=f"{fb.score:.0f}", facts=words))  # fmt: skip
    if fb.trait_scores:
        lines.append("  " + "  ".join(f"{tr(k)} {v:.0f}" for k, v in fb.trait_scores.items()))
    lines.append("")
    lines.append(tr("Metrics (value | target band | score):"))
    for m in rv.metrics:
        mark = {"good": "ok ", "close": "~  ", "off": "!! "}[m.status]
        unit = tr_unit(m.unit)
        unit = f" {unit}" if unit and not unit.startswith("/") and unit != "%" else unit
        lines.append(
            f"  {mark}{fit(tr(m.label), 36)} {m.value:8.1f}{fit(unit, 12)} "
            f"[{m.target_low:g}-{m.target_high:g}]  {m.score:5.0f}"
        )
    figs = [f for f in a.figures if f.kind == "figure"]
    lines.append("")
    shown = ", ".join(
        (f"{clock(f.start_s)} " if f.start_s is not None else "") + f"'{f.text}'" for f in figs[:12]
    )
    lines.append(
        tr("Figures ({n}): ").format(n=len(figs)) + f"{shown}{' …' if len(figs) > 12 else ''}"
    )
    vague = [f.text for f in a.figures if f.kind == "vague"]
    if vague:
        lines.append(
            tr("Vague amounts ({n}): ").format(n=len(vague))
            + ", ".join(f"'{v}'" for v in vague[:8])
        )
    hype = a.details.get("hype", [])
    if hype:
        lines.append(
            tr("Hype and jargon ({n}): ").format(n=len(hype))
            + ", ".join(f"'{h['text']}'" for h in hype[:10])
        )
    if fb.tips:
        lines.append("")
        lines.append(tr("Tips, most important first:"))
        for i, tip in enumerate(fb.tips, 1):
            lines.append(f"  {i}. {join_words([tip.text, tip.action])}")
    return "\n".join(lines)


def _emit(
    rv: Any, args: argparse.Namespace, source: str, extra: dict[str, Any] | None = None
) -> None:
    from coach.coaching.review import review_to_dict

    if args.json:
        data = review_to_dict(rv)
        data.pop("_review", None)
        data.update(extra or {})
        dump_json(data)
    else:
        print(format_review(rv, source=source))
        for key, value in (extra or {}).items():
            print(f"{key}: {value}")


def cmd_analyze(args: argparse.Namespace) -> int:
    """coach analyze PATH"""
    from coach.coaching.review import review
    from coach.profile import check_language, load_profile
    from coach.transcript.language import check_choice

    language = check_choice(getattr(args, "language", None))
    # fail fast on a bad profile (or one for the other language), before transcribing
    profile = load_profile(args.profile) if args.profile else None
    if profile is not None and language != "auto":
        check_language(profile, language)
    path = Path(args.path)
    for check in BEFORE_ANALYZE:  # outputs, the script and the store: before the slow part
        check(args, path)
    _note_missing_whisper(path, getattr(args, "engine", None))
    show_progress = sys.stderr.isatty()  # a bar only where a person watches
    transcript = load_transcript(
        path,
        engine=getattr(args, "engine", None),
        model=getattr(args, "model", None),
        progress=_progress_printer(show_progress),
        language=language,
    )
    rv = review(transcript, profile)  # no --profile: the Lei Jun profile in the talk's language
    extra: dict[str, Any] = {}
    failed: CoachError | None = None
    for hook in AFTER_ANALYZE:
        try:
            extra.update(hook(args, path, rv) or {})
        except CoachError as exc:
            failed = exc  # show the feedback anyway, then say what was kept
            break
    _emit(rv, args, path.name, extra)
    if failed is not None:
        raise CoachError(_kept_message(extra, failed))
    return 0


def _kept_message(done: dict[str, Any], failed: CoachError) -> str:
    """ "Saved as session 12; the PDF could not be written: …" when a later step fails."""
    kept = []
    if done.get("id") is not None:
        kept.append(f"saved as session {done['id']}")
    if done.get("pdf"):
        kept.append(f"the PDF was written to {done['pdf']}")
    if not kept:
        return str(failed)
    said = "; ".join(kept)
    return f"{said[:1].upper()}{said[1:]}; {failed}"


def _note_missing_whisper(path: Path, engine: str | None) -> None:
    """Say in one line what to install when a recording falls back to Sphinx (core-only install)."""
    if engine is not None or path.suffix.lower() in TEXT_SUFFIXES or not path.is_file():
        return
    from coach.transcript.transcribe import available_engines

    if "whisper" not in available_engines():
        print(
            "coach: Whisper is not installed, so the rougher Sphinx engine transcribes this; "
            "for better transcripts run `pip install 'presentation-coach[whisper]'`.",
            file=sys.stderr,
        )


def cmd_demo(args: argparse.Namespace) -> int:
    """coach demo: analyse the bundled sample."""
    folder = samples_dir()
    audio = sorted(p for p in folder.glob("demo.*") if p.suffix.lower() not in TEXT_SUFFIXES)
    use_audio = audio and not args.text
    if use_audio:
        try:
            import coach.transcript.transcribe  # noqa: F401
        except ImportError:
            use_audio = False
    args.path = str(audio[0] if use_audio else folder / "demo.txt")
    args.json = getattr(args, "json", False)
    print(f"Analysing the bundled sample {Path(args.path).name} …", file=sys.stderr)
    return cmd_analyze(args)


# Later features (sessions, speak, profiles, PDF export) register here without editing main().
SUBCOMMANDS: list[Callable[[Any], None]] = []
AFTER_ANALYZE: list[Callable[[argparse.Namespace, Path, Any], dict[str, Any] | None]] = []
# Checks run before any analysis (output folders, scripts, the store): raise CoachError to refuse.
BEFORE_ANALYZE: list[Callable[[argparse.Namespace, Path], None]] = []
ANALYZE_OPTIONS: list[Callable[[argparse.ArgumentParser], None]] = []


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from coach.cli.i18n import tr

    parser = argparse.ArgumentParser(
        prog="coach",
        description=tr(
            "Coach: rehearse a talk and compare it with a speaking-style profile, offline."
        ),
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", help="profile id (e.g. leijun) or a .toml file; default leijun")
        p.add_argument(
            "--json", action="store_true", help="print one JSON object instead of a summary"
        )
        p.add_argument("--engine", choices=["whisper", "sphinx"],
                       help="speech engine for audio (default: best offline engine installed)")  # fmt: skip
        p.add_argument("--model", help="Whisper model: base (default), tiny.en, a model from "
                       "`coach models download`, or a model folder")  # fmt: skip
        p.add_argument("--language", default="auto", metavar="{auto,en,zh}",
                       help="language of the talk: en, zh (Mandarin) or auto (default: detected "
                            "from the audio or the script)")  # fmt: skip
        for option in ANALYZE_OPTIONS:
            option(p)

    p = sub.add_parser(
        "analyze", aliases=["analyse"], help=tr("analyse a script (.txt/.md) or a recording")
    )
    p.add_argument("path", help="script (.txt, .md) or recording (.wav, .flac, .mp3, .m4a, .ogg …)")
    common(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help=tr("analyse the bundled sample rehearsal"))
    p.add_argument(
        "--text", action="store_true", help="use the sample script instead of the recording"
    )
    common(p)
    p.set_defaults(func=cmd_demo)

    for register in SUBCOMMANDS:
        register(sub)
    return parser


def _load_plugins() -> None:
    """Import the modules that add subcommands; a missing optional part is skipped."""
    import importlib

    for name in (
        "coach.cli.sessions",
        "coach.cli.adherence",
        "coach.cli.profiles",
        "coach.cli.speak",
        "coach.cli.export",
        "coach.cli.gui",
        "coach.cli.slides",
        "coach.cli.batch",
        "coach.cli.models",
    ):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coach`` command; returns the exit code (see the README's table).

    0 success, 2 a usage or input problem (one sentence on stderr), 1 a bug (traceback in the
    log, one line on stderr pointing there), 130 interrupted.
    """
    with safe_terminal():
        try:
            return _run(argv)
        except KeyboardInterrupt:
            _end_bar()
            print("coach: interrupted.", file=sys.stderr)
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            return 0
        except Exception as exc:  # a bug: never end on a bare traceback
            _end_bar()
            log = log_bug(exc, list(sys.argv[1:] if argv is None else argv))
            where = f"the details are in {log}" if log else "the log could not be written"
            print(f"coach: internal error ({type(exc).__name__}); {where}. Please report it.",
                  file=sys.stderr)  # fmt: skip
            if log is None:
                import traceback

                traceback.print_exception(exc)
            return EXIT_BUG


def _run(argv: Sequence[str] | None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    _load_plugins()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except CoachError as exc:
        _end_bar()
        from coach.cli.i18n import tr_error

        print(f"coach: {tr_error(str(exc))}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    # Plugins register with the module ``coach.cli.core``, not with this ``__main__`` copy of it.
    from coach.cli.core import main as _main

    sys.exit(_main())
