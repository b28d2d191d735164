"""The `banmian` command line: thin commands over the library.

Errors reach the user as one line on stderr, never as a traceback:
``banmian: error: <message>`` for bad input (exit 2) and ``banmian: internal error: a bug in
banmian, hit while processing FILE (<type>: <message>); rerun with BANMIAN_DEBUG=1 to see the
traceback`` for bugs (exit 1; BANMIAN_DEBUG=1 prints the traceback). Ctrl-C exits with 130.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import os
import re
import signal
import sys
import threading
import time
import traceback
import unicodedata
import warnings
from collections.abc import Iterator

from banmian import __version__
from banmian.atomic import atomic_path
from banmian.errors import DEBUG_HINT, BanmianError, debug_enabled, internal_error
from banmian.model import Page, line_ranges
from banmian.writers.json import dumps, page_to_dict
from banmian.writers.jsonl import page_to_jsonl_records
from banmian.writers.markdown import page_to_markdown
from banmian.writers.ninjs import article_to_ninjs

PROG = "banmian"
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, EXIT_INTERRUPTED = 0, 1, 2, 141, 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process the signal ended

PARSE_EPILOG = """\
output:
  json   one input file holding one page: one indented JSON object (schema banmian.page/1);
         several pages or several files: JSON Lines, one page object per line
  md     Markdown, one # section per page and one ## section per article
  jsonl  JSON Lines, one article per line with its page's fields copied in
  ninjs  JSON Lines, one IPTC ninjs 2.1 object per article (headlines with roles, bodies, by,
         located, infosources, people/places/organisations)

input:
  Text dumps, PDFs and page images are told apart by content. A PDF is read by its text layer
  (characters with their boxes, font sizes and fonts) and laid out by geometry; page images and
  image-only PDFs are read by OCR and laid out alike; --pages picks pages of a multi-page PDF or
  TIFF (or form-feed pages of a dump). Input line numbers of a PDF count its
  printed lines, top to bottom within each block of the text layer.

--explain prints, for every input line, its number, kind, paragraph-start mark (¶), the
article it went into and the reasons recorded by the stages, then each article's reasons.
Without -o the table replaces the normal output; with -o the output goes to OUT and the
table to stdout.

errors:
  Files are parsed in order; the first bad file (missing, a directory, binary, undecodable;
  an encrypted, corrupt or empty PDF; an unreadable, truncated or oversized image) stops the
  run with exit status 2. With -o, OUT is written atomically: on any error it is left
  untouched (or not created).

exit status: 0 ok, 1 internal error, 2 bad input or usage, 130 interrupted,
  141 stdout closed early (e.g. piped into head), 143 terminated (SIGTERM)
