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

from banmian.language import spanning_word
from banmian.line_shape import FULL_SLACK, INDENT_MIN, WIDE_HEAD_REASON, ends_clause, is_indented, opens_with_dash, separates_blocks, slack
from banmian.model import Line, Page
from banmian.para_cues import one_em_short
from banmian.rules.chars import CLAUSE_MARKS, strip_ws

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
# Any clause mark, full- or half-width, enumeration commas too: a stub holding one is text, no
# headline's wrapped rest.
STUB_CLAUSE_MARKS: Final = re.compile("[" + CLAUSE_MARKS + "！？、,;:!?]")
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
    if rest.kind != "head" or STUB_CLAUSE_MARKS.search(rest.text) or rest.width > STUB_SHARE_MAX * first.width:
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


# `mark_stub_paragraph_ends`: a lone character a word runs on into from the line over it ends a paragraph.
STUB_PARAGRAPH_ENDS = True
STUB_END_REASON: Final = "body:stub_finishes_word_over_it"
# The line over the stub is a line of text: at least this many characters (dev pdftotext page
# 37 prints a vertical line one character a line, `我` / `听` / `惯` / `了`: no paragraph end).
STUB_ABOVE_MIN_CHARS: Final = 4
# Dash runs: a subtitle wrapped with its last character alone (simulated TRAIN page 103:
# `——继续提速———追求快` / `捷`, a subtitle in the gold) keeps its lines.
_DASH_RUN: Final = re.compile("[—－-]{2,}")


def mark_stub_paragraph_ends(page: Page) -> None:
    """A head line of one CJK character printed right under a head line of text that a
    dictionary word runs on from into it (`spanning_word`: `党的十五大提出的各项任` / `务`) is
    a paragraph's last line, and the line over it that paragraph's: both body. No printed
    headline line of the simulated TRAIN pages is one character long; a body line over a stub
    was read as a headline's first line (`head:word_runs_on_into_head`, `head:against_headline`),
    the pair took an article's headline place and its own headline was left over (TRAIN
    pdftotext pages 120, 159, 223, 255; page 237: `边界纠纷公开化复杂化表示遗` / `憾`; page 91: a
    body subhead wrapped so). A line over the stub read as body is left so, the stub too (TRAIN
    PyMuPDF page 38: `1996年，美国思科公司斥` / `资` / `48亿美元收购`, a line cut short mid-text:
    made body, the stub closed a paragraph there), and so is a pair holding a dash run
    (`_DASH_RUN`) or a stub under a short line (`STUB_ABOVE_MIN_CHARS`). TRAIN 41-300
    headline_acc pdftotext / raw / PyMuPDF 0.6746 / 0.8087 / 0.8068 -> 0.6750 / 0.8101 /
    0.8082 (article_exact +1 / +2 / +2), 1-40 unchanged; sim VAL 41-120 pdftotext body
    0.8055 -> 0.8057, exact 0.5628 -> 0.5644, raw head 0.7981 -> 0.8045, PyMuPDF 0.8060 ->
    0.8124 (exact +2 each); dev 1-40 unchanged."""
    if not STUB_PARAGRAPH_ENDS:
        return
    lines = page.lines
    for i in range(1, len(lines)):
        stub, above = lines[i], lines[i - 1]
        if stub.kind != "head" or above.kind != "head":  # the kinds first: no text stripped
            continue
        text = stub.text.strip()
        if len(text) != 1:
            continue
        over = "".join(above.text.split())
        if len(over) < STUB_ABOVE_MIN_CHARS or _DASH_RUN.search(over):
            continue
        if spanning_word(over, text, hmm=False) is None:
            continue
        for line in (above, stub):
            line.kind = "body"
            line.because(STUB_END_REASON)


# `mark_heads_run_on_from_body`: a head line that fills the column, printed right under a full body
# line that ends on no clause mark (its sentence runs on), is that sentence's next line (pdftotext
# dumps). Simulated TRAIN pdftotext 1-300: fires on 12 lines, all gold body text continuing the line
# above (`新闻媒介的宣传优势在` / `“周日志愿行动”中的最` / `佳体现`, pages 30, 174; 4, 38, 81, 96, 103,
# 109, 156, 252), none a gold head line; dev pdftotext 1-60: none. Short lines so placed (a
# paragraph's last line, `称号`) are left alone: 32 more on TRAIN, all body too, but freed they
# moved article starts that other cuts leaned on (TRAIN 41-300 body_char_acc .8357 -> .8349).
RUN_ON_FROM_BODY = True
RUN_ON_FROM_BODY_REASON: Final = "body:full_line_runs_on_from_body"


def _fills_column(line: Line, width: float) -> bool:
    """The line is set to the column's measure: within FULL_SLACK em of it, either way (a line a
    full em wider or more is set in a head face)."""
    return -FULL_SLACK < slack(line, width) <= FULL_SLACK


def mark_heads_run_on_from_body(page: Page) -> None:
    """A head line that fills the column (`_fills_column`), right under a body line (no blank
    line between) that fills it too and ends on no clause mark (`ends_clause`), is that body's
    next line: the sentence runs on into it. pdftotext sets a text block off by a blank line, so
    a headline stands under a blank line, not under a running sentence. Such a line read as a
    headline's (a word running on into a short head line under it, `head:word_runs_on_into_head`;
    `head:clause_ended_over_head`, `head:above_lead_in`) took its own article's headline place,
    with the short last line of its paragraph, and the true headline went to a fragment or was
    left over (head_errors "missing F + extra (own body line)": TRAIN pages 30, 38, 174). A line
    wider than the column (`head:wider_than_column`) and a dash subtitle are left alone. The
    lines are read top down, so a line made body here is the body line over the next one (TRAIN
    page 81: three lines of text under a lead-in). Asked of pdftotext dumps only
    (`separates_blocks`): raw and PyMuPDF dumps print a headline right under the text above."""
    if not RUN_ON_FROM_BODY or not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    for above, ln in zip(lines, lines[1:]):
        if ln.kind != "head" or above.kind != "body" or WIDE_HEAD_REASON in ln.reasons or opens_with_dash(ln.text):
            continue
        if not _fills_column(ln, width) or slack(above, width) > FULL_SLACK:
            continue
        text = strip_ws(above.text)
        if text and not ends_clause(text):
            ln.kind = "body"
            ln.because(RUN_ON_FROM_BODY_REASON)
