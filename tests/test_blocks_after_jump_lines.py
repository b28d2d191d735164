"""A dump without blank lines that prints each article's body before its headline block: a block
printed after the jump line (`下转…`) that closes an article's text stands right after that
article (`head_places.past_jump_line`), and goes to it."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Line

from columns_text import FLUSH_BIRDS as BIRDS, FLUSH_BRIDGE as BRIDGE, FLUSH_MARKET as MARKET
from columns_text import heads_by_opening as heads

head_places = importlib.import_module("banmian.head_places")

# my own made-up articles: the first and last headlines share words with their openings; the
# second report runs on to another page, its jump line printed before its headline, which shares
# no words with its opening
DUMP = "\n".join([*BRIDGE, "城东三座新桥通车", "本报记者王明华", *BIRDS, "（下转第七版）", "春来鸟声喧闹",
                  "本报记者李青", *MARKET, "老街早市天不亮就热闹", "本报记者赵文"]) + "\n"


def test_a_block_after_a_jump_line_heads_the_article_the_line_closes():
    got = heads(DUMP)
    assert got == {"城东三座": "城东三座新桥通车", "湖滨湿地": "春来鸟声喧闹", "老街的早": "老街早市天不亮就热闹"}


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_block_to_the_article_under_it(monkeypatch):
    monkeypatch.setattr(head_places, "AFTER_JUMP_LINES", False)
    assert heads(DUMP)["湖滨湿地"] != "春来鸟声喧闹"


def test_past_jump_line():
    jump = Line(no=1, raw="（下转第七版）", text="（下转第七版）", kind="jump")
    head = Line(no=2, raw="春来鸟声喧闹", text="春来鸟声喧闹", kind="head")
    assert head_places.past_jump_line([jump, head]) == [head]
    assert head_places.past_jump_line([head, jump]) == [head, jump]
    assert head_places.past_jump_line([jump]) == [jump]
