"""Thread order: two pieces of a thread that pdftotext printed row by row go back in column
order (`thread_order.swap_printed_late`)."""
from __future__ import annotations

from banmian.model import Fragment, Line
from banmian.thread_order import order_threads, swap_printed_late


def _fragment(texts: list[str], start: str, end: str, order: int) -> Fragment:
    return Fragment(lines=[Line(no=10 * order + k, raw=t, text=t) for k, t in enumerate(texts)],
                    start=start, end=end, order=order)


def _thread(fragments):
    from banmian.stages.reassemble import Thread

    return Thread(fragments=fragments)


def _pieces():
    """A report in two columns, each cut in two by a blank line: the first column's lower piece
    (`b`, a paragraph that stops mid-sentence) was printed after the second column's upper piece
    (`a`, which finishes that sentence)."""
    lead = _fragment(["　　本报讯 全市冬季供暖今日启动，", "各小区室温普遍达标。"], "indent", "closed", 0)
    a = _fragment(["师傅们逐户检查了管道", "和阀门，排除隐患。"], "open", "closed", 1)
    b = _fragment(["　　供热公司组织了维修队，", "挨家挨户上门服务，维修"], "indent", "open", 2)
    tail = _fragment(["　　市民纷纷表示满意。"], "indent", "closed", 3)
    return lead, a, b, tail


def test_a_piece_printed_late_goes_before_the_piece_it_runs_into():
    lead, a, b, tail = _pieces()
    t = _thread([lead, a, b, tail])
    order_threads([t])
    assert t.fragments == [lead, b, a, tail]
    assert b.first.reasons[-1] == "thread_order:after_line_1:breaks_2_0"
    assert a.first.reasons[-1] == "thread_order:after_line_21:breaks_2_0"
    assert b.first.para_start and not a.first.para_start and tail.first.para_start


def test_no_swap_at_the_thread_end():
    """The last piece's open end is more often an article cut short or a piece gone elsewhere."""
    lead, a, b, _ = _pieces()
    frags = [lead, a, b]
    assert swap_printed_late(frags) == 0
    assert frags == [lead, a, b]


def test_no_swap_after_a_fragment_stopping_mid_sentence():
    """The fragment before `a` runs on into it: their join stands."""
    _, a, b, tail = _pieces()
    lead = _fragment(["　　本报讯 全市冬季供暖今日启动，", "维修工人们在各小区"], "indent", "open", 0)
    b.start = "short"  # so that the swap would leave fewer bad breaks but for the join before `a`
    frags = [lead, a, b, tail]
    assert swap_printed_late(frags) == 0


def test_no_swap_when_not_printed_back_to_back_or_no_fewer_bad_breaks():
    lead, a, b, tail = _pieces()
    b.order = 5  # another article's piece printed between them
    frags = [lead, a, b, tail]
    assert swap_printed_late(frags) == 0
    lead, a, b, tail = _pieces()
    tail.start = "open"  # `a` (closed) before an open start would be a bad break too
    b.end = "closed"  # and `b` no longer runs into `a`
    frags = [lead, a, b, tail]
    assert swap_printed_late(frags) == 0
