"""Near bylines: byline lines the head blocks left unclaimed or brought wrong, given by where
they are printed next to an article (after the `headlines` stage's assignment).

A byline printed right under a head line is that headline's (`bylines_under_their_headlines`);
one among the lines right before an article's first line, or right after its last on a page
printing bodies first, is that article's (`attach_near_bylines`); in pdftotext's dumps a byline
in one text block with an article's first line (`bylines_over_openings`) or opening a text block
that runs on into a paragraph (`bylines_run_on_into_text`) is that report's. One byline an
article: the one it held goes back to the leftovers (`release_bylines`). Bylines far from their
heads are `far_bylines`', those of side-by-side headlines `side_bylines`'.
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.head_places import BODIES_FIRST_KEY
from banmian.line_shape import separates_blocks
from banmian.model import Article, Line, Page, page_line_index
from banmian.pull_quotes import PULL_QUOTE_REASON
from banmian.side_bylines import has_lead_in


UNDER_HEADLINE_REASON: Final = "byline:right_under_headline"


def bylines_under_their_headlines(page: Page) -> None:
    """A byline line no block brought to an article, printed right under a head line (no blank
    line between), goes to that head line's article when it has no byline yet: a byline is
    printed under its own headline. The split of a run (`split_by_content`) cuts a reporter's
    line off its headline where its words (`本报记者…`, the reporter's name in another report's
    lead-in) recur in some opening, and it was then given to the report printed under it (dev
    page 24: `六年沉默一鸣惊人` / `索尼亚步入印政坛` / `本报记者李文云` over `据新华社新德里…`;
    page 8: `…创建纪实（下篇）` / `新华社记者蔡晖贾永…`). Dev 1-40: those two (pdftotext), both
    right; pdftotext byline_acc 1-20 / 21-40 0.7826 / 0.7821 -> 0.7888 / 0.7885, the rest unchanged.
    Forbidding the cut instead (such a byline never a unit of its own) gave page 8's headline to
    the article's first paragraph, cut off its body (head 1-20 0.6708 -> 0.6646)."""
    lines = page.lines
    for above, ln in zip(lines, lines[1:]):
        if ln.kind != "byline" or above.kind != "head" or page.owner_of(ln) is not None:
            continue
        article = page.owner_of(above)
        if article is not None and not article.byline:
            article.byline = ln.text
            page.claim(ln, article)
            ln.because(UNDER_HEADLINE_REASON)
            article.because(UNDER_HEADLINE_REASON)


def bylines_after_bodies(page: Page) -> bool:
    """The page prints each body before its headline block (`prints_bodies_first`): an
    article's byline stands after its last line."""
    return bool(page.scratch.get(BODIES_FIRST_KEY))


def attach_near_bylines(page: Page) -> None:
    """An article still without a byline takes an unclaimed byline line printed among the
    lines right before its first fragment (dev page 1: `刘红` away from its headline), on a page
    printing each body before its headline (`prints_bodies_first`) among those right after its
    last (simulated raw TRAIN page 210: `本报记者孟宪励` under a headline read as body, given to the
    report under it, BODIES_FIRST_KEY: TRAIN raw byline_acc 41-300 0.8808 -> 0.8827, sim VAL
    1-40 / 41-120 0.8732 / 0.8744 -> 0.8820 / 0.8808, dev raw and PyMuPDF 1-20 +0.006); not an
    article opening with a lead-in byline, which never keeps one (the gold never has both: the
    line came back unassigned from `metadata.split_lead_in`); such a line is left to
    `far_bylines.bylines_over_lead_ins_to_heads_above`."""
    after = bylines_after_bodies(page)
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        if article.byline or not fragments or has_lead_in(article):
            continue
        for ln in lines_around(page, fragments[-1] if after else fragments[0], after=after):
            if ln.kind == "byline" and page.owner_of(ln) is None:
                article.byline = ln.text
                page.claim(ln, article)
                article.because("byline:line_before_article")
                break


# A byline printed in one pdftotext text block with an article's first line (`byline_over_opening`).
BYLINE_OVER_OPENING_REASON: Final = "byline:in_text_block_over_opening"


