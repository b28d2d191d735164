"""Headline blocks told among body lines by their marks and by what sets them off.

Body text holds a mark every line or two and runs on into the next line; a headline block runs
to four lines without a clause mark. These rules (run by `head_context.mark_context_heads`) mark
such blocks as head lines: full lines without a single mark (or with a headline's dashes, quotes
and title marks only) between a finished sentence and the next paragraph's opening; a block
whose first line is centred over a paragraph's opening; and, where blank lines separate blocks,
a block of unpunctuated full lines set off by blanks or non-body lines (the short blocks set off
by blank lines are `set_off_heads`'). `could_be_head_line` and `holds_clause_mark` are the shape
tests they share with `set_off_heads`, `head_context` and `wide_heads`.
Each records its reason on the lines it changes.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.heads_to_body import _line_above, _line_below, opens_with_bullet
from banmian.line_shape import CLAUSE_END, FULL_SLACK, is_indented, separates_blocks, slack, unfinished
from banmian.model import Line, Page
from banmian.rules.chars import CJK_PUNCT, ends_sentence, last_code_point, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON

# A headline broken over two lines may hold a dash, quotes or title marks (`雄师抗震歌——子弟兵` /
# `在张家口抗震救灾第一线`, `“一把手工程”——沈` / `阳市地税局队伍建设纪实`, `彩墨传真情——记泰国` /
# `华侨、著名画家林耀先生`… over `本报记者段心强`), marks that set words off but end no clause. Over a
# byline line two lines holding no other mark are its headline as `_unpunctuated_pair`'s are
# (`head_context._headline_marked_pair`); read as body they ran into the article above
# (simulated raw TRAIN pages 28, 53, 62, 122, 217, 269, 299, which print each body before its
# headline; 18 TRAIN raw pages gain headlines or exact articles, of every draw order, none
# loses; dev 1-40 unchanged).
HEADLINE_MARKS: Final = frozenset("—“”‘’《》『』「」·")


# Headline blocks run to four lines (kicker, a two-line headline, subtitle) and hold at most one
# comma-like mark (`警惕，又到公款送礼时`); body lines hold one every line or two.
MAX_HEAD_RUN: Final = 4
MAX_HEAD_RUN_MARKS: Final = 1
# Two lines in a row without any mark: one seldom in body text, two a headline's shape.
MIN_UNPUNCTUATED_RUN: Final = 2
PUNCT_MARK: Final = re.compile("[" + re.escape("".join(sorted(CJK_PUNCT)) + ",.;:?!()") + "]")


def is_bracketed_note(line: Line) -> bool:
    """A line of a bracketed note (`（新华社记者樊如钧` / `摄）`): a photo credit, not a headline."""
    return "body:bracket_end" in line.reasons or "body:bracket_continues" in line.reasons


# A block set off by blank lines whose full lines hold headline marks only (HEADLINE_MARKS:
# `“伽利略”天外发回图像` / `“木卫二”冰下疑有海洋`, `雄师抗震歌——子弟兵` / `在张家口抗震救灾第一线`) is
# a headline as an unpunctuated block is: quotes, dashes and title marks set words off and end no
# clause. Simulated TRAIN pdftotext 1-300, blocks so shaped that `mark_unpunctuated_blocks` left
# as body: 8 gold headline blocks (pages 40, 74, 132, 151, 216, 217, 282; 17 lines), 1 body piece
# (page 64, a column piece of two full lines).
# Over body text (past blank lines; not a lead-in) such a block is left to the threading, as
# `mark_open_unpunctuated_blocks` leaves its blocks: marked, dev pdftotext page 8's
# `国之枢纽气象新——中央国家机` / `关开展『三优一满意』活动综述` (printed between two paragraphs of
# another article's column) sent its threading astray (body 0.69 -> 0.51); TRAIN: 1 headline
# block (page 151) and the body piece (page 64) stand so.
HEADLINE_MARKED_BLOCKS = True  # switch (tests)
HEADLINE_MARKED_BLOCK_REASON: Final = "head:headline_marked_block"


# The page's top sets a block off as a blank line does: nothing stands above it to run on
# into it. Simulated TRAIN pdftotext 1-300: pages 157 and 279 open on a two-line headline of
# full unpunctuated lines (`贯彻落实全民健身计划纲要` / `北京市体委加大力度见成效`) over its
# subtitle, read as body.
PAGE_TOP_SETS_OFF = True


def _body_text_below(lines: list[Line], j: int) -> bool:
    """The nearest non-blank line from line j on is a body line other than a lead-in."""
    for k in range(j, len(lines)):
        if last_code_point(lines[k].text) != -1:  # (`lines[k].text.strip()`)
            return lines[k].kind == "body" and LEAD_IN_REASON not in lines[k].reasons
    return False


def mark_unpunctuated_blocks(page: Page) -> None:
    """Where blank lines separate blocks, a block of two to four full lines without a single
    mark, set off by blank lines or by captions, bylines, headlines or furniture, is a headline
    (dev page 33: `泰铢贬值国际炒家兴风作浪` / `经济联动东亚金融险象环生` between a cut
    lead-in and a byline): a column piece of body text that short and unpunctuated is rare."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    # the lines marked below lie inside a run the loop then skips: the verdicts can be taken first
    off = [ln.kind in _SETS_OFF_KINDS or last_code_point(ln.text) == -1 for ln in lines]  # (-1: `not .strip()`)
    i = -1 if PAGE_TOP_SETS_OFF else 0  # -1: the page's top, before its first line
    while i < len(lines):
        if i >= 0 and not off[i]:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_unpunctuated_full_line(lines[j], width)
                                  or (HEADLINE_MARKED_BLOCKS and _headline_marked_full_line(lines[j], width))):
            j += 1
        closed = j == len(lines) or off[j]
        marked = closed and any(PUNCT_MARK.search(ln.text) for ln in lines[i + 1:j])
        if closed and MIN_UNPUNCTUATED_RUN <= j - i - 1 <= MAX_HEAD_RUN and not (marked and _body_text_below(lines, j)):
            for ln in lines[i + 1:j]:
                ln.kind = "head"
                ln.because(HEADLINE_MARKED_BLOCK_REASON if marked else "head:unpunctuated_block")
        i = j if j > i + 1 else i + 1


