"""The session store: real SQLite files, real audio copies, killed savers and two processes at once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from coach.coaching.review import Review, review, review_to_dict
from coach.errors import StoreError
from coach.profile import load_profile
from coach.store.schema import SCHEMA_VERSION, encode_review
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from coach.types import Transcript, Word

ROOT = Path(__file__).resolve().parent.parent
DEMO = (ROOT / "assets/samples/demo.txt").read_text()
FLAT = (
    "Our product is a revolutionary, world-class, best-in-class solution. It is a game-changing "
    "and disruptive platform that leverages synergy. It delivers unparalleled value to everyone. "
    "Basically it is the ultimate, next-generation ecosystem for the future of everything."
)


def timed(text: str, wpm: float) -> Transcript:
    """The words of ``text`` spoken evenly at ``wpm``, as if transcribed from audio."""
    t = transcript_from_text(text)
    step = 60.0 / wpm
    words = tuple(
        Word(w.text, i * step, i * step + 0.8 * step, w.utterance) for i, w in enumerate(t.words)
    )
    return Transcript(words=words, duration_s=len(words) * step, engine="whisper base")


def as_json(rv: Review) -> object:
    """The review as its JSON text reads back (tuples and lists are the same in JSON)."""
    return json.loads(json.dumps(review_to_dict(rv)))


@pytest.fixture(scope="session")
def good() -> Review:
    return review(timed(DEMO, 145))


@pytest.fixture(scope="session")
def fast() -> Review:
    return review(timed(DEMO, 230))


@pytest.fixture(scope="session")
def flat() -> Review:
    return review(transcript_from_text(FLAT))


@pytest.fixture(scope="session")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real 4 s, 16 kHz WAV (a tone with a little noise) standing in for a rehearsal."""
    path = tmp_path_factory.mktemp("audio") / "rehearsal.wav"
    rng = np.random.default_rng(1)
    t = np.arange(4 * 16000) / 16000
    sf.write(path, 0.2 * np.sin(2 * np.pi * 220 * t) + 0.01 * rng.standard_normal(t.size), 16000)
    return path


def test_save_and_get_round_trip(good: Review, wav: Path, coach_home: Path) -> None:
    """A saved session comes back whole: review, fields, and a byte-identical audio copy."""
    store = SessionStore()
    s = store.save(good, title="Take 1", talk="Bakery", audio=wav, script=DEMO, notes="nervous")
    assert store.path == coach_home / "sessions.db"
    got = store.get(s.id)
    assert as_json(got.review) == as_json(good)
    assert (got.title, got.talk, got.script, got.notes) == ("Take 1", "Bakery", DEMO, "nervous")
    assert got.engine == "whisper base" and got.profile_id == "leijun"
    assert got.score == good.feedback.score
    assert got.duration_s == pytest.approx(good.transcript.duration_s)
    assert got.audio_path == coach_home / "audio" / f"{s.id}.wav"
    assert got.audio_path.read_bytes() == wav.read_bytes() and wav.exists()
    assert datetime.fromisoformat(got.created).utcoffset() == timedelta(0)
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_text_session_takes_duration_from_audio(flat: Review, wav: Path) -> None:
    """A typed-text review saved with a recording gets the recording's length."""
    s = SessionStore().save(flat, audio=wav)
    assert s.duration_s == pytest.approx(4.0)
    assert SessionStore().save(flat).audio_path is None


def test_list_talks_query_and_edits(good: Review, flat: Review) -> None:
    """Listing filters by talk and by words said; rename, notes and script stick."""
    store = SessionStore()
    a = store.save(good, title="Bakery Zephyr", talk="Bakery")
    b = store.save(flat, title="Pitch", talk="Investors")
    c = store.save(good, title="Bakery two", talk="Bakery")
    assert [r.id for r in store.list()] == [c.id, b.id, a.id]
    assert [r.id for r in store.list(talk="Bakery")] == [c.id, a.id]
    assert [r.id for r in store.list(query="SYNERGY")] == [b.id]
    assert [r.id for r in store.list(query="zephyr")] == [a.id]
    assert store.list(query="100%") == [] and len(store.list(limit=2)) == 2
    assert store.talks() == ["Bakery", "Investors"]
    row = store.list(talk="Bakery")[0]
    assert row.wpm == pytest.approx(good.analysis.values["wpm"]) and row.engine == "whisper base"
    store.rename(a.id, "Bakery first")
    store.set_notes(a.id, "slow down at the start")
    store.set_script(a.id, "new script")
    got = store.get(a.id)
    assert (got.title, got.notes, got.script) == (
        "Bakery first",
        "slow down at the start",
        "new script",
    )


