"""Paragraphs: cut body lines into fragments and mark where paragraphs start.

Blank lines are not trusted: the extractor prints one at every column break too. A paragraph
starts at a line when the line before it ends the paragraph (it is short) or ends a sentence
and this line is indented by two em.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from banmian.language import spanning_word
from banmian.line_shape import BODY_START_FORBIDDEN, FULL_SLACK, INDENT_MIN, is_indented, separates_blocks, slack
from banmian.heads_to_body import OPENING_RUNS_ON_REASON, SUBHEAD_UNDER_BYLINE_REASON, opens_with_bullet
from banmian.closing_credits import CLOSING_CREDIT_REASON, closes_report
from banmian.model import Fragment, Line, Page, line_positions
from banmian.ordinals import opens_later_step
from banmian.para_cues import (AFTER_CLOSING_REASON, AFTER_COLON_REASON, BULLET_REASON, COMMA_RUNS_ON_REASON, COMPRESSED_INDENT_REASON,
                               CREDIT_CLOSES_REASON, HALF_WIDTH_SHORT_REASON, HALF_WIDTH_THEN_INDENT_REASON, NOTE_ALONE_REASON, ONE_EM_SHORT_REASON,
                               PICTURE_LABEL_REASON, SHORT_EXPLAINED_REASON, compressed_indent, credit_closes_description, half_width_runs_on,
                               indent_after_closing, indent_after_colon, is_note_alone, is_picture_label, one_em_short, opens_bullet, short_at_comma,
                               short_by_half_width, short_explained)
from banmian.rules.bylines import ends_with_photo_credit, trailing_credit_names
from banmian.rules.chars import CLOSERS, ends_sentence, strip_ws
from banmian.rules.furniture import ends_with_picture_note, is_lead_in, is_salutation
from banmian.similarity import bigram_cosine, bigrams, share_found
from banmian.stages.classify import CLOSING_REASON, PHOTO_CREDIT_REASON
from banmian.stages.roundups import item_number_of

PARAGRAPH_END_MARKS: Final = set("。！？…”’）)」』】：；，、")
VERY_SHORT_SHARE: Final = 0.5  # a line shorter than half the column ends its paragraph regardless
DROP_CAP_MAX: Final = 2  # characters on a drop cap's line (`我` / `们在…`)


LEAD_IN_REASON: Final = "body:lead_in"  # set by the classify stage
# set by split_at_topic_shifts where a line ends the text before it: text cut short, a credit
AFTER_CUT_REASON: Final = "paragraph_start:after_cut_text"
AFTER_CREDIT_REASON: Final = "paragraph_start:after_credit"
# Topic shifts (split_at_topic_shifts), on dev raw 1-40: windows of 200 characters each side;
# cosine below 0.02 (0.01: body 0.890, 0.02: 0.894, 0.03: 0.892, 0.06: 0.849).
SHIFT_WINDOW: Final = 200
SHIFT_MAX_COSINE: Final = 0.02
# ... but only where a head line of the page could head the new piece: most of its bigrams
# (HEADED_MIN_SHARE) recur in the piece's opening (HEAD_OPENING characters). With no such head
# line the cut needs a stronger shift (UNHEADED_SHIFT_MAX_COSINE): on dev raw 1-40, of the cuts
# at cosine 0.0075-0.02, one opened a gold article (page 5 `张北县大河乡…`, whose head line
# recurs whole in it) and 12 split essays and reports at a change of scene (page 14
# `一天下午，我们驾车…`, page 37 `最令我痛心的是…`); the unheaded true starts sat at 0-0.005.
# Dev raw body_char_acc pages 1-20 / 21-40 (share 0.67): all at 0.02: 0.9500 / 0.9276; 0.005:
# 0.9594 / 0.9350; 0.0075: 0.9572 / 0.9340; 0.01: 0.9544 / 0.9330 (0.0025: 0.9397 / 0.9235);
# 0.0075 rather than 0.005 keeps a margin to the true starts at 0.0042-0.0049 (false ones from
# 0.0051). Share at cosine 0.01: 0.2-0.5: 0.9544 / 0.9310, 0.67: 0.9544 / 0.9330 (page 4
# `看来，党员干部…` and page 38 `市委副书记…` share half of a head line); a wider headed cut
# (0.025, 0.03) cost both.
UNHEADED_SHIFT_MAX_COSINE = 0.0075
HEADED_MIN_SHARE: Final = 0.67
HEAD_OPENING: Final = 200
HEAD_MIN_CHARS: Final = 4  # shorter head lines share bigrams with any text by chance
SHIFT_MIN_CHARS: Final = 40
# The text before a topic shift, from the start of its run, must be longer: an article's opening
# paragraphs right under its headline are short and share few bigrams with anything (dev raw
# page 31: `近些年来，生活中必不可少的便是逛农贸市场。` cut off its own article). Dev raw body_char_acc
# pages 1-20 / 21-40: 40: 0.9429 / 0.9211, 60: 0.9437 / 0.9219, 80-90: 0.9444 / 0.9219, 100:
# 0.9444 / 0.9230, 120-160: 0.944 / 0.9199 (PyMuPDF the same up to 100, then apart).
SHIFT_MIN_BEFORE_CHARS = 100
# Text cut short (`restarts_after_cut`) is evidence of an article change by itself, so a weaker
# topic change confirms it. Dev raw 1-40 body_char_acc (windows read without spaces) 0.02:
# 0.9292, 0.025: 0.9287, 0.03-0.04: 0.9322, 0.05: 0.9364; the middle of the plateau, between
# the article change of dev page 33 (cosine 0.030) and the paragraph of page 11 whose digits
# make its first line measure short (0.040).
RESTART_MAX_COSINE = 0.035


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
            and not any(w in last for w in BYLINE_WORDS)
            and not any(LEAD_IN_REASON in ln.reasons or is_lead_in(ln.text) for ln in cur[-LEAD_IN_LOOKBACK:]))


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


# A paragraph's indented first line may end a sentence right at the column's edge (`穷则思变，
# 但如何变？` over a full `灵寿决策者们从…`): read as a short last line it started a paragraph at
# the full line under it. A full line opens no paragraph (an opening is indented), so an
# indented line ending a sentence over a full one, its slack not explained by half-width
# characters (`short_by_half_width`), is the first line of a paragraph going on: it ends nothing
# (whether it opens a paragraph, the join of its fragment decides). Sim TRAIN
# pdftotext pages 2, 42, 80, 99, 101, 102 (spurious `short_previous_line` starts).
INDENTED_OPENING_REASON: Final = "paragraph:indented_opening_runs_on"


def opening_runs_on(first: Line, second: Line, width: float) -> bool:
    """`first` is indented two em and ends a sentence, `second` under it is full, and the
    slack is not that of half-width characters."""
    return (is_indented(first, width) and ends_sentence(first.text) and slack(second, width) <= FULL_SLACK
            and not short_by_half_width(first, second, width))


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


def is_drop_cap(line: Line, nxt: Line) -> bool:
    """A line of one or two characters, no punctuation, whose word runs on into the next line:
    an article's first character set large (a drop cap), printed on a line of its own
    (`我` / `们在司法实践中发现，`), not a paragraph's last line."""
    t = line.text.strip()
    return len(t) <= DROP_CAP_MAX and t[-1] not in PARAGRAPH_END_MARKS and bool(spanning_word(t, nxt.text, False))


