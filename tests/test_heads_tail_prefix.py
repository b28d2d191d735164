"""heads_tail: a question headline read as body among the tail's head lines, a tail line
quoted word for word from its article, and pages printing only their first articles'
headlines last (made-up lines in an 11-em column)."""
from __future__ import annotations

from banmian.model import Line
from banmian.pipeline import parse_text
from test_heads_tail import BODIES, HEADS


def _lines(rows):
    return [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(rows)]


def test_a_question_headline_read_as_body_among_tail_heads_does_not_end_the_stream():
    from banmian.tail_find import head_island, stream_end

    lines = _lines([("音乐厅今年还将举办三场", "body"), ("新年音乐会，票价降低。", "body"),
                    ("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("本报记者王明", "byline"),
                    ("新年怎么", "body"), ("过？", "body"), ("农民种植蔬菜大棚", "head")])
    assert head_island(lines, 6) and not head_island(lines, 1)
    assert stream_end(lines) == 1


def test_a_tail_line_quoted_from_an_article_heads_the_segment_that_holds_it():
    """A kicker printed word for word in its article, past the opening its block is compared
    with (here in the article's second fragment), goes with that article's block, not with the
    block before (QUOTED_COST); its words alone tell nothing."""
    from banmian.tail_align import Candidate, align

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 8
    second = "郊区今年的农民种植蔬菜大棚，冬天黄瓜卖得好。" * 2 + "天气很冷，大家热情很高，跑完全程的人都领到了纪念品。" * 8
    rest = "产量一年比一年高，收入增加了三成。" * 14 + "县里的技术员常到村里教课。"
    text = first + second + rest
    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(1, 0, len(first), 2.0, False, False),
             Candidate(2, 0, len(first) + len(second), 2.0, False, False)]
    heads = [("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("县里的技术员常到村里教课", "head"),
             ("农民种植蔬菜大棚", "head")]
    assert align(cands, text, _lines(heads)) == [(0, 0, 2), (1, 2, 4)]


# The first two articles' bodies (a prefix), the third under its own headline, then the first
# two articles' headlines.
RUN = ["冬季长跑比赛", "城东公园举行", "本报讯 冬季长跑比赛昨天", "在城东公园举行，三千名市", "民参加了比赛。"]
PREFIX_PAGE = BODIES[:38] + HEADS[4:] + BODIES[38:] + RUN + HEADS[:4]


def test_a_page_printing_its_first_articles_headlines_last_aligns_the_tail_with_its_prefix():
    """The tail's blocks head the prefix's articles (`find_prefix_tail`): the stage keeps them
    with those articles' first lines, and the page reads right."""
    from banmian.stages.heads_tail import PARTIAL_KEY, heads_tail
    from test_heads_tail import _page_up_to_paragraphs

    page = heads_tail(_page_up_to_paragraphs(PREFIX_PAGE))
    assert page.scratch.get(PARTIAL_KEY)
    assert [([ln.text for ln in block], first.text[:4]) for block, first in page.scratch["tail_blocks"]] == [
        (HEADS[:2], "本报讯 "), (HEADS[2:4], "郊区的农")]
    page = parse_text("\n".join(PREFIX_PAGE), entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["市音乐厅", "郊区的农", "铁路部门", "冬季长跑"]
    assert [a.headline for a in page.articles] == ["音乐厅上演 四百多场音乐会", "农民种植蔬菜大棚 冬天黄瓜卖得好",
                                                    "春运期间铁路 加开旅客列车", "冬季长跑比赛 城东公园举行"]


def test_a_prefix_ends_at_a_head_run_over_the_body_it_heads_not_at_body_text_read_as_head():
    from banmian.tail_find import find_prefix_tail, heads_the_body_after, opens_head_run
    from test_heads_tail import _page_up_to_paragraphs

    page = _page_up_to_paragraphs(PREFIX_PAGE)
    assert find_prefix_tail(page) is not None
    # each body printed before its own headline: the first head run closes the body before it
    body_first = BODIES[:38] + HEADS[2:4] + BODIES[38:] + HEADS[4:] + ["铁路春运", "加开列车"]
    assert find_prefix_tail(_page_up_to_paragraphs(body_first)) is None
    lines = _lines([("大棚的温度，湿度", "head"), ("春运期间铁路", "head"), ("加开旅客列车", "head")])
    assert not opens_head_run(lines, 0)
    body_first = _lines([("春运期间铁路部门今天宣布加开列车。", "body"), ("春运期间铁路", "head"), ("加开旅客列车", "head"),
                         ("郊区的农民今年种植大棚蔬菜。", "body")])
    assert not heads_the_body_after(body_first, 1)
    partial = _lines([("郊区的农民今年种植大棚蔬菜。", "body"), ("春运期间铁路", "head"), ("加开旅客列车", "head"),
                      ("春运期间铁路部门今天宣布加开列车。", "body")])
    assert heads_the_body_after(partial, 1)


def test_a_lead_in_under_a_summary_bullet_opens_no_segment_of_a_prefix():
    from banmian.stages.heads_tail import without_summed_up_lead_ins
    from banmian.tail_align import Candidate

    text = "市音乐厅去年一共上演了四百多场音乐会。" + "●票价降低●学生半价" + "本报讯 音乐厅今年还将举办三场新年音乐会。"
    cands = [Candidate(0, 0, 0, 8.0, True, False), Candidate(1, 0, 19, 2.0, False, False),
             Candidate(1, 1, 29, 8.0, False, False)]
    assert [c.offset for c in without_summed_up_lead_ins(cands, text)] == [0, 19]
