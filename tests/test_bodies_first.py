"""A dump without blank lines that prints each article's body before its headline block: the
block goes to the article above it (`head_places.prints_bodies_first`)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import FLUSH_BIRDS as BIRDS, FLUSH_BRIDGE as BRIDGE, FLUSH_MARKET as MARKET
from columns_text import flush_lines, heads_by_opening as heads

head_places = importlib.import_module("banmian.head_places")
near_bylines = importlib.import_module("banmian.near_bylines")

# my own made-up articles: the first two headlines share words with their openings, the last not
DUMP = "\n".join([*BRIDGE, "城东三座新桥通车", "本报记者王明华", *BIRDS, "湿地公园迎来候鸟", "本报记者李青",
                  *MARKET, "春日即景", "本报记者赵文"]) + "\n"


def test_each_block_heads_the_article_above_it():
    got = heads(DUMP)
    assert got == {"城东三座": "城东三座新桥通车", "湖滨湿地": "湿地公园迎来候鸟", "老街的早": "春日即景"}


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_last_headline_to_no_article(monkeypatch):
    monkeypatch.setattr(head_places, "prints_bodies_first", lambda *args: False)
    monkeypatch.setattr(head_places, "FRAMED_BODIES_FIRST", False)  # the frame's vote would tell it too
    assert heads(DUMP)["老街的早"] != "春日即景"


# the second report printed without a headline: its byline alone stands after its body
LIBRARY = flush_lines("区图书馆新开的少儿阅览室周末坐满了小读者，管理员每天下午还安排一场故事会。")
NO_HEAD = "\n".join([*BRIDGE, "城东三座新桥通车", "本报记者王明华", *BIRDS, "本报记者李青",
                     *MARKET, "老街早市天不亮就热闹", "本报记者赵文", *LIBRARY, "少儿阅览室坐满小读者",
                     "本报记者孙立"]) + "\n"


def bylines(text: str) -> dict[str, str | None]:
    page = parse_text(text, entities=False)[0]
    return {a.paragraphs[0][:4]: a.byline for a in page.articles}


def test_a_byline_after_a_body_goes_to_the_article_above():
    got = bylines(NO_HEAD)
    assert got["湖滨湿地"] == "本报记者李青" and got["老街的早"] == "本报记者赵文"


@pytest.mark.pure_python
def test_the_rule_off_gives_the_byline_to_the_article_below(monkeypatch):
    monkeypatch.setattr(near_bylines, "bylines_after_bodies", lambda page: False)
    assert bylines(NO_HEAD)["湖滨湿地"] != "本报记者李青"
