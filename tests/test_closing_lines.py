"""A report's short closing line printed on its own under it, opened on its new words alone
(`article_start:content_change`) and left headless: `adjacent_splits.closing_line_under` with the
cue of `closing_lines.unmarked`. Made-up text, pages built by hand as the headlines stage leaves them."""
from __future__ import annotations

import pytest

from banmian.model import Article, Page
from stacked_pages import merged_articles as merged, stacked_page  # pytest puts tests/ on sys.path

HEAD = "青山县修通进村公路"
OPENING = ("去年秋天，青山县动工修建通往柳树湾村的公路，全长十八公里。县交通局组织三个施工队，"
           "冒雨赶工，赶在年底前全线贯通。柳树湾村的村民第一次坐上了通往县城的班车。")
CLOSING = "（李华摄影报道）"
CLOSING_MARKED = "冰场每天开放十二个小时。"  # shares 冰场 / 开放 with the report below only
LONG = "乡亲们说，这条路是大家盼了多年的幸福路，以后上县城卖山货、看病、送孩子上学都方便多了。"
OTHER_HEAD = "市民冬日健身热情高"
OTHER = "入冬以来，市里的滑冰馆天天爆满，冰场开放到深夜，滑冰馆还为孩子们办起了免费培训班。"


def hand_page(piece_text: str) -> Page:
    """Head, the report, a blank line, the headless piece, a blank line, another headed report."""
    report = Article(headline=HEAD, paragraphs=[OPENING], reasons=["article_start:headline_before:+2.00"],
                     line_nos=[1, 2])
    piece = Article(paragraphs=[piece_text], reasons=["article_start:content_change:-1.20"], line_nos=[4])
    other = Article(headline=OTHER_HEAD, paragraphs=[OTHER], reasons=["article_start:headline_before:+2.00"],
                    line_nos=[6, 7])
    return stacked_page(report, piece, other)


def test_a_short_unmarked_line_under_a_report_is_its_closing_line():
    got = merged(hand_page(CLOSING))
    assert [a.headline for a in got] == [HEAD, OTHER_HEAD]
    assert got[0].paragraphs == [OPENING, CLOSING]
    assert any(r.startswith("merge:closing_line_under_article") for r in got[0].reasons)


@pytest.mark.pure_python
def test_the_rule_switched_off_leaves_the_line_apart(monkeypatch):
    import banmian.adjacent_splits as adjacent_splits
    monkeypatch.setattr(adjacent_splits, "CLOSING_LINES", False)
    got = merged(hand_page(CLOSING))
    assert len(got) == 3 and got[1].paragraphs == [CLOSING] and not got[1].headline


def test_a_short_line_sharing_marks_with_another_report_stays_apart():
    got = merged(hand_page(CLOSING_MARKED))
    assert len(got) == 3 and got[1].paragraphs == [CLOSING_MARKED]


def test_a_longer_headless_piece_stays_apart():
    got = merged(hand_page(LONG))
    assert len(got) == 3 and got[1].paragraphs == [LONG]


def test_unmarked_reads_marks_shared_with_exactly_one_other_article():
    from banmian.closing_lines import unmarked
    a, b, c = Article(paragraphs=["冰场开放"]), Article(paragraphs=["冰场今天开放"]), Article(paragraphs=["公路通车"])
    assert not unmarked([a, b, c], a)
    assert unmarked([a, b, c], c)
    assert unmarked([a, b, Article(paragraphs=["冰场今日开放"])], a)  # printed by two others: no one's mark
