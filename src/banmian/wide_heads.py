"""Headline lines as wide as the body column, told from body lines by the page around them.

A kicker or headline line set across several columns holds about as many characters as a body
line, so by its shape alone (`classify_chunk`) it reads as a full body line; a dump without blank
lines (`pdftotext -raw`, PyMuPDF) prints it right after another column's text, so nothing sets it
off either, and the `head_context` rules, which look for a finished paragraph or a blank above
a headline block, miss it. These rules run after them and take such a line into the block by
what is left: the page prints its words a second time (a kicker quotes its article's body), a
dash joins it to the head line next to it, a word runs across into that head line, it sits
between a finished paragraph and a head block over a byline or lead-in, or it closes on a
bracketed time span (a forecast's period). Each records its reason on the lines it changes.

Dev 1-40 (`bench/line_roles.py`), gold head lines read as body: pdftotext 13 -> 8, raw 19 -> 5,
PyMuPDF 17 -> 3; gold body lines read as head unchanged (50, 15, 16).
"""
from __future__ import annotations

import re
from typing import Final

from banmian.head_context import INNER_SPACE
from banmian.language import spanning_word
from banmian.line_shape import FULL_SLACK, dash_subtitle_shape, ends_clause, opens_with_dash, separates_blocks, slack
from banmian.model import Line, Page
from banmian.pull_quotes import PULL_QUOTE_MIN_CHARS, quotes_clause
from banmian.rules.chars import (CLAUSE_MARKS, HEAD_DASHES, bmp_table, ends_sentence, in_bmp_table, is_round_closer, last_code_point,
                                  strip_ws)
from banmian.rules.furniture import LEAD_IN_REASON
from banmian.unpunctuated_heads import could_be_head_line, holds_clause_mark


def mark_wide_heads(page: Page) -> None:
    """Run the rules over the page, in order (later rules see earlier verdicts: a kicker over a
    forecast's headline is found once the headline is)."""
    mark_stray_dash_subtitles(page)
    if HEADS_OVER_SUBTITLES:
        mark_heads_over_subtitles(page)
    mark_dash_joined_heads(page)
    mark_time_span_heads(page)
    mark_quoted_lines_over_heads(page)
    mark_wide_lines_over_head_blocks(page)
    mark_word_split_over_heads(page)
    mark_body_run_into_heads(page)


STRAY_DASH_REASON: Final = "head:dash_subtitle_stray"


def mark_stray_dash_subtitles(page: Page) -> None:
    """A body line opening with a subtitle's dash and holding no sentence end
    (`line_shape.dash_subtitle_shape`) is a subtitle wherever the context rules left it: over a
    byline under a headline read as body (dev raw and PyMuPDF page 15: `迈向充满希望的新世纪` /
    `——一九九八年新年讲话` / `中共中央总书记、国家主席江泽民`), or printed into its article's
    text (pdftotext page 36: `——配以喜气洋洋的音乐` between two body blocks). Every line
    opening with a dash in the dev dumps (pages 1-40, three extractors) is a headline tier in
    the gold. Fires on raw and PyMuPDF page 15 (and 21, 22, 32 in the closing run of headlines
    that `heads_tail` reads head anyway), pdftotext page 36. Run after the context rules: marked
    head in `classify_chunk` already, the line took page 32's `经济结构调整要锲而不舍—` out of the
    open block rule's reach (pdftotext headline_acc 21-40 0.7564 -> 0.7500)."""
    for ln in page.lines:
        if dash_subtitle_shape(ln):
            ln.kind = "head"
            ln.because(STRAY_DASH_REASON)


