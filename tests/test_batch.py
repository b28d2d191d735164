"""Batch runs: the shard plan, shards as partitioned Parquet with completion markers, reruns
that skip finished shards, per-file failures, the local and Dask engines (a LocalCluster of 2
workers), a worker killed mid-run (every page exactly once), and loading shards into SQLite
(the same ids as a plain ingest) and PostgreSQL (the same ids as SQLite)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="batch runs write Parquet (pip install '.[batch]')")

from banmian import cli  # noqa: E402
from banmian.archive import open_archive  # noqa: E402
from banmian.archive.ingest import ingest  # noqa: E402
from banmian.batch import engines, shards  # noqa: E402
from banmian.batch.load import load  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo_page.txt"


def write_dumps(folder: Path, files: int, pages: int) -> list[str]:
    """`files` text dumps of `pages` form-feed pages each: the demo page with the numbers
    changed, so that every page (and file) differs."""
    folder.mkdir(parents=True, exist_ok=True)
    text = DEMO.read_text(encoding="utf-8").rstrip("\f\n")
    out = []
    for f in range(files):
        body = "\f".join(text.replace("12万亩", f"{f * pages + p + 13}万亩").replace("2024年3月6日", f"2024年3月{p % 28 + 1}日")
                         for p in range(pages))
        path = folder / f"dump{f:03d}.txt"
        path.write_text(body, encoding="utf-8")
        out.append(str(path))
    return out


def archive_rows(db: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT a.id, a.page_id, a.headline, a.date, p.file_sha256, p.page_index "
                           "FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.id").fetchall()
    finally:
        con.close()


def shard_pages(out_dir: str) -> Counter:
    """(file sha, page index) of every page in the finished shards' Parquet files."""
    import pyarrow.parquet as pq

    seen: Counter = Counter()
    for marker in shards.finished(out_dir):
        for rel in marker["outputs"]:
            if rel.startswith("pages"):
                for row in pq.ParquetFile(os.path.join(out_dir, rel)).read(["file_sha256", "page_index"]).to_pylist():
                    seen[(row["file_sha256"], row["page_index"])] += 1
    return seen


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> list[str]:
    return write_dumps(tmp_path_factory.mktemp("dumps"), files=12, pages=3)


def test_plan_groups_files_into_shards_of_about_n_pages(dumps):
    plan = shards.plan(dumps, shard_pages=7)
    assert [len(s.files) for s in plan] == [3, 3, 3, 3]  # 3 files of 3 pages reach 7
    assert [f for s in plan for f in s.files] == [os.path.abspath(d) for d in dumps]
    assert [s.id for s in shards.plan(dumps, shard_pages=7)] == [s.id for s in plan]  # stable over reruns
    assert len({s.id for s in plan}) == 4 and all(s.pages == 9 for s in plan)


def test_local_run_writes_partitioned_parquet_and_loads_as_a_plain_ingest(dumps, tmp_path):
    out = str(tmp_path / "shards")
    plan = shards.plan(dumps, shard_pages=7)
    report = engines.run(plan, out, "local", workers=2)
    assert (report.run, report.skipped, report.pages, report.shard_errors) == (4, 0, 36, [])
    assert report.failures == [] and report.articles > 36
    # Hive partitions: pages by date, articles by date and outlet, readable as one dataset
    import pyarrow.dataset as ds

    table = ds.dataset(os.path.join(out, "articles"), format="parquet", partitioning="hive").to_table()
    assert table.num_rows == report.articles
    assert set(table.column("outlet").to_pylist()) >= {"本报"}
    assert len(set(table.column("date").to_pylist())) == 3
    assert sum(shard_pages(out).values()) == 36
    # loading gives the archive (ids included) that a plain ingest of the same files gives
    batch_db, plain_db = str(tmp_path / "batch.sqlite"), str(tmp_path / "plain.sqlite")
    store = open_archive(batch_db)
    loaded = load(store, out)
    store.close()
    store = open_archive(plain_db)
    ingest(store, dumps)
    store.close()
    assert (loaded.pages, loaded.files) == (36, 12)
    assert archive_rows(batch_db) == archive_rows(plain_db) != []


