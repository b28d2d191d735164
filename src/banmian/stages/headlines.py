"""Headlines: group head lines into blocks, attach each block to its article, split tiers.

A block directly before an article's first line is that article's. The other blocks (printed
far away, often grouped at the end or the top of the page text) go to the articles still
without a headline by content overlap: a headline's words recur in its article's opening.
Within a block: name lines are the byline, a line opening with a dash is the subtitle, and of
the rest two lines that read on across the break (a word spans it) are one headline
(`split_tiers`; the cues of `banmian.tier_cues`).
A head line standing alone that repeats a clause of one article's body is that article's pull
quote (`banmian.pull_quotes`): it goes to that article as its kicker, whoever's block it was
printed in.
"""
from __future__ import annotations

import re
from typing import Final

import numpy as np

from banmian.article_starts import lines_around
from banmian.assign import max_weight_pairs
from banmian.language import spanning_word
from banmian.line_shape import opens_with_dash
from banmian.model import HEAD_KINDS, INSIDE_BLOCK_KINDS, Article, Line, Page, page_line_index
from banmian.photo_news import PHOTO_LABEL_REASON, place_photo_labels
from banmian.rules.chars import code_points, strip_ws
from banmian.pull_quotes import attach_pull_quotes, place_pull_quotes, pull_quotes
from banmian.side_bylines import side_by_side_bylines
from banmian.side_heads import deal_side_by_side
from banmian.stages.heads_tail import HEADLINE_REASON, tail_owners
from banmian.stages.roundups import opens_numbered_run
from banmian.tier_cues import DASHES, balanced_pair, ends_running_on, long_subtitle_under, quotes_whole_clause

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


# Below this many characters a set comprehension builds `bigram_keys` faster than numpy
# (headline blocks); article openings (~400 characters) go through numpy.
NUMPY_BIGRAMS_FROM: Final = 64


def bigram_keys(text: str) -> set[int]:
    """The bigrams of `similarity.bigrams(text)` as integers (first code point << 21 | second): the same
    set, told apart the same way, but built in numpy (an article opening has ~400 bigrams)."""
    t = strip_ws(text)
    if len(t) < 2:
        return set()
    if len(t) < NUMPY_BIGRAMS_FROM:
        return {ord(a) << 21 | ord(b) for a, b in zip(t, t[1:])}
    cp = code_points(t).astype(np.int64)
    return set(((cp[:-1] << 21) | cp[1:]).tolist())


def opening_keys(openings: list[str], head_lines: list[Line]) -> list[set[int]]:
    """Each opening's `bigram_keys`, only those a headline block can share with it: both
    characters printed in `head_lines` (the lines blocks are made of). A block's bigrams pair
    its lines' characters, so every intersection with a block's bigrams (and whether there is
    one) is what the whole set gives, from sets a seventh of the size (dev pdftotext pages),
    much cheaper to build. A character beyond the Basic Multilingual Plane counts as printed
    (more bigrams kept than needed, never fewer)."""
    texts = [strip_ws(t) for t in openings]
    if not any(len(t) >= 2 for t in texts):
        return [set() for _ in texts]
    printed = np.zeros(0x10000, dtype=bool)
    printed[np.minimum(code_points("".join([ln.text for ln in head_lines])), 0xFFFF)] = True
    cp = code_points("".join(texts)).astype(np.int64)
    known = (cp > 0xFFFF) | printed[np.minimum(cp, 0xFFFF)]
    keys = (cp[:-1] << 21) | cp[1:]
    shared = known[:-1] & known[1:]
    out = []
    start = 0  # where the text starts in the texts joined
    for t in texts:
        end = start + len(t) - 1  # its bigrams are keys[start:end] (keys[end] spans two texts)
        out.append(set(keys[start:end][shared[start:end]].tolist()) if len(t) >= 2 else set())
        start += len(t)
    return out