# A subtitle's dash line stands under its headline: a body line right over a head line opening
# with a dash (`line_shape.opens_with_dash`) that holds no clause mark (SENTENCE_MARKS), ends on
# none (`unpunctuated_heads.could_be_head_line`) and is no lead-in is that headline's last line,
# however wide (simulated raw TRAIN pages 44, 73, 74, 124, 180, 195, 251, 290: `…否则不能在市场
# 销售。` / `151封信：一封一万元` / `——尚美英说她有些东西要卖`; `…新华社记者唐召明摄）` /
# `您选什么样的电话机` / `——电话局还免费赠送一部`). Of such body lines on TRAIN raw pages 1-300,
# 10 are gold head lines; the 3 body lines end on a colon (`151封举报信：` over `———工商行政管理局…`,
# a dash opening a list), left out. Raw and PyMuPDF only (`mark_heads_over_subtitles`). On dev
# 1-40 raw and PyMuPDF it fires on pages 8, 15, 20, 21, 22 (`迈向充满希望的新世纪` /
# `——一九九八年新年讲话`), lines other rules make head anyway: no output changes. headline_acc
# TRAIN raw 1-40 / 41-300 .8205 / .8226 -> .8237 / .8264, PyMuPDF .8205 / .8208 -> .8237 / .8245
# (exact and byline up, body within .0001); sim VAL raw / PyMuPDF 41-120 .8092 / .8204 -> .8108 /
# .8219, 1-40 and pdftotext unchanged.
HEADS_OVER_SUBTITLES = True  # switch (tests)
OVER_SUBTITLE_REASON: Final = "head:over_dash_subtitle"
# the clause marks, a question or exclamation mark too, but not the colon a headline may hold
# (`151封信：一封一万元`)
SENTENCE_MARKS: Final = frozenset(CLAUSE_MARKS + "！？") - {"："}
# ...a subtitle's words after its dash: a dash alone is a line of text cut short (simulated
# pdftotext TRAIN pages 103, 156: `路快车营业站间联网售票——` / `－`)
MIN_SUBTITLE_CHARS: Final = 2


def mark_heads_over_subtitles(page: Page) -> None:
    """Make each body line right over a head line opening with a dash that could be a head line
    (`could_be_head_line`) and holds no SENTENCE_MARKS a head line (see OVER_SUBTITLE_REASON),
    in a dump without blank lines (`line_shape.separates_blocks`: pdftotext sets a head block
    off by blank lines, and there it fired on TRAIN pages 74 and 283, a body line and a
    notice's title, losing an article)."""
    if separates_blocks(page):
        return
    lines = page.lines
    for above, ln in zip(lines, lines[1:]):
        t = strip_ws(ln.text)
        if (ln.kind == "head" and above.kind == "body" and opens_with_dash(t)
                and len(t.lstrip("".join(HEAD_DASHES))) >= MIN_SUBTITLE_CHARS
                and could_be_head_line(above) and SENTENCE_MARKS.isdisjoint(above.text)):
            above.kind = "head"
            above.because(OVER_SUBTITLE_REASON)


DASH_JOINED_REASON: Final = "head:dash_joins_head"
LEADING_DASHES: Final[tuple[str, ...]] = HEAD_DASHES  # what a headline line leading into its next line ends on
# LEADING_DASHES (single characters of the Basic Multilingual Plane) by code point: the last
# characters `mark_dash_joined_heads` reads off every line
_LEADING_DASH_AT: Final = bmp_table(LEADING_DASHES)


def mark_dash_joined_heads(page: Page) -> None:
    """A headline line ending on a dash leads into the next line of its block (`边界上，两国国旗
    同降——` / `印巴瓦加边界降旗仪式参观记`; `改革平稳发展——` / `’97财金大势回眸`): the body line
    right under a head line so ending, and the body line so ending right over a head line, is
    that block's when it could be a headline's (`could_be_head_line`). A head line that a body
    line runs on into (no sentence end over it) is left alone: a body line cut short (dev raw
    page 4: `年招待费少说一两万；如今，` / `这里实行了———`). Dev 1-40, three dumps: every head
    line ending on a dash has a gold head line under it (pages 3, 6, 11, 32, 34, 35); the body
    lines ending on one (a dash between two numbers, `1987年—` / `1997年`) stand between body
    lines. Fires on raw and PyMuPDF page 11 (and 32, in the closing run of headlines that
    `heads_tail` reads head anyway), pdftotext page 35."""
    lines = page.lines
    for k in range(len(lines) - 1):
        above, below = lines[k], lines[k + 1]
        if not in_bmp_table(last_code_point(above.text), _LEADING_DASH_AT):  # `.rstrip().endswith(LEADING_DASHES)`
            continue
        if above.kind == "head" and could_be_head_line(below) and not _body_runs_into(lines, k):
            below.kind = "head"
            below.because(DASH_JOINED_REASON)
        elif below.kind == "head" and could_be_head_line(above):
            above.kind = "head"
            above.because(DASH_JOINED_REASON)


