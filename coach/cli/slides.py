"""Slides on the command line.

``coach analyze REC.wav --slides DECK.pdf --slide-times times.csv`` adds the per-slide report
(``slides`` in ``--json`` output: one object per slide shown). ``coach slides info DECK`` checks
that a deck opens and lists its slides, ``coach slides notes DECK`` prints the speaker notes as a
script, and ``coach slides times ID`` prints when each slide came up in a saved rehearsal, as
the CSV ``--slide-times`` reads. Registers itself when imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coach.cli import core as cli
from coach.cli import sessions
from coach.errors import CoachError


def _analyze_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--slides", metavar="DECK", help="the deck shown (.pdf or .pptx): adds feedback per slide"
    )
    p.add_argument("--slide-times", metavar="CSV",
                   help="when each slide came up: CSV with header slide,start_s (needs --slides)")  # fmt: skip
    p.add_argument("--slide-targets", metavar="CSV",
                   help="planned seconds per slide: CSV with header slide,target_s")  # fmt: skip


def _before_analyze(args: argparse.Namespace, _path: Path) -> None:
    """Open the deck and read the times before transcribing, so a bad file fails at once."""
    deck_file = getattr(args, "slides", None)
    times_file = getattr(args, "slide_times", None)
    if not deck_file and not times_file:
        return
    if not deck_file or not times_file:
        raise CoachError(
            "Per-slide feedback needs both --slides DECK and --slide-times CSV "
            "(a header 'slide,start_s' and one row per slide shown)."
        )
    from coach.slides.deck import load_deck
    from coach.slides.times import read_slide_targets, read_slide_times
    from coach.transcript.load import TEXT_SUFFIXES

    if Path(args.path).suffix.lower() in TEXT_SUFFIXES:
        raise CoachError(
            "Per-slide feedback needs a recording (word times), not a typed script; "
            "give the recording of the rehearsal."
        )
    deck = load_deck(deck_file)
    args.slides_deck = deck
    args.slides_changes = read_slide_times(times_file, slide_count=len(deck))
    targets = getattr(args, "slide_targets", None)
    args.slides_targets = read_slide_targets(targets, slide_count=len(deck)) if targets else None


def _after_analyze(args: argparse.Namespace, path: Path, rv: Any) -> dict[str, Any] | None:
    deck = getattr(args, "slides_deck", None)
    if deck is None:
        return None
    from coach.slides.per_slide import per_slide, slide_report_to_dict

    report = per_slide(rv, deck, args.slides_changes, targets=args.slides_targets)
    if args.json:
        data = slide_report_to_dict(report)
        slides = data.pop("slides")
        return {"slides": slides, "slide_report": data}
    return {"Slides": "\n  " + "\n  ".join(report.summary())}


def _save_show(args: argparse.Namespace, store: Any, session: Any) -> None:
    """``analyze --save --slides``: keep the deck and the slide times with the saved session, as
    a rehearsal in the app does (History, Feedback, the PDF and ``slides times`` then show them)."""
    deck = getattr(args, "slides_deck", None)
    if deck is None:
        return
    from coach.slides.talk_decks import keep_deck
    from coach.store.slide_shows import save_slide_show

    save_slide_show(store, session.id, deck_file=keep_deck(deck), deck_name=deck.name,
                    slide_count=len(deck), changes=args.slides_changes)  # fmt: skip


def cmd_info(args: argparse.Namespace) -> int:
    """coach slides info DECK"""
    from coach.slides.deck import load_deck
    from coach.slides.render import pictures_note

    deck = load_deck(args.deck)
    notes = [n for n in (*deck.notices, pictures_note(deck)) if n]
    if args.json:
        slides = [{"slide": s.number, "title": s.title, "words": len(s.text.split()),
                   "notes_words": len(s.notes.split())} for s in deck.slides]  # fmt: skip
        json.dump({"deck": deck.name, "kind": deck.kind, "slide_count": len(deck), "slides": slides,
                   "notices": notes}, sys.stdout, ensure_ascii=False, indent=1)  # fmt: skip
        sys.stdout.write("\n")
        return 0
    print(f"{deck.name}: {len(deck)} slides ({deck.kind.upper()})")
    for s in deck.slides:
        extra = f", notes {len(s.notes.split())} words" if s.notes else ""
        print(f"  {s.number:>3}. {s.title or '(no title)'}  [{len(s.text.split())} words{extra}]")
    for note in notes:
        print(note)
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    """coach slides notes DECK: the speaker notes, ready to use as the script."""
    from coach.slides.deck import SlideError, load_deck

    deck = load_deck(args.deck)
    if not deck.notes_text:
        raise SlideError(f"{deck.name} has no speaker notes to turn into a script.")
    print(deck.notes_text)
    return 0


def cmd_times(args: argparse.Namespace) -> int:
    """coach slides times ID: the slide changes of a saved rehearsal as CSV."""
    from coach.cli.sessions import open_store
    from coach.slides.deck import SlideError
    from coach.slides.times import slide_times_csv
    from coach.store.slide_shows import load_slide_show

    show = load_slide_show(open_store(), args.id)
    if show is None:
        raise SlideError(f"Session {args.id} was rehearsed without slides.")
    sys.stdout.write(slide_times_csv(show.changes))
    return 0


def _register(sub: Any) -> None:
    p = sub.add_parser(
        "slides", help="slide decks: check one, its notes, a rehearsal's slide times"
    )
    ss = p.add_subparsers(dest="slides_command", metavar="ACTION", required=True)
    a = ss.add_parser("info", help="open a deck (.pdf, .pptx) and list its slides")
    a.add_argument("deck")
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.set_defaults(func=cmd_info)
    a = ss.add_parser("notes", help="print a PowerPoint deck's speaker notes as a script")
    a.add_argument("deck")
    a.set_defaults(func=cmd_notes)
    a = ss.add_parser("times", help="print when each slide came up in a saved rehearsal (CSV)")
    a.add_argument("id", type=int, help="session id (coach sessions list)")
    a.set_defaults(func=cmd_times)


cli.ANALYZE_OPTIONS.append(_analyze_options)
cli.BEFORE_ANALYZE.append(_before_analyze)
cli.AFTER_ANALYZE.append(_after_analyze)
cli.SUBCOMMANDS.append(_register)
sessions.AFTER_SAVE.append(_save_show)
