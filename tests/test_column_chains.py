"""Column chains: a thread whose two columns pdftotext printed side by side, block by block, is
read back column after column (`column_chains.split_columns_back`)."""
from __future__ import annotations

from banmian.column_chains import best_split, best_three_split, printed_by_tops, side_by_side, split_columns_back
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


def test_a_right_piece_standing_higher_may_be_printed_before_the_left_piece_beside_it():
    """pdftotext sorts blocks by height only roughly: R1 (lines 0-7) may be printed before L2
    (4-9) though the two share three lines, its top standing higher (`printed_by_tops`)."""
    l1, r1, l2, r2 = frags = list(_printed_side_by_side(right_top=7))
    assert split_columns_back(frags)
    assert frags == [l1, l2, r1, r2]


def test_a_right_piece_printed_before_a_left_one_standing_higher_is_no_column_of_it():
    """Left L1 (lines 0-2) L2 (2-12), right R1 (0-4) R2 (4-12), printed L1 R1 R2 L2: R2 printed
    before L2 though L2's top stands two lines higher."""
    l1 = _fragment(2, "indent", "closed", 0)
    r1 = _fragment(4, "open", "closed", 1)
    r2 = _fragment(8, "indent", "open", 2)
    l2 = _fragment(10, "indent", "open", 3)
    _assert_left_as_printed([l1, r1, r2, l2])


def test_a_piece_printed_before_the_left_piece_level_with_it_is_no_column_of_it():
    """A (3 lines, stops mid-sentence) B (5, starts mid-sentence after a finished sentence) C (5,
    starts mid-sentence) D (11): read as columns A C | B D, B would be a right piece printed
    before C standing level with it; pdftotext prints the left of two level blocks
    first, so the thread stays as printed."""
    a = _fragment(3, "indent", "open", 0)
    b = _fragment(5, "open", "closed", 1)
    c = _fragment(5, "open", "open", 2)
    d = _fragment(11, "indent", "closed", 3)
    _assert_left_as_printed([a, b, c, d])


def _assert_left_as_printed(frags):
    """No split by the pieces' tops: the thread stays in input order."""
    printed = list(frags)
    assert best_split(frags, printed_by_tops) is None
    assert not split_columns_back(frags)
    assert frags == printed


def _renumbered(frags, orders):
    for f, order in zip(frags, orders):
        f.order = order
    return list(frags)


def test_two_columns_with_pieces_of_other_articles_printed_amid_them_stay_in_input_order():
    """pdftotext prints two columns of one article side by side one block after another: two
    pieces of other threads printed between R1 and L2 tell these are no such columns."""
    frags = _renumbered(_printed_side_by_side(), [0, 1, 4, 5])
    assert best_split(frags) is None
    assert not split_columns_back(frags)


def test_two_columns_with_one_piece_of_another_thread_printed_amid_them_are_read_back():
    """One piece printed amid the columns (a piece of the article gone to another thread)."""
    frags = _renumbered(_printed_side_by_side(), [0, 1, 3, 4])
    assert split_columns_back(frags)
    assert [f.order for f in frags] == [0, 3, 1, 4]


def _three_columns():
    """Three columns of 14 lines, each a 10-line piece over a 4-line one, printed (as pdftotext
    did on a simulated page) A1 B1 A2 C1 B2 C2: each column's top beside the others', the first
    column's bottom before the third's top, the second's bottom before the third's."""
    a1 = _fragment(10, "indent", "closed", 0)
    b1 = _fragment(10, "open", "closed", 1)
    a2 = _fragment(4, "indent", "open", 2)
    c1 = _fragment(10, "open", "closed", 3)
    b2 = _fragment(4, "indent", "open", 4)
    c2 = _fragment(4, "indent", "closed", 5)
    return a1, b1, a2, c1, b2, c2


def test_three_columns_printed_side_by_side_are_read_one_after_the_other():
    a1, b1, a2, c1, b2, c2 = pieces = _three_columns()
    frags = list(pieces)
    assert best_split(frags) is None
    assert split_columns_back(frags)
    assert frags == [a1, a2, b1, b2, c1, c2]
    assert b1.first.reasons[-1] == f"column_chains:after_line_{a2.last.no}"


def test_three_unbalanced_columns_stay_in_input_order():
    a1, b1, a2, c1, b2, c2 = pieces = _three_columns()
    c1.lines = c1.lines + c1.lines  # the third column now holds 24 lines to the second's 14
    assert best_three_split(list(pieces)) is None


def test_a_first_chain_whose_last_piece_was_printed_before_the_second_is_no_pair():
    """A chain is in reading order: its last piece may have been printed before the second
    chain's first though an earlier piece of it came after. Nothing of the second chain was
    printed before that last piece, so the two stand no side by side (this raised ValueError)."""
    a = _fragment(4, "indent", "open", 3)
    b = _fragment(4, "open", "closed", 0)
    c = _fragment(4, "indent", "closed", 1)
    assert side_by_side([a, b], [c]) is False
