"""A long head line over a much shorter one that the article's body nowhere repeats is the
headline's first line, not a kicker (`head_tiers.unrepeated_by_body`): a kicker is a sentence
of its article set large. Made-up heads and bodies."""
from __future__ import annotations

from banmian.head_tiers import (UNREPEATED_BY_OPENING_REASON, UNREPEATED_KICKER_MIN_BODY, UNREPEATED_KICKER_MIN_OPENING,
                                 long_opening, split_tiers, unrepeated_by_body)
from banmian.model import Line
from banmian.rules.chars import strip_ws

FIRST = "全省农村工作会议围绕来年任务形成多项共识"
SECOND = "基层组织建设重在县乡"
# a body long enough to tell, that repeats neither head line
BODY = strip_ws("本报讯 全省农村工作会议昨天在省城闭幕。与会代表围绕发展粮食生产、增加农民收入、"
                "加强基层组织等议题展开讨论，提出了一批具体措施。会议要求各地在春耕前把各项任务落实到村到户。")


def head(text: str) -> Line:
    return Line(no=0, raw=text, text=text, kind="head")


def tiers(*lines: str, body: str = BODY, continued: bool = False) -> tuple:
    got = split_tiers([head(t) for t in lines], body, continued)
    return got["kicker"], got["headline"], got["subtitle"]


def test_fixture_shapes():
    assert len(BODY) >= UNREPEATED_KICKER_MIN_BODY
    assert len(SECOND) <= 0.7 * len(FIRST)
    assert unrepeated_by_body(FIRST, BODY)


def test_a_line_the_body_does_not_repeat_is_the_headlines_first():
    assert tiers(FIRST, SECOND) == (None, FIRST + " " + SECOND, None)


def test_a_line_the_body_repeats_stays_a_kicker():
    body = BODY + strip_ws(FIRST) + "。"
    assert tiers(FIRST, SECOND, body=body) == (FIRST, SECOND, None)


def test_an_article_continued_elsewhere_keeps_its_kicker():
    # a jump line after it and a short opening here: the kicker's sentence may be in the part
    # printed on another page
    assert tiers(FIRST, SECOND, continued=True) == (FIRST, SECOND, None)


def test_a_short_body_cannot_tell():
    short = BODY[:UNREPEATED_KICKER_MIN_BODY - 1]
    assert not unrepeated_by_body(FIRST, short)
    assert tiers(FIRST, SECOND, body=short) == (FIRST, SECOND, None)


# a continued article's opening (a jump line after it) long enough to hold its kicker's sentence
# (`head_tiers.long_opening`), repeating neither head line
LONG_OPENING = strip_ws(
    "本报讯 全省农村工作会议昨天在省城闭幕。与会代表围绕发展粮食生产、增加农民收入、加强基层组织等议题展开讨论，"
    "提出了一批具体措施。会议要求各地在春耕前把各项任务落实到村到户，做到人员、资金、物资三到位。"
    "会议指出，过去一年全省粮食总产再创新高，农民人均纯收入稳步增长，乡镇企业发展势头良好，"
    "但一些地方农田水利设施老化，农业科技推广力量薄弱，部分山区群众生活仍较困难。"
    "会议提出，今年要继续稳定土地承包关系，加快农业结构调整，大力发展庭院经济和畜牧水产业，"
    "多渠道增加对农业的投入，切实减轻农民负担。会议还就选派干部驻村帮扶、培训村级带头人、"
    "完善村务公开制度等工作作了部署，要求各级党委把农村工作摆在突出位置，主要领导亲自抓，"
    "分管领导具体抓，一级抓一级，层层抓落实。")


def test_long_opening_fixture():
    assert len(LONG_OPENING) >= UNREPEATED_KICKER_MIN_OPENING
    assert strip_ws(FIRST) not in LONG_OPENING and strip_ws(SECOND) not in LONG_OPENING
    assert long_opening(LONG_OPENING, continued=True) and not long_opening(BODY, continued=True)


def test_a_continued_article_with_a_long_opening_reads_one_headline():
    got = split_tiers([head(FIRST), head(SECOND)], LONG_OPENING, True)
    assert (got["kicker"], got["headline"], got["subtitle"]) == (None, FIRST + " " + SECOND, None)
    assert got["why"] == UNREPEATED_BY_OPENING_REASON


def test_a_continued_article_whose_opening_repeats_the_line_keeps_its_kicker():
    body = LONG_OPENING + strip_ws(FIRST) + "。"
    assert tiers(FIRST, SECOND, body=body, continued=True) == (FIRST, SECOND, None)
