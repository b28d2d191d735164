"""A byline printed in one pdftotext text block with a report's opening is that report's
(`near_bylines.bylines_over_openings`): made-up pages, an 11 em column, blank lines between
text blocks."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGES = ["　　城东新建的三座桥梁已", "于上月底全部通车，附近", "居民出行时间缩短了一半。", "新桥通车以后，沿线的学",
           "校和医院也因此受益。"]
# Sim TRAIN pdftotext page 222: a head block closed by an interleaved headline's byline, a blank
# line, then the report's own byline run on into its opening.
PAGE = ["湿地公园迎来候鸟", "", *BIRDS, "", "城东三座桥梁通车", "赵文", "", "本报记者王明", *BRIDGES]


def articles(lines: list[str]):
    page = parse_text("\n".join(lines), entities=False)[0]
    return page, {"".join(a.paragraphs)[:4]: a.byline for a in page.articles}


def test_byline_run_on_into_the_opening_is_the_reports():
    page, got = articles(PAGE)
    assert got["城东新建"] == "本报记者王明"
    assert any(u.text == "赵文" for u in page.unassigned)


@pytest.mark.pure_python
def test_the_rule_off_keeps_the_head_blocks_byline(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "bylines_over_openings", lambda page: None)
    monkeypatch.setattr(headlines_stage, "bylines_run_on_into_text", lambda page: None)  # it takes this line too
    assert articles(PAGE)[1]["城东新建"] == "赵文"


MARKET = ["　　西城农贸市场改造工程", "昨天完工，新市场设摊位", "三百多个，菜价保持平稳。", "市场管理方表示，今后将",
          "延长营业时间。"]
# Sim TRAIN pdftotext page 38: a headline whose report is printed elsewhere, a blank line, then
# a byline opening a text block with another report's first paragraph.
BLOCK = [*BRIDGES, "", "湿地公园迎来候鸟", "", *BIRDS, "", "城东三座桥梁通车", "", "王明", *MARKET]


def test_byline_opening_a_text_block_goes_to_the_paragraph_under_it():
    """`bylines_run_on_into_text`: the head block's article (by its words, the bridges report)
    does not keep the byline printed in one block with the market report's opening."""
    got = articles(BLOCK)[1]
    assert got["西城农贸"] == "王明"
    assert got["城东新建"] is None


@pytest.mark.pure_python
def test_the_run_on_rule_off_leaves_the_byline_with_the_head_block(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "bylines_run_on_into_text", lambda page: None)
    assert articles(BLOCK)[1]["西城农贸"] != "王明"