def test_missing_ids_raise_one_sentence() -> None:
    """Unknown ids and trash misuse raise StoreError with a sentence, not a traceback."""
    store = SessionStore()
    for call in (lambda: store.get(7), lambda: store.rename(7, "x"), lambda: store.delete(7)):
        with pytest.raises(StoreError, match="no session 7"):
            call()
    with pytest.raises(StoreError, match="Unknown metric"):
        store.trend(metric="charisma")
    for huge in (2**63, 10**30, -(2**70)):  # beyond SQLite's INTEGER: not an OverflowError
        with pytest.raises(StoreError, match="no session"):
            store.get(huge)
        with pytest.raises(StoreError, match="no session"):
            store.delete(huge)


def test_empty_title_is_refused(good: Review) -> None:
    """A session keeps a title: renaming it to nothing (or spaces) is refused."""
    store = SessionStore()
    sid = store.save(good, title="first").id
    for title in ("", "   \n"):
        with pytest.raises(StoreError, match="title cannot be empty"):
            store.rename(sid, title)
    assert store.get(sid).title == "first"


def test_delete_goes_to_trash_and_restores(good: Review, wav: Path) -> None:
    """Delete hides a session but keeps it and its audio; restore brings it back."""
    store = SessionStore()
    s = store.save(good, title="Oops", talk="T", audio=wav)
    store.delete(s.id)
    assert store.list() == [] and [r.id for r in store.trash()] == [s.id]
    assert s.audio_path is not None and s.audio_path.exists()
    assert store.get(s.id).deleted is not None
    with pytest.raises(StoreError, match="in the trash"):
        store.rename(s.id, "x")
    store.restore(s.id)
    assert [r.id for r in store.list()] == [s.id] and store.trash() == []
    with pytest.raises(StoreError, match="not in the trash"):
        store.restore(s.id)


def test_trash_is_purged_after_30_days(good: Review, wav: Path) -> None:
    """Sessions in the trash over 30 days are removed with their audio when a store opens."""
    store = SessionStore()
    old = store.save(good, audio=wav)
    recent = store.save(good, audio=wav)
    store.delete(old.id)
    store.delete(recent.id)
    long_ago = (datetime.now(timezone.utc) - timedelta(days=31)).isoformat()
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE sessions SET deleted = ? WHERE id = ?", (long_ago, old.id))
    store.close()
    reopened = SessionStore()
    assert [r.id for r in reopened.trash()] == [recent.id]
    assert old.audio_path is not None and not old.audio_path.exists()
    assert recent.audio_path is not None and recent.audio_path.exists()
    assert reopened.recovered_audio() == []


def test_rescore_with_edited_profile_keeps_transcript(good: Review, tmp_path: Path) -> None:
    """Rescoring re-judges the stored transcript against an edited profile without transcribing."""
    store = SessionStore()
    s = store.save(good, talk="T")
    src = (ROOT / "assets/profiles/leijun.toml").read_text()
    edited = src.replace('id = "leijun"', 'id = "strict"').replace(
        "[metrics.wpm]\nlow = 130.0\nhigh = 165.0", "[metrics.wpm]\nlow = 170.0\nhigh = 190.0"
    )
    assert edited.count("strict") == 1 and "low = 170.0" in edited
    path = tmp_path / "strict.toml"
    path.write_text(edited)
    again = store.rescore(s.id, load_profile(path))
    assert again.profile_id == "strict" and again.review.transcript == good.transcript
    wpm = again.review.metric("wpm")
    assert wpm is not None and wpm.target_low == 170.0 and wpm.status != "good"
    assert again.score < s.score
    assert store.trend(metric="score")[0][1] == again.score
    assert store.compare(s.id, s.id).metrics  # the metrics table was rewritten, not emptied


