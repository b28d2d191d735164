"""side_bylines: bylines printed after a run of headlines set side by side go to the headlines
in the order they were printed (made-up pages, an 11 em column, and made-up lines)."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Article, Line, Page, Source
from banmian.pipeline import parse_text
from banmian.side_bylines import side_by_side_bylines
from columns_text import BIRDS, BRIDGES_LEAD_IN  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGES = ["　　城东新建的三座跨河", "桥梁已于上月底全部通", "车，附近居民出行时间缩", "短了一半。新桥通车以后，",
           "沿线的学校和医院也因此", "受益。"]
HEADS = ["湿地公园迎来候鸟", "", "城东三座桥梁通车", ""]  # side by side: the birds' printed first


def bylines(lines: list[str]) -> dict[str, str | None]:
    """Each article's byline, keyed by its body's first four characters."""
    page = parse_text("\n".join(lines), entities=False)[0]
    return {"".join(a.paragraphs)[:4]: a.byline for a in page.articles}


def test_two_bylines_after_two_headlines_go_to_them_in_order():
    """Dev page 24: `切戒傲慢` … `摩托送餐` / `风行开罗`, then `张祝基`, then `本报驻埃及记者朱梦魁`."""
    got = bylines([*HEADS, "张国成", "", "李明华", "", *BIRDS, "", *BRIDGES])
    assert got == {"湖滨湿地": "张国成", "城东新建": "李明华"}


def test_a_lone_byline_over_an_article_opening_with_a_lead_in_is_the_headline_besides():
    """Dev page 17: `独联体：生存还是灭亡`, `中亚五国发表联合声明…`, then `本报驻俄罗斯记者许宏治`
    over `新华社莫斯科1月6日电…`: the lead-in is that article's byline, the name the other's."""
    got = bylines([*BIRDS, "", *HEADS, "张国成", "", *BRIDGES_LEAD_IN])
    assert got == {"湖滨湿地": "张国成", "城东新建": "本报讯"}


def test_a_lone_byline_set_off_over_its_own_article_stays_there():
    """With nothing showing the headlines side by side, a byline over an article's first line
    is that article's, whatever headlines the run printed before its own. (The headline printed
    before shares no word with any opening: two headlines that name two articles, then a byline,
    are rows printed in turn, the byline the first one's, `side_heads`; dev pdftotext page 4:
    `警惕，又到` / `公款送礼时`, `过好『` / `廉政节』`, `田有社`, then `过好『廉政节』`'s body,
    the name the first headline's.)"""
    got = bylines([*BIRDS, "", "春到江城", "", "城东三座桥梁通车", "", "张国成", "", *BRIDGES])
    assert got == {"湖滨湿地": None, "城东新建": "张国成"}


def _line(no: int, text: str, kind: str, *reasons: str) -> Line:
    return Line(no=no, raw=text, text=text, kind=kind, reasons=list(reasons))


def _run_page(lines: list[Line], owners: list[int | None], first_paragraphs=("正文。", "正文。")):
    """A page of `lines`, line k held by article owners[k]; each article's byline as the
    headlines stage set it (its byline lines)."""
    arts = [Article(paragraphs=[p]) for p in first_paragraphs]
    page = Page(Source(path="p.txt"), lines=lines, articles=arts)
    for ln, i in zip(lines, owners):
        if i is not None:
            page.claim(ln, arts[i])
            if ln.kind == "byline":
                arts[i].byline = ln.text
    return page, arts


def test_a_byline_beside_a_headlines_last_line_is_the_headline_printed_before():
    """Dev page 27: `走近米` / `兰大教堂`, `“007”`, `与冷战思维 张武扬` (one row, split by
    `split_head_rows`): the name is the first headline's."""
    lines = [_line(1, "湿地公园", "head"), _line(2, "迎来候鸟", "head"), _line(3, "", "blank"),
             _line(4, "城东三座", "head"), _line(5, "桥梁通车", "head", "split_head_rows:part_1_of_2"),
             _line(5, "张国成", "byline", "split_head_rows:part_2_of_2")]
    page, (birds, bridges) = _run_page(lines, [0, 0, None, 1, 1, 1])
    side_by_side_bylines(page)
    assert (birds.byline, bridges.byline) == ("张国成", None)
    assert page.owner_of(lines[-1]) is birds


