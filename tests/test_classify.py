"""classify: head against body for short lines (made-up lines in a 12-character column)."""
from __future__ import annotations

from banmian.model import Source
from banmian.pipeline import page_from_lines
from banmian.stages.classify import classify
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize

BODY = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", "也因此受益。"]


def kinds(raw_lines: list[str]) -> list[str]:
    page = classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))
    return [ln.kind for ln in page.lines]


def test_a_short_line_ending_with_a_colon_above_a_headline_line_is_part_of_the_headline():
    got = kinds(BODY + ["", "《城东新桥》：", "出行时间缩短一半", ""] + BODY)
    assert got[5:7] == ["head", "head"]


def test_a_short_line_ending_with_a_colon_above_body_lines_stays_body():
    got = kinds(BODY + ["", "主要有以下几点：", "一是沿线新建了两个公交站，", "方便了附近的居民和学生。", ""] + BODY)
    assert got[5] == "body"


REPORT = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益。"]  # 11 em


def test_the_line_above_a_letters_salutation_is_its_headline_even_a_column_wide():
    got = kinds(REPORT + ["", "城东新桥方便了居民出行", "编辑同志：", "　　我家住在城东，每天", "上班都要绕行很远的路，"])
    assert got[5] == "head"  # 11 em: as wide as the column
    assert got[6] == "body"


def test_salutations_are_recognised_alone_on_their_line():
    from banmian.rules.furniture import is_salutation

    assert is_salutation("编辑同志：") and is_salutation("记者同志:") and is_salutation("编辑部：")
    assert not is_salutation("编辑同志说：") and not is_salutation("同志：") and not is_salutation("编辑同志")


def test_a_letter_after_another_article_opens_an_article_of_its_own():
    from banmian.pipeline import parse_text

    letter = ["城东新桥方便了居民出行", "编辑同志：", "　　我家住在城东，每天", "上班都要绕行很远的路，", "现在终于方便了。"]
    page = parse_text("\n".join(REPORT + [""] + letter), entities=False)[0]
    assert [a.headline for a in page.articles] == [None, "城东新桥方便了居民出行"]
    assert page.articles[1].paragraphs[0] == "编辑同志："
