"""Column chains: a thread whose two columns pdftotext printed side by side, block by block, is
read back column after column (`column_chains.split_columns_back`)."""
from __future__ import annotations

from banmian.column_chains import best_split, split_columns_back
from banmian.model import Fragment, Line


def _fragment(n: int, start: str, end: str, order: int) -> Fragment:
    texts = ["　　江畔新建的码头今日开工，" if start == "indent" else "工人们"] + ["沿岸栽种树木绿化堤坝"] * (n - 1)
    if end == "open":
        texts[-1] = "施工队伍分成三个"
    return Fragment(lines=[Line(no=10 * order + k, raw=t, text=t) for k, t in enumerate(texts)],
                    start=start, end=end, order=order)


def _printed_side_by_side(right_top: int = 5):
    """Left column L1 (lines 0-4) L2 (4-9, stops mid-sentence), right column R1 (0-5, goes on
    with L2's sentence) R2 (5-9): pdftotext prints L1, then R1 (beside L2 by one line only: a
    paragraph gap's shift), then L2, then R2 (beside L2): 9 lines a column. `right_top`: R1's
    lines (R2 takes the rest of the 9)."""
    l1 = _fragment(4, "indent", "closed", 0)
    r1 = _fragment(right_top, "open", "closed", 1)
    l2 = _fragment(5, "indent", "open", 2)
    r2 = _fragment(9 - right_top, "indent", "closed", 3)
    return l1, r1, l2, r2


def test_two_columns_printed_side_by_side_are_read_one_after_the_other():
    l1, r1, l2, r2 = _printed_side_by_side()
    frags = [l1, r1, l2, r2]
    assert split_columns_back(frags)
    assert [f.order for f in frags] == [0, 2, 1, 3]
    assert l2.first.reasons[-1] == "column_chains:after_line_3"
    assert r1.first.reasons[-1] == "column_chains:after_line_24"
    assert l2.first.para_start and not r1.first.para_start


def test_unbalanced_columns_stay_in_input_order():
    l1, r1, l2, r2 = _printed_side_by_side()
    r2.lines = r2.lines + r2.lines  # the right column now holds 13 lines to the left's 9
    assert best_split([l1, r1, l2, r2]) is None


def test_a_right_piece_printed_before_the_left_piece_beside_it_is_no_column_of_it():
    """pdftotext prints the left of two blocks that share a height first: R1 (lines 0-7) printed
    before L2 (4-9), which stands beside it by three lines, is not the right column of L1 L2."""
    assert best_split(list(_printed_side_by_side(right_top=7))) is None
