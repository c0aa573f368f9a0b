"""Class mode engine: a folder of good and bad talks on the local pool and on a Dask cluster,
resume after a stop, the results cache, a worker that dies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.batch.cache import ResultsCache
from coach.batch.files import find_talks
from coach.batch.run import CRASHED, BatchOutcome, LocalRunner, run_batch
from coach.batch.table import TalkRow
from coach.batch.work import BatchJob, make_job
from coach.coaching.review import review
from coach.errors import InputError
from coach.profile import load_profile
from coach.text import transcript_from_text
from tests.batch_class import BAD, MODEL, SCRIPTS, ClassFolder, make_class


@pytest.fixture
def klass(tmp_path: Path) -> ClassFolder:
    return make_class(tmp_path / "class")


@pytest.fixture(scope="module")
def job() -> BatchJob:
    return make_job(load_profile(), model=MODEL)


def by_file(outcome: BatchOutcome) -> dict[str, TalkRow]:
    return {r.file: r for r in outcome.rows}


def check_class_table(rows: dict[str, TalkRow], klass: ClassFolder) -> None:
    """Good talks carry the numbers a direct review gives; bad talks carry one-line errors."""
    assert sorted(rows) == sorted([*klass.good, *BAD])
    for name, text in SCRIPTS.items():
        rv = review(transcript_from_text(text), load_profile())
        row = rows[name]
        assert not row.failed, row.error
        assert row.words == rv.analysis.word_count
        assert row.match == pytest.approx(rv.feedback.score, abs=0.05)
        assert row.hype_per_100_words == pytest.approx(rv.analysis.values["hype_rate"], abs=0.01)
        assert row.duration_s is None and row.wpm is None  # a script has no time
        assert row.top_tip.startswith(rv.feedback.tips[0].text)
    clip = rows["clip.wav"]
    assert not clip.failed, clip.error
    assert clip.duration_s == pytest.approx(klass.clip_duration_s, abs=0.1)
    assert clip.words is not None and abs(clip.words - klass.clip_words) <= 2
    assert clip.wpm is not None and 100 < clip.wpm < 260
    assert clip.figures_per_min is not None and clip.figures_per_min > 0  # 2019, 5000, 3
    broken, noise = rows[BAD[0]], rows[BAD[1]]
    assert broken.failed and "binary" in broken.error and "\n" not in broken.error
    assert noise.failed and "noise.wav" in noise.error and "\n" not in noise.error


def test_local_pool_scores_the_good_talks_and_gives_bad_ones_their_error(
    klass: ClassFolder, job: BatchJob
) -> None:
    """Two local workers: every talk is a row, the bad ones say why, the rest is complete."""
    seen = []
    outcome = run_batch([klass.root], job, runner=LocalRunner(2), progress=seen.append)
    assert not outcome.interrupted and outcome.failed == 2
    check_class_table(by_file(outcome), klass)
    assert [r.file for r in outcome.rows] == sorted(r.file for r in outcome.rows)  # stable order
    assert [p.done for p in seen] == list(range(len(outcome.rows) + 1))
    assert seen[-1].eta_s == 0 and seen[-1].failed == 2
    workers = {i.result.worker for i in outcome.scored if i.result}
    assert 1 <= len(workers) <= 2  # results came from the pool's processes, not this one
    assert all(i.result and i.result.peak_rss_mb > 50 for i in outcome.scored)


def test_dask_local_cluster_gives_the_same_class_table(klass: ClassFolder, job: BatchJob) -> None:
    """The same folder through dask.distributed (a LocalCluster of 2 processes) agrees."""
    distributed = pytest.importorskip("distributed")
    from coach.batch.cluster import DaskRunner, local_cluster

    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        runner = DaskRunner(client=client)
        outcome = run_batch([klass.root], job, runner=runner)
        workers = {i.result.worker for i in outcome.scored if i.result}
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert runner.workers == 2 and runner.notice == ""
    assert not outcome.interrupted and outcome.failed == 2
    rows = by_file(outcome)
    check_class_table(rows, klass)
    assert workers and {int(w.rsplit(":", 1)[1]) for w in workers} <= pids  # on the cluster
    assert "noise.wav" in rows["noise.wav"].error and "/tmp" not in rows["noise.wav"].error


def test_dask_workers_that_trim_memory_at_every_free_are_pointed_out(job: BatchJob) -> None:
    """A LocalCluster as Dask sets it up (MALLOC_TRIM_THRESHOLD_=65536) gets a notice."""
    distributed = pytest.importorskip("distributed")
    from coach.batch.cluster import DaskRunner

    with (
        distributed.LocalCluster(n_workers=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        runner = DaskRunner(client=client)
        runner.start(job, load_model=False)
    assert "MALLOC_TRIM_THRESHOLD_=65536" in runner.notice and "batch.md" in runner.notice


def test_an_unreachable_scheduler_is_one_sentence() -> None:
    """No scheduler at the address: a CoachError naming it, not a Dask traceback."""
    pytest.importorskip("distributed")
    from coach.batch.cluster import DaskRunner
    from coach.errors import CoachError

    with pytest.raises(CoachError, match=r"Cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        DaskRunner("tcp://127.0.0.1:9", timeout_s=1)


def test_a_stopped_batch_resumes_without_redoing_finished_talks(
    klass: ClassFolder, job: BatchJob, tmp_path: Path
) -> None:
    """Stop after two talks; the next run reuses them from the cache file and scores the rest."""
    cache_file = tmp_path / "results.jsonl"
    done: list[int] = []
    first = run_batch(
        [klass.root], job, runner=LocalRunner(1), cache=ResultsCache(cache_file),
        progress=lambda p: done.append(p.done), should_stop=lambda: done[-1] >= 2,
    )  # fmt: skip
    assert first.interrupted
    finished = [i.talk.name for i in first.items if i.result and not i.row.failed]
    assert 1 <= len(finished) <= 2
    lines = cache_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(finished) and all(json.loads(x)["row"]["words"] for x in lines)

    second = run_batch([klass.root], job, runner=LocalRunner(1), cache=ResultsCache(cache_file))
    assert not second.interrupted
    assert sorted(i.talk.name for i in second.items if i.reused) == sorted(finished)
    assert not any(i.talk.name in finished for i in second.scored)
    check_class_table(by_file(second), klass)
    # failed talks are not cached: a third run tries only them again
    third = run_batch([klass.root], job, runner=LocalRunner(1), cache=ResultsCache(cache_file))
    assert sorted(i.talk.name for i in third.scored) == sorted(BAD)
    assert by_file(third) == by_file(second)


def test_new_content_or_settings_are_scored_again(
    klass: ClassFolder, job: BatchJob, tmp_path: Path
) -> None:
    """The cache key is the file's bytes and the settings, not its name or date."""
    cache = ResultsCache(tmp_path / "results.jsonl")
    scripts = [klass.root / n for n in SCRIPTS]
    run_batch(scripts, job, runner=LocalRunner(1), cache=cache)
    again = run_batch(scripts, job, runner=LocalRunner(1), cache=cache)
    assert all(i.reused for i in again.items)
    (klass.root / "alice.txt").write_text(SCRIPTS["alice.txt"] + " We grew 3 times.\n")
    changed = run_batch(scripts, job, runner=LocalRunner(1), cache=cache)
    assert [i.talk.name for i in changed.scored] == ["alice.txt"]
    other = make_job(load_profile(), model="base")
    assert len(run_batch(scripts, other, runner=LocalRunner(1), cache=cache).scored) == 2


