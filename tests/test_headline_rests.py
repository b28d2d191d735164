"""headline_rests: a short headed report cut at a column's foot, the walk going on at the next
column's top, and its rest printed later in the walk as a headless piece that repeats the
headline's words: the rest goes back after the opening (made-up text in a pdftotext-like dump)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

HEAD = "古镇老街焕发新活力"
OPENING = ("本报讯（记者林文）春节前夕，记者来到城西的青石古镇，只见老街两旁挂满了红灯笼，游客们三五"
           "成群，有的拍照留念，有的品尝小吃，到处洋溢着节日的喜庆气氛。镇里的干部说，今年来这里过年"
           "的外地客人比往年多了不少，镇上的几家客栈早在一个月前就订满了，不少人家还腾出空房接待客人。")
REST = ("三年前，这条老街还是另一番模样：房屋破旧，路面坑洼，年轻人纷纷外出打工。后来请来专家"
        "做规划，修缮了一百多间老房子，引进手工作坊和特色餐馆，古镇重新有了活力。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契。")
FOOTBALL2 = "下半场开始后，客队加强了进攻，但主队门将多次化解险情，终场前主队又打进一球锁定胜局。"
SNOW = ("入冬以来，北方多地迎来降雪，铁路部门加开列车，确保旅客平安出行。气象部门提醒，"
        "近期气温偏低，请市民注意防寒保暖，出行注意交通安全。")


def page(after_opening: list[str], rest: str = REST):
    football = column_lines(FOOTBALL)
    parts = ["主队主场力克客队", "", *football[:4], "", HEAD, "", *column_lines(OPENING), "", *after_opening,
             "北方多地迎来降雪", "", *column_lines(SNOW), "", *column_lines(FOOTBALL2), "", *column_lines(rest)]
    return parse_text("\n".join(parts) + "\n")[0].articles


def merged(articles) -> bool:
    return any(r.startswith("merge:rest_named_by_headline") for a in articles for r in a.reasons)


# the walk goes on at the next column's top: the football report's second column
COLUMN_TOP = [*column_lines(FOOTBALL)[4:], ""]


def test_a_rest_repeating_the_headline_goes_back_after_an_opening_cut_at_a_column_foot():
    got = page(COLUMN_TOP)
    assert [a.headline for a in got] == ["主队主场力克客队", HEAD, "北方多地迎来降雪"]
    assert got[1].paragraphs[-1] == REST and merged(got)


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_rest_an_article_of_its_own(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importlib.import_module("banmian.stages.headlines"), "RESTS_NAMED_BY_HEADLINES", False)
    got = page(COLUMN_TOP)
    assert not merged(got) and any(a.paragraphs == [REST] for a in got)


def test_an_opening_followed_by_the_next_headline_in_its_column_is_a_whole_report():
    # a blank line, then another report's headline: no column's foot
    got = page([])
    assert not merged(got) and any(a.paragraphs == [REST] for a in got)


def test_a_piece_not_repeating_the_headline_stays_apart():
    other = REST.replace("老街", "街道").replace("古镇", "小镇").replace("活力", "生机")
    got = page(COLUMN_TOP, other)
    assert not merged(got) and any(a.paragraphs == [other] for a in got)
