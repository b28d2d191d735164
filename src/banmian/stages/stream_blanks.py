"""Stream blanks: read a dump in drawing order that parts its blocks by blank lines as a dump
without blank lines.

pdftotext's default mode prints a page in reading order, its blocks parted by blank lines, and
the stages read such a dump by fragments to thread back into articles (`separates_blocks`).
Other extractors print the text in the order the PDF draws it and still part blocks by blank
lines: PyMuPDF's text blocks joined by a newline (`"\\n".join(b[4] for b in
page.get_text("blocks"))`, a common recipe) prints each paragraph and each column's piece as a
block. On a page that draws every headline after the bodies, such a dump ends on a tail of
headlines after its last body sentence, which a dump in reading order does not; read as fragments its
articles were cut and threaded wrong (dev pages 1-40, PyMuPDF blocks: body_char_acc 0.9415
against 0.9914 for the same text without its blank lines; the pages printing heads last
10, 17, 20, 21, 26, 32, 35 at 0.59-0.83).

So where the lines classify gave a page with blank lines, read without them, end on a heads
tail (`tail_find.tail_start`, as the heads_tail stage finds one in a dump without blank
lines), the blank lines are dropped and the page's lines read again from
normalize to classify, as a dump without blank lines is read. Each kept line records
STREAM_REASON. On pdftotext's own dumps (reading order) no tail is found: dev, TRAIN and VAL
pages read as before. Only a page holding a full heads tail is read so: one printing only its
first articles' headlines last (`tail_find.prefix_tail`) lost more than it gained (simulated
TRAIN heads_end_partial pages: body_char_acc differences times gold articles summed, -4.0 with
those pages read so, +3.2 without).

Measured on PyMuPDF blocks dumps (bench/extractor_dumps.py, extractor mupdf_blocks; paired
bootstrap over pages, 95 %): dev 1-40 body_char_acc 0.9415 -> 0.9681, headline_acc 0.7918 ->
0.8770; TRAIN 41-300 body 0.9263 -> 0.9364 [+0.0018, +0.0190], headline 0.7467 -> 0.8035; UNSEEN
(VAL + TEST2, 1,620 pages) body 0.8965 -> 0.9013 [+0.0008, +0.0091], headline 0.7080 -> 0.7318
[+0.0176, +0.0304], byline 0.7965 -> 0.8248; dev 41-60 body 0.9390 -> 0.9292 [-0.0304, +0.0041],
headline 0.7722 -> 0.8111. The same text without its blank lines (PyMuPDF's `get_text()`) reads
better still (TRAIN 41-300 body 0.9450): on some pages the blank lines had placed the headlines right.
"""
from __future__ import annotations

from typing import Final

from banmian.line_shape import separates_blocks
from banmian.model import Line, Page
from banmian.tail_find import tail_start

STREAM_REASON: Final = "page:blank_lines_in_drawing_order"


def heads_tail_without_blanks(page: Page) -> bool:
    """The page parts blocks by blank lines and, read without them, ends on a heads tail. A
    `pdftotext -layout` page, which unlayout rewrote in reading order, is none."""
    if page.scratch.get("layout_dump") or not separates_blocks(page):
        return False
    lines = [ln for ln in page.lines if ln.kind != "blank"]
    return tail_start(lines) is not None


def input_lines(page: Page) -> list[Line]:
    """The page's non-blank lines as the reader gave them, in input order: the parts of a line
    split_columns cut are joined again (they keep its number), the blank gaps dropped."""
    raws: dict[int, list[str]] = {}
    for ln in sorted(page.lines, key=lambda x: x.no):
        if ln.raw.strip():
            raws.setdefault(ln.no, []).append(ln.raw)
    return [Line(no, " ".join(parts), " ".join(parts)) for no, parts in raws.items()]


def stream_blanks(page: Page) -> Page:
    """Drop the blank lines of a page in drawing order (module docstring) and read its lines
    again up to classify; any other page is returned as is."""
    if not heads_tail_without_blanks(page):
        return page
    from banmian.stages import LINE_STAGES

    page.lines = input_lines(page)
    for ln in page.lines:
        ln.because(STREAM_REASON)
    for stage in LINE_STAGES:
        page = stage(page)
    return page