"""


class Usage(BanmianError):
    """A command line that cannot be carried out (e.g. an unwritable -o path)."""

    exit_code = EXIT_BAD_INPUT


def _db_arg(p) -> None:
    p.add_argument("--db", metavar="FILE|URL",
                   help="the archive: a SQLite file or a postgresql:// URL (default: $BANMIAN_DB or banmian.sqlite)")


def _filter_args(p) -> None:
    """The article filters shared by search, export and the API."""
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="articles on or after")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="articles on or before")
    for name, what in (("outlet", "outlet (本报, 新华社…)"), ("page", "page label as printed (A05, 第3版)"),
                       ("reporter", "reporter's name"), ("person", "a person named in the article"),
                       ("place", "a place named in the article"), ("organization", "an organization named")):
        p.add_argument(f"--{name}", metavar="NAME", help=what)


def _filters(args):
    from banmian.archive import Filters

    return Filters(args.date_from, args.date_to, args.outlet, args.page, args.reporter, args.person,
                   args.place, args.organization)


def _iso_date(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            datetime.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")


def _count(value: str) -> int:
    """A whole number of at least 1 (--workers 0 was taken as not given, and a shards folder
    was made before a negative count was refused)."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more: {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every banmian command."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Rebuild structured articles from Chinese newspaper pages (text dumps, PDFs, scans)."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = commands.add_parser(
        "parse",
        help="parse page text dumps, PDFs and page images into articles",
        description="Parse page text dumps (form feeds separate pages), born-digital PDFs or page images "
                    "(PNG, JPEG, TIFF, image-only PDFs: read by OCR) into articles.",
        epilog=PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="page text dump(s) (UTF-8, GB18030, Big5 or UTF-16), PDF(s), or page images "
                        "(PNG, JPEG, TIFF: read by OCR)")
    p.add_argument("--pages", metavar="SPEC", help="only these pages of each file, e.g. 2-5,7 (1-based)")
    p.add_argument("--format", choices=["json", "md", "jsonl", "ninjs"], default="json", help="output format (default json)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the output to OUT (atomically) instead of stdout")
    p.add_argument("--explain", action="store_true", help="print a line-by-line table of decisions")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the page date, when the page does not print it (default: a date in the file name)")
    p.add_argument("--lexicon", metavar="FILE", help="known names, one `word [nr|ns|nt]` a line, for entities")
    p.add_argument("--no-entities", action="store_true",
                   help="leave `entities` empty (the entity stage takes about a quarter of the time)")
    p.add_argument("--progress", action="store_true", help="show progress on stderr even when it is not a terminal")
    p.add_argument("--ocr-engine", choices=["rapidocr", "tesseract"], default="rapidocr",
                   help="OCR engine for page images and image-only PDFs (default rapidocr; tesseract "
                        "needs the tesseract program with chi_sim)")
    ing = commands.add_parser(
        "ingest", help="parse files into the archive (SQLite or PostgreSQL)",
        description="Parse text dumps, PDFs, page images (by OCR) and banmian page JSON (files, folders, globs) into the "
                    "archive. Each page commits on its own; a rerun skips files already in (same "
                    "content) and resumes an interrupted one. Failed files (and paths that name "
                    "nothing) are listed at the end; the batch goes on.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or globs")
    _db_arg(ing)
    ing.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="page date for pages that print none")
    ing.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")
    ing.add_argument("--engine", choices=["local", "dask"], nargs="?", const="local",
                     help="parse in parallel as shards of Parquet, then load them: local processes (the default "
                          "engine, also implied by --workers or --shards), or a Dask cluster (implied by "
                          "--scheduler). Without any of these options: parse and store in this process")
    ing.add_argument("--workers", type=_count, metavar="N", help="worker processes (default: the number of cores)")
    ing.add_argument("--scheduler", metavar="tcp://HOST:8786",
                     help="the Dask scheduler to use (default: start a local cluster of --workers)")
    ing.add_argument("--shards", metavar="DIR", help="where shards go (default: ARCHIVE.shards; banmian.shards "
                                                    "for a postgresql:// archive); a rerun skips finished ones")
    ing.add_argument("--shard-pages", type=_count, default=64, metavar="N", help="pages per shard (default 64)")
    lo = commands.add_parser(
        "load", help="load shards (from ingest --engine) into the archive",
        description="Load the finished shards of a batch run (Parquet with completion markers, made by "
                    "banmian ingest --engine, here or elsewhere) into the archive, in plan order. Pages "
                    "already in the archive are skipped.")
    lo.add_argument("shards_dir", metavar="SHARDS_DIR")
    _db_arg(lo)
    lo.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")
    se = commands.add_parser(
        "search", help="search the archive",
        description="Search every printed field of the archived articles. Terms separated by spaces "
                    "must all match; \"…\" quotes a phrase; OR between terms; -term excludes "
                    "(a query that starts with - goes after --: banmian search -- '-公交 农田').")
    se.add_argument("query", metavar="QUERY")
    _db_arg(se)
    _filter_args(se)
    se.add_argument("--limit", type=int, default=20, metavar="N", help="results to show (default 20)")
    se.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N results")
    se.add_argument("--by", choices=["day", "week", "month", "year"],
                    help="count matching articles per day/week/month/year instead of listing them "
                         "(undated matches are counted apart, on an 'undated' row)")
    se.add_argument("--json", action="store_true", help='print {"total": N, "results": [...]} as JSON (with --by: '
                    '{"by", "total", "undated", "buckets"})')
    sv = commands.add_parser(
        "serve", help="the web reader and JSON API over an archive",
        description="Serve the archive: a reader (browse by date and page, page and article views, "
                    "search with facets and a trend chart) and a JSON API under /api (OpenAPI docs at "
                    "/api/docs). Read-only unless --write-token is given.")
    _db_arg(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--write-token", metavar="TOKEN",
                    help="allow uploads and ingest over HTTP for requests that carry this token")
    ex = commands.add_parser(
        "export", help="export archived articles",
        description="Write the archived articles that match the filters (and QUERY, if given) to a file.")
    ex.add_argument("query", nargs="?", metavar="QUERY", help="only articles matching this search")
    _db_arg(ex)
    _filter_args(ex)
    ex.add_argument("--format", choices=["jsonl", "csv", "parquet", "ninjs"], default="jsonl")
    ex.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write (atomically)")
    d = commands.add_parser(
        "debug",
        help="draw the layout found on a PDF page into a PNG",
        description="Draw what banmian found on one PDF page over its rendering: body columns (blue "
                    "bands), each article's headline block and cells numbered in reading order "
                    "(a3.2 = article 3, second cell; one colour per article), captions (purple), "
                    "header (grey) and lines no article took (red).",
    )
    d.add_argument("file", metavar="PDF", help="a born-digital PDF")
    d.add_argument("-o", "--output", metavar="PNG", required=True, help="the PNG to write (atomically)")
    d.add_argument("--page", type=int, default=1, metavar="N", help="the page to draw (1-based, default 1)")
    d.add_argument("--scale", type=float, default=1.5, metavar="S", help="pixels per PDF point (default 1.5)")
    return parser


