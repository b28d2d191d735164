"""lead_rests: a report cut after its opening paragraph at a paragraph's end, its rest printed
far away in the walk as a headless piece, goes back after the opening (made-up text in a
pdftotext-like dump)."""
from __future__ import annotations

from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

HEAD = "全县水稻喜获丰收"
LEAD = "新华社南昌1月5日电（记者王明）今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成。"
REST = ("县农业局局长说，明年全县将继续推广水稻良种，扩大机插秧面积，技术人员还要深入田间"
        "地头指导农民科学育秧，让新技术走进千家万户，让更多种粮农民增收受益。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契。")
FOOTBALL2 = "下半场开始后，客队加强了进攻，但主队门将多次化解险情，终场前主队又打进一球锁定胜局。"
SNOW = ("入冬以来，北方多地迎来降雪，铁路部门加开列车，确保旅客平安出行。气象部门提醒，"
        "近期气温偏低，请市民注意防寒保暖，出行注意交通安全。")


def page(lead: str, *rest_head: str):
    parts = [HEAD, "", *column_lines(lead), "", "主队主场力克客队", "", *column_lines(FOOTBALL), "",
             "北方多地迎来降雪", "", *column_lines(SNOW), "", *column_lines(FOOTBALL2), "", *rest_head,
             *column_lines(REST)]
    return parse_text("\n".join(parts) + "\n")[0].articles


def merged(articles) -> bool:
    return any(r.startswith("merge:rest_of_lead") for a in articles for r in a.reasons)


def test_a_headless_rest_printed_far_away_goes_back_after_its_opening():
    got = page(LEAD)
    assert [a.headline for a in got] == [HEAD, "主队主场力克客队", "北方多地迎来降雪"]
    assert got[0].paragraphs[-1] == REST and got[0].byline
    assert merged(got)


def test_an_opening_without_a_lead_in_is_not_taken_for_a_cut_report():
    got = page(LEAD.split("）", 1)[1])
    # lead_rests wants a lead-in to call the opening cut; the rest may still go back by
    # loose_pieces' own weighing of the words the two share (tests/test_loose_pieces.py)
    assert not merged(got)


def test_an_opening_closing_on_a_credit_is_a_whole_report():
    got = page(LEAD + "（农文）")
    assert not merged(got) and got[-1].paragraphs == [REST]


def test_a_piece_under_a_headline_of_its_own_stays_an_article():
    got = page(LEAD, "县里推广良种", "")
    assert not merged(got) and got[-1].headline == "县里推广良种"


# A rest sharing a few more words with its opening (cosine about 0.17), printed under a head line
# that is not its own (a subhead, a line of another article).
NEAR_REST = ("县农业局局长说，明年全县将继续推广水稻良种，扩大种植面积，技术人员还要深入田间"
             "地头指导农民科学育秧，让新技术走进千家万户，让更多种粮农民增收受益。")


def headed_page(*rest_head: str):
    parts = [HEAD, "", *column_lines(LEAD), "", "主队主场力克客队", "", *column_lines(FOOTBALL), "",
             "北方多地迎来降雪", "", *column_lines(SNOW), "", *column_lines(FOOTBALL2), "", *rest_head,
             *column_lines(NEAR_REST)]
    return parse_text("\n".join(parts) + "\n")[0]


def test_a_rest_under_a_head_line_not_its_own_goes_back_and_leaves_the_head():
    got = headed_page("农机合作社", "")
    assert [a.headline for a in got.articles] == [HEAD, "主队主场力克客队", "北方多地迎来降雪"]
    assert got.articles[0].paragraphs[-1] == NEAR_REST
    assert any(r.startswith("merge:headed_rest_of_lead") for r in got.articles[0].reasons)
    assert [u.text for u in got.unassigned] == ["农机合作社"]


def test_a_rest_under_a_dash_subtitle_brings_it_to_its_opening():
    got = headed_page("——农机合作社", "")
    assert got.articles[0].headline == HEAD and got.articles[0].subtitle == "——农机合作社"
    assert got.articles[0].paragraphs[-1] == NEAR_REST and not got.unassigned


# `rests_of_leads` on articles built by hand: a column break inside a paragraph.
RUN_ON_LEAD = "新华社南昌1月5日电（记者王明）今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成，全"
RUN_ON_REST = NEAR_REST


def hand_page(lead_end: str, rest_start: str, lead_head: str | None = HEAD, rest_head: str | None = None):
    from banmian.lead_rests import rests_of_leads
    from banmian.model import Article, Fragment, Line, Page, Source

    lines = [Line(no=1, raw=HEAD, text=HEAD, kind="head"), Line(no=2, raw=RUN_ON_LEAD, text=RUN_ON_LEAD),
             Line(no=3, raw=SNOW, text=SNOW), Line(no=4, raw=RUN_ON_REST, text=RUN_ON_REST)]
    lead = Article(headline=lead_head, paragraphs=[RUN_ON_LEAD], reasons=["article_start:lead_in:+3.50"], line_nos=[1, 2])
    other = Article(headline="北方多地迎来降雪", paragraphs=[SNOW], reasons=["article_start:headline_before:+2.00"], line_nos=[3])
    rest = Article(headline=rest_head, paragraphs=[RUN_ON_REST], reasons=["article_start:content_change:-0.50"], line_nos=[4])
    groups = [[Fragment([lines[1]], start="indent", end=lead_end)], [Fragment([lines[2]], start="indent", end="closed")],
              [Fragment([lines[3]], start=rest_start, end="closed")]]
    page = Page(source=Source(path="-"), lines=lines, articles=[lead, other, rest])
    page.scratch["article_groups"] = groups
    rests_of_leads(page)
    return page.articles


def test_a_rest_starting_mid_paragraph_goes_on_the_paragraph_its_opening_breaks_off():
    got = hand_page("open", "open")
    assert len(got) == 2 and got[0].paragraphs == [RUN_ON_LEAD + RUN_ON_REST]


def test_a_rest_opening_a_paragraph_does_not_go_on_an_opening_stopping_mid_paragraph():
    got = hand_page("open", "indent")
    assert len(got) == 3 and got[2].paragraphs == [RUN_ON_REST]


def test_a_headless_opening_takes_its_rest_under_its_headline():
    got = hand_page("open", "open", None, HEAD)
    assert len(got) == 2 and got[0].headline == HEAD and got[0].paragraphs == [RUN_ON_LEAD + RUN_ON_REST]


def test_a_headless_opening_takes_no_headless_rest():
    got = hand_page("open", "open", None, None)
    assert len(got) == 3 and got[2].paragraphs == [RUN_ON_REST]
