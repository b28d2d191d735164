"""A long head line over a much shorter one that the article's body nowhere repeats is the
headline's first line, not a kicker (`head_tiers.unrepeated_by_body`): a kicker is a sentence
of its article set large. Made-up heads and bodies."""
from __future__ import annotations

from banmian.head_tiers import UNREPEATED_KICKER_MIN_BODY, split_tiers, unrepeated_by_body
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
    # a jump line after it: the kicker's sentence may be in the part printed on another page
    assert tiers(FIRST, SECOND, continued=True) == (FIRST, SECOND, None)


def test_a_short_body_cannot_tell():
    short = BODY[:UNREPEATED_KICKER_MIN_BODY - 1]
    assert not unrepeated_by_body(FIRST, short)
    assert tiers(FIRST, SECOND, body=short) == (FIRST, SECOND, None)
