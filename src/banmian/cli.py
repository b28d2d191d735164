"""The `banmian` command line: the argument parser and the dispatch to the thin commands of
`banmian.commands` (parse, debug; ingest, search, export), `banmian.batch.command` (batch
ingest, load) and `banmian.web.serve`.

Errors reach the user as one line on stderr, never as a traceback:
``banmian: error: <message>`` for bad input (exit 2) and ``banmian: internal error: a bug in
banmian, hit while processing FILE (<type>: <message>); rerun with BANMIAN_DEBUG=1 to see the
traceback`` for bugs (exit 1; BANMIAN_DEBUG=1 prints the traceback). Ctrl-C exits with 130.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import re
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Iterator

from banmian import __version__
from banmian.commands import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, PROG
from banmian.errors import DEBUG_HINT, BanmianError, Usage, debug_enabled, internal_error

__all__ = ["PROG", "EXIT_OK", "EXIT_INTERNAL", "EXIT_BAD_INPUT", "Usage", "build_parser", "main",
           "input_warnings", "install_input_warnings"]

EXIT_BROKEN_PIPE, EXIT_INTERRUPTED = 141, 130
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
    from banmian.readers.encoding import StrayBytesWarning

    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, StrayBytesWarning):
            print(f"{PROG}: warning: {_one_line(str(message))}", file=sys.stderr)
        else:
            default(message, category, filename, lineno, file, line)

    show.banmian_input = True  # type: ignore[attr-defined]
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
            from banmian.commands.debug import cmd_debug

            return cmd_debug(args)
        if args.command == "ingest" and (args.engine or args.workers is not None or args.scheduler or args.shards):
            from banmian.batch.command import run_ingest

            args.engine = args.engine or ("dask" if args.scheduler else "local")
            return run_ingest(args)
        if args.command == "ingest":
            from banmian.commands.archive import cmd_ingest

            return cmd_ingest(args)
        if args.command == "load":
            from banmian.batch.command import run_load

            return run_load(args)
        if args.command == "search":
            from banmian.commands.archive import cmd_search

            return cmd_search(args)
        if args.command == "serve":
            from banmian.web.serve import run as run_serve

            return run_serve(args)
        if args.command == "export":
            from banmian.commands.archive import cmd_export

            return cmd_export(args)
        from banmian.commands.parse import cmd_parse

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
