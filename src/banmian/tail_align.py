"""Heads tail: the body stream cut into segments in step with the tail's headline blocks.

The stream's paragraph starts where a segment may open (`candidates`, each scored by
`start_bonus`) and the best monotone alignment of those segments with the tail's blocks
(`align`, by dynamic programming): block k heads segment k, and a block's words recur in its
segment's opening. A segment at a start with a sign of its own (`has_own_sign`: a lead-in, a
fragment start, text cut short before it) makes a sure article start. Used by the heads_tail
stage (`stages/heads_tail.py`); the block shapes and their costs are `tail_blocks`'.
"""
from __future__ import annotations

from typing import Final

import numpy as np

from banmian.line_shape import is_indented
from banmian.model import Fragment, Line, Page, page_line_index
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigrams_found
from banmian.stages.paragraphs import report_after_picture, restart_reason
from banmian.tail_blocks import (MAX_BLOCK_LINES, block_shapes, byline_end_costs, extra_line_costs, is_slot, soft_costs,
                                 unquoted_tier_costs)
from banmian.tail_find import ENDS_STREAM, OPENING_CHARS
from banmian.tail_pairs import balanced_cut_costs
from banmian.tail_units import two_units_costs

# A block must earn this many of its bigrams in its segment's opening (head_units.UNIT_COST).
UNIT_COST: Final = 3.0
# A block's bigrams found only further on in its segment (up to the next fragment or lead-in,
# `opening_ends`) count this much: a feature's headline may echo its last paragraph, not its
# opening (dev raw page 8: `无悔的选择` over an article opening `12日下午，北京龙都宾馆…` and
# closing `…开始他们新的无悔的选择。`). Dev raw headline_acc 1-20 / 21-40: 0: 0.795 / 0.808,
# 0.3: 0.814 / 0.846, 0.4-0.8: 0.826 / 0.846, 1: 0.826 / 0.833 (body 0.9869 -> 0.9763).
REST_WEIGHT: Final = 0.5
# A plain paragraph start's (no `has_own_sign`) opening runs on over the paragraph starts after
# it; the block's bigrams found there only past the next one count this much: a plain start
# cut just before the paragraph that holds a headline's words (`接受这次调查的德国企业…` over
# `奥里诺科钢铁公司是委内瑞拉…`, for `委大力吸引外资` / `本报驻委内瑞拉记者管彦忠`) tied with the start of
# that paragraph and, the earlier, won (simulated raw TRAIN pages 9, 84, 107, 278: the cut
# one paragraph early; 174 the other way: `王振昌` / `小康功臣` over a feature naming him in its
# second paragraph). TRAIN raw / PyMuPDF heads_end body_char_acc 0.9045 / 0.9096 -> 0.9069 /
# 0.9121 at 0.9 (0.95 alike; 0.75: 0.9016 / 0.9068; 0: 0.9027 / 0.9079); dev 1-40 unchanged.
PAST_PARAGRAPH_WEIGHT: Final = 0.9
# A block's words found in the text just before a paragraph start count against a cut there:
# an article's headline recurs in all its paragraphs, so a cut inside it matches too
# (dev raw page 21: `世界人口增长形势依然严峻专` / `家预计本世纪内将超过60亿` cut in two).
BEFORE_WEIGHT: Final = 1.0
# A tail line earns at most this many bigrams: a kicker or subtitle may be a clause taken
# from the middle of its article (`有许多深层次的矛盾和问题有待克服和解决`, dev raw page 21),
# which matches that paragraph whole and would cut the article there.
LINE_GAIN_CAP: Final = 6.0
# A segment opening with a lead-in byline, as most reports do. Its headline's words often
# come only in the second paragraph (dev raw page 3: `从单纯赞助` / `到全面参与` over a lead-in
# and a quote), so the cut must not slide there. Dev raw body_char_acc pages 1-20 / 21-40
# (CUT_COST 3): 1: 0.9553 / 0.9448, 3: 0.9594 / 0.9455, 6: 0.9588 / 0.9481, 8-10: 0.9649 / 0.9481.
# Refit on simulated pages (aligncost grid, one constant at a time; now dev raw / PyMuPDF 1-40 alike
# from 5.5 to 8, headline_acc 1-20 drops one headline at 5): a block pulled onto the wrong lead-in
# was most of TRAIN raw's misplaced tail blocks (38 of 60 on a lead-in or fragment start).
# headline_acc TRAIN 1-300 raw / PyMuPDF: 8: 0.8061 / 0.8045, 7: 0.8073 / 0.8057, 6: 0.8081 /
# 0.8065 (body alike); VAL 1-120: 8: 0.7924 / 0.8017, 6: 0.7944 / 0.8037 (byline 0.8864 / 0.8936
# -> 0.8853 / 0.8926, the rest and pdftotext unchanged).
LEAD_IN_BONUS: Final = 6.0
# One where `paragraphs` already cut the stream (a topic shift, a credit) or a non-body line
# stands before it. Dev raw headline_acc 1-40: 0: 0.7129, 1-2: 0.7161, 3: 0.7192 (body alike).
FRAGMENT_START_BONUS: Final = 2.0
RESTART_BONUS: Final = 0.0  # one after text cut short or a closing credit (`restart_reason`)
# A segment at any other paragraph start: most open no article (dev raw with LEAD_IN_BONUS 8:
# 3 and 5 alike; with 3: 2: 0.9488, 4: 0.9525, 6: 0.9547 over pages 1-40).
CUT_COST: Final = 4.0
# ...but only where the segment before it passed over a start with a sign of its own
# (`has_own_sign`): the tail's blocks tell how many articles the stream holds, in the same
# order, so a block left over between two signed starts must open one of the plain starts
# between them (and the cut is made sure, `no_signed_start_between`). Paying CUT_COST there,
# a short title whose words do not recur in its opening was merged with the block before
# (simulated raw pages: `东亚金融动` / `荡引发的思考` / `东亚金融风暴及影响` / `谷源洋`, the
# second article opening `进入90年代，全球爆发了三次金融风暴` at a plain paragraph start; 55
# of 86 TRAIN pages with a tail held fewer blocks than articles). A plain start's block words
# are then looked for only up to the next signed start (`rest_ends`): found further on, they
# pulled the cut up to the first plain start after the segment before (dev raw page 8:
# `无悔的选择` to the second paragraph of the article before). Simulated raw heads_end
# body_char_acc TRAIN 0.8541 -> 0.8765, VAL 0.8454 -> 0.8544; dev raw and PyMuPDF 1-40 unchanged.
# On a page printing only its first articles' headlines last (`tail_find.find_prefix_tail`) the
# tail is aligned with the stream's prefix, and a plain paragraph start there opens a segment at
# this cost, always (never the free cut above: the prefix may end early, at a subhead, and a
# free cut let a later block settle on a paragraph of the article before, dev PyMuPDF page 10
# `专题综艺晚会不能成风` over `其实，我们这么大的一个国家…`). Before, only starts with a sign of
# their own opened a prefix's segment, and an article opening at a plain paragraph start (its
# lead-in byline printed in the tail, `再造秀美新山川——全国` / `拍卖『四荒』使用权述评` / `本报记者董建勤`
# over `冬日，白雪覆盖的山岭…`) was read on as the article before, its block run into the
# block before it (simulated TRAIN raw pages 100, 127, 198; dev page 47). TRAIN 1-300 raw /
# PyMuPDF heads_end_partial body_char_acc 0.9089 / 0.9075 -> 0.9164 / 0.9151 at 0.5-1 (1.5:
# 0.9144 / 0.9131, 2.5: 0.9112 / 0.9098, 4: unchanged; free cuts as on a whole tail: 0.9163 /
# 0.9149 but heads_end 0.9196 / 0.9235 -> 0.9174 / 0.9213 and dev PyMuPDF page 10 0.9685 -> 0.9375).
# Only where the prefix closes on a head run of two lines or more (`stages.heads_tail.
# closes_on_head_block`): then 0.9141 / 0.9128 (page 100, closing on a subhead, no longer cut).
PREFIX_CUT_COST: Final = 1.0
NO_BLOCK_COST: Final = 6.0  # a segment without a headline block (none but a continuation, 上接)
SKIP_COST: Final = 1.0  # a tail line left out of every block
# ...a byline line this much: every byline in the tail closes some article's block; skipped,
# a byline that LEAD_IN_BYLINE_COST keeps off a lead-in segment's block was dropped rather than
# given a block of its own over the plain start where its article opens (simulated raw TRAIN
# pages 9 and 107: `中亚：美欧大国瞩目` / `本报记者严正孙勇军`).
BYLINE_SKIP_COST: Final = 2.0
# A tail line printed word for word in the stream is a clause its article's text holds, set as
# a kicker or a subtitle (`以对中国的友好深情和眷恋之意` over `北京电视台：` / `春节播出不停机`,
# simulated raw TRAIN pages 102, 177, 222, 226; dev raw page 21 `有许多深层次的矛盾和问题有待
# 克服和解决`): its block heads the segment that holds that text. A block holding it aligned
# with a segment opening after the text, or a segment opening before the text with the line
# in a block before, pays QUOTED_COST. Shorter lines may be a headline's words recurring.
MIN_QUOTED_CHARS: Final = 8
QUOTED_COST: Final = 4.0


