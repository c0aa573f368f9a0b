"""Session store speed with 1,000 stored sessions (goals: list <= 50 ms, open one <= 20 ms).

Stores 1,000 sessions of a 10-minute, 1,450-word timed rehearsal (a realistic transcript with word
timings and all metrics) spread over five talks, in a fresh temporary folder, then times: opening
the store (with its integrity quick check), listing all sessions, listing one talk, searching the
words said, opening one session (decoding its full review), a trend and a comparison.
Prints median and 95th-percentile wall time and median CPU time of repeated runs.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from coach.coaching.review import review
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from coach.types import Transcript, Word

N_SESSIONS = 1000
TALKS = ["Bakery", "Investors", "Town hall", "Launch", "Wedding"]


def rehearsal(wpm: float = 145.0) -> Transcript:
    """The demo script ten times over, spoken evenly at ``wpm`` with a pause between sentences."""
    demo = (Path(__file__).resolve().parent.parent / "assets/samples/demo.txt").read_text()
    t = transcript_from_text("\n\n".join([demo] * 10))
    step, now, words = 60.0 / wpm, 0.0, []
    for i, w in enumerate(t.words):
        if i and w.utterance != t.words[i - 1].utterance:
            now += 0.5
        words.append(Word(w.text, now, now + 0.85 * step, w.utterance))
        now += step
    return Transcript(words=tuple(words), duration_s=now, engine="whisper base")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and 95th-percentile wall time, and median CPU time of ``runs`` calls, in ms.

    CPU time shows the cost apart from other programs competing for the two cores.
    """
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    wall.sort()
    return statistics.median(wall), wall[int(0.95 * (runs - 1))], statistics.median(cpu)


def main() -> None:
    print(f"Load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    rv = review(rehearsal())
    print(f"Transcript: {rv.analysis.word_count} words, {rv.transcript.duration_s / 60:.1f} min")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sessions.db"
        store = SessionStore(db)
        rng = random.Random(1)
        t0 = time.perf_counter()
        for i in range(N_SESSIONS):
            store.save(rv, title=f"Attempt {i}", talk=rng.choice(TALKS), notes="")
        fill_s = time.perf_counter() - t0
        store.close()
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("sessions.db*")) / 1e6
        print(f"Saved {N_SESSIONS} sessions in {fill_s:.1f} s ({fill_s / N_SESSIONS * 1000:.1f} ms "
              f"each, no audio); database {size_mb:.1f} MB")  # fmt: skip

        med, p95, cpu = timed(lambda: SessionStore(db).close(), 20)
        print(f"{'open the store':<19} median {med:6.1f} ms, p95 {p95:6.1f} ms, CPU {cpu:6.1f} ms"
              "  (schema check + quick_check)")  # fmt: skip
        store = SessionStore(db)
        rows = store.list()
        assert len(rows) == N_SESSIONS
        ids = [r.id for r in rows]
        cases: list[tuple[str, Callable[[], object], float | None]] = [
            ("list all 1000", lambda: store.list(), 50.0),
            ("list one talk", lambda: store.list(talk="Bakery"), 50.0),
            ("search words said", lambda: store.list(query="neighbours"), None),
            ("open one session", lambda: store.get(rng.choice(ids)), 20.0),
            ("trend of wpm, all", lambda: store.trend(metric="wpm"), None),
            ("compare two", lambda: store.compare(ids[0], ids[-1]), None),
        ]
        for name, fn, goal in cases:
            med, p95, cpu = timed(fn, 100)
            verdict = "" if goal is None else ("  OK" if p95 <= goal else "  OVER GOAL")
            goal_text = "" if goal is None else f"  (goal <= {goal:g} ms)"
            print(f"{name:<19} median {med:6.1f} ms, p95 {p95:6.1f} ms, CPU {cpu:6.1f} ms"
                  f"{goal_text}{verdict}")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
