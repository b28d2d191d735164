"""The ordered list of stages, and parse() entry points for text dumps.

Each stage is a function ``Page -> Page`` with no hidden state, so the same list runs in one
process, in a pool or in a Dask worker, and any stage can be tested alone.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator

from banmian.model import Line, Page, Source
from banmian.stages import STAGES


def run_stages(page: Page, stages=None) -> Page:
    """Run every stage over `page` in order and return it."""
    for stage in stages or STAGES:
        page = stage(page)
    return page


def page_from_lines(raw_lines: list[str], source: Source, first_no: int = 1, index: int = 0) -> Page:
    """Build an unparsed Page from the raw lines of one page (no line breaks)."""
    # positional arguments (no, raw, text): keyword arguments cost twice as much per line
    lines = [Line(no, r, r) for no, r in enumerate(raw_lines, first_no)]
    return Page(source=source, lines=lines, index=index)


def parse_text(text: str, path: str = "<string>", page_date: str | None = None) -> list[Page]:
    """Parse already-decoded text (form feeds separate pages) into parsed Pages."""
    from banmian.readers.text import split_pages

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    pages = []
    for index, first_no, raw_lines in split_pages(text):
        src = Source(path=path, kind="text", encoding=None, sha256=sha)
        page = page_from_lines(raw_lines, src, first_no, index)
        if page_date:
            page.scratch["page_date"] = page_date
        pages.append(run_stages(page))
    return pages


def iter_pages(path: str, page_date: str | None = None) -> Iterator[Page]:
    """Stream the parsed pages of a file, one at a time, in bounded memory.

    Raises `BadInput` for a missing path, a directory, a binary or undecodable file.
    """
    from banmian.readers.text import read_pages

    for src, index, first_no, raw_lines in read_pages(path):
        page = page_from_lines(raw_lines, src, first_no, index)
        if page_date:
            page.scratch["page_date"] = page_date
        yield run_stages(page)


def parse_path(path: str, page_date: str | None = None) -> list[Page]:
    """Parse every page of a file."""
    return list(iter_pages(path, page_date))