def mark_starts(frag: Fragment, width: float, blocks: bool = False) -> None:
    """Mark paragraph starts inside one fragment (its first line by its start kind). `blocks`:
    the dump separates blocks by blank lines (`separates_blocks`), so the lines of a fragment
    stand one under the other, and the cues read off that (`short_at_comma`,
    `credit_closes_description`, `short_explained`) hold."""
    first = frag.first
    first.para_start = frag.start == "indent"
    if first.para_start:
        first.because("paragraph_start:indent" if not is_lead_in(first.text) else "paragraph_start:lead_in")
    para_first = first.para_start
    if not para_first and len(frag.lines) > 1 and opening_runs_on(first, frag.lines[1], width):
        para_first = True  # its slack is its indent: it ends nothing (the join decides its start)
        first.because(INDENTED_OPENING_REASON)
    lead = is_lead_in(first.text)  # inside a lead-in byline: its lines measure short
    for k in range(1, len(frag.lines)):
        prev, ln = frag.lines[k - 1], frag.lines[k]
        if CLOSING_REASON in ln.reasons:  # a signature under the last sentence: a paragraph of its own
            ln.para_start = True
            ln.because("paragraph_start:closing_signature")
        elif SUBHEAD_UNDER_BYLINE_REASON in prev.reasons:  # a subhead is a paragraph of its own
            ln.para_start = True
            ln.because("paragraph_start:after_subhead")
        elif is_picture_label(ln):  # `图片：`, `（A、B）`: a paragraph of its own
            ln.para_start = True
            ln.because(PICTURE_LABEL_REASON)
        elif lead:
            ln.because("paragraph:after_lead_in")
        elif is_drop_cap(prev, ln):
            ln.because("paragraph:after_drop_cap")
        elif ends_paragraph(prev, width, para_first):
            if half_width_runs_on(prev, ln, width):  # digits measured short: the paragraph runs on
                ln.because(HALF_WIDTH_SHORT_REASON)
            elif blocks and short_at_comma(prev, ln, width):  # no paragraph ends on a comma
                ln.because(COMMA_RUNS_ON_REASON)
            else:
                ln.para_start = True
                ln.because("paragraph_start:short_previous_line")
                if short_by_half_width(prev, ln, width):
                    ln.because(HALF_WIDTH_THEN_INDENT_REASON)
        elif blocks and credit_closes_description(prev, ln, width):
            ln.because(CREDIT_CLOSES_REASON)
        elif ends_sentence(prev.text):  # then an indent or a lead-in starts a paragraph
            if is_indented(ln, width):
                ln.para_start = True
                ln.because("paragraph_start:indent_after_sentence_end")
            elif is_lead_in(ln.text):
                ln.para_start = True
                ln.because("paragraph_start:lead_in")
            elif compressed_indent(prev, ln, width):
                if blocks and short_explained(frag.lines[k + 1] if k + 1 < len(frag.lines) else None):
                    ln.because(SHORT_EXPLAINED_REASON)
                else:
                    ln.para_start = True
                    ln.because(COMPRESSED_INDENT_REASON)
        elif indent_after_colon(prev, ln, width):
            ln.para_start = True
            ln.because(AFTER_COLON_REASON)
        elif opens_bullet(ln, width):
            ln.para_start = True
            ln.because(BULLET_REASON)
        elif indent_after_closing(prev, ln, width):
            ln.para_start = True
            ln.because(AFTER_CLOSING_REASON)
        lead = is_lead_in(ln.text) if ln.para_start else (lead and _unclosed(prev.text) and not ln.para_start)
        para_first = ln.para_start


