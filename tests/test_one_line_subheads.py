"""A one-line subhead between two paragraphs of one article after a finished sentence, in a dump
without blank lines (`reassemble.subhead_min_cosine`): the text after it stays in its article."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

thread_subheads = importlib.import_module("banmian.thread_subheads")

P1 = "全县今年新修乡村公路三百多公里，沿线村民出行更加方便，农产品运输成本明显下降，村里的果园和菜地都有了新的销路。"
P2 = "县交通局负责人介绍，这些公路大多由村民投工投劳修建，县里补助水泥和沙石，乡镇负责技术指导和路面质量检查。"


RAW_P3 = "修好公路只是第一步，养护同样重要。各村选出专职养护员，每人负责几公里路段，定期清理边沟、修补路面。"
RAW_P4 = "县里还把养护纳入乡镇年度考核，考核结果与补助资金挂钩，让道路常年保持畅通，群众满意。"


def raw_page(p2: str = P2) -> str:
    """The same article as a dump without blank lines (`pdftotext -raw`, PyMuPDF) prints it,
    its two halves sharing less vocabulary (a bigram cosine between SUBHEAD_LOW_COSINE and
    SUBHEAD_MIN_COSINE)."""
    lines = ["乡村公路通到家门口"] + column_lines(P1) + column_lines(p2) + ["管好养好"] + column_lines(RAW_P3) + column_lines(RAW_P4)
    return "\n".join(lines) + "\n"


@pytest.mark.pure_python
def test_an_uncredited_one_line_subhead_asks_less_shared_text_in_a_dump_without_blank_lines(monkeypatch):
    page = parse_text(raw_page(), entities=False)[0]
    assert [a.headline for a in page.articles] == ["乡村公路通到家门口"]
    assert "管好养好" in page.articles[0].paragraphs
    monkeypatch.setattr(thread_subheads, "SUBHEAD_LOW_COSINE", thread_subheads.SUBHEAD_MIN_COSINE)  # the rule off
    assert [a.headline for a in parse_text(raw_page(), entities=False)[0].articles] == ["乡村公路通到家门口", "管好养好"]


def test_a_closing_credit_before_the_head_line_ends_the_report():
    # `…质量检查。（林文）`: the report before is over, the line is another article's headline
    text = raw_page(P2[:-1] + "。（林文）")
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["乡村公路通到家门口", "管好养好"]


def test_not_taken_after_a_question():
    # a question right before a short head line is as often a headline's, read as body
    text = raw_page(P2[:-1] + "？")
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["乡村公路通到家门口", "管好养好"]
