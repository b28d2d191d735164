"""Headlines: group head lines into blocks, attach each block to its article, split tiers.

A block directly before an article's first line is that article's. The other blocks (printed
far away, often grouped at the end or the top of the page text) go to the articles still
without a headline by content overlap: a headline's words recur in its article's opening.
A run of several articles' headlines printed together is first cut where its words change
article (`banmian.head_units.split_by_content`). Within a block: name lines are the byline, a
line opening with a dash is the subtitle, and of the rest two lines that read on across the
break (a word spans it) are one headline (`banmian.head_tiers.split_tiers`; the cues of
`banmian.tier_cues`).
A head line standing alone that repeats a clause of one article's body is that article's pull
quote (`banmian.pull_quotes`): it goes to that article as its kicker, whoever's block it was
printed in. Last, a paragraph split off on a content change alone and printed right under the
last piece of an article goes back to it where the heads say they are one
(`banmian.adjacent_splits`).
"""
from __future__ import annotations

from typing import Final

from banmian.adjacent_splits import body_text, merge_adjacent_splits
from banmian.article_starts import lines_around
from banmian.assign import max_weight_pairs
from banmian.far_bylines import bylines_held_by_lead_ins, bylines_over_lead_ins_to_heads_above
from banmian.head_slots import (ROW_PART_REJOINED_REASON, beside_in_a_row, interleaved_head_lines, line_under_row_to_its_slot,
                                row_part_rejoins)
from banmian.head_tiers import quotes_body, split_tiers
from banmian.head_units import SPANNING_HEAD_REASON, bigram_keys, opening_keys, row_part, share_in, split_by_content
from banmian.language import spanning_word
from banmian.column_rests import rests_under_columns
from banmian.lead_rests import rests_of_leads
from banmian.line_shape import opens_with_dash, separates_blocks
from banmian.model import HEAD_KINDS, INSIDE_BLOCK_KINDS, Article, Fragment, Line, Page, page_line_index
from banmian.photo_news import PHOTO_LABEL_REASON, place_photo_labels
from banmian.rules.chars import strip_ws
from banmian.pull_quotes import attach_pull_quotes, place_pull_quotes, pull_quotes
from banmian.side_bylines import has_lead_in, side_by_side_bylines
from banmian.side_heads import deal_side_by_side
from banmian.stages.heads_tail import HEADLINE_REASON, tail_owners
from banmian.stages.roundups import opens_numbered_run

# `lead_rests.rests_of_leads`: a report's rest printed away from its cut-off opening goes back
# after it, in dumps that part text blocks by blank lines (pdftotext's).
REST_OF_LEADS = True
# `column_rests.rests_under_columns`: a report's next column, printed right under the column it
# continues and sharing its words with it far more than with any other article, goes back after
# it (pdftotext's dumps).
REST_UNDER_COLUMNS = True
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
    before the article (ADJACENT_BLOCK_BONUS). Simulated TRAIN pages 3, 18, 49, 200, 210, 253:
    `武汉五彩` / `缤纷灯如海`, the caption `图为灯的海洋…`, `本报讯 记者罗盘报道：…`; the block shared
    too few words with the opening and was left over. Only over a lead-in: over a fragment cut
    off mid-report (dev page 25, `巨星们正磨刀霍霍` under a photo pair) the head is a neighbour's,
    and taking it there cost two dev heads. Only where a blank line (`blank_above`) sets the
    report off from the caption, as pdftotext prints a photo story: raw and PyMuPDF dumps hold no
    blank lines, and there the photo over the lead-in was as often another slot's (simulated
    TRAIN raw pages 60, 180: `加强基层组织建设关键在县市委` over its caption, then a neighbour's
    `本报讯…`; three raw heads lost)."""
    if "body:lead_in" not in first.reasons or not blank_above:
        return None
    k = 0
    while k < len(before) and before[k].kind == "caption":
        k += 1
    if 0 < k < len(before) and before[k].kind == "head":
        before[k].because(HEAD_OVER_CAPTION_REASON)
        return before[k]
    return None


def head_blocks(page: Page, taken: frozenset[int] = frozenset()) -> list[list[Line]]:
    """Runs of head and byline lines; blank lines may stand between the lines of one block.

    A byline closes its block: headlines grouped at the top of a page run on one after the
    other, each with its byline under it (dev page 11: `一张名片` `劲驰` `东方情缘` `冯向杰`);
    two byline lines in a row are two articles' (page 7: `张印东周庆新焦守云` `卢永华`).
    Lines in `taken` (by identity: blocks already placed) belong to no block.
    """
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in page.lines:
        if ln.kind in HEAD_KINDS and id(ln) not in taken:
            if cur and cur[-1].kind == "byline":
                blocks.append(cur)
                cur = []
            cur.append(ln)
        elif ln.kind not in INSIDE_BLOCK_KINDS and cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


# pdftotext prints a line of a neighbour between a headline's two lines (dev page 20: `李岚清会`,
# a lead-in of the next column, `见法国客人`): the lines stay one block across this many input
# lines when a dictionary word runs across.
MAX_BROKEN_HEAD_GAP: Final = 3


def join_broken_headlines(blocks: list[list[Line]]) -> list[list[Line]]:
    """Join a block to the one just before it when its first line continues a word of that
    block's last headline line (`李岚清会` + `见法国客人`), a few input lines apart."""
    out: list[list[Line]] = []
    for block in blocks:
        if out:
            last = out[-1][-1]
            first = block[0]
            if (last.kind == "head" and first.kind == "head" and 0 < first.no - last.no <= MAX_BROKEN_HEAD_GAP
                    and spanning_word(strip_ws(last.text), strip_ws(first.text), hmm=False)):
                out[-1] = out[-1] + block
                for ln in block:
                    ln.because("headline:continues_word_across_a_neighbour")
                continue
        out.append(block)
    return out