def after_headline(page: Page, frag: Fragment, index: dict[int, int]) -> bool:
    """The fragment comes right after a headline block: it opens its article's first paragraph.

    Dev page 7: `每逢节假日或有客人来，` under its headline is an indented first line that
    measures full because its comma is compressed.
    """
    j = index[id(frag.first)] - 1
    while j >= 0 and page.lines[j].kind == "blank":
        j -= 1
    return j >= 0 and page.lines[j].kind in ("head", "byline")


def paragraphs(page: Page) -> Page:
    """Build the page's fragments (in `page.scratch["fragments"]`) and mark paragraph starts;
    index the page's lines (`page.scratch["line_index"]`: no later stage adds, drops or moves a
    line)."""
    width = page.column_width
    frags = fragments_of(page)
    blocks = separates_blocks(page)
    index = page.scratch["line_index"] = line_positions(page.lines)  # the later stages' too (`page_line_index`)
    for f in frags:
        f.start = start_kind(f, width)
        nearly_indented = slack(f.first, width) >= INDENT_MIN - 0.5 and f.first.text[0] not in BODY_START_FORBIDDEN
        if f.start != "indent" and nearly_indented and after_headline(page, f, index):
            f.start = "indent"
            f.first.because("paragraph_start:after_headline")
        f.end = end_kind(f, width)
        if one_em_short(f.first, width):  # a join after a sentence end starts a paragraph here (`reorder.reads_on`)
            f.first.because(ONE_EM_SHORT_REASON)
        if blocks and is_note_alone(f.first):  # a join starts a paragraph here (`reorder.goes_on_paragraph`)
            f.first.because(NOTE_ALONE_REASON)
        mark_starts(f, width, blocks)
    if not blocks:
        heads = [bigrams(ln.text) for ln in page.lines if ln.kind == "head" and len(ln.text) >= HEAD_MIN_CHARS]
        frags = split_at_topic_shifts(frags, width, heads)
    page.scratch["fragments"] = frags
    return page


