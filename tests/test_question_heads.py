"""question_heads: a headline ending with a question or exclamation mark (made-up lines, 11 em)."""
from __future__ import annotations

from banmian.model import Source
from banmian.pipeline import page_from_lines
from banmian.stages.classify import classify
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize

REPORT = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益。"]
OPENING = ["　　城东的老居民区里，", "家家户户都在议论这件", "事情，说法各不相同。"]


def page_of(raw_lines: list[str]):
    return classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))


def test_a_question_set_off_above_and_over_a_dash_subtitle_is_the_headline():
    page = page_of(REPORT + ["", "新桥通车以后怎么走？", "——城东居民的出行新路", "张建华"] + OPENING)
    assert [ln.kind for ln in page.lines[5:7]] == ["head", "head"]
    assert "head:question_over_head_matter" in page.lines[5].reasons


def test_an_exclamation_over_a_reporter_line_is_the_headline():
    page = page_of(REPORT + ["", "周末一起逛新桥去！", "本报记者张建华"] + OPENING)
    assert page.lines[5].kind == "head"
    assert page.lines[6].kind == "byline"


def test_a_question_over_a_lead_in_is_the_headline():
    page = page_of(REPORT + ["", "新桥通车以后怎么走？", "本报讯　城东的老居民区", "里，家家户户都在议论这", "件事情，说法各不相同。"])
    assert page.lines[5].kind == "head"


def test_a_question_closing_a_paragraph_stays_body():
    # under a body line that runs on into it: the end of a paragraph, whatever is under it
    page = page_of(REPORT[:3] + ["学校和医院受益了吗？", "——城东居民的出行新路"] + OPENING)
    assert page.lines[3].kind == "body"


def test_a_question_over_its_own_paragraph_stays_body():
    page = page_of(REPORT + ["", "新桥通车以后怎么走？"] + OPENING)
    assert page.lines[5].kind == "body"
