"""Lines that name people, told by what stands around them: an author's name under a
headline or over a paragraph, a name line over a headline that is the headline's own, an
office-holder's signature, a reporter line inside a joint credit. Each rule records its reason
on the lines it changes; `head_context.mark_context_heads` runs them among its rules.
"""
from __future__ import annotations

from typing import Final

from banmian.language import number_runs_on, spanning_word, words_after_spanning_word
from banmian.model import Line, Page
from banmian.rules.chars import ends_sentence, is_cjk, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON
from banmian.line_shape import BODY_START_FORBIDDEN, FULL_SLACK, is_indented, opens_with_dash, separates_blocks, slack
from banmian.rules.dates import whole_date
from banmian.rules.names import NAME_UNDER_HEADLINE_REASON, NAMES_REASON, SURNAMES, office_signature, titled_name


# A pen name or a rare-surname name under its headline (`劲驰`, `元也`, `洪左君`) is two or three
# characters; a headline's own last line that short reads on from the line above.
PEN_NAME_CHARS: Final = (2, 3)
HEADLINE_ABOVE_MIN_CHARS: Final = 4


def mark_names_under_headlines(page: Page) -> None:
    """A two- or three-character line closing a headline block, right under a longer headline
    line (or under two or more short ones when it opens with a surname:
    `_closes_headline_with_a_name`), with no dictionary word running across the break, is the
    author's name (dev page 11: `一张名片` / `劲驰`; page 10: `又有特殊意义` / `元也`), not the
    headline's last line."""
    lines = page.lines
    for i in range(1, len(lines)):
        ln, above = lines[i], lines[i - 1]
        if ln.kind != "head" or above.kind != "head":
            continue
        t = strip_ws(ln.text)
        if not (PEN_NAME_CHARS[0] <= len(t) <= PEN_NAME_CHARS[1] and all(is_cjk(ch) for ch in t)):
            continue
        if len(strip_ws(above.text)) < HEADLINE_ABOVE_MIN_CHARS and not _closes_headline_with_a_name(lines, i, t):
            continue
        over_next = i + 1 < len(lines) and lines[i + 1].kind == "head"
        if over_next and not _next_block_under(page, t, lines[i + 1]):
            continue  # inside a block: a headline's line
        if over_next and _short_head_over_byline(lines, i + 1):
            continue  # the first of a headline's two short lines, its byline under the second
        if spanning_word(strip_ws(above.text), t):
            continue
        ln.kind = "byline"
        ln.because(NAME_UNDER_HEADLINE_REASON)
        if over_next:
            ln.because(NEXT_BLOCK_REASON)


# Characters a headline's next line cannot open with (`塞纳河` / `，女人河`, `信阳人` / `的眼光`):
# the line reads on from the one above.
READS_ON_FIRST = BODY_START_FORBIDDEN | frozenset("的")
NEXT_BLOCK_REASON = "byline:name_over_next_block"


def _next_block_under(page: Page, name: str, below: Line) -> bool:
    """In a dump without blank lines, the head line `below` a name-like line closing a headline
    block opens the next block: the heads of articles printed one after another (a heads tail:
    `公财` / `当公理` / `厉佛灯` / `李贵鲜走访慰`, dev raw and PyMuPDF page 8; `太多则滥` /
    `又有特殊意义` / `元也` / `专题综艺晚会不能成风`, PyMuPDF page 10) have nothing between the
    byline closing one block and the next block's first line, where pdftotext prints a blank. It
    is not the next line of one headline when no word runs from the name into it and it does
    not open as a line that reads on. On dev raw and PyMuPDF pages 1-40 this gives the three
    bylines above and keeps every headline line so placed (`靠近南` / `极的城市`, `灾后第` /
    `一顿热饭`, `信阳人` / `的眼光`, `塞纳河` / `，女人河`, pages 5, 11, 34): byline_acc 1-20 raw 0.9565 -> 0.9627, PyMuPDF
    0.9565 -> 0.9689, nothing else moves."""
    if separates_blocks(page):
        return False
    nxt = strip_ws(below.text)
    return bool(nxt) and nxt[0] not in READS_ON_FIRST and spanning_word(name, nxt) is None


# A headline set in large type broken into two short lines (`迎新年` / `送海神`, `海外` / `有乡情`,
# `清风` / `出袖`): its second line is this short at most; a headline of the next block printed
# under a pen name is longer (dev `元也` / `专题综艺晚会不能成风`, `厉佛灯` / `李贵鲜走访慰`).
SHORT_HEAD_LINE_CHARS: Final = 3


