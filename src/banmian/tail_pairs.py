"""Heads tail: a cut between two head lines broken to balance costs (`balanced_cut_costs`).

A headline too long for one line is broken into two of (nearly) the same length, the second
as long as the first or one character longer (`tier_cues.balanced_pair`). In a tail of head
blocks (`stages.heads_tail`), a block opening on the second line of such a pair parts one
headline: its first line closes the block above, its second opens the next one, and each
block after runs one line off (simulated PyMuPDF TRAIN page 205: `洛阳牡丹` / `盛开闹新春` /
`春联喜` / `赠小井庄`, cut after `洛阳牡丹`; pages 96 and 197 alike; dev raw and PyMuPDF
page 5). On TRAIN PyMuPDF heads-last pages 540 balanced pairs of tail head lines are one gold
head's, 51 two heads'; the alignment cut 22 of the first and kept 3 of the second.
Not a pair of lines shorter than MIN_PAIR_CHARS or longer than MAX_PAIR_CHARS, nor one whose
second line runs on by a dash, nor one whose first line closes a balanced pair itself or whose
second opens one (a headline is broken in two, not three: a run of three such lines leaves the
cut to the words).
Headline_acc at BALANCED_CUT_COST 2: TRAIN raw 41-300 .7910 -> .7942, PyMuPDF .7877 -> .7896
(1-40 unchanged; body, para, exact, byline unchanged or up); sim VAL raw 1-40 / 41-120 .7758 /
.7822 -> .7817 / .7822, PyMuPDF .7876 / .7901 -> .7935 / .7901 (nothing else moves); dev 1-40
raw / PyMuPDF: page 5 (two heads each). At cost 3 VAL PyMuPDF 41-120 lost two heads; without
MAX_PAIR_CHARS TRAIN raw 1-40 gained 4 heads more but VAL PyMuPDF 41-120 lost four.
"""
from __future__ import annotations

from typing import Final

import numpy as np

from banmian.line_shape import head_runs_on_by_dash
from banmian.model import Line
from banmian.rules.chars import strip_ws
from banmian.tail_blocks import soft_byline
from banmian.tier_cues import balanced_pair

# What a block opening on the second line of a balanced pair (`parts_balanced_pair`) costs
# (bigrams of the block's words found in the segment's opening; 2 and 3 alike on TRAIN).
BALANCED_CUT_COST: Final = 2.0
_TIER_KINDS: Final = ("head", "body")  # a tail's head lines, or head lines read as body
# Two lines this short may be names or a pen name over the next headline (simulated PyMuPDF
# TRAIN page 119: `瓯海`, a byline read as head, over `感受` / `啤酒节`), not one headline.
MIN_PAIR_CHARS: Final = 3
# A longer pair is a wide slot's headline, which seldom needs two lines: two one-line headlines
# of that length are as likely (sim VAL PyMuPDF lost heads to the cost on longer pairs).
MAX_PAIR_CHARS: Final = 8


def parts_balanced_pair(tail: list[Line], j: int) -> bool:
    """A block opening on tail line j parts it from the line above, the two head lines a
    balanced pair (`tier_cues.balanced_pair`) of at least MIN_PAIR_CHARS characters each, the
    second not running on by a dash into the line under it (`line_shape.head_runs_on_by_dash`:
    the first line of a headline going on below, simulated PyMuPDF TRAIN page 235,
    `北京送书下乡暖农家` / `繁花似锦满目春——` / `记烟台高新技术开发区`), the first not closing
    a balanced pair of its own nor the second opening one (`closes_balanced_pair`)."""
    if j == 0 or tail[j].kind not in _TIER_KINDS or tail[j - 1].kind not in _TIER_KINDS:
        return False
    above, line = tail[j - 1].text, tail[j].text
    return (MIN_PAIR_CHARS <= len(strip_ws(above)) <= MAX_PAIR_CHARS and balanced_pair(above, line)
            and not head_runs_on_by_dash(tail[j])
            and not closes_balanced_pair(tail, j - 1) and not closes_balanced_pair(tail, j + 1))


