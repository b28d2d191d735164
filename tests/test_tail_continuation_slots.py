"""A page printing every headline after all the bodies prints a continued piece's continuation
note (上接) among the headlines, in that piece's place: the note holds the piece's slot, and the
piece gets no headline (`heads_tail.CONTINUATION_SLOTS`)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import flush_lines

heads_tail_stage = importlib.import_module("banmian.stages.heads_tail")

# my own made-up articles
BRIDGE = flush_lines("本报讯城东三座新桥上月底全部通车，附近居民出行时间缩短了一半，沿线学校和医院也因此受益。")
REST = flush_lines("这些新桥都按八级抗震设计，桥面还留出了自行车道，市民骑车过江只要十分钟。")
BIRDS = flush_lines("本报讯湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种，园方新设了两处观鸟台。")
MARKET = flush_lines("本报讯老街的早市天不亮就热闹起来，菜农挑着刚摘的青菜赶来，买菜的人排起了长队。")
DUMP = "\n".join([*BRIDGE, "（下转第四版）", *REST, *BIRDS, *MARKET,
                  "城东三座新桥", "上月底全部通车", "（上接第三版）", "湿地公园今春", "迎来二十多种候鸟",
                  "老街早市天不亮", "就热闹起来"]) + "\n"


def heads(text: str) -> dict[str, str | None]:
    page = parse_text(text, entities=False)[0]
    return {"".join(a.paragraphs)[:6]: a.headline for a in page.articles}


def test_the_continued_piece_takes_no_headline_and_the_next_article_its_own():
    got = heads(DUMP)
    assert got.get("这些新桥都按") is None
    assert got.get("湖滨湿地公园") == "湿地公园今春 迎来二十多种候鸟"


@pytest.mark.pure_python
def test_the_rule_off_gives_the_piece_the_next_headline(monkeypatch):
    monkeypatch.setattr(heads_tail_stage, "CONTINUATION_SLOTS", False)
    got = heads(DUMP)
    assert got.get("这些新桥都按") is not None or got.get("湖滨湿地公园") != "湿地公园今春 迎来二十多种候鸟"