def share_in(part: set[int], whole: set[int]) -> float:
    """Share of the bigrams `part` found in `whole` (0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0


# Of two headline lines no word runs across, a second line this much shorter than the first is
# the main headline under a kicker (dev 1-40, three dumps: 17 kicker + headline, 1 headline).
KICKER_LENGTH_RATIO: Final = 0.7


def kicker_over_headline(first: str, second: str) -> bool:
    """Two head lines are a kicker and a shorter headline, not one headline broken in two:
    no dictionary word runs across the break and the second is much shorter (`如今我已长大成人`
    / `凝眸岁月`)."""
    a, b = strip_ws(first), strip_ws(second)
    return len(b) <= KICKER_LENGTH_RATIO * len(a) and not spanning_word(a, b) and not ends_running_on(a)


# A third head line this much longer than both above it is a subtitle under a two-line headline
# (dev 1-40, three dumps: 7 such subtitles, never a kicker's block).
SUBTITLE_LENGTH_RATIO: Final = 1.4


def subtitle_under_headline(heads: list[str]) -> bool:
    """Three head lines are a two-line headline and a longer subtitle (`摩托送餐` / `风行开罗` /
    `由于快餐不仅受到埃及上班族的青睐`): the third is much longer than the first two."""
    a, b, c = (len(strip_ws(h)) for h in heads[:3])
    return c >= SUBTITLE_LENGTH_RATIO * max(a, b)


# A head line this short that its body repeats may be a headline's word or two (`吃派饭`,
# `北京音乐`); the kickers and subtitles the body repeats run longer (dev 1-40 gold: 101 of 124
# kickers and subtitles repeat a body clause, 88 of them 8 characters or more, 14 of 6-7).
# `body_quoted_tiers` on dev 1-40 pdftotext: 13 articles' tiers put right (pages 4, 5, 10, 11,
# 18 x3, 25, 30, 33, 34, 36, 38 x2), 1 put wrong (page 6: both lines of `继续做好价格工作` /
# `着力促进结构调整` are the headline, the body repeats the first); headline_roles_acc 1-20 /
# 21-40 pdftotext 0.6335 / 0.6539 -> 0.6708 / 0.6987, raw 0.7515 / 0.7692 -> 0.8199 / 0.8462,
# PyMuPDF 0.7702 / 0.7756 -> 0.8385 / 0.8526; nothing else moves. The clause repeated whole
# (`tier_cues.quotes_whole_clause`, from a clause's start too) put page 6 right, and raw and
# PyMuPDF page 5 (`朝鲜驻华大使` / `举行新年宴会`, the body `…举行新年宴会，…` mid-clause).
QUOTED_TIER_MIN_CHARS: Final = 6


def quotes_body(text: str, body: str) -> bool:
    """The head line `text` repeats a whole clause of the article's `body` word for word (and
    is not too short to be a headline's word)."""
    t = strip_ws(text).lstrip(DASHES)
    return len(t) >= QUOTED_TIER_MIN_CHARS and quotes_whole_clause(t, body)


def reads_on_in(first: str, second: str, body: str) -> bool:
    """Two head lines read on as one text of the body, the first ends in a colon or a dash
    (`tier_cues.ends_running_on`), or a dictionary word runs across the break: one headline
    broken in two (`湿地公园今年春天` / `迎来第一批候鸟`; `乔石等观看世` / `界华人书画展`,
    whose end the body repeats), not a headline and a tier."""
    a, b = strip_ws(first), strip_ws(second)
    return (a + b) in body or ends_running_on(a) or spanning_word(a, b, hmm=False) is not None


def body_quoted_tiers(heads: list[str], body: str) -> tuple[str | None, list[str], str | None]:
    """Kicker, headline lines and subtitle of a block's head lines told apart by what the body
    repeats: a kicker or subtitle is a sentence of the article set large (its first or last
    line, word for word a clause of the body), the headline is not (`花园洋房的代价` /
    `更换小楼的外墙贴面`: a headline and a subtitle, no two-line headline). A first or last
    line is a tier of its own only when the line next to it is not repeated too (two lines
    both repeated are one headline's) and the two do not read on as one text of the body
    (`reads_on_in`); the headline keeps one or two lines. Returns (None,
    heads, None) when no line is told apart."""
    if len(heads) < 2 or not body:
        return None, heads, None
    quoted = [quotes_body(h, body) for h in heads]
    lo, hi = 0, len(heads)
    kicker = subtitle = None
    if quoted[0] and not quoted[1] and not reads_on_in(heads[0], heads[1], body):
        kicker, lo = heads[0], 1
    if hi - lo >= 2 and quoted[-1] and not quoted[-2] and not reads_on_in(heads[-2], heads[-1], body):
        subtitle, hi = heads[-1], hi - 1
    if (kicker is None and subtitle is None) or not 1 <= hi - lo <= 2:
        return None, heads, None
    return kicker, heads[lo:hi], subtitle


