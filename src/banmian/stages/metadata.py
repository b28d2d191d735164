"""Metadata: page header and date; lead-in bylines; jump, continuation, source and caption
lines to their articles; everything left over to `page.unassigned` so no character is lost."""
from __future__ import annotations

import re
from typing import Final

from banmian.head_row_parts import row_part
from banmian.model import Article, Dateline, Line, Page, Unassigned
from banmian.rules.bylines import (closing_dateline, find_lead_in, lead_in_byline, outlet_of, reporters_in,
                                   trailing_credit_names)
from banmian.rules.dates import resolve
from banmian.rules.chars import strip_ws
from banmian.rules.names import PRESS_TITLES, titled_name
from banmian.rules.traditional import fold
from banmian.rules.furniture import page_label_in, source_name, trailing_source

_ISO: Final = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def page_header(page: Page) -> None:
    """Header lines as printed; the page date and label from them."""
    header = [ln for ln in page.lines if ln.kind == "header"]
    page.meta.header = [ln.raw.strip() for ln in header]  # as printed: `A05 城市新闻` keeps its space
    for ln in header:
        t = strip_ws(ln.text)
        m = _ISO.search(t)
        if m and not page.meta.date:
            page.meta.date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
        rest = page_label_in(t)
        if rest and not page.meta.label:
            m2 = re.match(r"([A-H]?\d{1,2}|第[^版]+版)(.*)", rest)
            if m2:
                page.meta.label = m2.group(1)
                page.meta.section = m2.group(2) or page.meta.section
    if not page.meta.date and page.scratch.get("page_date"):
        page.meta.date = page.scratch["page_date"]


# A head line read as a paragraph of its own over a report's lead-in (`head_paragraph_over_lead_in`):
# as long as `find_lead_in`'s headline-like prefix, at most.
HEAD_PARAGRAPH_MAX_CHARS: Final = 60
HEAD_PARAGRAPH_REASON: Final = "headline:paragraph_over_lead_in"
_RUNNING_TEXT: Final = re.compile(r"[。！？；，]")


def head_paragraph_over_lead_in(article: Article) -> bool:
    """The article's first paragraph is a head line read as body and its second opens with a
    lead-in byline: a lead-in opens its report's text, so a short paragraph with no sentence
    punctuation before it (`find_lead_in`'s test for a headline pushed into the same line) is
    the headline's (sim TRAIN pdftotext pages 32, 282: `故乡竹桥情`, then `罗理诚（哈尼族）` and
    `本报讯（记者 尹文）随着…` as two paragraphs; page 18; raw and PyMuPDF page 246; the lead-in was
    left in the body and the byline missed). Not a bracketed note (`（附图片1张）`, which the gold
    keeps in a body opening with a lead-in, pages 28, 94). Not a paragraph opening with a lead-in
    itself: a kicker with the report's byline run in, over the dispatch it heads
    (`stacked_leads`; sim TRAIN raw pages 97, 110, 180: `新华社1月25日电（记者 李云）彭楚政再获…称号`,
    the byline and dateline the first lead-in's)."""
    if len(article.paragraphs) < 2:
        return False
    first = article.paragraphs[0].strip()
    return (0 < len(first) <= HEAD_PARAGRAPH_MAX_CHARS and first[0] not in "（(" and not _RUNNING_TEXT.search(first)
            and lead_in_byline(article.paragraphs[1]) is not None and lead_in_byline(first) is None)


def split_head_paragraph(page: Page, article: Article) -> None:
    """A head paragraph over a lead-in (`head_paragraph_over_lead_in`) leaves the body: the
    article's headline when it has none, else an unassigned headline fragment (as
    `split_lead_in` does with a prefix before the lead-in)."""
    if not head_paragraph_over_lead_in(article):
        return
    head = article.paragraphs.pop(0).strip()
    if article.headline is None:
        article.headline = head
    else:
        page.unassigned.append(Unassigned(kind="headline", text=head, line_nos=article.line_nos[:1]))
    article.because(HEAD_PARAGRAPH_REASON)


# `byline_back_to_head`: a names line run on under the headline goes back to the head when a
# lead-in gives the report its byline.
HEAD_LINES_BACK = True
HEAD_LINE_BACK_REASON: Final = "headline:byline_under_headline_back_to_head"


