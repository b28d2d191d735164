"""Headline lines told from body lines by what stands around them.

The classify stage first judges each line by its own shape; these rules then look at its
neighbours: what a byline line, a lead-in or a paragraph opening has right above it, runs of
lines without a single mark between finished paragraphs, a short line closing a block under a
finished sentence (the rules for lines that name people are in `name_lines`). Each records its
reason on the lines it changes.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.head_breaks import closes_open_mark
from banmian.language import spanning_word
from banmian.line_shape import (CLAUSE_END, FULL_SLACK, comma_marks, is_indented, ends_clause, separates_blocks,
                                slack, unfinished)
from banmian.model import Line, Page
from banmian.name_lines import (mark_body_signatures, mark_credit_lines_between_bylines, mark_names_run_on_from_heads, mark_names_over_headlines, mark_names_under_headlines,
                                mark_names_under_subtitles, mark_pen_names_over_paragraphs, mark_pen_names_set_off,
                                mark_signatures)
from banmian.rules.chars import CJK_PUNCT, CLOSERS, ends_sentence, strip_ws


# A headline may end on an ellipsis (dev page 37: `郑州我怎么对你说……` over `本报记者王慧敏`, set
# off above by a blank line); over a byline it is still the headline's last line. Dev 1-40: that
# line only (pdftotext), which had been read as the body's first line; pdftotext 21-40 body
# 0.8389 -> 0.8392, the rest unchanged.
TRAILING_ELLIPSIS: Final = "…"


def mark_heads_above_bylines(page: Page) -> None:
    """A body line right above a byline line (no blank between) that neither ends a clause nor
    holds a sentence end, and that no body line runs into, is the last line of a headline block
    (dev page 37: the subtitle `——这句北京话的寓意` over `赵浩生`; page 14: a headline as wide
    as the column over `张国成`). Body text runs on into the next line; a byline follows only a
    headline or a finished paragraph. Two lines without a single mark over a byline line are
    both its headline's even where the line above them runs on (`_unpunctuated_pair`)."""
    lines = page.lines
    for i in range(1, len(lines)):
        if lines[i].kind != "byline":
            continue
        above = lines[i - 1]
        if above.kind != "body" or not above.text.strip() or "body:lead_in" in above.reasons:
            continue
        t = strip_ws(above.text)
        if not unfinished(t.rstrip(TRAILING_ELLIPSIS)):
            continue
        before = lines[i - 2] if i >= 2 else None
        if before is not None and before.kind == "body" and before.text.strip() and not ends_sentence(before.text):
            if not _unpunctuated_pair(before, above) and not _headline_marked_pair(before, above):
                continue  # a paragraph runs on into the line: the line below is no byline's
            before.kind = "head"
            before.because("head:above_byline")
        above.kind = "head"
        above.because("head:above_byline")


# A headline line may end on an exclamation, a colon or an ellipsis and still measure nearly a
# column (`…老师，您辛苦了！`, `…危机的启示：`, `…怎么对你说……`): dev pages 9, 35 and 37 in all
# three dumps, read as body because `mark_colon_heads` takes short lines only and
# `mark_heads_above_bylines` no clause-ended ones. Right over a head or byline line (no blank
# between) it opens a headline block unless it opens a paragraph under a finished one: the body
# lines of that shape on dev 1-40 (`图片：` pages 6 and 35, `本版新闻热线寻呼：` page 37, each in all
# three dumps) stand under a sentence end or a closing bracket; with a blank line between (pdftotext
# pages 9, 31, 35) they are body too. Dev 1-40: fires on those 3 headline lines per dump (8 lines,
# pdftotext p37 was already head), on no body line; 21-40 body pdftotext 0.8688 -> 0.8690, raw
# 0.9937 -> 0.9941, PyMuPDF 0.9890 -> 0.9892 (with the series rule below), 1-20 unchanged.
HEAD_CLAUSE_ENDS: Final[tuple[str, ...]] = ("！", "!", "：", ":", TRAILING_ELLIPSIS)
_OPEN_ABOVE_KINDS: Final = ("head", "continued")  # what may stand over such a headline line besides unfinished body
CLAUSE_ENDED_HEAD_REASON: Final = "head:clause_ended_over_head"


