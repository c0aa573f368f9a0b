"""Script adherence in ``coach analyze REC --script SCRIPT``: how much of the script was said.

Adds no option of its own: ``--script`` comes from :mod:`coach.cli.sessions` (which also keeps
the script with a saved session). When it is given, the analysis ends with the adherence summary,
or with an ``adherence`` object in ``--json`` output. Registers itself when imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.transcript.load import read_text_file


def _after_analyze(args: argparse.Namespace, path: Path, rv: Any) -> dict[str, Any] | None:
    script_file = getattr(args, "script", None)
    if not script_file:
        return None
    from coach.script.adherence import adherence, adherence_to_dict

    result = adherence(read_text_file(Path(script_file)), rv.transcript)
    if args.json:
        return {"adherence": adherence_to_dict(result)}
    return {"Script adherence": "\n  " + "\n  ".join(result.summary())}


cli.AFTER_ANALYZE.append(_after_analyze)
