"""A block of pull quotes alone, away from its article, bids the least for it in the headline
assignment (`head_bids.quote_block_score`): made-up reports in a pdftotext-like dump (blank
lines between text blocks)."""
from __future__ import annotations

import sys

import pytest

from banmian.head_bids import QUOTE_BLOCK_REASON, quote_block_score
from banmian.model import Line
from banmian.pipeline import parse_text

WIDTH = 24  # characters a full line holds


def _para(text: str, indent: bool = True) -> list[str]:
    text = ("　　" if indent else "") + text
    return [text[k:k + WIDTH] for k in range(0, len(text), WIDTH)]


# A pull quote of the first report set large at the top, its headline under it, the report;
# then a second report with no headline of its own that shares a few of the headline's words.
DUMP = "\n".join(
    ["农民收入连年增长令人欣喜", "", "山区集市年货丰富", ""]
    + _para("本报讯 记者李明报道：春节临近，山区各乡镇的集市上年货琳琅满目，"
            "腊肉、糍粑、对联摆满了摊位，前来赶集的村民络绎不绝，农民收入连年增长令人欣喜。")
    + _para("镇上的干部说，今年新修的公路通到了村口，山货运得出去，日子一年比一年好。")
    + [""]
    + _para("本报讯 记者王芳报道：市商务局昨天发布消息，全市年货市场供应充足，"
            "粮油肉蛋菜价格平稳，各大商场延长了营业时间。")
    + _para("商务局提醒市民理性消费，注意食品安全，购买时索要发票。")
    + [""])


def _heads() -> dict[str, tuple[str | None, str | None]]:
    page = parse_text(DUMP)[0]
    return {"".join(a.paragraphs).strip()[:4]: (a.kicker, a.headline) for a in page.articles}


def test_a_quote_block_away_from_its_article_does_not_outbid_its_headline():
    heads = _heads()
    assert heads["春节临近"] == ("农民收入连年增长令人欣喜", "山区集市年货丰富")
    assert heads["市商务局"] == (None, None)


@pytest.mark.pure_python
def test_without_the_rule_the_quote_sends_the_headline_to_a_neighbour(monkeypatch):
    module = sys.modules["banmian.stages.headlines"]
    monkeypatch.setattr(module, "QUOTE_BLOCKS_BID_LEAST", False)
    heads = _heads()
    assert heads["市商务局"][1] == "山区集市年货丰富"


def _head(no: int, text: str, kind: str = "head") -> Line:
    return Line(no=no, raw=text, text=text, kind=kind)


def test_only_a_block_of_one_article_s_quotes_away_from_it():
    quote, other, byline = _head(1, "农民收入连年增长令人欣喜"), _head(2, "山区集市"), _head(3, "李明", "byline")
    quotes = {id(quote): 0}
    assert quote_block_score([quote], 4, quotes, {}) == 0
    assert QUOTE_BLOCK_REASON in quote.reasons
    assert quote_block_score([quote], 4, quotes, {0: 4}) is None  # right before its article
    assert quote_block_score([quote, other], 4, quotes, {}) is None
    assert quote_block_score([quote, byline], 4, quotes, {}) is None