def closes_balanced_pair(tail: list[Line], k: int) -> bool:
    """Tail line k is the second line of a balanced pair: a headline's last line, so the line
    under it, as long or one character longer by chance, is no more of that headline (simulated
    PyMuPDF TRAIN page 116: `东洋证券杯围棋赛首轮常` / `昊遭淘汰周鹤洋再战赵治勋` over the next
    article's kicker `灾区军民又打响了为搭建越冬`). Asked of line k + 1 too: a line opening a
    balanced pair with the line under it is that headline's first line (TRAIN page 125:
    `仔细分析起来`, a subtitle, over `诠释传统文化` / `价值的几种观点`)."""
    return (0 < k < len(tail) and tail[k - 1].kind in _TIER_KINDS and tail[k].kind in _TIER_KINDS
            and balanced_pair(tail[k - 1].text, tail[k].text))


def balanced_cut_costs(tail: list[Line], starts: np.ndarray) -> np.ndarray:
    """BALANCED_CUT_COST for each block shape opening where `parts_balanced_pair`."""
    parted = np.array([parts_balanced_pair(tail, j) for j in range(len(tail))], dtype=np.float64)
    return BALANCED_CUT_COST * parted[starts] if len(starts) else np.zeros(0)


# A report opening with a dispatch lead-in prints no byline under its headline (`tail_blocks.
# LEAD_IN_BYLINE_COST`), so a line read as names alone (`tail_blocks.soft_byline`) that the
# alignment left out of every block right under such a report's block is a head line: that
# block's last line or the next block's first, whichever it forms a balanced pair with
# (`tier_cues.balanced_pair`; not with the line under it where that one opens a pair of its
# own, `closes_balanced_pair`). Simulated raw TRAIN pages 40, 141 (`委大力` / `吸引外资`), 177
# (`加两大` / `银行合并`): the next headline's first line, left out, so that headline lost it;
# pages 3 and 102 (`小品增加` / `明星齐全`): the block's own second line. Of the 8 such lines
# on TRAIN raw pages 1-300, 7 are gold head lines (5 balanced with the right neighbour, 2 with
# neither) and 1 a byline (balanced with neither: left out, as before); PyMuPDF alike (page 300
# too: `衡南出` / `土五代窑`). None on dev 1-40. headline_acc TRAIN raw 1-40 / 41-300 0.7949 /
# 0.8045 -> 0.8013 / 0.8063, PyMuPDF 0.7949 / 0.8017 -> 0.8013 / 0.8040; sim VAL raw 41-120
# 0.7917 -> 0.7949, PyMuPDF 0.7997 -> 0.8029 (1-40 unchanged); nothing else moves.
ADOPT_NAMES_LINES = True  # switch (tests)
ADOPTED_REASON: Final = "head:names_line_under_report_block"


def names_line_side(tail: list[Line], k: int, next_opens: bool) -> int:
    """Where the names line tail[k], under a report's block ending at k, goes: -1 to that
    block (a balanced pair with the line above), 1 to the next block (`next_opens`: it opens
    at k + 1; a balanced pair with the line under it, which opens no pair of its own), 0 to
    neither."""
    line = tail[k].text
    if tail[k - 1].kind in _TIER_KINDS and balanced_pair(tail[k - 1].text, line):
        return -1
    if (next_opens and tail[k + 1].kind in _TIER_KINDS and len(strip_ws(line)) >= MIN_PAIR_CHARS
            and balanced_pair(line, tail[k + 1].text) and not closes_balanced_pair(tail, k + 2)):
        return 1
    return 0


def adopt_names_lines(segments: list[tuple[int, int, int]], tail: list[Line],
                      lead_in: list[bool]) -> tuple[list[tuple[int, int, int]], list[int]]:
    """The segments (candidate, first tail line, block end) with each names line
    (`tail_blocks.soft_byline`) left out of every block right under a block aligned with a
    lead-in segment (`lead_in`, per segment) given to a neighbouring block (`names_line_side`),
    and the tail lines so given (ADOPT_NAMES_LINES)."""
    out = list(segments)
    adopted: list[int] = []
    if not ADOPT_NAMES_LINES:
        return out, adopted
    for i, (c, a, k) in enumerate(segments):
        if k == a or not lead_in[i] or k >= len(tail) or not soft_byline(tail, k):
            continue
        nxt = next((n for n in range(i + 1, len(out)) if out[n][2] > out[n][1]), None)
        if nxt is not None and out[nxt][1] <= k:
            continue  # the line is in the next block
        side = names_line_side(tail, k, nxt is not None and out[nxt][1] == k + 1)
        if side < 0:
            out[i] = (c, a, k + 1)
        elif side > 0 and nxt is not None:
            out[nxt] = (out[nxt][0], k, out[nxt][2])
        if side:
            adopted.append(k)
    return out, adopted