def _body_runs_into(lines: list[Line], k: int) -> bool:
    """The line right over line k is a body line that finishes no sentence: it runs on into k."""
    above = lines[k - 1] if k else None
    return above is not None and above.kind == "body" and bool(above.text.strip()) and not ends_sentence(above.text)


TIME_SPAN_REASON: Final = "head:time_span_note"
# A bracketed date or time span closing a line: a headline's period of validity (`明天气象预报
# （1月6日20时—7日20时）`, dev pages 5, 29 and 36 in every dump; on pages 5 and 36 one line wider
# than the column, read as head by its width). Running text names a span without brackets
# (`13日—15日，`): on dev 1-40 no body line closes on such a bracket.
TIME_SPAN_NOTE: Final = re.compile(r"[（(](?:\d+月)?\d+日(?:\d+时)?[—－～~-]+(?:\d+月)?\d+日(?:\d+时)?[）)]$")


def mark_time_span_heads(page: Page) -> None:
    """A body line closing on a bracketed date or time span (TIME_SPAN_NOTE), with the body
    line over it when the bracket opens there, is a headline's when neither holds a clause
    mark: a forecast's headline broken over two lines (dev page 29, every dump: `明天气象预报
    （1月6` / `日20时—7日20时）`), which the bracket at the line's end had read as a body note."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "body" or not is_round_closer(last_code_point(ln.text)):  # `.rstrip().endswith(("）", ")"))`
            continue
        run, t = [ln], strip_ws(ln.text)
        if "（" not in t and "(" not in t and i and lines[i - 1].kind == "body":
            run.insert(0, lines[i - 1])
            t = strip_ws(lines[i - 1].text) + t
        if TIME_SPAN_NOTE.search(t) and not any(holds_clause_mark(x.text) for x in run):
            for x in run:
                x.kind = "head"
                x.because(TIME_SPAN_REASON)


QUOTED_OVER_HEAD_REASON: Final = "head:quoted_over_head"
# The lines over a head or byline line taken so, at most: a kicker's one or two lines (a headline
# block runs to four lines, `unpunctuated_heads.MAX_HEAD_RUN`, the head lines under them among them).
MAX_QUOTED_LINES_OVER_HEAD: Final = 2
_HEAD_BELOW_KINDS: Final = ("head", "byline")  # what the quoted lines stand right over


def mark_quoted_lines_over_heads(page: Page) -> None:
    """A body line right over a head or byline line (no blank between) that could be a
    headline's and holds no clause mark (`_head_shape`), and whose words the page prints a
    second time up to a clause's end (`repeated_on_page`), is a line of that headline block: a
    kicker quoting its article's body (the dev gold: 101 of 124 kickers and subtitles repeat a
    body clause), where a body line's words seldom stand twice on a page (dev raw page 12:
    `占全省商业贷款增量的48.77%` over `甘肃工行大力` / `扶持商业企业`, its article repeating it;
    page 24: `而不是简单多数的支持` over a two-line headline). Walked up from the head line, one
    or two lines (page 29: `要有“拼”的精神` / `敢走别人没有走过的路` over the byline).

    Dev 1-40, before this rule: body lines of that shape whose words recur on the page up to a
    clause end are, in pdftotext, 6 gold body lines; in raw and PyMuPDF each, 7 gold body lines
    (an article printed twice, a law quoting another) and 8 gold head lines, of which the 5 right
    over a head or byline line are all the head lines and none of the body lines. The rule
    fires on raw and PyMuPDF pages 12, 13, 15, 24, 29 (three lines), 34, and 21, 22, 32 in the
    page's closing run of headlines (read head later by `heads_tail` anyway): 11 lines per dump,
    all gold head tiers; on no pdftotext line."""
    lines = page.lines
    text: _PageText | None = None  # built for the first line of head shape only
    for i in range(len(lines) - 1, 0, -1):
        if lines[i].kind not in _HEAD_BELOW_KINDS or lines[i - 1].kind != "body":
            continue
        j = i - 1
        while j >= 0 and i - j <= MAX_QUOTED_LINES_OVER_HEAD and _head_shape(lines[j]):
            text = text or _PageText(lines)
            if not text.repeated(j):
                break
            lines[j].kind = "head"
            lines[j].because(QUOTED_OVER_HEAD_REASON)
            j -= 1


def _head_shape(line: Line) -> bool:
    """A body line that could be a headline's (`could_be_head_line`) and holds no clause mark."""
    return could_be_head_line(line) and not holds_clause_mark(line.text)


