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
    from coach.voice import delivery as voice

    out = check_output_file(args.out, what="WAV file", suffix=".wav") if args.out else None
    text = read_text_file(Path(args.path))
    target = args.wpm if args.wpm is not None else voice.target_wpm_for(args.profile)
    options = {
        "target_wpm": target,
        "figure_pause_s": args.figure_pause,
        "paragraph_pause_s": args.paragraph_pause,
    }
    if out is not None:
        result = voice.render_model_delivery(text, out, **options)
        print(result.summary())
        return 0
    with tempfile.TemporaryDirectory(prefix="coach-speak-") as tmp:
        result = voice.render_model_delivery(text, Path(tmp) / "model.wav", **options)
        print(result.summary(), file=sys.stderr)
        voice.play(result.path, wait=True)
    return 0


def register(sub: Any) -> None:
    """Add the ``speak`` subcommand to the ``coach`` parser."""
    p = sub.add_parser("speak", help="read a script aloud at the profile's pace (model delivery)")
    p.add_argument("path", help="script (.txt or .md)")
    p.add_argument("--profile", help="profile id (e.g. leijun) or a .toml file; default leijun")
    p.add_argument("--out", help="write the delivery to this WAV file instead of playing it")
    p.add_argument("--wpm", type=float, help="pace in words per minute (default: the profile's)")
    p.add_argument("--figure-pause", type=float, default=0.6, metavar="S",
                   help="silence after each figure, seconds (default 0.6)")  # fmt: skip
    p.add_argument("--paragraph-pause", type=float, default=1.0, metavar="S",
                   help="silence at each paragraph end, seconds (default 1.0)")  # fmt: skip
    p.set_defaults(func=cmd_speak)


cli.SUBCOMMANDS.append(register)