def test_rerun_skips_finished_shards_and_redoes_an_unfinished_one(dumps, tmp_path):
    out = str(tmp_path / "shards")
    plan = shards.plan(dumps, shard_pages=7)
    engines.run(plan, out, "local", workers=2)
    again = engines.run(plan, out, "local", workers=2)
    assert (again.run, again.skipped, again.pages) == (0, 4, 0)
    # a shard whose marker is gone (its worker died before writing it) runs again, and its
    # Parquet files are replaced, not added to: every page once
    os.unlink(shards.marker_path(out, plan[2].id))
    third = engines.run(plan, out, "local", workers=2)
    assert (third.run, third.skipped, third.pages) == (1, 3, 9)
    assert set(shard_pages(out).values()) == {1} and len(shard_pages(out)) == 36


def test_a_bad_file_is_reported_and_the_rest_is_loaded(dumps, tmp_path, capsys):
    bad = tmp_path / "in" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "in" / "broken.json"
    broken.write_text('{"schema": "banmian.page/1",\n "page": ', encoding="utf-8")
    db = str(tmp_path / "a.sqlite")
    status = cli.main(["ingest", *dumps[:4], str(bad), str(broken), "--engine", "local", "--workers", "2", "--db", db,
                       "--shards", str(tmp_path / "shards"), "--shard-pages", "4"])
    err = capsys.readouterr().err
    assert status == 2
    assert f"banmian: failed: {bad}" in err and "binary" in err and "Traceback" not in err
    assert f"banmian: failed: {broken}: {broken}: not banmian page JSON" in err
    assert "loaded 12 pages" in err
    store = open_archive(db, readonly=True)
    assert store.counts()["pages"] == 12 and store.counts()["files"] == 4
    store.close()


def test_a_bug_on_one_file_exits_1_and_the_rest_is_loaded(dumps, tmp_path, capsys, monkeypatch):
    from banmian import pipeline

    def buggy(path, *args, **kwargs):
        if path == dumps[1]:
            raise KeyError("column_widths")
        yield from real(path, *args, **kwargs)

    real = pipeline.iter_pages
    monkeypatch.setattr(pipeline, "iter_pages", buggy)  # the forked workers inherit it
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    bad = tmp_path / "binary.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    db, out = str(tmp_path / "a.sqlite"), str(tmp_path / "shards")
    status = cli.main(["ingest", *dumps[:3], str(bad), "--engine", "local", "--workers", "2", "--db", db,
                       "--shards", out, "--shard-pages", "3"])
    err = capsys.readouterr().err
    assert status == 1  # a bug, even beside bad input (it was 2)
    assert (f"banmian: failed: {dumps[1]}: internal error: a bug in banmian (KeyError: 'column_widths'); "
            "rerun with BANMIAN_DEBUG=1 to see the traceback") in err.splitlines()
    assert f"banmian: failed: {bad}: " in err and "Traceback" not in err
    store = open_archive(db, readonly=True)
    assert store.counts()["files"] == 2 and store.counts()["pages"] == 6
    store.close()
    # loading the same shards elsewhere says the same
    assert cli.main(["load", out, "--db", str(tmp_path / "b.sqlite")]) == 1
    assert "KeyError: 'column_widths'" in capsys.readouterr().err


def test_load_command_and_errors(dumps, tmp_path, capsys):
    assert cli.main(["load", str(tmp_path / "nothing"), "--db", str(tmp_path / "a.sqlite")]) == 2
    assert "no shards folder" in capsys.readouterr().err
    assert not (tmp_path / "a.sqlite").exists()  # a usage error leaves no empty archive
    out = str(tmp_path / "shards")
    engines.run(shards.plan(dumps[:2], 64), out, "local", workers=1)
    assert cli.main(["load", out, "--db", str(tmp_path / "a.sqlite")]) == 0
    assert "loaded 6 pages" in capsys.readouterr().err
    # --workers alone runs the local engine (shards beside the archive)
    assert cli.main(["ingest", dumps[0], "--workers", "2", "--db", str(tmp_path / "b.sqlite")]) == 0
    assert "local worker(s)" in capsys.readouterr().err and (tmp_path / "b.sqlite.shards").is_dir()


