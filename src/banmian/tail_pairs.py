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
