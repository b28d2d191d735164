"""Offices an author signs with under a headline (`rules.names.SIGNING_OFFICES`, the office list
of `_LISTED_OFFICES`): made-up lines, a pdftotext-like dump with blank lines between blocks."""
from __future__ import annotations

from banmian.pipeline import parse_text
from banmian.rules.names import titled_name

BODY = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", "也因此受益。",
        "　　据介绍，新桥全长八百米，", "双向六车道，设计时速六十公", "里，总投资约四亿元。"]


def test_director_and_party_group_member_are_signing_offices():
    assert titled_name("市歌舞剧院艺术总监王建国") == "王建国"
    assert titled_name("省文联党组成员李国华") == "李国华"


def test_an_office_list_may_end_on_any_title():
    """After a signing office and `、`, `代表` is one more office of the signer."""
    assert titled_name("市建材集团总裁、职工代表王建国") == "王建国"
    assert titled_name("看望劳模代表王建国") is None  # `代表` alone still no signing office


def test_director_line_under_headline_is_the_byline():
    lines = ["", "新桥带来新变化", "市歌舞剧院艺术总监王建国", ""] + BODY
    art = parse_text("\n".join(lines), entities=False)[0].articles[0]
    assert art.byline == "市歌舞剧院艺术总监王建国"
    assert art.headline == "新桥带来新变化"
