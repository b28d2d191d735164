"""Headlines: group head lines into blocks (`banmian.head_blocks`), attach each block to its
article, split tiers.

A block directly before an article's first line is that article's (`banmian.head_places`: past a
photo's caption too; on a page printing each body before its headline, the block right after it).
The other blocks (printed far away, often grouped at the end or the top of the page text) go to
the articles still without a headline by content overlap: a headline's words recur in its
article's opening. A run of several articles' headlines printed together is first cut where its
words change article (`banmian.head_units.split_by_content`). Blocks the assignment leaves over
join an assigned one as its kicker or subtitle (`banmian.head_leftovers`). Within a block: name
lines are the byline, a line opening with a dash is the subtitle, and of the rest two lines that
read on across the break (a word spans it) are one headline (`banmian.head_tiers.split_tiers`;
the cues of `banmian.tier_cues`). Byline lines left over go by where they are printed
(`banmian.near_bylines`, `banmian.far_bylines`, `banmian.side_bylines`).
A block still left over then goes to the headless article whose opening is printed next after it
(`banmian.headless_heads`, pdftotext dumps).
A head line standing alone that repeats a clause of one article's body is that article's pull
quote (`banmian.pull_quotes`): it goes to that article as its kicker, whoever's block it was
printed in. Last, a paragraph split off on a content change alone and printed right under the
last piece of an article goes back to it where the heads say they are one
(`banmian.adjacent_splits`); in pdftotext's dumps, a piece headed only by its own pull quote
joins the headed article whose text it clearly shares (`banmian.quoted_pieces`); a digest's
datelined item, the headed article whose headline names both (`banmian.digest_items`).
"""
from __future__ import annotations

from typing import Final

from banmian import head_leftovers  # its switches ROW_SLOTS_APART, ROW_PARTS_REJOINED, read at call time (tests)
from banmian.adjacent_splits import merge_adjacent_splits
from banmian.assign import WINDOWED_REASON, max_weight_pairs, windowed
from banmian.body_texts import body_text
from banmian.far_bylines import bylines_held_by_lead_ins, bylines_over_lead_ins_to_heads_above
from banmian.head_bids import (MID_PARAGRAPH_REASON, SCRAP_REASON, mid_paragraph_pieces, on_its_lead_in, quote_block_score,
                               scrap_pieces, under_continued_line)
from banmian.head_blocks import head_blocks, join_broken_headlines
from banmian.head_leftovers import (adopt_adjacent_leftovers, dash_subtitles_to_quoted_bodies, headlines_over_lone_subtitles,
                                    rejoin_broken_words, rejoin_row_parts)
from banmian.head_places import (BEFORE_ARTICLE_REASON, BODIES_FIRST_KEY, BODY_FIRST_REASON, blocks_after_articles, blocks_before_articles,
                                 bodies_first_page)
from banmian.head_slots import interleaved_head_lines, line_under_row_to_its_slot, line_under_rows_to_its_slot
from banmian.head_tiers import split_tiers
from banmian.headless_heads import (NEAR_LEFTOVER_REASON, NEXT_OPENING_REASON, SIGNED_LEFTOVER_REASON,
                                   leftovers_near_headless_reports, leftovers_over_next_openings,
                                   signed_leftovers_over_headless_reports)
from banmian.head_bigrams import bigram_keys, head_text, opening_keys, share_in
from banmian.head_units import split_by_content
from banmian.column_rests import rests_under_columns, take_back_next_columns
from banmian.headline_rests import rests_named_by_headlines
from banmian.headline_tails import tails_named_by_headlines
from banmian.lead_rests import headed_rests_under_leads, rests_of_leads
from banmian.line_shape import opens_with_dash, separates_blocks
from banmian.loose_pieces import merge_loose_pieces
from banmian.model import HEAD_KINDS, Article, Line, Page, page_line_index
from banmian.near_bylines import (attach_near_bylines, bylines_between_heads_and_texts, bylines_over_openings,
                                  bylines_run_on_into_text, bylines_under_their_headlines)
