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