@pytest.mark.parametrize("option", [["--workers", "0"], ["--workers", "-1"], ["--shard-pages", "0"]])
def test_a_count_below_one_is_a_usage_error_that_writes_nothing(dumps, tmp_path, capsys, option):
    db = tmp_path / "a.sqlite"
    assert cli.main(["ingest", dumps[0], "--db", str(db), *option]) == 2
    assert "must be a whole number, 1 or more" in capsys.readouterr().err
    assert not db.exists() and not (tmp_path / "a.sqlite.shards").exists()


def test_local_worker_killed_mid_run_every_page_once(tmp_path):
    files = write_dumps(tmp_path / "in", files=24, pages=4)
    out = str(tmp_path / "shards")
    plan = shards.plan(files, shard_pages=4)
    result: dict = {}
    before = {p.pid for p in multiprocessing.active_children()}  # not ours: never killed
    runner = threading.Thread(target=lambda: result.setdefault("report", engines.run(plan, out, "local", workers=2)))
    runner.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and runner.is_alive() and time.monotonic() < deadline:
        children = [p for p in multiprocessing.active_children() if p.pid not in before]
        if children and len(shards.finished(out)) >= 2:
            killed = children[0].pid
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.005)
    runner.join(120)
    assert killed is not None, "the run ended before a worker could be killed: give it more pages"
    report = result["report"]
    assert report.restarts >= 1 and report.shard_errors == []
    assert len(shards.finished(out)) == len(plan)
    seen = shard_pages(out)
    assert len(seen) == 96 and set(seen.values()) == {1}


def dying_on(path: str):
    """A `pipeline.iter_pages` whose process dies (as one killed or out of memory) on `path`."""
    from banmian import pipeline

    real = pipeline.iter_pages

    def iter_pages(source, *args, **kwargs):
        if source == path:
            os._exit(9)
        yield from real(source, *args, **kwargs)
    return iter_pages


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_shard_whose_workers_keep_dying_exits_1_naming_its_files_and_a_rerun_resumes(
        dumps, tmp_path, capsys, monkeypatch, engine):
    from banmian import pipeline

    files, db, out = dumps[:5], str(tmp_path / "a.sqlite"), str(tmp_path / "shards")
    args = ["ingest", *files, "--db", db, "--shards", out, "--shard-pages", "3"]
    plan = shards.plan(files, shard_pages=3)
    if engine == "local":  # the forked workers inherit the patch; the pool is restarted, then given up
        monkeypatch.setattr(pipeline, "iter_pages", dying_on(files[1]))
        status = cli.main([*args, "--engine", "local", "--workers", "2"])
        monkeypatch.undo()
    else:  # Dask's workers are spawned: patch them; the nanny's replacement is not patched
        distributed = pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
        import dask  # after distributed: config.set would drop the distributed defaults on exit

        def patch(path=files[1]):
            from banmian import pipeline
            pipeline.iter_pages = dying_on(path)

        with dask.config.set({"distributed.scheduler.allowed-failures": 0}), dask_cluster() as cluster:
            with distributed.Client(cluster) as client:
                client.run(patch)
                status = cli.main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address])
    err = capsys.readouterr().err
    assert status == 1, err  # not the input's fault (it was 2)
    unfinished = [line for line in err.splitlines() if "not finished" in line]
    why = ("its worker process died (killed, out of memory or a crash) when it ran alone, after the pool's "
           "workers had died 4 times"
           if engine == "local" else "the Dask workers running it died and Dask gave up on it (KilledWorker)")
    assert (f"banmian: not finished: shard {plan[1].id} (1 file: {files[1]}): {why}; "
            "rerun the same command to resume it") in unfinished
    assert "Traceback" not in err
    done = {s.id for s in plan if shards.read_marker(out, s.id)}
    assert len(unfinished) == len(plan) - len(done)  # each shard not finished is listed, once
    if engine == "local":  # the shard that kills its worker fails alone: every other one finished
        assert done == {s.id for s in plan} - {plan[1].id}
    # the rerun (no worker dies now; on the local engine, as a Dask worker left is still patched) does
    # the shards left and loads them: every page once
    assert cli.main([*args, "--engine", "local", "--workers", "2"]) == 0
    assert f"{len(done)} shard(s) finished before" in capsys.readouterr().err
    store = open_archive(db, readonly=True)
    assert store.counts()["files"] == 5 and store.counts()["pages"] == 15
    store.close()


