"""``coach models`` and ``coach models download NAME``: the Whisper models on this computer.

``coach models`` lists every model Coach can use with its size and whether its files still match
their recorded SHA-256. ``coach models download small`` is the one command that uses the network,
and only when the user runs it: it fetches a faster-whisper model pinned to one revision into the
user cache. Registers itself with :mod:`coach.cli.core` when imported.
"""

from __future__ import annotations

import argparse
from typing import Any

from coach.cli import core as cli


def _size(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def cmd_models(args: argparse.Namespace) -> int:
    """coach models [download NAME]"""
    from coach.transcript import models

    if args.action == "download":
        print(f"Downloading Whisper {args.name} (pinned revision) …", flush=True)
        info = models.download_model(args.name)
        print(
            f"{info.name}: {_size(info.size_bytes)}, {info.source}, checksums recorded, in {info.folder}"
        )
        print(f"Use it with: coach analyze FILE --model {info.name}")
        return 0
    found = models.installed_models(verify=True)
    print(f"{'model':<10}{'size':>10}  {'checksum':<34}source")
    for m in found:
        print(f"{m.name:<10}{_size(m.size_bytes):>10}  {m.checksum:<34}{m.source}")
    missing = [n for n in models.DOWNLOADABLE if n not in {m.name for m in found}]
    if missing:
        print(
            f"Not installed: {', '.join(missing)} (`coach models download NAME`, needs the internet)."
        )
    return 0


def register(sub: Any) -> None:
    """Add ``coach models`` to the parser."""
    p = sub.add_parser("models", help="list Whisper models, or download another one")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("download", help="fetch a faster-whisper model (uses the internet)")
    a.add_argument("name", help="model to fetch: tiny or small")
    p.set_defaults(func=cmd_models, action=None)


cli.SUBCOMMANDS.append(register)
