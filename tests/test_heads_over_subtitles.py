"""A body line right over a subtitle's dash line, holding no clause mark, is the headline's last
line in a dump without blank lines (`wide_heads.mark_heads_over_subtitles`). Made-up raw-like
pages: a headline, a report, a headline read as body, a dash line, a report with no lead-in."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import BRIDGES_LEAD_IN, FLUSH_MARKET  # noqa: E402  (pytest puts tests/ on sys.path)

HEAD = "老街早市天不亮就热闹"  # as wide as the column: read as body
DASH = "——菜农挑着青菜赶来"
REASON = "head:over_dash_subtitle"


def page_text(line: str = HEAD, dash: str = DASH, blank: bool = False) -> str:
    first = ["城东新桥全部通车", *[ln.strip() for ln in BRIDGES_LEAD_IN]]
    return "\n".join(first + ([""] if blank else []) + [line, dash, *FLUSH_MARKET])


def line_of(text: str, wanted: str):
    return next(ln for ln in parse_text(text, entities=False)[0].lines if ln.text == wanted)


def test_the_line_over_the_dash_line_is_a_head_line():
    ln = line_of(page_text(), HEAD)
    assert ln.kind == "head" and REASON in ln.reasons
    assert line_of(page_text(), DASH).kind == "head"


def test_not_a_line_holding_a_clause_mark_nor_over_a_dash_alone():
    assert REASON not in line_of(page_text("老街早市，天不亮就热闹"), "老街早市，天不亮就热闹").reasons
    assert REASON not in line_of(page_text(dash="－"), HEAD).reasons


def test_not_where_blank_lines_set_blocks_off():
    assert REASON not in line_of(page_text(blank=True), HEAD).reasons


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_line_body(monkeypatch):
    wide_heads = importlib.import_module("banmian.wide_heads")
    monkeypatch.setattr(wide_heads, "HEADS_OVER_SUBTITLES", False)
    assert line_of(page_text(), HEAD).kind == "body"