# Clause marks: a headline holds none (it may trail off on an ellipsis: `郑州我怎么对你说……`, dev
# page 37); dashes, quotes and brackets it does hold (`——三论今年经济工作主要任务`).
HEAD_CLAUSE_MARKS: Final = CLAUSE_END | set(",;:?!")


# any clause mark (HEAD_CLAUSE_MARKS), looked for by one regex search rather than a test per character
_HEAD_CLAUSE_MARK: Final = re.compile("[" + re.escape("".join(sorted(HEAD_CLAUSE_MARKS))) + "]")


def holds_clause_mark(text: str) -> bool:
    """The text holds a clause mark (HEAD_CLAUSE_MARKS) other than an ellipsis closing it."""
    return _HEAD_CLAUSE_MARK.search(text.rstrip().rstrip("…")) is not None


# Lines that set a block of text off as a blank line does: a caption, a byline, a headline or
# page furniture printed right against it (dev page 2: `邹家华要求中国新星石油` /
# `公司抓好主业提高开放水平` under a photo credit; page 33: the same shape over a byline).
_SETS_OFF_KINDS: Final = ("caption", "byline", "head", "header")


def _sets_off_block(line: Line) -> bool:
    """A blank line, or a line of a kind that is never body text run on into the next."""
    return not line.text.strip() or line.kind in _SETS_OFF_KINDS


def _opens_paragraph(line: Line | None, width: float) -> bool:
    """What follows a run can open a paragraph: an indented line going on, a lead-in, or no
    body line at all (a blank, a caption, a headline, the end of the page)."""
    if line is None or line.kind != "body" or not line.text.strip():
        return True
    t = strip_ws(line.text)
    return LEAD_IN_REASON in line.reasons or (is_indented(line, width) and not ends_sentence(t))