def byline_over_opening(page: Page, first: Line) -> Line | None:
    """The unclaimed byline line printed right over an article's first line `first`, no blank
    line between (one pdftotext text block), if any."""
    at = page_line_index(page).get(id(first))
    if not at:
        return None
    above = page.lines[at - 1]
    return above if above.kind == "byline" and page.owner_of(above) is None else None


def bylines_over_openings(page: Page) -> None:
    """An article whose head block brought it a byline line takes instead the unclaimed byline
    line printed in one text block with its first line (`byline_over_opening`): pdftotext sets a
    byline off by a blank line from text that is not its report's, so a byline run on into an
    opening heads that report, and the block's byline is another headline's of an interleaved
    run (one byline an article). Simulated TRAIN pdftotext pages 64, 75, 184, 185, 191, 222, 224:
    `大庆的“双子星座”——春节前` / `选举说` / `『正』` / `夕访1205和1202钻井队` / `黄团元`, blank,
    `本报记者李济国` over `铁人王进喜生前所在的…` (the report's byline: `李济国`); 7 right, none
    wrong. The block's byline is left unclaimed. Only in dumps with blank lines
    (`separates_blocks`): elsewhere no blank line sets anything off. Dev 1-40: never fires."""
    if not separates_blocks(page):
        return
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        if not article.byline or not fragments or has_lead_in(article):
            continue
        ln = byline_over_opening(page, fragments[0].first)
        if ln is None:
            continue
        release_bylines(page, page.lines, article)
        article.byline = ln.text
        page.claim(ln, article)
        ln.because(BYLINE_OVER_OPENING_REASON)
        article.because(BYLINE_OVER_OPENING_REASON)


def release_bylines(page: Page, lines: list[Line], article: Article) -> None:
    """The byline lines `article` holds go back to the leftovers (`metadata.collect_unassigned`):
    it takes another byline line (one byline an article)."""
    for ln in lines:
        if ln.kind == "byline":
            page.release(ln, article)


# A byline opening a pdftotext text block with a paragraph (`bylines_run_on_into_text`).
RUN_ON_BYLINE_REASON: Final = "byline:run_on_into_text"


def bylines_run_on_into_text(page: Page) -> None:
    """A byline line that opens a pdftotext text block (a blank line above it) and runs on, no
    blank line between, into the first line of a paragraph goes to that paragraph's article,
    whichever article the line was held by (a head block set off above it): the byline stands
    at the head of its report's first column, and pdftotext prints a column's text as one block
    (sim TRAIN pdftotext page 38: `京郊门头沟区潭柘寺镇政府院内锣鼓喧天`, blank, `郭宗利熊毅唐磊`
    over `人们来到胶东明珠烟…`, the report under it the byline's; pages 197, 241 alike). Not a
    line run on from the one above (a signature closing a text, or the byline of the head block
    it closes: over a report's opening cut off from its headline's article, dev pages 8 and 31,
    moved it was lost to a fragment), nor over a report with a lead-in (it keeps none). The
    article's other byline lines are left unclaimed (one byline an article). TRAIN: 3 right, 1
    wrong, 2 to an opening cut off from its article; dev 1-40: pages 29, 31, no score moved."""
    if not separates_blocks(page):
        return
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    lines = page.lines
    for k in range(len(lines) - 1):
        ln, below = lines[k], lines[k + 1]
        if ln.kind != "byline" or below.kind != "body" or not any(r.startswith("paragraph_start:") for r in below.reasons):
            continue
        art = owner.get(id(below))
        old = owner.get(id(ln))
        if art is None or art is old or has_lead_in(art):
            continue
        if k > 0 and lines[k - 1].kind != "blank":
            continue  # run on from the line above: a signature, or a head block's byline
        if heads_own_opening(page, owner, art):
            continue
        release_bylines(page, lines, art)
        if old is not None:
            old.byline = " ".join(x.text for x in lines if x.kind == "byline" and x is not ln
                                  and owner.get(id(x)) is old) or None
        art.byline = ln.text
        page.move(ln, old, art)
        ln.because(RUN_ON_BYLINE_REASON)
        art.because(RUN_ON_BYLINE_REASON)


