"""Load finished shards into an archive (SQLite or PostgreSQL): `banmian load SHARDS_DIR`.

Shards are loaded in plan order and each shard's pages in input order, so loading the same
shards gives the same article ids on every backend, and the same ids as `banmian ingest` of the
same files. A page already in the archive is skipped (`add_page` keys pages by file hash and
page index), so a load can be rerun or resumed; a file is marked done once its shard is loaded
and it parsed without failure.
"""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable

from banmian.archive.ingest import IngestReport
from banmian.batch.shards import finished, read_shard
from banmian.errors import BadInput


def finished_markers(out_dir: str) -> list[dict]:
    """The completion markers of `out_dir`'s finished shards, in plan order; `BadInput` when
    there is no such folder or no shard in it has finished."""
    if not os.path.isdir(out_dir):
        raise BadInput(f"no shards folder at {out_dir}")
    markers = finished(out_dir)
    if not markers:
        raise BadInput(f"no finished shards in {out_dir} (run banmian ingest --engine local|dask --shards {out_dir})")
    return markers


def load(store, out_dir: str, progress: Callable[[IngestReport, int, int], None] | None = None) -> IngestReport:
    """Load every finished shard of `out_dir` into `store`; `progress(report, shards_done,
    shards_total)` after each shard. Files that failed in a shard are in `report.failures`."""
    markers = finished_markers(out_dir)
    report = IngestReport()
    t0 = time.monotonic()
    bulk = getattr(store, "bulk", None)  # PostgreSQL: index built once at the end
    with bulk() if bulk else contextlib.nullcontext():
        _load_markers(store, out_dir, markers, report, t0, progress)
    report.seconds = time.monotonic() - t0
    return report


def _load_markers(store, out_dir: str, markers: list[dict], report: IngestReport, t0: float, progress) -> None:
    for n, marker in enumerate(markers, 1):
        files = {f["sha256"]: f for f in marker["files"] if f.get("sha256")}
        done = {sha for sha in files if store.file_done(sha)}
        if len(done) < len(files):  # a shard whose files are all in is not read
            for page, sha, path, index in read_shard(out_dir, marker):
                if sha in done:
                    continue
                report.articles += store.add_page(sha, path, page, index)
                report.pages += 1
        for sha, f in files.items():
            if sha in done:
                report.skipped += 1
            elif f["ok"]:
                store.finish_file(sha, f["path"], f["kind"], f["pages"])
                report.files += 1
        report.failures += [(path, why) for path, why in marker.get("failures") or []]
        report.internal += marker.get("internal") or []
        report.seconds = time.monotonic() - t0
        if progress:
            progress(report, n, len(markers))
