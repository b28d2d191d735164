"""Glued lines: undo a line where `pdftotext -raw` printed two lines of one column as one.

pdftotext -raw prints the text in the order the PDF draws it and, now and then, runs a
paragraph's last line and the next paragraph's (indented) first line together, a space between
them, or a `（上接…）` note and the line that follows it (dev page 20: `雷夫·约翰松一行。 约翰松一行是应国务`
at 18 em in an 11 em column, and `（上接A1版） 据新华社北京 1月12`). Read whole, such a line is
wider than the column and taken for a headline: the first cut its article in two, the second
hid a lead-in, so the article lost its byline and dateline. Simulated TRAIN raw dumps hold a
few such lines in 300 pages; pdftotext's default mode and PyMuPDF print none (their dumps hold lines wider
than the column with a sentence end before a space, but those are columns side by side, for
`split_columns`).

In a dump without blank lines, a line wider than its column (`WIDE_MIN_EXCESS`) is cut at its
first gap where the left part is a `（上接…）` note and the right part opens a lead-in, or the
left part ends on a full stop and the right part is no wider than a body line. (After a
`（上接…）` note, the right part is as often a headline's first line: TRAIN raw pages 76, 222, 247,
`（上接第六版） 深入广大农村传授实用技术`, a kicker; such a line is left for split_head_rows.)
The parts keep the line's input number and record GLUED_REASON; the classify stage then reads
each as a line of its own.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.line_shape import BLANK_SHARE_MIN, FULL_SLACK, WIDE_MIN_EXCESS
from banmian.model import Line, Page
from banmian.rules.chars import is_cjk, text_em
from banmian.rules.furniture import CONTINUED, is_lead_in
from banmian.stages.normalize import normalize_text

GLUED_REASON: Final = "glued:part_"  # `glued:part_1_of_2`
# A paragraph's last line holds at least a character and its full stop: a stop alone before the
# gap is a stray mark.
MIN_LEFT_CHARS: Final = 2
# A paragraph's last line ends on a full stop. Not on `？`/`！`: a head row ends so (TRAIN raw
# page 213: `今年出口态势如何？ 去年地质找`, two headlines side by side, for split_head_rows).
_FULL_STOP_END: Final = re.compile(r"。[”’）」』]*$")
_GAP: Final = re.compile(r"\s+")


def _without_blank_lines(page: Page) -> bool:
    """The dump holds (almost) no blank lines: `pdftotext -raw`'s or PyMuPDF's, not pdftotext's
    default mode (the same share `line_shape.separates_blocks` asks, counted on the raw text: this
    stage runs before classify marks blank lines)."""
    blanks = sum(1 for ln in page.lines if ln.blank)
    return blanks < BLANK_SHARE_MIN * max(len(page.lines), 1)


def glued_parts(raw: str, column: float) -> tuple[str, str] | None:
    """The two printed lines a raw line `column` em wide holds, or None (see the module
    docstring). Gaps beside Latin letters or digits are word spaces and never cut."""
    stripped = raw.strip()
    for gap in _GAP.finditer(stripped):
        left, right = stripped[: gap.start()], stripped[gap.end():]
        if not (is_cjk(right[0]) or right[0] in "（“《"):
            continue
        left_text, right_text = normalize_text(left), normalize_text(right)
        if text_em(left_text) + text_em(right_text) <= column + WIDE_MIN_EXCESS:
            return None  # as wide as one line of the column: no two lines here
        if CONTINUED.match(left_text) and is_lead_in(right_text):
            return left, right
        if (len(left_text) >= MIN_LEFT_CHARS and _FULL_STOP_END.search(left_text)
                and text_em(right_text) <= column + FULL_SLACK):
            return left, right
    return None


def _part(line: Line, raw: str, i: int) -> Line:
    text = normalize_text(raw)
    part = Line(no=line.no, raw=raw, text=text, width=text_em(text), reasons=list(line.reasons),
                column_width=line.column_width)
    part.because(f"{GLUED_REASON}{i}_of_2")
    return part


def glued_lines(page: Page) -> Page:
    """Cut the page's glued lines in two (see the module docstring)."""
    if not _without_blank_lines(page):
        return page
    out: list[Line] = []
    for ln in page.lines:
        column = ln.column_width or page.column_width
        parts = glued_parts(ln.raw, column) if column and ln.width > column + WIDE_MIN_EXCESS else None
        if parts is None:
            out.append(ln)
        else:
            out.extend((_part(ln, parts[0], 1), _part(ln, parts[1], 2)))
    page.lines = out
    return page
