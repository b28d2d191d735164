"""The ordered list of stages, and parse() entry points for text dumps.

Each stage is a function ``Page -> Page`` with no hidden state, so the same list runs in one
process, in a pool or in a Dask worker, and any stage can be tested alone.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator

from banmian import long_pages
from banmian.errors import BadInput
from banmian.model import Line, Page, Source, new_lines
from banmian.stages import PDF_STAGES, STAGES


def run_stages(page: Page, stages=None) -> Page:
    """Run every stage over `page` in order and return it (`stages`: those, default the text
    path's). The text path reads a page of thousands of lines (form feeds lost) in sections
    after the stages that make its lines (`long_pages`)."""
    if stages is None:
        whole, rest = long_pages.line_stages(STAGES)
        for stage in whole:
            page = stage(page)
        if long_pages.is_long(page):
            return long_pages.read_in_sections(page, lambda part: run_stages(part, rest))
        stages = rest
    for stage in stages:
        page = stage(page)
    return page


def page_from_lines(raw_lines: list[str], source: Source, first_no: int = 1, index: int = 0) -> Page:
    """Build an unparsed Page from the raw lines of one page (no line breaks)."""
    return Page(source=source, lines=new_lines(raw_lines, first_no), index=index)


def _prepare(page: Page, page_date: str | None, entities: bool) -> Page:
    """Give the stages what the caller decided: the page date to fall back on, and whether to
    find entities (the slowest stage; `--no-entities`)."""
    if page_date:
        page.scratch["page_date"] = page_date
    if not entities:
        page.scratch["skip_entities"] = True
    return page


def parse_text(text: str, path: str = "<string>", page_date: str | None = None,
               entities: bool = True) -> list[Page]:
    """Parse already-decoded text (form feeds separate pages) into parsed Pages. Surrogate code
    points, which no decoded file holds, are read by `readers.text.without_surrogates` (a lone
    one as U+FFFD), so the pages' JSON is valid UTF-8."""
    from banmian.readers.text import split_pages, without_surrogates

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate code point
        text = without_surrogates(text)
        data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    pages = []
    for index, first_no, raw_lines in split_pages(text):
        src = Source(path=path, kind="text", encoding=None, sha256=sha)
        page = page_from_lines(raw_lines, src, first_no, index)
        _prepare(page, page_date, entities)
        pages.append(run_stages(page))
    return pages


def iter_pages(path: str, page_date: str | None = None, entities: bool = True) -> Iterator[Page]:
    """Stream the parsed pages of a file, one at a time, in bounded memory. The page date is
    the header's, else `page_date`, else a date in the file name (`rmrb_19980109_p01.txt`).

    Raises `BadInput` for a missing path, a directory, a binary or undecodable file.
    """
    from banmian.readers.text import read_pages
    from banmian.rules.dates import date_from_filename

    page_date = page_date or date_from_filename(str(path))
    for src, index, first_no, raw_lines in read_pages(path):
        page = page_from_lines(raw_lines, src, first_no, index)
        _prepare(page, page_date, entities)
        yield run_stages(page)


def parse_path(path: str, page_date: str | None = None) -> list[Page]:
    """Parse every page of a file."""
    return list(iter_pages(path, page_date))


def page_from_pdf(pdf_page, source: Source, first_no: int = 1) -> Page:
    """Build an unparsed Page from a PDF page read by `banmian.readers.pdf`: one Line per printed
    line, numbered from `first_no` in text-layer order, with its box, size and font."""
    from banmian.geometry import group_lines

    lines = []
    low: dict[int, list] = {}
    for no, pl in enumerate(group_lines(pdf_page.chars, pdf_page.line_starts), first_no):
        lines.append(Line(no, pl.text, pl.text, box=pl.box, font_size=pl.size, font=pl.font))
        if pdf_page.ocr:
            low[no] = low_confidence_marks(pl)
    page = Page(source=source, lines=lines, index=pdf_page.number - 1,
                size=(pdf_page.width, pdf_page.height), rules=pdf_page.rules, pictures=pdf_page.pictures)
    if pdf_page.ocr:
        page.scratch["ocr"] = pdf_page.ocr
        page.scratch["low_confidence"] = {no: marks for no, marks in low.items() if marks}
    return page


LOW_CONFIDENCE_CONTEXT = 4  # characters shown on each side of a low-confidence one


def low_confidence_marks(line) -> list[dict]:
    """The characters of an OCR'd printed line recognised with low confidence, each with its
    place in the line's text (spaces excluded), its confidence and the text around it."""
    from banmian.readers.ocr import low_confidence

    text = line.text.replace(" ", "")
    k = LOW_CONFIDENCE_CONTEXT
    return [{"char": c.text, "offset": i, "confidence": round(c.confidence, 3),
             "context": text[max(i - k, 0):i + k + 1]} for i, c in low_confidence(line.chars)]


def iter_pdf_pages(path: str, pages: str | None = None, page_date: str | None = None,
                   entities: bool = True, ocr_engine: str = "rapidocr") -> Iterator[Page]:
    """Stream the parsed pages of a PDF (all, or a `--pages` spec such as "2-5,7"); an
    image-only PDF (a scan) is read by OCR with `ocr_engine`.

    Line numbers run on across pages, as in a text dump. Raises `BadInput` for a missing,
    encrypted, corrupt or empty PDF, and for a scan when no OCR engine is installed.
    """
    from banmian.readers.pdf import read_pdf

    yield from _geometry_pages(path, read_pdf(path, pages, ocr_engine), "pdf", page_date, entities)


def iter_image_pages(path: str, pages: str | None = None, page_date: str | None = None,
                     entities: bool = True, ocr_engine: str = "rapidocr", engine=None) -> Iterator[Page]:
    """Stream the parsed pages of a page image (PNG, JPEG, TIFF; each page of a multi-page
    TIFF), read by OCR (`banmian.readers.ocr`) and laid out as PDF pages are. `engine`: an
    engine object already made (it loads its models once).

    Raises `BadInput` for an unreadable, oversized or truncated image, or a missing engine.
    """
    from banmian.readers.ocr import read_image

    yield from _geometry_pages(path, read_image(path, pages, engine, ocr_engine), "image", page_date, entities)


def _geometry_pages(path, pdf_pages, kind: str, page_date: str | None, entities: bool) -> Iterator[Page]:
    """Lay out pages read with geometry (a PDF's text layer, or OCR)."""
    from banmian.readers.pdf import file_sha256
    from banmian.rules.dates import date_from_filename

    page_date = page_date or date_from_filename(str(path))
    sha = file_sha256(path)
    first_no = 1
    for pdf_page in pdf_pages:
        page = page_from_pdf(pdf_page, Source(path=str(path), kind=kind, encoding=None, sha256=sha), first_no)
        first_no += len(page.lines)
        _prepare(page, page_date, entities)
        yield run_stages(page, PDF_STAGES)


def iter_source_pages(path: str, pages: str | None = None, page_date: str | None = None,
                      entities: bool = True, ocr_engine: str = "rapidocr") -> Iterator[Page]:
    """Stream the parsed pages of a text dump, a PDF or a page image, told apart by content.

    `pages` ("2-5,7", 1-based) selects pages; for a text dump it counts form-feed pages.
    `ocr_engine` reads images and image-only PDFs (rapidocr, or tesseract).
    """
    from banmian.readers.image import is_image_head
    from banmian.readers.pdf import file_head, page_numbers

    head = file_head(path)  # read once for both tests (`is_pdf`, `is_image`)
    if head is not None and b"%PDF-" in head:
        yield from iter_pdf_pages(path, pages, page_date, entities, ocr_engine)
        return
    if head is not None and is_image_head(head):
        yield from iter_image_pages(path, pages, page_date, entities, ocr_engine)
        return
    if not pages:
        yield from iter_pages(path, page_date, entities)
        return
    wanted = page_numbers(pages, None, str(path))
    count = 0
    for page in iter_pages(path, page_date, entities):
        count = page.index + 1
        if count in wanted:
            yield page
        if count >= wanted[-1]:
            return
    raise BadInput(f"{path} has {count} page(s); cannot read pages {pages}")


# The cyclic garbage collector's youngest-generation threshold while pages are parsed (Python's
# default: 700). A page makes and frees tens of thousands of objects, freed by reference counts
# (the dev pages' warm passes leave no cycle for the collector), so at 700 it ran about once a
# page to find nothing: about 1.4 % of the instructions (bench/speed_ir.py's child, compiled).
BATCH_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """Raise the collector's youngest-generation threshold to BATCH_GC_THRESHOLD for the block
    (never lower it), and put the old thresholds back after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], BATCH_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)

