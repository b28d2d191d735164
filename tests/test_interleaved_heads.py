"""headlines: a neighbour's one-line headline printed between the two lines of a broken
headline (pdftotext reads side-by-side heads by height) leaves that headline's block
(`interleaved_head_lines`). Made-up page."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.head_slots import interleaved_head_lines

# `桥` / `梁` break the word `桥梁`; the line between continues neither.
PAGE = """城东新建三座跨河桥
年货市场供应充足
梁全部建成通车

本报讯 城东新建的三座
跨河桥梁已于上月底全部建
成通车，附近居民到市中心
的出行时间缩短了一半。三
座桥梁总长一千二百米，由
市政工程公司承建。

  市交通局负责人说，三座
桥梁通车后，城东片区的交
通拥堵将得到缓解。

本报讯 春节临近，市区各
大商场年货供应充足，年货
市场的品种比去年增加了三
成。市商务局要求各商场做
好节日市场保供工作。
"""


def head(text: str, no: int) -> Line:
    return Line(no=no, raw=text, text=text, kind="head")


def bridge_head() -> tuple[str | None, str | None]:
    page = parse_text(PAGE, entities=False)[0]
    art = next(a for a in page.articles if a.paragraphs[0].startswith("城东新建的三座"))
    return art.kicker, art.headline


def test_the_line_between_a_broken_headline_leaves_its_block():
    a, x, b = head("城东新建三座跨河桥", 1), head("年货市场供应充足", 2), head("梁全部建成通车", 3)
    assert [[ln.text for ln in blk] for blk in interleaved_head_lines([[a, x, b]])] == [
        ["城东新建三座跨河桥", "梁全部建成通车"], ["年货市场供应充足"]]


def test_a_line_continuing_the_one_above_stays():
    # `跨河桥` / `梁全部建成通车` / `年货市场供应充足`: the second line continues the first
    a, b, x = head("城东新建三座跨河桥", 1), head("梁全部建成通车", 2), head("年货市场供应充足", 3)
    assert len(interleaved_head_lines([[a, b, x]])) == 1


def test_the_broken_headline_is_read_whole():
    assert bridge_head() == (None, "城东新建三座跨河桥 梁全部建成通车")


@pytest.mark.pure_python
def test_the_rule_off_reads_the_neighbours_line_into_the_headline(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "INTERLEAVED_LINES", False)
    assert bridge_head() != (None, "城东新建三座跨河桥 梁全部建成通车")


def test_a_neighbours_two_line_headline_between_leaves_as_one_block():
    a, x1, x2, b = (head("城东新建三座跨河桥", 1), head("湖滨湿地公园", 2), head("迎来候鸟", 3),
                    head("梁全部建成通车", 4))
    assert [[ln.text for ln in blk] for blk in interleaved_head_lines([[a, x1, x2, b]])] == [
        ["城东新建三座跨河桥", "梁全部建成通车"], ["湖滨湿地公园", "迎来候鸟"]]


def test_a_sentence_is_no_broken_headline():
    a, x, b = head("市长说，城东新建三座跨河桥", 1), head("年货市场供应充足", 2), head("梁全部建成通车", 3)
    assert len(interleaved_head_lines([[a, x, b]])) == 1


def test_three_slots_heads_printed_row_by_row_are_dealt():
    # the left slot's `跨河桥` / `梁…` read on; the middle and right slots' lines come in turn
    lines = [head("城东新建三座跨河桥", 1), head("湖滨湿地公园", 2), head("年货市场", 3),
             head("梁全部建成通车", 4), head("迎来候鸟", 5), head("供应充足", 6)]
    assert [[ln.text for ln in blk] for blk in interleaved_head_lines([lines])] == [
        ["城东新建三座跨河桥", "梁全部建成通车"], ["湖滨湿地公园", "迎来候鸟"], ["年货市场", "供应充足"]]


@pytest.mark.pure_python
def test_the_deal_off_leaves_the_second_lines_with_the_first_headline(monkeypatch):
    head_slots = importlib.import_module("banmian.head_slots")
    monkeypatch.setattr(head_slots, "DEAL_SECOND_LINES", False)
    lines = [head("城东新建三座跨河桥", 1), head("湖滨湿地公园", 2), head("年货市场", 3),
             head("梁全部建成通车", 4), head("迎来候鸟", 5), head("供应充足", 6)]
    assert [[ln.text for ln in blk] for blk in head_slots.interleaved_head_lines([lines])][0] == [
        "城东新建三座跨河桥", "梁全部建成通车", "迎来候鸟", "供应充足"]
