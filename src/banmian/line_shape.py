"""The shape of a line against its column: the primitives the text-dump stages share.

Widths are in em (`banmian.rules.chars.text_em`); a page's column width comes from the measure
stage. Body lines are justified to the column, a paragraph's first line is indented two em, a
paragraph's last line is short, and a line ends a clause or a sentence by its last marks.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.model import Line, Page
from banmian.rules.chars import CJK_PUNCT, CLAUSE_MARKS, CLOSERS, HEAD_DASHES, SENTENCE_FINAL, bmp_table, ends_sentence, strip_ws

# A body line narrower than the column by more than this (em) is short: an indented first line
# or a paragraph's last line. Dev dumps: middle lines measure -1.0..+1.0 em from the column.
# classify's reason for a head line wider than the column (it spans columns: a headline set
# across several, or in a larger face); many later rules leave such a line alone.
WIDE_HEAD_REASON: Final = "head:wider_than_column"
FULL_SLACK: Final = 1.0
# An indented first line is this much narrower than the column (2 em indent; dev: 1.5..3.5).
# Final (as FULL_SLACK): the compiled build reads the values where they are used, in every
# module that imports them, not the module's dictionary on each test of a line (speed alone).
INDENT_MIN: Final = 1.5
INDENT_MAX: Final = 3.5
# Wider than the column by more than this even with all punctuation compressed: a line spanning
# columns (headline, caption). Dev page 2: two-line headline `世界游泳锦标赛再传捷报吴艳` is
# 13 em over a 12 em column and carries no punctuation, so it cannot be a justified body line.
WIDE_MIN_EXCESS: Final = 0.75
CLAUSE_END: Final = set(CLAUSE_MARKS + "、？！…")
BODY_START_FORBIDDEN: Final = CLOSERS | CLAUSE_END  # kinsoku: a body line never starts with these
# The reason classify records on a line that ends a clause (`ends_clause`): body text.
CLAUSE_END_REASON: Final = "body:clause_end"
BLANK_SHARE_MIN: Final = 0.02  # share of blank lines above which a dump separates blocks by them


BLANK_COUNT: Final = "blank_lines"  # `page.scratch` key: how many blank lines classify marked


def separates_blocks(page: Page) -> bool:
    """Whether the dump separates text blocks by blank lines (pdftotext's default mode does;
    `pdftotext -raw` and PyMuPDF do not). The blank lines are counted once, by classify
    (`count_blank_lines`), which alone marks them (a stage after it may add a line, never a blank
    one); the stages ask some dozen times a page."""
    blanks = page.scratch.get(BLANK_COUNT)
    if blanks is None:  # a page classify has not seen (a stage run alone)
        blanks = _blank_lines(page)
    return enough_blanks(blanks, len(page.lines))


def enough_blanks(blanks: int, lines: int) -> bool:
    """`blanks` blank lines among `lines` are enough to separate blocks (BLANK_SHARE_MIN)."""
    return blanks >= BLANK_SHARE_MIN * max(lines, 1)


def count_blank_lines(page: Page) -> None:
    """Record how many of the page's lines are marked blank, for `separates_blocks` (classify,
    once it has marked them)."""
    page.scratch[BLANK_COUNT] = _blank_lines(page)


def _blank_lines(page: Page) -> int:
    return sum(1 for ln in page.lines if ln.kind == "blank")


SUBTITLE_DASHES: Final[tuple[str, ...]] = HEAD_DASHES  # what a subtitle line opens with (`——三论今年经济工作主要任务`)


def opens_with_dash(text: str) -> bool:
    """The line's text opens with a subtitle's dash."""
    return text.lstrip().startswith(SUBTITLE_DASHES)


# A headline's first line ending on a dash runs on into the line under it: `再立潮头看何人——` /
# `评世界女板跳水大势`, the headline's topic after its dash. So a headline block never ends on
# such a line, as none opens with a dash (raw and PyMuPDF dev page 3: the first half went as
# the subtitle of the head block above it, the second stood alone). A subtitle of clauses
# closing on a dash points into the body instead and may end its block (page 6:
# `编造27宗交通事故，假“死”过四五次，假“伤”过若干回——` over the next article's headline).
RUN_ON_DASHES: Final[tuple[str, ...]] = HEAD_DASHES
RUN_ON_CLAUSE_MARKS: Final = re.compile("[" + CLAUSE_MARKS + "、！？,;:]")
RUN_ON_DASH_REASON: Final = "headline:dash_runs_on"


def head_runs_on_by_dash(line: Line) -> bool:
    """A head line without a clause mark ending on a dash: the line under it is the same
    headline's."""
    t = line.text.strip()
    return (line.kind == "head" and t.endswith(RUN_ON_DASHES)
            and RUN_ON_CLAUSE_MARKS.search(t) is None)