def _short_head_over_byline(lines: list[Line], k: int) -> bool:
    """The head line lines[k] is as short as a headline's second line in large type
    (`SHORT_HEAD_LINE_CHARS`) and a byline line stands right under it: the name-like line over
    it is that headline's first line, the byline the one under both (sim TRAIN raw pages 119,
    133, 145, 169: `迎新年` / `送海神` / `吴志华`, `海外` / `有乡情` / `本报驻澳大利亚记者李学江`,
    `谁在` / `网上游` / `李斌`, under a long kicker line). A block has one byline."""
    return (k + 1 < len(lines) and len(strip_ws(lines[k].text)) <= SHORT_HEAD_LINE_CHARS
            and lines[k + 1].kind == "byline")


# A head line this short standing over a paragraph's first line is a pen name, not a headline
# (dev headlines of two characters are all lines of longer blocks: `公财` / `当公理`, `沟通` / `你和我`).
PEN_NAME_ALONE_CHARS: Final = 2


def mark_pen_names_over_paragraphs(page: Page) -> None:
    """A two-character head line that opens a block (a blank line above) right over a
    paragraph's indented first line is the author's name (dev page 31: `粒砂` over `“爆竹声中
    一岁除…`), which `looks_like_names` does not know for a surname."""
    lines = page.lines
    for above, ln, below in zip(lines, lines[1:], lines[2:]):
        if (ln.kind == "head" and above.kind == "blank" and below.kind == "body"
                and "body:indented_first_line" in below.reasons):
            t = strip_ws(ln.text)
            if len(t) == PEN_NAME_ALONE_CHARS and all(is_cjk(ch) for ch in t):
                ln.kind = "byline"
                ln.because("byline:pen_name_over_paragraph")


# What a pen name set off as a text block of its own follows (`mark_pen_names_set_off`): the head
# block it closes, the byline of the block beside it, or a jump closing the column above it.
SET_OFF_NAME_FOLLOWS: Final = ("head", "byline", "jump")
PEN_NAME_SET_OFF_REASON: Final = "byline:pen_name_set_off"


def mark_pen_names_set_off(page: Page) -> None:
    """A two-character head line printed as a text block of its own (a blank line above and
    below it) right after a head block, a byline or a jump line (`SET_OFF_NAME_FOLLOWS`, blank
    lines skipped) is an author's pen name: pdftotext sets a byline in body type off from the
    headline's large type above and from the text under it, while a headline's lines, however
    short, run on as one text block, and a two-character headline standing alone opens a slot
    (after a page header or another slot's text). Sim TRAIN pdftotext pages 36, 146, 156, 173,
    193, 208, 250: `金融动荡的传染源`, blank, `诗云`, blank, `金融危机为何像感冒一…` (8 such lines,
    all bylines, no headline so placed; after body text, `盼雪` is a headline and `西克` a byline).
    Only in dumps with blank lines (`separates_blocks`)."""
    if not separates_blocks(page):
        return
    lines = page.lines
    for k in range(2, len(lines) - 1):
        ln = lines[k]
        if ln.kind != "head" or lines[k - 1].kind != "blank" or lines[k + 1].kind != "blank":
            continue
        t = strip_ws(ln.text)
        if len(t) != PEN_NAME_ALONE_CHARS or not all(is_cjk(ch) for ch in t):
            continue
        j = k - 1
        while j >= 0 and lines[j].kind == "blank":
            j -= 1
        if j >= 0 and lines[j].kind in SET_OFF_NAME_FOLLOWS:
            ln.kind = "byline"
            ln.because(PEN_NAME_SET_OFF_REASON)


NAME_UNDER_SUBTITLE_REASON: Final = "byline:name_under_subtitle"


def mark_names_under_subtitles(page: Page) -> None:
    """A two- or three-character head line (`PEN_NAME_CHARS`) run on, no blank line between,
    under a line opening with a dash (a subtitle, the last tier of a headline) is the author's
    name: only a byline is set under a subtitle. Sim TRAIN pdftotext pages 1-300: of the 29 such
    lines under a dash line 29 are bylines (`——既要优质又要高产` / `稳波`, page 4; `——即格里高利
    历来纪年的` / `瓯海`, page 182, were still read as head lines); the two four-character lines so
    placed are headlines (`走近春节`). Only in dumps with blank lines (`separates_blocks`)."""
    if not separates_blocks(page):
        return
    lines = page.lines
    for above, ln in zip(lines, lines[1:]):
        if ln.kind != "head" or above.kind not in ("head", "body") or not opens_with_dash(strip_ws(above.text)):
            continue
        t = strip_ws(ln.text)
        if PEN_NAME_CHARS[0] <= len(t) <= PEN_NAME_CHARS[1] and all(is_cjk(ch) for ch in t):
            ln.kind = "byline"
            ln.because(NAME_UNDER_SUBTITLE_REASON)