def mark_clause_ended_heads_over_heads(page: Page) -> None:
    """A body line ending on ！, ： or … (HEAD_CLAUSE_ENDS) right over a head or byline line is
    a headline's line when nothing finished stands over it: the page's top, a head or
    continuation line, or a body line that runs on (a column break, no sentence end, no
    closing bracket)."""
    lines = page.lines
    for i in range(len(lines) - 1):
        ln = lines[i]
        if ln.kind != "body" or lines[i + 1].kind not in ("head", "byline"):
            continue
        t = strip_ws(ln.text)
        if not t.endswith(HEAD_CLAUSE_ENDS) or "body:lead_in" in ln.reasons:
            continue
        above = _line_above(lines, i)
        if above is None or above.kind in _OPEN_ABOVE_KINDS or (above.kind == "body" and _runs_on(above)):
            ln.kind = "head"
            ln.because(CLAUSE_ENDED_HEAD_REASON)


def _line_above(lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line above line i."""
    for k in range(i - 1, -1, -1):
        if lines[k].text.strip() and lines[k].kind != "blank":
            return lines[k]
    return None


def _line_below(lines: list[Line], j: int) -> Line | None:
    """The nearest non-blank line from line j on."""
    for k in range(j, len(lines)):
        if lines[k].text.strip() and lines[k].kind != "blank":
            return lines[k]
    return None


def _runs_on(line: Line) -> bool:
    """A body line that ends on no clause mark, no closing bracket and holds no sentence end."""
    t = strip_ws(line.text)
    return bool(t) and unfinished(t) and t[-1] not in CLOSERS


# A serial article's headline closes on its part mark (`…述评（上）`, `…大商业（下）`): dev pages 12
# and 40 in all three dumps, read as body there (a closing bracket reads as a note's end). Dev
# 1-40 holds no body line ending on such a mark, in any dump. Fires on pdftotext p12 (p40 already
# head there) and raw / PyMuPDF p40 (the mark's line and `…平衡——菜篮` over it); headline_acc up
# in every half touched, body_char unchanged or up.
SERIES_PART_MARK: Final = re.compile(r"[（(][上中下][）)]$")
SERIES_PART_REASON: Final = "head:series_part_mark"


def mark_series_part_heads(page: Page) -> None:
    """A body line ending on a series part mark (SERIES_PART_MARK) with no clause mark
    (HEAD_CLAUSE_MARKS) before it is a headline's last line; so is the body line right over it that
    runs on into it the same way (a headline broken over two lines: `…平衡——菜篮` /
    `子工程建设十年述评（上）`)."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "body" or ln.text.rstrip()[-1:] not in "）)":
            continue
        t = strip_ws(ln.text)
        m = SERIES_PART_MARK.search(t)
        if m is None or not t[:m.start()] or holds_clause_mark(t[:m.start()]) or "body:lead_in" in ln.reasons:
            continue
        ln.kind = "head"
        ln.because(SERIES_PART_REASON)
        above = lines[i - 1] if i else None
        if above is not None and above.kind == "body" and _runs_on(above) and "body:lead_in" not in above.reasons:
            above.kind = "head"
            above.because(SERIES_PART_REASON)


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


def _unpunctuated_pair(before: Line, above: Line) -> bool:
    """Two lines without a single mark between them: body text seldom runs so long without
    one (MIN_UNPUNCTUATED_RUN), a two-line headline does; over a byline line they are its
    headline, whatever stands above them (dev raw page 33: `泰铢贬值国际炒家兴风作浪` /
    `经济联动东亚金融险象环生` over `钟行`, printed into another article's column; pages 11,
    14)."""
    return _PUNCT_MARK.search(before.text) is None and _PUNCT_MARK.search(above.text) is None


