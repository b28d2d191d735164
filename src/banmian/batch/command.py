"""`banmian ingest --engine local|dask …` and `banmian load SHARDS_DIR`: the command-line side
of batch runs (progress on stderr, the summary, failures, exit status)."""
from __future__ import annotations

import os
import sys
import time

PROG = "banmian"
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
PROGRESS_EVERY_S = 0.5
MAX_LISTED_FILES = 3  # of an unfinished shard's files (up to --shard-pages); all are in DIR/plan.json


def default_shards_dir(db: str) -> str:
    """Where shards go without --shards: beside a SQLite archive (`ARCHIVE.shards`), else
    `banmian.shards` here."""
    from banmian.archive.postgres import is_url

    return "banmian.shards" if is_url(db) else db + ".shards"


def _shower(enabled: bool):
    tty = sys.stderr.isatty()
    last = [0.0]

    def show(line: str, final: bool = False) -> None:
        now = time.monotonic()
        if not enabled or (not final and now - last[0] < PROGRESS_EVERY_S):
            return
        last[0] = now
        sys.stderr.write(("\r" + line.ljust(78)) if tty else line + "\n")
        if final and tty:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


def _load(db: str, out_dir: str, show):
    from banmian.archive import drop_if_empty, is_new_archive, open_archive
    from banmian.batch.load import finished_markers, load

    finished_markers(out_dir)  # nothing to load is a usage error: no archive made
    new = is_new_archive(db)
    store = open_archive(db)
    try:
        report = load(store, out_dir, lambda r, n, total: show(
            f"{PROG}: loaded {n}/{total} shards, {r.pages} pages, {r.articles} articles"))
        counts = store.counts()
    finally:
        store.close()
    counts["dropped"] = drop_if_empty(db, new, counts)  # every file failed: no empty archive left
    return report, counts


def _print_load(report, counts, db: str) -> None:
    from banmian.archive.postgres import redact

    where = redact(db)
    held = (f"no archive made at {where} (nothing stored)" if counts.get("dropped") else
            f"archive {where} holds {counts['articles']} articles on {counts['pages']} pages")
    print(f"{PROG}: loaded {report.pages} pages, {report.articles} articles of {report.files} file(s) in "
          f"{report.seconds:.1f} s; {report.skipped} file(s) already in; {held}", file=sys.stderr)


def run_ingest(args) -> int:
    """`banmian ingest PATH... --engine local|dask`: plan shards, parse them on the engine,
    load the finished ones into the archive."""
    from banmian.archive import default_db
    from banmian.archive.ingest import NO_MATCH
    from banmian.batch import engines, shards
    from banmian.errors import BadInput

    db = args.db or default_db()
    out_dir = os.path.abspath(args.shards or default_shards_dir(db))
    show = _shower(args.progress or sys.stderr.isatty())
    missing: list[str] = []
    plan = shards.plan(args.paths, args.shard_pages, missing)
    if missing and not plan:  # no path names anything: a usage error, nothing made
        raise BadInput(f"{NO_MATCH}: {missing[0]}")
    shards.write_plan(out_dir, plan)
    report = engines.run(plan, out_dir, args.engine, args.workers, args.scheduler, args.date,
                         lambda r: show(f"{PROG}: shards {r.run + r.skipped}/{r.shards} "
                                        f"({r.skipped} done before), {r.pages} pages, "
                                        f"{r.pages_per_s:.1f} pages/s on {r.workers} workers"))
    show(f"{PROG}: shards {report.run + report.skipped}/{report.shards}, {report.pages} pages", final=True)
    print(f"{PROG}: parsed {report.pages} pages ({report.articles} articles) in {report.run} shard(s) in "
          f"{report.seconds:.1f} s, {report.pages_per_s:.1f} pages/s on {report.workers} {args.engine} worker(s); "
          f"{report.skipped} shard(s) finished before; shards in {out_dir}", file=sys.stderr)
    if report.shard_errors and not shards.finished(out_dir):  # nothing to load: no archive made
        print(f"{PROG}: no shard finished: nothing loaded", file=sys.stderr)
    else:
        load_report, counts = _load(db, out_dir, show)
        _print_load(load_report, counts, db)
    status = print_failures([(p, NO_MATCH) for p in missing] + report.failures, report.internal)
    return worst(status, print_unfinished(report, plan, out_dir))


def run_load(args) -> int:
    """`banmian load SHARDS_DIR --db URL`: load shards made elsewhere into the archive."""
    from banmian.archive import default_db

    db = args.db or default_db()
    report, counts = _load(db, args.shards_dir, _shower(args.progress or sys.stderr.isatty()))
    _print_load(report, counts, db)
    return print_failures(report.failures, report.internal)


def print_unfinished(report, plan, out_dir: str) -> int:
    """Print a line per shard that did not finish (its files, why, and that a rerun resumes
    it); the exit status they make: 2 when each failed on bad input, else 1 (its workers kept
    dying, Dask gave up on it, or a bug: not the input's fault), 0 when every shard finished."""
    files = {s.id: s.files for s in plan}
    for shard_id, why in report.shard_errors:
        print(f"{PROG}: not finished: shard {shard_id} ({_some_files(files.get(shard_id, []), out_dir)}): "
              f"{_one_line(why)}; rerun the same command to resume it", file=sys.stderr)
    if not report.shard_errors:
        return EXIT_OK
    bad_input = {shard_id for shard_id, _ in report.shard_errors} <= set(report.shards_bad_input)
    return EXIT_BAD_INPUT if bad_input else EXIT_INTERNAL


def _some_files(files: list[str], out_dir: str) -> str:
    from banmian.batch.shards import PLAN

    shown = ", ".join(files[:MAX_LISTED_FILES])
    more = len(files) - MAX_LISTED_FILES
    rest = f" and {more} more, listed in {os.path.join(out_dir, PLAN)}" if more > 0 else ""
    return f"{len(files)} file{'s' if len(files) != 1 else ''}: {shown}{rest}"


def worst(*statuses: int) -> int:
    """The exit status of a run with these outcomes: a bug (1) over bad input (2) over ok (0)."""
    return EXIT_INTERNAL if EXIT_INTERNAL in statuses else max(statuses)


def print_failures(failures: list[tuple[str, str]], internal: list[str]) -> int:
    """Print a `failed: PATH: reason` line per failed file (once, however often it is listed);
    the exit status they make: 1 when a file hit a bug in banmian (the other files were still
    ingested), else 2 when one was bad input, else 0."""
    from banmian.errors import DEBUG_HINT, debug_enabled

    bugs = set(internal)
    hint = "" if debug_enabled() else f"; {DEBUG_HINT}"
    for path, why in dict(failures).items():
        print(f"{PROG}: failed: {path}: {_one_line(why)}{hint if path in bugs else ''}", file=sys.stderr)
    return EXIT_INTERNAL if bugs else EXIT_BAD_INPUT if failures else EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