def test_a_byline_under_a_row_of_two_headlines_is_the_first_ones():
    """Dev page 39: `从评选最佳中 企业赞助体` / `场球员想到的 育的着眼点` / `汪大昭`, the rows
    rebuilt left parts first: the name under them is the left headline's."""
    part = "split_head_rows:part_{}_of_2".format
    lines = [_line(1, "湿地公园", "head", part(1)), _line(2, "迎来候鸟", "head", part(1)),
             _line(1, "城东三座", "head", part(2)), _line(2, "桥梁通车", "head", part(2)),
             _line(3, "张国成", "byline")]
    page, (birds, bridges) = _run_page(lines, [0, 0, 1, 1, 1])
    side_by_side_bylines(page)
    assert (birds.byline, bridges.byline) == ("张国成", None)


def test_a_byline_right_under_its_headline_keeps_that_article_out_of_the_wait():
    """A byline printed right under a head line (no blank line between) is that headline's:
    the row's byline goes to the other article of the run (dev page 11: `一张名片` / `劲驰`)."""
    lines = [_line(1, "城东三座桥梁通车", "head"), _line(2, "林海", "byline"), _line(3, "", "blank"),
             _line(4, "湿地公园", "head"), _line(5, "迎来候鸟", "head", "split_head_rows:part_1_of_2"),
             _line(5, "张国成", "byline", "split_head_rows:part_2_of_2")]
    page, (bridges, birds) = _run_page(lines, [0, 0, None, 1, 1, 1])
    side_by_side_bylines(page)
    assert (bridges.byline, birds.byline) == ("林海", "张国成")


def test_a_pull_quote_printed_first_says_nothing_of_the_order():
    """A pull quote is printed away from its article's headline (dev page 17: the quote of
    `中亚五国…` over `独联体：生存还是灭亡`): the bylines follow the headlines' order."""
    lines = [_line(1, "今年春天迎来第一批候鸟", "head", "headline:pull_quote"), _line(2, "", "blank"),
             _line(3, "城东三座桥梁通车", "head"), _line(4, "", "blank"), _line(5, "湿地公园迎来候鸟", "head"),
             _line(6, "", "blank"), _line(7, "张国成", "byline"), _line(8, "", "blank"), _line(9, "李明华", "byline")]
    page, (bridges, birds) = _run_page(lines, [1, None, 0, None, 1, None, None, None, None])
    side_by_side_bylines(page)
    assert (bridges.byline, birds.byline) == ("张国成", "李明华")


def test_an_article_opening_with_a_lead_in_waits_for_no_byline():
    """Dev page 24: `切戒傲慢`, `日本六在野党结盟要求…` (its article opens `本报东京1月8日电…`),
    `摩托送餐` / `风行开罗`, then `张祝基`, `本报驻埃及记者朱梦魁`: the names skip the middle one."""
    lines = [_line(1, "湿地公园迎来候鸟", "head"), _line(2, "", "blank"), _line(3, "江城地铁二号线开工", "head"),
             _line(4, "", "blank"), _line(5, "城东三座桥梁通车", "head"), _line(6, "", "blank"),
             _line(7, "张国成", "byline"), _line(8, "", "blank"), _line(9, "李明华", "byline")]
    firsts = ("湖滨湿地公园今年春天迎来第一批候鸟。", "本报江城1月8日电 地铁二号线今天开工。", "城东三座桥梁通车。")
    page, (birds, metro, bridges) = _run_page(lines, [0, None, 1, None, 2, None, None, None, None], firsts)
    side_by_side_bylines(page)
    assert (birds.byline, metro.byline, bridges.byline) == ("张国成", None, "李明华")