def test_a_file_that_kills_its_worker_is_one_failed_row(klass: ClassFolder, job: BatchJob) -> None:
    """A recording that crashes the decoder process fails alone; its neighbours still score."""
    import numpy as np
    import soundfile as sf

    # PyAV segfaults on WAVs with 8 or more channels (PLATFORM-NOTES): a real crash.
    sf.write(klass.root / "eight.wav", np.zeros((16000, 8), np.float32), 16000)
    outcome = run_batch([klass.root], job, runner=LocalRunner(2))
    rows = by_file(outcome)
    assert rows["eight.wav"].failed
    if rows["eight.wav"].error == CRASHED:  # while the decoder still crashes on such files
        assert outcome.failed == 3
    check_class_table({k: v for k, v in rows.items() if k != "eight.wav"}, klass)


def test_finding_talks(tmp_path: Path) -> None:
    """Folders are searched recursively for audio and scripts; hidden and other files are not."""
    make_class(tmp_path)
    (tmp_path / ".hidden.txt").write_text("secret 5 words here")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    names = [t.name for t in find_talks([tmp_path, tmp_path / "alice.txt"])]
    assert names == ["alice.txt", "clip.wav", "noise.wav", "week2/bob.md", "week2/broken.txt"]
    assert find_talks([tmp_path / "notes.pdf"])[0].name == "notes.pdf"  # named: always taken
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="No recordings or scripts"):
        find_talks([tmp_path / "empty"])
    with pytest.raises(InputError, match="no such file"):
        find_talks([tmp_path / "missing"])
