"""Scoring one talk, on whichever process runs it: a local pool worker or a Dask worker.

Everything here is a plain function of picklable values (a :class:`BatchJob`, a path or the file's
bytes) returning a :class:`TalkResult`, so the local pool and Dask run the very same code. A
worker never writes anywhere the caller reads (no store, no cache, no PDF): results travel back
and the caller alone writes them.
"""

from __future__ import annotations

import inspect
import os
import resource
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.errors import CoachError, InputError
from coach.profile import Profile


@dataclass(frozen=True)
class BatchJob:
    """The settings every talk of a batch is scored with (sent to each worker).

    ``engine``/``model`` are resolved by the caller, so every worker uses the same ones;
    ``language`` is passed on only where the engine accepts it (see :func:`language_supported`).
    ``cpu_threads`` is the Whisper thread count per worker process (``None``: Whisper's default).
    """

    profile: Profile
    engine: str | None = None
    model: str | None = None
    language: str | None = None
    cpu_threads: int | None = None


@dataclass(frozen=True)
class TalkResult:
    """What a worker sends back for one talk.

    Exactly one of ``review`` (the lossless review dict of :func:`coach.coaching.review.
    review_to_dict`'s ``_review`` part) and ``error`` (one sentence) is set. ``wall_s`` is the
    time the worker spent on it and ``cpu_s`` the CPU time its process used meanwhile (all
    threads; steadier than wall time on a busy machine); ``worker`` names the process (host:pid) and ``peak_rss_mb`` is
    that process's peak resident memory so far.
    """

    key: str
    review: dict[str, Any] | None = None
    error: str = ""
    wall_s: float = 0.0
    cpu_s: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0
    audio_s: float | None = field(default=None)


def make_job(
    profile: Profile,
    *,
    engine: str | None = None,
    model: str | None = None,
    language: str | None = None,
    cpu_threads: int | None = None,
) -> BatchJob:
    """The job with its engine and model named (so every worker and the cache agree).

    With no offline engine installed the engine stays ``None``: scripts are still scored and
    each recording's row says what to install.
    """
    from coach.transcript.transcribe import default_engine

    if engine is None:
        try:
            engine = default_engine()
        except CoachError:
            engine = None
    if engine == "whisper" and model is None:
        from coach.transcript.models import DEFAULT_MODEL

        model = DEFAULT_MODEL
    return BatchJob(profile, engine, model, check_language(language), cpu_threads)


def language_supported() -> bool:
    """True when :func:`coach.transcript.load.load_transcript` takes a ``language`` option."""
    from coach.transcript.load import load_transcript

    return "language" in inspect.signature(load_transcript).parameters


def check_language(language: str | None) -> str | None:
    """The language to pass on, or ``None``; refuses a language this Coach cannot score yet.

    Raises
    ------
    InputError
        A language other than English was asked for and the engine has no language option yet.
    """
    if language is None:
        return None
    code = language.strip().lower()
    if language_supported():
        return code
    if code in ("en", "english") or code.startswith("en-"):
        return None  # English is what this Coach scores anyway
    raise InputError(
        f"Language '{language}' is not supported by this Coach yet (it scores English talks); "
        "leave out --language."
    )


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def _worker_name() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


def prepare_worker(job: BatchJob, load_model: bool = False) -> None:
    """Set a local pool worker up once: Ctrl+C is the caller's, the model is loaded now.

    The local pool's initializer. Dask workers skip it (their nanny owns signals): their first
    :func:`score_path` call loads the model, which stays cached in the process either way.
    """
    import contextlib

    with contextlib.suppress(ValueError):  # not the main thread: nothing to set
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with contextlib.suppress(ImportError):
        import threading

        from tqdm import tqdm

        # tqdm's default lock is a multiprocessing semaphore; a worker ended on Ctrl+C would
        # leave it behind and Python warns about "leaked semaphore objects" at exit.
        tqdm.set_lock(threading.RLock())
    if job.cpu_threads:
        os.environ["COACH_CPU_THREADS"] = str(job.cpu_threads)
        os.environ.setdefault("OMP_NUM_THREADS", str(job.cpu_threads))
    if load_model and job.engine == "whisper":
        from coach.transcript.transcribe import whisper_model

        with contextlib.suppress(CoachError):  # the first talk then reports the problem itself
            whisper_model(job.model)


def _one_line(exc: BaseException, *, real_path: str, shown: str, temporary: bool) -> str:
    """The error as one line, naming the talk as the class table does."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if shown and real_path in text:
        text = text.replace(real_path, shown)
    elif shown and temporary:  # a Dask worker's copy: its made-up name means nothing to the user
        text = text.replace(Path(real_path).name, shown)
    if isinstance(exc, CoachError):
        return text or type(exc).__name__
    return f"Unexpected {type(exc).__name__}" + (f": {text}" if text else "") + " (a Coach bug)."


def score_path(
    path: str, job: BatchJob, key: str, shown_name: str = "", *, temporary: bool = False
) -> TalkResult:
    """Score the talk at ``path`` (a file this process can read) against ``job.profile``.

    Never raises for a bad talk: any failure becomes ``TalkResult.error``, one line.
    """
    from coach.coaching.review import review, review_to_dict
    from coach.transcript.load import load_transcript

    if job.cpu_threads and not os.environ.get("COACH_CPU_THREADS"):
        os.environ["COACH_CPU_THREADS"] = str(job.cpu_threads)
    start, cpu = time.perf_counter(), time.process_time()
    options: dict[str, Any] = {"engine": job.engine, "model": job.model}
    if job.language is not None:
        options["language"] = job.language
    try:
        transcript = load_transcript(Path(path), **options)
        rv = review(transcript, job.profile)
        data = review_to_dict(rv)["_review"]
        error = ""
    except Exception as exc:  # noqa: BLE001 - a bad talk is a row, never the end of the batch
        data = None
        error = _one_line(exc, real_path=path, shown=shown_name, temporary=temporary)
        transcript = None
    return TalkResult(
        key=key,
        review=data,
        error=error,
        wall_s=time.perf_counter() - start,
        cpu_s=time.process_time() - cpu,
        worker=_worker_name(),
        peak_rss_mb=round(_peak_rss_mb(), 1),
        audio_s=None if transcript is None else transcript.duration_s,
    )


def score_bytes(data: bytes, suffix: str, job: BatchJob, key: str, shown_name: str) -> TalkResult:
    """Score a talk sent as bytes (Dask workers on other machines need no shared folder)."""
    with tempfile.TemporaryDirectory(prefix="coach-batch-") as folder:
        path = Path(folder) / f"talk{suffix.lower()}"
        path.write_bytes(data)
        return score_path(str(path), job, key, shown_name, temporary=True)
