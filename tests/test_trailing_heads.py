"""A dump without blank lines that prints a headline after its body may close on a head line as
wide as a column, read as body: after a body stream whose last line closes its text (a sentence's
end, a jump line), such lines are head lines (`tail_find.trailing_heads`); after text cut short
or bracketed (a closing credit) they are not."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import FLUSH_BIRDS as BIRDS, FLUSH_BRIDGE as BRIDGE
from columns_text import flush_lines

heads_tail_stage = importlib.import_module("banmian.stages.heads_tail")

# my own made-up articles, each body before its headline; the last headline is 11 characters,
# as wide as the column
CHOIR = flush_lines("社区合唱团每周三晚上排练，团员多是退休教师，这个月要去敬老院演出。")
LAST_HEAD = "社区合唱团下月进敬老院"
DUMP = "\n".join([*BRIDGE, "城东三座新桥通车", "本报记者王明华", *BIRDS, "湿地公园迎来候鸟", "本报记者周雪",
                  *CHOIR, LAST_HEAD]) + "\n"


def kind_of(text: str, line: str) -> str:
    page = parse_text(text, entities=False)[0]
    return next(ln.kind for ln in page.lines if ln.text.strip() == line)


def test_a_column_wide_line_after_the_last_sentence_is_a_head_line():
    assert kind_of(DUMP, LAST_HEAD) == "head"


def test_not_after_text_cut_short_nor_a_bracketed_credit():
    cut = "\n".join([*BRIDGE, "城东三座新桥通车", *CHOIR[:-1], "这个月要去敬老院演出的", LAST_HEAD]) + "\n"
    assert kind_of(cut, LAST_HEAD) == "body"
    credit = "\n".join([*BRIDGE, "城东三座新桥通车", *CHOIR, "（王明华周雪）"]) + "\n"
    assert kind_of(credit, "（王明华周雪）") != "head"


@pytest.mark.pure_python
def test_the_rule_off_leaves_it_body(monkeypatch):
    monkeypatch.setattr(heads_tail_stage, "TRAILING_HEADS", False)
    assert kind_of(DUMP, LAST_HEAD) == "body"


def test_not_a_line_leading_a_heads_tail():
    """Before a tail of headlines (every headline printed last) such a line may be the rest of a
    text cut short: it is left to the stream."""
    from test_heads_tail import BODIES, HEADS
    text = "\n".join([*BODIES, "与这三个城市的往来也越来", *HEADS]) + "\n"
    page = parse_text(text, entities=False)[0]
    line = next(ln for ln in page.lines if ln.text.strip() == "与这三个城市的往来也越来")
    assert "head:after_closed_stream" not in line.reasons


# my own made-up page printing each body before its headline: a text going on elsewhere (a jump
# line), its two-line headline as wide as the column, then its picture's caption
JUMPED = "\n".join([*flush_lines("城东三座新桥上月底全部通车，附近居民出行时间缩短了一半，沿线学校"),
                    "（下转第四版）", "城东三座新桥上月底通车", "居民出行时间缩短了一半", "图为新桥上的车流。",
                    *CHOIR, "社区合唱团排练忙", "本报记者周雪"]) + "\n"


def test_lines_between_a_jump_line_and_a_caption_are_head_lines():
    assert kind_of(JUMPED, "城东三座新桥上月底通车") == "head"
    assert kind_of(JUMPED, "居民出行时间缩短了一半") == "head"


@pytest.mark.pure_python
def test_the_caption_rule_off_leaves_them_body(monkeypatch):
    monkeypatch.setattr(heads_tail_stage, "HEADS_BEFORE_CAPTIONS", False)
    assert kind_of(JUMPED, "城东三座新桥上月底通车") == "body"