from banmian.photo_news import PHOTO_LABEL_REASON, place_photo_labels
from banmian.quoted_pieces import quoted_pieces_to_their_reports
from banmian.digest_items import digest_items_to_their_heads
from banmian.pull_quotes import attach_pull_quotes, place_pull_quotes, pull_quotes
from banmian.side_bylines import side_by_side_bylines
from banmian.side_heads import deal_side_by_side
from banmian.stacked_leads import kickers_over_leads
from banmian.subhead_sections import subhead_sections_to_their_reports
from banmian.stages.heads_tail import HEADLINE_REASON, tail_owners
from banmian.stages.roundups import opens_numbered_run

# `near_bylines.bylines_between_heads_and_texts`: an unclaimed byline printed between a waiting
# article's head and its text, in pdftotext's reading order, is that article's.
BYLINES_BETWEEN_HEADS_AND_TEXTS = True
# `lead_rests.rests_of_leads`: a report's rest printed away from its cut-off opening goes back
# after it, in dumps that part text blocks by blank lines (pdftotext's).
REST_OF_LEADS = True
# `lead_rests.headed_rests_under_leads`: a lead-in opening's rest printed right under it, which
# took a head on its words, goes back after it (pdftotext's dumps).
HEADED_RESTS_UNDER_LEADS = True
# `column_rests.rests_under_columns`: a report's next column, printed right under the column it
# continues and sharing its words with it far more than with any other article, goes back after
# it (pdftotext's dumps).
REST_UNDER_COLUMNS = True
# `column_rests.take_back_next_columns`: a report's next column, printed right under it, that
# another thread took after a piece stopping mid-sentence goes back after it (pdftotext's dumps).
TAKE_BACK_COLUMNS = True
# `headline_rests.rests_named_by_headlines`: a report's rest, printed later than its cut-off
# opening and sharing the opening's headline words, goes back after it (pdftotext's dumps).
RESTS_NAMED_BY_HEADLINES = True
# `headline_tails.tails_named_by_headlines`: the same rest threaded onto another article as its
# tail, starting with the piece printed right after the opening, goes back after it (pdftotext's).
TAILS_NAMED_BY_HEADLINES = True
# `loose_pieces.merge_loose_pieces`: a headless, bylineless piece goes into the article a fitted
# model says it most likely belongs to (pdftotext's dumps).
LOOSE_PIECES = True
# `subhead_sections.subhead_sections_to_their_reports`: a section printed under its subhead goes
# back into the report printed right before it (pdftotext; before loose pieces, which then weigh
# the report whole).
SUBHEAD_SECTIONS = True
# `interleaved_head_lines`: a neighbour's head line printed between a broken headline's two lines
# leaves the block, in dumps that part text blocks by blank lines (pdftotext's).
INTERLEAVED_LINES = True


# Minimum score (bigram overlap with the article's opening, plus the adjacency bonus) to
# attach a headline block to an article (dev 1-40 headline_acc: 0.25: 0.429, 0.15: 0.432).
MIN_OVERLAP: Final = 0.15
# Added to a block's score for the article right under it. Dev headline_acc, pages 1-20 / 21-40,
# pdftotext | raw | pymupdf: 0.3: 0.615 / 0.532 | 0.621 / 0.686 | 0.646 / 0.692; 0.25: the same
# | 0.627 / 0.699 | 0.652 / 0.705 (bylines up too); 0.2 and below lose pdftotext headlines.
ADJACENT_BLOCK_BONUS: Final = 0.25
# The bonus instead for a numbered digest (`opens_numbered_run`): its headline is a label
# (`图片新闻`) sharing no words with its items, so the block right above is all that ties
# them, and one bigram of three shared with a report elsewhere outbid it (dev raw page 10:
# `图片新闻` went to `厦门小白鹭…`, whose opening holds `新闻`).
DIGEST_ADJACENT_BONUS = 1.0
# The bonus instead for an article whose lead-in runs on from the block with no blank line
# between, the block set off above by one (`on_its_lead_in`): pdftotext printed them as one
# text block. Content alone gave such blocks elsewhere (dev page 39: `图片新闻` over `本报讯（中
# 国经济网记者…）`, went to a report whose opening holds `新闻`; page 9: `我们的心愿`). Dev
# pdftotext headline_acc 1-20 / 21-40 at 0.25 (no bonus of its own): 0.6522 / 0.6859; 0.5:
# 0.6460 / 0.6923; 0.75 to 3: 0.6584 / 0.6923. Raw and PyMuPDF dumps hold no blank lines.
LEAD_IN_ADJACENT_BONUS: Final = 1.0
# How much of an article's text (its opening) a headline block is compared with. An essay's
# or a commentary's headline words may come only well into it (dev pages 11 and 23: `东方情缘`;
# page 17: `独联体：生存还是灭亡`), which a short opening misses: the block is left over or goes
# to a neighbour. Dev headline_acc pages 1-20 / 21-40, pdftotext | raw | PyMuPDF:
# 400: 0.634 / 0.577 | 0.789 / 0.821 | 0.795 / 0.814; 600: 0.646 / 0.596 | 0.789 / 0.827 | 0.795 /
# 0.821; 800: 0.640 / 0.596 | 0.795 / 0.827 | 0.801 / 0.821; 1000 (and 1500, 2500, whole
# articles): 0.634 / 0.596 | 0.795 / 0.827 | 0.814 / 0.821; byline_acc up with them (pdftotext
# 0.752 / 0.705 -> 0.764 / 0.724), bodies unchanged.
OPENING_CHARS = 1000


