"""Subhead sections: a report's section printed under its own subhead, put back into the report.

Features and roundups print their sections under subheads (小标题: a place, `云南`; a number,
`二`, `三、建立自己的装备…`; a quoted phrase, `“向改革要警力”`) in the flow of the text, right
after the section before. The headlines stage takes such a line, standing right over the
section's text, for the section's headline, and the section becomes an article of its own: on
sim TRAIN2 pdftotext pages 1-600, 67 later parts of a report were headed by a line of that
report's own body (16 k characters), the largest class of headed pieces split off their report.

A section goes back to the article printed right before it (its last piece, in print order, is
the piece just before the section's first) when the head looks like a subhead
(`subhead_shaped`), the article's last piece closes its paragraph (a subhead follows a finished
section), the section has no byline, and its text shares words with that article more than with
any other (`SUBHEAD_MIN_COSINE`, no third article ahead). The subhead becomes the section's first
paragraph, as the gold prints it. Candidates by the gold (a headed, bylineless article whose
head block stands right over its text, right after another's last piece; each merge alone,
characters mended): sim TRAIN 1-300 10 merges, 9 into their own report, +1,132 characters;
TRAIN2 1-600 29 / 29, +7,890. Without the closed paragraph: TRAIN 14 / 11, +387 (two whole
reports, `回眸九七`, `首都劳模联欢`, after a piece cut mid-sentence); with any head of at most 16
characters instead of the subhead shape: TRAIN2 56 / 39, +4,186, 19 for the worse.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.article_merges import drop_merged, has_head, merge_into
from banmian.bigram_tables import CountCosines
from banmian.body_texts import body_text
from banmian.head_places import BEFORE_ARTICLE_REASON
from banmian.model import Article, Fragment, Line, Page
from banmian.rules.chars import strip_ws

REASON: Final = "merge:subhead_section"
LINE_REASON: Final = "body:subhead"
# A subhead is short (a place, a name, a catchword: `云南`, `澳大利亚`, `增长点`), numbered or a
# quotation alone; a report's headline says more (`回眸九七` and `首都劳模联欢`, sim TRAIN pages 30
# and 165, are the whole reports this length let through: the closed paragraph keeps them out).
SUBHEAD_MAX_CHARS: Final = 6
SUBHEAD_NUMBERED: Final = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分])")
SUBHEAD_QUOTED: Final = re.compile(r"^“[^“”]+”$")
# Words the section must share with the report (bigram cosine): sim TRAIN2, candidates of the
# subhead shape after a closed paragraph, 0.1: 29 merges, all right; 0.15: 22 (+5,220).
SUBHEAD_MIN_COSINE: Final = 0.1
OPEN_END: Final = "open"  # a piece stopping mid-sentence (`Fragment.end`)


def subhead_shaped(text: str) -> bool:
    """`text` (white space left out) reads as a subhead: short, numbered or a quotation alone."""
    return len(text) <= SUBHEAD_MAX_CHARS or bool(SUBHEAD_NUMBERED.match(text)) or bool(SUBHEAD_QUOTED.match(text))


def section_under_subhead(page: Page, article: Article, group: list[Fragment]) -> list[Line] | None:
    """The subhead lines of `article` when it is a section printed under its subhead: no byline,
    a head placed right over its text, of the subhead shape, held in head lines alone."""
    if not group or article.byline or not has_head(article):
        return None
    if not any(r.startswith(BEFORE_ARTICLE_REASON) for r in article.reasons):  # placed right over its text
        return None
    head = strip_ws("".join(x for x in (article.kicker, article.headline, article.subtitle) if x))
    if not subhead_shaped(head):
        return None  # most heads: the page's lines are not scanned for them
    lines = page.held_lines(article, "head")
    return lines if lines and strip_ws("".join(ln.text for ln in lines)) == head else None


def report_before(groups: list[list[Fragment]], n: int, gone: dict[int, int]) -> int | None:
    """The article whose last piece is printed right before article `n`'s first one (an article
    merged already counts as the one it went into), if that piece closes its paragraph."""
    first = groups[n][0].order
    for m, group in enumerate(groups):
        if m != n and m not in gone and group and group[-1].order == first - 1:
            return None if group[-1].end == OPEN_END else m
    return None


def shares_most(cos: list[float], n: int, m: int, gone: dict[int, int]) -> bool:
    """Article `n` (its bigram cosine with each article `cos`) shares words enough with `m`, and
    no fewer than with any other article."""
    if cos[m] < SUBHEAD_MIN_COSINE:
        return False
    return all(c <= cos[m] for k, c in enumerate(cos) if k not in (n, m) and k not in gone)


def subhead_sections_to_their_reports(page: Page) -> None:
    """Merge each section printed under its subhead (`section_under_subhead`) into the report
    printed right before it, in print order (a roundup's sections one after another), the
    subhead becoming the section's first paragraph."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    candidates = {n: lines for n, (art, group) in enumerate(zip(articles, groups))
                  if (lines := section_under_subhead(page, art, group)) is not None}
    if not candidates:
        return  # most pages
    table: CountCosines | None = None  # made when a section asks, again after a merge
    gone: dict[int, int] = {}
    for n in sorted(candidates, key=lambda k: groups[k][0].order):
        m = report_before(groups, n, gone)
        if m is None:
            continue
        if table is None:
            table = CountCosines([body_text(a) for a in articles])
        if not shares_most(table.cosines(n), n, m, gone):
            continue
        section, report, lines = articles[n], articles[m], candidates[n]
        for ln in lines:
            ln.kind = "body"
            ln.because(LINE_REASON)
        section.paragraphs.insert(0, "".join(ln.text.strip() for ln in lines))
        section.kicker = section.headline = section.subtitle = None
        merge_into(page, report, section, groups[m], groups[n], groups[m][-1], REASON)
        table = None  # the report's words grew
        gone[n] = m
    if gone:
        drop_merged(page, groups, gone)
