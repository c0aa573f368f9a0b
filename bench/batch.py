"""Class mode throughput: the same 20 spoken talks through 1 and 2 local workers and a Dask
LocalCluster of 2 workers.

Run: ``.venv/bin/python bench/batch.py [--model base|tiny.en] [--files 20]``. The talks are espeak-ng
speech made by ``tests.speech`` (cached under ``tests/out/speech``), 6-16 s each. Every run starts
cold (no results cache, fresh worker processes), so the wall time includes starting the workers
and loading the model once per worker, as a user's first run does.

Printed per configuration: throughput = seconds of audio scored per wall second (higher is
better), the wall time, the mean wall and CPU seconds a worker spent per talk (CPU time
changes little with the load of the machine, wall time a lot), the peak resident memory of each worker process, and the machine's load
average before and after (the machine is shared: compare figures taken at similar load). The Dask
overhead is its wall time against the local pool with the same number of workers; the
LocalCluster's own start-up is printed apart and not counted in its wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-batch-")

from coach.batch.run import BatchOutcome, LocalRunner, run_batch  # noqa: E402
from coach.batch.work import make_job  # noqa: E402
from coach.profile import load_profile  # noqa: E402
from tests.speech import build_rehearsal  # noqa: E402

SENTENCES = [
    "In 2019 we sold 5000 phones in 3 days.",
    "Why did our first shop close after 8 months?",
    "We had 12 people, 2 laptops and 40,000 dollars.",
    "I was wrong about the price, and it cost us 300 customers.",
    "Last spring 280 of them came back.",
    "Our delivery time fell from 9 days to 2.",
    "This is a revolutionary, world-class platform.",
    "I still have a lot to learn, and I thank every one of you.",
    "Next year we want to open 5 more shops.",
    "What would you do with 1 hour a day more?",
]


def make_talks(folder: Path, count: int) -> float:
    """Write ``count`` different talks of 2-4 sentences; returns their total audio seconds."""
    total = 0.0
    for k in range(count):
        n = 2 + k % 3
        parts: list[str | float] = []
        for j in range(n):
            if parts:
                parts.append(0.5 + 0.1 * (k % 4))
            parts.append(SENTENCES[(k * 3 + j) % len(SENTENCES)])
        reh = build_rehearsal(parts, rate=150 + 5 * (k % 5), name=f"bench_batch_{k:02d}")
        shutil.copy(reh.path, folder / f"talk{k:02d}.wav")
        total += reh.duration_s
    return total


def load() -> str:
    """The 1-minute load average of this machine."""
    return f"{os.getloadavg()[0]:.2f}"


def report(name: str, outcome: BatchOutcome, audio_s: float, wall_s: float, before: str) -> None:
    """One configuration's line."""
    assert not outcome.failed and not outcome.interrupted, [r.error for r in outcome.rows]
    peaks: dict[str, float] = {}
    for item in outcome.scored:
        assert item.result is not None
        peaks[item.result.worker] = max(peaks.get(item.result.worker, 0), item.result.peak_rss_mb)
    memory = ", ".join(f"{v:.0f}" for v in sorted(peaks.values()))
    n = max(1, len(outcome.scored))
    busy = sum(i.result.wall_s for i in outcome.scored if i.result) / n
    cpu = sum(i.result.cpu_s for i in outcome.scored if i.result) / n
    print(f"{name:<30} {audio_s / wall_s:5.2f} audio s per wall s (wall {wall_s:5.1f} s); per "
          f"talk in a worker {busy:5.2f} s wall, {cpu:5.2f} s CPU; peak RSS per worker [MB]: "
          f"{memory}; load {before} -> {load()}", flush=True)  # fmt: skip


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="base")
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--only", choices=["local", "dask"], help="run only one path")
    args = parser.parse_args()
    folder = Path(os.environ["COACH_HOME"]) / "class"
    folder.mkdir()
    audio_s = make_talks(folder, args.files)
    job = make_job(load_profile(), model=args.model)
    print(f"{args.files} talks, {audio_s:.0f} s of audio, Whisper {job.model}, "
          f"{os.cpu_count()} cores; `uptime`: {os.popen('uptime').read().strip()}")  # fmt: skip

    walls = {}
    for workers in () if args.only == "dask" else (1, 2):
        before = load()
        start = time.perf_counter()
        outcome = run_batch([folder], job, runner=LocalRunner(workers))
        walls[workers] = time.perf_counter() - start
        report(f"local pool, {workers} worker(s)", outcome, audio_s, walls[workers], before)

    if args.only == "local":
        return
    from distributed import Client, LocalCluster

    from coach.batch.cluster import DaskRunner, local_cluster

    dask_walls = {}
    setups = {
        "Dask LocalCluster, 2 workers": local_cluster,
        "  same, Dask's malloc trim": lambda n: LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
            env={"COACH_CPU_THREADS": "1"}),
    }  # fmt: skip
    for name, make in setups.items():
        before = load()
        start = time.perf_counter()
        with make(2) as cluster, Client(cluster) as client:
            client.wait_for_workers(2)
            up_s = time.perf_counter() - start
            start = time.perf_counter()
            outcome = run_batch([folder], job, runner=DaskRunner(client=client))
            dask_walls[name] = time.perf_counter() - start
        report(name, outcome, audio_s, dask_walls[name], before)
    dask_wall = dask_walls["Dask LocalCluster, 2 workers"]
    print(f"Dask overhead against the local pool with 2 workers: "
          f"{(dask_wall / walls[2] - 1) * 100:+.0f} % wall time "
          f"(plus {up_s:.1f} s to start the LocalCluster); "
          f"2 local workers vs 1: {walls[1] / walls[2]:.2f}x" if walls else
          f"LocalCluster start-up {up_s:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