class Candidate:
    """A paragraph start in the stream where a segment may open."""

    __slots__ = ("bonus", "continued", "frag", "k", "offset", "sure")

    def __init__(self, frag: int, k: int, offset: int, bonus: float, sure: bool, continued: bool):
        self.frag, self.k, self.offset, self.bonus = frag, k, offset, bonus
        self.sure = sure  # a segment opens here: the stream's start, or after a jump or 上接 line
        self.continued = continued  # a continuation note (上接) opens it: it has no headline


def candidates(page: Page, frags: list[Fragment], tail_start: int) -> tuple[list[Candidate], str]:
    """The stream's paragraph starts (each fragment's first line, and every marked paragraph
    start inside one) and the stream's space-free text. The report printed right after its
    picture's credited description (`paragraphs.report_after_picture`) opens no segment: the
    picture and the report are one article under one headline, which would otherwise be cut
    in two at the report's lead-in, each line of a two-line headline taken for a headline of
    its own (dev raw and PyMuPDF page 21: `北京举行` / `新年音乐会`; the only such report on a
    heads-last page of dev 1-40; body_char_acc pages 21-40 raw 0.9909 -> 0.9934, PyMuPDF
    0.9862 -> 0.9887, the rest unchanged)."""
    pos = page_line_index(page)
    width = page.column_width
    out: list[Candidate] = []
    texts: list[str] = []
    offset = 0
    prev_end = -1
    for fi, f in enumerate(frags):
        if pos[id(f.first)] >= tail_start:
            break
        first = pos[id(f.first)]
        between = [ln.kind for ln in page.lines[prev_end + 1:first]]
        continued = "continued" in between
        sure = fi == 0 or continued or any(kind in ENDS_STREAM for kind in between)
        prev_end = pos[id(f.last)]
        after_picture = fi > 0 and not between and report_after_picture(frags[fi - 1], f)
        for k, ln in enumerate(f.lines):
            bonus = None if k == 0 and after_picture else start_bonus(f, k, width)
            if bonus is not None:
                out.append(Candidate(fi, k, offset, bonus, sure and k == 0, continued and k == 0))
            t = strip_ws(ln.text)
            texts.append(t)
            offset += len(t)
    return out, "".join(texts)


