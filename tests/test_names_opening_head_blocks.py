"""A line read as a byline for its names, printed right under the end of a text and over a head
line, in a dump without blank lines, is the headline's first line
(`name_lines.opens_head_block_after_text`): a byline stands under its headline, never over it.
Made-up raw-like pages: a headline, a report, a names line, a head line, another report."""
from __future__ import annotations

import importlib

import pytest

from banmian.name_lines import NAME_OPENS_HEAD_REASON, closes_text
from banmian.pipeline import parse_text
from columns_text import BRIDGES_LEAD_IN, MARKET_LEAD_IN  # noqa: E402  (pytest puts tests/ on sys.path)


def page_text(names: str, head: str = "雪原", before: list[str] | None = None) -> str:
    first = before if before is not None else [ln.strip() for ln in BRIDGES_LEAD_IN]
    return "\n".join(["城东新桥全部通车", *first, names, head, *[ln.strip() for ln in MARKET_LEAD_IN]])


def kinds(text: str) -> dict[str, str]:
    return {ln.text: ln.kind for ln in parse_text(text, entities=False)[0].lines}


def opened(text: str, names: str) -> bool:
    """The rule made the names line a head line."""
    return any(ln.text == names and NAME_OPENS_HEAD_REASON in ln.reasons
               for ln in parse_text(text, entities=False)[0].lines)


def second_article(text: str):
    return parse_text(text, entities=False)[0].articles[1]


def test_a_names_line_under_a_texts_end_opens_the_headline():
    assert opened(page_text("林海"), "林海")
    art = second_article(page_text("林海"))
    assert art.byline != "林海"
    assert "".join(art.headline.split()) == "林海雪原"


def test_a_department_signing_the_article_above_is_no_head_line():
    assert not opened(page_text("文体部"), "文体部")
    assert kinds(page_text("文体部"))["文体部"] == "byline"


def test_a_name_over_a_date_line_is_a_signature():
    assert not opened(page_text("林海", head="1998年1月"), "林海")


def test_the_text_above_must_be_closed():
    assert closes_text("通车，附近居民出行时间缩短了一半。")
    assert closes_text("（本报大马士革1月21日电）")
    assert not closes_text("记烟台高新技术开发区")
    running = [ln.strip() for ln in BRIDGES_LEAD_IN][:-1]  # the report cut before its last line
    assert not opened(page_text("林海", before=running), "林海")


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_names_line_a_byline(monkeypatch):
    name_lines = importlib.import_module("banmian.name_lines")
    monkeypatch.setattr(name_lines, "NAMES_OPEN_HEAD_BLOCKS", False)
    assert kinds(page_text("林海"))["林海"] == "byline"
    assert "".join(second_article(page_text("林海")).headline.split()) == "雪原"