def dash_subtitle_shape(line: Line) -> bool:
    """A body line opening with a subtitle's dash and holding no sentence end."""
    return line.kind == "body" and opens_with_dash(line.text) and unfinished(strip_ws(line.text))


def slack(line: Line, width: float) -> float:
    """How much narrower than the column the line is, in em (negative when wider): its own
    stretch's column (`line.column_width`, set by measure where a stretch is set to another
    measure than the page) or else `width`, the page's."""
    return (line.column_width or width) - line.width


def is_indented(line: Line, width: float) -> bool:
    """The line is about two em narrower than the column: a paragraph's first line."""
    return INDENT_MIN <= slack(line, width) <= INDENT_MAX


_CJK_PUNCT_MARK: Final = re.compile("[" + re.escape("".join(sorted(CJK_PUNCT))) + "]")


def min_width(line: Line) -> float:
    """The line's width with every CJK punctuation mark compressed to half an em."""
    return squeezed(line.text, line.width)


def squeezed(text: str, width: float) -> float:
    """`width` (the text's em width) with every CJK punctuation mark compressed to half an em."""
    return width - 0.5 * punct_marks(text)


_CJK_PUNCT_AT: Final = bmp_table(CJK_PUNCT)  # all within the Basic Multilingual Plane (tests/test_fast_paths.py)


def punct_marks(text: str) -> int:
    """How many CJK punctuation marks the text holds (`len(_CJK_PUNCT_MARK.findall(text))`), by
    a loop over the code points the compiled build runs natively: speed alone (no list of
    one-character strings made)."""
    n = 0
    for i in range(len(text)):
        o = ord(text[i])
        if o < 0x10000 and _CJK_PUNCT_AT[o]:
            n += 1
    return n


def ends_clause(t: str) -> bool:
    """The line ends a clause: a comma-like mark or a sentence end, maybe behind closing marks
    (dev page 32: `设施；”` closes a quoted clause of a law's text). An empty text ends none (a
    line of an ellipsis alone, stripped of it, `head_context.mark_heads_above_bylines`: IndexError,
    found by fuzzing)."""
    if not t:
        return False
    last = ord(t[len(t) - 1])  # the code point: no one-character string made (both sets within the BMP)
    if last < 0x10000 and _CLAUSE_END_AT[last]:
        return True
    if not (last < 0x10000 and _CLOSERS_AT[last]):
        return False
    return ends_sentence(t) or t.rstrip(_CLOSER_CHARS)[-1:] in CLAUSE_END


_CLAUSE_END_AT: Final = bmp_table(CLAUSE_END)
_CLOSERS_AT: Final = bmp_table(CLOSERS)
_CLOSER_CHARS: Final = "".join(sorted(CLOSERS))  # what `ends_clause` strips off the end


# any sentence end (SENTENCE_FINAL), looked for by one regex search rather than a test per character
_SENTENCE_END: Final = re.compile("[" + re.escape("".join(sorted(SENTENCE_FINAL))) + "]")


def unfinished(t: str) -> bool:
    """The (space-free) line neither ends a clause nor holds a sentence end anywhere: a
    headline's shape, or a body line a paragraph runs on from."""
    return not ends_clause(t) and _SENTENCE_END.search(t) is None


def comma_marks(text: str) -> int:
    """How many comma-like marks (，、；) the line holds."""
    return text.count("，") + text.count("、") + text.count("；")


def mark_dash_run_ons(block: list[Line]) -> None:
    """Record RUN_ON_DASH_REASON on each line of a headline block that ends on a dash and has
    a line of the block under it (`head_runs_on_by_dash`)."""
    for ln in block[:-1]:
        if head_runs_on_by_dash(ln):
            ln.because(RUN_ON_DASH_REASON)
