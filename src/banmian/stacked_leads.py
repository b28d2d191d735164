"""A lead-in opening a short unfinished text right over another lead-in: one report.

A report may open with its byline run into a line that is not yet its story: a kicker or a
bullet list of its points (`本报北京1月22日讯 记者X报道： 韩元对美元汇率再次下跌印尼盾汇率又破一万大关`),
a photo's caption with its credit (`…会见阿拉法特。（新华社记者刘宇摄）`), and then the story under
it, opening with a dispatch's own lead-in (`新华社东京1月21日电…`). The start model opens an
article on each lead-in, so the first is left a scrap holding the byline and the dated story
under it is read as undated, or as dated by the second lead-in (`bench/datelines.py`'s misses:
the gold pairs with the story). The gold keeps them as one article: the kicker its first
paragraph, the second lead-in a paragraph of its body, the byline and dateline the first's.

`kickers_over_leads` merges such a scrap into the article printed right under it
(`stacked_on`): the scrap is one piece opening with a lead-in byline whose text after the
lead-in is at most KICKER_MAX_CHARS and finishes no sentence, or ends on a photo credit
(`unfinished_kicker`); the article under it opens with a lead-in byline of its own; only blank
lines and head lines stand between the two, the head lines being the scrap's text running on
(`……印尼盾汇率` / `又破一万大关`, a short line the classifier read as a headline), which go back
into its last paragraph as body lines.

Study, sim TRAIN pages 1-300: of the gold articles, 32 hold a second lead-in paragraph; in 15
the first paragraph is a kicker, bullet list or caption of at most 60 characters with the byline
run in (7 of them dated), in the other 17 two whole reports (a roundup: `欧盟…。` / `澳大利亚` /
`本报讯澳大利亚…`), whose first finishes its sentences and is left alone. The rule fires on raw 10,
PyMuPDF 10, pdftotext 6 pairs, each one gold article (pdftotext: other such kickers were threaded
with other text); with a finished sentence as the only test (no clause-mark test) 6 more fired,
all a report cut at a column's foot over another report. Dateline misses (`bench/datelines.py`)
raw 35 -> 29, PyMuPDF 24 -> 18, pdftotext 94 -> 91. Dev pages 1-40: it fires on none.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.adjacent_splits import articles_under
from banmian.article_merges import HEAD_FIELDS, drop_merged, has_head, merge_into
from banmian.model import Article, Fragment, Line, Page, page_line_index
from banmian.rules.bylines import lead_in_byline
from banmian.rules.chars import strip_ws
from banmian.thread_subheads import to_body_lines

# Longest text after the first lead-in that is still a kicker, a bullet list or a caption: the
# gold's such first paragraphs on sim TRAIN 1-300 run 7 to 57 characters (a caption with its
# credit the longest); a report's whole first column in a raw dump runs longer.
KICKER_MAX_CHARS: Final = 60
# Head lines standing between the scrap and the article under it (the kicker's run-on lines):
# sim TRAIN 1-300 raw / PyMuPDF / pdftotext, 0 to 2.
RUN_ON_MAX_LINES: Final = 2
STACKED_LEADS = True  # switch (tests turn it off to see the rule's effect)
MERGE_REASON: Final = "merge:kicker_over_lead_in"
RUN_ON_REASON: Final = "body:kicker_runs_on"

_CLAUSE_MARK: Final = re.compile(r"[。！？；，：、!?;,:]")
_PHOTO_CREDIT: Final = re.compile(r"[（(][^（）()]{0,20}摄[）)]$")


def text_after_lead(article: Article) -> str | None:
    """The article's text after the lead-in byline opening its first paragraph (white space
    left out), or None when no lead-in opens it."""
    if not article.paragraphs:
        return None
    first = article.paragraphs[0]
    m = lead_in_byline(first)
    if m is None:
        return None
    return strip_ws(first[m.end("lead"):] + "".join(article.paragraphs[1:]))


def unfinished_kicker(rest: str) -> bool:
    """`rest` (a lead-in's text, with any head lines running on from it) is a kicker, a bullet
    list or a caption, not a report's opening: at most KICKER_MAX_CHARS, and either holding no
    clause mark (a headline's words: `彭楚政再获“全国民族团结进步模范”称号`) or closing on a photo
    credit (`…会见阿拉法特。（新华社记者刘宇摄）`). A report cut at a column's foot runs sentences
    (`…挑战，中国进出口银行进一步…`): sim TRAIN raw, PyMuPDF and pdftotext 1-300, 6 such scraps
    over another lead-in, each another report's opening."""
    if not rest or len(rest) > KICKER_MAX_CHARS:
        return False
    return bool(_PHOTO_CREDIT.search(rest)) or not _CLAUSE_MARK.search(rest)


def run_on_lines(page: Page, above: Fragment, below: Fragment, pos: dict[int, int]) -> list[Line] | None:
    """The head lines between `above`'s last line and `below`'s first (at most
    RUN_ON_MAX_LINES), when nothing but blank lines and head lines stands there; else None."""
    lines = page.lines
    start, stop = pos[id(above.last)] + 1, pos[id(below.first)]
    if start > stop:
        return None
    between = [lines[k] for k in range(start, stop) if lines[k].kind != "blank"]
    if len(between) > RUN_ON_MAX_LINES or any(ln.kind != "head" for ln in between):
        return None
    return between


def head_fields_of(page: Page, lines: list[Line], articles: tuple[Article, Article]) -> list[tuple[Article, str]] | None:
    """For the run-on head lines, the head fields of `articles` (the scrap, the article under
    it) that print exactly the lines each holds: [(article, field)], to be emptied. None when a
    line is held by another article, or an article's lines are only part of a field (a real
    headline printed there)."""
    out: list[tuple[Article, str]] = []
    for art in articles:
        held = strip_ws("".join(ln.text for ln in lines if page.owner_of(ln) is art))
        if not held:
            continue
        field = next((key for key in HEAD_FIELDS if strip_ws(getattr(art, key) or "") == held), None)
        if field is None:
            return None
        out.append((art, field))
    holders = [page.owner_of(ln) for ln in lines]
    if any(held is not None and held not in articles for held in holders):  # (no `(None, *articles)`: mypyc cannot build it)
        return None
    return out


def stacked_on(page: Page, target: Article, target_group: list[Fragment], piece: Article, group: list[Fragment],
               above: Fragment, pos: dict[int, int]) -> tuple[list[Line], list[tuple[Article, str]]] | None:
    """`target` is a kicker with the byline run in and `piece` its story opening with a lead-in
    of its own: (the run-on head lines, the head fields they fill) or None. The piece may keep
    a head only when the target has none left: the headline is one."""
    if len(target_group) != 1 or not group or lead_in_byline(piece.paragraphs[0] if piece.paragraphs else "") is None:
        return None
    rest = text_after_lead(target)
    if rest is None:
        return None
    between = run_on_lines(page, above, group[0], pos)
    if between is None or not unfinished_kicker(rest + strip_ws("".join(ln.text for ln in between))):
        return None
    fields = head_fields_of(page, between, (target, piece))
    if fields is None:
        return None
    emptied = {(id(a), f) for a, f in fields}
    target_head = any(getattr(target, k) and (id(target), k) not in emptied for k in HEAD_FIELDS)
    piece_head = any(getattr(piece, k) and (id(piece), k) not in emptied for k in HEAD_FIELDS)
    if piece_head and target_head:
        return None
    return between, fields


def take_run_on(page: Page, target: Article, between: list[Line], fields: list[tuple[Article, str]]) -> None:
    """The run-on head lines go back into the target's last paragraph as body lines, out of the
    head fields they filled."""
    for art, key in fields:
        setattr(art, key, None)
    if not between:
        return
    target.paragraphs[-1] += "".join(ln.text.strip() for ln in between)
    to_body_lines(between, RUN_ON_REASON, False)
    for ln in between:
        held = page.owner_of(ln)
        if held is not target:
            page.move(ln, held, target)


def kickers_over_leads(page: Page) -> None:
    """Merge each kicker scrap into the lead-in article printed right under it (`stacked_on`),
    its run-on head lines put back into its text (`take_run_on`). Runs after the headlines
    stage's placing of heads and bylines, on `page.articles` and their pieces
    (`page.scratch["article_groups"]`); an article grown so takes no further piece."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if not STACKED_LEADS or len(groups) != len(page.articles) or len(groups) < 2:
        return
    pos = page_line_index(page)
    under = articles_under(page, groups)
    merged: set[int] = set()
    gone: dict[int, int] = {}
    for n, (piece, group) in enumerate(zip(page.articles, groups)):
        hit = under[n]
        if hit is None or n in merged or hit[1] in merged:
            continue
        above, m = hit
        target = page.articles[m]
        found = stacked_on(page, target, groups[m], piece, group, above, pos)
        if found is None:
            continue
        take_run_on(page, target, *found)
        merge_into(page, target, piece, groups[m], group, above, MERGE_REASON)
        merged.update((n, m))
        gone[n] = m
    if gone:
        drop_merged(page, groups, gone)