# Of two headline lines no word runs across, a second line this much shorter than the first is


def _apply(page: Page, article: Article, block: list[Line], why: str) -> None:
    tiers = split_tiers(block, body_text(article))
    for key in ("kicker", "headline", "subtitle", "byline"):
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


def _head_text(block: list[Line]) -> str:
    return "".join(ln.text for ln in block if ln.kind == "head")




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
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        if not article.byline or not fragments or has_lead_in(article):
            continue
        ln = byline_over_opening(page, fragments[0].first)
        if ln is None:
            continue
        release_bylines(page.lines, owner, article)
        article.byline = ln.text
        page.claim(ln, article)
        ln.because(BYLINE_OVER_OPENING_REASON)
        article.because(BYLINE_OVER_OPENING_REASON)


def release_bylines(lines: list[Line], owner: dict[int, Article], article: Article) -> None:
    """The byline lines `article` holds go back to the leftovers (`metadata.collect_unassigned`):
    it takes another byline line (one byline an article)."""
    for ln in lines:
        if ln.kind == "byline" and owner.get(id(ln)) is article:
            del owner[id(ln)]
            if ln.no in article.line_nos:
                article.line_nos.remove(ln.no)


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
        release_bylines(lines, owner, art)
        if old is not None:
            if ln.no in old.line_nos:
                old.line_nos.remove(ln.no)
            old.byline = " ".join(x.text for x in lines if x.kind == "byline" and x is not ln
                                  and owner.get(id(x)) is old) or None
        art.byline = ln.text
        page.claim(ln, art)
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