def start_bonus(f: Fragment, k: int, width: float) -> float | None:
    """What line k of fragment f being an article's first line scores, or None where no
    article can start (inside a paragraph)."""
    ln = f.lines[k]
    if is_lead_in(ln.text) and (k == 0 or ln.para_start):
        return LEAD_IN_BONUS
    if k == 0:
        return FRAGMENT_START_BONUS
    prev = f.lines[k - 1]
    # (`restart_reason` asks for an indented line or a credit line before: tested first, cheaply)
    if (prev.text.lstrip()[:1] in "（(" or is_indented(ln, width)) and restart_reason(prev, ln, width):
        return RESTART_BONUS
    return -CUT_COST if ln.para_start else None


def has_own_sign(cand: Candidate) -> bool:
    """An aligned cut here is made a sure start: something besides the block says an article
    may start (not a plain paragraph start, where the block's words may merely recur: dev
    PyMuPDF page 39 `那么，为什么柯达会赞…` inside its article). Forcing every aligned cut:
    dev raw / PyMuPDF body_char_acc 0.9567 / 0.9566; these only: 0.9567 / 0.9575."""
    return cand.bonus > -CUT_COST


def no_signed_start_between(cands: list[Candidate], prev: int, c: int) -> bool:
    """No candidate with a sign of its own (`has_own_sign`) stands between the segments
    opening at candidates prev and c: the plain paragraph start c is where the stream must
    be cut for the block aligned with it (`align`: such a cut costs no CUT_COST)."""
    return not any(has_own_sign(cands[i]) for i in range(prev + 1, c))