# ---------------------------------------------------------------- output


class Emitter:
    """Writes parsed pages to a stream in one of the output formats.

    For json with a single input file the first page is held back: if no second page follows
    it is printed as one indented object, otherwise every page is printed as a JSON line.
    """

    def __init__(self, fmt: str, stream, single_file: bool):
        self.fmt = fmt
        self.stream = stream
        self.single_file = single_file
        self.held: dict | None = None
        self.pages = 0

    def page(self, page: Page) -> None:
        """Write (or hold) one page."""
        self.pages += 1
        if self.fmt == "jsonl":
            for record in page_to_jsonl_records(page):
                self.stream.write(dumps(record) + "\n")
        elif self.fmt == "ninjs":
            page_dict = page_to_dict(page)
            for article in page_dict["articles"]:
                self.stream.write(dumps(article_to_ninjs(article, page_dict)) + "\n")
        elif self.fmt == "md":
            self.stream.write(("\n" if self.pages > 1 else "") + page_to_markdown(page))
        elif self.single_file and self.pages == 1:
            self.held = page_to_dict(page)
        else:
            if self.held is not None:
                self.stream.write(dumps(self.held) + "\n")
                self.held = None
            self.stream.write(dumps(page_to_dict(page)) + "\n")

    def close(self) -> None:
        """Write whatever is held back."""
        if self.held is not None:
            self.stream.write(dumps(self.held, pretty=True) + "\n")
            self.held = None


