"""headlines: a piece printed right under its continuation line (`（上接第三版）`) is the rest of a
report begun on another page and takes no head block (`under_continued_line`). Made-up page."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

# A headline whose report is printed elsewhere, a headed report, then a continued piece that
# repeats the first headline's words.
PAGE = """市交通局将增开
两条公交线路

城东三座跨河桥梁建成通车

本报讯 城东新建的三座
跨河桥梁已于上月底全部建
成通车，附近居民到市中心
的出行时间缩短了一半。

（上接第三版）

三座跨河桥梁通车后，城东
片区的交通拥堵将得到缓解，
市民出行更加方便。市交通
局还将增开两条公交线路。
"""


def continued_head() -> str | None:
    page = parse_text(PAGE, entities=False)[0]
    art = next(a for a in page.articles if a.continued_from)
    return art.headline


def test_a_continued_piece_takes_no_headline():
    assert continued_head() is None


@pytest.mark.pure_python
def test_the_rule_off_gives_it_a_headline(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "HEADLESS_CONTINUATIONS", False)
    assert continued_head() is not None