def balanced_over_subtitle(heads: list[str]) -> bool:
    """Three head lines are a headline broken to balance over a subtitle: the first two balance
    (`tier_cues.balanced_pair`) and the third is not shorter than the second (`离别三十六年` /
    `梦想终于成真` / `不知流过多少泪`). Dev 1-40 gold, three-line heads: 30 of 38 headline +
    subtitle, 2 of 30 kicker + headline (a kicker over a headline whose first line is as long,
    `春耕备耕有序推进` / `江川新建高标准农田` / `累计达12万亩`, has a shorter third line)."""
    a, b, c = (strip_ws(h) for h in heads[:3])
    return balanced_pair(a, b) and len(c) >= len(b)


def runs_across(first: str, second: str) -> bool:
    """The headline runs on from one line into the next: a word spans the break, or the first
    ends in a colon or a dash (`tier_cues.ends_running_on`)."""
    return spanning_word(first, second) is not None or ends_running_on(first)


def split_tiers(block: list[Line], body: str = "") -> dict:
    """Kicker, headline, subtitle and byline of one block, as printed. `body`: the article's
    text (whitespace stripped), whose repeated sentences tell a kicker or subtitle apart
    (`body_quoted_tiers`). Else the lines' text and lengths (`banmian.tier_cues`): a last line
    opening with a dash is the subtitle unless the dash was broken across the lines (`…锲而不舍—`
    / `—三论…`); of two lines, a much shorter second is the headline under a kicker, a second at
    least twice as long a subtitle (`long_subtitle_under`); of three, the first two are the
    headline over a subtitle when they run on (a word across the break, a colon or dash at the
    first's end) or balance over a third line not shorter (`balanced_over_subtitle`).
    Dev 1-40 wrong tier splits of the right lines (bench/head_errors.py), pdftotext | raw |
    PyMuPDF: 10 | 11 | 11 -> 4 | 2 | 2 with these cues and `quotes_whole_clause`."""
    bylines = [ln.text for ln in block if ln.kind == "byline"]
    heads = [ln.text for ln in block if ln.kind == "head"]
    out = {"kicker": None, "headline": None, "subtitle": None, "byline": " ".join(bylines) or None}
    if heads and heads[-1].startswith(("—", "－", "--")) and not (len(heads) > 1 and ends_running_on(heads[-2])):
        out["subtitle"] = heads.pop()
    if not heads:
        return out
    kicker, middle, subtitle = body_quoted_tiers(heads, body) if out["subtitle"] is None else (None, heads, None)
    if kicker is not None or subtitle is not None:
        out["kicker"], out["headline"], out["subtitle"] = kicker, " ".join(middle), subtitle
        return out
    if len(heads) == 1:
        out["headline"] = heads[0]
    elif len(heads) == 2 and kicker_over_headline(heads[0], heads[1]):
        out["kicker"], out["headline"] = heads
    elif len(heads) == 2 and out["subtitle"] is None and long_subtitle_under(heads[0], heads[1]):
        out["headline"], out["subtitle"] = heads
    elif len(heads) == 2:
        out["headline"] = " ".join(heads)
    else:
        if ((runs_across(heads[0], heads[1]) or subtitle_under_headline(heads) or balanced_over_subtitle(heads))
                and not runs_across(heads[1], heads[2])):
            out["headline"] = " ".join(heads[:2])
            rest = heads[2:]
            out["subtitle"] = " ".join(rest) if out["subtitle"] is None else " ".join(rest + [out["subtitle"]])
        else:
            out["kicker"] = heads[0]
            out["headline"] = " ".join(heads[1:3])
            if len(heads) > 3:
                extra = " ".join(heads[3:])
                out["subtitle"] = extra if out["subtitle"] is None else extra + " " + out["subtitle"]
    return out


