"""heads_tail: a block opening on the second line of a headline broken to balance costs
(tail_pairs, made-up tail lines)."""
from __future__ import annotations

from banmian.model import Line


def _tail(texts: list[str]) -> list[Line]:
    return [Line(n, t, t, kind="byline" if t.startswith("本报") else "head") for n, t in enumerate(texts)]


def test_parts_balanced_pair_and_its_guards():
    from banmian.tail_pairs import parts_balanced_pair

    tail = _tail(["洛阳牡丹", "盛开闹新春", "春联喜", "赠小井庄"])
    assert [parts_balanced_pair(tail, j) for j in range(4)] == [False, True, False, True]
    # two short lines (a pen name over a headline), a second line running on by a dash
    assert not parts_balanced_pair(_tail(["文华", "感受", "啤酒节"]), 1)
    assert not parts_balanced_pair(_tail(["北京送书下乡暖农家", "繁花似锦满目春——", "记开发区"]), 1)
    # the first line closes a balanced pair of its own; the second opens one
    assert not parts_balanced_pair(_tail(["围棋赛首轮新", "秀淘汰老将再战", "灾区军民又打响了越冬"]), 2)
    assert not parts_balanced_pair(_tail(["仔细分析起来", "诠释传统文化", "价值的几种观点"]), 1)


def test_a_balanced_two_line_headline_is_not_cut_for_a_word_found_in_the_next_opening():
    """The second line of a balanced pair shares a bigram with the next article's opening and
    none with its own: the block still keeps both lines (BALANCED_CUT_COST), the next article
    taking the two lines after."""
    from banmian.tail_align import Candidate, align

    first = "本报讯 洛阳的牡丹花会今年提前举办，市民赏花的热情很高。" * 4
    second = "本报讯 小井庄的村民收到春联，盛开的笑容挂在脸上，大家说喜事一桩接一桩。" * 3
    tail = _tail(["洛阳牡丹", "盛开闹新春", "春联喜", "赠小井庄"])
    cands = [Candidate(0, 0, 0, 8.0, True, False), Candidate(1, 0, len(first), 8.0, False, False)]
    assert align(cands, first + second, tail) == [(0, 0, 2), (1, 2, 4)]


def _names_tail(texts: list[str], names: int) -> list[Line]:
    """Head lines, line `names` read as a byline for its names alone."""
    from banmian.rules.names import NAMES_REASON

    tail = [Line(n, t, t, kind="head") for n, t in enumerate(texts)]
    tail[names].kind = "byline"
    tail[names].because(NAMES_REASON)
    return tail


def test_a_names_line_left_out_under_a_report_opens_the_next_headline():
    """A names-like line skipped under a lead-in report's block (a report prints no byline)
    is the first line of the next headline when the two are a balanced pair."""
    from banmian.tail_pairs import adopt_names_lines

    tail = _names_tail(["美国电话市场新年起风波", "郑大力", "招商引资"], 1)
    segments, adopted = adopt_names_lines([(0, 0, 1), (1, 2, 3)], tail, [True, False])
    assert segments == [(0, 0, 1), (1, 1, 3)] and adopted == [1]
    # under a segment without a lead-in it may be that article's byline: left out as before
    assert adopt_names_lines([(0, 0, 1), (1, 2, 3)], tail, [False, False]) == ([(0, 0, 1), (1, 2, 3)], [])


def test_a_names_line_left_out_under_a_report_closes_its_own_headline():
    """Balanced with the line above, it is that headline's second line; balanced with neither,
    it stays out."""
    from banmian.tail_pairs import adopt_names_lines

    tail = _names_tail(["小品增加", "明星齐全", "只做不说", "包蕴更多"], 1)
    assert adopt_names_lines([(0, 0, 1), (1, 2, 4)], tail, [True, False]) == ([(0, 0, 2), (1, 2, 4)], [1])
    tail = _names_tail(["德企业对其在华投资感到满意", "周大武", "金正日访问提出"], 1)
    assert adopt_names_lines([(0, 0, 1), (1, 2, 3)], tail, [True, False]) == ([(0, 0, 1), (1, 2, 3)], [])
