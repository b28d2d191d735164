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
The parts (of the normalized text, as split_head_rows cuts a head row) keep the line's input
number and record GLUED_REASON; the classify stage then reads each as a line of its own.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.line_shape import FULL_SLACK, WIDE_MIN_EXCESS, enough_blanks
from banmian.model import Line, Page
from banmian.rules.chars import is_cjk, text_em
from banmian.rules.furniture import CONTINUED, is_lead_in

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
    default mode (`line_shape.enough_blanks`, as `separates_blocks` asks, counted on the text:
    this stage runs before classify marks blank lines)."""
    return not enough_blanks(sum(1 for ln in page.lines if ln.blank), len(page.lines))


def glued_parts(text: str, column: float) -> tuple[str, str] | None:
    """The two printed lines a line's normalized text holds in a column `column` em wide, or
    None (see the module docstring). The gaps are those normalize left: spaces beside digits and
    a letter-spaced line's spaces are gone (`图 为 积 极 扩 大 就 业 。 本 报 记`, one line printed
    letter-spaced, is no two lines)."""
    for gap in _GAP.finditer(text):
        left, right = text[: gap.start()], text[gap.end():]
        if not left or not right or not (is_cjk(right[0]) or right[0] in "（“《"):
            continue
        if text_em(left) + text_em(right) <= column + WIDE_MIN_EXCESS:
            return None  # as wide as one line of the column: no two lines here
        if CONTINUED.match(left) and is_lead_in(right):
            return left, right
        if len(left) >= MIN_LEFT_CHARS and _FULL_STOP_END.search(left) and text_em(right) <= column + FULL_SLACK:
            return left, right
    return None


def _part(line: Line, text: str, i: int) -> Line:
    part = Line(no=line.no, raw=text, text=text, width=text_em(text), reasons=list(line.reasons),
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
        parts = glued_parts(ln.text, column) if column and ln.width > column + WIDE_MIN_EXCESS else None
        if parts is None:
            out.append(ln)
        else:
            out.extend((_part(ln, parts[0], 1), _part(ln, parts[1], 2)))
    page.lines = out
    return page
