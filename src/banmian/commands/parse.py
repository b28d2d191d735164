"""`banmian parse`: parse files in order and write their pages (json, md, jsonl, ninjs), with
--explain tables and a progress line."""
from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

from banmian.atomic import atomic_path
from banmian.commands import EXIT_OK, PROG, isatty, processing
from banmian.errors import Usage
from banmian.model import Page
from banmian.pipeline import batch_gc
from banmian.writers.explain import explain_page
from banmian.writers.json import dumps, page_to_dict
from banmian.writers.jsonl import page_to_jsonl_records
from banmian.writers.markdown import page_to_markdown
from banmian.writers.ninjs import article_to_ninjs


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




class Progress:
    """A small progress line on stderr: files and pages done, pages per second."""

    def __init__(self, total_files: int, stream, enabled: bool):
        self.total = total_files
        self.stream = stream
        self.enabled = enabled
        self.tty = enabled and isatty(stream)
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
    progress = Progress(len(args.files), sys.stderr, (not single) and (args.progress or isatty(sys.stderr)))
    try:
        with batch_gc():
            _parse_each(args, emitter, progress, stdout)
        emitter.close()
    finally:
        progress.finish()


def _parse_each(args, emitter: Emitter, progress: Progress, stdout) -> None:
    """Parse every file of `args` in order, each page to `emitter`."""
    from banmian.pipeline import iter_source_pages

    for path in args.files:
        with processing(path):
            for page in iter_source_pages(path, pages=args.pages, page_date=args.date,
                                          entities=not args.no_entities, ocr_engine=args.ocr_engine):
                emitter.page(page)
                if args.explain:
                    stdout.write(explain_page(page))
                progress.page_done()
        progress.file_done()


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

