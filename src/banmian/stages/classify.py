"""Classify: give every line a kind.

Kinds: blank, header, jump, continued, caption, source, byline, head (a line of a headline
block: kicker, headline or subtitle; the headlines stage tells the tiers apart) and body.
Patterns decide furniture and credits (`banmian.furniture_lines`); the shape of a chunk (a run
of non-blank lines) decides head against body: body lines are justified to the column width, a
paragraph's first line is indented two em, and kinsoku forbids a body line to end with an
opening bracket.
"""
from __future__ import annotations

from typing import Final

from banmian.furniture_lines import (LEAD_IN_GOES_ON_REASON, SPLIT_REASON, extend_captions, mark_blank_and_header,
                                    mark_patterns, mark_stray_page_label)
from banmian.head_context import mark_context_heads
from banmian.language import number_runs_on
from banmian.line_shape import (BODY_START_FORBIDDEN, CLAUSE_END, CLAUSE_END_REASON, FULL_SLACK, INDENT_MAX, INDENT_MIN,
                                WIDE_HEAD_REASON,
                                WIDE_MIN_EXCESS, comma_marks, count_blank_lines, dash_subtitle_shape, ends_clause,
                                min_width, slack)
from banmian.model import Line, Page
from banmian.question_heads import mark_question_heads
from banmian.rules import furniture as F
from banmian.rules.chars import CLOSERS, OPENERS, bmp_table, ends_sentence, last_code_point, strip_ws
from banmian.rules.bylines import lead_in_byline
from banmian.rules.dates import whole_date
from banmian.name_lines import mark_names_under_headlines
from banmian.rules.names import NAMES_REASON, looks_like_names, signature
from banmian.wide_heads import mark_wide_heads
from banmian.subheads import mark_heads_run_on_from_body, mark_stub_paragraph_ends, mark_wrapped_subheads

# A short line holding this many comma-like marks is a clause list, not a headline.
CLAUSE_MARKS_IN_BODY: Final = 2
# A list item's end. No headline line of the dev gold ends with a semicolon; a short line ending
# with one closes an item of a list run in the body (dev page 28: `独自直接举办产业化` / `的运动队；`
# / `独自直接组织产业化` / `的体育赛事；`, read as four headline lines).
LIST_ITEM_END: Final = "；;"

