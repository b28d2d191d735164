"""Head lines between two pieces of one article in a dump with blank lines (pdftotext's):
head lines the text reads on past (`reassemble.continues_past_subhead`, asked there where the
text before stops mid-sentence: `reassemble.subhead_asked`, SUBHEAD_IN_BLOCK_DUMPS),
and a paragraph's short last line set off by blank lines (`reassemble.paragraph_tail_line`)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from test_reassemble import column_lines

thread_subheads = importlib.import_module("banmian.thread_subheads")

ESSAY = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成，"
         "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，全县的水稻亩产提高")
MORE = ("县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积，让更多种粮农民受益，"
        "水稻种植大户和农技人员都对明年的水稻亩产充满信心。")


def blocks_page(essay: str, between: list[str]) -> str:
    """A dump with blank lines between blocks: a headline, the essay, `between` set off by
    blank lines, the essay goes on."""
    return "\n".join(["全县水稻喜获丰收", ""] + column_lines(essay) + [""] + between + [""] + column_lines(MORE)) + "\n"


@pytest.mark.pure_python
def test_text_after_head_lines_inside_a_sentence_stays_in_its_article(monkeypatch):
    # two head lines (another article's headline printed inside this article's column) where
    # the text before stops mid-sentence; an indented paragraph on the same subject follows
    text = blocks_page(ESSAY, ["城东大桥", "今日通车"])
    page = parse_text(text, entities=False)[0]
    assert [a.headline for a in page.articles] == ["全县水稻喜获丰收"]
    assert page.articles[0].paragraphs[-1] == MORE
    monkeypatch.setattr(thread_subheads, "SUBHEAD_IN_BLOCK_DUMPS", False)
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["全县水稻喜获丰收", "城东大桥 今日通车"]


def test_after_a_finished_sentence_head_lines_are_not_asked_as_a_subhead_in_a_dump_with_blank_lines():
    from banmian.model import Fragment, Line

    def piece(end: str) -> Fragment:
        return Fragment(lines=[Line(no=1, raw="水稻亩产提高", text="水稻亩产提高")], start="indent", end=end, order=0)

    assert thread_subheads.subhead_asked(piece("open"), blockless=False)
    assert not thread_subheads.subhead_asked(piece("closed"), blockless=False)
    assert thread_subheads.subhead_asked(piece("closed"), blockless=True)


@pytest.mark.pure_python
def test_a_paragraphs_last_line_between_blank_lines_finishes_the_paragraph(monkeypatch):
    # the column stops mid-sentence at full width; `了一成多` alone finishes the sentence
    text = blocks_page(ESSAY, ["了一成多"])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1
    assert page.articles[0].paragraphs == [ESSAY + "了一成多", MORE]
    monkeypatch.setattr(thread_subheads, "PARAGRAPH_TAIL_LINES", 0)
    assert parse_text(text, entities=False)[0].articles[0].paragraphs == [ESSAY, MORE]  # the line lost
