"""A dump without blank lines that prints each body before its headline block, told so by the
page's frame and every block's vote where the vote of the blocks between two articles falls short
(`head_places.framed_bodies_first`), and a headline broken over full lines holding headline marks
only (`unpunctuated_heads._headline_marked_full_line`)."""
from __future__ import annotations

import importlib

import pytest

from columns_text import FLUSH_BIRDS as BIRDS, FLUSH_BRIDGE as BRIDGE, FLUSH_MARKET as MARKET
from columns_text import column_lines, flush_lines, heads_by_opening as heads, kinds_of

head_places = importlib.import_module("banmian.head_places")
unpunctuated_heads = importlib.import_module("banmian.unpunctuated_heads")

# my own made-up articles; the second headline names the third article's subject as well as its own
CHOIR = flush_lines("社区合唱团每周三晚上排练，团员多是退休教师，这个月要去敬老院演出。")
DUMP = "\n".join([*BRIDGE, "城东三座新桥通车", "本报记者王明华", *CHOIR, "歌声飘进湿地公园", "本报记者周雪",
                  *BIRDS, "湿地公园迎来候鸟", "本报记者李青", *MARKET, "老街早市菜农赶早", "本报记者赵文"]) + "\n"


def test_the_framed_page_gives_each_block_to_the_article_above():
    got = heads(DUMP)
    assert got["社区合唱"] == "歌声飘进湿地公园" and got["湖滨湿地"] == "湿地公园迎来候鸟"


@pytest.mark.pure_python
def test_the_rule_off_gives_the_block_to_the_article_below(monkeypatch):
    monkeypatch.setattr(head_places, "FRAMED_BODIES_FIRST", False)
    assert heads(DUMP)["社区合唱"] != "歌声飘进湿地公园"


# a two-line headline holding quotes, printed after its article's last sentence, over the next
# article's indented opening
QUOTED = "\n".join([*flush_lines("城东三座新桥上月底全部通车，附近居民出行时间缩短了一半。"),
                    "城东新桥上月底通车居民",
                    "说“出门方便多了”今年",
                    *column_lines("湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种。", width=11, indent=2)]) + "\n"


def test_a_run_of_full_lines_with_headline_marks_only_is_a_headline():
    got = kinds_of(QUOTED)
    assert got["城东新桥上月底通车居民"] == "head" and got["说“出门方便多了”今年"] == "head"


@pytest.mark.pure_python
def test_the_marked_run_rule_off_leaves_the_lines_body(monkeypatch):
    monkeypatch.setattr(unpunctuated_heads, "HEADLINE_MARKED_RUNS", False)
    assert kinds_of(QUOTED)["说“出门方便多了”今年"] == "body"
