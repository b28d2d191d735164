"""Lines first read as headline lines that are body text after all.

A short line read as a head line may be a paragraph's indented first line at a column's foot,
carried on in the next column or where a jump line points; a lone head line ending on 等 is a
list running on into its verb; a line opening with a bullet is a summary point of an article's
body; one head line between a reporter's line and the body is the article's first subhead.
These rules (run by `head_context.mark_context_heads`) give such lines back to the body, each
recording its reason. `_line_above` and `_line_below` find the nearest non-blank line, for the
other context rules too.
"""
from __future__ import annotations

from typing import Final

from banmian.line_shape import FULL_SLACK, WIDE_HEAD_REASON, is_indented, separates_blocks, slack
from banmian.model import Line, Page
from banmian.language import spanning_word
from banmian.rules.chars import ends_sentence, last_code_point, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON, REPORTER_LINE_REASON

def _line_above(lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line above line i."""
    for k in range(i - 1, -1, -1):
        if last_code_point(lines[k].text) != -1 and lines[k].kind != "blank":  # (`.text.strip()`)
            return lines[k]
    return None


def _line_below(lines: list[Line], j: int) -> Line | None:
    """The nearest non-blank line from line j on."""
    for k in range(j, len(lines)):
        if last_code_point(lines[k].text) != -1 and lines[k].kind != "blank":  # (`.text.strip()`)
            return lines[k]
    return None


def mark_openings_at_column_foot(page: Page) -> None:
    """Where blank lines separate blocks, a short line closing a block right under a finished
    sentence is a paragraph's indented first line at the foot of a column, carried on in the
    next (dev page 12: `由国家技术监督局和中国` under `通74条地方查询终端。`): pdftotext sets a
    headline off from the body by a blank line. So is such a line set off by blank lines on
    both sides when a full body line follows (`_opening_runs_on_past_blanks`), or when it reads
    on by a word into a later column's top (`_opening_read_on_at_column_top`)."""
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
        elif not above.text.strip():
            top = _opening_read_on_at_column_top(lines, i, width)
            if top >= 0:
                ln.kind = "body"
                # read on into the next block: one fragment with it (`fragment_runs`), as above
                ln.because(OPENING_RUNS_ON_REASON if top == i + 2 else OPENING_READ_ON_REASON)
            elif _opening_dangles_into_next_top(lines, i, width):
                ln.kind = "body"
                ln.because(OPENING_DANGLES_REASON)


OPENING_RUNS_ON_REASON: Final = "body:column_foot_opening_runs_on"
# A lone indented line set off by blank lines on both sides (a paragraph's first line at a
# column's foot, its indent kept) whose last characters and the first of a full-width body line
# opening a block further down the page (a column's top) make a dictionary word
# (`石油工业是委内瑞拉国民` / `经济的中流砥柱。`) is body text: its paragraph goes on at a column's
# top, a headline's line does not. The wrong joins it mends (`bench/misplaced.py`): a
# mid-sentence column top joined after a finished paragraph because the line it continues was
# taken for a headline. On the simulated TRAIN pdftotext pages 1-300 it fires on 22 lines, all
# gold body (the word reads into the true continuation for 11); dev pdftotext 1-40: page 27,
# body. Left out: a dash-led line (a subtitle: `——作品写得并不多` / `么？`, TRAIN page 134) and
# a line after a colon (an item of the list it announces: dev page 9 `以暗为明：一些被前人打`,
# threading opened an article there, as for `_opening_runs_on_past_blanks`). Sim TRAIN
# pdftotext 1-40 / 41-300 body_char_acc .8598 / .8298 -> .8613 / .8310, article_exact .5801 /
# .5563 -> .5865 / .5596; sim VAL 1-40 / 41-120 body .8218 / .8131 -> .8223 / .8137, exact
# .5664 / .5707 -> .5693 / .5787; dev 21-40 exact .6346 -> .6410, dev 1-20 unchanged.
OPENING_READ_ON_REASON: Final = "body:column_foot_opening_read_on"
SUBTITLE_DASH: Final = "—"
ANNOUNCING_COLON: Final = "："


def _opening_read_on_at_column_top(lines: list[Line], i: int, width: float) -> int:
    """Line i, alone between blank lines, reads on by a dictionary word into a full-width body
    line that opens a block (a blank line over it) further down the page (OPENING_READ_ON_REASON):
    that line's index, else -1."""
    text = _lone_opening_text(lines, i)
    if not text:
        return -1
    for k in range(i + 2, len(lines)):
        if _opens_column_top(lines, k, width) and spanning_word(text, strip_ws(lines[k].text), hmm=False) is not None:
            return k
    return -1


def _lone_opening_text(lines: list[Line], i: int) -> str:
    """Line i's text when it may be a paragraph's first line cut at a column's foot, else "":
    not a dash-led line (a subtitle), nor one under a line ending on a colon (an item of the
    list the colon announces; see `_opening_runs_on_past_blanks`)."""
    text = strip_ws(lines[i].text)
    if not text or text.startswith(SUBTITLE_DASH):
        return ""
    before = _line_above(lines, i)
    if before is not None and before.text.rstrip().endswith(ANNOUNCING_COLON):
        return ""
    return text


def _opens_column_top(lines: list[Line], k: int, width: float) -> bool:
    """Line k is a full-width body line opening a block (a blank line over it): a column's top."""
    top = lines[k]
    return top.kind == "body" and last_code_point(lines[k - 1].text) == -1 and slack(top, width) <= FULL_SLACK


# A lone indented line set off by blank lines (not dash-led, not under a colon) whose last
# character jieba's HMM, where no dictionary word does, joins into one word with the first
# characters of the next full-width body line opening a block below it (the next column's
# top) stops mid-word or mid-phrase: a paragraph's first line at a column's foot, carried on
# there (sim TRAIN pages 98 `来自北京城近郊12个`, 143 `今年上海市旅游委设`, 196
# `据管理所的同志说：早`, 257 `参加运动会的单位大约有`, 300 `深入基层群众中演出，使`; dev
# page 37 `●住房自有率不断提`), all gold body. A headline's line ends on a whole word, which
# the HMM leaves alone. The wrong joins it mends (a study of the joins whose true predecessor
# is no fragment end): a column top mid-sentence joined after another article's finished
# paragraph because the line it continues was read as a headline. Only the next top is tried:
# against any later top the HMM pairs some line more often than not, and dev page 20's two
# such lines (their continuation printed above them) then lost body text. Left out: a line
# whose text recurs on the page, a pull quote (the gold's kicker). Sim pdftotext TRAIN 41-300
# body .8325 -> .8327, para .8456 -> .8459 (1-40 unchanged); VAL 1-40 / 41-120 exact .5693 /
# .5803 -> .5693 / .5835, head .6313 / .6502 -> .6283 / .6534, byline .7670 / .7870 -> .7699 /
# .7870; dev 21-40 para .8870 -> .8882, dev 1-20 unchanged.
OPENING_DANGLES_REASON: Final = "body:column_foot_opening_dangles"


def _opening_dangles_into_next_top(lines: list[Line], i: int, width: float) -> bool:
    """Line i, alone between blank lines, makes a word by jieba's HMM with the next full-width
    body line below that opens a block, and its text recurs nowhere else on the page
    (OPENING_DANGLES_REASON)."""
    text = _lone_opening_text(lines, i)
    if not text:
        return False
    for k in range(i + 2, len(lines)):
        if _opens_column_top(lines, k, width):
            if spanning_word(text, strip_ws(lines[k].text), hmm=True) is None:
                return False
            return text not in "".join(strip_ws(ln.text) for n, ln in enumerate(lines) if n != i)
    return False


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
    return ends_sentence(above.text) and slack(below, width) <= FULL_SLACK and LEAD_IN_REASON not in below.reasons


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
        if WIDE_HEAD_REASON in ln.reasons:
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
        if ln.kind != "byline" or REPORTER_LINE_REASON not in ln.reasons:
            continue
        sub, nxt = lines[i + 1], lines[i + 2]
        if lines[i - 1].kind == "head" and sub.kind == "head" and nxt.kind == "body":
            sub.kind = "body"
            sub.because(SUBHEAD_UNDER_BYLINE_REASON)