def test_compare_judges_against_the_band(good: Review, fast: Review, flat: Review) -> None:
    """Moving toward a band is 'better', away is 'worse', both inside is 'same'."""
    store = SessionStore()
    a, b, c = store.save(fast), store.save(good), store.save(flat)
    cmp = store.compare(a.id, b.id)
    verdicts = {m.name: m.verdict for m in cmp.metrics}
    assert verdicts["wpm"] == "better" and verdicts["number_density"] == "same"
    assert "wpm" in cmp.improved() and cmp.score_change > 0
    back = store.compare(b.id, a.id)
    assert "wpm" in back.worsened() and back.score_change == -cmp.score_change
    worse = store.compare(b.id, c.id)
    verdicts = {m.name: m.verdict for m in worse.metrics}
    assert verdicts["hype_rate"] == "worse" and verdicts["wpm"] == "gone"


def test_trend_and_previous_attempt(good: Review, fast: Review, flat: Review) -> None:
    """Trend lists a metric over attempts, oldest first; previous_attempt stays within the talk."""
    store = SessionStore()
    first = store.save(fast, talk="Bakery")
    other = store.save(flat, talk="Pitch")
    second = store.save(good, talk="Bakery")
    points = store.trend(talk="Bakery", metric="wpm")
    assert [(s.id, round(v)) for s, v in points] == [(first.id, 230), (second.id, 145)]
    assert [s.id for s, _ in store.trend(metric="wpm")] == [first.id, second.id]  # flat untimed
    assert [s.id for s, _ in store.trend()] == [first.id, other.id, second.id]
    prev = store.previous_attempt(second.id)
    assert prev is not None and prev.id == first.id
    assert store.previous_attempt(first.id) is None and store.previous_attempt(other.id) is None
    store.delete(first.id)
    assert store.previous_attempt(second.id) is None
    assert [s.id for s, _ in store.trend(talk="Bakery")] == [second.id]


# The schema-1 file exactly as Coach 0.1 wrote it, frozen here so an edit to the migration
# list cannot silently change what "an old file" means.
SCHEMA_1 = """
CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,
 title TEXT NOT NULL DEFAULT '', talk TEXT NOT NULL DEFAULT '', profile_id TEXT NOT NULL,
 profile_name TEXT NOT NULL, engine TEXT NOT NULL, duration_s REAL, audio_name TEXT, script TEXT,
 notes TEXT NOT NULL DEFAULT '', score REAL NOT NULL, wpm REAL, figures_per_min REAL,
 number_density REAL);
CREATE TABLE reviews (session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
 said TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX sessions_talk ON sessions(talk, created);
PRAGMA user_version = 1;
"""


def test_migrates_a_schema_1_file(good: Review, fast: Review, coach_home: Path) -> None:
    """An old-version file opens, gains the trash and metrics tables, and keeps its sessions."""
    db = coach_home / "sessions.db"
    with sqlite3.connect(db) as raw:
        raw.executescript(SCHEMA_1)
        for i, rv in enumerate((fast, good), 1):
            raw.execute(
                "INSERT INTO sessions (created, title, talk, profile_id, profile_name, engine, "
                "duration_s, score, wpm) VALUES (?,?,?,?,?,?,?,?,?)",
                (f"2025-01-0{i}T10:00:00+00:00", f"old {i}", "Bakery", rv.profile_id,
                 rv.profile_name, rv.transcript.engine, rv.transcript.duration_s,
                 rv.feedback.score, rv.analysis.values["wpm"]),
            )  # fmt: skip
            raw.execute("INSERT INTO reviews VALUES (?,?,?)", (i, "", encode_review(rv)))
    store = SessionStore()
    assert store.notice is None
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [r.title for r in store.list()] == ["old 2", "old 1"]
    assert [round(v) for _, v in store.trend(talk="Bakery", metric="wpm")] == [230, 145]
    assert "wpm" in store.compare(1, 2).improved()
    assert as_json(store.get(1).review) == as_json(fast)
    store.delete(1)
    assert [r.id for r in store.trash()] == [1]
    assert store.integrity_check() == "ok"