# A headline broken over two lines may hold a dash, quotes or title marks (`雄师抗震歌——子弟兵` /
# `在张家口抗震救灾第一线`, `“一把手工程”——沈` / `阳市地税局队伍建设纪实`, `彩墨传真情——记泰国` /
# `华侨、著名画家林耀先生`… over `本报记者段心强`), marks that set words off but end no clause. Over a
# byline line two lines holding no other mark are its headline as `_unpunctuated_pair`'s are
# (`_headline_marked_pair`); read as body they ran into the article above (simulated raw TRAIN
# pages 28, 53, 62, 122, 217, 269, 299, which print each body before its headline; 18 TRAIN raw
# pages gain headlines or exact articles, of every draw order, none loses; dev 1-40 unchanged).
HEADLINE_MARKS: Final = frozenset("—“”‘’《》『』「」·")


def _headline_marked_pair(before: Line, above: Line) -> bool:
    """Two lines over a byline line whose only marks are HEADLINE_MARKS, one of them holding at
    least one: a two-line headline with a dash or quoted words."""
    marks = [ch for ln in (before, above) for ch in ln.text if _PUNCT_MARK.match(ch)]
    return bool(marks) and all(ch in HEADLINE_MARKS for ch in marks)


# Headline blocks run to four lines (kicker, a two-line headline, subtitle) and hold at most one
# comma-like mark (`警惕，又到公款送礼时`); body lines hold one every line or two.
MAX_HEAD_RUN: Final = 4
MAX_HEAD_RUN_MARKS: Final = 1
# Two lines in a row without any mark: one seldom in body text, two a headline's shape.
MIN_UNPUNCTUATED_RUN: Final = 2
_PUNCT_MARK: Final = re.compile("[" + re.escape("".join(sorted(CJK_PUNCT)) + ",.;:?!()") + "]")


def _unfinished_run_above(lines: list[Line], i: int) -> list[Line]:
    """The body lines right above line i that hold no sentence end and end on no clause mark,
    nearest first, when a finished paragraph, a blank line, page furniture or the top of the
    page stands above them (else none: a paragraph runs on into them, unless the two nearest
    hold no mark at all, `_unpunctuated_pair`: then those two, dev raw page 25: `中国围棋天元
    战产生` / `八强陈祖德聂卫平入围` over a lead-in, under text cut short)."""
    run: list[Line] = []
    j = i - 1
    while j >= 0 and len(run) <= MAX_HEAD_RUN:
        ln = lines[j]
        t = strip_ws(ln.text)
        if ln.kind != "body" or not t or not unfinished(t) or _is_bracketed_note(ln):
            break
        run.append(ln)
        j -= 1
    # two lines without a mark next to the lead-in are a headline whatever runs on above them,
    # however long the run (dev raw page 33: `世行高级官员指出中国` / `是稳定亚洲金融积极因素`
    # under two lines of text cut short)
    # (or hold a headline's marks only, `_headline_marked_pair`: `《周恩来行政管理思想与` /
    # `政府建设》出版李鹏题词` over `新华社北京一月二十…`, simulated raw TRAIN pages 255, 277)
    pair = run[:2] if len(run) >= 2 and (_unpunctuated_pair(run[1], run[0])
                                         or _headline_marked_pair(run[1], run[0])) else []
    if not run or len(run) > MAX_HEAD_RUN or sum(comma_marks(ln.text) for ln in run) > MAX_HEAD_RUN_MARKS:
        return pair
    above = lines[j] if j >= 0 else None
    if above is None or above.kind != "body" or not above.text.strip() or ends_sentence(above.text):
        return run
    return pair


def _is_bracketed_note(line: Line) -> bool:
    """A line of a bracketed note (`（新华社记者樊如钧` / `摄）`): a photo credit, not a headline."""
    return "body:bracket_end" in line.reasons or "body:bracket_continues" in line.reasons


