"""bench/byline_errors.py: each wrong byline or source of an invented mini page in its class."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.byline_errors import classify  # noqa: E402

BRIDGE = "城东新建的三座跨河大桥已于上月底全部通车，附近居民出行的时间缩短了一半。"
PARK = "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工。"
SCHOOL = "城西的新学校今年秋天开学，可以容纳两千名学生，校园里种了许多树。"


def art(paragraphs, byline=None, source=None, headline=None):
    return {"headline": headline, "byline": byline, "source": source, "paragraphs": paragraphs}


def test_each_wrong_field_gets_its_class():
    gold = {"articles": [
        art(["城东大桥通车了。", PARK], byline="本报记者林小木", headline="大桥通车"),  # lead cut off with its byline
        art([SCHOOL], byline="本报讯"),  # predicted longer
        art(["河边的柳树发芽了，燕子也飞回来了，春天真的来了。"], source="晚报"),  # source missed
    ]}
    pred = {"articles": [
        art(["城东大桥通车了。"], byline="本报记者林小木", headline="大桥通车"),  # unmatched: the opening
        art([PARK]),
        art([SCHOOL], byline="本报讯（记者王一）"),
        art(["河边的柳树发芽了，燕子也飞回来了，春天真的来了。"]),
    ]}
    got = {(i, f): cls for i, f, cls, _g, _p in classify(gold, pred)}
    assert got == {(0, "B"): "missed (field of unmatched fragment: the opening)",
                   (1, "B"): "pred longer: end '(记者王一)'",  # NFKC: half-width brackets
                   (2, "S"): "missed (?)"}


def test_an_unmatched_gold_article_is_wrong_for_both_fields():
    gold = {"articles": [art([BRIDGE])]}
    got = classify(gold, {"articles": [art([SCHOOL + PARK])]})
    assert [(f, cls) for _i, f, cls, _g, _p in got] == [("B", "unmatched"), ("S", "unmatched")]
