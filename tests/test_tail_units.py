"""heads_tail: a block shape holding two articles' headline units pays for it (tail_units,
made-up tail lines and text)."""
from __future__ import annotations

from banmian.model import Line

SECOND = "郊区今年的天气很冷，村里的道路也修好了，大家出门方便多了。" * 4


def _aligned_as_two_blocks(first: str, tail: list[Line], reason: str) -> None:
    """With the shape costs on, the four tail lines align as two blocks over the two articles
    (the second opening at a plain paragraph start); without them, as one block over both; the
    second block's first line records `reason`."""
    from banmian.tail_align import Candidate, align
    from banmian.tail_units import mark_two_unit_cuts

    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(0, 1, len(first), -4.0, False, False)]
    segments = align(cands, first + SECOND, tail)
    assert segments == [(0, 0, 2), (1, 2, 4)]
    without = align(cands, first + SECOND, tail, two_units=False)
    assert without == [(0, 0, 4)]
    mark_two_unit_cuts(segments, without, tail)
    assert reason in tail[2].reasons


def test_a_block_holding_two_balanced_pairs_is_two_articles_blocks():
    """Two headlines each broken to balance over two lines (`tier_cues.balanced_pair`) are two
    blocks, not one of four lines (TWO_PAIRS_COST): the second article, opening at a plain
    paragraph start, gets its own segment though its words recur in the first's opening too."""
    from banmian.tail_units import TWO_PAIRS_REASON

    heads = ["音乐厅上演", "四百场音乐会", "天气很冷", "出门方便"]
    tail = [Line(n, t, t, kind="head") for n, t in enumerate(heads)]
    _aligned_as_two_blocks("市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 4, tail, TWO_PAIRS_REASON)


def _tail(heads: list[str], names: int) -> list[Line]:
    """Head lines, line `names` read as a byline for its names alone, the last a byline."""
    from banmian.rules.names import NAMES_REASON

    tail = [Line(n, t, t, kind="head") for n, t in enumerate(heads)]
    tail[names].kind = "byline"
    tail[names].because(NAMES_REASON)
    tail[-1].kind = "byline"
    return tail


def test_a_block_closing_on_a_byline_under_a_full_name_line_is_two_articles_blocks():
    """A names line reading as one full name under a head line and over another, in a block
    that closes on a byline, closes the first article's block (TWO_BYLINES_COST): the second
    article, opening at a plain paragraph start, gets its own segment though its words recur in
    the first's opening and rest too. A line that is no full name (`过年`) is run past as before."""
    from banmian.tail_units import TWO_BYLINES_REASON, inner_byline

    tail = _tail(["音乐厅上演四百场音乐会", "王立新", "郊区天气很冷", "本报记者赵大明"], 1)
    assert [inner_byline(tail, k) for k in range(4)] == [False, True, False, False]
    _aligned_as_two_blocks("市音乐厅去年一共上演了四百多场音乐会，郊区的观众冒着寒冷赶来。" * 4, tail, TWO_BYLINES_REASON)
    assert not inner_byline(_tail(["音乐厅上演四百场音乐会", "过年", "郊区天气很冷", "本报记者赵大明"], 1), 1)