def mark_heads_above_lead_ins(page: Page) -> None:
    """Lines right above a lead-in byline (`本报东京1月8日电…`, `据新华社…电`) that finish no
    sentence, between it and a finished paragraph, are the article's headline block (raw dump of
    dev page 24: `日本六在野党结盟要求` / `桥本下台不与小泽合作`): a lead-in opens an article,
    so what stands right before it is the end of another article or its own headline."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "body" or "body:lead_in" not in ln.reasons:
            continue
        for head in _unfinished_run_above(lines, i):
            head.kind = "head"
            head.because("head:above_lead_in")


def mark_unpunctuated_blocks(page: Page) -> None:
    """Where blank lines separate blocks, a block of two to four full lines without a single
    mark, set off by blank lines or by captions, bylines, headlines or furniture, is a headline
    (dev page 33: `泰铢贬值国际炒家兴风作浪` / `经济联动东亚金融险象环生` between a cut
    lead-in and a byline): a column piece of body text that short and unpunctuated is rare."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    # the lines marked below lie inside a run the loop then skips: the verdicts can be taken first
    off = [ln.kind in _SETS_OFF_KINDS or not ln.text.strip() for ln in lines]
    i = 0
    while i < len(lines):
        if not off[i]:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _unpunctuated_full_line(lines[j], width):
            j += 1
        closed = j == len(lines) or off[j]
        if closed and MIN_UNPUNCTUATED_RUN <= j - i - 1 <= MAX_HEAD_RUN:
            for ln in lines[i + 1:j]:
                ln.kind = "head"
                ln.because("head:unpunctuated_block")
        i = j if j > i + 1 else i + 1


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
# head line right against it is `mark_lines_against_headlines`' to take.
_HEAD_MATTER_KINDS: Final = ("head", "byline")
# A bracketed note opens with a bracket: a photo credit (`（新华社记者樊如钧` / `摄）`), a date line
# (`（一九九七年十二月` / `三十一日）`), dev pages 5, 15, 22, 25; a headline may close on a bracket
# (`子工程建设十年述评（上）`, page 40) but on dev none opens with one.
NOTE_OPENERS: Final[tuple[str, ...]] = ("（", "(")
# Clause marks: a headline holds none (it may trail off on an ellipsis: `郑州我怎么对你说……`, dev
# page 37); dashes, quotes and brackets it does hold (`——三论今年经济工作主要任务`).
HEAD_CLAUSE_MARKS: Final = CLAUSE_END | set(",;:?!")


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
    if any(holds_clause_mark(ln.text) or "记者" in ln.text or "body:lead_in" in ln.reasons for ln in lines[i:j]):
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
    return below.kind in _HEAD_MATTER_KINDS or (below.kind == "body" and "body:lead_in" in below.reasons)


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
    return "body:lead_in" in line.reasons or (is_indented(line, width) and not ends_sentence(t))


def _unpunctuated_full_line(line: Line, width: float) -> bool:
    """A body line at least as wide as the column, without a single punctuation mark."""
    t = line.text
    return (line.kind == "body" and bool(t.strip()) and slack(line, width) <= FULL_SLACK
            and not _PUNCT_MARK.search(t) and "body:lead_in" not in line.reasons)


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
    return (line.kind == "body" and bool(t.strip()) and slack(line, width) <= FULL_SLACK
            and all(ch in HEADLINE_MARKS for ch in _PUNCT_MARK.findall(t)) and "body:lead_in" not in line.reasons)


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
            marked = any(_PUNCT_MARK.search(ln.text) for ln in run)
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
        j = _centred_block_end(lines, i, width) if lines[i].kind == "body" else 0
        if j and _nothing_runs_on_above(lines, i) and _opening_follows(lines, j, width):
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