def test_when_no_shard_finishes_nothing_is_loaded_and_the_run_exits_1(dumps, tmp_path, capsys, monkeypatch):
    from banmian import pipeline

    monkeypatch.setattr(pipeline, "iter_pages", dying_on(dumps[0]))
    db = tmp_path / "a.sqlite"
    assert cli.main(["ingest", dumps[0], "--engine", "local", "--workers", "1", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "banmian: no shard finished: nothing loaded" in err and "not finished: shard 00000-" in err
    assert "no finished shards" not in err and not db.exists()


def test_a_shard_finished_before_its_worker_died_is_not_reported_unfinished(dumps, tmp_path, monkeypatch):
    def finish_then_die(shard, out_dir, page_date=None):
        real(shard, out_dir, page_date)
        os._exit(9)  # the marker is written; the result never comes back

    real = engines.run_shard
    monkeypatch.setattr(engines, "run_shard", finish_then_die)
    out = str(tmp_path / "shards")
    report = engines.run(shards.plan(dumps[:1], 64), out, "local", workers=1)
    assert report.shard_errors == [] and (report.run, report.pages) == (1, 3)


def test_shards_not_finished_on_bad_input_alone_exit_2(capsys):
    from banmian.batch import command

    plan = shards.plan([str(DEMO)], 64)
    report = engines.BatchReport(shard_errors=[(plan[0].id, "batch runs write Parquet and need pyarrow")],
                                 shards_bad_input=[plan[0].id])
    assert command.print_unfinished(report, plan, "/tmp/shards") == 2
    report.shard_errors.append(("00001-0123456789", "the Dask workers running it died"))
    assert command.print_unfinished(report, plan, "/tmp/shards") == 1
    assert command.worst(2, 1) == 1 and command.worst(0, 2) == 2 and command.worst(0, 0) == 0


def dask_cluster():
    distributed = pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                    silence_logs=50)


def test_dask_local_cluster_of_two_workers_and_a_worker_killed_mid_run(tmp_path):
    from distributed import Client

    files = write_dumps(tmp_path / "in", files=30, pages=4)
    out = str(tmp_path / "shards")
    plan = shards.plan(files, shard_pages=4)
    with dask_cluster() as cluster, Client(cluster) as client:
        client.run(lambda: __import__("banmian.pipeline"))  # warm both workers
        pids = client.run(os.getpid)
        assert len(pids) == 2
        result: dict = {}
        runner = threading.Thread(target=lambda: result.setdefault(
            "report", engines.run(plan, out, "dask", scheduler=cluster.scheduler_address)))
        runner.start()
        killed = False
        deadline = time.monotonic() + 60
        while not killed and runner.is_alive() and time.monotonic() < deadline:
            if len(shards.finished(out)) >= 3:
                os.kill(next(iter(pids.values())), signal.SIGKILL)  # the nanny starts a new worker
                killed = len(shards.finished(out)) < len(plan)
            time.sleep(0.005)
        runner.join(180)
    assert killed, "the run ended before a worker could be killed: give it more pages"
    report = result["report"]
    assert report.shard_errors == [] and report.run + report.skipped == len(plan)
    workers = {shards.read_marker(out, s.id)["worker"] for s in plan}
    assert len(workers) >= 2  # both workers (and the replacement) did shards
    seen = shard_pages(out)
    assert len(seen) == 120 and set(seen.values()) == {1}
    store = open_archive(str(tmp_path / "a.sqlite"))
    assert load(store, out).pages == 120 and store.counts()["pages"] == 120
    store.close()


def test_cli_dask_engine_starts_a_local_cluster(dumps, tmp_path, capsys):
    pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
    db = str(tmp_path / "a.sqlite")
    assert cli.main(["ingest", *dumps[:4], "--engine", "dask", "--workers", "2", "--db", db]) == 0
    err = capsys.readouterr().err
    assert "on 2 dask worker(s)" in err and "holds" in err
    assert os.path.isdir(db + ".shards/_shards")
    plain = str(tmp_path / "plain.sqlite")
    store = open_archive(plain)
    ingest(store, dumps[:4])
    store.close()
    assert archive_rows(db) == archive_rows(plain)


@pytest.mark.parametrize("engine", ["dask", "local"])
def test_a_warning_in_a_spawned_worker_is_one_line(tmp_path, capfd, monkeypatch, engine):
    if engine == "dask":
        pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
    else:  # spawned local workers, as Python 3.14's default start method (forkserver) makes them
        import concurrent.futures
        import functools

        monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", functools.partial(
            concurrent.futures.ProcessPoolExecutor, mp_context=multiprocessing.get_context("spawn")))
    cut = tmp_path / "cut.txt"
    text = DEMO.read_bytes()
    at = text.index("。".encode())
    cut.write_bytes(text[:at] + b"\xff" + text[at:])  # one stray byte in a UTF-8 dump
    # Dask's workers are spawned: they do not inherit the command's warning format as forked ones do
    assert cli.main(["ingest", str(cut), "--engine", engine, "--workers", "1", "--db", str(tmp_path / "a.sqlite")]) == 0
    err = capfd.readouterr().err
    warned = [line for line in err.splitlines() if "stray byte" in line]
    assert warned == [f"banmian: warning: {cut}: 1 stray byte sequence(s) not valid UTF-8, each read as U+FFFD; "
                      f"the first at byte {at}"], err
    assert "StrayBytesWarning" not in err


