"""Blocks of full lines set off by blank lines read as a headline (`unpunctuated_heads.
mark_unpunctuated_blocks`): lines holding headline marks only (quotes, dashes, title marks) make
such a block too, unless body text stands under it; and the page's top sets a block off as a
blank line does."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import BIRDS_12, BRIDGES_12, kinds_of

unpunctuated_heads = importlib.import_module("banmian.unpunctuated_heads")

ABOVE, BELOW = BRIDGES_12, BIRDS_12
QUOTED = ["“三座新桥”上月底通车", "城东居民出行时间缩短一半"]
OVER_CAPTION = "\n".join([*ABOVE, "", *QUOTED, "", "图为新桥通车当天的情景。", "", *BELOW]) + "\n"
OVER_BODY = "\n".join([*ABOVE, "", *QUOTED, "", *BELOW[1:]]) + "\n"
PLAIN = ["城东三座新桥上月底通车", "居民出行时间缩短了一半"]
AT_TOP = "\n".join([*PLAIN, "", "——沿线学校医院都受益", "", *BELOW]) + "\n"


def test_a_set_off_block_holding_quotes_only_is_a_headline():
    got = kinds_of(OVER_CAPTION)
    assert [got[t] for t in QUOTED] == ["head", "head"]
    assert "head:headline_marked_block" in [r for ln in parse_text(OVER_CAPTION, entities=False)[0].lines
                                            if ln.text.strip() == QUOTED[0] for r in ln.reasons]


@pytest.mark.pure_python
def test_the_marked_block_rule_off_leaves_the_block_body(monkeypatch):
    monkeypatch.setattr(unpunctuated_heads, "HEADLINE_MARKED_BLOCKS", False)
    got = kinds_of(OVER_CAPTION)
    assert [got[t] for t in QUOTED] == ["body", "body"]


def test_a_marked_block_over_body_text_is_left_to_the_threading():
    got = kinds_of(OVER_BODY)
    assert [got[t] for t in QUOTED] == ["body", "body"]


def test_a_block_at_the_page_top_is_a_headline():
    got = kinds_of(AT_TOP)
    assert [got[t] for t in PLAIN] == ["head", "head"]


@pytest.mark.pure_python
def test_the_page_top_rule_off_leaves_the_block_body(monkeypatch):
    monkeypatch.setattr(unpunctuated_heads, "PAGE_TOP_SETS_OFF", False)
    got = kinds_of(AT_TOP)
    assert [got[t] for t in PLAIN] == ["body", "body"]
