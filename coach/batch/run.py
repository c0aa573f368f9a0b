"""Drive a batch: find the talks, skip the finished ones, score the rest on workers, collect.

Two runners score talks with the same worker code (:mod:`coach.batch.work`):

``LocalRunner``
    A process pool on this machine (``spawn``, safe from a Qt app's threads): N workers, each
    loading the Whisper model once in its initializer and using ``cores // N`` Whisper threads.
``DaskRunner`` (:mod:`coach.batch.dask`)
    A ``dask.distributed`` client on a running scheduler; each talk's bytes travel with it.

:func:`run_batch` keeps two talks in flight per worker, records each finished talk in the results
cache at once, lets the caller write outputs (PDF, session) as results arrive (the caller is the
only writer), reports progress with an estimate, and stops cleanly on Ctrl+C or when
``should_stop()`` turns true: unfinished talks are dropped, finished ones stay recorded.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from coach.batch.cache import ResultsCache, settings_key, talk_key
from coach.batch.files import TalkFile, TalkFrom, content_hash, find_talks
from coach.batch.table import TalkRow, make_row, scores_of
from coach.batch.work import BatchJob, TalkResult, prepare_worker, score_path
from coach.coaching.review import Review, review_from_dict
from coach.errors import CoachError

POLL_S = 0.2
"""How often the caller looks up from waiting (for Ctrl+C and a stop request), in seconds."""
IN_FLIGHT_PER_WORKER = 2
PER_FILE_BYTES = 64_000
CRASHED = "Coach's worker process crashed on this file (its decoder or engine died)."


class Runner(Protocol):
    """Where talks are scored: :class:`LocalRunner` or :class:`coach.batch.dask.DaskRunner`."""

    workers: int

    def start(self, job: BatchJob, *, load_model: bool) -> None: ...
    def submit(self, talk: TalkFile, key: str) -> Any: ...
    def wait(self, pending: Sequence[Any], timeout_s: float) -> list[Any]: ...
    def result(self, handle: Any) -> TalkResult: ...
    def close(self, *, cancel: bool) -> None: ...
    def restart(self, *, workers: int | None = None) -> None: ...


class LocalRunner:
    """A pool of ``workers`` processes on this machine (default: one per core)."""

    def __init__(self, workers: int | None = None) -> None:
        self.cores = os.cpu_count() or 1
        self.workers = max(1, int(workers or self.cores))
        self._pool: ProcessPoolExecutor | None = None
        self._job: BatchJob | None = None
        self._load_model = False

    def start(self, job: BatchJob, *, load_model: bool, workers: int | None = None) -> None:
        """Start ``workers`` (default :attr:`workers`) processes, each prepared once."""
        import multiprocessing

        size = workers or self.workers
        threads = job.cpu_threads or max(1, self.cores // size)
        self._job = replace(job, cpu_threads=threads)
        self._load_model = load_model
        self._pool = ProcessPoolExecutor(
            max_workers=size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=prepare_worker,
            initargs=(self._job, load_model),
        )

    def restart(self, *, workers: int | None = None) -> None:
        """A fresh pool after a worker died (``workers=1`` runs suspects one at a time)."""
        assert self._job is not None
        self.close(cancel=True)
        self.start(self._job, load_model=self._load_model, workers=workers)

    def submit(self, talk: TalkFile, key: str) -> Future[TalkResult]:
        assert self._pool is not None and self._job is not None
        return self._pool.submit(score_path, str(talk.path), self._job, key, talk.name)

    def wait(self, pending: Sequence[Any], timeout_s: float) -> list[Any]:
        done, _ = wait_futures(pending, timeout=timeout_s, return_when=FIRST_COMPLETED)
        return list(done)

    def result(self, handle: Any) -> TalkResult:
        return handle.result()

    def close(self, *, cancel: bool) -> None:
        """Stop the pool; with ``cancel`` busy workers are ended at once (Ctrl+C, a stop)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if cancel:
            # No public way to end busy workers before Python 3.14's terminate_workers().
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch is: talks done (scored, failed or reused) of ``total``, and an estimate."""

    done: int
    total: int
    failed: int
    reused: int
    elapsed_s: float
    eta_s: float | None
    last: str = ""


@dataclass
class BatchItem:
    """One talk of the batch and its row; ``outputs`` says what the caller wrote for it."""

    talk: TalkFile
    row: TalkRow
    outputs: dict[str, Any] = field(default_factory=dict)
    reused: bool = False
    result: TalkResult | None = None


@dataclass
class BatchOutcome:
    """Every talk's row in input order, and whether the batch was stopped before the end."""

    items: list[BatchItem]
    interrupted: bool = False
    wall_s: float = 0.0

    @property
    def rows(self) -> list[TalkRow]:
        """The class table rows (input order)."""
        return [i.row for i in self.items]

    @property
    def failed(self) -> int:
        """How many talks could not be scored."""
        return sum(i.row.failed for i in self.items)

    @property
    def scored(self) -> list[BatchItem]:
        """Talks scored in this run (not reused from the cache), failures included."""
        return [i for i in self.items if i.result is not None]


