"""Tier cues: how a head block's lines split into kicker, headline and subtitle from the
lines' text alone (made-up heads and bodies)."""
from __future__ import annotations

from banmian.model import Line
from banmian.rules.chars import strip_ws
from banmian.head_tiers import split_tiers
from banmian.tier_cues import long_subtitle_under, quotes_whole_clause


def head(text: str) -> Line:
    return Line(no=0, raw=text, text=text, kind="head")


def tiers(*lines: str, body: str = "") -> tuple:
    got = split_tiers([head(t) for t in lines], strip_ws(body))
    return got["kicker"], got["headline"], got["subtitle"]


HEATING = "入冬以来，市政府要求各区继续抓好冬季供暖，确保居民温暖过冬。记者了解到●开展送温暖活动以来，已走访困难家庭三百户。"


def test_a_line_the_body_repeats_from_inside_a_clause_is_no_kicker():
    # `…各区继续抓好冬季供暖，`: the line ends a clause but starts inside it
    assert not quotes_whole_clause("继续抓好冬季供暖", strip_ws(HEATING))
    assert quotes_whole_clause("确保居民温暖过冬", strip_ws(HEATING))
    got = tiers("继续抓好冬季供暖", "全力保障群众温暖", body=HEATING)
    assert got == (None, "继续抓好冬季供暖 全力保障群众温暖", None)
    # repeated whole, the first line is a kicker over the headline
    got = tiers("确保居民温暖过冬", "全市供暖运行平稳", body=HEATING)
    assert got == ("确保居民温暖过冬", "全市供暖运行平稳", None)


def test_a_bullet_opens_a_clause_the_body_repeats():
    assert quotes_whole_clause("●开展送温暖活动以来", strip_ws(HEATING))


TRAFFIC = "专家认为，公交优先才能畅通。今年新建道路一百二十公里，交通建设要持续发力。"


def test_a_line_ending_in_a_colon_runs_on_into_the_next():
    # the body repeats the second line whole, yet it is the headline's second half
    got = tiers("城市治堵的经验：", "公交优先才能畅通", body=TRAFFIC)
    assert got == (None, "城市治堵的经验： 公交优先才能畅通", None)


def test_a_dash_broken_across_two_lines_joins_them():
    got = tiers("今年新建道路一百二十公里", "交通建设要稳中求进—", "—三谈今年城市工作", body=TRAFFIC)
    assert got == ("今年新建道路一百二十公里", "交通建设要稳中求进— —三谈今年城市工作", None)


def test_a_balanced_pair_over_a_third_line_is_the_headline_over_a_subtitle():
    # the second line as long as the first: one headline broken to balance, over a third line
    # not shorter than it
    assert tiers("河畔老街换新颜", "百年商铺重开张", "游客纷纷前来观光") == (
        None, "河畔老街换新颜 百年商铺重开张", "游客纷纷前来观光")
    # a shorter third line: a kicker over a headline (its first line as long as the kicker)
    assert tiers("春季植树活动启动", "城西新栽银杏一千棵", "成活率达九成") == (
        "春季植树活动启动", "城西新栽银杏一千棵 成活率达九成", None)
    # not balanced: a kicker over a two-line headline, as before
    assert tiers("老街改造工程完工", "百年商铺", "重新开张") == ("老街改造工程完工", "百年商铺 重新开张", None)


def test_a_line_twice_as_long_under_a_short_complete_one_is_a_subtitle():
    assert tiers("论勤俭办事", "让每一分钱都用在群众最需要的地方") == (
        None, "论勤俭办事", "让每一分钱都用在群众最需要的地方")
    # the first line unfinished (an enumeration comma) or the second running on: one headline
    assert not long_subtitle_under("市交通局、", "公安局联合部署春运期间道路安全工作")
    assert not long_subtitle_under("春运保障", "各地交通部门加强调度确保旅客平安——")
    assert tiers("市交通局、", "公安局联合部署春运期间道路安全工作")[1] == "市交通局、 公安局联合部署春运期间道路安全工作"



def test_a_line_ending_in_a_closing_bracket_is_no_kicker():
    # a titled feature with its own date span in brackets over a much shorter second line:
    # both lines are the headline (`tier_cues.ends_in_bracket`), not a kicker and a headline
    got = tiers("本周电视节目预告（2月3日—2月9日）", "精彩看点")
    assert got == (None, "本周电视节目预告（2月3日—2月9日） 精彩看点", None)
    got = tiers("市区交通管制通知(3月1日起)", "绕行提示")
    assert got == (None, "市区交通管制通知(3月1日起) 绕行提示", None)
    # a long first line without the bracket is still a kicker over a short headline
    got = tiers("本周电视节目预告二月三日至二月九日", "精彩看点")
    assert got == ("本周电视节目预告二月三日至二月九日", "精彩看点", None)


# Made-up heads: a line ending in an opening quotation mark or bracket.
LANTERN = "元宵节前夕，古城举办灯会，主灯组名为“星河璀璨映古城”，吸引了众多游客。"


def test_a_line_ending_in_an_opening_quote_runs_on_into_the_headline():
    # the body repeats the second line whole, but the quotation opened above goes on in it
    got = tiers("古城灯会点亮“", "星河璀璨映古城”", body=LANTERN)
    assert got == (None, "古城灯会点亮“ 星河璀璨映古城”", None)
    # a bracket or title mark opened at the line's end, no body
    assert tiers("青年作家推出长篇新作《", "远方》") == (None, "青年作家推出长篇新作《 远方》", None)

