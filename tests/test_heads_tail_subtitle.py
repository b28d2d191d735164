"""heads_tail: a subtitle's dash line closes its headline block (made-up tail lines)."""
from __future__ import annotations

from banmian.model import Line


def _shapes(texts: list[tuple[str, str]]) -> set[tuple[int, int]]:
    from banmian.tail_blocks import block_shapes

    tail = [Line(n, t, t, kind=k) for n, (t, k) in enumerate(texts)]
    starts, sizes = block_shapes(tail)
    return set(zip(starts.tolist(), sizes.tolist()))


def test_no_block_runs_on_past_a_subtitle_into_the_next_headline():
    """Under a line opening with a subtitle's dash only its block's byline may follow: the head
    line under it is the next article's headline, which opens a block of its own."""
    shapes = _shapes([("把春运办好", "head"), ("——铁路部门的经验", "head"), ("加开旅客列车", "head"),
                      ("郊区农民种植蔬菜大棚", "head")])
    assert (0, 2) in shapes and (0, 3) not in shapes and (0, 4) not in shapes
    assert (2, 1) in shapes and (2, 2) in shapes


def test_a_byline_or_a_speech_date_under_a_subtitle_stays_in_its_block():
    shapes = _shapes([("把春运办好", "head"), ("——铁路部门的经验", "head"), ("本报记者王大明", "byline"),
                      ("迈向新的一年", "head"), ("——市长的新年讲话", "head"), ("12月31日", "head")])
    assert (0, 3) in shapes and (0, 4) not in shapes
    assert (3, 3) in shapes


def test_a_short_unprinted_line_under_a_balanced_headline_costs_a_block_running_on_to_it():
    """Under a headline broken to balance over two lines, a line the stream does not print,
    no longer than the headline's lines, is the next article's headline: a block holding it
    as its third line pays UNQUOTED_TIER_COST; a printed line, a long line and the tail's last
    line do not."""
    from banmian.tail_blocks import UNQUOTED_TIER_COST, block_shapes, unquoted_tier, unquoted_tier_costs

    text = "市音乐厅去年一共上演了四百多场音乐会。郊区的农民今年种植的蔬菜大棚比去年多了一倍。"
    texts = ["音乐厅上", "演音乐会", "冬菜上市", "本报记者王大明", "春运期间", "铁路加开", "农民今年种植的蔬菜大棚比去年多了一倍",
             "大雪封山", "交通中断", "牧民转场"]
    tail = [Line(n, t, t, kind="byline" if t.startswith("本报") else "head") for n, t in enumerate(texts)]
    assert [unquoted_tier(tail, k, text) for k in range(len(tail))] == [
        False, False, True, False, False, False, False, False, False, False]
    starts, sizes = block_shapes(tail)
    costs = dict(zip(zip(starts.tolist(), sizes.tolist()), unquoted_tier_costs(tail, starts, sizes, text).tolist()))
    assert costs[(0, 2)] == 0 and costs[(0, 3)] == UNQUOTED_TIER_COST and costs[(2, 1)] == 0
    assert costs[(4, 3)] == 0 and costs[(7, 3)] == 0


def test_a_two_line_headline_does_not_take_the_next_articles_unprinted_headline():
    """The third line under a balanced two-line headline, which the stream does not print,
    heads the next article (opening at a plain paragraph start) rather than running on the
    block of the article before."""
    from banmian.tail_align import Candidate, align

    first = "新华社北京1月5日电 市音乐厅去年一共上演了四百多场演出，观众人数创下新纪录。" * 4
    second = "郊区的大棚里冬菜又是丰收，农民说今年的收入比去年多了。" * 3
    tail = [Line(n, t, t, kind="head") for n, t in enumerate(["音乐厅上", "演音乐会", "郊区大棚", "冬菜丰收"])]
    cands = [Candidate(0, 0, 0, 8.0, True, False), Candidate(0, 1, len(first), -4.0, False, False)]
    assert align(cands, first + second, tail) == [(0, 0, 2), (1, 2, 4)]