def _closes_headline_with_a_name(lines: list[Line], i: int, t: str) -> bool:
    """Line i (`t`) opens with a surname under two or more headline lines: a name closing a
    headline broken into short lines (dev page 8: `公财` / `当公理` / `厉佛灯`)."""
    return i >= 2 and lines[i - 2].kind == "head" and t[0] in SURNAMES


def mark_signatures(page: Page) -> None:
    """A head line that is an office and a name (`财政部部长兼国家税务总局局长刘仲藜`) is the
    byline of a signed article under its headline (dev pages 15, 29, 35), not a headline line."""
    for ln in page.lines:
        if ln.kind == "head" and titled_name(ln.text):
            ln.kind = "byline"
            ln.because("byline:titled_name")


BODY_SIGNATURE_REASON: Final = "byline:office_signature_over_paragraph"


def mark_body_signatures(page: Page) -> None:
    """A body line that is an office and a name and nothing else (`office_signature`:
    `中国人民银行行长戴相龙`), right over a paragraph's indented first line, is the byline of a
    signed article under its headline, read as body for its full width (dev page 35, raw and
    PyMuPDF). Running text that breaks after a name goes on in the next line, which no indent
    opens, or it ran into the line from the one above; a line holding half-width characters
    tells no indent (`12月31日，中共中央` / `总书记、国家主席江泽民` / `发表1998年新年讲话`, page 21).
    On dev 1-40 it fires on page 35 in the raw and PyMuPDF dumps only, both right."""
    lines = page.lines
    width = page.column_width
    for above, ln, nxt in zip(lines, lines[1:], lines[2:]):
        if (ln.kind == "body" and nxt.kind == "body" and _indented(nxt, width)
                and not _full_line_running_on(above, width) and office_signature(ln.text)):
            ln.kind = "byline"
            ln.because(BODY_SIGNATURE_REASON)


def _indented(line: Line, width: float) -> bool:
    """The line is set in by an indent (`line_shape.is_indented`) and made of
    full-width characters only (half-width digits and letters make a full line measure short:
    `发表1998年新年讲话`)."""
    return is_indented(line, width) and not any(
        ch.isascii() and not ch.isspace() for ch in line.text)


# A signature line (`titled_name`: an office or press title and a name) that stands as a block of
# its own in a dump parting blocks by blank lines is a signed article's byline, read as body for
# its full width. Sim TRAIN pdftotext pages 106, 238 (`新华社高级编辑李长久` under its headline,
# over the paragraph's short first line), 188, 190 (`山西省交口县县长李来福` between blank lines),
# 84 (`文化部艺术局副局长戴英禄` under a side-by-side article's signature); dev pdftotext page 35
# (`中国人民银行行长戴相龙`, blank above, a caption under it: left unassigned, out of a neighbour's
# body). All 6 right; TRAIN pdftotext 41-300 byline_acc 0.7845 -> 0.7863, body 0.8209 -> 0.8215;
# sim VAL pdftotext byline 0.7572 -> 0.7583, headline 0.6085 -> 0.6074 (one article each); dev
# 1-40 unchanged. Running text whose line ends on a title and a name is not set off so: the line
# above runs into it or the one under it goes on at full width (`全国政协副主席叶选` / `平、杨汝岱…`).
SET_OFF_SIGNATURE_REASON: Final = "byline:signature_set_off"
_ABOVE_SET_OFF: Final = ("blank", "head", "byline")
_BELOW_SET_OFF: Final = ("blank", "caption", "byline")
_RUNS_ON_REASON: Final = "body:column_foot_opening_runs_on"
# A reporter's role: such a line is a piece of a credit (dev pdftotext page 6: `央人民广播电 台记者胡训`,
# the middle line of a joint credit), a reporter line the byline rules read by its own form.
REPORTER_ROLES: Final = ("记者", "通讯员", "实习生")


def _signature_line(line: Line) -> bool:
    """A body line that is a title and a name (`titled_name`), not a lead-in (`本报讯记者X`), no
    reporter's credit (`REPORTER_ROLES`), not an opening the column foot runs on from."""
    return (line.kind == "body" and titled_name(line.text) is not None and LEAD_IN_REASON not in line.reasons
            and _RUNS_ON_REASON not in line.reasons and not any(r in line.text for r in REPORTER_ROLES))


