"""Head block places: which article a head block stands next to, for the `headlines` stage's
adjacency bonus.

A block stands right before an article's first line, or over the caption lines of a photo set
between its headline (or byline) and the body (`blocks_before_articles`). A page may print each
body before its headline block (`-raw` and PyMuPDF dumps keep the drawing order): the blocks then
stand right after their articles (`blocks_after_articles`; past the jump line closing one,
`past_jump_line`), and the page is told by their votes
(`bodies_first_page`: the blocks between two articles, `prints_bodies_first`; every block, on a
page opening on body text and closing on a head block, `framed_bodies_first`).
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.head_bigrams import bigram_keys, head_text, share_in
from banmian.line_shape import separates_blocks
from banmian.model import HEAD_KINDS, Line, Page
from banmian.rules.furniture import LEAD_IN_REASON


def byline_over_caption(before: list[Line]) -> Line | None:
    """The byline line printed right over the caption lines that stand before an article's
    first line (nearest first in `before`), if that is what they are: a photo set under the
    headline and its byline, its caption between them and the body (dev page 35: `公平税负` /
    `增强国力` / `国家税务总局党组书记、副局长项怀诚`, a two-line caption, the body; page 36).
    Dev 1-40 pdftotext: found before 22 articles on 19 pages, one head put right (page 36), the
    others' unchanged (their blocks' words had already won them, or another block's: page 35)."""
    k = 0
    while k < len(before) and before[k].kind == "caption":
        k += 1
    return before[k] if 0 < k < len(before) and before[k].kind == "byline" else None


# A photo story's head over its photo: the reason on its last line (`head_over_caption`).
HEAD_OVER_CAPTION_REASON: Final = "headline:over_caption_over_lead_in"


def head_over_caption(before: list[Line], first: Line, blank_above: bool) -> Line | None:
    """The head line printed right over the caption lines that stand before an article's first
    line `first` (`before`: the lines before it, nearest first), when that line opens a report
    with a lead-in (`本报讯…`, a dateline): a photo story's headline, its photo and caption between
    it and the body, as `byline_over_caption` has it with a byline. The block counts as right
    before the article (`headlines.ADJACENT_BLOCK_BONUS`). Simulated TRAIN pages 3, 18, 49, 200,
    210, 253: `武汉五彩` / `缤纷灯如海`, the caption `图为灯的海洋…`, `本报讯 记者罗盘报道：…`; the block shared
    too few words with the opening and was left over. Only over a lead-in: over a fragment cut
    off mid-report (dev page 25, `巨星们正磨刀霍霍` under a photo pair) the head is a neighbour's,
    and taking it there cost two dev heads. Only where a blank line (`blank_above`) sets the
    report off from the caption, as pdftotext prints a photo story: raw and PyMuPDF dumps hold no
    blank lines, and there the photo over the lead-in was as often another slot's (simulated
    TRAIN raw pages 60, 180: `加强基层组织建设关键在县市委` over its caption, then a neighbour's
    `本报讯…`; three raw heads lost)."""
    if LEAD_IN_REASON not in first.reasons or not blank_above:
        return None
    k = 0
    while k < len(before) and before[k].kind == "caption":
        k += 1
    if 0 < k < len(before) and before[k].kind == "head":
        before[k].because(HEAD_OVER_CAPTION_REASON)
        return before[k]
    return None


def blocks_before_articles(page: Page, groups: list, block_ending_at: dict[int, int],
                           pos: dict[int, int]) -> dict[int, int]:
    """Article index -> index of the block standing right before the article's first line, or
    over the caption lines between them (`byline_over_caption`, `head_over_caption`)."""
    lines = page.lines
    adjacent: dict[int, int] = {}  # article index -> block index right before it
    for i, group in enumerate(groups):
        before = lines_around(page, group[0], after=False)
        if before and id(before[0]) in block_ending_at:
            adjacent[i] = block_ending_at[id(before[0])]
        else:
            under_byline = byline_over_caption(before)
            if under_byline is None:
                at = pos.get(id(group[0].first), 0)
                under_byline = head_over_caption(before, group[0].first, at > 0 and lines[at - 1].kind == "blank")
            if under_byline is not None and id(under_byline) in block_ending_at:
                adjacent[i] = block_ending_at[id(under_byline)]
    return adjacent


