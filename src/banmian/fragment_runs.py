"""Fragment runs: cut a page's body lines into fragments (maximal runs of body lines, `fragments_of`)
and tell how a fragment's first line begins and its last line ends (`start_kind`, `end_kind`).

Blank lines are not trusted: the extractor prints one at every column break too. A run is also
cut where no blank line stands: at a lead-in or salutation in a dump without blank lines, at a
column break printed without a blank line (text cut short, a full line after a paragraph's
short last line), after a picture story's closing photo credit. The paragraphs stage
(`stages.paragraphs`) builds the fragments with these and marks paragraph starts in them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from banmian.furniture_lines import PHOTO_CREDIT_REASON
from banmian.language import spanning_word
from banmian.line_shape import FULL_SLACK, INDENT_MAX, is_indented, separates_blocks, slack
from banmian.heads_to_body import OPENING_RUNS_ON_REASON, opens_with_bullet
from banmian.model import Fragment, Line, Page
from banmian.rules.chars import CLOSERS, ends_sentence, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON, is_lead_in, is_salutation

PARAGRAPH_END_MARKS: Final = set("。！？…”’）)」』】：；，、")
VERY_SHORT_SHARE: Final = 0.5  # a line shorter than half the column ends its paragraph regardless


def breaks_column(line: Line, width: float) -> bool:
    """The line fills its column and stops inside a word (no mark at its end): the text runs on
    elsewhere, so a lead-in on the next line opens another article's column, not a paragraph of
    this one (dev page 12: `关负责同志指出，实施种子工` / `本报讯 为切实整治社会`, no blank
    between them). A line ending in a mark is left alone: it may end a byline that the lead-in
    continues (`华社记者周志方、赵秀娟，` / `本报记者李舫报道：`)."""
    return slack(line, width) <= FULL_SLACK and line.text[-1] not in PARAGRAPH_END_MARKS \
        and line.text[-1] not in CLOSERS


CUT_SHORT_REASON: Final = "fragment:after_text_cut_short"

# A lead-in (`据新华社伦敦1月19`, `本报讯`) opens a report: under a full body line that stops
# mid-sentence at a comma (`…决定设立一个人道委员会，`), no blank line between, pdftotext printed
# a column break there (sim TRAIN pdftotext pages 50, 115, 128, 146). `breaks_column` leaves
# lines ending in a mark alone, for a byline the lead-in continues (`华社记者周志方、赵秀娟，` /
# `本报记者李舫报道：`): a line holding a byline word (BYLINE_WORDS) or a lead-in still counts
# so. Under a sentence end a lead-in goes on a roundup or a picture story as often as not (sim
# TRAIN 1-150: 21 of 23 in one gold article; dev 1-40 pages 21, 33: all 3), so no cut there.
BYLINE_WORDS: Final[tuple[str, ...]] = ("记者", "通讯员", "特约", "摄影", "社", "电")
LEAD_IN_LOOKBACK: Final = 2  # lines of a lead-in paragraph that may still be open
CLAUSE_BREAK_MARKS: Final = "，、；"


def lead_in_after_clause(cur: Sequence[Line], width: float) -> bool:
    """The body lines `cur` before a lead-in end in a full line stopping at a clause mark
    (CLAUSE_BREAK_MARKS) mid-sentence, not a line of a byline (BYLINE_WORDS) or of a lead-in
    (its last LEAD_IN_LOOKBACK lines)."""
    last = cur[-1].text.rstrip()
    return (last[-1:] in CLAUSE_BREAK_MARKS and slack(cur[-1], width) <= FULL_SLACK
            and not any(w in last for w in BYLINE_WORDS) and not ends_in_lead_in(cur))


def ends_in_lead_in(cur: Sequence[Line]) -> bool:
    """One of the last LEAD_IN_LOOKBACK lines of `cur` opens with a lead-in: its paragraph may
    still be open."""
    return any(LEAD_IN_REASON in ln.reasons or is_lead_in(ln.text) for ln in cur[-LEAD_IN_LOOKBACK:])


# In a dump without blank lines, where every lead-in opens a run, a lead-in under an open lead-in
# paragraph (its last LEAD_IN_LOOKBACK lines hold one, and the line above stops at a clause mark)
# is the byline going on with its next outlet (`本报北京一月八日讯新` / `华社记者周志方、赵秀娟，` /
# `本报记者李舫报道：`, dev raw and PyMuPDF page 57): cut there, the report lost its dateline.
BYLINE_GOES_ON_REASON: Final = "fragment:lead_in_continues_byline"


def byline_goes_on(cur: Sequence[Line]) -> bool:
    """The lines `cur` end inside a lead-in paragraph, at a clause mark (CLAUSE_BREAK_MARKS)."""
    return cur[-1].text.rstrip()[-1:] in CLAUSE_BREAK_MARKS and ends_in_lead_in(cur)


_HALF_WIDTH_OR_DASH: Final = re.compile(r"[0-9A-Za-z%.—\-]")


def short_by_itself(line: Line, nxt: Line | None) -> bool:
    """The line measures short for no reason of its own setting: it holds no half-width
    characters (digits and letters measure unevenly), and the next line opens with none, nor
    with a dash within its first two characters (a number or a dash that did not fit pulls
    the line's last word down and spreads the line: dev page 40, `去滦平县的娘家送年` over
    `礼———两本书`)."""
    return not _HALF_WIDTH_OR_DASH.search(line.text) and not (
        nxt is not None and _HALF_WIDTH_OR_DASH.search(nxt.text.strip()[:2]))


# A line opening with a date (`1月23日，`) or an item number (`2、`) holds digits, so
# `short_by_itself` cannot tell its indent from uneven digits; but a full line stopping inside a
# word over it, no word across, is text cut short before another piece's opening (sim TRAIN
# pdftotext pages 21, 64, 246, 296: `…一项重要举措。在` / `1月23日，首都军民迎`, `…这种“个` /
# `2、佳节将临，鲜花礼`; raw pages 87, 171, 234; the one such pair inside one gold article, raw
# page 142's `…刺激的活动` / `1、安徽省…`, a roundup's first item; dev raw 1-40 pages 5, 30,
# two cuts, both article changes).
OPENING_DATE_OR_NUMBER: Final = re.compile(r"(?:\d{1,2}月\d{1,2}日|\d{1,2}、)")


def opens_with_date_or_number(line: Line) -> bool:
    """The line opens with a date or an item number (OPENING_DATE_OR_NUMBER)."""
    return OPENING_DATE_OR_NUMBER.match(strip_ws(line.text)) is not None


def cut_short_in_block(prev: Line, line: Line, nxt: Line | None, width: float) -> bool:
    """Text cut short: a full line that stops inside a word (`breaks_column`) over an indented
    line with no word across (`restarts_after_cut`) that is short by itself
    (`short_by_itself`) or opens with a date or an item number (`opens_with_date_or_number`). pdftotext printed a column break without a blank line (dev page 3:
    `…不仅体现在体育` / `尽管中国队在第一天的跳`, another article's opening; page 19: `字不认人，
    如果纳税人不` / `湖南省临湘市国税局`); in a dump without blank lines, an article cut off at
    the foot of its box runs straight into the next one (dev raw page 32: `对侵害债权人利益的
    破产项` / `一九九七年建设银行以`). A line ending in a dash leads into the line after it
    (dev raw page 19: `如今，这里实行了———` / `江西省宜春地区小康`), and a bullet opens the next
    point of a list whose points carry no closing mark (dev raw page 2: `…作出的贡献` /
    `●支持香港特区政府捍`). The threading then decides where the piece after it goes."""
    return (breaks_column(prev, width) and not prev.text.rstrip().endswith(LINE_END_DASHES)
            and not opens_with_bullet(line.text) and restarts_after_cut(prev, line, width)
            and (short_by_itself(line, nxt) or opens_with_date_or_number(line)))


# A paragraph's short last line ending a sentence, then a line that fills the column and stops
# inside a word: no paragraph opens so (its first line is indented), so the full line goes on
# text printed elsewhere, after a column break pdftotext printed without a blank line (sim
# TRAIN pdftotext pages 112, 186, 196, 265, 279, 295: `…周之内的事。` / `塞俄比亚总理以及赞比亚`;
# dev page 7: `广。` / `挑右选，最后选了一位名叫`; no such pair inside one gold article there).
# A last line at least this short, with no half-width characters (digits measure unevenly: an
# indented one-line paragraph `3月16日，又到周日。` measures as short), ends its paragraph
# for sure. Not in dumps without blank lines, whose line widths are less even (sim TRAIN raw:
# 11 of 23 such pairs in one gold article, `…举行会谈。` / `据报道，应泰国总理川·`).
SHORT_END_MIN: Final = 3.0
SHORT_END_REASON: Final = "fragment:full_line_after_paragraph_end"


def resumes_after_paragraph_end(prev: Line, line: Line, width: float) -> bool:
    """`prev` ends a sentence at least SHORT_END_MIN em short, with no half-width characters,
    and `line` fills the column and stops inside a word (`breaks_column`), no lead-in."""
    return (slack(prev, width) >= SHORT_END_MIN and ends_sentence(prev.text) and breaks_column(line, width)
            and not _HALF_WIDTH_OR_DASH.search(prev.text) and not is_lead_in(line.text))


# A dash closing a line leads into the next: an apposition or an explanation follows.
LINE_END_DASHES: Final[tuple[str, ...]] = ("—", "－", "-")


def fragments_of(page: Page) -> list[Fragment]:
    """Maximal runs of consecutive body lines, in input order. In a dump without blank lines a
    line that opens with a lead-in byline (`据新华社北京1月12日电`), or a letter's salutation
    (`编辑同志：`), starts a run of its own, so an article start inside a run can be seen (such
    dumps print articles back to back: dev raw page 20). Where blank lines separate blocks, only
    after a line that breaks off at the column's end (`breaks_column`) or stops at a comma
    mid-sentence (`lead_in_after_clause`): splitting at every lead-in there cost pdftotext
    byline and source accuracy (lead-ins continuing a byline, a roundup's items).
    In every dump, text cut short (`cut_short_in_block`) ends a run. In a dump without blank
    lines, a picture story's closing photo credit (`（新华社记者兰红光摄）`) ends a run too, as
    the caption line it was taken for did (dev raw page 22). A paragraph's opening at a
    column's foot that classify found running on past the blank lines into the next column's
    top (`heads_to_body.OPENING_RUNS_ON_REASON`) does not end its run there: a one-line fragment
    of it opened an article of its own (dev pdftotext pages 31, 37)."""
    out: list[Fragment] = []
    cur: list[Line] = []
    split_lead_ins = not separates_blocks(page)
    width = page.column_width
    lines = page.lines
    for k, ln in enumerate(lines):
        if ln.kind == "body":
            opens = LEAD_IN_REASON in ln.reasons or is_salutation(ln.text)
            cut_short = (bool(cur) and is_indented(ln, width)  # cheap gate: most lines are full
                         and cut_short_in_block(cur[-1], ln, lines[k + 1] if k + 1 < len(lines) else None, width))
            resumes = not split_lead_ins and bool(cur) and resumes_after_paragraph_end(cur[-1], ln, width)
            if opens and split_lead_ins and cur and byline_goes_on(cur):
                opens = False
                ln.because(BYLINE_GOES_ON_REASON)
            if cur and ((opens and (split_lead_ins or breaks_column(cur[-1], width) or lead_in_after_clause(cur, width)))
                        or (split_lead_ins and PHOTO_CREDIT_REASON in cur[-1].reasons) or cut_short or resumes):
                out.append(Fragment(lines=cur))
                cur = []
                if cut_short:
                    ln.because(CUT_SHORT_REASON)
                if resumes:
                    ln.because(SHORT_END_REASON)
            cur.append(ln)
            continue
        if cur and len(cur) == 1 and OPENING_RUNS_ON_REASON in cur[0].reasons and not ln.text.strip():
            continue  # a column-foot opening goes on past the blank lines, into the next column's top
        if cur:
            out.append(Fragment(lines=cur))
            cur = []
    if cur:
        out.append(Fragment(lines=cur))
    for i, f in enumerate(out):
        f.order = i
    return out


def restarts_after_cut(prev: Line, line: Line, width: float) -> bool:
    """An indented line after a full line that stops mid-sentence, with no word running
    across: no paragraph of one article breaks so, but an article cut short where its slot
    ends (no jump line printed) runs straight into the next article's first paragraph in a
    dump without blank lines (dev raw page 20: `…商讨加强旅游合作事宜。她` / `与此同时，大同、运`).
    The indented line ends in no mark (a short line ending in one is a paragraph's last line)
    unless it is an opening clause at a comma (`opening_clause_at_comma`)."""
    return (slack(prev, width) <= FULL_SLACK and not ends_sentence(prev.text) and is_indented(line, width)
            and (line.text[-1] not in PARAGRAPH_END_MARKS or opening_clause_at_comma(line, width))
            and not spanning_word(prev.text, line.text, False))


# A paragraph ends on a sentence's end, not on a comma, and text cut short at the foot of its
# slot stops on a full line: so a line ending in a comma a whole indent short (two em, up to
# INDENT_MAX), under a full line that stops mid-sentence, is the indented first line of the
# next piece whose opening clause ended at the column's edge (`1991年末苏联解体后，` /
# `在欧亚大陆的心脏地带，出`), or one em before it where the clause holds half-width digits, which
# print wider than half an em, or the next token could not be broken (`70年代中期以来，` /
# `“西方马克思主义”一反`). Read as a paragraph's short last line, it put the paragraph start on
# the full line under it, cutting the opening clause off its article: sim TRAIN raw and PyMuPDF
# pages 58, 106, 110, 293 (four article openings, never a candidate start in heads_tail), dev
# raw page 5 (`1月14日上午11时，` / `张北县大河乡的一个小山`). A line only 1.5 em short is a middle
# line spread by its digits (`有627户已摘掉贫困帽，` over `109户年纯收入超万元，`, TRAIN page 132),
# no opening: on TRAIN 1-300 and dev 1-40 every such line at least two em short opens a gold
# article, none at 1.5.
OPENING_CLAUSE_MIN_SLACK: Final = 2.0
OPENING_CLAUSE_MARKS: Final = ("，", ",")
OPENING_CLAUSE_REASON: Final = "paragraph:opening_clause_at_comma_after_cut"


def opening_clause_at_comma(line: Line, width: float) -> bool:
    """The line ends in a comma and is at least OPENING_CLAUSE_MIN_SLACK em (a whole indent)
    and at most an indent's INDENT_MAX short."""
    return (OPENING_CLAUSE_MIN_SLACK <= slack(line, width) <= INDENT_MAX
            and line.text.rstrip().endswith(OPENING_CLAUSE_MARKS))


def ends_paragraph(line: Line, width: float, is_first: bool) -> bool:
    """The line is a paragraph's last line: narrower than it would be if the text went on.

    It must also end with punctuation, unless it is very short: in the dev gold 51 of ~1,900
    paragraphs end without it, while lines with digits often measure a little short (page 8:
    `全国登记的779.7万名选民`).
    """
    expected = 2.0 if is_first else 0.0  # an indented first line is two em short by design
    short_by = slack(line, width) - expected
    if short_by <= FULL_SLACK:
        return False
    return line.text[-1] in PARAGRAPH_END_MARKS or short_by > width * VERY_SHORT_SHARE


def start_kind(frag: Fragment, width: float) -> str:
    """How a fragment's first line begins: open, indent or short."""
    first = frag.first
    if is_lead_in(first.text):
        return "indent"
    if slack(first, width) <= FULL_SLACK:
        return "open"
    if len(frag.lines) > 1 and not ends_sentence(first.text):
        return "indent" if is_indented(first, width) else "short"
    return "indent" if is_indented(first, width) and not ends_sentence(first.text) else "short"


def in_lead_in(frag: Fragment, i: int) -> bool:
    """Line i of the fragment is (part of) a lead-in byline opening its paragraph.

    Lead-ins are set in a wider face, so their lines hold fewer characters and measure short
    without ending anything (dev page 5: `新华社济南1月13` / `日电 中国科学院院士，`).
    """
    j = i
    # walk back over lines that continue an unclosed bracket of the lead-in before them
    while j > 0 and not frag.lines[j].para_start and _unclosed(frag.lines[j - 1].text):
        j -= 1
    ln = frag.lines[j]
    return (j == 0 or ln.para_start) and is_lead_in(ln.text)


def _unclosed(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def end_kind(frag: Fragment, width: float) -> str:
    """How a fragment's last line ends: open, closed or maybe."""
    last = frag.last
    if in_lead_in(frag, len(frag.lines) - 1) and not ends_sentence(last.text):
        return "open"
    is_first = len(frag.lines) == 1 and frag.start == "indent"
    if ends_paragraph(last, width, is_first):
        return "closed"
    return "maybe" if ends_sentence(last.text) else "open"
