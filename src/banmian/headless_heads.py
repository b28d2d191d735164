"""Headless heads: a head block the `headlines` stage left over goes to the headless article
whose opening is printed next after it.

A headline is printed over its report's first paragraph. pdftotext may print other lines
between the two (a photo's caption, a neighbour's head block, the second slot of a head row
cut at a gutter), so the block does not stand right before the article's first line and earns
no adjacency bonus (`headlines.ADJACENT_BLOCK_BONUS`); a headline whose words its opening does
not repeat is then left over while the article stays headless (simulated TRAIN page 24:
`人事部领导走` / `访三总部和武警`, a side-by-side neighbour's head line and a caption, then its
report `据新华社北京…`). Such a block goes to the article when no other article's opening is
printed between them, the article opens an indented paragraph (a report's first; a piece
opening mid-paragraph is a cut column's) under no continuation line (the rest of a report,
which the gold never heads); of several blocks over one article, the one whose words its opening
repeats most. No share of words is asked (the block was left over for sharing too few): on
simulated TRAIN pdftotext 1-300 the rule puts 6 heads right (pages 24, 59, 152, 153, 156, 160;
two of them, 24 and 59, sharing no word), none wrong, and gives 11 blocks to articles already
wrong (4) or to fragments no gold article matched (7) (asking a share above 0: 4 right); heads
wrong 893 -> 887 of 2460, bylines wrong 518 -> 516. Sim VAL 1-120: one head right, none wrong.
Dev 1-40: fires on pages 26, 33 and 40 (two articles already wrong, one fragment), one byline
put right. Asked of pdftotext dumps only
(`line_shape.separates_blocks`): its blank lines set text blocks apart, and its head blocks stray
from their bodies.
"""
from __future__ import annotations

from typing import Final

from banmian.head_units import bigram_keys, head_text, share_in
from banmian.model import Article, Fragment, Line, Page
from banmian.rules.furniture import REPORTER_LINE_REASON
from banmian.side_bylines import has_lead_in

# The reason a block given to the headless article printed next after it records.
NEXT_OPENING_REASON: Final = "headline:leftover_over_next_opening"


# Marks of running text: a line holding one is body text read as a head line, not a headline
# (simulated TRAIN gold: none of 3288 kickers, headlines and subtitles holds `。`, `；` or `●`, 17
# a comma). Leftover blocks of such lines went to the next headless opening on TRAIN pages 98,
# 162, 163, 196, 224, 236 and 280, none a gold article's head (`来自北京城近郊12个` aside, all
# caught); sim VAL 41-120: with the comma left out, one gold article printed without a head took
# such a block.
TEXT_MARKS: Final = "。；，●"


def reads_as_text(block: list[Line]) -> bool:
    """A head line of the block holds a mark of running text (`TEXT_MARKS`)."""
    return any(ch in ln.text for ln in block if ln.kind == "head" for ch in TEXT_MARKS)


def next_opening(block: list[Line], firsts: list[int], pos: dict[int, int]) -> int | None:
    """Index of the article whose first line (input position in `firsts`) is the first printed
    after the block's last line, or None."""
    end = pos.get(id(block[-1]))
    if end is None:
        return None
    later = [(at, i) for i, at in enumerate(firsts) if at > end]
    return min(later)[1] if later else None


def headless_opening(page: Page, i: int, group: list[Fragment], pos: dict[int, int]) -> bool:
    """Article i holds no head, and its first piece opens an indented paragraph printed under
    no continuation line (blank lines aside)."""
    art = page.articles[i]
    if art.headline or art.kicker or art.subtitle or not group or group[0].start != "indent":
        return False
    at = pos.get(id(group[0].first), 0) - 1
    while at >= 0 and page.lines[at].kind == "blank":
        at -= 1
    return not (at >= 0 and page.lines[at].kind == "continued")