OnScored = Callable[[BatchItem, Review], dict[str, Any]]
ProgressFn = Callable[[BatchProgress], None]


def _start_items(
    talks: Sequence[TalkFile], job: BatchJob, cache: ResultsCache, talk_from: TalkFrom,
    reuse: Callable[[dict[str, Any]], bool] | None,
) -> tuple[list[BatchItem], list[tuple[int, str]]]:  # fmt: skip
    """Rows for unreadable and already finished talks; the (index, key) of talks to score."""
    settings = settings_key(job)
    items: list[BatchItem] = []
    todo: list[tuple[int, str]] = []
    for index, talk in enumerate(talks):
        name = talk.talk(talk_from)
        item = BatchItem(talk, make_row(talk.name, name, None))
        items.append(item)
        try:
            key = talk_key(content_hash(talk.path), settings)
        except OSError as exc:
            item.row = make_row(talk.name, name, None, f"Cannot read {talk.name}: {exc.strerror}.")
            continue
        entry = cache.get(key)
        if entry is not None and (reuse is None or reuse(entry.get("outputs", {}))):
            item.row = make_row(talk.name, name, entry["row"])
            item.outputs = dict(entry.get("outputs", {}))
            item.reused = True
        else:
            todo.append((index, key))
    return items, todo


def _size(talk: TalkFile) -> int:
    try:
        return max(1, talk.path.stat().st_size)
    except OSError:
        return 1


def _failure(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0].rstrip(".") if str(exc).strip() else ""
    if isinstance(exc, CoachError):
        return text
    if type(exc).__name__ == "KilledWorker":  # Dask gave up after its allowed retries
        return "Every Dask worker that tried this file died (KilledWorker); check the file."
    return f"The worker failed: {type(exc).__name__}" + (f": {text}" if text else "") + "."


