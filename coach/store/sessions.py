"""Saved rehearsals: every attempt at a talk, kept safely in one SQLite file with its audio beside it.

Layout (``data_dir()`` honours ``COACH_HOME``)::

    sessions.db             SQLite, WAL mode, schema version in ``PRAGMA user_version``
    audio/<id>.<ext>        the session's recording, copied in (the user's file is never moved)

The public methods are listed in ``docs/design/session-store.md``; every expected failure raises
:class:`~coach.errors.StoreError` with one sentence.

Safety
------
The audio is copied to ``audio/.incoming-*.part``, flushed to disk and renamed to
``audio/incoming-*``; only then one ``BEGIN IMMEDIATE`` transaction inserts the session, renames
the file to ``audio/<id>.<ext>`` and commits. A kill at any point leaves the whole session, or no
session plus (at most) a complete audio file that :meth:`SessionStore.recovered_audio` lists.
A damaged database is never overwritten: it is moved to ``sessions.db.corrupt-<timestamp>`` (with
its ``-wal``) and a new one is started; :attr:`SessionStore.notice` says where it went.

Threads and processes
---------------------
One ``SessionStore`` may be shared between threads: each call holds the store's lock. Creating one
store per thread works too. Stores in different threads or processes coordinate through SQLite
(WAL, so readers never block; writes are short ``BEGIN IMMEDIATE`` transactions; a busy database
is waited on for up to :data:`BUSY_TIMEOUT_S` before a ``StoreError``). Slow work (copying audio,
transcribing, scoring) happens outside transactions.
"""

from __future__ import annotations

import builtins
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from coach.coaching.progress import (
    Comparison,
    MetricChange,
    Session,
    SessionSummary,
)
from coach.coaching.review import Review, review
from coach.errors import ProfileError, StoreError
from coach.paths import data_dir
from coach.profile import Profile, load_profile
from coach.store import audio_files, history
from coach.store.audio_files import (
    audio_duration_s,
    clean_stale_parts,
    fsync_dir,
    set_aside_orphan,
    stage_audio,
)
from coach.store.history import SUMMARY_COLS, summary_of, utf8
from coach.store.schema import (
    decode_review,
    encode_review,
    open_database,
    write_metrics,
)

__all__ = [
    "Comparison",
    "MetricChange",
    "Session",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "TRASH_DAYS",
]

TRASH_DAYS = 30
_MAX_ID = 2**63 - 1  # SQLite's largest INTEGER
SUMMARY_METRICS = ("wpm", "figures_per_min", "number_density")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _said(rv: Review) -> str:
    return rv.transcript.text.lower()


