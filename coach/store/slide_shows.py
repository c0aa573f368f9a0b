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
from coach.slides.deck import Deck, Slide
from coach.slides.per_slide import SlideReport, per_slide
from coach.slides.talk_decks import decks_dir, open_kept
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


def slide_report_for(store: Any, session: Any) -> tuple[SlideReport, Deck] | None:
    """The per-slide feedback of a stored session and its deck, or ``None`` without slides.

    When the kept deck file is gone, the report is made against an empty stand-in of the same
    length (times, words and figures said still count) and says so in its notices.
    """
    show = load_slide_show(store, session.id)
    if show is None:
        return None
    if show.deck_path is not None:
        deck = open_kept(show.deck_path, show.deck_name)
    else:
        gone = (
            f"The deck {show.deck_name} is no longer in Coach's data folder, so the slides show "
            "without pictures, text or the read-aloud check."
        )
        slides = tuple(Slide(n, "", "") for n in range(1, show.slide_count + 1))
        deck = Deck(Path(show.deck_name), "pdf", slides, "", notices=(gone,), label=show.deck_name)
    report = per_slide(session.review, deck, show.changes)
    return report, deck