def heads_own_opening(page: Page, owner: dict[int, Article], article: Article) -> bool:
    """The article already holds the byline line printed right over its first line, no blank
    line between (its head block run on into its opening: head lines, byline, first line in one
    pdftotext text block): that one is its byline, and a byline run on into a later paragraph of
    it (`bylines_run_on_into_text`) is another report's, printed beside (sim TRAIN pdftotext page
    291: `从产品经营走向资本经营——记四` / `川新兴集团公司…` / `吴明` over `四川新兴集团公司是四…`,
    then `本报记者夏珺` over a later paragraph took `吴明`'s place)."""
    groups = page.scratch.get("article_groups", [])
    at = next((k for k, a in enumerate(page.articles) if a is article), None)
    if at is None or at >= len(groups) or not groups[at]:
        return False
    index = page_line_index(page).get(id(groups[at][0].first))
    if not index:
        return False
    above = page.lines[index - 1]
    return above.kind == "byline" and owner.get(id(above)) is article


# `bylines_between_heads_and_texts`: a byline left unclaimed, printed between an article's head and
# its text in pdftotext's reading order.
BETWEEN_HEAD_AND_TEXT_REASON: Final = "byline:between_head_and_text"


def head_to_text_spans(page: Page, owner: dict[int, Article]) -> dict[int, tuple[int, int]]:
    """id of each article that can still take a byline (none yet, no lead-in) -> the line indices
    of its last head line (not a pull quote, printed away from its headline) and of its first
    body line, when the head comes first."""
    last_head: dict[int, int] = {}
    first_body: dict[int, int] = {}
    for k, ln in enumerate(page.lines):
        art = owner.get(id(ln))
        if art is None:
            continue
        if ln.kind == "head" and PULL_QUOTE_REASON not in ln.reasons:
            last_head[id(art)] = k
        elif ln.kind == "body" and id(art) not in first_body:
            first_body[id(art)] = k
    return {id(a): (last_head[id(a)], first_body[id(a)]) for a in page.articles
            if id(a) in last_head and id(a) in first_body and last_head[id(a)] < first_body[id(a)]
            and not a.byline and not has_lead_in(a)}


def bylines_between_heads_and_texts(page: Page) -> None:
    """An unclaimed byline line printed after an article's last head line and before its first
    text line goes to that article, when it is the only such line between them and stands between
    no other waiting article's head and text: a byline is printed under its headline and over its
    text, and pdftotext reads a wide head block, the byline under it and the text in that order,
    whatever it puts between them (a neighbour's columns, a caption). Run last in `headlines`,
    after the merges that change which lines stand between. Sim TRAIN pdftotext 1-300: heads
    placed by their words far from their texts (`女排当自强` … `本报记者李长云` … `中国排球协会
    秘书长…`): 5 right (pages 71, 104, 134, 211, 241), 1 spurious (156), 5 to articles
    unmatched or with another byline, byline_acc 499 -> 495 wrong, nothing else moves; sim VAL
    pdftotext 1-40 / 41-120 0.7581 / 0.7631 -> 0.7640 / 0.7647; dev 1-40: page 35 (a signature
    over a neighbour's caption), 21-40 0.8654 -> 0.8718. Only in dumps with blank lines
    (`separates_blocks`): raw and PyMuPDF read no text blocks."""
    if not separates_blocks(page):
        return
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    lines = page.lines
    loose = [k for k, ln in enumerate(lines) if ln.kind == "byline" and id(ln) not in owner]
    if not loose:  # nothing to place: the spans not looked for
        return
    spans = head_to_text_spans(page, owner)
    if not spans:
        return
    by_id = {id(a): a for a in page.articles}
    holders: dict[int, list[int]] = {k: [a for a, (lo, hi) in spans.items() if lo < k < hi] for k in loose}
    for a, (lo, hi) in spans.items():
        inside = [k for k in loose if lo < k < hi]
        if len(inside) != 1 or holders[inside[0]] != [a]:
            continue
        article, ln = by_id[a], lines[inside[0]]
        article.byline = ln.text
        page.claim(ln, article)
        ln.because(BETWEEN_HEAD_AND_TEXT_REASON)
        article.because(BETWEEN_HEAD_AND_TEXT_REASON)