class SessionStore:
    """The saved sessions in ``path`` (default ``data_dir()/sessions.db``); see the module doc."""

    def __init__(self, path: Path | None = None, *, trash_days: int = TRASH_DAYS) -> None:
        self.path = Path(path) if path is not None else data_dir() / "sessions.db"
        self.audio_dir = self.path.parent / "audio"
        self.notice: str | None = None
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.audio_dir.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the data folder {self.path.parent}: {exc.strerror}."
            ) from None
        self._conn, self.notice = open_database(self.path)
        clean_stale_parts(self.audio_dir)
        if trash_days >= 0:
            self.purge_trash(older_than_days=trash_days)

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _tx(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.OperationalError as exc:
                raise StoreError(
                    f"The session database is busy ({exc}); close other Coach windows and retry."
                ) from None
            try:
                yield conn
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(
                        f"The session database could not be used ({exc}); restart Coach to check it."
                    ) from None
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"Could not save to the session database: {exc}.") from None

    def _row(
        self, conn: sqlite3.Connection, session_id: int, *, deleted: bool | None = False
    ) -> Any:
        if not isinstance(session_id, int) or not 0 < session_id <= _MAX_ID:
            raise StoreError(f"There is no session {session_id}; 'coach sessions list' shows them.")
        row = conn.execute(
            "SELECT id, created, title, talk, profile_id, profile_name, engine, duration_s, "
            "audio_name, script, notes, score, deleted FROM sessions WHERE id = ?",
            (int(session_id),),
        ).fetchone()
        if row is None:
            raise StoreError(f"There is no session {session_id}; 'coach sessions list' shows them.")
        if deleted is False and row[12] is not None:
            raise StoreError(
                f"Session {session_id} is in the trash; restore it with "
                f"'coach sessions restore {session_id}'."
            )
        if deleted is True and row[12] is None:
            raise StoreError(f"Session {session_id} is not in the trash.")
        return row

    # -- saving ---------------------------------------------------------------------------------

    def save(
        self,
        rv: Review,
        *,
        title: str = "",
        talk: str = "",
        audio: Path | None = None,
        script: str | None = None,
        notes: str = "",
    ) -> Session:
        """Store a reviewed rehearsal (and a copy of its audio) as a new session.

        ``duration_s`` comes from the transcript, else from the audio file's header.
        """
        blob = encode_review(rv)
        duration = rv.transcript.duration_s
        if duration is None and audio is not None:
            duration = audio_duration_s(Path(audio))
        staged = stage_audio(self.audio_dir, Path(audio)) if audio is not None else None
        final: Path | None = None
        try:
            with self._tx(write=True) as conn:
                audio_files.phase("begin")
                values = rv.analysis.values
                cur = conn.execute(
                    "INSERT INTO sessions (created, title, talk, profile_id, profile_name, engine,"
                    " duration_s, script, notes, score, wpm, figures_per_min, number_density)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (_iso(_now()), utf8(title.strip()), utf8(talk.strip()), rv.profile_id,
                     rv.profile_name, rv.transcript.engine, duration, utf8(script), utf8(notes),
                     rv.feedback.score,
                     *(values.get(k) for k in SUMMARY_METRICS)),
                )  # fmt: skip
                sid = int(cur.lastrowid or 0)
                conn.execute(
                    "INSERT INTO reviews (session_id, said, data) VALUES (?,?,?)",
                    (sid, _said(rv), blob),
                )
                write_metrics(conn, sid, rv)
                audio_files.phase("inserted")
                if staged is not None:
                    final = self.audio_dir / f"{sid}{staged.suffix}"
                    set_aside_orphan(self.audio_dir, final.name)
                    os.replace(staged, final)
                    fsync_dir(self.audio_dir)
                    audio_files.phase("renamed")
                    conn.execute(
                        "UPDATE sessions SET audio_name = ? WHERE id = ?", (final.name, sid)
                    )
                audio_files.phase("commit")
        except BaseException:
            # The user's own file is intact, so a failed save leaves no copy behind.
            for leftover in (staged, final):
                if leftover is not None:
                    leftover.unlink(missing_ok=True)
            raise
        audio_files.phase("committed")
        return self.get(sid)

    # -- reading --------------------------------------------------------------------------------

    def _session(self, conn: sqlite3.Connection, row: Any) -> Session:
        blob = conn.execute("SELECT data FROM reviews WHERE session_id = ?", (row[0],)).fetchone()
        if blob is None:
            raise StoreError(f"Session {row[0]} has no stored review; the database is incomplete.")
        try:
            rv = decode_review(blob[0])
        except (zlib.error, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"Session {row[0]} cannot be read back ({exc}).") from None
        return Session(
            id=row[0], created=row[1], title=row[2], talk=row[3], profile_id=row[4],
            profile_name=row[5], engine=row[6], duration_s=row[7],
            audio_path=(self.audio_dir / row[8]) if row[8] else None,
            script=row[9], notes=row[10], score=row[11], review=rv, deleted=row[12],
        )  # fmt: skip

    def get(self, session_id: int) -> Session:
        """The session with this id (also from the trash)."""
        with self._tx(write=False) as conn:
            return self._session(conn, self._row(conn, session_id, deleted=None))

    def list(
        self, *, talk: str | None = None, query: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Sessions not in the trash, newest first; ``query`` matches title or words said."""
        talk, query = utf8(talk), utf8(query)
        sql = f"SELECT {SUMMARY_COLS} FROM sessions WHERE deleted IS NULL"
        params: list[Any] = []
        if talk is not None:
            sql += " AND talk = ?"
            params.append(talk)
        if query:
            like = (
                "%"
                + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            sql += (
                " AND (lower(title) LIKE ? ESCAPE '\\' OR id IN "
                "(SELECT session_id FROM reviews WHERE said LIKE ? ESCAPE '\\'))"
            )
            params += [like, like]
        sql += " ORDER BY created DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._tx(write=False) as conn:
            return [summary_of(r) for r in conn.execute(sql, params)]

    def talks(self) -> builtins.list[str]:
        """Names of the talks with at least one session, most recently practised first."""
        with self._tx(write=False) as conn:
            rows = conn.execute(
                "SELECT talk FROM sessions WHERE deleted IS NULL AND talk != '' "
                "GROUP BY talk ORDER BY max(created) DESC"
            ).fetchall()
        return [r[0] for r in rows]

    def trash(self) -> builtins.list[SessionSummary]:
        """Sessions in the trash, most recently deleted first."""
        with self._tx(write=False) as conn:
            rows = conn.execute(
                f"SELECT {SUMMARY_COLS} FROM sessions WHERE deleted IS NOT NULL "
                "ORDER BY deleted DESC, id DESC"
            ).fetchall()
        return [summary_of(r) for r in rows]

    def previous_attempt(self, session_id: int) -> Session | None:
        """The attempt at the same talk just before this one (``None`` for a first attempt)."""
        with self._tx(write=False) as conn:
            row = self._row(conn, session_id, deleted=None)
            if not row[3]:
                return None
            prev = conn.execute(
                "SELECT id FROM sessions WHERE talk = ? AND deleted IS NULL AND id != ? "
                "AND (created < ? OR (created = ? AND id < ?)) ORDER BY created DESC, id DESC LIMIT 1",
                (row[3], row[0], row[1], row[1], row[0]),
            ).fetchone()
            if prev is None:
                return None
            return self._session(conn, self._row(conn, prev[0]))

    # -- editing --------------------------------------------------------------------------------

    def _update(self, session_id: int, column: str, value: Any) -> None:
        with self._tx(write=True) as conn:
            self._row(conn, session_id)
            value = utf8(value) if isinstance(value, str) else value
            conn.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, int(session_id)))

    def rename(self, session_id: int, title: str) -> None:
        """Give a session a new title (not an empty one)."""
        if not title.strip():
            raise StoreError("A session's title cannot be empty; give it a few words.")
        self._update(session_id, "title", title.strip())

    def set_talk(self, session_id: int, talk: str) -> None:
        """Move a session to another talk (the name that groups attempts)."""
        self._update(session_id, "talk", talk.strip())

    def set_notes(self, session_id: int, notes: str) -> None:
        """Replace the user's notes on a session."""
        self._update(session_id, "notes", notes)

    def set_script(self, session_id: int, script: str | None) -> None:
        """Attach (or with ``None`` remove) the script the speaker was working from."""
        self._update(session_id, "script", script)

    def delete(self, session_id: int) -> None:
        """Move a session and its audio to the trash (restorable for :data:`TRASH_DAYS` days)."""
        self._update(session_id, "deleted", _iso(_now()))

    def restore(self, session_id: int) -> None:
        """Bring a session back from the trash."""
        with self._tx(write=True) as conn:
            self._row(conn, session_id, deleted=True)
            conn.execute("UPDATE sessions SET deleted = NULL WHERE id = ?", (int(session_id),))

    def purge_trash(self, older_than_days: float = TRASH_DAYS) -> int:
        """Delete for good the sessions in the trash longer than this; returns how many."""
        cutoff = _iso(_now() - timedelta(days=older_than_days))
        due = "SELECT 1 FROM sessions WHERE deleted IS NOT NULL AND deleted <= ? LIMIT 1"
        with self._tx(write=False) as conn:  # usually nothing is due: skip the write lock
            if conn.execute(due, (cutoff,)).fetchone() is None:
                return 0
        with self._tx(write=True) as conn:
            rows = conn.execute(
                "SELECT id, audio_name FROM sessions WHERE deleted IS NOT NULL AND deleted <= ?",
                (cutoff,),
            ).fetchall()
            for sid, _ in rows:
                conn.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        # After the commit: a kill here leaves an unowned file, which recovered_audio() lists.
        for _, name in rows:
            if name:
                (self.audio_dir / name).unlink(missing_ok=True)
        return len(rows)

    def _replace_review(self, session_id: int, rv: Review, *, duration_s: float | None) -> None:
        values = rv.analysis.values
        with self._tx(write=True) as conn:
            self._row(conn, session_id)
            conn.execute(
                "UPDATE sessions SET profile_id=?, profile_name=?, engine=?, duration_s=?, score=?,"
                " wpm=?, figures_per_min=?, number_density=? WHERE id=?",
                (rv.profile_id, rv.profile_name, rv.transcript.engine, duration_s,
                 rv.feedback.score, *(values.get(k) for k in SUMMARY_METRICS), int(session_id)),
            )  # fmt: skip
            conn.execute(
                "UPDATE reviews SET said=?, data=? WHERE session_id=?",
                (_said(rv), encode_review(rv), int(session_id)),
            )
            conn.execute("DELETE FROM metrics WHERE session_id = ?", (int(session_id),))
            write_metrics(conn, int(session_id), rv)

    def rescore(self, session_id: int, profile: Profile | str | Path | None = None) -> Session:
        """Judge the stored transcript again against ``profile`` (an edited one, or another)."""
        prof = profile if isinstance(profile, Profile) else load_profile(profile)
        old = self.get(session_id)
        if old.deleted is not None:
            raise StoreError(f"Session {session_id} is in the trash; restore it first.")
        self._replace_review(
            session_id, review(old.review.transcript, prof), duration_s=old.duration_s
        )
        return self.get(session_id)

    def retranscribe(self, session_id: int, *, engine: str, model: str | None = None) -> Session:
        """Transcribe the stored audio again with ``engine`` and re-judge with the same profile."""
        from coach.transcript.transcribe import transcribe_file

        old = self.get(session_id)
        if old.audio_path is None or not old.audio_path.is_file():
            raise StoreError(f"Session {session_id} has no stored audio to transcribe again.")
        language = old.review.transcript.language  # a Chinese talk is heard as Chinese again
        transcript = transcribe_file(
            old.audio_path, engine=engine, model=model, language="zh" if language == "zh" else "en"
        )
        if transcript.language == "zh":
            from coach.zh_text import regroup_timed

            transcript = regroup_timed(transcript)
        try:
            prof = load_profile(old.profile_id)
        except ProfileError as exc:
            raise StoreError(
                f"Session {session_id} was scored with profile '{old.profile_id}', which cannot "
                f"be loaded now ({exc}); rescore it with another profile first."
            ) from None
        rv = review(transcript, prof)
        self._replace_review(session_id, rv, duration_s=transcript.duration_s or old.duration_s)
        return self.get(session_id)

    # -- progress -------------------------------------------------------------------------------

    def compare(self, first_id: int, second_id: int) -> Comparison:
        """Metric by metric, whether ``second_id`` moved toward its band compared with ``first_id``
        (bands from the second session's profile; see :func:`coach.store.history.compare`)."""
        return history.compare(self, first_id, second_id)

    def trend(
        self, *, talk: str | None = None, metric: str = "score"
    ) -> builtins.list[tuple[SessionSummary, float]]:
        """Values of ``metric`` ("score" or a metric name) over the attempts, oldest first."""
        return history.trend(self, talk=talk, metric=metric)

    def recovered_audio(self) -> builtins.list[Path]:
        """Complete audio files no session owns (left by a save that was killed), oldest first.

        A save running in another process right now may show its file here for a moment.
        """
        with self._tx(write=False) as conn:
            owned = {r[0] for r in conn.execute("SELECT audio_name FROM sessions") if r[0]}
        files = [
            p for p in self.audio_dir.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.name not in owned
        ]  # fmt: skip
        return sorted(files, key=lambda p: p.stat().st_mtime)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` result ("ok" when the file is sound)."""
        with self._lock:
            return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])
