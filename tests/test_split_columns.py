"""split_columns: lines where pdftotext printed two columns side by side are split, and their
block is rebuilt column by column. The pages here are made up, with an 11 em column."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from banmian.invariant import diff, input_chars, printed_chars
from banmian.model import Source
from banmian.pipeline import page_from_lines, parse_text
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize
from banmian.stages.split_columns import best_cut, split_columns
from banmian.writers.json import page_to_dict

# a single-column paragraph that sets the column width (11 em)
INTRO = ["　　市交通局昨天发布消息，全", "年共完成道路改造工程四", "十二项，新增公交线路九", "条，市民出行更加便捷。"]
LEFT = ["湖滨湿地公园今年春天将", "迎来第一批候鸟，园内新", "建的观鸟长廊已经完工，", "游客可以在这里近距离观"]
RIGHT = ["城东新建的三座桥梁已于", "上月底全部通车，附近居", "民出行时间缩短了一半。", "市里还计划在明年增加公"]


def run(raw_lines: list[str]):
    """normalize, measure and split_columns over a page of raw lines (line numbers from 1)."""
    page = page_from_lines(raw_lines, Source(path="<test>"))
    return split_columns(measure(normalize(page)))


def texts(page) -> list[str]:
    return [ln.text for ln in page.lines]


def merged(lefts, rights, sep=" "):
    return [a + sep + b for a, b in zip(lefts, rights)]


def test_a_run_of_merged_lines_is_split_and_read_column_by_column():
    raw = INTRO + [""] + merged(LEFT, RIGHT) + ["", "交线路，方便市民出行。"]
    page = run(raw)
    assert page.column_width == 11.0
    assert texts(page)[5:14] == LEFT + [""] + RIGHT
    left, right = page.lines[5:9], page.lines[10:14]
    assert [ln.no for ln in left] == [6, 7, 8, 9] and [ln.no for ln in right] == [6, 7, 8, 9]
    assert all("split_columns:left_of_2" in ln.reasons for ln in left)
    assert all("split_columns:right_of_2" in ln.reasons for ln in right)
    gap = page.lines[9]
    assert gap.blank and gap.raw == "" and gap.no == 6
    assert [ln.width for ln in left + right] == [11.0] * 8
    assert [ln.raw for ln in right] == RIGHT  # raw is the part as printed, without the gutter


def test_the_gutter_may_be_wider_than_one_space_and_beside_a_digit():
    lefts = ["湖滨湿地公园今年春天将", "迎来第一批候鸟，园内有"]
    rights = ["2024年新建的三座桥梁已", "于上月底全部通车，附近"]
    page = run(INTRO + [""] + merged(lefts, rights, sep="   "))
    assert texts(page)[5:] == lefts + [""] + rights


def test_a_line_alone_between_merged_lines_goes_to_the_column_it_continues():
    # the right column ends a paragraph on row 2; the next paragraph's indented first line
    # is printed alone, then the rows merge again
    lefts = ["湖滨湿地公园今年春天将", "迎来第一批候鸟，园内新", "建的观鸟长廊已经完工，"]
    rights = ["城东新建的三座桥梁已于", "上月底全部通车。", "市里还计划在明年增加公"]
    raw = INTRO + [""] + merged(lefts[:2], rights[:2]) + ["　　这些桥梁建成后，"] + merged(lefts[2:], rights[2:])
    page = run(raw)
    assert texts(page)[5:] == lefts + [""] + rights[:2] + ["这些桥梁建成后，"] + rights[2:]
    alone = page.lines[11]
    assert alone.no == 8 and "split_columns:to_column_2_of_2" in alone.reasons


def test_three_columns():
    third = ["农业部门今年将新建高标", "准农田二十万亩，并改造", "灌溉渠道一百二十公里，"]
    raw = INTRO + [""] + [f"{a} {b} {c}" for a, b, c in zip(LEFT, RIGHT, third)]
    page = run(raw)
    assert texts(page)[5:] == LEFT[:3] + [""] + RIGHT[:3] + [""] + third
    assert "split_columns:middle1_of_3" in page.lines[9].reasons


def test_a_headline_with_a_real_space_is_not_split():
    for head in ("稳字当头 稳中求进", "坚持稳字当头稳中求进 全力推动经济持续回升向好"):
        raw = INTRO + ["", head, "", *LEFT]
        page = run(raw)
        assert head.replace(" ", "") in [t.replace(" ", "") for t in texts(page)]
        assert len(page.lines) == len(raw)
    # even a two-line headline, both lines wide and spaced, in a block of its own
    raw = INTRO + ["", "坚持稳字当头稳中求进 全力推动经济持续回升向好", "开创高质量发展新局面 奋力谱写现代化新篇章", ""] + LEFT
    assert len(run(raw).lines) == len(raw)


def test_a_byline_is_not_split():
    raw = INTRO + ["", "本报记者 王某 李某", ""] + merged(LEFT, RIGHT)
    page = run(raw)
    assert page.lines[5].text == "本报记者 王某 李某"
    assert page.lines[5].no == 6 and not any(r.startswith("split_columns") for r in page.lines[5].reasons)


def test_a_single_long_caption_line_is_not_split():
    caption = "图为湖滨湿地公园的观鸟长廊。新华社记者 宋娥摄"
    assert best_cut(caption, 11.0) is None  # `记者 宋娥摄` is a role and a name, never a gutter
    raw = INTRO + ["", caption, ""] + LEFT
    page = run(raw)
    assert [ln.raw for ln in page.lines] == raw


def test_one_merged_line_alone_is_left_alone():
    raw = INTRO + [""] + merged(LEFT[:1], RIGHT[:1]) + LEFT[1:]
    assert [ln.raw for ln in run(raw).lines] == raw


def test_a_page_without_merged_lines_is_unchanged():
    raw = INTRO + ["", *LEFT, "", *RIGHT]
    page = run(raw)
    assert [ln.raw for ln in page.lines] == raw and [ln.no for ln in page.lines] == list(range(1, len(raw) + 1))


def test_nothing_lost_nothing_invented_and_line_numbers_kept_through_the_pipeline():
    caption = "图为湖滨湿地公园的观鸟长廊。新华社记者 宋娥摄"
    more = ["　　记者从市园林局获悉，", "今年全市将新建口袋公园", "三十个，改造老旧公园十", "二个，年底前全部完工。"]
    raw = ["2024年3月6日 星期三", "", "湿地迎来候鸟", "", *INTRO, "", caption, "", *merged(LEFT, RIGHT), "（下转A3版）",
           "", "本报记者 王某 李某", "稳字当头 稳中求进", "", *more]
    text = "\n".join(raw)
    (page,) = parse_text(text)
    assert page.column_width == 11.0
    assert diff(input_chars(text), printed_chars(page_to_dict(page))) == {}
    first = raw.index(merged(LEFT, RIGHT)[0]) + 1  # input line number of the first merged line
    by_text = {ln.text: ln.no for ln in page.lines}
    merged_nos = list(range(first, first + len(LEFT)))
    assert [by_text[t] for t in LEFT] == merged_nos and [by_text[t] for t in RIGHT] == merged_nos
    assert by_text["本报记者 王某 李某"] == raw.index("本报记者 王某 李某") + 1


HANZI = "湖滨湿地公园今年春天将迎来第一批候鸟城东新建的三座桥梁已于上月底全部通车"
column_line = st.one_of(
    st.builds(str.__add__, st.text(alphabet=HANZI, min_size=9, max_size=11), st.sampled_from(["", "，", "。"])),
    st.builds("{}{} {}年{}。".format, st.text(alphabet=HANZI, min_size=1, max_size=4), st.integers(1, 12),
              st.integers(1990, 2030), st.text(alphabet=HANZI, max_size=3)),
    st.text(alphabet=HANZI + "，。 ", min_size=1, max_size=14),
)
row = st.lists(column_line, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(row, row, st.just("")), max_size=30))
def test_the_stage_keeps_every_character_once_and_every_line_number(rows):
    raw = INTRO + [""] + rows
    page = run(raw)
    assert Counter(c for ln in page.lines for c in ln.raw if not c.isspace()) == input_chars("".join(raw))
    assert {ln.no for ln in page.lines} == set(range(1, len(raw) + 1))
    for ln in page.lines:
        assert ln.raw in raw[ln.no - 1]  # each part is a piece of the line it came from


@pytest.mark.pure_python
def test_inside_a_merged_block_an_indented_first_line_is_cut_off_too(monkeypatch):
    # a row whose left part is a paragraph's indented first line: alone it would not be cut
    # (an unpunctuated short part), inside a block of merged rows it is
    import importlib

    S = importlib.import_module("banmian.stages.split_columns")

    lefts = ["湖滨湿地公园今年春天将", "迎来第一批候鸟，园内新", "游客可以在这里近距离观"]
    rights = ["城东新建的三座桥梁已于", "上月底全部通车，附近居", "市里还计划在明年增加公"]
    raw = (INTRO + [""] + merged(lefts[:2], rights[:2]) + ["建成观鸟长廊后游客 民出行时间缩短了一半，"]
           + merged(lefts[2:], rights[2:]))
    page = run(raw)
    assert "建成观鸟长廊后游客" in texts(page) and "民出行时间缩短了一半，" in texts(page)
    monkeypatch.setattr(S, "parts_in_block", lambda line, width: None)
    page = run(raw)
    assert "建成观鸟长廊后游客" not in texts(page)
