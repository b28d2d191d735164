"""A lead-in report's opening cut off from its rest printed right under it (blank lines only
between), the rest opened on its own words: `adjacent_splits.lead_runs_on` (the column break
falls mid-sentence, the rest goes on flush) and `lead_rests.headed_rest_under_lead` (the rest
opens an indented paragraph and took a head on its words). Made-up text, pages built by hand as
the headlines stage leaves them."""
from __future__ import annotations

import pytest

from banmian.model import Article, Page
from stacked_pages import merged_articles as run_on, stacked_page  # pytest puts tests/ on sys.path

HEAD = "全县水稻喜获丰收"
LEAD = "新华社南昌1月5日电（记者王明）今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成，县里"
LEAD_CLOSED = "新华社南昌1月5日电（记者王明）今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成。"
REST = "去年冬天修好的三座提灌站和两条水渠已经投入使用，山区几个村的旱地第一次用上了自流水。"
OTHER_HEAD = "北方多地迎来降雪"
SNOW = "入冬以来，北方多地迎来降雪，铁路部门加开列车，确保旅客平安出行。"


def hand_page(lead: str, lead_end: str, rest_start: str, rest_head: str | None = None,
              rest_reason: str = "article_start:content_change:-1.50", rest_byline: str | None = None) -> Page:
    """Head, the lead-in opening, a blank line, the rest, a blank line, another headed report."""
    opening = Article(headline=HEAD, byline="新华社南昌1月5日电（记者王明）", paragraphs=[lead],
                      reasons=["article_start:lead_in:+3.50"], line_nos=[1, 2])
    rest = Article(headline=rest_head, byline=rest_byline, paragraphs=[REST], reasons=[rest_reason], line_nos=[4])
    other = Article(headline=OTHER_HEAD, paragraphs=[SNOW], reasons=["article_start:headline_before:+2.00"], line_nos=[6, 7])
    return stacked_page(opening, rest, other, first_end=lead_end, piece_start=rest_start)


def headed_under(page: Page) -> list[Article]:
    from banmian.lead_rests import headed_rests_under_leads
    headed_rests_under_leads(page)
    return page.articles


def test_a_rest_going_on_flush_under_an_opening_cut_mid_sentence_joins_its_paragraph():
    got = run_on(hand_page(LEAD, "open", "open"))
    assert len(got) == 2 and got[0].paragraphs == [LEAD + REST]
    assert got[0].byline and any(r.startswith("merge:lead_runs_on_below") for r in got[0].reasons)


@pytest.mark.pure_python
def test_the_rule_switched_off_leaves_the_rest_apart(monkeypatch):
    import banmian.adjacent_splits as adjacent_splits
    monkeypatch.setattr(adjacent_splits, "LEAD_RUNS_ON", False)
    got = run_on(hand_page(LEAD, "open", "open"))
    assert len(got) == 3 and got[1].paragraphs == [REST]


def test_a_rest_opening_a_paragraph_under_a_cut_sentence_stays_apart():
    got = run_on(hand_page(LEAD, "open", "indent"))
    assert len(got) == 3 and got[1].paragraphs == [REST]


def test_a_flush_piece_under_an_opening_without_a_lead_in_stays_apart():
    bare = LEAD.split("）", 1)[1]
    got = run_on(hand_page(bare, "open", "open"))
    assert len(got) == 3 and got[1].paragraphs == [REST]


def test_a_flush_piece_with_a_byline_of_its_own_stays_apart():
    got = run_on(hand_page(LEAD, "open", "open", rest_byline="本报记者李华"))
    assert len(got) == 3


def test_a_headed_rest_under_a_closed_lead_in_opening_goes_back_and_leaves_its_head():
    got = headed_under(hand_page(LEAD_CLOSED, "closed", "indent", rest_head="农机合作社成立"))
    assert len(got) == 2 and got[0].paragraphs == [LEAD_CLOSED, REST]
    assert got[0].headline == HEAD  # the joined text shares more with the opening's head
    assert any(r.startswith("merge:headed_rest_under_lead") for r in got[0].reasons)


def test_a_headed_rest_sharing_more_with_the_joined_text_brings_its_head():
    got = headed_under(hand_page(LEAD_CLOSED, "closed", "indent", rest_head="提灌站水渠投入使用"))
    assert len(got) == 2 and got[0].headline == "提灌站水渠投入使用"


def test_a_headless_piece_is_left_to_the_other_rules():
    got = headed_under(hand_page(LEAD_CLOSED, "closed", "indent"))
    assert len(got) == 3 and got[1].paragraphs == [REST]


def test_a_headed_piece_opened_under_its_headline_stays_an_article():
    got = headed_under(hand_page(LEAD_CLOSED, "closed", "indent", rest_head="提灌站水渠投入使用",
                                 rest_reason="article_start:headline_before:+1.20"))
    assert len(got) == 3 and got[1].headline == "提灌站水渠投入使用"


def test_a_headed_piece_under_a_long_opening_stays_apart():
    from banmian.lead_rests import LEAD_MAX_CHARS
    long_lead = LEAD_CLOSED[:-1] + "，" + "农技人员深入田间地头指导农民科学育秧" * (LEAD_MAX_CHARS // 18) + "。"
    got = headed_under(hand_page(long_lead, "closed", "indent", rest_head="提灌站水渠投入使用"))
    assert len(got) == 3
