"""Head lines between two pieces of one article in a dump with blank lines (pdftotext's):
a subhead the text reads on past (`reassemble.continues_past_subhead`, SUBHEAD_IN_BLOCK_DUMPS),
and a paragraph's short last line set off by blank lines (`reassemble.paragraph_tail_line`)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from test_reassemble import column_lines

reassemble_module = importlib.import_module("banmian.stages.reassemble")

ESSAY = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成，"
         "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，全县的水稻亩产提高")
MORE = ("县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积，让更多种粮农民受益，"
        "水稻种植大户和农技人员都对明年的水稻亩产充满信心。")


def blocks_page(essay: str, between: list[str]) -> str:
    """A dump with blank lines between blocks: a headline, the essay, `between` set off by
    blank lines, the essay goes on."""
    return "\n".join(["全县水稻喜获丰收", ""] + column_lines(essay) + [""] + between + [""] + column_lines(MORE)) + "\n"


@pytest.mark.pure_python
def test_a_two_line_subhead_between_blocks_on_one_subject_stays_in_the_article(monkeypatch):
    text = blocks_page(ESSAY + "了一成多。", ["喜看今朝", "再上台阶"])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1 and "喜看今朝再上台阶" in page.articles[0].paragraphs
    monkeypatch.setattr(reassemble_module, "SUBHEAD_IN_BLOCK_DUMPS", False)
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["全县水稻喜获丰收", "喜看今朝 再上台阶"]


@pytest.mark.pure_python
def test_a_paragraphs_last_line_between_blank_lines_finishes_the_paragraph(monkeypatch):
    # the column stops mid-sentence at full width; `了一成多` alone finishes the sentence
    text = blocks_page(ESSAY, ["了一成多"])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1
    assert page.articles[0].paragraphs == [ESSAY + "了一成多", MORE]
    monkeypatch.setattr(reassemble_module, "PARAGRAPH_TAIL_LINES", 0)
    assert parse_text(text, entities=False)[0].articles[0].paragraphs == [ESSAY, MORE]  # the line lost
