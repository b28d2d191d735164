"""Subheads (小标题) set as body paragraphs: kept in their article, not taken for a headline.

A long feature carries short unpunctuated paragraphs that head its sections (`找准突破口`,
`好心上当` / `贪心上当`). They are set in the body face at the column's measure, their first
line indented two em like any paragraph's, so one longer than the indented line wraps at exactly
the indented width, the rest on a short line under it (`卢军：用爱心送子进大` / `学`). A headline
is set in the head face: its lines are broken by the editor, at the middle or at a phrase, the
second line as long as the first or longer (dev pages: `灾后第` / `一顿热饭`), never a full
indented line over a stub. Classify reads both as a headline's shape (`head:short_unpunctuated`),
and segment made such a subhead the headline of a new article that took the rest of the text.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.line_shape import INDENT_MIN, is_indented, slack
from banmian.model import Line, Page
from banmian.para_cues import one_em_short

# The first line of a wrapped subhead fills the indented measure: it is this much (em) narrower
# than the column at least and at most (a full line indented two em; marks set half-width).
WRAPPED_SLACK_MIN: Final = INDENT_MIN
WRAPPED_SLACK_MAX: Final = 2.5
# The wrapped rest is a stub: at most this share of the first line's width. A headline cut in
# two lines has its second line as long as its first or longer (simulated TRAIN pdftotext pages
# 1-150: 27 wrapped subheads so shaped, `金字塔形的科技人才结` / `构`, `市场心理恐慌削弱市` /
# `场支撑力`; dev pdftotext page 32's `国务院关于修改《电力` / `设施保护条例》的决定`, a headline
# whose first line measures indented, has the longer second line).
STUB_SHARE_MAX: Final = 0.5
CLAUSE_MARKS: Final = re.compile("[，。！？；：、,;:!?]")
WRAPPED_SUBHEAD_REASON: Final = "body:wrapped_subhead"
SHORT_UNPUNCTUATED: Final = "head:short_unpunctuated"


def _next_text_line(lines: list[Line], i: int, step: int) -> Line | None:
    """The nearest non-blank line from index i in direction `step` (+1 or -1)."""
    while 0 <= i < len(lines):
        if lines[i].kind != "blank" and not lines[i].blank:
            return lines[i]
        i += step
    return None


def wrapped_subhead(first: Line, rest: Line, after: Line | None, width: float) -> bool:
    """`first` and `rest` (the line right under it) are one subhead paragraph wrapped at the
    indented measure: `first` a short unpunctuated head line filling the indented width, `rest`
    a stub without a clause mark read as a head or name line, and the line after them opens a
    paragraph (indented, or one em short with its marks set half-width)."""
    if first.kind != "head" or SHORT_UNPUNCTUATED not in first.reasons:
        return False
    if not WRAPPED_SLACK_MIN <= slack(first, width) <= WRAPPED_SLACK_MAX:
        return False
    if rest.kind != "head" or CLAUSE_MARKS.search(rest.text) or rest.width > STUB_SHARE_MAX * first.width:
        return False
    return after is not None and after.kind == "body" and (is_indented(after, width) or one_em_short(after, width))


def mark_wrapped_subheads(page: Page) -> None:
    """Make each `wrapped_subhead` pair two body lines, a paragraph of its own (the first opens
    it): the text around them reads on as one article (`reassemble` joins its pieces)."""
    lines, width = page.lines, page.column_width
    for i in range(len(lines) - 1):
        first, rest = lines[i], lines[i + 1]
        if rest.blank or rest.kind == "blank":
            continue
        if not wrapped_subhead(first, rest, _next_text_line(lines, i + 2, 1), width):
            continue
        for line in (first, rest):
            line.kind = "body"
            line.because(WRAPPED_SUBHEAD_REASON)