def topic_cosine(before: str, after: str) -> float:
    """The bigram cosine of the windows each side of a paragraph start: near 0 where the text
    after shares almost no character bigrams with the text before, an article change inside a
    run of lines (TextTiling's idea, on bigrams); 1.0 (no shift) where either side is too
    short to tell."""
    if len(before) < SHIFT_MIN_BEFORE_CHARS or len(after) < SHIFT_MIN_CHARS:
        return 1.0
    return bigram_cosine(before[-SHIFT_WINDOW:], after[:SHIFT_WINDOW])


def is_lone_credit(text: str) -> bool:
    """The line is only a bracketed author credit (`（张育宾段建勋岳林才）`): it closes the
    text before it, so no article starts there (dev raw page 8)."""
    t = text.strip()
    return t[:1] in "（(" and bool(trailing_credit_names(t))


def restarts_after_cut(prev: Line, line: Line, width: float) -> bool:
    """An indented line after a full line that stops mid-sentence, with no word running
    across: no paragraph of one article breaks so, but an article cut short where its slot
    ends (no jump line printed) runs straight into the next article's first paragraph in a
    dump without blank lines (dev raw page 20: `…商讨加强旅游合作事宜。她` / `与此同时，大同、运`)."""
    return (slack(prev, width) <= FULL_SLACK and not ends_sentence(prev.text) and is_indented(line, width)
            and line.text[-1] not in PARAGRAPH_END_MARKS and not spanning_word(prev.text, line.text, False))


def restart_reason(prev: Line, line: Line, width: float) -> str | None:
    """Why `line`, not marked as a paragraph start, starts one after `prev` that ends a text:
    a closing credit line (AFTER_CREDIT_REASON) or text cut short (AFTER_CUT_REASON)."""
    if is_lone_credit(prev.text):
        return AFTER_CREDIT_REASON
    return AFTER_CUT_REASON if restarts_after_cut(prev, line, width) else None


def could_be_headed(opening: str, heads: Sequence[set[str]]) -> bool:
    """Some head line of the page (`heads`: each line's bigrams) has most of its bigrams in the
    space-free `opening`: it could be the headline of a piece starting there."""
    opening = opening[:HEAD_OPENING]
    return any(share_found(h, opening) >= HEADED_MIN_SHARE for h in heads)


def shifts_topic(restart: str | bool | None, before: str, after: str, heads: Sequence[set[str]]) -> bool:
    """Whether a candidate cut between `before` and `after` is made for the change of topic:
    below RESTART_MAX_COSINE after text cut short, below SHIFT_MAX_COSINE where a head line
    could head the piece after it, else below the stricter UNHEADED_SHIFT_MAX_COSINE (a change
    of scene inside an essay shares as few words with the text before as another article, but
    no headline was printed for it). Head lines are looked at only when the cosine needs them."""
    cosine = topic_cosine(before, after)
    if restart == AFTER_CUT_REASON:
        return cosine < RESTART_MAX_COSINE
    return cosine < UNHEADED_SHIFT_MAX_COSINE or (cosine < SHIFT_MAX_COSINE and could_be_headed(after, heads))


# Pronouns, demonstratives and connectives that point back to the text before (这, 那, 他们,
# 此外, 但, 因此...). Of the dev gold paragraphs of 20 characters or more (pages 1-40), 1 of 303
# first paragraphs of an article opens with one and 74 of 888 later ones: an article's opening
# does not point back to what it has not said.
BACK_REFERENCES: Final[tuple[str, ...]] = ("那", "这", "他", "她", "它", "此", "其", "但", "而", "因此", "所以", "然而", "另外", "同时",
                   "对此", "为此", "于是", "不过", "可是", "随后", "接着")


