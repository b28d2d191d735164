"""One-line subheads in series in a dump with blank lines (pdftotext's): two short lines, each
between a finished sentence and an indented paragraph, head sections of one article
(`thread_subheads.subhead_in_series`), whatever the sections' texts share."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

thread_subheads = importlib.import_module("banmian.thread_subheads")

HEAD = "小城春节新气象"
P1 = "春节临近，小城的街道上挂满了红灯笼，商场里人来人往，年货摊前排起了长队，处处是节日的气氛。"
SUB1 = "饭店上门做年夜饭"
P2 = "春节前，小城不少家庭请厨师到家里掌勺，顾客提前定好菜单，厨师带着炊具和原料登门，一家人在家就能吃上酒楼的名菜。"
SUB2 = "照相馆进社区"
P3 = "春节前，小城几家照相馆把摄影棚搬进了社区活动室，老人们穿上新衣拍全家福，孩子们围着灯光架看热闹。"
P4 = "摄影师说，过去拍照要跑到城里，现在走几步就到，许多老人是第一次拍彩色照片，取照片时都舍不得放下。"


def blocks_page(sub2: str = SUB2, p3: str = P3) -> str:
    """The article as pdftotext prints it: each paragraph and each subhead a block of its own."""
    blocks = [[HEAD], column_lines(P1), [SUB1], column_lines(P2), [sub2], column_lines(p3), column_lines(P4)]
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


def headlines(text: str) -> list[str | None]:
    return [a.headline for a in parse_text(text, entities=False)[0].articles]


@pytest.mark.pure_python
def test_subheads_in_series_stay_in_their_article(monkeypatch):
    page = parse_text(blocks_page(), entities=False)[0]
    assert [a.headline for a in page.articles] == [HEAD]
    assert SUB1 in page.articles[0].paragraphs and SUB2 in page.articles[0].paragraphs
    monkeypatch.setattr(thread_subheads, "SUBHEAD_SERIES", False)  # the rule off
    assert len(headlines(blocks_page())) > 1


def test_a_lead_in_under_the_second_line_opens_an_article():
    # `本报讯…` under a short line: a headline over a report of its own, no series of sections
    text = blocks_page(p3="本报讯" + P3)
    assert len(headlines(text)) > 1


def test_a_dash_line_is_a_subtitle_not_a_subhead():
    text = blocks_page(sub2="——照相馆进社区")
    assert len(headlines(text)) > 1
