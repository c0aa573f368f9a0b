"""``coach analyze FILE --pdf OUT.pdf`` and ``coach sessions export ID --pdf OUT.pdf``.

Registers itself with :mod:`coach.cli.core` when imported: the ``--pdf``/``--page-size`` options of
``analyze`` (the hook adds ``pdf: PATH`` to the output) and the ``export`` action of ``sessions``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from coach.cli import core as cli
from coach.cli.output import check_output_file
from coach.errors import CoachError, ExportError
from coach.transcript.load import read_text_file

PAGE_SIZES = ("A4", "Letter")


def _page_size(text: str) -> str:
    for size in PAGE_SIZES:
        if text.lower() == size.lower():
            return size
    raise argparse.ArgumentTypeError(f"page size must be A4 or Letter, not '{text}'")


def _analyze_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf", metavar="OUT.pdf", help="also write the feedback report as a PDF")
    p.add_argument("--page-size", type=_page_size, default="A4",
                   help="PDF page size: A4 (default) or Letter")  # fmt: skip


def _before_analyze(args: argparse.Namespace, path: Path) -> None:
    if getattr(args, "pdf", None):
        check_output_file(args.pdf, what="PDF", suffix=".pdf")


def _after_analyze(args: argparse.Namespace, path: Path, rv: Any) -> dict[str, Any] | None:
    if not getattr(args, "pdf", None):
        return None
    try:
        return _write_pdf(args, path, rv)
    except CoachError as exc:
        raise ExportError(f"the PDF could not be written: {exc}") from None


def _write_pdf(args: argparse.Namespace, path: Path, rv: Any) -> dict[str, Any]:
    from coach.report.pdf import export_pdf

    adherence = None
    script = getattr(args, "script", None)
    if script and rv.transcript.timed:
        from coach.script.adherence import adherence as follow

        adherence = follow(read_text_file(Path(script)), rv.transcript)
    title = getattr(args, "title", None) or path.stem
    about = SimpleNamespace(title=title, talk=getattr(args, "talk", None), created=None)
    slides = None
    if getattr(args, "slides_deck", None) is not None:  # --slides/--slide-times (cli/slides.py)
        from coach.slides.per_slide import per_slide

        deck = args.slides_deck
        slides = (per_slide(rv, deck, args.slides_changes, targets=args.slides_targets), deck)
    out = export_pdf(rv, args.pdf, title=title, session=about, adherence=adherence,
                     page_size=args.page_size, slides=slides)  # fmt: skip
    return {"pdf": str(out)}


def cmd_export(args: argparse.Namespace) -> int:
    """coach sessions export ID --pdf OUT.pdf"""
    from coach.cli.sessions import open_store
    from coach.report.pdf import export_session_pdf

    check_output_file(args.pdf, what="PDF", suffix=".pdf")
    out = export_session_pdf(open_store(), args.id, args.pdf, page_size=args.page_size)
    print(f"Wrote {out}")
    return 0


def _register_export(actions: Any) -> None:
    from coach.cli.sessions import _session_id

    a = actions.add_parser("export", help="write a session's feedback report as a PDF")
    a.set_defaults(func=cmd_export)
    a.add_argument("id", type=_session_id)
    a.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    a.add_argument("--page-size", type=_page_size, default="A4",
                   help="A4 (default) or Letter")  # fmt: skip


cli.ANALYZE_OPTIONS.append(_analyze_options)
cli.BEFORE_ANALYZE.append(_before_analyze)
cli.AFTER_ANALYZE.append(_after_analyze)
try:
    from coach.cli import sessions as cli_sessions
except ModuleNotFoundError:  # pragma: no cover - the store is an optional part
    cli_sessions = None  # type: ignore[assignment]
if cli_sessions is not None and hasattr(cli_sessions, "ACTIONS"):
    cli_sessions.ACTIONS.append(_register_export)