def test_newer_schema_is_refused_not_touched(coach_home: Path) -> None:
    """A file from a newer Coach is left alone with a sentence saying to update."""
    db = coach_home / "sessions.db"
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 99")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer Coach"):
        SessionStore()
    assert db.read_bytes() == before


@pytest.mark.parametrize("damage", ["garbage", "pages", "empty"])
def test_corrupt_db_is_moved_aside(good: Review, coach_home: Path, damage: str) -> None:
    """A damaged database is set aside byte for byte, the user is told where, a new one starts."""
    db = coach_home / "sessions.db"
    store = SessionStore()
    for _ in range(30):
        store.save(good)
    store.close()
    data = bytearray(db.read_bytes())
    if damage == "garbage":
        data = bytearray(b"this is not a database at all" * 100)
    elif damage == "empty":  # a full disk or a cut-off copy
        data = bytearray()
        for side in ("-wal", "-shm"):
            Path(f"{db}{side}").unlink(missing_ok=True)
    else:  # keep the header, scribble over the b-tree pages
        rng = random.Random(3)
        for page in range(1, len(data) // 4096):
            data[page * 4096 : page * 4096 + 100] = bytes(rng.randrange(256) for _ in range(100))
    db.write_bytes(bytes(data))
    fresh = SessionStore()
    assert fresh.notice is not None
    moved = [p for p in coach_home.iterdir() if p.name.startswith("sessions.db.corrupt-")]
    assert len(moved) == 1 and str(moved[0]) in fresh.notice
    assert ("empty (0 bytes" in fresh.notice) == (damage == "empty")
    assert moved[0].read_bytes() == bytes(data)
    assert fresh.list() == [] and fresh.save(good).id == 1
    assert fresh.integrity_check() == "ok"
    assert SessionStore().notice is None


def test_processes_creating_the_database_together_never_see_an_empty_file(
    coach_home: Path,
) -> None:
    """The database is created whole, so a second process never mistakes it for an empty one."""
    code = "from coach.store.sessions import SessionStore; print(SessionStore().notice)"
    for _ in range(3):
        for p in coach_home.glob("sessions.db*"):
            p.unlink()
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT
            )  # fmt: skip
            for _ in range(4)
        ]
        outs = [p.communicate(timeout=60)[0].strip() for p in procs]
        assert outs == ["None"] * 4, outs
        assert not list(coach_home.glob("sessions.db.corrupt-*"))
        assert not list(coach_home.glob(".sessions.db.new-*"))
        assert SessionStore().integrity_check() == "ok"


def test_unowned_audio_is_named_for_what_it_is(good: Review, wav: Path) -> None:
    """Orphans are told apart by name: interrupted save, other database, moved aside, foreign."""
    from coach.store.audio_files import orphan_kind, partial_copies

    store = SessionStore()
    names = {"incoming-ab12.wav": "interrupted", "7.ogg": "unlisted",
             "recovered-1a2b3c4d-1.wav": "moved", "holiday.mp3": "other"}  # fmt: skip
    for name in names:
        (store.audio_dir / name).write_bytes(b"RIFF")
    (store.audio_dir / ".incoming-cd34.wav.part").write_bytes(b"\0" * 1000)
    assert {p.name: orphan_kind(p) for p in store.recovered_audio()} == names
    assert [(p.name, n) for p, n in partial_copies(store.audio_dir)] == [
        (".incoming-cd34.wav.part", 1000)
    ]