def mark_set_off_signatures(page: Page) -> None:
    """A signature line (`_signature_line`) with no running text around it: above it a blank,
    head or byline line or another signature, under it a blank, caption or byline line, another
    signature or a paragraph's indented first line (a blank both above and below: a block of
    its own). Only in dumps that part blocks by blank lines (`separates_blocks`)."""
    if not separates_blocks(page):
        return
    lines = page.lines
    width = page.column_width
    marks = []
    for i in range(1, len(lines) - 1):
        above, ln, nxt = lines[i - 1], lines[i], lines[i + 1]
        if not _signature_line(ln):
            continue
        if not (above.kind in _ABOVE_SET_OFF or _signature_line(above)):
            continue
        if nxt.kind in _BELOW_SET_OFF or _signature_line(nxt) or (nxt.kind == "body" and _indented(nxt, width)):
            marks.append(ln)
    for ln in marks:
        ln.kind = "byline"
        ln.because(SET_OFF_SIGNATURE_REASON)


def _full_line_running_on(line: Line, width: float) -> bool:
    """A full body line with no sentence end: its text goes on into the next line."""
    return line.kind == "body" and slack(line, width) <= FULL_SLACK and not ends_sentence(line.text)


def mark_names_over_headlines(page: Page) -> None:
    """A line read as a byline for its names (`byline:names`) that opens a block (a blank line
    above) with a head line right under it is the headline's first line: a byline is printed
    under its headline, not over it (dev page 29: `陈方安生` / `启程赴京`, a headline opening
    with the name of whom it tells). Dumps without blank lines never open a block so: there
    the line right under a text's end is one (`opens_head_block_after_text`)."""
    lines = page.lines
    for k, (ln, below) in enumerate(zip(lines, lines[1:])):
        if ln.kind != "byline" or below.kind != "head" or NAMES_REASON not in ln.reasons:
            continue
        above = lines[k - 1] if k > 0 else None
        if above is not None and above.kind == "blank":
            ln.kind = "head"
            ln.because("head:name_over_headline")
        elif NAMES_OPEN_HEAD_BLOCKS and opens_head_block_after_text(above, ln) and whole_date(below.text) is None:
            ln.kind = "head"
            ln.because(NAME_OPENS_HEAD_REASON)


# A dump without blank lines (raw, PyMuPDF) prints a names line right under the text before it
# and over a head line: a byline stands under its headline, never over it, so such a line is
# the headline's first line, a short one that reads as names (simulated raw TRAIN pages 23, 49,
# 113, 199, 236, 289: `…今年访华。` / `江主席会见` / `美国防部长`, `…西班牙女郎。` / `莫斯科申办` /
# `夏季奥运会`, `…蓄芳待来年。` / `黄河` / `精魂` / `刘白羽`; left over, those headlines lost their
# first line). Above it the text of the article before (a body line), a jump line, a caption, the
# page header, or nothing (the page's first line). Of such lines on TRAIN raw and PyMuPDF pages
# 1-300, 18 each, all are gold head lines; on dev 1-40 raw and PyMuPDF it fires nowhere: `文艺部`
# (page 9) is the department signing the article above, under its last line (ORG_SIGNATURE_ENDINGS),
# and `陈方安生` / `启程赴京` (page 29, a headline) stands under a body line cut short by the
# column's foot, which tells nothing. Not over a date line alone (`rules.dates.whole_date`): a
# signature and its date close the article above (dev page 10: `付林` / `1998年1月`).
# headline_acc TRAIN raw 1-40 / 41-300 .8045 / .8101 -> .8141 / .8166, PyMuPDF .8045 / .8082 ->
# .8141 / .8147 (byline_acc up, body, para, exact unchanged); sim VAL raw 1-40 / 41-120 .7876 /
# .8045 -> .7935 / .8060, PyMuPDF .7994 / .8124 -> .8053 / .8156 (byline 41-120 .8983 -> .8998);
# pdftotext and dev 1-40 (all three dumps) unchanged.
NAMES_OPEN_HEAD_BLOCKS = True  # switch (tests)
NAME_OPENS_HEAD_REASON: Final = "head:names_line_opens_head_block"
TEXT_KINDS_BEFORE_HEADS: Final = ("body", "jump", "caption", "header")  # body lines closing their text only
ORG_SIGNATURE_ENDINGS: Final = ("部", "室", "社", "组")
CLOSING_BRACKETS: Final = ("）", ")")


