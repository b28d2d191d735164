"""A subhead set as a body paragraph that wraps at the indented measure (`subheads.wrapped_subhead`):
kept as a paragraph of its article, where a headline cut in two lines still opens an article."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Line
from banmian.pipeline import parse_text

from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

subheads = importlib.import_module("banmian.subheads")

P1 = "全县今年新修乡村公路三百多公里，沿线村民出行更加方便，农产品运输成本明显下降，村里的果园和菜地都有了新的销路。"
P2 = "县交通局负责人介绍，这些公路大多由村民投工投劳修建，县里补助水泥和沙石，乡镇负责技术指导和质量检查。"
P3 = "修好路只是第一步，养护同样重要。各村选出专职养护员，每人负责几公里路段，定期清理边沟、修补路面。"
P4 = "县里还把公路养护纳入乡镇年度考核，考核结果与补助资金挂钩，让公路常年保持畅通，群众满意。"


def blocks_page(between: list[str]) -> str:
    """A dump with blank lines between blocks (pdftotext's): a headline, two paragraphs,
    `between`, two more paragraphs (12-character column)."""
    parts = [["乡村公路通到家门口"], column_lines(P1), column_lines(P2), between, column_lines(P3), column_lines(P4)]
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


@pytest.mark.pure_python
def test_a_subhead_wrapped_at_the_indented_measure_stays_a_paragraph(monkeypatch):
    text = blocks_page(["建好更要管好养好每一", "段"])  # 10 characters: a 12-em line indented 2 em
    page = parse_text(text, entities=False)[0]
    assert [a.headline for a in page.articles] == ["乡村公路通到家门口"]
    assert page.articles[0].paragraphs == [P1, P2, "建好更要管好养好每一段", P3, P4]
    monkeypatch.setattr(subheads, "STUB_SHARE_MAX", 0.0)  # the rule off: the subhead opens an article
    monkeypatch.setattr(subheads, "STUB_PARAGRAPH_ENDS", False)  # (`每一` / `段` would also read on as a stub's word)
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["乡村公路通到家门口", "建好更要管好养好每一 段"]


def test_a_headline_cut_in_two_keeps_its_longer_second_line():
    # a headline's lines are cut by the editor, the second as long as the first or longer
    text = blocks_page(["建好更要管好", "养好每一段公路"])
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["乡村公路通到家门口", "建好更要管好 养好每一段公路"]


def _line(text: str, kind: str, reason: str = "") -> Line:
    line = Line(no=1, raw=text, text=text, width=float(len(text)), kind=kind)
    if reason:
        line.because(reason)
    return line


def test_wrapped_subhead_wants_a_stub_head_line_and_an_opening_after():
    first = _line("建好更要管好养好每一", "head", subheads.SHORT_UNPUNCTUATED)
    opening = _line("修好路只是第一步，养", "body")  # indented: 2 em short of 12
    assert subheads.wrapped_subhead(first, _line("段", "head"), opening, 12.0)
    assert not subheads.wrapped_subhead(first, _line("王建国", "byline"), opening, 12.0)  # a headline over its byline
    assert not subheads.wrapped_subhead(first, _line("段", "head"), _line("县里还把公路养护纳入乡镇年度", "body"), 12.0)
    assert not subheads.wrapped_subhead(first, _line("段", "head"), None, 12.0)
    short = _line("建好更要管好", "head", subheads.SHORT_UNPUNCTUATED)  # not a full indented line
    assert not subheads.wrapped_subhead(short, _line("段", "head"), opening, 12.0)