def _unpunctuated_full_line(line: Line, width: float) -> bool:
    """A body line at least as wide as the column, without a single punctuation mark."""
    t = line.text
    return (line.kind == "body" and last_code_point(t) != -1 and slack(line, width) <= FULL_SLACK
            and not PUNCT_MARK.search(t) and LEAD_IN_REASON not in line.reasons)


# A headline broken over full lines may hold a dash, quotes or title marks (HEADLINE_MARKS:
# `加强调控用好基金长` / `沙“菜篮子”价格平稳` after a closing sentence at a page's foot), marks that
# set words off but end no clause; a run of such full lines between a finished sentence and the
# next paragraph's opening is a headline block as an unpunctuated run is. Motivated by simulated
# raw TRAIN body-first pages (each headline printed after its body, under its last sentence), where
# such headlines ran into the body above. TRAIN raw and PyMuPDF 1-300: fires on pages 15, 60, 175,
# 244, 269, every line a gold headline's, none a body line; raw headline_acc 1-40 / 41-300 0.7853 /
# 0.7793 -> 0.7885 / 0.7817, exact 0.7528 -> 0.7547 (41-300); sim VAL raw 41-120 headline and
# exact +0.0016, 1-40 unchanged; dev 1-40 unchanged.
HEADLINE_MARKED_RUNS = True  # switch for `_headline_marked_full_line` (tests)
HEADLINE_MARKED_RUN_REASON: Final = "head:headline_marked_between_paragraphs"


def _headline_marked_full_line(line: Line, width: float) -> bool:
    """A body line at least as wide as the column whose only marks are HEADLINE_MARKS."""
    t = line.text
    return (line.kind == "body" and last_code_point(t) != -1 and slack(line, width) <= FULL_SLACK
            and all(ch in HEADLINE_MARKS for ch in PUNCT_MARK.findall(t)) and LEAD_IN_REASON not in line.reasons)


def mark_unpunctuated_runs_between_paragraphs(page: Page) -> None:
    """Full lines without a single punctuation mark between a finished sentence and the next
    paragraph's opening (an indented line, a lead-in, a caption or a blank) are a headline block
    (raw dump of dev page 29: `罗布泊可望找到淡水阿其` / `克谷地勘查出淡水富存区` after
    `游队都必须雇载水专车。`): a paragraph's first line is indented, and body lines seldom run
    two without a mark. Full lines holding headline marks only are such a run too
    (`_headline_marked_full_line`)."""
    lines, width = page.lines, page.column_width
    i = 1
    while i < len(lines):
        prev = lines[i - 1]
        if not (prev.kind == "body" and ends_sentence(prev.text)):
            i += 1
            continue
        j = i
        while j < len(lines) and j - i < MAX_HEAD_RUN and (
                _unpunctuated_full_line(lines[j], width)
                or (HEADLINE_MARKED_RUNS and _headline_marked_full_line(lines[j], width))):
            j += 1
        run = lines[i:j]
        if len(run) >= MIN_UNPUNCTUATED_RUN and _opens_paragraph(lines[j] if j < len(lines) else None, width):
            marked = any(PUNCT_MARK.search(ln.text) for ln in run)
            for ln in run:
                ln.kind = "head"
                ln.because(HEADLINE_MARKED_RUN_REASON if marked else "head:unpunctuated_between_paragraphs")
        i = max(j, i + 1)


# A headline block set like a paragraph's opening: its first line centred (it measures short
# as an indented first line does), the rest full. Dev 1-40: two or three lines (pdftotext pages
# 3 and 21, raw and PyMuPDF page 3).
MIN_CENTRED_HEAD_BLOCK, MAX_CENTRED_HEAD_BLOCK = 2, 3
CENTRED_HEAD_REASON: Final = "head:centred_block_over_opening"