def test_more_set_off_bylines_than_articles_waiting_are_left_alone():
    """Two set-off names and one article waiting (the other's byline right under its head
    line): which name is that article's, the order cannot tell."""
    lines = [_line(1, "湿地公园迎来候鸟", "head"), _line(2, "", "blank"), _line(3, "城东三座桥梁通车", "head"),
             _line(4, "林海", "byline"), _line(5, "", "blank"), _line(6, "张国成", "byline"), _line(7, "", "blank"),
             _line(8, "李明华", "byline")]
    page, (birds, bridges) = _run_page(lines, [0, None, 1, 1, None, None, None, None])
    side_by_side_bylines(page)
    assert (birds.byline, bridges.byline) == (None, "林海")


def test_a_lone_byline_given_with_a_headline_to_a_lead_in_report_goes_to_the_headline_before():
    """Dev page 6: `位尊不移公仆心`, `风雪运输线`, then `本报评论员` over the commentary's text;
    the headline assignment gave `风雪运输线` / `本报评论员` to the `本报讯` report."""
    text = ("城市绿化重实效\n\n春运首日客流平稳\n\n本报评论员\n\n城市绿化，贵在实效。近\n年来一些地方搞绿化只图\n"
            "好看，种下的树苗成活率\n不高。城市绿化重实效，\n就要因地制宜。\n\n本报讯 今天是春运首日，\n"
            "全市各车站客流平稳，春运\n首日旅客发送量与去年相\n当，没有出现滞留。\n")
    page = parse_text(text, entities=False)[0]
    assert [(a.headline, a.byline) for a in page.articles] == [("城市绿化重实效", "本报评论员"),
                                                               ("春运首日客流平稳", "本报讯")]
    assert not page.unassigned


@pytest.mark.pure_python
def test_a_lone_byline_over_the_first_headlines_caption_and_body_is_the_first_ones(monkeypatch):
    """Two headlines side by side, then a byline, a caption and the first headline's body (the
    run not dealt in two by `side_heads`, as when a body line is read as a third head line):
    the article printed under the byline is not the one whose head line stands nearest above
    it, so the byline is the first headline's (`under_another_head`; sim TRAIN pdftotext page 4).
    With the rule off it stays in the block of the headline printed last."""
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    side = importlib.import_module("banmian.side_bylines")
    monkeypatch.setattr(headlines_stage, "deal_side_by_side", lambda blocks, pos, lines, openings: (blocks, set()))
    page = ["湿地公园迎来候鸟", "", "城东三座桥梁通车", "", "张国成", "", "图为新建的观鸟长廊。", "",
            *BIRDS, "", *BRIDGES]
    assert bylines(page) == {"湖滨湿地": "张国成", "城东新建": None}
    monkeypatch.setattr(side, "under_another_head", lambda page, k, under: False)
    assert bylines(page) == {"湖滨湿地": None, "城东新建": "张国成"}


def test_headlines_are_ordered_by_where_their_head_lines_end():
    """A line dealt to the second headline printed before the first headline (a kicker) does not
    put the second first: the bylines go in the order the headlines end (`by_last_head_line`;
    sim TRAIN pdftotext pages 184, 227)."""
    lines = [_line(1, "沿湖新修的步道很热闹", "head"), _line(2, "", "blank"),
             _line(3, "湿地公园", "head"), _line(4, "迎来候鸟", "head"), _line(5, "", "blank"),
             _line(6, "城东三座", "head"), _line(7, "桥梁通车", "head"), _line(8, "", "blank"),
             _line(9, "张国成", "byline"), _line(10, "", "blank"), _line(11, "李明华", "byline")]
    page, (birds, bridges) = _run_page(lines, [1, None, 0, 0, None, 1, 1, None, 1, None, 0])
    side_by_side_bylines(page)
    assert (birds.byline, bridges.byline) == ("张国成", "李明华")
