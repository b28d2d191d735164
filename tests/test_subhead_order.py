"""Subheads inside one article (`reassemble.absorb_subheads`), in a dump without blank lines:
each goes in as a paragraph right before the text it heads, however many the article holds
(`_position`), and also over a piece whose first line is one em short ending in a mark, an
indented first line with its marks set half-width (`_opens_under_subhead`). Made-up text in a
12-character column."""
from __future__ import annotations

from banmian.pipeline import parse_text

from test_reassemble import column_lines

ESSAY = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成。"
         "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高了一成多。")
MORE = ("县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积，让更多种粮农民受益，"
        "水稻种植大户和农技人员都对明年的水稻亩产充满信心。")
LAST = ("水稻良种推广以后，全县种粮农民的收入逐年增加，水稻种植大户王建国今年又承包了两百亩稻田，"
        "他说明年要让水稻亩产再提高一成。")


def _paragraphs(text: str) -> list[str]:
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1
    return page.articles[0].paragraphs


def test_two_subheads_of_one_article_each_stand_before_the_text_they_head():
    lines = ["全县水稻喜获丰收"] + column_lines(ESSAY) + ["喜看今朝"] + column_lines(MORE) + ["再上台阶"] + column_lines(LAST)
    paras = _paragraphs("\n".join(lines) + "\n")
    first, second = paras.index("喜看今朝"), paras.index("再上台阶")
    assert paras[first + 1].startswith("县农业局表示")
    assert paras[second + 1].startswith("水稻良种推广以后")
    assert paras[second - 1].endswith("充满信心。")


def test_a_subhead_over_a_first_line_one_em_short_stays_in_its_place():
    # the piece under the second subhead opens on a line one em short that ends in a mark
    opening = "水稻良种全面推广以后，"  # 10 characters and a mark: 11 em in a 12-em column
    rest = column_lines("全县种粮农民的收入逐年增加，水稻种植大户王建国今年又承包了两百亩稻田，"
                        "他说明年要让水稻亩产再提高一成。", indent=0)
    lines = (["全县水稻喜获丰收"] + column_lines(ESSAY) + ["喜看今朝"] + column_lines(MORE) + ["再上台阶"]
             + [opening] + rest)
    paras = _paragraphs("\n".join(lines) + "\n")
    assert "再上台阶" in paras
    second = paras.index("再上台阶")
    assert paras[second + 1].startswith("水稻良种全面推广以后")


def test_a_head_line_the_text_runs_across_goes_in_where_it_stands():
    # the text stops mid-sentence at a full line, a short unpunctuated line (a headline's
    # shape), then an indented paragraph: the short line ends the sentence
    essay = column_lines("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成。"
                         "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高了一成多，全县的种粮农民都感谢")
    assert essay[-1] == "多，全县的种粮农民都感谢"
    lines = ["全县水稻喜获丰收"] + essay + ["科学种田"] + column_lines(MORE)
    page = parse_text("\n".join(lines) + "\n", entities=False)[0]
    assert [a.paragraphs for a in page.articles] == [[
        "今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成。"
        "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高了一成多，全县的种粮农民都感谢科学种田",
        MORE]]
    assert "body:runs_on_across_head_line" in page.lines[len(essay) + 1].reasons