class _PageText:
    """The page's text, whitespace stripped and lines run together (a body clause broken over
    lines is found whole), with where each line starts in it."""

    def __init__(self, lines: list[Line]) -> None:
        self.texts = [strip_ws(ln.text) for ln in lines]
        self.starts = []
        at = 0
        for t in self.texts:
            self.starts.append(at)
            at += len(t)
        self.full = "".join(self.texts)

    def repeated(self, i: int) -> bool:
        """`repeated_on_page` of line i."""
        return repeated_on_page(self.texts[i], self.starts[i], self.full)


def repeated_on_page(t: str, own: int, full: str) -> bool:
    """The line's text `t` (printed at offset `own` of the page text `full`) stands a second
    time in the page text, not overlapping its own place, ending where a clause ends (before a
    punctuation mark or at the text's end, `pull_quotes.quotes_clause`), and is long enough
    (PULL_QUOTE_MIN_CHARS) not to be a word or two that recur by chance."""
    if len(t) < PULL_QUOTE_MIN_CHARS:
        return False
    at = full.find(t)
    while at >= 0:
        if (at + len(t) <= own or at >= own + len(t)) and quotes_clause(t, full[at:at + len(t) + 1]):
            return True
        at = full.find(t, at + 1)
    return False


WIDE_OVER_HEAD_BLOCK_REASON: Final = "head:wide_line_over_head_block"
# The head lines between the wide line and the byline or lead-in under them: a headline of one to
# three lines (a block runs to four, `unpunctuated_heads.MAX_HEAD_RUN`, the wide line among them).
MAX_HEADS_UNDER_WIDE_LINE: Final = 3


def mark_wide_lines_over_head_blocks(page: Page) -> None:
    """A body line as wide as the column or wider that could be a headline's and holds no
    clause mark (`_head_shape`), right over one to three head lines that stand right over a
    byline line or a lead-in, with nothing running on into it from above (a finished sentence,
    no body line), is the headline block's first line (dev raw page 30: `姊妹圆了离别36年的梦。`
    / `广东资助百名贫困女大学生` / `学习汇报等信件寄到广东省妇联` / `张丽玲`; page 13:
    `30位作者分别获银笔奖` over `当代企业改革论` / `坛首届年会召开` over `本报讯…`). A full body
    line under a finished sentence runs on into the line below, and a headline block over a
    byline or lead-in is nothing to run on into; a paragraph's short opening (indented) at a
    column's foot may stand there, so a short line is left alone (`head_context._closes_text`
    says what a finished sentence over any line next to a head line did). Dev 1-40, three
    dumps: fires on raw and PyMuPDF pages 13 (alone; `mark_quoted_lines_over_heads` takes it
    first) and 30, both gold head lines; the body line of that shape under a finished sentence
    (page 39: `与这十大伙伴的贸易总额为`) stands over a run of headlines, no byline under them."""
    lines, width = page.lines, page.column_width
    for i, ln in enumerate(lines):
        if not _under_head_block(ln):
            continue
        j = i - 1
        while j >= 0 and lines[j].kind == "head" and i - j <= MAX_HEADS_UNDER_WIDE_LINE:
            j -= 1
        if j == i - 1 or j < 0 or lines[j].kind == "head":
            continue
        x = lines[j]
        if _head_shape(x) and slack(x, width) <= FULL_SLACK and not _body_runs_into(lines, j):
            x.kind = "head"
            x.because(WIDE_OVER_HEAD_BLOCK_REASON)


