"""``coach speak SCRIPT.txt [--profile P] [--out model.wav]``: hear a script at the profile's pace.

Registers itself with :mod:`coach.cli.core` when imported. Without ``--out`` the model delivery plays on
the speakers; with it the WAV is written. Either way one summary line is printed (duration, pace
planned, pauses placed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.cli.output import check_output_file
from coach.transcript.load import read_text_file


def cmd_speak(args: argparse.Namespace) -> int:
    """coach speak SCRIPT"""
    from coach.cjk import script_language
    from coach.voice import delivery as voice

    out = check_output_file(args.out, what="WAV file", suffix=".wav") if args.out else None
    text = read_text_file(Path(args.path))
    chinese = script_language(text) == "zh"  # a Mandarin voice, paced in characters per minute
    target = (
        args.wpm
        if args.wpm is not None
        else voice.target_wpm_for(args.profile or ("leijun-zh" if chinese else None))
    )
    pauses = {"figure_pause_s": args.figure_pause, "paragraph_pause_s": args.paragraph_pause}

    def render(out: Path) -> Any:
        if chinese:
            from coach.voice.zh_delivery import render_zh_delivery

            return render_zh_delivery(text, out, target_cpm=target, **pauses)
        return voice.render_model_delivery(text, out, target_wpm=target, **pauses)

    def summary(result: Any) -> str:
        line = str(result.summary())
        return (
            line.replace(" words at ", " characters at ").replace(" wpm ", " chars/min ")
            if chinese
            else line
        )

    if out is not None:
        print(summary(render(out)))
        return 0
    with tempfile.TemporaryDirectory(prefix="coach-speak-") as tmp:
        result = render(Path(tmp) / "model.wav")
        print(summary(result), file=sys.stderr)
        voice.play(result.path, wait=True)
    return 0


def register(sub: Any) -> None:
    """Add the ``speak`` subcommand to the ``coach`` parser."""
    p = sub.add_parser("speak", help="read a script aloud at the profile's pace (model delivery)")
    p.add_argument("path", help="script (.txt or .md)")
    p.add_argument("--profile", help="profile id (e.g. leijun) or a .toml file; default leijun")
    p.add_argument("--out", help="write the delivery to this WAV file instead of playing it")
    p.add_argument("--wpm", type=float,
                   help="pace in words per minute, characters per minute for a Chinese script "
                        "(default: the profile's)")  # fmt: skip
    p.add_argument("--figure-pause", type=float, default=0.6, metavar="S",
                   help="silence after each figure, seconds (default 0.6)")  # fmt: skip
    p.add_argument("--paragraph-pause", type=float, default=1.0, metavar="S",
                   help="silence at each paragraph end, seconds (default 1.0)")  # fmt: skip
    p.set_defaults(func=cmd_speak)


cli.SUBCOMMANDS.append(register)