def byline_back_to_head(page: Page, article: Article) -> bool:
    """The byline lines `article` holds, each printed right under one of its head lines (no
    blank line between), holding no press title (`rules.names.PRESS_TITLES`) and no part of a
    head row cut at a gutter (`row_part`: a neighbour slot's line, TRAIN page 237), are a line of
    its head read as names, when its text opens with a lead-in that gives the byline: a report's
    credit is its lead-in, and a line set in the head's run under the headline is the head's.
    An office and a name (`titled_name`, `国务院副总理姜春云`) is the subtitle; any other line the
    headline's next line. Simulated TRAIN pdftotext 1-300: of the 18 such lines left over, 16
    were a line of the head (`小品增加` / `明星齐全`, `国际社会向我震区提供援助` / `欧盟`; 2 of
    them subtitles), 2 a report's own byline (`陈志强`), and the 12 press credits so displaced
    all another article's or none; heads put right on pages 3, 39, 48, 63, 123, 129, 157, 195,
    202, 206, 217, one put wrong (122: `曹玉林`, a neighbour's headline line); sim VAL pdftotext,
    raw and PyMuPDF: one head more in each of 1-40 and 41-120, nothing else moves. Dev 1-40:
    never fires. Returns whether it did."""
    owner: dict[int, Article] = page.scratch.get("owner", {})
    lines = page.lines
    held = [k for k, ln in enumerate(lines) if ln.kind == "byline" and owner.get(id(ln)) is article]
    if not held or article.headline is None:
        return False
    for k in held:
        text = strip_ws(lines[k].text)
        above = lines[k - 1] if k > 0 else None
        if (above is None or above.kind != "head" or owner.get(id(above)) is not article
                or any(t in text for t in PRESS_TITLES) or row_part(lines[k]) or row_part(above)):
            return False
    for k in held:
        ln = lines[k]
        text = ln.text.strip()
        if titled_name(text) is not None and article.subtitle is None:
            article.subtitle = text
        else:
            article.headline = f"{article.headline} {text}"
        ln.because(HEAD_LINE_BACK_REASON)
    article.because(HEAD_LINE_BACK_REASON)
    return True


def split_lead_in(page: Page, article: Article) -> None:
    """Move a lead-in byline from the first paragraph into `byline` and `dateline`.

    When a short unpunctuated prefix stands before the lead-in (a headline pdftotext printed
    on the same block: `担负着打击走私违法活动本报北京1月16日讯 …`), the prefix becomes the
    headline if the article has none, else an unassigned headline fragment.
    """
    if not article.paragraphs:
        return
    first = article.paragraphs[0]
    m = lead_in_byline(first) or find_lead_in(first)
    if not m:
        return
    prefix = first[: m.start("lead")].strip()
    lead = m.group("lead").strip()
    if prefix and article.headline is None:
        article.headline = prefix
        article.because("headline:before_lead_in")
    elif prefix:
        page.unassigned.append(Unassigned(kind="headline", text=prefix, line_nos=article.line_nos[:1]))
    if article.byline and not (HEAD_LINES_BACK and byline_back_to_head(page, article)):
        # the gold never has both: a byline line nearby was a neighbour's
        page.unassigned.append(Unassigned(kind="headline", text=article.byline, line_nos=article.line_nos[:1]))
    article.byline = lead
    article.paragraphs[0] = first[m.end("lead") :].lstrip()
    if not article.paragraphs[0]:
        article.paragraphs.pop(0)
    article.because(f"byline:lead_in:{m.group('outlet') or 'credit'}{m.group('kind') or ''}")
    if m.group("place") or m.group("date"):
        article.dateline = Dateline(
            text=first[m.start("lead") : m.end("kind")] if m.group("kind") else lead,
            place=m.group("place") or None,
            date=dateline_iso(m.group("date"), page.meta.date),
        )


CLOSING_DATELINE_REASON: Final = "dateline:closing_credit"


def dateline_from_closing_credit(page: Page, article: Article) -> None:
    """An article with no dateline takes the one its closing credit gives (`（本报莫斯科1月6日电）`:
    `rules.bylines.closing_dateline`); the credit stays in the last paragraph."""
    if article.dateline is not None or not article.paragraphs:
        return
    m = closing_dateline(article.paragraphs[-1])
    if m is None:
        return
    article.dateline = Dateline(text=m.group("lead"), place=m.group("place") or None,
                                date=dateline_iso(m.group("date"), page.meta.date))
    article.because(CLOSING_DATELINE_REASON)


def dateline_iso(date_text: str | None, page_date: str | None) -> str | None:
    """The ISO date of a dateline's `1月16日` / `十二月三十一日` / `３０日`, given the page date
    (a month or day later than the page's is in the month or year before: `banmian.rules.dates`)."""
    return resolve(date_text, page_date) if date_text else None


def attach_line(article: Article, line: Line) -> bool:
    """Put a jump, continuation, credit or caption line into its field; False if it is taken."""
    if line.kind == "jump" and article.jump is None:
        article.jump = line.text
    elif line.kind == "continued" and article.continued_from is None:
        article.continued_from = line.text
    elif line.kind == "source" and article.source_line is None:
        article.source_line = line.text
        article.source = source_name(strip_ws(line.text))
    elif line.kind == "caption":
        article.captions.append(line.text)
    else:
        return False
    return True


