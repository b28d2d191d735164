"""stacked_leads: a lead-in opening a short kicker or caption right over another lead-in is one
report, its byline and dateline the first lead-in's (made-up text in a raw-like dump, no blank
lines)."""
from __future__ import annotations

import pytest

from banmian.pipeline import parse_text
from banmian.stacked_leads import unfinished_kicker
from columns_text import flush_lines  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGE = flush_lines("城东三座新桥上月底全部通车，附近居民出行时间缩短了一半，沿线学校和医院也因此受益。"
                     "交通部门表示，今年还将新修两条道路。")
KICKER = flush_lines("本报北京1月21日讯 记者王立新报道：菜价平稳供应充足春节市场货源丰富")
CUT_REPORT = flush_lines("本报北京1月21日讯 记者王立新报道：今年春节，本市菜价平稳，")
REPORT = flush_lines("新华社上海1月20日电 春节临近，本市各大农贸市场的蔬菜、肉类和水产品供应充足，价格保持"
                     "平稳。市商委有关负责人介绍，今年的节日货源比去年多出两成，市民可以放心采购。")


def page_articles(opening: list[str]):
    text = "\n".join(["1998年1月22日 星期四", "城东新桥全部通车", *BRIDGE, *opening, *REPORT]) + "\n"
    return parse_text(text, page_date="1998-01-22")[0].articles


def report_of(articles):
    return next(a for a in articles if any("市商委" in p for p in a.paragraphs))


def test_a_kicker_with_the_byline_run_in_heads_the_dispatch_under_it():
    report = report_of(page_articles(KICKER))
    assert report.dateline is not None and report.dateline.date == "1998-01-21"
    assert report.byline.startswith("本报北京1月21日讯")
    assert report.paragraphs[0] == "菜价平稳供应充足春节市场货源丰富"  # the run-on line back in the text
    assert report.paragraphs[1].startswith("新华社上海1月20日电")


@pytest.mark.pure_python
def test_without_the_rule_the_dispatch_keeps_its_own_date(monkeypatch):
    import banmian.stacked_leads as stacked_leads

    monkeypatch.setattr(stacked_leads, "STACKED_LEADS", False)
    report = report_of(page_articles(KICKER))
    assert report.dateline is not None and report.dateline.date == "1998-01-20"


def test_a_report_cut_mid_sentence_over_a_lead_in_stays_apart():
    report = report_of(page_articles(CUT_REPORT))
    assert report.dateline is not None and report.dateline.date == "1998-01-20"


def test_kicker_shapes():
    assert unfinished_kicker("彭楚政再获“全国民族团结进步模范”称号")
    assert unfinished_kicker("1月22日，克林顿在白宫会见阿拉法特。（新华社记者刘宇摄）")
    assert not unfinished_kicker("今年春节，本市菜价平稳，")  # a report's running sentence
    assert not unfinished_kicker("菜价平稳" * 16)  # longer than a kicker