def followed_by_jump(page: Page, article: Article) -> bool:
    """A jump line (`下转…`) stands right after one of the article's fragments, only blank or
    other non-body lines between: the article goes on on another page."""
    groups = page.scratch.get("article_groups", [])
    i = next((k for k, art in enumerate(page.articles) if art is article), len(groups))
    if i >= len(groups):
        return False
    index = page_line_index(page)
    lines = page.lines
    for frag in groups[i]:
        j = index[id(frag.last)] + 1
        while j < len(lines) and lines[j].kind != "body":
            if lines[j].kind == "jump":
                return True
            j += 1
    return False


def _apply(page: Page, article: Article, block: list[Line], why: str, keep_byline: bool = False) -> None:
    """The block's lines as the article's head tiers (`split_tiers`), claimed for it; with
    `keep_byline`, a block holding no byline leaves the article's byline as it was."""
    tiers = split_tiers(block, body_text(article), followed_by_jump(page, article))
    if "why" in tiers:
        article.because(tiers["why"])
    for key in ("kicker", "headline", "subtitle", "byline"):
        if key != "byline" or tiers[key] or not keep_byline:
            setattr(article, key, tiers[key])
    for ln in block:
        page.claim(ln, article)
    article.because(why)
    for ln in block:
        ln.because(why)


def without_dash_subtitle(block: list[Line]) -> list[Line]:
    """The block's lines but those opening with a dash (its subtitle). A block is scored by
    the better of its words with and without them: a subtitle may share no words with its
    article's opening and dilute a short headline's (dev page 35: `K线介绍` over
    `——上海综合指数周K线图`: 1 bigram of 3 shared, 1 of 14 with the subtitle, below MIN_OVERLAP)."""
    return [ln for ln in block if not opens_with_dash(ln.text)]


def photo_labels(page: Page, blocks: list[list[Line]], owner: dict[int, int], headed: set[int],
                 pos: dict[int, int]) -> None:
    """A photo-news label left over goes to the nearest photo story without a headline
    (`photo_news.place_photo_labels`): its only line, as the article's headline."""
    taken = set(owner.values()) | headed
    headless = {i for i, art in enumerate(page.articles) if i not in taken and art.headline is None}
    leftovers = [b for k, b in enumerate(blocks) if k not in owner and b
                 and all(page.owner_of(ln) is None for ln in b)]
    for label, i in place_photo_labels(page, leftovers, headless, pos):
        _apply(page, page.articles[i], [label], PHOTO_LABEL_REASON)


# `head_bids.under_continued_line`: a piece printed right under its continuation line takes no
# head block.
HEADLESS_CONTINUATIONS = True


# `headless_heads.leftovers_over_next_openings`: a leftover head block goes to the headless article
# printed next after it (pdftotext dumps).
LEFTOVERS_OVER_NEXT_OPENINGS = True

# `head_bids.mid_paragraph_pieces`: a block sharing no words with a piece that opens mid-paragraph
# gets no adjacency bonus for it (pdftotext dumps).
PLACE_NEEDS_PARAGRAPH_START = True
# `head_bids.scrap_pieces`: a scrap of text takes no head block by place alone (pdftotext dumps).
PLACE_NEEDS_MORE_THAN_SCRAP = True
# `head_bids.quote_block_score`: a block of pull quotes alone, away from its article, bids only
# the least for it in the assignment.
QUOTE_BLOCKS_BID_LEAST = True