def mark_openings_at_column_foot(page: Page) -> None:
    """Where blank lines separate blocks, a short line closing a block right under a finished
    sentence is a paragraph's indented first line at the foot of a column, carried on in the
    next (dev page 12: `由国家技术监督局和中国` under `通74条地方查询终端。`): pdftotext sets a
    headline off from the body by a blank line. So is such a line set off by blank lines on
    both sides when a full body line follows (`_opening_runs_on_past_blanks`)."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.kind != "head" or "head:short_unpunctuated" not in ln.reasons or lines[i + 1].text.strip():
            continue
        if not is_indented(ln, width):
            continue
        above = lines[i - 1]
        if above.kind == "body" and ends_sentence(above.text):
            ln.kind = "body"
            ln.because("body:indented_first_line_at_column_foot")
        elif not above.text.strip() and _opening_runs_on_past_blanks(lines, i, width):
            ln.kind = "body"
            ln.because(OPENING_RUNS_ON_REASON)


OPENING_RUNS_ON_REASON: Final = "body:column_foot_opening_runs_on"


def _opening_runs_on_past_blanks(lines: list[Line], i: int, width: float) -> bool:
    """Line i, alone between blank lines, is a paragraph's indented first line at a column's
    foot: the text above, past the blank, is body that ends a sentence, and the text below,
    past the blank, is a full body line (not a lead-in), the paragraph carried on at the next
    column's top (pdftotext puts a blank line on both sides of a column break). A headline set
    off by blank lines has an indented opening, a byline or more head lines under it.

    Dev pdftotext 1-40 (`bench/line_roles.py`): 6 lines on pages 30, 31, 34, 37 (two), 39
    (`以我的房东为例，他` / `从父亲那里继承了一套拥`), all body in the gold; of the lone
    indented head lines none in a gold head tier fits (`李岚清会见美国客人`, page 20, has a full
    body line under it but a head line above). A line above that ends with a colon would add
    page 9's `以暗为明：一些被前人打`, body too, but threading then opened an article there (body
    0.9605 -> 0.9229 on that page), so it is left out. `paragraphs.fragments_of` keeps the line
    and the text it runs on into in one fragment: alone, the one-line fragment opened an article
    (pages 31, 37). Dev pdftotext body_char_acc 1-20 / 21-40: 0.8919 / 0.8582 -> 0.8919 /
    0.8688; raw and PyMuPDF have no blank lines and are unchanged."""
    above, below = _line_above(lines, i), _line_below(lines, i + 1)
    if above is None or below is None or above.kind != "body" or below.kind != "body":
        return False
    return ends_sentence(above.text) and slack(below, width) <= FULL_SLACK and "body:lead_in" not in below.reasons


def mark_openings_above_jumps(page: Page) -> None:
    """A short line read as a headline line, right above a jump line (`（下转第四版）`) and
    under a finished sentence of body text (past blank lines), measuring as a paragraph's
    indented first line, is that paragraph's opening at the foot of the article's last column
    on the page, carried on where the jump points (dev raw pages 22, 35, 39, 40:
    `一些与会理事为进一` / `（下转第四版）`): a jump note closes an article's body text, and
    a headline stands over the text it heads, not over a jump note. In pdftotext's
    blank-separated dumps too (dev pdftotext 1-40: 4 lines on pages 22, 35 (two), 40, all body
    in the gold; no gold head line changed; page 22's `潘文凯在阐述 1998` has a blank line
    between it and the finished sentence). It was left out there once because page 35's
    threading went wrong (body 0.753 -> 0.639); with today's fragment split it does not: dev
    pdftotext 21-40 body_char_acc 0.8688 -> 0.8694, para_f1 0.8408 -> 0.8466, article_exact
    0.5256 -> 0.5385, 1-20 unchanged; raw and PyMuPDF unchanged."""
    lines, width = page.lines, page.column_width
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.kind != "head" or lines[i + 1].kind != "jump" or "head:short_unpunctuated" not in ln.reasons:
            continue
        above = _line_above(lines, i)  # past blank lines
        if (above is not None and above.kind == "body" and ends_sentence(above.text)
                and is_indented(ln, width)):
            ln.kind = "body"
            ln.because("body:indented_first_line_above_jump")


# Lines printed right against a headline line and taken for its own: one or two (a headline's
# second line, a kicker or subtitle line set to the column's width).
MAX_LINES_AGAINST_HEAD: Final = 2


def mark_lines_against_headlines(page: Page) -> None:
    """One or two body lines printed right against a headline line (no blank between), set off
    on their other side by a blank or a non-body line (above them, in a dump without blank
    lines, a jump or continuation line too: `_closes_text`), that finish no sentence, end on no clause
    mark and hold at most one comma-like mark, are that headline block's other lines (dev page
    12: `李鹏吴邦国致信冶金工作会议` over `要求依靠科技进步推进结构调整`; page 6: `今年硕士
    生入学考试举行报考` over `人数27万计划招收5.8万`). A body line runs on into the next line;
    one with nothing to run on from or into beside a headline is the headline's. Below a
    headline an indented line opens the article's first paragraph and stays body; a line
    naming a reporter (`记者`) is a byline's."""
    lines, width = page.lines, page.column_width
    blockless = not separates_blocks(page)
    for i, ln in enumerate(lines):
        if ln.kind != "head":
            continue
        above = _run_against(lines, i, -1, blockless)
        below = _run_against(lines, i, +1, blockless)
        if below and is_indented(below[0], width):
            below = []
        for run_line in above + below:
            run_line.kind = "head"
            run_line.because("head:against_headline")


