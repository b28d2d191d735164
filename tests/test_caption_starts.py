"""An indented paragraph printed right under a picture's caption, after another piece's finished
text, opens an article (`caption_starts`), unless the caption's words are the text above's or
the text above is a report's short lead-in opening."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

# pdftotext's layout: blank lines between blocks, a paragraph's first line two em short.
PAGE = """春节市场供应充足

{opening}
研究部署春节期间的市场供
应工作。会议要求各部门加
强协调，保证节日市场供应
充足、价格稳定，让市民过
一个欢乐祥和的春节。

{caption}

春节前夕，城东农贸
市场里人来人往，蔬菜、肉
类、水产品摆满了摊位，市
民们纷纷选购年货。一位摊
主说，今年的蔬菜价格比去
年稳定，生意也比去年好做。
"""
OPENING = "市政府今天召开会议，"
CAPTION = "图为市民在农贸市场选购年货。"


def _articles(text: str) -> list:
    return parse_text(text, entities=False)[0].articles


def test_the_paragraph_under_the_caption_opens_an_article_with_its_reason():
    page = parse_text(PAGE.format(opening=OPENING, caption=CAPTION), entities=False)[0]
    assert len(page.articles) == 2
    opening = next(ln for ln in page.lines if ln.text.startswith("春节前夕"))
    assert "article_start:under_caption_after_text" in opening.reasons


@pytest.mark.parametrize("opening, caption", [
    (OPENING, "图为会议要求保证节日市场供应充足。"),  # the caption quotes the text above: its picture
    ("本报讯 市政府今天召开会议，", CAPTION),  # a report's lead-in opening above: the rest is its own
])
def test_no_start_where_the_picture_is_the_text_aboves(opening, caption):
    assert len(_articles(PAGE.format(opening=opening, caption=caption))) == 1


@pytest.mark.pure_python
def test_without_the_rule_the_paragraph_goes_on_the_text_above(monkeypatch):
    thread_beam = importlib.import_module("banmian.thread_beam")
    text = PAGE.format(opening=OPENING, caption=CAPTION)
    assert len(_articles(text)) == 2
    monkeypatch.setattr(thread_beam, "CAPTION_STARTS", False)
    assert len(_articles(text)) == 1