def assign_places(page: Page, blocks: list[list[Line]]) -> tuple[dict[int, int], dict[int, int]]:
    """Each head block's and each article's place (its first input line's number), for the
    assignment's windows on a page of thousands of lines."""
    return ({k: blk[0].no for k, blk in enumerate(blocks) if blk},
            {i: min(art.line_nos) for i, art in enumerate(page.articles) if art.line_nos})


def headlines(page: Page) -> Page:
    """Attach headline blocks to articles by a global assignment; leftovers stay unassigned.

    A block's score for an article is its content overlap with the article's opening, plus a
    bonus when it stands right before the article's first line (what a place is worth:
    `banmian.head_bids`). pdftotext prints the headlines of a band in a jumble above its bodies
    (dev page 27: a headline right before the body of its neighbour), so adjacency alone
    misattributes.
    """
    groups = page.scratch.get("article_groups", [])
    # compared only with headline blocks' bigrams: `opening_keys` keeps only those they can share
    openings = opening_keys(["".join(art.paragraphs)[:OPENING_CHARS] for art in page.articles],
                            [ln for ln in page.lines if ln.kind in HEAD_KINDS])
    placed = tail_owners(page)
    for block, i in placed:
        _apply(page, page.articles[i], block, HEADLINE_REASON)
    headed = {i for _, i in placed}
    taken = frozenset(id(ln) for block, _ in placed for ln in block)
    lines = page.lines
    after_blank = frozenset(id(ln) for above, ln in zip(lines, lines[1:]) if above.kind == "blank")
    pos = page_line_index(page)
    blank_parted = separates_blocks(page)  # pdftotext's dumps; the same for the whole stage
    joined = join_broken_headlines(head_blocks(page, taken))
    if INTERLEAVED_LINES and blank_parted:
        joined = interleaved_head_lines(joined)
    blocks, dealt = deal_side_by_side(joined, pos, lines, openings)
    if head_leftovers.ROW_SLOTS_APART:
        blocks = [blk if id(blk) in dealt else line_under_rows_to_its_slot(line_under_row_to_its_slot(blk, openings), openings)
                  for blk in blocks]
    blocks = [unit for blk in blocks
              for unit in ([blk] if id(blk) in dealt else split_by_content([blk], openings, after_blank, blank_parted))]
    adjacent = blocks_before_articles(page, groups, {id(blk[-1]): k for k, blk in enumerate(blocks)}, pos)
    after = blocks_after_articles(page, groups, {id(blk[0]): k for k, blk in enumerate(blocks)})
    bodies_first = bodies_first_page(page, blocks, adjacent, after, openings, bool(placed))
    if bodies_first:
        adjacent = after
        page.scratch[BODIES_FIRST_KEY] = True
    on_lead_in = {i for i, k in adjacent.items() if on_its_lead_in(lines, pos, blocks[k], groups[i][0].first)}
    if HEADLESS_CONTINUATIONS and blank_parted:  # a piece under its continuation line takes no block
        headed = headed | {i for i, group in enumerate(groups) if group and under_continued_line(lines, pos, group[0].first)}
    bonus = [DIGEST_ADJACENT_BONUS if opens_numbered_run(art.paragraphs)
             else LEAD_IN_ADJACENT_BONUS if i in on_lead_in else ADJACENT_BLOCK_BONUS
             for i, art in enumerate(page.articles)]
    mid_paragraph = mid_paragraph_pieces(groups) if PLACE_NEEDS_PARAGRAPH_START and blank_parted else set()
    scraps = scrap_pieces(page.articles) if PLACE_NEEDS_MORE_THAN_SCRAP and blank_parted else set()
    scores: dict[tuple[int, int], float] = {}
    quotes = pull_quotes(page)
    for k, blk in enumerate(blocks):
        quoted = quote_block_score(blk, k, quotes, adjacent) if QUOTE_BLOCKS_BID_LEAST and blank_parted else None
        if quoted is not None:  # a block of pull quotes away from its article bids the least for it
            if quoted not in headed:
                scores[(k, quoted)] = MIN_OVERLAP
            continue
        heads = bigram_keys(head_text(blk))
        # the block's words without its subtitle's, when it has one (None: it has none)
        above_subtitle = bigram_keys(head_text(without_dash_subtitle(blk))) if any(
            opens_with_dash(ln.text) for ln in blk) else None
        for i, opening in enumerate(openings):
            if i in headed:
                continue
            near = adjacent.get(i) == k
            share = share_in(heads, opening)
            if above_subtitle is not None:
                share = max(share, share_in(above_subtitle, opening))
            if near and share == 0.0 and i in mid_paragraph:
                near = False  # a piece opening mid-paragraph takes no block by place alone
                page.articles[i].because(MID_PARAGRAPH_REASON)
            elif near and share == 0.0 and i in scraps:
                near = False  # a scrap of text takes no block by place alone
                page.articles[i].because(SCRAP_REASON)
            score = share + (bonus[i] if near else 0.0)
            if score >= MIN_OVERLAP:
                scores[(k, i)] = score
    owner = dict(max_weight_pairs(scores, assign_places(page, blocks)))
    if windowed(scores):  # a page of thousands of lines: the assignment in windows (`assign.windowed_pairs`)
        for i in set(owner.values()):
            page.articles[i].because(WINDOWED_REASON)
    blocks = adopt_adjacent_leftovers(page, blocks, owner, openings, quotes)
    blocks, owner, loose = place_pull_quotes(blocks, owner, quotes, scores)
    if head_leftovers.ROW_PARTS_REJOINED:
        blocks = rejoin_row_parts(blocks, owner, scores, pos)
    bodies = [body_text(art) for art in page.articles]
    blocks = headlines_over_lone_subtitles(blocks, owner, scores, bodies)
    if head_leftovers.SUBTITLES_TO_QUOTED_BODIES and blank_parted:
        blocks = dash_subtitles_to_quoted_bodies(blocks, owner, bodies)
    for k, i in owner.items():
        near = adjacent.get(i) == k
        why = (BODY_FIRST_REASON if bodies_first else BEFORE_ARTICLE_REASON) if near else "headline:content_overlap"
        _apply(page, page.articles[i], blocks[k], f"{why}:{scores[(k, i)]:.2f}")
    photo_labels(page, blocks, owner, headed, pos)
    attach_pull_quotes(page, loose, quotes)
    side_by_side_bylines(page)
    bylines_under_their_headlines(page)
    attach_near_bylines(page)
    bylines_over_openings(page)
    bylines_run_on_into_text(page)
    bylines_over_lead_ins_to_heads_above(page)
    bylines_held_by_lead_ins(page)
    page.scratch["head_blocks"] = blocks
    page.scratch["head_owner"] = owner
    merge_adjacent_splits(page)
    kickers_over_leads(page)
    quoted_pieces_to_their_reports(page)
    digest_items_to_their_heads(page)
    if HEADED_RESTS_UNDER_LEADS and blank_parted:
        headed_rests_under_leads(page)
    if REST_OF_LEADS and blank_parted:
        rests_of_leads(page)
    if REST_UNDER_COLUMNS and blank_parted:
        rests_under_columns(page)
    if TAKE_BACK_COLUMNS and blank_parted:
        take_back_next_columns(page)
    if RESTS_NAMED_BY_HEADLINES and blank_parted:
        rests_named_by_headlines(page)
    if TAILS_NAMED_BY_HEADLINES and blank_parted:
        tails_named_by_headlines(page)
    if LEFTOVERS_OVER_NEXT_OPENINGS and blank_parted:
        for block, i in leftovers_over_next_openings(page, blocks, owner, OPENING_CHARS, page_line_index(page)):
            _apply(page, page.articles[i], block, NEXT_OPENING_REASON, keep_byline=True)
    if BYLINES_BETWEEN_HEADS_AND_TEXTS:
        bylines_between_heads_and_texts(page)  # last: articles merged above change what stands between
    if blank_parted:  # after every byline pass: a block still left over is signed and placed here
        for block, i in signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)):
            _apply(page, page.articles[i], block, SIGNED_LEFTOVER_REASON)
        for block, i in leftovers_near_headless_reports(page, blocks, OPENING_CHARS, page_line_index(page)):
            _apply(page, page.articles[i], block, NEAR_LEFTOVER_REASON, keep_byline=True)
    if SUBHEAD_SECTIONS and blank_parted:
        subhead_sections_to_their_reports(page)
    if LOOSE_PIECES and blank_parted:
        merge_loose_pieces(page)
    if blank_parted:
        rejoin_broken_words(page)  # last: a leftover another pass placed is no longer free
    return page