def _run_against(lines: list[Line], i: int, step: int, blockless: bool = False) -> list[Line]:
    """The body lines next to line i in direction `step` that could be its headline's, when
    they are few and set off beyond; else none."""
    run: list[Line] = []
    j = i + step
    while 0 <= j < len(lines) and len(run) <= MAX_LINES_AGAINST_HEAD and could_be_head_line(lines[j]):
        run.append(lines[j])
        j += step
    if not run or len(run) > MAX_LINES_AGAINST_HEAD:
        return []
    if 0 <= j < len(lines) and not _sets_off_block(lines[j]) and not (blockless and _closes_text(lines[j], step)):
        return []
    if sum(comma_marks(ln.text) for ln in run) > MAX_HEAD_RUN_MARKS:
        return []
    return run


# Lines that end an article's text: in a dump without blank lines, what may stand above a
# headline block in a blank line's place.
_ENDS_TEXT_KINDS: Final = ("jump", "continued", "source")


def _closes_text(line: Line, step: int) -> bool:
    """(Dumps without blank lines.) Looking up from a run over a headline line (`step` -1),
    `line` is a jump, source or continuation line: it ends the text before the run, as a blank
    line would (dev raw page 40: `（下转A11版）` over `标志我国电信与世界同` / `步ATM交换机通过
    鉴定` over the wider `——这意味着该技术已实现产业化`; page 18 under `（上接A1版）`). A
    body line ending a sentence would do as well in principle, but on dev raw pages 21-40 it
    took body lines into headlines (body 0.9524 -> 0.9513)."""
    return step == -1 and line.kind in _ENDS_TEXT_KINDS


def could_be_head_line(line: Line) -> bool:
    """A body line that finishes no sentence, ends on no clause mark, and is no lead-in, no
    bracketed note and names no reporter."""
    if line.kind != "body":
        return False
    t = strip_ws(line.text)
    return (bool(t) and unfinished(t) and "记者" not in t
            and "body:lead_in" not in line.reasons and not _is_bracketed_note(line))


# A list of people ending on 等 ("and others") runs on into its verb on the next line
# (`中联部部长戴秉国等` / `参加了会见。`): a headline never stops there.
LIST_END: Final = "等"


