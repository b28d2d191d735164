"""Byline rules found by bench/byline_errors.py (made-up lines in a 12-character column, dumps
without blank lines as `pdftotext -raw` and PyMuPDF print them)."""
from __future__ import annotations

from banmian.model import Source
from banmian.pipeline import page_from_lines, parse_text
from banmian.stages.classify import classify
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize

BODY = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", "也因此受益。",
        "　　据介绍，新桥全长八百米，", "双向六车道，设计时速六十公", "里，总投资约四亿元。"]
PARK = ["　　湖滨湿地公园今年春天迎", "来第一批候鸟，园内新建的观", "鸟长廊已经完工，游客可以在", "这里近距离观察候鸟。",
        "　　湿地公园管理处介绍，今", "年候鸟的种类比去年多了十几", "种。"]


def kinds(raw_lines: list[str]) -> list[str]:
    page = classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))
    return [ln.kind for ln in page.lines]


def test_a_lead_in_credit_over_three_lines_stays_one_byline():
    """The third line of a joint credit (`…记者王明、` / `新华社记者李华）…`) closes the bracket the
    line above opened: it goes on with the credit, it opens no lead-in (no new article)."""
    lines = ["城东三座大桥通车", "新华社南京3月2日电", "（中央人民广播电台记者王明、", "新华社记者李华）今天上午，",
             "城东新建的三座跨河大桥正", "式通车，附近居民的出行时", "间缩短了一半。"] + BODY[4:]
    page = parse_text("\n".join(lines), entities=False)[0]
    assert len(page.articles) == 1
    art = page.articles[0]
    assert art.byline == "新华社南京3月2日电（中央人民广播电台记者王明、新华社记者李华）"
    assert art.paragraphs[0].startswith("今天上午，城东")


def test_a_name_closing_a_headline_over_the_next_headline_is_a_byline_without_blank_lines():
    """Headlines printed one after another with no blank line (a heads tail): the name closing
    one block stands right over the next block's first line."""
    got = kinds(BODY + ["湿地公园迎来今春", "第一批候鸟", "苇岸", "城东三座大桥通车"] + PARK)
    assert got[len(BODY):len(BODY) + 4] == ["head", "head", "byline", "head"]


def test_a_short_headline_line_the_next_line_runs_on_from_stays_a_headline():
    """A word runs from the short line into the next (`靠近北` / `京的小镇`), or the next opens
    as no line can (`的`, a clause mark): one headline's lines."""
    got = kinds(BODY + ["远处的群山连绵不断", "靠近北", "京的小镇"] + PARK)
    assert got[len(BODY) + 1] == "head"
    got = kinds(BODY + ["远处的群山连绵不断", "看山村", "的新变化"] + PARK)
    assert got[len(BODY) + 1] == "head"
