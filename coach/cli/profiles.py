"""``coach profile list|show|build``: see the speaking-style profiles and make new ones.

Registers itself with :mod:`coach.cli.core` when imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.cli.output import check_output_file, dump_json, one_line
from coach.paths import bundled_profiles_dir


def _kind(path: Path | None) -> str:
    if path is None:
        return "unsaved"
    return "bundled" if path.parent == bundled_profiles_dir() else "yours"


def cmd_list(args: argparse.Namespace) -> int:
    """coach profile list (an error, not an empty list, when no profile can be read)."""
    from coach.errors import ProfileError
    from coach.paths import user_profiles_dir
    from coach.profile import profile_files, read_profile

    rows = []
    problems = []
    for pid, path in profile_files().items():
        try:
            p = read_profile(path)
            rows.append((pid, p.name, f"{len(p.metrics)} targets", _kind(path), str(path)))
        except ProfileError as exc:
            problems.append(str(exc))
            rows.append((pid, "(cannot be read)", str(exc), _kind(path), str(path)))
    if not rows:
        raise ProfileError(
            f"No speaking-style profiles were found (none bundled in {bundled_profiles_dir()}, "
            f"none of yours in {user_profiles_dir()}); reinstall Coach with "
            "`pip install --force-reinstall presentation-coach`."
        )
    if len(problems) == len(rows):
        raise ProfileError(
            f"None of the {len(rows)} profile file(s) can be read ({problems[0]}); reinstall "
            "Coach or fix the file."
        )
    width = max(len(r[0]) for r in rows)
    for pid, name, info, kind, where in rows:
        print(f"{pid:<{width}}  {one_line(name)}  ({info}, {kind})  {where}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """coach profile show NAME"""
    from coach.coaching.profile_builder import profile_to_dict
    from coach.metrics import METRICS
    from coach.profile import load_profile

    p = load_profile(args.name)
    if args.json:
        dump_json(profile_to_dict(p))
        return 0
    print(f"{one_line(p.name)}  [{one_line(p.id)}]  ({_kind(p.path)}: {p.path})")
    if p.description:
        print(p.description)
    if p.source:
        print(f"Source: {p.source}")
    print("")
    for name, t in p.metrics.items():
        spec = METRICS[name]
        print(f"{spec.label} ({name}): {t.low:g}-{t.high:g} {spec.unit}, weight {t.weight:g}")
        print(f"    why: {t.why}")
        if t.source:
            print(f"    source: {t.source}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """coach profile build FILES... --name NAME"""
    from coach.coaching.profile_builder import build_profile, save_profile

    if args.out:  # the same rule as --pdf and speak --out, checked before the slow part
        check_output_file(args.out, what="profile", suffix=".toml")
    profile = build_profile(
        args.files,
        name=args.name,
        engine=args.engine,
        model=args.model,
        progress=cli._progress_printer(sys.stderr.isatty()),
    )
    saved = save_profile(profile, args.out, overwrite=args.force)
    print(f"Saved profile '{one_line(saved.name)}' ({saved.id}) to {saved.path}")
    print(f"Use it: coach analyze TALK.txt --profile {saved.id}")
    return 0


def register(sub: Any) -> None:
    """Add the ``profile`` subcommand and its actions to the ``coach`` parser."""
    p = sub.add_parser("profile", help="list, show or build speaking-style profiles")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("list", help="every profile: bundled and yours")
    a.set_defaults(func=cmd_list)

    a = actions.add_parser("show", help="a profile's targets with why and source")
    a.add_argument("name", help="profile id (e.g. leijun) or a .toml file")
    a.add_argument("--json", action="store_true", help="print the profile as JSON")
    a.set_defaults(func=cmd_show)

    a = actions.add_parser(
        "build", help="measure reference talks of a speaker and save a profile around them"
    )
    a.add_argument("files", nargs="+", help="reference transcripts (.txt, .md) or recordings")
    a.add_argument("--name", required=True, help="name of the new profile")
    a.add_argument("--out", help="write here instead of your profiles folder")
    a.add_argument("--force", action="store_true", help="replace an existing profile file")
    a.add_argument("--engine", choices=["whisper", "sphinx"],
                   help="speech engine for recordings (default: best offline engine)")  # fmt: skip
    a.add_argument("--model", help="Whisper model for recordings: base, tiny.en, or a folder")
    a.set_defaults(func=cmd_build)


cli.SUBCOMMANDS.append(register)