def adopt_adjacent_leftovers(page: Page, blocks: list[list[Line]], owner: dict[int, int],
                             openings: list[set[int]], quotes: dict[int, int] | None = None) -> list[list[Line]]:
    """An unassigned block printed right above an assigned one, only blank lines between, is
    its kicker; one right below it, its subtitle (dev page 40: `承德：科技` / `良种作年礼` over
    `——仅这个市双桥区的5个乡镇`; raw dumps print a block's tiers as separate runs). The
    assignment gives each article one block, so a tier whose words the article's opening does
    not repeat is left over. A block holding a byline, or whose words another article's opening
    repeats more, is another article's and stays apart (dev page 40: `承德：科技` / `良种作年礼`
    printed under `去年国债发行兑` / `付工作顺利结束`). Leftovers in a row are taken one after
    the other, the block growing (dev page 28: a pull quote, blank, `充分发挥体育` / `中介公司
    作用`, blank, the subtitle `最大限度地发挥体育中介公司的作用`)."""
    pos = page_line_index(page)
    lines = page.lines

    def blank_between(a: Line, b: Line) -> bool:
        i, j = pos[id(a)], pos[id(b)]
        return i < j and all(ln.kind == "blank" for ln in lines[i + 1:j])

    out = [list(b) for b in blocks]
    taken = set()
    blanks = any(ln.kind == "blank" for ln in lines)  # a pdftotext dump: text blocks set apart
    for k in sorted(owner):
        for step in (-1, 1):
            m = k + step
            while 0 <= m < len(blocks) and m not in owner and m not in taken:
                a, b = out[k], blocks[m]
                if any(ln.kind == "byline" for ln in b) or (ROW_SLOTS_APART and beside_in_a_row(a, b)) or (
                        _fits_another(b, owner[k], openings) and not (m < k and set_off_kicker(b, a, pos, quotes))
                        and not (blanks and runs_on_in_text_block(a, b, m < k, pos))):
                    break
                if m < k and blank_between(b[-1], a[0]):
                    out[k] = list(b) + a
                    if set_off_kicker(b, a, pos, quotes):
                        b[0].because(SPANNING_KICKER_REASON)
                elif m > k and a[-1].kind != "byline" and blank_between(a[-1], b[0]):
                    out[k] = a + list(b)
                else:
                    break
                taken.add(m)
                for ln in b:
                    ln.because("headline:leftover_next_to_block")
                m += step
    return out


# `beside_in_a_row`: a leftover beside the block in a head row cut at a gutter stays apart.
ROW_SLOTS_APART = True


# A spanning head line taken over the block under it as its kicker (`spanning_kicker`).
SPANNING_KICKER_REASON: Final = "headline:spanning_kicker_over_block"


def spanning_kicker(block: list[Line]) -> bool:
    """The block is one head line wider than the column (`head_units.SPANNING_HEAD_REASON`),
    no dash subtitle: printed over a headline, it spans that headline's slot and is its kicker,
    whatever other openings share its words (simulated TRAIN page 1: `经受住了包括东南亚金融危机
    冲击在内的各种考验`, blank, `江主席会见` / `英外交大臣`, the kicker left over because another
    report's opening holds `金融危机`; pages 13, 21, 47, 150 alike, TRAIN pdftotext heads wrong
    1027 -> 1022 of 2460). Not a part of a head row cut at a gutter (`row_part`): that is one
    slot's headline beside another's (TRAIN page 81: `东洋证券杯围棋赛首轮常`). Dev 1-40: changes
    no head."""
    return (len(block) == 1 and block[0].kind == "head" and SPANNING_HEAD_REASON in block[0].reasons
            and not opens_with_dash(block[0].text) and not row_part(block[0]))


# A leftover printed in one pdftotext text block with an assigned head block taken into it
# (`runs_on_in_text_block`).
RUNS_ON_REASON: Final = "headline:runs_on_in_text_block"


def runs_on_in_text_block(block: list[Line], leftover: list[Line], above: bool, pos: dict[int, int]) -> bool:
    """The leftover head lines run on from `block` (above it when `above`) with no blank line
    between: pdftotext sets one headline's lines apart from others' by blank lines, so they are
    one text block, one head, whatever other openings share the leftover's words
    (`split_by_content` cut it off on them: simulated TRAIN page 81, `江泽民在中纪委二次全会上
    发表重要讲话强调` / `毫不放松继续推进党风廉政建设和反腐败斗争`, the second line left over;
    page 37 alike). Asked only of pdftotext dumps (a page holding blank lines) and of head lines
    read as such from the start: no part of a cut head row (two slots side by side, `row_part`)
    and no line first read as body (dev page 2: two body lines read as a head over a headline
    ran on into it and took it)."""
    i, j = (pos[id(leftover[-1])], pos[id(block[0])]) if above else (pos[id(block[-1])], pos[id(leftover[0])])
    clean = all(ln.kind == "head" and not row_part(ln) and not any(r.startswith("body:") for r in ln.reasons)
                for ln in leftover + block)
    if j == i + 1 and clean:
        for ln in leftover:
            ln.because(RUNS_ON_REASON)
        return True
    return False