def mark_centred_head_blocks(page: Page) -> None:
    """Two or three body lines without a single clause mark, the first measuring short like a
    paragraph's indented first line and the rest full, with no body text above them (page
    furniture, a caption, a head line or the page's top, past blank lines or not) and a
    paragraph's opening (an indented line going on, a lead-in) next below them (past blank
    lines or not), are a headline block (right under a head line, with no blank between, such
    lines open the article's first paragraph instead) (dev page 3, all three dumps: `企业赞助体育的着眼点` /
    `最方便的产品奉献给消费者` under a jump line, over the indented `杜葵（柯达公司大中华区`;
    pdftotext page 21: `在十五大精神指引下` / `胜利前进——元旦献辞` / `——实事求是的思想路线`
    under a kicker, over a lead-in): a paragraph's full last line ends a sentence, and one that
    runs on does not run into another paragraph's opening.

    Dev 1-40 (`bench/line_roles.py`): pdftotext 5 lines (pages 3, 21), raw and PyMuPDF 2 lines
    (page 3), all head tiers in the gold. Body text so shaped stands under body text: pdftotext
    page 17's `对罗德—拉森的这一` / `任命是挪威于一周前宣布`, a paragraph cut at a column's foot
    under a finished one, over another article's indented paragraph; so what stands above must
    be no body line. Over a caption too (pdftotext page 26: `世行高级官员指出中国` /
    `是稳定亚洲金融积极因素`, a caption and then the article's lead-in under it) the block is a
    headline, but marked it sent page 26's threading astray (body 0.874 -> 0.598), so a caption
    below does not count. Dev headline_acc 1-20: pdftotext 0.7019 -> 0.7081, raw 0.8385 ->
    0.8447, PyMuPDF 0.8571 -> 0.8634; pdftotext 21-40 0.7436 -> 0.7500; body_char no half down."""
    lines, width = page.lines, page.column_width
    i = 0
    while i < len(lines):
        # (what stands above first: under body text, as most body lines stand, no block starts)
        j = _centred_block_end(lines, i, width) if lines[i].kind == "body" and _nothing_runs_on_above(lines, i) else 0
        if j and _opening_follows(lines, j, width):
            for ln in lines[i:j]:
                ln.kind = "head"
                ln.because(CENTRED_HEAD_REASON)
            i = j
        else:
            i += 1


def _centred_block_end(lines: list[Line], i: int, width: float) -> int:
    """The end (exclusive) of a block starting at line i: a line measuring as an indented
    first line, then full lines, all head-shaped (`could_be_head_line`, no clause mark), two or
    three in all; 0 when the lines there are not so."""
    if not (lines[i].kind == "body" and is_indented(lines[i], width)
            and not holds_clause_mark(lines[i].text) and could_be_head_line(lines[i])):
        return 0
    j = i + 1
    # one line past the most a block holds is enough to tell it is too long
    while (j < len(lines) and j - i <= MAX_CENTRED_HEAD_BLOCK and slack(lines[j], width) <= FULL_SLACK
           and could_be_head_line(lines[j])):
        j += 1
    n = j - i
    if not MIN_CENTRED_HEAD_BLOCK <= n <= MAX_CENTRED_HEAD_BLOCK:
        return 0
    if any(holds_clause_mark(ln.text) or opens_with_bullet(ln.text) for ln in lines[i:j]):
        return 0
    return j


def _nothing_runs_on_above(lines: list[Line], i: int) -> bool:
    """The nearest non-blank line above line i is no body line (or there is none), and no head
    line stands right against it: under a headline an indented line opens the article's first
    paragraph (`mark_lines_against_headlines`)."""
    if i and lines[i - 1].kind == "head":
        return False
    above = _line_above(lines, i)
    return above is None or above.kind != "body"


def _opening_follows(lines: list[Line], j: int, width: float) -> bool:
    """The nearest non-blank line from line j on opens a paragraph: a lead-in, or an indented
    line that goes on."""
    below = _line_below(lines, j)
    return below is not None and below.kind == "body" and _opens_paragraph(below, width)


def could_be_head_line(line: Line) -> bool:
    """A body line that finishes no sentence, ends on no clause mark, and is no lead-in, no
    bracketed note and names no reporter."""
    if line.kind != "body":
        return False
    t = strip_ws(line.text)
    return (bool(t) and unfinished(t) and "记者" not in t
            and LEAD_IN_REASON not in line.reasons and not is_bracketed_note(line))


