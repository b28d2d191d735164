"""Metadata: page header and date; lead-in bylines; jump, continuation, source and caption
lines to their articles; everything left over to `page.unassigned` so no character is lost."""
from __future__ import annotations

import re

from banmian.model import Article, Dateline, Page, Unassigned
from banmian.rules.bylines import lead_in_byline, outlet_of, reporters_in
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import DATE, PAGE_LABEL, SOURCE

_ISO = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def page_header(page: Page) -> None:
    """Header lines as printed; the page date and label from them."""
    header = [ln for ln in page.lines if ln.kind == "header"]
    page.meta.header = [ln.raw.strip() for ln in header]  # as printed: `A05 城市新闻` keeps its space
    for ln in header:
        t = strip_ws(ln.text)
        m = _ISO.search(t)
        if m and not page.meta.date:
            page.meta.date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
        rest = DATE.sub("", t)
        rest = re.sub(r"星期[一二三四五六日天]", "", rest)
        if rest and PAGE_LABEL.match(rest) and not page.meta.label:
            m2 = re.match(r"([A-H]?\d{1,2}|第[^版]+版)(.*)", rest)
            if m2:
                page.meta.label = m2.group(1)
                page.meta.section = m2.group(2) or page.meta.section
    if not page.meta.date and page.scratch.get("page_date"):
        page.meta.date = page.scratch["page_date"]


def split_lead_in(article: Article, page_year: int | None) -> None:
    """Move a lead-in byline from the first paragraph into `byline`, `dateline`, `reporters`."""
    if not article.paragraphs:
        return
    m = lead_in_byline(article.paragraphs[0])
    if not m:
        return
    lead = m.group("lead")
    rest = article.paragraphs[0][len(lead):]
    if article.byline:  # a byline under the headline as well: keep both, lead-in first
        article.byline = lead + " " + article.byline
    else:
        article.byline = lead
    article.paragraphs[0] = rest.lstrip()
    if not article.paragraphs[0]:
        article.paragraphs.pop(0)
    article.because(f"byline:lead_in:{m.group('outlet')}{m.group('kind')}")
    if m.group("place") or m.group("date"):
        date = _month_day_iso(m.group("date"), page_year)
        article.dateline = Dateline(text=lead, place=m.group("place") or None, date=date)


def _month_day_iso(text: str | None, year: int | None) -> str | None:
    if not text or not year:
        return None
    m = re.match(r"(\d{1,2})月(\d{1,2})日", text)
    return f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}" if m else None


def attach_line_kinds(page: Page) -> None:
    """Jump, continuation, source and caption lines go to the article next to them."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind not in ("jump", "continued", "source", "caption") or page.owner_of(ln):
            continue
        step = 1 if ln.kind in ("continued", "caption") else -1
        art = _nearest_article(page, i, step) or _nearest_article(page, i, -step)
        if art is None:
            continue
        t = ln.text
        if ln.kind == "jump" and art.jump is None:
            art.jump = t
        elif ln.kind == "continued" and art.continued_from is None:
            art.continued_from = t
        elif ln.kind == "source" and art.source_line is None:
            art.source_line = t
            m = SOURCE.match(strip_ws(t))
            art.source = m.group(1) if m else None
        elif ln.kind == "caption":
            art.captions.append(t)
        else:
            continue
        page.claim(ln, art)
        ln.because(f"attached:{art.id}")


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
    for ln in page.lines:
        if ln.kind in ("blank", "header") or page.owner_of(ln):
            continue
        page.unassigned.append(Unassigned(kind=kinds.get(ln.kind, "other"), text=ln.text, line_nos=[ln.no]))


def metadata(page: Page) -> Page:
    """Fill page metadata, bylines and attachments; collect leftovers."""
    page_header(page)
    year = int(page.meta.date[:4]) if page.meta.date else None
    for art in page.articles:
        split_lead_in(art, year)
        if art.byline:
            art.reporters = reporters_in(art.byline)
            art.outlet = outlet_of(art.byline)
    attach_line_kinds(page)
    collect_unassigned(page)
    return page