def set_off_kicker(block: list[Line], under: list[Line], pos: dict[int, int],
                   quotes: dict[int, int] | None = None) -> bool:
    """`block` is a `spanning_kicker` set off by a blank line over the block `under` it, as
    pdftotext prints a kicker over its headline. Raw and PyMuPDF dumps hold no blank lines:
    there a wide line over a headline is as often the end of the slot above (simulated TRAIN raw
    pages 60, 180: heads put wrong when this was asked of raw dumps too). Not a pull quote
    (`quotes`, `pull_quotes.pull_quotes`: it goes to the article whose body it repeats; adopted
    here too it was printed twice, TRAIN page 300)."""
    return (spanning_kicker(block) and pos[id(under[0])] - pos[id(block[-1])] > 1
            and not (quotes and id(block[0]) in quotes))


def _fits_another(block: list[Line], i: int, openings: list[set[int]]) -> bool:
    """Another article's opening repeats more of the block's words than article i's."""
    keys = bigram_keys(_head_text(block))
    own = len(keys & openings[i])
    return any(len(keys & o) > own for j, o in enumerate(openings) if j != i)


def headlines_over_lone_subtitles(blocks: list[list[Line]], owner: dict[int, int],
                                  scores: dict[tuple[int, int], float],
                                  bodies: list[str] | None = None) -> list[list[Line]]:
    """An article whose block is a dash subtitle alone takes, as the headline over it, the
    leftover block its opening repeats most (one a score in `scores` allows): a subtitle
    stands under a headline, and the assignment gives an article one block (dev page 40:
    `——仅这个市双桥区的5个乡镇` took its article's place, `承德：科技` / `良种作年礼` printed
    far above it was left over; page 30: `杨丽华：蓝` / `天“金凤凰”` over `——他们吃在天上`).
    A leftover holding a byline is another article's. With `bodies` (the articles' texts,
    whitespace stripped), a block whose head lines all repeat a clause of the article's body
    (`quotes_body`: a kicker's or subtitle's sentence, not a headline) counts as a lone
    subtitle too, the leftover going over it wherever it was printed (dev page 24: `继续偏袒以色列`
    took its article's place, `切戒傲慢` printed above it was left over; page 14: `不能放开手脚`
    printed above its headline `开罗萍水几人家`). Dev 1-40 pdftotext: fires on pages 6, 14, 24, 35,
    two heads put right (14, 24), two wrong before and after (6: a neighbour's headline; 35: a
    body line read as a head line). Returns the blocks, the leftovers taken emptied."""
    out = [list(b) for b in blocks]
    held = {id(ln) for k in owner for ln in out[k]}
    for k, i in owner.items():
        heads = [ln for ln in out[k] if ln.kind == "head"]
        if not heads or not all(opens_with_dash(ln.text) or (bodies is not None and quotes_body(ln.text, bodies[i]))
                                for ln in heads):
            continue
        free = [(scores[(m, i)], m) for m, b in enumerate(out) if m not in owner and (m, i) in scores and b
                and any(ln.kind == "head" for ln in b) and not any(ln.kind == "byline" or id(ln) in held for ln in b)]
        if not free:
            continue
        m = max(free)[1]
        out[k] = out[m] + out[k]
        held.update(id(ln) for ln in out[m])
        for ln in out[m]:
            ln.because("headline:over_lone_subtitle")
        out[m] = []
    return out


# `row_part_rejoins`: a leftover part of a cut head row joins the one-line headline it was cut from
# (simulated TRAIN pdftotext page 85: `叶利钦说应加强独联体工作` left over under `俄积极支持建立多极世界`).
ROW_PARTS_REJOINED = True


def rejoin_row_parts(blocks: list[list[Line]], owner: dict[int, int], scores: dict[tuple[int, int], float],
                     pos: dict[int, int]) -> list[list[Line]]:
    """Each leftover block that `row_part_rejoins` the one-line block of the article it scores
    best for joins it, the two lines in the order printed. Returns the blocks, the leftovers
    taken emptied."""
    out = [list(b) for b in blocks]
    block_of = {i: k for k, i in owner.items()}
    for m, b in enumerate(blocks):
        if m in owner or not b:
            continue
        best = max(((s, i) for (mm, i), s in scores.items() if mm == m), default=None)
        if best is None or best[1] not in block_of:
            continue
        k = block_of[best[1]]
        if not row_part_rejoins(out[k], b):
            continue
        out[k] = sorted(out[k] + b, key=lambda ln: pos.get(id(ln), 0))
        for ln in b:
            ln.because(ROW_PART_REJOINED_REASON)
        out[m] = []
    return out


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


