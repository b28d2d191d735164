"""unweave: stretches where pdftotext printed two columns' lines alternately are read again
column by column. The texts are made up and set in an 11-character column."""
from __future__ import annotations

import importlib

from banmian.invariant import diff, input_chars, printed_chars
from banmian.model import Source
from banmian.pipeline import page_from_lines, parse_text
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize
from banmian.stages.split_columns import split_columns
from banmian.writers.json import page_to_dict

unweave_module = importlib.import_module("banmian.stages.unweave")

BIRDS = ("今年春天，市园林部门在湖滨湿地公园新建了一条观鸟长廊，长廊全长一千二百米，沿途设置了十二个"
         "观测平台和六块科普展板。公园管理处负责人介绍，去年冬天共有四十多种候鸟在湿地越冬，其中包括"
         "国家一级保护动物东方白鹳。为了减少游客对鸟类的干扰，长廊两侧种植了芦苇和灌木，观测平台也使"
         "用了单向玻璃。周末前来观鸟的市民络绎不绝，不少家长带着孩子一起记录鸟类的种类和数量。")
BRIDGES = ("城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。市交通"
           "运输局表示，这三座桥梁采用了预制拼装技术，施工期间没有中断河道通航，也没有占用周边道路。桥"
           "面设置了独立的自行车道和人行道，夜间照明全部使用节能灯具。明年市里还计划在桥梁两端增加公交"
           "线路，方便沿线的学校和医院。")


def column(text: str, width: int = 11) -> list[str]:
    """The text set in lines of `width` characters: each paragraph (ending at `。` followed by
    `周末` or `明年`, as written here) starts on an indented line, and no line starts with a
    comma or full stop (it stays at the end of the line before, as typeset)."""
    lines: list[str] = []
    for para in text.replace("。周末", "。\n周末").replace("。明年", "。\n明年").split("\n"):
        line = "　　"
        for ch in para:
            if len(line) >= width and ch not in "，。、；：":
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


def woven(a: list[str], b: list[str]) -> list[str]:
    out = []
    for k in range(max(len(a), len(b))):
        out += a[k:k + 1] + b[k:k + 1]
    return out


def run(raw_lines: list[str]):
    page = page_from_lines(raw_lines, Source(path="<test>"))
    return unweave_module.unweave(split_columns(measure(normalize(page))))


def nonblank(page) -> list[str]:
    return [ln.raw for ln in page.lines if not ln.blank]


def test_alternating_lines_of_two_columns_are_read_column_by_column():
    a, b = column(BIRDS), column(BRIDGES)
    page = run(woven(a, b))
    assert nonblank(page) in (a + b, b + a)
    assert any(ln.blank and "unweave:column_break" in ln.reasons for ln in page.lines)
    assert all(any(r.startswith("unweave:stream_") for r in ln.reasons) for ln in page.lines if not ln.blank)


def test_the_stretch_may_start_after_lines_read_in_order_and_end_in_one_column():
    a, b = column(BIRDS), column(BRIDGES)
    raw = a[:3] + woven(a[3:], b[:11])  # the bridge column ends at a paragraph's end: the birds go on alone
    page = run(raw)
    got = nonblank(page)
    assert got in (a + b[:11], b[:11] + a)


def test_a_column_read_in_order_is_left_alone():
    a, b = column(BIRDS), column(BRIDGES)
    page = run(a + [""] + b)
    assert [ln.raw for ln in page.lines] == a + [""] + b
    assert not any(r.startswith("unweave:") for ln in page.lines for r in ln.reasons)


def test_the_parsed_page_gives_each_column_to_its_own_article_and_loses_nothing():
    a, b = column(BIRDS), column(BRIDGES)
    text = "\n".join(["本报讯（记者 林海）"] + woven(a, b))  # the bridges' byline heads the bridge column
    page = parse_text(text, entities=False)[0]
    bodies = {"".join(art.paragraphs) for art in page.articles}
    assert bodies == {BIRDS, BRIDGES}
    assert diff(input_chars(text), printed_chars(page_to_dict(page))) == {}


def test_window_gain_is_positive_for_woven_lines_and_not_for_ordered_ones():
    a, b = column(BIRDS), column(BRIDGES)
    gains = unweave_module.window_gains
    woven_lines = page_from_lines(woven(a, b), Source(path="<test>")).lines
    ordered_lines = page_from_lines(a + b, Source(path="<test>")).lines
    for ln in woven_lines + ordered_lines:
        ln.text = ln.raw
    assert max(gains(woven_lines)) > unweave_module.ALT_GAIN_MIN
    assert max(gains(ordered_lines)) <= unweave_module.ALT_GAIN_MIN
    assert gains(ordered_lines[:unweave_module.WINDOW - 1]) == []  # too short for a window


def test_the_flagged_windows_are_those_whose_full_gain_beats_the_floor():
    a, b = column(BIRDS), column(BRIDGES)
    for raw in (woven(a, b), a + b, a[:5] + woven(a[5:], b) + b[:4]):
        lines = page_from_lines(raw, Source(path="<test>")).lines
        for ln in lines:
            ln.text = ln.raw
        gains = unweave_module.window_gains(lines)
        assert unweave_module.flagged_windows(lines) == [k for k, g in enumerate(gains)
                                                          if g > unweave_module.ALT_GAIN_MIN]