def refers_back(text: str) -> bool:
    """The (space-free) text opens with a word pointing back to text before it
    (`BACK_REFERENCES`), or with a later step of an enumeration (`ordinals.opens_later_step`:
    `二是`, `第三，`): a paragraph that goes on with the text before, whatever its topic."""
    return text.startswith(BACK_REFERENCES) or opens_later_step(text)


def opening_too_short(chars_since_cut: int) -> bool:
    """The piece since the run's last cut (`chars_since_cut` characters) is shorter than
    SHIFT_MIN_BEFORE_CHARS, so no topic shift cuts it: an article's opening paragraphs after a
    cut are as short, and share as few bigrams with what follows, as those right under its
    headline (dev raw page 31: `近些年来，生活中必不可少的便是逛农贸市场。…` cut off its
    article after a cut at its own start; page 20: `与此同时，大同、运…`, 43 characters after
    text cut short). Dev raw / PyMuPDF body_char_acc pages 1-20 and 21-40, counted from the run
    start only: 0.9575 / 0.9340, 0.9594 / 0.9338; from the last cut, at 50 characters:
    0.9587 / 0.9340, 0.9607 / 0.9338; at 100: 0.9587 / 0.9350, 0.9607 / 0.9348; at 150:
    0.9595 / 0.9344, 0.9614 / 0.9341; at 250, raw: 0.9388 / 0.9344."""
    return chars_since_cut < SHIFT_MIN_BEFORE_CHARS


# A paragraph of photo credits alone (`（周文广摄）（新华社稿）`) closes a picture story: on dev
# pages 1-40, 7 of 11 such gold paragraphs end their article; the others come before a lead-in
# (an article of picture and report) or before the next numbered item of a digest (`2、…`,
# dev page 20: no cut there).
PHOTO_CREDITS_ONLY: Final = re.compile(r"^(?:[（(][^（）()]{0,20}(?:摄|攝|稿)[）)])+$")


