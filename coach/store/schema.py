"""The session database on disk: schema versions, migrations, the stored review form, and
what to do with a damaged file. Used only by :mod:`coach.store.sessions`.

The schema version is ``PRAGMA user_version``. :data:`MIGRATIONS` is append-only: a released step
is never edited, so every old file migrates the same way; each step runs in one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
import zlib
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from coach.coaching.review import Review, review_from_dict, review_to_dict
from coach.errors import StoreError

BUSY_TIMEOUT_S = 5.0

MIGRATIONS: tuple[str, ...] = (
    # 1: sessions and their reviews (zlib-compressed JSON of review_to_dict(...)["_review"]).
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        talk TEXT NOT NULL DEFAULT '',
        profile_id TEXT NOT NULL,
        profile_name TEXT NOT NULL,
        engine TEXT NOT NULL,
        duration_s REAL,
        audio_name TEXT,
        script TEXT,
        notes TEXT NOT NULL DEFAULT '',
        score REAL NOT NULL,
        wpm REAL,
        figures_per_min REAL,
        number_density REAL
    );
    CREATE TABLE reviews (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        said TEXT NOT NULL,
        data BLOB NOT NULL
    );
    CREATE INDEX sessions_talk ON sessions(talk, created);
    """,
    # 2: the trash, and one row per scored metric so trends never decode reviews.
    """
    ALTER TABLE sessions ADD COLUMN deleted TEXT;
    CREATE INDEX sessions_deleted ON sessions(deleted);
    CREATE TABLE metrics (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value REAL NOT NULL,
        score REAL NOT NULL,
        target_low REAL NOT NULL,
        target_high REAL NOT NULL,
        PRIMARY KEY (session_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX metrics_name ON metrics(name);
    """,
    # 3: the deck a rehearsal was given with, and when each slide came up (coach.store.slide_shows).
    """
    CREATE TABLE slide_shows (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        deck_file TEXT NOT NULL,
        deck_name TEXT NOT NULL,
        slide_count INTEGER NOT NULL
    );
    CREATE TABLE slide_changes (
        session_id INTEGER NOT NULL REFERENCES slide_shows(session_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        slide INTEGER NOT NULL,
        start_s REAL NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def encode_review(rv: Review) -> bytes:
    """The stored form of a review: zlib-compressed JSON of its lossless dict."""
    data = review_to_dict(rv)["_review"]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode_review(blob: bytes) -> Review:
    """Inverse of :func:`encode_review`."""
    return review_from_dict(json.loads(zlib.decompress(blob)))


def write_metrics(conn: sqlite3.Connection, session_id: int, rv: Review) -> None:
    """Insert one ``metrics`` row per scored metric of ``rv``."""
    conn.executemany(
        "INSERT INTO metrics (session_id, name, value, score, target_low, target_high) "
        "VALUES (?,?,?,?,?,?)",
        [(session_id, m.name, m.value, m.score, m.target_low, m.target_high) for m in rv.metrics],
    )


def _backfill_metrics(conn: sqlite3.Connection) -> None:
    """Schema 2: fill the metrics table from the reviews saved under schema 1."""
    for sid, blob in conn.execute("SELECT session_id, data FROM reviews").fetchall():
        write_metrics(conn, sid, decode_review(blob))


# Python steps run after a migration's SQL, keyed by the version they produce.
BACKFILL: dict[int, Callable[[sqlite3.Connection], None]] = {2: _backfill_metrics}


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), usable from any thread."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The session database {path} was written by a newer Coach "
            f"(schema {version}, this one knows {SCHEMA_VERSION}); update Coach to open it."
        )
    return version


def migrate(conn: sqlite3.Connection, path: Path, *, target: int = SCHEMA_VERSION) -> None:
    """Bring the database up to schema ``target``, one transaction per step.

    Raises
    ------
    StoreError
        The file was written by a newer Coach (its schema is above :data:`SCHEMA_VERSION`).
    """
    version = _refuse_newer(conn, path)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < target:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if version + 1 in BACKFILL:
                    BACKFILL[version + 1](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version = conn.execute("PRAGMA user_version").fetchone()[0]


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True for a file SQLite cannot read as a database (not for locks or I/O trouble)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return code is None and (
        "not a database" in text or "malformed" in text or text.startswith("quick_check")
    )


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"Cannot read the session database {path}: {exc.strerror}.") from None
    if not head:
        # Coach creates the file whole (see _create), so an empty one is damage: a full disk,
        # a cut-off copy or sync. Using it as a new database would hide where the sessions went.
        raise sqlite3.DatabaseError("file is not a database: it is empty (0 bytes)")
    if head != b"SQLite format 3\x00":
        raise sqlite3.DatabaseError("file is not a database")


def _create(path: Path) -> None:
    """Make a new, migrated database at ``path`` in one step (never an empty file there).

    Built under a temporary name and hard-linked into place, which fails when another process
    created the file first (then theirs is used). Without hard links it is renamed instead.
    """
    tmp = path.with_name(f".{path.name}.new-{uuid.uuid4().hex[:8]}")
    try:
        conn = connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, tmp)
        finally:
            conn.close()  # the last connection checkpoints and removes the -wal file
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the session database {path}: {exc.strerror or exc}."
        ) from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its ``-wal``/``-shm``) to ``<name>.corrupt-<UTC time>``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        # Rename, not copy-then-overwrite: the damaged bytes stay exactly as they were.
        os.replace(path, target)
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                os.replace(side, Path(str(target) + suffix))
    except OSError as exc:
        raise StoreError(
            f"The session database {path} is damaged and could not be moved aside "
            f"({exc.strerror}); move it away yourself and start Coach again."
        ) from None
    return target


def open_database(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (create, migrate, check) the database; a damaged one is moved aside, never overwritten.

    Returns
    -------
    connection, notice
        ``notice`` is a sentence for the user when the old file was set aside, else ``None``.
    """
    conn: sqlite3.Connection | None = None
    reason = "damaged"
    try:
        if not path.exists():
            _create(path)
        _check_header(path)
        conn = connect(path)
        _refuse_newer(conn, path)  # before WAL mode rewrites the header of a file we cannot own
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn, path)
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {result}")
        return conn, None
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if not is_damage(exc):
            raise StoreError(f"Cannot open the session database {path}: {exc}.") from None
        if "empty (0 bytes)" in str(exc):
            reason = "empty (0 bytes, as after a full disk or an interrupted copy)"
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    moved = move_aside(path)
    notice = (
        f"The session database was {reason} and was moved to {moved}; a new, empty one was "
        f"started. The audio files of its sessions are untouched in {path.parent / 'audio'} "
        "('coach sessions list' names them)."
    )
    _create(path)
    conn = connect(path)
    migrate(conn, path)
    return conn, notice