def test_shards_load_into_postgres_with_the_ids_of_sqlite(dumps, tmp_path):
    url = os.environ.get("BANMIAN_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL tests skipped: no server (make test starts one with scripts/pg-test-server)")
    pytest.importorskip("psycopg")
    from banmian.archive.postgres import fresh_database

    out = str(tmp_path / "shards")
    engines.run(shards.plan(dumps, 7), out, "local", workers=2)
    pg_url = fresh_database(url, "banmian_t_load")
    sq, pg = open_archive(str(tmp_path / "a.sqlite")), open_archive(pg_url)
    try:
        assert load(sq, out).pages == load(pg, out).pages == 36
        # the bulk load into the empty archive dropped the GIN index and built it again
        assert pg.db.execute("SELECT to_regclass('articles_tokens')").fetchone()[0] is not None
        assert list(sq.articles()) == list(pg.articles())
        assert [h.article_id for h in sq.search("农田").hits] == [h.article_id for h in pg.search("农田").hits] != []
    finally:
        sq.close()
        pg.close()


def test_input_warnings_stay_one_line_for_a_shard_still_running_in_another_thread(monkeypatch, capsys):
    """A worker running shards in two threads: the first shard starts, then the second; the
    first returns while the second still runs; the second's input warning is still shown in
    the command's one-line form (a context manager per shard would have put back, as the first
    returned, the warning state from before either started)."""
    import warnings

    from banmian.readers.encoding import StrayBytesWarning

    first_in, second_in, first_done = threading.Event(), threading.Event(), threading.Event()

    def fake_run_shard(shard, out_dir, page_date=None):
        if shard == "first":
            first_in.set()
            second_in.wait(10)
        else:
            second_in.set()
            first_done.wait(10)
            warnings.warn("stray bytes in dump.txt line 3", StrayBytesWarning)
        return {}

    monkeypatch.setattr(engines, "run_shard", fake_run_shard)
    with warnings.catch_warnings():  # the test process's own warning state comes back after
        first = threading.Thread(target=engines.run_shard_in_worker, args=("first", "/tmp"))
        second = threading.Thread(target=engines.run_shard_in_worker, args=("second", "/tmp"))
        first.start()
        first_in.wait(10)
        second.start()
        first.join(10)
        first_done.set()
        second.join(10)
    err = capsys.readouterr().err
    assert "banmian: warning: stray bytes in dump.txt line 3" in err and "StrayBytesWarning" not in err
