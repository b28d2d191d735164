"""A block of two short lines balanced in length, set off by blank lines, holding no mark but a
headline's, reads as a headline broken in two (`set_off_heads.mark_balanced_pairs`); a
two-line piece of body text (an indented opening over a full line) stays body. Made-up text."""
from __future__ import annotations

import importlib

import pytest

from columns_text import BIRDS_12, BRIDGES_12, kinds_of

set_off_heads = importlib.import_module("banmian.set_off_heads")

ABOVE, BELOW = BRIDGES_12, BIRDS_12
PAIR = ["湖滨公园今春迎来候鸟", "园方新设两处观鸟木平台"]  # 10 and 11 characters, short of the column
SET_OFF = "\n".join([*ABOVE, "", *PAIR, "", *BELOW]) + "\n"
PIECE = ["  园方新设了两处观鸟", "台，市民可以免费登台远"]  # an indented opening over a full line
BODY_PIECE = "\n".join([*ABOVE, "", *PIECE, "", *BELOW]) + "\n"


def test_a_balanced_pair_set_off_by_blank_lines_is_a_headline():
    got = kinds_of(SET_OFF)
    assert [got[t] for t in PAIR] == ["head", "head"]


def test_an_indented_opening_over_a_full_line_stays_body():
    got = kinds_of(BODY_PIECE)
    assert [got[t.strip()] for t in PIECE] == ["body", "body"]


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_pair_body(monkeypatch):
    monkeypatch.setattr(set_off_heads, "BALANCED_PAIRS", False)
    got = kinds_of(SET_OFF)
    assert [got[t] for t in PAIR] == ["body", "body"]