def attach_line_kinds(page: Page) -> None:
    """Jump, continuation, source and caption lines go to the article next to them."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind not in ("jump", "continued", "source", "caption") or page.owner_of(ln):
            continue
        step = 1 if ln.kind in ("continued", "caption") else -1
        art = (_source_owner(page, i) if ln.kind == "source"
               else _nearest_article(page, i, step) or _nearest_article(page, i, -step))
        if art is None:
            continue
        if not attach_line(art, ln):
            continue
        page.claim(ln, art)
        ln.because(f"attached:{art.id}")


# Outlets that mean the paper's own staff wrote a report (`本报讯`, `本报X电`, `本报记者X`).
OWN_OUTLETS: Final = ("本报", "本刊")
SOURCE_NOT_OWN_STAFF_REASON: Final = "source:neighbour_is_own_staff_report"


def own_staff_report(article: Article) -> bool:
    """The article's byline credits the paper's own staff (`本报杭州1月9日讯 记者X报道：`,
    `本报记者X`): such a report is not reprinted, so a `据《…》` credit (another paper's) printed
    next to it is a neighbour's. A credit at the foot of a column sits under whatever report
    ends there (dev pdftotext page 30: `据《中国青年报》` under `本报杭州…讯` report's end, the
    credited picture item printed elsewhere; raw and PyMuPDF page 39: `据《湖北日报》` after a
    `本报济南…电` report). In the dev gold no article holds both (4 credits, 1-40)."""
    if not article.byline:
        return False
    return fold(outlet_of(article.byline) or "") in OWN_OUTLETS


def _source_owner(page: Page, i: int) -> Article | None:
    """The article a `据《…》` credit line at index i belongs to: the one ending above it, unless
    that is an own-staff report (`own_staff_report`); then the one whose first line comes right
    under the credit (raw dev page 39: the credit printed over its report's opening), else none
    (pdftotext dev page 30: under the credit, another column's running text)."""
    above = _nearest_article(page, i, -1)
    if above is not None and not own_staff_report(above):
        return above
    below = _nearest_article(page, i, 1)
    if below is not None and _opens_article_below(page, i) and not own_staff_report(below):
        if above is not None:
            page.lines[i].because(SOURCE_NOT_OWN_STAFF_REASON)
        return below
    if above is None and below is not None:
        return below
    if above is not None:
        page.lines[i].because(SOURCE_NOT_OWN_STAFF_REASON)
    return None


def _opens_article_below(page: Page, i: int) -> bool:
    """The first non-blank line under index i opens an article (an `article_start` reason)."""
    for ln in page.lines[i + 1:]:
        if ln.kind != "blank":
            return ln.kind == "body" and any(r.startswith("article_start:") for r in ln.reasons)
    return False


def _nearest_article(page: Page, i: int, step: int):
    """The article holding the nearest claimed line from line index i in direction `step`,
    stopping at an unclaimed body line."""
    lines = page.lines
    j = i + step
    while 0 <= j < len(lines):
        art = page.owner_of(lines[j])
        if art is not None:
            return art
        if lines[j].kind == "body":
            return None
        j += step
    return None


def collect_unassigned(page: Page) -> None:
    """Every non-blank line no article or header holds becomes an unassigned item."""
    kinds = {"head": "headline", "byline": "headline", "caption": "caption", "body": "fragment"}
    owner: dict[int, Article] = page.scratch.get("owner", {})  # what `page.owner_of` looks in, taken once
    for ln in page.lines:
        if ln.kind in ("blank", "header") or owner.get(id(ln)):
            continue
        page.unassigned.append(Unassigned(kind=kinds.get(ln.kind, "other"), text=ln.text, line_nos=[ln.no]))


def metadata(page: Page) -> Page:
    """Fill page metadata, bylines and attachments; collect leftovers."""
    page_header(page)
    for art in page.articles:
        split_head_paragraph(page, art)
        split_lead_in(page, art)
        dateline_from_closing_credit(page, art)
        if art.byline:
            art.reporters = reporters_in(art.byline)
            art.outlet = outlet_of(art.byline)
        if not art.reporters and art.paragraphs:
            art.reporters = trailing_credit_names(art.paragraphs[-1])
            if art.reporters:
                art.because("reporters:trailing_credit")
        if art.source is None and art.paragraphs:
            art.source = trailing_source(art.paragraphs[-1])
            if art.source:
                art.because("source:trailing_credit")
    attach_line_kinds(page)
    collect_unassigned(page)
    return page