def _chunks(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.kind != "body" or not ln.text:
            if cur:
                out.append(cur)
                cur = []
            continue
        cur.append(ln)
    if cur:
        out.append(cur)
    return out


# A line whose last character is none of these and whose first is none of those holds no
# `_body_clue` (every test below looks at one of them first): most body lines.
_CLUE_LAST: Final = CLAUSE_END | CLOSERS
_CLUE_FIRST: Final = BODY_START_FORBIDDEN | F.LEAD_IN_FIRST | {" "}
_CLUE_LAST_AT: Final = bmp_table(_CLUE_LAST)
_OPENERS_AT: Final = bmp_table(OPENERS)  # (OPENERS lie within the Basic Multilingual Plane)
_CLUE_FIRST_AT: Final = bmp_table(_CLUE_FIRST)


def _body_clue(ln: Line) -> str | None:
    """A clue in the line itself that it is body text, or None."""
    t = ln.text
    last, first = ord(t[len(t) - 1]), ord(t[0])  # code points: no one-character strings made
    if (not (_CLUE_LAST_AT[last] if last < 0x10000 else chr(last) in _CLUE_LAST)
            and not (_CLUE_FIRST_AT[first] if first < 0x10000 else chr(first) in _CLUE_FIRST)):
        return None  # cheap test first
    return text_clue(t)


def text_clue(t: str) -> str | None:
    """`_body_clue` of a line holding the (non-empty) text `t`, every test made."""
    if F.is_lead_in(t):
        return LEAD_IN_CLUE
    if ends_clause(t):
        return CLAUSE_END_REASON
    if t[0] in BODY_START_FORBIDDEN:
        return "body:starts_mid_sentence"
    if t[-1] in CLOSERS and (t[-1] in "）)" or ends_sentence(t)):
        # `（附图片1张）`, `（新华社记者樊如钧` / `摄）`: bracketed notes are body paragraphs
        return "body:bracket_end"
    return None


def _has_inner_clause_mark(text: str) -> bool:
    """A comma-like mark inside the line with a clause after it: body prose, not a headline."""
    for i, ch in enumerate(text[:-3]):
        if ch in "，、；" and i >= 2:
            return True
    return False


def _opens_bracket(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


LEAD_IN_CLUE: Final = F.LEAD_IN_REASON
# A line that closes a bracket the line above left open is that bracketed text's next line,
# even when it opens like a lead-in: a lead-in credit naming two outlets' reporters runs over
# three lines (`新华社北京1月8日电` / `（中央人民广播电台记者李涛、` / `新华社记者张宿堂）国务院总`,
# dev page 38 in all three dumps; the only lead-in so placed on dev pages 1-40), and reading
# its third line as a new lead-in cut the article in two in the raw and PyMuPDF dumps, the
# credit's head left without the body (21-40 byline_acc 0.9551 -> 0.9615, body_char_acc
# raw 0.9958 -> 0.9959, article_exact 0.8718 -> 0.8782, both dumps).
INSIDE_BRACKET_REASON: Final = "body:inside_open_bracket"


def inside_open_bracket(above: str, text: str) -> bool:
    """`text` closes a bracket that the line above it (`above`) opened and left open."""
    return _opens_bracket(above) and ("）" in text or ")" in text)


def _ends_with_opener(text: str) -> bool:
    """The (non-empty) text ends with an opening mark (OPENERS), read by its code point: no
    one-character string made in the compiled build."""
    last = ord(text[len(text) - 1])
    return last < 0x10000 and _OPENERS_AT[last] == 1


def classify_chunk(chunk: list[Line], width: float) -> None:
    """Decide head or body for each line of one chunk, in place."""
    n = len(chunk)
    page_wide_from = width + WIDE_MIN_EXCESS  # wider than this even when compressed: spans columns
    for i, ln in enumerate(chunk):
        if SPLIT_REASON in ln.reasons or LEAD_IN_GOES_ON_REASON in ln.reasons:
            continue  # the rest of a caption row (its width no measure of it), a lead-in's next line
        t = ln.text
        nxt = chunk[i + 1] if i + 1 < n else None
        if _ends_with_opener(t):
            ln.kind = "head"
            ln.because("head:ends_with_opener")
            continue
        clue = _body_clue(ln)
        if clue == LEAD_IN_CLUE and i and inside_open_bracket(chunk[i - 1].text, t):
            clue = INSIDE_BRACKET_REASON
        if not clue and nxt is not None and ("（" in t or "(" in t) and _opens_bracket(t) and _body_clue(nxt) == "body:bracket_end":
            clue = "body:bracket_continues"
        wide_from = ln.column_width + WIDE_MIN_EXCESS if ln.column_width else page_wide_from
        wide = ln.width > wide_from and min_width(ln) > wide_from
        if wide and clue not in (CLAUSE_END_REASON, LEAD_IN_CLUE):
            ln.kind = "head"
            ln.because(WIDE_HEAD_REASON)
            continue
        if clue:
            ln.because(clue)
            continue
        s = slack(ln, width)
        prev = chunk[i - 1] if i else None
        if s <= FULL_SLACK:
            if n == 1 and nxt is None and prev is None and s > 0.5:
                ln.kind = "head"
                ln.because("head:alone_not_full")
            else:
                ln.because("body:full_width")
            continue
        # short line with no punctuation at its end: body only as a paragraph's indented first
        # line followed by more of the paragraph (a full line, or a last line ending it), not
        # by another indented line (dev page 1: headline `中影中唱组建VCD生产线` over the
        # indented `由全国影视、音像行业`)
        nxt_item_end = nxt is not None and ends_list_item(nxt.text)
        follows_body = nxt is not None and not _ends_with_opener(nxt.text) and (
            slack(nxt, width) <= FULL_SLACK or ends_sentence(nxt.text) or nxt_item_end
        )
        prev_closed = prev is None or prev.kind != "body" or ends_sentence(prev.text) or slack(prev, width) > FULL_SLACK
        nxt_indented = (nxt is not None and INDENT_MIN <= slack(nxt, width) and not ends_sentence(nxt.text)
                        and not nxt_item_end)
        if INDENT_MIN <= s <= INDENT_MAX and follows_body and prev_closed and not nxt_indented:
            ln.because("body:indented_first_line")
            continue
        if INDENT_MIN <= s <= INDENT_MAX and nxt is None and prev_closed and _has_inner_clause_mark(t):
            # dev page 3: `那么，为什么柯达会赞助` opens a paragraph at the foot of a column
            ln.because("body:indented_first_line_at_column_foot")
            continue
        if (follows_body and prev is not None and prev.kind == "body" and not prev_closed
                and not name_alone(t)):
            # dev page 8: `文明单位956个，文明窗口` measures short (digits) between two body lines
            ln.because("body:between_body_lines")
            continue
        if nxt is not None and s <= INDENT_MAX and number_runs_on(t, nxt.text):
            # dev raw page 8: `沉默寡言的李春是此次93` / `名锻炼干部中3名女青年之`, an indented
            # first line over a line that measures short (its digit): a headline line never
            # breaks between a number and its unit
            ln.because("body:number_runs_on")
            continue
        if comma_marks(t) >= CLAUSE_MARKS_IN_BODY:
            # raw dev page 22: `同胞们、朋友们、女` / `士们、先生们：` opens a speech
            ln.because("body:clause_marks")
            continue
        if looks_like_names(t):
            ln.kind = "byline"
            ln.because(NAMES_REASON)
        else:
            ln.kind = "head"
            ln.because("head:short_unpunctuated")


# A line of this many characters at most is far too short to be a column's full line that
# measures short (`body:between_body_lines` is for those: digits, Latin letters): a name alone on
# it is a byline (dev page 30, all three dumps: `王克迪` between its article's subtitle, read as
# body, and the article's first paragraph). On dev 1-40 no other name-only line is read so.
NAME_LINE_MAX_CHARS: Final = 4


def name_alone(text: str) -> bool:
    """The line is one short run of personal names (`王克迪`), nothing else."""
    t = strip_ws(text)
    return len(t) <= NAME_LINE_MAX_CHARS and looks_like_names(t)


def ends_list_item(text: str) -> bool:
    """The line ends with a semicolon (LIST_ITEM_END): a clause or list item of body text, which
    a headline line never ends with."""
    return text.rstrip()[-1:] in LIST_ITEM_END


def mark_colon_heads(chunk: list[Line], width: float) -> None:
    """A short line that ends with a colon, right above a headline line, at a chunk's start or
    under a finished paragraph (dumps without blank lines run a whole column into one chunk), is
    the headline's first line (dev page 9: `《百年恩来》：` / `要说的太多，太多`), not a body line
    announcing a list."""
    for i, (first, nxt) in enumerate(zip(chunk, chunk[1:])):
        end = last_code_point(first.text)  # `first.text.rstrip()[-1]`, read as a code point
        if end == -1:
            end = ord(first.text.rstrip()[-1])  # (a line of white space: the IndexError it raised)
        if not _is_colon(end) or first.kind != "body" or nxt.kind != "head" or slack(first, width) <= INDENT_MAX:
            continue
        prev = chunk[i - 1] if i else None
        if prev is None or prev.kind != "body" or ends_sentence(prev.text):
            first.kind = "head"
            first.because("head:colon_above_headline")


def _is_colon(code: int) -> bool:
    """The code point is a colon, full-width `：` or half-width `:`."""
    return code == 0xFF1A or code == 0x3A


def mark_clause_ended_heads(chunk: list[Line], width: float) -> None:
    """A short line ending with a comma-like mark right above a headline line is the headline's
    first line (dev page 16: `国家防总、` over `水利部通知要求各地全力以赴…`): in body text only a
    paragraph's last line is short, and a paragraph does not end on a comma."""
    for i, (ln, nxt) in enumerate(zip(chunk, chunk[1:])):
        if nxt.kind != "head" or ln.kind != "body":
            continue
        t = ln.text.rstrip()
        if t[-1] not in "，、；" or slack(ln, width) <= FULL_SLACK:
            continue
        prev = chunk[i - 1] if i else None
        if prev is None or ends_sentence(prev.text) or prev.kind != "body":
            ln.kind = "head"
            ln.because("head:clause_mark_above_headline")


def mark_dash_subtitles(chunk: list[Line]) -> None:
    """A line opening with a dash right under a headline line, with no sentence end in it, is
    the subtitle (dev page 32: `——三论今年经济工作主要任务` as wide as the column); so is such a
    line standing alone, no body line above or below it (page 35: `——上海综合指数周K线图`,
    blank lines between it and the headline `K线介绍`, a caption under it). Every line opening
    with a dash in the dev dumps (pages 1-40, three extractors) is a headline tier in the gold."""
    if len(chunk) == 1 and dash_subtitle_shape(chunk[0]):
        chunk[0].kind = "head"
        chunk[0].because("head:dash_line_alone")
        return
    for above, ln in zip(chunk, chunk[1:]):
        if above.kind == "head" and dash_subtitle_shape(ln):
            ln.kind = "head"
            ln.because("head:dash_under_headline")


def mark_heads_above_salutations(chunk: list[Line]) -> None:
    """The line right above a letter's salutation (`编辑同志：`), without punctuation at its end,
    is the letter's headline, however wide (dev page 10: `专题综艺晚会不能成风` is a column wide)."""
    for prev, ln in zip(chunk, chunk[1:]):
        end = last_code_point(ln.text)  # (-1 for a line of white space: `"" in "：:"`)
        if end != -1 and not _is_colon(end):  # `ln.text.rstrip()[-1:] not in "：:"`
            continue  # cheap test first: a salutation ends with a colon
        if prev.kind == "body" and not ends_clause(prev.text.rstrip()) and F.is_salutation(strip_ws(ln.text)):
            prev.kind = "head"
            prev.because("head:above_salutation")


SIGNATURE_KINDS: Final = ("byline", "head")  # a signature reads as a byline (`付林`) or a head (`总理李鹏`)
CLOSING_REASON: Final = "body:closing_signature"


def mark_closing_signatures(page: Page) -> None:
    """A letter's or decree's signature and date under its last sentence (`以上意见，我盼望能引起
    社会的关注。` / `付林` / `1998年 1月`; `…自发布之日起施行。` / `总理李鹏` / `1998年1月7日`)
    are body lines, as the gold keeps them (dev pages 10 and 32, the only closing dates on dev
    1-40), not a byline and a headline: the date took another article's headline place (dev
    page 10, all three dumps)."""
    lines = [ln for ln in page.lines if ln.text and not ln.text.isspace()]  # `not ln.blank`, spelled out
    for prev, sign, date in zip(lines, lines[1:], lines[2:]):
        # the rare kind tested first, and a date line (rare, a regex) before a signature (name rules)
        if (sign.kind in SIGNATURE_KINDS and prev.kind == "body" and ends_sentence(prev.text)
                and whole_date(date.text) and signature(sign.text)):
            for ln in (sign, date):
                ln.kind = "body"
                ln.because(CLOSING_REASON)


def classify(page: Page) -> Page:
    """Set `line.kind` for every line of the page."""
    mark_blank_and_header(page)
    count_blank_lines(page)
    mark_stray_page_label(page)
    mark_patterns(page)
    extend_captions(page)
    for chunk in _chunks(page.lines):
        classify_chunk(chunk, page.column_width)
        mark_colon_heads(chunk, page.column_width)
        mark_clause_ended_heads(chunk, page.column_width)
        mark_dash_subtitles(chunk)
        mark_heads_above_salutations(chunk)
    mark_context_heads(page)
    mark_wide_heads(page)
    if mark_question_heads(page):
        mark_names_under_headlines(page)  # a pen name under a headline found only now
    mark_closing_signatures(page)
    # a subhead set as a body paragraph, wrapped at the indented measure (`金字塔形的科技人才结` /
    # `构`): body lines, not a headline's (dev pages 35, 37 in all three dumps; sim TRAIN 137 lines)
    mark_wrapped_subheads(page)
    mark_stub_paragraph_ends(page)
    mark_heads_run_on_from_body(page)
    mark_lead_in_tails(page)
    return page


LEAD_IN_TAIL_REASON: Final = "body:lead_in_tail"


def mark_lead_in_tails(page: Page) -> None:
    """A head line right under a body line opening a lead-in, that carries that lead-in on to
    its end (the two read as one lead-in byline reaching into the head line: `本报1月21日讯 记者` /
    `宋娜报道： 一、管辖`, `新华社兰州1月21日电` / `（记者 余雪飞）一、管辖`), is the lead-in's next
    line, body: read as a short headline, it cut the report from its byline and date. Sim TRAIN
    1-300 raw, PyMuPDF, pdftotext: 3 lines each (pages 152, 202, 300, one corpus report), all the
    gold's reading; dateline misses (on the main of its writing) raw 29 -> 27, PyMuPDF 18 -> 17.
    With head_context's LEAD_IN_OVER_LEAD_IN_REASON, bench/paired.py against main 55e0a95: no
    metric `-` on any set or kind; UNSEEN byline raw +0.0005 `+`, pdftotext +0.0006 `+` (pages),
    PyMuPDF +0.0003 (interval across 0). Known cost: TRAIN page 152 (raw, PyMuPDF) body -0.14, the
    report now headed right but its body split at the column where the heads-last tail claims
    another headline."""
    lines = page.lines
    for i in range(1, len(lines)):
        ln, above = lines[i], lines[i - 1]
        if ln.kind != "head" or above.kind != "body":
            continue
        opening = strip_ws(above.text)
        if not F.is_lead_in(opening):
            continue
        m = lead_in_byline(opening + strip_ws(ln.text))
        if m is not None and m.end("lead") > len(opening):
            ln.kind = "body"
            ln.because(LEAD_IN_TAIL_REASON)
