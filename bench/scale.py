"""Scale-out throughput: pages/s of a batch run on a Dask LocalCluster of 1 and of 2 workers,
the speedup, the load rate into the archive, and a projection for 10 M pages on N machines.

    python bench/scale.py [--copies 10] [--shard-pages 16] [--workers 1,2] [--db postgresql://…]
                          [--json OUT]

Input: the 60 pdftotext dumps of the dev pages (`shared/data/pages-dev`), copied `--copies`
times into a temporary folder (600 pages by default; copies parse like the originals). For
each worker count a LocalCluster (one thread per worker process) is started and warmed (every
worker imports the pipeline and parses one page), then `banmian.batch.engines.run` is timed
over the whole plan: the parse rate across workers, cluster start-up excluded (reported
apart). The same pages parsed in this process, one core, give the per-core rate. The shards of
the last run are then loaded into a SQLite archive (and into PostgreSQL with `--db`, a fresh
database `banmian_scale`): the single writer's rate. Target: speedup >= 1.7 from 1 to 2
workers on a 2-core machine. Without the dev pages it prints `skipped: …` and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/scale.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ensure_importable, shared_dir

ensure_importable()

TARGET_SPEEDUP = 1.7
PROJECT_PAGES = 10_000_000
PROJECT_MACHINES = (1, 10, 50, 100)
PROJECT_CORES = (2, 16)


def make_input(copies: int, folder: Path) -> list[str]:
    dev = shared_dir() / "data" / "pages-dev"
    sources = sorted(dev.glob("page_*.pdftotext.txt"))
    out = []
    for k in range(copies):
        sub = folder / f"copy{k:03d}"
        sub.mkdir(parents=True)
        for src in sources:
            dst = sub / src.name
            # k trailing newlines: another file (hash) with the same page, so every copy is loaded
            dst.write_bytes(src.read_bytes() + b"\n" * k)
            out.append(str(dst))
    return out


def one_core_rate(files: list[str], limit: int = 120) -> float:
    """Pages/s parsing in this process (pipeline + page JSON), after a warm-up page."""
    from banmian.archive.ingest import file_pages

    list(file_pages(files[0]))
    t0 = time.perf_counter()
    n = 0
    for f in files[:limit]:
        n += sum(1 for _ in file_pages(f))
    return n / (time.perf_counter() - t0)


def _warm() -> int:
    from banmian.archive.ingest import file_pages

    dev = shared_dir() / "data" / "pages-dev" / "page_0001.pdftotext.txt"
    return sum(1 for _ in file_pages(str(dev)))


def dask_rate(files: list[str], workers: int, shard_pages: int, out: Path) -> dict:
    from distributed import Client, LocalCluster

    from banmian.batch import engines, shards

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        client.run(_warm)
        startup = time.perf_counter() - t0
        plan = shards.plan(files, shard_pages)
        load0 = os.getloadavg()[0]
        report = engines.run(plan, str(out), "dask", scheduler=cluster.scheduler_address)
    assert not report.shard_errors and not report.failures, (report.shard_errors, report.failures[:3])
    cpu = sum(m.get("cpu_seconds", 0.0) for m in shards.finished(str(out)))
    return {"workers": workers, "pages": report.pages, "shards": report.run, "seconds": report.seconds,
            "pages_per_s": report.pages_per_s, "startup_s": startup, "loadavg_before": load0,
            "worker_cpu_s": cpu, "busy_cores": cpu / report.seconds, "pages_per_cpu_s": report.pages / cpu}


def load_rate(out: Path, db: str) -> dict:
    from banmian.archive import open_archive
    from banmian.batch.load import load

    store = open_archive(db)
    try:
        report = load(store, str(out))
    finally:
        store.close()
    return {"pages": report.pages, "articles": report.articles, "seconds": report.seconds,
            "articles_per_s": report.articles / report.seconds, "pages_per_s": report.pages / report.seconds}


def projection(per_core: float, loads: dict[str, dict]) -> list[str]:
    """Lines of the 10 M page projection: parsing scales with cores; loading is one writer."""
    lines = [f"projection for {PROJECT_PAGES:,} pages at the measured {per_core:.1f} pages per CPU-second of one "
             f"worker (parsing only; scheduling overhead and I/O not included):"]
    for cores in PROJECT_CORES:
        cells = []
        for machines in PROJECT_MACHINES:
            hours = PROJECT_PAGES / (per_core * cores * machines) / 3600
            cells.append(f"{machines} x {cores} cores: {hours:,.1f} h")
        lines.append("  " + "; ".join(cells))
    for name, r in loads.items():
        hours = PROJECT_PAGES / r["pages_per_s"] / 3600
        lines.append(f"  loading into {name}, one writer at the measured {r['pages_per_s']:.1f} pages/s: "
                     f"{hours:,.0f} h whatever the number of machines")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=10, help="copies of the 60 dev dumps (default 10: 600 pages)")
    ap.add_argument("--shard-pages", type=int, default=16)
    ap.add_argument("--workers", default="1,2", help="worker counts to time (default 1,2)")
    ap.add_argument("--db", help="also load into this postgresql:// server (a fresh database banmian_scale)")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args(argv)
    if not (shared_dir() / "data" / "pages-dev").is_dir():
        print(f"skipped: shared data not found at {shared_dir()}")
        return 0
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("skipped: dask[distributed] is not installed (pip install '.[dask]')")
        return 0
    work = Path(tempfile.mkdtemp(prefix="banmian-scale-"))
    try:
        files = make_input(args.copies, work / "in")
        per_core = one_core_rate(files)
        runs = []
        for n in (int(x) for x in args.workers.split(",")):
            out = work / f"shards-{n}"
            runs.append(dask_rate(files, n, args.shard_pages, out))
            print(f"{n} worker(s): {runs[-1]['pages_per_s']:.1f} pages/s", file=sys.stderr)
        loads = {"sqlite": load_rate(out, str(work / "a.sqlite"))}
        if args.db:
            from banmian.archive.postgres import fresh_database

            loads["postgresql"] = load_rate(out, fresh_database(args.db, "banmian_scale"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"scale bench: {len(files)} pages (pdftotext dev dumps x {args.copies}), shards of {args.shard_pages} "
          f"pages, {os.cpu_count()} cores (shared machine: load average before each run shown)")
    print(f"{'engine':<22} {'pages/s':>9} {'speedup':>8} {'seconds':>8} {'shards':>7} {'start-up s':>10} "
          f"{'load avg':>9} {'cores busy':>10} {'pages/cpu-s':>11}")
    print(f"{'this process, 1 core':<22} {per_core:>9.1f} {'':>8}")
    base = runs[0]["pages_per_s"]
    for r in runs:
        print(f"{'dask, ' + str(r['workers']) + ' worker(s)':<22} {r['pages_per_s']:>9.1f} "
              f"{r['pages_per_s'] / base:>7.2f}x {r['seconds']:>8.1f} {r['shards']:>7} {r['startup_s']:>10.1f} "
              f"{r['loadavg_before']:>9.2f} {r['busy_cores']:>10.2f} {r['pages_per_cpu_s']:>11.1f}")
    print("(cores busy: the workers' CPU seconds over the wall clock, i.e. how many cores the workers "
          "actually got; pages/cpu-s: the rate per core they had)")
    if len(runs) > 1:
        speedup = runs[-1]["pages_per_s"] / base
        verdict = "ok" if speedup >= TARGET_SPEEDUP else "MISSED"
        print(f"speedup {runs[0]['workers']} -> {runs[-1]['workers']} workers: {speedup:.2f}x "
              f"(target >= {TARGET_SPEEDUP}x: {verdict})")
        # what the same runs give when each worker has its core: per-CPU-second rates times workers
        scaled = (runs[-1]["pages_per_cpu_s"] * runs[-1]["workers"]) / (runs[0]["pages_per_cpu_s"] * runs[0]["workers"])
        print(f"CPU-normalized speedup (rate per CPU-second x workers; not wall clock): {scaled:.2f}x")
    for name, r in loads.items():
        print(f"load into {name}: {r['pages']} pages, {r['articles']} articles in {r['seconds']:.1f} s = "
              f"{r['pages_per_s']:.1f} pages/s, {r['articles_per_s']:.0f} articles/s (one writer)")
    for line in projection(runs[0]["pages_per_cpu_s"], loads):
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps({"per_core": per_core, "runs": runs, "loads": loads}, indent=2),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