def on_its_lead_in(lines: list[Line], pos: dict[int, int], block: list[Line], first: Line) -> bool:
    """The block opens a text block of pdftotext's (a blank line above it) and runs on, no
    blank line between, into `first`, an article's first line opening with a lead-in: the
    headline and the dateline of one report printed as one block."""
    i, j = pos.get(id(block[0])), pos.get(id(block[-1]))
    return (i is not None and j is not None and 0 < i and j + 1 < len(lines) and lines[i - 1].kind == "blank"
            and lines[j + 1] is first and "body:lead_in" in first.reasons)


# `under_continued_line`: a piece printed right under its continuation line takes no head block.
HEADLESS_CONTINUATIONS = True


def under_continued_line(lines: list[Line], pos: dict[int, int], first: Line) -> bool:
    """The line above `first` (an article's first line), blank lines aside, is a continuation
    line (`（上接第三版）`): the rest of a report begun on another page, printed without a head of
    its own; the gold never gives one a headline (simulated TRAIN: 118 continued pieces, dev
    1-40: 16, none headed). Scored like the others, such a piece took a neighbour's block by
    content (TRAIN page 228: `五好家庭创建` / `活动协调会召开`; pages 55, 59, 64, 108, 277 alike).
    Not where a head line stands between (TRAIN page 228: `（上接A10版）`, blank, `证券机构`, a
    headed report under the line, which is another piece's). TRAIN pdftotext: 17 pieces so
    flagged held a block, 14 a continued piece's; dev 1-40: 13 flagged, none held one. Asked of
    pdftotext dumps only (`separates_blocks`), where a blank line sets a text block off: asked of
    raw and PyMuPDF dumps it lost heads (dev 1-40 raw headline_acc 1-20 0.9068 -> 0.9006, 21-40
    0.9423 -> 0.9295; VAL raw 0.7345 -> 0.7304)."""
    at = pos.get(id(first), 0) - 1
    while at >= 0 and lines[at].kind == "blank":
        at -= 1
    return at >= 0 and lines[at].kind == "continued"


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
BODIES_FIRST_KEY: Final = "bodies_first"  # scratch flag: the page prints its bodies first
FRAMED_BODIES_FIRST = True  # switch for `framed_bodies_first` (tests)


def blocks_after_articles(page: Page, groups: list, block_starting_at: dict[int, int]) -> dict[int, int]:
    """Article index -> index of the block standing right after the article's last line."""
    out: dict[int, int] = {}
    for i, group in enumerate(groups):
        after = lines_around(page, group[-1], after=True)
        if after and id(after[0]) in block_starting_at:
            out[i] = block_starting_at[id(after[0])]
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
        heads = bigram_keys(_head_text(blocks[k]))
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
        heads = bigram_keys(_head_text(blocks[k]))
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


# `mid_paragraph_pieces`: a block sharing no words with a piece that opens mid-paragraph gets no
# adjacency bonus for it (pdftotext dumps).
PLACE_NEEDS_PARAGRAPH_START = True
# The reason an article records when a block right over it gets no adjacency bonus.
MID_PARAGRAPH_REASON: Final = "headline:no_place_bonus_mid_paragraph"


def mid_paragraph_pieces(groups: list[list[Fragment]]) -> set[int]:
    """The articles whose first piece opens mid-paragraph (`start` "open": a line flush with
    the column, no indent, where pdftotext cut a column off at a blank line). A headline is
    printed over a report's first paragraph, which opens indented or with a lead-in; a head
    block standing right over a line that runs on a paragraph is another report's, printed
    above a column the walk cut. Given by place alone (no word of the block in the piece's
    opening) such blocks were another article's or a fragment's: simulated TRAIN pdftotext
    1-300, 17 pieces opening mid-paragraph held a block by place alone, none the whole right
    head of their gold article (10 pieces no gold article matched, 6 a wrong head, 1 a part of
    the right one); with the bonus withheld, TRAIN headline_acc 41-300 0.6229 -> 0.6262, VAL
    1-40 / 41-120 0.5782 / 0.6057 -> 0.5811 / 0.6089. Asked of pdftotext dumps only
    (`separates_blocks`): raw and PyMuPDF dumps mark no column cut by a blank line, and there a
    head block stands over such a piece as often as its own (asked of them too, sim VAL 1-40
    headline_acc raw 0.7227 -> 0.7168, PyMuPDF 0.7316 -> 0.7257). Dev 1-40 pdftotext: fires on
    pages 5, 22, 29, 32, 37 and 40, changes no score."""
    return {i for i, group in enumerate(groups) if group and group[0].start == "open"}


