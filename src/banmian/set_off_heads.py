"""Short headline blocks set off by blank lines, in dumps where blank lines separate blocks
(pdftotext's, `separates_blocks`): one or two unfinished lines over a byline, one or two lines
opening at full width without a clause mark over headline matter, and a pair of short lines
balanced in length holding no mark but a headline's. The shape tests they read are
`unpunctuated_heads`'; the rules are run by `head_context.mark_context_heads`, and each records
its reason on the lines it changes.
"""
from __future__ import annotations

from typing import Final

from banmian.line_shape import FULL_SLACK, comma_marks, separates_blocks, slack
from banmian.model import Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import LEAD_IN_REASON
from banmian.unpunctuated_heads import (HEADLINE_MARKS, MAX_HEAD_RUN_MARKS, PUNCT_MARK, could_be_head_line, holds_clause_mark,
                                        is_bracketed_note)
# The most lines of a text block set off over a byline read as its headline: a headline and its
# subtitle (dev page 29: `要有“拼”的精神` / `敢走别人没有走过的路`, blank, `中共伊克昭盟委员会书记邢云`).
# Dev pdftotext 1-40: such blocks of one or two lines over a byline are that one, a bracketed
# photo credit (page 5, kept out) and a paragraph's end (page 9: `亲爱的读者，请与我们同` / `行。`,
# a sentence end); longer ones are text. Pdftotext 21-40 head 0.7115 -> 0.7180, byline 0.7885 ->
# 0.7949, para 0.8229 -> 0.8209 (the author's note under the byline, the gold's first paragraph,
# stays apart), body unchanged.
MAX_HEAD_BLOCK_OVER_BYLINE: Final = 2


def mark_head_blocks_over_bylines(page: Page) -> None:
    """Where blank lines separate blocks, a block of one or two body lines that all finish no
    sentence and end on no clause mark, set off by blank lines, right over a byline line (a
    blank line between), is that byline's headline block: pdftotext prints a headline, its
    byline and the body as blocks of their own, and a text block of body lines ends a paragraph
    or runs on into the next block, never into a byline (dev page 29: `要有“拼”的精神` /
    `敢走别人没有走过的路` over `中共伊克昭盟委员会书记邢云`, the body then starting under it)."""
    if not separates_blocks(page):
        return
    lines = page.lines
    for i in range(2, len(lines)):
        if lines[i].kind != "byline" or lines[i - 1].text.strip():
            continue
        j = i - 2
        run: list[Line] = []
        while j >= 0 and lines[j].text.strip() and len(run) <= MAX_HEAD_BLOCK_OVER_BYLINE:
            run.append(lines[j])
            j -= 1
        if not run or len(run) > MAX_HEAD_BLOCK_OVER_BYLINE:
            continue
        if all(could_be_head_line(ln) for ln in run) and sum(comma_marks(ln.text) for ln in run) <= MAX_HEAD_RUN_MARKS:
            for ln in run:
                ln.kind = "head"
                ln.because("head:block_over_byline")


# A block set off above by a blank line (or the page's header), opening at full width, of this
# many body lines at most and without a clause mark is a headline when headline matter stands
# below it. Dev pdftotext pages 1-40, blocks so shaped: 9, 8 of them headlines and 1 a byline
# (page 35: `中国人民银行行长戴相龙`, a caption right under it), none body text: a column piece
# of body text that short opens a paragraph (indented) or ends one (a clause mark).
MAX_OPEN_BLOCK_LINES: Final = 2
# What stands above the block: a blank line or the page's header (dev page 40: `第2版` over
# `从短缺走向平衡——菜篮`).
_OPEN_BLOCK_LEADERS: Final = ("blank", "header")
# What stands below it: a byline right against it, or past one blank line a head line, a byline,
# a lead-in or the page's end. Of the 9 blocks, 7 so, all headlines (pages 6, 12, 32 twice, 34,
# 37, 40). Not page 35's byline (a caption against it) nor page 8's headline (`国之枢纽气象新——
# 中央国家机` / `关开展『三优一满意』活动综述`, printed between two paragraphs of another
# article's column, over an indented paragraph): marked, it sent page 8's threading astray
# (body 0.890 -> 0.621), so a block over body text is left to the threading. A block with a
# head line right against it is `head_context.mark_lines_against_headlines`' to take.
_HEAD_MATTER_KINDS: Final = ("head", "byline")
# A bracketed note opens with a bracket: a photo credit (`（新华社记者樊如钧` / `摄）`), a date line
# (`（一九九七年十二月` / `三十一日）`), dev pages 5, 15, 22, 25; a headline may close on a bracket
# (`子工程建设十年述评（上）`, page 40) but on dev none opens with one.
NOTE_OPENERS: Final[tuple[str, ...]] = ("（", "(")