# A page may print each article's body before its headline block (-raw and PyMuPDF dumps keep
# the drawing order): a block then closes the article above it, not the one under it. Such a
# page is told by its blocks standing between two articles: when at least BODY_FIRST_MIN_VOTES
# of them share more of their bigrams with the opening of the article above than with the one
# below, and more than BODY_FIRST_RATIO times as many as the other way, the adjacency bonus goes
# to the article right above each block (`blocks_after_articles`). A headline whose words its
# opening lacks (`上山下乡记` over `在辽宁省首届“十大杰出青年农民”的颁奖仪式上…`, simulated
# raw TRAIN page 289) went to the article under it, or to none. Told so on 55 of the 73 body-first
# pages of simulated TRAIN raw (57 PyMuPDF) and on none of its other 227 pages, nor on dev raw or
# PyMuPDF 1-40 but its body-first pages (5 of 8; output unchanged there). At 1 vote: 64, but 16
# other pages; at 3: 41. TRAIN raw headline_acc 41-300 0.7635 -> 0.7770, byline 0.8762 -> 0.8808;
# sim VAL raw headline 1-40 / 41-120 0.7316 / 0.7456 -> 0.7611 / 0.7583 (PyMuPDF alike).
BODY_FIRST_MIN_VOTES: Final = 2
BODY_FIRST_RATIO: Final = 2.0
BODY_FIRST_REASON: Final = "headline:after_article"
BEFORE_ARTICLE_REASON: Final = "headline:before_article"  # a block placed right over its article
BODIES_FIRST_KEY: Final = "bodies_first"  # scratch flag: the page prints its bodies first
FRAMED_BODIES_FIRST = True  # switch for `framed_bodies_first` (tests)


# `past_jump_line`: a block printed after the jump line that closes an article stands right after it.
AFTER_JUMP_LINES = True
# The reason on the first line of a block so found (a fact of place; the block is given by it only on
# a page printing its bodies first).
PAST_JUMP_REASON: Final = "headline:block_after_jump_line"


def past_jump_line(after: list[Line]) -> list[Line]:
    """The lines after an article's last line (`after`, nearest first) past the jump line
    (`下转第七版`) that closes its text on the page, if one stands first. A dump keeping the
    drawing order (-raw, PyMuPDF) prints the jump line with the column it ends, and on a page
    printing each body before its headline the block then follows the jump line, not the body:
    the block was not taken for standing right after its article, and went to none or to the
    article under it (simulated TRAIN raw page 180: `…这只大鸟的体重约为 140公斤，`,
    `（下转A8版）`, `恐龙时代有巨鸟` / `骨粗体重似牛犊`, left over; page 286: `从此点` / `灯不靠油`
    after `（下转A10版）`; pages 48, 95, 113, 150, 156, 157, 210, 233, 265, 290, 296 alike).
    Heads wrong on TRAIN 1-300, raw 486 -> 470 (19 right, 3 lost: pages 180, 217, 233),
    PyMuPDF 492 -> 477; sim VAL 1-120 headline_acc raw 0.7989 -> 0.8100, PyMuPDF 0.8081 ->
    0.8203, byline_acc +0.002 both; dev 1-40 raw: finds such a block on pages 3, 10, 24, 27,
    30, 31, 36 and 40, changes no score. pdftotext dumps are never read as
    printing bodies first (`prints_bodies_first`), so nothing changes there."""
    if AFTER_JUMP_LINES and len(after) > 1 and after[0].kind == "jump":
        return after[1:]
    return after


def blocks_after_articles(page: Page, groups: list, block_starting_at: dict[int, int]) -> dict[int, int]:
    """Article index -> index of the block standing right after the article's last line, a
    jump line closing it aside (`past_jump_line`)."""
    out: dict[int, int] = {}
    for i, group in enumerate(groups):
        around = lines_around(page, group[-1], after=True)
        after = past_jump_line(around)
        if after and id(after[0]) in block_starting_at:
            out[i] = block_starting_at[id(after[0])]
            if after is not around:
                after[0].because(PAST_JUMP_REASON)
    return out


def prints_bodies_first(page: Page, blocks: list[list[Line]], before: dict[int, int], after: dict[int, int],
                        openings: list[set[int]]) -> bool:
    """The page prints each body before its headline: of the blocks standing between two
    articles, many more name the article above (its opening holds more of their bigrams) than
    the one below (BODY_FIRST_MIN_VOTES, BODY_FIRST_RATIO). Never on a dump with blank lines."""
    if separates_blocks(page):
        return False
    below_of = {k: i for i, k in before.items()}
    above = below = 0
    for i, k in after.items():
        j = below_of.get(k)
        if j is None or j == i:
            continue
        heads = bigram_keys(head_text(blocks[k]))
        up, down = share_in(heads, openings[i]), share_in(heads, openings[j])
        above += up > down
        below += down > up
    return above >= BODY_FIRST_MIN_VOTES and above > BODY_FIRST_RATIO * below


