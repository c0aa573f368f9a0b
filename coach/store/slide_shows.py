"""The slides a saved rehearsal was given with: the kept deck and when each slide came up.

Two tables (schema 3): ``slide_shows`` (one row per session with slides: the kept deck's file in
``<data folder>/decks``, the name the user knows it by, its slide count) and ``slide_changes``
(one row per change, in order). Both go when the session is deleted for good.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.errors import StoreError
from coach.slides.talk_decks import decks_dir
from coach.slides.times import SlideChange


@dataclass(frozen=True)
class SlideShow:
    """A session's deck and slide changes; ``deck_path`` is ``None`` when the copy is gone."""

    deck_path: Path | None
    deck_name: str
    slide_count: int
    changes: tuple[SlideChange, ...]


def save_slide_show(
    store: Any,
    session_id: int,
    *,
    deck_file: Path,
    deck_name: str,
    slide_count: int,
    changes: Sequence[SlideChange],
) -> None:
    """Store (or replace) the slide show of session ``session_id`` in one transaction.

    ``deck_file`` is the kept copy (:func:`coach.slides.talk_decks.keep_deck`); ``store`` is a
    :class:`coach.store.sessions.SessionStore`.
    """
    if not changes:
        raise StoreError("A slide show needs at least one slide change to be saved.")
    with store._tx(write=True) as conn:
        store._row(conn, session_id, deleted=None)
        conn.execute("DELETE FROM slide_shows WHERE session_id = ?", (int(session_id),))
        conn.execute(
            "INSERT INTO slide_shows (session_id, deck_file, deck_name, slide_count) "
            "VALUES (?,?,?,?)",
            (int(session_id), Path(deck_file).name, deck_name, int(slide_count)),
        )
        conn.executemany(
            "INSERT INTO slide_changes (session_id, seq, slide, start_s) VALUES (?,?,?,?)",
            [(int(session_id), i, int(c.slide), float(c.start_s)) for i, c in enumerate(changes)],
        )


def load_slide_show(store: Any, session_id: int) -> SlideShow | None:
    """The slide show of session ``session_id``, or ``None`` when it was given without slides."""
    with store._tx(write=False) as conn:
        row = conn.execute(
            "SELECT deck_file, deck_name, slide_count FROM slide_shows WHERE session_id = ?",
            (int(session_id),),
        ).fetchone()
        if row is None:
            return None
        rows = conn.execute(
            "SELECT slide, start_s FROM slide_changes WHERE session_id = ? ORDER BY seq",
            (int(session_id),),
        ).fetchall()
    path = decks_dir() / row[0]
    return SlideShow(
        path if path.is_file() else None,
        row[1],
        int(row[2]),
        tuple(SlideChange(int(s), float(t)) for s, t in rows),
    )
