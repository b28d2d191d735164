"""headlines: a headline's line cut off a head row at a gutter (`split_head_rows`) and left over
joins the one-line headline its article holds, in the order printed, when the two run about as
many characters (`head_slots.row_part_rejoins`, `head_leftovers.rejoin_row_parts`). Made-up lines."""
from __future__ import annotations

import importlib

import pytest

from banmian.head_slots import row_part_rejoins
from banmian.model import Line
from banmian.pipeline import parse_text


def head(text: str, no: int, part: int = 0) -> Line:
    ln = Line(no=no, raw=text, text=text, kind="head")
    if part:
        ln.because(f"split_head_rows:part_{part}_of_2")
    return ln


def test_a_cut_row_part_as_long_as_the_held_line_rejoins_it():
    assert row_part_rejoins([head("进蔚然成风", 9)], [head("湖州学先", 1, 2)])


def test_no_rejoin_without_a_cut_row_or_with_lines_of_unlike_length():
    assert not row_part_rejoins([head("进蔚然成风", 9)], [head("湖州学先", 1)])
    assert not row_part_rejoins([head("全国政协委员人选建议名单作说明", 9)], [head("最好的祝", 1, 1)])


def test_no_rejoin_with_a_dash_subtitle_or_a_block_of_two_lines():
    assert not row_part_rejoins([head("——蔚然成风", 9)], [head("湖州学先", 1, 2)])
    assert not row_part_rejoins([head("进蔚然成风", 9), head("全市学习", 10)], [head("湖州学先", 1, 2)])


# Two slots' headlines side by side in one row; the right one's second line printed over its
# report further down, its first line (the row's right part) left over.
PAGE = """
民政部慰问       湖州学先
驻京部队和武警
本报北京一月二十一日讯
新春佳节即将来临。民政部
负责人今天分别走访慰问驻京
部队和武警总部，送去节日的
问候。

进蔚然成风

本报讯 湖州市各界群众开
展学先进活动，涌现出一批先
进集体和先进个人。市委号召
全市向他们学习，蔚然成风。
"""


def heads() -> list[str | None]:
    return [a.headline for a in parse_text(PAGE, entities=False)[0].articles]


def test_the_left_over_part_rejoins_its_headline():
    assert heads() == ["民政部慰问 驻京部队和武警", "湖州学先 进蔚然成风"]


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_part_over(monkeypatch):
    head_leftovers = importlib.import_module("banmian.head_leftovers")
    monkeypatch.setattr(head_leftovers, "ROW_PARTS_REJOINED", False)
    assert heads() == ["民政部慰问 驻京部队和武警", "进蔚然成风"]