class _Discard:
    def write(self, text: str) -> int:
        return len(text)


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator:
    """A text stream that replaces `path` only when the block succeeds (see `atomic_path`): on
    any exception `path` is left as it was."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as stream:
            yield stream


def _isatty(stream) -> bool:
    return bool(getattr(stream, "isatty", None) and stream.isatty())


class Progress:
    """A small progress line on stderr: files and pages done, pages per second."""

    def __init__(self, total_files: int, stream, enabled: bool):
        self.total = total_files
        self.stream = stream
        self.enabled = enabled
        self.tty = enabled and _isatty(stream)
        self.start = time.monotonic()
        self.last = 0.0
        self.files = self.pages = 0
        self.shown = 0  # length of the line on screen, to blank out leftovers

    def _show(self) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        text = f"{PROG}: {self.files}/{self.total} files, {self.pages} pages, {self.pages / elapsed:.1f} pages/s"
        if self.tty:
            self.stream.write("\r" + text.ljust(self.shown))
            self.shown = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def page_done(self) -> None:
        """Count a page; refresh the line at most 10 times a second on a terminal."""
        self.pages += 1
        if self.tty and time.monotonic() - self.last >= 0.1:
            self.last = time.monotonic()
            self._show()

    def file_done(self) -> None:
        """Count a file (one line per file when stderr is not a terminal)."""
        self.files += 1
        if self.enabled:
            self._show()

    def finish(self) -> None:
        """End the progress line."""
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------- --explain

def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """Cut `text` to `width` display columns (CJK counts 2, "…" marks a cut) and pad it."""
    if _width(text) > width:
        out, used = [], 0
        for c in text:
            if used + _width(c) > width - 1:
                break
            out.append(c)
            used += _width(c)
        text = "".join(out) + "…"
    return text + " " * max(0, width - _width(text))


def _ranges(numbers) -> str:
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in line_ranges(numbers))


def explain_page(page: Page) -> str:
    """A readable table of every input line of `page` and where it went, with reasons."""
    unassigned: dict[int, list[str]] = {}
    for item in page.unassigned:
        for n in item.line_nos:
            unassigned.setdefault(n, []).append(f"~{item.kind}")
    text_w = 26
    out = [f"== {page.source.path} · page {page.index + 1} (index {page.index}) ==",
           f"{'line':>6}  {'kind':<9} ¶ {'article':<9} {_fit('text', text_w)} reasons"]
    for line in page.lines:
        article = page.owner_of(line)  # by identity: the parts of a split line share a number
        owner = article.id if article else ",".join(dict.fromkeys(unassigned.get(line.no, []))) or "-"
        text = line.raw.replace("\t", " ")
        out.append(
            f"{line.no:>6}  {line.kind:<9} {'¶' if line.para_start else ' '} {owner:<9} "
            f"{_fit(text, text_w)} {'; '.join(line.reasons)}".rstrip()
        )
    out.append("")
    out.append("articles:" if page.articles else "articles: none")
    for article in page.articles:
        title = article.headline or (article.paragraphs[0][:16] + "…" if article.paragraphs else "")
        out.append(f"  {article.id:<5} lines {_ranges(article.line_nos) or '-'}  "
                   f"confidence {article.confidence:.2f}  {title}".rstrip())
        for reason in article.reasons:
            out.append(f"        - {reason}")
    if page.unassigned:
        out.append("unassigned:")
        for item in page.unassigned:
            out.append(f"  {item.kind:<9} lines {_ranges(item.line_nos) or '-'}  {item.text[:30]}")
    return "\n".join(out) + "\n\n"


# ---------------------------------------------------------------- commands

def _load_lexicon(path: str | None) -> None:
    from banmian.entities import load_lexicon

    if path:
        try:
            load_lexicon(path)
        except (OSError, ValueError) as exc:  # ValueError: undecodable bytes or a bad tag
            raise Usage(f"cannot read lexicon {path}: {getattr(exc, 'strerror', None) or exc}") from None


def _parse_files(args, stream, stdout) -> None:
    _load_lexicon(args.lexicon)

    single = len(args.files) == 1
    emitter = Emitter(args.format, stream, single)
    progress = Progress(len(args.files), sys.stderr, (not single) and (args.progress or _isatty(sys.stderr)))
    try:
        with _batch_gc():
            _parse_each(args, emitter, progress, stdout)
        emitter.close()
    finally:
        progress.finish()


def _parse_each(args, emitter: Emitter, progress: Progress, stdout) -> None:
    """Parse every file of `args` in order, each page to `emitter`."""
    from banmian.pipeline import iter_source_pages

    for path in args.files:
        with _processing(path):
            for page in iter_source_pages(path, pages=args.pages, page_date=args.date,
                                          entities=not args.no_entities, ocr_engine=args.ocr_engine):
                emitter.page(page)
                if args.explain:
                    stdout.write(explain_page(page))
                progress.page_done()
        progress.file_done()


# The cyclic garbage collector's youngest-generation threshold while pages are parsed (Python's
# default: 700). A page makes and frees tens of thousands of objects, freed by reference counts
# (the dev pages' warm passes leave no cycle for the collector), so at 700 it ran about once a
# page to find nothing: about 1.4 % of the instructions (bench/speed_ir.py's child, compiled).
BATCH_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def _batch_gc() -> Iterator[None]:
    """Raise the collector's youngest-generation threshold to BATCH_GC_THRESHOLD for the block
    (never lower it), and put the old thresholds back after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], BATCH_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def _processing(path: str) -> Iterator[None]:
    """Name `path` in the message of an internal error raised while it is processed (the
    innermost path, when blocks nest)."""
    try:
        yield
    except BanmianError:
        raise
    except Exception as exc:
        if not hasattr(exc, "banmian_input"):
            exc.banmian_input = path
        raise


