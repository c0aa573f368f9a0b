"""``coach sessions …`` and ``coach analyze FILE --save``: keep every attempt and show progress.

Registers itself with :mod:`coach.cli.core` when imported: the ``sessions`` subcommand, the
``--save/--title/--talk/--script`` options of ``analyze``, and the hook that saves the session and
adds its ``id`` to the output. A notice about a damaged database goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from coach.cjk import display_width, fit
from coach.cli import core as cli
from coach.cli.output import dump_json, one_line
from coach.coaching.review import JSON_SCHEMA
from coach.errors import CoachError, InputError
from coach.store.audio_files import orphan_kind, partial_copies
from coach.store.sessions import SessionStore, SessionSummary
from coach.transcript.load import TEXT_SUFFIXES, read_text_file


def open_store() -> SessionStore:
    """The user's session store; tells the user on stderr if a damaged database was set aside."""
    store = SessionStore()
    if store.notice:
        print(f"coach: {store.notice}", file=sys.stderr)
    return store


def _when(created: str | None) -> str:
    if not created:
        return ""
    return datetime.fromisoformat(created).astimezone().strftime("%Y-%m-%d %H:%M")


def _num(value: float | None, fmt: str = ".0f") -> str:
    return "-" if value is None else format(value, fmt)


def _json(data: Any) -> None:
    dump_json(data)


def _table(rows: list[SessionSummary], args: argparse.Namespace | None = None) -> None:
    if not rows:
        print(_nothing_found(args))
        return
    talk_w = max(
        4, *(display_width(one_line(r.talk)) for r in rows)
    )  # a Chinese character takes two columns
    print(
        f"{'id':>5}  {'when':<16}  {'talk':<{talk_w}}  {'score':>5}  {'min':>5}  {'wpm':>4}  title"
    )
    for r in rows:
        minutes = None if r.duration_s is None else r.duration_s / 60
        print(
            f"{r.id:>5}  {_when(r.created):<16}  {fit(one_line(r.talk), talk_w)}  {r.score:>5.0f}  "
            f"{_num(minutes, '.1f'):>5}  {_num(r.wpm):>4}  {one_line(r.title)}"
        )


def _nothing_found(args: argparse.Namespace | None) -> str:
    if args is not None and args.trash:
        return "The trash is empty."
    wanted = []
    if args is not None and args.talk is not None:
        wanted.append(f"of the talk '{one_line(args.talk)}'")
    if args is not None and args.query:
        wanted.append(f"matching '{one_line(args.query)}'")
    if wanted:
        return f"No sessions {' and '.join(wanted)}; 'coach sessions list' shows them all."
    return "No sessions yet. Save one with: coach analyze FILE --save --talk NAME"


_ORPHANS = {
    "interrupted": "from saves that were interrupted before they were recorded",
    "unlisted": "of sessions this database does not have (an earlier database was set aside)",
    "moved": "moved out of the way of a new session with the same number",
    "other": "that Coach did not put there",
}


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _audio_notes(store: SessionStore) -> list[str]:
    """Lines about audio no session owns and unfinished copies, with the space they hold."""
    lines = []
    groups: dict[str, list[Path]] = {}
    for p in store.recovered_audio():
        groups.setdefault(orphan_kind(p), []).append(p)
    for kind, files in groups.items():
        size = sum(p.stat().st_size for p in files if p.exists())
        names = ", ".join(one_line(p.name) for p in files[:8]) + (" …" if len(files) > 8 else "")
        lines.append(f"{len(files)} audio file(s) {_ORPHANS[kind]}, {_mb(size)} in "
                     f"{store.audio_dir}: {names}")  # fmt: skip
    parts = partial_copies(store.audio_dir)
    if parts:
        size = sum(n for _, n in parts)
        lines.append(f"{len(parts)} unfinished audio copy(ies) (.incoming-*.part) hold {_mb(size)} "
                     f"in {store.audio_dir}; Coach deletes them an hour after they were last "
                     "written (a save running now writes one too).")  # fmt: skip
    return lines


# -- analyze --save -------------------------------------------------------------------------------


def _analyze_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--save", action="store_true", help="keep this attempt as a session")
    p.add_argument("--title", help="title of the saved session (default: the file name)")
    p.add_argument("--talk", help="name of the talk, to group attempts at the same talk")
    p.add_argument("--script", help="the script (.txt/.md) you were speaking from, kept with it")


def _before_analyze(args: argparse.Namespace, path: Path) -> None:
    """Refuse a bad --script, --title or store before transcribing, not after."""
    if getattr(args, "script", None):
        read_text_file(Path(args.script))
    if not getattr(args, "save", False):
        return
    if args.title is not None and not args.title.strip():
        raise InputError("--title cannot be empty; give a few words or leave it out.")
    args.store = open_store()


