"""Heads tail: a block shape holding two articles' headline units pays for it (`two_units_costs`).

The tail alignment (`tail_align.align`) runs two articles' blocks together into one, over one
segment, where the second article's words recur in the first's opening and rest nearly as well as
in its own (its opening at a plain paragraph start, `tail_align.PAST_PARAGRAPH_WEIGHT` and
`REST_WEIGHT`): the merged block then saves a UNIT_COST and pays only its extra lines. The words
cannot tell such a block from one article's block with a subtitle taken from a later paragraph
(clipping a lower line's search at the first later paragraph start that holds its words read
271 one-article lines for 33 lines of a second article on set T, below, and lost body text).
Two shapes can: a block holds one headline broken to balance over two lines, never two
(`holds_two_pairs`), and closes on one byline, never on a second under a first (`inner_byline`).
A block shape holding either pays its cost, and the first line of a block the cost cut off gets
a reason (`mark_two_unit_cuts`).

Set T: 300 simulated pages drawing every headline after the bodies (pagesim draw order heads_end,
TRAIN's corpus dates 1998-01-21..26, seed rawtail-T; /tmp/rawtail2/simT), used for tuning.
"""
from __future__ import annotations

from typing import Final

import numpy as np

from banmian.model import Line
from banmian.rules.chars import strip_ws
from banmian.rules.names import split_names
from banmian.tail_blocks import soft_byline
from banmian.tail_pairs import MIN_PAIR_CHARS
from banmian.tier_cues import balanced_pair

_TIER_KINDS: Final = ("head", "body")  # a tail's head lines, or head lines read as body
# A headline block holds one headline broken to balance over two lines (`tier_cues.balanced_pair`),
# never two: a block holding two such pairs, one under the other, is two articles' blocks run
# together, the second article then read on as the first's (simulated raw heads-last pages:
# `如何看待美` / `国“新经济”` / `美国经济增` / `长特点和成因` / a byline, `美总统再` / `次否认绯闻` /
# `埃及将增加苏伊` / `士运河通航能力`). On set T 9 aligned blocks held two pairs, all of two gold
# articles; none of 2108 one-article blocks did. Such a block shape pays TWO_PAIRS_COST.
TWO_PAIRS_COST: Final = 3.0
TWO_PAIRS_REASON: Final = "article_start:heads_tail_second_balanced_pair"
# A headline block closes on one byline: a names line reading as one full name (`rules.names.
# split_names`), read as a byline for its names alone (`tail_blocks.soft_byline`), under a head
# line of the block and over another, in a block that closes on a byline, is the first article's
# byline inside two articles' blocks run together (set T: `东亚金融` / `风暴及影响` / `谷源洋` /
# `重新审视经济全球化` / `在这个过程中` / `朱民`; `智慧资本呼风唤雨` / `田溯宁` / `绿色的呼唤` /
# `本报记者何黄彪`). A soft names line pays only `tail_blocks.SOFT_RUN_ON_COST` to be run past;
# such a block pays TWO_BYLINES_COST more. On set T 5 aligned blocks had that shape, all of two
# gold articles; a names line opening the block is left out (`王振昌` / `小康功臣` / `王伟张玉琛`,
# one headline), as are lines no full name (`过年`, `元旦从`, `啤酒节` over a subtitle: one
# article's). Raw body on set T 3 and 6 alike.
TWO_BYLINES_COST: Final = 3.0
TWO_BYLINES_REASON: Final = "article_start:heads_tail_second_byline"


def pair_starts(tail: list[Line]) -> list[bool]:
    """pair[k]: tail lines k and k + 1 are head lines (or read as body) of at least
    MIN_PAIR_CHARS characters broken to balance (`tier_cues.balanced_pair`)."""
    return [k + 1 < len(tail) and tail[k].kind in _TIER_KINDS and tail[k + 1].kind in _TIER_KINDS
            and len(strip_ws(tail[k].text)) >= MIN_PAIR_CHARS and balanced_pair(tail[k].text, tail[k + 1].text)
            for k in range(len(tail))]


def holds_two_pairs(pair: list[bool], start: int, end: int) -> bool:
    """Block tail[start:end] holds two balanced pairs (`pair_starts`), the second under the first."""
    ks = [k for k in range(start, end - 1) if pair[k]]
    return bool(ks) and any(k >= ks[0] + 2 for k in ks)


def inner_byline(tail: list[Line], k: int) -> bool:
    """Tail line k is a soft names line (`tail_blocks.soft_byline`) reading as one full name, with
    a head line (or one read as body) under it: a byline that may close a block there."""
    if k + 1 >= len(tail) or tail[k + 1].kind not in _TIER_KINDS or not soft_byline(tail, k):
        return False
    names = split_names(strip_ws(tail[k].text))
    return names is not None and len(names) == 1


def holds_two_bylines(inner: list[bool], tail: list[Line], start: int, end: int) -> bool:
    """Block tail[start:end] closes on a byline line and holds an `inner_byline` under its first line."""
    return tail[end - 1].kind == "byline" and any(inner[start + 1:end - 1])


def two_units_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """TWO_PAIRS_COST for each block shape holding two balanced pairs (`holds_two_pairs`), and
    TWO_BYLINES_COST for each holding two bylines (`holds_two_bylines`)."""
    pair = pair_starts(tail)
    inner = [inner_byline(tail, k) for k in range(len(tail))]
    if not any(pair) and not any(inner):
        return np.zeros(len(starts))
    return np.array([TWO_PAIRS_COST * holds_two_pairs(pair, j, j + size)
                     + TWO_BYLINES_COST * holds_two_bylines(inner, tail, j, j + size)
                     for j, size in zip(starts.tolist(), sizes.tolist())], dtype=np.float64)


def two_units_in_play(tail: list[Line]) -> bool:
    """The tail holds a shape `two_units_costs` charges: the costs may tell on its alignment."""
    return holds_two_pairs(pair_starts(tail), 0, len(tail)) or any(
        inner_byline(tail, k) and any(ln.kind == "byline" for ln in tail[k + 2:]) for k in range(1, len(tail)))


def mark_two_unit_cuts(segments: list[tuple[int, int, int]], without: list[tuple[int, int, int]], tail: list[Line]) -> None:
    """Record TWO_PAIRS_REASON or TWO_BYLINES_REASON on the first line of each aligned block
    (`segments`) that opens inside a block of the alignment made without the costs (`without`)
    holding that shape: the cuts the costs made."""
    pair = pair_starts(tail)
    inner = [inner_byline(tail, k) for k in range(len(tail))]
    old = {a for _, a, b in without if b > a}
    for _, a, b in segments:
        if b <= a or a in old:
            continue
        for _, a0, b0 in without:
            if a0 < a < b0:
                if holds_two_pairs(pair, a0, b0):
                    tail[a].because(TWO_PAIRS_REASON)
                if holds_two_bylines(inner, tail, a0, b0):
                    tail[a].because(TWO_BYLINES_REASON)