# `prints_bodies_first` hears only the blocks standing between two articles, which a page of a
# few long articles may hold one or two of, or none. A page printing each body before its
# headline also opens on body text and closes on a headline block, the last article's
# (`opens_on_body_closes_on_head`); on such a page every block standing right after or right
# before an article votes (`every_block_votes`): for the article above it when that opening holds
# more of its bigrams than the one below (none below: no bigram), for the one below the other way
# round; the page prints its bodies first when at least BODY_FIRST_FRAMED_MIN_VOTES vote for the
# article above and no more for the one below. Motivated by simulated raw TRAIN body-first pages
# the between-vote missed (18 of 73: one or no block between two articles). Told so on 11 more
# body-first pages of TRAIN raw (15, 28, 75, 79, 92, 95, 113, 114, 159, 160, 163; PyMuPDF 9) and
# on one heads-last page whose tail went unfound (196), none natural (natural pages open on a
# headline). TRAIN raw headline_acc 41-300 0.7817 with it, 0.7793 without (byline 0.8841 /
# 0.8836); sim VAL raw headline 1-40 / 41-120 0.7640 / 0.7631 with, 0.7611 / 0.7599 without
# (byline 41-120 0.8824 / 0.8808), PyMuPDF alike; dev 1-40 unchanged.
BODY_FIRST_FRAMED_MIN_VOTES: Final = 2
# What the frame test looks past at either end: page furniture, photo captions, source notes.
_FRAME_SKIP_KINDS: Final = ("blank", "header", "caption", "source")


def opens_on_body_closes_on_head(page: Page) -> bool:
    """The page's first line of text (past its header) is a body line and its last (past
    captions and source notes) a headline block's."""
    kinds = [ln.kind for ln in page.lines if ln.text.strip() and ln.kind not in _FRAME_SKIP_KINDS]
    return bool(kinds) and kinds[0] == "body" and kinds[-1] in HEAD_KINDS


def every_block_votes(blocks: list[list[Line]], before: dict[int, int], after: dict[int, int],
                      openings: list[set[int]]) -> tuple[int, int]:
    """(votes for the article above, votes for the one below) of every block standing right
    after or right before an article."""
    above_of = {k: i for i, k in after.items()}
    below_of = {k: i for i, k in before.items()}
    above = below = 0
    for k in sorted(set(above_of) | set(below_of)):
        i, j = above_of.get(k), below_of.get(k)
        if i == j:
            continue
        heads = bigram_keys(head_text(blocks[k]))
        up = share_in(heads, openings[i]) if i is not None else 0.0
        down = share_in(heads, openings[j]) if j is not None else 0.0
        above += up > down
        below += down > up
    return above, below


def framed_bodies_first(page: Page, blocks: list[list[Line]], before: dict[int, int], after: dict[int, int],
                        openings: list[set[int]]) -> bool:
    """The page opens on body text and closes on a headline block, and every block's vote
    (`every_block_votes`) names the article above at least BODY_FIRST_FRAMED_MIN_VOTES times and
    no less often than the one below. Never on a dump with blank lines."""
    if separates_blocks(page) or not opens_on_body_closes_on_head(page):
        return False
    above, below = every_block_votes(blocks, before, after, openings)
    return above >= BODY_FIRST_FRAMED_MIN_VOTES and above >= below


def bodies_first_page(page: Page, blocks: list[list[Line]], before: dict[int, int], after: dict[int, int],
                      openings: list[set[int]], tail_placed: bool) -> bool:
    """The page prints each body before its headline block: some block stands right after an
    article (`after`), and the blocks between two articles tell it (`prints_bodies_first`) or,
    where no heads tail was placed (`tail_placed`, `heads_tail.tail_owners`), the page's frame and
    every block's vote do (`framed_bodies_first`)."""
    return bool(after) and (prints_bodies_first(page, blocks, before, after, openings)
                            or (FRAMED_BODIES_FIRST and not tail_placed
                                and framed_bodies_first(page, blocks, before, after, openings)))