def _after_analyze(args: argparse.Namespace, path: Path, rv: Any) -> dict[str, Any] | None:
    if not getattr(args, "save", False):
        return None
    is_text = path.suffix.lower() in TEXT_SUFFIXES
    script = None
    if getattr(args, "script", None):
        script = read_text_file(Path(args.script))
    elif is_text:
        script = read_text_file(path)
    store = getattr(args, "store", None) or open_store()
    with store:  # opened before the analysis (see _before_analyze); closed once saved
        session = store.save(
            rv,
            title=args.title if args.title is not None else path.stem,
            talk=args.talk or "",
            audio=None if is_text else path,
            script=script,
        )
        try:
            for hook in AFTER_SAVE:
                hook(args, store, session)
        except CoachError as exc:
            raise CoachError(f"Saved as session {session.id}; {exc}") from None
    return {"id": session.id}


# -- sessions ... ---------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    """coach sessions list"""
    store = open_store()
    rows = store.trash() if args.trash else store.list(talk=args.talk, query=args.query)
    if args.json:
        _json([asdict(r) for r in rows])
    else:
        _table(rows, args)
        notes = [] if args.trash else _audio_notes(store)
        if notes:
            print("\n" + "\n".join(notes))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """coach sessions show ID"""
    from coach.coaching.review import review_to_dict

    s = open_store().get(args.id)
    head = {
        "id": s.id,
        "created": s.created,
        "title": s.title,
        "talk": s.talk,
        "profile": s.profile_id,
        "profile_name": s.profile_name,
        "engine": s.engine,
        "duration_s": s.duration_s,
        "audio_path": str(s.audio_path) if s.audio_path else None,
        "script": s.script,
        "notes": s.notes,
        "deleted": s.deleted,
    }
    if args.json:
        data = review_to_dict(s.review)
        data.pop("_review", None)
        data.update(head)
        _json(data)
        return 0
    print(f"Session {s.id}: {one_line(s.title) or '(untitled)'}")
    print(f"  talk: {one_line(s.talk) or '-'}   recorded: {_when(s.created)}   "
          f"profile: {one_line(s.profile_name)}")  # fmt: skip
    if s.audio_path:
        print(f"  audio: {s.audio_path}")
    if s.notes:
        print(f"  notes: {s.notes}")
    if s.deleted:
        print(f"  in the trash since {_when(s.deleted)} (coach sessions restore {s.id})")
    print("")
    print(cli.format_review(s.review, source=s.title or f"session {s.id}"))
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    """coach sessions rename ID TITLE"""
    open_store().rename(args.id, args.title)
    print(f"Session {args.id} is now called '{one_line(args.title.strip())}'.")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    """coach sessions notes ID TEXT"""
    open_store().set_notes(args.id, args.text)
    print(f"Saved notes on session {args.id}.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """coach sessions delete ID"""
    from coach.store.sessions import TRASH_DAYS

    open_store().delete(args.id)
    print(
        f"Moved session {args.id} to the trash; it is kept {TRASH_DAYS} days "
        f"(undo: coach sessions restore {args.id})."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """coach sessions restore ID"""
    open_store().restore(args.id)
    print(f"Restored session {args.id}.")
    return 0


def cmd_rescore(args: argparse.Namespace) -> int:
    """coach sessions rescore ID --profile P"""
    store = open_store()
    before = store.get(args.id).score
    s = store.rescore(args.id, args.profile)
    if args.json:
        _json({"schema": JSON_SCHEMA, "id": s.id, "profile": s.profile_id,
               "score_before": before, "score": s.score})  # fmt: skip
    else:
        print(
            f"Session {s.id} rescored with {one_line(s.profile_name)}: {before:.0f} -> {s.score:.0f}/100"
        )
    return 0


def cmd_retranscribe(args: argparse.Namespace) -> int:
    """coach sessions retranscribe ID --engine E"""
    store = open_store()
    before = store.get(args.id)
    s = store.retranscribe(args.id, engine=args.engine, model=args.model)
    if args.json:
        _json({"schema": JSON_SCHEMA, "id": s.id, "engine": s.engine,
               "score_before": before.score, "score": s.score})  # fmt: skip
    else:
        print(f"Session {s.id} transcribed again with {s.engine}: "
              f"{before.score:.0f} -> {s.score:.0f}/100")  # fmt: skip
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """coach sessions compare ID1 ID2"""
    c = open_store().compare(args.id1, args.id2)
    if args.json:
        data = {"schema": JSON_SCHEMA, **asdict(c)}
        data.update(improved=c.improved(), worsened=c.worsened())
        _json(data)
        return 0
    a, b = c.first, c.second
    print(f"Session {a.id} '{one_line(a.title)}' ({_when(a.created)}) -> session {b.id} "
          f"'{one_line(b.title)}' "
          f"({_when(b.created)})")  # fmt: skip
    print(f"Score: {a.score:.0f} -> {b.score:.0f} ({c.score_change:+.1f})\n")
    print(f"  {'':<7}{'metric':<36} {'first':>8} {'second':>8}  band")
    for m in c.metrics:
        print(
            f"  {m.verdict:<7}{fit(m.label, 36)} {_num(m.value1, '.1f'):>8} {_num(m.value2, '.1f'):>8}"
            f"  [{m.target_low:g}-{m.target_high:g}] {m.unit}"
        )
    labels = {m.name: m.label for m in c.metrics}
    print("")
    print("Improved: " + (", ".join(labels[n] for n in c.improved()) or "nothing"))
    print("Worse: " + (", ".join(labels[n] for n in c.worsened()) or "nothing"))
    return 0


def cmd_trend(args: argparse.Namespace) -> int:
    """coach sessions trend"""
    points = open_store().trend(talk=args.talk, metric=args.metric)
    if args.json:
        _json(
            [
                {"id": s.id, "created": s.created, "title": s.title, "talk": s.talk, "value": v}
                for s, v in points
            ]
        )
        return 0
    if not points:
        print(f"No sessions with {args.metric} yet.")
        return 0
    top = max(abs(v) for _, v in points) or 1.0
    print(
        f"{args.metric} over {len(points)} attempt(s)"
        + (f" of '{one_line(args.talk)}'" if args.talk else "")
    )
    for s, v in points:
        bar = "#" * round(30 * abs(v) / top)
        print(f"{s.id:>5}  {_when(s.created):<16}  {v:8.1f}  {bar}  {one_line(s.title)}")
    first, last = points[0][1], points[-1][1]
    print(f"First {first:.1f}, latest {last:.1f} ({last - first:+.1f}).")
    return 0


def _session_id(text: str) -> int:
    digits = text.strip().lstrip("+-")
    if digits.isdigit() and len(digits) > 19:  # beyond SQLite's integers (and int()'s limit)
        raise argparse.ArgumentTypeError(
            f"there is no session {one_line(text if len(text) <= 40 else text[:40] + '…')}; "
            "'coach sessions list' shows them"
        )
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{one_line(text[:40])}' is not a session id; ids are numbers"
        ) from None


def register(sub: Any) -> None:
    """Add the ``sessions`` subcommand and its actions to the ``coach`` parser."""
    p = sub.add_parser("sessions", help="saved attempts: list, show, compare, trend, trash")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def add(name: str, func: Any, helptext: str, *, json_flag: bool = False) -> Any:
        a = actions.add_parser(name, help=helptext)
        a.set_defaults(func=func)
        if json_flag:
            a.add_argument("--json", action="store_true", help="print JSON")
        return a

    a = add("list", cmd_list, "saved sessions, newest first", json_flag=True)
    a.add_argument("--talk", help="only attempts at this talk")
    a.add_argument("--query", help="only sessions whose title or words contain this")
    a.add_argument("--trash", action="store_true", help="list the trash instead")
    a = add("show", cmd_show, "one session with its full feedback", json_flag=True)
    a.add_argument("id", type=_session_id)
    a = add("rename", cmd_rename, "give a session a new title")
    a.add_argument("id", type=_session_id)
    a.add_argument("title")
    a = add("notes", cmd_notes, "replace your notes on a session")
    a.add_argument("id", type=_session_id)
    a.add_argument("text")
    a = add("delete", cmd_delete, "move a session to the trash (kept 30 days)")
    a.add_argument("id", type=_session_id)
    a = add("restore", cmd_restore, "bring a session back from the trash")
    a.add_argument("id", type=_session_id)
    a = add("rescore", cmd_rescore, "judge a session again with another profile", json_flag=True)
    a.add_argument("id", type=_session_id)
    a.add_argument("--profile", required=True, help="profile id or .toml file")
    a = add("retranscribe", cmd_retranscribe, "transcribe the stored audio again", json_flag=True)
    a.add_argument("id", type=_session_id)
    a.add_argument("--engine", required=True, choices=["whisper", "sphinx"])
    a.add_argument("--model", help="Whisper model: base (default), tiny.en, or a model folder")
    a = add("compare", cmd_compare, "metric by metric, what improved", json_flag=True)
    a.add_argument("id1", type=_session_id)
    a.add_argument("id2", type=_session_id)
    a = add("trend", cmd_trend, "a metric over your attempts", json_flag=True)
    a.add_argument("--talk", help="only attempts at this talk")
    a.add_argument("--metric", default="score", help="score (default) or a metric name, e.g. wpm")
    for extra in ACTIONS:
        extra(actions)


AFTER_SAVE: list[Any] = []
"""Other modules keep more with a session saved by ``analyze --save`` (``coach.cli.slides``
keeps the slide show): each is called with ``(args, store, session)`` while the store is open."""

ACTIONS: list[Any] = []
"""Other modules add ``sessions`` actions here (``coach.cli.export`` adds ``export``): each is
called with the ``sessions`` subparsers object."""


cli.SUBCOMMANDS.append(register)
cli.ANALYZE_OPTIONS.append(_analyze_options)
cli.AFTER_ANALYZE.append(_after_analyze)
cli.BEFORE_ANALYZE.append(_before_analyze)