def opening_ends(cands: list[Candidate], length: int) -> list[int]:
    """Where each candidate's opening stops: at the next one that opens a fragment or a
    lead-in, likely another article's start, whose words are not this opening's (dev raw page
    39: `从评选最佳中` / `场球员想到的` went to the lead-in of a brief just before its article,
    whose opening read on into it). Dev raw headline_acc 1-40: 0.7161 unclipped, 0.7256
    clipped at lead-ins and sure starts only, 0.7382 at fragment starts too; body alike."""
    ends = []
    nxt = length
    for c in reversed(cands):
        ends.append(nxt)
        if c.k == 0 or c.bonus >= LEAD_IN_BONUS:
            nxt = c.offset
    return ends[::-1]


def rest_ends(cands: list[Candidate], opening_stops: list[int]) -> list[int]:
    """Where each candidate's text searched for its block's words ends (`opening_ends`), a
    plain paragraph start's (no `has_own_sign`) also at the next start with a sign of its
    own: a headline's words found past one are likely the next article's (CUT_COST)."""
    out = []
    nxt = opening_stops[-1] if opening_stops else 0
    for c, stop in zip(reversed(cands), reversed(opening_stops)):
        out.append(stop if has_own_sign(c) else min(stop, nxt))
        if has_own_sign(c):
            nxt = c.offset
    return out[::-1]


def paragraph_ends(cands: list[Candidate]) -> list[int]:
    """Where each plain paragraph start's (no `has_own_sign`) own paragraph ends: at the next
    candidate (PAST_PARAGRAPH_WEIGHT); a large number for any other."""
    far = 1 << 62
    return [cands[i + 1].offset if i + 1 < len(cands) and not has_own_sign(c) else far
            for i, c in enumerate(cands)]


def quoted_at(parts: list[str], text: str) -> np.ndarray:
    """Where each tail line's text stands in the stream, for a line of at least
    MIN_QUOTED_CHARS found there exactly once (`QUOTED_COST`); len(text) + 1 for any other."""
    out = np.full(len(parts), len(text) + 1, dtype=np.int64)
    for t, part in enumerate(parts):
        q = strip_ws(part)
        if len(q) >= MIN_QUOTED_CHARS:
            at = text.find(q)
            if at >= 0 and text.find(q, at + 1) < 0:
                out[t] = at
    return out


