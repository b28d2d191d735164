"""Headline lines told from body lines by what stands around them.

The classify stage first judges each line by its own shape; these rules then look at its
neighbours: what a byline line or a lead-in has right above it, lines printed right against a
headline line, a word run across a head line's break. `mark_context_heads` runs them in order
with the rules of three neighbours: headline blocks told by their marks and what sets them off
(`unpunctuated_heads`, `set_off_heads`: runs without a mark between finished paragraphs, blocks
set off by blank lines), head lines given back to the body (`heads_to_body`: a short line closing a block under a
finished sentence, a bullet point, a subhead under a byline) and lines that name people
(`name_lines`). Each records its reason on the lines it changes.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.head_block_tops import mark_tops_over_lead_in_heads
from banmian.head_breaks import closes_open_mark
from banmian.heads_to_body import (_line_above, mark_bullet_points, mark_dangling_lists, mark_openings_above_jumps,
                                   mark_openings_at_column_foot, mark_subheads_under_bylines)
from banmian.language import spanning_word
from banmian.line_shape import comma_marks, is_indented, ends_clause, separates_blocks, unfinished
from banmian.model import Line, Page
from banmian.name_lines import (mark_body_signatures, mark_credit_lines_between_bylines, mark_names_run_on_from_heads, mark_names_over_headlines, mark_names_under_headlines,
                                mark_names_under_subtitles, mark_pen_names_over_paragraphs, mark_pen_names_set_off,
                                mark_set_off_signatures, mark_signatures)
from banmian.rules.chars import CLOSERS, ends_sentence, is_round_closer, last_code_point, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON
from banmian.set_off_heads import mark_balanced_pairs, mark_head_blocks_over_bylines, mark_open_unpunctuated_blocks
from banmian.tail_find import find_tail
from banmian.unpunctuated_heads import (PUNCT_MARK, HEADLINE_MARKS, MAX_HEAD_RUN, MAX_HEAD_RUN_MARKS, is_bracketed_note,
                                        _sets_off_block, could_be_head_line, holds_clause_mark, mark_centred_head_blocks,
                                        mark_unpunctuated_blocks, mark_unpunctuated_runs_between_paragraphs)

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
        if above.kind != "body" or not above.text.strip() or LEAD_IN_REASON in above.reasons:
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
        if not t.endswith(HEAD_CLAUSE_ENDS) or LEAD_IN_REASON in ln.reasons:
            continue
        above = _line_above(lines, i)
        if above is None or above.kind in _OPEN_ABOVE_KINDS or (above.kind == "body" and _runs_on(above)):
            ln.kind = "head"
            ln.because(CLAUSE_ENDED_HEAD_REASON)


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
        end = last_code_point(ln.text)  # (-1 for a line of white space: `"" in "）)"`)
        if ln.kind != "body" or (end != -1 and not is_round_closer(end)):  # `.rstrip()[-1:] not in "）)"`
            continue
        t = strip_ws(ln.text)
        m = SERIES_PART_MARK.search(t)
        if m is None or not t[:m.start()] or holds_clause_mark(t[:m.start()]) or LEAD_IN_REASON in ln.reasons:
            continue
        ln.kind = "head"
        ln.because(SERIES_PART_REASON)
        above = lines[i - 1] if i else None
        if above is not None and above.kind == "body" and _runs_on(above) and LEAD_IN_REASON not in above.reasons:
            above.kind = "head"
            above.because(SERIES_PART_REASON)


def _unpunctuated_pair(before: Line, above: Line) -> bool:
    """Two lines without a single mark between them: body text seldom runs so long without
    one (MIN_UNPUNCTUATED_RUN), a two-line headline does; over a byline line they are its
    headline, whatever stands above them (dev raw page 33: `泰铢贬值国际炒家兴风作浪` /
    `经济联动东亚金融险象环生` over `钟行`, printed into another article's column; pages 11,
    14)."""
    return PUNCT_MARK.search(before.text) is None and PUNCT_MARK.search(above.text) is None


def _headline_marked_pair(before: Line, above: Line) -> bool:
    """Two lines over a byline line whose only marks are HEADLINE_MARKS, one of them holding at
    least one: a two-line headline with a dash or quoted words."""
    marks = [ch for ln in (before, above) for ch in ln.text if PUNCT_MARK.match(ch)]
    return bool(marks) and all(ch in HEADLINE_MARKS for ch in marks)


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
        if ln.kind != "body" or not t or not unfinished(t) or is_bracketed_note(ln):
            break
        run.append(ln)
        j -= 1
    # two lines without a mark next to the lead-in are a headline whatever runs on above them,
    # however long the run (dev raw page 33: `世行高级官员指出中国` / `是稳定亚洲金融积极因素`
    # under two lines of text cut short)
    # (or hold a headline's marks only, `_headline_marked_pair`: `《周恩来行政管理思想与` /
    # `政府建设》出版李鹏题词` over `新华社北京一月二十…`, simulated raw TRAIN pages 255, 277)
    pair = _headline_pair(run)
    if not run or len(run) > MAX_HEAD_RUN or sum(comma_marks(ln.text) for ln in run) > MAX_HEAD_RUN_MARKS:
        return pair
    above = lines[j] if j >= 0 else None
    if above is None or above.kind != "body" or not above.text.strip() or ends_sentence(above.text):
        return run
    return pair


# A page printing its headlines after all its bodies (raw and PyMuPDF dumps, `tail_find.find_tail`)
# keeps no headline over a lead-in in its body stream: text there is the end of an article cut
# short (its rest printed elsewhere), and only a pair that reads as a headline's two lines
# (`_headline_pair`: no mark, or a headline's marks only) may still be one. Simulated TRAIN raw
# and PyMuPDF pages 40, 42, 126, 136, 177, 213, 243, 251 (`报道援引白宫官员的` / `话说，克林顿的高级顾问` /
# `们当天先开会讨论了各种` over `本报汉城1月24日电`; `从1963年10月起，历任第`): 13 lines,
# every one gold body, were the lead-in article's headline while its own block waited in the
# tail (a run closing a head block printed over it in the stream is left alone,
# `_under_head_line`). TRAIN 41-300 exact raw .7710 -> .7737, PyMuPDF .7840 -> .7868, body up,
# headline unchanged; sim VAL raw/PyMuPDF exact, byline and source up; fires on no dev page 1-40
# nor on pdftotext (blank lines: no heads tail).
HEADS_LAST_NO_HEADS_ABOVE_LEAD_INS = True
HEADS_LAST_BODY_REASON: Final = "body:cut_short_over_lead_in_heads_last"


def _headline_pair(run: list[Line]) -> list[Line]:
    """The two lines of `run` next to the lead-in, nearest first, when they hold no mark or a
    headline's marks only; else none."""
    if len(run) >= 2 and (_unpunctuated_pair(run[1], run[0]) or _headline_marked_pair(run[1], run[0])):
        return run[:2]
    return []


