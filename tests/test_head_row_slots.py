"""headlines: two slots' heads side by side share a row that `split_head_rows` cuts at the gutter;
the line under the row goes with the left part when it reads on from it (`line_under_row_to_its_slot`),
a leftover holding the row's other part never joins the block (`beside_in_a_row`), and a part left
over joins the one-line headline its article holds when the two run about as many characters
(`row_part_rejoins`). Made-up lines."""
from __future__ import annotations

import importlib

import pytest

from banmian.head_bigrams import bigram_keys
from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.head_slots import beside_in_a_row, line_under_row_to_its_slot, row_part_rejoins

OPENINGS = [bigram_keys(t) for t in (
    "民政部负责人今天分别走访慰问驻京部队和武警总部，送去节日的问候。",
    "湖州市各界群众开展学先进活动，涌现出一批先进集体。",
)]


def head(text: str, no: int, part: int = 0) -> Line:
    ln = Line(no=no, raw=text, text=text, kind="head")
    if part:
        ln.because(f"split_head_rows:part_{part}_of_2")
    return ln


def test_the_line_under_a_cut_row_goes_after_the_part_it_reads_on_from():
    p1, p2, n = head("民政部慰问", 5, 1), head("湖州学先", 5, 2), head("驻京部队和武警", 6)
    assert [ln.text for ln in line_under_row_to_its_slot([p1, p2, n], OPENINGS)] == ["民政部慰问", "驻京部队和武警", "湖州学先"]


def test_a_line_reading_on_from_the_right_part_stays_under_it():
    p1, p2, n = head("民政部慰问", 5, 1), head("湖州学先", 5, 2), head("进活动成风", 6)
    assert [ln.text for ln in line_under_row_to_its_slot([p1, p2, n], OPENINGS)] == ["民政部慰问", "湖州学先", "进活动成风"]


def test_the_other_part_of_a_row_is_no_kicker_or_subtitle():
    p1, p2, n = head("民政部慰问", 5, 1), head("湖州学先", 5, 2), head("驻京部队和武警", 6)
    assert beside_in_a_row([p1, n], [p2])
    assert not beside_in_a_row([p1], [n])


# Two slots' headlines side by side, the left one's second line under the row, then its report.
LEFT_SLOT = """
民政部慰问       湖州学先
驻京部队和武警
本报北京一月二十一日讯
新春佳节即将来临。民政部
负责人今天分别走访慰问驻京
部队和武警总部，送去节日的
问候。
"""
RIGHT_REPORT = """本报讯 湖州市各界群众开
展学先进活动，涌现出一批先
进集体和先进个人。市委号召
全市向他们学习{}。
"""
PAGE = LEFT_SLOT + "\n" + RIGHT_REPORT.format("")
# The right headline's second line printed over its report further down, its first line (the
# row's right part) left over (`head_slots.row_part_rejoins`, `head_leftovers.rejoin_row_parts`).
PAGE_PART_BELOW = LEFT_SLOT + "\n进蔚然成风\n\n" + RIGHT_REPORT.format("，蔚然成风")


def heads(page: str = PAGE) -> list[str | None]:
    return [a.headline for a in parse_text(page, entities=False)[0].articles]


def test_each_slot_keeps_its_own_lines():
    assert heads() == ["民政部慰问 驻京部队和武警", "湖州学先"]


@pytest.mark.pure_python
def test_the_rule_off_gives_the_line_to_the_right_slot(monkeypatch):
    head_leftovers = importlib.import_module("banmian.head_leftovers")
    monkeypatch.setattr(head_leftovers, "ROW_SLOTS_APART", False)
    assert heads() != ["民政部慰问 驻京部队和武警", "湖州学先"]


def test_a_cut_row_part_as_long_as_the_held_line_rejoins_it():
    assert row_part_rejoins([head("进蔚然成风", 9)], [head("湖州学先", 1, 2)])


def test_no_rejoin_without_a_cut_row_or_with_lines_of_unlike_length():
    assert not row_part_rejoins([head("进蔚然成风", 9)], [head("湖州学先", 1)])
    assert not row_part_rejoins([head("全国政协委员人选建议名单作说明", 9)], [head("最好的祝", 1, 1)])


def test_no_rejoin_with_a_dash_subtitle_or_a_block_of_two_lines():
    assert not row_part_rejoins([head("——蔚然成风", 9)], [head("湖州学先", 1, 2)])
    assert not row_part_rejoins([head("进蔚然成风", 9), head("全市学习", 10)], [head("湖州学先", 1, 2)])


def test_the_left_over_part_rejoins_its_headline():
    assert heads(PAGE_PART_BELOW) == ["民政部慰问 驻京部队和武警", "湖州学先 进蔚然成风"]


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_part_over(monkeypatch):
    head_leftovers = importlib.import_module("banmian.head_leftovers")
    monkeypatch.setattr(head_leftovers, "ROW_PARTS_REJOINED", False)
    # `rejoin_broken_words` would join them too (`先进` runs across the break): off as well
    monkeypatch.setattr(head_leftovers, "BROKEN_WORDS_REJOINED", False)
    assert heads(PAGE_PART_BELOW) == ["民政部慰问 驻京部队和武警", "进蔚然成风"]


def test_the_line_under_rows_dealt_slot_by_slot_goes_after_the_slot_it_reads_on_from():
    """`line_under_rows_to_its_slot`: the slots' lines stand slot by slot (a first line dealt
    over each part by `split_head_rows`), the line under the row the left slot's third line."""
    from banmian.head_slots import line_under_rows_to_its_slot

    s1, p1 = head("民政部今天", 3, 1), head("分别走访慰问", 5, 1)
    s2, p2 = head("湖州学先", 4, 2), head("进活动成风", 5, 2)
    n = head("驻京部队和武警", 6)
    got = line_under_rows_to_its_slot([s1, p1, s2, p2, n], OPENINGS)
    assert [ln.text for ln in got] == ["民政部今天", "分别走访慰问", "驻京部队和武警", "湖州学先", "进活动成风"]
    s1, p1 = head("民政部今天", 3, 1), head("分别走访慰问", 5, 1)
    s2, p2 = head("湖州学先", 4, 2), head("进活动成风", 5, 2)
    n = head("涌现出一批先进集体", 6)
    got = line_under_rows_to_its_slot([s1, p1, s2, p2, n], OPENINGS)
    assert [ln.text for ln in got] == ["民政部今天", "分别走访慰问", "湖州学先", "进活动成风", "涌现出一批先进集体"]