def leftovers_over_next_openings(page: Page, blocks: list[list[Line]], owner: dict[int, int], opening_chars: int,
                                 pos: dict[int, int]) -> list[tuple[list[Line], int]]:
    """(block, article index) for each leftover block (no line of it held, a head line in it)
    whose next printed opening (`next_opening`) is a `headless_opening`; of several blocks over
    one article, the one whose bigrams its opening holds most of, then the nearest. Not a block whose head lines read as text (`reads_as_text`), nor one
    holding a byline to an article that has one."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if len(groups) != len(page.articles):
        return []
    firsts = [pos.get(id(g[0].first), -1) if g else -1 for g in groups]
    best: dict[int, tuple[tuple[float, int], list[Line]]] = {}
    for k, block in enumerate(blocks):
        if k in owner or not block or not any(ln.kind == "head" for ln in block):
            continue
        if any(page.owner_of(ln) is not None for ln in block) or reads_as_text(block):
            continue
        i = next_opening(block, firsts, pos)
        if i is None or not headless_opening(page, i, groups[i], pos):
            continue
        if any(ln.kind == "byline" for ln in block) and page.articles[i].byline:
            continue
        opening = bigram_keys("".join(page.articles[i].paragraphs)[:opening_chars])
        rank = (share_in(bigram_keys(head_text(block)), opening), pos.get(id(block[-1]), -1))
        if i not in best or rank > best[i][0]:
            best[i] = (rank, block)
    return [(block, i) for i, (_, block) in sorted(best.items())]


# `signed_leftovers_over_headless_reports`: a leftover head block signed by a reporter's line.
SIGNED_LEFTOVERS: Final = True
SIGNED_LEFTOVER_REASON: Final = "headline:signed_leftover_to_next_headless_report"


def signed_by_reporter(block: list[Line]) -> bool:
    """The block holds a head line and ends with a reporter's line (`本报记者X`, `本报驻X记者Y`,
    `新华社记者X`): a report's headline with its byline under it, not a stray line read as a
    head or a photo's label."""
    last = block[-1]
    return last.kind == "byline" and REPORTER_LINE_REASON in last.reasons and any(ln.kind == "head" for ln in block)


def waiting_headless(article: Article) -> bool:
    """An article with text and neither head nor byline, not opening with a lead-in byline (a
    `本报讯` report, which the gold never gives a byline under its headline)."""
    return not (article.headline or article.kicker or article.byline) and bool(article.paragraphs) \
        and not has_lead_in(article)


def signed_leftovers_over_headless_reports(page: Page, blocks: list[list[Line]],
                                           pos: dict[int, int]) -> list[tuple[list[Line], int]]:
    """(block, article index) for each head block no line of which an article holds that is
    `signed_by_reporter`: it goes to the first `waiting_headless` article whose text is printed
    after it, past the openings of other articles (`leftovers_over_next_openings` looks at the
    next opening only). pdftotext prints a head block set over its report's columns before the
    report's text, but when the head spans columns that a neighbour's text fills further down,
    that text may come between (sim TRAIN pdftotext page 22: `昔日『冰球沙皇` / `』今朝黯然认罪` /
    `本报记者邹德浩`, then a neighbour's byline and whole text, then the report, headless: the
    head and the byline were left unassigned); a reporter's line shows the block is a report's
    head, so the nearest headless report after it is looked for. Sim TRAIN pdftotext 1-300:
    fires on pages 22, 63, 73, 125, 132, 138: two heads and bylines put right (22, 125), four
    blocks to articles already wrong or to fragments no gold article matched, no score lost; sim
    VAL 1-120 pdftotext: fires twice, byline 41-120 0.7806 -> 0.7822, nothing else moves; dev
    1-40: never fires. pdftotext only (`separates_blocks`, asked by the caller)."""
    if not SIGNED_LEFTOVERS:
        return []
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if len(groups) != len(page.articles):
        return []
    firsts = [pos.get(id(g[0].first), -1) if g else -1 for g in groups]
    out: list[tuple[list[Line], int]] = []
    taken: set[int] = set()
    for block in blocks:
        if not block or not signed_by_reporter(block) or any(page.owner_of(ln) is not None for ln in block):
            continue
        end = pos.get(id(block[-1]), -1)
        later = [(at, i) for i, at in enumerate(firsts)
                 if at > end and i not in taken and waiting_headless(page.articles[i])]
        if end < 0 or not later:
            continue
        i = min(later)[1]
        taken.add(i)
        out.append((block, i))
    return out