def _apply(page: Page, article: Article, block: list[Line], why: str) -> None:
    tiers = split_tiers(block, strip_ws("".join(article.paragraphs)))
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


# A unit of a headline run must earn this many bigrams found in an article's opening to stand
# on its own (dev 1-40, head + byline accuracy over the three dumps: 2 and 3 alike, 5 worse).
UNIT_COST: Final = 3.0
MAX_UNIT_LINES: Final = 6  # kicker, two-line headline, two-line subtitle, byline
# What a unit set off from the one before by a blank line costs: nothing. pdftotext prints one
# headline's lines as one text block and sets blocks apart by blank lines, so a blank line
# inside a run is a cut wherever the words on its two sides recur in different articles'
# openings (dev page 29: `中共代表团` / `出访非洲三国`, blank, `无情冰雪锁藏北救援物资八方` / …).
# Dev pdftotext headline_acc 1-20 / 21-40 at 3 (UNIT_COST): 0.6460 / 0.6026; 1-1.5: 0.6460 /
# 0.6282 (byline 21-40 0.7180 -> 0.7308); 0-0.5: 0.6522 / 0.6539 (bylines unchanged; charging a
# unit holding a byline nothing too loses bylines, 21-40 0.7180 -> 0.7051). Raw and PyMuPDF
# dumps hold no blank lines.
BLANK_CUT_COST: Final = 0.0


# Whitespace `strip_ws` may keep inside a text (it removes all of it only from a text holding a
# space, a tab or an ideographic space): with none, a unit's text strips to its lines' stripped.
_RARE_SPACE: Final = re.compile(r"[^\S \t\u3000]")


def _unit_gains(block: list[Line], openings: list[set[int]]) -> list[list[int]]:
    """gains[a][m]: the most bigrams of the text of `block[a:a + m + 1]` (a unit of at most
    MAX_UNIT_LINES lines) found in any one article's opening. A unit's bigrams are the shorter
    unit's, the new line's own and the pair across the line break: each line's are found once."""
    if _RARE_SPACE.search("".join([ln.text for ln in block])):
        return _unit_gains_joined(block, openings)
    texts = [strip_ws(ln.text) for ln in block]
    own = [bigram_keys(t) for t in texts]
    gains = []
    for a in range(len(block)):
        keys: set[int] = set()
        last = ""  # the unit's last character so far
        row = []
        for t, t_keys in zip(texts[a:a + MAX_UNIT_LINES], own[a:a + MAX_UNIT_LINES]):
            if t:
                if last:
                    keys.add(ord(last) << 21 | ord(t[0]))
                keys |= t_keys
                last = t[-1]
            row.append(max((len(keys & o) for o in openings), default=0))
        gains.append(row)
    return gains


def _unit_gains_joined(block: list[Line], openings: list[set[int]]) -> list[list[int]]:
    """`_unit_gains`, each unit's text joined and its bigrams found anew."""
    def gain(lines: list[Line]) -> int:
        keys = bigram_keys("".join(ln.text for ln in lines))
        return max((len(keys & o) for o in openings), default=0)
    return [[gain(block[a:b]) for b in range(a + 1, min(len(block), a + MAX_UNIT_LINES) + 1)]
            for a in range(len(block))]


