"""bench/body_losses.py: each lost character of an invented page in its class."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.body_losses import CHUNK, body_losses  # noqa: E402

BRIDGE = "城东新建的三座跨河大桥已于上月底全部通车附近居民出行的时间缩短了一半"[:32]
PARK = "湖滨湿地公园今年春天迎来第一批候鸟园内新建的观鸟长廊已经完工游客很多"[:32]
SCHOOL = "城西的新学校今年秋天开学可以容纳两千名学生校园里种了许多树木和花草呢"[:32]
MARKET = "新年将至城北农贸市场里的蔬菜水果供应充足价格比去年同期略有下降了不少"[:32]


def art(*paragraphs):
    return {"paragraphs": list(paragraphs)}


def test_a_split_off_piece_and_an_unmatched_article():
    gold = {"articles": [art(BRIDGE + PARK), art(SCHOOL), art(MARKET)]}
    # the bridge report's second half left as an article of its own; the market report lost
    pred = {"articles": [art(BRIDGE + BRIDGE[:8]), art(PARK), art(SCHOOL)]}
    got = body_losses(gold, pred)
    assert got["gold"] == 128
    assert got["unmatched"] == 32  # the market report, in full
    assert got["missing→unmatched"] == 32  # PARK, held by a prediction no gold article matched
    assert got["foreign"] == 0 and got["stray"] == 0 and got["missing→nowhere"] == 0
    assert 24 <= got["edits"] <= 32  # BRIDGE + 8 repeated characters against BRIDGE + PARK


def test_text_taken_from_a_neighbour_and_text_read_nowhere():
    gold = {"articles": [art(BRIDGE), art(PARK + SCHOOL)]}
    pred = {"articles": [art(BRIDGE + PARK), art(SCHOOL)]}
    got = body_losses(gold, pred)
    assert got["unmatched"] == 0
    assert got["foreign"] == 32  # PARK inside the bridge report
    assert got["missing→matched"] == 32  # PARK missing from its own, held by the bridge report
    lost = body_losses({"articles": [art(BRIDGE + MARKET)]}, {"articles": [art(BRIDGE)]})
    assert lost["missing→nowhere"] == 32 and lost["edits"] == 32  # 32 characters deleted
    assert CHUNK == 8  # the figures above count 32 / CHUNK pieces of CHUNK characters