def run_batch(
    paths: Sequence[Any],
    job: BatchJob,
    *,
    runner: Runner | None = None,
    cache: ResultsCache | None = None,
    talk_from: TalkFrom = "file",
    on_scored: OnScored | None = None,
    reuse: Callable[[dict[str, Any]], bool] | None = None,
    progress: ProgressFn | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchOutcome:
    """Score every talk in ``paths`` (files, folders or :class:`TalkFile`) with ``job``.

    Parameters
    ----------
    runner
        Where to score (default: a :class:`LocalRunner` with one worker per core).
    cache
        Finished talks to reuse and record (default: none kept between runs).
    on_scored
        Called in this process for each newly scored talk with its review; returns what it wrote
        (e.g. ``{"pdf": path}``), recorded in the cache. A ``CoachError`` fails that row.
    reuse
        Whether a cached talk's recorded outputs are enough this time (default: always).
    progress, should_stop
        Progress callback; a stop request checked every :data:`POLL_S` seconds.

    Returns
    -------
    BatchOutcome
        A row per talk (failed talks carry their one-line error); ``interrupted`` after Ctrl+C
        or a stop.
    """
    start = time.perf_counter()
    talks = [p for p in paths if isinstance(p, TalkFile)] or find_talks(paths)
    cache = cache if cache is not None else ResultsCache(None)
    items, todo = _start_items(talks, job, cache, talk_from, reuse)
    outcome = BatchOutcome(items)
    # Estimate by bytes left, plus a fixed share per file for what every talk costs anyway.
    weight = {i: _size(items[i].talk) + PER_FILE_BYTES for i, _ in todo}
    total_weight = sum(weight.values())
    done_weight = 0
    reused = sum(i.reused for i in items)
    done_count = len(items) - len(todo)

    def report(last: str) -> None:
        if progress is None:
            return
        elapsed = time.perf_counter() - start
        eta = None
        if done_weight:
            eta = elapsed * (total_weight - done_weight) / done_weight
        elif not todo:
            eta = 0.0
        progress(BatchProgress(done_count, len(items), outcome.failed, reused, elapsed, eta, last))

    report("")
    if not todo:
        outcome.wall_s = time.perf_counter() - start
        return outcome
    runner = runner or LocalRunner()
    queue: deque[tuple[int, str]] = deque(todo)
    pending: dict[Any, tuple[int, str]] = {}
    suspects: set[int] = set()  # talks in flight when a local worker died
    stopping = False
    try:
        runner.start(job, load_model=any(not items[i].talk.is_script for i, _ in todo))
        while queue or pending:
            if should_stop is not None and should_stop():
                stopping = True
                break
            limit = 1 if suspects else runner.workers * IN_FLIGHT_PER_WORKER
            while queue and len(pending) < limit:
                index, key = queue.popleft()
                try:
                    pending[runner.submit(items[index].talk, key)] = (index, key)
                except OSError as exc:
                    items[index].row = replace(items[index].row, error=f"Cannot read: {exc}.")
                    done_count += 1
            if not pending:
                continue
            for handle in runner.wait(list(pending), POLL_S):
                index, key = pending.pop(handle)
                item = items[index]
                crashed = False
                try:
                    result = runner.result(handle)
                except BrokenProcessPool:
                    if index in suspects and not pending:
                        result = TalkResult(key=key, error=CRASHED)  # alone, and it died
                        crashed = True
                    else:
                        # Everything in flight died with the pool: retry those talks one by one.
                        lost = [(index, key), *pending.values()]
                        suspects.update(i for i, _ in lost)
                        queue.extendleft(reversed(lost))
                        pending.clear()
                        runner.restart(workers=1)
                        break
                except Exception as exc:  # noqa: BLE001 - Dask: a lost worker, a bad pickle
                    result = TalkResult(key=key, error=_failure(exc))
                _finish(item, result, key, cache, on_scored)
                if index in suspects:
                    suspects.discard(index)
                    if (crashed or not suspects) and queue:  # a broken pool, or back to full size
                        runner.restart(workers=1 if suspects else None)
                done_count += 1
                done_weight += weight.get(index, 1)
                report(item.talk.name)
    except KeyboardInterrupt:
        stopping = True
    finally:
        runner.close(cancel=stopping or bool(pending))
    outcome.interrupted = stopping
    outcome.wall_s = time.perf_counter() - start
    return outcome


def _finish(
    item: BatchItem,
    result: TalkResult,
    key: str,
    cache: ResultsCache,
    on_scored: OnScored | None,
) -> None:
    """Turn a worker's result into the talk's row; record it and let the caller write outputs."""
    item.result = result
    if result.error or result.review is None:
        item.row = replace(item.row, error=result.error or "No result came back.")
        return
    rv = review_from_dict(result.review)
    item.row = make_row(item.row.file, item.row.talk, scores_of(rv))
    if on_scored is not None:
        try:
            item.outputs = on_scored(item, rv) or {}
        except CoachError as exc:
            item.row = replace(item.row, error=f"Scored, but {exc}")
            return
    scores = {k: v for k, v in asdict(item.row).items() if k not in ("file", "talk", "error")}
    cache.put(key, scores, item.outputs)