def closes_with_photo_credit(lines: list[Line]) -> bool:
    """The last paragraph of `lines` is photo credits alone (PHOTO_CREDITS_ONLY): also those
    over two lines, which classify's one-line `body:photo_credit` (a run end in `fragments_of`)
    does not take."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False  # cheap test first: asked at every paragraph start of a dump without blanks
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    return bool(PHOTO_CREDITS_ONLY.match("".join(strip_ws(ln.text) for ln in lines[k:])))


def split_at_topic_shifts(frags: list[Fragment], width: float, heads: Sequence[set[str]] = ()) -> list[Fragment]:
    """In a dump without blank lines, cut fragments at paragraph starts where the topic shifts
    (dev raw 1-40 body_char_acc 0.872 -> 0.894) or where the paragraph before closes with an
    author's credit (`（文同）`: a brief or commentary ends there; dev raw page 10) or is a
    picture story's photo credits alone (`closes_with_photo_credit`), so the
    start model can weigh an article start there. A line after a lone credit line, or after
    text cut short (`restart_reason`), is a candidate too, and a lone credit line never opens
    a piece (dev raw 1-40 body_char_acc 0.9240 -> 0.9273). A topic shift with no head line
    (`heads`, each line's bigrams) that could head the piece after it needs a stronger shift
    (`shifts_topic`), and none cuts a piece still too short since the last cut
    (`opening_too_short`). A paragraph closed by a report's dispatch dateline or reporter's
    credit (`closing_credits.closes_report`: `…（本报华盛顿1月23日电）`) ends the piece whatever
    the topic: simulated raw pages 1-300 hold 6 such closings inside runs, all article ends
    (dev 1-40 none)."""
    out: list[Fragment] = []
    for f in frags:
        cur: list[Line] = []
        texts = [strip_ws(ln.text) for ln in f.lines]  # spaces would break bigrams (`发 表 1 9 9 8`)
        text_after = "".join(texts)
        pos = cut = 0
        for ln, text in zip(f.lines, texts):
            # a start after a closing bracket may still be another article's (a picture story's
            # credit closes it): sim TRAIN raw body .9263 without this, .9270 with (main .9271)
            restart = bool(cur) and (not ln.para_start or AFTER_CLOSING_REASON in ln.reasons) and restart_reason(cur[-1], ln, width)
            report_end = bool(cur) and (ln.para_start or bool(restart)) and closes_report(cur)
            if cur and (ln.para_start or restart) and not is_lone_credit(ln.text) and (
                    report_end or trailing_credit_names(cur[-1].text)
                    or (closes_with_photo_credit(cur) and item_number_of(text) is None)
                    or (not opening_too_short(pos - cut) and not refers_back(text)
                                                            and shifts_topic(restart, text_after[:pos], text_after[pos:], heads))):
                out.append(Fragment(lines=cur))
                cur = []
                cut = pos
                if restart:
                    ln.para_start = True
                    ln.because(restart)
                if report_end:
                    ln.because(CLOSING_CREDIT_REASON)
            cur.append(ln)
            pos += len(text)
        out.append(Fragment(lines=cur))
    for i, f in enumerate(out):
        f.order = i
        f.start = start_kind(f, width)
        f.end = end_kind(f, width)
    return out


def last_two_lines(frag: Fragment) -> str:
    """The fragment's last two lines, space-free: where a note or credit cut by a line break ends."""
    return "".join(strip_ws(ln.text) for ln in frag.lines[-2:])


def report_after_picture(picture: Fragment, frag: Fragment) -> bool:
    """`picture` holds a picture note and closes with the picture's description and its photo
    credit, and `frag` opens with a lead-in: the report the picture was printed with (dev raw page 15: `…辞旧迎新（附图片1张）`,
    `党和国家领导人…合影。（新华社记者樊如钧摄）`, then `本报北京12月31日讯…`, one article in the
    gold, as on pages 21 and 22)."""
    return (is_lead_in(frag.first.text) and ends_with_photo_credit(last_two_lines(picture))
            and holds_picture_note(picture))


def holds_picture_note(frag: Fragment) -> bool:
    """Some line of the fragment closes with a picture note, also one broken over two lines
    (dev raw and PyMuPDF page 21: `范代表一起辞旧迎新（附` / `图片 1 张）`)."""
    texts = [strip_ws(ln.text) for ln in frag.lines]
    return any(ends_with_picture_note(a + b) for a, b in zip([""] + texts, texts))


PICTURE_NOTE_REASON: Final = "article_start:picture_note"


def split_at_picture_notes(frags: list[Fragment], width: float) -> list[Fragment]:
    """In a dump without blank lines, a paragraph closed by a picture note (`（附图片1张）`,
    `rules.furniture.ends_with_picture_note`) is an article's opening matter: the fragment is
    cut where the paragraph starts, and the piece from there opens an article
    (`Fragment.forced_start`; dev raw page 22: `江泽民李鹏乔石朱镕…一起辞旧迎新（附图片1张）`
    run on from the article before)."""
    cuts: dict[int, set[int]] = {}
    for fi, f in enumerate(frags):
        if not any("附" in ln.text for ln in f.lines):  # cheap test first: most fragments hold no note
            continue
        starts = [k for k, ln in enumerate(f.lines) if k == 0 or ln.para_start] + [len(f.lines)]
        at = {a for a, b in zip(starts, starts[1:])
              if ends_with_picture_note("".join(strip_ws(ln.text) for ln in f.lines[a:b]))}
        if at:
            cuts[fi] = at
    return cut_fragments(frags, cuts, width, PICTURE_NOTE_REASON)


def cut_fragments(frags: list[Fragment], cuts: dict[int, set[int]], width: float, reason: str) -> list[Fragment]:
    """The fragments cut before the lines `cuts[i]` (indexes into fragment i's lines), in order
    and renumbered: each piece opening at a cut is a sure start (`Fragment.forced_start`) with
    `reason` on its first line; a new piece gets its start and end kinds."""
    out: list[Fragment] = []
    for fi, f in enumerate(frags):
        at = cuts.get(fi)
        if not at:
            out.append(f)
            continue
        bounds = sorted(at | {0}) + [len(f.lines)]
        for a, b in zip(bounds, bounds[1:]):
            piece = f if (a, b) == (0, len(f.lines)) else Fragment(lines=f.lines[a:b])
            if piece is not f:
                piece.start, piece.end = start_kind(piece, width), end_kind(piece, width)
            if a in at:
                piece.forced_start = True
                piece.first.para_start = True
                piece.first.because(reason)
            out.append(piece)
    for i, f in enumerate(out):
        f.order = i
    return out
