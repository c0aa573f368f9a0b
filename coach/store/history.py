"""Reading the store across sessions: summaries, compare two attempts, a metric's trend.

Functions of :class:`coach.store.sessions.SessionStore` (``store``), kept apart so the store's
own module stays about saving and changing sessions.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from coach.coaching.progress import Comparison, SessionSummary, metric_changes
from coach.errors import StoreError
from coach.metrics import METRICS


def utf8(text: str | None) -> str | None:
    """``text`` that SQLite can store: the lone surrogates of a non-UTF-8 file name become U+FFFD."""
    if text is None or text.isascii():
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


SUMMARY_COLS = (
    "id, created, title, talk, duration_s, wpm, figures_per_min, number_density, score, engine, "
    "profile_id, deleted"
)


def summary_of(row: sqlite3.Row | tuple[Any, ...]) -> SessionSummary:
    """A row of :data:`SUMMARY_COLS` as a :class:`SessionSummary`."""
    return SessionSummary(*row)


def compare(store: Any, first_id: int, second_id: int) -> Comparison:
    """Metric by metric, whether ``second_id`` moved toward its band compared with ``first_id``.

    Bands come from the second session's profile (the first's for metrics only it has).
    """
    with store._tx(write=False) as conn:
        rows = [store._row(conn, i, deleted=None) for i in (first_id, second_id)]
        summaries = [
            summary_of(
                conn.execute(f"SELECT {SUMMARY_COLS} FROM sessions WHERE id=?", (r[0],)).fetchone()
            )
            for r in rows
        ]
        found = [
            {n: (v, (lo, hi)) for n, v, lo, hi in conn.execute(
                "SELECT name, value, target_low, target_high FROM metrics WHERE session_id=?",
                (r[0],))}
            for r in rows
        ]  # fmt: skip
    language = store.get(second_id).review.transcript.language
    changes = metric_changes(found[0], found[1], language=language)
    return Comparison(
        summaries[0],
        summaries[1],
        round(summaries[1].score - summaries[0].score, 1),
        tuple(changes),
    )


def trend(
    store: Any, *, talk: str | None = None, metric: str = "score"
) -> list[tuple[SessionSummary, float]]:
    """Values of ``metric`` ("score" or a metric name) over the attempts, oldest first.

    Sessions where the metric was not measured (e.g. pace for a typed script) are skipped.
    """
    talk = utf8(talk)
    cols = ", ".join(f"s.{c.strip()}" for c in SUMMARY_COLS.split(","))
    where = " AND s.talk = ?" if talk is not None else ""
    params: list[Any] = [talk] if talk is not None else []
    if metric == "score":
        sql = f"SELECT {cols}, s.score FROM sessions s WHERE s.deleted IS NULL{where}"
    elif metric in METRICS:
        sql = (
            f"SELECT {cols}, m.value FROM sessions s JOIN metrics m ON m.session_id = s.id "
            f"AND m.name = ? WHERE s.deleted IS NULL{where}"
        )
        params.insert(0, metric)
    else:
        known = ", ".join(["score", *METRICS])
        raise StoreError(f"Unknown metric '{metric}' (known: {known}).")
    with store._tx(write=False) as conn:
        rows = conn.execute(sql + " ORDER BY s.created, s.id", params).fetchall()
    return [(summary_of(r[:-1]), float(r[-1])) for r in rows]
