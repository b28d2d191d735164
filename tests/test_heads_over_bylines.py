"""A two-line headline holding a dash or quotes over a byline line is a headline, not body
(`head_context._headline_marked_pair`), in a dump without blank lines that prints an article's
body before its headline."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import column_lines

head_context = importlib.import_module("banmian.head_context")
unpunctuated_heads = importlib.import_module("banmian.unpunctuated_heads")

BRIDGES = column_lines("城东新建的三座桥梁已于上月底全部通车，附近居民出行时间缩短了一半。新桥通车以后，"
                       "沿线的学校和医院也因此受益。", width=11, indent=0)
HEAD = ["春风化雨润城东——记", "城东区新建桥梁通车纪实"]
BIRDS = column_lines("湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种。园方在湖心岛新设了两处"
                     "观鸟台，供市民远远观看，不去打扰鸟群。", width=11, indent=0)
DUMP = "\n".join([*BRIDGES, *HEAD, "本报记者王明华", *BIRDS]) + "\n"


def kinds(text: str) -> dict[str, str]:
    page = parse_text(text, entities=False)[0]
    return {ln.text.strip(): ln.kind for ln in page.lines}


def test_a_dashed_two_line_headline_over_a_byline_is_head():
    got = kinds(DUMP)
    assert got["本报记者王明华"] == "byline"
    assert [got[t] for t in HEAD] == ["head", "head"]


@pytest.mark.pure_python
def test_the_rule_off_reads_the_headline_as_body(monkeypatch):
    monkeypatch.setattr(head_context, "_headline_marked_pair", lambda before, above: False)
    monkeypatch.setattr(unpunctuated_heads, "HEADLINE_MARKED_RUNS", False)  # the run after a finished sentence would mark it too
    got = kinds(DUMP)
    assert [got[t] for t in HEAD] == ["body", "body"]


def test_a_pair_holding_a_clause_mark_is_no_headline_pair():
    from banmian.model import Line

    def line(t: str) -> Line:
        return Line(no=1, raw=t, text=t, kind="body")
    assert head_context._headline_marked_pair(line(HEAD[0]), line(HEAD[1]))
    assert not head_context._headline_marked_pair(line("他说——这座桥，"), line(HEAD[1]))
    assert not head_context._headline_marked_pair(line("春风化雨润城东"), line(HEAD[1]))  # no mark: the other rule's


# the text above the headline runs on, its last two lines holding three commas (no headline's)
CUT_SHORT = ["城东新建的三座桥梁已于", "上月底通车，出行时间缩", "短了一半。新桥通车以后", "，沿线的学校、医院和商", "店也因此受益，客流大增"]
LEAD_IN_DUMP = "\n".join([*CUT_SHORT, *HEAD, "本报东城1月5日讯", *BIRDS]) + "\n"


def test_a_dashed_two_line_headline_over_a_lead_in_under_text_cut_short_is_head():
    """Under text cut short (no finished sentence above), the pair next to a lead-in is still a
    headline when its only marks are a headline's (`_unfinished_run_above`)."""
    got = kinds(LEAD_IN_DUMP)
    assert [got[t] for t in HEAD] == ["head", "head"]


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_pair_over_a_lead_in_body(monkeypatch):
    monkeypatch.setattr(head_context, "_headline_marked_pair", lambda before, above: False)
    got = kinds(LEAD_IN_DUMP)
    assert [got[t] for t in HEAD] != ["head", "head"]
