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

from banmian.head_bigrams import bigram_keys, head_text, share_in
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


def groups_and_firsts(page: Page, pos: dict[int, int]) -> tuple[list[list[Fragment]], list[int]]:
    """The page's article groups (`article_groups`, one per article, from the reassemble stage)
    and each group's first line's input position (-1 for none); both empty when the groups do
    not pair with the articles."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if not groups or len(groups) != len(page.articles):
        return [], []
    return groups, [pos.get(id(g[0].first), -1) if g else -1 for g in groups]


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
    groups, firsts = groups_and_firsts(page, pos)
    if not groups:
        return []
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
    `本报讯` report, which the gold never gives a byline under its headline). A subtitle is a head
    too: a dash line given to the article alone (`leftovers_over_next_openings`) was overwritten
    by the signed block's tiers, its line claimed and printed nowhere (found by fuzzing)."""
    return not (article.headline or article.kicker or article.subtitle or article.byline) \
        and bool(article.paragraphs) \
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
    groups, firsts = groups_and_firsts(page, pos)
    if not groups:
        return []
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


# `leftovers_near_headless_reports`: a leftover head block goes to the nearby headless report whose
# opening repeats its words most (pdftotext dumps).
NEAR_LEFTOVERS: Final = True
NEAR_LEFTOVER_REASON: Final = "headline:leftover_to_near_headless_report"
# At most this many input lines between the block's last line and the report's first line, either
# way: a headline is printed over its report's columns, and pdftotext prints the block within the
# band it heads (simulated TRAIN pdftotext, leftover blocks whose best-sharing headless report is
# their own: all 9 within 100 lines; 2 more within 150 beside 1 gold headless article wrongly headed).
NEAR_LINES: Final = 100
# The least share of the block's bigrams the report's opening holds. Below the assignment's
# MIN_OVERLAP (0.15), which is asked where blocks compete; here the block and the report are both
# left over. TRAIN pdftotext, best-sharing headless reports within NEAR_LINES: any share > 0: 9
# right, 11 already wrong, none harmed; 0.1: 9 right, 6 already wrong; 0.15: 5 right, 2 wrong.
NEAR_MIN_SHARE: Final = 0.1


def leftovers_near_headless_reports(page: Page, blocks: list[list[Line]], opening_chars: int,
                                    pos: dict[int, int]) -> list[tuple[list[Line], int]]:
    """(block, article index) for each head block still left over (no line of it held, a head
    line in it, none reading as text, `reads_as_text`) and the `headless_opening` article printed
    within NEAR_LINES lines of it whose opening holds the largest share of the block's bigrams,
    at least NEAR_MIN_SHARE and no other such article's as large; of several blocks for one
    article, the one sharing most. Not a block holding a byline: the rule places headlines.

    A head block the assignment (`headlines`) leaves over while its report stays headless: its
    words recur in the opening too seldom for MIN_OVERLAP, or another block took the report
    first and lost it later (simulated TRAIN pdftotext page 167: a lone reporter's line over a
    `本报讯` opening took the report by place, the lead-in then kept the byline; the report's own
    three-line head block, printed between its columns, was left over), and it is printed neither
    right over the report nor before its opening (`leftovers_over_next_openings`: pdftotext
    printed it after the report's first column, TRAIN pages 9, 167). Simulated TRAIN pdftotext
    1-300: fires on 13 pages, 5 heads put right (pages 2, 9, 101, 113, 167), none lost (the
    others went to reports already wrong or to fragments no gold article matched); headline_acc
    1-40 / 41-300 0.7115 / 0.6839 -> 0.7180 / 0.6853, nothing else moves. Sim VAL pdftotext 1-40 /
    41-120 headline_acc 0.6254 / 0.6502 -> 0.6283 / 0.6518, nothing else moves (a block holding a
    byline, let in, cost one VAL byline). Dev 1-40: never fires. Asked of pdftotext dumps only
    (`separates_blocks`, by the caller): on raw and PyMuPDF TRAIN dumps no leftover block's own
    report is such a near headless one."""
    if not NEAR_LEFTOVERS:
        return []
    groups, firsts = groups_and_firsts(page, pos)
    if not groups:
        return []
    waiting = [i for i, g in enumerate(groups) if firsts[i] >= 0 and headless_opening(page, i, g, pos)]
    if not waiting:
        return []
    # each waiting article's opening bigrams, made when a block near it first asks (speed alone:
    # most pages leave no block over, and an opening's bigrams cost a hundred head lines')
    openings: dict[int, set[int]] = {}
    best: dict[int, tuple[float, list[Line]]] = {}
    for block in blocks:
        if not block or not any(ln.kind == "head" for ln in block) or reads_as_text(block):
            continue
        if any(page.owner_of(ln) is not None or ln.kind == "byline" for ln in block):
            continue
        end = pos.get(id(block[-1]))
        if end is None:
            continue
        keys = bigram_keys(head_text(block))
        near = [i for i in waiting if abs(firsts[i] - end) <= NEAR_LINES]
        for i in near:
            if i not in openings:
                openings[i] = bigram_keys("".join(page.articles[i].paragraphs)[:opening_chars])
        shares = sorted(((share_in(keys, openings[i]), i) for i in near), reverse=True)
        if not shares or shares[0][0] < NEAR_MIN_SHARE or (len(shares) > 1 and shares[1][0] == shares[0][0]):
            continue
        share, i = shares[0]
        if i not in best or share > best[i][0]:
            best[i] = (share, block)
    return [(block, i) for i, (_, block) in sorted(best.items())]
