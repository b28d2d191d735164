"""head_context.mark_heads_above_lead_ins on a page printing its headlines last (made-up lines
in an 11-em column, the bodies of test_heads_tail): text cut short over a lead-in is body."""
from __future__ import annotations

import pytest

import banmian.head_context as head_context
from banmian.pipeline import parse_text
from test_heads_tail import BODIES, HEADS

# The second article's text goes on past its last sentence and is cut short right over the
# third article's lead-in (its rest printed elsewhere): a comma in it, no headline's pair.
CUT_SHORT = ["　　村里的干部说，明年还", "要带领大家办一个加工厂"]


def _kinds(page):
    return {ln.text.strip(): ln.kind for ln in page.lines}


def test_text_cut_short_over_a_lead_in_on_a_heads_last_page_stays_body():
    page = parse_text("\n".join(BODIES[:38] + CUT_SHORT + BODIES[38:] + HEADS), entities=False)[0]
    kinds = _kinds(page)
    assert [kinds[t.strip()] for t in CUT_SHORT] == ["body", "body"]
    assert page.articles[-1].headline == "春运期间铁路 加开旅客列车"


@pytest.mark.pure_python
def test_without_the_rule_the_cut_short_text_is_read_as_a_headline(monkeypatch):
    monkeypatch.setattr(head_context, "HEADS_LAST_NO_HEADS_ABOVE_LEAD_INS", False)
    page = parse_text("\n".join(BODIES[:38] + CUT_SHORT + BODIES[38:] + HEADS), entities=False)[0]
    kinds = _kinds(page)
    assert [kinds[t.strip()] for t in CUT_SHORT] == ["head", "head"]
