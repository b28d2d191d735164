"""Run the shards of a batch on an engine: `local` (processes on this machine) or `dask` (a Dask
cluster: the scheduler given, or a LocalCluster started for the run).

The engines only schedule `shards.run_shard` (in `run_shard_in_worker`), a pure function of a
shard: everything a shard produces is in its files, finished when its marker is written. So a worker may die at any
time: Dask reschedules its shards on the other workers (a lost worker's task is retried, up to
Dask's `distributed.scheduler.allowed-failures`), and the local engine starts a new process
pool for the shards still pending (at most `MAX_POOL_RESTARTS` times), then runs those still
pending one at a time, each in a process of its own, so that one shard whose worker keeps dying
fails alone. A shard still not finished then is listed in `BatchReport.shard_errors`: a rerun resumes it. With a remote cluster
the input files and the shards folder must be on a file system every worker sees (same paths).
"""
from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from banmian.batch.shards import Shard, read_marker, run_shard
from banmian.errors import BadInput, BanmianError, internal_error

ENGINES = ("local", "dask")
MAX_POOL_RESTARTS = 3  # a local worker killed more often than this is not an accident
CONNECT_TIMEOUT_S = 30  # to reach a Dask scheduler


@dataclass(slots=True)
class BatchReport:
    shards: int = 0  # in the plan
    run: int = 0  # parsed in this run
    skipped: int = 0  # finished by an earlier run
    pages: int = 0  # parsed in this run
    articles: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)
    internal: list[str] = field(default_factory=list)  # the failed files that hit a bug, not bad input
    shard_errors: list[tuple[str, str]] = field(default_factory=list)  # (shard id, reason): not finished
    shards_bad_input: list[str] = field(default_factory=list)  # of those, the ids that failed on bad input
    seconds: float = 0.0
    workers: int = 0
    restarts: int = 0  # local pools started again after a worker died

    def take_failures(self, marker: dict) -> None:
        """Add the failed files a shard's marker lists, and which of them hit a bug."""
        self.failures += [tuple(f) for f in marker.get("failures") or []]
        self.internal += marker.get("internal") or []

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


class WorkersDied(Exception):
    """The local worker processes kept dying (killed, out of memory, a crash) before a shard finished."""


def shard_failure(exc: BaseException) -> str:
    """Why a shard did not finish, in one line: its workers died, bad input (a worker without
    pyarrow...) or a bug in banmian."""
    if isinstance(exc, (WorkersDied, BanmianError)):
        return str(exc)
    if type(exc).__name__ == "KilledWorker":  # distributed's (not imported: Dask is optional)
        return "the Dask workers running it died and Dask gave up on it (KilledWorker)"
    return internal_error(exc)


def run_shard_in_worker(shard: Shard, out_dir: str, page_date: str | None = None) -> dict:
    """`run_shard`, as a worker process runs it: warnings about the input shown as the command
    shows them, one line each (a spawned worker, as Dask's are, starts with Python's two-line
    `file:line: Category: message` form), installed for the worker's life: shards may run in
    several threads of one worker (`cli.install_input_warnings`)."""
    from banmian.cli import install_input_warnings

    install_input_warnings()
    return run_shard(shard, out_dir, page_date)


def default_workers() -> int:
    return os.cpu_count() or 1


