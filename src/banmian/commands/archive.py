"""The archive commands: `banmian ingest` (in this process), `search` and `export`. Batch
ingest (`--engine`) and `load` are in `banmian.batch.command`, `serve` in `banmian.web.serve`."""
from __future__ import annotations

import re
import sys
import time

from banmian.commands import EXIT_OK, PROG, isatty
from banmian.errors import Usage
from banmian.writers.explain import fit


def filters(args):
    """The article filters of `args` (see `cli._filter_args`), for search and export."""
    from banmian.archive import Filters

    return Filters(args.date_from, args.date_to, args.outlet, args.page, args.reporter, args.person,
                   args.place, args.organization)


def cmd_ingest(args) -> int:
    """`banmian ingest`: parse files into the archive; list the files that failed."""
    from banmian.archive import default_db, drop_if_empty, is_new_archive, open_archive
    from banmian.archive.ingest import NO_MATCH, expand, ingest
    from banmian.archive.postgres import redact
    from banmian.batch.command import print_failures

    missing: list[str] = []
    paths = expand(args.paths, missing)
    if missing and not paths:  # no path names anything: a usage error, no archive made
        raise Usage(f"{NO_MATCH}: {missing[0]}")
    new = is_new_archive(args.db)
    store = open_archive(args.db)
    # pages stored by this run: a resumed file is parsed whole, but its pages already in are
    # skipped (report.pages counts every page parsed, for the pages/s)
    pages_before = store.counts()["pages"]
    show = args.progress or isatty(sys.stderr)
    last = [0.0]

    def progress(report, done, total):
        now = time.monotonic()
        if not show or (now - last[0] < 0.2 and done < total):
            return
        last[0] = now
        rate = report.pages / report.seconds if report.seconds else 0.0
        eta = report.seconds * (total - done) / done if done else 0.0
        line = (f"{PROG}: {report.files + report.skipped + len(report.failures)} files, {report.pages} pages, "
                f"{report.articles} articles, {rate:.1f} pages/s, ETA {eta:.0f} s")
        sys.stderr.write(("\r" + line.ljust(78)) if isatty(sys.stderr) else line + "\n")
        sys.stderr.flush()

    try:
        report = ingest(store, paths, args.date, progress)
    finally:
        if show and isatty(sys.stderr):
            sys.stderr.write("\n")
        counts = store.counts()
        store.close()
        # every file failed on a new archive: it is not left behind, empty
        dropped = drop_if_empty(args.db, new, counts)
    where = redact(args.db or default_db())
    held = (f"no archive made at {where} (nothing stored)" if dropped else
            f"archive {where} holds {counts['articles']} articles on {counts['pages']} pages")
    print(f"{PROG}: ingested {report.files} file(s), {counts['pages'] - pages_before} pages, {report.articles} articles "
          f"in {report.seconds:.1f} s; {report.skipped} file(s) already in; {held}", file=sys.stderr)
    return print_failures([(p, NO_MATCH) for p in missing] + report.failures, report.internal)


def cmd_search(args) -> int:
    """`banmian search`: a table of matching articles (or counts per period with --by)."""
    import json as _json

    from banmian.archive import open_archive, trend_buckets
    from banmian.archive.query import check_query

    if args.limit < 1 or args.offset < 0:
        raise Usage("--limit must be 1 or more and --offset 0 or more")
    check_query(args.query)  # the same refusals as the API: AND/NOT/NEAR, parentheses
    store = open_archive(args.db, readonly=True)
    try:
        if args.by:
            trend = trend_buckets(store, args.query, args.by, filters(args))
            if args.json:
                print(_json.dumps(trend, ensure_ascii=False))
            else:
                print(f"{args.by:<10}  articles")
                for b in trend["buckets"]:
                    print(f"{b['period']:<10}  {b['count']:8d}  {'#' * min(b['count'], 60)}")
                print(f"{'undated':<10}  {trend['undated']:8d}  (no date: in no {args.by})")
            return EXIT_OK
        result = store.search(args.query, filters(args), args.limit, args.offset)
    finally:
        store.close()
    if args.json:
        out = result.to_dict()
        out.pop("facets", None)
        print(_json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    print(f"{result.total} matching article(s)" + (f"; showing {args.offset + 1}–{args.offset + len(result.hits)}"
                                                     if result.hits else ""))
    for h in result.hits:
        snip = re.sub(r"</?mark>", "", h.snippet)
        snip = snip.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
        print(f"{h.article_id:>7}  {h.date or '-':<10}  {(h.page_label or '-'):<6}  {fit(h.headline or '(no headline)', 30)}  {fit(snip, 50)}")
    return EXIT_OK


def cmd_export(args) -> int:
    """`banmian export`: open the archive read-only, export, report the count on stderr."""
    from banmian.archive import open_archive
    from banmian.archive.export import check_format, export

    check_format(args.format)  # before the archive is opened
    store = open_archive(args.db, readonly=True)
    try:
        n = export(store, args.format, args.output, args.query, filters(args))
    finally:
        store.close()
    print(f"{PROG}: exported {n} article(s) to {args.output}", file=sys.stderr)
    return EXIT_OK
