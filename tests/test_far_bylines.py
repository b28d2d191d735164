"""far_bylines: a byline line printed right before a report that opens with a lead-in byline is
not that report's; it goes to the nearest head block above whose article still waits for one
(made-up pages, an 11 em column, and made-up lines)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import BIRDS, BRIDGES_LEAD_IN, MARKET_LEAD_IN  # noqa: E402  (pytest puts tests/ on sys.path)

# Dev pdftotext page 29: `广东对外开` / `放上新水平`, a `本报讯` report with its own headline,
# then `本报记者郑德刚` over a caption and a `据新华社哈尔滨…电` report.
PAGE = ["湿地公园迎来候鸟", "", *BIRDS, "", "城东三座桥梁通车", *BRIDGES_LEAD_IN, "", "本报记者张国成", "",
        *MARKET_LEAD_IN]


def bylines(lines: list[str]) -> dict[str, str | None]:
    """Each article's byline, keyed by its body's first four characters."""
    page = parse_text("\n".join(lines), entities=False)[0]
    return {"".join(a.paragraphs)[:4]: a.byline for a in page.articles}


def test_a_byline_over_a_lead_in_report_goes_to_the_waiting_head_above():
    got = bylines(PAGE)
    assert got["湖滨湿地"] == "本报记者张国成"
    assert got["西城农贸"] == "本报讯"


def test_with_no_waiting_head_above_the_byline_stays_unclaimed():
    """Only the lead-in report's headline above: the line is left over, not given to it."""
    page = parse_text("\n".join(["城东三座桥梁通车", *BRIDGES_LEAD_IN, "", "本报记者张国成", "",
                                 *MARKET_LEAD_IN]), entities=False)[0]
    assert all(a.byline in ("本报讯", None) for a in page.articles)
    assert any(u.text == "本报记者张国成" for u in page.unassigned)


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_byline_unclaimed(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "bylines_over_lead_ins_to_heads_above", lambda page: None)
    assert bylines(PAGE)["湖滨湿地"] is None


# A report printed first, then its headline and a lead-in report's headline with a byline right
# under it, then that report: the byline came with the lead-in report's head block.
HELD = [*BIRDS, "", "湿地公园迎来候鸟", "", "城东三座桥梁通车", "张国成", "", *BRIDGES_LEAD_IN]


def test_a_byline_held_by_a_lead_in_report_goes_to_the_waiting_head_above_in_its_run():
    """Sim TRAIN pdftotext pages 21, 123, 240: the lead-in report never keeps a byline line."""
    assert bylines(HELD) == {"湖滨湿地": "张国成", "城东新建": "本报讯"}


def test_a_byline_held_by_a_lead_in_report_in_a_dump_without_blank_lines_stays():
    """Raw and PyMuPDF dumps: no move (such lines were mostly head lines read as names)."""
    got = bylines([ln for ln in HELD if ln])
    assert got.get("湖滨湿地") != "张国成"


@pytest.mark.pure_python
def test_the_held_rule_off_leaves_the_byline_unassigned(monkeypatch):
    headlines_stage = importlib.import_module("banmian.stages.headlines")
    monkeypatch.setattr(headlines_stage, "bylines_held_by_lead_ins", lambda page: None)
    assert bylines(HELD)["湖滨湿地"] is None