def skip_costs(tail: list[Line]) -> np.ndarray:
    """skipped[j]: what leaving tail[:j] out of every block costs (SKIP_COST a line, a byline
    line BYLINE_SKIP_COST)."""
    per = [BYLINE_SKIP_COST if ln.kind == "byline" else SKIP_COST for ln in tail]
    return np.concatenate([np.zeros(1), np.cumsum(np.array(per, dtype=np.float64))])


def _skip_forward(vals: np.ndarray, skipped: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """best[j] = max over k <= j of vals[k] - (skipped[j] - skipped[k]) (`skip_costs`), and that k."""
    idx = np.arange(len(vals))
    lifted = vals + skipped
    best = np.maximum.accumulate(lifted)
    src = np.maximum.accumulate(np.where(lifted >= best, idx, 0))
    return best - skipped, src


def align(cands: list[Candidate], text: str, tail: list[Line], prefix: bool = False,
          two_units: bool = True) -> list[tuple[int, int, int]]:
    """The best monotone alignment: a list of segments (candidate index, first tail line,
    end of its block; first == end for a segment without a block).

    Each segment opens at a candidate (the first at the stream's start; a sure one always
    opens one) and scores its block's bigrams found in its opening (and REST_WEIGHT of those
    found only further on, up to the next fragment or lead-in), less UNIT_COST, plus the
    candidate's bonus (at a plain paragraph start: -CUT_COST where the segment before passed
    over a start with a sign of its own, else nothing; its block's words are looked for only up
    to the next such start, `rest_ends`; aligned with a prefix, `prefix`, always PREFIX_CUT_COST);
    a block shape holding two articles' headline units pays `tail_units.two_units_costs` (unless
    `two_units` is off);
    a segment without a block costs NO_BLOCK_COST unless a continuation
    note (上接) opens it, a tail line in no block SKIP_COST. Block scores add up each line's
    bigrams found, so the dynamic programme needs only each line against each opening.
    """
    n, m = len(cands), len(tail)
    parts = [ln.text for ln in tail]
    opening_stops = opening_ends(cands, len(text))
    opening, _ = bigrams_found(parts, [text[c.offset:min(c.offset + OPENING_CHARS, e)] for c, e in zip(cands, opening_stops)])
    own, _ = bigrams_found(parts, [text[c.offset:min(c.offset + OPENING_CHARS, e, s)]
                                   for c, e, s in zip(cands, opening_stops, paragraph_ends(cands))])
    opening = own + PAST_PARAGRAPH_WEIGHT * (opening - own)
    whole, _ = bigrams_found(parts, [text[c.offset:e] for c, e in zip(cands, rest_ends(cands, opening_stops))])
    after = opening + REST_WEIGHT * (whole - opening)
    before, _ = bigrams_found(parts, [text[max(0, c.offset - OPENING_CHARS):c.offset] for c in cands])
    gain = np.minimum(after - BEFORE_WEIGHT * before, LINE_GAIN_CAP)  # gain[c, t]
    quoted = quoted_at(parts, text)
    offsets = np.array([c.offset for c in cands], dtype=np.int64)
    gain -= QUOTED_COST * (quoted[None, :] < offsets[:, None])  # its text lies before the segment
    # placed[c, j]: tail[:j]'s quoted lines whose text lies at or after candidate c's opening
    placed = QUOTED_COST * np.concatenate([np.zeros((n, 1)), np.cumsum(
        (quoted[None, :] >= offsets[:, None]) & (quoted[None, :] < len(text)), axis=1)], axis=1)
    slots = np.array([is_slot(ln) for ln in tail], dtype=bool)
    gain[:, slots] = 0.0  # a continuation note earns no words
    cum = np.concatenate([np.zeros((n, 1)), np.cumsum(gain, axis=1)], axis=1)
    starts, sizes = block_shapes(tail)  # the possible blocks tail[j:j + L], as two arrays
    ends = starts + sizes
    shape_cost = (extra_line_costs(tail, starts, sizes) + soft_costs(tail, starts, sizes)
                  + unquoted_tier_costs(tail, starts, sizes, text) + balanced_cut_costs(tail, starts)
                  + (two_units_costs(tail, starts, sizes) if two_units else 0.0))
    slot_shape = slots[starts] & (sizes == 1)
    shape_cost = np.where(slot_shape, -UNIT_COST, shape_cost)  # a note's block: as one that earned its UNIT_COST
    byline_cost = byline_end_costs(tail, starts, sizes)
    skipped = skip_costs(tail)
    neg = -np.inf
    start_col = np.array([0.0] + [neg] * m)
    rbest, rsrc_k = _skip_forward(start_col, skipped)
    rsrc_c = np.full(m + 1, -1)
    raw_best, raw_c = rbest, rsrc_c  # best score so far per tail column, and its segment
    near_best, near_c = rbest, rsrc_c  # the same over segments since the last signed start
    nbest, nsrc_k, nsrc_c = rbest, rsrc_k, rsrc_c
    back = []  # per candidate: its block start per end column, and the sources it was scored against
    cols = np.arange(m + 1)
    by_size = np.full((MAX_BLOCK_LINES, m + 1), neg)  # a block's score by its size and end
    for c, cand in enumerate(cands):
        row = rbest - placed[c] - (0.0 if cand.continued else NO_BLOCK_COST)  # its bonus goes with a block
        signed = has_own_sign(cand)
        if signed:
            base, bonus, bsrc_c, bsrc_k = rbest - placed[c], cand.bonus, rsrc_c, rsrc_k
        else:  # a plain start pays CUT_COST only where its segment passed over a signed start
            far = rbest - (PREFIX_CUT_COST if prefix else CUT_COST)
            near = (nbest > far) & (not prefix)
            base, bonus = np.where(near, nbest, far) - placed[c], 0.0
            bsrc_c, bsrc_k = np.where(near, nsrc_c, rsrc_c), np.where(near, nsrc_k, rsrc_k)
        by_size.fill(neg)
        cost = shape_cost + byline_cost if cand.bonus >= LEAD_IN_BONUS else shape_cost
        if not signed:  # a continued piece opens where a sign of its own says an article starts
            cost = np.where(slot_shape, np.inf, cost)
        by_size[sizes - 1, ends] = base[starts] + cum[c, ends] - cum[c, starts] - cost
        size = by_size.argmax(axis=0)  # ties: the smaller block
        block = by_size[size, cols] - UNIT_COST + bonus
        take = block > row
        row = np.where(take, block, row)
        j0 = np.where(take, cols - size - 1, cols)
        back.append((j0, take, rsrc_c, rsrc_k, bsrc_c, bsrc_k))
        if cand.sure:  # no segment runs on across a sure start
            raw_best, raw_c = row, np.full(m + 1, c)
        else:
            better = row > raw_best
            raw_best, raw_c = np.where(better, row, raw_best), np.where(better, c, raw_c)
        if cand.sure or signed:
            near_best, near_c = row, np.full(m + 1, c)
        else:
            better = row > near_best
            near_best, near_c = np.where(better, row, near_best), np.where(better, c, near_c)
        rbest, rsrc_k = _skip_forward(raw_best, skipped)
        rsrc_c = raw_c[rsrc_k]
        nbest, nsrc_k = _skip_forward(near_best, skipped)
        nsrc_c = near_c[nsrc_k]
    # walk back from the end: every tail line consumed or skipped
    segments = []
    c, j = int(rsrc_c[m]), int(rsrc_k[m])
    while c >= 0:
        j0s, took, src_c, src_k, bsrc_c, bsrc_k = back[c]
        start = int(j0s[j])
        segments.append((c, start, j))
        if took[j]:
            c, j = int(bsrc_c[start]), int(bsrc_k[start])
        else:
            c, j = int(src_c[start]), int(src_k[start])
    return segments[::-1]