def _split_points(block: list[Line], openings: list[set[int]], after_blank: frozenset[int] = frozenset()) -> list[int]:
    """Where units start in the block: the split that earns the most opening bigrams, less
    UNIT_COST per unit (BLANK_CUT_COST for one opening on a line in `after_blank`, ids of lines
    right under a blank line, unless it holds a byline: `_unit_cost`). Of splits earning the
    same, the one with fewest cuts where no blank line stands, then most head units set off by
    a blank line (`_cut_kind`), then longer last units (a kicker sharing no words goes with the
    headline under it); a dash line (a subtitle) never starts a unit."""
    n = len(block)
    whole = bigram_keys("".join(ln.text for ln in block))
    openings = [o for o in openings if not whole.isdisjoint(o)]  # the articles the run may hold
    gains = _unit_gains(block, openings)
    best: list[tuple[float, int, int]] = [(0.0, 0, 0)] + [(float("-inf"), 0, 0)] * n
    start = [0] * (n + 1)
    for b in range(1, n + 1):
        for a in range(max(0, b - MAX_UNIT_LINES), b):
            if a > 0 and opens_with_dash(block[a].text):
                continue
            v = best[a][0] + gains[a][b - a - 1] - _unit_cost(block, a, b, after_blank)
            plain, set_off = _cut_kind(block, a, b, gains[a][b - a - 1], after_blank)
            ranked = (v, best[a][1] - plain, best[a][2] + set_off)
            if ranked > best[b]:
                best[b], start[b] = ranked, a
    cuts, b = [], n
    while b > 0:
        cuts.append(start[b])
        b = start[b]
    cuts.sort()
    for a, b in zip(cuts, cuts[1:] + [n]):
        if _cut_kind(block, a, b, gains[a][b - a - 1], after_blank)[1]:
            block[a].because(SET_OFF_REASON)
    return cuts


# A head line wider than the column spans the headline's slot under it: set off over a headline
# by a blank line it is that headline's kicker or pull quote (dev page 25: `必须认真抓好重点项目布局
# 工作`, blank, `中国体育试行承包制田径` / `游泳奥运夺金任务分配到省`), not a headline of its own.
SPANNING_HEAD_REASON = "head:wider_than_column"
SET_OFF_REASON = "headline:unit_set_off_by_blank_line"


def _cut_kind(block: list[Line], a: int, b: int, gain: int, after_blank: frozenset[int]) -> tuple[int, int]:
    """(plain, set_off) of a cut before block[a] opening the unit block[a:b] that earns `gain`:
    plain 1 where no blank line stands over a head line there (or a byline opens the unit),
    set_off 1 where a blank line sets the unit off, it holds no byline and earns bigrams, and
    the line above is no line wider than the column (SPANNING_HEAD_REASON). They break ties of
    worth (`_split_points`): pdftotext prints one headline's lines as one text block, so words
    shared alike (a head line both of whose sides' words one opening repeats, `挂起红灯迎新年`
    over `李鹏在北` / `京考察企业`, dev page 15, the first a photo's headline) leave the cut
    where the blank line is. A kicker so cut off is left over and goes back over its headline
    (`adopt_adjacent_leftovers`); a byline set off under headlines is another headline's
    (`side_by_side_bylines`), and a line no opening repeats (a date, `1998年1月7日`, page 32)
    holds nothing to part. Dev pdftotext 1-40: cuts on pages 1, 7, 15, 21, 24, 29, 30; the
    kickers and subtitles cut off went back; heads put right on pages 15 (two) and 30, none
    put wrong; headline_acc 1-20 / 21-40 0.7329 / 0.7628 -> 0.7453 / 0.7692, bylines unchanged.
    Raw and PyMuPDF dumps hold no blank lines."""
    if a == 0:
        return 0, 0
    blank = id(block[a]) in after_blank and block[a].kind == "head"
    set_off = (blank and gain > 0 and not any(ln.kind == "byline" for ln in block[a:b])
               and SPANNING_HEAD_REASON not in block[a - 1].reasons)
    return int(not blank), int(set_off)


def _unit_cost(block: list[Line], a: int, b: int, after_blank: frozenset[int]) -> float:
    """What the unit block[a:b] costs: BLANK_CUT_COST when a blank line sets it off from the
    line before, unless it holds a byline; else UNIT_COST. pdftotext prints two headlines side
    by side one after the other and the first one's byline after both, with the second (dev
    page 27: `“007”` / `与冷战思维` beside `张武扬`, the name the headline above's, page 31):
    such a unit is a unit only where its words say so."""
    if a > 0 and id(block[a]) in after_blank and not any(ln.kind == "byline" for ln in block[a:b]):
        return BLANK_CUT_COST
    return UNIT_COST


