"""Reorder: a column's last lines that pdftotext printed before the column they finish go
after it (`reorder.early_pairs`)."""
from __future__ import annotations

import importlib

from banmian.language import break_cuts_word
from banmian.model import Fragment, Line

reorder_module = importlib.import_module("banmian.stages.reorder")


def _fragment(texts: list[str], start: str, end: str, order: int) -> Fragment:
    return Fragment(lines=[Line(no=order, raw=t, text=t) for t in texts], start=start, end=end, order=order)


def _Thread(fragments):
    from banmian.stages.reassemble import Thread

    return Thread(fragments=fragments)


def _drain_page():
    """A drainage report whose column ends `…已经具` and whose last line `备完善的应急预案。`
    was printed early, after a closed paragraph of a market report."""
    market = _fragment(["菜价本周小幅回落，", "市民采购热情不减。"], "indent", "closed", 0)
    early = _fragment(["备完善的应急预案。"], "open", "closed", 1)
    drain = _fragment(["今年汛期到来之前，", "城市的排水系统已经具"], "indent", "open", 2)
    return market, early, drain


def test_the_break_must_cut_a_word_not_pair_two():
    assert break_cuts_word("城市的排水系统已经具", "备完善的应急预案。") == "具备"
    assert break_cuts_word("村民们都赶来观", "看这场演出。") == "观看"
    # `精致` spans the break, but `致辞` is the fragment's own first word
    assert break_cuts_word("坚持学习党的精", "致辞表示感谢。") is None
    assert break_cuts_word("他们在河边种下柳", "树苗和花草。") is None


def test_a_last_line_printed_early_goes_after_the_column_it_finishes():
    market, early, drain = _drain_page()
    threads = [_Thread([market, early]), _Thread([drain])]
    out = reorder_module.reorder_threads([market, early, drain], threads)
    assert [t.fragments for t in out] == [[market], [drain, early]]
    assert early.first.reasons[-1] == "reorder:after_line_2:printed_early:具备"
    assert not early.first.para_start


def test_an_early_fragment_that_opens_a_thread_takes_its_thread_along():
    market, early, drain = _drain_page()
    more = _fragment(["防汛物资也已备齐。"], "indent", "closed", 3)
    threads = [_Thread([market]), _Thread([early, more]), _Thread([drain])]
    out = reorder_module.reorder_threads([market, early, drain, more], threads)
    assert [t.fragments for t in out] == [[market], [drain, early, more]]


def test_no_move_without_the_pattern():
    market, early, drain = _drain_page()
    frags = [market, early, drain]
    assert reorder_module.early_pairs(frags, [_Thread([market, early]), _Thread([drain])]) == [(drain, early, "具备")]
    # the open fragment printed before: the beam's own choice, not a continuation printed early
    first = _fragment(["今年汛期到来之前，", "城市的排水系统已经具"], "indent", "open", 0)
    late = _fragment(["备完善的应急预案。"], "open", "closed", 2)
    closed = _fragment(["菜价本周小幅回落。"], "indent", "closed", 1)
    assert reorder_module.early_pairs([first, closed, late], [_Thread([first]), _Thread([closed, late])]) == []
    # the open fragment's sentence already goes on in its thread
    on = _fragment(["备用泵站也已调试。"], "open", "closed", 3)
    assert reorder_module.early_pairs(frags + [on], [_Thread([market, early]), _Thread([drain, on])]) == []
    # the early fragment already reads on from the fragment before it
    open_before = _fragment(["菜价本周小幅回落，市民采"], "indent", "open", 0)
    assert reorder_module.early_pairs([open_before, early, drain],
                                      [_Thread([open_before, early]), _Thread([drain])]) == []
    # more lines than a column's last lines
    lines = ["备完善的应急预案。"] + ["各街道成立了抢险队伍。"] * reorder_module.EARLY_MAX_LINES
    long = _fragment(lines, "open", "closed", 1)
    assert reorder_module.early_pairs([market, long, drain], [_Thread([market, long]), _Thread([drain])]) == []


def test_two_candidates_leave_the_fragment_where_it_is():
    market, early, drain = _drain_page()
    rival = _fragment(["新建的泵站已经具"], "indent", "open", 3)
    threads = [_Thread([market, early]), _Thread([drain]), _Thread([rival])]
    assert reorder_module.early_pairs([market, early, drain, rival], threads) == []