def _under_head_block(line: Line) -> bool:
    """A byline line or a lead-in: what stands under a headline block."""
    return line.kind == "byline" or (line.kind == "body" and LEAD_IN_REASON in line.reasons)


WORD_INTO_HEAD_REASON: Final = "head:word_runs_on_into_head"


def mark_word_split_over_heads(page: Page) -> None:
    """A body line that could be a headline's and holds no clause mark (`_head_shape`), right
    over a head line that a dictionary word runs on into (`我国对外贸易持续增长去年进` /
    `出口总值逾三千二百五十亿美元`: 进出口), is that headline's first line: the mirror of
    `head_context.mark_word_split_pairs` (a head line over a body line), which runs first. A
    body line with a clause mark is left alone: body text run on into a line wrongly read as a
    head (dev pdftotext page 2: `体制改革，继续扩大金融对` / `外开放`; page 12). Fires on raw
    and PyMuPDF page 16 only."""
    lines = page.lines
    for above, ln in zip(lines, lines[1:]):
        if ln.kind != "head" or not _head_shape(above) or INNER_SPACE.search(ln.text.strip()):
            continue
        if spanning_word(strip_ws(above.text), strip_ws(ln.text), hmm=False):
            above.kind = "head"
            above.because(WORD_INTO_HEAD_REASON)


# A paragraph's line that a dictionary word runs on into from the full body line above it (the
# line above ends on no clause mark) is that paragraph's text, however short or wide it reads:
# the mirror, for body text, of `mark_word_split_over_heads`, whose docstring left these alone.
# A short paragraph end (`特别能战斗的高素` / `质的执纪执法队伍`, an unpunctuated last line: sim
# TRAIN raw pages 35, 126, 128; `展，主要表现为三` / `种理论。请看———`, 61, 293; `看本报记者采
# 访拍` / `摄的——－`, 245) read as a headline cut the article there and gave its rest a head of
# its own body, its real head the opening's. Sim TRAIN 1-300, lines read head (or byline) under a
# full unfinished body line, a word across the break: raw 30 body text, 1 head (page 210, a
# two-column row, its inner gap left alone); PyMuPDF 30 / 0; pdftotext 33 / 3; dev 1-40: raw and
# PyMuPDF none, pdftotext 2 / 1. Sim TRAIN 41-300 headline_acc raw .8347 -> .8389, PyMuPDF
# .8319 -> .8361, pdftotext .6839 -> .6853; sim VAL 1-40 raw .8112 -> .8171, PyMuPDF .8260 -> .8319.
RUN_INTO_REASON: Final = "body:word_runs_on_from_body"


def mark_body_run_into_heads(page: Page) -> None:
    """A head or byline line (no inner gap) under a full-width body line that ends on no clause
    mark, a dictionary word running across the break, is the body's next line."""
    lines, width = page.lines, page.column_width
    for above, ln in zip(lines, lines[1:]):
        if ln.kind not in ("head", "byline") or above.kind != "body" or INNER_SPACE.search(ln.text.strip()):
            continue
        a = strip_ws(above.text)
        if not a or ends_clause(a) or slack(above, width) > FULL_SLACK:
            continue
        if spanning_word(a, strip_ws(ln.text), hmm=False):
            ln.kind = "body"
            ln.because(RUN_INTO_REASON)