def _under_head_line(lines: list[Line], top: int) -> bool:
    """The line over lines[top] is a head line: a headline printed in the stream over its body,
    whose block the run above a lead-in closes (simulated TRAIN raw page 86: `曹禺戏剧评` /
    `论奖首次颁奖` over `今天在北京人民大会堂颁奖`; read as body it opened an article of its own)."""
    return top > 0 and lines[top - 1].kind == "head"


# The reason on the lines of a run over a lead-in that hold a lead-in of their own: that lead-in and
# the lines under it are its report, body, not the lower lead-in's headline (simulated TRAIN 1-300:
# raw and PyMuPDF page 64 `本报讯（实习生记者` / `曹峰志）朱镕基…` over `新华社北京一月二十三日电…`,
# 178 `本报讯（附图片1张）` over `新华社北京1月20日电…`, PyMuPDF 300 `据新华社长沙1月20日` over
# `据新华社北京1月20日电…`: all read as headline lines, the gold's lead-in bylines).
LEAD_IN_OVER_LEAD_IN_REASON: Final = "body:lead_in_over_lead_in"


def mark_heads_above_lead_ins(page: Page) -> None:
    """Lines right above a lead-in byline (`本报东京1月8日电…`, `据新华社…电`) that finish no
    sentence, between it and a finished paragraph, are the article's headline block (raw dump of
    dev page 24: `日本六在野党结盟要求` / `桥本下台不与小泽合作`): a lead-in opens an article,
    so what stands right before it is the end of another article or its own headline. In the
    body stream of a page printing its headlines last only a headline's pair is (see
    HEADS_LAST_NO_HEADS_ABOVE_LEAD_INS)."""
    lines = page.lines
    stream_stop: int | None = None
    tail_found = not HEADS_LAST_NO_HEADS_ABOVE_LEAD_INS  # looked for at the first lead-in only
    for i, ln in enumerate(lines):
        if ln.kind != "body" or LEAD_IN_REASON not in ln.reasons:
            continue
        if not tail_found:
            stream_stop, tail_found = find_tail(page), True
        run = _unfinished_run_above(lines, i)
        upper = next((n for n, above in enumerate(run) if LEAD_IN_REASON in above.reasons), None)
        if upper is not None:  # a lead-in over this one: run[:upper + 1] is its report
            for text in run[:upper + 1]:
                text.because(LEAD_IN_OVER_LEAD_IN_REASON)
            continue
        if stream_stop is not None and i < stream_stop and not _under_head_line(lines, i - len(run)):
            pair = _headline_pair(run)
            for text in run[len(pair):]:
                text.because(HEADS_LAST_BODY_REASON)
            run = pair
        for head in run:
            head.kind = "head"
            head.because("head:above_lead_in")


# Lines printed right against a headline line and taken for its own: one or two (a headline's
# second line, a kicker or subtitle line set to the column's width).
MAX_LINES_AGAINST_HEAD: Final = 2
# The reason on a body line taken for a headline's own for standing right against it.
AGAINST_HEADLINE_REASON: Final = "head:against_headline"


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
            run_line.because(AGAINST_HEADLINE_REASON)


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
    mark_balanced_pairs(page)
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
    mark_set_off_signatures(page)
    mark_credit_lines_between_bylines(page)
    mark_head_blocks_over_bylines(page)
    mark_dangling_lists(page)
    mark_bullet_points(page)
    mark_subheads_under_bylines(page)
    mark_names_run_on_from_heads(page)
    mark_tops_over_lead_in_heads(page)
