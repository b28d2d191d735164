"""Long pages: a "page" of thousands of lines (a whole issue or month saved with no form feeds,
or an extractor that dropped them) is read in sections, each through the stages as a page of
its own, and the sections' results put back together as the one page the input gave.

Several steps grow faster than the page (the head blocks' assignment, the thread beam over
every open thread, the fragment pairings of `reorder.sole_pairs`, the leftover head lines
against every held headline): pure Python, a made-up 8,000-line page took 81 s, a page of the
dev pdftotext dumps run together 3.3 s for 8,000 lines against 0.13 s per 1,000 lines at
2,000 (bench/long_page.py). Read in sections of at most SECTION_LINES lines the time grows
with the page and the memory of the stages is bounded by a section.

The stages that make the lines (`line_stages`: unlayout, normalize) run on the whole page
first, so a long page is told by the lines the later stages see (unlayout cuts one -layout row
into its columns' lines); measure and every later stage run on each section, so each page the
user meant gets its own column width.

Where to cut (`section_starts`): before each page-header line (`rules.furniture.
is_strong_header_text`, as the classify stage recognises a header anywhere on the page: the
date with its weekday, the editors) that stands at least MIN_SECTION_LINES after the last cut,
i.e. where the pages the user meant begin (reason `page:section_at_header`); a section still
longer than SECTION_LINES is cut after its last blank line in its second half, else at
SECTION_LINES (`page:section_at_blank`, `page:section_at_length`). The reason goes on the
section's first line.
"""
from __future__ import annotations

from typing import Callable, Final

from banmian.model import Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_strong_header_text, may_be_strong_header

# A page of more than this many lines (after unlayout) is read in sections. The dev, simulated
# TRAIN and VAL pages have at most 740 lines (pdftotext, raw, PyMuPDF dumps: VAL page 111) and
# 761 once unlayout has taken a -layout dump's rows apart (VAL page 116; measured): every
# normal page is read whole, as before.
LONG_PAGE_LINES: Final = 2000
# A section holds at most this many lines: above every real page's length (761), so a page the
# user meant, cut out at its header, is not cut again.
SECTION_LINES: Final = 1000
# A header line this close after the last cut opens no section: the header block of a page
# (date line, blank, page number: pdftotext prints them on three lines) stays together.
MIN_SECTION_LINES: Final = 20
# The first stage run section by section. From measure on: pages differ in column width, and
# measured over dev pdftotext dumps run together (8,000 lines) the share of the per-page
# articles read with the same body fell from 0.83 (measure per section) to 0.52 (one width for
# the whole run); raw 0.82 -> 0.68 (`python bench/long_page.py --agree`).
SECTIONED_FROM: Final = "measure"
HEADER_REASON: Final = "page:section_at_header"
BLANK_REASON: Final = "page:section_at_blank"
LENGTH_REASON: Final = "page:section_at_length"
# What a section takes of the page's scratch: the caller's page date and entity switch, and
# unlayout's mark of a -layout dump (identity-keyed maps and caches are the section's own).
PAGE_SCRATCH: Final = ("page_date", "skip_entities", "layout_dump")


def header_line(ln: Line) -> bool:
    """A page-header line as the classify stage tells one anywhere on the page."""
    text = ln.raw
    return bool(text.strip()) and may_be_strong_header(text) and is_strong_header_text(strip_ws(text))


def section_starts(lines: list[Line]) -> list[tuple[int, str]]:
    """Where each section after the first begins (a line index) and why."""
    starts: list[tuple[int, str]] = []
    last = 0
    for i, ln in enumerate(lines):
        if i - last >= MIN_SECTION_LINES and header_line(ln):
            starts += _by_length(lines, last, i)
            starts.append((i, HEADER_REASON))
            last = i
    return starts + _by_length(lines, last, len(lines))


def _by_length(lines: list[Line], start: int, end: int) -> list[tuple[int, str]]:
    """Cuts inside lines[start:end] leaving no section longer than SECTION_LINES."""
    cuts: list[tuple[int, str]] = []
    while end - start > SECTION_LINES:
        limit = start + SECTION_LINES
        blank = next((k for k in range(limit - 1, start + SECTION_LINES // 2, -1) if not lines[k].raw.strip()), None)
        cut, why = (blank + 1, BLANK_REASON) if blank is not None else (limit, LENGTH_REASON)
        cuts.append((cut, why))
        start = cut
    return cuts


def line_stages(stages: list) -> tuple[list, list]:
    """The stages before SECTIONED_FROM (unlayout, normalize: each a pass over the lines,
    linear in the page; unlayout may cut one -layout row into several lines), run on the whole
    page, and those from it on, run on each section of a long page. Without that stage in
    `stages`, all run whole."""
    names = [getattr(stage, "__name__", "") for stage in stages]
    k = names.index(SECTIONED_FROM) if SECTIONED_FROM in names else len(stages)
    return stages[:k], stages[k:]


def is_long(page: Page) -> bool:
    return len(page.lines) > LONG_PAGE_LINES


def read_in_sections(page: Page, run: Callable[[Page], Page]) -> Page:
    """`run` (the stages) on each section of a long page as a page of its own; the page back
    with every section's lines, articles, unassigned items and header, the date, label and
    section of the first that has one."""
    starts = section_starts(page.lines)
    for i, why in starts:
        page.lines[i].because(why)
    bounds = [0] + [i for i, _ in starts] + [len(page.lines)]
    lines, owner = [], {}
    for a, b in zip(bounds, bounds[1:]):
        part = run(Page(source=page.source, lines=page.lines[a:b], index=page.index,
                        scratch={k: v for k, v in page.scratch.items() if k in PAGE_SCRATCH}))
        lines += part.lines
        _number_after(part, len(page.articles))
        page.articles += part.articles
        page.unassigned += part.unassigned
        page.meta.header += part.meta.header
        for name in ("date", "label", "section"):
            if getattr(page.meta, name) is None:
                setattr(page.meta, name, getattr(part.meta, name))
        owner.update(part.scratch.get("owner", {}))
    page.lines = lines
    page.scratch["owner"] = owner
    return page


ATTACHED: Final = "attached:"  # a line's reason naming the article it went to (`metadata`)


def _number_after(part: Page, before: int) -> None:
    """Number a section's articles on from the `before` of the sections above (`a1`… is each
    section's own numbering: the page would print ids twice), and the lines' reasons that name
    one (`attached:a2`) with them."""
    new_ids = {a.id: f"a{before + n}" for n, a in enumerate(part.articles, start=1)}
    for a in part.articles:
        a.id = new_ids[a.id]
    for ln in part.lines:
        ln.reasons = [ATTACHED + new_ids.get(r[len(ATTACHED):], r[len(ATTACHED):]) if r.startswith(ATTACHED) else r
                      for r in ln.reasons]
