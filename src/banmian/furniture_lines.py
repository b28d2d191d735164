"""Lines the classify stage reads by their patterns, before the shape of their chunk: blank lines,
the page's header lines and a stray page label, furniture lines (jump, continuation, caption,
source credit, standalone byline: `rules.furniture`) and captions run on to their sentence's or
credit's end, the rest of a caption row cut off as a body line.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.line_shape import FULL_SLACK, is_indented, separates_blocks, slack
from banmian.model import Line, Page
from banmian.rules import furniture as F
from banmian.rules.chars import ends_sentence, strip_ws, text_em
from banmian.rules.traditional import fold
PHOTO_CREDIT_REASON: Final = "body:photo_credit"  # a picture story's closing credit, kept as body


def mark_blank_and_header(page: Page) -> None:
    """Blank lines; header lines at the top of the page (date, page label, editors)."""
    seen = 0
    in_header = True
    for ln in page.lines:
        text = ln.text
        if not text or text.isspace():  # `ln.blank`, spelled out: this runs for every line
            ln.kind = "blank"
            continue
        seen += 1
        near_top = in_header and seen <= F.HEADER_NEAR_TOP
        if not near_top and not F.may_be_strong_header(text):
            in_header = False  # cheap test first: most lines are body text
            continue
        t = strip_ws(text)
        if near_top and F.is_header_text(t):
            ln.kind = "header"
            ln.because("header:pattern")
        elif F.is_strong_header_text(t):
            ln.kind = "header"
            ln.because("header:editors_or_date")
        else:
            in_header = False


def mark_stray_page_label(page: Page) -> None:
    """On a page whose header lines carry no page label, a line that reads as a page number
    with its section (`F.STRAY_PAGE_LABEL`, on the line as printed) and stands alone (blank
    lines or the page's edge on both sides) or next to a header line (dumps without blank
    lines print the header where the content stream draws it) is the header's page label, not
    a headline."""
    lines = page.lines
    header = [strip_ws(ln.text) for ln in lines if ln.kind == "header"]
    if not header or any(F.page_label_in(t) for t in header):
        return
    for i, ln in enumerate(lines):
        if ln.kind != "body" or not F.STRAY_PAGE_LABEL.match(ln.raw.strip()):
            continue
        sides = [lines[i - 1].kind if i else "blank", lines[i + 1].kind if i + 1 < len(lines) else "blank"]
        if "header" in sides or sides == ["blank", "blank"]:
            ln.kind = "header"
            ln.because("header:stray_page_label")
            return


def mark_patterns(page: Page) -> None:
    """Jump and continuation lines, captions, source credits, standalone bylines."""
    lines = page.lines
    blockless = not separates_blocks(page)
    for i, ln in enumerate(lines):
        if ln.kind != "body" or not F.may_be_furniture(ln.text):
            continue
        found = F.furniture_kind(strip_ws(ln.text))
        if not found:
            continue
        if blockless and found[0] == "caption" and i + 1 < len(lines) and opens_photo_paragraph(ln, lines[i + 1], page.column_width):
            ln.because("body:photo_paragraph")
            continue
        if found[0] == "caption" and i > 0 and lines[i - 1].kind == "body" and closes_photo_story(ln.text):
            ln.because(PHOTO_CREDIT_REASON)
            continue
        if found[0] == "byline" and i > 0 and lead_in_goes_on(lines[i - 1].text):
            ln.because(LEAD_IN_GOES_ON_REASON)
            continue
        ln.kind = found[0]
        ln.because(found[1])


LEAD_IN_GOES_ON_REASON: Final = "body:lead_in_goes_on"


def lead_in_goes_on(above: str) -> bool:
    """The line above opens a lead-in that has not reached its end (`本报北京 12月31 日讯`, no
    `报道：`, `电` or closing bracket at its end): a reporter line under it (`新华社记者陈雁、本报记`)
    is the lead-in's next line, not a byline of its own (dev raw page 15). Dev headline_acc 1-20
    raw and PyMuPDF +1 article each, pdftotext article_exact 0.522 -> 0.528."""
    t = strip_ws(above)
    return F.is_lead_in(t) and not t.endswith(("：", ":", "）", ")")) and not ends_sentence(t)


def closes_photo_story(text: str) -> bool:
    """A bracketed photo credit (`（新华社记者周确摄）`) printed right under body text closes a
    picture story's description: on dev raw pages 1-40 all seven such lines are body text in the
    gold, and on dev pdftotext pages all five, while the credits of captions under pictures
    follow a jump line, a blank line or the caption."""
    t = strip_ws(text)
    return t[:1] in "（(" and t[-1:] in "）)" and t[1:-1].endswith(("摄", "攝"))


def opens_photo_paragraph(line: Line, nxt: Line, width: float) -> bool:
    """A `图为…` line indented two em like a paragraph's first line, running on into a full
    line, opens a body paragraph: a picture story's description (dev raw page 24: `图为水灾地区
    的两位` / `年轻人从住所收拾自己的`). A caption under a picture is set to the picture's width,
    with no indent: on dev raw pages no caption line measures 1.5-3.5 em short and runs on."""
    t = strip_ws(line.text)
    return (is_indented(line, width) and not ends_sentence(t)
            and nxt.kind == "body" and bool(nxt.text.strip()) and slack(nxt, width) <= FULL_SLACK)


def extend_captions(page: Page) -> None:
    """A caption runs on to the following lines of its chunk until its sentence or credit ends;
    where it ends inside a line, the rest of that line is cut off as a body line
    (`split_after_caption`). It never runs into a lead-in (`据新华社阿拉木图 1月7 日电…` under a
    caption cut by a column break: dev page 24), which opens an article."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "caption" or "caption:continued" in ln.reasons:
            continue
        j = i
        while (not split_after_caption(lines, j) and not _caption_closed(lines[j].text) and j + 1 < len(lines)
               and lines[j + 1].kind in ("body", "caption") and not F.is_lead_in(strip_ws(lines[j + 1].text))):
            j += 1
            if lines[j].kind == "body":
                lines[j].kind = "caption"
                lines[j].because("caption:continued")


# A caption's sentence or credit closed inside a line, a gap after it and more text: a dump
# without blank lines prints a caption and the next column's line on one baseline as one line
# (dev raw page 39: `图为正是和这样的活动相联系。 本报济南 1月 9日电记`, a lead-in after it;
# `者 闫姬力摄 杜葵（柯达公司大中华`, an article's first paragraph after it), and the caption ran
# on through that paragraph. Dev raw 21-40: body_char_acc 0.9825 -> 0.9869, article_exact
# 0.782 -> 0.795, headline_acc 0.821 -> 0.808 (page 39's heads-tail alignment had given two
# headlines right to articles cut a paragraph late); pdftotext and PyMuPDF dev unchanged.
CAPTION_CLOSED_IN_LINE: Final = re.compile(r"(?:。|摄[）)]?)(?=\s+\S)")
SPLIT_REASON: Final = "body:rest_of_caption_row"


def split_after_caption(lines: list[Line], j: int) -> bool:
    """Cut caption line j after its sentence or credit where more text follows a gap (not a
    credit: `图为…。 新华社记者 X摄` stays whole); the rest becomes a body line of its own,
    right after it (same input line number). Whether it was cut."""
    ln = lines[j]
    m = CAPTION_CLOSED_IN_LINE.search(ln.text)
    if m is None:
        return False
    head, rest = ln.text[:m.end()], ln.text[m.end():].strip()
    if "摄" in rest or "攝" in rest:
        return False  # the credit after the caption's sentence
    ln.text = ln.raw = head
    ln.width = text_em(head)
    tail = Line(no=ln.no, raw=rest, text=rest, width=text_em(rest), column_width=ln.column_width)
    tail.because(SPLIT_REASON)
    lines.insert(j + 1, tail)
    return True


def _caption_closed(text: str) -> bool:
    t = strip_ws(text)
    return ends_sentence(t) or fold(t).endswith(("摄", "摄）", "摄)", "）", ")"))