def cmd_parse(args) -> int:
    """`banmian parse`: parse every file in order and write the pages."""
    stdout = sys.stdout
    if args.output:
        with atomic_output(args.output) as stream:
            _parse_files(args, stream, stdout)
    else:
        _parse_files(args, _Discard() if args.explain else stdout, stdout)
    stdout.flush()
    return EXIT_OK


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
    show = args.progress or _isatty(sys.stderr)
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
        sys.stderr.write(("\r" + line.ljust(78)) if _isatty(sys.stderr) else line + "\n")
        sys.stderr.flush()

    try:
        report = ingest(store, paths, args.date, progress)
    finally:
        if show and _isatty(sys.stderr):
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
            trend = trend_buckets(store, args.query, args.by, _filters(args))
            if args.json:
                print(_json.dumps(trend, ensure_ascii=False))
            else:
                print(f"{args.by:<10}  articles")
                for b in trend["buckets"]:
                    print(f"{b['period']:<10}  {b['count']:8d}  {'#' * min(b['count'], 60)}")
                print(f"{'undated':<10}  {trend['undated']:8d}  (no date: in no {args.by})")
            return EXIT_OK
        result = store.search(args.query, _filters(args), args.limit, args.offset)
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
        print(f"{h.article_id:>7}  {h.date or '-':<10}  {(h.page_label or '-'):<6}  {_fit(h.headline or '(no headline)', 30)}  {_fit(snip, 50)}")
    return EXIT_OK


def cmd_debug(args) -> int:
    """`banmian debug`: draw one PDF page's layout into a PNG."""
    from banmian.debug import render_debug

    if args.page < 1:
        raise Usage(f"--page must be 1 or more, not {args.page}")
    if not 0.1 <= args.scale <= 10:
        raise Usage(f"--scale must be between 0.1 and 10, not {args.scale}")
    with _processing(args.file):
        n = render_debug(args.file, args.output, args.page, args.scale)
    print(f"{PROG}: drew {n} article(s) of page {args.page} into {args.output}", file=sys.stderr)
    return EXIT_OK


def _one_line(text: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        with contextlib.suppress(Exception):
            sys.stdout.reconfigure(encoding="utf-8")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread like Ctrl-C's KeyboardInterrupt, so that the way out
    removes an unfinished `-o` temporary file and closes the archive (the default action of the
    signal left `.banmian-*.tmp` files behind)."""


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the block runs, SIGTERM raises `Terminated` in this process (not in forked
    workers, which die of it as by default)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()

    def handler(signum, frame):
        if os.getpid() != pid:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    with _sigterm_raises(), input_warnings():
        return _main(argv)


@contextlib.contextmanager
def input_warnings():
    """Show warnings about the input (stray bytes in a UTF-8 dump) as one line on stderr, each
    time; the command goes on."""
    with warnings.catch_warnings():
        _show_input_warnings()
        yield


def install_input_warnings() -> None:
    """`input_warnings` for the rest of the process, without restoring anything after: what a
    batch worker uses (`batch.engines.run_shard_in_worker`). A context manager restores the
    process-wide warning state when it exits, which on a worker running shards in several
    threads would undo it under a shard still running; installing once does not. Idempotent."""
    if not getattr(warnings.showwarning, "banmian_input", False):
        _show_input_warnings()


def _show_input_warnings() -> None:
    from banmian.readers.text import StrayBytesWarning

    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, StrayBytesWarning):
            print(f"{PROG}: warning: {_one_line(str(message))}", file=sys.stderr)
        else:
            default(message, category, filename, lineno, file, line)

    show.banmian_input = True
    warnings.simplefilter("always", StrayBytesWarning)
    warnings.showwarning = show


def _main(argv: list[str] | None) -> int:
    debug = debug_enabled()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_BAD_INPUT
        _utf8_stdout()
        if args.command == "debug":
            return cmd_debug(args)
        if args.command == "ingest" and (args.engine or args.workers is not None or args.scheduler or args.shards):
            from banmian.batch.command import run_ingest

            args.engine = args.engine or ("dask" if args.scheduler else "local")
            return run_ingest(args)
        if args.command == "ingest":
            return cmd_ingest(args)
        if args.command == "load":
            from banmian.batch.command import run_load

            return run_load(args)
        if args.command == "search":
            return cmd_search(args)
        if args.command == "serve":
            from banmian.web.serve import run as run_serve

            return run_serve(args)
        if args.command == "export":
            from banmian.archive.export import run as run_export

            return run_export(args)
        return cmd_parse(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        if exc.code is None:
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except BanmianError as exc:
        if debug:
            traceback.print_exc()
        print(f"{PROG}: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        if debug:
            traceback.print_exc()
        line = internal_error(exc, getattr(exc, "banmian_input", None))
        print(f"{PROG}: {line}" + ("" if debug else f"; {DEBUG_HINT}"), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