def opens_head_block_after_text(above: Line | None, line: Line) -> bool:
    """The names line `line` stands at the page's top (`above` None) or right under a line of
    text (TEXT_KINDS_BEFORE_HEADS), and is no department's name (ORG_SIGNATURE_ENDINGS)."""
    if strip_ws(line.text).endswith(ORG_SIGNATURE_ENDINGS):
        return False
    if above is None or above.kind in TEXT_KINDS_BEFORE_HEADS[1:]:
        return True
    return above.kind == "body" and closes_text(above.text)


def closes_text(text: str) -> bool:
    """A body line ends a sentence (`rules.chars.ends_sentence`) or a bracket (a credit or a
    dispatch's place and date, `（梁国柱摄）`, `（本报大马士革1月21日电）`): the text above a
    head block. A body line running on is a head line the classifier took for body (simulated
    raw TRAIN page 38: a subtitle `记烟台高新技术开发区` over the byline `郭宗利熊毅唐磊`) or a
    list of names (TRAIN 244: `存、温克刚、谢希德（女）、` / `谢高觉`)."""
    t = text.rstrip()
    return ends_sentence(t) or t.endswith(CLOSING_BRACKETS)


# A line read as a byline for its names (`byline:names`) run on, no blank line between, under a
# head line that runs a dictionary word across the break, the rest of the line words too
# (`language.words_after_spanning_word`: `中华各民族人民作出的历` / `史选择`) or a number before its unit (`language.number_runs_on`:
# `151封举报信，要价151` / `万元`) is that head's last line: a byline never takes up the
# headline's words. Sim TRAIN pdftotext pages 73, 91, 108, 227, 273 (`万元`, `史选择` given to
# the article as its byline; 6 lines on TRAIN pdftotext, 8 raw, all head lines; dev 1-40: one,
# pdftotext page 30, `两年来，已帮助五十八点八` / `万妇女解决温饱`, no byline either: a line of a bulleted gold paragraph; metrics unchanged); the raw dumps'
# heads tail has the like cue (`heads_tail.not_a_byline`). With `head_tiers.kicker_over_headline`'s
# number cue: sim VAL headline_acc pdftotext 1-40/41-120 +0.003/+0.006, raw +0.003/+0.011,
# PyMuPDF +0.003/+0.011, byline_acc raw/PyMuPDF 41-120 +0.003; dev 1-40 unchanged.
NAMES_RUN_ON_REASON: Final = "head:names_line_runs_on_from_head"
RUN_ON_WORD_MIN_CHARS: Final = 2  # a dictionary word of the rest of the line, not a character alone


def names_line_runs_on(above: Line, line: Line) -> bool:
    """The head line `above` runs a number on into the names line `line`, or a dictionary word
    whose rest of the line is dictionary words too (`words_after_spanning_word`): a name the
    word happens to take its surname from leaves characters no word holds (`海南看海` / `王浦安`,
    `海王` then `浦`, `安`: sim TRAIN page 169, a byline)."""
    left, right = strip_ws(above.text), strip_ws(line.text)
    if number_runs_on(left, right):
        return True
    rest = words_after_spanning_word(left, right)
    return rest is not None and all(len(w) >= RUN_ON_WORD_MIN_CHARS for w in rest)


def mark_names_run_on_from_heads(page: Page) -> None:
    """A byline read for its names right under a head line that runs on into it
    (`names_line_runs_on`) is a head line (see NAMES_RUN_ON_REASON)."""
    lines = page.lines
    for above, ln in zip(lines, lines[1:]):
        if (ln.kind == "byline" and above.kind == "head" and NAMES_REASON in ln.reasons
                and names_line_runs_on(above, ln)):
            ln.kind = "head"
            ln.because(NAMES_RUN_ON_REASON)


def mark_credit_lines_between_bylines(page: Page) -> None:
    """A body line naming a reporter (`记者`) right between two byline lines is the middle of a
    joint credit broken over three lines (dev page 6: `新华社记者刘建新中` / `央人民广播电 台记者
    胡训` / `军本报记者郭嘉`, the last a byline once `mark_signatures` has read its title): body
    text is not printed inside a byline. On dev pages 1-40 that line is the only one so placed,
    in each dump; read as body it closed a fragment of another article's text, which the
    threading then carried on (pdftotext byline_acc pages 1-20: 0.7826 -> 0.7888)."""
    lines = page.lines
    for above, ln, below in zip(lines, lines[1:], lines[2:]):
        if ln.kind == "body" and above.kind == "byline" and below.kind == "byline" and "记者" in ln.text:
            ln.kind = "byline"
            ln.because("byline:between_bylines")
