"""The ``coach`` command line: analyse a script or recording, run the demo, manage sessions.

Expected problems (missing file, bad audio, unknown profile) print one line on stderr and exit 2;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coach import __version__
from coach.coaching.feedback import clock
from coach.errors import CoachError
from coach.paths import samples_dir
from coach.transcript.load import TEXT_SUFFIXES, load_transcript

EXIT_USAGE = 2


_bar_open = False  # a progress bar line is on stderr and not yet ended


def _end_bar() -> None:
    """End an unfinished progress bar line so the next message starts on its own line."""
    global _bar_open
    if _bar_open:
        sys.stderr.write("\n")
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
        filled = int(width * max(0.0, done))
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done * 100:3.0f}% {message[:40]:<40}"
        )
        _bar_open = True
        if done >= 1.0:
            _end_bar()
        sys.stderr.flush()

    return show


def format_review(rv: Any, *, source: str = "") -> str:
    """A readable summary of a :class:`~coach.coaching.review.Review` for the terminal."""
    from coach.metrics import METRICS

    t, a, fb = rv.transcript, rv.analysis, rv.feedback
    lines = []
    title = f"Coach feedback for {source}" if source else "Coach feedback"
    lines += [title, "=" * len(title)]
    words = f"{a.word_count} words"
    if t.timed and t.duration_s:
        words += f", {clock(t.duration_s)} long, engine {t.engine}"
    lines.append(f"{rv.profile_name} match: {fb.score:.0f}/100   ({words})")
    if fb.trait_scores:
        lines.append("  " + "  ".join(f"{k} {v:.0f}" for k, v in fb.trait_scores.items()))
    lines.append("")
    lines.append("Metrics (value | target band | score):")
    for m in rv.metrics:
        mark = {"good": "ok ", "close": "~  ", "off": "!! "}[m.status]
        unit = f" {m.unit}" if m.unit and not m.unit.startswith("/") and m.unit != "%" else m.unit
        lines.append(
            f"  {mark}{METRICS[m.name].label:<36} {m.value:8.1f}{unit:<12} "
            f"[{m.target_low:g}-{m.target_high:g}]  {m.score:5.0f}"
        )
    figs = [f for f in a.figures if f.kind == "figure"]
    lines.append("")
    shown = ", ".join(
        (f"{clock(f.start_s)} " if f.start_s is not None else "") + f"'{f.text}'" for f in figs[:12]
    )
    lines.append(f"Figures ({len(figs)}): {shown}{' …' if len(figs) > 12 else ''}")
    vague = [f.text for f in a.figures if f.kind == "vague"]
    if vague:
        lines.append(f"Vague amounts ({len(vague)}): " + ", ".join(f"'{v}'" for v in vague[:8]))
    hype = a.details.get("hype", [])
    if hype:
        lines.append(
            f"Hype and jargon ({len(hype)}): " + ", ".join(f"'{h['text']}'" for h in hype[:10])
        )
    if fb.tips:
        lines.append("")
        lines.append("Tips, most important first:")
        for i, tip in enumerate(fb.tips, 1):
            lines.append(f"  {i}. {tip.text} {tip.action}")
    return "\n".join(lines)


def _emit(
    rv: Any, args: argparse.Namespace, source: str, extra: dict[str, Any] | None = None
) -> None:
    from coach.coaching.review import review_to_dict

    if args.json:
        data = review_to_dict(rv)
        data.pop("_review", None)
        data.update(extra or {})
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_review(rv, source=source))
        for key, value in (extra or {}).items():
            print(f"{key}: {value}")


def cmd_analyze(args: argparse.Namespace) -> int:
    """coach analyze PATH"""
    from coach.coaching.review import review
    from coach.profile import load_profile

    profile = load_profile(args.profile)  # fail fast on a bad profile, before transcribing
    path = Path(args.path)
    show_progress = sys.stderr.isatty()
    transcript = load_transcript(
        path,
        engine=getattr(args, "engine", None),
        model=getattr(args, "model", None),
        progress=_progress_printer(show_progress),
    )
    rv = review(transcript, profile)
    extra: dict[str, Any] = {}
    for hook in AFTER_ANALYZE:
        extra.update(hook(args, path, rv) or {})
    _emit(rv, args, path.name, extra)
    return 0


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
ANALYZE_OPTIONS: list[Callable[[argparse.ArgumentParser], None]] = []


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Coach: rehearse a talk and compare it with a speaking-style profile, offline.",
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
        for option in ANALYZE_OPTIONS:
            option(p)

    p = sub.add_parser(
        "analyze", aliases=["analyse"], help="analyse a script (.txt/.md) or a recording"
    )
    p.add_argument("path", help="script (.txt, .md) or recording (.wav, .flac, .mp3, .m4a, .ogg …)")
    common(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="analyse the bundled sample rehearsal")
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
        "coach.cli.models",
    ):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coach`` command; returns the exit code."""
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
        print(f"coach: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _end_bar()
        print("coach: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    # Plugins register with the module ``coach.cli.core``, not with this ``__main__`` copy of it.
    from coach.cli.core import main as _main

    sys.exit(_main())