def run(shards: list[Shard], out_dir: str, engine: str = "local", workers: int | None = None,
        scheduler: str | None = None, page_date: str | None = None,
        progress: Callable[[BatchReport], None] | None = None) -> BatchReport:
    """Run every unfinished shard of `shards` (writing under `out_dir`) on `engine`;
    `progress(report)` after each shard. Raises `BadInput` for an unknown engine, a missing
    Dask or an unreachable scheduler."""
    if engine not in ENGINES:
        raise BadInput(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers is not None and workers < 1:
        raise BadInput(f"--workers must be 1 or more, not {workers}")
    out_dir = os.path.abspath(out_dir)
    report = BatchReport(shards=len(shards), workers=workers or default_workers())
    todo = []
    for s in shards:
        marker = read_marker(out_dir, s.id)
        if marker is None:
            todo.append(s)
        else:
            report.skipped += 1
            report.take_failures(marker)
    t0 = time.monotonic()

    def done(marker: dict) -> None:
        if marker.get("skipped"):
            report.skipped += 1
        else:
            report.run += 1
            report.pages += marker["pages"]
            report.articles += marker["articles"]
        report.take_failures(marker)
        report.seconds = time.monotonic() - t0
        if progress:
            progress(report)

    def failed(shard: Shard, exc: BaseException) -> None:
        marker = read_marker(out_dir, shard.id)
        if marker is not None:  # it finished; its worker died before telling us
            done({**marker, "skipped": False})
            return
        report.shard_errors.append((shard.id, shard_failure(exc)))
        if isinstance(exc, BadInput):
            report.shards_bad_input.append(shard.id)
        report.seconds = time.monotonic() - t0
        if progress:
            progress(report)

    if todo:
        if engine == "local":
            _run_local(todo, out_dir, page_date, report, done, failed)
        else:
            _run_dask(todo, out_dir, page_date, workers, scheduler, report, done, failed)
    report.seconds = time.monotonic() - t0
    return report


def _run_local(todo, out_dir, page_date, report: BatchReport, done, failed) -> None:
    """Run the shards on a process pool, started again when a worker dies (killed, out of
    memory, a crash in a native library); after MAX_POOL_RESTARTS the shards still pending run
    one at a time, each alone in a process of its own (`_run_alone`), so the one whose worker
    keeps dying fails alone and the others finish."""
    pending = {s.id: s for s in todo}
    while pending and report.restarts <= MAX_POOL_RESTARTS:
        with ProcessPoolExecutor(max_workers=report.workers) as pool:
            futures = {pool.submit(run_shard_in_worker, s, out_dir, page_date): s for s in pending.values()}
            try:
                for fut in as_completed(futures):
                    shard = futures[fut]
                    try:
                        marker = fut.result()
                    except BrokenProcessPool:
                        raise
                    except Exception as exc:  # noqa: BLE001 - a shard's bug must not stop the others
                        pending.pop(shard.id)
                        failed(shard, exc)
                        continue
                    pending.pop(shard.id)
                    done(marker)
            except BrokenProcessPool:  # a worker died: start again
                report.restarts += 1
    for shard in pending.values():
        _run_alone(shard, out_dir, page_date, report, done, failed)


def _run_alone(shard: Shard, out_dir, page_date, report: BatchReport, done, failed) -> None:
    """Run one shard in a process of its own: if that process dies, the shard is the cause."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            marker = pool.submit(run_shard_in_worker, shard, out_dir, page_date).result()
        except BrokenProcessPool:
            failed(shard, WorkersDied(f"its worker process died (killed, out of memory or a crash) when it ran "
                                      f"alone, after the pool's workers had died {report.restarts} times"))
            return
        except Exception as exc:  # noqa: BLE001 - a shard's bug must not stop the others
            failed(shard, exc)
            return
    done(marker)


def _run_dask(todo, out_dir, page_date, workers, scheduler, report: BatchReport, done, failed) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BadInput("--engine dask needs Dask: pip install 'banmian[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        else:
            cluster = LocalCluster(n_workers=report.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise BadInput(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        if scheduler:
            report.workers = len(client.scheduler_info().get("workers", {})) or report.workers
        run_id = uuid.uuid4().hex[:8]  # keys unique per run: a shared scheduler may remember old ones
        futures = {client.submit(run_shard_in_worker, s, out_dir, page_date, key=f"banmian-{run_id}-{s.id}",
                                 pure=False): s
                   for s in todo}
        for fut in as_completed(futures):
            shard = futures[fut]
            try:
                marker = fut.result()
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after too many deaths
                failed(shard, exc)
                continue
            done(marker)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
