"""The Dask path: the same talks scored by ``dask.distributed`` workers instead of a local pool.

Start a scheduler and workers with Dask's own commands (``dask scheduler``, ``dask worker``; see
``docs/design/batch.md``) on machines that have Coach installed, then ``coach batch FOLDER
--scheduler tcp://HOST:8786``. Each talk's bytes travel with its task, so no shared folder is
needed; results come back to the caller, which alone writes the table, PDFs and sessions.
Dask is an optional part: ``pip install 'presentation-coach[cluster]'``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from coach.batch.files import TalkFile
from coach.batch.work import BatchJob, TalkResult, score_bytes
from coach.errors import CoachError

SCATTER_BYTES = 1 << 20
"""Files bigger than this are sent ahead with ``Client.scatter`` instead of inside the task."""
TRIM_KEY = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
SLOW_TRIM = (
    "the Dask workers run with MALLOC_TRIM_THRESHOLD_={value} (Dask's default), which made "
    "Whisper about 1.7-2x slower here; start them as docs/design/batch.md shows"
)


def local_cluster(workers: int = 2) -> Any:
    """A ``dask.distributed.LocalCluster`` of ``workers`` processes set up for Coach.

    One task thread per worker, the cores shared out for Whisper, and Dask's aggressive
    ``MALLOC_TRIM_THRESHOLD_=65536`` left unset for the workers (it roughly doubled Whisper's
    time per talk on this 2-core machine, see ``docs/design/batch.md``).
    """
    import os

    import dask
    from distributed import LocalCluster

    threads = max(1, (os.cpu_count() or 1) // workers)
    with dask.config.set({TRIM_KEY: None}):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            env={"COACH_CPU_THREADS": str(threads)},
        )  # fmt: skip


class DaskRunner:
    """Talks scored on a Dask cluster: at ``address`` (``tcp://host:8786``) or through ``client``.

    ``workers`` is the cluster's total thread count when the batch starts.
    """

    def __init__(
        self, address: str | None = None, *, client: Any = None, timeout_s: float = 10.0
    ) -> None:
        try:
            import distributed
        except ImportError:
            raise CoachError(
                "The Dask path needs dask.distributed; run "
                "`pip install 'presentation-coach[cluster]'`."
            ) from None
        self._own = client is None
        if client is None:
            try:
                client = distributed.Client(address, timeout=timeout_s, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise CoachError(
                    f"Cannot reach the Dask scheduler at {address} ({type(exc).__name__}); "
                    "start it with `dask scheduler` and check the address."
                ) from None
        self.client = client
        self.timeout_s = timeout_s
        self.workers = 1
        self._job: BatchJob | None = None
        self._pending: set[Any] = set()
        self.notice = ""
        """A warning for the user about the cluster's set-up (empty when all is well)."""

    def start(self, job: BatchJob, *, load_model: bool) -> None:
        """Check that workers are connected and have Coach; each loads the model on first use."""
        try:
            self.client.wait_for_workers(1, timeout=self.timeout_s)
        except (TimeoutError, OSError):
            raise CoachError(
                "No Dask worker is connected to the scheduler; start one with "
                "`dask worker tcp://HOST:8786` on a machine with Coach installed."
            ) from None

        def probe() -> tuple[bool, str]:  # nested, so pickled by value: runs without Coach too
            import importlib.util
            import os

            found = importlib.util.find_spec("coach.batch.work") is not None
            return found, os.environ.get("MALLOC_TRIM_THRESHOLD_", "")

        answers = self.client.run(probe)
        missing = sorted(w for w, (ok, _trim) in answers.items() if not ok)
        if missing:
            raise CoachError(
                f"Coach is not installed on Dask worker(s) {', '.join(missing)}; install "
                "presentation-coach there (same version as here)."
            )
        trims = {t for _ok, t in answers.values() if t.isdigit() and int(t) < 1 << 20}
        if trims:
            self.notice = SLOW_TRIM.format(value=min(trims, key=int))
        info = self.client.scheduler_info()["workers"]
        self.workers = max(1, sum(int(w.get("nthreads", 1)) for w in info.values()))
        self._job = job

    def submit(self, talk: TalkFile, key: str) -> Any:
        """Send one talk (its bytes) to the cluster; ``OSError`` if it cannot be read here."""
        assert self._job is not None
        data: Any = talk.path.read_bytes()
        if len(data) > SCATTER_BYTES:
            data = self.client.scatter(data, hash=False)
        future = self.client.submit(
            score_bytes, data, talk.path.suffix, self._job, key, talk.name, pure=False
        )
        self._pending.add(future)
        return future

    def wait(self, pending: Sequence[Any], timeout_s: float) -> list[Any]:
        # distributed.wait() needs a default client, which the CLI's own client is not.
        deadline = time.monotonic() + timeout_s
        while True:
            done = [f for f in pending if f.done()]
            if done or time.monotonic() >= deadline:
                return done
            time.sleep(0.02)

    def result(self, handle: Any) -> TalkResult:
        self._pending.discard(handle)
        return handle.result()

    def restart(self, *, workers: int | None = None) -> None:
        """Nothing to do: Dask replaces a lost worker itself and retries its task."""

    def close(self, *, cancel: bool) -> None:
        """Cancel what is still running (on a stop) and close a client we opened."""
        if cancel and self._pending:
            self.client.cancel(list(self._pending))
        self._pending.clear()
        if self._own:
            self.client.close()