def test_orphan_audio_is_listed_and_never_overwritten(good: Review, wav: Path) -> None:
    """Audio left by a killed save shows in recovered_audio and survives the next save's id."""
    store = SessionStore()
    orphan = store.audio_dir / "1.wav"  # what a save killed after its rename leaves behind
    orphan.write_bytes(b"RIFF precious take")
    incoming = store.audio_dir / "incoming-abc.wav"
    incoming.write_bytes(b"RIFF another")
    (store.audio_dir / ".incoming-def.wav.part").write_bytes(b"RIFF par")
    s = store.save(good, audio=wav)
    assert s.id == 1 and s.audio_path is not None
    assert s.audio_path.read_bytes() == wav.read_bytes()
    recovered = store.recovered_audio()
    assert incoming in recovered and len(recovered) == 2
    assert b"RIFF precious take" in [p.read_bytes() for p in recovered]


def test_failed_save_leaves_nothing(good: Review, wav: Path) -> None:
    """A save that raises (here: a missing audio file) adds no session and no file."""
    store = SessionStore()
    with pytest.raises(StoreError, match="does not exist"):
        store.save(good, audio=wav.with_name("nope.wav"))
    assert store.list() == [] and list(store.audio_dir.iterdir()) == []


def test_threads_share_a_store_or_open_their_own(good: Review, wav: Path) -> None:
    """Worker threads can share one store or each open one; every save lands."""
    shared = SessionStore()
    errors: list[BaseException] = []

    def work(own: bool) -> None:
        try:
            store = SessionStore() if own else shared
            for _ in range(4):
                s = store.save(good, audio=wav, talk="threads")
                store.list(talk="threads")
                store.get(s.id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i % 2 == 0,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(shared.list(talk="threads")) == 24 and shared.recovered_audio() == []


def test_held_write_lock_delays_but_does_not_fail(good: Review) -> None:
    """While another connection holds the write lock, reads go on and a save waits for it."""
    store = SessionStore()
    first = store.save(good, title="before")
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE sessions SET title = 'by the other process' WHERE id = ?", (first.id,))
    assert [r.title for r in store.list()] == ["before"]  # WAL: the reader is not blocked
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    second = store.save(good, title="after")  # waits for the lock instead of failing
    release.join()
    other.close()
    assert [r.title for r in store.list()] == ["after", "by the other process"]
    assert second.id == first.id + 1


CHILD = """
import os, signal, sys, time
from pathlib import Path
from coach.store import audio_files
from coach.store.sessions import SessionStore
from coach.store.schema import decode_review
rv = decode_review(Path(sys.argv[1]).read_bytes())
audio, mode = Path(sys.argv[2]), sys.argv[3]
if mode.startswith("phase:"):
    target = mode[6:]
    def hook(name):
        if name == target:
            os.kill(os.getpid(), signal.SIGKILL)
    audio_files.PHASE_HOOK = hook
store = SessionStore()
print("ready", flush=True)
for i in range(int(sys.argv[4])):
    s = store.save(rv, title=f"{mode} {i}", talk="kill", audio=audio)
    if mode == "busy":
        store.rename(s.id, f"renamed {i}")
        store.list()
    print(f"saved {s.id}", flush=True)
"""


def _child(tmp: Path, rv: Review, wav: Path, mode: str, count: int) -> subprocess.Popen[str]:
    script, blob = tmp / "child.py", tmp / "review.bin"
    if not script.exists():
        script.write_text(textwrap.dedent(CHILD))
        blob.write_bytes(encode_review(rv))
    return subprocess.Popen(
        [sys.executable, str(script), str(blob), str(wav), mode, str(count)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ.copy(),
    )  # fmt: skip


def _check_consistent(home: Path, wav: Path, saved: set[int]) -> None:
    """Integrity ok; every session whole with its audio; every stray file complete and listed."""
    with sqlite3.connect(home / "sessions.db") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = SessionStore()
    assert store.notice is None
    ids = {r.id for r in store.list()}
    assert saved <= ids and len(ids - saved) <= 1  # killed between commit and its print
    source = wav.read_bytes()
    for sid in ids:
        s = store.get(sid)
        assert s.review.metrics and s.audio_path is not None
        assert s.audio_path.read_bytes() == source
    for stray in store.recovered_audio():
        assert stray.read_bytes() == source, stray
    for part in store.audio_dir.glob(".*"):
        assert part.name.endswith(".part") and source.startswith(part.read_bytes())
    store.close()


@pytest.mark.slow
def test_kill_at_every_phase_of_a_save(
    good: Review, wav: Path, coach_home: Path, tmp_path: Path
) -> None:
    """SIGKILL at each step of a save leaves the whole session or none plus a complete audio file."""
    saved: set[int] = set()
    for phase in (
        "copy",
        "copied",
        "staged",
        "begin",
        "inserted",
        "renamed",
        "commit",
        "committed",
    ):
        proc = _child(tmp_path, good, wav, f"phase:{phase}", 1)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, (phase, out)
        _check_consistent(coach_home, wav, saved)
        saved = {r.id for r in SessionStore().list()}
    store = SessionStore()
    assert len(store.list()) == 1  # only the kill after commit kept a session
    # Kills after staging, at begin and after the insert leave the staged copy; kills after the
    # rename leave "1.wav", set aside (not overwritten) when the next save reused id 1.
    names = sorted(p.name.split("-")[0] for p in store.recovered_audio())
    assert names == ["incoming"] * 3 + ["recovered"] * 2
    assert len(list(store.audio_dir.glob(".*.part"))) == 1  # killed right after the copy
    s = store.save(good, audio=wav)
    assert s.audio_path is not None and s.audio_path.read_bytes() == wav.read_bytes()
    assert len(store.recovered_audio()) == 5


@pytest.mark.slow
def test_kill_loop_random_points(good: Review, wav: Path, coach_home: Path, tmp_path: Path) -> None:
    """Savers killed at random moments never leave a half session or a damaged database."""
    rng = random.Random(20261129)
    saved: set[int] = set()
    for _ in range(14):
        proc = _child(tmp_path, good, wav, "loop", 1000)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        threading.Event().wait(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        saved |= {int(line.split()[1]) for line in out.splitlines() if line.startswith("saved")}
        _check_consistent(coach_home, wav, saved)
        saved = {r.id for r in SessionStore().list()}
    assert len(saved) > 14  # the savers really were saving when killed


@pytest.mark.slow
def test_two_processes_at_once(good: Review, wav: Path, coach_home: Path, tmp_path: Path) -> None:
    """Two processes saving, renaming and listing together both finish, and nothing is lost."""
    procs = [_child(tmp_path, good, wav, "busy", 15) for _ in range(2)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    ids = [int(x.split()[1]) for out in outs for x in out.splitlines() if x.startswith("saved")]
    assert len(ids) == len(set(ids)) == 30
    store = SessionStore()
    assert sorted(r.id for r in store.list()) == sorted(ids)
    assert all(r.title.startswith("renamed") for r in store.list())
    assert store.recovered_audio() == [] and store.integrity_check() == "ok"


def test_stored_review_is_compressed(good: Review) -> None:
    """The review is stored as zlib-compressed JSON, smaller than the raw JSON."""
    store = SessionStore()
    s = store.save(good)
    with sqlite3.connect(store.path) as raw:
        blob = raw.execute("SELECT data FROM reviews WHERE session_id=?", (s.id,)).fetchone()[0]
    assert len(blob) < len(zlib.decompress(blob)) / 2


@pytest.mark.slow
def test_retranscribe_uses_the_stored_audio(tmp_path: Path) -> None:
    """Re-transcribing runs a speech engine on the stored recording and replaces the transcript."""
    speech = tmp_path / "speech.wav"
    subprocess.run(
        ["espeak-ng", "-s", "130", "-w", str(speech),
         "We baked six hundred loaves a day. Waste fell to twelve."],
        check=True,
    )  # fmt: skip
    store = SessionStore()
    typed = review(transcript_from_text("Placeholder words only."))
    s = store.save(typed, title="spoken", audio=speech)
    again = store.retranscribe(s.id, engine="whisper", model="tiny.en")
    assert again.engine != "text" and again.review.transcript.timed
    said = again.review.transcript.text.lower()
    assert "600" in said and "placeholder" not in said
    assert [r.title for r in store.list(query="600")] == ["spoken"]