def headlines(page: Page) -> Page:
    """Attach headline blocks to articles by a global assignment; leftovers stay unassigned.

    A block's score for an article is its content overlap with the article's opening, plus a
    bonus when it stands right before the article's first line. pdftotext prints the headlines
    of a band in a jumble above its bodies (dev page 27: a headline right before the body of
    its neighbour), so adjacency alone misattributes.
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
    joined = join_broken_headlines(head_blocks(page, taken))
    if INTERLEAVED_LINES and separates_blocks(page):
        joined = interleaved_head_lines(joined)
    blocks, dealt = deal_side_by_side(joined, pos, lines, openings)
    if ROW_SLOTS_APART:
        blocks = [blk if id(blk) in dealt else line_under_row_to_its_slot(blk, openings) for blk in blocks]
    blocks = [unit for blk in blocks
              for unit in ([blk] if id(blk) in dealt else split_by_content([blk], openings, after_blank))]
    block_ending_at = {id(blk[-1]): k for k, blk in enumerate(blocks)}
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
    after = blocks_after_articles(page, groups, {id(blk[0]): k for k, blk in enumerate(blocks)})
    bodies_first = bool(after) and (prints_bodies_first(page, blocks, adjacent, after, openings)
                                    or (FRAMED_BODIES_FIRST and not placed
                                        and framed_bodies_first(page, blocks, adjacent, after, openings)))
    if bodies_first:
        adjacent = after
        page.scratch[BODIES_FIRST_KEY] = True
    on_lead_in = {i for i, k in adjacent.items() if on_its_lead_in(lines, pos, blocks[k], groups[i][0].first)}
    if HEADLESS_CONTINUATIONS and separates_blocks(page):  # a piece under its continuation line takes no block
        headed = headed | {i for i, group in enumerate(groups) if group and under_continued_line(lines, pos, group[0].first)}
    bonus = [DIGEST_ADJACENT_BONUS if opens_numbered_run(art.paragraphs)
             else LEAD_IN_ADJACENT_BONUS if i in on_lead_in else ADJACENT_BLOCK_BONUS
             for i, art in enumerate(page.articles)]
    mid_paragraph = mid_paragraph_pieces(groups) if PLACE_NEEDS_PARAGRAPH_START and separates_blocks(page) else set()
    scores: dict[tuple[int, int], float] = {}
    for k, blk in enumerate(blocks):
        heads = bigram_keys(_head_text(blk))
        # the block's words without its subtitle's, when it has one (None: it has none)
        above_subtitle = bigram_keys(_head_text(without_dash_subtitle(blk))) if any(
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
            score = share + (bonus[i] if near else 0.0)
            if score >= MIN_OVERLAP:
                scores[(k, i)] = score
    owner = dict(max_weight_pairs(scores))
    quotes = pull_quotes(page)
    blocks = adopt_adjacent_leftovers(page, blocks, owner, openings, quotes)
    blocks, owner, loose = place_pull_quotes(blocks, owner, quotes, scores)
    if ROW_PARTS_REJOINED:
        blocks = rejoin_row_parts(blocks, owner, scores, pos)
    blocks = headlines_over_lone_subtitles(blocks, owner, scores, [body_text(art) for art in page.articles])
    for k, i in owner.items():
        near = adjacent.get(i) == k
        why = (BODY_FIRST_REASON if bodies_first else "headline:before_article") if near else "headline:content_overlap"
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
    if REST_OF_LEADS and separates_blocks(page):
        rests_of_leads(page)
    if REST_UNDER_COLUMNS and separates_blocks(page):
        rests_under_columns(page)
    return page