def mark_dangling_lists(page: Page) -> None:
    """A head line standing alone (no head line right above or below) that ends on 等 is a body
    line whose sentence goes on in another column (dev page 20: `人事部部长宋德福等` over a
    jump line), not a headline."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "head" or not ln.text.rstrip().endswith(LIST_END):
            continue
        if (i > 0 and lines[i - 1].kind == "head") or (i + 1 < len(lines) and lines[i + 1].kind == "head"):
            continue
        ln.kind = "body"
        ln.because("body:list_runs_on")


BULLET: Final = "●"


def opens_with_bullet(text: str) -> bool:
    """The line opens with a bullet point (BULLET), leading spaces aside."""
    return text.lstrip().startswith(BULLET)


def mark_bullet_points(page: Page) -> None:
    """A line opening with a bullet (`●人民币不贬值是中国`) opens a summary point of an
    article, a paragraph of its body, and so does the point's rest: the lines it runs on into
    (after its first line or a full one) down to its short last line (dev raw page 2:
    `●支持香港特区政府捍` / `卫联汇制`, page 30: `五亿减少到五千万`; the gold keeps every
    point as a paragraph, dev pages 2, 30, 37). A line wider than the column is a headline's
    (page 30: the kicker repeating a point), and a full head line after a point's first line
    another article's headline (page 37: `●住房自有率不断提` / `俄官员会晤车臣领导人`). Only in
    dumps without blank lines: in pdftotext's dumps the points come out right too, but page 30's
    threading then goes wrong (body 0.646 -> 0.633)."""
    if separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    for i, ln in enumerate(lines):
        if ln.kind not in ("body", "head", "byline") or not opens_with_bullet(ln.text):
            continue
        if "head:wider_than_column" in ln.reasons:
            continue
        _make_body(ln)
        j = i + 1
        while j < len(lines) and lines[j].kind in ("body", "head", "byline") and not opens_with_bullet(lines[j].text):
            full = slack(lines[j], width) <= FULL_SLACK
            if lines[j].kind != "body" and full:
                break
            _make_body(lines[j])
            if not full:
                break
            j += 1


def _make_body(line: Line) -> None:
    if line.kind != "body":
        line.kind = "body"
        line.because("body:bullet_point")


def mark_word_split_pairs(page: Page) -> None:
    """A head line and the body line right after it that a dictionary word runs across
    (`泰国金融危机的教训主` / `要有以下几点：`) are one text, for no headline's last line breaks a
    word before the body: both are body where the body line ends a clause (a clause mark is a
    body clue), both head where it does not (`世界游泳锦标赛再传捷报吴艳` / `艳陈妍200米混合泳摘金夺银`).
    A head line with a gap inside is pieces of several columns side by side (pdftotext page 6:
    `…若干回—— 以国家利益为重，迅速投 平关于社会主义的发展道`; raw page 20: two spans run
    together), whose last piece need not be the head: it is left alone. On dev pages 1-40 this
    joins the pairs of raw and PyMuPDF pages 2, 29, 33, 35 and pdftotext page 32 (every one,
    gold headline pairs where the body line has no clause mark, body text where it has).
    A body line closing a mark of a pair the head line left open (`head_breaks.closes_open_mark`:
    `美“新经济` / `”及增长周期`) is read on from it alike (MARKS_RUN_ON_FROM_HEAD)."""
    lines = page.lines
    marks = MARKS_RUN_ON_FROM_HEAD and separates_blocks(page)
    for ln, nxt in zip(lines, lines[1:]):
        if ln.kind != "head" or nxt.kind != "body" or not nxt.text.strip():
            continue
        if INNER_SPACE.search(ln.text.strip()):
            continue
        head, text = strip_ws(ln.text), strip_ws(nxt.text)
        if not spanning_word(head, text, hmm=False) and not (marks and closes_open_mark(head, text)):
            continue
        if ends_clause(text):
            ln.kind = "body"
            ln.because("body:word_runs_on_into_body")
        else:
            nxt.kind = "head"
            nxt.because("head:word_runs_on_from_head")


# `mark_word_split_pairs`: a quotation or title mark left open by a head line and closed by the
# body line under it joins them too (simulated TRAIN pdftotext pages 106, 184, 187, 220, 238:
# `美“新经济` over `”及增长周期`; pages 5, 24, 149: `…”活动开创新局面`; 88, 138: `』今朝认罪服法`; the
# second line read as an article's opening, the headline cut in two; 10 lines, all gold head
# lines). Only in dumps that part blocks by blank lines (`separates_blocks`, pdftotext's): in raw
# and PyMuPDF dumps TRAIN headline_acc fell (0.7798 -> 0.7779) and simulated VAL lost an exact
# article in each.
MARKS_RUN_ON_FROM_HEAD: Final = True

INNER_SPACE: Final = re.compile(r"\S\s+\S")  # a gap inside a line: pieces of several columns side by side

SUBHEAD_UNDER_BYLINE_REASON: Final = "body:subhead_under_byline"


def mark_subheads_under_bylines(page: Page) -> None:
    """One head line between a reporter's line that has head lines over it and the body is
    the article's first subhead, a paragraph of its body, not its headline: a reporter's line
    stands under its headline (all 104 under-headline bylines of the dev gold, none over one),
    so the headline is the block above it (dev raw and PyMuPDF page 12: `有形的壮大——调整` /
    `中的北京大商业（下）` / `本报记者田俊荣` / `资产重组优势互补`; page 37: `房改你真要改吗` /
    … / `本报记者朱剑红` / `房改：亮点不少`; the only two such lines in dev 1-40, both
    subheads in the gold). Dev headline_acc 1-20 / 21-40: raw 0.8323 / 0.8718 -> 0.8385 /
    0.8782, PyMuPDF 0.8509 / 0.8782 -> 0.8571 / 0.8846; pdftotext unchanged."""
    lines = page.lines
    for i in range(1, len(lines) - 2):
        ln = lines[i]
        if ln.kind != "byline" or "byline:reporter_line" not in ln.reasons:
            continue
        sub, nxt = lines[i + 1], lines[i + 2]
        if lines[i - 1].kind == "head" and sub.kind == "head" and nxt.kind == "body":
            sub.kind = "body"
            sub.because(SUBHEAD_UNDER_BYLINE_REASON)


def mark_context_heads(page: Page) -> None:
    """Run the context rules over the page, in order (later rules see earlier verdicts)."""
    mark_body_signatures(page)
    mark_names_over_headlines(page)
    mark_heads_above_bylines(page)
    mark_clause_ended_heads_over_heads(page)
    mark_series_part_heads(page)
    mark_heads_above_lead_ins(page)
    mark_unpunctuated_runs_between_paragraphs(page)
    mark_centred_head_blocks(page)
    mark_unpunctuated_blocks(page)
    mark_open_unpunctuated_blocks(page)
    # a head line's second line found by the word run across the break is then a head line the
    # lines printed against it are judged by (dev pdftotext page 32: `国务院关于修改《电力` /
    # `设施保护条例》的决定`, indented, then `中华人民共和国国务院令`, the subtitle, set off by a
    # blank); after `mark_lines_against_headlines` it came too late: pdftotext headline_acc
    # 21-40 0.7564 -> 0.7628, nothing else moves
    mark_word_split_pairs(page)
    mark_lines_against_headlines(page)
    mark_names_under_headlines(page)
    mark_pen_names_over_paragraphs(page)
    mark_pen_names_set_off(page)
    mark_names_under_subtitles(page)
    mark_openings_at_column_foot(page)
    mark_openings_above_jumps(page)
    mark_signatures(page)
    mark_credit_lines_between_bylines(page)
    mark_head_blocks_over_bylines(page)
    mark_dangling_lists(page)
    mark_bullet_points(page)
    mark_subheads_under_bylines(page)
    mark_names_run_on_from_heads(page)
