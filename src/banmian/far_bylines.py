"""Byline lines printed right before a report that opens with a lead-in byline (`本报讯`,
`据新华社…电`): the gold never gives an article both, so such a line is not that report's.
pdftotext prints a byline set under a multi-column headline where the column text around it
falls in its reading order: after the head block, a neighbour's whole lead column, and before
the next report (dev page 29: `广东对外开` / `放上新水平`, then a `本报讯` report, then
`本报记者郑德刚` over a caption and a `据新华社哈尔滨…电` report). It goes to the nearest head
block above it whose article is still waiting for a byline."""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.line_shape import separates_blocks
from banmian.model import Article, Line, Page, page_line_index
from banmian.rules.names import office_signature
from banmian.side_bylines import has_lead_in

FAR_BYLINE_REASON: Final = "byline:over_lead_in_report_to_head_above"


def waiting(article: Article) -> bool:
    """An article that can still take a byline line: none yet, and no lead-in byline (the
    gold never has both)."""
    return not article.byline and not has_lead_in(article)


def signs_text_below(line: Line) -> bool:
    """The byline line is an office-holder's signature (`rules.names.office_signature`:
    `中国社科院研究员X`, `天津市艺术研究所副所长X`), not a reporter's line: an office-holder signs
    the essay or commentary set under the signature, so pdftotext never carries it across a
    neighbour's lead column the way it carries a reporter's line set under a wide headline.
    Sim TRAIN pdftotext: moved to a head block above, 5 such lines of 5 went wrong (pages 4, 64,
    116, 246, 293: `中国社科院研究员徐崇` over a `新华社…电` report given to the headline above),
    none right."""
    return office_signature(line.text)


def over_lead_in_reports(page: Page) -> list[Line]:
    """Unclaimed byline lines among the lines printed right before the first fragment of an
    article that opens with a lead-in, in page order; not an office-holder's signature
    (`signs_text_below`)."""
    out: dict[int, Line] = {}
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        if not fragments or not has_lead_in(article):
            continue
        for ln in lines_around(page, fragments[0], after=False):
            if ln.kind == "byline" and page.owner_of(ln) is None and not signs_text_below(ln):
                out[ln.no] = ln
    return [out[no] for no in sorted(out)]


def bylines_over_lead_ins_to_heads_above(page: Page) -> None:
    """Each byline line of `over_lead_in_reports` goes to the nearest head block above it in
    the text whose article is `waiting`; head blocks of articles with a byline or a lead-in
    are passed over, and a line with no such block above stays unclaimed."""
    lines = page.lines
    index = page_line_index(page)
    for ln in over_lead_in_reports(page):
        for j in range(index[id(ln)] - 1, -1, -1):
            above = lines[j]
            owner = page.owner_of(above) if above.kind == "head" else None
            if owner is None or not waiting(owner):
                continue
            owner.byline = ln.text
            page.claim(ln, owner)
            ln.because(FAR_BYLINE_REASON)
            owner.because(FAR_BYLINE_REASON)
            break


HELD_BY_LEAD_IN_REASON: Final = "byline:held_by_lead_in_report_to_head_above"


def bylines_held_by_lead_ins(page: Page) -> None:
    """A byline line a head block brought to an article that opens with a lead-in (which never
    keeps one: `metadata.split_lead_in` would leave it unassigned) goes to the nearest head line
    above it in the same run of head lines (no body line between) whose article is `waiting`:
    pdftotext prints the heads of reports set side by side one after the other and a byline
    after all of them, and the block that ends with it went to the lead-in report under it (sim
    TRAIN pdftotext pages 21, 123, 240, 245, 256: `东亚金融危机…` / `周德武` over a `据新华社…`
    report, the byline of `美电信市场起狼烟` above; 5 right, none made wrong; looking past body
    lines gave 2 more right and 4 spurious). Only in dumps that print blank lines between text
    blocks (`separates_blocks`): in raw and PyMuPDF dumps (no blank lines) the lines so held were
    mostly head lines read as names, moved they made 13 spurious bylines on TRAIN raw."""
    if not separates_blocks(page):
        return  # raw and PyMuPDF dumps: such a line was mostly a head line read for its names
    lines = page.lines
    for k, ln in enumerate(lines):
        old = page.owner_of(ln) if ln.kind == "byline" else None
        if old is None or not has_lead_in(old):
            continue
        for j in range(k - 1, -1, -1):
            above = lines[j]
            if above.kind == "body":
                break
            owner = page.owner_of(above) if above.kind == "head" else None
            if owner is None or owner is old or not waiting(owner):
                continue
            old.byline = " ".join(x.text for x in lines if x.kind == "byline" and x is not ln
                                  and page.owner_of(x) is old) or None
            owner.byline = ln.text
            page.move(ln, old, owner)
            ln.because(HELD_BY_LEAD_IN_REASON)
            owner.because(HELD_BY_LEAD_IN_REASON)
            break
