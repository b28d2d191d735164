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