def split_by_content(blocks: list[list[Line]], openings: list[set[int]],
                     after_blank: frozenset[int] = frozenset()) -> list[list[Line]]:
    """Split runs that hold several articles' headlines where the words change article.

    pdftotext and raw dumps print a band's headlines, or all of a page's, as one run (raw dump
    of dev page 5: `胡宁同志逝世` `乔石等观看世` `界华人书画展` `帐篷里的婚礼`). The run is cut
    into units so that each unit's words recur in one article's opening as much as possible,
    a unit costing UNIT_COST bigrams (one set off by a blank line nothing: `_unit_cost`); a
    unit that matches nothing stays with its neighbour. `after_blank`: ids of the lines right
    under a blank line.
    """
    out: list[list[Line]] = []
    for block in blocks:
        if len(block) < 2 or not openings:
            out.append(block)
            continue
        cuts = _split_points(block, openings, after_blank) + [len(block)]
        out.extend(block[a:b] for a, b in zip(cuts, cuts[1:]) if b > a)
    return out


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


def attach_near_bylines(page: Page) -> None:
    """An article still without a byline takes an unclaimed byline line printed among the
    lines right before its first fragment (dev page 1: `刘红` away from its headline)."""
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        if article.byline or not fragments:
            continue
        for ln in lines_around(page, fragments[0], after=False):
            if ln.kind == "byline" and page.owner_of(ln) is None:
                article.byline = ln.text
                page.claim(ln, article)
                article.because("byline:line_before_article")
                break


def adopt_adjacent_leftovers(page: Page, blocks: list[list[Line]], owner: dict[int, int],
                             openings: list[set[int]]) -> list[list[Line]]:
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
    for k in sorted(owner):
        for step in (-1, 1):
            m = k + step
            while 0 <= m < len(blocks) and m not in owner and m not in taken:
                a, b = out[k], blocks[m]
                if any(ln.kind == "byline" for ln in b) or _fits_another(b, owner[k], openings):
                    break
                if m < k and blank_between(b[-1], a[0]):
                    out[k] = list(b) + a
                elif m > k and a[-1].kind != "byline" and blank_between(a[-1], b[0]):
                    out[k] = a + list(b)
                else:
                    break
                taken.add(m)
                for ln in b:
                    ln.because("headline:leftover_next_to_block")
                m += step
    return out


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
    blocks, dealt = deal_side_by_side(join_broken_headlines(head_blocks(page, taken)), pos, lines, openings)
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
            if under_byline is not None and id(under_byline) in block_ending_at:
                adjacent[i] = block_ending_at[id(under_byline)]
    on_lead_in = {i for i, k in adjacent.items() if on_its_lead_in(lines, pos, blocks[k], groups[i][0].first)}
    bonus = [DIGEST_ADJACENT_BONUS if opens_numbered_run(art.paragraphs)
             else LEAD_IN_ADJACENT_BONUS if i in on_lead_in else ADJACENT_BLOCK_BONUS
             for i, art in enumerate(page.articles)]
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
            score = share + (bonus[i] if near else 0.0)
            if score >= MIN_OVERLAP:
                scores[(k, i)] = score
    owner = dict(max_weight_pairs(scores))
    blocks = adopt_adjacent_leftovers(page, blocks, owner, openings)
    quotes = pull_quotes(page)
    blocks, owner, loose = place_pull_quotes(blocks, owner, quotes, scores)
    blocks = headlines_over_lone_subtitles(blocks, owner, scores, [strip_ws("".join(art.paragraphs)) for art in page.articles])
    for k, i in owner.items():
        near = adjacent.get(i) == k
        _apply(page, page.articles[i], blocks[k], f"headline:{'before_article' if near else 'content_overlap'}:{scores[(k, i)]:.2f}")
    photo_labels(page, blocks, owner, headed, pos)
    attach_pull_quotes(page, loose, quotes)
    side_by_side_bylines(page)
    bylines_under_their_headlines(page)
    attach_near_bylines(page)
    page.scratch["head_blocks"] = blocks
    page.scratch["head_owner"] = owner
    return page
