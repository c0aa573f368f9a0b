"""``coach batch PATH...``: score a folder of recorded talks (class mode), locally or on Dask.

Registers itself with :mod:`coach.cli.core` when imported. Exit codes: 0 every talk scored,
1 some talks failed (their rows say why; the rest of the table is complete), 2 nothing could run
(no talks found, bad profile, unreachable scheduler), 130 stopped with Ctrl+C (run the same
command again to resume: finished talks are kept in the results cache).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.errors import InputError

EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130
CACHE_NAME = "batch-results.jsonl"


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"workers must be a whole number of 1 or more, not '{text}'"
        )
    return value


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "estimating…"
    from coach.coaching.feedback import clock

    return f"about {clock(seconds)} left"


def cmd_batch(args: argparse.Namespace) -> int:
    """coach batch PATH..."""
    from coach.batch.cache import ResultsCache
    from coach.batch.files import find_talks
    from coach.batch.outputs import Outputs
    from coach.batch.run import BatchProgress, LocalRunner, run_batch
    from coach.batch.table import format_table, json_object, write_csv
    from coach.batch.work import make_job
    from coach.paths import data_dir
    from coach.profile import load_profile

    if args.scheduler and args.workers:
        raise InputError(
            "--workers sets the local pool; with --scheduler the cluster's workers are the ones "
            "started with `dask worker`: leave out --workers."
        )
    profile = load_profile(args.profile)
    job = make_job(profile, engine=args.engine, model=args.model, language=args.language)
    talks = find_talks(args.paths)
    pdf_dir = None
    if args.pdf_dir:
        pdf_dir = Path(args.pdf_dir).expanduser().absolute()
        try:
            pdf_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"Cannot create the PDF folder {pdf_dir}: {exc.strerror}.") from None
    store = None
    if args.save:
        from coach.cli.sessions import open_store

        store = open_store()
    outputs = Outputs(pdf_dir=pdf_dir, store=store)
    if args.scheduler:
        from coach.batch.cluster import DaskRunner

        runner: Any = DaskRunner(args.scheduler)
    else:
        runner = LocalRunner(args.workers)
    cache = ResultsCache(data_dir() / CACHE_NAME)
    show = cli._progress_printer(sys.stderr.isatty() or not args.json)

    def progress(p: BatchProgress) -> None:
        if show is not None:
            fraction = p.done / p.total if p.total else 1.0
            reused = f", {p.reused} reused" if p.reused else ""
            failed = f", {p.failed} failed" if p.failed else ""
            show(fraction, f"{p.done}/{p.total} talks{reused}{failed}, {_eta(p.eta_s)}")

    outcome = run_batch(
        talks,
        job,
        runner=runner,
        cache=cache,
        talk_from=args.talk_from or "file",
        on_scored=outputs.write if (pdf_dir or store) else None,
        reuse=(lambda _o: False) if args.fresh else outputs.has,
        progress=progress,
    )
    cli._end_bar()
    if getattr(runner, "notice", ""):
        print(f"coach: note: {runner.notice}.", file=sys.stderr)
    if outcome.interrupted:
        done = sum(1 for i in outcome.items if i.reused or i.result is not None)
        print(
            f"coach: stopped after {done} of {len(outcome.items)} talks; run the same command "
            "again to resume (finished talks are not redone).",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    rows = outcome.rows
    if args.csv:
        out = write_csv(rows, Path(args.csv).expanduser())
        print(f"Wrote the class table ({len(rows)} talks) to {out}", file=sys.stderr)
    if args.json:
        data = json_object(rows, profile=profile.id, profile_name=profile.name,
                           engine=job.engine, model=job.model)  # fmt: skip
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_table(rows, profile_name=profile.name))
    if outcome.failed:
        print(f"coach: {outcome.failed} of {len(rows)} talks could not be scored.", file=sys.stderr)
        return EXIT_SOME_FAILED
    return 0


def register(sub: Any) -> None:
    """Add ``coach batch`` to the command's subparsers."""
    p = sub.add_parser(
        "batch",
        help="score a folder of recorded talks (class mode), locally or on a Dask cluster",
        description="Score every recording and script in PATH (folders are searched recursively) "
        "and print the class table. Finished talks are remembered, so running the same command "
        "again resumes after Ctrl+C.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders of talks")
    p.add_argument("--profile", help="profile id (e.g. leijun) or a .toml file; default leijun")
    p.add_argument(
        "--language",
        help="spoken language code, e.g. en; passed on once the speech engine takes one",
    )
    p.add_argument("--engine", choices=["whisper", "sphinx"],
                   help="speech engine for audio (default: best offline engine installed)")  # fmt: skip
    p.add_argument("--model", help="Whisper model: base (default), tiny.en, or a model folder")
    p.add_argument("--workers", type=_workers,
                   help="local worker processes (default: one per core)")  # fmt: skip
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask cluster, e.g. tcp://host:8786 (needs the cluster extra)")  # fmt: skip
    p.add_argument("--csv", metavar="FILE", help="also write the class table as CSV")
    p.add_argument("--json", action="store_true", help="print the class table as JSON")
    p.add_argument("--pdf-dir", metavar="DIR", help="write each talk's feedback PDF into DIR")
    p.add_argument("--save", action="store_true", help="keep each talk as a saved session")
    p.add_argument("--talk-from", choices=["file", "folder"],
                   help="the talk column (and saved sessions' talk): file name (default) or folder name")  # fmt: skip
    p.add_argument("--fresh", action="store_true",
                   help="score every talk again instead of reusing finished ones")  # fmt: skip
    p.set_defaults(func=cmd_batch)


cli.SUBCOMMANDS.append(register)