def mark_open_unpunctuated_blocks(page: Page) -> None:
    """Where blank lines separate blocks, a block of one or two body lines under a blank line or
    the page's header, opening at full width, without a clause mark (，。、；：？！), over a
    byline, or over a blank line and then a head line, a byline, a lead-in or the page's end, is
    a headline set in a larger face (dev page 32: `经济结构调整要锲而不舍—` / `—三论今年经济工作主要
    任务` over `本报评论员`; page 40: `从短缺走向平衡——菜篮` / `子工程建设十年述评（上）` over
    another headline; page 37: `郑州我怎么对你说……` over its byline). Such a line holds about as
    many characters as a body line and measures full width, but body text at full width is
    mid-paragraph and runs on. The page is walked from its foot, so a block over another such
    block (page 32: `原则上不新上一般工业项目` over `经济结构调整要锲而不舍—`) sees it marked."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    j = len(lines)
    while j > 0:
        i = j
        while i > 0 and lines[i - 1].kind == "body" and lines[i - 1].text.strip():
            i -= 1
        if i < j and _open_unpunctuated_block(lines, i, j, width):
            for ln in lines[i:j]:
                ln.kind = "head"
                ln.because("head:open_unpunctuated_block")
        j = i - 1 if i == j else i


def _open_unpunctuated_block(lines: list[Line], i: int, j: int, width: float) -> bool:
    """Whether body lines i..j-1 are a headline's block: few, under a blank or the header,
    opening at full width and with no clause mark, over headline matter (`_heads_below`)."""
    if j - i > MAX_OPEN_BLOCK_LINES or i == 0 or lines[i - 1].kind not in _OPEN_BLOCK_LEADERS:
        return False
    if slack(lines[i], width) > FULL_SLACK or lines[i].text.lstrip().startswith(NOTE_OPENERS):
        return False
    if any(holds_clause_mark(ln.text) or "记者" in ln.text or LEAD_IN_REASON in ln.reasons for ln in lines[i:j]):
        return False
    return _heads_below(lines, j)


def _heads_below(lines: list[Line], j: int) -> bool:
    """Line j is a byline, or a blank line with a head line, a byline, a lead-in or the page's
    end after it; or the page ends at j."""
    if j >= len(lines) or lines[j].kind == "byline":
        return True
    if lines[j].kind != "blank":
        return False
    if j + 1 >= len(lines):
        return True
    below = lines[j + 1]
    return below.kind in _HEAD_MATTER_KINDS or (below.kind == "body" and LEAD_IN_REASON in below.reasons)


# `mark_balanced_pairs`: a block of two short lines balanced in length, set off by blank lines
# and holding no mark but a headline's, is a headline broken in two (pdftotext dumps).
BALANCED_PAIRS = True  # switch (tests)
BALANCED_PAIR_REASON: Final = "head:balanced_pair_set_off"
# How much longer the second line may be than the first, in characters (a headline is broken to
# balance: of the gold two-line headlines of simulated TRAIN 1-300, 1640 of 1766 have a second
# line as long as the first or one character longer).
BALANCED_PAIR_SLACK: Final = 1.0
# The second line is at least this much narrower than the column, in em: a justified body line
# fills it (a line of text is short only where it ends a paragraph or opens one indented).
BALANCED_PAIR_MIN_SLACK: Final = 1.0
# The first line holds at least this many characters (a line or two of a word is a stub).
BALANCED_PAIR_MIN_CHARS: Final = 4


def _balanced_pair(first: Line, second: Line, width: float) -> bool:
    """Two body lines, neither a lead-in nor a bracketed note, holding no mark but a headline's
    (HEADLINE_MARKS), the second as long as the first or up to BALANCED_PAIR_SLACK longer and
    BALANCED_PAIR_MIN_SLACK short of the column's width."""
    if first.kind != "body" or second.kind != "body":
        return False
    if any(LEAD_IN_REASON in ln.reasons or is_bracketed_note(ln) for ln in (first, second)):
        return False
    if any(ch not in HEADLINE_MARKS for ln in (first, second) for ch in PUNCT_MARK.findall(ln.text)):
        return False
    gap = second.width - first.width
    return (len(strip_ws(first.text)) >= BALANCED_PAIR_MIN_CHARS and 0 <= gap <= BALANCED_PAIR_SLACK
            and slack(second, width) >= BALANCED_PAIR_MIN_SLACK)


def mark_balanced_pairs(page: Page) -> None:
    """Where blank lines separate blocks, a block of exactly two body lines with a blank line
    right above and right below that is a `_balanced_pair` is a headline broken in two: a
    headline set in one column, larger than the text, each line short of the column, the second
    as long as the first or a character longer. A body piece of two lines is an indented opening
    over a full line, a full line over its paragraph's end, or holds a clause mark. Read as body
    (`body:indented_first_line`, `body:full_width`: a line one em short passes for full), such
    headlines ran into the text of their own article or a neighbour's (simulated TRAIN
    pdftotext: `科恩在记者招待会上说` / `访华将推动中美关系发展`; of the two-line unpunctuated
    blocks read as body on TRAIN 1-300, 18 gold headlines and 39 body pieces, none of these
    balanced so). Fires on TRAIN pages 23, 38, 43, 50, 53, 62, 74, 90, 93, 140, 151, 168, 192,
    224, 272, 300: headline_acc 1-40 / 41-300 0.7180 / 0.6853 -> 0.7244 / 0.6923, byline 41-300
    0.8035 -> 0.8059, exact 0.5801 / 0.5563 -> 0.5833 / 0.5568, body 41-300 0.8298 -> 0.8303
    (page 300 loses an exact article and a byline to the threading after it). Sim VAL 1-40
    headline 0.6283 -> 0.6342, byline 0.7699 -> 0.7670, body 0.8218 -> 0.8214; 41-120 unchanged.
    Set off by a caption or a head line below (not a blank line), the rule also took dev pages
    6 and 26's headlines, rightly, but their articles' threading went astray (dev page 26 body
    0.88 -> 0.60); with blank lines on both sides dev 1-40 is unchanged (never fires)."""
    if not BALANCED_PAIRS or not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    for i in range(1, len(lines) - 2):
        first, second = lines[i], lines[i + 1]
        if lines[i - 1].text.strip() or lines[i + 2].text.strip():
            continue
        if _balanced_pair(first, second, width):
            for ln in (first, second):
                ln.kind = "head"
                ln.because(BALANCED_PAIR_REASON)
